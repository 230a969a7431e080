"""The building blocks of the Laporan Kinerja's outline, shared by its PDF and Word writers.

The outline (:mod:`~kinerja_desktop.reports.lkjip_susun`) is built once as a list of these
blocks, every text final; each writer only lays them out, so the PDF and the Word document
cannot say different things.
"""

from dataclasses import dataclass, field

from kinerja_desktop.reports.gambar import Gambar
from kinerja_desktop.reports.penandatangan import Penandatangan
from kinerja_desktop.reports.pk_data import LaporanPk


@dataclass(frozen=True)
class Judul:
    """A heading: level 0 a chapter on a new page (KATA PENGANTAR, BAB I …), 1 a section
    (1.1 …), 2 a sub-section (a sasaran's analysis)."""

    teks: str
    tingkat: int


@dataclass(frozen=True)
class Paragraf:
    """Body text; each line of ``teks`` is a paragraph, lines like "1. …" or "- …" list items.

    ``draf`` prints a marked warning above it: the text is still the generated draft.
    """

    teks: str
    draf: bool = False


@dataclass(frozen=True)
class Sel:
    """A table cell as printed."""

    teks: str
    tengah: bool = False
    tebal: bool = False
    warna: str | None = None  # background "#rrggbb"


@dataclass(frozen=True)
class Tabel:
    """A table with its caption; ``gabung`` lists vertical spans (column, first, last body
    row); ``nomor_kolom`` adds the row of column numbers (1, 2, …) under the heading."""

    judul: str
    kepala: tuple[str, ...]
    baris: tuple[tuple[Sel, ...], ...]
    lebar: tuple[float, ...]  # share of the text width per column
    gabung: tuple[tuple[int, int, int], ...] = ()
    nomor_kolom: bool = False
    catatan: str = ""  # a line under the table


@dataclass(frozen=True)
class BlokGambar:
    """A picture with its caption under it."""

    gambar: Gambar
    judul: str


@dataclass(frozen=True)
class TandaTangan:
    """The signature block at the right."""

    penandatangan: Penandatangan


@dataclass(frozen=True)
class Sampul:
    """The cover page: its lines, top to bottom; the first lines are the title."""

    judul: tuple[str, ...]
    bawah: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HalamanBaru:
    """Start a new page (the appendix)."""


@dataclass(frozen=True)
class LampiranPk:
    """The Perjanjian Kinerja as issued (or as the data stands), each agreement from a new
    page: the PDF takes the PK's own pages (reports/pk_pdf), Word the same parts as text."""

    pk: LaporanPk


Blok = Judul | Paragraf | Tabel | BlokGambar | TandaTangan | Sampul | HalamanBaru | LampiranPk
