"""The capaian report as an Excel workbook: Rekap (with a bar chart), Per Jabatan, Per Desa,
Keterangan. Text cells are forced to text (a value starting with "=" never becomes a formula);
capaian percentages are numbers so that the kabupaten can compute with them."""

from pathlib import Path
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.reports.capaian_data import BELUM, KOLOM, LaporanCapaian
from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.workbook import (
    fit_row_heights,
    fit_to_page_width,
    huruf_tebal,
    save_workbook,
    sel_teks,
)


def _teks(ws: Any, row: int, col: int, value: str, bold: bool = False) -> Any:
    from openpyxl.styles import Alignment

    cell = sel_teks(ws, row, col, value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = huruf_tebal()
    return cell


def _angka(ws: Any, row: int, col: int, value: float | None) -> Any:
    from openpyxl.styles import Alignment

    if value is None:
        return _teks(ws, row, col, BELUM)
    cell = ws.cell(row=row, column=col, value=round(value, 2))
    cell.number_format = "0.0"
    cell.alignment = Alignment(vertical="top")
    return cell


def _nomor(ws: Any, row: int, col: int, value: int) -> Any:
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=col, value=value)
    cell.alignment = Alignment(vertical="top")  # beside wrapped text, at its first line
    return cell


def _kepala(ws: Any, row: int, judul: tuple[str, ...]) -> None:
    from openpyxl.styles import PatternFill

    for c, k in enumerate(judul, start=1):
        _teks(ws, row, c, k, bold=True).fill = PatternFill("solid", fgColor="E6E6E6")


def _warna(cell: Any, warna: str | None) -> None:
    from openpyxl.styles import PatternFill

    if warna:
        cell.fill = PatternFill("solid", fgColor=warna.lstrip("#").upper())


TINGGI_BARIS = 15.0  # points per wrapped line of Calibri 11, the workbook's font
HURUF_PER_SATUAN = 1.0  # Calibri 11 fits about 1.1 characters per width unit; err taller


def _judul(ws: Any, row: int, value: str, kolom_akhir: int) -> None:
    """A title over the whole table width: merged, so that it never wraps in column A."""
    _teks(ws, row, 1, value, bold=True)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=kolom_akhir)


