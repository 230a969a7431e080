"""The "asal angka" appendix as a sheet of a workbook."""

from typing import Any

from kinerja_desktop.reports.asal_angka import KOLOM, AsalIndikator
from kinerja_desktop.reports.asal_angka_pdf import JUDUL, PENJELASAN
from kinerja_desktop.reports.tabel_xlsx import (
    HURUF_PER_SATUAN,
    TINGGI_BARIS,
    Lembar,
    lebar_kolom,
)
from kinerja_desktop.workbook import fit_to_page_width, sesuaikan_tinggi_baris

LEBAR = (5, 40, 24, 28, 34, 20, 8)


def lembar_asal(
    wb: Any, asal: tuple[tuple[str, tuple[AsalIndikator, ...]], ...], kertas: str
) -> None:
    """Add the sheet "Asal Angka" to ``wb``."""
    ws = wb.create_sheet("Asal Angka")
    lebar_kolom(ws, LEBAR)
    s = Lembar(ws, len(LEBAR))
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
    fit_to_page_width(ws, kertas, orientasi="landscape")
    sesuaikan_tinggi_baris(ws, TINGGI_BARIS, HURUF_PER_SATUAN)
