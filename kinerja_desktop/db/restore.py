"""Restoring the database (and the stored import files) from a backup.

:func:`restore_from_file` accepts the zip written by ``kinerja-desktop cadangan`` (or
"Cadangkan ke…") and a plain ``.sqlite3`` copy from the backup folder. It checks the file
completely first and refuses, changing nothing, a file that is not ours, is damaged or comes
from a newer schema. Then it backs up the current state into the backup folder, and only then
replaces the data.

The caller must hold the instance lock (so no other window writes meanwhile) and, afterwards,
open the database again with ``open_database(db_path)`` (which upgrades an older schema) and
reload every view: the whole database has changed.
"""

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.db.archive import impor_dir, open_archive, write_archive
from kinerja_desktop.db.backup import (
    ALASAN_PEMULIHAN,
    SQLITE_HEADER,
    copy_damaged_file,
    ensure_backup_dir,
    inspect_database_file,
    new_backup_path,
    parse_backup_name,
    rotate,
)
from kinerja_desktop.errors import BasisDataBermasalah, LingkunganBermasalah
from kinerja_desktop.fileio import atomic_write, explain_os_error

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HasilPemulihan:
    """What a restore did."""

    sumber: Path
    cadangan_sebelumnya: Path | None  # the copy of the state before (None: there was none)
    versi_skema: int  # schema version of the restored data (upgraded on the next open)
    berkas_impor: int  # stored import files restored (0 when the file held none)


def _backup_current(db_path: Path, now: datetime) -> Path | None:
    """Back up the current database and import files; a damaged database is copied as is."""
    ensure_backup_dir()
    if not db_path.exists():
        return None  # nothing to lose yet (the import folder is moved aside, not deleted)
    try:
        target = new_backup_path(db_path, ALASAN_PEMULIHAN, "zip", now)
        write_archive(db_path, target, now)
    except BasisDataBermasalah:
        # the current database cannot be read (often the reason for the restore): keep its
        # bytes; the import folder is moved aside below rather than deleted
        return copy_damaged_file(db_path, ALASAN_PEMULIHAN)
    rotate(db_path, now)
    return target


def _copy_into_live(source: Path, db_path: Path) -> None:
    # The backup API writes the destination in one transaction, through the live database's
    # own journal: an interruption leaves the old data, and a stale -wal can never be replayed
    # onto the new content.
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


def _restore_impor(files: dict[str, Path], now: datetime, keep_old: bool) -> None:
    current = impor_dir()
    staging = current.with_name(f".{current.name}-baru-{now:%Y%m%d%H%M%S}")
    try:
        for rel, path in files.items():
            out = staging.joinpath(*rel.split("/"))
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
        old = current.with_name(f".{current.name}-lama-{now:%Y%m%d%H%M%S}")
        if current.exists():
            os.replace(current, old)
        os.replace(staging, current)
        if old.exists():
            if keep_old:
                # no complete safety archive holds them: keep them in the backup folder
                aside = ensure_backup_dir() / f"impor_{now:%Y%m%d-%H%M%S}_{ALASAN_PEMULIHAN}"
                shutil.move(str(old), str(aside))
            else:
                shutil.rmtree(old, ignore_errors=True)  # they are in the safety archive
    except OSError as exc:
        raise explain_os_error(exc, current) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class SumberPemulihan:
    """A checked restore source: the database file to copy in and the import files."""

    db_file: Path
    impor_files: dict[str, Path]
    versi_skema: int
    dibuat: datetime | None  # from the zip's manifest; None for a plain database file


def check_restore_source(source: Path, work: Path) -> SumberPemulihan:
    """Check ``source`` completely; a zip is extracted into ``work``, a plain database file is
    checked where it is. Raises :class:`BasisDataBermasalah` for a file a restore refuses."""
    source = Path(source)
    if not source.is_file():
        raise BasisDataBermasalah(f"Berkas {source} tidak ditemukan. Tidak ada yang diubah.")
    try:
        with open(source, "rb") as handle:
            is_sqlite = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as exc:
        raise explain_os_error(exc, source) from exc
    if not is_sqlite:
        # the zip (a truncated or foreign file is refused there as damaged or not ours)
        isi = open_archive(source, work)
        dibuat = None
        with contextlib.suppress(TypeError, ValueError):
            dibuat = datetime.fromisoformat(isi.manifest.get("dibuat"))
        return SumberPemulihan(isi.db_file, isi.impor_files, isi.info.versi_skema, dibuat)
    try:
        info = inspect_database_file(source, source.name)
    except BasisDataBermasalah as exc:
        raise BasisDataBermasalah(f"{exc.pesan} Tidak ada yang diubah.") from exc
    return SumberPemulihan(source, {}, info.versi_skema, None)


def restore_from_file(source: Path, db_path: Path, now: datetime | None = None) -> HasilPemulihan:
    """Restore the database at ``db_path`` from the backup ``source`` (zip or .sqlite3).

    Refuses a bad ``source`` before changing anything; backs up the current state first.
    Raises :class:`KinerjaError`. Afterwards the caller re-opens the database.
    """
    now = now or datetime.now()
    db_path = Path(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        work_dir = tempfile.TemporaryDirectory(prefix=".pulihkan-", dir=db_path.parent)
    except OSError as exc:
        raise explain_os_error(exc, db_path) from exc
    with work_dir as work:
        sumber = check_restore_source(source, Path(work))
        previous = _backup_current(db_path, now)
        try:
            if previous is not None and previous.name.endswith(".rusak"):
                _replace_damaged(sumber.db_file, db_path)
            else:
                _copy_into_live(sumber.db_file, db_path)
        except sqlite3.Error as exc:
            log.info("restore into %s failed: %s", db_path, exc)
            raise LingkunganBermasalah(
                f"Basis data {db_path} tidak dapat ditimpa; data lama tetap ada. "
                "Tutup jendela Kinerja Desktop yang lain lalu coba lagi."
            ) from exc
        if sumber.impor_files:
            complete = previous is not None and previous.suffix == ".zip"
            _restore_impor(sumber.impor_files, now, keep_old=not complete)
    return HasilPemulihan(Path(source), previous, sumber.versi_skema, len(sumber.impor_files))


@dataclass(frozen=True)
class KeteranganCadangan:
    """What a backup file holds, for the confirmation question before a restore."""

    path: Path
    dibuat: datetime | None  # when the backup was made (None when unknown)
    versi_skema: int
    berkas_impor: int
    ukuran_basis_data: int  # bytes


def describe_restore_source(source: Path) -> KeteranganCadangan:
    """Check ``source`` completely (as a restore would) and say what it holds.

    Raises :class:`BasisDataBermasalah` for a file a restore would refuse.
    """
    source = Path(source)
    with tempfile.TemporaryDirectory(prefix=".periksa-") as work:
        sumber = check_restore_source(source, Path(work))
        size = sumber.db_file.stat().st_size
    dibuat = sumber.dibuat
    if sumber.db_file == source:  # a plain database file: its name or its time tells
        parsed = parse_backup_name(source)
        dibuat = parsed.waktu if parsed else datetime.fromtimestamp(source.stat().st_mtime)
    return KeteranganCadangan(source, dibuat, sumber.versi_skema, len(sumber.impor_files), size)
