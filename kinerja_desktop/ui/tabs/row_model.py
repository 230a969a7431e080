"""A table model over a list of rows with ids: what the Uraian and Pemangku lists share."""

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    """A row shown by :class:`RowListModel`: anything with a database id."""

    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=HasId)


class RowListModel(QAbstractTableModel, Generic[RowT]):
    """Rows in a list with fixed column titles ``KOLOM`` (set by the subclass).

    ``set_rows`` keeps open editors when only the values of the same rows changed, and resets
    the model otherwise (in try/finally, so a failure never leaves the view half reset).
    A list whose view sorts by a click on a header (Pemangku) gives :meth:`kunci_urut`; rows
    shown later keep the order chosen. A list in decree order (Uraian) never sorts.
    """

    KOLOM: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RowT] = []
        self._urutan: tuple[int, Qt.SortOrder] | None = None  # None: as given

    def kunci_urut(self, item: RowT, column: int) -> Any:
        """The key ``item`` sorts by in ``column`` (domain.urut); only for sortable lists."""
        raise NotImplementedError(f"{type(self).__name__} does not sort")

    def _sorted_rows(self, rows: list[RowT]) -> list[RowT]:
        if self._urutan is None:
            return list(rows)
        column, order = self._urutan
        return sorted(
            rows,
            key=lambda item: self.kunci_urut(item, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (a click on its header); the selection follows."""
        if not 0 <= column < len(self.KOLOM):
            return
        self.layoutAboutToBeChanged.emit()
        self._urutan = (column, order)
        lama = [item.id for item in self._rows]
        self._rows = self._sorted_rows(self._rows)
        baru = {item.id: row for row, item in enumerate(self._rows)}
        indexes = self.persistentIndexList()
        self.changePersistentIndexList(
            indexes,
            [self.index(baru[lama[i.row()]], i.column()) for i in indexes],
        )
        self.layoutChanged.emit()

    def set_rows(self, rows: list[RowT]) -> None:
        """Show ``rows`` (in the order chosen by a click on a header, if any)."""
        rows = self._sorted_rows(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                last = self.index(len(rows) - 1, len(self.KOLOM) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        try:
            self._rows = list(rows)
        finally:
            self.endResetModel()

    def item(self, row: int) -> RowT:
        """The item shown in ``row``."""
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        """The row showing the item with id ``item_id``, if shown."""
        for row, item in enumerate(self._rows):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.KOLOM)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.KOLOM[section] if 0 <= section < len(self.KOLOM) else None
        return None
