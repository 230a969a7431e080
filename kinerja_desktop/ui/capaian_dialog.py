"""The "Laporan Capaian" dialog: choose the period, PDF or Excel, paper and file; the report is
written on the window's worker thread and can then be opened.

The main window adds it to the Laporan menu through :func:`create_actions`.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import settings
from kinerja_desktop.db.queries import latest_year, years
from kinerja_desktop.domain.periode import semua_periode
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.paths import data_dir
from kinerja_desktop.reports.capaian import default_filename, export_capaian
from kinerja_desktop.reports.page import KERTAS, kertas_label
from kinerja_desktop.ui.tasks import TaskRunner, TaskState


class CapaianDialog(QDialog):
    """Writes the capaian report of one year and period to a PDF or Excel file."""

    def __init__(
        self, parent: QWidget | None, tahun: int | None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Laporan Capaian IKI")
        self.runner = runner or TaskRunner(self)
        self.ditulis: Path | None = None

        self.tahun = QComboBox()
        for t in years():
            self.tahun.addItem(str(t), t)
        pilih = tahun if tahun is not None else latest_year()
        if pilih is not None:
            self.tahun.setCurrentIndex(max(0, self.tahun.findData(pilih)))
        self.periode = QComboBox()
        self.periode.currentIndexChanged.connect(lambda _: self._nama_bawaan())
        self.tahun.currentIndexChanged.connect(lambda _: self._isi_periode())
        self.format = QComboBox()
        self.format.addItem("PDF (untuk dicetak dan ditandatangani)", ".pdf")
        self.format.addItem("Excel (.xlsx)", ".xlsx")
        self.format.currentIndexChanged.connect(lambda _: self._nama_bawaan())
        self.kertas = QComboBox()
        for kode in KERTAS:
            self.kertas.addItem(kertas_label(kode), kode)
        self.kertas.setCurrentIndex(max(0, self.kertas.findData(settings.get("kertas"))))
        self.berkas = QLineEdit()
        self.berkas.setAccessibleName("Berkas tujuan")
        pilih_berkas = QPushButton("Pilih…")
        pilih_berkas.clicked.connect(self._pilih_berkas)
        baris_berkas = QHBoxLayout()
        baris_berkas.addWidget(self.berkas, 1)
        baris_berkas.addWidget(pilih_berkas)

        form = QFormLayout()
        form.addRow("&Tahun:", self.tahun)
        form.addRow("&Periode:", self.periode)
        form.addRow("&Jenis berkas:", self.format)
        form.addRow("&Kertas:", self.kertas)
        label_berkas = QLabel("&Berkas:")
        label_berkas.setBuddy(self.berkas)  # a row holding a layout gets no buddy by itself
        form.addRow(label_berkas, baris_berkas)

        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.tulis = QPushButton("&Tulis Laporan")
        self.tulis.setDefault(True)
        self.tulis.clicked.connect(self.mulai)
        self.buka = QPushButton("&Buka Berkas")
        self.buka.setEnabled(False)
        self.buka.clicked.connect(self._buka)
        tutup = QPushButton("T&utup")
        tutup.clicked.connect(self.reject)
        tombol = QHBoxLayout()
        tombol.addStretch(1)
        for b in (self.tulis, self.buka, tutup):
            tombol.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addLayout(tombol)
        self._isi_periode()
        self.resize(560, self.sizeHint().height())

    def _isi_periode(self) -> None:
        self.periode.clear()
        tahun = self.tahun.currentData()
        if tahun is None:
            return
        for p in semua_periode(tahun):
            self.periode.addItem(p.label, p.id)
        self._nama_bawaan()

    def _nama_bawaan(self) -> None:
        periode = self.periode.currentData() or ""
        folder = Path(self.berkas.text()).parent if self.berkas.text() else data_dir()
        self.berkas.setText(str(folder / default_filename(periode, self.format.currentData())))

    def _pilih_berkas(self) -> None:
        nama, _ = QFileDialog.getSaveFileName(
            self, "Simpan laporan capaian", self.berkas.text(), "PDF (*.pdf);;Excel (*.xlsx)"
        )
        if nama:
            self.berkas.setText(nama)

    def mulai(self) -> TaskState | None:
        """Write the report in the background; the result shows in the dialog."""
        tahun, periode = self.tahun.currentData(), self.periode.currentData()
        if tahun is None or not periode:
            self.pesan.setText("Belum ada tahun di basis data.")
            return None
        target, kertas = Path(self.berkas.text().strip()), self.kertas.currentData()
        self.tulis.setEnabled(False)
        self.pesan.setText(f"Menulis laporan capaian {self.periode.currentText()}…")

        def selesai(path: Path) -> None:
            self.ditulis = Path(path)
            self.tulis.setEnabled(True)
            self.buka.setEnabled(True)
            self.pesan.setText(f"Laporan ditulis ke {path}")

        def gagal(exc: KinerjaError) -> None:
            self.tulis.setEnabled(True)
            self.pesan.setText(exc.pesan)

        return self.runner.run(
            lambda state: export_capaian(tahun, periode, target, kertas), selesai, gagal
        )

    def _buka(self) -> None:
        if self.ditulis is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ditulis)))


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "Laporan Capaian…" and "Kategori Capaian…" actions."""
    action = QAction("&Laporan Capaian…", window)
    action.setStatusTip("Menulis laporan capaian IKI satu periode ke PDF atau Excel")

    def buka() -> None:
        CapaianDialog(window, getattr(window, "tahun", None), getattr(window, "tasks", None)).exec()

    action.triggered.connect(buka)

    pita = QAction("&Kategori Capaian…", window)
    pita.setStatusTip("Mengubah batas kategori capaian (Sangat Tinggi, Tinggi, …)")

    def ubah_pita() -> None:
        from kinerja_desktop.ui.pita_dialog import PitaDialog

        dialog = PitaDialog(window)
        if dialog.exec() and dialog.perubahan is not None:
            apply_changes = getattr(window, "apply_changes", None)
            if apply_changes is not None:
                apply_changes(dialog.perubahan)

    pita.triggered.connect(ubah_pita)
    return [action, pita]
