"""Which (indicator, period, desa) may hold a target or a realisasi: one rule for the grid,
the values CSV and the desa workbooks, so that no way in stores what another would refuse.

- A target belongs to the kecamatan (no desa) and to a year or a triwulan.
- A realisasi of an indicator whose data come from the desa belongs to one desa; any other
  realisasi to the kecamatan (no desa).
- A realisasi is reported per month; an indicator reported per triwulan may also hold one per
  triwulan. Semester and year figures are always computed from them, never stored.

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
