"""The Laporan Capaian dialog writes the report in the background; the menu offers it."""

from pathlib import Path

import pytest

from kinerja_desktop.ui.capaian_dialog import CapaianDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_dialog_writes_pdf_and_excel(qtbot, db, tmp_path):
    dialog = CapaianDialog(None, 2020)
    qtbot.addWidget(dialog)
    assert dialog.periode.itemText(0) == "Tahun 2020"
    dialog.periode.setCurrentIndex(dialog.periode.findData("2020Q1"))
    assert dialog.berkas.text().endswith("Capaian-2020Q1.pdf")
    dialog.berkas.setText(str(tmp_path / "cap.pdf"))
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "capaian_dialog.png"))
    dialog.mulai()
    qtbot.waitUntil(lambda: dialog.ditulis is not None, timeout=10000)
    assert (tmp_path / "cap.pdf").read_bytes().startswith(b"%PDF")
    assert "Laporan ditulis ke" in dialog.pesan.text() and dialog.buka.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData(".xlsx"))
    assert dialog.berkas.text().endswith("Capaian-2020Q1.xlsx")
    dialog.berkas.setText(str(tmp_path / "tidak-ada" / "cap.xlsx"))
    dialog.mulai()
    qtbot.waitUntil(lambda: dialog.tulis.isEnabled(), timeout=10000)
    assert "tidak ditemukan" in dialog.pesan.text()
    dialog.runner.wait()


def test_main_window_offers_the_report(qtbot, db, db_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    teks = [a.text() for a in win.menu_laporan.actions()]
    assert teks.count("&Laporan Capaian…") == 1
    win.tasks.wait()


def test_rating_bands_dialog(qtbot, db):
    from kinerja_desktop.db.nilai_baca import daftar_pita, penilaian
    from kinerja_desktop.ui.pita_dialog import PitaDialog

    dialog = PitaDialog()
    qtbot.addWidget(dialog)
    assert dialog.tabel.rowCount() == 5
    assert dialog.tabel.item(0, 1).text() == "Sangat Tinggi"
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "pita_dialog.png"))
    dialog.tabel.item(4, 0).setText("10")  # the lowest band no longer starts at 0%
    dialog.simpan()
    assert "berbatas bawah 0%" in dialog.pesan.text() and dialog.result() == 0
    dialog.tabel.item(4, 0).setText("0")
    dialog.tabel.item(0, 0).setText("90,5")
    dialog.simpan()
    assert dialog.perubahan is not None and dialog.perubahan.nilai
    assert daftar_pita()[0].batas_bawah == 90.5
    assert penilaian().batas_atas is None  # no ceiling by default


def test_rating_bands_dialog_sets_the_capaian_ceiling(qtbot, db):
    from kinerja_desktop.db.nilai_baca import penilaian
    from kinerja_desktop.ui.pita_dialog import PitaDialog

    dialog = PitaDialog()
    qtbot.addWidget(dialog)
    assert not dialog.pakai_batas.isChecked() and not dialog.batas_atas.isEnabled()
    dialog.pakai_batas.setChecked(True)
    dialog.batas_atas.setValue(120)
    dialog.show()
    dialog.grab().save(str(ARTIFACTS / "pita_dialog_batas.png"))
    dialog.simpan()
    assert penilaian().batas_atas == 120
    again = PitaDialog()
    qtbot.addWidget(again)
    assert again.pakai_batas.isChecked() and again.batas_atas.value() == 120
    again.pakai_batas.setChecked(False)
    again.simpan()
    assert penilaian().batas_atas is None
