"""The Uraian tab: the tugas and fungsi of a jabatan as two ordered, editable lists."""

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db import ops_uraian
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.ops_uraian import Daftar
from kinerja_desktop.db.queries import find_jabatan
from kinerja_desktop.ui.tabs.common import (
    KeadaanKosong,
    TabDasar,
    TeksDelegate,
    add_view_action,
    clipboard_text,
    from_tsv,
    set_clipboard_text,
    to_tsv,
)
from kinerja_desktop.ui.tabs.uraian_model import UraianModel

JUDUL = {"tugas": "Tugas", "fungsi": "Fungsi"}


def _setup_table(view: QTableView) -> None:
    """A table of wrapped, top-aligned rows that fits its width (no horizontal scrolling)."""
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class DaftarPanel(QGroupBox):
    """One list (tugas or fungsi) with its buttons and its empty state."""

    def __init__(self, daftar: Daftar, parent: QWidget | None = None) -> None:
        super().__init__(JUDUL[daftar], parent)
        self.daftar = daftar
        nama = JUDUL[daftar].lower()
        self.model = UraianModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(TeksDelegate(self.view))
        _setup_table(self.view)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.tambah = QPushButton(f"Tambah {nama}")
        self.tambah.setToolTip(f"Tambahkan {nama} baru di bawah baris yang dipilih (Insert)")
        self.hapus = QPushButton("Hapus")
        self.hapus.setToolTip(f"Hapus {nama} yang dipilih (Delete)")
        self.naik = QPushButton("Naik")
        self.naik.setToolTip("Pindahkan butir yang dipilih satu baris ke atas (Ctrl+Atas)")
        self.turun = QPushButton("Turun")
        self.turun.setToolTip("Pindahkan butir yang dipilih satu baris ke bawah (Ctrl+Bawah)")
        buttons = QHBoxLayout()
        for button in (self.tambah, self.hapus, self.naik, self.turun):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.kosong = KeadaanKosong(
            f"Jabatan ini belum punya {nama}. Klik “Tambah {nama}” untuk menuliskannya.",
            f"Tambah {nama}",
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.kosong)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.update_buttons()

    def show_rows(self, rows: list[ops_uraian.Uraian]) -> None:
        """Show the items, or the empty state when there are none."""
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.view if rows else self.kosong)
        self.update_buttons()

    def selected_rows(self) -> list[int]:
        """Rows selected in the list, top to bottom."""
        model = self.view.selectionModel()
        return sorted(index.row() for index in model.selectedRows()) if model else []

    def current_row(self) -> int | None:
        """The row of the current item, if any."""
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def select_id(self, uraian_id: int, edit: bool = False) -> None:
        """Select the item ``uraian_id`` and optionally open its editor."""
        row = self.model.row_of(uraian_id)
        if row is None:
            return
        index = self.model.index(row, 1)
        self.view.setCurrentIndex(index)
        self.view.selectRow(row)
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)

    def update_buttons(self, *_: Any) -> None:
        """Enable only the buttons that can act on the current selection."""
        rows = self.selected_rows()
        count = self.model.rowCount()
        self.hapus.setEnabled(bool(rows))
        self.naik.setEnabled(len(rows) == 1 and rows[0] > 0)
        self.turun.setEnabled(len(rows) == 1 and rows[0] < count - 1)


