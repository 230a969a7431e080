"""What the data inside a kecamatan's package may hold, checked before the kabupaten stores it.

The manifest's SHA-256 proves the members arrived as written, not that they were written by this
application: a package can be made by hand. So, like every other door: texts are cleaned of
control characters (a lone surrogate, which SQLite cannot store, becomes U+FFFD), and every
number of ``nilai.csv`` and ``capaian.json`` must be a plain, finite number within the bounds a
kecamatan's values can have (:mod:`kinerja_desktop.domain.batas`).
"""

import math
from typing import Any

from kinerja_desktop.domain.batas import (
    HARI_KERJA_MAKS,
    NILAI_MAKS,
    PEGAWAI_MAKS,
    masalah_batas,
)
from kinerja_desktop.domain.capaian import parse_angka, parse_target
from kinerja_desktop.domain.teks import aman_untuk_sel
from kinerja_desktop.errors import DataTidakValid

_MAKS_KOLOM = {
    "nilai": NILAI_MAKS,
    "pembilang": NILAI_MAKS,
    "penyebut": NILAI_MAKS,
    "pegawai": PEGAWAI_MAKS,
    "hari_kerja": HARI_KERJA_MAKS,
    "hari_tidak_masuk": PEGAWAI_MAKS * HARI_KERJA_MAKS,
}

ANGKA_CAPAIAN_MAKS = 1e13
"""Largest figure of ``capaian.json``: a sum of bounded values over every desa and month."""

_ANGKA_CAPAIAN = ("realisasi", "pembilang", "penyebut", "capaian", "capaian_sebelum_batas")


def teks_bersih(data: Any) -> Any:
    """``data`` (parsed JSON or CSV rows) with every text as an Excel cell or SQLite can hold it."""
    if isinstance(data, str):
        return aman_untuk_sel(data)
    if isinstance(data, dict):
        return {teks_bersih(k): teks_bersih(v) for k, v in data.items()}
    if isinstance(data, list):
        return [teks_bersih(v) for v in data]
    return data


def _target(teks: str) -> None:
    """Refuse a target that is not a plain number or range within the bound of a count."""
    target = parse_target(teks)
    for x in (target.nilai, target.atas):
        if x is not None and (masalah := masalah_batas(x, NILAI_MAKS, "Target")):
            raise DataTidakValid(masalah)


def masalah_nilai(nilai: list[dict[str, str]]) -> str:
    """Why a number of ``nilai.csv`` cannot be stored (naming its line), or ""."""
    for n, row in enumerate(nilai, start=2):
        try:
            if row.get("jenis") == "target":
                _target(row.get("nilai") or "")
                continue
            for kolom, maks in _MAKS_KOLOM.items():
                teks = (row.get(kolom) or "").strip()
                if not teks:
                    continue
                x = parse_angka(teks, kolom)
                if x < 0:
                    raise DataTidakValid(f"Isian {kolom} {teks!r} negatif.")
                if masalah := masalah_batas(x, maks, kolom.capitalize()):
                    raise DataTidakValid(masalah)
        except DataTidakValid as exc:
            return f"data/nilai.csv baris {n}: {exc.pesan}"
    return ""


def masalah_capaian(capaian: list[Any]) -> str:
    """Why a figure of ``capaian.json`` cannot be stored, or ""."""
    for item in capaian:
        kode = item.get("kode_indikator")
        target = item.get("target")
        try:
            if target is not None:
                _target(str(target))
        except DataTidakValid as exc:
            return f"data/capaian.json: target indikator {kode}: {exc.pesan}"
        for kunci in _ANGKA_CAPAIAN:
            x = item.get(kunci)
            angka = isinstance(x, int | float) and not isinstance(x, bool)
            if x is not None and not (angka and math.isfinite(x) and 0 <= x <= ANGKA_CAPAIAN_MAKS):
                return f"data/capaian.json: {kunci} indikator {kode} ({x!r}) di luar batas wajar."
        jumlah = item.get("jumlah_data", 0)
        if not isinstance(jumlah, int) or isinstance(jumlah, bool) or jumlah < 0:
            return f"data/capaian.json: jumlah_data indikator {kode} ({jumlah!r}) bukan bilangan."
        for kunci in ("kategori", "catatan"):
            if item.get(kunci) is not None and not isinstance(item.get(kunci), str):
                return f"data/capaian.json: {kunci} indikator {kode} bukan teks."
    return ""
