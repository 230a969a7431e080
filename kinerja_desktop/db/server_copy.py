"""Moving data between a server database and the portable backup (a SQLite file in a zip).

``cadangan`` on a server writes the same archive as on a file: every table of the server is
copied, in one consistent read, into a new SQLite file of the same schema, which then goes into
the zip exactly as a file database does. ``pulihkan`` into a server does the reverse in one
transaction: the current server state is first saved as such an archive in the backup folder,
then every table is emptied and filled from the archive's database (upgraded to the current
schema first), so an office can move from a file to a server and back with nothing lost.
"""

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import peewee
from peewee import AutoField, BooleanField, Model, SchemaManager, SqliteDatabase

from kinerja_desktop.db.archive import HasilCadangan, export_backup, write_archive
from kinerja_desktop.db.backup import ALASAN_PEMULIHAN, new_backup_path
from kinerja_desktop.db.kabupaten_models import KABUPATEN_MODELS
from kinerja_desktop.db.location import ServerAddress
from kinerja_desktop.db.locks import KUNCI_NILAI, KUNCI_PAKET, KUNCI_TAHUN, take_lock
from kinerja_desktop.db.models import ALL_MODELS, database_proxy
from kinerja_desktop.db.restore import HasilPemulihan, check_restore_source
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION, prepare_schema
from kinerja_desktop.paths import data_dir

# rows per INSERT batch: a year of 18 desa holds tens of thousands of values
_BATCH = 2000


def _tables() -> list[type[Model]]:
    # parents before children, so that a filled table's foreign keys already point somewhere
    return peewee.sort_models(ALL_MODELS + KABUPATEN_MODELS)  # type: ignore[attr-defined]


def _columns(model: type[Model]) -> list[str]:
    return [field.column_name for field in model._meta.sorted_fields]


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _server_rows(model: type[Model]) -> Iterator[list[tuple]]:
    cursor = database_proxy.execute_sql(
        f'SELECT {_quoted(_columns(model))} FROM "{model._meta.table_name}" ORDER BY 1'
    )
    while rows := cursor.fetchmany(_BATCH):
        yield rows


def server_to_file(target: Path) -> Path:
    """Copy every table of the bound server database into the new SQLite file ``target``
    (current schema, marked as ours), reading them all in one snapshot; return ``target``."""
    file_db = SqliteDatabase(str(target))
    try:
        for model in _tables():
            # a schema manager of its own: the models stay bound to the server
            SchemaManager(model, file_db).create_all(safe=False)
        file_db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        file_db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        file_db.close()
    raw = sqlite3.connect(target)
    try:
        with database_proxy.atomic():
            # every table as of one moment, though other PCs go on writing meanwhile
            database_proxy.execute_sql(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            )
            for model in _tables():
                columns = _columns(model)
                sql = (
                    f'INSERT INTO "{model._meta.table_name}" ({_quoted(columns)}) '
                    f"VALUES ({', '.join('?' for _ in columns)})"
                )
                for rows in _server_rows(model):
                    raw.executemany(sql, rows)
        raw.commit()
    finally:
        raw.close()
    return target


def file_to_server(source: Path) -> None:
    """Replace every table of the bound server database by the rows of the SQLite file
    ``source`` (a database of the current schema), in one transaction: all or nothing."""
    raw = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        with database_proxy.atomic():
            for lock in (KUNCI_TAHUN, KUNCI_NILAI, KUNCI_PAKET):
                take_lock(lock)
            names = ", ".join(f'"{m._meta.table_name}"' for m in _tables())
            database_proxy.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            cursor = database_proxy.cursor()
            for model in _tables():
                _fill(raw, cursor, model)
    finally:
        raw.close()


def _fill(raw: sqlite3.Connection, cursor: object, model: type[Model]) -> None:
    table = model._meta.table_name
    columns = _columns(model)
    # SQLite keeps a boolean as 0/1; PostgreSQL's BOOLEAN takes only True/False
    flags = [isinstance(f, BooleanField) for f in model._meta.sorted_fields]
    sql = f'INSERT INTO "{table}" ({_quoted(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
    source = raw.execute(f'SELECT {_quoted(columns)} FROM "{table}"')
    while rows := source.fetchmany(_BATCH):
        if any(flags):
            rows = [
                tuple(
                    bool(v) if flag and v is not None else v
                    for v, flag in zip(r, flags, strict=True)
                )
                for r in rows
            ]
        cursor.executemany(sql, rows)  # type: ignore[attr-defined]
    primary = model._meta.primary_key
    if isinstance(primary, AutoField):
        # the rows came with their ids: the next new row must get the one after the last
        key = primary.column_name
        database_proxy.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), "
            f'COALESCE(MAX("{key}"), 1), MAX("{key}") IS NOT NULL) FROM "{table}"'
        )


def stand_in(address: ServerAddress) -> Path:
    """The file name standing for a server database on this PC: its backups and the work
    folders of a restore go to the folder named for it in the data folder."""
    return data_dir() / f"{address.name}.server"


def export_server_backup(
    address: ServerAddress, folder: Path, now: datetime | None = None
) -> HasilCadangan:
    """``cadangan`` of the bound server database: the same zip as for a file, in ``folder``."""
    with tempfile.TemporaryDirectory(prefix=".cadangan-") as work:
        return export_backup(server_to_file(Path(work) / "kinerja.sqlite3"), folder, now)


def _upgrade_copy(db_file: Path, work: Path) -> Path:
    """A copy of the archive's database at the current schema (an older one is upgraded;
    one of a newer version or of another program is refused)."""
    copy = work / "pulihkan.sqlite3"
    shutil.copyfile(db_file, copy)
    file_db = SqliteDatabase(str(copy))
    try:
        with file_db.atomic():
            prepare_schema(file_db, str(db_file))
    finally:
        file_db.close()
    return copy


def restore_server(
    source: Path, address: ServerAddress, now: datetime | None = None
) -> HasilPemulihan:
    """``pulihkan`` into the bound server database from the backup ``source`` (the zip, or a
    plain .sqlite3 copy): checked first, the current state saved as an archive in the backup
    folder, then every table replaced in one transaction. Raises :class:`KinerjaError`."""
    now = now or datetime.now()
    with tempfile.TemporaryDirectory(prefix=".pulihkan-") as folder:
        work = Path(folder)
        sumber = check_restore_source(Path(source), work)
        baru = _upgrade_copy(sumber.db_file, work)
        sebelum = new_backup_path(stand_in(address), ALASAN_PEMULIHAN, "zip", now)
        write_archive(server_to_file(work / "sebelum.sqlite3"), sebelum, now)
        file_to_server(baru)
    return HasilPemulihan(Path(source), sebelum, sumber.versi_skema, 0)
