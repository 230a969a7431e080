"""The Buat Templat Desa dialog as the operator sees it."""

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.desa_dialogs import TemplatDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_every_label_reaches_its_field_by_keyboard(db, qtbot):
    """No label shows a bare "&" (the folder row lost its buddy): each underlined letter
    (Alt+P, Alt+D, Alt+F) takes the keyboard to its field."""
    create_app()
    dialog = TemplatDialog(None, 2020)
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    labels = [
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(form.rowCount())
    ]
    for label in labels:
        assert isinstance(label, QLabel)
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
    folder = next(label for label in labels if "Folder" in label.text())
    assert folder.buddy() is dialog.folder


def test_kelengkapan_view_choice_is_reached_by_keyboard(db, qtbot):
    from kinerja_desktop.ui.desa_dialogs import KelengkapanDialog

    create_app()
    dialog = KelengkapanDialog(None, 2020)
    qtbot.addWidget(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.text() == "T&ampilkan:")
    assert label.buddy() is dialog.per
