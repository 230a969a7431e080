"""The jabatan tree: plain node objects, an item model over them, and the view with its filter.

After Anki's sidebar: each node has a kind (:class:`JenisNode`) that answers the policy
questions (can it be renamed, removed, dragged, dropped on?), the model is rebuilt whole from
a list the core returns and swapped in, and the selection is restored by id. The model never
writes to the database: a drop only emits :attr:`JabatanTreeModel.move_requested`, and the
window runs the move as an undoable operation.

Long because nodes, model, filter and view of one tree, with drag and drop, kept together as in
Anki's sidebar.
"""

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.queries_jabatan import JabatanInfo

Index = QModelIndex | QPersistentModelIndex

MIME_JABATAN = "application/x-kinerja-jabatan"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the jabatan id (None for the Camat)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # title, code and holders, for the filter
KOLOM = ("Jabatan", "Kode")


class JenisNode(Enum):
    """The kinds of node in the tree; each answers what the operator may do with it."""

    CAMAT = "camat"  # the root: the Camat, who heads the office and is not a jabatan row
    JABATAN = "jabatan"

    @property
    def can_edit(self) -> bool:
        """Can be renamed, removed and dragged."""
        return self is JenisNode.JABATAN

    @property
    def accepts_drop(self) -> bool:
        """A jabatan can be dropped on it to become its bawahan."""
        return True


class Node:
    """One node: a plain object, so that the tree is built without Qt and swapped in whole."""

    def __init__(
        self,
        jenis: JenisNode,
        nama: str,
        kode: str = "",
        jabatan_id: int | None = None,
        pemangku: tuple[str, ...] = (),
        indikator: tuple[tuple[int, str, str], ...] = (),
    ) -> None:
        self.jenis = jenis
        self.nama = nama
        self.kode = kode
        self.jabatan_id = jabatan_id
        self.pemangku = pemangku
        self.indikator = indikator  # (id, kode, nama) of its indicators, for the search
        self.parent: Node | None = None
        self.children: list[Node] = []
        self._row = 0

    def add(self, child: "Node") -> None:
        """Append ``child`` below this node."""
        child.parent = self
        child._row = len(self.children)
        self.children.append(child)

    def row(self) -> int:
        """This node's position among its siblings (kept, since views ask very often)."""
        return self._row

    def contains(self, jabatan_id: int) -> bool:
        """True when ``jabatan_id`` is this node or one of its bawahan."""
        if self.jabatan_id == jabatan_id:
            return True
        return any(child.contains(jabatan_id) for child in self.children)

    def walk(self) -> "list[Node]":
        """This node and all below it, in display order."""
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def indikator_cocok(self, cari: str) -> list[tuple[int, str, str]]:
        """The indicators whose code or name holds ``cari`` (lower case)."""
        if not cari:
            return []
        return [i for i in self.indikator if cari in f"{i[1]} {i[2]}".lower()]

    @property
    def tooltip(self) -> str:
        """The full text of the node, for long titles cut off in a narrow pane."""
        if self.jenis is JenisNode.CAMAT:
            nama = f"\n{self.pemangku[0]}" if self.pemangku else ""
            return f"{self.nama}{nama}\nSeret jabatan ke sini agar langsung di bawah Camat."
        pemangku = ", ".join(self.pemangku) if self.pemangku else "belum ada pemangku"
        return f"{self.nama}\nKode: {self.kode}\nPemangku: {pemangku}"


def build_tree(items: list[JabatanInfo], camat: str, penandatangan: str | None) -> Node:
    """The tree of ``items`` under a Camat root; siblings keep the order of ``items``.

    A jabatan whose atasan is missing from ``items`` is shown directly under the Camat,
    so that no jabatan is ever hidden.
    """
    root = Node(JenisNode.CAMAT, camat, pemangku=(penandatangan,) if penandatangan else ())
    nodes = {
        i.id: Node(JenisNode.JABATAN, i.nama, i.kode, i.id, i.pemangku, i.indikator) for i in items
    }
    for info in items:
        parent = nodes.get(info.atasan_id) if info.atasan_id is not None else None
        (parent or root).add(nodes[info.id])
    return root


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


