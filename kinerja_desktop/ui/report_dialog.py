"""The "Cetak Keputusan IKI" dialog: year, jabatan, PDF or Excel, paper, folder and signature;
the decree is written in the background and can then be opened (see :mod:`dialog_laporan`).

Opened from the Laporan menu: ``ReportDialog(window, tahun=2020, jabatan_kode=None).exec()``.
Pass the window's :class:`TaskRunner` as ``runner`` so that file work shares the one worker
thread; without it the dialog makes its own.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from kinerja_desktop.domain.jabatan import label_jabatan
from kinerja_desktop.reports.iki import default_filename, export_iki
from kinerja_desktop.reports.iki_data import daftar_jabatan
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

SEMUA_JABATAN = "Semua jabatan"


class ReportDialog(DialogLaporan):
    """Writes the IKI decree of a year to a PDF or Excel file chosen by the operator."""

    bagian_bantuan = Bagian.CETAK_IKI

    def __init__(
        self,
        parent: QWidget | None,
        tahun: int,
        jabatan_kode: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        self._jabatan_awal = jabatan_kode
        super().__init__(parent, "Cetak Keputusan IKI", tahun, "folder_iki", runner)
        self.jabatan.currentIndexChanged.connect(self.refresh_proposals)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """The jabatan row: all, or one jabatan in tree order."""
        self.jabatan = QComboBox()
        self.jabatan.setMinimumContentsLength(40)
        self.jabatan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._fill_jabatan(self._jabatan_awal)
        self.add_row("&Jabatan:", self.jabatan)

    def _fill_jabatan(self, pilih: str | None) -> None:
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem(SEMUA_JABATAN, None)
        tahun = self.tahun.currentData()
        if tahun is not None:
            daftar = daftar_jabatan(tahun)
            # two jabatan share a title in the decree: the code tells them apart
            label = label_jabatan((j.kode, j.nama) for j in daftar)
            for j in daftar:
                # indent by depth so the list reads like the jabatan tree
                self.jabatan.addItem("    " * j.kedalaman + label[j.kode], j.kode)
        self.jabatan.setCurrentIndex(max(self.jabatan.findData(pilih), 0) if pilih else 0)
        self.jabatan.blockSignals(False)

    def tahun_berubah(self) -> None:
        """Keep the chosen jabatan when the new year has it too."""
        self._fill_jabatan(self.jabatan.currentData())

    def nama_bawaan(self) -> str:
        """``IKI-2020`` or ``IKI-2020-KASI-PEM``."""
        return default_filename(self.tahun.currentData(), "", self.jabatan.currentData())

    def label_tanggal_kosong(self) -> str:
        """ "seperti pada keputusan: Januari 2020" (the decree's recorded date)."""
        from kinerja_desktop.db.queries import require_year
        from kinerja_desktop.domain.tanggal import tanggal_surat

        t = require_year(self.tahun.currentData())
        return f"seperti pada keputusan: {tanggal_surat('', t.tahun, t.bulan, t.hari)[2:]}"

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the decree on the worker thread."""
        tahun, kode, kertas = (
            self.tahun.currentData(),
            self.jabatan.currentData(),
            self.kertas.currentData(),
        )

        def job(state: TaskState) -> Path:
            return export_iki(
                tahun, target, kertas=kertas, jabatan_kode=kode, progress=state.progress, ttd=ttd
            )

        return job
