"""The SKP editor's Rencana Hasil Kerja tab: the plan's rows (Utama and Tambahan), each cell
saved as it is typed, rows added by hand, and a row removed after saying what goes with it, as
an undoable step (:mod:`skp_urung`)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.queries_indikator import kode_indikator
from kinerja_desktop.db.queries_skp import DataSkp
from kinerja_desktop.domain.skp import Bagian
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.skp_bersama import fit_rows_to_width, item_baca, item_isi
from kinerja_desktop.ui.skp_tambah import TambahRhkDialog
from kinerja_desktop.ui.skp_urung import UrungSkp

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


class RencanaTab(QWidget):
    """See the module's description. ``jalankan`` runs an edit (True when it went through),
    ``urung`` pushes a removal, ``sesudah`` reloads the editor after an edit, ``show_error``
    shows a refusal under the tabs."""

    def __init__(
        self,
        jalankan: Callable[[Callable[[], Hasil[Any]]], bool],
        urung: UrungSkp,
        sesudah: Callable[[], None],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.jalankan, self.urung = jalankan, urung
        self.sesudah, self.show_error = sesudah, show_error
        self.data: DataSkp | None = None
        self._mengisi = False  # the table being filled: its change signals are not edits
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
        self.hapus_baris = QPushButton("Hapus &baris…")
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
        layout = QVBoxLayout(self)
        layout.addWidget(petunjuk)
        layout.addWidget(self.tabel_rencana, 1)
        layout.addLayout(tombol)

    def load(self, data: DataSkp | None) -> None:
        """Show the plan of ``data`` (nothing, and no buttons, without an SKP)."""
        self.data = data
        for b in (self.tambah_utama, self.tambah_tambahan, self.hapus_baris):
            b.setEnabled(data is not None)
        baris = data.hasil_kerja if data is not None else ()
        kode = kode_indikator(r.iki_id for r in baris if r.iki_id is not None)
        self._mengisi = True  # read first: a failed read never leaves the table deaf to edits
        tabel = self.tabel_rencana
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

    def select(self, hasil_kerja_id: int) -> None:
        """Make the plan row ``hasil_kerja_id`` current (none when it is gone)."""
        tabel = self.tabel_rencana
        for i in range(tabel.rowCount()):
            item = tabel.item(i, 1)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == hasil_kerja_id:
                tabel.setCurrentCell(i, 1)
                tabel.scrollToItem(item)
                return

    def _rencana_diubah(self, item: QTableWidgetItem) -> None:
        from kinerja_desktop.db.ops_skp import update_hasil_kerja

        kunci = _KUNCI_RENCANA[item.column()]
        if self._mengisi or kunci is None:
            return
        hasil_kerja = item.data(Qt.ItemDataRole.UserRole)
        if not self.jalankan(lambda: update_hasil_kerja(hasil_kerja, {kunci: item.text()})):
            return  # the typed text stays in the cell to correct; the red line says why
        self.sesudah()

    def _add_row(self, bagian: Bagian) -> None:
        from kinerja_desktop.db.ops_skp import add_hasil_kerja

        if self.data is None:
            return
        dialog = TambahRhkDialog(self, bagian)
        skp_id = self.data.id
        while dialog.exec():
            if self.jalankan(lambda: add_hasil_kerja(skp_id, bagian, dialog.isian())):
                self.sesudah()
                return

    def _remove_row(self) -> None:
        from kinerja_desktop.db.skp_removal import (
            hasil_kerja_removal_summary,
            reinsert_hasil_kerja,
            remove_hasil_kerja,
        )

        row = self.tabel_rencana.currentRow()
        item = self.tabel_rencana.item(row, 1) if row >= 0 else None
        if item is None or self.data is None:
            self.show_error("Pilih dulu baris rencana hasil kerja yang akan dihapus.")
            return
        hasil_kerja: int = item.data(Qt.ItemDataRole.UserRole)
        skp_id, nama = self.data.id, self.data.pegawai.nama
        teks = run_once(self, lambda: hasil_kerja_removal_summary(hasil_kerja), self.show_error)
        if teks is None or not self.urung.ask_removal("Hapus Baris Rencana Hasil Kerja", teks):
            return
        self.urung.push_remove(
            f"Hapus baris rencana hasil kerja SKP {nama}",
            lambda: remove_hasil_kerja(hasil_kerja),
            reinsert_hasil_kerja,
            skp_id,
            hasil_kerja,
        )
