"""peewee without its PostgreSQL driver until a server is opened: 0.1 s of every start.

peewee imports every optional driver it knows when it is imported: ``psycopg`` alone (with
asyncio, importlib.metadata and the libpq binding) took about 0.1 s of the window's start-up
on this machine (``python -X importtime``), a third of what the window adds to a bare PySide6
window, although most offices open a file and never a server. So peewee is imported with the
drivers hidden (:func:`import_peewee`, from ``kinerja_desktop.db``), and a server connection
first hands peewee the driver exactly as its own import would have
(:func:`install_server_driver`, from :func:`kinerja_desktop.db.server.connect_server`).

The server tests (every ``db``/``db_target`` test runs on PostgreSQL too) go through this path,
so a peewee release that changes its driver import fails them rather than an office.
"""

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_DRIVER = ("psycopg", "psycopg2", "psycopg2cffi")


class _TanpaDriver(importlib.abc.MetaPathFinder):
    """Answers "not installed" for the PostgreSQL drivers while peewee is imported."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """Refuse the drivers; leave every other module to the other finders."""
        if fullname.split(".")[0] in _DRIVER:
            raise ModuleNotFoundError(f"{fullname} is imported when a server is opened")
        return None


def import_peewee() -> None:
    """Import peewee with its PostgreSQL drivers hidden, unless one is imported already (then
    peewee takes it as usual)."""
    if "peewee" in sys.modules or any(d in sys.modules for d in _DRIVER):
        return
    finder = _TanpaDriver()
    sys.meta_path.insert(0, finder)
    try:
        import peewee  # noqa: F401 - imported here, once, without the drivers
    finally:
        sys.meta_path.remove(finder)


def install_server_driver() -> None:
    """Give peewee the psycopg driver it was imported without (does nothing when it has one,
    or when psycopg is not installed: peewee then says the driver is missing, as before)."""
    # peewee's stubs do not declare its driver globals: set them through a plain module
    peewee: Any = importlib.import_module("peewee")
    if peewee.psycopg is not None or peewee.psycopg2 is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    # what peewee's own "import psycopg" block and its adapter class define from it
    peewee.psycopg = psycopg
    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3 = Json
    peewee.Jsonb_pg3 = Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
