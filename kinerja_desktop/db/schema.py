"""Schema versions: ``PRAGMA user_version`` says which one a database file has.

A new database gets the current tables at once. An older one is upgraded step by step, all
steps in one transaction, so it is either fully upgraded or untouched. A database written by a
newer version of the application is refused rather than damaged.
"""

from collections.abc import Callable

from peewee import SqliteDatabase

from kinerja_desktop.db.models import ALL_MODELS
from kinerja_desktop.errors import BasisDataBermasalah

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4B4E4A44  # "KNJD": marks a SQLite file as a Kinerja Desktop database

# UPGRADES[n] turns a version-n database into version n+1. Each step writes its own SQL
# rather than calling create_tables, so that later model changes cannot alter old steps.
UPGRADES: dict[int, Callable[[SqliteDatabase], None]] = {}


def schema_version(db: SqliteDatabase) -> int:
    """Return the schema version stored in the open database (0 for a new, empty file)."""
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _application_id(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA application_id").fetchone()[0])


def _has_tables(db: SqliteDatabase) -> bool:
    row = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def prepare_schema(db: SqliteDatabase, label: str) -> bool:
    """Create or upgrade the schema of ``db``; return True when the database was new.

    ``label`` names the file in messages. Raises :class:`BasisDataBermasalah` for a file that
    is not ours or comes from a newer version. The caller holds the transaction.
    """
    version = schema_version(db)
    if version == 0 and not _has_tables(db):
        db.create_tables(ALL_MODELS)
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return True
    if _application_id(db) != APPLICATION_ID:
        raise BasisDataBermasalah(
            f"Berkas {label} bukan basis data Kinerja Desktop. "
            "Pilih berkas basis data yang dibuat oleh aplikasi ini."
        )
    if version > SCHEMA_VERSION:
        raise BasisDataBermasalah(
            f"Basis data {label} dibuat oleh Kinerja Desktop versi yang lebih baru "
            f"(skema {version}, aplikasi ini mengenal sampai skema {SCHEMA_VERSION}). "
            "Pasang versi aplikasi yang lebih baru untuk membukanya; berkas tidak diubah."
        )
    for step in range(version, SCHEMA_VERSION):
        UPGRADES[step](db)
    if version != SCHEMA_VERSION:
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return False
