"""Sort keys that order lists as an Indonesian reader expects.

Names sort without regard to case, accents or punctuation, with numbers inside them by value
("Dusun 2" before "Dusun 10"); a desa or kelurahan by its name, not its kind ("Kelurahan
Ardirejo" among the A); a golongan by rank ("II/d" before "III/a", "IV/e" last). Dates sort
by their ISO form, which the tables keep behind the Indonesian text they show.
"""

import re
import unicodedata

_ANGKA = re.compile(r"(\d+)")
_JENIS_WILAYAH = ("desa adat ", "desa ", "kelurahan ")
_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4}

Kunci = tuple[tuple[int, int | str], ...]


def _tanpa_aksen(teks: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", teks) if not unicodedata.combining(c)
    )


def kunci_teks(teks: str) -> Kunci:
    """The key of a name or any text: case, accents and punctuation aside, numbers by value."""
    bersih = re.sub(r"[^\w\s]", " ", _tanpa_aksen(teks).casefold())
    kunci: list[tuple[int, int | str]] = []
    for bagian in _ANGKA.split(" ".join(bersih.split())):
        if bagian.isdigit():
            kunci.append((0, int(bagian)))
        elif bagian.strip():
            kunci.append((1, bagian.strip()))
    return tuple(kunci)


def kunci_desa(nama_lengkap: str) -> Kunci:
    """The key of ``Desa Kemiri``/``Kelurahan Kepanjen``: the name, then the kind."""
    lipat = nama_lengkap.casefold()
    for jenis in _JENIS_WILAYAH:
        if lipat.startswith(jenis):
            return kunci_teks(nama_lengkap[len(jenis) :]) + kunci_teks(jenis)
    return kunci_teks(nama_lengkap)


def kunci_golongan(golongan: str) -> tuple[int, str]:
    """The key of a golongan ``IV/b`` by rank; an empty or unknown one sorts last."""
    romawi, _, huruf = golongan.strip().upper().partition("/")
    if romawi not in _ROMAWI:
        return (9, golongan.casefold())
    return (_ROMAWI[romawi], huruf.casefold())
