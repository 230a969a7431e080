"""One window per database: an operating-system lock on a small file beside the database.

The lock belongs to the open file handle, so the operating system releases it when the process
ends in any way (closed, crashed, killed, power cut): a lock file left behind never blocks the
next start. ``fcntl.flock`` on Linux/macOS, ``msvcrt.locking`` on Windows. No Qt here.

    lock = acquire_instance_lock(db_path)   # raises SudahBerjalan when another window has it
    ...
    lock.release()                           # or let the process end
"""

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from kinerja_desktop.errors import BasisDataSibuk

LOCK_SUFFIX = ".kunci"


class SudahBerjalan(BasisDataSibuk):
    """Another Kinerja Desktop process has the same database open."""


def lock_path(db_path: Path) -> Path:
    """The lock file of the database at ``db_path`` (``kinerja.sqlite3.kunci``)."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """A held lock; release it with :meth:`release` (or by ending the process)."""

    def __init__(self, path: Path, handle: IO[bytes] | None) -> None:
        self.path = path
        self._handle = handle

    @property
    def held(self) -> bool:
        """False once released, or when the lock file could not be created at all."""
        return self._handle is not None

    def release(self) -> None:
        """Give the lock up (closing the handle releases the OS lock)."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def __enter__(self) -> "InstanceLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_instance_lock(db_path: Path, tanpa_jendela: bool = False) -> InstanceLock:
    """Take the lock of the database at ``db_path`` or raise :class:`SudahBerjalan`.

    ``tanpa_jendela``: the caller is a command (no window), and its refusal says so. When the
    lock file cannot be created (read-only folder), returns an unheld lock rather than
    refusing: opening the database then reports the real problem.
    """
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "a+b": never truncates a file another process holds; creates it when missing
        handle = open(path, "a+b")  # noqa: SIM115 - kept open for the life of the lock
    except OSError:
        return InstanceLock(path, None)
    if not _try_lock(handle):
        handle.close()
        if tanpa_jendela:
            raise SudahBerjalan(
                f"Basis data {db_path} sedang dipakai: jendela Kinerja Desktop sudah terbuka "
                "untuk basis data ini, atau perintah lain (mis. pulihkan atau impor) sedang "
                "berjalan. Tutup jendela itu atau tunggu perintahnya selesai, lalu jalankan "
                "lagi. Tidak ada yang diubah."
            )
        raise SudahBerjalan(
            f"Kinerja Desktop sudah terbuka untuk basis data {Path(db_path).name} "
            f"(di {Path(db_path).parent}). Gunakan jendela yang sudah terbuka (lihat taskbar). "
            "Jika jendela itu baru saja ditutup, tunggu sebentar lalu coba lagi."
        )
    with contextlib.suppress(OSError):
        # the process id, for whoever looks at the file; the lock itself is what counts
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
    return InstanceLock(path, handle)
