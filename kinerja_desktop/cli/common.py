"""Helpers shared by the command modules."""

import argparse
import getpass
import json
import os
import sys
from typing import Any

from kinerja_desktop.db.sesi import Sesi
from kinerja_desktop.domain.batas import tanpa_takhingga


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (valid JSON: infinity or NaN becomes null)."""
    print(json.dumps(tanpa_takhingga(data), ensure_ascii=False, indent=2, allow_nan=False))


def open_db(args: argparse.Namespace) -> None:
    """Open the database chosen by ``--db``/``KINERJA_DB`` and bind the models to it."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.location import ServerAddress
    from kinerja_desktop.db.server_copy import finish_server_restore
    from kinerja_desktop.db.sesi import ask_when_needed, log_in_as

    open_database(args.db)
    if isinstance(args.db, ServerAddress):
        finish_server_restore(args.db)  # what a killed process of this PC left, as for a file
    log_in_as(None)  # each command says anew who runs it
    ask_when_needed(lambda: _log_in_from(args))


def ask_sandi(ajakan: str) -> str:
    """Read a password: hidden at a terminal, one line of standard input from a script."""
    if sys.stdin.isatty():
        return getpass.getpass(ajakan)
    return sys.stdin.readline().rstrip("\r\n")


def _log_in_from(args: argparse.Namespace) -> Sesi:
    """Who runs a changing command: ``--pengguna`` or KINERJA_PENGGUNA with the password, or
    nobody asked when the office has a single user."""
    from kinerja_desktop.db.pengguna import log_in
    from kinerja_desktop.db.sesi import sesi_tanpa_masuk
    from kinerja_desktop.errors import TidakBerwenang

    nama = getattr(args, "pengguna", None) or os.environ.get("KINERJA_PENGGUNA", "")
    if not nama:
        sesi = sesi_tanpa_masuk()
        if sesi is None:
            raise TidakBerwenang(
                "Ada beberapa pengguna: sebutkan siapa yang bekerja dengan --pengguna NAMA "
                "(atau variabel KINERJA_PENGGUNA); sandinya akan ditanyakan."
            )
        return sesi
    return log_in(nama, ask_sandi(f"Sandi untuk {nama}: "))


# The instance lock of a command that writes: held until the command ends.
_HELD_LOCKS: list[Any] = []


def open_db_to_write(args: argparse.Namespace) -> None:
    """Like :func:`open_db` for a command that changes data: first take the database's
    instance lock, so that it never runs beside the window, a restore or another writer.

    Raises :class:`~kinerja_desktop.instance.SudahBerjalan` (nothing changed) when the lock
    is taken; the lock is held until :func:`release_locks` (the end of the command). A
    database on a server has no such lock: its writers take the server's locks
    (:mod:`kinerja_desktop.db.locks`) and several PCs work at once; :func:`open_db` tidies
    what a killed process of this PC left in the server's folder here, as for a file.
    """
    from kinerja_desktop.db.leftovers import tidy_after_kill
    from kinerja_desktop.db.location import is_server
    from kinerja_desktop.instance import acquire_instance_lock

    if is_server(args.db):
        open_db(args)
        return
    _HELD_LOCKS.append(acquire_instance_lock(args.db, tanpa_jendela=True))
    tidy_after_kill(args.db)
    open_db(args)


def release_locks() -> None:
    """Give up the locks taken by :func:`open_db_to_write` (the command has ended)."""
    while _HELD_LOCKS:
        _HELD_LOCKS.pop().release()
