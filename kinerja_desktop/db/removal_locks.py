"""What an approved period keeps a removal from taking, and its undo from putting back: the
check every removal of a jabatan, sasaran, indicator or plan row makes before it deletes, and
every undo of one after it has put the rows back in its transaction.

A removal cascades: a jabatan takes its indicators with their values and monev notes, and its
programs with their kegiatan, budget realised and Rencana Aksi. Each of these is locked by the
approval that locks it when written (values and notes by their indicator's period, budget
realised by the jabatan's realisasi of the period holding the triwulan, the plan by the
jabatan's approved targets of the year), so a removal that would take any of them is refused
as a whole, before anything is deleted; and an undo that would bring any of them back into a
period approved since the removal is refused as a whole, rolling back what it put back.
"""

from typing import Any

from peewee import chunked

from kinerja_desktop.db.models import (
    Jabatan,
    Kegiatan,
    Keterangan,
    NilaiRealisasi,
    NilaiTarget,
    Program,
    RealisasiAnggaran,
    RencanaAksi,
)
from kinerja_desktop.db.persetujuan import Kuncian, check_jabatan_locks, check_locks, refuse_kuncian
from kinerja_desktop.db.removed_rows import RemovedRows


def refuse_locked_rows(isi: RemovedRows) -> None:
    """Raise :class:`~kinerja_desktop.errors.Terkunci` when the rows of ``isi`` hold anything an
    approved period locks. A removal asks before it deletes them; an undo after it has put
    them back (the rows must be in the database to find their jabatan), and its transaction
    then takes them out again."""
    per_indikator = [("target", r["indikator"], r["periode"]) for r in isi.baris(NilaiTarget)]
    per_indikator += [
        ("realisasi", r["indikator"], r["periode"])
        for model in (NilaiRealisasi, Keterangan)
        for r in isi.baris(model)
    ]
    kuncian: list[Kuncian] = list(check_locks(per_indikator).values())
    kuncian += check_jabatan_locks(_plan_keys(isi)).values()
    refuse_kuncian(kuncian)


def _plan_keys(isi: RemovedRows) -> list[tuple[str, int, str]]:
    """(kind, jabatan id, period) of the plan rows and budget realised in ``isi``: the plan
    with the jabatan's targets of its year, each budget with the realisasi of its triwulan."""
    anggaran = isi.baris(RealisasiAnggaran)
    kegiatan_ids = {r["id"] for r in isi.baris(Kegiatan)} | {r["kegiatan"] for r in anggaran}
    jabatan_of = _jabatan_of_kegiatan(kegiatan_ids)
    jabatan_ids = {r["jabatan"] for model in (Program, RencanaAksi) for r in isi.baris(model)}
    jabatan_ids |= set(jabatan_of.values())
    tahun = _tahun_of(jabatan_ids)
    keys = [("target", j, str(tahun[j])) for j in jabatan_ids if j in tahun]
    keys += [
        ("realisasi", jabatan_of[r["kegiatan"]], r["periode"])
        for r in anggaran
        if r["kegiatan"] in jabatan_of
    ]
    return keys


def _jabatan_of_kegiatan(ids: set[int]) -> dict[int, int]:
    """kegiatan id -> its program's jabatan id, in chunks under SQLite's variable limit."""
    found: dict[int, int] = {}
    for part in chunked(sorted(ids), 500):
        query: Any = (
            Kegiatan.select(Kegiatan.id, Program.jabatan)
            .join(Program)
            .where(Kegiatan.id.in_(list(part)))
            .tuples()
        )
        found.update(dict(query.iterator()))
    return found


def _tahun_of(ids: set[int]) -> dict[int, int]:
    """jabatan id -> its year."""
    found: dict[int, int] = {}
    for part in chunked(sorted(ids), 500):
        query: Any = Jabatan.select(Jabatan.id, Jabatan.tahun).where(Jabatan.id.in_(list(part)))
        found.update(dict(query.tuples().iterator()))
    return found
