"""The "Laporan Capaian" dialog: year, period, PDF or Excel, paper, folder and signature (by
default the Camat, dated the last day of the period); written on the window's worker thread
and then opened (see :mod:`dialog_laporan`).

The main window adds it to the Laporan menu through :func:`create_actions`.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QWidget

from kinerja_desktop.db.queries import latest_year
from kinerja_desktop.domain.periode import parse_periode, periode_terakhir_selesai, pilihan_periode
from kinerja_desktop.reports.capaian import default_filename, export_capaian
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import build_dialog
from kinerja_desktop.ui.tasks import TaskRunner, TaskState


class CapaianDialog(DialogLaporan):
    """Writes the capaian report of one year and period to a PDF or Excel file."""

    bagian_bantuan = Bagian.LAPORAN_CAPAIAN

    def __init__(
        self, parent: QWidget | None, tahun: int | None, runner: TaskRunner | None = None
    ) -> None:
        pilih = tahun if tahun is not None else latest_year()
        super().__init__(parent, "Laporan Capaian IKI", pilih, "folder_capaian", runner)
        self.periode.currentIndexChanged.connect(self.refresh_proposals)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """The period row, in the order every dialog uses."""
        self.periode = QComboBox()
        self._fill_periode()
        self.add_row("Per&iode:", self.periode)

    def _fill_periode(self) -> None:
        self.periode.blockSignals(True)
        lama = self.periode.currentData()
        self.periode.clear()
        tahun = self.tahun.currentData()
        if tahun is not None:
            for p in pilihan_periode(tahun):
                self.periode.addItem(p.label, p.id)
            bawaan = periode_terakhir_selesai(tahun, date.today()).id
            pilih = lama.replace(lama[:4], str(tahun), 1) if lama else bawaan
            index = self.periode.findData(pilih)
            self.periode.setCurrentIndex(index if index >= 0 else self.periode.findData(bawaan))
        self.periode.blockSignals(False)

    def tahun_berubah(self) -> None:
        """The same kind of period in the new year."""
        self._fill_periode()

    def nama_bawaan(self) -> str:
        """``Capaian-2020Q1``."""
        return default_filename(self.periode.currentData() or "", "")

    def tanggal_bawaan(self) -> date | None:
        """The last day of the period: a Triwulan I report is signed on 31 March."""
        periode = self.periode.currentData()
        return parse_periode(periode).tanggal_akhir if periode else None

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the report on the worker thread."""
        tahun, periode, kertas = (
            self.tahun.currentData(),
            self.periode.currentData(),
            self.kertas.currentData(),
        )

        def job(state: TaskState) -> Path:
            return export_capaian(tahun, periode, target, kertas, ttd, state.progress)

        return job


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "Laporan Capaian…" and "Kategori Capaian…" actions."""
    action = QAction("&Laporan Capaian…", window)
    action.setStatusTip("Menulis laporan capaian IKI satu periode ke PDF atau Excel")

    def open_dialog() -> None:
        dialog = build_dialog(
            window,
            lambda: CapaianDialog(
                window, getattr(window, "tahun", None), getattr(window, "tasks", None)
            ),
            "Laporan Capaian tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    action.triggered.connect(open_dialog)

    pita = QAction("&Kategori Capaian…", window)
    pita.setStatusTip("Mengubah kategori capaian (Sangat Tinggi, Tinggi, …) dan batas atasnya")

    def open_pita() -> None:
        from kinerja_desktop.ui.pita_dialog import PitaDialog

        dialog = build_dialog(
            window, lambda: PitaDialog(window), "Kategori Capaian tidak dapat dibuka"
        )
        if dialog is not None and dialog.exec() and dialog.perubahan is not None:
            apply_changes = getattr(window, "apply_changes", None)
            if apply_changes is not None:
                apply_changes(dialog.perubahan)

    pita.triggered.connect(open_pita)
    return [action, pita]
