"""What every workbook we write shares: text cells that never become formulas, and a print
setup on F4 or A4 paper fitted to one page wide.

Used by the IKI and capaian workbooks and by the desa templates. openpyxl is imported by the
callers (never at module level here), so importing this module costs nothing at start-up.
"""

from typing import Any

KODE_KERTAS = {"f4": 14, "a4": 9}
"""openpyxl ``paperSize`` codes: 14 is "Folio" in Excel's list, the F4 of Indonesian offices."""


def sel_teks(ws: Any, baris: int, kolom: int, isi: str) -> Any:
    """Write ``isi`` into a cell as text and return the cell.

    openpyxl turns any string starting with "=" into a formula; a label, a name or a value
    typed by someone else must never become one.
    """
    sel = ws.cell(row=baris, column=kolom)
    sel.value = isi
    sel.data_type = "s"
    return sel


def cetak_selebar_halaman(
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
