"""Laporan › Kirim ke Kabupaten…: the one package of a period for the kabupaten, written to a
folder (a USB stick) through the same dialog design as every report."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kinerja_desktop.db.queries import latest_year
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.exchange.paket_writer import HasilPaket, write_paket
from kinerja_desktop.fileio import size_text
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.capaian_dialog import CapaianDialog
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import build_dialog
from kinerja_desktop.ui.tasks import TaskRunner, TaskState


class KirimDialog(CapaianDialog):
    """Year, period and folder; the package is written on the worker thread.

    It shares the capaian dialog's period row (same periods, same order, the last closed one
    first) but writes a whole package, so it sets the shared dialog up without file name,
    file type or signature rows (the reports inside are signed as their defaults say).
    """

    bagian_bantuan = Bagian.KIRIM_KABUPATEN

    def __init__(
        self, parent: QWidget | None, tahun: int | None, runner: TaskRunner | None = None
    ) -> None:
        pilih = tahun if tahun is not None else latest_year()
        DialogLaporan.__init__(
            self,
            parent,
            "Kirim ke Kabupaten",
            pilih,
            "folder_kirim",
            runner,
            tombol_buat="&Tulis paket",
            berkas=False,
            tanda_tangan=False,
        )
        self.status.setText(
            "Satu berkas .zip berisi laporan IKI dan capaian (PDF dan Excel), data IKI, target, "
            "realisasi dan capaian periode ini, dengan sidik SHA-256 setiap berkas. Pilih "
            "periode dan folder (flashdisk), lalu klik Tulis paket."
        )
        self.periode.currentIndexChanged.connect(self.refresh_proposals)
        self.fill_proposals()

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the package into the folder ``target`` on the worker thread."""
        tahun, periode = self.tahun.currentData(), parse_periode(self.periode.currentData())

        def job(_state: TaskState) -> HasilPaket:
            return write_paket(tahun, periode, target)

        return job

    def pesan_selesai(self, hasil: Any) -> str:
        """Which file, how large, and where."""
        return (
            f"Selesai. Paket {hasil.path.name} ({size_text(hasil.ukuran)}, "
            f"{hasil.jumlah_nilai} nilai) ditulis "
            f"ke {hasil.path.parent}. Serahkan berkas itu ke kabupaten."
        )


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "Kirim ke Kabupaten…" action."""
    action = QAction("Kirim ke Ka&bupaten…", window)
    action.setStatusTip("Menulis paket laporan dan data satu periode untuk kabupaten")

    def open_dialog() -> None:
        dialog = build_dialog(
            window,
            lambda: KirimDialog(
                window, getattr(window, "tahun", None), getattr(window, "tasks", None)
            ),
            "Kirim ke Kabupaten tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    action.triggered.connect(open_dialog)
    return [action]
