"""Writing the planning documents' workbooks top-down (Perjanjian Kinerja, Rencana Aksi,
monev): text cells that wrap and never become formulas, ruled tables with a grey header,
Rupiah as whole numbers shown ``Rp 1.250.000`` so that they still add up; and what those
workbooks share around their tables (a new workbook, a sheet printed one page wide, the head of
a jabatan's sheet, the signatory)."""

from collections.abc import Callable
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.reports.penandatangan import KOSONG, Penandatangan
from kinerja_desktop.workbook import (
    fit_row_heights,
    fit_to_page_width,
    huruf_tebal,
    sel_teks,
)

# the Indonesian language tag makes LibreOffice group with dots (Rp 1.250.000) whatever its own
# locale; Excel groups as the PC's regional settings say (dots on an Indonesian Windows)
FORMAT_RUPIAH = '[$-421]"Rp "#,##0'
FORMAT_PERSEN = "[$-421]0.0"  # 87,5 with the decimal comma, for the same reason
TINGGI_BARIS = 15.0  # points per wrapped line of Calibri 11
HURUF_PER_SATUAN = 1.0  # err taller: a row a little too tall beats cut text


def lebar_kolom(ws: Any, lebar: tuple[float, ...]) -> None:
    """Set the widths of the first columns."""
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


class Lembar:
    """Writes rows top-down on one sheet; ``r`` is the row being written."""

    def __init__(self, ws: Any, kolom: int) -> None:
        self.ws = ws
        self.kolom = kolom  # the table width, for titles that span it
        self.r = 1

    def teks(
        self,
        col: int,
        value: str,
        bold: bool = False,
        sampai: int | None = None,
        horizontal: str | None = None,
    ) -> Any:
        """A text cell at (r, col), merged up to column ``sampai``, aligned ``horizontal``
        ("center", "right"; None: the default)."""
        from openpyxl.styles import Alignment

        cell = sel_teks(self.ws, self.r, col, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=horizontal)
        if bold:
            cell.font = huruf_tebal()
        if sampai is not None and sampai > col:
            self.ws.merge_cells(
                start_row=self.r, start_column=col, end_row=self.r, end_column=sampai
            )
        return cell

    def judul(self, value: str, tengah: bool = True) -> None:
        """A bold line over the whole table width, then the next row."""
        self.teks(1, value, bold=True, sampai=self.kolom, horizontal="center" if tengah else None)
        self.r += 1

    def baris_teks(self, value: str) -> None:
        """A plain line over the whole table width, then the next row."""
        self.teks(1, value, sampai=self.kolom)
        self.r += 1

    def garis(self, cells: Any) -> None:
        """Thin borders around ``cells``."""
        from openpyxl.styles import Border, Side

        tipis = Side(style="thin")
        for cell in cells:
            cell.border = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)

    def kepala(
        self,
        judul: tuple[str, ...],
        kolom: tuple[int, ...] | None = None,
        sampai: tuple[int | None, ...] | None = None,
    ) -> None:
        """A grey header row (in columns ``kolom``, else 1, 2, …, each merged up to its
        ``sampai`` column), two lines tall for wrapped headings; then the next row."""
        from openpyxl.styles import PatternFill

        cells = []
        kolom = tuple(kolom or range(1, len(judul) + 1))
        for i, (k, c) in enumerate(zip(judul, kolom, strict=True)):
            akhir = sampai[i] if sampai else None
            cell = self.teks(c, k, bold=True, sampai=akhir, horizontal="center")
            cell.fill = PatternFill("solid", fgColor="E6E6E6")
            cells.append(cell)
        self.garis(cells)
        self.ws.row_dimensions[self.r].height = 2 * TINGGI_BARIS + 3
        self.r += 1

    def baris(self, nilai: list[Any], tengah: tuple[int, ...] = ()) -> None:
        """A ruled table row from column 1: text, numbers as they are; then the next row."""
        from openpyxl.styles import Alignment

        cells = []
        for c, v in enumerate(nilai, start=1):
            if isinstance(v, str):
                cells.append(self.teks(c, v, horizontal="center" if c in tengah else None))
            else:
                cell = self.ws.cell(row=self.r, column=c, value=v)
                cell.alignment = Alignment(vertical="top")
                cells.append(cell)
        self.garis(cells)
        self.r += 1

    def rupiah(
        self, col: int, value: int | None, bold: bool = False, sampai: int | None = None
    ) -> Any:
        """Whole Rupiah as a number shown ``Rp 1.250.000`` (merged up to column ``sampai``);
        a marked blank when not known."""
        from openpyxl.styles import Alignment

        if value is None:
            return self.teks(col, KOSONG, bold=bold, sampai=sampai)
        if sampai is not None and sampai > col:
            self.ws.merge_cells(
                start_row=self.r, start_column=col, end_row=self.r, end_column=sampai
            )
        cell = self.ws.cell(row=self.r, column=col, value=value)
        cell.number_format = FORMAT_RUPIAH
        cell.alignment = Alignment(vertical="top")
        if bold:
            cell.font = huruf_tebal()
        return cell

    def kepala_jabatan(self, judul: str, kecamatan: str, jabatan: str, pejabat: str) -> None:
        """The head of a jabatan's sheet: the title, the kecamatan line (in capitals), then
        the jabatan and who holds it, each block followed by an empty row."""
        self.judul(judul)
        self.judul(kecamatan.upper())
        self.r += 1
        self.baris_teks(f"Jabatan: {jabatan}")
        self.baris_teks(f"Pejabat: {pejabat}")
        self.r += 1

    def tanda_tangan(self, ttd: Penandatangan, kolom: int) -> None:
        """One signature block from column ``kolom`` to the table's right edge."""
        self.r += 1
        rows = (ttd.tempat_tanggal, ttd.jabatan, "", "", "", ttd.nama, ttd.pangkat, ttd.nip)
        for i, value in enumerate(rows):
            if value:
                self.teks(kolom, value, bold=i in (1, 5), sampai=self.kolom, horizontal="center")
            self.r += 1


def buku_kerja(judul: str) -> Any:
    """A workbook without sheets, titled ``judul`` and credited to the application."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = APP_NAME
    wb.properties.title = judul
    wb.remove(wb.active)
    return wb


def nama_lembar(kode: str, sudah: set[str], cadangan: str) -> str:
    """A sheet name for ``kode`` not among ``sudah`` (then added to it): Excel allows 31
    characters, so two long codes cut short could meet; the second gets "-2" (``cadangan``
    for an empty code)."""
    nama = (kode or cadangan)[:28]
    calon, n = nama, 2
    while calon in sudah:
        calon, n = f"{nama}-{n}", n + 1
    sudah.add(calon)
    return calon


def lembar_baru(
    wb: Any,
    nama: str,
    lebar: tuple[float, ...],
    kertas: str,
    isi: Callable[[Lembar], None],
    orientasi: str = "portrait",
) -> Any:
    """Add the sheet ``nama`` to ``wb`` with the column widths ``lebar``, written top-down by
    ``isi``, printed on ``kertas`` one page wide, each row tall enough for its wrapped text."""
    ws = wb.create_sheet(nama)
    lebar_kolom(ws, lebar)
    isi(Lembar(ws, len(lebar)))
    fit_to_page_width(ws, kertas, orientasi=orientasi)
    fit_row_heights(ws, TINGGI_BARIS, HURUF_PER_SATUAN)
    return ws
