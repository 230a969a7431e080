"""Backups of the database: consistent copies, verified, kept with rotation; and restore.

Every copy is made with SQLite's backup API (a consistent snapshot even while the application
has the database open), written through a temporary file, checked (``integrity_check``,
application id, schema version) and only then given its final name. Automatic copies live in
the database's own folder (``paths.files_dir(db)/cadangan``) and are named
``<db>_<YYYYMMDD-HHMMSS>_<alasan>.sqlite3``. Before each database had its own folder, every
database kept them in ``data_dir()/cadangan``: those are still listed for their database
(:attr:`Cadangan.folder_bersama`), never rotated away.

**Before an operation that changes much data, call** :func:`backup_before`::

    from kinerja_desktop.db.backup import backup_before
    backup_before("sebelum-impor")   # then start the import's transaction

It copies the bound database and raises a :class:`KinerjaError` (nothing copied, nothing
changed) when the copy cannot be made, so the operation is refused rather than run unprotected.

Rotation (:func:`rotate`) keeps the last 10 copies of any kind, plus the newest copy of each of
the last 7 days, 4 weeks and 12 months that have copies; files whose names it does not
recognise are never deleted.

Long because making, checking, naming and rotating copies is one job; restore and archives are
in restore and archive.
"""

import contextlib
import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kinerja_desktop.command_line import restore_command
from kinerja_desktop.db.location import DatabaseLocation
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import (
    BasisDataBermasalah,
    BasisDataRusak,
    BasisDataSibuk,
    KinerjaError,
    LingkunganBermasalah,
)
from kinerja_desktop.fileio import (
    NEARLY_FULL,
    atomic_write,
    explain_os_error,
    free_space,
    full_disk,
)
from kinerja_desktop.paths import data_dir, default_db_path, files_dir

log = logging.getLogger(__name__)

BACKUP_FOLDER = "cadangan"
SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 4, 12

# Reasons used by the application; other engineers may pass their own slug (a-z, 0-9, "-").
ALASAN_HARIAN = "harian"
ALASAN_SKEMA = "sebelum-pembaruan-skema"
ALASAN_SALIN_TAHUN = "sebelum-salin-tahun"
ALASAN_IMPOR = "sebelum-impor"
ALASAN_PEMULIHAN = "sebelum-pemulihan"

_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<waktu>\d{8}-\d{6})(?:-(?P<n>\d+))?_(?P<alasan>[a-z0-9-]+)"
    r"\.(?P<ext>sqlite3|zip)$"
)
_TIME_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class InfoBasisData:
    """What a verified database file holds."""

    versi_skema: int
    ukuran: int  # bytes


@dataclass(frozen=True)
class Cadangan:
    """One backup file in the backup folder."""

    path: Path
    stem: str  # the stem of the database it copies ("kinerja")
    waktu: datetime
    alasan: str
    # found in the folder all databases shared before each had its own: another database of
    # the same name may have made it
    folder_bersama: bool = False


def backup_dir(db_path: Path | None = None) -> Path:
    """The folder of the automatic backups of ``db_path`` (None: the default database)."""
    return files_dir(db_path) / BACKUP_FOLDER


def _shared_backup_dir(db_path: Path | None) -> Path | None:
    """The folder every database shared before each had its own, when it is not this
    database's own folder anyway."""
    shared = data_dir() / BACKUP_FOLDER
    return None if shared == backup_dir(db_path) else shared


def _db_stem(db_path: Path) -> str:
    return Path(db_path).name.split(".")[0] or "kinerja"


def parse_backup_name(path: Path) -> Cadangan | None:
    """The backup described by ``path``'s name, or None for a file that is not one of ours."""
    match = _NAME.match(Path(path).name)
    if match is None:
        return None
    try:
        waktu = datetime.strptime(match["waktu"], _TIME_FORMAT)
    except ValueError:
        return None
    return Cadangan(Path(path), match["stem"], waktu, match["alasan"])


