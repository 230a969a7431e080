"""The kabupaten inbox: packages chosen as files or a whole folder (a USB stick) are checked
first, each line saying what will happen or why it is refused, then taken in on a press of
Terima; and the Laporan Kabupaten dialog (the design every report dialog shares)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.domain.periode import pilihan_periode
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.exchange.paket_receive import Pemeriksaan, check_packages, receive_packages
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import show_bug
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

DITOLAK = "#f4b6b0"
SIAP = "#d4ecc4"


class TerimaDialog(QDialog):
    """Terima Paket: choose, see the check of each package, then take them in."""

    received = Signal(object)  # the Perubahan of the packages taken in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Terima Paket Kecamatan")
        self.resize(900, 460)
        self.runner = TaskRunner(self)
        self.daftar: list[Pemeriksaan] = []
        self.keterangan = QLabel(
            "Pilih berkas paket (.zip) kiriman kecamatan, atau satu folder/flashdisk berisi "
            "paket. Setiap paket diperiksa dulu (asal kecamatan, sidik SHA-256, versi); tidak "
            "ada yang disimpan sebelum tombol Terima ditekan."
        )
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)  # it shows file and desa names
        self.keterangan.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Berkas", "Hasil pemeriksaan"])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 280)
        pilih_berkas = QPushButton("Pilih &Berkas…")
        pilih_berkas.clicked.connect(self.choose_files)
        pilih_folder = QPushButton("Pilih &Folder…")
        pilih_folder.clicked.connect(self.choose_folder)
        self.terima = QPushButton("&Terima")
        self.terima.setEnabled(False)
        self.terima.clicked.connect(self.apply)
        tutup = QPushButton("T&utup")
        tutup.clicked.connect(self.reject)
        tombol = QHBoxLayout()
        for b in (pilih_berkas, pilih_folder):
            tombol.addWidget(b)
        tombol.addStretch(1)
        tombol.addWidget(self.terima)
        tombol.addWidget(tutup)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.table, 1)
        layout.addLayout(tombol)

    def choose_files(self) -> None:
        """Pilih Berkas…: one or more .zip packages."""
        names, _ = QFileDialog.getOpenFileNames(
            self, "Pilih paket kecamatan", "", "Paket Kinerja (*.zip)"
        )
        if names:
            self.check([Path(n) for n in names])

    def choose_folder(self) -> None:
        """Pilih Folder…: every .zip in a folder or on a stick."""
        folder = QFileDialog.getExistingDirectory(self, "Pilih folder berisi paket")
        if folder:
            paths = sorted(Path(folder).glob("*.zip"))
            if not paths:
                self.keterangan.setText(f"Tidak ada berkas paket (.zip) di {folder}.")
                return
            self.check(paths)

    def check(self, paths: list[Path]) -> None:
        """Check ``paths`` in the background, then list the result of each."""
        self.terima.setEnabled(False)
        self.keterangan.setText(f"Memeriksa {len(paths)} paket…")
        self.runner.run(
            lambda _s: check_packages(paths), self._show, self._refused, on_crash=self._crashed
        )

    def _show(self, daftar: list[Pemeriksaan]) -> None:
        self.daftar = daftar
        self.table.setRowCount(len(daftar))
        for i, p in enumerate(daftar):
            warna = DITOLAK if p.keadaan == "ditolak" else SIAP if p.keadaan != "sama" else None
            for c, teks in enumerate((p.path.name, p.kalimat)):
                item = QTableWidgetItem(teks)
                item.setToolTip(str(p.path) if c == 0 else teks)
                if warna:
                    item.setBackground(QBrush(QColor(warna)))
                self.table.setItem(i, c, item)
        self.table.resizeRowsToContents()
        siap = sum(1 for p in daftar if p.siap)
        ditolak = sum(1 for p in daftar if p.keadaan == "ditolak")
        self.keterangan.setText(
            f"{len(daftar)} paket diperiksa: {siap} siap diterima, {ditolak} ditolak, "
            f"{len(daftar) - siap - ditolak} sudah diterima sebelumnya. "
            + ("Tekan Terima untuk menyimpan." if siap else "Tidak ada yang perlu disimpan.")
        )
        self.terima.setEnabled(siap > 0)

    def _refused(self, exc: KinerjaError) -> None:
        self.keterangan.setText(exc.pesan)

    def _crashed(self, detail: str) -> None:
        self.keterangan.setText("Paket tidak dapat diproses karena kesalahan program.")
        show_bug(self, detail)

    def apply(self) -> None:
        """Terima: take in the packages that passed, in the background."""
        daftar = self.daftar
        self.terima.setEnabled(False)
        self.keterangan.setText("Menyimpan paket…")

        def done(hasil: Hasil[list[Pemeriksaan]]) -> None:
            self.keterangan.setText(hasil.perubahan.pesan)
            self.daftar = []
            self.received.emit(hasil.perubahan)

        self.runner.run(
            lambda _s: receive_packages(daftar), done, self._refused, on_crash=self._crashed
        )


class LaporanKabupatenDialog(DialogLaporan):
    """Laporan Kabupaten…: the same dialog as every report (period, PDF or Excel, paper,
    folder remembered, full path, progress, Buka berkas/Buka folder)."""

    bagian_bantuan = Bagian.KABUPATEN

    def __init__(
        self, parent: QWidget | None, daftar_tahun: list[int], tahun: int, periode: str
    ) -> None:
        self._periode_awal = periode
        super().__init__(
            parent,
            "Laporan Kabupaten",
            tahun,
            "folder_kabupaten",
            tanda_tangan=False,
            daftar_tahun=daftar_tahun,
        )
        self.periode.currentIndexChanged.connect(self.refresh_proposals)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """The period row, in the order every dialog uses."""
        self.periode = QComboBox()
        self._fill_periode(self._periode_awal)
        self.add_row("Per&iode:", self.periode)

    def _fill_periode(self, pilih: str | None) -> None:
        self.periode.blockSignals(True)
        self.periode.clear()
        for p in pilihan_periode(self.tahun.currentData()):
            self.periode.addItem(p.label, p.id)
        self.periode.setCurrentIndex(max(self.periode.findData(pilih), 0))
        self.periode.blockSignals(False)

    def tahun_berubah(self) -> None:
        """The periods of the new year."""
        self._fill_periode(None)

    def nama_bawaan(self) -> str:
        """The report's file name without extension."""
        from kinerja_desktop.db.kabupaten import require_workspace
        from kinerja_desktop.reports.kabupaten import default_filename

        return default_filename(require_workspace().kode, self.periode.currentData(), "")

    def pekerjaan(self, target: Path, ttd: object) -> Callable[[TaskState], Any]:
        """Write the report on the worker thread."""
        from kinerja_desktop.reports.kabupaten import export_kabupaten

        tahun, periode, kertas = (
            self.tahun.currentData(),
            self.periode.currentData(),
            self.kertas.currentData(),
        )
        return lambda state: export_kabupaten(tahun, periode, target, kertas)
