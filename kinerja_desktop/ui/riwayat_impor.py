"""Data › Riwayat Impor: every imported file (desa workbooks, values CSV, targets workbook),
newest first, and the undo of one import whole."""

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.pesan import ask_yes

ABU = QColor("#eeeeee")  # an import undone


class _Angka(QTableWidgetItem):
    """A cell that sorts by its number, not by its text ("10" after "9")."""

    def __init__(self, nilai: int) -> None:
        super().__init__(str(nilai))
        self.setData(Qt.ItemDataRole.UserRole, nilai)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return int(self.data(Qt.ItemDataRole.UserRole)) < int(
            other.data(Qt.ItemDataRole.UserRole) or 0
        )


class _Urut(QTableWidgetItem):
    """A cell shown as text and sorted by another key (an ISO time behind "29 November …")."""

    def __init__(self, teks: str, kunci: str) -> None:
        super().__init__(teks)
        self.setData(Qt.ItemDataRole.UserRole, kunci)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(Qt.ItemDataRole.UserRole)) < str(
            other.data(Qt.ItemDataRole.UserRole) or ""
        )


KOLOM_RIWAYAT = (
    "No.",
    "Waktu",
    "Berkas",
    "Jenis",
    "Desa/kelurahan",
    "Periode",
    "Baru",
    "Diubah",
    "Sama",
    "Keadaan",
)


class RiwayatImporDialog(QDialog):
    """Every imported file, newest first; one can be undone whole."""

    def __init__(
        self,
        parent: QWidget | None,
        on_changes: Callable[[Perubahan], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Riwayat Impor")
        self.on_changes = on_changes
        pengantar = QLabel(
            "Setiap berkas yang mengubah data tercatat di sini: isian desa, CSV nilai, buku "
            "kerja target dan CSV monev. Satu impor dapat dibatalkan seluruhnya: semua nilainya "
            "kembali seperti sebelum impor (ditolak bila nilainya sudah diubah lagi "
            "sesudahnya). Klik judul kolom untuk mengurutkan.",
            self,
        )
        pengantar.setWordWrap(True)
        self.tabel = QTableWidget(0, len(KOLOM_RIWAYAT), self)
        self.tabel.setHorizontalHeaderLabels(list(KOLOM_RIWAYAT))
        self.tabel.verticalHeader().hide()
        self.tabel.setWordWrap(False)  # a long file name is cut with "…" (whole in its tooltip)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabel.itemSelectionChanged.connect(self._pilihan_berubah)
        self.kosong = QLabel(
            "Belum ada impor yang tercatat. Impor isian desa, CSV nilai, buku kerja target atau "
            "CSV monev dari menu Data; setiap impor yang mengubah data muncul di sini.",
            self,
        )
        self.kosong.setWordWrap(True)
        self.keterangan = QLabel("", self)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names
        self.keterangan.setWordWrap(True)
        tombol = QDialogButtonBox(self)
        self.btn_batal = tombol.addButton(
            "&Batalkan Impor Terpilih…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.btn_batal.setEnabled(False)
        self.btn_batal.clicked.connect(self.cancel_selected)
        tutup = tombol.addButton("&Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        tutup.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(pengantar)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.kosong)
        layout.addWidget(self.keterangan)
        layout.addWidget(tombol)
        self.resize(980, 480)
        self.catatan: dict[int, Any] = {}
        self.load()

    def load(self) -> None:
        """Read the import log again."""
        from kinerja_desktop.db.queries_impor import read_riwayat_impor
        from kinerja_desktop.domain.periode import parse_periode
        from kinerja_desktop.domain.tanggal import format_waktu
        from kinerja_desktop.domain.wilayah import nama_desa_lengkap

        daftar = read_riwayat_impor()
        self.catatan = {c.nomor: c for c in daftar}
        self.tabel.setSortingEnabled(False)
        self.tabel.setRowCount(len(daftar))
        for r, c in enumerate(daftar):
            desa = nama_desa_lengkap(c.jenis_desa or "", c.nama_desa) if c.nama_desa else "—"
            periode = c.periode
            with contextlib.suppress(KinerjaError):
                periode = parse_periode(c.periode).label if c.periode else "—"
            # the time of an undo in its tooltip: the long text left the Berkas column no room
            keadaan = "Dibatalkan" if c.dibatalkan else "Berlaku"
            isi: list[QTableWidgetItem] = [
                _Angka(c.nomor),
                _Urut(format_waktu(c.waktu), c.waktu),
                QTableWidgetItem(c.nama_berkas),
                QTableWidgetItem(c.jenis_label),
                QTableWidgetItem(desa),
                QTableWidgetItem(periode),
                _Angka(c.baru),
                _Angka(c.diubah),
                _Angka(c.sama),
                QTableWidgetItem(keadaan),
            ]
            isi[2].setToolTip(f"{c.nama_berkas}\nSHA-256: {c.sha256}")
            if c.dibatalkan:
                isi[9].setToolTip(f"Dibatalkan {format_waktu(c.dibatalkan)}")
            for k, item in enumerate(isi):
                if c.dibatalkan:
                    item.setBackground(QBrush(ABU))
                self.tabel.setItem(r, k, item)
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        for k in (0, 1, 3, 4, 5, 6, 7, 8, 9):
            self.tabel.resizeColumnToContents(k)
        self.tabel.setVisible(bool(daftar))
        self.kosong.setVisible(not daftar)
        self._pilihan_berubah()

    def _terpilih(self) -> Any | None:
        baris = self.tabel.currentRow()
        if baris < 0 or not self.tabel.selectedItems():
            return None
        item = self.tabel.item(baris, 0)
        if item is None:
            return None
        return self.catatan.get(int(item.data(Qt.ItemDataRole.UserRole)))

    def _pilihan_berubah(self) -> None:
        c = self._terpilih()
        self.btn_batal.setEnabled(c is not None and not c.dibatalkan)

    def select(self, nomor: int) -> None:
        """Select the import ``nomor``."""
        for r in range(self.tabel.rowCount()):
            item = self.tabel.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == nomor:
                self.tabel.selectRow(r)
                return

    def cancel_selected(self, tanya: bool = True) -> bool:
        """Undo the selected import after asking; True when it was undone."""
        from kinerja_desktop.db.ops_nilai import undo_batch

        c = self._terpilih()
        if c is None or c.dibatalkan:
            return False
        if tanya:
            jawab = ask_yes(
                self,
                "Batalkan impor",
                f"Batalkan impor {c.nama_berkas}? {c.baru} nilai baru akan dihapus dan "
                f"{c.diubah} nilai yang diubah kembali seperti sebelum impor.",
            )
            if not jawab:
                return False
        # a refusal (changed since), a full disk or a locked database is said in the dialog
        hasil = run_once(self, lambda: undo_batch(c.nomor), self.keterangan.setText)
        if hasil is None:
            return False
        perubahan = hasil.perubahan
        self.keterangan.setText(perubahan.pesan)
        if self.on_changes is not None:
            self.on_changes(perubahan)
        self.load()
        return True
