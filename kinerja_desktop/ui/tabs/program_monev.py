"""The Monev Triwulan page of the Program tab: the budget realised per kegiatan and the notes
(kendala, tindak lanjut) of each indicator in the chosen triwulan, locked once that triwulan
is approved. Each edit is one undo step of the tab."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    set_keterangan,
    set_realisasi_anggaran,
)
from kinerja_desktop.db.persetujuan import keadaan_periode
from kinerja_desktop.db.queries_program import (
    kegiatan_per_program,
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
)
from kinerja_desktop.domain.periode import ROMAWI, parse_periode
from kinerja_desktop.domain.value_text import parse_rupiah
from kinerja_desktop.ui.tabs.common import TeksDelegate
from kinerja_desktop.ui.tabs.program_model import (
    KOLOM_KETERANGAN,
    Kunci,
    ModelEdit,
    fill_keterangan,
    fill_realisasi,
    kolom_realisasi,
)
from kinerja_desktop.ui.tabs.program_widgets import Tumpuk, expand_all, pohon

Push = Callable[[str, Callable[[], Hasil[Any]], Callable[[], Hasil[Any]]], Hasil[Any] | None]
"""The tab's way of running an undoable step: (text, do, undo); None when it failed."""

Read = Callable[[Callable[[], Any]], Any]
"""The tab's way of reading in a slot (TabDasar.read): the result, None when it failed."""


