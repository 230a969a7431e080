"""A table whose first columns stay in place while the others scroll sideways.

The label columns (indicator, Target/Realisasi/Capaian) of a grid of months scrolled away with
the months, leaving rows of "–" without names. The frozen columns are a second view laid over
the left edge of the table (Qt's "Frozen Column" example): it shares the model and the
selection, shows only the frozen columns and scrolls up and down with the table.
"""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex


class FrozenTableView(QTableView):
    """A table with ``beku`` frozen columns on the left.

    Call :meth:`sync_frozen` after changing the model's shape, spans or column widths, so the
    frozen part shows the same columns, spans and row heights as the table under it.
    """

    def __init__(self, beku: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.beku = beku
        self.frozen = QTableView(self)
        self.frozen.setObjectName("kolomBeku")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setWordWrap(True)
        # a line on its right edge tells where the scrolling part starts
        self.frozen.setStyleSheet(
            "QTableView#kolomBeku { border: none; border-right: 2px solid #9a9a9a; }"
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._lebar_berubah)
        self.verticalHeader().sectionResized.connect(
            lambda baris, _lama, baru: self.frozen.setRowHeight(baris, baru)
        )
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        """Show ``model`` in the table and in its frozen columns, with one selection."""
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self.sync_frozen)
        self.sync_frozen()

    def lebar_beku(self) -> int:
        """The width of the frozen columns together."""
        return sum(self.columnWidth(c) for c in range(self.beku))

    def sync_frozen(self) -> None:
        """Give the frozen part the table's columns, spans and row heights again."""
        model = self.model()
        if model is None:
            return
        self.frozen.clearSpans()
        for c in range(model.columnCount()):
            self.frozen.setColumnHidden(c, c >= self.beku)
            if c < self.beku:
                self.frozen.setColumnWidth(c, self.columnWidth(c))
        # (the minimum first: a row lower than the style's minimum would be made taller)
        self.frozen.verticalHeader().setMinimumSectionSize(
            self.verticalHeader().minimumSectionSize()
        )
        self.frozen.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )
        for r in range(model.rowCount()):
            self.frozen.setRowHeight(r, self.rowHeight(r))
        for c in range(self.beku):
            r = 0
            while r < model.rowCount():
                # every cell inside a span reports it: set it once, at its first row
                rows, cols = self.rowSpan(r, c), self.columnSpan(r, c)
                if rows > 1 or cols > 1:
                    self.frozen.setSpan(r, c, rows, cols)
                r += max(rows, 1)
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())
        self._letak_beku()
        self.frozen.show()

    def _lebar_berubah(self, kolom: int, _lama: int, baru: int) -> None:
        if kolom < self.beku:
            self.frozen.setColumnWidth(kolom, baru)
            self._letak_beku()

    def _letak_beku(self) -> None:
        tepi = self.frameWidth()
        kiri = tepi + (self.verticalHeader().width() if self.verticalHeader().isVisible() else 0)
        self.frozen.setGeometry(
            kiri,
            tepi,
            self.lebar_beku() + 2,
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._letak_beku()

    def scrollTo(  # noqa: N802 - Qt's name
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll to ``index`` so that it is not hidden under the frozen columns (those are
        always in sight: for them only the rows move)."""
        if index.column() >= self.beku:
            super().scrollTo(index, hint)
            tertutup = self.lebar_beku() - self.visualRect(index).left()
            if tertutup > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - tertutup)
            return
        rect = self.visualRect(index)
        bar = self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + min(rect.top(), rect.bottom() - self.viewport().height()))

    def scroll_to_start(self) -> None:
        """Scroll back to the first period column and the first row (another jabatan)."""
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)
