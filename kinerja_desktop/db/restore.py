"""Restoring the database (and the stored import files) from a backup.

:func:`check_backup` accepts the zip written by ``kinerja-desktop cadangan`` (or
"Cadangkan ke…") and a plain ``.sqlite3`` copy from the backup folder. It checks the file
completely, on a copy in a work folder, and refuses, changing nothing, a file that is not
ours, is damaged or comes from a newer schema; it says what the file holds, for the question
before a restore. :func:`restore_checked` then restores that checked copy (the backup is read
once): it backs up the current state into the backup folder, and only then replaces the data.
:func:`restore_from_file` does both without asking.

The caller must hold the instance lock (so no other window writes meanwhile) and, afterwards,
open the database again with ``open_database(db_path)`` (which upgrades an older schema) and
reload every view: the whole database has changed. The window does all of that as one
operation, :func:`kinerja_desktop.db.ops_restore.restore_database`.

Long because checking the file, staging the import files and completing a restore that was
killed half-way (at the next start) are one restore; archives are read in archive.py.
"""

import contextlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from kinerja_desktop.db.archive import DB_MEMBER, open_archive, write_archive
from kinerja_desktop.db.backup import (
    ALASAN_PEMULIHAN,
    SQLITE_HEADER,
    backup_dir,
    copy_damaged_file,
    ensure_backup_dir,
    inspect_database_file,
    new_backup_path,
    parse_backup_name,
    rotate,
)
from kinerja_desktop.db.connection import explain_failure
from kinerja_desktop.db.restore_locks import refuse_locked_restore
from kinerja_desktop.db.schema import SkemaTidakSesuai, upgrade_schema
from kinerja_desktop.db.schema_check import check_shape
from kinerja_desktop.db.work_folders import (
    PURPOSE_CHECK,
    PURPOSE_RESTORE,
    import_files_dir,
    work_parent,
)
from kinerja_desktop.errors import BasisDataBermasalah, LingkunganBermasalah
from kinerja_desktop.fileio import (
    TEMP_PREFIX,
    atomic_write,
    ensure_free_space,
    explain_os_error,
    make_temporary_folder,
)

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class HasilPemulihan:
    """What a restore did."""

    sumber: Path
    cadangan_sebelumnya: Path | None  # the copy of the state before (None: there was none)
    versi_skema: int  # schema version of the restored data (upgraded on the next open)
    berkas_impor: int  # stored import files restored (0 when the file held none)
    # the restore is in the restored database's log already (a server's, logged in the same
    # transaction); else the caller logs it once the database is open again
    dicatat: bool = False


def _backup_current(db_path: Path, now: datetime, work: Path) -> Path | None:
    """Back up the current database and import files; a damaged database is copied as is.
    The archive's work folder goes inside the restore's own ``work``."""
    ensure_backup_dir(db_path)
    if not db_path.exists():
        return None  # nothing to lose yet (the import folder is moved aside, not deleted)
    try:
        target = new_backup_path(db_path, ALASAN_PEMULIHAN, "zip", now)
        write_archive(db_path, target, now, work_parent=work)
    except BasisDataBermasalah:
        # the current database cannot be read (often the reason for the restore): keep its
        # bytes; the import folder is moved aside below rather than deleted
        return copy_damaged_file(db_path, ALASAN_PEMULIHAN)
    rotate(db_path, now)
    return target


def _copy_into_live(source: Path, db_path: Path) -> None:
    # The backup API writes the destination in one transaction, through the live database's
    # own journal: an interruption leaves the old data, and a stale -wal can never be replayed
    # onto the new content. Copying the same source again gives the same result.
    src = sqlite3.connect(f"{source.resolve().as_uri()}?immutable=1", uri=True)
    try:
        dest = sqlite3.connect(str(db_path), timeout=10)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _replace_damaged(source: Path, db_path: Path) -> None:
    # The live file cannot be read, so the backup API cannot write into it: replace the file.
    # Its bytes are already in the backup folder.
    atomic_write(db_path, lambda temp: shutil.copyfile(source, temp))
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{db_path}{suffix}")


@dataclass(frozen=True)
class SumberPemulihan:
    """A checked restore source: a database file of the current schema, ready to copy in
    (in the work folder), and the import files."""

    db_file: Path
    impor_files: dict[str, Path]
    versi_skema: int  # the version the source was made with (upgraded in the copy)
    dibuat: datetime | None  # from the zip's manifest; None for a plain database file
    arsip: bool  # a zip, holding the whole import folder (a plain database file holds none)
    asal: Path | None  # the database the zip was made of (recorded since each has a folder)


