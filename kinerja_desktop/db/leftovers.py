"""What a killed process of this application left behind, finished or removed at the next start.

:func:`tidy_after_kill` is called by whoever has just taken the instance lock of a database
(the window at start, ``pulihkan`` and the command-line writers): no other process of ours
then restores or writes this database, so a restore decided before a kill is completed and the
work folders of checks and restores are removed whatever their age. Temporary files and the
work folders of ``cadangan --out`` and ``kirim`` (which run without the lock) go once they
are an hour old.
Only names of our own (``.kinerja-sementara-*``) are ever removed.
"""

from pathlib import Path

from kinerja_desktop.db.archive import import_files_dir
from kinerja_desktop.db.backup import backup_dir
from kinerja_desktop.db.restore import (
    PURPOSE_CHECK,
    PURPOSE_RESTORE,
    finish_interrupted_restore,
    work_parent,
)
from kinerja_desktop.fileio import remove_stale_temporaries

PURPOSE_ARCHIVE = "cadangan"  # the work folder of a backup zip being written
PURPOSE_PAKET = "paket"  # the work folder where `kirim` makes its reports (paket_writer)


def tidy_after_kill(db_path: Path) -> bool:
    """Finish or remove what killed processes left for ``db_path``; True when a restore was
    completed (the caller holds the instance lock)."""
    completed = finish_interrupted_restore(db_path)
    remove_stale_temporaries(work_parent(db_path), (PURPOSE_CHECK, PURPOSE_RESTORE), 0)
    for folder in {Path(db_path).parent, work_parent(db_path)}:
        remove_stale_temporaries(folder, (PURPOSE_ARCHIVE, PURPOSE_PAKET))
    remove_stale_temporaries(backup_dir(db_path))
    remove_stale_temporaries(import_files_dir(db_path))
    return completed
