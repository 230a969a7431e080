"""The window's restore as one operation: replace the open database with a backup, open it
again and log the restore, returning the change record of a database that changed entirely."""

from pathlib import Path

from kinerja_desktop.db.changes import Hasil, everything_changed
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.restore import HasilPemulihan, restore_from_file
from kinerja_desktop.db.restore_locks import log_restore
from kinerja_desktop.db.server_copy import restore_server


def restore_database(source: Path, location: DatabaseLocation) -> Hasil[HasilPemulihan]:
    """Replace the database the window has open at ``location`` (a file or a server) with the
    backup ``source``, open it again (upgrading an older schema) and log the restore there.

    The change record says that everything changed: the caller drops its undo steps and
    reads every view again, since every id may differ. Raises :class:`KinerjaError`.
    """
    if isinstance(location, ServerAddress):
        hasil = restore_server(source, location)
    else:
        hasil = restore_from_file(source, location)
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
        everything_changed(f"Data dipulihkan dari {Path(source).name}.{sebelumnya}"), hasil
    )
