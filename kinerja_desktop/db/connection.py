"""Opening the database: pragmas, schema, built-in data, and errors told apart from bugs.

A database is a SQLite file or, given a ``postgresql://`` address, a database on a server
(:mod:`kinerja_desktop.db.server`); everything above this module works on either.
"""

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from kinerja_desktop.db.backup import (
    backup_before_upgrade,
    check_integrity,
    restore_hint,
    rotate,
    try_daily_backup,
)
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress, parse_location
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.schema import SkemaTidakSesuai, prepare_schema
from kinerja_desktop.errors import (
    BasisDataRusak,
    BasisDataSibuk,
    KinerjaError,
    LingkunganBermasalah,
)
from kinerja_desktop.fileio import NEARLY_FULL, explain_os_error, free_space, full_disk

# WAL keeps readers and the writer apart and survives power cuts; synchronous=FULL makes every
# committed transaction durable before the call returns, which matters more here than speed.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}


def explain_database_error(exc: BaseException, path: Path) -> KinerjaError | None:
    """Translate an environment failure of SQLite into an Indonesian message.

    Returns None when ``exc`` is not an environment problem (then it is a bug).
    """
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return BasisDataSibuk(
            f"Basis data {path} sedang dipakai program lain. "
            "Tutup jendela Kinerja Desktop yang lain lalu coba lagi."
        )
    if "readonly" in text or "read-only" in text:
        return LingkunganBermasalah(
            f"Basis data {path} tidak dapat ditulis (folder atau berkas hanya-baca). "
            "Pindahkan basis data ke folder yang dapat ditulis."
        )
    if "disk is full" in text or "disk full" in text:
        return full_disk(path.parent, room_to_work(path), "perubahan terakhir tidak disimpan")
    if "unable to open" in text or "disk i/o" in text:
        free = free_space(path.parent)
        if free is not None and free < NEARLY_FULL:
            # SQLite cannot create its journal: the disk is full, the database is intact
            return full_disk(path.parent, room_to_work(path), f"{path.name} tidak dapat dibuka")
        return LingkunganBermasalah(
            f"Basis data {path} tidak dapat dibuka. Periksa apakah foldernya ada dan dapat ditulis."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return BasisDataRusak(f"Berkas {path} rusak atau bukan basis data. {restore_hint(path)}")
    return None


def room_to_work(path: Path) -> int:
    """Free space to ask for when the disk of the database at ``path`` is full: a copy of the
    database (the backup before a change) and room for the change itself."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return size + (10 << 20)


def explain_failure(exc: BaseException, path: DatabaseLocation) -> KinerjaError | None:
    """Like :func:`explain_database_error`, also looking at the errors ``exc`` came from.

    After a full disk SQLite has already rolled back, so peewee's own ROLLBACK fails with
    "no transaction is active" and hides the real cause in the exception chain. For a
    database on a server, the server's failures (refused, full, connection dropped).
    """
    if isinstance(path, ServerAddress):
        from kinerja_desktop.db.server import explain_server_failure

        return explain_server_failure(exc, path)
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error | peewee.PeeweeException):
            explained = explain_database_error(current, path)
            if explained is not None:
                return explained
        current = current.__cause__ or current.__context__
    return None


def explain_bound_failure(exc: BaseException) -> KinerjaError | None:
    """:func:`explain_failure` for the database the models are bound to (None: a bug)."""
    from kinerja_desktop.db.backup import bound_database_path
    from kinerja_desktop.db.server import address_of

    address = address_of(database_proxy.obj)
    if address is not None:
        db = database_proxy.obj
        if not db.is_closed() and not db.is_connection_usable():
            # a dropped connection: let the next query connect again (peewee reconnects a
            # closed database by itself) instead of failing until the window is restarted
            with contextlib.suppress(peewee.PeeweeException):
                db.close()
        return explain_failure(exc, address)
    location = bound_database_path()
    return explain_failure(exc, location) if location is not None else None


def _refuse_foreign_file(path: Path) -> None:
    """Refuse a file that has content but is no SQLite database; SQLite would overwrite it.

    An empty file is filled: an interrupted first start leaves one.
    """
    from kinerja_desktop.db.backup import SQLITE_HEADER

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise explain_os_error(exc, path) from exc
    if header != SQLITE_HEADER:
        # damaged at its very start, or a file of something else: either way never overwritten
        raise BasisDataRusak(
            f"Berkas {path} rusak atau bukan basis data; berkasnya tidak diubah. Bila salah "
            f"pilih, periksa nama berkas pada --db atau KINERJA_DB. {restore_hint(path)}"
        )


def has_content(location: DatabaseLocation | str) -> bool:
    """Whether ``location`` already holds something: a file with bytes (or a folder), a
    server database with tables. A new office or kabupaten workspace is made only where not."""
    location = parse_location(location)
    if isinstance(location, ServerAddress):
        from kinerja_desktop.db.server import server_has_tables

        return server_has_tables(location)
    return location.exists() and (location.is_dir() or location.stat().st_size > 0)


def _load_builtin_dataset() -> None:
    # its module (TOML and CSV parsing) only for a new database, not at every start
    from kinerja_desktop.db.builtin import load_builtin_dataset

    load_builtin_dataset()


def open_database(
    location: DatabaseLocation | str,
    isi_baru: Callable[[], None] | None = _load_builtin_dataset,
    *,
    daily_backup: bool = True,
) -> peewee.Database:
    """Open (creating if needed) the database at ``location`` and bind the models to it.

    ``location`` is a file path or a server address (a string is read as ``--db`` is). A new
    database receives the schema and its first data in one transaction: ``isi_baru`` is the
    built-in Kepanjen dataset unless the caller sets up another office (or None for a
    kabupaten workspace, filled by the caller), so an interrupted first start leaves an empty
    database that the next start fills again. The first opening of a file on a day backs it
    up (:func:`~kinerja_desktop.db.backup.try_daily_backup`); ``daily_backup=False`` leaves
    that to the caller (the window does it after its first paint).
    Raises :class:`KinerjaError` subclasses for anything the user can act on.
    """
    location = parse_location(location)
    if isinstance(location, ServerAddress):
        from kinerja_desktop.db.server import open_server

        return open_server(location, isi_baru)
    path = location
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LingkunganBermasalah(
            f"Folder {path.parent} tidak dapat dibuat. Pilih lokasi basis data lain dengan --db."
        ) from exc
    _refuse_foreign_file(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        check_integrity(db, path)
        before_upgrade = backup_before_upgrade(db, path)
        database_proxy.initialize(db)
        try:
            with db.atomic():
                is_new = prepare_schema(db, str(path))
                if is_new and isi_baru is not None:
                    isi_baru()
        except BaseException:
            if before_upgrade is not None:
                # the upgrade was rolled back: the file is what the copy holds, and one copy
                # per failed start would pile up
                before_upgrade.unlink(missing_ok=True)
            raise
        if before_upgrade is not None:
            rotate(path)
        if not is_new and daily_backup:
            try_daily_backup(path)
    except (sqlite3.Error, peewee.DatabaseError, peewee.OperationalError) as exc:
        db.close()
        explained = explain_database_error(exc, path)
        if explained is None:
            raise
        raise explained from exc
    except SkemaTidakSesuai as exc:
        db.close()
        raise BasisDataRusak(f"{exc.pesan} {restore_hint(path)}") from exc
    except KinerjaError:
        db.close()
        raise
    return db
