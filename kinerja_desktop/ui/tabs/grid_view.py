"""The spreadsheet-like view of the Target & Realisasi grids (the jabatan's and the desa
grid): typing starts editing, Delete empties cells, a refused entry opens again with what was
typed; the width of the period columns and the colour legend under the grids."""

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from kinerja_desktop.domain.periode import JenisPeriode
from kinerja_desktop.ui.flow_layout import FlowLayout
from kinerja_desktop.ui.tabs.frozen_view import FrozenTableView
from kinerja_desktop.ui.tabs.grid_model import (
    KEADAAN_LABEL,
    KEADAAN_PENJELASAN,
    WARNA_KEADAAN,
    GridModel,
)

LEBAR_BULAN = 58  # "200,0%" fits
LEBAR_RINGKASAN = 66  # triwulan and year columns hold ranges such as 90–100%

Index = QModelIndex | QPersistentModelIndex


class GridHost(Protocol):
    """What a grid view asks of the tab holding it."""

    @property
    def view_desa(self) -> QTableView:
        """The desa grid (made after the jabatan's grid)."""

    def tinggi_baris_desa(self) -> None:
        """Fit the desa grid's rows to its height."""

    def close_desa(self, fokus: bool = True) -> None:
        """Close the desa grid."""

    def open_desa(self, indikator_id: int | None = None) -> bool:
        """Open the desa grid of the current indicator; False when it has none."""

    def clear_cells(self, view: QTableView) -> None:
        """Empty the selected typed cells of ``view``."""

    def show_error(self, teks: str) -> None:
        """Say why something was refused."""


class GridView(FrozenTableView):
    """A spreadsheet-like table: typing starts editing, Delete empties the selected cells.

    Typing into a cell that takes no value says why (a month's target, a computed total)
    instead of doing nothing.
    """

    def __init__(self, tab: GridHost, beku: int, parent: QWidget | None = None) -> None:
        super().__init__(beku, parent)
        self.tab = tab
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.verticalHeader().hide()
        self.setItemDelegate(IsianDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self is getattr(self.tab, "view_desa", None):  # (not yet made while the tab is)
            self.tab.tinggi_baris_desa()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Escape and self is self.tab.view_desa:
                self.tab.close_desa()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.tab.clear_cells(self)
                return
            index = self.currentIndex()
            model = self.model()
            if (
                index.isValid()
                and isinstance(model, GridModel)
                and not model.is_editable(index.row(), index.column())
            ):
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tab.open_desa():
                    return
                if event.text().strip():
                    self.tab.show_error(model.why_fixed(index.row(), index.column()))
                    return
        super().keyPressEvent(event)


class IsianDelegate(QStyledItemDelegate):
    """The cell editor of the grids: a refused entry opens again holding what was typed, so
    the operator corrects it instead of typing it all again."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self._tertunda: tuple[QPersistentModelIndex, str] | None = None

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if (
            self._tertunda is not None
            and isinstance(editor, QLineEdit)
            and self._tertunda[0] == QPersistentModelIndex(index)
        ):
            editor.setText(self._tertunda[1])
            self._tertunda = None
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if not isinstance(editor, QLineEdit):
            super().setModelData(editor, model, index)
            return
        teks = editor.text()
        if model.setData(index, teks, Qt.ItemDataRole.EditRole):
            return
        if not teks.strip() or not model.is_editable(index.row(), index.column()):
            return
        # refused: open the cell again with the typed text once this editor has closed
        tetap = QPersistentModelIndex(index)
        self._tertunda = (tetap, teks)
        QTimer.singleShot(0, lambda: self._reopen(tetap))

    def _reopen(self, index: QPersistentModelIndex) -> None:
        if not index.isValid():
            self._tertunda = None
            return
        target = self.view.model().index(index.row(), index.column())
        self.view.setCurrentIndex(target)
        self.view.edit(target)


def set_period_widths(view: QTableView, model: GridModel) -> None:
    """Give each period column of ``view`` its width: narrow months, wider summaries."""
    for c in range(model.columnCount()):
        p = model.periode_kolom(c)
        if p is not None:
            lebar = LEBAR_BULAN if p.jenis is JenisPeriode.BULAN else LEBAR_RINGKASAN
            view.setColumnWidth(c, lebar)


def build_legend() -> QWidget:
    """The colour legend: one bordered label per cell state, wrapping onto a second line
    when the window is narrow (a single row clipped the last labels at 1200 pixels)."""
    w = QWidget()
    row = FlowLayout(w)
    row.addWidget(QLabel("Keterangan warna:"))
    for keadaan in KEADAAN_LABEL:
        label = QLabel(KEADAAN_LABEL[keadaan])
        miring = " font-style: italic;" if keadaan == "otomatis" else ""
        label.setStyleSheet(
            f"QLabel {{ background: {WARNA_KEADAAN[keadaan]}; border: 1px solid #b5b5b5;"
            f" padding: 1px 6px;{miring} }}"
        )
        label.setToolTip(KEADAAN_PENJELASAN.get(keadaan, ""))
        row.addWidget(label)
    return w
