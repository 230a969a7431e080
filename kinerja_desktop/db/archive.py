"""The portable backup file: one zip holding the database and the stored import files.

``kinerja-cadangan-2026-11-24-0549.zip`` contains ``manifest.json`` (application id, app and
schema version, time, and the SHA-256 and size of every member), the database as
``kinerja.sqlite3`` (a consistent, verified snapshot) and the database's stored import files
(``paths.files_dir(db)/impor``) under ``impor/``. :func:`write_archive` writes it atomically
(a USB stick pulled out or full leaves no half file); :func:`open_archive` checks one before
anything is restored from it.
"""

import hashlib
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path, PurePosixPath

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.db.backup import InfoBasisData, inspect_database_file, snapshot_to
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION
from kinerja_desktop.db.work_folders import IMPOR_FOLDER, PURPOSE_ARCHIVE, import_files_dir
from kinerja_desktop.errors import BasisDataBermasalah, KinerjaError
from kinerja_desktop.fileio import (
    atomic_write,
    ensure_free_space,
    explain_os_error,
    make_folder,
    temporary_folder,
)
from kinerja_desktop.paths import data_dir, files_dir

MANIFEST = "manifest.json"
DB_MEMBER = "kinerja.sqlite3"
FORMAT = 1
# Bounds of what a real office could have, so that a forged archive can neither fill the memory
# (the manifest is read whole) nor the disk (members are extracted before the restore):
# 20000 members list in about 4 MB; a kecamatan's database is a few MB after ten years; an
# import file is at most a values CSV (50 MB, far above a year of values).
MAX_MEMBERS = 20000
MAX_MANIFEST_BYTES = 8 << 20
MAX_DB_BYTES = 1 << 30
MAX_IMPOR_FILE_BYTES = 50 << 20
MAX_TOTAL_BYTES = 2 << 30


@dataclass(frozen=True)
class IsiArsip:
    """A checked archive, its database extracted to ``db_file`` inside a work folder."""

    manifest: dict
    db_file: Path
    impor_files: dict[str, Path]  # "sub/berkas.xlsx" -> extracted file
    info: InfoBasisData


def stored_file(db_path: Path | None, berkas_simpan: str) -> Path:
    """The stored import file ``berkas_simpan`` (``impor/…``, as the import log records it)
    of ``db_path``: in the database's own folder or, for an import made before each database
    had its own folder, in the data folder all databases shared."""
    own = files_dir(db_path) / berkas_simpan
    shared = data_dir() / berkas_simpan
    return shared if not own.exists() and shared.exists() else own


def _shared_stored_files(snapshot: Path, db_path: Path) -> list[tuple[str, Path]]:
    """The files the import log of ``snapshot`` names that lie only in the shared data folder
    (imports made before each database had its own folder): the backup carries them too."""
    if files_dir(db_path) == data_dir():
        return []
    try:
        raw = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = [r[0] for r in raw.execute("SELECT DISTINCT berkas_simpan FROM impor_batch")]
        finally:
            raw.close()
    except sqlite3.Error:
        return []  # an old schema without an import log
    found = []
    for name in names:
        if name and _safe_member(name) and name.startswith(f"{IMPOR_FOLDER}/"):
            path = stored_file(db_path, name)
            if path.is_file() and not (files_dir(db_path) / name).exists():
                found.append((name, path))
    return found


def archive_name(now: datetime) -> str:
    """The file name of a backup written at ``now``: the date and time are in it."""
    return f"kinerja-cadangan-{now:%Y-%m-%d-%H%M}.zip"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _import_file_members(folder: Path) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    return [
        (f"{IMPOR_FOLDER}/{p.relative_to(folder).as_posix()}", p)
        for p in sorted(folder.rglob("*"))
        # not the hidden temporary file of an import being written or killed
        if p.is_file() and not p.name.startswith(".")
    ]


def write_archive(
    db_path: Path,
    target: Path,
    now: datetime | None = None,
    work_parent: Path | None = None,
    files_of: Path | None = None,
) -> Path:
    """Write the database at ``db_path`` and the stored import files to the zip ``target``.

    The database is snapshotted with the backup API and verified first; the zip is written to
    a temporary file and moved onto ``target`` only when complete. Raises
    :class:`KinerjaError` (full disk, read-only folder, unreadable database); nothing is lost.
    ``work_parent`` holds the work folder (bawaan: beside the database). ``files_of`` is the
    database whose import files and name go in (bawaan: ``db_path``; for a copy of a server
    database, the name standing for the server).
    """
    _write_archive(db_path, target, now, work_parent, files_of)
    return Path(target)


