"""The folders of one database's own files and the names of the work folders our processes
make there, so that what a killed process left is recognised (:mod:`kinerja_desktop.db.leftovers`).

Apart from the restore and the backup archive that use them: every start tidies after a
killed process (``tidy_after_kill``), and on a normal start there is nothing to finish, so
the start reads these names without importing the restore (zip archives, schema checks).
"""

from pathlib import Path

from kinerja_desktop.paths import files_dir

IMPOR_FOLDER = "impor"  # the stored copies of imported files, beside the backups
PURPOSE_RESTORE = "pulihkan"  # the work folder of a restore
PURPOSE_CHECK = "periksa"  # the work folder of checking a file before asking
PURPOSE_ARCHIVE = "cadangan"  # the work folder of a backup zip being written
PURPOSE_PAKET = "paket"  # the work folder where `kirim` makes its reports (paket_writer)


def import_files_dir(db_path: Path | None = None) -> Path:
    """The folder of the stored import files of ``db_path`` (None: the default database);
    may not exist."""
    return files_dir(db_path) / IMPOR_FOLDER


def work_parent(db_path: Path) -> Path:
    """Where the work folders of a restore of ``db_path`` live: the database's own folder,
    beside its import folder, so that the import files are put in place by renaming on the
    same disk."""
    return files_dir(db_path)
