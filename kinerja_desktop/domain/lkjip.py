"""The parts of a Laporan Kinerja (LKjIP) the office writes itself, and where each is printed.

Every table of the report comes from the data; these parts are the office's own words. Each
part has a key stored with its text (``db.models.TeksLkjip.bagian``); the analysis of a
sasaran is keyed by the sasaran (``sasaran:<id>``), since sasaran are rows of the year.
"""

from dataclasses import dataclass
from enum import Enum

from kinerja_desktop.errors import DataTidakValid


@dataclass(frozen=True)
class Bagian:
    """A narrative part: its key and its title as the editor and the report show it."""

    kunci: str
    judul: str


KATA_PENGANTAR = Bagian("kata_pengantar", "Kata Pengantar")
IKHTISAR = Bagian("ikhtisar", "Ikhtisar Eksekutif")
GAMBARAN_UMUM = Bagian("gambaran_umum", "Gambaran Umum (BAB I)")
SUMBER_DAYA = Bagian("sumber_daya", "Sumber Daya (BAB I)")
ISU_STRATEGIS = Bagian("isu_strategis", "Isu Strategis (BAB I)")
DASAR_HUKUM = Bagian("dasar_hukum", "Dasar Hukum (BAB I)")
RENSTRA = Bagian("renstra", "Rencana Strategis (BAB II)")
PENUTUP = Bagian("penutup", "Penutup (BAB IV)")

BAGIAN_TETAP: tuple[Bagian, ...] = (
    KATA_PENGANTAR,
    IKHTISAR,
    GAMBARAN_UMUM,
    SUMBER_DAYA,
    ISU_STRATEGIS,
    DASAR_HUKUM,
    RENSTRA,
    PENUTUP,
)
"""The parts every report has, in the order the editor lists them."""

AWALAN_SASARAN = "sasaran:"


class Asal(Enum):
    """Where an accepted text came from."""

    DIKETIK = "diketik"  # typed or edited by the operator
    USULAN = "usulan"  # the generated draft, accepted as it was
    TAHUN_LALU = "tahun_lalu"  # the year before's text, taken over by the operator's choice

    @property
    def label(self) -> str:
        """How the editor says it."""
        return {
            Asal.DIKETIK: "ditulis operator",
            Asal.USULAN: "usulan otomatis yang diterima",
            Asal.TAHUN_LALU: "diambil dari tahun lalu",
        }[self]


def kunci_sasaran(sasaran_id: int) -> str:
    """The key of the analysis of one sasaran: ``sasaran:12``."""
    return f"{AWALAN_SASARAN}{sasaran_id}"


def sasaran_dari_kunci(kunci: str) -> int | None:
    """The sasaran id of an analysis key, None for a fixed part."""
    if not kunci.startswith(AWALAN_SASARAN):
        return None
    angka = kunci[len(AWALAN_SASARAN) :]
    return int(angka) if angka.isdigit() else None


def check_kunci(kunci: str) -> str:
    """``kunci`` when it names a part; else :class:`DataTidakValid`."""
    if kunci in {b.kunci for b in BAGIAN_TETAP} or sasaran_dari_kunci(kunci) is not None:
        return kunci
    raise DataTidakValid(f"Bagian laporan kinerja '{kunci}' tidak dikenal.")
