"""A small reader of the cells of a guarded workbook, straight from its XML parts.

openpyxl needs about 0.2 s per workbook and calamine hides formulas; the import needs neither
styles nor charts, only each cell's kind (number, text, formula, error) and value, and must
see a formula typed into a numeric cell. SpreadsheetML is read here directly from the parts the
guard already checked (see :mod:`.guard`), ignoring XML namespaces so that "Strict Open XML"
files saved by Excel read the same as transitional ones.
"""

import posixpath
import re
from dataclasses import dataclass
from enum import StrEnum
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from kinerja_desktop.exchange.guard import BukuKerjaMentah
from kinerja_desktop.exchange.refusal import BerkasDitolak


class CellKind(StrEnum):
    """What a cell holds, as far as the import cares."""

    ANGKA = "angka"
    TEKS = "teks"
    RUMUS = "rumus"
    LOGIKA = "logika"
    GALAT = "galat"
    TANGGAL = "tanggal"
    """A number shown as a date or time: Excel turned what was typed ("6/1", "1-6") into one."""


@dataclass(frozen=True)
class WorkbookCell:
    """One non-empty cell: its kind, its value (number or text) and its formula, if any."""

    jenis: CellKind
    nilai: float | str | bool | None
    rumus: str = ""


@dataclass(frozen=True)
class Lembar:
    """One worksheet: its name, visibility and non-empty cells keyed by (row, column), 1-based."""

    nama: str
    keadaan: str  # "visible", "hidden" or "veryHidden"
    sel: dict[tuple[int, int], WorkbookCell]


_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")

_FORMAT_TANGGAL_BAWAAN = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
"""Excel's built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East
Asian ones an Indonesian Excel can still pick)."""

_BUKAN_KODE_TANGGAL = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""Parts of a format code that are not date tokens: quoted text, [colour]/[$-421] sections,
escaped characters and padding."""


def format_tanggal(kode: str) -> bool:
    """Whether a custom number format code shows a date or a time (``dd/mm/yyyy``, ``h:mm``)."""
    return bool(re.search(r"[dmyhs]", _BUKAN_KODE_TANGGAL.sub("", kode.lower())))


def kolom_ke_angka(huruf: str) -> int:
    """Column letters to a 1-based number: A -> 1, Z -> 26, AA -> 27."""
    angka = 0
    for h in huruf:
        angka = angka * 26 + (ord(h) - 64)
    return angka


def angka_ke_kolom(angka: int) -> str:
    """A 1-based column number to letters: 1 -> A, 27 -> AA."""
    huruf = ""
    while angka:
        angka, sisa = divmod(angka - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def nama_sel(baris: int, kolom: int) -> str:
    """The A1-style name of a cell, as shown in Excel's name box."""
    return f"{angka_ke_kolom(kolom)}{baris}"


