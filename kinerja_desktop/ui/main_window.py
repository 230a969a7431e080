"""The main window: the year selector, the jabatan tree on the left, the tabs of the selected
jabatan on the right, menus, toolbar, status bar and the shared undo stack.

Every edit goes through a core operation that returns a :class:`Perubahan`; the window shows
its ``pesan`` in the status bar and hands it to the tree and to every tab
(:meth:`MainWindow.apply_changes`), and each decides whether to refresh.

Long because the window's wiring (menus, toolbar, tree and tabs, year, settings, undo) is one
job whose parts call each other; the dialogs and tabs it opens live in their own modules.
"""

import importlib
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME
from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.backup import daily_backup_problem
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.kantor import nama_kecamatan
from kinerja_desktop.db.location import DatabaseLocation, parse_location, short_name
from kinerja_desktop.db.queries import latest_year, years
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.paths import data_dir
from kinerja_desktop.ui.beranda import BerandaView
from kinerja_desktop.ui.beranda_tujuan import open_tujuan
from kinerja_desktop.ui.jabatan_actions import JabatanActions
from kinerja_desktop.ui.jabatan_tree import JabatanTree, JenisNode, Node, build_tree
from kinerja_desktop.ui.operations import show_bug
from kinerja_desktop.ui.pesan import peringatan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

WINDOW_SETTINGS_FILENAME = "jendela.ini"

# The tabs of the selected jabatan, in order: (module, class, title). A new tab is one line
# here. Each class follows the tab contract: ``__init__(undo_stack, parent)``,
# ``set_jabatan(id | None)``, ``apply_changes(perubahan)``, a ``changed`` signal carrying a
# Perubahan, ``copy_selection()`` and ``paste()``.
TABS: list[tuple[str, str, str]] = [
    ("kinerja_desktop.ui.tabs.uraian_tab", "UraianTab", "Uraian"),
    ("kinerja_desktop.ui.tabs.indikator_tab", "IndikatorTab", "Indikator"),
    ("kinerja_desktop.ui.tabs.pemangku_tab", "PemangkuTab", "Pemangku"),
    ("kinerja_desktop.ui.tabs.target_tab", "TargetTab", "Target && Realisasi"),
    ("kinerja_desktop.ui.tabs.program_tab", "ProgramTab", "Program && Aksi"),
]


