"""The main window's commands: its actions with their shortcuts, the menus (the dialogs'
actions join them after the first paint), the toolbar with the year selector, the status bar,
which actions are enabled for the selection and the undo stack, and the slots of the jabatan
actions (the tree's selection handed to
:class:`~kinerja_desktop.ui.jabatan_actions.JabatanActions`).

A mixin of :class:`~kinerja_desktop.ui.main_window.MainWindow`: the actions call the window's
own slots, and tests and dialogs reach them as the window's attributes (``window.act_tambah``,
``window.menu_data``, ``window.year_combo``).
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar

from kinerja_desktop.db.backup import daily_backup_problem
from kinerja_desktop.db.location import DatabaseLocation, short_name
from kinerja_desktop.ui.window_settings import WindowSettings

if TYPE_CHECKING:  # a mixin of the main window: typed as one, at run time a plain class
    from PySide6.QtWidgets import QMainWindow as _Window

    from kinerja_desktop.ui.jabatan_actions import JabatanActions
    from kinerja_desktop.ui.jabatan_nodes import Node
    from kinerja_desktop.ui.jabatan_tree import JabatanTree
else:
    _Window = object

Slot = Callable[[], object]


class WindowMenus(_Window):
    """Actions, menus, toolbar and status bar of the main window."""

    # what the window provides
    db_path: DatabaseLocation
    settings: WindowSettings
    tahun: int | None
    undo_stack: QUndoStack
    show_beranda: Slot
    show_jabatan_view: Slot
    copy_selection: Slot
    paste: Slot
    focus_filter: Slot
    copy_year: Slot
    print_iki: Slot
    show_about: Slot
    fill_years: Slot
    show_error: Callable[[str, str], None]
    _year_chosen: Callable[[int], None]
    selected_node: "Callable[[], Node | None]"

    if TYPE_CHECKING:  # properties of the window, built with its jabatan view

        @property
        def tree(self) -> "JabatanTree": ...

        @property
        def jabatan_actions(self) -> "JabatanActions": ...

    def build_commands(self) -> None:
        """Make the actions, menus, toolbar and status bar (once, while the window is built)."""
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()

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
        # Del and F2 act on the jabatan only while the tree has the focus (the tree takes
        # them when the jabatan view is built): in the tables Del removes rows and F2 edits
        # the current cell
        self.act_hapus.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.act_hapus, self.act_ganti_nama):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_salin_tahun = self._action(
            "&Salin Tahun…", self.copy_year, None, "Menyalin seluruh IKI tahun ini ke tahun baru"
        )
        self.act_cetak = self._action(
            "&Cetak IKI…", self.print_iki, None, "Mencetak IKI ke PDF atau Excel"
        )
        self.act_tentang = self._action(
            "&Tentang Kinerja Desktop", self.show_about, None, "Versi dan keterangan aplikasi"
        )
        self.update_undo_actions()

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
        self.fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(f"Basis data: {short_name(self.db_path)}", self)
        self.db_label.setToolTip(str(self.db_path))
        self.statusBar().addPermanentWidget(self.db_label)
        from kinerja_desktop.ui.pengguna_dialogs import add_user_label

        self.label_pengguna = add_user_label(self)
        self.statusBar().showMessage("Siap. Setiap perubahan langsung tersimpan.")
        self.show_daily_backup_problem()

    def show_daily_backup_problem(self) -> None:
        """Show in the status bar that today's automatic backup failed, if it did (once): at
        the start, and again when the start's backup (made after the first paint) is done."""
        problem = daily_backup_problem()
        if problem and not hasattr(self, "backup_warning"):
            # a failed automatic backup never stops the start, but must not go unnoticed
            self.backup_warning = QLabel("Cadangan otomatis hari ini gagal", self)
            self.backup_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.backup_warning.setToolTip(
                f"{problem}\nLihat Bantuan › Tentang Kinerja Desktop, atau cadangkan ke "
                "flashdisk lewat Berkas › Cadangkan ke…."
            )
            self.statusBar().addPermanentWidget(self.backup_warning)

    def update_actions(self) -> None:
        """Enable the jabatan actions that fit the selection and the year shown."""
        node = self.selected_node()
        editable = node is not None and node.jenis.can_edit
        for action in (self.act_ganti_nama, self.act_pindahkan, self.act_hapus):
            action.setEnabled(editable)
        has_year = self.tahun is not None
        self.act_tambah.setEnabled(has_year)
        self.act_salin_tahun.setEnabled(has_year)

    def update_undo_actions(self) -> None:
        """Enable Urungkan and Ulangi as the undo stack allows, naming the step in the menu."""
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

    def show_tree_menu(self, pos: QPoint) -> None:
        """The tree's right-click menu at ``pos``."""
        menu = QMenu(self)
        tambah = menu.addAction("Tambah Jabatan Bawahan…")
        tambah.triggered.connect(lambda *_: self.add_jabatan())
        menu.addSeparator()
        menu.addActions([self.act_ganti_nama, self.act_pindahkan, self.act_hapus])
        menu.exec(self.tree.view.viewport().mapToGlobal(pos))

    # --- the jabatan actions' slots ------------------------------------------------------------

    def add_jabatan(self) -> None:
        """Ask for a new jabatan under the selected one (or under the Camat)."""
        if self.tahun is None:
            return
        node = self.tree.selected_node()
        atasan = node if node is not None and node.jenis.can_edit else None  # not the Camat
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
        _, refused = self.jabatan_actions.attempt(
            "Jabatan tidak dipindahkan", lambda: self.jabatan_actions.move(jabatan_id, atasan_id)
        )
        if not refused:
            self.tree.select_jabatan(jabatan_id)