def _lokal(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _anak(el: Element, nama: str) -> Element | None:
    for c in el:
        if _lokal(c.tag) == nama:
            return c
    return None


def _teks_kaya(el: Element) -> str:
    # a shared or inline string is either <t> or runs <r><t>..</t></r>; phonetic <rPh> is skipped
    bagian = []
    for c in el:
        nama = _lokal(c.tag)
        if nama == "t":
            bagian.append(c.text or "")
        elif nama == "r":
            t = _anak(c, "t")
            bagian.append(t.text or "" if t is not None else "")
    return "".join(bagian)


def _atribut(el: Element, nama: str) -> str | None:
    for kunci, nilai in el.attrib.items():
        if _lokal(kunci) == nama:
            return nilai
    return None


class PembacaXlsx:
    """Reads sheets of one guarded workbook on demand."""

    def __init__(self, buku: BukuKerjaMentah) -> None:
        self.buku = buku
        self._shared: list[str] | None = None
        self._gaya_tanggal: frozenset[int] | None = None
        self.lembar_info = self._daftar_lembar()

    def _xml(self, nama: str) -> Element:
        data = self.buku.bagian.get(nama)
        if data is None:
            # names in a zip are case-sensitive, references inside the workbook sometimes not
            cocok = [k for k in self.buku.bagian if k.lower() == nama.lower()]
            data = self.buku.bagian[cocok[0]] if cocok else None
        if data is None:
            raise BerkasDitolak(
                self.buku.path,
                f"bagian {nama} tidak ada di dalam arsip; berkas rusak. "
                "Salin ulang berkas dari komputer desa.",
            )
        try:
            return fromstring(data)
        except (ParseError, DefusedXmlException) as exc:
            raise BerkasDitolak(
                self.buku.path,
                f"bagian {nama} rusak dan tidak dapat dibaca. "
                "Salin ulang berkas dari komputer desa.",
            ) from exc

    def _daftar_lembar(self) -> list[tuple[str, str, str]]:
        """(name, state, part path) of every worksheet, in workbook order."""
        nama_wb = "xl/workbook.xml"
        wb = self._xml(nama_wb)
        rels_path = "xl/_rels/workbook.xml.rels"
        rels = self._xml(rels_path)
        target = {}
        for rel in rels:
            rid, tujuan = rel.get("Id"), rel.get("Target") or ""
            if tujuan.startswith("/"):
                target[rid] = tujuan.lstrip("/")
            else:
                target[rid] = posixpath.normpath(posixpath.join("xl", tujuan))
        hasil = []
        sheets = _anak(wb, "sheets")
        for s in sheets if sheets is not None else []:
            rid = _atribut(s, "id")
            hasil.append((s.get("name") or "", s.get("state") or "visible", target.get(rid, "")))
        return hasil

    @property
    def nama_lembar(self) -> list[str]:
        """Names of the worksheets in workbook order."""
        return [n for n, _, _ in self.lembar_info]

    def _shared_strings(self) -> list[str]:
        if self._shared is None:
            nama = next((k for k in self.buku.bagian if k.lower() == "xl/sharedstrings.xml"), None)
            self._shared = [] if nama is None else [_teks_kaya(si) for si in self._xml(nama)]
        return self._shared

    def _gaya_bertanggal(self) -> frozenset[int]:
        """Indexes of the cell styles (``s`` attribute) whose number format is a date/time."""
        if self._gaya_tanggal is None:
            nama = next((k for k in self.buku.bagian if k.lower() == "xl/styles.xml"), None)
            hasil: set[int] = set()
            if nama is not None:
                gaya = self._xml(nama)
                kustom = {}
                formats = _anak(gaya, "numFmts")
                for f in formats if formats is not None else []:
                    kode = f.get("formatCode") or ""
                    kustom[f.get("numFmtId")] = format_tanggal(kode)
                xfs = _anak(gaya, "cellXfs")
                for i, xf in enumerate(xfs if xfs is not None else []):
                    fid = xf.get("numFmtId") or "0"
                    bawaan = fid.isdigit() and int(fid) in _FORMAT_TANGGAL_BAWAAN
                    if bawaan or kustom.get(fid, False):
                        hasil.add(i)
            self._gaya_tanggal = frozenset(hasil)
        return self._gaya_tanggal

    def lembar(self, nama: str) -> Lembar | None:
        """The sheet named ``nama`` with its cells, or None when the workbook has no such sheet."""
        for n, keadaan, part in self.lembar_info:
            if n == nama:
                root = self._xml(part)
                try:
                    return Lembar(n, keadaan, self._sel(root))
                except ValueError as exc:  # a row number that is not a number
                    raise BerkasDitolak(
                        self.buku.path,
                        f"lembar {nama} rusak dan tidak dapat dibaca. "
                        "Salin ulang berkas dari komputer desa.",
                    ) from exc
        return None

    def _sel(self, root: Element) -> dict[tuple[int, int], WorkbookCell]:
        data = _anak(root, "sheetData")
        hasil: dict[tuple[int, int], WorkbookCell] = {}
        if data is None:
            return hasil
        baris_ke = 0
        for row in data:
            r = row.get("r")
            baris_ke = int(r) if r else baris_ke + 1
            kolom_ke = 0
            for c in row:
                ref = c.get("r")
                cocok = _REF.match(ref) if ref else None
                kolom_ke = kolom_ke_angka(cocok.group(1)) if cocok else kolom_ke + 1
                sel = self._satu_sel(c)
                if sel is not None:
                    hasil[(baris_ke, kolom_ke)] = sel
        return hasil

    def _satu_sel(self, c: Element) -> WorkbookCell | None:
        t = c.get("t") or "n"
        f = _anak(c, "f")
        v = _anak(c, "v")
        teks_v = v.text if v is not None else None
        if f is not None:
            # a shared formula's followers carry only <f t="shared" si=".."/> without text
            return WorkbookCell(CellKind.RUMUS, teks_v, f.text or "")
        if t == "inlineStr":
            isi = _anak(c, "is")
            teks = _teks_kaya(isi) if isi is not None else ""
            return WorkbookCell(CellKind.TEKS, teks) if teks != "" else None
        if teks_v is None:
            return None
        if t == "s":
            try:
                teks = self._shared_strings()[int(teks_v)]
            except (ValueError, IndexError):
                teks = ""
            return WorkbookCell(CellKind.TEKS, teks) if teks != "" else None
        if t in ("str", "d"):
            return WorkbookCell(CellKind.TEKS, teks_v)
        if t == "b":
            return WorkbookCell(CellKind.LOGIKA, teks_v == "1")
        if t == "e":
            return WorkbookCell(CellKind.GALAT, teks_v)
        try:
            nilai = float(teks_v)
        except ValueError:
            return WorkbookCell(CellKind.TEKS, teks_v)
        gaya = c.get("s")
        if gaya is not None and gaya.isdigit() and int(gaya) in self._gaya_bertanggal():
            return WorkbookCell(CellKind.TANGGAL, nilai)
        return WorkbookCell(CellKind.ANGKA, nilai)