class WrapDelegate(QStyledItemDelegate):
    """Gives each title the height it needs to wrap within the width of its column."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Height of the wrapped title at the column's current width."""
        base = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.view.header().sectionSize(0) - self.view.indentation() * depth - 12
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, max(width, 60), 10000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(base.width(), max(base.height(), bounds.height() + 4))


# the width of a usual jabatan code: the code column never grows beyond it
KODE_BIASA = "KASUBAG-UMUM"


class CodeDelegate(QStyledItemDelegate):
    """The code on one line, shortened in the middle when the column is narrower (a long
    code made from a long title would otherwise widen the column and squeeze the titles)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class JabatanFilterModel(QSortFilterProxyModel):
    """Keeps jabatan whose title, code or holder contains the filter text, with their atasan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class JabatanTree(QWidget):
    """The filter box and the tree; tells the window which jabatan is selected."""

    jabatan_selected = Signal(object)  # jabatan id, or None for the Camat / nothing
    move_requested = Signal(int, object)  # jabatan id, new atasan id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = JabatanTreeModel(self)
        self.proxy = JabatanFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Cari jabatan, kode, pegawai atau indikator…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Cari jabatan")
        self.filter_box.textChanged.connect(self._filter)
        self.filter_box.setToolTip(
            "Ketik untuk mencari; Enter atau panah bawah pindah ke hasilnya, Esc menghapus "
            "pencarian"
        )
        # Enter or Down goes to the matches, Esc empties the search: from the keyboard alone
        self.filter_box.installEventFilter(self)

        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Pohon jabatan")
        # long titles wrap instead of being cut off (the pane is narrow)
        self.view.setWordWrap(True)
        self.view.setItemDelegateForColumn(0, WrapDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # DragDrop rather than InternalMove: the model accepts only its own jabatan type anyway,
        # and a drop event then need not come from a live QDrag (tests drive it directly)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setAllColumnsShowFocus(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.view.setItemDelegateForColumn(1, CodeDelegate(self.view))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        # row heights depend on the column width: lay the rows out again when it changes
        header.sectionResized.connect(lambda *_: self.view.doItemsLayout())

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setMargin(8)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        self.model.move_requested.connect(self.move_requested)
        self._last_emitted: object = object()
        self._collapsed: set[int | None] = set()  # branches the operator closed
        self._expanding = False
        self.view.collapsed.connect(lambda index: self._remember_collapsed(index, True))
        self.view.expanded.connect(lambda index: self._remember_collapsed(index, False))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Keys of the search box: Enter/Down to the tree, Esc clears the search."""
        if obj is self.filter_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key == Qt.Key.Key_Escape and self.filter_box.text():
                self.filter_box.clear()
                return True
        return super().eventFilter(obj, event)

    def load(self, root: Node, select: int | None = None) -> None:
        """Show the tree under ``root`` and select ``select``.

        Without ``select`` the selected jabatan stays selected; when it is gone (removed, or
        an addition undone) its nearest atasan still present is selected instead.
        """
        previous = self.selected_node()
        candidates: list[int | None] = [select] if select is not None else []
        while previous is not None:
            candidates.append(previous.jabatan_id)
            previous = previous.parent
        self.model.set_root(root)
        self._fit_code_column(root)
        self._expand()
        self._show_empty_state()
        target = next((c for c in candidates if c is not None and root.contains(c)), None)
        hidden = not self.proxy.mapFromSource(self.model.index_of(target)).isValid()
        if target is not None and hidden and self.filter_box.text():
            # the jabatan just changed (an undo, say) no longer matches the filter: show the
            # whole tree rather than lose the selection to a filter the operator forgot
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            self.proxy.setFilterFixedString("")
            self._expand()
            self._show_empty_state()
        self.select_jabatan(target)

    def _fit_code_column(self, root: Node) -> None:
        """The code column as wide as the longest code, but never wider than a usual code
        such as KASUBAG-UMUM: longer ones are shortened in the middle (full on hover)."""
        metrics = self.view.fontMetrics()
        codes, stack = [], [root]
        while stack:
            node = stack.pop()
            codes.append(node.kode or "")
            stack.extend(node.children)
        padding = 20
        widest = max((metrics.horizontalAdvance(k) for k in codes), default=0)
        header_width = metrics.horizontalAdvance(
            str(self.model.headerData(1, Qt.Orientation.Horizontal))
        )
        cap = metrics.horizontalAdvance(KODE_BIASA)
        self.view.setColumnWidth(1, max(min(widest, cap), header_width) + padding)

    def _expand(self) -> None:
        # everything open, except the branches the operator closed; a filter opens all, so
        # that every match shows
        self._expanding = True  # what happens here is not the operator's choice
        try:
            self.view.expandAll()
            if self.filter_box.text().strip():
                return
            for jabatan_id in self._collapsed:
                index = self.proxy.mapFromSource(self.model.index_of(jabatan_id))
                if index.isValid():
                    self.view.collapse(index)
        finally:
            self._expanding = False

    def _remember_collapsed(self, index: QModelIndex, collapsed: bool) -> None:
        if self._expanding or self.filter_box.text().strip():
            return  # opening and closing while filtering is not a lasting choice
        jabatan_id = index.data(ID_ROLE)
        if collapsed:
            self._collapsed.add(jabatan_id)
        else:
            self._collapsed.discard(jabatan_id)

    def selected_id(self) -> int | None:
        """The selected jabatan, None for the Camat or nothing."""
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_node(self) -> Node | None:
        """The selected node, if any."""
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.node(index) if index.isValid() else None

    def select_jabatan(self, jabatan_id: int | None) -> bool:
        """Select a jabatan (None: the Camat root); False when it is hidden or unknown."""
        index = self.proxy.mapFromSource(self.model.index_of(jabatan_id))
        if not index.isValid():
            self._emit_selected()
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        self._emit_selected()
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._emit_selected()

    def _emit_selected(self) -> None:
        jabatan_id = self.selected_id()
        if jabatan_id != self._last_emitted:
            self._last_emitted = jabatan_id
            self.jabatan_selected.emit(jabatan_id)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        self.model.cari = needle
        self.proxy.setFilterFixedString(text.strip())
        self._expand()
        self._show_empty_state()
        current = self.view.currentIndex()
        if needle and (
            not current.isValid() or needle not in str(current.data(SEARCH_ROLE)).lower()
        ):
            # the selection is hidden or only kept as an atasan: select the first real match
            first = self._first_match(needle)
            if first.isValid():
                self.view.setCurrentIndex(first)
        self._emit_selected()

    def _first_match(self, text: str) -> QModelIndex:
        # depth first over what the filter kept: the first node that matches by itself
        # (its atasan are kept only to show where it sits)
        todo = [self.proxy.index(0, 0)]
        while todo:
            index = todo.pop(0)
            if not index.isValid():
                continue
            if text in str(index.data(SEARCH_ROLE)).lower():
                return index
            todo[:0] = [self.proxy.index(r, 0, index) for r in range(self.proxy.rowCount(index))]
        return QModelIndex()

    def _show_empty_state(self) -> None:
        text = self.filter_box.text().strip()
        root = self.model.root
        if text and self.proxy.rowCount() == 0:
            self.empty_label.setText(
                f"Tidak ada jabatan yang cocok dengan «{text}». "
                "Coba kata lain, kode jabatan, nama pegawai, atau kode/nama indikator."
            )
        elif root is not None and not root.children:
            self.empty_label.setText(
                "Tahun ini belum memiliki jabatan. Pilih Data › Tambah Jabatan untuk membuat "
                "jabatan pertama."
            )
        else:
            self.empty_label.hide()
            self.view.show()
            return
        # the Camat root stays visible when the year is empty, so a jabatan can be added
        self.view.setVisible(not text)
        self.empty_label.show()