def _write_archive(
    db_path: Path,
    target: Path,
    now: datetime | None,
    work_parent: Path | None = None,
    files_of: Path | None = None,
) -> dict:
    """:func:`write_archive`, returning the manifest it wrote."""
    now = now or datetime.now()
    target = Path(target)
    asal = Path(files_of or db_path)
    with temporary_folder(work_parent or Path(db_path).parent, PURPOSE_ARCHIVE) as work:
        snapshot = Path(work) / DB_MEMBER
        info = snapshot_to(db_path, snapshot)
        members = [
            (DB_MEMBER, snapshot),
            *_import_file_members(import_files_dir(asal)),
            *_shared_stored_files(snapshot, asal),
        ]
        try:
            berkas = {
                name: {"sha256": _sha256(p), "ukuran": p.stat().st_size} for name, p in members
            }
        except OSError as exc:
            raise explain_os_error(exc, target) from exc
        manifest = {
            "format": FORMAT,
            "aplikasi": APP_NAME,
            "application_id": APPLICATION_ID,
            "versi_aplikasi": __version__,
            "versi_skema": info.versi_skema,
            "dibuat": now.isoformat(timespec="seconds"),
            # which database this is a backup of (shown before a restore)
            "basis_data_asal": str(asal.resolve()),
            "basis_data": DB_MEMBER,
            "berkas": berkas,
        }

        def write(temp: Path) -> None:
            with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
                for name, path in members:
                    zf.write(path, name)

        atomic_write(target, write)
    return manifest


def _refuse(label: str, why: str) -> BasisDataBermasalah:
    return BasisDataBermasalah(f"Berkas {label} {why} Tidak ada yang diubah.")


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _read_manifest(zf: zipfile.ZipFile, label: str) -> dict:
    """The manifest, read only as far as a real one can be long."""
    if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise _refuse(label, "bukan berkas cadangan Kinerja Desktop: daftar isinya terlalu besar.")
    with zf.open(MANIFEST) as handle:
        data = handle.read(MAX_MANIFEST_BYTES + 1)  # the size in the zip may lie
    if len(data) > MAX_MANIFEST_BYTES:
        raise _refuse(label, "bukan berkas cadangan Kinerja Desktop: daftar isinya terlalu besar.")
    manifest = json.loads(data.decode("utf-8"))
    if not isinstance(manifest, dict):
        raise TypeError("manifest is not an object")
    return manifest


def _declared_sizes(berkas: dict, label: str) -> dict[str, int]:
    """Each member's size as the manifest records it, refused beyond what is plausible."""
    sizes = {}
    for name, meta in berkas.items():
        declared = meta.get("ukuran") if isinstance(meta, dict) else None
        if not isinstance(declared, int) or declared < 0:
            raise _refuse(label, "rusak: daftar isi di manifest tidak lengkap.")
        limit = MAX_DB_BYTES if name == DB_MEMBER else MAX_IMPOR_FILE_BYTES
        if declared > limit:
            raise _refuse(
                label,
                f"tidak wajar: {name} tercatat {declared / (1 << 20):.0f} MB, jauh di atas "
                f"yang mungkin dimiliki sebuah kantor (batas {limit >> 20} MB).",
            )
        sizes[name] = declared
    if sum(sizes.values()) > MAX_TOTAL_BYTES:
        raise _refuse(label, "tidak wajar: isinya jauh lebih besar dari data sebuah kantor.")
    return sizes


