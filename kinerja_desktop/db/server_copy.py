"""Moving data between a server database and the portable backup (a SQLite file in a zip).

``cadangan`` on a server writes the same archive as on a file: every table of the server is
copied, in one consistent read, into a new SQLite file of the same schema, which then goes into
the zip exactly as a file database does. ``pulihkan`` into a server does the reverse in one
transaction: the current server state is first saved as such an archive in the backup folder,
then every table is emptied and filled from the archive's database (upgraded to the current
schema first), so an office can move from a file to a server and back with nothing lost.
The import files this PC keeps for the server (in the folder named for it, :func:`stand_in`)
go into the archive and come back with a restore, as a file's import folder does.
"""

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import peewee
from peewee import AutoField, BooleanField, Model, SchemaManager, SqliteDatabase

from kinerja_desktop.db.archive import HasilCadangan, export_backup, write_archive
from kinerja_desktop.db.backup import ALASAN_PEMULIHAN, backup_dir, new_backup_path
from kinerja_desktop.db.kabupaten_models import KABUPATEN_MODELS
from kinerja_desktop.db.leftovers import finish_server_restores, tidy_after_kill
from kinerja_desktop.db.location import ServerAddress, stand_in
from kinerja_desktop.db.locks import KUNCI_NILAI, KUNCI_PAKET, KUNCI_TAHUN, take_lock
from kinerja_desktop.db.models import ALL_MODELS, database_proxy
from kinerja_desktop.db.restore import (
    CadanganDiperiksa,
    HasilPemulihan,
    check_backup,
    import_files_in_place,
    put_impor_in_place,
    stage_impor,
    take_over,
    write_plan,
)
from kinerja_desktop.db.restore_locks import log_restore, refuse_locked_restore
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION
from kinerja_desktop.db.work_folders import import_files_dir, work_parent
from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.fileio import TEMP_PREFIX
from kinerja_desktop.instance import SudahBerjalan, acquire_instance_lock

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


def file_to_server(source: Path, then: Callable[[], None] | None = None) -> None:
    """Replace every table of the bound server database by the rows of the SQLite file
    ``source`` (a database of the current schema), then run ``then`` (e.g. log it), in one
    transaction: all or nothing."""
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
            if then is not None:
                then()
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


def export_server_backup(
    address: ServerAddress, folder: Path, now: datetime | None = None
) -> HasilCadangan:
    """``cadangan`` of the bound server database: the same zip as for a file, in ``folder``,
    carrying the import files this PC keeps for it (:func:`stand_in`)."""
    with tempfile.TemporaryDirectory(prefix=".cadangan-") as work:
        return export_backup(
            server_to_file(Path(work) / "kinerja.sqlite3"), folder, now, files_of=stand_in(address)
        )


def restore_server(
    checked: CadanganDiperiksa, address: ServerAddress, now: datetime | None = None
) -> HasilPemulihan:
    """``pulihkan`` into the bound server database from a backup (the zip, or a plain
    .sqlite3 copy) that :func:`check_server_backup` has checked, and under the lock that
    check holds, as :func:`~kinerja_desktop.db.restore.restore_checked` does for a file:
    refused when it would undo an approval on the server (changing nothing); the current
    state and this PC's import files for the server saved as an archive in the backup
    folder; then every table replaced in one transaction, which also logs the restore; then
    the import files put in place. A failure before the commit changes nothing; a kill after
    it is completed the next time this PC opens the server (:func:`finish_server_restore`).
    Raises :class:`KinerjaError`; the restore is logged (:attr:`HasilPemulihan.dicatat`).
    """
    now = now or datetime.now()
    local = stand_in(address)
    # a restore from this PC killed after its commit is completed first (the server's log
    # says which); its other leftovers go the next time this PC opens the server
    finish_server_restores(local)
    work, sumber = take_over(checked)
    decided = False
    try:
        kini = server_to_file(work / "sebelum.sqlite3")
        refuse_locked_restore(kini, sumber.db_file, address)
        sebelum = new_backup_path(local, ALASAN_PEMULIHAN, "zip", now)
        write_archive(kini, sebelum, now, work_parent=work, files_of=local)
        if sumber.arsip:
            stage_impor(sumber, work)
        # the backup of the state before has a name no other restore has: the log entry
        # naming it, committed with the data, tells whether this restore was committed
        plan = {
            "server": True,
            "penanda": sebelum.name,
            "impor": sumber.arsip,
            "simpan_impor_lama": False,  # they are in the archive of the state before
            "waktu": f"{now:%Y%m%d-%H%M%S}",
        }
        write_plan(work, plan)
        file_to_server(sumber.db_file, lambda: log_restore(checked.source, sebelum))
        decided = True
        put_impor_in_place(work, local, plan)
    except LingkunganBermasalah as exc:
        if decided:
            raise LingkunganBermasalah(
                f"Data sudah dipulihkan, tetapi berkas impor belum dapat dipindahkan: "
                f"{exc.pesan} Pemulihan diselesaikan otomatis saat aplikasi dibuka lagi."
            ) from exc
        raise
    finally:
        if not decided or import_files_in_place(work):  # else the next opening completes it
            shutil.rmtree(work, ignore_errors=True)
    return HasilPemulihan(
        checked.source, sebelum, sumber.versi_skema, len(sumber.impor_files), dicatat=True
    )


@contextlib.contextmanager
def check_server_backup(source: Path, address: ServerAddress) -> Iterator[CadanganDiperiksa]:
    """:func:`~kinerja_desktop.db.restore.check_backup` for a restore into the server
    database ``address``, holding the lock of its :func:`stand_in` until the restore is done
    or declined: other processes of this PC then leave the checked copy alone
    (:func:`finish_server_restore`), and a second restore from this PC waits its turn. Raises
    :class:`SudahBerjalan` while a restore from this PC is running,
    :class:`BasisDataBermasalah` for a file a restore would refuse."""
    local = stand_in(address)
    with acquire_instance_lock(local, tanpa_jendela=True), check_backup(source, local) as checked:
        yield checked


def finish_server_restore(address: ServerAddress) -> bool:
    """Tidy what killed processes of this PC left for the bound server database ``address``,
    as for a file (:func:`~kinerja_desktop.db.leftovers.tidy_after_kill`): complete a restore
    killed after its commit (put the import files in place), remove the work folders of
    restores and checks killed before it; True when one was completed. Skipped while a
    restore or a check from this PC is running (it holds the lock of the stand-in)."""
    local = stand_in(address)
    if not _leftovers(local):
        return False  # the usual case: no lock file is made for nothing
    try:
        lock = acquire_instance_lock(local, tanpa_jendela=True)
    except SudahBerjalan:
        return False  # that restore or check tidies its own work
    with lock:
        return tidy_after_kill(address)


def _leftovers(local: Path) -> list[Path]:
    """Anything of ours (``.kinerja-sementara-*``) in the folders of ``local`` that
    :func:`~kinerja_desktop.db.leftovers.tidy_after_kill` looks at."""
    folders = (work_parent(local), backup_dir(local), import_files_dir(local))
    return [p for folder in folders for p in folder.glob(f"{TEMP_PREFIX}*")]
