"""Which (indicator, period, desa) may hold a target or a realisasi: one rule for the grid,
the values CSV and the desa workbooks, so that no way in stores what another would refuse.

- A target belongs to the kecamatan (no desa) and to a year or a triwulan.
- A realisasi of an indicator whose data come from the desa belongs to one desa; any other
  realisasi to the kecamatan (no desa).
- A realisasi is reported per month; an indicator reported per triwulan may also hold one per
  triwulan. Semester and year figures are always computed from them, never stored.

What a desa owes for completeness follows the same rule (:func:`choose_expected`): a monthly
indicator one value a month, a triwulan indicator one value a triwulan.

Whether a stored value is locked (approved) is a question about what is stored, answered by
:mod:`kinerja_desktop.db.ops_nilai`.
"""

from dataclasses import dataclass
from typing import Literal

from kinerja_desktop.domain.indikator import Frekuensi
from kinerja_desktop.domain.periode import JenisPeriode, Periode

JenisNilai = Literal["target", "realisasi"]


@dataclass(frozen=True)
class SifatIndikator:
    """What the rule needs to know of an indicator."""

    kode: str
    dari_desa: bool
    frekuensi: Frekuensi


def slot_refusal(
    jenis: JenisNilai, indikator: SifatIndikator, periode: Periode, per_desa: bool
) -> str | None:
    """Why a ``jenis`` value of ``indikator`` for ``periode`` (for one desa when ``per_desa``)
    cannot be stored, in Indonesian; None when it can."""
    if jenis == "target":
        if per_desa:
            return "Target ditetapkan untuk kecamatan, bukan per desa; kosongkan kode desa."
        if periode.jenis not in (JenisPeriode.TAHUN, JenisPeriode.TRIWULAN):
            return (
                f"Target ditetapkan per tahun ({periode.tahun}) atau per triwulan "
                f"({periode.tahun}Q1-Q4), bukan untuk {periode.label}."
            )
        return None
    if indikator.dari_desa and not per_desa:
        return f"Indikator {indikator.kode} diisi per desa/kelurahan; kode desa wajib diisi."
    if not indikator.dari_desa and per_desa:
        return (
            f"Indikator {indikator.kode} diisi untuk kecamatan, bukan per desa; kosongkan kode "
            "desa."
        )
    if periode.jenis is JenisPeriode.BULAN:
        return None
    if periode.jenis is JenisPeriode.TRIWULAN:
        if indikator.frekuensi is Frekuensi.TRIWULANAN:
            return None
        return (
            f"Realisasi indikator {indikator.kode} dilaporkan bulanan: isi bulan-bulannya, "
            f"{periode.label} dihitung dari situ."
        )
    return (
        f"Realisasi diisi per bulan (atau per triwulan untuk indikator triwulanan); "
        f"{periode.label} dihitung dari situ, tidak diisi sendiri."
    )


def choose_expected(frekuensi: Frekuensi, periode: Periode) -> tuple[tuple[int, ...], ...]:
    """The realisasi an indicator reported at ``frekuensi`` owes for ``periode``, each as the
    months whose values make it up (a value stored for a triwulan covers its months).

    A monthly indicator owes one value per month. A triwulan indicator owes one value per
    triwulan, and it falls due when the triwulan ends: it is owed in the month that ends the
    triwulan (March, June, September, December), given by any value within the triwulan,
    and owes nothing in the two months before. So January 2026 owes nothing of it, March 2026
    and Triwulan I 2026 each owe ``((1, 2, 3),)``, the year four such triwulan."""
    if frekuensi is Frekuensi.BULANAN:
        return tuple((m,) for m in periode.bulan)
    return tuple((m - 2, m - 1, m) for m in periode.bulan if m % 3 == 0)
