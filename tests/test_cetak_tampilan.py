"""Ctrl+P in the main window prints the report of what it shows: the selected jabatan's IKI
from its IKI tabs, the capaian report from Target & Realisasi and from the Beranda."""

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.cetak_tampilan import CetakTampilan
from kinerja_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform


@pytest.fixture
def window(qtbot, db, db_path):
    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.complete_menus()  # as after the first paint: Ctrl+P is one of the menus' items
    yield win
    win.tasks.wait()


def _ctrl_p(qtbot, window):
    pencetak = window.findChild(CetakTampilan)
    sebelumnya = pencetak.dialog
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pencetak.dialog is not sebelumnya, timeout=20000)
    return pencetak.dialog


def _teks(dialog, tmp_path: Path) -> tuple[int, str]:
    """Print to a PDF file from the dialog; the page count and the text of the PDF it prints."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    jumlah = dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "cetak.pdf").pages) == jumlah
    asli = PdfReader(dialog.dokumen.path)
    return jumlah, "\n".join(p.extract_text() for p in asli.pages)


def test_ctrl_p_on_a_jabatan_prints_its_iki(qtbot, window, tmp_path):
    kasi_pem = Jabatan.get((Jabatan.tahun == 2020) & (Jabatan.kode == "KASI-PEM")).id
    window.show_jabatan_view()
    window.select_jabatan(kasi_pem)
    window.tab_widget.setCurrentIndex(1)  # Indikator
    dialog = _ctrl_p(qtbot, window)
    path = dialog.dokumen.path
    assert path.name == "IKI-2020-KASI-PEM.pdf"
    jumlah, teks = _teks(dialog, tmp_path)
    assert jumlah == len(dialog.halaman_terpilih()) >= 1
    assert "Kasi Pemerintahan" in teks and "Sekretaris Kecamatan" not in teks
    dialog.close()
    assert not path.parent.exists()  # the temporary copy goes with the dialog


def test_ctrl_p_on_target_realisasi_prints_the_capaian(qtbot, window, tmp_path):
    window.show_jabatan_view()
    window.tab_widget.setCurrentIndex(3)  # Target & Realisasi
    dialog = _ctrl_p(qtbot, window)
    # the period the Laporan Capaian dialog proposes: 2020 is over, so the whole year
    assert dialog.dokumen.path.name == "Capaian-2020.pdf"
    _, teks = _teks(dialog, tmp_path)
    assert "LAPORAN CAPAIAN" in teks.upper() and "TAHUN 2020" in teks.upper()
    dialog.close()


def test_ctrl_p_on_the_beranda_prints_the_capaian_of_its_chart(qtbot, window, tmp_path):
    assert window.pusat.currentWidget() is window.beranda  # the window opens on it
    window.beranda.hari_ini = lambda: date(2020, 5, 12)  # in the middle of the year
    window.beranda.load()
    qtbot.waitUntil(
        lambda: window.beranda.data is not None and not window.beranda.is_loading,
        timeout=20000,
    )
    periode = window.beranda.data.periode_capaian
    assert periode.id != "2020"  # not the whole year, which the tabs would print
    dialog = _ctrl_p(qtbot, window)
    assert dialog.dokumen.path.name == f"Capaian-{periode.id}.pdf"
    _, teks = _teks(dialog, tmp_path)
    assert periode.label.upper() in teks.upper()
    dialog.close()
