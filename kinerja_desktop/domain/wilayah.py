"""How a desa or kelurahan is named to people: always with its kind."""


def nama_desa_lengkap(jenis: str, nama: str) -> str:
    """``Desa Kemiri`` or ``Kelurahan Kepanjen`` from the stored kind and name.

    The kind is stored in lower case ("desa", "kelurahan"); an unknown kind is written as
    stored, capitalised, so that a new kind from the national list still reads right.
    """
    kata = (jenis or "desa").strip().capitalize()
    return f"{kata} {nama}"
