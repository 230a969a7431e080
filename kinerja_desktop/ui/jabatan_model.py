"""The item model of the jabatan tree over its :class:`~kinerja_desktop.ui.jabatan_nodes.Node`
objects, with drag and drop.

The model is rebuilt whole from the nodes and swapped in, and it never writes to the
database: a drop only emits :attr:`JabatanTreeModel.move_requested`, and the window runs the
move as an undoable operation.
"""

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kinerja_desktop.ui.jabatan_nodes import JenisNode, Node

Index = QModelIndex | QPersistentModelIndex

MIME_JABATAN = "application/x-kinerja-jabatan"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the jabatan id (None for the Camat)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # title, code and holders, for the filter
KOLOM = ("Jabatan", "Kode")


class JabatanTreeModel(QAbstractItemModel):
    """An item model over a :class:`Node` tree; the invisible top holds the Camat root."""

    move_requested = Signal(int, object)  # jabatan id, new atasan id (None: the Camat)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._top = Node(JenisNode.CAMAT, "")  # invisible; holds the Camat root
        self.cari = ""  # the search text, lower case: the tooltip names matching indicators

    # --- loading -------------------------------------------------------------------------

    def set_root(self, root: Node) -> None:
        """Show the tree under ``root`` (the Camat node), replacing what was shown."""
        self.beginResetModel()
        try:
            self._top = Node(JenisNode.CAMAT, "")
            self._top.add(root)
        finally:
            self.endResetModel()

    def set_indikator(self, indikator: dict[int, tuple[tuple[int, str, str], ...]]) -> None:
        """Give every jabatan its indicators again (one was added or renamed) without
        rebuilding the tree: the search finds the new names, the view keeps its state."""
        for node in self._top.walk():
            if node.jabatan_id is not None:
                node.indikator = indikator.get(node.jabatan_id, ())

    @property
    def root(self) -> Node | None:
        """The Camat node, or None before anything is loaded."""
        return self._top.children[0] if self._top.children else None

    def node(self, index: Index) -> Node:
        """The node of ``index`` (the invisible top for an invalid index)."""
        if not index.isValid():
            return self._top
        return index.internalPointer()

    def index_of(self, jabatan_id: int | None) -> QModelIndex:
        """The index of a jabatan (None: the Camat root); invalid when it is not shown."""
        for node in self._top.walk()[1:]:
            if node.jabatan_id == jabatan_id:
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    # --- the read side ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a child of ``parent``."""
        # checked here rather than with hasIndex(), which calls back into Python twice:
        # views ask for indexes thousands of times per paint
        if column < 0 or column >= len(KOLOM) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self.node(parent).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The parent of ``index``."""
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._top:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Children of ``parent`` (only column 0 has children)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Title and code."""
        return len(KOLOM)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Indonesian column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return KOLOM[section] if 0 <= section < len(KOLOM) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Title or code, tooltip, bold root, id and search text."""
        if not index.isValid():
            return None
        node = self.node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return node.nama if index.column() == 0 else node.kode
        if role == Qt.ItemDataRole.ToolTipRole:
            cocok = node.indikator_cocok(self.cari)
            if cocok:
                daftar = "\n".join(f"• {k} {' '.join(n.split())}" for _, k, n in cocok[:5])
                return f"{node.tooltip}\nIndikator yang cocok:\n{daftar}"
            return node.tooltip
        if role == Qt.ItemDataRole.FontRole and node.jenis is JenisNode.CAMAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return node.jabatan_id
        if role == SEARCH_ROLE:
            indikator = (f"{k} {n}" for _, k, n in node.indikator)
            return " ".join((node.nama, node.kode, *node.pemangku, *indikator))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable; jabatan can be dragged; every node takes drops."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self.node(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.jenis.can_edit:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.jenis.accepts_drop:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # --- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        """Jabatan are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        """Jabatan are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        """Our own type: a jabatan id."""
        return [MIME_JABATAN]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        """The id of the dragged jabatan."""
        mime = QMimeData()
        for index in indexes:
            node = self.node(index)
            if node.jenis.can_edit and node.jabatan_id is not None:
                mime.setData(MIME_JABATAN, QByteArray(str(node.jabatan_id).encode()))
                break
        return mime

    def _drop_target(self, data: QMimeData, row: int, parent: Index) -> tuple[int, Node] | None:
        if not data.hasFormat(MIME_JABATAN):
            return None
        try:
            jabatan_id = int(bytes(data.data(MIME_JABATAN).data()).decode())
        except ValueError:
            return None
        # dropped between rows: the new atasan is the parent of that gap
        target: Node | None = self.node(parent)
        if target is self._top:
            target = self.root
        if target is None or not target.jenis.accepts_drop:
            return None
        moved = next((n for n in self._top.walk() if n.jabatan_id == jabatan_id), None)
        if (
            moved is None
            or moved.jenis is not JenisNode.JABATAN
            or moved.contains(target.jabatan_id if target.jabatan_id is not None else -1)
        ):
            return None
        if moved.parent is target:
            return None  # already there: nothing to do
        return jabatan_id, target

    def canDropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Refuse drops on the jabatan itself, on its bawahan, and on its current atasan."""
        return (
            action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None
        )

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Ask for the move; the model changes when the window reloads it afterwards."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        jabatan_id, target = self._drop_target(data, row, parent)  # type: ignore[misc]
        # Queued: the move rebuilds this model, which must not happen inside the view's
        # drop handling while it still holds indexes into the old tree.
        QTimer.singleShot(0, lambda: self.move_requested.emit(jabatan_id, target.jabatan_id))
        return True
