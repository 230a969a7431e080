"""Writing files safely: a temporary file beside the target, then an atomic replace.

A failed write never leaves a half-written target, and the reason reaches the user in
Indonesian: a missing folder (USB stick pulled out), a read-only or full disk, or a target that
another program (Excel, a PDF viewer) holds open.
"""

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kinerja_desktop.errors import LingkunganBermasalah


def explain_os_error(exc: OSError, target: Path) -> LingkunganBermasalah:
    """Translate a failed file operation on ``target`` into a message the user can act on."""
    folder = target.parent
    if exc.errno == errno.ENOSPC:
        return LingkunganBermasalah(
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


def _ordinary_permissions(path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def atomic_write(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)`` to produce the file, then move it onto ``target`` at once.

    The temporary file lives in the target's folder (so the move is atomic on the same disk),
    is flushed to disk before the move, and is removed on any failure.
    Raises :class:`LingkunganBermasalah` for disk and folder problems.
    """
    target = Path(target)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=f"{target.suffix}.tmp", dir=target.parent
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
