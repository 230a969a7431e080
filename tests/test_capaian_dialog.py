"""The Laporan Capaian dialog writes the report in the background; the menu offers it."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kinerja_desktop import settings
from kinerja_desktop.ui.capaian_dialog import CapaianDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _tulis(qtbot, dialog) -> None:
    dialog.hasil = None
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hasil is not None or not dialog.galat.isHidden(), timeout=15000)


def test_dialog_writes_pdf_and_excel_and_keeps_choices_after_an_error(qtbot, db, tmp_path):
    dialog = CapaianDialog(None, 2020)
    qtbot.addWidget(dialog)
    # the same order as every dialog: year, semesters, triwulan, months
    assert [dialog.periode.itemText(i) for i in range(4)] == [
        "Tahun 2020", "Semester I 2020", "Semester II 2020", "Triwulan I 2020",
    ]  # fmt: skip
    assert dialog.periode.currentData() == "2020"  # the year is over: the whole year
    dialog.periode.setCurrentIndex(dialog.periode.findData("2020Q1"))
    assert dialog.nama.text() == "Capaian-2020Q1"
    # signed by the Camat on the last day of the period
    assert dialog.tanggal.text() == "31 Maret 2020"
    assert dialog.penandatangan.currentText().startswith("ABAI SALEH")
    dialog.folder.setText(str(tmp_path))
    assert dialog.tujuan.text() == str(tmp_path / "Capaian-2020Q1.pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(1024 - 40, dialog.sizeHint().height())
    dialog.grab().save(str(ARTIFACTS / "capaian_dialog.png"))
    _tulis(qtbot, dialog)
    assert dialog.hasil == tmp_path / "Capaian-2020Q1.pdf"
    text = " ".join(PdfReader(dialog.hasil).pages[-1].extract_text().split())
    assert "Kepanjen, 31 Maret 2020" in text
    assert "Selesai" in dialog.status.text() and dialog.buka_folder.isEnabled()
    assert settings.get("folder_capaian") == str(tmp_path)

    dialog.excel.setChecked(True)
    assert dialog.nama.text() == "Capaian-2020Q1" and dialog.akhiran.text() == ".xlsx"
    (tmp_path / "berkas").write_bytes(b"")
    dialog.folder.setText(str(tmp_path / "berkas" / "laporan"))  # a file stands in the way
    _tulis(qtbot, dialog)
    assert "tidak dapat dibuat" in dialog.galat.text()
    # everything chosen is still there
    assert dialog.periode.currentData() == "2020Q1" and dialog.excel.isChecked()
    assert dialog.buat.isEnabled()
    dialog.runner.wait()


def test_main_window_offers_the_report(qtbot, db, db_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.complete_menus()  # the dialogs' items join the menus after the first paint
    teks = [a.text() for a in win.menu_laporan.actions()]
    assert teks.count("&Laporan Capaian…") == 1
    win.tasks.wait()


def test_rating_bands_dialog(qtbot, db):
    from kinerja_desktop.db.queries_nilai import daftar_pita, penilaian
    from kinerja_desktop.ui.pita_dialog import PitaDialog

    dialog = PitaDialog()
    qtbot.addWidget(dialog)
    assert dialog.tabel.rowCount() == 5
    assert dialog.tabel.item(0, 1).text() == "Sangat Tinggi"
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "pita_dialog.png"))
    dialog.tabel.item(4, 0).setText("10")  # the lowest band no longer starts at 0%
    dialog.save()
    assert "berbatas bawah 0%" in dialog.pesan.text() and dialog.result() == 0
    dialog.tabel.item(4, 0).setText("0")
    dialog.tabel.item(0, 0).setText("90,5")
    dialog.save()
    assert dialog.perubahan is not None and dialog.perubahan.nilai
    assert daftar_pita()[0].batas_bawah == 90.5
    assert penilaian().batas_atas is None  # no ceiling by default


def test_rating_bands_dialog_sets_the_capaian_ceiling(qtbot, db):
    from kinerja_desktop.db.queries_nilai import penilaian
    from kinerja_desktop.ui.pita_dialog import PitaDialog

    dialog = PitaDialog()
    qtbot.addWidget(dialog)
    assert not dialog.pakai_batas.isChecked() and not dialog.batas_atas.isEnabled()
    dialog.pakai_batas.setChecked(True)
    dialog.batas_atas.setValue(120)
    dialog.show()
    dialog.grab().save(str(ARTIFACTS / "pita_dialog_batas.png"))
    dialog.save()
    assert penilaian().batas_atas == 120
    again = PitaDialog()
    qtbot.addWidget(again)
    assert again.pakai_batas.isChecked() and again.batas_atas.value() == 120
    again.pakai_batas.setChecked(False)
    again.save()
    assert penilaian().batas_atas is None
