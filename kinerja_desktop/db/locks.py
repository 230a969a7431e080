"""Locks between PCs sharing one server database, held until the transaction ends.

Two operators on two PCs may write values, import files or copy a year at the same moment.
Each writer takes the lock of what it changes inside its transaction, so the second waits for
the first to commit and then checks the state it finds (see ``ops_nilai.apply_plan``), instead of
both reading the old state and the later one silently undoing the earlier. On a SQLite file
SQLite's own write lock (and the one-window lock) already serialise the writers: no-op there.
"""

from peewee import PostgresqlDatabase

from kinerja_desktop.db.models import database_proxy

KUNCI_NILAI = "nilai"  # targets, realisasi and the import log
KUNCI_TAHUN = "tahun"  # years and their IKI tree (copying a year)
KUNCI_PAKET = "paket"  # packages received into a kabupaten workspace


def take_lock(nama: str) -> None:
    """Wait until no other connection holds the lock ``nama``, then hold it until the
    current transaction commits or rolls back. Call inside ``database_proxy.atomic()``."""
    db = database_proxy.obj
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"kinerja-{nama}",))
