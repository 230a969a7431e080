"""The Program tab: a jabatan's programs and kegiatan with their anggaran and the budget
realised per triwulan, its Rencana Aksi with sub-actions and penanggung jawab, and the monev
notes (kendala, tindak lanjut) of each indicator per triwulan. Every edit is one undo step.

Long because its Program & Anggaran and Rencana Aksi pages share one jabatan, one reload, one
set of link choices and one way of turning a cell edit into an undoable operation; the Monev
Triwulan page is program_monev, the widgets and models live in program_widgets and
program_model.
"""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db import ops_program
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.ops_program import IsiAksi, IsiKegiatan, IsiProgram, Jenis
from kinerja_desktop.db.queries import find_jabatan
from kinerja_desktop.db.queries_program import (
    Pilihan,
    kegiatan_per_program,
    pilihan_tautan,
    read_kegiatan,
    read_program,
    read_realisasi_anggaran,
    read_rencana_aksi,
)
from kinerja_desktop.domain.value_text import parse_rupiah
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.ui.tabs.common import (
    TabDasar,
)
from kinerja_desktop.ui.tabs.program_model import (
    KOLOM_AKSI,
    KOLOM_PROGRAM,
    TEKS_KETIK,
    Kunci,
    ModelEdit,
    fill_aksi,
    fill_program,
)
from kinerja_desktop.ui.tabs.program_monev import MonevPage
from kinerja_desktop.ui.tabs.program_widgets import (
    PenanggungJawabDelegate,
    PilihJabatan,
    Tumpuk,
    combo_tautan,
    expand_all,
    fill_combo,
    find_cell,
    find_row,
    induk_id,
    pohon,
    tombol,
)

_NAMA = {"program": "program", "kegiatan": "kegiatan", "aksi": "rencana aksi"}