def _copy_with_journal(source: Path, target: Path) -> None:
    """Copy a plain database file and the -wal or -journal beside it, then fold them in.

    A database copied while it was open keeps its latest commits in the -wal beside it; read
    alone, they would be silently missing.
    """
    ensure_free_space(target.parent, _size_with_journal(source), f"memeriksa {source.name}")
    try:
        shutil.copyfile(source, target)
        for suffix in ("-wal", "-journal"):
            beside = Path(f"{source}{suffix}")
            if beside.is_file():
                shutil.copyfile(beside, f"{target}{suffix}")
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    try:
        raw = sqlite3.connect(str(target))
        try:
            # a normal open replays the -wal (or rolls back an unfinished -journal)
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("PRAGMA journal_mode=DELETE")
        finally:
            raw.close()
    except sqlite3.DatabaseError as exc:
        log.info("reading %s with its journal failed: %s", source, exc)
        raise BasisDataBermasalah(
            f"Berkas {source.name} rusak dan tidak dapat dibaca. Tidak ada yang diubah."
        ) from exc


def _size_with_journal(source: Path) -> int:
    return sum(
        Path(f"{source}{suffix}").stat().st_size
        for suffix in ("", "-wal", "-journal")
        if Path(f"{source}{suffix}").is_file()
    )


def _upgrade_and_check(db_file: Path, label: str) -> None:
    """Upgrade the work copy to the current schema and check its whole shape.

    What is installed afterwards is exactly what this application creates and opens: no
    trigger or view of someone else, no missing column, no newer tables under an older
    version number.
    """
    db = SqliteDatabase(str(db_file))
    try:
        with db.atomic():
            upgrade_schema(db, label)
        check_shape(db, label)
    except (SkemaTidakSesuai, BasisDataBermasalah) as exc:
        raise BasisDataBermasalah(f"{exc.pesan} Tidak ada yang diubah.") from exc
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        explained = explain_failure(exc, db_file)
        if explained is None:
            raise
        raise explained from exc
    finally:
        db.close()


def check_restore_source(source: Path, work: Path) -> SumberPemulihan:
    """Check ``source`` completely in the folder ``work``: a zip is extracted there, a plain
    database file copied there with its journal; the copy is upgraded to the current schema
    and checked whole. Raises :class:`BasisDataBermasalah` for a file a restore refuses and
    :class:`LingkunganBermasalah` when ``work`` has no room."""
    source = Path(source)
    if not source.is_file():
        raise BasisDataBermasalah(f"Berkas {source} tidak ditemukan. Tidak ada yang diubah.")
    try:
        with open(source, "rb") as handle:
            is_sqlite = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as exc:
        raise explain_os_error(exc, source) from exc
    if is_sqlite:
        db_file = Path(work) / DB_MEMBER
        _copy_with_journal(source, db_file)
        try:
            info = inspect_database_file(db_file, source.name)
        except BasisDataBermasalah as exc:
            raise BasisDataBermasalah(f"{exc.pesan} Tidak ada yang diubah.") from exc
        sumber = SumberPemulihan(db_file, {}, info.versi_skema, None, arsip=False, asal=None)
    else:
        # the zip (a truncated or foreign file is refused there as damaged or not ours)
        isi = open_archive(source, work)
        dibuat = None
        with contextlib.suppress(TypeError, ValueError):
            dibuat = datetime.fromisoformat(str(isi.manifest.get("dibuat")))
        asal = isi.manifest.get("basis_data_asal")
        sumber = SumberPemulihan(
            isi.db_file,
            isi.impor_files,
            isi.info.versi_skema,
            dibuat,
            arsip=True,
            asal=Path(asal) if isinstance(asal, str) and asal else None,
        )
    _upgrade_and_check(sumber.db_file, source.name)
    return sumber


# The work folder of a restore holds the checked database, the import files to put in place
# and, from the moment the restore is decided, its plan. A restore killed after that moment is
# completed at the next start (finish_interrupted_restore); before it, nothing had changed.
_PLAN = "rencana.json"
_STAGED_IMPOR = "impor-baru"
_OLD_IMPOR = "impor-lama"


def stage_impor(sumber: SumberPemulihan, work: Path) -> Path:
    """Move the checked import files of ``sumber`` into the work folder's staging folder."""
    staged = work / _STAGED_IMPOR
    try:
        staged.mkdir()
        for rel, path in sumber.impor_files.items():
            out = staged.joinpath(*rel.split("/"))
            out.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, out)  # already extracted in the same folder: a move
    except OSError as exc:
        raise explain_os_error(exc, staged) from exc
    return staged


