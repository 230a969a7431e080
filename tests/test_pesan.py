"""Message boxes show names as written: Qt never reads a file, desa or pegawai name as markup."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kinerja_desktop.ui.pesan import kotak_pesan

UI = Path(__file__).parent.parent / "kinerja_desktop" / "ui"


def test_every_message_box_is_made_with_plain_text():
    """QMessageBox's static functions read their text as markup when it looks like some."""
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "pesan.py":
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(
            r"QMessageBox\.(warning|information|critical|question|about)\(|QMessageBox\(", text
        ):
            found.append(f"{path.name}:{text[: match.start()].count(chr(10)) + 1}")
    assert found == [], "use kinerja_desktop.ui.pesan instead"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_name_that_looks_like_markup_is_shown_as_written(qtbot, tmp_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.backup_dialogs import restore_from_file

    create_app()
    bad = tmp_path / "<b>Kemiri &amp; Sengguruh.zip"  # no "/": it would be a folder
    bad.write_text("bukan cadangan", encoding="utf-8")
    seen: dict = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and not seen:
            [label] = [w for w in box.findChildren(QLabel) if w.objectName() == "qt_msgbox_label"]
            seen["format"], seen["text"] = label.textFormat(), label.text()
            box.accept()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    assert restore_from_file(None, tmp_path / "kinerja.sqlite3", source=bad) is None
    timer.stop()
    assert seen["format"] == Qt.TextFormat.PlainText
    assert "<b>Kemiri &amp; Sengguruh.zip" in seen["text"]


def test_informative_text_is_plain_too(qtbot):
    box = kotak_pesan(None, QMessageBox.Icon.Warning, "Judul", "Desa <b>Kemiri</b>")
    box.setInformativeText("Berkas: <i>a</i>.xlsx")
    labels = {w.objectName(): w for w in box.findChildren(QLabel)}
    assert labels["qt_msgbox_informativelabel"].textFormat() == Qt.TextFormat.PlainText
    assert box.textFormat() == Qt.TextFormat.PlainText
