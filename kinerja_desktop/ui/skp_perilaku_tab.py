"""The SKP editor's Perilaku Kerja tab: the seven BerAKHLAK core values with their guidance,
and the atasan's expectation (ekspektasi khusus pimpinan) of each, saved as it is typed."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.queries_skp import DataSkp
from kinerja_desktop.ui.skp_bersama import fit_rows_to_width, item_baca, item_isi


class PerilakuTab(QWidget):
    """See the module's description; ``sesudah`` reloads the editor after a change."""

    def __init__(
        self, jalankan: Callable[[Callable[[], Hasil[Any]]], bool], sesudah: Callable[[], None]
    ) -> None:
        super().__init__()
        self.jalankan, self.sesudah = jalankan, sesudah
        self.data: DataSkp | None = None
        self._mengisi = False
        self.tabel_perilaku = QTableWidget(0, 2)
        self.tabel_perilaku.setHorizontalHeaderLabels(
            ["Perilaku Kerja", "Ekspektasi Khusus Pimpinan"]
        )
        self.tabel_perilaku.setWordWrap(True)
        header = self.tabel_perilaku.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabel_perilaku.itemChanged.connect(self._ekspektasi_diubah)
        fit_rows_to_width(self.tabel_perilaku)
        petunjuk = QLabel(
            "Tujuh nilai dasar BerAKHLAK. Tulis ekspektasi khusus pimpinan (atasan) untuk tiap "
            "perilaku; panduan perilakunya tertulis di kolom kiri."
        )
        petunjuk.setWordWrap(True)
        petunjuk.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addWidget(petunjuk)
        layout.addWidget(self.tabel_perilaku, 1)

    def load(self, data: DataSkp | None) -> None:
        """Show the core values of ``data`` (none without an SKP)."""
        self.data = data
        self._mengisi = True
        perilaku = data.perilaku if data is not None else ()
        self.tabel_perilaku.setRowCount(len(perilaku))
        for i, p in enumerate(perilaku):
            self.tabel_perilaku.setItem(i, 0, item_baca(f"{p.nama}\n{p.panduan}", p.panduan))
            item = item_isi(p.ekspektasi)
            item.setData(Qt.ItemDataRole.UserRole, p.kode)
            self.tabel_perilaku.setItem(i, 1, item)
        self.tabel_perilaku.resizeRowsToContents()
        self._mengisi = False

    def _ekspektasi_diubah(self, item: QTableWidgetItem) -> None:
        from kinerja_desktop.db.ops_skp import update_ekspektasi

        if self._mengisi or item.column() != 1 or self.data is None:
            return
        skp_id, kode, teks = self.data.id, item.data(Qt.ItemDataRole.UserRole), item.text()
        if self.jalankan(lambda: update_ekspektasi(skp_id, kode, teks)):
            self.sesudah()
