"""NIP (Nomor Induk Pegawai): validation and the printed form ``19690505 199009 1 002``.

Layout of the 18 digits: birth date YYYYMMDD, appointment YYYYMM, sex (1 male, 2 female),
serial number (001-999).
"""

import datetime as dt
import re

from kinerja_desktop.errors import DataTidakValid

_SEPARATORS = re.compile(r"[\s.\-]")


def normalize_nip(text: str) -> str:
    """Return the 18 digits of ``text`` with spaces, dots and dashes removed (not validated)."""
    return _SEPARATORS.sub("", text.strip())


def nip_problem(text: str) -> str | None:
    """Return why ``text`` is not a valid NIP, in Indonesian, or None when it is valid."""
    nip = normalize_nip(text)
    if not nip:
        return "NIP kosong."
    if not (nip.isascii() and nip.isdigit()):
        return "NIP hanya boleh berisi angka."
    if len(nip) != 18:
        return f"NIP harus 18 angka, yang diisi {len(nip)} angka."
    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"8 angka pertama NIP ({nip[0:8]}) bukan tanggal lahir yang benar (TTTTBBHH)."
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        return f"Angka 9-14 NIP ({nip[8:14]}) bukan bulan pengangkatan yang benar (TTTTBB)."
    if year < born.year + 15 or year > born.year + 70:
        return f"Tahun pengangkatan {year} pada NIP tidak masuk akal untuk kelahiran {born.year}."
    if nip[14] not in "12":
        return "Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."
    if nip[15:] == "000":
        return "Tiga angka terakhir NIP (nomor urut) tidak boleh 000."
    return None


def validate_nip(text: str) -> str:
    """Return the normalised 18-digit NIP, or raise :class:`DataTidakValid` saying why."""
    problem = nip_problem(text)
    if problem:
        raise DataTidakValid(f"NIP '{text}' tidak valid: {problem}")
    return normalize_nip(text)


def format_nip(nip: str) -> str:
    """Print an 18-digit NIP in the official groups of 8, 6, 1 and 3 digits."""
    digits = normalize_nip(nip)
    if len(digits) != 18:
        return nip
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"
