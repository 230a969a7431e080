"""The national area-code list (Kepmendagri), shipped compactly and read only when needed.

Codes look like ``35`` (provinsi), ``35.07`` (kabupaten/kota), ``35.07.13`` (kecamatan) and
``35.07.13.2001`` (desa/kelurahan: the last part starts with 1 for a kelurahan, 2 for a desa,
3 for a desa adat). The list is decompressed on the first call that needs it, never at
start-up: setting up an office is the only time it is read.
"""

import lzma
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kinerja_desktop.errors import DataTidakValid

RESOURCE = "data/wilayah-indonesia.txt.xz"

_BENTUK = (
    (re.compile(r"\d{2}"), "provinsi"),
    (re.compile(r"\d{2}\.\d{2}"), "kabupaten/kota"),
    (re.compile(r"\d{2}\.\d{2}\.\d{2}"), "kecamatan"),
)
_DESA = re.compile(r"(\d{2}\.\d{2}\.\d{2})\.([123])\d{3}")
_JENIS_DESA = {"1": "kelurahan", "2": "desa", "3": "desa adat"}


@dataclass(frozen=True)
class Wilayah:
    """One row of the list: code, name and level (``provinsi`` … ``desa``)."""

    kode: str
    nama: str
    tingkat: str


@dataclass(frozen=True)
class Kecamatan:
    """A kecamatan with the names above it and its desa/kelurahan, ready to set up an office."""

    kode: str
    nama: str
    kabupaten: str  # "Kabupaten Malang", "Kota Batu": the list's own name, with its kind
    provinsi: str
    desa: tuple[Wilayah, ...]

    @property
    def label(self) -> str:
        """``Sumberpucung — Kabupaten Malang, Jawa Timur (35.07.12)`` for pick lists."""
        return f"{self.nama} — {self.kabupaten}, {self.provinsi} ({self.kode})"


def tingkat_dari_kode(kode: str) -> str | None:
    """The level a code has by its form, or None when it has none of the national forms."""
    for pola, tingkat in _BENTUK:
        if pola.fullmatch(kode):
            return tingkat
    cocok = _DESA.fullmatch(kode)
    return _JENIS_DESA[cocok.group(2)] if cocok else None


def split_kabupaten(nama: str) -> tuple[str, str]:
    """``("kabupaten", "Malang")`` from ``Kabupaten Malang``; ``("kota", "Batu")`` from a kota."""
    jenis, _, sisa = nama.partition(" ")
    if jenis.lower() in ("kabupaten", "kota") and sisa:
        return jenis.lower(), sisa
    return "kabupaten", nama


def check_kode_desa(kode: str, kode_kecamatan: str) -> str:
    """Return the kind (``desa``/``kelurahan``/``desa adat``) of a new desa code, or refuse it.

    The code must have the national form and lie under the office's kecamatan.
    """
    kode = kode.strip()
    cocok = _DESA.fullmatch(kode)
    if cocok is None:
        raise DataTidakValid(
            f"Kode desa {kode!r} tidak berbentuk kode wilayah Kemendagri: tulis "
            f"{kode_kecamatan}.2xxx untuk desa atau {kode_kecamatan}.1xxx untuk kelurahan "
            "(empat angka terakhir)."
        )
    if cocok.group(1) != kode_kecamatan:
        raise DataTidakValid(
            f"Kode desa {kode} bukan kode di kecamatan ini: kode desa kecamatan ini diawali "
            f"{kode_kecamatan}."
        )
    return _JENIS_DESA[cocok.group(2)]


def _pasangan(data: bytes) -> Iterator[tuple[str, str]]:
    """``(kode, nama)`` per line of the compressed list; a desa line has only its last part."""
    for baris in lzma.decompress(data).decode("utf-8").splitlines():
        kode, _, nama = baris.partition("\t")
        yield kode, nama


def _sebutan(tingkat: str | None, nama: str) -> str:
    """``provinsi Jawa Timur``, ``Kabupaten Malang`` (its name has its kind), ``desa Ternyang``."""
    return nama if tingkat == "kabupaten/kota" else f"{tingkat} {nama}"


