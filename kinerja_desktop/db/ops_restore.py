"""The window's and ``pulihkan``'s restore as one operation: check the backup once (what it
holds is asked about), then replace the open database with that checked copy, open it again
and log the restore, returning the change record of a database that changed entirely."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from kinerja_desktop.db.changes import Hasil, everything_changed
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.restore import (
    CadanganDiperiksa,
    HasilPemulihan,
    check_backup,
    restore_checked,
)
from kinerja_desktop.db.restore_locks import log_restore
from kinerja_desktop.db.server_copy import check_server_backup, restore_server


@contextlib.contextmanager
def check_restore(source: Path, location: DatabaseLocation) -> Iterator[CadanganDiperiksa]:
    """Check the backup ``source`` whole for a restore into ``location`` (a file or a
    server); inside the block, :attr:`CadanganDiperiksa.keterangan` says what it holds and
    :func:`restore_database` restores exactly that copy. Leaving without restoring changes
    nothing. Raises :class:`KinerjaError` for a file a restore refuses.

    For a file the caller holds the database's instance lock (the window, or ``pulihkan``);
    for a server this holds the lock of its stand-in on this PC.
    """
    if isinstance(location, ServerAddress):
        with check_server_backup(source, location) as checked:
            yield checked
    else:
        with check_backup(source, location) as checked:
            yield checked


def restore_database(
    checked: CadanganDiperiksa, location: DatabaseLocation
) -> Hasil[HasilPemulihan]:
    """Replace the database open at ``location`` (a file or a server) with the backup
    :func:`check_restore` checked, open it again (upgrading an older schema) and log the
    restore there.

    The change record says that everything changed: the caller drops its undo steps and
    reads every view again, since every id may differ. Raises :class:`KinerjaError`.
    """
    if isinstance(location, ServerAddress):
        hasil = restore_server(checked, location)
    else:
        hasil = restore_checked(checked, location)
    old = database_proxy.obj
    if old is not None:
        old.close()
    open_database(location)  # upgrades an older schema, checks, binds the models
    if not hasil.dicatat:
        log_restore(hasil.sumber, hasil.cadangan_sebelumnya)
    sebelumnya = (
        f" Keadaan sebelumnya disimpan di {hasil.cadangan_sebelumnya.name}."
        if hasil.cadangan_sebelumnya is not None
        else ""
    )
    return Hasil(
        everything_changed(f"Data dipulihkan dari {checked.source.name}.{sebelumnya}"), hasil
    )