def open_archive(path: Path, work: Path) -> IsiArsip:
    """Check the backup zip at ``path`` and extract it into the folder ``work``.

    Refuses (:class:`BasisDataBermasalah`) a file that is not a Kinerja Desktop backup, is
    damaged (bad zip, checksum mismatch, failed integrity check) or comes from a newer schema.
    """
    path = Path(path)
    label = path.name
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise _refuse(label, "rusak atau bukan berkas cadangan Kinerja Desktop.") from exc
    except OSError as exc:
        raise explain_os_error(exc, path) from exc
    with zf:
        names = zf.namelist()
        if MANIFEST not in names or len(names) > MAX_MEMBERS:
            raise _refuse(label, "bukan berkas cadangan Kinerja Desktop.")
        try:
            manifest = _read_manifest(zf, label)
            berkas = dict(manifest["berkas"])
            app_id = manifest["application_id"]
            versi = int(manifest["versi_skema"])
        except (KeyError, TypeError, ValueError, zipfile.BadZipFile, RuntimeError) as exc:
            # RuntimeError: an encrypted member (never written by this application)
            raise _refuse(label, "bukan berkas cadangan Kinerja Desktop.") from exc
        if app_id != APPLICATION_ID or DB_MEMBER not in berkas:
            raise _refuse(label, "bukan berkas cadangan Kinerja Desktop.")
        if versi > SCHEMA_VERSION:
            raise _refuse(
                label,
                f"dibuat oleh Kinerja Desktop versi yang lebih baru (skema {versi}, aplikasi ini "
                f"mengenal sampai skema {SCHEMA_VERSION}). Pasang versi aplikasi yang lebih "
                "baru untuk memulihkannya.",
            )
        if set(berkas) != set(names) - {MANIFEST} or not all(map(_safe_member, berkas)):
            raise _refuse(label, "rusak: isinya tidak sesuai dengan daftar di manifest.")
        sizes = _declared_sizes(berkas, label)
        ensure_free_space(Path(work), sum(sizes.values()), f"memeriksa {label}")
        extracted: dict[str, Path] = {}
        for name, meta in berkas.items():
            out = Path(work, *PurePosixPath(name).parts)
            digest = hashlib.sha256()
            declared = sizes[name]
            written = 0
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(name) as src, open(out, "wb") as dst:
                    for block in iter(partial(src.read, 1 << 20), b""):
                        written += len(block)
                        if written > declared:
                            # never let a forged archive fill the disk
                            raise _refuse(label, f"rusak: {name} lebih besar dari yang dicatat.")
                        digest.update(block)
                        dst.write(block)
            except (
                zipfile.BadZipFile,
                EOFError,
                ValueError,
                RuntimeError,
                NotImplementedError,
            ) as exc:
                raise _refuse(label, "rusak: sebagian isinya tidak dapat dibaca.") from exc
            except OSError as exc:
                raise explain_os_error(exc, out) from exc
            if digest.hexdigest() != meta.get("sha256"):
                raise _refuse(label, f"rusak: isi {name} tidak sama dengan saat dicadangkan.")
            extracted[name] = out
    info = inspect_database_file(extracted[DB_MEMBER], label)
    impor = {
        name[len(IMPOR_FOLDER) + 1 :]: p
        for name, p in extracted.items()
        if name.startswith(f"{IMPOR_FOLDER}/")
    }
    return IsiArsip(manifest, extracted[DB_MEMBER], impor, info)


@dataclass(frozen=True)
class HasilCadangan:
    """A backup written by :func:`export_backup`."""

    path: Path
    versi_skema: int
    berkas_impor: int
    ukuran: int  # bytes of the zip


def export_backup(
    db_path: Path, folder: Path, now: datetime | None = None, files_of: Path | None = None
) -> HasilCadangan:
    """Write the backup zip into ``folder`` (e.g. a USB stick) under a dated name;
    ``files_of`` as for :func:`write_archive`.

    Remembers the time and file in the settings (the About dialog shows them). Raises
    :class:`KinerjaError` for a missing, full or read-only folder or an unreadable database.
    """
    from kinerja_desktop import settings

    now = now or datetime.now()
    folder = make_folder(Path(folder))
    target = folder / archive_name(now)
    n = 2
    while target.exists():
        target = folder / f"{Path(archive_name(now)).stem}-{n}.zip"
        n += 1
    manifest = _write_archive(db_path, target, now, files_of=files_of)
    try:
        settings.set_value("cadangan_luar_waktu", now.isoformat(timespec="seconds"))
        settings.set_value("cadangan_luar_berkas", str(target))
    except KinerjaError:
        pass  # the backup is written; failing to remember it must not report a failure
    return HasilCadangan(
        target,
        int(manifest["versi_skema"]),
        sum(1 for name in manifest["berkas"] if name.startswith(f"{IMPOR_FOLDER}/")),
        target.stat().st_size,
    )
