"""Laporan › Cetak SKP…: the SKP documents of a year (every pegawai with the predikat recap, or
one pegawai) for a triwulan or the year, as a PDF to sign or an e-Kinerja workbook, through the
shared report dialog. Before anything is written the dialog lists what is missing (a pegawai
without NIP or pangkat, a jabatan without a holder) and the distribution check, so that the
Camat sees a spread outside the curve before signing.

The main window offers it as Laporan › Cetak SKP… (``skp_editor.create_actions``).
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kinerja_desktop.db.queries import latest_year
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.reports.skp import default_filename, export_skp
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.skp_bersama import pilihan_periode_skp
from kinerja_desktop.ui.tasks import TaskRunner, TaskState


class SkpLaporanDialog(DialogLaporan):
    """Writes the SKP documents of one year and period to a PDF or an Excel workbook."""

    bagian_bantuan = Bagian.SKP

    def __init__(
        self,
        parent: QWidget | None,
        tahun: int | None,
        runner: TaskRunner | None = None,
        nip: str | None = None,
    ) -> None:
        pilih = tahun if tahun is not None else latest_year()
        self._nip_awal = nip
        super().__init__(parent, "Cetak SKP Pegawai", pilih, "folder_skp", runner)
        self.setMinimumWidth(640)
        # place and date go on every page; the signer chosen here signs the office recap
        self.kotak_ttd.setTitle("Tanda tangan (tempat dan tanggal semua lembar; rekap predikat)")
        self.periode.currentIndexChanged.connect(self.refresh_proposals)
        self.pegawai.currentIndexChanged.connect(self._pegawai_berubah)
        self.fill_proposals()
        self._show_kekurangan()

    def baris_isi(self) -> None:
        """The period and pegawai rows, then what to check before signing."""
        self.periode = QComboBox()
        self.pegawai = QComboBox()
        self.periksa = QLabel()
        self.periksa.setWordWrap(True)
        self.periksa.setTextFormat(Qt.TextFormat.PlainText)
        self._fill_pilihan()
        self.add_row("Per&iode:", self.periode)
        self.add_row("Pe&gawai:", self.pegawai)
        self.form.addRow("Periksa dulu:", self.periksa)

    def _fill_pilihan(self) -> None:
        from kinerja_desktop.db.queries_skp_tahun import daftar_skp

        tahun = self.tahun.currentData()
        daftar = daftar_skp(tahun) if tahun is not None else []  # read before the combos change
        lama_periode = self.periode.currentData()
        lama_nip = self.pegawai.currentData() if self.pegawai.count() else self._nip_awal
        for combo in (self.periode, self.pegawai):
            combo.blockSignals(True)
            combo.clear()
        if tahun is not None:
            for label, ident in pilihan_periode_skp(tahun):
                self.periode.addItem(label, ident)
            if lama_periode:
                pilih = lama_periode.replace(lama_periode[:4], str(tahun), 1)
                self.periode.setCurrentIndex(max(self.periode.findData(pilih), 0))
            self.pegawai.addItem("Semua pegawai (dengan rekap predikat)", None)
            for r in daftar:
                if r.nip:
                    self.pegawai.addItem(f"{r.nama} — NIP {format_nip(r.nip)}", r.nip)
            self.pegawai.setCurrentIndex(max(self.pegawai.findData(lama_nip), 0))
        for combo in (self.periode, self.pegawai):
            combo.blockSignals(False)

    def _show_kekurangan(self) -> None:
        """List what is missing and the distribution check for the chosen year."""
        from kinerja_desktop.db.queries_skp_tahun import (
            check_kurva_tahun,
            daftar_skp,
            kekurangan_skp,
        )

        tahun = self.tahun.currentData()
        if tahun is None:
            self.periksa.setText("")
            return
        if not daftar_skp(tahun):
            self.periksa.setText(
                f"Belum ada SKP tahun {tahun}. Buat dulu di Laporan › SKP Pegawai (Buat SKP)."
            )
            self.periksa.setStyleSheet("color: #b00020;")
            return
        nip = self.pegawai.currentData()
        ids = None
        if nip:
            ids = [r.id for r in daftar_skp(tahun) if r.nip == nip]
        kurang = kekurangan_skp(tahun, ids)
        kurva = check_kurva_tahun(tahun)
        baris = [f"• {m}" for m in kurang] or ["• Data pegawai dan penilai lengkap."]
        baris += [f"• {b}" for b in kurva.ringkasan()]
        self.periksa.setText("\n".join(baris))
        merah = bool(kurang) or not kurva.is_within_curve
        self.periksa.setStyleSheet("color: #b00020;" if merah else "color: #1b5e20;")

    def _pegawai_berubah(self) -> None:
        self.refresh_proposals()
        run_once(self, self._show_kekurangan, self.show_error)  # what is missing is read

    def tahun_berubah(self) -> None:
        """The same period kind and pegawai in the new year; check again."""
        self._fill_pilihan()
        self._show_kekurangan()

    def nama_bawaan(self) -> str:
        """``SKP-2026``, ``SKP-2026Q2-<NIP>``."""
        tahun = self.tahun.currentData()
        periode = self.periode.currentData()
        return default_filename(
            tahun, None if periode == str(tahun) else periode, self.pegawai.currentData(), ""
        )

    def tanggal_bawaan(self) -> date | None:
        """The last day of the evaluated period."""
        periode = self.periode.currentData()
        return parse_periode(periode).tanggal_akhir if periode else None

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the documents on the worker thread."""
        tahun, periode, nip, kertas = (
            self.tahun.currentData(),
            self.periode.currentData(),
            self.pegawai.currentData(),
            self.kertas.currentData(),
        )

        def job(state: TaskState) -> Path:
            path, _ = export_skp(tahun, target, periode, nip, kertas, ttd, state.progress)
            return path

        return job
