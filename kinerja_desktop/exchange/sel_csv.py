"""CSV cells that a spreadsheet never runs: every CSV file we write passes its cells here.

Excel and LibreOffice open a ``.csv`` by double-click and run a cell starting with ``=``, ``+``,
``-`` or ``@`` (and a tab or carriage return before them) as a formula: ``+cmd|'/Ccalc'!A0``
starts a program, ``=HYPERLINK(…)`` sends data away. Codes cannot start so any more
(:mod:`kinerja_desktop.domain.kode`), but a database from an older version or a restored one
may hold such a code or text. Such a cell is written with a leading apostrophe, which the
spreadsheet shows as text and our readers take off again; a plain number (``-5``) stays as it is.
"""

from collections.abc import Iterable

_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def _angka_biasa(teks: str) -> bool:
    try:
        float(teks)
    except ValueError:
        return False
    return True


def sel_aman(teks: str) -> str:
    """``teks`` as a CSV cell that no spreadsheet takes for a formula."""
    if teks.startswith(_AWAL_RUMUS) and not _angka_biasa(teks):
        return "'" + teks
    return teks


def baris_aman(baris: Iterable[Iterable[str]]) -> list[list[str]]:
    """Every cell of ``baris`` through :func:`sel_aman`."""
    return [[sel_aman(str(sel)) for sel in b] for b in baris]


def unescape_cell(teks: str) -> str:
    """What a cell written by :func:`sel_aman` holds: the apostrophe before a formula start
    taken off again (a file exported and imported back reads the same)."""
    if teks.startswith("'") and teks[1:].startswith(_AWAL_RUMUS):
        return teks[1:]
    return teks