def _lebar(ws: Any, lebar: tuple[float, ...]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def render_capaian_xlsx(laporan: LaporanCapaian, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically).

    Every text cell wraps inside its column and every row is as tall as its text (LibreOffice
    and Excel do not grow rows for us); titles span the table.
    """
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    kertas = check_kertas(kertas)
    wb = Workbook()
    wb.properties.creator = APP_NAME
    wb.properties.title = f"Capaian IKI {laporan.periode.label}"

    rekap = wb.active
    rekap.title = "Rekap"
    _lebar(rekap, (5, 16, 46, 14, 16, 16))
    _judul(rekap, 1, laporan.judul, 6)
    _judul(rekap, 2, laporan.sub_judul, 6)
    _kepala(rekap, 4, ("No", "Kode", "Jabatan", "Indikator ada data", "Capaian (%)", "Kategori"))
    for i, j in enumerate(laporan.jabatan, start=1):
        r = 4 + i
        _nomor(rekap, r, 1, i)
        _teks(rekap, r, 2, j.kode)
        _teks(rekap, r, 3, j.label)
        _teks(rekap, r, 4, f"{j.ada} dari {j.total}")
        _warna(_angka(rekap, r, 5, j.capaian), j.warna)
        _warna(_teks(rekap, r, 6, BELUM if j.capaian is None else j.kategori), j.warna)
    fit_to_page_width(rekap, kertas, baris_judul=4)
    n = len(laporan.jabatan)
    if any(j.capaian is not None for j in laporan.jabatan):
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Capaian per jabatan (%)"
        chart.legend = None
        chart.x_axis.scaling.orientation = "maxMin"  # jabatan top-down, as in the table
        chart.add_data(Reference(rekap, min_col=5, min_row=4, max_row=4 + n), titles_from_data=True)
        # jabatan by name, as in the table (a code such as KASUBAG-UMUM says little)
        chart.set_categories(Reference(rekap, min_col=3, min_row=5, max_row=4 + n))
        chart.height = max(8, n * 0.7)
        chart.width = 24
        rekap.add_chart(chart, f"A{n + 7}")
    fit_row_heights(rekap, TINGGI_BARIS, HURUF_PER_SATUAN)

    rinci = wb.create_sheet("Per Jabatan")
    _lebar(rinci, (5, 28, 34, 11, 15, 16, 15, 14, 30))
    _judul(rinci, 1, f"{laporan.judul} — {laporan.sub_judul}", len(KOLOM))
    r = 3
    for nomor, j in enumerate(laporan.jabatan, start=1):
        _judul(rinci, r, f"{nomor}. {j.nama} ({j.kode}) — Pemangku: {j.pemangku}", len(KOLOM))
        r += 1
        # the approval line spans the table like the title, so it never squeezes into column A
        _teks(rinci, r, 1, f"Persetujuan realisasi: {j.persetujuan}")
        rinci.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(KOLOM))
        r += 1
        _kepala(rinci, r, KOLOM)
        for b in j.baris:
            r += 1
            _nomor(rinci, r, 1, int(b.no))
            for c, v in enumerate(
                (b.sasaran, b.indikator, b.satuan, b.target, b.realisasi), start=2
            ):
                _teks(rinci, r, c, v)
            _warna(_angka(rinci, r, 7, b.capaian_persen), b.warna)
            _warna(_teks(rinci, r, 8, b.kategori), b.warna)
            _teks(rinci, r, 9, b.keterangan)
        r += 1
        _teks(rinci, r, 2, j.ringkasan)
        rinci.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(KOLOM))
        r += 2
    fit_to_page_width(rinci, kertas, orientasi="landscape")
    fit_row_heights(rinci, TINGGI_BARIS, HURUF_PER_SATUAN)

    desa = wb.create_sheet("Per Desa")
    _lebar(desa, (44, 20))
    _judul(desa, 1, f"Realisasi per desa/kelurahan — {laporan.periode.label}", 2)
    r = 3
    if not laporan.desa:
        _judul(desa, r, "Belum ada data dari desa/kelurahan pada periode ini.", 2)
        r += 2
    for t in laporan.desa:
        _judul(desa, r, f"{t.kode} {t.nama} ({t.lapor} dari {len(t.baris)} melapor)", 2)
        r += 1
        _kepala(desa, r, ("Desa/Kelurahan", "Realisasi"))
        for nama, nilai in t.baris:
            r += 1
            _teks(desa, r, 1, nama)
            _teks(desa, r, 2, nilai)
        r += 1
        _teks(desa, r, 1, "Jumlah kecamatan", bold=True)
        _teks(desa, r, 2, t.jumlah, bold=True)
        r += 2
    if laporan.desa_tanpa_data:
        _judul(desa, r, "Indikator dari desa/kelurahan yang belum ada datanya", 2)
        r += 1
        _kepala(desa, r, ("Indikator", "Jabatan"))
        for ind in laporan.desa_tanpa_data:
            r += 1
            _teks(desa, r, 1, f"{ind.kode} {ind.nama}")
            _teks(desa, r, 2, ind.jabatan)
    fit_to_page_width(desa, kertas)
    fit_row_heights(desa, TINGGI_BARIS, HURUF_PER_SATUAN)

    ket = wb.create_sheet("Keterangan")
    _lebar(ket, (30, 60))
    _teks(ket, 1, 1, "Kategori capaian", bold=True)
    for i, (rentang, nama, warna) in enumerate(laporan.pita, start=2):
        _teks(ket, i, 1, rentang)
        _warna(_teks(ket, i, 2, nama), warna)
    r = len(laporan.pita) + 3
    _teks(ket, r, 1, "Aturan penghitungan", bold=True)
    for i, aturan in enumerate(laporan.aturan, start=r + 1):
        _teks(ket, i, 1, f"• {aturan}")
        ket.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
    ttd = laporan.penandatangan
    r = len(laporan.pita) + len(laporan.aturan) + 6
    for i, baris in enumerate(
        (ttd.tempat_tanggal, ttd.jabatan, "", "", "", ttd.nama, ttd.pangkat, ttd.nip)
    ):
        if baris:
            _teks(ket, r + i, 2, baris, bold=i in (1, 5))
    fit_to_page_width(ket, kertas)
    fit_row_heights(ket, TINGGI_BARIS, HURUF_PER_SATUAN)

    return save_workbook(wb, target)