def write_plan(work: Path, plan: dict) -> None:
    """Record the decided restore's ``plan`` in its work folder (atomically)."""
    def write(temp: Path) -> None:
        temp.write_text(json.dumps(plan), encoding="utf-8")

    atomic_write(work / _PLAN, write)


def read_plan(work: Path) -> dict | None:
    """The plan of the restore whose work folder is ``work``; None when it was killed before
    it decided (nothing had changed)."""
    plan_file = work / _PLAN
    if not plan_file.is_file():
        return None
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    return plan if isinstance(plan, dict) else None


def _carry_out(work: Path, db_path: Path, plan: dict) -> None:
    """Put the checked database and import files in place; safe to run again after a kill."""
    _copy_database(work, db_path, plan)
    put_impor_in_place(work, db_path, plan)


def _copy_database(work: Path, db_path: Path, plan: dict) -> None:
    db_file = work / plan["basis_data"]
    if plan["ganti_berkas"]:
        _replace_damaged(db_file, db_path)
    else:
        _copy_into_live(db_file, db_path)


def import_files_in_place(work: Path) -> bool:
    """Are the staged import files in place (and the old ones gone) for this work folder?"""
    return not (work / _STAGED_IMPOR).exists() and not (work / _OLD_IMPOR).exists()


def put_impor_in_place(work: Path, db_path: Path, plan: dict) -> None:
    """Swap the staged import files in as the import folder of ``db_path``; safe to run
    again after a kill."""
    if not plan["impor"]:
        return
    current = import_files_dir(db_path)
    staged, old = work / _STAGED_IMPOR, work / _OLD_IMPOR
    try:
        if staged.exists():
            if current.exists():
                os.replace(current, old)
            current.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, current)
        if old.exists() and plan["simpan_impor_lama"]:
            # no complete safety archive holds them: keep them in the backup folder
            aside = ensure_backup_dir(db_path) / f"impor_{plan['waktu']}_{ALASAN_PEMULIHAN}"
            os.replace(old, aside)
        shutil.rmtree(old, ignore_errors=True)  # else they are in the safety archive
    except OSError as exc:
        raise explain_os_error(exc, current) from exc


def restore_from_file(source: Path, db_path: Path, now: datetime | None = None) -> HasilPemulihan:
    """Restore the database at ``db_path`` from the backup ``source`` (zip or .sqlite3),
    without asking: :func:`check_backup` then :func:`restore_checked`. Raises
    :class:`KinerjaError`. Afterwards the caller re-opens the database."""
    with check_backup(source, db_path) as checked:
        return restore_checked(checked, db_path, now)


def restore_checked(
    checked: "CadanganDiperiksa", db_path: Path, now: datetime | None = None
) -> HasilPemulihan:
    """Restore the database at ``db_path`` from a backup :func:`check_backup` has checked
    (the copy in its work folder: the backup is not read again).

    Backs up the current state first. The database and the import folder are replaced
    together: a failure before the plan is written changes nothing, a kill after it is
    completed at the next start. Raises :class:`KinerjaError`. Afterwards the caller re-opens
    the database.
    """
    now = now or datetime.now()
    db_path = Path(db_path)
    work, sumber = take_over(checked)
    decided = False
    try:
        refuse_locked_restore(db_path, sumber.db_file, db_path)
        previous = _backup_current(db_path, now, work)
        # a zip holds the whole import folder (perhaps empty) and replaces it; a plain
        # database file holds none, so the folder stays as it is
        if sumber.arsip:
            stage_impor(sumber, work)
        plan = {
            "basis_data": sumber.db_file.relative_to(work).as_posix(),
            "ganti_berkas": previous is not None and previous.name.endswith(".rusak"),
            "impor": sumber.arsip,
            "simpan_impor_lama": previous is None or previous.suffix != ".zip",
            "waktu": f"{now:%Y%m%d-%H%M%S}",
        }
        write_plan(work, plan)
        try:
            _copy_database(work, db_path, plan)
        except sqlite3.Error as exc:
            log.info("restore into %s failed: %s", db_path, exc)
            raise LingkunganBermasalah(
                f"Basis data {db_path} tidak dapat ditimpa; data lama tetap ada. "
                "Tutup jendela Kinerja Desktop yang lain lalu coba lagi."
            ) from exc
        decided = True  # the database is replaced: from here the restore is only completed
        put_impor_in_place(work, db_path, plan)
    except LingkunganBermasalah as exc:
        if decided:
            raise LingkunganBermasalah(
                f"Data sudah dipulihkan, tetapi berkas impor belum dapat dipindahkan: "
                f"{exc.pesan} Pemulihan diselesaikan otomatis saat aplikasi dibuka lagi."
            ) from exc
        raise
    finally:
        if not decided or import_files_in_place(work):  # else the next start completes it
            shutil.rmtree(work, ignore_errors=True)
    return HasilPemulihan(
        checked.source, previous, sumber.versi_skema, len(sumber.impor_files)
    )


