"""Choosing the office: the first-start welcome and the searchable kecamatan picker
(provinsi → kabupaten/kota → kecamatan), also reachable from the Berkas menu to start a new
database for another kecamatan.

The national list is read when the picker opens, never at start-up.
"""

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QProcess, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME
from kinerja_desktop.db.location import DatabaseLocation, parse_location
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.pesan import ask_yes, peringatan

KODE_ROLE = Qt.ItemDataRole.UserRole + 1


def model_wilayah(parent: QWidget) -> QStandardItemModel:
    """provinsi → kabupaten/kota → kecamatan from the national list; kecamatan carry their code."""
    from kinerja_desktop.domain.daftar_wilayah import daftar_wilayah

    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(["Wilayah", "Kode"])
    induk: dict[str, QStandardItem] = {}
    root = model.invisibleRootItem()
    for provinsi, kabupaten, kecamatan, kode in daftar_wilayah().semua_kecamatan():
        for kunci, nama, atas in ((kode[:2], provinsi, root), (kode[:5], kabupaten, None)):
            if kunci not in induk:
                item = QStandardItem(nama)
                item.setEditable(False)
                item.setSelectable(False)
                kode_item = QStandardItem(kunci)
                kode_item.setEditable(False)
                kode_item.setSelectable(False)
                (atas or induk[kode[:2]]).appendRow([item, kode_item])
                induk[kunci] = item
        item = QStandardItem(kecamatan)
        item.setEditable(False)
        item.setData(kode, KODE_ROLE)
        kode_item = QStandardItem(kode)
        kode_item.setEditable(False)
        kode_item.setData(kode, KODE_ROLE)
        induk[kode[:5]].appendRow([item, kode_item])
    return model


class PilihKecamatanDialog(QDialog):
    """Pick a kecamatan: type part of its name (or its code) to find it."""

    def __init__(self, parent: QWidget | None = None, judul: str = "Pilih Kecamatan") -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.kode: str | None = None
        layout = QVBoxLayout(self)
        petunjuk = QLabel(
            "Ketik nama kecamatan, kabupaten/kota atau kodenya (mis. <i>sumber</i> atau "
            "<i>35.07</i>), lalu pilih kecamatan kantor Anda. Desa/kelurahannya diambil dari "
            "daftar wilayah Kemendagri (Kepmendagri 300.2.2-2138 Tahun 2025).",
            self,
        )
        petunjuk.setWordWrap(True)
        layout.addWidget(petunjuk)
        self.cari = QLineEdit(self)
        self.cari.setPlaceholderText("Cari kecamatan…")
        self.cari.setClearButtonEnabled(True)
        layout.addWidget(self.cari)
        self.model = model_wilayah(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)  # "malang" lists every kecamatan under it
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setColumnWidth(0, 330)
        layout.addWidget(self.view, 1)
        self.contoh = QCheckBox(
            "Isi juga IKI contoh (jabatan dan indikator IKI Kepanjen 2020) untuk diubah", self
        )
        layout.addWidget(self.contoh)
        self.pilihan = QLabel("Belum ada kecamatan yang dipilih.", self)
        self.pilihan.setWordWrap(True)
        layout.addWidget(self.pilihan)
        self.tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.tombol.button(QDialogButtonBox.StandardButton.Ok).setText("Pilih")
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.tombol.accepted.connect(self.accept)
        self.tombol.rejected.connect(self.reject)
        layout.addWidget(self.tombol)
        self.cari.textChanged.connect(self._filter)
        self.view.selectionModel().currentChanged.connect(self._show_chosen)
        self.view.doubleClicked.connect(lambda _: self.accept())
        self._show_chosen(QModelIndex())
        self.resize(620, 560)

    def _filter(self, teks: str) -> None:
        self.proxy.setFilterFixedString(teks.strip())
        if len(teks.strip()) >= 3:
            self.view.expandAll()  # a search shows where each match lies
        elif not teks.strip():
            self.view.collapseAll()

    def _show_chosen(self, index: QModelIndex) -> None:
        kode = index.data(KODE_ROLE) if index.isValid() else None
        self.kode = kode
        self.tombol.button(QDialogButtonBox.StandardButton.Ok).setEnabled(kode is not None)
        if kode is None:
            self.pilihan.setText("Belum ada kecamatan yang dipilih.")
            return
        from kinerja_desktop.domain.daftar_wilayah import kecamatan_nasional

        kec = kecamatan_nasional(kode)
        self.pilihan.setText(
            f"Kecamatan <b>{kec.nama}</b> ({kec.kode}), {kec.kabupaten}, {kec.provinsi}: "
            f"{len(kec.desa)} desa/kelurahan."
        )

    def accept(self) -> None:  # noqa: D102 - Qt's accept, only with a kecamatan chosen
        if self.kode is not None:
            super().accept()


