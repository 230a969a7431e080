"""Berkas › Pulihkan cadangan…: choose a backup of this database (newest first), seeing for
each when it was made, why, and which database it belongs to; or another file, such as a
flashdisk's zip."""

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.backup import Cadangan, backup_dir, list_backups
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.urut import kunci_teks
from kinerja_desktop.fileio import size_text
from kinerja_desktop.ui.bantuan import Bagian, tombol_bantuan
from kinerja_desktop.ui.sel_urut import SelUrut

_JENIS = {
    "harian": "Harian (otomatis)",
    "sebelum-impor": "Sebelum impor",
    "sebelum-salin-tahun": "Sebelum salin tahun",
    "sebelum-pembaruan-skema": "Sebelum pembaruan versi",
    "sebelum-pemulihan": "Sebelum pemulihan",
}
KOLOM = ("Waktu", "Jenis", "Basis data", "Ukuran")


def jenis_cadangan(alasan: str) -> str:
    """Why a backup was made, as the operator reads it."""
    return _JENIS.get(alasan, alasan.replace("-", " ").capitalize())


def _bita(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _ukuran(path: Path) -> str:
    try:
        return size_text(path.stat().st_size)
    except OSError:
        return "–"


class PilihCadanganDialog(QDialog):
    """The backups of ``db_path``; after ``exec()``, :attr:`dipilih` is the chosen file, or
    None with :attr:`berkas_lain` True when the operator wants to choose another file."""

    def __init__(self, parent: QWidget | None, db_path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pulihkan Data")
        self.dipilih: Path | None = None
        self.berkas_lain = False
        self._cadangan = list(reversed(list_backups(db_path)))  # newest first

        layout = QVBoxLayout(self)
        folder = html.escape(str(backup_dir(db_path)))
        # a name is never markup; a server's stands for it on this PC (db.location.stand_in)
        berkas = Path(db_path)
        server = berkas.suffix == ".server"
        nama = html.escape(f"{berkas.stem} di server" if server else berkas.name)
        keterangan = QLabel(
            f"Cadangan otomatis basis data <b>{nama}</b> (folder {folder}). "
            "Pilih satu untuk dipulihkan, atau pilih berkas lain (mis. cadangan di flashdisk)."
            if self._cadangan
            else f"Belum ada cadangan otomatis basis data <b>{nama}</b> di "
            f"folder {folder}. Pilih berkas cadangan lain (mis. di flashdisk)."
        )
        keterangan.setWordWrap(True)
        layout.addWidget(keterangan)

        self.tabel = QTableWidget(len(self._cadangan), len(KOLOM))
        self.tabel.setHorizontalHeaderLabels(KOLOM)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for baris, c in enumerate(self._cadangan):
            teks_kolom = self._column_texts(c, Path(db_path))
            # a click on a header sorts: by time, kind, database, size (bytes, not "9 KB")
            kunci = (c.waktu, kunci_teks(teks_kolom[1]), kunci_teks(teks_kolom[2]), _bita(c.path))
            for kolom, teks in enumerate(teks_kolom):
                item = SelUrut(teks, kunci[kolom])
                item.setData(Qt.ItemDataRole.UserRole, baris)
                item.setToolTip(self._keterangan(c))
                if KOLOM[kolom] == "Ukuran":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.tabel.setItem(baris, kolom, item)
        header = self.tabel.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KOLOM.index("Basis data"), QHeaderView.ResizeMode.Stretch)
        self.tabel.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.tabel.setSortingEnabled(True)  # newest first until a click
        self.tabel.setVisible(bool(self._cadangan))
        layout.addWidget(self.tabel)

        tombol = QDialogButtonBox()
        self.tombol_lanjut = tombol.addButton("Lanjutkan…", QDialogButtonBox.ButtonRole.AcceptRole)
        lain = tombol.addButton("Pilih Berkas Lain…", QDialogButtonBox.ButtonRole.ActionRole)
        tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.addButton(
            tombol_bantuan(self, Bagian.CADANGAN), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.tombol_lanjut.setEnabled(False)
        self.tombol_lanjut.clicked.connect(self._continue)
        lain.clicked.connect(self._choose_other)
        tombol.rejected.connect(self.reject)
        self.tabel.itemSelectionChanged.connect(
            lambda: self.tombol_lanjut.setEnabled(bool(self.tabel.selectedItems()))
        )
        self.tabel.itemDoubleClicked.connect(lambda _item: self._continue())
        layout.addWidget(tombol)
        if self._cadangan:
            self.tabel.selectRow(0)
        self.resize(760, 420)

    @staticmethod
    def _column_texts(c: Cadangan, db_path: Path) -> tuple[str, str, str, str]:
        pemilik = f"{c.stem} (folder bersama lama)" if c.folder_bersama else db_path.name
        return (format_waktu(c.waktu), jenis_cadangan(c.alasan), pemilik, _ukuran(c.path))

    @staticmethod
    def _keterangan(c: Cadangan) -> str:
        if c.folder_bersama:
            return (
                f"{c.path}\nDibuat sebelum setiap basis data punya folder sendiri: bisa jadi "
                "cadangan basis data lain yang bernama sama."
            )
        return str(c.path)

    def _continue(self) -> None:
        rows = self.tabel.selectionModel().selectedRows()
        if rows:
            baris = rows[0].data(Qt.ItemDataRole.UserRole)  # its place before any sorting
            self.dipilih = self._cadangan[baris].path
            self.accept()

    def _choose_other(self) -> None:
        self.berkas_lain = True
        self.accept()