def take_over(checked: "CadanganDiperiksa") -> tuple[Path, SumberPemulihan]:
    """Make the work folder of ``checked`` the restore's own (a rename on the same disk) and
    return it with the checked source moved along. From here a kill leaves a restore, which
    the next start completes or removes, no longer a check."""
    prefix = f"{TEMP_PREFIX}{PURPOSE_CHECK}-"
    work = checked.work.with_name(
        f"{TEMP_PREFIX}{PURPOSE_RESTORE}-{checked.work.name.removeprefix(prefix)}"
    )
    try:
        os.replace(checked.work, work)
    except OSError as exc:
        raise explain_os_error(exc, work) from exc
    sumber = checked.sumber
    moved = replace(
        sumber,
        db_file=work / sumber.db_file.relative_to(checked.work),
        impor_files={
            rel: work / path.relative_to(checked.work) for rel, path in sumber.impor_files.items()
        },
    )
    return work, moved


def finish_interrupted_restore(db_path: Path) -> bool:
    """Complete a restore of ``db_path`` that was killed after it was decided, and remove the
    work folders of restores killed before; return True when one was completed.

    The caller holds the instance lock (no restore of this database is running).
    """
    completed = False
    for work in sorted(work_parent(db_path).glob(f"{TEMP_PREFIX}{PURPOSE_RESTORE}-*")):
        plan = read_plan(work)
        if plan is not None:
            try:
                _carry_out(work, db_path, plan)
            except sqlite3.Error as exc:
                raise explain_failure(exc, db_path) or LingkunganBermasalah(
                    f"Pemulihan basis data {db_path} yang terputus belum dapat diselesaikan; "
                    "data di dalamnya tetap seperti sebelum pemulihan. Tutup program lain yang "
                    "memakainya lalu buka aplikasi lagi."
                ) from exc
            completed = True
        shutil.rmtree(work, ignore_errors=True)
    return completed


@dataclass(frozen=True)
class KeteranganCadangan:
    """What a backup file holds, for the confirmation question before a restore."""

    path: Path
    dibuat: datetime | None  # when the backup was made (None when unknown)
    versi_skema: int
    berkas_impor: int
    ukuran_basis_data: int  # bytes
    asal: Path | None  # the database it is a backup of (None when not recorded)

    def dari_basis_data_lain(self, db_path: Path) -> bool:
        """Was the backup made of another database than ``db_path``?"""
        return self.asal is not None and self.asal != Path(db_path).resolve()


@dataclass(frozen=True)
class CadanganDiperiksa:
    """A backup checked whole for a restore of one database: what it holds (for the question
    before the restore) and its checked copy in the work folder, which the restore uses, so
    that the backup is read once."""

    source: Path
    work: Path
    sumber: SumberPemulihan
    keterangan: KeteranganCadangan


@contextlib.contextmanager
def check_backup(source: Path, db_path: Path) -> Iterator[CadanganDiperiksa]:
    """Check ``source`` completely, as a restore of ``db_path`` uses it, and say what it
    holds; the checked copy waits in a work folder for :func:`restore_checked` and is
    removed on leaving unless a restore took it over.

    Raises :class:`BasisDataBermasalah` for a file a restore refuses (nothing changed).
    """
    source = Path(source)
    work = make_temporary_folder(work_parent(db_path), PURPOSE_CHECK)
    try:
        sumber = check_restore_source(source, work)
        yield CadanganDiperiksa(source, work, sumber, _describe(source, db_path, sumber))
    finally:
        shutil.rmtree(work, ignore_errors=True)  # gone already when a restore took it over


def _describe(source: Path, db_path: Path, sumber: SumberPemulihan) -> KeteranganCadangan:
    size = sumber.db_file.stat().st_size
    dibuat, asal = sumber.dibuat, sumber.asal
    if not sumber.arsip:  # a plain database file: its name or its time tells
        parsed = parse_backup_name(source)
        dibuat = parsed.waktu if parsed else datetime.fromtimestamp(source.stat().st_mtime)
        if source.resolve().parent == backup_dir(db_path).resolve():
            asal = Path(db_path).resolve()  # its own backup folder holds only its copies
    return KeteranganCadangan(
        source, dibuat, sumber.versi_skema, len(sumber.impor_files), size, asal
    )
