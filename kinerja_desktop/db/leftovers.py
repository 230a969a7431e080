"""What a killed process of this application left behind, finished or removed at the next start.

:func:`tidy_after_kill` is called by whoever has just taken the instance lock of a database
(the window at start, ``pulihkan`` and the command-line writers; for a server database the
lock of its stand-in on this PC, taken at opening,
:func:`~kinerja_desktop.db.server_copy.finish_server_restore`): no other process of ours then
restores or checks a backup for this database, so a restore decided before a kill is completed
and the work folders of checks and restores are removed whatever their age. A restore into a
server, holding that lock since its check, completes only the restores killed after their
commit (:func:`finish_server_restores`): its own checked copy waits in a check's work folder.
Temporary files and the work folders of ``cadangan --out`` and ``kirim`` (which run without
the lock) go once they are an hour old.
Only names of our own (``.kinerja-sementara-*``) are ever removed.
"""

import shutil
from pathlib import Path

from kinerja_desktop.db.backup import backup_dir
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress, stand_in
from kinerja_desktop.db.models import CatatanAudit
from kinerja_desktop.db.work_folders import (
    PURPOSE_ARCHIVE,
    PURPOSE_CHECK,
    PURPOSE_PAKET,
    PURPOSE_RESTORE,
    import_files_dir,
    work_parent,
)
from kinerja_desktop.fileio import TEMP_PREFIX, remove_stale_temporaries


def tidy_after_kill(location: DatabaseLocation) -> bool:
    """Finish or remove what killed processes left for the database at ``location``; True
    when a restore was completed (the caller holds the instance lock of the file, or of a
    server database's :func:`~kinerja_desktop.db.location.stand_in`, which is then bound)."""
    if isinstance(location, ServerAddress):
        db_path = stand_in(location)
        completed = finish_server_restores(db_path)
    else:
        db_path = location
        completed = False
        if _work_folders(db_path):
            # the restore's module (archives, schema checks) only when a restore was killed,
            # not at every start of the window
            from kinerja_desktop.db.restore import finish_interrupted_restore

            completed = finish_interrupted_restore(db_path)
    remove_stale_temporaries(work_parent(db_path), (PURPOSE_CHECK, PURPOSE_RESTORE), 0)
    for folder in {Path(db_path).parent, work_parent(db_path)}:
        remove_stale_temporaries(folder, (PURPOSE_ARCHIVE, PURPOSE_PAKET))
    remove_stale_temporaries(backup_dir(db_path))
    remove_stale_temporaries(import_files_dir(db_path))
    return completed


def _work_folders(local: Path) -> list[Path]:
    return sorted(work_parent(local).glob(f"{TEMP_PREFIX}{PURPOSE_RESTORE}-*"))


def finish_server_restores(local: Path) -> bool:
    """Complete the restores into the bound server database whose stand-in is ``local`` that
    were killed after their commit, and remove the work folders of those killed before; True
    when one was completed (the caller holds the lock of ``local``)."""
    from kinerja_desktop.db.restore import put_impor_in_place, read_plan

    completed = False
    for work in _work_folders(local):
        plan = read_plan(work)
        if plan is not None and _committed(str(plan.get("penanda", ""))):
            put_impor_in_place(work, local, plan)
            completed = True
        shutil.rmtree(work, ignore_errors=True)
    return completed


def _committed(penanda: str) -> bool:
    """Does the server's log hold the entry of the restore whose state before was saved as
    ``penanda``?"""
    if not penanda:
        return False
    entri = CatatanAudit.select().where(
        (CatatanAudit.aksi == "pulih_cadangan") & CatatanAudit.catatan.endswith(penanda)
    )
    return bool(entri.exists())
