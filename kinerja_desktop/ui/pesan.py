"""Message boxes that show their text as written.

Qt reads a message box's text as markup when it looks like some (``<b>``, ``&amp;``), so a
file, desa or pegawai name holding such characters would be shown wrong or even lose words.
Every message box of the window is made here, with plain text, never through QMessageBox's
static functions (``tests/test_pesan.py`` holds that).
"""

from PySide6 import QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# QMessageBox is named through its module when a box is made: PySide6 makes a class (for this
# one with its enums, about 5 ms) when it is first named, and the window's start shows none.


def kotak_pesan(
    parent: QWidget | None,
    ikon: "QtWidgets.QMessageBox.Icon",
    judul: str,
    teks: str,
    tombol: "QtWidgets.QMessageBox.StandardButton | None" = None,
) -> "QtWidgets.QMessageBox":
    """A message box showing ``teks`` (and any informative text set later) as plain text;
    without ``tombol``, Qt's OK."""
    mb = QtWidgets.QMessageBox
    box = mb(ikon, judul, "", mb.StandardButton.NoButton if tombol is None else tombol, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(teks)
    return box


def peringatan(parent: QWidget | None, judul: str, teks: str) -> None:
    """A refusal or problem, with OK."""
    mb = QtWidgets.QMessageBox
    kotak_pesan(parent, mb.Icon.Warning, judul, teks, mb.StandardButton.Ok).exec()


def informasi(parent: QWidget | None, judul: str, teks: str) -> None:
    """What was done, with OK."""
    mb = QtWidgets.QMessageBox
    kotak_pesan(parent, mb.Icon.Information, judul, teks, mb.StandardButton.Ok).exec()


def galat(parent: QWidget | None, judul: str, teks: str) -> None:
    """A failure that ends what was started, with OK."""
    mb = QtWidgets.QMessageBox
    kotak_pesan(parent, mb.Icon.Critical, judul, teks, mb.StandardButton.Ok).exec()


def ask_yes(parent: QWidget | None, judul: str, teks: str) -> bool:
    """A yes/no question (Ya/Tidak); True when the operator chose yes."""
    tombol = QtWidgets.QMessageBox.StandardButton
    box = kotak_pesan(
        parent, QtWidgets.QMessageBox.Icon.Question, judul, teks, tombol.Yes | tombol.No
    )
    box.setDefaultButton(tombol.Yes)
    return box.exec() == tombol.Yes


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