def window_settings() -> QSettings:
    """The window's own settings (geometry, last year and jabatan) in the data folder."""
    path = data_dir() / WINDOW_SETTINGS_FILENAME
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
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
        self._jabatan_shown: int | None = None
        self._build_right_pane()
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

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()

        self.tree.jabatan_selected.connect(self._jabatan_selected)
        # a search that matches nothing leaves no selection to report: the heading says so
        self.tree.filter_box.textChanged.connect(lambda _: self._show_heading())
        self.tree.move_requested.connect(self._move_requested)
        self.tree.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.view.customContextMenuRequested.connect(self._tree_menu)
        self.undo_stack.canUndoChanged.connect(lambda _: self._update_undo_actions())
        self.undo_stack.canRedoChanged.connect(lambda _: self._update_undo_actions())
        self.undo_stack.indexChanged.connect(lambda _: self._update_undo_actions())

        self.resize(1200, 760)
        self._restore_state()
        # the tree takes the keyboard first: arrows move between jabatan at once
        self.setFocusProxy(self.tree.view)
        self.tree.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------------

    def _build_right_pane(self) -> None:
        self.right = QWidget(self)
        self.judul = QLabel(self.right)
        self.judul.setWordWrap(True)
        self.judul.setTextFormat(Qt.TextFormat.PlainText)
        font = self.judul.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.judul.setFont(font)
        self.keterangan = QLabel(self.right)
        self.keterangan.setWordWrap(True)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_widget = QTabWidget(self.right)
        self.tab_widget.setDocumentMode(True)
        # No tab is built before the first paint (the window opens on the Beranda): each
        # starts as an empty page under its title and is built right after it (or when
        # opened, if sooner), which keeps their imports and queries out of the start-up time.
        self._mulai_selesai = False
        for module_name, class_name, title in TABS:
            page = QWidget(self.tab_widget)
            page.setProperty("tab_spec", f"{module_name}:{class_name}")
            self.tab_widget.addTab(page, title)
        self.tab_widget.currentChanged.connect(self._tab_chosen)
        self.tab_widget.currentChanged.connect(
            lambda index: self.settings.setValue("terakhir/tab", index)
        )

        self.kosong = QLabel(self.right)
        self.kosong.setWordWrap(True)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setMargin(24)
        # Long wrapped texts must not claim width from the splitter and squeeze the tree:
        # they take the width they are given and wrap within it.
        for label in (self.judul, self.keterangan, self.kosong):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pages = QStackedWidget(self.right)
        self.pages.addWidget(self.kosong)
        self.pages.addWidget(self.tab_widget)

        layout = QVBoxLayout(self.right)
        layout.setContentsMargins(8, 4, 4, 0)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.pages, 1)

    def _build_tab(self, index: int) -> QWidget | None:
        """The tab at ``index``, built now if it is still an empty page."""
        page = self.tab_widget.widget(index)
        spec = page.property("tab_spec") if page is not None else None
        if page is None or not spec:
            return page
        module_name, class_name = str(spec).split(":")
        tab_class = getattr(importlib.import_module(module_name), class_name)
        tab = tab_class(self.undo_stack, self.tab_widget)
        tab.changed.connect(self.apply_changes)
        current = self.tab_widget.currentIndex()
        self.tab_widget.blockSignals(True)
        try:
            title = self.tab_widget.tabText(index)
            self.tab_widget.insertTab(index, tab, title)
            self.tab_widget.removeTab(index + 1)
            self.tab_widget.setCurrentIndex(current)
        finally:
            self.tab_widget.blockSignals(False)
        page.deleteLater()
        if self._jabatan_shown is not None or self.tahun is not None:
            tab.set_jabatan(self._jabatan_shown)
        return tab

    def _built_tabs(self) -> list[QWidget]:
        return [
            page
            for page in (self.tab_widget.widget(i) for i in range(self.tab_widget.count()))
            if page is not None and not page.property("tab_spec")
        ]

    @property
    def tabs(self) -> list[QWidget]:
        """Every tab of the selected jabatan, in order (built now if still pending)."""
        return [self._build_tab(i) for i in range(self.tab_widget.count())]  # type: ignore[misc]

    def event(self, event: QEvent) -> bool:
        """The first paint starts the work kept out of the start-up (:meth:`_finish_start`)."""
        if event.type() == QEvent.Type.Paint and not self._dilukis:
            self._dilukis = True
            QTimer.singleShot(0, self._finish_start)
        return super().event(event)

    def _finish_start(self) -> None:
        """After the first paint: read the Beranda's figures, build the tabs not built yet."""
        self._mulai_selesai = True
        self.complete_menus()
        self.beranda.start()
        for index in range(self.tab_widget.count()):
            self._build_tab(index)

    def _tab_chosen(self, index: int) -> None:
        # a tab chosen before the first paint (the one remembered from the last run) is built
        # with the others after it: the window opens on the Beranda, where no tab shows
        if self._mulai_selesai or self.pusat.currentWidget() is self.splitter:
            self._build_tab(index)

    def show_beranda(self) -> None:
        """Show the Beranda (toolbar, Ctrl+B)."""
        self.pusat.setCurrentWidget(self.beranda)
        self.act_beranda.setChecked(True)

    def show_jabatan_view(self) -> None:
        """Show the jabatan tree and the tabs of the selected jabatan (toolbar, Ctrl+J)."""
        self._build_tab(self.tab_widget.currentIndex())  # when asked before it was built
        self.pusat.setCurrentWidget(self.splitter)
        self.act_jabatan.setChecked(True)
        self.tree.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())  # type: ignore[operator]
        return action

    def _build_actions(self) -> None:
        self.act_keluar = self._action("&Keluar", self.close, "Ctrl+Q", "Menutup aplikasi")
        self.act_beranda = self._action(
            "&Beranda", self.show_beranda, "Ctrl+B", "Yang perlu dikerjakan bulan ini (Ctrl+B)"
        )
        self.act_jabatan = self._action(
            "&Jabatan", self.show_jabatan_view, "Ctrl+J", "Pohon jabatan dan IKI-nya (Ctrl+J)"
        )
        for action in (self.act_beranda, self.act_jabatan):
            action.setCheckable(True)
        self.act_beranda.setChecked(True)
        self.act_urungkan = self._action(
            "&Urungkan", self.undo_stack.undo, None, "Membatalkan perubahan terakhir"
        )
        self.act_urungkan.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_ulangi = self._action(
            "U&langi", self.undo_stack.redo, None, "Mengulangi perubahan yang diurungkan"
        )
        self.act_ulangi.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_salin = self._action(
            "&Salin",
            self.copy_selection,
            "Ctrl+C",
            "Menyalin baris terpilih (bisa ditempel di Excel)",
        )
        self.act_tempel = self._action(
            "&Tempel", self.paste, "Ctrl+V", "Menempel baris dari Excel atau LibreOffice"
        )
        self.act_cari = self._action(
            "&Cari Jabatan",
            self.focus_filter,
            "Ctrl+F",
            "Mencari jabatan menurut nama, kode atau pegawai",
        )
        self.act_tambah = self._action(
            "&Tambah Jabatan…",
            self.add_jabatan,
            "Ctrl+N",
            "Menambah jabatan di bawah jabatan terpilih",
        )
        self.act_ganti_nama = self._action(
            "&Ganti Nama Jabatan…", self.rename_jabatan, "F2", "Mengubah nama atau kode jabatan"
        )
        self.act_pindahkan = self._action(
            "&Pindahkan ke…", self.move_jabatan, "Ctrl+M", "Memindahkan jabatan ke atasan lain"
        )
        self.act_hapus = self._action(
            "&Hapus Jabatan…", self.remove_jabatan, None, "Menghapus jabatan beserta isinya"
        )
        # Del and F2 act on the jabatan only while the tree has the focus: in the tables Del
        # removes rows and F2 edits the current cell
        self.act_hapus.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.act_hapus, self.act_ganti_nama):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.view.addAction(action)
        self.act_salin_tahun = self._action(
            "&Salin Tahun…", self.copy_year, None, "Menyalin seluruh IKI tahun ini ke tahun baru"
        )
        self.act_cetak = self._action(
            "&Cetak IKI…", self.print_iki, None, "Mencetak IKI ke PDF atau Excel"
        )
        self.act_tentang = self._action(
            "&Tentang Kinerja Desktop", self.show_about, None, "Versi dan keterangan aplikasi"
        )
        self._update_undo_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_berkas = bar.addMenu("&Berkas")
        self.menu_sunting = bar.addMenu("&Sunting")
        self.menu_data = bar.addMenu("&Data")
        self.menu_laporan = bar.addMenu("&Laporan")
        self.menu_bantuan = bar.addMenu("B&antuan")
        # The menus hold the window's own actions at once; the dialogs' actions
        # (create_actions) join them right after the first paint, or when a menu is first
        # opened if sooner: importing every dialog module to ask for its actions took half
        # of the window's construction.
        self._menu_lengkap = False
        for menu in (self.menu_berkas, self.menu_data, self.menu_laporan):
            menu.aboutToShow.connect(self.complete_menus)
        self._fill_menus()

    def complete_menus(self) -> None:
        """Add every dialog's actions to the menus (once; after the first paint)."""
        if not self._menu_lengkap:
            self._menu_lengkap = True
            self._fill_menus()

    def _fill_menus(self) -> None:
        """Fill the menus in order; the dialogs' actions once :meth:`complete_menus` asked."""

        def dari(modul: str) -> list[QAction]:
            if not self._menu_lengkap:
                return []
            actions: list[QAction] = importlib.import_module(
                f"kinerja_desktop.ui.{modul}"
            ).create_actions(self)
            return actions

        menus = (self.menu_berkas, self.menu_sunting, self.menu_data, self.menu_laporan)
        for menu in (*menus, self.menu_bantuan):
            menu.clear()  # the window's own actions stay its own; the dialogs' are new
        self.menu_berkas.addActions(dari("backup_dialogs"))
        self.menu_berkas.addSeparator()
        self.menu_berkas.addActions(dari("kantor_dialogs"))
        self.menu_berkas.addSeparator()
        self.menu_berkas.addActions(dari("pengguna_dialogs"))
        self.menu_berkas.addAction(self.act_keluar)

        self.menu_sunting.addActions([self.act_urungkan, self.act_ulangi])
        self.menu_sunting.addSeparator()
        self.menu_sunting.addActions([self.act_salin, self.act_tempel])
        self.menu_sunting.addSeparator()
        self.menu_sunting.addAction(self.act_cari)

        self.menu_data.addActions(
            [self.act_tambah, self.act_ganti_nama, self.act_pindahkan, self.act_hapus]
        )
        self.menu_data.addSeparator()
        self.menu_data.addAction(self.act_salin_tahun)
        self.menu_data.addActions(dari("keputusan_dialog"))
        self.menu_data.addActions(dari("iki_import_dialog"))
        self.menu_data.addActions(dari("riwayat_dialog"))
        self.menu_data.addSeparator()
        self.menu_data.addActions(dari("import_wizard"))
        self.menu_data.addSeparator()
        self.menu_data.addActions(dari("nilai_dialogs"))

        self.menu_laporan.addActions(dari("cetak_tampilan"))  # Ctrl+P
        self.menu_laporan.addAction(self.act_cetak)
        self.menu_laporan.addActions(dari("capaian_dialog"))
        self.menu_laporan.addActions(dari("lkjip_dialog"))
        self.menu_laporan.addActions(dari("skp_editor"))
        self.menu_laporan.addSeparator()
        self.menu_laporan.addActions(dari("dokumen_dialogs"))
        self.menu_laporan.addSeparator()
        self.menu_laporan.addActions(dari("kirim_dialog"))

        self.menu_bantuan.addActions(dari("bantuan"))  # Panduan (F1)
        self.menu_bantuan.addAction(self.act_tentang)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Alat", self)
        bar.setObjectName("toolbar_utama")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.act_beranda, self.act_jabatan])
        bar.addSeparator()
        label = QLabel(" Ta&hun: ", bar)  # Alt+H: the letter no tab or menu uses
        self.year_combo = QComboBox(bar)
        self.year_combo.setToolTip("Tahun IKI yang ditampilkan dan disunting")
        self.year_combo.setAccessibleName("Tahun")
        self.year_combo.setMinimumContentsLength(6)
        label.setBuddy(self.year_combo)
        bar.addWidget(label)
        bar.addWidget(self.year_combo)
        bar.addSeparator()
        bar.addActions([self.act_tambah, self.act_ganti_nama, self.act_pindahkan, self.act_hapus])
        bar.addSeparator()
        bar.addActions([self.act_urungkan, self.act_ulangi])
        self.addToolBar(bar)
        self.toolbar = bar
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(f"Basis data: {short_name(self.db_path)}", self)
        self.db_label.setToolTip(str(self.db_path))
        self.statusBar().addPermanentWidget(self.db_label)
        from kinerja_desktop.ui.pengguna_dialogs import add_user_label

        self.label_pengguna = add_user_label(self)
        self.statusBar().showMessage("Siap. Setiap perubahan langsung tersimpan.")
        problem = daily_backup_problem()
        if problem:
            # a failed automatic backup never stops the start, but must not go unnoticed
            self.backup_warning = QLabel("Cadangan otomatis hari ini gagal", self)
            self.backup_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.backup_warning.setToolTip(
                f"{problem}\nLihat Bantuan › Tentang, atau cadangkan ke flashdisk lewat "
                "Berkas › Cadangkan ke…."
            )
            self.statusBar().addPermanentWidget(self.backup_warning)

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for tahun in years():
                self.year_combo.addItem(str(tahun), tahun)
        finally:
            self.year_combo.blockSignals(False)

    # --- state between runs ------------------------------------------------------------------

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

    # --- year and jabatan ----------------------------------------------------------------------

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
        self._update_actions()
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
        self._update_actions()

    def show_year(self, tahun: int) -> None:
        """Show ``tahun``, also when it is new (an import or a copy made it)."""
        self._fill_years()
        self.set_tahun(tahun, kode=self._selected_kode())

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
        self._jabatan_shown = jabatan_id
        for tab in self._built_tabs():
            tab.set_jabatan(jabatan_id)  # type: ignore[attr-defined]
        self._show_heading()
        self._update_actions()
        node = self.tree.selected_node()
        if node is not None and node.jenis is JenisNode.JABATAN:
            self.settings.setValue("terakhir/jabatan", node.kode)
            self._tunjuk_indikator(node)
        if self.tahun is not None:
            self.settings.setValue("terakhir/tahun", self.tahun)

    def _tunjuk_indikator(self, node: Node) -> None:
        """A jabatan found through one of its indicators ("PKH"): that indicator is made
        current in the Indikator and Target & Realisasi tabs."""
        cocok = node.indikator_cocok(self.tree.filter_box.text().strip().lower())
        if not cocok:
            return
        indikator_id = cocok[0][0]
        for tab in self._built_tabs():
            if hasattr(tab, "select_indikator"):
                tab.select_indikator(indikator_id)

    def _show_heading(self) -> None:
        node = self.tree.selected_node()
        if self.tahun is None:
            self.judul.setText("Belum ada tahun IKI")
            self.keterangan.setText("")
            self.kosong.setText(
                "Basis data ini belum berisi tahun IKI. Impor IKI satu tahun dari buku kerja "
                "Excel (mis. hasil Cetak IKI kantor lain, atau Templat IKI yang sudah diisi) "
                "melalui Data › Impor IKI dari Excel…, atau pulihkan cadangan melalui menu Berkas."
            )
            self.pages.setCurrentWidget(self.kosong)
            return
        if node is None and self.tree.filter_box.text().strip() and not self.tree.proxy.rowCount():
            # nothing matches the search: say so here too, rather than show the Camat
            self.judul.setText("Tidak ada jabatan yang cocok")
            self.keterangan.setText("")
            self.kosong.setText(
                "Tidak ada jabatan yang cocok dengan pencarian. Ubah kata pencarian di atas "
                "pohon jabatan, atau tekan Esc di kotak pencarian untuk menampilkan semua jabatan."
            )
            self.pages.setCurrentWidget(self.kosong)
            return
        if node is None or node.jenis is JenisNode.CAMAT:
            camat = self.tree.model.root
            self.judul.setText(camat.nama if camat is not None else "Camat")
            nama = camat.pemangku[0] if camat is not None and camat.pemangku else "belum diisi"
            self.keterangan.setText(f"Tahun {self.tahun} · Penandatangan IKI: {nama}")
            self.kosong.setText(
                "Camat memimpin kecamatan; IKI disusun untuk setiap jabatan di bawahnya. "
                "Pilih salah satu jabatan pada pohon di sebelah kiri untuk melihat uraian tugas, "
                "indikator dan pemangkunya, atau tambahkan jabatan baru dengan Data › Tambah "
                "Jabatan."
            )
            self.pages.setCurrentWidget(self.kosong)
            return
        self.judul.setText(node.nama)
        pemangku = ", ".join(node.pemangku) if node.pemangku else "belum ada pemangku"
        self.keterangan.setText(f"Kode {node.kode} · Tahun {self.tahun} · Pemangku: {pemangku}")
        if self.tab_widget.count():
            self.pages.setCurrentWidget(self.tab_widget)
        else:
            self.kosong.setText("Rincian jabatan belum dapat ditampilkan pada versi ini.")
            self.pages.setCurrentWidget(self.kosong)

    def _update_actions(self) -> None:
        node = self.tree.selected_node()
        editable = node is not None and node.jenis.can_edit
        for action in (self.act_ganti_nama, self.act_pindahkan, self.act_hapus):
            action.setEnabled(editable)
        has_year = self.tahun is not None
        self.act_tambah.setEnabled(has_year)
        self.act_salin_tahun.setEnabled(has_year)

    def _update_undo_actions(self) -> None:
        stack = self.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.act_ulangi):
            return  # the window is being destroyed: the stack clears itself on the way out
        self.act_urungkan.setEnabled(stack.canUndo())
        self.act_ulangi.setEnabled(stack.canRedo())
        # the menu names the step; the toolbar keeps its short word and names it in the tooltip
        for action, word, can, step in (
            (self.act_urungkan, "&Urungkan", stack.canUndo(), stack.undoText()),
            (self.act_ulangi, "U&langi", stack.canRedo(), stack.redoText()),
        ):
            action.setText(f"{word}: {step}" if can and step else word)
            action.setIconText(word.replace("&", ""))
            action.setToolTip(action.text().replace("&", ""))

    # --- changes -------------------------------------------------------------------------------

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
        for tab in self._built_tabs():
            tab.apply_changes(perubahan)  # type: ignore[attr-defined]
        self.beranda.apply_changes(perubahan)

    def show_error(self, judul: str, pesan: str) -> None:
        """Show a refusal the operator can act on, as plain text: it quotes names the operator
        typed or a file carried, and Qt would take one holding "<b>" for markup."""
        peringatan(self, judul, pesan)

    # --- jabatan operations --------------------------------------------------------------------

    def add_jabatan(self) -> None:
        """Ask for a new jabatan under the selected one (or under the Camat)."""
        if self.tahun is None:
            return
        node = self.tree.selected_node()
        atasan = node if node is not None and node.jenis is JenisNode.JABATAN else None
        new_id = self.jabatan_actions.add_dialog(self.tahun, atasan)
        if new_id is not None:
            self.tree.select_jabatan(new_id)

    def rename_jabatan(self) -> None:
        """Rename the selected jabatan."""
        node = self.tree.selected_node()
        if node is not None:
            self.jabatan_actions.rename_dialog(node)

    def move_jabatan(self) -> None:
        """ "Pindahkan ke…": choose the new atasan of the selected jabatan."""
        node, root = self.tree.selected_node(), self.tree.model.root
        if node is not None and root is not None:
            self.jabatan_actions.move_dialog(node, root)

    def remove_jabatan(self) -> None:
        """Remove the selected jabatan after saying what goes with it."""
        node = self.tree.selected_node()
        if node is not None:
            self.jabatan_actions.remove_dialog(node)

    def _move_requested(self, jabatan_id: int, atasan_id: int | None) -> None:
        try:
            self.jabatan_actions.move(jabatan_id, atasan_id)
        except KinerjaError as exc:
            self.show_error("Jabatan tidak dipindahkan", exc.pesan)
            return
        self.tree.select_jabatan(jabatan_id)

    def _tree_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        tambah = menu.addAction("Tambah Jabatan Bawahan…")
        tambah.triggered.connect(lambda *_: self.add_jabatan())
        menu.addSeparator()
        menu.addActions([self.act_ganti_nama, self.act_pindahkan, self.act_hapus])
        menu.exec(self.tree.view.viewport().mapToGlobal(pos))

    # --- editing: copy, paste, filter ----------------------------------------------------------

    def focused_tab(self) -> QWidget | None:
        """The tab holding the keyboard focus, else the tab shown."""
        focus = QApplication.focusWidget()
        built = self._built_tabs()
        for tab in built:
            if focus is not None and (focus is tab or tab.isAncestorOf(focus)):
                return tab
        current = self.tab_widget.currentWidget()
        return (
            current if current in built and self.pages.currentWidget() is self.tab_widget else None
        )

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
        tab = self.focused_tab()
        if tab is None:
            self.statusBar().showMessage("Pilih baris pada tabel yang akan disalin.", 5000)
            return
        tab.copy_selection()  # type: ignore[attr-defined]

    def paste(self) -> None:
        """Sunting › Tempel: the focused tab pastes tab-separated rows (one undo step)."""
        tab = self.focused_tab()
        if tab is None:
            self.statusBar().showMessage("Pilih tabel tujuan sebelum menempel.", 5000)
            return
        tab.paste()  # type: ignore[attr-defined]

    def focus_filter(self) -> None:
        """Sunting › Cari Jabatan: put the cursor in the filter box."""
        self.show_jabatan_view()
        self.tree.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.filter_box.selectAll()

    # --- data: copy a year ---------------------------------------------------------------------

    def copy_year(self, ke: int | None = None) -> TaskState | None:
        """Data › Salin Tahun: copy the shown year into a new year, off the GUI thread.

        ``ke`` skips the question (tests); returns the task state of the running copy.
        """
        if self.tahun is None:
            return None
        dari = self.tahun
        if ke is None:
            from kinerja_desktop.ui.salin_tahun_dialog import SalinTahunDialog

            ke = SalinTahunDialog.tanya(self, dari)
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
            self._fill_years()
            self.set_tahun(ke, kode=self._selected_kode())
            self.statusBar().showMessage(hasil.perubahan.pesan, 10000)  # type: ignore[attr-defined]

        def failed(exc: KinerjaError) -> None:
            finish()
            self.show_error("Tahun tidak disalin", exc.pesan)

        def crashed(detail: str) -> None:
            finish()
            show_bug(self, detail)

        return self.tasks.run(job, done, failed, on_crash=crashed)

    def _selected_kode(self) -> str | None:
        node = self.tree.selected_node()
        return node.kode if node is not None and node.jenis is JenisNode.JABATAN else None

    # --- reports and help ----------------------------------------------------------------------

    def print_iki(self) -> None:
        """Laporan › Cetak IKI: the report dialog for the shown year and selected jabatan."""
        from kinerja_desktop.ui.report_dialog import ReportDialog

        if self.tahun is None:
            return
        # the window's one worker thread: reports read the database like every other job
        dialog = ReportDialog(self, self.tahun, self._selected_kode(), runner=self.tasks)
        dialog.exec()

    def show_about(self) -> None:
        """Bantuan › Tentang."""
        from kinerja_desktop.ui.about_dialog import show_about

        show_about(self)
