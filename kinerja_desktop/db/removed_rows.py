"""Snapshots of removed rows and everything that cascades from them, for undo.

A removal (a jabatan subtree, a sasaran, an indicator, a sub-item) deletes more than the rows
it names: SQLite's ON DELETE CASCADE takes sub-items, targets, realisasi and their history with
them, and ON DELETE SET NULL clears the links other rows had to them (a kegiatan's indicator,
an action's penanggung jawab, an SKP row's IKI). :func:`capture_rows` reads every such row and link
before the delete, by walking the foreign keys of :data:`~kinerja_desktop.db.models.ALL_MODELS`
rather than naming tables, so a table added later that cascades from or links to one of them
is put back by undo too. :func:`reinsert_rows` inserts the rows again with the same ids,
parents first, and sets the cleared links again.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee

from kinerja_desktop.db.models import (
    ALL_MODELS,
    BaseModel,
    Kegiatan,
    Program,
    RencanaAksi,
    SkpHasilKerja,
)

Kelompok = tuple[type[BaseModel], tuple[dict[str, Any], ...]]

_NAMA_TAUTAN: dict[type[BaseModel], str] = {
    Program: "program",
    Kegiatan: "kegiatan",
    RencanaAksi: "rencana aksi",
    SkpHasilKerja: "rencana hasil kerja SKP",
}
"""How the audit log names the rows whose links a removal cleared (others: their table)."""

_PENGGANTI: dict[tuple[type[BaseModel], str], str] = {
    (RencanaAksi, "penanggung_jawab"): "penanggung_jawab_teks",
}
"""A link the operator may replace by a typed text: once that text is filled in, undo does
not put the link back (the typed name would no longer be printed)."""


def _primary_key(model: type[BaseModel]) -> peewee.Field:
    """The primary key field of ``model`` (every model of ours has one)."""
    key = model._meta.primary_key
    if not isinstance(key, peewee.Field):
        raise TypeError(f"{model.__name__} has no single primary key")
    return key


@dataclass(frozen=True)
class Tautan:
    """A link a removal clears: ``kolom`` of the row ``row_id`` of ``model`` (a row the removal
    keeps) pointed at ``ke``, a row the removal takes (ON DELETE SET NULL)."""

    model: type[BaseModel]
    kolom: str
    row_id: Any
    ke: Any
    jabatan_id: int | None  # whose Rencana Aksi or SKP the row belongs to, for the views


@dataclass(frozen=True)
class RemovedRows:
    """Every row a removal takes, ids included, grouped by model in insertion order, and the
    links to them that the removal clears in rows it keeps.

    The first group holds the rows the removal names (its roots); the others the rows that
    cascade from them.
    """

    kelompok: tuple[Kelompok, ...] = field(repr=False)
    tautan: tuple[Tautan, ...] = field(default=(), repr=False)

    @property
    def akar(self) -> tuple[dict[str, Any], ...]:
        """The rows the removal names."""
        return self.kelompok[0][1]

    def baris(self, model: type[BaseModel]) -> tuple[dict[str, Any], ...]:
        """The captured rows of one model (empty when none went)."""
        for m, rows in self.kelompok:
            if m is model:
                return rows
        return ()

    def jumlah(self, model: type[BaseModel]) -> int:
        """How many rows of ``model`` the removal takes."""
        return len(self.baris(model))


def capture_rows(model: type[BaseModel], akar: Sequence[dict[str, Any]]) -> RemovedRows:
    """Read ``akar`` (rows of ``model``, in the order they must be re-inserted) and every row
    that an ON DELETE CASCADE foreign key would remove with them.

    ALL_MODELS lists parents before children (tests/test_removed_rows.py checks it), so one pass
    in that order finds cascades of cascades (indicator -> realisasi -> nothing; sasaran ->
    indicator -> sub-item, target, realisasi, riwayat).
    """
    pk_root = _primary_key(model).name
    taken: dict[type[BaseModel], list[Any]] = {model: [r[pk_root] for r in akar]}
    groups: list[Kelompok] = [(model, tuple(akar))]
    for other in ALL_MODELS:
        if other is model:
            continue
        terms = [
            fk
            for fk in other._meta.refs
            if fk.rel_model in taken and fk.rel_model is not other and fk.on_delete == "CASCADE"
        ]
        if not terms:
            continue
        pk = _primary_key(other).name
        found: dict[Any, dict[str, Any]] = {}
        for fk in terms:
            ids = taken[fk.rel_model]
            # chunks keep each statement under SQLite's limit of bound variables
            for part in peewee.chunked(ids, 500):
                for row in other.select().where(fk.in_(list(part))).dicts().iterator():
                    found.setdefault(row[pk], row)
        if found:
            rows = tuple(found[k] for k in sorted(found))
            taken[other] = list(found)
            groups.append((other, rows))
    return RemovedRows(tuple(groups), _links_to(taken))


def _links_to(taken: dict[type[BaseModel], list[Any]]) -> tuple[Tautan, ...]:
    """The ON DELETE SET NULL links from rows not taken to rows taken: what the delete clears
    and nothing else puts back (a taken row is re-inserted with its links as they were)."""
    found: list[tuple[type[BaseModel], str, dict[str, Any]]] = []
    for other in ALL_MODELS:
        keep = set(taken.get(other, ()))
        pk = _primary_key(other)
        for fk in other._meta.refs:
            if fk.rel_model not in taken or fk.on_delete != "SET NULL":
                continue
            for part in peewee.chunked(taken[fk.rel_model], 500):
                query = other.select().where(fk.in_(list(part))).order_by(pk).dicts()
                found += [(other, fk.name, r) for r in query.iterator() if r[pk.name] not in keep]
    # a kegiatan belongs to its program's jabatan: one read for all of them
    program_ids = {r["program"] for m, _, r in found if m is Kegiatan}
    programs = Program.select(Program.id, Program.jabatan).where(Program.id.in_(list(program_ids)))
    jabatan_program: dict[int, int] = dict(programs.tuples().iterator()) if program_ids else {}
    return tuple(
        Tautan(
            model,
            kolom,
            row[_primary_key(model).name],
            row[kolom],
            jabatan_program.get(row["program"]) if model is Kegiatan else row.get("jabatan"),
        )
        for model, kolom, row in found
    )


def tautan_text(tautan: Sequence[Tautan]) -> str:
    """``1 kegiatan, 2 rencana aksi`` for links cleared or put back ("" when none)."""
    jumlah: dict[str, set[Any]] = {}
    for t in tautan:
        nama = _NAMA_TAUTAN.get(t.model) or str(t.model._meta.table_name)
        jumlah.setdefault(nama, set()).add(t.row_id)
    return ", ".join(f"{len(ids)} {nama}" for nama, ids in jumlah.items())


_KOLOM_TAUTAN: dict[str, str] = {"penanggung_jawab": "penanggung jawab", "iki": "IKI"}
"""How the confirmation names a link column (others: the column name)."""


def tautan_parts(tautan: Sequence[Tautan]) -> list[str]:
    """``["indikator pada 2 kegiatan", "penanggung jawab pada 1 rencana aksi"]``: which link
    of which rows a removal clears, for the confirmation asked before it."""
    jumlah: dict[tuple[str, str], set[Any]] = {}
    for t in tautan:
        nama = _NAMA_TAUTAN.get(t.model) or str(t.model._meta.table_name)
        jumlah.setdefault((_KOLOM_TAUTAN.get(t.kolom, t.kolom), nama), set()).add(t.row_id)
    return [f"{kolom} pada {len(ids)} {nama}" for (kolom, nama), ids in jumlah.items()]


def tautan_sentence(tautan: Sequence[Tautan], arah: str) -> str:
    """`` Tautan 1 kegiatan dilepas.`` for the status bar (``arah`` "dilepas" or
    "dipulihkan"; "" when none)."""
    return f" Tautan {tautan_text(tautan)} {arah}." if tautan else ""


def is_any_in_use(cuplikan: RemovedRows) -> bool:
    """Whether any captured root id is in use again (data changed outside the undo stack)."""
    model = cuplikan.kelompok[0][0]
    pk = _primary_key(model)
    ids = [r[pk.name] for r in cuplikan.akar]
    return any(
        model.select().where(pk.in_(list(part))).exists() for part in peewee.chunked(ids, 500)
    )


def reinsert_rows(
    cuplikan: RemovedRows, akar: Sequence[dict[str, Any]] | None = None
) -> tuple[Tautan, ...]:
    """Insert every captured row again with its id, parents first, in the caller's transaction,
    then set again the links the removal cleared; returns the links put back.

    A link is put back only where it is still empty: a row removed since, or whose link the
    operator set to something else meanwhile, keeps what it has now.
    ``akar`` replaces the root rows (e.g. a jabatan whose atasan is gone goes under the Camat).
    Raises :class:`peewee.IntegrityError` when the rows no longer fit; the caller turns it into
    an Indonesian refusal and its transaction puts everything back.
    """
    groups: list[Kelompok] = list(cuplikan.kelompok)
    if akar is not None:
        groups[0] = (groups[0][0], tuple(akar))
    for model, rows in groups:
        for part in peewee.chunked(rows, 100):
            model.insert_many([dict(r) for r in part]).execute()
    return tuple(t for t in cuplikan.tautan if _set_link(t))


def _set_link(tautan: Tautan) -> bool:
    """Set one cleared link again where it is still empty; whether it was."""
    model = tautan.model
    kolom = model._meta.fields[tautan.kolom]
    syarat = (_primary_key(model) == tautan.row_id) & kolom.is_null()
    pengganti = _PENGGANTI.get((model, tautan.kolom))
    if pengganti is not None:
        syarat &= model._meta.fields[pengganti] == ""
    return bool(model.update({kolom: tautan.ke}).where(syarat).execute())
