"""Reporting periods with DHIS2-style identifiers.

``2026`` is the year, ``2026S1``/``2026S2`` a semester, ``2026Q1``…``2026Q4`` a triwulan and
``202601``…``202612`` a month. The identifier is what the database, CSV files and the CLI
store; the label ("Triwulan I 2026", "Januari 2026") is what people read.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from kinerja_desktop.domain.tanggal import nama_bulan
from kinerja_desktop.errors import DataTidakValid

TAHUN_MIN, TAHUN_MAX = 2000, 2100
ROMAWI = ("I", "II", "III", "IV")


class JenisPeriode(StrEnum):
    """The length of a period; the value is the number of months it covers."""

    TAHUN = "tahun"
    SEMESTER = "semester"
    TRIWULAN = "triwulan"
    BULAN = "bulan"

    @property
    def bulan(self) -> int:
        """How many months a period of this kind covers."""
        return _PANJANG[self.value]


_PANJANG = {"tahun": 12, "semester": 6, "triwulan": 3, "bulan": 1}


@dataclass(frozen=True)
class Periode:
    """One reporting period: a year, semester (ke 1-2), triwulan (ke 1-4) or month (ke 1-12).

    ``ke`` is 0 for a whole year. Ordering sorts by year, then by first month, then longest
    first, so a year comes before its first triwulan and that before January.
    """

    tahun: int
    awal: int  # first month covered, 1-12
    jenis: JenisPeriode
    ke: int
    # last month covered; kept as a field because roll-ups compare periods very often
    akhir: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "akhir", self.awal + _PANJANG[self.jenis.value] - 1)

    @property
    def id(self) -> str:
        """The DHIS2-style identifier: 2026, 2026S1, 2026Q1 or 202601."""
        if self.jenis is JenisPeriode.TAHUN:
            return str(self.tahun)
        if self.jenis is JenisPeriode.SEMESTER:
            return f"{self.tahun}S{self.ke}"
        if self.jenis is JenisPeriode.TRIWULAN:
            return f"{self.tahun}Q{self.ke}"
        return f"{self.tahun}{self.ke:02d}"

    @property
    def bulan(self) -> tuple[int, ...]:
        """The months (1-12) the period covers."""
        return tuple(range(self.awal, self.akhir + 1))

    @property
    def label(self) -> str:
        """The Indonesian label: "Tahun 2026", "Semester I 2026", "Triwulan I 2026"…"""
        if self.jenis is JenisPeriode.TAHUN:
            return f"Tahun {self.tahun}"
        if self.jenis is JenisPeriode.SEMESTER:
            return f"Semester {ROMAWI[self.ke - 1]} {self.tahun}"
        if self.jenis is JenisPeriode.TRIWULAN:
            return f"Triwulan {ROMAWI[self.ke - 1]} {self.tahun}"
        return f"{nama_bulan(self.ke)} {self.tahun}"

    @property
    def label_pendek(self) -> str:
        """A short label for grid headers: "Jan", "TW I", "Sem I", "2026"."""
        if self.jenis is JenisPeriode.TAHUN:
            return str(self.tahun)
        if self.jenis is JenisPeriode.SEMESTER:
            return f"Sem {ROMAWI[self.ke - 1]}"
        if self.jenis is JenisPeriode.TRIWULAN:
            return f"TW {ROMAWI[self.ke - 1]}"
        return nama_bulan(self.ke)[:3]

    @property
    def tanggal_akhir(self) -> date:
        """The last day of the period (31 March for Triwulan I): a report's default date."""
        return date(self.tahun, self.akhir, calendar.monthrange(self.tahun, self.akhir)[1])

    def contains(self, lain: "Periode") -> bool:
        """Whether ``lain`` lies entirely inside this period (a period contains itself)."""
        return lain.tahun == self.tahun and self.awal <= lain.awal and lain.akhir <= self.akhir

    @property
    def kunci_urut(self) -> tuple[int, int, int]:
        """Sort key: year, first month, longest first."""
        return (self.tahun, self.awal, self.awal - self.akhir)

    def __lt__(self, other: "Periode") -> bool:
        return self.kunci_urut < other.kunci_urut

    def __str__(self) -> str:
        return self.id


def tahun_(tahun: int) -> Periode:
    """The whole year ``tahun``."""
    return Periode(tahun, 1, JenisPeriode.TAHUN, 0)


def semester(tahun: int, ke: int) -> Periode:
    """Semester ``ke`` (1-2) of ``tahun``."""
    return Periode(tahun, (ke - 1) * 6 + 1, JenisPeriode.SEMESTER, ke)


