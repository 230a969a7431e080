"""Printing a report from its dialog: the "Cetak…" button writes the PDF (when needed) and opens
the print dialog; what it prints is read back from a PDF-file printer, page by page, and
compared with the report's own pages as poppler draws them."""

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kinerja_desktop.ui.capaian_dialog import CapaianDialog
from kinerja_desktop.ui.cetak_dialog import CetakDialog
from kinerja_desktop.ui.report_dialog import ReportDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
MM = 25.4 / 72
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform


def _ukuran_mm(reader: PdfReader, halaman: int) -> tuple[float, float]:
    box = reader.pages[halaman].mediabox
    return float(box.width) * MM, float(box.height) * MM


def _tinta(pdf: Path, halaman: int, folder: Path) -> Image.Image:
    """Where page ``halaman`` (1-based) has ink, as poppler draws it at 60 dpi (white = ink)."""
    awalan = folder / f"{pdf.stem}-{halaman}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(halaman),
            "-l",
            str(halaman),
            "-singlefile",
            str(pdf),
            str(awalan),
        ],
        check=True,
    )
    return Image.open(f"{awalan}.png").convert("L").point(lambda v: 255 if v < 160 else 0)


def _tinta_lain(a: Image.Image, b: Image.Image) -> float:
    """The share of ``a``'s ink farther than about 1 mm from any ink of ``b``: near 0 for the
    same page drawn twice (anti-aliasing differs), large for another page."""
    dekat_b = b.filter(ImageFilter.MaxFilter(5))
    return ImageStat.Stat(ImageChops.subtract(a, dekat_b)).sum[0] / ImageStat.Stat(a).sum[0]