class UraianTab(TabDasar):
    """Tugas and fungsi of the selected jabatan, edited in place and in order."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.panels: dict[str, DaftarPanel] = {}
        splitter = QSplitter(Qt.Orientation.Vertical)
        for daftar in ("tugas", "fungsi"):
            panel = DaftarPanel(daftar)
            panel.model.on_edit = lambda uid, teks, d=daftar: self.edit_item(d, uid, teks)
            panel.tambah.clicked.connect(lambda _=False, d=daftar: self.add_item(d))
            assert panel.kosong.button is not None
            panel.kosong.button.clicked.connect(lambda _=False, d=daftar: self.add_item(d))
            panel.hapus.clicked.connect(lambda _=False, d=daftar: self.remove_selected(d))
            panel.naik.clicked.connect(lambda _=False, d=daftar: self.move_current(d, -1))
            panel.turun.clicked.connect(lambda _=False, d=daftar: self.move_current(d, 1))
            panel.view.installEventFilter(self)
            nama = JUDUL[daftar].lower()
            add_view_action(panel.view, f"Tambah {nama}", "Ins", partial(self.add_item, daftar))
            add_view_action(
                panel.view,
                "Hapus",
                QKeySequence.StandardKey.Delete,
                partial(self.remove_selected, daftar),
            )
            add_view_action(panel.view, "Naik", "Ctrl+Up", partial(self.move_current, daftar, -1))
            add_view_action(panel.view, "Turun", "Ctrl+Down", partial(self.move_current, daftar, 1))
            self.panels[daftar] = panel
            splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.aktif: Daftar = "tugas"
        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.set_jabatan(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Copy and paste act on the list the operator last worked in.
        if event.type() == QEvent.Type.FocusIn:
            for daftar, panel in self.panels.items():
                if watched is panel.view:
                    self.aktif = daftar  # type: ignore[assignment]
        return super().eventFilter(watched, event)

    # -- contract -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read both lists of the shown jabatan again."""
        if self.jabatan_id is None:
            return
        if find_jabatan(self.jabatan_id) is None:
            self.set_jabatan(None)  # removed (perhaps by an undo in the tree)
            return
        for daftar, panel in self.panels.items():
            panel.show_rows(ops_uraian.list_uraian(self.jabatan_id, daftar))  # type: ignore[arg-type]

    def concerns(self, perubahan: Perubahan) -> bool:
        """Uraian changes of the shown jabatan, or a tree change that may have removed it."""
        return (perubahan.uraian and self.jabatan_id in perubahan.jabatan) or (
            perubahan.jabatan_tree
        )

    def copy_selection(self) -> None:
        """Copy the selected items of the active list, one per line."""
        panel = self.panels[self.aktif]
        rows = panel.selected_rows() or (
            [current] if (current := panel.current_row()) is not None else []
        )
        if rows:
            set_clipboard_text(to_tsv([[panel.model.item(r).teks] for r in rows]))

    def paste(self) -> None:
        """Insert the clipboard's lines into the active list below the current item."""
        # A row copied with its number ("3." in a first column) keeps only its last text.
        texts = [next(c for c in reversed(row) if c.strip()) for row in from_tsv(clipboard_text())]
        if texts and self.jabatan_id is not None:
            panel = self.panels[self.aktif]
            current = panel.current_row()
            self._insert(self.aktif, texts, None if current is None else current + 1)

    # -- edits --------------------------------------------------------------------------
    def _insert(self, daftar: Daftar, texts: list[str], posisi: int | None) -> list[int]:
        jabatan_id = self.jabatan_id
        assert jabatan_id is not None
        ids: list[int] = []
        kept: list[list[ops_uraian.UraianSnapshot]] = []

        def do() -> Hasil[Any]:
            if kept:
                return ops_uraian.reinsert_uraian(kept[0])
            hasil = ops_uraian.insert_uraian(jabatan_id, daftar, texts, posisi)
            ids[:] = hasil.data
            return hasil

        def undo() -> Hasil[list[ops_uraian.UraianSnapshot]]:
            hasil = ops_uraian.remove_uraian(daftar, ids)
            kept[:] = [hasil.data]
            return hasil

        nama = JUDUL[daftar].lower()
        self.push(f"Tambah {nama}" if len(texts) == 1 else f"Tempel {len(texts)} {nama}", do, undo)
        return ids

    def add_item(self, daftar: Daftar) -> None:
        """Add a new item below the current one and open its editor."""
        if self.jabatan_id is None:
            return
        panel = self.panels[daftar]
        current = panel.current_row()
        ids = self._insert(
            daftar, [f"{JUDUL[daftar]} baru"], None if current is None else current + 1
        )
        if ids:
            panel.select_id(ids[0], edit=True)

    def edit_item(self, daftar: Daftar, uraian_id: int, teks: str) -> None:
        """Replace the text of one item (called by the model after an edit in place)."""
        row = self.panels[daftar].model.row_of(uraian_id)
        lama = self.panels[daftar].model.item(row).teks if row is not None else ""
        self.push(
            f"Ubah {JUDUL[daftar].lower()}",
            lambda: ops_uraian.edit_uraian(daftar, uraian_id, teks),
            lambda: ops_uraian.edit_uraian(daftar, uraian_id, lama),
        )

    def remove_selected(self, daftar: Daftar) -> None:
        """Remove the selected items of a list."""
        panel = self.panels[daftar]
        ids = [panel.model.item(r).id for r in panel.selected_rows()]
        if not ids:
            return
        self.push_remove(
            f"Hapus {JUDUL[daftar].lower()}",
            lambda: ops_uraian.remove_uraian(daftar, ids),
            ops_uraian.reinsert_uraian,
        )

    def move_current(self, daftar: Daftar, langkah: int) -> None:
        """Move the current item up (-1) or down (+1)."""
        panel = self.panels[daftar]
        row = panel.current_row()
        if row is None:
            return
        uraian_id = panel.model.item(row).id
        self.push(
            f"Pindahkan {JUDUL[daftar].lower()}",
            lambda: ops_uraian.move_uraian(daftar, uraian_id, langkah),
            lambda: ops_uraian.move_uraian(daftar, uraian_id, -langkah),
        )
        panel.select_id(uraian_id)
