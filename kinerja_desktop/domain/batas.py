"""Plausible bounds of every kind of value a kecamatan records, checked at every door.

A number past these is a typing or file error (``1e308``, a date turned into 43835, a pasted
NIK in a count cell), never a real figure of one kecamatan: summed or divided it reached
infinity in the official reports. The same bounds go into the desa templates' data validation
so that Excel refuses them before the file is even sent.
"""

import calendar
import math
from typing import Any

from kinerja_desktop.domain.periode import Periode

NILAI_MAKS = 10_000_000
"""A count (jumlah), a pembilang or a penyebut of one desa or the kecamatan in one period: ten
times the population of the largest kecamatan."""

PEGAWAI_MAKS = 100_000
"""Pegawai counted in an attendance value."""

HARI_KERJA_MAKS = 366
"""Effective working days of one period (a year at most)."""

TARGET_PERSEN_MAKS = 100
"""A percentage or attendance target, in percent: Σ pembilang never exceeds Σ penyebut."""

CAPAIAN_MAKS = 1000
"""Highest lower bound of a rating band, in percent."""

RUPIAH_MAKS = 1_000_000_000_000
"""An anggaran or a budget realised of one kegiatan, in Rupiah: a trillion, far above the whole
budget of any kecamatan (tens of billions), below what a sum of them could overflow."""


def masalah_rupiah(nilai: int, apa: str) -> str | None:
    """Why ``nilai`` Rupiah cannot be an ``apa`` ("Anggaran"): negative or past
    :data:`RUPIAH_MAKS`; None when it can."""
    if nilai < 0:
        return f"{apa} tidak boleh negatif ({nilai}); isi 0 atau lebih."
    return masalah_batas(nilai, RUPIAH_MAKS, apa)


def masalah_batas(nilai: float, maks: float, apa: str) -> str | None:
    """Why ``nilai`` (of ``apa``, "Nilai jumlah") is past its bound ``maks``, or None."""
    if nilai > maks:
        return (
            f"{apa} {_format_angka(nilai)} terlalu besar (paling besar {_format_angka(maks)}); "
            "periksa apakah salah ketik, atau sel Excel berformat tanggal."
        )
    return None


def masalah_hari_kerja(hari_kerja: float | None, periode: Periode) -> str | None:
    """Why ``hari_kerja`` cannot be the effective working days of ``periode`` (more than the
    period has days: 31 in January, 90 or so in a quarter), or None."""
    if hari_kerja is None:
        return None
    hari = sum(calendar.monthrange(periode.tahun, b)[1] for b in periode.bulan)
    if hari_kerja > hari:
        return (
            f"Hari kerja efektif {_format_angka(hari_kerja)} lebih banyak dari jumlah hari "
            f"{periode.label} ({hari} hari)."
        )
    return None


def tanpa_takhingga(data: Any) -> Any:
    """``data`` (JSON-shaped: dicts, lists, numbers, text) with every infinite or NaN number
    replaced by None, so that JSON written from it is valid (``Infinity`` is not JSON) and says
    "no value" where a sum over values an older version let in overflowed."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: tanpa_takhingga(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [tanpa_takhingga(v) for v in data]
    return data


def _format_angka(x: float) -> str:
    """``10000000`` as ``10.000.000``; a huge number in scientific form (``1e+308``)."""
    if x >= 1e15:
        return f"{x:.3g}"
    return f"{x:,.0f}".replace(",", ".") if float(x).is_integer() else f"{x:.2f}".replace(".", ",")
