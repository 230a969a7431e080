"""The item model of one ordered list (tugas or fungsi): a number column and the text."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.db.ops_uraian import Uraian

Index = QModelIndex | QPersistentModelIndex

KOLOM = ("No.", "Uraian")


class UraianModel(QAbstractTableModel):
    """Rows of one list; editing the text calls ``on_edit(id, teks)`` (which pushes the undo
    command) and never writes to the database itself."""

    def __init__(self, on_edit: Callable[[int, str], None] | None = None) -> None:
        super().__init__()
        self._rows: list[Uraian] = []
        self.on_edit = on_edit

    def set_rows(self, rows: list[Uraian]) -> None:
        """Show ``rows``; keeps open editors when only the texts changed."""
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(KOLOM) - 1))
            return
        self.beginResetModel()
        try:
            self._rows = list(rows)
        finally:
            self.endResetModel()

    def item(self, row: int) -> Uraian:
        """The item shown in ``row``."""
        return self._rows[row]

    def row_of(self, uraian_id: int) -> int | None:
        """The row showing the item ``uraian_id``, if shown."""
        for row, item in enumerate(self._rows):
            if item.id == uraian_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(KOLOM)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return KOLOM[section] if 0 <= section < len(KOLOM) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row() + 1}."
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.teks
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.teks
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        teks = " ".join(str(value or "").split())
        if not teks:
            return False  # an empty item is removed with "Hapus", not by clearing it
        item = self._rows[index.row()]
        if teks == item.teks:
            return True
        if self.on_edit is not None:
            self.on_edit(item.id, teks)
        return True
