"""The jabatan view of the main window: the tree of the shown year's jabatan beside the heading
and tabs of the selected one (:class:`~kinerja_desktop.ui.jabatan_pane.JabatanPane`), with the
jabatan actions on the window's undo stack.

The window opens on the Beranda and builds this view after its first paint, or sooner when it
is asked for (:attr:`kinerja_desktop.ui.main_window.MainWindow.jabatan_view`): its modules, its
widgets and the read of every jabatan (about 15 ms on the built-in data) stay out of the time
to the first paint (docs/DESAIN.md, "Waktu mulai dengan Beranda").

The database is read apart from what is shown (:func:`read_tree`, then :meth:`JabatanView.load`
or :meth:`JabatanView.reload`): the window reads through its runner, and a read that fails
leaves the tree as it was.
"""

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QWidget

from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.ui.jabatan_actions import JabatanActions
from kinerja_desktop.ui.jabatan_nodes import JenisNode, Node, build_tree
from kinerja_desktop.ui.jabatan_pane import JabatanPane
from kinerja_desktop.ui.jabatan_tree import JabatanTree
from kinerja_desktop.ui.window_settings import WindowSettings


class PohonTahun(NamedTuple):
    """The jabatan of a year as read, ready to be shown."""

    root: Node  # the Camat with every jabatan under its atasan
    items: list[queries_jabatan.JabatanInfo]  # in document order


def read_tree(tahun: int | None, kecamatan: str) -> PohonTahun:
    """Read the jabatan of ``tahun`` (none without a year) with their holders, indicators and
    the office's head; raises what the database raises."""
    if tahun is None:
        return PohonTahun(build_tree([], f"Camat {kecamatan}", None), [])
    items = queries_jabatan.list_jabatan(tahun)
    camat, penandatangan = queries_jabatan.kepala_kantor(tahun)
    return PohonTahun(build_tree(items, camat, penandatangan), items)


class JabatanView(QSplitter):
    """The tree on the left, the selected jabatan's heading and tabs on the right."""

    def __init__(
        self,
        undo_stack: QUndoStack,
        settings: WindowSettings,
        apply_changes: Callable[[Perubahan], None],
        show_error: Callable[[str, str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.tree = JabatanTree(self)
        self.jabatan_actions = JabatanActions(undo_stack, parent, apply_changes, show_error)
        self.right = JabatanPane(undo_stack, settings, apply_changes, self)
        self.addWidget(self.tree)
        self.addWidget(self.right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.tree.setMinimumWidth(240)
        # An explicit minimum: the splitter would otherwise honour the widest tab's minimum
        # (a wide grid) and squeeze the tree; a tab narrower than its content scrolls instead.
        self.right.setMinimumWidth(420)
        self.setSizes([440, 760])
        self.tree.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def restore_state(self, settings: WindowSettings) -> None:
        """The splitter's sizes and the tab of the last run."""
        splitter = settings.value("jendela/pemisah")
        if isinstance(splitter, QByteArray):
            self.restoreState(splitter)
        try:
            tab_index = int(str(settings.value("terakhir/tab", 0)))
        except (TypeError, ValueError):
            tab_index = 0
        if 0 < tab_index < self.right.tab_widget.count():
            self.right.tab_widget.setCurrentIndex(tab_index)

    def save_state(self, settings: WindowSettings) -> None:
        """Remember the splitter's sizes and the selected jabatan for the next run."""
        settings.set_value("jendela/pemisah", self.saveState())
        kode = self.selected_kode()
        if kode is not None:
            settings.set_value("terakhir/jabatan", kode)

    def load(self, pohon: PohonTahun, kode: str | None = None) -> None:
        """Show the jabatan of a year (:func:`read_tree`); select the jabatan with ``kode``
        when given and present, else the first jabatan."""
        select = None
        if kode is not None:
            select = next((i.id for i in pohon.items if i.kode == kode), None)
        if select is None and pohon.items:
            select = pohon.items[0].id
        self.tree.load(pohon.root, select=select)

    def reload(self, pohon: PohonTahun) -> None:
        """Show the jabatan of the year read again, keeping the selection when possible."""
        self.tree.load(pohon.root)

    def is_loaded(self) -> bool:
        """Whether the tree shows a year's jabatan (not when their first read failed)."""
        return self.tree.model.root is not None

    def show_unreadable(self, judul: str, pesan: str) -> None:
        """Say in place of the heading and tabs why no jabatan is shown: their first read
        failed (``pesan`` says why and what to do)."""
        self.right.show_unreadable(judul, pesan)

    def set_indikator(self, indikator: dict[int, tuple[tuple[int, str, str], ...]]) -> None:
        """Give the tree's search the indicators read again
        (:func:`~kinerja_desktop.db.queries_jabatan.indikator_jabatan`)."""
        self.tree.model.set_indikator(indikator)

    def selected_node(self) -> Node | None:
        """The node selected in the tree (the Camat, a jabatan), or None."""
        return self.tree.selected_node()

    def selected_kode(self) -> str | None:
        """The code of the selected jabatan (None for the Camat or no selection)."""
        node = self.tree.selected_node()
        return node.kode if node is not None and node.jenis is JenisNode.JABATAN else None

    def show_heading(self, tahun: int | None) -> None:
        """The heading of the selected jabatan, or why there is none (a search matching
        nothing, a year without jabatan)."""
        no_match = bool(self.tree.filter_box.text().strip()) and not self.tree.proxy.rowCount()
        self.right.show_heading(tahun, self.tree.selected_node(), self.tree.model.root, no_match)

    def show_found_indikator(self) -> None:
        """A jabatan found through one of its indicators ("PKH"): that indicator is made
        current in the Indikator and Target & Realisasi tabs."""
        node = self.tree.selected_node()
        if node is None or node.jenis is not JenisNode.JABATAN:
            return
        cocok = node.indikator_cocok(self.tree.filter_box.text().strip().lower())
        if cocok:
            self.right.select_indikator(cocok[0][0])
