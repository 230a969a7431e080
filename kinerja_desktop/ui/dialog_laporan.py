"""One design for every report dialog (Cetak IKI, Laporan Capaian, Buat Templat Desa, the
list of missing desa data): the same words, rows, progress and buttons everywhere.

Rows, top to bottom: Tahun; what the report covers (a subclass adds it: jabatan, periode,
desa); Jenis berkas (PDF or Excel); Ukuran kertas with "Jadikan bawaan"; Folder tujuan with
"Pilih folder…"; Nama berkas; the full path that will be written; the signature (place, date,
signer, office line) for signed reports. Then a progress bar, a status line, a red error line
and the buttons "Bantuan", "Buka berkas", "Buka folder", "Cetak…", "Buat …", "Tutup". The
dialog stays open after writing or after an error, with every choice kept.

"Cetak…" prints the PDF these choices write: the one written already when nothing changed
since, else it is written first. The printed sheets are that PDF's pages (:mod:`cetak_dialog`).

The folder is remembered per report (``settings``: ``folder_iki`` …) and starts in the
Documents folder, never in the application's hidden data folder.

The parts with a job of their own live beside it: the signature box (:mod:`laporan_ttd`), the
folder proposed and opening what was written (:mod:`laporan_folder`), the print dialog
(:func:`cetak_dialog.open_print_dialog`). What stays is one form and the one flow of writing
(choices → background job → result, error or bug → print). Long because every report dialog
shares that form and flow, so that they cannot drift apart; each report only adds its rows.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDateEdit,
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
from kinerja_desktop.reports.page import KERTAS, kertas_label
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian, tombol_bantuan
from kinerja_desktop.ui.laporan_folder import folder_awal, open_in_system
from kinerja_desktop.ui.laporan_ttd import KotakTtd
from kinerja_desktop.ui.operations import run_once, show_bug
from kinerja_desktop.ui.pesan import kotak_pesan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

if TYPE_CHECKING:  # Qt's print support is loaded only when something is printed
    from kinerja_desktop.ui.cetak_dialog import CetakDialog


class DialogLaporan(QDialog):
    """The shared dialog; subclasses add their rows and say what to write.

    A subclass calls ``super().__init__`` with what it needs, adds its own rows with
    :meth:`add_row` inside :meth:`baris_isi`, and implements :meth:`nama_bawaan` (a file
    name without extension) and :meth:`pekerjaan` (the job run on the worker thread). Its
    ``bagian_bantuan`` is the section of the guide its "Bantuan" button opens.
    """

    bagian_bantuan: Bagian = Bagian.LAPORAN

    def __init__(
        self,
        parent: QWidget | None,
        judul: str,
        tahun: int | None,
        kunci_folder: str,
        runner: TaskRunner | None = None,
        tombol_buat: str = "&Buat laporan",
        berkas: bool = True,
        tanda_tangan: bool = True,
        daftar_tahun: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.runner = runner if runner is not None else TaskRunner(self)
        self.kunci_folder = kunci_folder
        self.hasil: Path | None = None  # the file (or folder) last written
        self._berjalan: TaskState | None = None
        self._nama_diubah = False  # the operator typed a file name: stop proposing one
        self._berkas = berkas
        self._pilihan: list[QWidget] = []  # every choice, disabled while writing
        self._cetak_nanti = False  # print once the report being written is there
        self._ditulis_dengan: tuple[object, ...] | None = None  # the choices of self.hasil
        self.dialog_cetak: CetakDialog | None = None  # the print dialog last opened

        self.tahun = QComboBox()
        # the years of this database (a kabupaten workspace passes the years it received)
        for y in daftar_tahun if daftar_tahun is not None else years():
            self.tahun.addItem(str(y), y)
        if tahun is not None:
            self.tahun.setCurrentIndex(max(self.tahun.findData(tahun), 0))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_row("Ta&hun:", self.tahun)
        self.baris_isi()

        self.pdf = QRadioButton("&PDF (untuk dicetak dan ditandatangani)")
        self.excel = QRadioButton("E&xcel (.xlsx)")
        self.pdf.setChecked(True)
        self._jenis = QButtonGroup(self)
        self._jenis.addButton(self.pdf)
        self._jenis.addButton(self.excel)
        self.kertas = QComboBox()
        for code in KERTAS:
            self.kertas.addItem(kertas_label(code), code)
        self.kertas.setCurrentIndex(max(self.kertas.findData(settings.get("kertas")), 0))
        self.jadikan_bawaan = QPushButton("Jadikan ba&waan")
        self.jadikan_bawaan.setToolTip("Pakai ukuran kertas ini untuk semua laporan berikutnya")
        if berkas:
            jenis = QVBoxLayout()
            jenis.setContentsMargins(0, 0, 0, 0)
            jenis.addWidget(self.pdf)
            jenis.addWidget(self.excel)
            self.form.addRow("Jenis berkas:", jenis)  # the radio buttons carry their letters
            kertas = QHBoxLayout()
            kertas.addWidget(self.kertas, 1)
            kertas.addWidget(self.jadikan_bawaan)
            self.add_row("Ukuran &kertas:", kertas, self.kertas)
        else:
            for w in (self.pdf, self.excel, self.kertas, self.jadikan_bawaan):
                w.hide()

        self.folder = QLineEdit(folder_awal(kunci_folder))
        self.folder.setMinimumWidth(360)  # room for a folder path on a flashdisk
        self.pilih_folder = QPushButton("Pilih fol&der…")
        folder = QHBoxLayout()
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.pilih_folder)
        self.add_row("&Folder tujuan:", folder, self.folder)

        self.nama = QLineEdit()
        self.akhiran = QLabel()
        if berkas:
            nama = QHBoxLayout()
            nama.addWidget(self.nama, 1)
            nama.addWidget(self.akhiran)
            self.add_row("&Nama berkas:", nama, self.nama)
        else:
            self.nama.hide()
            self.akhiran.hide()
        self._pilihan += [self.pdf, self.excel, self.jadikan_bawaan, self.pilih_folder]
        self.tujuan = QLabel()
        self.tujuan.setWordWrap(True)  # the whole path, never cut off
        self.tujuan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tujuan.setStyleSheet("color: #444;")
        self.form.addRow("Ditulis ke:", self.tujuan)

        self.kotak_ttd = KotakTtd()
        # the signature's fields under the names the dialogs and their tests use
        self.tempat, self.tanggal = self.kotak_ttd.tempat, self.kotak_ttd.tanggal
        self.penandatangan, self.jabatan_ttd = self.kotak_ttd.penandatangan, self.kotak_ttd.jabatan
        self._ttd = tanda_tangan
        self._pilihan += [self.tempat, self.tanggal, self.penandatangan, self.jabatan_ttd]
        if not tanda_tangan:
            self.kotak_ttd.hide()

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.progress.setTextVisible(False)  # an idle "0%" read as a report under way
        kata = tombol_buat.replace("&", "")
        self.status = QLabel(f"Pilih isi dan folder tujuan, lalu klik {kata}.")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.galat = QLabel()
        self.galat.setTextFormat(Qt.TextFormat.PlainText)  # it shows file and desa names
        self.galat.setWordWrap(True)
        self.galat.setStyleSheet("color: #b00020;")
        self.galat.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.galat.hide()

        self.buat = QPushButton(tombol_buat)
        self.buat.setDefault(True)
        self.buka_berkas = QPushButton("Buka be&rkas")
        self.buka_folder = QPushButton("Buka f&older")
        self.cetak = QPushButton("&Cetak…")
        self.tutup = QPushButton("&Tutup")
        for button in (self.buka_berkas, self.buka_folder):
            button.setEnabled(False)
        if not berkas:
            self.buka_berkas.hide()
            self.cetak.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(tombol_bantuan(self, self.bagian_bantuan))
        buttons.addWidget(self.buka_berkas)
        buttons.addWidget(self.buka_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.cetak)
        buttons.addWidget(self.buat)
        buttons.addWidget(self.tutup)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.kotak_ttd)
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.galat)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.tahun.currentIndexChanged.connect(self._tahun_berubah)
        self.pdf.toggled.connect(self.fill_name)
        self.pdf.toggled.connect(self._refresh_cetak)
        self.kertas.currentIndexChanged.connect(self._refresh_bawaan)
        self.jadikan_bawaan.clicked.connect(self._save_default_paper)
        self.pilih_folder.clicked.connect(self._open_folder_picker)
        self.nama.textEdited.connect(self._nama_diketik)
        self.nama.textChanged.connect(self._refresh_tujuan)
        self.folder.textChanged.connect(self._refresh_tujuan)
        self.buat.clicked.connect(self.start)
        self.buka_berkas.clicked.connect(self._open_file)
        self.buka_folder.clicked.connect(self._open_folder)
        self.cetak.clicked.connect(self.print_report)
        self.tutup.clicked.connect(self.reject)
        self._refresh_cetak()

    def fill_proposals(self) -> None:
        """Fill the proposals once the subclass's rows exist (call at the end of __init__)."""
        self._fill_ttd()
        self.fill_name()
        self._refresh_bawaan()
        self._refresh_tujuan()

    # ----- for subclasses ------------------------------------------------------------------

    def add_row(self, teks: str, isi: Any, buddy: QWidget | None = None) -> None:
        """Add a form row; a label with "&" gets ``buddy`` (or ``isi``) so Alt+letter works."""
        label = QLabel(teks)
        target = buddy if buddy is not None else isi
        if isinstance(target, QWidget):
            label.setBuddy(target)
            self._pilihan.append(target)  # disabled while writing
        self.form.addRow(label, isi)

    def baris_isi(self) -> None:
        """Add the rows that say what the report covers (jabatan, periode, desa)."""

    def nama_bawaan(self) -> str:
        """The proposed file name without extension (only for dialogs that write one file)."""
        return ""

    def tanggal_bawaan(self) -> date | None:
        """The signature's default date (None: as the decree records it)."""
        return None

    def label_tanggal_kosong(self) -> str:
        """What the date field says while it holds no date of its own."""
        return "seperti tercatat pada keputusan"

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """The job writing the report to ``target`` (a file, or the folder)."""
        raise NotImplementedError

    def refresh_proposals(self) -> None:
        """Call when a choice of the subclass changed: proposals follow it (a signer that
        cannot be read is said in red)."""
        run_once(self, self._fill_ttd, self.show_error)
        self.fill_name()

    # ----- choices -------------------------------------------------------------------------

    def _tahun_berubah(self) -> None:
        # the subclass's rows of the year are read: what cannot be read is said in red
        run_once(self, self.tahun_berubah, self.show_error)
        self.refresh_proposals()

    def tahun_berubah(self) -> None:
        """Refill the subclass's rows for the chosen year."""

    @property
    def akhiran_berkas(self) -> str:
        """ ".pdf" or ".xlsx", following the chosen kind of file."""
        return ".pdf" if self.pdf.isChecked() else ".xlsx"

    def fill_name(self) -> None:
        """Propose the file name, unless the operator typed one."""
        self.akhiran.setText(self.akhiran_berkas)
        if self._berkas and not self._nama_diubah and self.tahun.currentData() is not None:
            nama = run_once(self, self.nama_bawaan, self.show_error)  # some read the database
            if nama is not None:
                self.nama.setText(nama)
        self._refresh_tujuan()

    def _nama_diketik(self, _text: str) -> None:
        self._nama_diubah = True

    def _refresh_tujuan(self) -> None:
        target = self.target(diam=True)
        self.tujuan.setText(str(target) if target is not None else "—")

    def _fill_ttd(self) -> None:
        tahun = self.tahun.currentData()
        if self._ttd and tahun is not None:
            self.kotak_ttd.fill(tahun, self.tanggal_bawaan(), self.label_tanggal_kosong())

    def pilihan_ttd(self) -> PilihanTtd | None:
        """The signature as shown in the dialog (None for a dialog without one)."""
        return self.kotak_ttd.pilihan() if self._ttd else None

    def _refresh_bawaan(self) -> None:
        sudah = self.kertas.currentData() == settings.get("kertas")
        # Say why the button is off: this paper already is the default.
        self.jadikan_bawaan.setText("Ukuran ba&waan" if sudah else "Jadikan ba&waan")
        self.jadikan_bawaan.setEnabled(not sudah)

    def _save_default_paper(self) -> None:
        code = self.kertas.currentData()

        def save_default() -> str:
            settings.set_value("kertas", code)
            return code

        if run_once(self, save_default, self.show_error) is None:
            return
        self.status.setText(f"Ukuran kertas bawaan sekarang {kertas_label(code)}.")
        self._refresh_bawaan()

    def _open_folder_picker(self) -> None:
        awal = self.folder.text().strip() or folder_awal(self.kunci_folder)
        folder = QFileDialog.getExistingDirectory(self, "Pilih folder tujuan", awal)
        if folder:
            self.folder.setText(folder)

    def target(self, diam: bool = False) -> Path | None:
        """Where the report will be written (absolute), or None (with a message unless
        ``diam``) when the folder or name is missing."""
        folder = self.folder.text().strip()
        if not folder:
            if not diam:
                self.show_error("Pilih folder tujuan terlebih dahulu.")
            return None
        tempat = Path(folder).expanduser().absolute()
        if not self._berkas:
            return tempat
        nama = self.nama.text().strip()
        if not nama:
            if not diam:
                self.show_error("Isi nama berkas terlebih dahulu.")
            return None
        if nama.lower().endswith(self.akhiran_berkas):
            nama = nama[: -len(self.akhiran_berkas)]
        return tempat / f"{nama}{self.akhiran_berkas}"

    # ----- writing -------------------------------------------------------------------------

    def start(self) -> TaskState | None:
        """Write in the background (the "Buat …" button); the dialog keeps every choice."""
        if self._berjalan is not None or self.tahun.currentData() is None:
            return None
        self.galat.hide()
        target = self.target()
        if target is None:
            return None
        if self._berkas and target.exists() and not self._ask_overwrite(target):
            return None
        job = self.pekerjaan(target, self.pilihan_ttd())
        self._ditulis_dengan = self._keadaan()
        self._set_busy(True)
        self.status.setText(f"Menulis {target.name} …")
        self._berjalan = self.runner.run(
            job,
            on_done=self._on_done,
            on_error=self._on_failed,
            on_progress=self._kemajuan,
            on_crash=self._on_crashed,
        )
        return self._berjalan

    def _ask_overwrite(self, target: Path) -> bool:
        box = kotak_pesan(
            self,
            QMessageBox.Icon.Question,
            "Berkas sudah ada",
            f"Berkas {target.name} sudah ada di {target.parent}.\nTimpa berkas itu?",
        )
        timpa = box.addButton("Timpa", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is timpa

    def _set_busy(self, sibuk: bool) -> None:
        for widget in self._pilihan:
            widget.setEnabled(not sibuk)
        self.buat.setEnabled(not sibuk)
        self.tutup.setEnabled(not sibuk)
        if sibuk:
            self.buka_berkas.setEnabled(False)
            self.buka_folder.setEnabled(False)
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.progress.setTextVisible(True)
        else:
            self._refresh_bawaan()
        self._refresh_cetak()

    def _kemajuan(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.status.setText(f"{label} …")

    def pesan_selesai(self, hasil: Any) -> str:
        """The status line after writing."""
        return f"Selesai. Laporan ditulis ke {hasil}"

    def _on_done(self, hasil: Any) -> None:
        self._berjalan = None
        self._set_busy(False)
        self.hasil = Path(hasil) if isinstance(hasil, (str, Path)) else self.target(diam=True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.pesan_selesai(hasil))
        self.buka_berkas.setEnabled(self._berkas)
        self.buka_folder.setEnabled(True)
        if self._cetak_nanti:
            self._cetak_nanti = False
            if self.hasil is not None:
                self.print_file(self.hasil)
        folder = self.hasil.parent if self._berkas and self.hasil else self.hasil
        # Remember the folder (often a USB stick) for this report; a data folder that refuses
        # is not worth a message, the report itself was written (a bug still is shown).
        if folder is not None:
            run_once(self, lambda: self._remember_folder(folder), lambda _pesan: None)

    def _remember_folder(self, folder: Path) -> Path:
        settings.set_value(self.kunci_folder, str(folder))
        settings.set_value("folder_terakhir", str(folder))
        return folder

    def _on_failed(self, exc: KinerjaError) -> None:
        self._berjalan = None
        self._cetak_nanti = False
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status.setText("Tidak ada yang ditulis. Pilihan Anda tetap; perbaiki lalu coba lagi.")
        self.show_error(exc.pesan)

    def _on_crashed(self, traceback_text: str) -> None:
        self._berjalan = None
        self._cetak_nanti = False
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status.setText("Tidak ada yang ditulis.")
        show_bug(self, traceback_text)

    def show_error(self, pesan: str) -> None:
        """Show a refusal in red under the progress bar; the dialog stays as it was."""
        self.galat.setText(pesan)
        self.galat.show()

    # ----- after writing -------------------------------------------------------------------

    def _open_file(self) -> None:
        if self.hasil is not None:
            self._open_path(self.hasil)

    def _open_folder(self) -> None:
        if self.hasil is not None:
            self._open_path(self.hasil.parent if self._berkas else self.hasil)

    def _open_path(self, path: Path) -> None:
        self.galat.hide()
        masalah = open_in_system(path)
        if masalah is not None:
            self.show_error(masalah)

    # ----- printing ----------------------------------------------------------------------------

    def _refresh_cetak(self) -> None:
        bisa = self._berkas and self.pdf.isChecked() and self._berjalan is None
        self.cetak.setEnabled(bisa)
        self.cetak.setToolTip(
            "Mencetak laporan PDF ini ke printer, dengan pratinjau halaman"
            if self.pdf.isChecked()
            else "Pilih jenis berkas PDF untuk mencetak"
        )

    def _keadaan(self) -> tuple[object, ...]:
        """Every choice as it stands, to tell whether the file written still matches them."""
        nilai: list[object] = []
        for widget in self._pilihan:
            if isinstance(widget, QComboBox):
                nilai.append((widget.currentText(), widget.currentData()))
            elif isinstance(widget, QLineEdit):
                nilai.append(widget.text())
            elif isinstance(widget, QAbstractButton):
                nilai.append(widget.isChecked())
            elif isinstance(widget, QDateEdit):
                nilai.append(widget.date().toJulianDay())
        return (*nilai, self.kertas.currentData(), str(self.target(diam=True)))

    def pdf_terkini(self) -> Path | None:
        """The PDF written with the choices shown now, if it is still there."""
        if (
            self.hasil is not None
            and self.hasil.suffix.lower() == ".pdf"
            and self.hasil.is_file()
            and self._ditulis_dengan == self._keadaan()
        ):
            return self.hasil
        return None

    def print_report(self) -> TaskState | None:
        """ "Cetak…": print the PDF of these choices, writing it first unless it is there.

        Returns the task state when the report is being written first."""
        if not self.pdf.isChecked() or self._berjalan is not None:
            return None
        terkini = self.pdf_terkini()
        if terkini is not None:
            self.print_file(terkini)
            return None
        self._cetak_nanti = True
        state = self.start()
        if state is None:
            self._cetak_nanti = False
        return state

    def print_file(self, path: Path) -> None:
        """Open the print dialog on the PDF at ``path`` (window-modal; see ``dialog_cetak``)."""
        from kinerja_desktop.ui.cetak_dialog import open_print_dialog

        def closed(pesan: str) -> None:
            if pesan:
                self.status.setText(pesan)

        dialog = open_print_dialog(self, path, self.show_error, closed)
        if dialog is not None:
            self.dialog_cetak = dialog

    def reject(self) -> None:
        """Close, but never while a file is being written (it takes about a second)."""
        if self._berjalan is not None:
            self.runner.wait()
        super().reject()
