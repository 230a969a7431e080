"""The year the main window shows, and the reads an action of the operator needs after the
start: the year selector, choosing or showing a year, reading the tree of the shown year again.

A mixin of :class:`~kinerja_desktop.ui.main_window.MainWindow`. Every read goes through the
runner (:meth:`WindowTahun.read`): a database that cannot be read (damaged, gone, a server
dropped) is said in the status bar, the year selector goes back to the year shown and the tree
stays as it was.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QComboBox

from kinerja_desktop.db.queries import years

if TYPE_CHECKING:  # a mixin of the main window: typed as one, at run time a plain class
    from PySide6.QtWidgets import QMainWindow as _Window

    from kinerja_desktop.ui.beranda import BerandaView
    from kinerja_desktop.ui.jabatan_nodes import Node
    from kinerja_desktop.ui.jabatan_view import JabatanView
else:
    _Window = object

T = TypeVar("T")


class WindowTahun(_Window):
    """The shown year and the window's reads after the start."""

    # what the window provides
    tahun: int | None
    kecamatan: str
    year_combo: QComboBox
    beranda: "BerandaView"
    _jabatan_view: "JabatanView | None"
    _kode_menunggu: str | None
    update_actions: Callable[[], None]
    selected_kode: Callable[[], str | None]
    selected_node: "Callable[[], Node | None]"
    _load_view: "Callable[[JabatanView], None]"

    def read(
        self, op: Callable[[], T], judul: str, on_refused: Callable[[str], None] | None = None
    ) -> T | None:
        """Run ``op``, a read an action of the operator needs after the start; None when it
        failed. A refusal or a database that cannot be read (damaged, gone, a server dropped)
        is said in the status bar after ``judul`` (what was not done; ``on_refused`` instead
        when given), a bug in the bug dialog; the caller then changes nothing."""
        from kinerja_desktop.ui.operations import run_once  # not needed before the first paint

        def refused(pesan: str) -> None:
            self.show_read_failure(judul, pesan)

        return run_once(self, op, on_refused or refused)

    def show_read_failure(self, judul: str, pesan: str) -> None:
        """Say in the status bar, until the next message, what was not done and why; the bar
        cuts a long message at the window's edge, so its tooltip holds the whole of it."""
        bar, teks = self.statusBar(), f"{judul}: {pesan}"
        if not bar.property("tip_pesan"):  # the tooltip goes with the message it belongs to
            bar.setProperty("tip_pesan", True)
            bar.messageChanged.connect(
                lambda shown: bar.setToolTip("") if shown != bar.toolTip() else None
            )
        bar.setToolTip(teks)
        bar.showMessage(teks)

    def fill_years(self) -> list[int]:
        """List the years of the database in the year selector; returns them. The selector is
        changed only once they are read."""
        daftar = years()
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for tahun in daftar:
                self.year_combo.addItem(str(tahun), tahun)
        finally:
            self.year_combo.blockSignals(False)
        return daftar

    def _show_year_in_combo(self, tahun: int | None) -> None:
        index = self.year_combo.findData(tahun)
        if index >= 0 and index != self.year_combo.currentIndex():
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(index)
            self.year_combo.blockSignals(False)

    def set_tahun(self, tahun: int | None, kode: str | None = None) -> bool:
        """Show the year ``tahun``; select the jabatan with ``kode`` when given and present
        (before the jabatan view is built, it selects ``kode`` when it is). False when the
        jabatan of ``tahun`` cannot be read: the status bar says why, the year shown stays
        and the year selector goes back to it."""
        pohon = None
        if self._jabatan_view is not None:
            from kinerja_desktop.ui.jabatan_view import read_tree

            pohon = self.read(
                lambda: read_tree(tahun, self.kecamatan), f"Tahun {tahun} tidak ditampilkan"
            )
            if pohon is None:
                self._show_year_in_combo(self.tahun)
                return False
        self.tahun = tahun
        self._show_year_in_combo(tahun)
        if self._jabatan_view is not None and pohon is not None:
            self._jabatan_view.load(pohon, kode)
        else:
            self._kode_menunggu = kode
        self.update_actions()
        self.beranda.set_tahun(tahun)
        return True

    def reload_tree(self) -> None:
        """Read the jabatan of the shown year again, keeping the selection when possible (a
        failed read leaves the tree as it was, the status bar says why)."""
        view = self._jabatan_view
        if view is None:  # building it will read them
            return
        if not view.is_loaded():
            self._load_view(view)
            return
        from kinerja_desktop.ui.jabatan_view import read_tree

        tahun = self.tahun
        judul = "Pohon jabatan tidak diperbarui"
        pohon = self.read(lambda: read_tree(tahun, self.kecamatan), judul)
        if pohon is not None:
            view.reload(pohon)
            self.update_actions()

    def show_year(self, tahun: int) -> bool:
        """Show ``tahun``, also when it is new (an import or a copy made it); False when the
        years or its jabatan cannot be read (the status bar says why)."""
        if self.read(self.fill_years, f"Tahun {tahun} tidak ditampilkan") is None:
            self._show_year_in_combo(self.tahun)
            return False
        return self.set_tahun(tahun, kode=self.selected_kode())

    def _year_chosen(self, index: int) -> None:
        tahun = self.year_combo.itemData(index)
        if tahun is not None and tahun != self.tahun:
            node = self.selected_node()
            kode = node.kode if node is not None else self._kode_menunggu
            if self.set_tahun(int(tahun), kode=kode):
                self.statusBar().showMessage(f"Menampilkan IKI tahun {tahun}.", 5000)
