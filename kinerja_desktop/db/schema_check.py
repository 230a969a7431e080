"""Is a database file shaped exactly as this application expects? Tables, columns, indexes,
foreign keys, and nothing foreign (no triggers, no views, no tables of someone else).

A restore checks the file it is about to install with :func:`check_shape`, after upgrading a
copy to the current schema: a header that says "Kinerja Desktop, schema 2" proves nothing about
what is inside (a trigger that adds 1 to every stored value, a dropped column that crashes a
later command, tables of a newer version under an older version number).

The expected shape is built from the models (``schema.SCHEMA_MODELS``) in a private in-memory
database, without binding the models to it, so it always follows the current schema.
"""

import sqlite3
from functools import cache
from typing import Any

import peewee
from peewee import SchemaManager, SqliteDatabase

from kinerja_desktop.errors import BasisDataBermasalah

# what SQLite itself keeps in a database (autoincrement counters, ANALYZE statistics)
_INTERNAL = "sqlite_%"

Shape = dict[str, Any]


def _rows(conn: Any, sql: str, *params: object) -> list[tuple]:
    if isinstance(conn, peewee.Database):
        return list(conn.execute_sql(sql, params).fetchall())
    return list(conn.execute(sql, params).fetchall())


def shape_of(conn: sqlite3.Connection | peewee.Database) -> Shape:
    """The shape of an open database: per table its columns, indexes and foreign keys, and
    the names of any triggers and views."""
    objects = _rows(
        conn,
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE ? ORDER BY name",
        _INTERNAL,
    )
    tables: dict[str, dict[str, Any]] = {}
    for kind, name, _ in objects:
        if kind != "table":
            continue
        columns = [
            (r[1], str(r[2]).upper(), bool(r[3]), r[5])
            for r in _rows(conn, f'PRAGMA table_info("{name}")')
        ]
        indexes = {}
        for r in _rows(conn, f'PRAGMA index_list("{name}")'):
            keys = [
                (k[1], k[2])  # column id (-2: an expression) and name
                for k in _rows(conn, f'PRAGMA index_xinfo("{r[1]}")')
                if k[5]  # key columns only, not the row id SQLite appends
            ]
            indexes[r[1]] = (bool(r[2]), keys)
        foreign = sorted(
            (r[3], r[2], r[4], r[6]) for r in _rows(conn, f'PRAGMA foreign_key_list("{name}")')
        )
        tables[name] = {"kolom": columns, "indeks": indexes, "kunci_asing": foreign}
    return {
        "tabel": tables,
        "trigger": sorted(n for k, n, _ in objects if k == "trigger"),
        "view": sorted(n for k, n, _ in objects if k == "view"),
    }


@cache
def expected_shape() -> Shape:
    """The shape of a database of the current schema, built from the models."""
    from kinerja_desktop.db.schema import SCHEMA_MODELS

    memory = SqliteDatabase(":memory:")
    try:
        for model in SCHEMA_MODELS:  # SQLite checks foreign keys on use, not on creation
            # SchemaManager with its own database: the models stay bound where they are
            SchemaManager(model, memory).create_all(safe=False)
        return shape_of(memory)
    finally:
        memory.close()


def differences(actual: Shape, expected: Shape) -> list[str]:
    """What ``actual`` has or lacks compared with ``expected``, in Indonesian, first few."""
    found: list[str] = []
    if actual["trigger"]:
        found.append(f"berisi trigger asing ({', '.join(actual['trigger'][:3])})")
    if actual["view"]:
        found.append(f"berisi view asing ({', '.join(actual['view'][:3])})")
    have, want = actual["tabel"], expected["tabel"]
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    if missing:
        found.append(f"tabel {', '.join(missing[:3])} tidak ada")
    if extra:
        found.append(f"berisi tabel asing ({', '.join(extra[:3])})")
    for name in sorted(set(have) & set(want)):
        table, model = have[name], want[name]
        if table["kolom"] != model["kolom"]:
            names = {c[0] for c in table["kolom"]}
            lost = [c[0] for c in model["kolom"] if c[0] not in names]
            if lost:
                found.append(f"kolom {', '.join(lost[:3])} pada tabel {name} tidak ada")
            else:
                found.append(f"kolom tabel {name} tidak sesuai")
        if table["indeks"] != model["indeks"]:
            found.append(f"indeks tabel {name} tidak sesuai")
        if table["kunci_asing"] != model["kunci_asing"]:
            found.append(f"kunci asing tabel {name} tidak sesuai")
    return found


def check_shape(conn: sqlite3.Connection | peewee.Database, label: str) -> None:
    """Raise :class:`BasisDataBermasalah` unless the open database has exactly the expected
    shape of the current schema; ``label`` names the file in the message."""
    found = differences(shape_of(conn), expected_shape())
    if found:
        raise BasisDataBermasalah(
            f"Berkas {label} bukan basis data Kinerja Desktop yang utuh: {'; '.join(found[:3])}."
        )
