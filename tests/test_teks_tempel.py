"""Texts from Word pasted into the window (issue 18, item 4): cleaned on the way in, and a lone
surrogate refused in the tab's message line, never a traceback."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack

from kinerja_desktop.db import ops_uraian
from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.ui.tabs.uraian_tab import UraianTab


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = UraianTab(stack)
    qtbot.addWidget(widget)
    widget.stack_ = stack
    widget.set_jabatan(Jabatan.get(Jabatan.kode == "BENDAHARA", Jabatan.tahun == 2020).id)
    widget.aktif = "fungsi"
    return widget


def _fungsi(tab) -> list[str]:
    return [u.teks for u in ops_uraian.list_uraian(tab.jabatan_id, "fungsi")]


def test_pasted_word_text_is_cleaned(tab):
    QGuiApplication.clipboard().setText("menerima\x07uang\x0bkas;\x01\nmenyimpan uang;\n")
    tab.paste()
    assert _fungsi(tab) == ["menerima uang kas;", "menyimpan uang;"]


def test_an_edited_cell_with_a_lone_surrogate_is_refused_in_the_tab(tab):
    QGuiApplication.clipboard().setText("menerima uang;\n")
    tab.paste()
    model = tab.panels["fungsi"].model
    model.setData(model.index(0, 1), "menerima \ud83d uang;")
    assert "karakter yang rusak" in tab.pesan.text()
    assert _fungsi(tab) == ["menerima uang;"] and tab.stack_.count() == 1  # the paste only


def test_a_refusal_quoting_markup_shows_it_as_typed(tab):
    QGuiApplication.clipboard().setText("menerima uang;\n")
    tab.paste()
    model = tab.panels["fungsi"].model
    model.setData(model.index(0, 1), "<b>tebal</b> \ud83d")
    assert tab.pesan.textFormat() == Qt.TextFormat.PlainText
    assert "karakter yang rusak" in tab.pesan.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on showing a window
def test_the_window_shows_a_refusal_quoting_markup_as_typed(qtbot, db, db_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    seen = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["format"], seen["text"] = box.textFormat(), box.text()
        box.close()

    QTimer.singleShot(0, answer)
    window.show_error("Jabatan tidak disimpan", "Kode jabatan «<img src=x>» tidak valid.")
    assert seen == {
        "format": Qt.TextFormat.PlainText,
        "text": "Kode jabatan «<img src=x>» tidak valid.",
    }
    window.tasks.wait()
