"""The fixed choices that describe an indicator, with the labels the operator sees.

The stored values are short lowercase Indonesian words (they appear in CSV/JSON exports and
the CLI); the labels are what drop-downs and reports show.
"""

from enum import StrEnum


class Jenis(StrEnum):
    """How an indicator's value is made."""

    JUMLAH = "jumlah"
    """A count (``Jumlah … (tahun n)``): values add up over periods and desa."""
    PERSENTASE = "persentase"
    """Σ pembilang / Σ penyebut × 100%: numerator and denominator are stored, never the ratio."""
    KEHADIRAN = "kehadiran"
    """Attendance rate: Σ pegawai × (Σ hari kerja efektif − Σ hari tidak masuk) /
    (Σ pegawai × Σ hari kerja efektif) × 100%, with a number of effective working days a year."""

    @property
    def label(self) -> str:
        """Indonesian label for screens and reports."""
        return {
            Jenis.JUMLAH: "Jumlah",
            Jenis.PERSENTASE: "Persentase",
            Jenis.KEHADIRAN: "Tingkat kehadiran",
        }[self]


class Polaritas(StrEnum):
    """Which direction of the realisasi is good."""

    POSITIF = "positif"
    NEGATIF = "negatif"
    RENTANG = "rentang"

    @property
    def label(self) -> str:
        """Indonesian label for screens and reports."""
        return {
            Polaritas.POSITIF: "Makin tinggi makin baik",
            Polaritas.NEGATIF: "Makin rendah makin baik",
            Polaritas.RENTANG: "Target rentang",
        }[self]


class Frekuensi(StrEnum):
    """How often realisasi is reported."""

    BULANAN = "bulanan"
    TRIWULANAN = "triwulanan"

    @property
    def label(self) -> str:
        """Indonesian label for screens and reports."""
        return {Frekuensi.BULANAN: "Bulanan", Frekuensi.TRIWULANAN: "Triwulanan"}[self]


class Agregasi(StrEnum):
    """How values of several periods combine into one (ratios always use Σ/Σ)."""

    JUMLAH = "jumlah"
    RATA_RATA = "rata_rata"
    TERAKHIR = "terakhir"

    @property
    def label(self) -> str:
        """Indonesian label for screens and reports."""
        return {
            Agregasi.JUMLAH: "Dijumlahkan",
            Agregasi.RATA_RATA: "Dirata-rata",
            Agregasi.TERAKHIR: "Nilai terakhir",
        }[self]


HARI_KERJA_EFEKTIF_BAWAAN = 240
"""Effective working days a year fixed by the 2020 decree for the attendance formula."""


def huruf_butir(index: int) -> str:
    """The letter of sub-item ``index`` (0 → "a", 25 → "z", 26 → "aa")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
