"""The "Cetak" dialog: a written PDF report to a printer of this computer.

Left the choices (printer, paper F4 or A4, all pages or a range, copies), right a preview of
the very pages that will be printed. Both draw the PDF's own pages
(:mod:`kinerja_desktop.ui.pdf_halaman`), so the sheets equal the PDF.

``CetakDialog(parent, path).exec()``; :meth:`CetakDialog.print_to` prints on any QPrinter
(the Cetak button passes the chosen printer; a test passes a PDF file printer).
:func:`open_print_dialog` opens it window-modal, the way the report dialogs and Ctrl+P do.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import settings
from kinerja_desktop.reports.page import KERTAS, kertas_label
from kinerja_desktop.ui.bantuan import Bagian, tombol_bantuan
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.pdf_halaman import DPI_PRATINJAU, DokumenPdf, draw_pages, prepare_paper

TANPA_PRINTER = (
    "Belum ada printer yang terpasang di komputer ini. Pasang printernya melalui pengaturan "
    "printer sistem (Windows: Pengaturan › Printer & pemindai), lalu buka jendela ini lagi. "
    "Sementara itu berkas PDF-nya dapat dibuka dengan tombol Buka berkas, atau disalin ke "
    "flashdisk dan dicetak di komputer lain."
)


class CetakDialog(QDialog):
    """Print the PDF at ``path``; raises :class:`KinerjaError` when it cannot be read.

    A refusal or an environment failure while printing is said in red and the dialog stays
    open; a bug goes to the bug dialog (:func:`~kinerja_desktop.ui.operations.run_once`)."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.dokumen = DokumenPdf(path)
        self.pesan = ""  # what was sent where, for the caller's status line
        jumlah = len(self.dokumen)
        self.setWindowTitle(f"Cetak — {path.name}")

        self.printer = QComboBox(self)
        nama_printer = QPrinterInfo.availablePrinterNames()
        for nama in nama_printer:
            self.printer.addItem(nama, nama)
        self.printer.setCurrentIndex(
            max(self.printer.findData(QPrinterInfo.defaultPrinterName()), 0)
        )
        self.kertas = QComboBox(self)
        for code in KERTAS:
            self.kertas.addItem(kertas_label(code), code)
        kertas_pdf = self.dokumen.kertas()
        self.kertas.setCurrentIndex(
            max(self.kertas.findData(kertas_pdf or settings.get("kertas")), 0)
        )
        self.semua = QRadioButton(f"Se&mua ({jumlah} halaman)", self)
        self.rentang = QRadioButton("&Dari halaman", self)
        self.semua.setChecked(True)
        self._halaman = QButtonGroup(self)
        self._halaman.addButton(self.semua)
        self._halaman.addButton(self.rentang)
        self.dari = QSpinBox(self)
        self.sampai = QSpinBox(self)
        for spin, nilai in ((self.dari, 1), (self.sampai, jumlah)):
            spin.setRange(1, max(jumlah, 1))
            spin.setValue(nilai)
        self.salinan = QSpinBox(self)
        self.salinan.setRange(1, 99)

        rentang = QHBoxLayout()
        rentang.addWidget(self.rentang)
        rentang.addWidget(self.dari)
        rentang.addWidget(QLabel("s.d.", self))
        rentang.addWidget(self.sampai)
        rentang.addStretch(1)
        halaman = QVBoxLayout()
        halaman.addWidget(self.semua)
        halaman.addLayout(rentang)
        form = QFormLayout()
        for teks, widget in (("&Printer:", self.printer), ("&Kertas:", self.kertas)):
            label = QLabel(teks, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("Halaman:", halaman)
        label_salinan = QLabel("&Salinan:", self)
        label_salinan.setBuddy(self.salinan)
        form.addRow(label_salinan, self.salinan)

        self.berkas = QLabel(f"Berkas: {path}", self)
        self.berkas.setWordWrap(True)
        self.berkas.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.berkas.setStyleSheet("color: #444;")
        self.catatan = QLabel(self)  # a paper other than the PDF's; no printer at all
        self.catatan.setWordWrap(True)
        self.galat = QLabel(self)
        self.galat.setWordWrap(True)
        self.galat.setStyleSheet("color: #b00020;")
        self.galat.hide()

        self._printer_pratinjau = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self._printer_pratinjau.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.pratinjau = QPrintPreviewWidget(self._printer_pratinjau, self)
        self.pratinjau.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
        self.pratinjau.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.pratinjau.setMinimumWidth(340)
        self.pratinjau.paintRequested.connect(self._draw_preview)
        perkecil = QPushButton("Perkec&il", self)
        perbesar = QPushButton("Perbes&ar", self)
        pas = QPushButton("Satu &halaman penuh", self)
        perkecil.clicked.connect(lambda: self.pratinjau.zoomOut())
        perbesar.clicked.connect(lambda: self.pratinjau.zoomIn())
        pas.clicked.connect(lambda: self.pratinjau.fitInView())
        zoom = QHBoxLayout()
        zoom.addWidget(QLabel("Pratinjau halaman yang akan dicetak", self), 1)
        for tombol in (perkecil, perbesar, pas):
            tombol.setAutoDefault(False)
            zoom.addWidget(tombol)

        self.cetak = QPushButton("&Cetak", self)
        self.cetak.setDefault(True)
        batal = QPushButton("&Batal", self)
        batal.setAutoDefault(False)
        bawah = QHBoxLayout()
        bawah.addWidget(tombol_bantuan(self, Bagian.CETAK))
        bawah.addStretch(1)
        bawah.addWidget(self.cetak)
        bawah.addWidget(batal)

        kiri_widget = QWidget(self)
        kiri_widget.setMaximumWidth(380)  # the preview takes the rest
        kiri = QVBoxLayout(kiri_widget)
        kiri.setContentsMargins(0, 0, 0, 0)
        kiri.addLayout(form)
        kiri.addWidget(self.berkas)
        kiri.addWidget(self.catatan)
        kiri.addWidget(self.galat)
        kiri.addStretch(1)
        kanan = QVBoxLayout()
        kanan.addLayout(zoom)
        kanan.addWidget(self.pratinjau, 1)
        isi = QHBoxLayout()
        isi.addWidget(kiri_widget, 0)
        isi.addLayout(kanan, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(isi, 1)
        layout.addLayout(bawah)

        if not nama_printer:
            self.printer.addItem("(tidak ada printer)", None)
            self.printer.setEnabled(False)
            self.cetak.setEnabled(False)
        self.kertas.currentIndexChanged.connect(self._pilihan_berubah)
        self.semua.toggled.connect(self._pilihan_berubah)
        self.dari.valueChanged.connect(self._dari_berubah)
        self.sampai.valueChanged.connect(self._sampai_berubah)
        self.cetak.clicked.connect(self._print_chosen)
        batal.clicked.connect(self.reject)
        self._pilihan_berubah()
        self.resize(940, 660)

    # ----- choices -----------------------------------------------------------------------------

    def halaman_terpilih(self) -> list[int]:
        """The pages to print, 0-based, in order."""
        if self.semua.isChecked():
            return list(range(len(self.dokumen)))
        return list(range(self.dari.value() - 1, self.sampai.value()))

    def _dari_berubah(self, nilai: int) -> None:
        self.rentang.setChecked(True)
        if self.sampai.value() < nilai:
            self.sampai.setValue(nilai)
        self._pilihan_berubah()

    def _sampai_berubah(self, nilai: int) -> None:
        self.rentang.setChecked(True)
        if self.dari.value() > nilai:
            self.dari.setValue(nilai)
        self._pilihan_berubah()

    def _mendatar(self) -> bool:
        if not len(self.dokumen):
            return False
        width, height = self.dokumen.ukuran_mm(0)
        return width > height

    def _pilihan_berubah(self) -> None:
        kertas = self.kertas.currentData()
        kertas_pdf = self.dokumen.kertas()
        catatan = []
        if self.printer.currentData() is None:
            catatan.append(TANPA_PRINTER)
        if kertas_pdf is not None and kertas_pdf != kertas:
            nama_pdf, nama = KERTAS[kertas_pdf][0], KERTAS[kertas][0]
            catatan.append(
                f"Laporan ini ditulis untuk kertas {nama_pdf}; halamannya diperkecil atau "
                f"diperbesar agar pas di kertas {nama} tanpa terpotong."
            )
        self.catatan.setText("\n\n".join(catatan))
        self.catatan.setVisible(bool(catatan))
        prepare_paper(self._printer_pratinjau, kertas, self._mendatar())
        self.pratinjau.updatePreview()

    def _draw_preview(self, printer: QPrinter) -> None:
        draw_pages(printer, self.dokumen, self.halaman_terpilih(), DPI_PRATINJAU)

    # ----- printing ----------------------------------------------------------------------------

    def prepare_printer(self, printer: QPrinter) -> None:
        """Give ``printer`` the chosen paper, copies and the document's name."""
        prepare_paper(printer, self.kertas.currentData(), self._mendatar())
        printer.setCopyCount(self.salinan.value())
        printer.setDocName(self.dokumen.path.stem)

    def print_to(self, printer: QPrinter) -> int:
        """Print the chosen pages on ``printer``; returns how many pages (one copy)."""
        self.prepare_printer(printer)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return draw_pages(printer, self.dokumen, self.halaman_terpilih())
        finally:
            QApplication.restoreOverrideCursor()

    def _print_chosen(self) -> None:
        nama = self.printer.currentData()
        if nama is None:
            return
        printer = QPrinter(QPrinterInfo.printerInfo(nama), QPrinter.PrinterMode.HighResolution)
        self.galat.hide()
        self.cetak.setEnabled(False)
        try:
            jumlah = run_once(self, lambda: self.print_to(printer), self._show_error)
        finally:
            self.cetak.setEnabled(True)
        if jumlah is None:
            return
        salinan = self.salinan.value()
        self.pesan = f"{jumlah} halaman dikirim ke printer {nama}" + (
            f" ({salinan} salinan)." if salinan > 1 else "."
        )
        self.accept()

    def _show_error(self, pesan: str) -> None:
        self.galat.setText(pesan)
        self.galat.show()

    def done(self, result: int) -> None:
        """Close the PDF as the dialog closes, so that the file can be written again."""
        self.dokumen.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing with the window's X closes the PDF too."""
        self.dokumen.close()
        super().closeEvent(event)


def open_print_dialog(
    parent: QWidget, path: Path, on_refused: Callable[[str], None], on_closed: Callable[[str], None]
) -> CetakDialog | None:
    """Open the print dialog on the PDF at ``path`` window-modal; it is deleted when closed.

    A PDF that is gone or unreadable goes to ``on_refused`` in Indonesian (None is returned), a
    bug to the bug dialog. ``on_closed`` receives what was sent where, or "" when the operator
    closed the dialog without printing.
    """
    dialog = run_once(parent, lambda: CetakDialog(parent, path), on_refused)
    if dialog is None:
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def closed(hasil: int) -> None:
        on_closed(dialog.pesan if hasil else "")

    dialog.finished.connect(closed)
    dialog.open()
    return dialog
