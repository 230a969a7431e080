"""Message boxes that show their text as written.

Qt reads a message box's text as markup when it looks like some (``<b>``, ``&amp;``), so a
file, desa or pegawai name holding such characters would be shown wrong or even lose words.
Every message box of the window is made here, with plain text, never through QMessageBox's
static functions (``tests/test_pesan.py`` holds that).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Tombol = QMessageBox.StandardButton


def kotak_pesan(
    parent: QWidget | None,
    ikon: QMessageBox.Icon,
    judul: str,
    teks: str,
    tombol: Tombol = Tombol.NoButton,
) -> QMessageBox:
    """A message box showing ``teks`` (and any informative text set later) as plain text."""
    box = QMessageBox(ikon, judul, "", tombol, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(teks)
    return box


def peringatan(parent: QWidget | None, judul: str, teks: str) -> None:
    """A refusal or problem, with OK."""
    kotak_pesan(parent, QMessageBox.Icon.Warning, judul, teks, Tombol.Ok).exec()


def informasi(parent: QWidget | None, judul: str, teks: str) -> None:
    """What was done, with OK."""
    kotak_pesan(parent, QMessageBox.Icon.Information, judul, teks, Tombol.Ok).exec()


def galat(parent: QWidget | None, judul: str, teks: str) -> None:
    """A failure that ends what was started, with OK."""
    kotak_pesan(parent, QMessageBox.Icon.Critical, judul, teks, Tombol.Ok).exec()


def ask_yes(parent: QWidget | None, judul: str, teks: str) -> bool:
    """A yes/no question (Ya/Tidak); True when the operator chose yes."""
    box = kotak_pesan(parent, QMessageBox.Icon.Question, judul, teks, Tombol.Yes | Tombol.No)
    box.setDefaultButton(Tombol.Yes)
    return box.exec() == Tombol.Yes


def show_refusal(label: QLabel, teks: str) -> None:
    """Show a refusal in red in a dialog's own ``label`` (the dialog stays open), as plain
    text, and let the dialog grow so that every line of it can be read."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(teks)
    label.setStyleSheet("color: #b00020;")
    window = label.window()
    # a word-wrapped label's height for the width is not part of the window's minimum size
    needed = window.heightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)
