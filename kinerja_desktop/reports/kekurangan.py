"""The list of desa data still missing, to print or send: per desa and due period, either
"nothing sent yet" or the indicators still missing. Periods not yet ended are left out.

    export_kekurangan(2020, "bulan", Path("E:/Kekurangan-2020.pdf"))
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.db.models import Kantor
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.reports.iki import Progress, prepare_output
from kinerja_desktop.reports.kelengkapan import (
    StatusKelengkapan,
    indikator_desa,
    kelengkapan,
)
from kinerja_desktop.workbook import save_workbook

KOLOM = ("No", "Desa/Kelurahan", "Periode", "Yang belum ada")  # the PDF's columns
SEMUA_LENGKAP = "Semua desa/kelurahan sudah lengkap untuk periode yang sudah berakhir."


@dataclass(frozen=True)
class BarisKekurangan:
    """One desa in one due period that is not complete."""

    desa: str
    periode: str  # "Februari 2020"
    kurang: tuple[tuple[str, str], ...]  # (code, name) of each indicator still missing
    semua: bool  # nothing sent at all for the period

    @property
    def missing_text(self) -> str:
        """ "Belum mengirim data (42 indikator)." or one missing indicator a line."""
        if self.semua:
            return f"Belum mengirim data ({len(self.kurang)} indikator)."
        return "\n".join(f"{k} {n}" for k, n in self.kurang)


@dataclass(frozen=True)
class DaftarKekurangan:
    """Everything the list prints."""

    judul: str
    sub_judul: str
    kaki: str  # the page footer: "Kekurangan data desa — Kecamatan Kepanjen, tahun 2020"
    baris: list[BarisKekurangan]


def default_filename(tahun: int, suffix: str) -> str:
    """``Kekurangan-Data-Desa-2020.pdf``."""
    return f"Kekurangan-Data-Desa-{tahun}{suffix}"


def daftar_kekurangan(
    tahun: int, per: str = "bulan", hari_ini: date | None = None
) -> DaftarKekurangan:
    """The missing desa data of ``tahun`` for every period ended by ``hari_ini``."""
    hari_ini = hari_ini or date.today()
    _, sel = kelengkapan(tahun, per, hari_ini)
    nama = indikator_desa(tahun)
    baris = []
    for s in sel:
        if not s.jatuh_tempo or s.status is StatusKelengkapan.DITERIMA:
            continue
        kurang = tuple((k, nama[k].nama if k in nama else "") for k in s.kurang)
        semua = s.status is StatusKelengkapan.BELUM
        baris.append(BarisKekurangan(s.nama_desa, parse_periode(s.periode).label, kurang, semua))
    kantor = Kantor.get_or_none()
    kecamatan = f"KECAMATAN {kantor.kecamatan.upper()} — " if kantor else ""
    nama_kantor = f"Kecamatan {kantor.kecamatan}, " if kantor else ""
    return DaftarKekurangan(
        judul="DATA DESA/KELURAHAN YANG BELUM LENGKAP",
        sub_judul=f"{kecamatan}TAHUN {tahun}, KEADAAN {format_tanggal(hari_ini).upper()}",
        kaki=f"Kekurangan data desa — {nama_kantor}tahun {tahun}",
        baris=baris,
    )


def export_kekurangan(
    tahun: int,
    per: str,
    target: Path,
    kertas: str | None = None,
    progress: Progress | None = None,
    hari_ini: date | None = None,
) -> Path:
    """Write the list of missing desa data to ``target`` (.pdf or .xlsx), atomically."""
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(tahun, suffix)
    )
    if progress is not None:
        progress(0, 2, "Menghitung kelengkapan")
    daftar = daftar_kekurangan(tahun, per, hari_ini)
    if progress is not None:
        progress(1, 2, "Menulis berkas")
    if suffix == ".pdf":
        return _pdf(daftar, target, kertas)
    return _xlsx(daftar, target, kertas)


def _pdf(daftar: DaftarKekurangan, target: Path, kertas: str) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from kinerja_desktop.reports.fonts import FONT
    from kinerja_desktop.reports.page import MM, build_pdf, frame_width, styles, teks

    st = styles()
    width = frame_width(kertas)
    story: list[Any] = [
        Paragraph(teks(daftar.judul), st["judul"]),
        Paragraph(teks(daftar.sub_judul), st["tengah_tebal"]),
        Spacer(1, 5 * MM),
    ]
    if not daftar.baris:
        story.append(Paragraph(SEMUA_LENGKAP, st["normal"]))
    else:
        rows: list[list[Any]] = [[Paragraph(k, st["kepala"]) for k in KOLOM]]
        for i, b in enumerate(daftar.baris, start=1):
            rows.append(
                [
                    Paragraph(str(i), st["sel_tengah"]),
                    Paragraph(teks(b.desa), st["sel"]),
                    Paragraph(teks(b.periode), st["sel"]),
                    Paragraph(teks(b.missing_text).replace("\n", "<br/>"), st["sel"]),
                ]
            )
        table = Table(
            rows,
            colWidths=[w * width for w in (0.06, 0.22, 0.16, 0.56)],
            # as in the IKI decree: a desa missing 41 indicators is a cell longer than a page;
            # it continues on the next page, with the header only at page tops
            repeatRows=1,
            splitByRow=0,
            splitInRow=60,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ]
            )
        )
        story.append(table)
    return build_pdf(
        target,
        story,
        kertas,
        judul="Data desa/kelurahan yang belum lengkap",
        footer=daftar.kaki,
    )


def _xlsx(daftar: DaftarKekurangan, target: Path, kertas: str) -> Path:
    """One row per missing indicator (Excel's tallest row cannot hold 41 lines), desa and
    period on every row so that the sheet can be filtered and sorted."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill

    from kinerja_desktop import APP_NAME
    from kinerja_desktop.workbook import (
        fit_row_heights,
        fit_to_page_width,
        huruf_tebal,
        sel_teks,
    )

    wb = Workbook()
    wb.properties.creator = APP_NAME
    ws = wb.active
    ws.title = "Kekurangan"
    wrap_lines = Alignment(wrap_text=True, vertical="top")
    kolom = ("No", "Desa/Kelurahan", "Periode", "Kode", "Indikator yang belum ada")
    for huruf, w in zip("ABCDE", (6, 26, 18, 16, 60), strict=True):
        ws.column_dimensions[huruf].width = w
    for r, teks_ in ((1, daftar.judul), (2, daftar.sub_judul)):
        sel = sel_teks(ws, r, 1, teks_)
        sel.font, sel.alignment = huruf_tebal(), wrap_lines
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(kolom))
    for c, k in enumerate(kolom, start=1):
        sel = sel_teks(ws, 4, c, k)
        sel.font, sel.alignment = huruf_tebal(), wrap_lines
        sel.fill = PatternFill("solid", fgColor="E6E6E6")
    r = 4
    for b in daftar.baris:
        isi = [("", b.missing_text)] if b.semua else list(b.kurang)
        for kode, nama in isi:
            r += 1
            ws.cell(row=r, column=1, value=r - 4).alignment = Alignment(vertical="top")
            for c, v in enumerate((b.desa, b.periode, kode, nama), start=2):
                sel_teks(ws, r, c, v).alignment = wrap_lines
    if not daftar.baris:
        sel_teks(ws, 5, 2, SEMUA_LENGKAP)
    ws.auto_filter.ref = f"A4:E{max(r, 5)}"
    fit_to_page_width(ws, kertas, baris_judul=4)
    fit_row_heights(ws, 15.0, 1.0)
    return save_workbook(wb, target)
