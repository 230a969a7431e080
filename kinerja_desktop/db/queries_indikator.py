"""Reading the sasaran of a jabatan, their indicators and sub-items as views show them, and
the questions the editing operations ask first (is this code free, which code comes next, how
many values hang on an indicator)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from kinerja_desktop.db.models import (
    Indikator,
    NilaiRealisasi,
    NilaiTarget,
    Sasaran,
    SubIndikator,
)
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.domain.kode import bentuk_kode, masalah_kode
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

FIELDS = ("kode", "nama", "formula", "satuan", "polaritas", "jenis", "sumber_data")
"""The indicator fields edited in the Indikator tab, in the order of its columns."""


@dataclass(frozen=True)
class SubData:
    """A sub-item as views show it."""

    id: int
    teks: str
    formula: str


@dataclass(frozen=True)
class IndikatorData:
    """An indicator as views show it: the editable fields and the sub-items."""

    id: int
    kode: str
    nama: str
    formula: str
    satuan: str
    polaritas: str
    jenis: str
    sumber_data: str
    sub: list[SubData] = field(default_factory=list)

    def fields(self) -> dict[str, str]:
        """The editable fields (:data:`FIELDS`) as a dictionary."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class SasaranData:
    """A sasaran with its indicators, in order."""

    id: int
    teks: str
    indikator: list[IndikatorData] = field(default_factory=list)


def load_sasaran(jabatan_id: int) -> list[SasaranData]:
    """The sasaran of a jabatan with their indicators and sub-items, in document order."""
    sasaran = list(Sasaran.select().where(Sasaran.jabatan == jabatan_id).order_by(Sasaran.urutan))
    indikator = list(
        Indikator.select()
        .where(Indikator.sasaran.in_([s.id for s in sasaran]))
        .order_by(Indikator.urutan, Indikator.id)
    )
    subs: dict[int, list[SubData]] = {}
    for sub in (
        SubIndikator.select()
        .where(SubIndikator.indikator.in_([i.id for i in indikator]))
        .order_by(SubIndikator.urutan, SubIndikator.id)
    ):
        subs.setdefault(sub.indikator_id, []).append(SubData(sub.id, sub.teks, sub.formula))
    by_sasaran: dict[int, list[IndikatorData]] = {}
    for ind in indikator:
        by_sasaran.setdefault(ind.sasaran_id, []).append(
            IndikatorData(
                id=ind.id,
                sub=subs.get(ind.id, []),
                **{name: getattr(ind, name) for name in FIELDS},
            )
        )
    return [SasaranData(s.id, s.teks, by_sasaran.get(s.id, [])) for s in sasaran]


def kode_problem(tahun: int, kode: str, kecuali_id: int | None = None) -> str | None:
    """Why ``kode`` cannot be an indicator code in ``tahun`` (Indonesian), or None."""
    try:
        kode = bentuk_kode(kode, "Kode indikator")
    except DataTidakValid as exc:
        return exc.pesan
    masalah = masalah_kode(kode, "Kode indikator")
    if masalah is not None:
        return masalah
    other = Indikator.get_or_none((Indikator.tahun == tahun) & (Indikator.kode == kode))
    if other is not None and other.id != kecuali_id:
        pemilik = other.sasaran.jabatan.nama
        return f"Kode {kode} sudah dipakai indikator lain tahun {tahun} ({pemilik})."
    return None


def next_kode(jabatan_id: int) -> str:
    """A new indicator code for a jabatan, unique within its year (``KODE.NN``)."""
    jabatan = require_jabatan(jabatan_id)
    taken = {
        i.kode for i in Indikator.select(Indikator.kode).where(Indikator.tahun == jabatan.tahun_id)
    }
    number = 1 + sum(1 for k in taken if k.startswith(f"{jabatan.kode}."))
    while f"{jabatan.kode}.{number:02d}" in taken:
        number += 1
    return f"{jabatan.kode}.{number:02d}"


def jumlah_nilai(indikator_id: int) -> tuple[int, int]:
    """How many targets and realisasi are stored for an indicator."""
    return (
        NilaiTarget.select().where(NilaiTarget.indikator == indikator_id).count(),
        NilaiRealisasi.select().where(NilaiRealisasi.indikator == indikator_id).count(),
    )


def indikator_fields(indikator_id: int) -> dict[str, str]:
    """The current values of the editable fields of an indicator (what undo restores)."""
    ind = Indikator.get_or_none(Indikator.id == indikator_id)
    if ind is None:
        raise TidakDitemukan("Indikator ini sudah tidak ada (mungkin sudah dihapus).")
    return {name: getattr(ind, name) for name in FIELDS}


def kode_indikator(ids: Iterable[int]) -> dict[int, str]:
    """The code of each indicator in ``ids``, read in one query (absent ids are left out)."""
    return dict(
        Indikator.select(Indikator.id, Indikator.kode)
        .where(Indikator.id.in_(list(ids)))
        .tuples()
        .iterator()
    )
