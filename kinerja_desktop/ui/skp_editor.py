"""Laporan › SKP Pegawai…: the SKP editor. Choose the year and the pegawai; make an SKP from the
IKI of the jabatan held; edit its rencana hasil kerja (Utama and Tambahan) and the atasan's
expectation of each BerAKHLAK core value; evaluate a period (tab Evaluasi: the application's
proposal beside the atasan's decision); and keep the kecamatan's predikat, the predikat matrix
and the distribution check in view (tab Predikat & Kurva).

Every edit is saved at once (and logged in the audit log); a refusal is shown in red under the
tabs, the edit stays on screen to correct. The main window adds "SKP Pegawai…" and "Cetak
SKP…" (:mod:`skp_dialog`) to its Laporan menu through :func:`create_actions`.
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.queries import latest_year, years
from kinerja_desktop.db.queries_indikator import kode_indikator
from kinerja_desktop.db.queries_skp import DataSkp
from kinerja_desktop.domain.skp import Bagian
from kinerja_desktop.ui.pesan import ask_yes
from kinerja_desktop.ui.skp_bersama import Pelaksana, fit_rows_to_width, item_baca, item_isi
from kinerja_desktop.ui.skp_perilaku_tab import PerilakuTab
from kinerja_desktop.ui.skp_tambah import TambahRhkDialog
from kinerja_desktop.ui.tasks import TaskRunner

KOLOM_RENCANA = (
    "Bagian",
    "RHK Pimpinan\nyang Diintervensi",
    "Rencana Hasil Kerja",
    "Aspek",
    "Indikator Kinerja Individu",
    "Target",
    "Satuan",
    "Sumber",
)
_KUNCI_RENCANA = (None, "rhk_atasan", "rhk", "aspek", "indikator", "target", "satuan", None)


class SkpEditor(QDialog):
    """The SKP editor window (see the module's description)."""

    def __init__(
        self, parent: QWidget | None, tahun: int | None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("SKP Pegawai (PermenPANRB 6/2022)")
        self.runner = runner
        self.data: DataSkp | None = None
        self._mengisi = False  # tables being filled: their change signals are not edits

        self.tahun = QComboBox()
        for y in years():
            self.tahun.addItem(str(y), y)
        pilih = tahun if tahun is not None else latest_year()
        self.tahun.setCurrentIndex(max(self.tahun.findData(pilih), 0))
        self.pegawai = QComboBox()
        self.pegawai.setMinimumContentsLength(42)
        self.pegawai.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.buat = QPushButton("&Buat SKP…")
        self.buat.setToolTip("Membuat SKP pemangku jabatan dari IKI jabatannya")
        self.hapus = QPushButton("Hapus SKP…")
        self.cetak = QPushButton("&Cetak…")
        atas = QHBoxLayout()
        for label, widget in (("Ta&hun:", self.tahun), ("&Pegawai:", self.pegawai)):
            teks = QLabel(label)
            teks.setBuddy(widget)
            atas.addWidget(teks)
            atas.addWidget(widget)
        atas.addWidget(self.buat)
        atas.addWidget(self.hapus)
        atas.addStretch(1)
        atas.addWidget(self.cetak)

        self.pihak = QLabel()
        self.pihak.setWordWrap(True)
        self.pihak.setTextFormat(Qt.TextFormat.PlainText)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.galat = QLabel()
        self.galat.setWordWrap(True)
        self.galat.setTextFormat(Qt.TextFormat.PlainText)
        self.galat.setStyleSheet("color: #b00020;")
        self.galat.hide()
        self.jalankan = Pelaksana(self, self.show_error, self._sesudah)

        self.tabs = QTabWidget()
        self.rencana = self._tab_rencana()
        self.perilaku = PerilakuTab(self.jalankan, self.load)
        from kinerja_desktop.ui.skp_aturan_tab import AturanTab
        from kinerja_desktop.ui.skp_evaluasi_tab import EvaluasiTab

        self.evaluasi = EvaluasiTab(self.jalankan)
        self.aturan = AturanTab(self.jalankan)
        self.tabs.addTab(self.rencana, "&1 Rencana Hasil Kerja")
        self.tabs.addTab(self.perilaku, "&2 Perilaku Kerja")
        self.tabs.addTab(self.evaluasi, "&3 Evaluasi")
        self.tabs.addTab(self.aturan, "&4 Predikat && Kurva")

        for tombol in (self.buat, self.hapus, self.cetak):
            tombol.setAutoDefault(False)  # Enter ends a cell's edit, never opens a dialog
        tutup = QPushButton("&Tutup")
        tutup.setAutoDefault(False)
        tutup.clicked.connect(self.accept)
        bawah = QHBoxLayout()
        bawah.addWidget(self.status, 1)
        bawah.addWidget(tutup)

        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(self.pihak)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.galat)
        layout.addLayout(bawah)
        self.resize(1180, 700)

        self.tahun.currentIndexChanged.connect(self._fill_pegawai)
        self.pegawai.currentIndexChanged.connect(self.load)
        self.buat.clicked.connect(self._add_skp)
        self.hapus.clicked.connect(self._remove_skp)
        self.cetak.clicked.connect(self._open_cetak)
        self._fill_pegawai()

    # ----- the year's SKP ------------------------------------------------------------------

    def _fill_pegawai(self, pilih: int | None = None) -> None:
        from kinerja_desktop.db.queries_skp_tahun import daftar_skp

        tahun = self.tahun.currentData()
        lama = pilih if isinstance(pilih, int) and pilih else self.pegawai.currentData()
        self.pegawai.blockSignals(True)
        self.pegawai.clear()
        if tahun is not None:
            for r in daftar_skp(tahun):
                predikat = f" — {r.predikat_tahunan}" if r.predikat_tahunan else ""
                self.pegawai.addItem(f"{r.nama} ({r.jabatan}){predikat}", r.id)
        if self.pegawai.count() == 0:
            self.pegawai.addItem("(belum ada SKP tahun ini: klik Buat SKP)", None)
        self.pegawai.setCurrentIndex(max(self.pegawai.findData(lama), 0))
        self.pegawai.blockSignals(False)
        self.aturan.load(tahun)
        self.load()

    def load(self) -> None:
        """Show the chosen SKP in every tab (or an explanation when there is none)."""
        from kinerja_desktop.db.queries_skp import read_skp

        skp_id = self.pegawai.currentData()
        self.data = read_skp(skp_id) if skp_id is not None else None
        ada = self.data is not None
        for w in (self.hapus, self.tambah_utama, self.tambah_tambahan, self.hapus_baris):
            w.setEnabled(ada)
        self.cetak.setEnabled(ada)
        if self.data is None:
            self.pihak.setText(
                "Pilih tahun, lalu Buat SKP untuk pemangku jabatan: rencana hasil kerjanya "
                "diambil dari IKI jabatan itu, dan dapat disunting di sini."
            )
        else:
            p, n = self.data.pegawai, self.data.penilai
            penilai = f"{n.nama} ({n.jabatan})" if n is not None else "belum diketahui"
            self.pihak.setText(
                f"Pegawai yang dinilai: {p.nama}, {p.jabatan}. Pejabat penilai kinerja: {penilai}."
            )
        self._fill_rencana()
        self.perilaku.load(self.data)
        self.evaluasi.load(self.data)

    def _add_skp(self) -> None:
        from kinerja_desktop.db.ops_skp import add_skp
        from kinerja_desktop.db.queries_skp_tahun import calon_skp

        tahun = self.tahun.currentData()
        if tahun is None:
            return
        calon = calon_skp(tahun)
        if not calon:
            self.show_error(
                f"Semua pemangku jabatan tahun {tahun} sudah memiliki SKP. Pegawai baru dicatat "
                "dulu sebagai pemangku di tab Pemangku jabatannya."
            )
            return
        label = [f"{c.nama} — {c.jabatan}" for c in calon]
        pilih, ok = QInputDialog.getItem(
            self, "Buat SKP", f"Pemangku jabatan tahun {tahun} tanpa SKP:", label, 0, False
        )
        if not ok:
            return
        c = calon[label.index(pilih)]
        hasil: list[int] = []

        def op() -> Hasil[int]:
            dibuat = add_skp(c.pegawai_id, tahun, c.jabatan_id)
            hasil.append(dibuat.data)
            return dibuat

        if self.jalankan(op):
            self._fill_pegawai(hasil[0])

    def _remove_skp(self) -> None:
        from kinerja_desktop.db.ops_skp import remove_skp

        if self.data is None:
            return
        tanya = ask_yes(
            self,
            "Hapus SKP",
            f"Hapus SKP {self.data.pegawai.nama} tahun {self.data.tahun} beserta evaluasinya? "
            "Penghapusan tercatat di Riwayat Perubahan.",
        )
        if tanya and self.jalankan(lambda: remove_skp(self.data.id if self.data else 0)):
            self._fill_pegawai()

    def _open_cetak(self) -> None:
        from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog

        nip = self.data.pegawai.nip if self.data is not None else None
        SkpLaporanDialog(self, self.tahun.currentData(), self.runner, nip or None).exec()

    # ----- plan ----------------------------------------------------------------------------

    def _tab_rencana(self) -> QWidget:
        tab = QWidget()
        self.tabel_rencana = QTableWidget(0, len(KOLOM_RENCANA))
        self.tabel_rencana.setHorizontalHeaderLabels(list(KOLOM_RENCANA))
        self.tabel_rencana.setWordWrap(True)
        self.tabel_rencana.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tabel_rencana.horizontalHeader()
        for c, mode in enumerate((0, 1, 1, 0, 1, 0, 0, 0)):
            header.setSectionResizeMode(
                c,
                QHeaderView.ResizeMode.Stretch if mode else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.tabel_rencana.itemChanged.connect(self._rencana_diubah)
        fit_rows_to_width(self.tabel_rencana)
        self.tambah_utama = QPushButton("Tambah ke &Utama…")
        self.tambah_tambahan = QPushButton("Tambah ke T&ambahan…")
        self.hapus_baris = QPushButton("Hapus &baris")
        self.tambah_utama.clicked.connect(lambda: self._add_row(Bagian.UTAMA))
        self.tambah_tambahan.clicked.connect(lambda: self._add_row(Bagian.TAMBAHAN))
        self.hapus_baris.clicked.connect(self._remove_row)
        tombol = QHBoxLayout()
        for b in (self.tambah_utama, self.tambah_tambahan, self.hapus_baris):
            b.setAutoDefault(False)
            tombol.addWidget(b)
        tombol.addStretch(1)
        petunjuk = QLabel(
            "Klik dua kali sel untuk menyunting. Aspek: Kuantitas, Kualitas, Waktu atau Biaya. "
            "Baris bersumber IKI mengambil realisasinya dari nilai IKI yang tersimpan."
        )
        petunjuk.setWordWrap(True)
        petunjuk.setStyleSheet("color: #444;")
        layout = QVBoxLayout(tab)
        layout.addWidget(petunjuk)
        layout.addWidget(self.tabel_rencana, 1)
        layout.addLayout(tombol)
        return tab

    def _fill_rencana(self) -> None:
        self._mengisi = True
        tabel = self.tabel_rencana
        baris = self.data.hasil_kerja if self.data is not None else ()
        kode = kode_indikator(r.iki_id for r in baris if r.iki_id is not None)
        tabel.setRowCount(len(baris))
        for i, r in enumerate(baris):
            sumber = f"IKI {kode[r.iki_id]}" if r.iki_id in kode else "diketik"
            isian = (r.rhk_atasan, r.rhk, r.aspek.label, r.indikator, r.target, r.satuan)
            tabel.setItem(i, 0, item_baca(r.bagian.label))
            for c, v in enumerate(isian, start=1):
                item = item_isi(v)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                tabel.setItem(i, c, item)
            tabel.setItem(i, 7, item_baca(sumber))
        tabel.resizeRowsToContents()
        self._mengisi = False

    def _rencana_diubah(self, item: QTableWidgetItem) -> None:
        from kinerja_desktop.db.ops_skp import update_hasil_kerja

        kunci = _KUNCI_RENCANA[item.column()]
        if self._mengisi or kunci is None:
            return
        hasil_kerja = item.data(Qt.ItemDataRole.UserRole)
        if not self.jalankan(lambda: update_hasil_kerja(hasil_kerja, {kunci: item.text()})):
            return  # the typed text stays in the cell to correct; the red line says why
        self.load()

    def _add_row(self, bagian: Bagian) -> None:
        from kinerja_desktop.db.ops_skp import add_hasil_kerja

        if self.data is None:
            return
        dialog = TambahRhkDialog(self, bagian)
        skp_id = self.data.id
        while dialog.exec():
            if self.jalankan(lambda: add_hasil_kerja(skp_id, bagian, dialog.isian())):
                self.load()
                return

    def _remove_row(self) -> None:
        from kinerja_desktop.db.ops_skp import remove_hasil_kerja

        row = self.tabel_rencana.currentRow()
        item = self.tabel_rencana.item(row, 1) if row >= 0 else None
        if item is None:
            self.show_error("Pilih dulu baris rencana hasil kerja yang akan dihapus.")
            return
        hasil_kerja = item.data(Qt.ItemDataRole.UserRole)
        sel_indikator = self.tabel_rencana.item(row, 4)
        indikator = sel_indikator.text() if sel_indikator is not None else ""
        tanya = ask_yes(
            self, "Hapus baris", f"Hapus rencana hasil kerja «{indikator}» beserta realisasinya?"
        )
        if tanya and self.jalankan(lambda: remove_hasil_kerja(hasil_kerja)):
            self.load()

    # ----- messages ------------------------------------------------------------------------

    def show_error(self, pesan: str) -> None:
        """A refusal in red under the tabs; what was typed stays on screen."""
        self.galat.setText(pesan)
        self.galat.show()

    def _sesudah(self, perubahan: Perubahan) -> None:
        self.galat.hide()
        self.status.setText(perubahan.pesan)
        if self.data is not None and perubahan.tahun is not None:
            self.aturan.load(perubahan.tahun)


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "SKP Pegawai…" (the editor) and "Cetak SKP…" actions."""
    editor = QAction("&SKP Pegawai…", window)
    editor.setStatusTip(
        "Menyusun dan menilai SKP pegawai (PermenPANRB 6/2022): rencana, perilaku, evaluasi"
    )

    def open_editor() -> None:
        SkpEditor(window, getattr(window, "tahun", None), getattr(window, "tasks", None)).exec()

    editor.triggered.connect(open_editor)

    cetak = QAction("Cetak SK&P…", window)
    cetak.setStatusTip("Menulis SKP pegawai ke PDF untuk ditandatangani atau Excel e-Kinerja")

    def open_cetak() -> None:
        from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog

        SkpLaporanDialog(
            window, getattr(window, "tahun", None), getattr(window, "tasks", None)
        ).exec()

    cetak.triggered.connect(open_cetak)
    return [editor, cetak]
