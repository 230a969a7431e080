from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from kinerja_desktop.ui.i18n import install_translator


def test_standard_buttons_and_menus_are_indonesian(qtbot):
    install_translator(QApplication.instance())
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Hapus",
        "Hapus jabatan?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save,
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Ya", "Tidak", "Batal", "Simpan"}
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    assert {b.text() for b in buttons.buttons()} == {"OK", "Tutup"}
    line = QLineEdit()
    qtbot.addWidget(line)
    menu = line.createStandardContextMenu()
    assert "&Salin" in [a.text().split("\t")[0] for a in menu.actions()]


def test_installing_twice_keeps_one_translator(qtbot):
    app = QApplication.instance()
    assert install_translator(app) is install_translator(app)


def test_compiled_translation_file_is_current():
    """Every entry of TERJEMAHAN is in the shipped .qm (else: python -m kinerja_desktop.ui.i18n)."""
    from PySide6.QtCore import QTranslator

    from kinerja_desktop.resources import resource
    from kinerja_desktop.ui.i18n import QM_RESOURCE, TERJEMAHAN

    translator = QTranslator()
    assert translator.load(str(resource(QM_RESOURCE)))
    missing = [
        (context, source)
        for context, messages in TERJEMAHAN.items()
        for source, translation in messages.items()
        if translator.translate(context, source) != translation
    ]
    assert missing == []
    assert translator.translate("QShortcut", "Ctrl") == ""  # key names stay as Qt parses them