class ProgramTab(TabDasar):
    """Programs, anggaran, Rencana Aksi and monev notes of the selected jabatan."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.tahun: int | None = None
        self.pilihan = Pilihan([], [], [], [])
        self.halaman = QTabWidget()
        self.halaman.addTab(self._build_program_page(), "Program && Anggaran")
        self.halaman.addTab(self._build_aksi_page(), "Rencana Aksi")
        self.monev = MonevPage(self.push, self._edit, self.read)
        self.halaman.addTab(self.monev, "Monev Triwulan")
        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.halaman)
        self.set_jabatan(None)

    # -- building -----------------------------------------------------------------------
    def _build_program_page(self) -> QWidget:
        self.model_program = ModelEdit(KOLOM_PROGRAM)
        self.model_program.on_edit = self._edit
        self.view_program = pohon(self.model_program)
        self.view_program.selectionModel().currentChanged.connect(self._update_program)
        bar = QHBoxLayout()
        self.btn_program = tombol(
            "Tambah program", "Tambahkan program jabatan ini", self._add_program
        )
        self.btn_kegiatan = tombol(
            "Tambah kegiatan", "Tambahkan kegiatan pada program yang dipilih", self._add_kegiatan
        )
        self.btn_hapus_program, self.btn_naik_program, self.btn_turun_program = self._tombol_baris(
            self.view_program, "Hapus baris yang dipilih"
        )
        for b in (
            self.btn_program,
            self.btn_kegiatan,
            self.btn_hapus_program,
            self.btn_naik_program,
            self.btn_turun_program,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        tautan = QHBoxLayout()
        self.label_tautan, self.combo_tautan = combo_tautan("Sasaran terkait:")
        self.combo_tautan.activated.connect(lambda _: self._link_program())
        tautan.addWidget(self.label_tautan)
        tautan.addWidget(self.combo_tautan, 1)
        petunjuk = QLabel(
            "Anggaran ditulis dalam Rupiah utuh, misalnya 1.250.000; baris program menjumlahkan "
            "kegiatannya setelah semuanya diisi (sebelum itu tertulis \"belum lengkap\" dan "
            "dokumen belum mencetak jumlahnya). Realisasi anggaran diisi per triwulan di halaman "
            "Monev Triwulan."
        )
        petunjuk.setWordWrap(True)
        halaman = QWidget()
        layout = QVBoxLayout(halaman)
        layout.addLayout(bar)
        self.tumpuk_program = Tumpuk(
            self.view_program,
            "Jabatan ini belum punya program. Klik “Tambah program”, lalu tambahkan kegiatan "
            "dan anggarannya.",
            "Tambah program",
            self._add_program,
        )
        layout.addWidget(self.tumpuk_program, 1)
        layout.addLayout(tautan)
        layout.addWidget(petunjuk)
        return halaman

    def _tombol_baris(
        self, view: QTreeView, tip_hapus: str
    ) -> tuple[QPushButton, QPushButton, QPushButton]:
        """The Hapus, Naik and Turun buttons acting on the current row of ``view``."""
        return (
            tombol("Hapus", tip_hapus, lambda: self._remove(view)),
            tombol(
                "Naik",
                "Pindahkan baris yang dipilih satu baris ke atas",
                lambda: self._move(view, -1),
            ),
            tombol(
                "Turun",
                "Pindahkan baris yang dipilih satu baris ke bawah",
                lambda: self._move(view, 1),
            ),
        )

    def _build_aksi_page(self) -> QWidget:
        self.model_aksi = ModelEdit(KOLOM_AKSI)
        self.model_aksi.on_edit = self._edit
        self.view_aksi = pohon(self.model_aksi)
        self.delegate_pj = PenanggungJawabDelegate(self.view_aksi)
        self.view_aksi.setItemDelegateForColumn(1, self.delegate_pj)
        header = self.view_aksi.header()
        for kolom, lebar in ((1, 170), (2, 70), (3, 70), (4, 70), (5, 70)):
            header.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(kolom, lebar)
        self.view_aksi.selectionModel().currentChanged.connect(self._update_aksi)
        bar = QHBoxLayout()
        self.btn_aksi = tombol("Tambah aksi", "Tambahkan rencana aksi", self._add_aksi)
        self.btn_sub = tombol(
            "Tambah sub-aksi", "Tambahkan sub-aksi di bawah aksi yang dipilih", self._add_sub
        )
        self.btn_hapus_aksi, self.btn_naik_aksi, self.btn_turun_aksi = self._tombol_baris(
            self.view_aksi, "Hapus aksi yang dipilih beserta sub-aksinya"
        )
        for b in (
            self.btn_aksi,
            self.btn_sub,
            self.btn_hapus_aksi,
            self.btn_naik_aksi,
            self.btn_turun_aksi,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        tautan = QHBoxLayout()
        label_ind, self.combo_aksi_indikator = combo_tautan("Indikator:")
        label_keg, self.combo_aksi_kegiatan = combo_tautan("Kegiatan:")
        self.combo_aksi_indikator.activated.connect(lambda _: self._link_aksi("indikator_id"))
        self.combo_aksi_kegiatan.activated.connect(lambda _: self._link_aksi("kegiatan_id"))
        for w in (label_ind, self.combo_aksi_indikator, label_keg, self.combo_aksi_kegiatan):
            tautan.addWidget(w, 1 if isinstance(w, QComboBox) else 0)
        petunjuk = QLabel(
            "Kolom TW I–IV: apa yang direncanakan pada triwulan itu (mis. ✓, 1 dokumen, 25%). "
            "Penanggung jawab: pilih jabatan dari daftar atau tulis nama lain."
        )
        petunjuk.setWordWrap(True)
        halaman = QWidget()
        layout = QVBoxLayout(halaman)
        layout.addLayout(bar)
        self.tumpuk_aksi = Tumpuk(
            self.view_aksi,
            "Jabatan ini belum punya rencana aksi. Klik “Tambah aksi” untuk menuliskannya.",
            "Tambah aksi",
            self._add_aksi,
        )
        layout.addWidget(self.tumpuk_aksi, 1)
        layout.addLayout(tautan)
        layout.addWidget(petunjuk)
        return halaman

    # -- contract -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the shown jabatan's plan, budget realised and notes again."""
        if self.jabatan_id is None:
            return
        jabatan = find_jabatan(self.jabatan_id)
        if jabatan is None:
            self.set_jabatan(None)
            return
        if jabatan.tahun != self.tahun:
            self.tahun = jabatan.tahun
            self.monev.fill_periode(jabatan.tahun)
        ids = [self.jabatan_id]
        self.pilihan = pilihan_tautan(self.jabatan_id, jabatan.tahun)
        self.delegate_pj.jabatan = self.pilihan.jabatan
        kini = self.model_program.kunci(self.view_program.currentIndex())
        fill_program(
            self.model_program,
            read_program(jabatan.tahun, ids),
            kegiatan_per_program(read_kegiatan(jabatan.tahun, ids)),
            read_realisasi_anggaran(jabatan.tahun, ids),
        )
        expand_all(self.view_program, kini)
        self.tumpuk_program.refresh()
        kini = self.model_aksi.kunci(self.view_aksi.currentIndex())
        fill_aksi(self.model_aksi, read_rencana_aksi(jabatan.tahun, ids))
        expand_all(self.view_aksi, kini)
        self.tumpuk_aksi.refresh()
        self.monev.load(self.jabatan_id, jabatan.tahun, self.pilihan.indikator)
        self._update_program()
        self._update_aksi()

    def concerns(self, perubahan: Perubahan) -> bool:
        """Plan changes of the shown jabatan, or changes of its indicators or the tree."""
        return (
            perubahan.jabatan_tree
            or perubahan.indikator
            or (perubahan.program and self.jabatan_id in perubahan.jabatan)
            or perubahan.nilai  # an approval may lock or unlock a triwulan
        )

    def copy_selection(self) -> None:
        """Nothing is copied from this tab: its rows are edited in place."""

    def paste(self) -> None:
        """Nothing is pasted into this tab."""

    # -- edits --------------------------------------------------------------------------
    def _edit(self, kunci: Kunci, value: Any) -> None:
        """One cell edited: build the operation and its undo, push it. Text that was not
        saved (refused, or the database failed) opens again in its cell to correct or save
        again."""
        try:
            if kunci.jenis == "realisasi":
                saved = self.monev.edit_realisasi(kunci, str(value))
            elif kunci.jenis == "keterangan":
                saved = self.monev.edit_keterangan(kunci, str(value))
            else:
                saved = self._edit_baris(kunci, value)
        except DataTidakValid as exc:  # refused before anything ran (a Rupiah typed wrong)
            self.show_error(exc.pesan)
            saved = False
        if not saved and isinstance(value, str):
            self._edit_again(kunci, value)

    def _edit_again(self, kunci: Kunci, teks: str) -> None:
        """Open the cell of ``kunci`` again, its editor holding ``teks`` (until saved or the
        tab reads the stored rows again)."""
        if kunci.jenis in ("realisasi", "keterangan"):
            view, model = (
                (self.monev.view_realisasi, self.monev.model_realisasi)
                if kunci.jenis == "realisasi"
                else (self.monev.view_keterangan, self.monev.model_keterangan)
            )
        elif kunci.jenis == "aksi":
            view, model = self.view_aksi, self.model_aksi
        else:
            view, model = self.view_program, self.model_program
        index = find_cell(model, kunci)
        if index is None:
            return
        model.itemFromIndex(index).setData(teks, TEKS_KETIK)
        view.setCurrentIndex(index)
        view.edit(index)

    def _edit_baris(self, kunci: Kunci, value: Any) -> bool:
        jenis: Jenis = kunci.jenis  # type: ignore[assignment]
        lama = self.read(lambda: ops_program.read_isi(jenis, kunci.id))
        if lama is None:
            return False  # the row could not be read: said over the tab, nothing changed
        perubahan: dict[str, Any]
        if kunci.kolom == "anggaran":
            perubahan = {"anggaran": parse_rupiah(str(value))}
        elif kunci.kolom == "penanggung_jawab" and isinstance(value, PilihJabatan):
            perubahan = {"penanggung_jawab_id": value.jabatan_id, "penanggung_jawab_teks": ""}
        elif kunci.kolom == "penanggung_jawab":
            teks = str(value).strip()
            # a name typed exactly as a jabatan of the year is that jabatan
            cocok = [i for i, nama in self.pilihan.jabatan if nama == teks]
            perubahan = {
                "penanggung_jawab_id": cocok[0] if cocok else None,
                "penanggung_jawab_teks": "" if cocok else teks,
            }
        else:
            perubahan = {kunci.kolom: str(value)}
        return self._push_ubah(jenis, kunci.id, lama, replace(lama, **perubahan))

    def _push_ubah(self, jenis: Jenis, row_id: int, lama: Any, baru: Any) -> bool:
        hasil = self.push(
            f"Ubah {_NAMA[jenis]}",
            lambda: ops_program.update_butir(jenis, row_id, baru),
            lambda: ops_program.update_butir(jenis, row_id, lama, aksi="urung"),
        )
        return hasil is not None

    def _add(self, jenis: Jenis, add: Callable[[], Hasil[int]]) -> int | None:
        return self.push_add(
            f"Tambah {_NAMA[jenis]}",
            add,
            lambda row_id: ops_program.remove_butir(jenis, [row_id], aksi="urung"),
            lambda cuplikan: ops_program.reinsert_butir(cuplikan, aksi="ulang"),
        )

    def _add_program(self) -> None:
        if self.jabatan_id is None:
            return
        jabatan_id = self.jabatan_id
        baru = self._add(
            "program", lambda: ops_program.add_program(jabatan_id, IsiProgram("Program baru"))
        )
        self._edit_new(self.view_program, self.model_program, "program", baru)

    def _add_kegiatan(self) -> None:
        kunci = self.model_program.kunci(self.view_program.currentIndex())
        if kunci is None:
            return
        program_id = kunci.id if kunci.jenis == "program" else induk_id(self.view_program)
        if program_id is None:
            return
        baru = self._add(
            "kegiatan",
            lambda: ops_program.add_kegiatan(program_id, IsiKegiatan("Kegiatan baru")),
        )
        self._edit_new(self.view_program, self.model_program, "kegiatan", baru)

    def _add_aksi(self) -> None:
        if self.jabatan_id is None:
            return
        jabatan_id = self.jabatan_id
        baru = self._add(
            "aksi", lambda: ops_program.add_aksi(jabatan_id, IsiAksi("Rencana aksi baru"))
        )
        self._edit_new(self.view_aksi, self.model_aksi, "aksi", baru)

    def _add_sub(self) -> None:
        kunci = self.model_aksi.kunci(self.view_aksi.currentIndex())
        if kunci is None or self.jabatan_id is None:
            return
        induk = induk_id(self.view_aksi) or kunci.id
        jabatan_id = self.jabatan_id
        baru = self._add(
            "aksi",
            lambda: ops_program.add_aksi(jabatan_id, IsiAksi("Sub-aksi baru"), induk_id=induk),
        )
        self._edit_new(self.view_aksi, self.model_aksi, "aksi", baru)

    def _edit_new(self, view: QTreeView, model: ModelEdit, jenis: str, row_id: int | None) -> None:
        """Make the row just added current and open its name for typing."""
        if row_id is None:
            return
        index = find_row(model, jenis, row_id)
        if index is not None:
            view.setCurrentIndex(index)
            view.scrollTo(index)
            view.edit(index)

    def _remove(self, view: QTreeView) -> None:
        model = view.model()
        assert isinstance(model, ModelEdit)
        kunci = model.kunci(view.currentIndex())
        if kunci is None:
            return
        jenis: Jenis = kunci.jenis  # type: ignore[assignment]
        self.push_remove(
            f"Hapus {_NAMA[jenis]}",
            lambda: ops_program.remove_butir(jenis, [kunci.id]),
            lambda cuplikan: ops_program.reinsert_butir(cuplikan),
        )

    def _move(self, view: QTreeView, langkah: int) -> None:
        model = view.model()
        assert isinstance(model, ModelEdit)
        kunci = model.kunci(view.currentIndex())
        if kunci is None:
            return
        jenis: Jenis = kunci.jenis  # type: ignore[assignment]
        self.push(
            f"Pindahkan {_NAMA[jenis]}",
            lambda: ops_program.move_butir(jenis, kunci.id, langkah),
            lambda: ops_program.move_butir(jenis, kunci.id, -langkah, aksi="urung"),
        )
        index = find_row(model, jenis, kunci.id)
        if index is not None:
            view.setCurrentIndex(index)

    def _link_program(self) -> None:
        kunci = self.model_program.kunci(self.view_program.currentIndex())
        if kunci is None:
            return
        jenis: Jenis = kunci.jenis  # type: ignore[assignment]
        lama = self.read(lambda: ops_program.read_isi(jenis, kunci.id))
        if lama is None:
            return
        kolom = "sasaran_id" if jenis == "program" else "indikator_id"
        self._push_ubah(
            jenis, kunci.id, lama, replace(lama, **{kolom: self.combo_tautan.currentData()})
        )

    def _link_aksi(self, kolom: str) -> None:
        kunci = self.model_aksi.kunci(self.view_aksi.currentIndex())
        if kunci is None:
            return
        combo = self.combo_aksi_indikator if kolom == "indikator_id" else self.combo_aksi_kegiatan
        lama = self.read(lambda: ops_program.read_isi("aksi", kunci.id))
        if lama is None:
            return
        self._push_ubah("aksi", kunci.id, lama, replace(lama, **{kolom: combo.currentData()}))

    # -- button and link states ---------------------------------------------------------
    def _update_program(self, *_: Any) -> None:
        kunci = self.model_program.kunci(self.view_program.currentIndex())
        for b in (
            self.btn_kegiatan,
            self.btn_hapus_program,
            self.btn_naik_program,
            self.btn_turun_program,
            self.combo_tautan,
        ):
            b.setEnabled(kunci is not None)
        self.combo_tautan.clear()
        if kunci is None:
            self.label_tautan.setText("Sasaran terkait:")
            return
        if kunci.jenis == "program":
            self.label_tautan.setText("Sasaran terkait:")
            pilihan = self.pilihan.sasaran
        else:
            self.label_tautan.setText("Indikator terkait:")
            pilihan = self.pilihan.indikator
        isi = self.read(lambda: ops_program.read_isi(kunci.jenis, kunci.id))  # type: ignore[arg-type]
        if isi is None:
            self.combo_tautan.setEnabled(False)  # what it links to is not known: no choice
            return
        sekarang = (
            isi.sasaran_id if isinstance(isi, IsiProgram) else getattr(isi, "indikator_id", None)
        )
        fill_combo(self.combo_tautan, pilihan, sekarang)

    def _update_aksi(self, *_: Any) -> None:
        kunci = self.model_aksi.kunci(self.view_aksi.currentIndex())
        for w in (
            self.btn_sub,
            self.btn_hapus_aksi,
            self.btn_naik_aksi,
            self.btn_turun_aksi,
            self.combo_aksi_indikator,
            self.combo_aksi_kegiatan,
        ):
            w.setEnabled(kunci is not None)
        self.combo_aksi_indikator.clear()
        self.combo_aksi_kegiatan.clear()
        if kunci is None:
            return
        isi = self.read(lambda: ops_program.read_isi("aksi", kunci.id))
        if isi is None:
            for combo in (self.combo_aksi_indikator, self.combo_aksi_kegiatan):
                combo.setEnabled(False)  # what it links to is not known: no choice
            return
        assert isinstance(isi, IsiAksi)
        fill_combo(self.combo_aksi_indikator, self.pilihan.indikator, isi.indikator_id)
        fill_combo(self.combo_aksi_kegiatan, self.pilihan.kegiatan, isi.kegiatan_id)