class SambutanDialog(QDialog):
    """The very first start: Kecamatan Kepanjen (the built-in data) or another kecamatan."""

    def __init__(self, db_path: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Selamat datang di {APP_NAME}")
        self.db_path = parse_location(db_path)  # a file, or an empty database on a server
        self.kode: str | None = None  # None: Kepanjen, the built-in data
        self.contoh = False
        layout = QVBoxLayout(self)
        teks = QLabel(
            f"<h3>Selamat datang di {APP_NAME}</h3>"
            "<p>Belum ada basis data. Untuk kecamatan mana aplikasi ini dipakai?</p>"
            f"<p>Basis data akan dibuat di:<br><small>{self.db_path}</small></p>",
            self,
        )
        teks.setWordWrap(True)
        layout.addWidget(teks)
        self.kepanjen = QPushButton(
            "Kecamatan Kepanjen, Kabupaten Malang\n(data bawaan: 18 desa/kelurahan, IKI 2020)",
            self,
        )
        self.lain = QPushButton("Kecamatan lain…\n(pilih dari daftar wilayah Kemendagri)", self)
        for tombol in (self.kepanjen, self.lain):
            tombol.setMinimumHeight(56)
            layout.addWidget(tombol)
        batal = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        batal.button(QDialogButtonBox.StandardButton.Cancel).setText("Keluar")
        batal.rejected.connect(self.reject)
        layout.addWidget(batal)
        self.kepanjen.clicked.connect(self.accept)
        self.lain.clicked.connect(self._choose_other)
        self.kepanjen.setFocus()
        self.setMinimumWidth(480)

    def _choose_other(self) -> None:
        picker = PilihKecamatanDialog(self, "Kecamatan Lain")
        if picker.exec() and picker.kode is not None:
            self.kode = picker.kode
            self.contoh = picker.contoh.isChecked()
            self.accept()


def basis_data_baru(window: Any) -> Path | None:
    """Berkas › Basis Data Baru…: pick a kecamatan and a file, create it, offer to open it."""
    picker = PilihKecamatanDialog(window, "Basis Data Baru untuk Kecamatan Lain")
    if not picker.exec() or picker.kode is None:
        return None
    from kinerja_desktop.domain.daftar_wilayah import kecamatan_nasional

    kec = kecamatan_nasional(picker.kode)
    folder = Path(getattr(window, "db_path", Path.home())).parent
    target = folder / f"kinerja-{kec.nama.lower().replace(' ', '-')}.sqlite3"
    while True:  # a place that fails is chosen again, the kecamatan stays chosen
        nama, _ = QFileDialog.getSaveFileName(
            window, "Simpan Basis Data Baru", str(target), "Basis data Kinerja (*.sqlite3)"
        )
        if not nama:
            return None
        target = Path(nama)
        if make_database_at(window, target, picker.kode, picker.contoh.isChecked()):
            break
    jawab = ask_yes(
        window,
        "Basis data dibuat",
        f"Basis data Kecamatan {kec.nama} dengan {len(kec.desa)} desa/kelurahan dibuat di\n"
        f"{target}\n\nBuka sekarang di jendela baru?",
    )
    if jawab:
        open_new_window(target)
    return target


def make_database_at(window: QWidget | None, target: Path, kode: str, contoh: bool) -> bool:
    """Create the database for kecamatan ``kode`` at ``target``, beside the window's own;
    False, after saying why (a refusal, a full or read-only disk), when it was not made."""
    from kinerja_desktop.db.kantor import make_other_database

    def refused(pesan: str) -> None:
        peringatan(window, "Basis data tidak dibuat", pesan)

    return run_once(window, lambda: make_other_database(target, kode, contoh), refused) is not None


def open_new_window(db_path: Path) -> bool:
    """Start another window of the application on ``db_path``."""
    if getattr(sys, "frozen", False):
        program, args = sys.executable, ["--db", str(db_path)]
    else:
        program, args = sys.executable, ["-m", "kinerja_desktop", "--db", str(db_path)]
    ok, _ = QProcess.startDetached(program, args)
    return bool(ok)


def create_actions(window: Any) -> list[QAction]:
    """The Berkas menu's "Basis Data Baru untuk Kecamatan Lain…"."""
    action = QAction("Basis Data &Baru untuk Kecamatan Lain…", window)
    action.setStatusTip(
        "Membuat basis data baru untuk kecamatan lain dari daftar wilayah Kemendagri"
    )
    action.triggered.connect(lambda: basis_data_baru(window))
    return [action]
