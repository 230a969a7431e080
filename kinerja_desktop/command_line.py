"""The command lines a message tells the operator to type: exact for the database concerned,
and copyable into the Windows Command Prompt as into a Linux terminal.

Every message naming a command of this application builds it with :func:`command`, so that a
command copied from a message about one database never acts on another.
"""

import os
import re
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

from kinerja_desktop.db.location import DatabaseLocation, ServerAddress
from kinerja_desktop.paths import DB_FILENAME, data_dir

PROGRAM = "kinerja-desktop"
# characters a POSIX shell still reads inside double quotes (and "!" an interactive bash)
_SHELL_SPECIAL = set('"$`\\!')
# a word either shell takes as it is, without quotes (no space, no & | < > ^ ( ) % ! $ ' ")
_PLAIN_WORD = re.compile(r"[A-Za-z0-9_.,:/=+@\-]+")
# the Command Prompt replaces %NAME% by a variable's value even inside double quotes, and no
# quoting stops it; the Windows PowerShell reads % as it is
_CMD_CAUTION = (
    " (jalankan di PowerShell, bukan di Command Prompt: Command Prompt membaca %…% sebagai "
    "nama variabel dan dapat mengubah nama berkas ini; bila nama itu juga memuat $ atau `, "
    "ketik dan periksa nama berkasnya dengan teliti)"
)


def quote_argument(text: str) -> str:
    """``text`` as one argument of a command line: in double quotes, which the Command Prompt
    and a POSIX shell both take as they are; on POSIX a text holding a character the shell
    would still read inside double quotes is quoted for that shell instead."""
    if sys.platform != "win32" and _SHELL_SPECIAL & set(text):
        return shlex.quote(text)
    return f'"{text}"'


def is_default_database(db_path: DatabaseLocation) -> bool:
    """Does a command without ``--db`` open ``db_path`` in any Command Prompt of this user?
    Only the data folder's own file, while neither ``KINERJA_DB`` nor ``KINERJA_DATA_DIR``
    moves it (a variable set for one shortcut is not set where the operator types)."""
    if isinstance(db_path, ServerAddress):
        return False
    if os.environ.get("KINERJA_DB") or os.environ.get("KINERJA_DATA_DIR"):
        return False
    return Path(db_path).resolve() == (data_dir() / DB_FILENAME).resolve()


def _server_argument(address: ServerAddress) -> str:
    """The address as ``--db`` takes it, its password (never printed) replaced by the
    placeholder SANDI that the help names too."""
    parts = urlsplit(address.url)
    if parts.password is None:
        return address.url
    user_info, _, host = parts.netloc.rpartition("@")
    user = user_info.split(":", 1)[0]
    return parts._replace(netloc=f"{user}:SANDI@{host}").geturl()


def _argument(word: str | Path) -> str:
    """One word of a command: a path absolute (the Command Prompt rarely opens in the folder
    the window was started from) and quoted; a text quoted only when a shell would split or
    read it."""
    if isinstance(word, Path):
        return quote_argument(str(word.absolute()))
    return word if _PLAIN_WORD.fullmatch(word) else quote_argument(word)


def command(db: DatabaseLocation, *words: str | Path) -> str:
    """The command line running ``words`` (e.g. ``"impor", "batal", "12"``) on the database
    ``db``: ``--db`` naming it unless it is the default database. A :class:`Path` word is a
    file, written absolute; an uppercase word such as NAMA is a placeholder the operator
    replaces. On Windows, a command holding ``%`` says to run it in PowerShell."""
    arguments = [PROGRAM]
    if isinstance(db, ServerAddress):
        arguments += ["--db", quote_argument(_server_argument(db))]
    elif not is_default_database(db):
        arguments += ["--db", _argument(Path(db))]
    arguments += [_argument(word) for word in words]
    line = " ".join(arguments)
    if sys.platform == "win32" and "%" in line:
        return line + _CMD_CAUTION
    return line


def restore_command(db_path: DatabaseLocation, backup: Path | None) -> str:
    """The ``pulihkan`` command restoring ``backup`` (None: the placeholder BERKAS) into the
    database ``db_path``."""
    return command(db_path, "pulihkan", "BERKAS" if backup is None else backup)
