"""Laporan › Cetak Tampilan Ini (Ctrl+P): print the report of what the main window shows.

- the Beranda: the capaian report of the period its chart shows;
- the tab Target & Realisasi: the capaian report of the shown year for its last closed period
  (the period the Laporan Capaian dialog proposes);
- the other tabs of a jabatan: that jabatan's IKI; the Camat (or no jabatan): the whole IKI.

The report is written with the dialogs' defaults (the paper of the settings, the signature as
the decree records it) into a temporary folder on the window's worker thread, then the print
dialog opens on it; the folder goes when that dialog closes. To keep the file, or to change
the signature first, use the report's own dialog in the Laporan menu.
"""

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.fileio import make_temporary_folder
from kinerja_desktop.ui.jabatan_nodes import JenisNode
from kinerja_desktop.ui.operations import run_once, show_bug
from kinerja_desktop.ui.tasks import TaskState

# the title of the tab whose report is the capaian (jabatan_pane.TABS)
TAB_CAPAIAN = "Target & Realisasi"
JUDUL_GAGAL = "Laporan tidak dapat dicetak"


@dataclass(frozen=True)
class LaporanTampilan:
    """What Ctrl+P prints: a name for messages, a file name and the writer of the PDF."""

    nama: str
    berkas: str
    tulis: Callable[[Path], Path]


def laporan_tampilan(window: Any) -> LaporanTampilan | None:
    """The report of what ``window`` shows now (None: no year to print)."""
    tahun = window.tahun
    if tahun is None:
        return None
    tab = window.tab_widget
    beranda = window.pusat.currentWidget() is window.beranda
    if beranda or (
        window.right.pages.currentWidget() is tab
        and tab.tabText(tab.currentIndex()).replace("&&", "&") == TAB_CAPAIAN
    ):
        from kinerja_desktop.domain.periode import parse_periode, periode_terakhir_selesai

        # the Beranda's chart shows its own period (read with its figures): print that one
        data = window.beranda.data if beranda else None
        periode = (
            data.periode_capaian.id
            if data is not None and data.tahun == tahun
            else periode_terakhir_selesai(tahun, date.today()).id
        )

        def write_capaian(target: Path) -> Path:
            from kinerja_desktop.reports.capaian import export_capaian

            return export_capaian(tahun, periode, target)

        label = parse_periode(periode).label
        return LaporanTampilan(f"laporan capaian {label}", f"Capaian-{periode}", write_capaian)

    node = window.tree.selected_node()
    kode = node.kode if node is not None and node.jenis is JenisNode.JABATAN else None

    def write_iki(target: Path) -> Path:
        from kinerja_desktop.reports.iki import export_iki

        return export_iki(tahun, target, jabatan_kode=kode)

    nama = f"IKI {tahun}" + (f" jabatan {kode}" if kode else " (semua jabatan)")
    return LaporanTampilan(nama, f"IKI-{tahun}" + (f"-{kode}" if kode else ""), write_iki)


class CetakTampilan(QObject):
    """Writes the report of the window's view and opens the print dialog on it."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the print dialog last opened (CetakDialog)
        self._berjalan: TaskState | None = None

    def start(self) -> TaskState | None:
        """Write the report in the background; the print dialog opens when it is there."""
        if self._berjalan is not None:
            return None
        laporan = laporan_tampilan(self.window)
        status = self.window.statusBar()
        if laporan is None:
            status.showMessage("Belum ada tahun IKI untuk dicetak.", 5000)
            return None
        folder = run_once(
            self.window,
            lambda: make_temporary_folder(Path(tempfile.gettempdir()), "cetak"),
            lambda pesan: self.window.show_error(JUDUL_GAGAL, pesan),
        )
        if folder is None:  # a full or read-only temporary folder, said in a message
            return None
        status.showMessage(f"Menyiapkan {laporan.nama} untuk dicetak …")

        def job(_state: TaskState) -> Path:
            return laporan.tulis(folder / f"{laporan.berkas}.pdf")

        def on_done(path: Path) -> None:
            self._berjalan = None
            status.clearMessage()
            self._open_print_dialog(path, folder)

        def on_failed(exc: KinerjaError) -> None:
            self._berjalan = None
            shutil.rmtree(folder, ignore_errors=True)
            self.window.show_error(JUDUL_GAGAL, exc.pesan)

        def on_crashed(detail: str) -> None:
            self._berjalan = None
            shutil.rmtree(folder, ignore_errors=True)
            show_bug(self.window, detail)

        self._berjalan = self.window.tasks.run(job, on_done, on_failed, on_crash=on_crashed)
        return self._berjalan

    def _open_print_dialog(self, path: Path, folder: Path) -> None:
        from kinerja_desktop.ui.cetak_dialog import open_print_dialog

        def refused(pesan: str) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self.window.show_error(JUDUL_GAGAL, pesan)

        def on_closed(pesan: str) -> None:
            # the PDF was closed with the dialog; its temporary folder goes now
            shutil.rmtree(folder, ignore_errors=True)
            if pesan:
                self.window.statusBar().showMessage(pesan, 10000)

        dialog = open_print_dialog(self.window, path, refused, on_closed)
        if dialog is not None:
            self.dialog = dialog
        else:
            shutil.rmtree(folder, ignore_errors=True)  # a bug: the folder goes all the same


def create_actions(window: Any) -> list[QAction]:
    """Laporan › Cetak Tampilan Ini… (Ctrl+P)."""
    pencetak = CetakTampilan(window)
    action = QAction("C&etak Tampilan Ini…", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.setStatusTip(
        "Mencetak laporan dari tampilan ini: IKI jabatan terpilih, atau laporan capaian dari "
        "tab Target & Realisasi"
    )
    action.triggered.connect(lambda *_: pencetak.start())
    return [action]
