"""How a desa or kelurahan is named to people: always with its kind."""


def nama_desa_lengkap(jenis: str, nama: str) -> str:
    """``Desa Kemiri`` or ``Kelurahan Kepanjen`` from the stored kind and name.

    The kind is stored in lower case ("desa", "kelurahan", "desa adat"); each of its words is
    capitalised ("Desa Adat"), so that a kind from the national list reads right.
    """
    kata = " ".join(w.capitalize() for w in (jenis or "desa").split())
    return f"{kata} {nama}"
