"""The kabupaten report as a workbook: Rekap, Indikator Bersama and Rincian sheets, ready to
print one page wide, every text cell written as text (never a formula)."""

from pathlib import Path
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.db.kabupaten import Rekap
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu
from kinerja_desktop.reports.capaian_xlsx import HURUF_PER_SATUAN, TINGGI_BARIS
from kinerja_desktop.workbook import (
    fit_row_heights,
    fit_to_page_width,
    huruf_tebal,
    save_workbook,
    sel_teks,
)

BELUM = "belum ada data"


def _teks(ws: Any, row: int, col: int, value: str, bold: bool = False, tengah: bool = False) -> Any:
    from openpyxl.styles import Alignment

    cell = sel_teks(ws, row, col, value)
    cell.alignment = Alignment(
        wrap_text=True, vertical="top", horizontal="center" if tengah else None
    )
    if bold:
        cell.font = huruf_tebal()
    return cell


def _angka(ws: Any, row: int, col: int, value: float | None, fmt: str = "0.0") -> Any:
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=col)
    if value is None:
        cell.value = "-"
        cell.data_type = "s"
    else:
        cell.value = value
        cell.number_format = fmt
    cell.alignment = Alignment(vertical="top", horizontal="right")
    return cell


def _kepala(ws: Any, row: int, judul: tuple[str, ...]) -> None:
    from openpyxl.styles import Alignment, PatternFill

    for col, teks in enumerate(judul, start=1):
        cell = _teks(ws, row, col, teks, bold=True)
        cell.fill = PatternFill("solid", fgColor="E6E6E6")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _warna(cell: Any, warna: str | None) -> None:
    from openpyxl.styles import PatternFill

    if warna:
        cell.fill = PatternFill("solid", fgColor=warna.lstrip("#").upper())


def _lebar(ws: Any, lebar: tuple[int, ...]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def render_kabupaten_xlsx(r: Rekap, nilai: Penilaian, target: Path, kertas: str) -> Path:
    """Write the kabupaten report ``r`` as an .xlsx to ``target`` (atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    judul = f"Rekapitulasi Capaian IKI {r.kabupaten.nama} — {r.periode.label}"
    wb = Workbook()
    wb.properties.creator = APP_NAME
    wb.properties.title = judul

    ws = wb.active
    ws.title = "Rekap"
    _teks(ws, 1, 1, judul, bold=True)
    _teks(ws, 2, 1, f"{r.diterima} dari {len(r.kecamatan)} kecamatan mengirim paket; tepat "
                    f"waktu bila ditulis paling lambat {format_tanggal(r.tenggat)}.")  # fmt: skip
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    _kepala(ws, 4, ("No", "Kode", "Kecamatan", "Paket ditulis", "Indikator ada data",
                    "Capaian rata-rata (%)", "Kategori"))  # fmt: skip
    for i, k in enumerate(r.kecamatan, start=1):
        row = 4 + i
        rata, ada, total = k.capaian_rata
        pita = nilai.kategori(rata)
        ws.cell(row=row, column=1, value=i).alignment = Alignment(horizontal="center")
        _teks(ws, row, 2, k.kode)
        _teks(ws, row, 3, k.nama)
        if k.waktu_tulis is None:
            _teks(ws, row, 4, "belum ada paket")
        else:
            tepat = "tepat waktu" if k.tepat_waktu else "terlambat"
            _teks(ws, row, 4, f"{format_waktu(k.waktu_tulis)} ({tepat})")
        _teks(ws, row, 5, f"{ada} dari {total}" if total else "-")
        _warna(_angka(ws, row, 6, rata), pita.warna if pita else None)
        _warna(
            _teks(ws, row, 7, pita.nama if pita else BELUM, tengah=True),
            pita.warna if pita else None,
        )
    _lebar(ws, (5, 10, 24, 34, 12, 14, 16))
    fit_row_heights(ws, TINGGI_BARIS, HURUF_PER_SATUAN)
    fit_to_page_width(ws, kertas, baris_judul=4)

    gab = wb.create_sheet("Indikator Bersama")
    _teks(gab, 1, 1, "Indikator yang sama (nama dan jenis) di beberapa kecamatan; persentase "
                     "sebagai Σ pembilang ÷ Σ penyebut × 100%.", bold=True)  # fmt: skip
    gab.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    gab.row_dimensions[1].height = 30
    _kepala(gab, 3, ("Indikator", "Jenis", "Kecamatan", "Σ pembilang", "Σ penyebut",
                     "Nilai kabupaten"))  # fmt: skip
    berisi = [g for g in r.gabungan if g.realisasi is not None]
    if not berisi:
        _teks(gab, 4, 1, "Tidak ada indikator bersama yang berisi data pada periode ini.")
    for i, g in enumerate(berisi, start=4):
        _teks(gab, i, 1, g.nama)
        _teks(gab, i, 2, g.jenis)
        gab.cell(row=i, column=3, value=g.kecamatan)
        _angka(gab, i, 4, g.pembilang, "#,##0.##")
        _angka(gab, i, 5, g.penyebut, "#,##0.##")
        _angka(gab, i, 6, g.realisasi, "#,##0.##" if g.jenis == "jumlah" else "0.0")
    _lebar(gab, (60, 12, 11, 13, 13, 15))
    fit_row_heights(gab, TINGGI_BARIS, HURUF_PER_SATUAN)
    fit_to_page_width(gab, kertas, baris_judul=3)

    rinci = wb.create_sheet("Rincian")
    _teks(rinci, 1, 1, f"{judul}: angka setiap kecamatan persis seperti dihitung kecamatan itu.",
          bold=True)  # fmt: skip
    rinci.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    _kepala(rinci, 3, ("Kecamatan", "Jabatan", "Kode", "Indikator", "Target", "Realisasi",
                       "Capaian (%)", "Kategori"))  # fmt: skip
    row = 3
    for k in r.kecamatan:
        for b in k.indikator:
            row += 1
            _teks(rinci, row, 1, k.nama)
            _teks(rinci, row, 2, b.nama_jabatan)
            _teks(rinci, row, 3, b.kode)
            _teks(rinci, row, 4, b.nama)
            _teks(rinci, row, 5, b.target or "-")
            _angka(rinci, row, 6, b.realisasi, "#,##0.##")
            pita = nilai.kategori(b.capaian) if b.kategori else None
            warna = pita.warna if pita and pita.nama == b.kategori else None
            _warna(_angka(rinci, row, 7, b.capaian), warna)
            _warna(_teks(rinci, row, 8, b.kategori or BELUM, tengah=True), warna)
    _lebar(rinci, (16, 26, 16, 50, 10, 11, 11, 15))
    fit_row_heights(rinci, TINGGI_BARIS, HURUF_PER_SATUAN)
    rinci.auto_filter.ref = f"A3:H{max(row, 4)}"
    fit_to_page_width(rinci, kertas, orientasi="landscape", baris_judul=3)

    return save_workbook(wb, target)
