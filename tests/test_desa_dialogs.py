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


def test_template_error_keeps_the_dialog_and_its_choices(db, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from kinerja_desktop import settings

    create_app()
    dialog = TemplatDialog(None, 2020)
    qtbot.addWidget(dialog)
    dialog.periode.setCurrentIndex(dialog.periode.findData("2020Q2"))
    dialog.desa.setCurrentIndex(dialog.desa.findText("Desa Kemiri"))
    (tmp_path / "flashdisk").write_bytes(b"")  # a file where the folder would go
    dialog.folder.setText(str(tmp_path / "flashdisk" / "templat"))
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.galat.isHidden(), timeout=10000)
    assert "tidak dapat dibuat" in dialog.galat.text()
    assert dialog.periode.currentData() == "2020Q2" and dialog.desa.currentText() == "Desa Kemiri"

    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hasil is not None, timeout=10000)
    assert [p.name for p in tmp_path.glob("*.xlsx")] == [
        "Isian IKI - Desa Kemiri - Triwulan II 2020.xlsx"
    ]
    assert "1 templat isian desa ditulis ke" in dialog.status.text()
    assert dialog.buka_folder.isEnabled() and dialog.galat.isHidden()
    assert settings.get("folder_templat_desa") == str(tmp_path)
    dialog.runner.wait()
