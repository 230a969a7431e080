"""What the data inside a kecamatan's package may hold, checked before the kabupaten stores it.

The manifest's SHA-256 proves the members arrived as written, not that they were written by this
application: a package can be made by hand. So, like every other door: texts are cleaned of
control characters (a lone surrogate, which SQLite cannot store, becomes U+FFFD), and every
number of ``nilai.csv`` and ``capaian.json`` must be a plain, finite number within the bounds a
kecamatan's values can have (:mod:`kinerja_desktop.domain.batas`), and every Rupiah amount of
``anggaran.json`` a whole number within the bounds of an anggaran.
"""

import math
from typing import Any

from kinerja_desktop.domain.batas import (
    HARI_KERJA_MAKS,
    NILAI_MAKS,
    PEGAWAI_MAKS,
    masalah_batas,
    masalah_rupiah,
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


def _rupiah(x: Any, apa: str) -> str | None:
    """Why ``x`` is not a whole Rupiah amount within bounds (a float, text or bool is not)."""
    if not isinstance(x, int) or isinstance(x, bool):
        return f"{apa} ({x!r}) bukan jumlah Rupiah utuh."
    return masalah_rupiah(x, apa)


def _masalah_kegiatan(k: Any, triwulan: set[str]) -> str | None:
    if not isinstance(k, dict) or not isinstance(k.get("nama"), str) or not k["nama"].strip():
        return "kegiatan tanpa nama."
    if not isinstance(k.get("kode", ""), str):
        return f"kode kegiatan {k['nama']!r} bukan teks."
    if k.get("anggaran") is not None and (masalah := _rupiah(k["anggaran"], "Anggaran")):
        return f"kegiatan {k['nama']!r}: {masalah}"
    realisasi = k.get("realisasi", {})
    if not isinstance(realisasi, dict):
        return f"realisasi kegiatan {k['nama']!r} bukan daftar per triwulan."
    for periode, nilai in realisasi.items():
        if periode not in triwulan:
            return f"kegiatan {k['nama']!r}: triwulan {periode!r} bukan triwulan paket ini."
        if masalah := _rupiah(nilai, "Realisasi anggaran"):
            return f"kegiatan {k['nama']!r}, {periode}: {masalah}"
    return None


def masalah_anggaran(anggaran: Any, kode_jabatan: set[str], triwulan: set[str]) -> str:
    """Why ``anggaran.json`` cannot be stored, or "": a jabatan not in the IKI, a program or
    kegiatan without a name, an amount that is not whole Rupiah within bounds, budget realised
    in a triwulan that is not of the package (``triwulan``: those ended by its period's end)."""
    if not isinstance(anggaran, dict) or not isinstance(anggaran.get("jabatan"), list):
        return "data/anggaran.json bukan daftar program per jabatan."
    for j in anggaran["jabatan"]:
        if not isinstance(j, dict) or j.get("kode") not in kode_jabatan:
            kode = j.get("kode") if isinstance(j, dict) else j
            return f"data/anggaran.json: jabatan {kode!r} tidak ada di IKI."
        if not isinstance(j.get("program"), list):
            return f"data/anggaran.json: program jabatan {j['kode']} bukan daftar."
        for p in j["program"]:
            if not isinstance(p, dict) or not isinstance(p.get("nama"), str) or not p["nama"]:
                return f"data/anggaran.json: jabatan {j['kode']}: program tanpa nama."
            if not isinstance(p.get("kegiatan", []), list):
                return f"data/anggaran.json: kegiatan program {p['nama']!r} bukan daftar."
            for k in p.get("kegiatan", []):
                if masalah := _masalah_kegiatan(k, triwulan):
                    return f"data/anggaran.json: jabatan {j['kode']}, {masalah}"
    return ""
