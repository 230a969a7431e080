"""Helpers shared by the command modules."""

import argparse
import json
from typing import Any

from kinerja_desktop.domain.batas import tanpa_takhingga


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (valid JSON: infinity or NaN becomes null)."""
    print(json.dumps(tanpa_takhingga(data), ensure_ascii=False, indent=2, allow_nan=False))


def open_db(args: argparse.Namespace) -> None:
    """Open the database chosen by ``--db``/``KINERJA_DB`` and bind the models to it."""
    from kinerja_desktop.db.connection import open_database

    open_database(args.db)


# The instance lock of a command that writes: held until the command ends.
_HELD_LOCKS: list[Any] = []


def open_db_to_write(args: argparse.Namespace) -> None:
    """Like :func:`open_db` for a command that changes data: first take the database's
    instance lock, so that it never runs beside the window, a restore or another writer.

    Raises :class:`~kinerja_desktop.instance.SudahBerjalan` (nothing changed) when the lock
    is taken; the lock is held until :func:`release_locks` (the end of the command).
    """
    from kinerja_desktop.db.leftovers import tidy_after_kill
    from kinerja_desktop.instance import acquire_instance_lock

    _HELD_LOCKS.append(acquire_instance_lock(args.db, tanpa_jendela=True))
    tidy_after_kill(args.db)
    open_db(args)


def release_locks() -> None:
    """Give up the locks taken by :func:`open_db_to_write` (the command has ended)."""
    while _HELD_LOCKS:
        _HELD_LOCKS.pop().release()
