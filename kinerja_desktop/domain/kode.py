"""What a jabatan or indicator code may contain, for every way a code comes in (dialogs, the
Indikator tab, paste, CSV, desa and IKI workbooks).

A code is printed in reports, written into CSV files and workbooks and typed on the command
line (``--jabatan KASI-PEM``), so it is kept to what survives all of them: capital letters A-Z,
digits, ``.``, ``-`` and ``_``, beginning with a letter or a digit, at most 40 characters (36
for a jabatan): ``KASI-PEM``, ``KASI-PEM.01``, ``SEKCAM.02``. Beginning with a letter or digit
also means a code never starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``).
Lower-case letters are taken as capitals; spaces at either end are dropped.
"""

import re
from collections.abc import Mapping
from typing import TypeVar

from kinerja_desktop.domain.teks import clean_teks
from kinerja_desktop.errors import DataTidakValid

KODE_MAKS = 40
KODE_JABATAN_MAKS = KODE_MAKS - 4
"""A jabatan code leaves room for the ``.NN`` its indicators' codes get (``KASI-PEM.01``)."""
_POLA = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")


def masalah_kode(kode: str, apa: str = "Kode", maks: int = KODE_MAKS) -> str | None:
    """Why ``kode`` (already in its stored form, see :func:`bentuk_kode`) is not a valid code,
    in Indonesian naming ``apa`` ("Kode indikator"), or None."""
    if not kode:
        return f"{apa} tidak boleh kosong."
    if len(kode) > maks or not _POLA.match(kode):
        tampil = kode if len(kode) <= maks else kode[: maks - 1] + "…"
        return (
            f"{apa} «{tampil}» tidak valid: pakai huruf A-Z, angka, titik, tanda hubung atau "
            f"garis bawah, diawali huruf atau angka, paling banyak {maks} karakter "
            "(misalnya KASI-PEM.01)."
        )
    return None


def bentuk_kode(kode: str, apa: str = "Kode") -> str:
    """The stored form of a typed code: cleaned of control characters, trimmed, in capitals."""
    return clean_teks(str(kode or ""), apa, satu_baris=True).upper()


def check_kode(kode: str, apa: str = "Kode", maks: int = KODE_MAKS) -> str:
    """The stored form of ``kode`` (:func:`bentuk_kode`); :class:`DataTidakValid` when it is not
    a valid code (:func:`masalah_kode`)."""
    bentuk = bentuk_kode(kode, apa)
    masalah = masalah_kode(bentuk, apa, maks)
    if masalah is not None:
        raise DataTidakValid(masalah)
    return bentuk


T = TypeVar("T")


def find_kode(tersimpan: Mapping[str, T], kode: str, apa: str = "Kode") -> T | None:
    """What ``tersimpan`` holds under ``kode`` as written in a file, else under its stored form
    (:func:`bentuk_kode`: "kasi-pem.01 " finds ``KASI-PEM.01``); the code as written first, so
    a code an older version stored in another form is still found."""
    if kode in tersimpan:
        return tersimpan[kode]
    return tersimpan.get(bentuk_kode(kode, apa))
