"""The right side of the main window: the heading of the selected jabatan and its tabs (or the
explanation shown instead of them: no year yet, no match for the search, the Camat).

The tabs are built lazily: each starts as an empty page under its title, and is built when
:meth:`JabatanPane.build_tab` is asked for it (after the window's first paint, or when it is
opened if sooner), which keeps their imports and queries out of the start-up time.
"""

import importlib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.ui.jabatan_nodes import JenisNode, Node
from kinerja_desktop.ui.window_settings import WindowSettings

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


class JabatanPane(QWidget):
    """The heading and the tabs of the jabatan selected in the tree."""

    def __init__(
        self,
        undo_stack: QUndoStack,
        settings: WindowSettings,
        on_changes: Callable[[Perubahan], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._on_changes = on_changes
        # a tab chosen before the window allows building (the one remembered from the last
        # run) is built with the others after the first paint: the window opens on the Beranda
        self.building_allowed = False
        self._jabatan_id: int | None = None
        self._told = False  # whether set_jabatan was called: a new tab is told the same

        self.judul = QLabel(self)
        self.judul.setWordWrap(True)
        self.judul.setTextFormat(Qt.TextFormat.PlainText)
        font = self.judul.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.judul.setFont(font)
        self.keterangan = QLabel(self)
        self.keterangan.setWordWrap(True)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        for module_name, class_name, title in TABS:
            page = QWidget(self.tab_widget)
            page.setProperty("tab_spec", f"{module_name}:{class_name}")
            self.tab_widget.addTab(page, title)
        self.tab_widget.currentChanged.connect(self._tab_chosen)
        self.tab_widget.currentChanged.connect(
            lambda index: settings.set_value("terakhir/tab", index)
        )

        self.kosong = QLabel(self)
        self.kosong.setWordWrap(True)
        self.kosong.setTextFormat(Qt.TextFormat.PlainText)  # a message may quote a file's name
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setMargin(24)
        # Long wrapped texts must not claim width from the splitter and squeeze the tree:
        # they take the width they are given and wrap within it.
        for label in (self.judul, self.keterangan, self.kosong):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.kosong)
        self.pages.addWidget(self.tab_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 0)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.pages, 1)

    # --- the tabs, built when first needed ---------------------------------------------------

    def build_tab(self, index: int) -> QWidget | None:
        """The tab at ``index``, built now if it is still an empty page."""
        page = self.tab_widget.widget(index)
        spec = page.property("tab_spec") if page is not None else None
        if page is None or not spec:
            return page
        module_name, class_name = str(spec).split(":")
        tab_class = getattr(importlib.import_module(module_name), class_name)
        tab = tab_class(self._undo_stack, self.tab_widget)
        tab.changed.connect(self._on_changes)
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
        if self._told:
            tab.set_jabatan(self._jabatan_id)
        return tab

    def build_all(self) -> None:
        """Build every tab not built yet (right after the window's first paint)."""
        self.building_allowed = True
        for index in range(self.tab_widget.count()):
            self.build_tab(index)

    def built_tabs(self) -> list[QWidget]:
        """The tabs built so far, in order (the others have nothing to refresh yet)."""
        return [
            page
            for page in (self.tab_widget.widget(i) for i in range(self.tab_widget.count()))
            if page is not None and not page.property("tab_spec")
        ]

    @property
    def tabs(self) -> list[QWidget]:
        """Every tab, in order (built now if still pending)."""
        return [self.build_tab(i) for i in range(self.tab_widget.count())]  # type: ignore[misc]

    def _tab_chosen(self, index: int) -> None:
        if self.building_allowed:
            self.build_tab(index)

    def focused_tab(self) -> QWidget | None:
        """The tab holding the keyboard focus, else the tab shown."""
        focus = QApplication.focusWidget()
        built = self.built_tabs()
        for tab in built:
            if focus is not None and (focus is tab or tab.isAncestorOf(focus)):
                return tab
        current = self.tab_widget.currentWidget()
        return (
            current if current in built and self.pages.currentWidget() is self.tab_widget else None
        )

    # --- what the tabs are told ---------------------------------------------------------------

    def set_jabatan(self, jabatan_id: int | None) -> None:
        """Show ``jabatan_id`` (None: none, e.g. the Camat) in every tab."""
        self._jabatan_id, self._told = jabatan_id, True
        for tab in self.built_tabs():
            tab.set_jabatan(jabatan_id)  # type: ignore[attr-defined]

    def select_indikator(self, indikator_id: int) -> None:
        """Make the indicator current in the tabs that list indicators."""
        for tab in self.built_tabs():
            if hasattr(tab, "select_indikator"):
                tab.select_indikator(indikator_id)

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Hand a change to every tab built; each decides whether to refresh."""
        for tab in self.built_tabs():
            tab.apply_changes(perubahan)  # type: ignore[attr-defined]

    # --- the heading ---------------------------------------------------------------------------

    def show_heading(
        self, tahun: int | None, node: Node | None, camat: Node | None, no_match: bool
    ) -> None:
        """Name the selected ``node`` of year ``tahun`` above its tabs, or explain why no tab
        shows: no year yet, a search that matches nothing (``no_match``), or the Camat."""
        if tahun is None:
            self._explain(
                "Belum ada tahun IKI",
                "",
                "Basis data ini belum berisi tahun IKI. Impor IKI satu tahun dari buku kerja "
                "Excel (mis. hasil Cetak IKI kantor lain, atau Templat IKI yang sudah diisi) "
                "melalui Data › Impor IKI dari Excel…, atau pulihkan cadangan melalui menu Berkas.",
            )
            return
        if node is None and no_match:
            # nothing matches the search: say so here too, rather than show the Camat
            self._explain(
                "Tidak ada jabatan yang cocok",
                "",
                "Tidak ada jabatan yang cocok dengan pencarian. Ubah kata pencarian di atas "
                "pohon jabatan, atau tekan Esc di kotak pencarian untuk menampilkan semua jabatan.",
            )
            return
        if node is None or node.jenis is JenisNode.CAMAT:
            nama = camat.pemangku[0] if camat is not None and camat.pemangku else "belum diisi"
            self._explain(
                camat.nama if camat is not None else "Camat",
                f"Tahun {tahun} · Penandatangan IKI: {nama}",
                "Camat memimpin kecamatan; IKI disusun untuk setiap jabatan di bawahnya. "
                "Pilih salah satu jabatan pada pohon di sebelah kiri untuk melihat uraian tugas, "
                "indikator dan pemangkunya, atau tambahkan jabatan baru dengan Data › Tambah "
                "Jabatan.",
            )
            return
        self.judul.setText(node.nama)
        pemangku = ", ".join(node.pemangku) if node.pemangku else "belum ada pemangku"
        self.keterangan.setText(f"Kode {node.kode} · Tahun {tahun} · Pemangku: {pemangku}")
        self.pages.setCurrentWidget(self.tab_widget)

    def show_unreadable(self, judul: str, pesan: str) -> None:
        """Say why no jabatan is shown: they could not be read (``pesan``: why, what to do)."""
        self._explain(judul, "", pesan)

    def _explain(self, judul: str, keterangan: str, penjelasan: str) -> None:
        self.judul.setText(judul)
        self.keterangan.setText(keterangan)
        self.kosong.setText(penjelasan)
        self.pages.setCurrentWidget(self.kosong)
