"""Indonesian month names and dates as printed in letters and decrees."""

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def nama_bulan(bulan: int) -> str:
    """Return the Indonesian name of month 1-12."""
    return BULAN[bulan - 1]


def tanggal_surat(tempat: str, tahun: int, bulan: int | None, hari: int | None = None) -> str:
    """Place and date line of a letter: ``Kepanjen, Januari 2020`` or with the day."""
    if bulan is None:
        return f"{tempat}, {tahun}"
    if hari is None:
        return f"{tempat}, {nama_bulan(bulan)} {tahun}"
    return f"{tempat}, {hari} {nama_bulan(bulan)} {tahun}"
