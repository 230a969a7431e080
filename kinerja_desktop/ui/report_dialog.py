"""The "Cetak Keputusan IKI" dialog: choose year, jabatan, PDF or Excel, paper and folder,
write the file in the background, then open it or its folder.

Opened from the Laporan menu: ``ReportDialog(window, tahun=2020, jabatan_kode=None).exec()``.
Pass the window's :class:`TaskRunner` as ``runner`` so that file work shares the one worker
thread; without it the dialog makes its own.
"""

import contextlib
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import settings
from kinerja_desktop.db.queries import years
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.reports.iki import default_filename, export_iki
from kinerja_desktop.reports.iki_data import daftar_jabatan
from kinerja_desktop.reports.page import KERTAS, kertas_label
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

SEMUA_JABATAN = "Semua jabatan"


class ReportDialog(QDialog):
    """Writes the IKI decree of a year to a PDF or Excel file chosen by the operator."""

    def __init__(
        self,
        parent: QWidget | None,
        tahun: int,
        jabatan_kode: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cetak Keputusan IKI")
        self.runner = runner if runner is not None else TaskRunner(self)
        self.hasil: Path | None = None  # the file last written
        self._berjalan: TaskState | None = None
        self._nama_diubah = False  # the operator typed a file name: stop proposing one

        self.tahun = QComboBox()
        for y in years():
            self.tahun.addItem(str(y), y)
        self.tahun.setCurrentIndex(max(self.tahun.findData(tahun), 0))
        self.jabatan = QComboBox()
        self.jabatan.setMinimumContentsLength(40)
        self.jabatan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._isi_jabatan(jabatan_kode)

        self.pdf = QRadioButton("&PDF (untuk dicetak dan ditandatangani)")
        self.excel = QRadioButton("E&xcel (.xlsx)")
        self.pdf.setChecked(True)
        self._jenis = QButtonGroup(self)
        self._jenis.addButton(self.pdf)
        self._jenis.addButton(self.excel)
        jenis = QVBoxLayout()
        jenis.setContentsMargins(0, 0, 0, 0)
        jenis.addWidget(self.pdf)
        jenis.addWidget(self.excel)

        self.kertas = QComboBox()
        for code in KERTAS:
            self.kertas.addItem(kertas_label(code), code)
        self.kertas.setCurrentIndex(max(self.kertas.findData(settings.get("kertas")), 0))
        self.jadikan_bawaan = QPushButton("Jadikan ba&waan")
        self.jadikan_bawaan.setToolTip("Pakai ukuran kertas ini untuk semua laporan berikutnya")
        kertas = QHBoxLayout()
        kertas.addWidget(self.kertas, 1)
        kertas.addWidget(self.jadikan_bawaan)

        self.folder = QLineEdit(settings.get("folder_terakhir") or str(Path.home()))
        self.folder.setMinimumWidth(320)
        self.pilih_folder = QPushButton("Pilih fol&der…")
        folder = QHBoxLayout()
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.pilih_folder)

        self.nama = QLineEdit()
        self.akhiran = QLabel()
        nama = QHBoxLayout()
        nama.addWidget(self.nama, 1)
        nama.addWidget(self.akhiran)

        form = QFormLayout()
        # every row reachable with Alt and its underlined letter; a row holding a layout gets
        # no buddy from addRow, so its label is made here
        form.addRow("Ta&hun:", self.tahun)
        form.addRow("&Jabatan:", self.jabatan)
        form.addRow("Jenis berkas:", jenis)  # the radio buttons carry their own letters
        for teks, layout, buddy in (
            ("Ukuran &kertas:", kertas, self.kertas),
            ("&Folder tujuan:", folder, self.folder),
            ("&Nama berkas:", nama, self.nama),
        ):
            label = QLabel(teks)
            label.setBuddy(buddy)
            form.addRow(label, layout)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.progress.setTextVisible(False)  # an idle "0%" read as a report under way
        self.status = QLabel("Pilih isi laporan dan folder tujuan, lalu klik Buat laporan.")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.galat = QLabel()
        self.galat.setWordWrap(True)
        self.galat.setStyleSheet("color: #b00020;")
        self.galat.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.galat.hide()

        self.buat = QPushButton("&Buat laporan")
        self.buat.setDefault(True)
        self.buka_berkas = QPushButton("Buka be&rkas")
        self.buka_folder = QPushButton("Buka f&older")
        self.tutup = QPushButton("&Tutup")
        for button in (self.buka_berkas, self.buka_folder):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.buka_berkas)
        buttons.addWidget(self.buka_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.buat)
        buttons.addWidget(self.tutup)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.galat)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.tahun.currentIndexChanged.connect(self._tahun_berubah)
        self.jabatan.currentIndexChanged.connect(self._usul_nama)
        self.pdf.toggled.connect(self._usul_nama)
        self.kertas.currentIndexChanged.connect(self._perbarui_bawaan)
        self.jadikan_bawaan.clicked.connect(self._simpan_bawaan)
        self.pilih_folder.clicked.connect(self._pilih_folder)
        self.nama.textEdited.connect(self._nama_diketik)
        self.buat.clicked.connect(self.buat_laporan)
        self.buka_berkas.clicked.connect(self._buka_berkas)
        self.buka_folder.clicked.connect(self._buka_folder)
        self.tutup.clicked.connect(self.reject)
        self._usul_nama()
        self._perbarui_bawaan()

    # ----- choices -------------------------------------------------------------------------

    def _isi_jabatan(self, pilih: str | None) -> None:
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem(SEMUA_JABATAN, None)
        tahun = self.tahun.currentData()
        if tahun is not None:
            for j in daftar_jabatan(tahun):
                # indent by depth so the list reads like the jabatan tree
                self.jabatan.addItem("    " * j.kedalaman + j.nama, j.kode)
        self.jabatan.setCurrentIndex(max(self.jabatan.findData(pilih), 0) if pilih else 0)
        self.jabatan.blockSignals(False)

    def _tahun_berubah(self) -> None:
        self._isi_jabatan(self.jabatan.currentData())
        self._usul_nama()

    @property
    def akhiran_berkas(self) -> str:
        """ ".pdf" or ".xlsx", following the chosen kind of file."""
        return ".pdf" if self.pdf.isChecked() else ".xlsx"

    def _usul_nama(self) -> None:
        self.akhiran.setText(self.akhiran_berkas)
        if not self._nama_diubah and self.tahun.currentData() is not None:
            usul = default_filename(self.tahun.currentData(), "", self.jabatan.currentData())
            self.nama.setText(usul)

    def _nama_diketik(self, _text: str) -> None:
        self._nama_diubah = True

    def _perbarui_bawaan(self) -> None:
        sudah = self.kertas.currentData() == settings.get("kertas")
        # Say why the button is off: this paper already is the default.
        self.jadikan_bawaan.setText("Ukuran ba&waan" if sudah else "Jadikan ba&waan")
        self.jadikan_bawaan.setEnabled(not sudah)

    def _simpan_bawaan(self) -> None:
        code = self.kertas.currentData()
        try:
            settings.set_value("kertas", code)
        except KinerjaError as exc:
            self._tampilkan_galat(exc.pesan)
            return
        self.status.setText(f"Ukuran kertas bawaan sekarang {kertas_label(code)}.")
        self._perbarui_bawaan()

    def _pilih_folder(self) -> None:
        awal = self.folder.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Pilih folder tujuan", awal)
        if folder:
            self.folder.setText(folder)

    def target(self) -> Path | None:
        """The file the report will be written to, or None (with a message) when incomplete."""
        folder = self.folder.text().strip()
        nama = self.nama.text().strip()
        if not folder:
            self._tampilkan_galat("Pilih folder tujuan terlebih dahulu.")
            return None
        if not nama:
            self._tampilkan_galat("Isi nama berkas terlebih dahulu.")
            return None
        if nama.lower().endswith(self.akhiran_berkas):
            nama = nama[: -len(self.akhiran_berkas)]
        return Path(folder) / f"{nama}{self.akhiran_berkas}"

    # ----- writing -------------------------------------------------------------------------

    def buat_laporan(self) -> None:
        """Write the report in the background (the "Buat laporan" button)."""
        if self._berjalan is not None:
            return
        self.galat.hide()
        target = self.target()
        if target is None:
            return
        if target.exists() and not self._boleh_timpa(target):
            return
        tahun = self.tahun.currentData()
        kode = self.jabatan.currentData()
        kertas = self.kertas.currentData()

        def job(state: TaskState) -> Path:
            return export_iki(
                tahun, target, kertas=kertas, jabatan_kode=kode, progress=state.progress
            )

        self._sibuk(True)
        self.status.setText(f"Menulis {target.name} …")
        self._berjalan = self.runner.run(
            job,
            on_done=self._selesai,
            on_error=self._gagal,
            on_progress=self._kemajuan,
            on_crash=self._rusak,
        )

    def _boleh_timpa(self, target: Path) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Berkas sudah ada")
        box.setText(f"Berkas {target.name} sudah ada di {target.parent}.\nTimpa berkas itu?")
        timpa = box.addButton("Timpa", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is timpa

    def _sibuk(self, sibuk: bool) -> None:
        for widget in (self.buat, self.tahun, self.jabatan, self.pdf, self.excel, self.kertas):
            widget.setEnabled(not sibuk)
        self.pilih_folder.setEnabled(not sibuk)
        self.tutup.setEnabled(not sibuk)
        if sibuk:
            self.buka_berkas.setEnabled(False)
            self.buka_folder.setEnabled(False)
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.progress.setTextVisible(True)

    def _kemajuan(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.status.setText(f"{label} …")

    def _selesai(self, path: Any) -> None:
        self._berjalan = None
        self._sibuk(False)
        self.hasil = Path(path)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(f"Selesai. Laporan ditulis ke {self.hasil}")
        self.buka_berkas.setEnabled(True)
        self.buka_folder.setEnabled(True)
        # Remember the folder (often a USB stick) for the next report; failing to remember it
        # is not worth an error, the report itself was written.
        with contextlib.suppress(KinerjaError):
            settings.set_value("folder_terakhir", str(self.hasil.parent))

    def _gagal(self, exc: KinerjaError) -> None:
        self._berjalan = None
        self._sibuk(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status.setText("Laporan tidak dibuat.")
        self._tampilkan_galat(exc.pesan)

    def _rusak(self, traceback_text: str) -> None:
        self._berjalan = None
        self._sibuk(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status.setText("Laporan tidak dibuat.")
        print(traceback_text, file=sys.stderr)  # the details for the developer
        self._tampilkan_galat(
            "Terjadi kesalahan program saat membuat laporan (bukan kesalahan Anda). "
            "Laporkan kejadian ini kepada pengembang aplikasi."
        )

    def _tampilkan_galat(self, pesan: str) -> None:
        self.galat.setText(pesan)
        self.galat.show()

    # ----- after writing -------------------------------------------------------------------

    def _buka_berkas(self) -> None:
        if self.hasil is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.hasil)))

    def _buka_folder(self) -> None:
        if self.hasil is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.hasil.parent)))

    def reject(self) -> None:
        """Close, but never while a file is being written (it takes about a second)."""
        if self._berjalan is not None:
            self.runner.wait()
        super().reject()
