"""The capaian chart as plain data: one bar per jabatan, its label, value text and band colour.

Two painters draw it: the capaian PDF (reportlab) and the Beranda (QPainter). Both take every
word, number, colour, order and the scale from here, so the chart on the screen and the chart
on paper agree; each only fits the labels to its own width. A jabatan without capaian is a
bar of its own that says "belum ada data", never a bar of 0.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinerja_desktop.domain.value_text import format_angka

if TYPE_CHECKING:
    from kinerja_desktop.reports.capaian_data import JabatanCapaian

BELUM = "belum ada data"
WARNA_TANPA_PITA = "#bbbbbb"  # a capaian whose band has no colour (never in the built-in bands)
GARIS_TARGET = 100.0  # the dashed line: capaian equal to the target


@dataclass(frozen=True)
class Batang:
    """One jabatan's bar."""

    kode: str
    label: str  # the jabatan's name (with its code only where two share a name)
    capaian: float | None  # None: no capaian yet
    teks: str  # "87,5%" or "belum ada data"
    kategori: str  # the band's name, or "belum ada data"
    warna: str | None  # the band's colour; None without capaian
    dasar: str  # "3 dari 5 indikator memiliki capaian"

    @property
    def has_bar(self) -> bool:
        """Whether the jabatan has a capaian to draw as a bar."""
        return self.capaian is not None


@dataclass(frozen=True)
class GrafikCapaian:
    """Horizontal bars of capaian per jabatan, in the order of the IKI decree."""

    judul: str  # "Capaian per jabatan (%) — Triwulan I 2020"
    batang: tuple[Batang, ...]
    skala_maks: float  # the value at the right end of the axis
    legenda: tuple[tuple[str, str, str], ...]  # (range, band name, colour), highest first

    @property
    def tanda(self) -> tuple[float, ...]:
        """The axis marks: every 20% (every 50% or 100% on a long axis), 0 and 100 included."""
        langkah = 20.0 if self.skala_maks <= 200 else 50.0 if self.skala_maks <= 500 else 100.0
        n = int(self.skala_maks // langkah)
        return tuple(i * langkah for i in range(n + 1))

    @property
    def kosong(self) -> bool:
        """True when no jabatan has a capaian yet."""
        return not any(b.has_bar for b in self.batang)

    def bagian(self, persen: float) -> float:
        """Where ``persen`` lies on the axis, 0 at the left end and 1 at the right."""
        return max(0.0, min(1.0, persen / self.skala_maks))


def teks_tanda(persen: float) -> str:
    """An axis mark as printed: ``100%``."""
    return f"{format_angka(persen, 0)}%"


def grafik_capaian(
    jabatan: Iterable["JabatanCapaian"], legenda: Sequence[tuple[str, str, str]], judul: str
) -> GrafikCapaian:
    """The chart of ``jabatan`` (from :func:`~kinerja_desktop.reports.capaian_data.
    capaian_jabatan`) with the bands ``legenda`` (:func:`~kinerja_desktop.reports.
    capaian_data.rentang_pita`)."""
    batang = tuple(
        Batang(
            kode=j.kode,
            label=j.label,
            capaian=j.capaian,
            teks=BELUM if j.capaian is None else f"{format_angka(j.capaian, 1)}%",
            kategori=BELUM if j.capaian is None else j.kategori,
            warna=None if j.capaian is None else (j.warna or WARNA_TANPA_PITA),
            dasar=f"{j.ada} dari {j.total} indikator memiliki capaian",
        )
        for j in jabatan
    )
    nilai = [b.capaian for b in batang if b.capaian is not None]
    # at least 120% so that the 100% line stands inside the axis; wider for an outlier,
    # rounded up to a whole mark so that the axis ends on one
    tertinggi = max([120.0, *nilai])
    langkah = 20.0 if tertinggi <= 200 else 50.0 if tertinggi <= 500 else 100.0
    skala = -(-tertinggi // langkah) * langkah
    return GrafikCapaian(judul, batang, skala, tuple(legenda))
