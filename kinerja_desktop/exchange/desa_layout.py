"""The shape of a desa workbook, shared by the writer and the importer.

A workbook has three sheets: ``Petunjuk`` (instructions), ``Isian`` (the input table) and a
hidden ``_meta`` sheet. ``Isian`` lists one row per value to fill in (one per count
indicator; two, numerator then denominator, per percentage indicator) and one column per
month of the period; the year's months across the page read like the paper recap desa already
keep. ``_meta`` records what the workbook is for and a checksum of that structure, so an
import can tell our template, its desa, year, period and version, and notice edits.

A row of an indicator reported per triwulan is open only in the month that ends each triwulan
(:func:`is_open`), where completeness asks for its one value (``value_slot.choose_expected``);
``_meta`` lists those rows under ``triwulanan`` so the import reads the cells the desa saw open.
The key is written only when there are such rows, so a workbook without them keeps the layout
and checksum of the templates made before it.
"""

import hashlib
import json
from dataclasses import dataclass, field

from kinerja_desktop.domain.indikator import Frekuensi
from kinerja_desktop.domain.periode import parse_periode, triwulan
from kinerja_desktop.domain.tanggal import nama_bulan
from kinerja_desktop.domain.value_slot import choose_expected
from kinerja_desktop.exchange.xlsx_reader import nama_sel

VERSI_TEMPLAT = 1
JENIS_BERKAS = "kinerja-desktop/templat-desa"

LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_ISIAN = "Isian"
LEMBAR_META = "_meta"
URUTAN_LEMBAR = (LEMBAR_PETUNJUK, LEMBAR_ISIAN, LEMBAR_META)

# Isian: title rows, then the header row, then one row per value.
BARIS_JUDUL_KOLOM = 6
BARIS_DATA_AWAL = 7
KOLOM_NO, KOLOM_KODE, KOLOM_INDIKATOR, KOLOM_RINCIAN, KOLOM_SATUAN = 1, 2, 3, 4, 5
KOLOM_BULAN_AWAL = 6
JUDUL_KOLOM = ("No", "Kode", "Indikator", "Yang diisi", "Satuan")
JUDUL_JUMLAH = "Jumlah"  # the last column: Excel's own sum of the row, a check for the desa


def judul_kolom(kolom: tuple[str, ...]) -> list[str]:
    """The header row of ``Isian`` for the month columns ``kolom`` ("Jan", "Feb" …)."""
    return [*JUDUL_KOLOM, *(parse_periode(k).label_pendek for k in kolom), JUDUL_JUMLAH]


KOMPONEN_NILAI = "nilai"
KOMPONEN_PEMBILANG = "pembilang"
KOMPONEN_PENYEBUT = "penyebut"


@dataclass(frozen=True)
class BarisIsian:
    """One input row: which indicator and which component of its value."""

    kode: str
    komponen: str  # KOMPONEN_*
    nama: str
    rincian: str  # what to type, e.g. "Jumlah" or "Pembilang: jumlah desa yang melapor"
    satuan: str
    triwulanan: bool = False  # reported per triwulan: one value, in the month that ends it

    @property
    def kunci(self) -> str:
        """The row's key in the metadata: ``KODE:komponen``."""
        return f"{self.kode}:{self.komponen}"


@dataclass(frozen=True)
class StrukturTemplat:
    """What one desa workbook is for: desa, year, period, the month columns and the rows."""

    kode_desa: str
    nama_desa: str
    tahun: int
    periode: str  # DHIS2-style id of the whole period covered (2026, 2026Q1, 202603 ...)
    kolom: tuple[str, ...]  # month period ids, one column each
    baris: tuple[BarisIsian, ...] = field(default_factory=tuple)
    versi: int = VERSI_TEMPLAT

    @property
    def kunci_baris(self) -> tuple[str, ...]:
        """The keys of the rows in order."""
        return tuple(b.kunci for b in self.baris)

    @property
    def kunci_triwulanan(self) -> tuple[str, ...]:
        """The keys of the rows of indicators reported per triwulan, in order."""
        return tuple(b.kunci for b in self.baris if b.triwulanan)

    def checksum(self) -> str:
        """A short SHA-256 over everything that fixes the layout (not over the values)."""
        return checksum_struktur(
            self.versi,
            self.kode_desa,
            self.tahun,
            self.periode,
            self.kolom,
            self.kunci_baris,
            self.kunci_triwulanan,
        )

    def meta(self) -> list[tuple[str, str]]:
        """The key/value rows of the hidden metadata sheet."""
        triwulanan = self.kunci_triwulanan
        return [
            ("jenis_berkas", JENIS_BERKAS),
            ("versi_templat", str(self.versi)),
            ("kode_desa", self.kode_desa),
            ("nama_desa", self.nama_desa),
            ("tahun", str(self.tahun)),
            ("periode", self.periode),
            ("kolom", ",".join(self.kolom)),
            ("baris", ";".join(self.kunci_baris)),
            *([("triwulanan", ";".join(triwulanan))] if triwulanan else []),
            ("checksum", self.checksum()),
        ]


def checksum_struktur(
    versi: int,
    kode_desa: str,
    tahun: int,
    periode: str,
    kolom: tuple[str, ...],
    baris: tuple[str, ...],
    triwulanan: tuple[str, ...] = (),
) -> str:
    """SHA-256 (first 16 hex digits) of the layout, as written into ``_meta``; the rows
    reported per triwulan count only when there are some (older templates had none)."""
    bentuk: list[object] = [versi, kode_desa, tahun, periode, list(kolom), list(baris)]
    if triwulanan:
        bentuk.append(list(triwulanan))
    teks = json.dumps(bentuk)
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()[:16]


def is_open(triwulanan: bool, periode_bulan: str) -> bool:
    """Is the cell of a row for month ``periode_bulan`` ("202603") one the desa fills in?

    Every month of a monthly indicator; for one reported per triwulan only the month that ends
    a triwulan, the month completeness asks for its value in."""
    frekuensi = Frekuensi.TRIWULANAN if triwulanan else Frekuensi.BULANAN
    return bool(choose_expected(frekuensi, parse_periode(periode_bulan)))


def bulan_penutup(periode_bulan: str) -> str:
    """The month that ends the triwulan of ``periode_bulan``: "202601" -> "202603"."""
    p = parse_periode(periode_bulan)
    return f"{p.tahun}{(p.ke + 2) // 3 * 3:02d}"


def tempat_triwulan(r: int, periode_bulan: str, kolom: tuple[str, ...]) -> tuple[str, str]:
    """Where the figure of the triwulan holding ``periode_bulan`` goes, for row ``r`` of a
    workbook covering ``kolom``: ("Triwulan I 2026", "sel H9 (kolom Maret)"), or the template
    to use when this one lacks the month that ends the triwulan."""
    akhir = parse_periode(bulan_penutup(periode_bulan))
    tw, nama = triwulan(akhir.tahun, akhir.ke // 3).label, nama_bulan(akhir.ke)
    if akhir.id in kolom:
        return tw, f"sel {nama_sel(r, KOLOM_BULAN_AWAL + kolom.index(akhir.id))} (kolom {nama})"
    return tw, f"templat bulan {nama} atau templat {tw}"
