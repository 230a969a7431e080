"""Read-only questions the CLI, reports and views ask of the database."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from peewee import fn

from kinerja_desktop.db.models import (
    Desa,
    Indikator,
    Jabatan,
    Kantor,
    Pegawai,
    Sasaran,
    SubIndikator,
    Tahun,
)
from kinerja_desktop.errors import TidakDitemukan


def nama_kecamatan() -> str:
    """The office's kecamatan name ("" in a database without an office)."""
    kantor = Kantor.get_or_none()
    return kantor.kecamatan if kantor else ""


def years() -> list[int]:
    """All years in the database, oldest first."""
    return [t.tahun for t in Tahun.select(Tahun.tahun).order_by(Tahun.tahun)]


def latest_year() -> int | None:
    """The most recent year, or None for a database without years."""
    return Tahun.select(fn.MAX(Tahun.tahun)).scalar()


def require_year(tahun: int) -> Tahun:
    """Return the year ``tahun`` or raise :class:`TidakDitemukan` listing the years there are."""
    found = Tahun.get_or_none(Tahun.tahun == tahun)
    if found is None:
        ada = ", ".join(str(y) for y in years()) or "belum ada"
        raise TidakDitemukan(f"Tahun {tahun} tidak ada di basis data (tahun yang ada: {ada}).")
    return found


def require_jabatan(jabatan_id: int) -> Jabatan:
    """The jabatan ``jabatan_id``, or :class:`TidakDitemukan` (it was removed meanwhile)."""
    found = Jabatan.get_or_none(Jabatan.id == jabatan_id)
    if found is None:
        raise TidakDitemukan("Jabatan ini sudah tidak ada (mungkin sudah dihapus).")
    return found


class _Simpul(Protocol):
    id: int
    atasan_id: int | None
    urutan: int


J = TypeVar("J", bound=_Simpul)


def urut_pohon(rows: Iterable[J]) -> list[tuple[J, int]]:
    """Jabatan rows in tree order with their depth (0 = directly under the Camat).

    Depth-first from the positions directly under the Camat, each level ordered by
    ``urutan`` (then id), so a Kasubag's staff follow their Kasubag: the order of the IKI
    decree, the capaian report and every list of a year's indicators.
    """
    rows = list(rows)
    ids = {j.id for j in rows}
    children: dict[int | None, list[J]] = defaultdict(list)
    for j in rows:
        # A superior outside this set (should not happen) makes the jabatan a root rather
        # than hiding it.
        parent = j.atasan_id if j.atasan_id in ids else None
        children[parent].append(j)
    for kids in children.values():
        kids.sort(key=lambda j: (j.urutan, j.id))
    ordered: list[tuple[J, int]] = []
    seen: set[int] = set()

    def visit(parent: int | None, depth: int) -> None:
        for j in children.get(parent, []):
            if j.id in seen:
                continue
            seen.add(j.id)
            ordered.append((j, depth))
            visit(j.id, depth + 1)

    visit(None, 0)
    # A cycle in the atasan links (also should not happen) would leave rows unvisited.
    for j in sorted(rows, key=lambda j: (j.urutan, j.id)):
        if j.id not in seen:
            seen.add(j.id)
            ordered.append((j, 0))
            visit(j.id, 1)
    return ordered


def urutan_jabatan(tahun: int) -> dict[int, int]:
    """The place of every jabatan of ``tahun`` in tree order (:func:`urut_pohon`), by id."""
    rows = Jabatan.select(Jabatan.id, Jabatan.atasan, Jabatan.urutan).where(Jabatan.tahun == tahun)
    return {j.id: i for i, (j, _) in enumerate(urut_pohon(rows))}


@dataclass(frozen=True)
class Statistik:
    """Counts shown by ``kinerja-desktop stats``; jabatan and indikator for ``tahun_terakhir``."""

    tahun: list[int]
    jabatan: int
    indikator: int
    desa: int
    pegawai: int

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of the counts."""
        return {
            "tahun": self.tahun,
            "jabatan": self.jabatan,
            "indikator": self.indikator,
            "desa": self.desa,
            "pegawai": self.pegawai,
        }


def statistics() -> Statistik:
    """Count what the database holds; jabatan and indicators of the latest year."""
    all_years = years()
    latest = all_years[-1] if all_years else None
    return Statistik(
        tahun=all_years,
        jabatan=Jabatan.select().where(Jabatan.tahun == latest).count() if latest else 0,
        indikator=Indikator.select().where(Indikator.tahun == latest).count() if latest else 0,
        desa=Desa.select().count(),
        pegawai=Pegawai.select().count(),
    )


def indicators_of_year(tahun: int) -> list[dict[str, Any]]:
    """The indicators of a year in document order, as plain dictionaries (the JSON form)."""
    require_year(tahun)
    query = (
        Indikator.select(Indikator, Sasaran, Jabatan)
        .join(Sasaran)
        .join(Jabatan)
        .where(Indikator.tahun == tahun)
        .order_by(Jabatan.urutan, Sasaran.urutan, Indikator.urutan)
    )
    rows = list(query)
    # the sub-items of every indicator in one query, not one query per indicator
    sub: dict[int, list[str]] = defaultdict(list)
    for indikator_id, teks in (
        SubIndikator.select(SubIndikator.indikator, SubIndikator.teks)
        .join(Indikator)
        .where(Indikator.tahun == tahun)
        .order_by(SubIndikator.urutan, SubIndikator.id)
        .tuples()
        .iterator()
    ):
        sub[indikator_id].append(teks)
    result = []
    for ind in rows:
        result.append(
            {
                "kode": ind.kode,
                "kode_jabatan": ind.sasaran.jabatan.kode,
                "jabatan": ind.sasaran.jabatan.nama,
                "sasaran": ind.sasaran.teks,
                "nama": ind.nama,
                "sub": sub[ind.id],
                "formula": ind.formula,
                "sumber_data": ind.sumber_data,
                "satuan": ind.satuan,
                "jenis": ind.jenis,
                "polaritas": ind.polaritas,
                "dari_desa": ind.dari_desa,
                "frekuensi": ind.frekuensi,
                "agregasi": ind.agregasi,
            }
        )
    return result


def desa_indicators(tahun: int) -> list[Indikator]:
    """The indicators of ``tahun`` whose data come from the desa, in document order."""
    require_year(tahun)
    return list(
        Indikator.select(Indikator)
        .join(Sasaran)
        .join(Jabatan)
        .where((Indikator.tahun == tahun) & (Indikator.dari_desa == True))  # noqa: E712
        .order_by(Jabatan.urutan, Sasaran.urutan, Indikator.urutan)
    )


@dataclass(frozen=True)
class JabatanRingkas:
    """What a tab says about the jabatan it shows."""

    id: int
    kode: str
    nama: str
    tahun: int


def find_jabatan(jabatan_id: int) -> JabatanRingkas | None:
    """The jabatan ``jabatan_id``, or None when it is gone (removed, perhaps by an undo)."""
    row = (
        Jabatan.select(Jabatan.id, Jabatan.kode, Jabatan.nama, Jabatan.tahun)
        .where(Jabatan.id == jabatan_id)
        .tuples()
        .iterator()
    )
    return next((JabatanRingkas(*r) for r in row), None)
