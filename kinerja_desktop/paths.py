"""Where the application keeps its files, per user, never inside the program folder.

``KINERJA_DATA_DIR`` overrides the folder (tests and portable installs use it);
``KINERJA_DB`` or ``--db`` point at another database file or a server
(:mod:`kinerja_desktop.db.location`). Each database has its own folder for its backups and
stored import files (:func:`files_dir`); a server database keeps them in the data folder of
the PC that works on it.
"""

import os
import sys
from pathlib import Path

DB_FILENAME = "kinerja.sqlite3"


def data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%\\KinerjaDesktop on Windows, XDG elsewhere."""
    override = os.environ.get("KINERJA_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "KinerjaDesktop"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kinerja-desktop"


def default_db_path() -> Path:
    """The database file used when neither ``--db`` nor ``KINERJA_DB`` is given, or the one
    ``KINERJA_DB`` names; when that is a server address, the data folder's file (whose folder
    then holds the server's local backups and import copies)."""
    env = os.environ.get("KINERJA_DB")
    return Path(env) if env and "://" not in env else data_dir() / DB_FILENAME


FILES_SUFFIX = "-berkas"


def files_dir(db_path: Path | None = None) -> Path:
    """The folder of one database's own files: its automatic backups (``cadangan``), the
    copies of imported files (``impor``) and the work folders of a restore.

    The default database keeps them in the data folder, where they always were; any other
    database in a folder beside it named for it (``kantor.sqlite3`` → ``kantor-berkas``), so
    that two databases never mix their backups or import files. None: the default database.
    """
    db = Path(db_path) if db_path is not None else default_db_path()
    if db.resolve() == (data_dir() / DB_FILENAME).resolve():
        return data_dir()
    return db.with_name(f"{db.stem}{FILES_SUFFIX}")
