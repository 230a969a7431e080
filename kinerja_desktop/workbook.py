"""What every workbook we write shares: text cells that never become formulas, a print setup
on F4 or A4 paper fitted to one page wide, and the atomic save.

Used by the IKI and capaian workbooks and by the desa templates. openpyxl is imported by the
callers (never at module level here), so importing this module costs nothing at start-up.
"""

import textwrap
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.teks import aman_untuk_sel
from kinerja_desktop.fileio import atomic_write

KODE_KERTAS = {"f4": 14, "a4": 9}
"""openpyxl ``paperSize`` codes: 14 is "Folio" in Excel's list, the F4 of Indonesian offices."""


def huruf_tebal() -> Any:
    """The bold font of a workbook's titles and headers: Calibri 11 as its other cells. A
    bold font without a name and size prints in LibreOffice in its serif default."""
    from openpyxl.styles import Font

    return Font(name="Calibri", size=11, bold=True)


def sel_teks(ws: Any, baris: int, kolom: int, isi: str) -> Any:
    """Write ``isi`` into a cell as text and return the cell.

    openpyxl turns any string starting with "=" into a formula; a label, a name or a value
    typed by someone else must never become one. A control character in a stored text (from
    an older version or another office) would make openpyxl refuse the whole workbook: it is
    cleaned away here, for every text cell of every workbook we write.
    """
    sel = ws.cell(row=baris, column=kolom)
    sel.value = aman_untuk_sel(isi)
    sel.data_type = "s"
    return sel


def fit_to_page_width(
    ws: Any, kertas: str, orientasi: str = "portrait", baris_judul: int | None = None
) -> None:
    """Print ``ws`` on ``kertas`` ("f4" or "a4") one page wide and as many pages tall as
    needed, repeating row ``baris_judul`` (the table header) on every page when given."""
    ws.page_setup.paperSize = KODE_KERTAS[kertas]
    ws.page_setup.orientation = orientasi
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if baris_judul:
        ws.print_title_rows = f"{baris_judul}:{baris_judul}"


def baris_terbungkus(teks: str, lebar: float, huruf_per_satuan: float) -> int:
    """Lines ``teks`` takes when wrapped in a column ``lebar`` Excel units wide.

    Words are wrapped as a spreadsheet does (a long word alone is broken), so that a cell
    such as "Sub Bagian Umum, Kepegawaian, Keuangan dan Aset" gets the third line that
    counting characters alone misses. ``huruf_per_satuan`` is the average characters per
    width unit of the font, taken on the low side: a row a little too tall beats cut text.
    """
    per_baris = max(int(lebar * huruf_per_satuan), 1)
    return sum(max(1, len(textwrap.wrap(b, per_baris))) for b in teks.split("\n")) or 1


def fit_row_heights(
    ws: Any, tinggi_per_baris: float, huruf_per_satuan: float, tinggi_maks: float = 409
) -> None:
    """Give every row holding wrapped text the height its longest cell needs.

    LibreOffice and Excel do not grow a row for wrapped text written by openpyxl: without a
    height the text overlaps the next row or is cut. Merged cells count the width of every
    column they span; cells merged over several rows are left alone (their caller sizes them).
    """
    from openpyxl.utils import get_column_letter

    def lebar(kolom: int) -> float:
        huruf = get_column_letter(kolom)
        dim = ws.column_dimensions.get(huruf)
        return float(dim.width) if dim is not None and dim.width else 8.43

    gabungan: dict[tuple[int, int], float | None] = {}
    for rentang in ws.merged_cells.ranges:
        if rentang.min_row != rentang.max_row:
            gabungan[(rentang.min_row, rentang.min_col)] = None
            continue
        gabungan[(rentang.min_row, rentang.min_col)] = sum(
            lebar(k) for k in range(rentang.min_col, rentang.max_col + 1)
        )
    for baris in ws.iter_rows():
        perlu = 1
        for sel in baris:
            if not isinstance(sel.value, str) or not (sel.alignment and sel.alignment.wrap_text):
                continue
            kunci = (sel.row, sel.column)
            if kunci in gabungan and gabungan[kunci] is None:
                continue
            w = gabungan.get(kunci) or lebar(sel.column)
            perlu = max(perlu, baris_terbungkus(sel.value, w, huruf_per_satuan))
        if perlu > 1:
            r = baris[0].row
            ws.row_dimensions[r].height = min(perlu * tinggi_per_baris + 3, tinggi_maks)


def save_workbook(wb: Any, target: Path) -> Path:
    """Save ``wb`` to ``target`` atomically (a disk problem raises ``LingkunganBermasalah``)."""
    atomic_write(Path(target), lambda temp: wb.save(str(temp)))
    return Path(target)
