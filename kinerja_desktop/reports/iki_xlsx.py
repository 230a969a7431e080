"""The IKI decree as an Excel workbook: one sheet per jabatan, ready to print.

Each sheet carries the appendix heading, INDIKATOR KINERJA INDIVIDU, 1. Jabatan, 2. Tugas,
3. Fungsi and the four-column table (sasaran merged over its indicators); the last sheet ends
with the signatory block. The table header repeats on every printed page, the paper is F4
(Folio) or A4 and the sheet is fitted to the page width. Every cell is text: a value starting
with "=" never becomes a formula.
"""

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.domain.teks import aman_untuk_sel
from kinerja_desktop.reports.iki_data import KOLOM, IndikatorIKI, JabatanIKI, LaporanIKI
from kinerja_desktop.reports.iki_struktur import (
    BARIS_FUNGSI,
    BARIS_INDIKATOR,
    BARIS_JABATAN,
    BARIS_LANJUTAN,
    BARIS_SASARAN,
    BARIS_TUGAS,
    JUDUL_MEDAN,
    KOLOM_JENIS,
    KOLOM_TERAKHIR,
    MEDAN_INDIKATOR,
    PENANDA,
    PENANDA_LANJUTAN,
    medan_indikator,
    medan_jabatan,
)
from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.workbook import baris_terbungkus, fit_to_page_width, save_workbook, sel_teks

LEBAR = (20, 28, 32, 22)  # column widths in Excel character units: about F4 width at 100%
FONT_NAME = "Arial"
FONT_SIZE = 10
LINE_HEIGHT = 12.75  # points per wrapped line of Arial 10
CHARS_PER_UNIT = 1.2
MAX_ROW_HEIGHT = 409
BULLET_TUGAS = "❖"
BARIS_KOSONG_TEMPLAT = 10  # indicator rows of the blank IKI workbook

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_MAX = 31


def unique_sheet_names(names: Iterable[str]) -> list[str]:
    """Valid, unique (case-insensitively) Excel sheet names for ``names``, in order.

    Characters Excel refuses become "-", names are cut to 31 characters, and a repeated
    title gets " (2)", " (3)" … (two jabatan may share a title).
    """
    result: list[str] = []
    used: set[str] = set()
    for name in names:
        base = _SHEET_FORBIDDEN.sub("-", aman_untuk_sel(name)).strip().strip("'").strip()
        base = base or "Jabatan"
        if len(base) > SHEET_MAX:
            # Cut at a word boundary and mark the cut with "…", so that a shortened title
            # ("Pengadministrasi Pemerintahan (Sekretaris Desa)") is never mistaken for a
            # jabatan whose whole title is the shorter one.
            cut = base[:SHEET_MAX].rsplit(" ", 1)[0].rstrip(" ,.;-(")
            if len(cut) < SHEET_MAX // 2:
                cut = base[: SHEET_MAX - 1].rstrip()
            base = cut + "…"
        candidate, n = base, 1
        while candidate.lower() in used:
            n += 1
            suffix = f" ({n})"
            candidate = base[: SHEET_MAX - len(suffix)].rstrip() + suffix
        used.add(candidate.lower())
        result.append(candidate)
    return result


def _line_count(text: str, width_chars: float) -> int:
    """Estimated wrapped lines of ``text`` in a column ``width_chars`` wide."""
    # Arial 10 fits about 1.4 average characters per width unit (measured in LibreOffice);
    # count 1.2 to err on the side of rows slightly too tall rather than cut text.
    return baris_terbungkus(text, width_chars, CHARS_PER_UNIT)


def _height(lines: float) -> float:
    # Excel refuses rows taller than 409 points: a longer indicator goes on over several
    # rows (baris_indikator); other cells are never that long
    return min(lines * LINE_HEIGHT + 4, MAX_ROW_HEIGHT)


