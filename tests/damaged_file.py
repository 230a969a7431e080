"""A database file damaged the way a failing flashdisk leaves it, and made whole again."""

from pathlib import Path

from kinerja_desktop.db.models import database_proxy


def damage(path: Path) -> bytes:
    """Keep the header, make every page after it garbage; returns the file as it was.

    The bound database is closed first: the next read opens the file again, as after a while
    idle, and meets the damage."""
    database_proxy.close()
    whole = path.read_bytes()
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\xa5" * (len(whole) - 100))
    return whole


def make_whole(path: Path, whole: bytes) -> None:
    """Put back the file ``damage`` returned (as restoring the backup would)."""
    database_proxy.close()
    path.write_bytes(whole)
