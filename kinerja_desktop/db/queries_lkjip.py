"""Reading what the office wrote for its Laporan Kinerja: accepted texts and Renstra targets."""

from collections.abc import Iterable
from dataclasses import dataclass

from kinerja_desktop.db.models import Jabatan, Sasaran, TargetRenstra, TeksLkjip
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.lkjip import Asal, kunci_sasaran, sasaran_dari_kunci


@dataclass(frozen=True)
class TeksTersimpan:
    """An accepted text with where it came from, who accepted it and when."""

    teks: str
    asal: Asal
    usulan: str  # the generated draft when it was accepted
    oleh: str
    diubah: str


def teks_lkjip(tahun: int) -> dict[str, TeksTersimpan]:
    """The accepted texts of ``tahun``'s report by part key (a missing key: still a draft)."""
    return {
        kunci: TeksTersimpan(teks, Asal(asal), usulan, oleh, diubah)
        for kunci, teks, asal, usulan, oleh, diubah in TeksLkjip.select(
            TeksLkjip.bagian,
            TeksLkjip.teks,
            TeksLkjip.asal,
            TeksLkjip.usulan,
            TeksLkjip.oleh,
            TeksLkjip.diubah,
        )
        .where(TeksLkjip.tahun == tahun)
        .tuples()
        .iterator()
    }


@dataclass(frozen=True)
class TargetLimaTahun:
    """The Renstra target of an indicator and the year its plan ends."""

    target: Target
    tahun_akhir: int


def target_renstra(kode: Iterable[str], tahun: int) -> dict[str, TargetLimaTahun]:
    """For each indicator code, the Renstra target of the plan that covers ``tahun``: the one
    ending soonest in or after ``tahun`` (codes without one are left out)."""
    hasil: dict[str, TargetLimaTahun] = {}
    kode = list(kode)
    for i in range(0, len(kode), 500):
        rows = (
            TargetRenstra.select(
                TargetRenstra.kode_indikator,
                TargetRenstra.tahun_akhir,
                TargetRenstra.nilai,
                TargetRenstra.nilai_atas,
            )
            .where(
                TargetRenstra.kode_indikator.in_(kode[i : i + 500]),
                TargetRenstra.tahun_akhir >= tahun,
            )
            .order_by(TargetRenstra.tahun_akhir.desc())
            .tuples()
        )
        for k, akhir, nilai, atas in rows.iterator():
            hasil[k] = TargetLimaTahun(Target(nilai, atas), akhir)  # the soonest comes last
    return hasil


def teks_tahun_lalu(tahun: int, kunci: str) -> TeksTersimpan | None:
    """The text the year before ``tahun`` kept for the same part, for the operator to take over
    by choice: a fixed part by its key; a sasaran's analysis through the sasaran of the same
    jabatan code and wording in that year (None when there is none)."""
    sasaran_id = sasaran_dari_kunci(kunci)
    if sasaran_id is not None:
        row = (
            Sasaran.select(Sasaran.teks, Jabatan.kode)
            .join(Jabatan)
            .where(Sasaran.id == sasaran_id)
            .tuples()
            .first()
        )
        if row is None:
            return None
        lalu = (
            Sasaran.select(Sasaran.id)
            .join(Jabatan)
            .where(Jabatan.tahun == tahun - 1, Jabatan.kode == row[1], Sasaran.teks == row[0])
            .scalar()
        )
        if lalu is None:
            return None
        kunci = kunci_sasaran(lalu)
    return teks_lkjip(tahun - 1).get(kunci)
