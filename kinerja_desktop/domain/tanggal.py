"""Indonesian month names, dates and times as people read them: one style everywhere.

Every date or time a user sees goes through :func:`format_tanggal` ("29 November 2026") or
:func:`format_waktu` ("29 November 2026 01.38"); machine outputs (JSON, CSV) keep ISO 8601.
"""

from datetime import date, datetime

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


def format_tanggal(hari: date) -> str:
    """``29 November 2026``."""
    return f"{hari.day} {nama_bulan(hari.month)} {hari.year}"


def format_waktu(waktu: datetime | str) -> str:
    """``29 November 2026 01.38``; an ISO 8601 text (as stored) is read first.

    A text that is not ISO 8601 is returned as it is: an odd stored value is shown, not lost.
    """
    if isinstance(waktu, str):
        try:
            waktu = datetime.fromisoformat(waktu)
        except ValueError:
            return str(waktu)  # mypy keeps the union inside the try; it is the text given
    return f"{format_tanggal(waktu)} {waktu:%H.%M}"


def tanggal_surat(tempat: str, tahun: int, bulan: int | None, hari: int | None = None) -> str:
    """Place and date line of a letter: ``Kepanjen, Januari 2020`` or with the day."""
    if bulan is None:
        return f"{tempat}, {tahun}"
    if hari is None:
        return f"{tempat}, {nama_bulan(bulan)} {tahun}"
    return f"{tempat}, {hari} {nama_bulan(bulan)} {tahun}"