class DaftarWilayah:
    """The whole list, indexed for setting up an office and for the picker.

    Desa stay as plain ``(last part, name)`` pairs until their kecamatan is asked for: the
    list has 84,000 of them and only one kecamatan's are ever needed.
    """

    def __init__(self, data: bytes) -> None:
        self.nama: dict[str, str] = {}
        self.kecamatan: list[str] = []  # codes in list order
        self._desa: dict[str, list[tuple[str, str]]] = {}
        desa_kecamatan: list[tuple[str, str]] = []
        for kode, nama in _pasangan(data):
            if len(kode) == 4:
                desa_kecamatan.append((kode, nama))
                continue
            self.nama[kode] = nama
            if len(kode) == 8:
                self.kecamatan.append(kode)
                desa_kecamatan = self._desa[kode] = []

    def kecamatan_dari_kode(self, kode: str) -> Kecamatan:
        """The kecamatan ``kode``; refuses an unknown code or a code of another level."""
        kode = kode.strip()
        tingkat = tingkat_dari_kode(kode)
        if kode not in self.nama and kode[:8] in self._desa:
            for akhir, nama in self._desa[kode[:8]]:
                if kode[9:] == akhir:
                    raise DataTidakValid(
                        f"Kode {kode} adalah {_sebutan(tingkat, nama)} di Kecamatan "
                        f"{self.nama[kode[:8]]}, bukan kecamatan. Kode kecamatannya {kode[:8]}."
                    )
        if kode not in self.nama:
            raise DataTidakValid(
                f"Kode wilayah {kode!r} tidak ada dalam daftar wilayah Kemendagri. Tulis kode "
                "kecamatan seperti 35.07.13 (provinsi.kabupaten.kecamatan)."
            )
        if tingkat != "kecamatan":
            raise DataTidakValid(
                f"Kode {kode} adalah {_sebutan(tingkat, self.nama[kode])}, bukan kecamatan. "
                "Tulis kode kecamatan: tiga bagian, mis. 35.07.13."
            )
        return Kecamatan(
            kode=kode,
            nama=self.nama[kode],
            kabupaten=self.nama[kode[:5]],
            provinsi=self.nama[kode[:2]],
            desa=tuple(
                Wilayah(f"{kode}.{akhir}", nama, _JENIS_DESA[akhir[0]])
                for akhir, nama in self._desa[kode]
            ),
        )

    def kabupaten_dari_kode(self, kode: str) -> tuple[str, str, tuple[Wilayah, ...]]:
        """``(name, provinsi, its kecamatan)`` of kabupaten/kota ``kode`` (``35.07``);
        refuses an unknown code or a code of another level."""
        kode = kode.strip()
        tingkat = tingkat_dari_kode(kode)
        if kode not in self.nama:
            raise DataTidakValid(
                f"Kode wilayah {kode!r} tidak ada dalam daftar wilayah Kemendagri. Tulis kode "
                "kabupaten/kota seperti 35.07 (provinsi.kabupaten)."
            )
        if tingkat != "kabupaten/kota":
            raise DataTidakValid(
                f"Kode {kode} adalah {_sebutan(tingkat, self.nama[kode])}, bukan kabupaten/kota. "
                "Tulis kode kabupaten/kota: dua bagian, mis. 35.07."
            )
        kecamatan = tuple(
            Wilayah(k, self.nama[k], "kecamatan") for k in self.kecamatan if k[:5] == kode
        )
        return self.nama[kode], self.nama[kode[:2]], kecamatan

    def semua_kecamatan(self) -> list[tuple[str, str, str, str]]:
        """``(provinsi, kabupaten, kecamatan, kode)`` names of every kecamatan, list order."""
        return [(self.nama[k[:2]], self.nama[k[:5]], self.nama[k], k) for k in self.kecamatan]


@cache
def daftar_wilayah() -> DaftarWilayah:
    """The national list, read from the shipped resource on the first call."""
    from kinerja_desktop.resources import resource

    return DaftarWilayah(resource(RESOURCE).read_bytes())


def kecamatan_nasional(kode: str) -> Kecamatan:
    """The kecamatan with area code ``kode`` from the national list (see DaftarWilayah)."""
    return daftar_wilayah().kecamatan_dari_kode(kode)
