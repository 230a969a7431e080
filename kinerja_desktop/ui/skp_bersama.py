"""What the SKP editor's tabs and the Cetak SKP dialog share: table cells, rows that follow
their wrapped text, the evaluation periods, and the runner of one core operation."""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.ui.operations import run_once

T = TypeVar("T")


def pilihan_periode_skp(tahun: int) -> list[tuple[str, str]]:
    """(label, id) of the SKP evaluation periods: the year first, then the four triwulan."""
    hasil = [(f"Tahunan {tahun}", str(tahun))]
    hasil += [(parse_periode(f"{tahun}Q{k}").label, f"{tahun}Q{k}") for k in range(1, 5)]
    return hasil


def item_baca(teks: str, tip: str = "") -> QTableWidgetItem:
    """A table cell the operator cannot edit."""
    item = QTableWidgetItem(teks)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        item.setToolTip(tip)
    return item


def fit_rows_to_width(tabel: QTableWidget) -> None:
    """Keep the rows of ``tabel`` as tall as their wrapped text whenever a column's width
    changes (the first layout, a resized window), never cut and never needlessly tall."""
    tabel.horizontalHeader().sectionResized.connect(lambda *_: tabel.resizeRowsToContents())


def item_isi(teks: str) -> QTableWidgetItem:
    """An editable table cell (the whole text as its tooltip, for long texts)."""
    item = QTableWidgetItem(teks)
    item.setToolTip(teks)
    return item


class Pelaksana:
    """Runs one core operation for a tab: a refusal goes to ``show_error`` (red line), a bug
    to the bug dialog; a success to ``sesudah`` (the status line and refreshes)."""

    def __init__(
        self,
        parent: QWidget,
        show_error: Callable[[str], None],
        sesudah: Callable[[Perubahan], None],
    ) -> None:
        self.parent, self.show_error, self.sesudah = parent, show_error, sesudah

    def __call__(self, op: Callable[[], Hasil[Any]]) -> bool:
        """Run ``op``; True when it went through."""
        hasil = run_once(self.parent, op, self.show_error)
        if hasil is None:
            return False
        self.sesudah(hasil.perubahan)
        return True

    def read(self, op: Callable[[], T]) -> T | None:
        """Run ``op``, a read asked for by the operator (a choice, a refresh); None when it
        failed: a database that cannot be read goes to ``show_error`` like a refusal, a bug
        to the bug dialog."""
        return run_once(self.parent, op, self.show_error)
