"""The command lines a message tells the operator to type: exact for the database concerned,
and copyable into the Windows Command Prompt as into a Linux terminal."""

import os
import shlex
import sys
from pathlib import Path

from kinerja_desktop.paths import DB_FILENAME, data_dir

PROGRAM = "kinerja-desktop"
# characters a POSIX shell still reads inside double quotes (and "!" an interactive bash)
_SHELL_SPECIAL = set('"$`\\!')


def quote_argument(text: str) -> str:
    """``text`` as one argument of a command line: in double quotes, which the Command Prompt
    and a POSIX shell both take as they are; on POSIX a text holding a character the shell
    would still read inside double quotes is quoted for that shell instead."""
    if sys.platform != "win32" and _SHELL_SPECIAL & set(text):
        return shlex.quote(text)
    return f'"{text}"'


def is_default_database(db_path: Path) -> bool:
    """Does a command without ``--db`` open ``db_path`` in any Command Prompt of this user?
    Only the data folder's own file, while neither ``KINERJA_DB`` nor ``KINERJA_DATA_DIR``
    moves it (a variable set for one shortcut is not set where the operator types)."""
    if os.environ.get("KINERJA_DB") or os.environ.get("KINERJA_DATA_DIR"):
        return False
    return Path(db_path).resolve() == (data_dir() / DB_FILENAME).resolve()


def restore_command(db_path: Path, backup: Path | None) -> str:
    """The ``pulihkan`` command restoring ``backup`` (None: the placeholder BERKAS) into the
    database ``db_path``, naming it with ``--db`` unless it is the default database. Paths are
    absolute: the Command Prompt rarely opens in the folder the window was started from."""
    words = [PROGRAM]
    if not is_default_database(db_path):
        words += ["--db", quote_argument(str(Path(db_path).absolute()))]
    words += ["pulihkan", "BERKAS" if backup is None else quote_argument(str(backup.absolute()))]
    return " ".join(words)
