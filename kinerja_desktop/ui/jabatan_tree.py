"""The jabatan tree as the operator sees it: the search box above the tree, the filter that
keeps matching jabatan with their atasan, the delegates that wrap titles and shorten codes,
and the selection, kept by id across reloads. Its nodes are
:mod:`~kinerja_desktop.ui.jabatan_nodes`, its model :mod:`~kinerja_desktop.ui.jabatan_model`.
"""

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
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

from kinerja_desktop.ui.jabatan_model import ID_ROLE, SEARCH_ROLE, Index, JabatanTreeModel
from kinerja_desktop.ui.jabatan_nodes import Node


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
