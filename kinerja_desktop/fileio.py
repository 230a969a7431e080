"""Writing files safely: a temporary file beside the target, then an atomic replace.

A failed write never leaves a half-written target, and the reason reaches the user in
Indonesian: a missing folder (USB stick pulled out), a read-only or full disk, a name too long
for the disk, a folder given where a file was meant, or a target that another program (Excel, a
PDF viewer) holds open.

Every temporary file or work folder of the application starts with :data:`TEMP_PREFIX`, so
that what a killed process left behind is recognised and removed later
(:func:`remove_stale_temporaries`), and nothing else ever is.
"""

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kinerja_desktop.errors import DiskPenuh, LingkunganBermasalah

TEMP_PREFIX = ".kinerja-sementara-"
# a temporary file this old belongs to a process that was killed: a running write takes
# seconds, a large backup a few minutes
STALE_AFTER_SECONDS = 3600
# the target's name is kept in the temporary name (recognisable), but shortened so that a long
# target name still leaves room on a disk whose names end at 255 characters
_NAME_IN_TEMP = 60


def explain_os_error(exc: OSError, target: Path) -> LingkunganBermasalah:
    """Translate a failed file operation on ``target`` into a message the user can act on."""
    folder = target.parent
    if exc.errno == errno.EISDIR:
        return LingkunganBermasalah(
            f"{target} adalah sebuah folder, bukan nama berkas. Sebutkan nama berkas lengkap di "
            "dalam folder itu, lalu coba lagi."
        )
    if exc.errno == errno.ENAMETOOLONG:
        return LingkunganBermasalah(
            f"Nama berkas {target.name[:40]}… terlalu panjang ({len(target.name)} huruf) untuk "
            f"{folder}. Pakai nama yang lebih pendek, lalu coba lagi."
        )
    if exc.errno == errno.ENOSPC:
        return DiskPenuh(
            f"Ruang penyimpanan di {folder} penuh, {target.name} tidak ditulis. "
            "Hapus berkas yang tidak diperlukan atau pilih flashdisk lain, lalu coba lagi."
        )
    if exc.errno == errno.EROFS:
        return LingkunganBermasalah(
            f"{folder} hanya dapat dibaca (flashdisk terkunci atau hanya-baca), "
            f"{target.name} tidak ditulis. Buka kunci flashdisk atau pilih folder lain."
        )
    if exc.errno == errno.ENOENT or not folder.exists():
        return LingkunganBermasalah(
            f"Folder {folder} tidak ditemukan. Pastikan flashdisk masih terpasang atau pilih "
            "folder lain."
        )
    if isinstance(exc, PermissionError):
        if target.exists():
            return LingkunganBermasalah(
                f"Berkas {target} tidak dapat ditimpa: mungkin sedang dibuka di program lain "
                "(misalnya Excel atau pembaca PDF). Tutup berkas itu lalu coba lagi."
            )
        return LingkunganBermasalah(
            f"Folder {folder} tidak dapat ditulis (tidak ada izin atau hanya-baca). "
            "Pilih folder lain."
        )
    # The system's own text (exc.strerror) is English; the error code stays for support.
    kode = errno.errorcode.get(exc.errno or 0, "tanpa kode")
    return LingkunganBermasalah(
        f"{target.name} tidak dapat ditulis ke {folder} (galat sistem {kode}). "
        "Periksa flashdisk atau folder tujuan lalu coba lagi."
    )


# Where Linux desktops mount USB sticks: a folder missing right below one of these is a stick
# that is not plugged in, and making it would write onto the computer's own disk instead.
MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))


