"""The Indikator tab: the sasaran of a jabatan, their indicators and sub-items, edited in place.

Long because one editable tree of three kinds of row (sasaran, indicator, sub-item) with add,
remove, move and paste for each.
"""

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db import ops_indikator, ops_indikator_paste, queries_indikator
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.queries import find_jabatan
from kinerja_desktop.ui.tabs.common import (
    Index,
    KeadaanKosong,
    PilihanDelegate,
    TabDasar,
    TeksDelegate,
    add_view_action,
    clipboard_text,
    from_tsv,
    set_clipboard_text,
    to_tsv,
)
from kinerja_desktop.ui.tabs.indikator_model import (
    KOLOM,
    KOLOM_FORMULA,
    KOLOM_NAMA,
    PILIHAN,
    Baris,
    IndikatorModel,
    Jenisbaris,
)
from kinerja_desktop.ui.tabs.uraian_tab import _setup_table

_TEKS_PANJANG = (KOLOM_NAMA, KOLOM_FORMULA, 6)


class IndikatorDelegate(PilihanDelegate, TeksDelegate):
    """Drop-downs for polaritas and jenis, multi-line editors for long text."""

    def _model(self, index: Index) -> IndikatorModel:
        model = index.model()
        assert isinstance(model, IndikatorModel)
        return model

    def is_long_text(self, index: Index) -> bool:
        """Sasaran text, indicator name, formula and sumber data get the multi-line editor."""
        baris = self._model(index).baris(index.row())
        if baris.jenis is Jenisbaris.SASARAN:
            return True
        return index.column() in _TEKS_PANJANG

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        baris = self._model(index).baris(index.row())
        if baris.jenis is Jenisbaris.INDIKATOR and index.column() in PILIHAN:
            choices = [(member.label, member.value) for member in PILIHAN[index.column()]]
            return self.combo_editor(parent, choices)
        return super().createEditor(parent, option, index)