def list_backups(db_path: Path | None = None, shared: bool = True) -> list[Cadangan]:
    """The backups of ``db_path`` (None: the default database), oldest first: those in its
    own folder and, with ``shared``, those of its name in the folder all databases shared
    before each had its own."""
    stem = _db_stem(db_path or default_db_path())
    found = []
    folders = [(backup_dir(db_path), False)]
    if shared and (old := _shared_backup_dir(db_path)) is not None:
        folders.append((old, True))
    for folder, bersama in folders:
        if not folder.is_dir():
            continue
        for c in map(parse_backup_name, folder.iterdir()):
            if c is not None and c.stem == stem:
                found.append(replace(c, folder_bersama=bersama))
    return sorted(found, key=lambda c: (c.waktu, c.path.name))


def latest_backup(db_path: Path | None = None) -> Cadangan | None:
    """The newest backup (of ``db_path`` when given), or None."""
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def inspect_database_file(path: Path, label: str | None = None) -> InfoBasisData:
    """Check that ``path`` is an intact Kinerja Desktop database this version can open.

    Reads only. Raises :class:`BasisDataBermasalah` for a file that is not ours, is damaged,
    or comes from a newer schema; ``label`` names the file in messages.
    """
    path = Path(path)
    label = label or str(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        size = path.stat().st_size
    except OSError as exc:
        raise explain_os_error(exc, path) from exc
    if header != SQLITE_HEADER:
        raise BasisDataBermasalah(
            f"Berkas {label} bukan basis data Kinerja Desktop (bukan berkas SQLite)."
        )
    try:
        # immutable: never write, never create -wal/-shm beside a file we only inspect
        raw = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            app_id = raw.execute("PRAGMA application_id").fetchone()[0]
            version = raw.execute("PRAGMA user_version").fetchone()[0]
            result = [r[0] for r in raw.execute("PRAGMA integrity_check(5)")]
        finally:
            raw.close()
    except sqlite3.DatabaseError as exc:
        # SQLite's own (English) words go to the log, not to the operator
        log.info("reading %s failed: %s", path, exc)
        raise BasisDataBermasalah(f"Berkas {label} rusak dan tidak dapat dibaca.") from exc
    if app_id != APPLICATION_ID:
        raise BasisDataBermasalah(f"Berkas {label} bukan basis data Kinerja Desktop.")
    if result != ["ok"]:
        log.info("integrity_check of %s failed: %s", path, result)
        raise BasisDataBermasalah(f"Berkas {label} rusak: pemeriksaan keutuhan gagal.")
    if version > SCHEMA_VERSION:
        raise BasisDataBermasalah(
            f"Berkas {label} dibuat oleh Kinerja Desktop versi yang lebih baru (skema {version}, "
            f"aplikasi ini mengenal sampai skema {SCHEMA_VERSION}). Pasang versi aplikasi yang "
            "lebih baru untuk memakainya."
        )
    if version < 1:
        raise BasisDataBermasalah(f"Berkas {label} tidak berisi data Kinerja Desktop.")
    return InfoBasisData(versi_skema=version, ukuran=size)


def _connect_source(db_path: Path) -> sqlite3.Connection:
    if not Path(db_path).is_file():
        raise BasisDataBermasalah(
            f"Basis data {db_path} tidak ditemukan; tidak ada yang dicadangkan."
        )
    return sqlite3.connect(str(db_path), timeout=10)


def snapshot_to(db_path: Path, target: Path) -> InfoBasisData:
    """Write a consistent, verified copy of the database at ``db_path`` to ``target``.

    The copy is written to a temporary file beside ``target`` and moved into place only after
    it passed :func:`inspect_database_file`; ``target`` is never half-written.
    """
    target = Path(target)
    info: list[InfoBasisData] = []

    def write(temp: Path) -> None:
        try:
            source = _connect_source(db_path)
            try:
                dest = sqlite3.connect(str(temp))
                try:
                    source.backup(dest)
                    # a standalone file: no -wal/-shm beside the copy when it is opened later
                    dest.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dest.close()
            finally:
                source.close()
        except sqlite3.Error as exc:
            raise _explain_sqlite(exc, db_path, target) from exc
        info.append(inspect_database_file(temp, str(db_path)))

    atomic_write(target, write)
    return info[0]


def _explain_sqlite(exc: sqlite3.Error, db_path: Path, target: Path) -> KinerjaError:
    text = str(exc).lower()
    free = free_space(target.parent)
    needed = Path(db_path).stat().st_size if Path(db_path).exists() else 0
    if "full" in text or (free is not None and free < needed + NEARLY_FULL):
        # a full disk often shows as "disk I/O error" when the journal cannot be created
        return full_disk(target.parent, needed + NEARLY_FULL, "cadangan tidak dibuat")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return LingkunganBermasalah(
            f"Folder {target.parent} tidak dapat ditulis; cadangan tidak dibuat. Pilih folder lain."
        )
    if "locked" in text or "busy" in text:
        return BasisDataSibuk(
            f"Basis data {db_path} sedang sibuk dipakai program lain; cadangan tidak dibuat. "
            "Coba lagi sebentar lagi."
        )
    log.info("backup of %s failed: %s", db_path, exc)
    if _intact(db_path):
        # never advise a restore (losing work) for a database that a check finds intact
        return LingkunganBermasalah(
            f"Cadangan basis data {db_path} tidak dapat ditulis ke {target.parent} (galat disk); "
            "basis data sendiri utuh. Periksa disk itu lalu coba lagi."
        )
    return BasisDataRusak(
        f"Basis data {db_path} rusak (pemeriksaan keutuhan gagal) dan tidak dapat dicadangkan. "
        f"{restore_hint(db_path)}"
    )


def _intact(db_path: Path) -> bool:
    """Does ``quick_check`` find the database at ``db_path`` intact? (reads only)"""
    try:
        raw = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [r[0] for r in raw.execute("PRAGMA quick_check(1)")] == ["ok"]
        finally:
            raw.close()
    except sqlite3.Error:
        return False


def _free_name(folder: Path, stem: str, alasan: str, ext: str, now: datetime) -> Path:
    waktu = now.strftime(_TIME_FORMAT)
    candidate = folder / f"{stem}_{waktu}_{alasan}.{ext}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{waktu}-{n}_{alasan}.{ext}"
        n += 1
    return candidate


def _check_alasan(alasan: str) -> str:
    if not re.fullmatch(r"[a-z0-9-]+", alasan):
        raise ValueError(f"backup reason must be a slug of a-z, 0-9 and '-', not {alasan!r}")
    return alasan


def ensure_backup_dir(db_path: Path | None = None) -> Path:
    """The backup folder of ``db_path``, created when missing; a disk problem raises
    LingkunganBermasalah."""
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise LingkunganBermasalah(
            f"Folder cadangan {folder} tidak dapat dibuat karena sudah ada berkas dengan nama "
            "itu. Pindahkan atau ganti nama berkas tersebut."
        ) from exc
    except OSError as exc:
        raise explain_os_error(exc, folder / "cadangan") from exc
    return folder


def new_backup_path(db_path: Path, alasan: str, ext: str, now: datetime) -> Path:
    """A free name in the backup folder (created when missing) for a copy of ``db_path``:
    ``<db>_<YYYYMMDD-HHMMSS>[-n]_<alasan>.<ext>``."""
    return _free_name(ensure_backup_dir(db_path), _db_stem(db_path), alasan, ext, now)


def make_backup(
    db_path: Path, alasan: str, now: datetime | None = None, rotate_after: bool = True
) -> Path:
    """Copy the database at ``db_path`` into the backup folder, verify it, rotate; return it.

    ``alasan`` is a short slug naming why ("harian", "sebelum-impor" ...). Raises
    :class:`KinerjaError` (and leaves no partial file) when the copy cannot be made.
    ``rotate_after=False`` keeps every older copy (the caller rotates once its work succeeded).
    """
    _check_alasan(alasan)
    now = now or datetime.now()
    target = new_backup_path(db_path, alasan, "sqlite3", now)
    snapshot_to(db_path, target)
    if rotate_after:
        rotate(db_path, now)
    return target


def bound_database_path() -> Path | None:
    """The file of the database the models are bound to, or None (in memory, unbound, or on
    a server, where there is no file to copy)."""
    from peewee import SqliteDatabase

    from kinerja_desktop.db.models import database_proxy

    db = database_proxy.obj
    if not isinstance(db, SqliteDatabase):
        return None
    name = getattr(db, "database", None)
    if not name or name == ":memory:" or str(name).startswith("file::memory:"):
        return None
    return Path(name)


def bound_local_path() -> Path | None:
    """The file whose own folder (:func:`~kinerja_desktop.paths.files_dir`) holds the bound
    database's import copies and backups on this PC: the database file, or for a server the
    name standing for it (:func:`~kinerja_desktop.db.location.stand_in`); None in memory or
    unbound."""
    from kinerja_desktop.db.location import stand_in
    from kinerja_desktop.db.models import database_proxy
    from kinerja_desktop.db.server import address_of

    address = address_of(database_proxy.obj)
    return stand_in(address) if address is not None else bound_database_path()


def bound_location() -> DatabaseLocation:
    """Where the database the models are bound to is: its file, or its server's address.
    A refusal about the open database names its commands for this database
    (:func:`~kinerja_desktop.command_line.command`), never for the default one."""
    from kinerja_desktop.db.models import database_proxy
    from kinerja_desktop.db.server import address_of

    location = address_of(database_proxy.obj) or bound_database_path()
    if location is None:
        raise RuntimeError("no database file or server is bound to the models")
    return location


def backup_before(alasan: str) -> Path | None:
    """Back up the bound database before an operation named by ``alasan``; return the copy.

    Call it before opening the operation's transaction (never inside one). When the copy
    cannot be made, it raises a :class:`KinerjaError` saying the operation was not run; let it
    propagate so that nothing is changed. Returns None for an in-memory database.
    """
    db_path = bound_database_path()
    if db_path is None:
        return None
    return _backup_or_refuse(
        db_path, alasan, "Karena cadangan tidak dapat dibuat, perubahan tidak dijalankan."
    )


def _backup_or_refuse(db_path: Path, alasan: str, akibat: str, rotate_after: bool = True) -> Path:
    """:func:`make_backup`; when it fails, its refusal also says what was not done."""
    try:
        return make_backup(db_path, alasan, rotate_after=rotate_after)
    except KinerjaError as exc:
        raise type(exc)(f"{exc.pesan} {akibat}") from exc


def daily_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """Make the day's backup unless the database already has one dated today."""
    now = now or datetime.now()
    own = list_backups(db_path, shared=False)
    if own and own[-1].waktu.date() == now.date():
        return None
    return make_backup(db_path, ALASAN_HARIAN, now)


def _keep(backups: list[Cadangan]) -> set[Path]:
    newest_first = sorted(backups, key=lambda c: (c.waktu, c.path.name), reverse=True)
    keep = {c.path for c in newest_first[:KEEP_LAST]}
    for limit, bucket in (
        (KEEP_DAILY, lambda c: c.waktu.date()),
        (KEEP_WEEKLY, lambda c: c.waktu.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda c: (c.waktu.year, c.waktu.month)),
    ):
        seen: list[object] = []
        for c in newest_first:
            key = bucket(c)
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(c.path)
    return keep


def rotate(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups of ``db_path`` the rotation no longer keeps; return them.

    Also removes temporary files left by an interrupted backup. Never raises for a file it
    cannot delete (a backup kept too long is harmless).
    """
    backups = list_backups(db_path, shared=False)  # never one another database may have made
    keep = _keep(backups)
    removed = []
    for c in backups:
        if c.path not in keep:
            with contextlib.suppress(OSError):
                c.path.unlink()
                removed.append(c.path)
    # ".<name>-xxxx.sqlite3.tmp": left by a backup killed before its move; ".cadangan-*" and
    # ".pulihkan-*": work folders of a killed backup or restore (an hour is plenty)
    limit = (now or datetime.now()).timestamp() - 3600
    for temp in backup_dir(db_path).glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < limit:
                temp.unlink()
    for pattern in (".cadangan-*", ".pulihkan-*"):
        for work in Path(db_path).parent.glob(pattern):
            with contextlib.suppress(OSError):
                if work.is_dir() and work.stat().st_mtime < limit:
                    shutil.rmtree(work)
    return removed


def copy_damaged_file(db_path: Path, alasan: str) -> Path:
    """Keep a plain file copy of a database that SQLite cannot read (with its -wal file)."""
    # ".rusak": never listed as a backup, so neither rotation nor "the latest backup" picks it
    target = new_backup_path(db_path, alasan, "sqlite3.rusak", datetime.now())
    try:
        atomic_write(target, lambda temp: shutil.copyfile(db_path, temp))
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            atomic_write(Path(f"{target}-wal"), lambda temp: shutil.copyfile(wal, temp))
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    return target


_WORKSPACES: set[Path] = set()


def mark_workspace(db_path: Path) -> None:
    """Record that ``db_path`` is a kabupaten workspace: once damaged it cannot say so, and
    :func:`restore_hint` then adds the ways out of a workspace (packages received again)."""
    _WORKSPACES.add(db_path.resolve())


def restore_hint(db_path: Path) -> str:
    """The Indonesian sentences telling the way out of a damaged database: the window's
    restore (the same item in the main and the kabupaten window, offered too when the window
    is opened on a damaged file) and the exact ``pulihkan`` command for ``db_path``."""
    latest = latest_backup(db_path)
    jendela = (
        "melalui jendela aplikasi (menu Berkas › Pulihkan cadangan…, atau tawaran pemulihan "
        "saat jendela dibuka)"
    )
    if latest is None:
        hint = (
            f"Pulihkan dari berkas cadangan (mis. di flashdisk) {jendela}, atau dengan perintah "
            f"{restore_command(db_path, None)}."
        )
    else:
        hint = (
            f"Pulihkan cadangan terakhir ({format_waktu(latest.waktu)}) {jendela}, atau dengan "
            f"perintah {restore_command(db_path, latest.path)}."
        )
    if db_path.resolve() not in _WORKSPACES:
        return hint
    baru = (
        "Atau buat ruang kerja baru (kinerja-desktop --db BERKAS-BARU kabupaten baru --kode "
        "KODE_KABUPATEN), buka, lalu terima lagi paket kecamatan (Terima Paket…)."
    )
    if latest is None:
        return f"Belum ada cadangan otomatis ruang kerja ini. {hint} {baru}"
    return (
        f"{hint} Sesudahnya terima lagi, dengan Terima Paket…, paket yang datang sesudah "
        f"cadangan itu. {baru}"
    )


def check_integrity(db: Any, db_path: Path) -> None:
    """Run ``PRAGMA quick_check`` on the open database; raise BasisDataBermasalah if damaged.

    The message says the file was not changed and names the latest backup to restore.
    """
    rows = [r[0] for r in db.execute_sql("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        log.info("quick_check of %s failed: %s", db_path, rows)
        raise BasisDataRusak(
            f"Basis data {db_path} rusak (pemeriksaan keutuhan gagal) dan tidak dibuka; "
            f"berkasnya tidak diubah. {restore_hint(db_path)}"
        )


def backup_before_upgrade(db: Any, db_path: Path) -> Path | None:
    """Back up a database whose schema is older than this application's, before upgrading.

    Does nothing for a new file, a current one, or one the schema check will refuse. When the
    copy cannot be made the upgrade is refused (the raised KinerjaError says so). Older copies
    are not rotated away here: an upgrade that then fails must not cost a good backup, so the
    caller rotates after a successful upgrade (and removes this copy after a failed one).
    """
    version = int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    app_id = int(db.execute_sql("PRAGMA application_id").fetchone()[0])
    if app_id != APPLICATION_ID or not 1 <= version < SCHEMA_VERSION:
        return None
    return _backup_or_refuse(
        db_path,
        ALASAN_SKEMA,
        "Basis data belum diperbarui ke versi baru dan tidak diubah.",
        rotate_after=False,
    )


_daily_problem: list[str] = []


def try_daily_backup(db_path: Path) -> Path | None:
    """The first start of a day backs the database up; a failure never stops the start.

    The failure is logged and kept for :func:`daily_backup_problem` (the window can show it).
    """
    _daily_problem.clear()
    try:
        return daily_backup(db_path)
    except KinerjaError as exc:
        log.info("daily backup of %s failed: %s", db_path, exc.pesan)
        _daily_problem.append(exc.pesan)
        return None


def daily_backup_problem() -> str | None:
    """Why today's automatic backup failed in this process (Indonesian), or None."""
    return _daily_problem[-1] if _daily_problem else None
