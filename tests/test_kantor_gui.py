"""The window's office actions: Kepala Keputusan, Impor IKI dari Excel, Basis Data Baru."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from kinerja_desktop.db.keputusan import read_kepala
from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.ui.keputusan_dialog import PEGAWAI_BARU, KeputusanDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_decree_header_dialog_saves_a_new_signatory(qtbot, db):
    dialog = KeputusanDialog(2020)
    qtbot.addWidget(dialog)
    assert dialog.nomor.text() == "188.45/      /35.07.13/2020"
    assert not dialog.nip.isVisible()
    dialog.show()
    dialog.nomor.setText("188.45/9/35.07.13/2020")
    dialog.hari.setValue(15)
    dialog.penandatangan.setCurrentIndex(dialog.penandatangan.findData(PEGAWAI_BARU))
    assert dialog.nip.isVisible()
    dialog.nip.setText("12345")
    dialog.nama.setText("Budi Santoso")
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.save()
    dialog.grab().save(str(ARTIFACTS / "kepala_keputusan.png"))
    assert "NIP" in dialog.pesan.text() and dialog.perubahan is None  # stays open, nothing lost
    assert read_kepala(2020).nomor == "188.45/      /35.07.13/2020"
    dialog.nip.setText("19700101 199001 1 001")
    dialog.save()
    kepala = read_kepala(2020)
    assert dialog.perubahan is not None
    assert (kepala.nomor, kepala.bulan, kepala.hari) == ("188.45/9/35.07.13/2020", 1, 15)
    assert (kepala.penandatangan, kepala.nip) == ("Budi Santoso", "197001011990011001")


def test_window_imports_an_iki_workbook_into_a_new_year(qtbot, db, db_path, tmp_path):
    from kinerja_desktop.reports.iki import export_iki
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.iki_import_dialog import import_iki
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.complete_menus()  # the dialogs' items join the menus after the first paint
    data = [a.text() for a in win.menu_data.actions()]
    assert "Kep&ala Keputusan…" in data and "Impor IKI dari &Excel…" in data
    assert "Basis Data &Baru untuk Kecamatan Lain…" in [a.text() for a in win.menu_berkas.actions()]
    berkas = export_iki(2020, tmp_path / "IKI-2020.xlsx")
    from kinerja_desktop.ui.iki_import_dialog import write_template

    templat = write_template(win, tmp_path)
    assert templat == tmp_path / "Templat IKI.xlsx" and templat.is_file()
    assert "Templat IKI ditulis" in win.statusBar().currentMessage()

    dilihat: list[str] = []

    def setujui() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.grab().save(str(ARTIFACTS / "impor_iki.png"))
        dilihat.append(dialog.windowTitle())
        dilihat.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.accept()

    ARTIFACTS.mkdir(exist_ok=True)
    QTimer.singleShot(0, setujui)
    assert import_iki(win, berkas, 2027)
    assert dilihat[0] == "Impor IKI Tahun 2027"
    assert any("mengisi IKI tahun 2027 dengan 22 jabatan" in t for t in dilihat)
    assert win.tahun == 2027
    assert Jabatan.select().where(Jabatan.tahun == 2027).count() == 22
    win.show_jabatan_view()
    assert win.tree.view.model().rowCount() > 0
    win.tasks.wait()
