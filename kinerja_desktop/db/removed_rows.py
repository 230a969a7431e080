"""Snapshots of removed rows and everything that cascades from them, for undo.

A removal (a jabatan subtree, a sasaran, an indicator, a sub-item) deletes more than the rows
it names: SQLite's ON DELETE CASCADE takes sub-items, targets, realisasi and their history with
them. :func:`tangkap` reads every such row before the delete, by walking the foreign keys of
:data:`~kinerja_desktop.db.models.ALL_MODELS` rather than naming tables, so a table added later
that cascades from one of them is put back by undo too. :func:`reinsert_rows` inserts them
again with the same ids, parents first.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee

from kinerja_desktop.db.models import ALL_MODELS, BaseModel

Kelompok = tuple[type[BaseModel], tuple[dict[str, Any], ...]]


def _primary_key(model: type[BaseModel]) -> peewee.Field:
    """The primary key field of ``model`` (every model of ours has one)."""
    key = model._meta.primary_key
    if not isinstance(key, peewee.Field):
        raise TypeError(f"{model.__name__} has no single primary key")
    return key


@dataclass(frozen=True)
class RemovedRows:
    """Every row a removal takes, ids included, grouped by model in insertion order.

    The first group holds the rows the removal names (its roots); the others the rows that
    cascade from them.
    """

    kelompok: tuple[Kelompok, ...] = field(repr=False)

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


def tangkap(model: type[BaseModel], akar: Sequence[dict[str, Any]]) -> RemovedRows:
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
    return RemovedRows(tuple(groups))


def ada_yang_terpakai(cuplikan: RemovedRows) -> bool:
    """Whether any captured root id is in use again (data changed outside the undo stack)."""
    model = cuplikan.kelompok[0][0]
    pk = _primary_key(model)
    ids = [r[pk.name] for r in cuplikan.akar]
    return any(
        model.select().where(pk.in_(list(part))).exists() for part in peewee.chunked(ids, 500)
    )


def reinsert_rows(cuplikan: RemovedRows, akar: Sequence[dict[str, Any]] | None = None) -> None:
    """Insert every captured row again with its id, parents first, in the caller's transaction.

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
