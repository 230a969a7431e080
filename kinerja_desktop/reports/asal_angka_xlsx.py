"""The "asal angka" appendix as a sheet of a workbook."""

from typing import Any

from kinerja_desktop.reports.asal_angka import KOLOM, AsalJabatan
from kinerja_desktop.reports.asal_angka_pdf import JUDUL, PENJELASAN, TANPA_INDIKATOR
from kinerja_desktop.reports.tabel_xlsx import Lembar, lembar_baru

LEBAR = (5, 40, 24, 28, 34, 20, 8)


def lembar_asal(wb: Any, asal: AsalJabatan, kertas: str) -> None:
    """Add the sheet "Asal Angka" to ``wb``."""
    lembar_baru(wb, "Asal Angka", LEBAR, kertas, lambda s: _write_asal(s, asal), "landscape")


def _write_asal(s: Lembar, asal: AsalJabatan) -> None:
    s.judul(JUDUL)
    s.baris_teks(PENJELASAN)
    for jabatan, daftar in asal:
        s.r += 1
        s.judul(jabatan, tengah=False)
        s.kepala(KOLOM)
        for i, ind in enumerate(daftar, start=1):
            nama = f"{ind.kode} {ind.nama}"
            if not ind.asal:
                s.baris([str(i), nama, "Belum ada realisasi.", "", "", "", 0])
            for a in ind.asal:
                s.baris([str(i), nama, a.jenis, a.berkas, a.sha256, a.waktu, a.jumlah])
        if not daftar:
            s.baris(["", TANPA_INDIKATOR, "", "", "", "", ""])
