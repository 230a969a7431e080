"""The item model of one ordered list (tugas or fungsi): a number column and the text."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from kinerja_desktop.db.ops_uraian import Uraian
from kinerja_desktop.ui.tabs.row_model import Index, RowListModel

KOLOM = ("No.", "Uraian")


class UraianModel(RowListModel[Uraian]):
    """Rows of one list; editing the text calls ``on_edit(id, teks)`` (which pushes the undo
    command) and never writes to the database itself."""

    KOLOM = KOLOM

    def __init__(self, on_edit: Callable[[int, str], None] | None = None) -> None:
        super().__init__()
        self.on_edit = on_edit

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
