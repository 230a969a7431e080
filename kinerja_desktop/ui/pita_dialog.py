"""The "Kategori Capaian" dialog: the rating bands the kabupaten uses, edited as a small table,
and the capaian ceiling beside them.

Saved with :func:`kinerja_desktop.db.ops_pita.set_penilaian` in one transaction; a refusal
(no band from 0%, two bands with the same bound or name, a ceiling below 100%) or an
environment failure (a full disk, a locked database) is shown in the dialog, which stays open
with the bands as typed.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.ops_pita import BATAS_ATAS_TERTINGGI, WARNA_URUT, set_penilaian
from kinerja_desktop.db.queries_nilai import penilaian
from kinerja_desktop.domain.capaian import PITA_BAWAAN, Pita, parse_angka
from kinerja_desktop.domain.value_text import format_angka
from kinerja_desktop.ui.operations import run_once


class PitaDialog(QDialog):
    """Edit the rating bands; ``perubahan`` holds the saved change after ``accept``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kategori Capaian")
        self.perubahan: Perubahan | None = None
        keterangan = QLabel(
            "Setiap kategori berlaku mulai batas bawahnya sampai di bawah batas kategori di "
            "atasnya. Kategori terendah harus mulai dari 0%."
        )
        keterangan.setWordWrap(True)
        self.tabel = QTableWidget(0, 2)
        self.tabel.setHorizontalHeaderLabels(["Batas bawah (%)", "Kategori"])
        self.tabel.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabel.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tabel.verticalHeader().hide()
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        aturan = penilaian()
        self.pakai_batas = QCheckBox("&Batasi capaian paling tinggi:")
        self.pakai_batas.setToolTip(
            "PermenPANRB 8/2021: capaian di atas batas ditulis sebesar batas itu. "
            "Ikuti ketentuan kabupaten; tanpa centang capaian tidak dibatasi."
        )
        self.batas_atas = QDoubleSpinBox()
        self.batas_atas.setRange(100, BATAS_ATAS_TERTINGGI)
        self.batas_atas.setDecimals(1)
        self.batas_atas.setSuffix("%")
        self.batas_atas.setValue(aturan.batas_atas or 120)
        self.pakai_batas.setChecked(aturan.batas_atas is not None)
        self.batas_atas.setEnabled(aturan.batas_atas is not None)
        self.pakai_batas.toggled.connect(self.batas_atas.setEnabled)
        baris_batas = QHBoxLayout()
        baris_batas.addWidget(self.pakai_batas)
        baris_batas.addWidget(self.batas_atas)
        baris_batas.addStretch(1)
        self.pesan = QLabel()
        self.pesan.setTextFormat(Qt.TextFormat.PlainText)  # it shows typed names
        self.pesan.setWordWrap(True)
        self.pesan.setStyleSheet("QLabel { color: #8a1c1c; }")

        tambah = QPushButton("&Tambah")
        tambah.clicked.connect(lambda: self._add_row(Pita(0, "", WARNA_URUT[-1])))
        hapus = QPushButton("&Hapus")
        hapus.clicked.connect(self._remove_rows)
        bawaan = QPushButton("&Kembalikan Bawaan")
        bawaan.clicked.connect(lambda: self._fill(list(PITA_BAWAAN)))
        simpan = QPushButton("&Simpan")
        simpan.setDefault(True)
        simpan.clicked.connect(self.save)
        batal = QPushButton("&Batal")
        batal.clicked.connect(self.reject)
        tombol = QHBoxLayout()
        for b in (tambah, hapus, bawaan):
            tombol.addWidget(b)
        tombol.addStretch(1)
        tombol.addWidget(simpan)
        tombol.addWidget(batal)

        layout = QVBoxLayout(self)
        layout.addWidget(keterangan)
        layout.addWidget(self.tabel, 1)
        layout.addLayout(baris_batas)
        layout.addWidget(self.pesan)
        layout.addLayout(tombol)
        self._fill(list(aturan.pita))
        self.resize(460, 380)

    def _add_row(self, p: Pita) -> None:
        row = self.tabel.rowCount()
        self.tabel.insertRow(row)
        batas = QTableWidgetItem(format_angka(p.batas_bawah))
        nama = QTableWidgetItem(p.nama)
        nama.setData(Qt.ItemDataRole.UserRole, p.warna)  # the colour travels with the row
        nama.setBackground(QBrush(QColor(p.warna)))
        self.tabel.setItem(row, 0, batas)
        self.tabel.setItem(row, 1, nama)

    def _fill(self, pita: list[Pita]) -> None:
        self.tabel.setRowCount(0)
        for p in pita:
            self._add_row(p)

    def _remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.tabel.selectedIndexes()}, reverse=True):
            self.tabel.removeRow(row)

    def pita(self) -> list[Pita]:
        """The bands as typed (DataTidakValid when a bound is not a number)."""
        hasil = []
        for row in range(self.tabel.rowCount()):
            batas = self.tabel.item(row, 0)
            nama = self.tabel.item(row, 1)
            teks_batas = batas.text() if batas else ""
            warna = (nama.data(Qt.ItemDataRole.UserRole) if nama else None) or WARNA_URUT[
                min(row, len(WARNA_URUT) - 1)
            ]
            nilai = parse_angka(teks_batas, "batas bawah")
            hasil.append(Pita(nilai, nama.text() if nama else "", warna))
        return hasil

    def save(self) -> None:
        """Save and close, or show why not."""
        batas = self.batas_atas.value() if self.pakai_batas.isChecked() else None
        hasil = run_once(self, lambda: set_penilaian(self.pita(), batas), self.pesan.setText)
        if hasil is None:
            return
        self.perubahan = hasil.perubahan
        self.accept()
