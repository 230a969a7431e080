"""The main window: the Beranda, and the jabatan view (the jabatan tree beside the heading and
tabs of the selected jabatan, :mod:`~kinerja_desktop.ui.jabatan_view`) one toolbar click away,
and the year they show (:class:`~kinerja_desktop.ui.window_tahun.WindowTahun`); its actions,
menus, toolbar and status bar are :class:`~kinerja_desktop.ui.window_menus.WindowMenus`.

Every edit goes through a core operation that returns a :class:`Perubahan`; the window shows
its ``pesan`` in the status bar and hands it to the tree, the tabs and the Beranda
(:meth:`MainWindow.apply_changes`), and each decides whether to refresh. What the window reads
after its start goes through the runner (:meth:`WindowTahun.read`): a database that cannot be
read is said in the status bar and leaves the year and the tree shown as they were.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from kinerja_desktop import APP_NAME
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.location import DatabaseLocation, parse_location
from kinerja_desktop.db.queries import latest_year, nama_kecamatan, years
from kinerja_desktop.ui.beranda import BerandaView
from kinerja_desktop.ui.beranda_tujuan import open_tujuan
from kinerja_desktop.ui.pesan import peringatan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState
from kinerja_desktop.ui.window_menus import WindowMenus
from kinerja_desktop.ui.window_settings import WindowSettings
from kinerja_desktop.ui.window_tahun import WindowTahun

if TYPE_CHECKING:  # the jabatan view's modules are imported when it is built
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QTabWidget

    from kinerja_desktop.ui.jabatan_actions import JabatanActions
    from kinerja_desktop.ui.jabatan_nodes import Node
    from kinerja_desktop.ui.jabatan_pane import JabatanPane
    from kinerja_desktop.ui.jabatan_tree import JabatanTree
    from kinerja_desktop.ui.jabatan_view import JabatanView


class MainWindow(WindowTahun, WindowMenus, QMainWindow):
    """The operator's window on the open database."""

    def __init__(
        self, db_path: DatabaseLocation | str, settings: WindowSettings | None = None
    ) -> None:
        super().__init__()
        # a file, or a database on a server (then ``db_path`` is its address)
        self.db_path = parse_location(db_path)
        # what the window remembers: for this PC, and for this database (ui/window_settings)
        self.settings = settings if settings is not None else WindowSettings(self.db_path)
        self.kecamatan = nama_kecamatan()
        self.setWindowTitle(f"{APP_NAME} — Kecamatan {self.kecamatan}".rstrip(" —"))
        self.tahun: int | None = None

        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        # the Beranda first; the jabatan view beside it, built after the first paint
        local = self.db_path if isinstance(self.db_path, Path) else None
        self.beranda = BerandaView(self.tasks, local, self.kecamatan, self)
        self.beranda.tujuan_dipilih.connect(lambda tujuan: open_tujuan(self, tujuan))
        self.pusat = QStackedWidget(self)
        self.pusat.addWidget(self.beranda)
        self.setCentralWidget(self.pusat)
        self._dilukis = False
        self._jabatan_view: JabatanView | None = None
        self._kode_menunggu: str | None = None  # the jabatan the view selects when built

        self.build_commands()
        self.undo_stack.canUndoChanged.connect(lambda _: self.update_undo_actions())
        self.undo_stack.canRedoChanged.connect(lambda _: self.update_undo_actions())
        self.undo_stack.indexChanged.connect(lambda _: self.update_undo_actions())

        self.resize(1200, 760)
        self._restore_state()

    # --- the jabatan view, built when first needed -----------------------------------------------

    @property
    def jabatan_view(self) -> "JabatanView":
        """The jabatan tree and the tabs: built after the window's first paint, or when asked
        for sooner (the window opens on the Beranda, so their modules, widgets and the read
        of every jabatan stay out of the time to the first paint)."""
        view = self._jabatan_view
        return view if view is not None else self._build_jabatan_view()

    def _build_jabatan_view(self) -> "JabatanView":
        from kinerja_desktop.ui.jabatan_view import JabatanView

        view = JabatanView(
            self.undo_stack, self.settings, self.apply_changes, self.show_error, self
        )
        self.pusat.addWidget(view)
        tree = view.tree
        tree.jabatan_selected.connect(self._jabatan_selected)
        # a search that matches nothing leaves no selection to report: the heading says so
        tree.filter_box.textChanged.connect(lambda _: view.show_heading(self.tahun))
        tree.move_requested.connect(self._move_requested)
        tree.view.customContextMenuRequested.connect(self.show_tree_menu)
        # Del and F2 act on the jabatan only while the tree has the focus: in the tables Del
        # removes rows and F2 edits the current cell
        for action in (self.act_hapus, self.act_ganti_nama):
            tree.view.addAction(action)
        view.restore_state(self.settings)
        # the tree takes the keyboard first: arrows move between jabatan at once
        self.setFocusProxy(tree.view)
        self._jabatan_view = view  # before the read: selecting reaches it through the window
        self._load_view(view)
        return view

    def _load_view(self, view: "JabatanView") -> None:
        """Read the shown year's jabatan into the view; when they cannot be read, the view
        says why in place of the tabs (Ctrl+J, a year chosen or a restore reads again)."""
        from kinerja_desktop.ui.jabatan_view import read_tree

        judul = f"Jabatan tahun {self.tahun} tidak dapat dibaca"

        def refused(pesan: str) -> None:
            self.show_read_failure(judul, pesan)
            view.show_unreadable(judul, pesan)

        pohon = self.read(lambda: read_tree(self.tahun, self.kecamatan), judul, refused)
        if pohon is None:
            return
        view.load(pohon, self._kode_menunggu)
        self.update_actions()

    @property
    def tree(self) -> "JabatanTree":
        """The jabatan tree of the jabatan view."""
        return self.jabatan_view.tree

    @property
    def right(self) -> "JabatanPane":
        """The heading and tabs of the jabatan selected in the tree."""
        return self.jabatan_view.right

    @property
    def tab_widget(self) -> "QTabWidget":
        """The tabs of the selected jabatan."""
        return self.jabatan_view.right.tab_widget

    @property
    def splitter(self) -> "JabatanView":
        """The splitter between the tree and the tabs (the jabatan view itself)."""
        return self.jabatan_view

    @property
    def jabatan_actions(self) -> "JabatanActions":
        """Add, rename, move and remove jabatan on the window's undo stack."""
        return self.jabatan_view.jabatan_actions

    @property
    def tabs(self) -> list[QWidget]:
        """Every tab of the selected jabatan, in order (built now if still pending)."""
        return self.right.tabs

    def selected_node(self) -> "Node | None":
        """The node selected in the tree; None before the jabatan view is built."""
        return self._jabatan_view.selected_node() if self._jabatan_view is not None else None

    # --- start, and the two views --------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """The first paint starts the work kept out of the start-up (:meth:`_finish_start`)."""
        if event.type() == QEvent.Type.Paint and not self._dilukis:
            self._dilukis = True
            QTimer.singleShot(0, self._finish_start)
        return super().event(event)

    def _finish_start(self) -> None:
        """After the first paint: build the jabatan view, read the Beranda's figures, build
        the tabs not built yet."""
        self.complete_menus()
        self.beranda.start()  # first: its figures are read on the worker thread meanwhile
        self.jabatan_view.right.build_all()

    def show_beranda(self) -> None:
        """Show the Beranda (toolbar, Ctrl+B)."""
        self.pusat.setCurrentWidget(self.beranda)
        self.act_beranda.setChecked(True)

    def show_jabatan_view(self) -> None:
        """Show the jabatan tree and the tabs of the selected jabatan (toolbar, Ctrl+J)."""
        view = self.jabatan_view
        if not view.is_loaded():  # its first read failed: Ctrl+J tries again
            self._load_view(view)
        view.right.building_allowed = True  # a tab opened from now on is built at once
        view.right.build_tab(view.right.tab_widget.currentIndex())  # when asked before built
        self.pusat.setCurrentWidget(view)
        self.act_jabatan.setChecked(True)
        view.tree.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- state between runs ---------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("jendela/geometri")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        tahun = self.settings.value("terakhir/tahun")
        try:
            wanted = int(tahun) if tahun is not None else None
        except (TypeError, ValueError):
            wanted = None
        if wanted not in years():
            wanted = latest_year()
        kode = self.settings.value("terakhir/jabatan")
        self.set_tahun(wanted, kode=str(kode) if kode else None)

    def save_state(self) -> None:
        """Remember the geometry, the splitter, the year, the jabatan and the tab (saved when
        chosen) for the next run."""
        self.settings.set_value("jendela/geometri", self.saveGeometry())
        if self.tahun is not None:
            self.settings.set_value("terakhir/tahun", self.tahun)
        if self._jabatan_view is not None:  # else what the last run remembered stays
            self._jabatan_view.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: "QCloseEvent") -> None:  # noqa: N802
        """Save the window state and let running work finish before closing."""
        self.save_state()
        self.tasks.wait()
        super().closeEvent(event)

    # --- jabatan --------------------------------------------------------------------------

    def select_jabatan(self, jabatan_id: int | None) -> bool:
        """Select a jabatan in the tree (as the operator would by clicking it)."""
        return self.tree.select_jabatan(jabatan_id)

    def _jabatan_selected(self, jabatan_id: int | None) -> None:
        view = self.jabatan_view
        view.right.set_jabatan(jabatan_id)
        view.show_heading(self.tahun)
        self.update_actions()
        kode = view.selected_kode()
        if kode is not None:
            self.settings.set_value("terakhir/jabatan", kode)
            view.show_found_indikator()
        if self.tahun is not None:
            self.settings.set_value("terakhir/tahun", self.tahun)

    def selected_kode(self) -> str | None:
        """The code of the selected jabatan (None for the Camat or no selection); before the
        jabatan view is built, the code it will select."""
        if self._jabatan_view is None:
            return self._kode_menunggu
        return self._jabatan_view.selected_kode()

    # --- changes --------------------------------------------------------------------------

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Show ``perubahan.pesan`` and hand the change to the tree and to every tab."""
        self.statusBar().showMessage(perubahan.pesan, 10000)
        if perubahan.tahun is not None and perubahan.tahun != self.tahun:
            # an undo or redo in another year: show that year, where the change is
            lain = perubahan.tahun
            ada = self.read(years, f"Tahun {lain} tidak ditampilkan")
            if ada is not None and lain in ada:
                node = self.selected_node()
                kode = node.kode if node is not None else self._kode_menunggu
                self.set_tahun(lain, kode=kode)
            return
        view = self._jabatan_view  # not built yet: building it reads everything
        if view is not None:
            if perubahan.jabatan_tree or perubahan.pemangku:
                self.reload_tree()
                view.show_heading(self.tahun)
            elif perubahan.indikator and (tahun := self.tahun) is not None:
                from kinerja_desktop.db.queries_jabatan import indikator_jabatan

                indikator = self.read(
                    lambda: indikator_jabatan(tahun), "Pencarian jabatan tidak diperbarui"
                )
                if indikator is not None:
                    view.set_indikator(indikator)
            view.right.apply_changes(perubahan)
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
            if node is not None and node.jenis.can_edit:  # a jabatan, not the Camat
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
        from kinerja_desktop.ui.salin_tahun_dialog import SalinTahunDialog, run_copy

        if self.tahun is None:
            return None
        if ke is None:
            ke = SalinTahunDialog.ask(self, self.tahun)
            if ke is None:
                return None
        return run_copy(self, self.tahun, ke)

    # --- reports and help -----------------------------------------------------------------

    def print_iki(self) -> None:
        """Laporan › Cetak IKI: the report dialog for the shown year and selected jabatan."""
        from kinerja_desktop.ui.report_dialog import ReportDialog

        if self.tahun is None:
            return
        from kinerja_desktop.ui.operations import build_dialog

        tahun, kode = self.tahun, self.selected_kode()
        # the window's one worker thread: reports read the database like every other job
        dialog = build_dialog(
            self,
            lambda: ReportDialog(self, tahun, kode, runner=self.tasks),
            "Cetak IKI tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    def show_about(self) -> None:
        """Bantuan › Tentang."""
        from kinerja_desktop.ui.about_dialog import show_about

        show_about(self)
