"""How a desa or kelurahan is named to people (always with its kind), and whether it still
reports for a period."""

from kinerja_desktop.domain.periode import Periode, bulan


def nama_desa_lengkap(jenis: str, nama: str) -> str:
    """``Desa Kemiri`` or ``Kelurahan Kepanjen`` from the stored kind and name.

    The kind is stored in lower case ("desa", "kelurahan", "desa adat"); each of its words is
    capitalised ("Desa Adat"), so that a kind from the national list reads right.
    """
    kata = " ".join(w.capitalize() for w in (jenis or "desa").split())
    return f"{kata} {nama}"


def is_active_in(nonaktif_sejak: str | None, periode: Periode) -> bool:
    """Does a desa retired from month ``nonaktif_sejak`` ("202607"; None: never) still report
    for ``periode``? Only a period that begins before it was retired."""
    return nonaktif_sejak is None or nonaktif_sejak > bulan(periode.tahun, periode.awal).id
