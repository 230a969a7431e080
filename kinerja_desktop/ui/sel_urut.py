"""A table cell that sorts by a key of its own (domain.urut), not by the text it shows."""

from typing import Any

from PySide6.QtWidgets import QTableWidgetItem


class SelUrut(QTableWidgetItem):
    """A cell showing ``teks`` and sorting by ``kunci`` when its column's header is clicked
    ("Kelurahan Ardirejo" among the A, "2/11" before "10/11", a date by its date)."""

    def __init__(self, teks: str, kunci: Any) -> None:
        super().__init__(teks)
        self.kunci = kunci

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, SelUrut):
            return bool(self.kunci < other.kunci)
        return super().__lt__(other)
