"""How a jabatan is named to people where titles repeat."""

from collections import Counter
from collections.abc import Iterable


def label_jabatan(jabatan: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Code → the name to show, for (code, name) pairs of one year.

    A name held by one jabatan is shown alone; a name two jabatan share (the decree has two
    "Pengadministrasi Pemerintahan") gets its code: "Pengadministrasi Pemerintahan
    (ADM-PEM-1)", so that a list or a chart never shows two identical lines.
    """
    pasangan = list(jabatan)
    kali = Counter(" ".join(nama.split()).lower() for _, nama in pasangan)
    return {
        kode: nama if kali[" ".join(nama.split()).lower()] == 1 else f"{nama} ({kode})"
        for kode, nama in pasangan
    }