def make_folder(folder: Path) -> Path:
    """Make ``folder`` (and missing parents) for output; return it.

    A folder a user types on the stick (``E:\\laporan-2020``) need not exist yet. Refused with
    the same kind of message as a full stick when it cannot be made, or when it would sit
    where an unplugged USB stick is mounted.
    """
    folder = Path(folder)
    if folder.is_dir():
        return folder
    existing = next((p for p in folder.parents if p.is_dir()), None)
    if existing is not None and (existing in MOUNT_ROOTS or existing.parent in MOUNT_ROOTS[:2]):
        raise LingkunganBermasalah(
            f"Folder {folder} tidak ditemukan. Pastikan flashdisk masih terpasang atau pilih "
            "folder lain."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # a file stands where a folder must be
            raise LingkunganBermasalah(
                f"Folder {folder} tidak dapat dibuat: sudah ada berkas dengan nama itu atau "
                "di jalurnya. Pilih folder lain."
            ) from exc
        raise explain_os_error(exc, folder) from exc
    return folder


def _ordinary_permissions(path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def atomic_write(target: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temp_path)`` to produce the file, then move it onto ``target`` at once.

    The target's folder is made when missing (:func:`make_folder`). The temporary file lives in
    the target's folder (so the move is atomic on the same disk), is flushed to disk before the
    move, and is removed on any failure.
    Raises :class:`LingkunganBermasalah` for disk and folder problems.
    """
    target = Path(target)
    make_folder(target.parent)
    try:
        if target.is_dir():  # found before the work is done, not at the final move
            raise IsADirectoryError(errno.EISDIR, "folder")
        remove_stale_temporaries(target.parent)
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{target.stem[:_NAME_IN_TEMP]}-",
            suffix=f"{target.suffix[:_NAME_IN_TEMP]}.tmp",
            dir=target.parent,
        )
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    os.close(fd)
    temp = Path(temp_name)
    # mkstemp creates the file for its owner only; a report or template is an ordinary file
    _ordinary_permissions(temp)
    try:
        write(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def temporary_folder(parent: Path, purpose: str) -> tempfile.TemporaryDirectory[str]:
    """A work folder ``.kinerja-sementara-<purpose>-xxxx`` in ``parent``, removed on exit.

    Raises :class:`LingkunganBermasalah` when ``parent`` cannot hold it.
    """
    parent = Path(parent)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{purpose}-", dir=parent)
    except OSError as exc:
        raise explain_os_error(exc, parent / purpose) from exc


def make_temporary_folder(parent: Path, purpose: str) -> Path:
    """Like :func:`temporary_folder`, for a caller that decides itself when to remove it."""
    parent = Path(parent)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{purpose}-", dir=parent))
    except OSError as exc:
        raise explain_os_error(exc, parent / purpose) from exc


def remove_stale_temporaries(
    folder: Path, purposes: tuple[str, ...] = (), older_than: float = STALE_AFTER_SECONDS
) -> list[Path]:
    """Remove what a killed process of this application left in ``folder``; return it.

    Temporary files (``.kinerja-sementara-*.tmp`` and their ``-journal``) and work folders
    whose purpose is one of ``purposes`` are removed once they are ``older_than`` seconds old
    (0: whatever their age, for a caller that knows no other process is using them). Never
    raises: a leftover that cannot be removed now is removed another time.
    """
    limit = time.time() - older_than
    removed = []
    # "*.tmp*": SQLite's -journal of a temporary database file too
    patterns = [f"{TEMP_PREFIX}*.tmp*", *(f"{TEMP_PREFIX}{p}-*" for p in purposes)]
    with contextlib.suppress(OSError):
        for pattern in patterns:
            for leftover in Path(folder).glob(pattern):
                with contextlib.suppress(OSError):
                    if leftover.lstat().st_mtime > limit:
                        continue
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover)
                    else:
                        leftover.unlink()
                    removed.append(leftover)
    return removed


def size_text(nbytes: int) -> str:
    """A size as the operator reads it: ``300 KB``, ``1,5 MB`` or ``2,0 GB`` (decimal comma)."""
    if nbytes >= 1 << 30:
        return f"{nbytes / (1 << 30):.1f} GB".replace(".", ",")
    if nbytes >= 1 << 20:
        return f"{nbytes / (1 << 20):.1f} MB".replace(".", ",")
    return f"{max(1, round(nbytes / 1024))} KB"


# room left for SQLite's journal and the file system's own bookkeeping
_FREE_MARGIN = 1 << 20


def free_space(folder: Path) -> int | None:
    """Bytes free on the disk of ``folder`` (its nearest existing parent), None when unknown."""
    folder = Path(folder)
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


# below this a disk counts as full: SQLite needs room for its journal and shared memory file
NEARLY_FULL = 2 << 20


def full_disk(folder: Path, needed: int, not_done: str) -> DiskPenuh:
    """The message for a full disk: where, how much is free, how much to make free, and
    that nothing saved is lost (``not_done`` says what was not done)."""
    free = free_space(folder)
    tersisa = f" (tersisa {size_text(free)})" if free is not None else ""
    return DiskPenuh(
        f"Ruang penyimpanan di {folder} penuh{tersisa}; {not_done}. Kosongkan paling sedikit "
        f"{size_text(needed)} di disk itu (hapus berkas yang tidak diperlukan) lalu coba lagi. "
        "Data yang sudah tersimpan tidak hilang dan tidak rusak."
    )


def ensure_free_space(folder: Path, needed: int, doing: str) -> None:
    """Refuse before starting when the disk of ``folder`` has not ``needed`` bytes free.

    ``doing`` completes "tidak cukup untuk …" in the message, which says how much is needed
    and how much there is. When the free space cannot be read, the write itself will tell.
    """
    free = free_space(folder)
    if free is None:
        return
    if free < needed + _FREE_MARGIN:
        raise DiskPenuh(
            f"Ruang penyimpanan di {folder} tidak cukup untuk {doing}: diperlukan sekitar "
            f"{size_text(needed + _FREE_MARGIN)}, tersedia {size_text(free)}. Kosongkan ruang "
            "disk (hapus berkas yang tidak diperlukan) lalu coba lagi; tidak ada yang diubah."
        )
