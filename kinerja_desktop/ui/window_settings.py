"""What the main window remembers between runs, in two INI files named ``jendela.ini``.

What belongs to this PC, shared by every database opened on it, is in the data folder: the
window's place and size and the splitter between the tree and the tabs. What belongs to one
database is in that database's own folder (:func:`~kinerja_desktop.paths.files_dir`; a server
database's is its stand-in's on this PC, :func:`~kinerja_desktop.db.location.stand_in`): the
year, the jabatan and the tab shown last, so that opening another kecamatan's database never
starts on a year or a jabatan code of this one. The default database's own folder is the data
folder, so its file is the one every database shared before: what an office remembered stays
its default database's.

A file that cannot be written (a read-only or full folder) is not reported: QSettings keeps
the values for this run and the next run starts from the defaults (the latest year, the first
jabatan, the window's usual size). Nothing the operator typed is in these files, and a message
about them at every close would only hide the messages that matter (the database's own).
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from kinerja_desktop.db.location import DatabaseLocation, ServerAddress, stand_in
from kinerja_desktop.paths import data_dir, files_dir

FILENAME = "jendela.ini"
# the keys kept for the PC, and those kept for the open database
PC_KEYS = frozenset({"jendela/geometri", "jendela/pemisah"})
DATABASE_KEYS = frozenset({"terakhir/tahun", "terakhir/jabatan", "terakhir/tab"})


def pc_settings_path() -> Path:
    """The file of what the window remembers for this PC."""
    return data_dir() / FILENAME


def database_settings_path(db_path: DatabaseLocation) -> Path:
    """The file of what the window remembers for the database at ``db_path``."""
    local = stand_in(db_path) if isinstance(db_path, ServerAddress) else db_path
    return files_dir(local) / FILENAME


class WindowSettings:
    """The window's remembered values, each read from and written to the file it belongs to
    (a key outside :data:`PC_KEYS` and :data:`DATABASE_KEYS` is a bug: KeyError)."""

    def __init__(self, db_path: DatabaseLocation) -> None:
        self.pc = QSettings(str(pc_settings_path()), QSettings.Format.IniFormat)
        own = database_settings_path(db_path)
        # the default database's file is the PC's: one object, so one write
        same = own == pc_settings_path()
        self.basis_data = self.pc if same else QSettings(str(own), QSettings.Format.IniFormat)

    def _holder(self, key: str) -> QSettings:
        if key in PC_KEYS:
            return self.pc
        if key in DATABASE_KEYS:
            return self.basis_data
        raise KeyError(key)

    def value(self, key: str, default: object = None) -> Any:
        """The remembered value of ``key``, or ``default`` (as QSettings gives it: of any type,
        checked by the caller)."""
        return self._holder(key).value(key, default)

    def set_value(self, key: str, value: object) -> None:
        """Remember ``value`` for ``key`` (written to disk soon after, or at :meth:`sync`)."""
        self._holder(key).setValue(key, value)

    def sync(self) -> None:
        """Write both files now; a folder that refuses keeps the defaults (module docstring)."""
        self.pc.sync()
        if self.basis_data is not self.pc:
            self.basis_data.sync()
