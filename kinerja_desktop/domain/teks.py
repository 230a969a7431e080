"""What a text may hold once it is stored: the one door every typed, pasted or imported text
passes (grid, paste, dialogs, CSV, desa and IKI workbooks).

Text copied from Word or a PDF carries control characters: ``\\x07`` ends a table cell,
``\\x0b`` is a manual line break, ``\\x0c`` a page break, NUL and the like come from damaged
files. They are invisible on screen, cannot be written into an Excel cell (openpyxl refuses
them) and make XML invalid. Bidi override characters can make a printed text read differently
from what is stored. All of these are cleaned away here: a line-breaking one becomes a line
break (a space in a one-line text), a separating one a space, the rest nothing, so no visible
character is ever lost.

A lone surrogate (half of a character, from a broken clipboard or file) cannot be stored as
UTF-8 at all; it is refused with its position rather than guessed at.
"""

import re
import unicodedata

from kinerja_desktop.errors import DataTidakValid

TEKS_MAKS = 10_000
"""Most characters in one free text (a tugas, an indicator name or formula): about three
printed pages. Long is legal up to here (reports wrap and split it); an Excel cell holds at most
32,767, and a text longer than this is a pasted document, not a field."""

_BARIS_BARU = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Characters that end a line: Windows and old Mac line ends, Word's manual line and page
breaks, the information separators and Unicode's line/paragraph separators."""

_SPASI = re.compile(r"[\t\x07\x1f]")
"""Characters that separate words: a tab, Word's end-of-cell mark, the unit separator."""

_BUANG = re.compile(
    "[\x00-\x06\x08\x0e-\x1b\x7f-\x84\x86-\x9f"  # the remaining C0 and C1 controls, DEL
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ufdd0-\ufdef\ufffe\uffff]"  # noncharacters
)
"""Characters that carry nothing visible and are removed."""

_SURROGAT = re.compile("[\ud800-\udfff]")


def clean_teks(teks: str, apa: str = "Teks", satu_baris: bool = False) -> str:
    """``teks`` without control characters, in Unicode NFC, without spaces at either end.

    ``satu_baris`` folds every run of white space (line breaks included) into one space, for
    names and codes. Raises :class:`DataTidakValid` naming ``apa`` for a lone surrogate.
    """
    rusak = _SURROGAT.search(teks)
    if rusak is not None:
        raise DataTidakValid(
            f"{apa} berisi karakter yang rusak (setengah karakter, pada huruf ke-"
            f"{rusak.start() + 1}), biasanya dari salinan yang terpotong. Ketik ulang bagian "
            "itu lalu simpan lagi."
        )
    teks = _BARIS_BARU.sub("\n", teks)
    teks = _SPASI.sub(" ", teks)
    teks = _BUANG.sub("", teks)
    teks = unicodedata.normalize("NFC", teks)
    if satu_baris:
        return " ".join(teks.split())
    return teks.strip()


def check_teks(
    teks: str,
    apa: str,
    wajib: bool = True,
    satu_baris: bool = False,
    maks: int = TEKS_MAKS,
) -> str:
    """The stored form of a text typed or imported as ``apa`` ("Nama indikator"): cleaned by
    :func:`clean_teks`, refused when empty (``wajib``) or longer than ``maks`` characters."""
    bersih = clean_teks(str(teks or ""), apa, satu_baris)
    if wajib and not bersih:
        raise DataTidakValid(f"{apa} tidak boleh kosong.")
    if len(bersih) > maks:
        raise DataTidakValid(
            f"{apa} terlalu panjang ({len(bersih)} huruf; paling banyak {maks}). Ringkas "
            "teksnya atau pisahkan menjadi beberapa butir."
        )
    return bersih


def aman_untuk_sel(teks: str) -> str:
    """``teks`` as an Excel cell or an XML document can hold it, for writing what is already
    stored (a database from an older version or another office may hold what the door now
    cleans): control characters cleaned, a lone surrogate replaced by U+FFFD, at most 32,767
    characters."""
    return tanpa_kendali(_SURROGAT.sub("\ufffd", teks))[:32_767]


def tanpa_kendali(teks: str) -> str:
    """``teks`` with its control characters cleaned as :func:`clean_teks` does, nothing else
    changed: for text shown on a terminal, where an escape sequence in a stored name could
    recolour or rewrite the screen."""
    return _BUANG.sub("", _SPASI.sub(" ", _BARIS_BARU.sub("\n", teks)))


def format_daftar(bagian: list[str]) -> str:
    """``a, b dan c``: the parts of a list as one Indonesian phrase ("" for none)."""
    if len(bagian) < 2:
        return "".join(bagian)
    return ", ".join(bagian[:-1]) + " dan " + bagian[-1]