class IndikatorTab(TabDasar):
    """Sasaran, indicators and sub-items of the selected jabatan."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.tahun: int | None = None
        self.model = IndikatorModel(self.edit_cell)
        self.model.ditolak.connect(self.show_error)
        self.model.modelReset.connect(self._apply_spans)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(IndikatorDelegate(self.view))
        _setup_table(self.view)
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        # Short columns get just the width their words need; the three long texts share the
        # rest and wrap, so nothing needs horizontal scrolling on a 1366-pixel screen.
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        metrics = self.view.fontMetrics()
        padding = 16
        self._lebar_tetap = {
            0: metrics.horizontalAdvance("KASUBAG-UMUM.01") + padding,
            3: metrics.horizontalAdvance("hari kerja") + padding,
            4: metrics.horizontalAdvance("Makin rendah") + padding,
            5: metrics.horizontalAdvance("Persentase") + padding,
        }
        header.setMinimumSectionSize(metrics.horizontalAdvance("Satuan") + padding)
        # Below this width a long text wraps after every word and its header is cut off
        # ("nghitung"): then the long columns keep it and the table scrolls sideways instead.
        self._lebar_teks_min = metrics.horizontalAdvance("Penghitungan") + padding
        self._kolom_panjang = [c for c in range(len(KOLOM)) if c not in self._lebar_tetap]
        self._sempit: bool | None = None
        for column in range(len(KOLOM)):
            if column in self._lebar_tetap:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self._lebar_tetap[column])
        self._fit_long_columns()
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.tambah_sasaran = QPushButton("Tambah sasaran")
        self.tambah_sasaran.setToolTip("Tambahkan sasaran baru di bawah sasaran yang dipilih")
        self.tambah_indikator = QPushButton("Tambah indikator")
        self.tambah_indikator.setToolTip(
            "Tambahkan indikator pada sasaran yang dipilih; kodenya dibuat otomatis (Insert)"
        )
        self.tambah_sub = QPushButton("Tambah sub-butir")
        self.tambah_sub.setToolTip("Tambahkan sub-butir (a., b., …) pada indikator yang dipilih")
        self.hapus = QPushButton("Hapus")
        self.hapus.setToolTip("Hapus sasaran, indikator atau sub-butir yang dipilih (Delete)")
        # The lambdas drop the "checked" argument of clicked(), which the methods do not take.
        self.tambah_sasaran.clicked.connect(lambda *_: self.add_sasaran())
        self.tambah_indikator.clicked.connect(lambda *_: self.add_indikator())
        self.tambah_sub.clicked.connect(lambda *_: self.add_sub())
        self.hapus.clicked.connect(lambda *_: self.remove_current())
        add_view_action(self.view, "Tambah indikator", "Ins", self.add_indikator)
        add_view_action(self.view, "Tambah sub-butir", None, self.add_sub)
        add_view_action(self.view, "Tambah sasaran", None, self.add_sasaran)
        add_view_action(self.view, "Hapus", QKeySequence.StandardKey.Delete, self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.tambah_sasaran, self.tambah_indikator, self.tambah_sub, self.hapus):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.tanpa_indikator = KeadaanKosong(
            "Jabatan ini belum punya sasaran dan indikator kinerja. Klik “Tambah indikator” "
            "untuk membuat sasaran pertama beserta indikatornya, atau tempel baris indikator "
            "dari Excel/LibreOffice (Ctrl+V).",
            "Tambah indikator",
        )
        assert self.tanpa_indikator.button is not None
        self.tanpa_indikator.button.clicked.connect(lambda *_: self.add_indikator())
        self.tabel_stack = QStackedWidget()
        self.tabel_stack.addWidget(self.view)
        self.tabel_stack.addWidget(self.tanpa_indikator)
        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tabel_stack, 1)
        self.set_jabatan(None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self._fit_long_columns()
        return super().eventFilter(obj, event)

    def _fit_long_columns(self) -> None:
        """Let the long columns share the width, or keep a readable width when too narrow."""
        header = self.view.horizontalHeader()
        tetap = sum(header.sectionSize(c) for c in self._lebar_tetap)
        # the view's own width, not the viewport's: a scroll bar coming or going must not
        # flip the decision back and forth
        lebar = self.view.width() - 2 * self.view.frameWidth()
        lebar -= self.view.verticalScrollBar().sizeHint().width()
        sempit = lebar - tetap < len(self._kolom_panjang) * self._lebar_teks_min
        if sempit == self._sempit:
            return
        self._sempit = sempit
        # the shared table setup never scrolls sideways; narrow, the columns past the edge
        # must still be reachable
        self.view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if sempit
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        for column in self._kolom_panjang:
            if sempit:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self._lebar_teks_min)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # -- contract -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the shown jabatan's sasaran and indicators again."""
        if self.jabatan_id is None:
            return
        jabatan = find_jabatan(self.jabatan_id)
        if jabatan is None:
            self.set_jabatan(None)
            return
        self.tahun = jabatan.tahun
        sasaran = queries_indikator.load_sasaran(self.jabatan_id)
        kode = [i.kode for s in sasaran for i in s.indikator]
        if kode:
            # The code column fits this jabatan's longest code.
            metrics = self.view.fontMetrics()
            widest = max(metrics.horizontalAdvance(k) for k in kode) + 16
            self.view.horizontalHeader().resizeSection(0, max(widest, self._lebar_tetap[3]))
            self._sempit = None  # the code column changed: decide again
            self._fit_long_columns()
        self.model.set_content(sasaran, self.tahun)
        self.tabel_stack.setCurrentWidget(self.view if sasaran else self.tanpa_indikator)
        self._update_buttons()

    def concerns(self, perubahan: Perubahan) -> bool:
        """Indicator changes of the shown jabatan, or a tree change that may have removed it."""
        return (perubahan.indikator and self.jabatan_id in perubahan.jabatan) or (
            perubahan.jabatan_tree
        )

    def copy_selection(self) -> None:
        """Copy the selected indicators as rows of the seven columns (choices as labels)."""
        rows = self._selected_rows()
        lines = []
        for row in rows:
            baris = self.model.baris(row)
            if baris.jenis is Jenisbaris.INDIKATOR:
                lines.append(
                    [str(self.model.index(row, c).data() or "") for c in range(len(KOLOM))]
                )
        if lines:
            set_clipboard_text(to_tsv(lines))

    def paste(self) -> None:
        """Add or update indicators from rows copied in Excel/LibreOffice, as one undo step.

        Columns in the tab's order (Kode, Indikator, Formulasi, Satuan, Polaritas, Jenis,
        Sumber Data); a single column is taken as indicator names. A row whose code is an
        indicator of this jabatan updates it; other rows are added to the current sasaran.
        """
        if self.jabatan_id is None:
            return
        parsed = from_tsv(clipboard_text())
        if parsed and [c.strip() for c in parsed[0][:2]] == list(KOLOM[:2]):
            parsed = parsed[1:]  # a header row copied along
        rows: list[dict[str, str]] = []
        for cells in parsed:
            if len(cells) == 1:
                rows.append({"nama": cells[0]})
            else:
                rows.append(dict(zip(queries_indikator.FIELDS, cells, strict=False)))
        if not rows:
            self.show_error("Papan klip tidak berisi baris indikator untuk ditempel.")
            return
        current = self._current()
        jabatan_id = self.jabatan_id
        sasaran_id = current.sasaran_id if current else None
        tempel: list[ops_indikator_paste.TempelIndikator] = []
        kept: list[ops_indikator_paste.PasteSnapshot] = []

        def do() -> Hasil[Any]:
            if kept:
                return ops_indikator_paste.reapply_paste(tempel[0], kept[0])
            hasil = ops_indikator_paste.paste_indikator(jabatan_id, sasaran_id, rows)
            tempel[:] = [hasil.data]
            return hasil

        def undo() -> Hasil[ops_indikator_paste.PasteSnapshot]:
            hasil = ops_indikator_paste.revert_paste(tempel[0])
            kept[:] = [hasil.data]
            return hasil

        self.push(f"Tempel {len(rows)} indikator", do, undo)

    # -- selection ----------------------------------------------------------------------
    def _apply_spans(self) -> None:
        # A sasaran row spans the whole table; spans are lost on every reset.
        self.view.clearSpans()
        for row, baris in enumerate(self.model.rows()):
            if baris.jenis is Jenisbaris.SASARAN:
                self.view.setSpan(row, 0, 1, len(KOLOM))

    def _selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return rows

    def _current(self) -> Baris | None:
        index = self.view.currentIndex()
        return self.model.baris(index.row()) if index.isValid() else None

    def _update_buttons(self, *_: Any) -> None:
        current = self._current()
        self.hapus.setEnabled(current is not None)
        self.tambah_sub.setEnabled(current is not None and current.jenis is not Jenisbaris.SASARAN)

    def select(self, jenis: Jenisbaris, item_id: int | None, edit: bool = False) -> None:
        """Make the row of an object current, optionally opening its main text's editor."""
        row = None if item_id is None else self.model.row_of(jenis, item_id)
        if row is None:
            return
        column = 0 if jenis is Jenisbaris.SASARAN else KOLOM_NAMA
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)

    def select_indikator(self, indikator_id: int) -> None:
        """Make the indicator's row current (a search found it)."""
        self.select(Jenisbaris.INDIKATOR, indikator_id)

    def _position_in_parent(self, baris: Baris) -> int:
        """Place of an indicator in its sasaran, or of a sub-item in its indicator."""
        if baris.jenis is Jenisbaris.SUB:
            return baris.nomor
        return sum(
            1
            for other in self.model.rows()[: self.model.row_of(baris.jenis, baris.id)]
            if other.jenis is Jenisbaris.INDIKATOR and other.sasaran_id == baris.sasaran_id
        )

    # -- edits --------------------------------------------------------------------------
    def edit_cell(self, baris: Baris, name: str, value: str) -> None:
        """Save an edit made in place (called by the model)."""
        lama = getattr(baris.data, name)
        item_id = baris.id
        if baris.jenis is Jenisbaris.SASARAN:
            self.push(
                "Ubah sasaran",
                lambda: ops_indikator.edit_sasaran(item_id, value),
                lambda: ops_indikator.edit_sasaran(item_id, lama),
            )
        elif baris.jenis is Jenisbaris.INDIKATOR:
            self.push(
                f"Ubah {KOLOM[queries_indikator.FIELDS.index(name)].lower()} indikator",
                lambda: ops_indikator.update_indikator(item_id, {name: value}),
                lambda: ops_indikator.update_indikator(item_id, {name: lama}),
            )
        else:
            self.push(
                "Ubah sub-butir",
                lambda: ops_indikator.update_sub(item_id, **{name: value}),
                lambda: ops_indikator.update_sub(item_id, **{name: lama}),
            )

    def add_sasaran(self) -> int | None:
        """Add a sasaran below the current one (at the end when none is chosen)."""
        if self.jabatan_id is None:
            return None
        jabatan_id = self.jabatan_id
        current = self._current()
        posisi = None
        if current is not None:
            sasaran_row = self.model.row_of(Jenisbaris.SASARAN, current.sasaran_id)
            posisi = self.model.baris(sasaran_row).nomor if sasaran_row is not None else None
        new_id = self.push_add(
            "Tambah sasaran",
            lambda: ops_indikator.add_sasaran(jabatan_id, posisi=posisi),
            ops_indikator.remove_sasaran,
            ops_indikator.reinsert_sasaran,
        )
        self.select(Jenisbaris.SASARAN, new_id, edit=True)
        return new_id

    def add_indikator(self) -> int | None:
        """Add an indicator below the current one, in the current (or last) sasaran."""
        if self.jabatan_id is None:
            return None
        current = self._current()
        rows = self.model.rows()
        if current is not None:
            sasaran_id: int | None = current.sasaran_id
            posisi = None
            if current.jenis is not Jenisbaris.SASARAN:
                indikator_row = self.model.row_of(Jenisbaris.INDIKATOR, current.indikator_id or 0)
                if indikator_row is not None:
                    posisi = self._position_in_parent(self.model.baris(indikator_row)) + 1
        else:
            sasaran_id = next(
                (b.sasaran_id for b in reversed(rows) if b.jenis is Jenisbaris.SASARAN), None
            )
            posisi = None
        if sasaran_id is None:
            # No sasaran yet: the sasaran and its first indicator are one undo step.
            self.undo_stack.beginMacro("Tambah indikator")
            try:
                sasaran_id = self.add_sasaran()
                if sasaran_id is None:
                    return None
                new_id = self._push_add_indikator(sasaran_id, None)
            finally:
                self.undo_stack.endMacro()
        else:
            new_id = self._push_add_indikator(sasaran_id, posisi)
        self.select(Jenisbaris.INDIKATOR, new_id, edit=True)
        return new_id

    def _push_add_indikator(self, sasaran_id: int, posisi: int | None) -> int | None:
        return self.push_add(
            "Tambah indikator",
            lambda: ops_indikator.add_indikator(sasaran_id, posisi),
            ops_indikator.remove_indikator,
            ops_indikator.reinsert_indikator,
        )

    def add_sub(self) -> int | None:
        """Add a sub-item to the current indicator, below the current sub-item."""
        current = self._current()
        if current is None or current.indikator_id is None:
            self.show_error("Pilih dulu indikator yang akan diberi sub-butir.")
            return None
        indikator_id = current.indikator_id
        posisi = current.nomor + 1 if current.jenis is Jenisbaris.SUB else None
        new_id = self.push_add(
            "Tambah sub-butir",
            lambda: ops_indikator.add_sub(indikator_id, posisi),
            ops_indikator.remove_sub,
            ops_indikator.reinsert_sub,
        )
        self.select(Jenisbaris.SUB, new_id, edit=True)
        return new_id

    def remove_current(self) -> None:
        """Remove the current sasaran (with its indicators), indicator or sub-item."""
        current = self._current()
        if current is None:
            return
        item_id = current.id
        if current.jenis is Jenisbaris.SASARAN:
            self.push_remove(
                "Hapus sasaran",
                lambda: ops_indikator.remove_sasaran(item_id),
                ops_indikator.reinsert_sasaran,
            )
        elif current.jenis is Jenisbaris.INDIKATOR:
            self.push_remove(
                "Hapus indikator",
                lambda: ops_indikator.remove_indikator(item_id),
                ops_indikator.reinsert_indikator,
            )
        else:
            self.push_remove(
                "Hapus sub-butir",
                lambda: ops_indikator.remove_sub(item_id),
                ops_indikator.reinsert_sub,
            )
