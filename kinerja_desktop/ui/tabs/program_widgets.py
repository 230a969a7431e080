"""The widgets of the Program tab: trees whose name column takes what is left, a tree with
its empty state, the penanggung jawab editor, and small helpers to find and keep rows."""

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from kinerja_desktop.ui.tabs.common import Index, KeadaanKosong, PilihanDelegate
from kinerja_desktop.ui.tabs.program_model import KUNCI, Kunci, ModelEdit


def pohon(model: ModelEdit) -> QTreeView:
    """A tree of rows with columns over ``model``, its name column fitted by LebarNama."""
    view = QTreeView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(60)
    LebarNama(view)
    return view


class LebarNama(QObject):
    """Gives the name column of a tree what the other columns leave, but never less than
    :attr:`MIN`: in a narrow window the tree scrolls sideways instead of cutting every program
    name to "Program Pe…"."""

    MIN = 240

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)
        view.header().sectionResized.connect(self._lain_berubah)

    def _lain_berubah(self, kolom: int, _lama: int, _baru: int) -> None:
        if kolom != 0:
            self.fit_name_column()

    def fit_name_column(self) -> None:
        """Fit the name column to the width left."""
        header = self.view.header()
        lain = sum(header.sectionSize(k) for k in range(1, header.count()))
        sisa = self.view.viewport().width() - lain
        if header.sectionSize(0) != max(self.MIN, sisa):
            header.resizeSection(0, max(self.MIN, sisa))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit_name_column()
        return False


class PenanggungJawabDelegate(PilihanDelegate):
    """The penanggung jawab: a jabatan of the year from the list, or any name typed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.jabatan: list[tuple[int, str]] = []

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for jabatan_id, nama in self.jabatan:
            combo.addItem(nama, jabatan_id)
        combo.setToolTip("Pilih jabatan dari daftar, atau tulis nama penanggung jawab lain.")
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            i = editor.currentIndex()
            # a jabatan picked from the list goes by its id: two jabatan may share a name
            dipilih = i >= 0 and editor.itemText(i) == editor.currentText()
            value = PilihJabatan(editor.itemData(i)) if dipilih else editor.currentText()
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class PilihJabatan(NamedTuple):
    """A penanggung jawab picked from the list of jabatan (not typed)."""

    jabatan_id: int


class Tumpuk(QStackedWidget):
    """A tree, or in its place a sentence saying why it is empty and what to do."""

    def __init__(
        self,
        view: QTreeView,
        teks: str,
        tombol: str | None = None,
        aksi: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.view = view
        self.kosong = KeadaanKosong(teks, tombol)
        if self.kosong.button is not None and aksi is not None:
            self.kosong.button.clicked.connect(lambda _=False: aksi())
        self.addWidget(view)
        self.addWidget(self.kosong)

    def refresh(self) -> None:
        """Show the tree when it has rows, else the empty state."""
        model = self.view.model()
        self.setCurrentWidget(self.view if model.rowCount() else self.kosong)


def tombol(teks: str, tip: str, aksi: Callable[[], None]) -> QPushButton:
    """A button labelled ``teks`` with the tooltip ``tip`` that runs ``aksi``."""
    tombol = QPushButton(teks)
    tombol.setToolTip(tip)
    tombol.clicked.connect(lambda _=False: aksi())
    return tombol


def combo_tautan(label: str) -> tuple[QLabel, QComboBox]:
    """A label and a drop-down of what a row can be linked to."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(20)
    return QLabel(label), combo


def fill_combo(combo: QComboBox, pilihan: list[tuple[int, str]], kini: int | None) -> None:
    """Fill a link drop-down: "not linked" first, then ``pilihan``; ``kini`` chosen."""
    combo.addItem("(tidak dikaitkan)", None)
    for i, label in pilihan:
        combo.addItem(label, i)
        combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(0, combo.findData(kini)) if kini is not None else 0)
    # a long sasaran is cut in a narrow window: the whole text on hover
    combo.setToolTip(combo.currentText())


def induk_id(view: QTreeView) -> int | None:
    """The id of the parent row of the current row (None for a top-level row)."""
    induk = view.currentIndex().parent()
    model = view.model()
    if not induk.isValid() or not isinstance(model, ModelEdit):
        return None
    kunci = model.kunci(induk)
    return kunci.id if kunci else None


def find_row(model: ModelEdit, jenis: str, row_id: int) -> QModelIndex | None:
    """The first cell of the row of kind ``jenis`` and id ``row_id``, at any depth."""
    for r in range(model.rowCount()):
        atas = model.index(r, 0)
        for index in (atas, *(model.index(c, 0, atas) for c in range(model.rowCount(atas)))):
            kunci = model.kunci(index)
            if kunci is not None and (kunci.jenis, kunci.id) == (jenis, row_id):
                return index
    return None


def find_cell(model: ModelEdit, kunci: Kunci) -> QModelIndex | None:
    """The cell whose edit is ``kunci`` (its row and field), at any depth."""
    for r in range(model.rowCount()):
        atas = model.index(r, 0)
        for induk, baris in ((QModelIndex(), r), *((atas, c) for c in range(model.rowCount(atas)))):
            for kolom in range(model.columnCount()):
                index = model.index(baris, kolom, induk)
                if index.data(KUNCI) == kunci:
                    return index
    return None


def expand_all(view: QTreeView, kini: Kunci | None) -> None:
    """Expand every row (a program has a few kegiatan, an action a few sub-actions) and make
    the row that was current before a reload current again."""
    view.expandAll()
    model = view.model()
    if kini is not None and isinstance(model, ModelEdit):
        index = find_row(model, kini.jenis, kini.id)
        if index is not None:
            view.setCurrentIndex(index)