class MonevPage(QWidget):
    """The budget realised and the notes of one jabatan in one triwulan."""

    def __init__(self, push: Push, on_edit: Callable[[Kunci, Any], None], read: Read) -> None:
        super().__init__()
        self._push, self._read = push, read
        self.jabatan_id: int | None = None
        self.tahun: int | None = None
        self.indikator: list[tuple[int, str]] = []  # (id, "KODE nama") of the jabatan
        self._periode_tampil = 0  # the triwulan the tables show
        self.combo_periode = QComboBox()
        self.combo_periode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo_periode.activated.connect(lambda _: self._change_periode())
        self.label_kunci = QLabel("")
        self.label_kunci.setWordWrap(True)
        self.label_kunci.setStyleSheet("QLabel { color: #8a1c1c; }")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Triwulan:"))
        bar.addWidget(self.combo_periode)
        bar.addWidget(self.label_kunci, 1)

        self.model_realisasi = ModelEdit(kolom_realisasi(1))
        self.model_realisasi.on_edit = on_edit
        self.view_realisasi = pohon(self.model_realisasi)
        kotak_realisasi = QGroupBox("Realisasi anggaran (Rupiah, triwulan ini saja)")
        self.tumpuk_realisasi = Tumpuk(
            self.view_realisasi,
            "Belum ada kegiatan. Tulis program dan kegiatannya di halaman Program & Anggaran; "
            "realisasi anggarannya diisi di sini per triwulan.",
        )
        QVBoxLayout(kotak_realisasi).addWidget(self.tumpuk_realisasi)

        self.model_keterangan = ModelEdit(KOLOM_KETERANGAN)
        self.model_keterangan.on_edit = on_edit
        self.view_keterangan = QTableView()
        self.view_keterangan.setModel(self.model_keterangan)
        self.view_keterangan.setItemDelegate(TeksDelegate(self.view_keterangan))
        self.view_keterangan.setWordWrap(True)
        self.view_keterangan.setAlternatingRowColors(True)
        self.view_keterangan.verticalHeader().hide()
        self.view_keterangan.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        header = self.view_keterangan.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for kolom in (1, 2, 3):
            header.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Stretch)
        kotak_keterangan = QGroupBox(
            "Kendala dan tindak lanjut per indikator (klik dua kali untuk menulis)"
        )
        QVBoxLayout(kotak_keterangan).addWidget(self.view_keterangan)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(kotak_realisasi)
        splitter.addWidget(kotak_keterangan)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def fill_periode(self, tahun: int) -> None:
        """List the triwulan of ``tahun``; the current one (of today) is chosen."""
        self.combo_periode.clear()
        for tw in range(1, 5):
            self.combo_periode.addItem(f"Triwulan {ROMAWI[tw - 1]} {tahun}", f"{tahun}Q{tw}")
        hari_ini = date.today()
        self.combo_periode.setCurrentIndex(
            (hari_ini.month - 1) // 3 if hari_ini.year == tahun else 0
        )

    def load(self, jabatan_id: int, tahun: int, indikator: list[tuple[int, str]]) -> None:
        """Show ``jabatan_id`` of ``tahun`` with its indicators ``(id, "KODE nama")``."""
        self.jabatan_id, self.tahun, self.indikator = jabatan_id, tahun, indikator
        self.reload()

    def reload(self) -> None:
        """The budget realised and the notes of the triwulan chosen."""
        if self.jabatan_id is None or self.tahun is None:
            return
        periode = parse_periode(str(self.combo_periode.currentData()))
        ids = [self.jabatan_id]
        terkunci = keadaan_periode(ids, periode)[self.jabatan_id].terkunci
        self.label_kunci.setText(
            f"{periode.label} sudah disetujui: realisasi anggaran dan keterangannya terkunci."
            if terkunci
            else ""
        )
        kini = self.model_realisasi.kunci(self.view_realisasi.currentIndex())
        fill_realisasi(
            self.model_realisasi,
            read_program(self.tahun, ids),
            kegiatan_per_program(read_kegiatan(self.tahun, ids)),
            read_realisasi_anggaran(self.tahun, ids),
            periode.ke,
            terkunci,
        )
        expand_all(self.view_realisasi, kini)
        self.tumpuk_realisasi.refresh()
        catatan = read_keterangan(self.tahun, periode.id, ids)
        indikator = [
            (i, label.split(" ", 1)[0], label.split(" ", 1)[-1]) for i, label in self.indikator
        ]
        fill_keterangan(
            self.model_keterangan,
            indikator,
            {i: c for (i, _), c in catatan.items()},
            terkunci,
        )
        self._periode_tampil = self.combo_periode.currentIndex()

    def _change_periode(self) -> None:
        """Show the chosen triwulan; one that cannot be read leaves the tables and the choice
        as they were."""

        def reload() -> bool:
            self.reload()
            return True

        if self._read(reload) is None:
            with QSignalBlocker(self.combo_periode):
                self.combo_periode.setCurrentIndex(self._periode_tampil)

    def edit_realisasi(self, kunci: Kunci, teks: str) -> bool:
        """The budget realised of a kegiatan in the chosen triwulan, as one undo step; False
        when it was not saved (the tab says why)."""
        assert self.tahun is not None
        nilai = parse_rupiah(teks, "Realisasi anggaran")
        masuk = [AnggaranMasuk(kunci.id, f"{self.tahun}{kunci.kolom}", nilai)]
        return self._push_set("Ubah realisasi anggaran", set_realisasi_anggaran, masuk)

    def edit_keterangan(self, kunci: Kunci, teks: str) -> bool:
        """The kendala or tindak lanjut of an indicator in the chosen triwulan, as one undo
        step; False when it was not saved (the tab says why)."""
        periode = str(self.combo_periode.currentData())
        # the note's other text as stored, not as shown: it may have changed meanwhile
        catatan = self._read(
            lambda: read_keterangan(self.tahun or 0, periode, [self.jabatan_id or 0])
        )
        if catatan is None:
            return False  # the notes could not be read: said over the tab, nothing changed
        sekarang = catatan.get((kunci.id, periode))
        kendala = sekarang.kendala if sekarang else ""
        tindak = sekarang.tindak_lanjut if sekarang else ""
        if kunci.kolom == "kendala":
            kendala = teks
        else:
            tindak = teks
        masuk = [KeteranganMasuk(kunci.id, periode, kendala, tindak)]
        return self._push_set("Ubah keterangan", set_keterangan, masuk)

    def _push_set(
        self, judul: str, set_rows: Callable[..., Hasil[list[Any]]], masuk: list[Any]
    ) -> bool:
        """One undo step writing ``masuk`` through ``set_rows``, whose ``Hasil.data`` is the
        rows it replaced: the first run keeps them, undo writes them back. False when it
        failed."""
        state: dict[str, list[Any]] = {}

        def do() -> Hasil[list[Any]]:
            hasil = set_rows(masuk, aksi="ulang" if state else "isian")
            state.setdefault("lama", hasil.data)
            return hasil

        return self._push(judul, do, lambda: set_rows(state["lama"], aksi="urung")) is not None
