"""The capaian report as an Excel workbook: Rekap (with a bar chart), Per Jabatan, Per Desa,
Keterangan. Text cells are forced to text (a value starting with "=" never becomes a formula);
capaian percentages are numbers so that the kabupaten can compute with them."""

from pathlib import Path
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.fileio import atomic_write
from kinerja_desktop.reports.capaian_data import BELUM, KOLOM, LaporanCapaian
from kinerja_desktop.reports.lembar import cetak_selebar_halaman, sel_teks
from kinerja_desktop.reports.page import check_kertas


def _teks(ws: Any, row: int, col: int, value: str, bold: bool = False) -> Any:
    from openpyxl.styles import Alignment, Font

    cell = sel_teks(ws, row, col, value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def _angka(ws: Any, row: int, col: int, value: float | None) -> Any:
    if value is None:
        return sel_teks(ws, row, col, BELUM)
    cell = ws.cell(row=row, column=col, value=round(value, 2))
    cell.number_format = "0.0"
    return cell


def _kepala(ws: Any, row: int, judul: tuple[str, ...]) -> None:
    from openpyxl.styles import PatternFill

    for c, k in enumerate(judul, start=1):
        _teks(ws, row, c, k, bold=True).fill = PatternFill("solid", fgColor="E6E6E6")


def _warna(cell: Any, warna: str | None) -> None:
    from openpyxl.styles import PatternFill

    if warna:
        cell.fill = PatternFill("solid", fgColor=warna.lstrip("#").upper())


def render_capaian_xlsx(laporan: LaporanCapaian, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    kertas = check_kertas(kertas)
    wb = Workbook()
    wb.properties.creator = APP_NAME
    wb.properties.title = f"Capaian IKI {laporan.periode.label}"

    rekap = wb.active
    rekap.title = "Rekap"
    _teks(rekap, 1, 1, laporan.judul, bold=True)
    _teks(rekap, 2, 1, laporan.sub_judul, bold=True)
    _kepala(rekap, 4, ("No", "Kode", "Jabatan", "Indikator ada data", "Capaian (%)", "Kategori"))
    for i, j in enumerate(laporan.jabatan, start=1):
        r = 4 + i
        rekap.cell(row=r, column=1, value=i)
        _teks(rekap, r, 2, j.kode)
        _teks(rekap, r, 3, j.nama)
        _teks(rekap, r, 4, f"{j.ada} dari {j.total}")
        _warna(_angka(rekap, r, 5, j.capaian), j.warna)
        _warna(_teks(rekap, r, 6, BELUM if j.capaian is None else j.kategori), j.warna)
    for col, lebar in zip("ABCDEF", (5, 16, 48, 12, 12, 16), strict=True):
        rekap.column_dimensions[col].width = lebar
    cetak_selebar_halaman(rekap, kertas, baris_judul=4)
    n = len(laporan.jabatan)
    if any(j.capaian is not None for j in laporan.jabatan):
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Capaian per jabatan (%)"
        chart.legend = None
        chart.add_data(Reference(rekap, min_col=5, min_row=4, max_row=4 + n), titles_from_data=True)
        chart.set_categories(Reference(rekap, min_col=2, min_row=5, max_row=4 + n))
        chart.height = max(8, n * 0.6)
        chart.width = 18
        rekap.add_chart(chart, f"A{n + 7}")

    rinci = wb.create_sheet("Per Jabatan")
    _teks(rinci, 1, 1, f"{laporan.judul} — {laporan.sub_judul}", bold=True)
    r = 3
    for nomor, j in enumerate(laporan.jabatan, start=1):
        _teks(rinci, r, 1, f"{nomor}. {j.nama} ({j.kode}) — Pemangku: {j.pemangku}", bold=True)
        r += 1
        _kepala(rinci, r, KOLOM)
        for b in j.baris:
            r += 1
            rinci.cell(row=r, column=1, value=int(b.no))
            for c, v in enumerate(
                (b.sasaran, b.indikator, b.satuan, b.target, b.realisasi), start=2
            ):
                _teks(rinci, r, c, v)
            _warna(_angka(rinci, r, 7, b.capaian_persen), b.warna)
            _warna(_teks(rinci, r, 8, b.kategori), b.warna)
            _teks(rinci, r, 9, b.keterangan)
        r += 1
        _teks(rinci, r, 2, j.ringkasan)
        r += 2
    for col, lebar in zip("ABCDEFGHI", (5, 24, 30, 10, 11, 14, 10, 13, 24), strict=True):
        rinci.column_dimensions[col].width = lebar
    cetak_selebar_halaman(rinci, kertas)

    desa = wb.create_sheet("Per Desa")
    _teks(desa, 1, 1, f"Realisasi per desa/kelurahan — {laporan.periode.label}", bold=True)
    r = 3
    if not laporan.desa:
        _teks(desa, r, 1, "Belum ada data dari desa/kelurahan pada periode ini.")
    for t in laporan.desa:
        _teks(desa, r, 1, f"{t.kode} {t.nama} ({t.lapor} dari {len(t.baris)} melapor)", bold=True)
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
    desa.column_dimensions["A"].width = 60
    desa.column_dimensions["B"].width = 18
    cetak_selebar_halaman(desa, kertas)

    ket = wb.create_sheet("Keterangan")
    _teks(ket, 1, 1, "Kategori capaian", bold=True)
    for i, (rentang, nama, warna) in enumerate(laporan.pita, start=2):
        _teks(ket, i, 1, rentang)
        _warna(_teks(ket, i, 2, nama), warna)
    r = len(laporan.pita) + 3
    _teks(ket, r, 1, "Aturan penghitungan", bold=True)
    for i, aturan in enumerate(laporan.aturan, start=r + 1):
        _teks(ket, i, 1, aturan)
        ket.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
        ket.row_dimensions[i].height = 30
    ket.column_dimensions["A"].width = 60
    ket.column_dimensions["B"].width = 40
    ttd = laporan.penandatangan
    r = len(laporan.pita) + len(laporan.aturan) + 6
    for i, baris in enumerate(
        (ttd.tempat_tanggal, ttd.jabatan, "", "", "", ttd.nama, ttd.pangkat, ttd.nip)
    ):
        if baris:
            _teks(ket, r + i, 2, baris, bold=i in (1, 5))
    cetak_selebar_halaman(ket, kertas)

    atomic_write(Path(target), lambda temp: wb.save(str(temp)))
    return Path(target)