def _printer_pdf(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def iki(qtbot, db, tmp_path):
    """The Cetak IKI dialog for all jabatan of 2020, writing into a folder of its own."""
    dlg = ReportDialog(None, 2020, None)
    qtbot.addWidget(dlg)
    dlg.folder.setText(str(tmp_path / "laporan"))
    yield dlg
    if dlg.dialog_cetak is not None:
        dlg.dialog_cetak.close()
    dlg.runner.wait(5000)


def _cetak(qtbot, dlg) -> CetakDialog:
    """Click "Cetak…" and wait for the print dialog."""
    sebelumnya = dlg.dialog_cetak
    qtbot.mouseClick(dlg.cetak, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.dialog_cetak is not sebelumnya or not dlg.galat.isHidden(), timeout=20000
    )
    assert dlg.galat.isHidden(), dlg.galat.text()
    return dlg.dialog_cetak


def test_printed_pages_equal_the_pdf_pages_on_f4_and_fit_on_a4(qtbot, iki, tmp_path):
    assert iki.cetak.isEnabled() and iki.cetak.text() == "&Cetak…"
    cetak = _cetak(qtbot, iki)  # writes the PDF first: nothing was written yet
    asli = tmp_path / "laporan" / "IKI-2020.pdf"
    assert iki.hasil == asli and asli.is_file()
    jumlah = len(PdfReader(asli).pages)
    assert cetak.semua.text() == f"Se&mua ({jumlah} halaman)"
    assert cetak.kertas.currentData() == "f4"  # the PDF's paper, found in the PDF

    cetak.dari.setValue(2)
    cetak.sampai.setValue(3)
    assert cetak.rentang.isChecked() and cetak.halaman_terpilih() == [1, 2]
    assert cetak.pratinjau.pageCount() == 2  # the preview shows what will be printed
    hasil = tmp_path / "cetak-f4.pdf"
    assert cetak.print_to(_printer_pdf(hasil)) == 2

    reader = PdfReader(hasil)
    assert len(reader.pages) == 2
    lebar, tinggi = _ukuran_mm(reader, 0)
    assert abs(lebar - 215) < 0.5 and abs(tinggi - 330) < 0.5
    # printed sheet 1 is the report's page 2, sheet 2 its page 3, and not the other way round
    gambar = tmp_path / "gambar"
    gambar.mkdir()
    lembar1, lembar2 = _tinta(hasil, 1, gambar), _tinta(hasil, 2, gambar)
    hal2, hal3 = _tinta(asli, 2, gambar), _tinta(asli, 3, gambar)
    assert lembar1.size == hal2.size
    for lembar, halaman in ((lembar1, hal2), (lembar2, hal3)):
        assert _tinta_lain(lembar, halaman) < 0.1 and _tinta_lain(halaman, lembar) < 0.1
    assert _tinta_lain(lembar1, hal3) > 0.3 and _tinta_lain(hal3, lembar1) > 0.3

    cetak.kertas.setCurrentIndex(cetak.kertas.findData("a4"))
    assert "diperkecil atau diperbesar agar pas di kertas A4" in cetak.catatan.text()
    cetak.semua.setChecked(True)
    hasil_a4 = tmp_path / "cetak-a4.pdf"
    assert cetak.print_to(_printer_pdf(hasil_a4)) == jumlah
    reader = PdfReader(hasil_a4)
    assert len(reader.pages) == jumlah
    lebar, tinggi = _ukuran_mm(reader, 0)
    assert abs(lebar - 210) < 0.5 and abs(tinggi - 297) < 0.5

    ARTIFACTS.mkdir(exist_ok=True)
    cetak.resize(1024, 700)
    cetak.grab().save(str(ARTIFACTS / "cetak_dialog.png"))


def test_printing_again_uses_the_written_pdf_until_a_choice_changes(qtbot, iki, tmp_path):
    cetak = _cetak(qtbot, iki)
    asli = iki.hasil
    ditulis = asli.stat().st_mtime_ns
    cetak.close()
    again = _cetak(qtbot, iki)  # nothing changed: the same file, not written again
    assert again is not cetak and asli.stat().st_mtime_ns == ditulis
    assert again.dokumen.path == asli
    again.close()

    iki.kertas.setCurrentIndex(iki.kertas.findData("a4"))  # now the PDF must be A4
    iki.nama.setText("IKI-2020-A4")
    a4 = _cetak(qtbot, iki)
    assert iki.hasil == asli.with_name("IKI-2020-A4.pdf")
    assert a4.kertas.currentData() == "a4"
    lebar, tinggi = _ukuran_mm(PdfReader(iki.hasil), 0)
    assert abs(lebar - 210) < 0.5 and abs(tinggi - 297) < 0.5


def test_cetak_needs_a_pdf(qtbot, iki):
    iki.excel.setChecked(True)
    assert not iki.cetak.isEnabled()
    assert "PDF" in iki.cetak.toolTip()
    iki.pdf.setChecked(True)
    assert iki.cetak.isEnabled()


def test_without_printers_the_dialog_says_what_to_do(qtbot, iki):
    cetak = _cetak(qtbot, iki)
    if QPrinterInfo.availablePrinterNames():
        assert cetak.printer.currentData() == QPrinterInfo.defaultPrinterName()
        assert cetak.cetak.isEnabled()
    else:  # this machine (and CI) has none
        assert not cetak.cetak.isEnabled()
        assert "Belum ada printer yang terpasang" in cetak.catatan.text()
        assert cetak.printer.currentText() == "(tidak ada printer)"


class _Penerima(QObject):
    """Takes the file: URLs QDesktopServices would hand to the system's viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def buka(self, url: QUrl) -> None:
        self.urls.append(url)


def test_buka_opens_the_written_file_and_its_folder(qtbot, db, tmp_path):
    dlg = CapaianDialog(None, 2020)
    qtbot.addWidget(dlg)
    dlg.folder.setText(str(tmp_path))
    qtbot.mouseClick(dlg.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.hasil is not None, timeout=20000)
    penerima = _Penerima()
    QDesktopServices.setUrlHandler("file", penerima, "buka")
    try:
        qtbot.mouseClick(dlg.buka_berkas, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.buka_folder, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in penerima.urls] == [dlg.hasil, tmp_path]
    assert dlg.hasil.name == dlg.nama.text() + ".pdf"
    assert dlg.galat.isHidden()
    dlg.runner.wait(5000)


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")
def test_buka_without_a_viewer_says_so_kindly(qtbot, iki):
    # the offscreen platform, like a computer without a PDF viewer, opens nothing
    qtbot.mouseClick(iki.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: iki.hasil is not None, timeout=20000)
    qtbot.mouseClick(iki.buka_berkas, Qt.MouseButton.LeftButton)
    assert not iki.galat.isHidden()
    assert "belum punya penampil PDF" in iki.galat.text()
    assert "Cetak…" in iki.galat.text()


def test_a_pdf_that_is_not_one_is_refused_in_words(qtbot, iki, tmp_path):
    rusak = tmp_path / "rusak.pdf"
    rusak.write_bytes(b"bukan pdf")
    iki.print_file(rusak)
    assert "tidak dapat dibaca sebagai PDF" in iki.galat.text()
