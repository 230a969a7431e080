"""The one rule for adding up anggaran, shared by every document that prints a total (PK,
Rencana Aksi, monev, LKjIP) and by the programs as :func:`~kinerja_desktop.db.queries_program.
read_program` reads them: an anggaran not entered is not known, never Rp 0, so a total over it
is not known either. Printing the sum of the figures that happen to be entered would state a
program's or a jabatan's budget too low, and a realisasi percentage too high."""

from collections.abc import Iterable


def sum_anggaran(anggaran: Iterable[int | None]) -> int | None:
    """The total of whole-Rupiah figures; None (not known) when one of them is None or there
    is none at all."""
    total = 0
    ada = False
    for x in anggaran:
        if x is None:
            return None
        total += x
        ada = True
    return total if ada else None
