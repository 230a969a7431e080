"""The ways into the user guide: the sections a "Bantuan" button may open, the button itself,
and Bantuan › Panduan in the menu.

Every section a button opens is a member of :class:`Bagian`; its value is the anchor (``id``)
of that section in ``resources/panduan/panduan.html``. A test checks that each one exists
there, so a button can never open the guide at a place that is not in it.
"""

from enum import StrEnum
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


class Bagian(StrEnum):
    """A section of the guide, by its anchor."""

    MULAI = "mulai"
    TARGET = "target"
    TEMPLAT_DESA = "templat-desa"
    IMPOR_DESA = "impor-desa"
    KELENGKAPAN = "kelengkapan"
    PERSETUJUAN = "persetujuan"
    LAPORAN = "laporan"
    CETAK_IKI = "cetak-iki"
    LAPORAN_CAPAIAN = "laporan-capaian"
    CETAK = "cetak"
    KIRIM_KABUPATEN = "kirim-kabupaten"
    DOKUMEN_KINERJA = "dokumen-kinerja"
    LKJIP = "lkjip"
    SKP = "skp"
    CADANGAN = "cadangan"
    KABUPATEN = "kabupaten"


def open_panduan(parent: QWidget | None, bagian: Bagian | None = None) -> QWidget:
    """Show the guide (at ``bagian`` when given) and return its window.

    The guide is a window of the window that asked for it (one each): a modal dialog lets
    only its own windows take the mouse, and the guide closes with the window it helps.
    """
    from kinerja_desktop.ui.panduan import show_panduan

    return show_panduan(parent, bagian)


def tombol_bantuan(parent: QWidget, bagian: Bagian) -> QPushButton:
    """A "Bantuan" button opening the guide at ``bagian``."""
    tombol = QPushButton("Bantuan", parent)
    # F1 rather than an Alt letter: every dialog has its own letters, F1 is help everywhere
    tombol.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    tombol.setToolTip("Membuka panduan pada bagian tentang jendela ini (F1)")
    tombol.setAutoDefault(False)
    tombol.setProperty("bagian_bantuan", bagian.value)  # read by the tests
    tombol.clicked.connect(lambda *_: open_panduan(parent, bagian))
    return tombol


def create_actions(window: Any) -> list[QAction]:
    """Bantuan › Panduan (F1)."""
    action = QAction("&Panduan", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.setStatusTip("Panduan langkah demi langkah siklus bulanan, bisa dicari")
    action.triggered.connect(lambda *_: open_panduan(window))
    return [action]