# the most wrapped lines a row holds within Excel's 409 points
MAX_LINES = int((MAX_ROW_HEIGHT - 4) // LINE_HEIGHT)


def teks_indikator(ind: IndikatorIKI) -> tuple[str, str, str]:
    """The printed indicator, formula and sumber data cells of an indicator row.

    The IKI import compares the formula cell with this to see whether it was edited.
    """
    nama = "\n".join([ind.nama, *(f"{s.huruf}. {s.teks}" for s in ind.sub)])
    formula = "\n".join(
        [line for line in [ind.formula_satu_baris] if line.strip()]
        + [f"{s.huruf}. {s.formula or s.teks}" for s in ind.sub]
    )
    return nama, formula or "-", ind.sumber_data.strip() or "-"


def _lines_of(texts: tuple[str, ...]) -> int:
    """The wrapped lines of an indicator row holding ``texts`` in columns B, C and D."""
    return max(_line_count(t, LEBAR[col]) for col, t in enumerate(texts, start=1))


def baris_indikator(ind: IndikatorIKI) -> list[tuple[str, str, str]]:
    """The printed cells of an indicator (:func:`teks_indikator`), over as many rows as
    needed so that none is taller than a spreadsheet row may be.

    An indicator with many sub-items (ADM-SEKDES's a-l) would need a taller row; then its
    sub-items go on in the rows below, each sub-item beside its own formula. Joining each
    column's non-empty cells with line breaks gives :func:`teks_indikator` again.
    """
    whole = teks_indikator(ind)
    if not ind.sub or _lines_of(whole) <= MAX_LINES:
        return [whole]
    parts = [(ind.nama, ind.formula_satu_baris.strip(), whole[2])] + [
        (f"{s.huruf}. {s.teks}", f"{s.huruf}. {s.formula or s.teks}", "") for s in ind.sub
    ]
    rows: list[list[tuple[str, str, str]]] = [[]]
    for part in parts:
        candidate = [*rows[-1], part]
        if rows[-1] and _lines_of(_joined(candidate)) > MAX_LINES:
            rows.append([part])
        else:
            rows[-1] = candidate
    return [_joined(row) for row in rows]


def _joined(parts: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    columns = zip(*parts, strict=True)
    nama, formula, sumber = ("\n".join(t for t in column if t) for column in columns)
    return nama, formula, sumber


class _Sheet:
    """Writes one sheet row by row; every cell is forced to text."""

    def __init__(self, ws: Any, styles: dict[str, Any]) -> None:
        self.ws = ws
        self.st = styles
        self.row = 1

    def put(self, row: int, col: int, text: str, style: str = "teks") -> Any:
        cell = sel_teks(self.ws, row, col, text)
        font, alignment = self.st[style]
        cell.font = font
        cell.alignment = alignment
        return cell

    def merged(self, row: int, first: int, last: int, text: str, style: str = "teks") -> Any:
        cell = self.put(row, first, text, style)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return cell

    def height(self, row: int, lines: float) -> None:
        self.ws.row_dimensions[row].height = _height(lines)

    def mark(self, row: int, kind: str, fields: list[str] | None = None) -> None:
        """Say in the hidden columns what ``row`` is, with its hidden fields (iki_struktur)."""
        sel_teks(self.ws, row, KOLOM_JENIS, kind)
        for offset, value in enumerate(fields or []):
            if value:
                sel_teks(self.ws, row, KOLOM_JENIS + 1 + offset, value)


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    top_centre = Alignment(wrap_text=True, vertical="top", horizontal="center")
    normal = Font(name=FONT_NAME, size=FONT_SIZE)
    bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    return {
        "teks": (normal, wrap),
        "tebal": (bold, wrap),
        "judul": (Font(name=FONT_NAME, size=12, bold=True), centre),
        "kepala": (bold, centre),
        "tengah": (normal, top_centre),
        "tengah_tebal": (bold, top_centre),
        "nama": (Font(name=FONT_NAME, size=FONT_SIZE, bold=True, underline="single"), top_centre),
    }


def _heading(sh: _Sheet, laporan: LaporanIKI) -> None:
    kepala = laporan.kepala
    wide = LEBAR[2] + LEBAR[3]
    for text in (kepala.lampiran, f"NOMOR     : {kepala.nomor}", f"TENTANG : {kepala.tentang}"):
        sh.merged(sh.row, 3, 4, text)
        sh.height(sh.row, _line_count(text, wide))
        sh.row += 1
    sh.row += 1


def _uraian(sh: _Sheet, jabatan: JabatanIKI) -> None:
    sh.merged(sh.row, 1, 4, "INDIKATOR KINERJA INDIVIDU", "judul")
    sh.height(sh.row, 1.4)
    sh.row += 2
    wide = sum(LEBAR[1:])
    sh.put(sh.row, 1, "1. Jabatan", "teks")
    sh.merged(sh.row, 2, 4, f": {jabatan.nama}", "tebal")
    sh.height(sh.row, _line_count(jabatan.nama, wide))
    sh.mark(sh.row, BARIS_JABATAN, medan_jabatan(jabatan))
    sh.row += 1
    for label, kind, items in (
        ("2. Tugas", BARIS_TUGAS, jabatan.tugas),
        ("3. Fungsi", BARIS_FUNGSI, jabatan.fungsi),
    ):
        sh.put(sh.row, 1, label)
        if len(items) <= 1:
            text = f": {items[0] if items else '-'}"
            sh.merged(sh.row, 2, 4, text)
            sh.height(sh.row, _line_count(text, wide))
            sh.mark(sh.row, kind)  # also ": -": a blank template fills it in
            sh.row += 1
            continue
        sh.merged(sh.row, 2, 4, ":")
        sh.row += 1
        for item in items:
            text = f"{BULLET_TUGAS} {item}"
            sh.merged(sh.row, 2, 4, text)
            sh.height(sh.row, _line_count(text, wide))
            sh.mark(sh.row, kind)
            sh.row += 1
    sh.row += 1


def _table(sh: _Sheet, jabatan: JabatanIKI) -> int:
    """Write the IKI table; return the header row (repeated on printed pages)."""
    from openpyxl.styles import Border, PatternFill, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    # the rows of one indicator look like one cell: no line between them
    borders = {
        (True, True): border,
        (True, False): Border(left=thin, right=thin, top=thin),
        (False, False): Border(left=thin, right=thin),
        (False, True): Border(left=thin, right=thin, bottom=thin),
    }
    fill = PatternFill("solid", fgColor="E4E4E4")
    header = sh.row
    for col, text in enumerate(KOLOM, start=1):
        cell = sh.put(header, col, text, "kepala")
        cell.fill = fill
        cell.border = border
    sh.height(header, 2)
    sh.mark(header, PENANDA, [JUDUL_MEDAN[m] for m in MEDAN_INDIKATOR])
    sh.row += 1

    def row_of(texts: tuple[str, ...], first_col: int = 2, edge: Any = border) -> float:
        lines = 1
        for offset, text in enumerate(texts):
            col = first_col + offset
            sh.put(sh.row, col, text).border = edge
            lines = max(lines, _line_count(text, LEBAR[col - 1]))
        sh.height(sh.row, lines)
        sh.row += 1
        return _height(lines)

    continued = False
    for sasaran_ke, sasaran in enumerate(jabatan.sasaran, start=1):
        first = sh.row
        heights = []
        for ind in sasaran.indikator:
            rows = baris_indikator(ind)
            sh.mark(sh.row, BARIS_INDIKATOR, medan_indikator(ind, sasaran_ke))
            for n, texts in enumerate(rows):
                if n:
                    sh.mark(sh.row, BARIS_LANJUTAN)
                heights.append(row_of(texts, edge=borders[n == 0, n == len(rows) - 1]))
            continued = continued or len(rows) > 1
        if not heights:
            sh.mark(sh.row, BARIS_SASARAN, [str(sasaran_ke)])
            heights.append(row_of(("-", "-", "-")))
        sh.put(first, 1, sasaran.teks).border = border
        last = sh.row - 1
        for r in range(first + 1, last + 1):
            sh.ws.cell(row=r, column=1).border = border
        if last > first:
            sh.ws.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
        # Neither Excel nor LibreOffice grows rows for text in merged cells: make room.
        needed = _height(_line_count(sasaran.teks, LEBAR[0]))
        if needed > sum(heights):
            sh.ws.row_dimensions[last].height = min(
                heights[-1] + needed - sum(heights), MAX_ROW_HEIGHT
            )
    if not jabatan.sasaran and not jabatan.nama:
        # the blank IKI workbook: empty rows to fill, already marked as indicator rows
        for _ in range(BARIS_KOSONG_TEMPLAT):
            sh.mark(sh.row, BARIS_INDIKATOR)
            row_of(("", "", "", ""), first_col=1)
    elif not jabatan.sasaran:
        sh.merged(sh.row, 1, 4, "Belum ada sasaran dan indikator untuk jabatan ini.")
        for col in range(1, 5):
            sh.ws.cell(row=sh.row, column=col).border = border
        sh.row += 1
    if continued:
        sel_teks(sh.ws, header, KOLOM_JENIS, PENANDA_LANJUTAN)
    return header


def _signature(sh: _Sheet, laporan: LaporanIKI) -> None:
    ttd = laporan.penandatangan
    sh.row += 1
    lines: list[tuple[str, str]] = [
        (ttd.tempat_tanggal, "tengah"),
        (ttd.jabatan, "tengah_tebal"),
        ("", "tengah"),
        ("", "tengah"),
        ("", "tengah"),
        (ttd.nama, "nama"),
        (ttd.pangkat, "tengah"),
        (ttd.nip or "NIP.", "tengah"),
    ]
    for text, style in lines:
        sh.merged(sh.row, 3, 4, text, style)
        sh.row += 1


def _page_setup(ws: Any, kertas: str, header_row: int, footer: str) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    for huruf, width in zip("ABCD", LEBAR, strict=True):
        ws.column_dimensions[huruf].width = width
    fit_to_page_width(ws, kertas, baris_judul=header_row)
    ws.page_margins = PageMargins(left=0.75, right=0.5, top=0.6, bottom=0.75, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8
    ws.sheet_view.showGridLines = False
    # the structure columns (iki_struktur) are there to import the workbook again, not to print
    for col in range(KOLOM_JENIS, KOLOM_TERAKHIR + 1):
        ws.column_dimensions[get_column_letter(col)].hidden = True


def render_iki_xlsx(
    laporan: LaporanIKI, target: Path, kertas: str = "f4", progress: Progress | None = None
) -> Path:
    """Write the decree ``laporan`` as an Excel workbook (.xlsx) to ``target``.

    The file is written atomically; disk problems raise ``LingkunganBermasalah``.
    """
    from openpyxl import Workbook

    kertas = check_kertas(kertas)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = aman_untuk_sel(laporan.judul)
    wb.properties.creator = APP_NAME
    styles = _styles()
    footer = f"IKI Kecamatan {laporan.kecamatan} Tahun {laporan.tahun}"
    jabatan = laporan.jabatan
    names = unique_sheet_names(j.nama for j in jabatan) or ["IKI"]
    total = len(jabatan) + 1
    for index, (jab, name) in enumerate(zip(jabatan, names, strict=False)):
        if progress is not None:
            progress(index, total, f"Menyusun {jab.nama}")
        sh = _Sheet(wb.create_sheet(name), styles)
        _heading(sh, laporan)
        _uraian(sh, jab)
        header = _table(sh, jab)
        if index == len(jabatan) - 1:
            _signature(sh, laporan)
        _page_setup(sh.ws, kertas, header, footer)
    if not jabatan:
        sh = _Sheet(wb.create_sheet(names[0]), styles)
        _heading(sh, laporan)
        sh.put(sh.row, 1, "Belum ada jabatan pada tahun ini.")
        _page_setup(sh.ws, kertas, 1, footer)
    if progress is not None:
        progress(total - 1, total, "Menulis berkas Excel")
    return save_workbook(wb, target)