def triwulan(tahun: int, ke: int) -> Periode:
    """Triwulan ``ke`` (1-4) of ``tahun``."""
    return Periode(tahun, (ke - 1) * 3 + 1, JenisPeriode.TRIWULAN, ke)


def bulan(tahun: int, ke: int) -> Periode:
    """Month ``ke`` (1-12) of ``tahun``."""
    return Periode(tahun, ke, JenisPeriode.BULAN, ke)


_POLA = re.compile(r"^(\d{4})(?:(S)([12])|(Q)([1-4])|(\d{2}))?$")


@lru_cache(maxsize=4096)
def parse_periode(teks: str) -> Periode:
    """Read a period identifier; raise :class:`DataTidakValid` with the accepted forms.

    Cached: a year of desa values repeats a few dozen ids thousands of times (reading the
    values, planning an import), and a Periode is frozen, so one object serves every caller.
    """
    bersih = str(teks).strip().upper()
    cocok = _POLA.match(bersih)
    contoh = "2026 (tahun), 2026S1 (semester), 2026Q1 (triwulan) atau 202601 (bulan)"
    if cocok is None:
        raise DataTidakValid(f"Periode {teks!r} tidak dikenal; tulis seperti {contoh}.")
    tahun = int(cocok.group(1))
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise DataTidakValid(
            f"Periode {teks!r}: tahun {tahun} tidak masuk akal (isi {TAHUN_MIN}-{TAHUN_MAX})."
        )
    if cocok.group(2):
        return semester(tahun, int(cocok.group(3)))
    if cocok.group(4):
        return triwulan(tahun, int(cocok.group(5)))
    if cocok.group(6):
        ke = int(cocok.group(6))
        if not 1 <= ke <= 12:
            raise DataTidakValid(
                f"Periode {teks!r}: bulan {ke:02d} tidak ada; bulan ditulis 01 sampai 12."
            )
        return bulan(tahun, ke)
    return tahun_(tahun)


def sampai_triwulan(tahun: int, ke: int) -> Periode:
    """January to the end of triwulan ``ke`` (1-4): the span of a cumulative figure ("s.d.
    TW III"). TW I is the triwulan itself, TW II the first semester and TW IV the year. TW III
    has no period of its own: it is given as a triwulan-kind period stretched over nine
    months, which the roll-ups and the target rule read by its months alone; it is never
    stored, printed by its id or label, or read back."""
    if ke == 1:
        return triwulan(tahun, 1)
    if ke == 2:
        return semester(tahun, 1)
    if ke == 4:
        return tahun_(tahun)
    if ke != 3:
        raise DataTidakValid(f"Triwulan {ke} tidak ada; tulis 1 sampai 4.")
    sembilan = Periode(tahun, 1, JenisPeriode.TRIWULAN, 3)
    object.__setattr__(sembilan, "akhir", 9)
    return sembilan


def bulan_setahun(tahun: int) -> list[Periode]:
    """The twelve months of ``tahun``."""
    return [bulan(tahun, m) for m in range(1, 13)]


def triwulan_setahun(tahun: int) -> list[Periode]:
    """The four triwulan of ``tahun``."""
    return [triwulan(tahun, q) for q in range(1, 5)]


def pilihan_periode(tahun: int) -> list[Periode]:
    """The periods of a year as every dialog offers them, grouped by kind: the year, the
    semesters, the triwulan, then the months."""
    hasil = [tahun_(tahun), semester(tahun, 1), semester(tahun, 2)]
    return hasil + triwulan_setahun(tahun) + bulan_setahun(tahun)


def periode_terakhir_selesai(tahun: int, hari_ini: date) -> Periode:
    """The period a report is most likely wanted for on ``hari_ini``: the last triwulan of
    ``tahun`` that has ended, the whole year once it is over, Triwulan I before that."""
    if hari_ini.year > tahun:
        return tahun_(tahun)
    selesai = [t for t in triwulan_setahun(tahun) if t.tanggal_akhir < hari_ini]
    return selesai[-1] if selesai else triwulan(tahun, 1)


def semua_periode(tahun: int) -> list[Periode]:
    """Every period of a year in sorted order (year, semesters, triwulan, months)."""
    hasil = [tahun_(tahun)]
    hasil += [semester(tahun, s) for s in (1, 2)]
    hasil += triwulan_setahun(tahun)
    hasil += bulan_setahun(tahun)
    return sorted(hasil)
