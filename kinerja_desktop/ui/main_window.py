"""The main window: the jabatan tree on the left, the heading and tabs of the selected jabatan
on the right (:mod:`~kinerja_desktop.ui.jabatan_pane`), the Beranda in front of both, and the
year they show; its actions, menus, toolbar and status bar are
:class:`~kinerja_desktop.ui.window_menus.WindowMenus`.

Every edit goes through a core operation that returns a :class:`Perubahan`; the window shows
its ``pesan`` in the status bar and hands it to the tree, the tabs and the Beranda
(:meth:`MainWindow.apply_changes`), and each decides whether to refresh.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from kinerja_desktop import APP_NAME
from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.location import DatabaseLocation, parse_location
from kinerja_desktop.db.queries import latest_year, nama_kecamatan, years
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.paths import data_dir
from kinerja_desktop.ui.beranda import BerandaView
from kinerja_desktop.ui.beranda_tujuan import open_tujuan
from kinerja_desktop.ui.jabatan_actions import JabatanActions
from kinerja_desktop.ui.jabatan_nodes import JenisNode, Node, build_tree
from kinerja_desktop.ui.jabatan_pane import JabatanPane
from kinerja_desktop.ui.jabatan_tree import JabatanTree
from kinerja_desktop.ui.operations import show_bug
from kinerja_desktop.ui.pesan import peringatan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState
from kinerja_desktop.ui.window_menus import WindowMenus

WINDOW_SETTINGS_FILENAME = "jendela.ini"


def window_settings() -> QSettings:
    """The window's own settings (geometry, last year and jabatan) in the data folder."""
    path = data_dir() / WINDOW_SETTINGS_FILENAME
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(WindowMenus, QMainWindow):
    """The operator's window on the open database."""

    def __init__(self, db_path: DatabaseLocation | str, settings: QSettings | None = None) -> None:
        super().__init__()
        # a file, or a database on a server (then ``db_path`` is its address)
        self.db_path = parse_location(db_path)
        self.settings = settings if settings is not None else window_settings()
        self.kecamatan = nama_kecamatan()
        self.setWindowTitle(f"{APP_NAME} — Kecamatan {self.kecamatan}".rstrip(" —"))
        self.tahun: int | None = None

        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self.tree = JabatanTree(self)
        self.jabatan_actions = JabatanActions(
            self.undo_stack, self, self.apply_changes, self.show_error
        )
        self.right = JabatanPane(self.undo_stack, self.settings, self.apply_changes, self)
        self.tab_widget = self.right.tab_widget
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.tree.setMinimumWidth(240)
        # An explicit minimum: the splitter would otherwise honour the widest tab's minimum
        # (a wide grid) and squeeze the tree; a tab narrower than its content scrolls instead.
        self.right.setMinimumWidth(420)
        self.splitter.setSizes([440, 760])
        # the Beranda first; the jabatan tree and tabs beside it, one toolbar click away
        local = self.db_path if isinstance(self.db_path, Path) else None
        self.beranda = BerandaView(self.tasks, local, self.kecamatan, self)
        self.beranda.tujuan_dipilih.connect(lambda tujuan: open_tujuan(self, tujuan))
        self.pusat = QStackedWidget(self)
        self.pusat.addWidget(self.beranda)
        self.pusat.addWidget(self.splitter)
        self.setCentralWidget(self.pusat)
        self._dilukis = False

        self.build_commands()

        self.tree.jabatan_selected.connect(self._jabatan_selected)
        # a search that matches nothing leaves no selection to report: the heading says so
        self.tree.filter_box.textChanged.connect(lambda _: self._show_heading())
        self.tree.move_requested.connect(self._move_requested)
        self.tree.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.view.customContextMenuRequested.connect(self.show_tree_menu)
        self.undo_stack.canUndoChanged.connect(lambda _: self.update_undo_actions())
        self.undo_stack.canRedoChanged.connect(lambda _: self.update_undo_actions())
        self.undo_stack.indexChanged.connect(lambda _: self.update_undo_actions())

        self.resize(1200, 760)
        self._restore_state()
        # the tree takes the keyboard first: arrows move between jabatan at once
        self.setFocusProxy(self.tree.view)
        self.tree.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def tabs(self) -> list[QWidget]:
        """Every tab of the selected jabatan, in order (built now if still pending)."""
        return self.right.tabs

    # --- start, and the two views --------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """The first paint starts the work kept out of the start-up (:meth:`_finish_start`)."""
        if event.type() == QEvent.Type.Paint and not self._dilukis:
            self._dilukis = True
            QTimer.singleShot(0, self._finish_start)
        return super().event(event)

    def _finish_start(self) -> None:
        """After the first paint: read the Beranda's figures, build the tabs not built yet."""
        self.complete_menus()
        self.beranda.start()
        self.right.build_all()

    def show_beranda(self) -> None:
        """Show the Beranda (toolbar, Ctrl+B)."""
        self.pusat.setCurrentWidget(self.beranda)
        self.act_beranda.setChecked(True)

    def show_jabatan_view(self) -> None:
        """Show the jabatan tree and the tabs of the selected jabatan (toolbar, Ctrl+J)."""
        self.right.building_allowed = True  # a tab opened from now on is built at once
        self.right.build_tab(self.tab_widget.currentIndex())  # when asked before it was built
        self.pusat.setCurrentWidget(self.splitter)
        self.act_jabatan.setChecked(True)
        self.tree.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- state between runs ---------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("jendela/geometri")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self.settings.value("jendela/pemisah")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        tahun = self.settings.value("terakhir/tahun")
        try:
            wanted = int(tahun) if tahun is not None else None
        except (TypeError, ValueError):
            wanted = None
        if wanted not in years():
            wanted = latest_year()
        kode = self.settings.value("terakhir/jabatan")
        self.set_tahun(wanted, kode=str(kode) if kode else None)
        try:
            tab_index = int(str(self.settings.value("terakhir/tab", 0)))
        except (TypeError, ValueError):
            tab_index = 0
        if 0 < tab_index < self.tab_widget.count():
            self.tab_widget.setCurrentIndex(tab_index)

    def save_state(self) -> None:
        """Remember the geometry, the splitter, the year, the jabatan and the tab (saved when
        chosen) for the next run."""
        self.settings.setValue("jendela/geometri", self.saveGeometry())
        self.settings.setValue("jendela/pemisah", self.splitter.saveState())
        if self.tahun is not None:
            self.settings.setValue("terakhir/tahun", self.tahun)
        node = self.tree.selected_node()
        if node is not None and node.jenis is JenisNode.JABATAN:
            self.settings.setValue("terakhir/jabatan", node.kode)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the window state and let running work finish before closing."""
        self.save_state()
        self.tasks.wait()
        super().closeEvent(event)

    # --- year and jabatan -----------------------------------------------------------------

    def fill_years(self) -> None:
        """List the years of the database in the year selector."""
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for tahun in years():
                self.year_combo.addItem(str(tahun), tahun)
        finally:
            self.year_combo.blockSignals(False)

    def set_tahun(self, tahun: int | None, kode: str | None = None) -> None:
        """Show the year ``tahun``; select the jabatan with ``kode`` when given and present."""
        self.tahun = tahun
        index = self.year_combo.findData(tahun)
        if index >= 0 and index != self.year_combo.currentIndex():
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(index)
            self.year_combo.blockSignals(False)
        items = queries_jabatan.list_jabatan(tahun) if tahun is not None else []
        select = None
        if kode is not None:
            select = next((i.id for i in items if i.kode == kode), None)
        if select is None and items:
            select = items[0].id
        self.tree.load(self._build_tree(items), select=select)
        self.update_actions()
        self.beranda.set_tahun(tahun)

    def _build_tree(self, items: list[queries_jabatan.JabatanInfo]) -> Node:
        if self.tahun is None:
            return build_tree([], f"Camat {self.kecamatan}", None)
        camat, penandatangan = queries_jabatan.kepala_kantor(self.tahun)
        return build_tree(items, camat, penandatangan)

    def reload_tree(self) -> None:
        """Read the jabatan of the shown year again, keeping the selection when possible."""
        items = queries_jabatan.list_jabatan(self.tahun) if self.tahun is not None else []
        self.tree.load(self._build_tree(items))
        self.update_actions()

    def show_year(self, tahun: int) -> None:
        """Show ``tahun``, also when it is new (an import or a copy made it)."""
        self.fill_years()
        self.set_tahun(tahun, kode=self.selected_kode())

    def _year_chosen(self, index: int) -> None:
        tahun = self.year_combo.itemData(index)
        if tahun is not None and tahun != self.tahun:
            node = self.tree.selected_node()
            self.set_tahun(int(tahun), kode=node.kode if node is not None else None)
            self.statusBar().showMessage(f"Menampilkan IKI tahun {tahun}.", 5000)

    def select_jabatan(self, jabatan_id: int | None) -> bool:
        """Select a jabatan in the tree (as the operator would by clicking it)."""
        return self.tree.select_jabatan(jabatan_id)

    def _jabatan_selected(self, jabatan_id: int | None) -> None:
        self.right.set_jabatan(jabatan_id)
        self._show_heading()
        self.update_actions()
        node = self.tree.selected_node()
        if node is not None and node.jenis is JenisNode.JABATAN:
            self.settings.setValue("terakhir/jabatan", node.kode)
            self._show_found_indikator(node)
        if self.tahun is not None:
            self.settings.setValue("terakhir/tahun", self.tahun)

    def _show_found_indikator(self, node: Node) -> None:
        """A jabatan found through one of its indicators ("PKH"): that indicator is made
        current in the Indikator and Target & Realisasi tabs."""
        cocok = node.indikator_cocok(self.tree.filter_box.text().strip().lower())
        if cocok:
            self.right.select_indikator(cocok[0][0])

    def _show_heading(self) -> None:
        no_match = bool(self.tree.filter_box.text().strip()) and not self.tree.proxy.rowCount()
        self.right.show_heading(
            self.tahun, self.tree.selected_node(), self.tree.model.root, no_match
        )

    def selected_kode(self) -> str | None:
        """The code of the selected jabatan (None for the Camat or no selection)."""
        node = self.tree.selected_node()
        return node.kode if node is not None and node.jenis is JenisNode.JABATAN else None

    # --- changes --------------------------------------------------------------------------

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Show ``perubahan.pesan`` and hand the change to the tree and to every tab."""
        self.statusBar().showMessage(perubahan.pesan, 10000)
        if perubahan.tahun is not None and perubahan.tahun != self.tahun:
            # an undo or redo in another year: show that year, where the change is
            if perubahan.tahun in years():
                node = self.tree.selected_node()
                self.set_tahun(perubahan.tahun, kode=node.kode if node is not None else None)
            return
        if perubahan.jabatan_tree or perubahan.pemangku:
            self.reload_tree()
            self._show_heading()
        elif perubahan.indikator and self.tahun is not None:
            self.tree.model.set_indikator(queries_jabatan.indikator_jabatan(self.tahun))
        self.right.apply_changes(perubahan)
        self.beranda.apply_changes(perubahan)

    def show_error(self, judul: str, pesan: str) -> None:
        """Show a refusal the operator can act on, as plain text: it quotes names the operator
        typed or a file carried, and Qt would take one holding "<b>" for markup."""
        peringatan(self, judul, pesan)

    # --- editing: copy, paste, filter -----------------------------------------------------

    def copy_selection(self) -> None:
        """Sunting › Salin: the focused tab copies its selected rows as tab-separated text;
        in the tree, the selected jabatan is copied as a row of code, title and holders."""
        if self.tree.view.hasFocus():
            node = self.tree.selected_node()
            if node is not None and node.jenis is JenisNode.JABATAN:
                row = "\t".join((node.kode, node.nama, ", ".join(node.pemangku)))
                QApplication.clipboard().setText(row + "\n")
                self.statusBar().showMessage(f"Jabatan «{node.nama}» disalin.", 5000)
            return
        tab = self.right.focused_tab()
        if tab is None:
            self.statusBar().showMessage("Pilih baris pada tabel yang akan disalin.", 5000)
            return
        tab.copy_selection()  # type: ignore[attr-defined]

    def paste(self) -> None:
        """Sunting › Tempel: the focused tab pastes tab-separated rows (one undo step)."""
        tab = self.right.focused_tab()
        if tab is None:
            self.statusBar().showMessage("Pilih tabel tujuan sebelum menempel.", 5000)
            return
        tab.paste()  # type: ignore[attr-defined]

    def focus_filter(self) -> None:
        """Sunting › Cari Jabatan: put the cursor in the filter box."""
        self.show_jabatan_view()
        self.tree.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.filter_box.selectAll()

    # --- data: copy a year ----------------------------------------------------------------

    def copy_year(self, ke: int | None = None) -> TaskState | None:
        """Data › Salin Tahun: copy the shown year into a new year, off the GUI thread.

        ``ke`` skips the question (tests); returns the task state of the running copy.
        """
        if self.tahun is None:
            return None
        dari = self.tahun
        if ke is None:
            from kinerja_desktop.ui.salin_tahun_dialog import SalinTahunDialog

            ke = SalinTahunDialog.ask(self, dari)
            if ke is None:
                return None
        progress = QProgressDialog(f"Menyalin IKI tahun {dari} ke tahun {ke}…", "", 0, 0, self)
        progress.setWindowTitle("Salin Tahun")
        progress.setCancelButton(None)  # one transaction: it finishes whole or not at all
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def finish() -> None:
            # reset() also stops the timer that would show the dialog after the job ended
            progress.reset()
            progress.close()
            progress.deleteLater()

        def job(state: TaskState) -> object:
            from kinerja_desktop.db.years import copy_year

            return copy_year(dari, ke)

        def done(hasil: object) -> None:
            finish()
            self.fill_years()
            self.set_tahun(ke, kode=self.selected_kode())
            self.statusBar().showMessage(hasil.perubahan.pesan, 10000)  # type: ignore[attr-defined]

        def failed(exc: KinerjaError) -> None:
            finish()
            self.show_error("Tahun tidak disalin", exc.pesan)

        def crashed(detail: str) -> None:
            finish()
            show_bug(self, detail)

        return self.tasks.run(job, done, failed, on_crash=crashed)

    # --- reports and help -----------------------------------------------------------------

    def print_iki(self) -> None:
        """Laporan › Cetak IKI: the report dialog for the shown year and selected jabatan."""
        from kinerja_desktop.ui.report_dialog import ReportDialog

        if self.tahun is None:
            return
        # the window's one worker thread: reports read the database like every other job
        dialog = ReportDialog(self, self.tahun, self.selected_kode(), runner=self.tasks)
        dialog.exec()

    def show_about(self) -> None:
        """Bantuan › Tentang."""
        from kinerja_desktop.ui.about_dialog import show_about

        show_about(self)
