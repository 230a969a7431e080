"""Where the database is: a SQLite file on this PC (the default) or a PostgreSQL server.

``--db`` and ``KINERJA_DB`` take either a file name or ``postgresql://USER[:PASS]@HOST[:PORT]/NAME``.
A value that looks like an address (a scheme followed by ``:``) is never taken as a file name:
an unknown scheme, a typo or a missing driver is refused, so that a mistyped server address
cannot silently create a new, empty SQLite file in a folder called ``postgresql:``.
"""

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.paths import data_dir, default_db_path

SERVER_SCHEMES = ("postgresql", "postgres")
# two letters or more before the colon: "C:\data" and "C:/data" stay Windows file names
_LOOKS_LIKE_ADDRESS = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):")
_FORM = "postgresql://PENGGUNA:SANDI@SERVER:PORT/NAMA_BASIS_DATA"


class AlamatTidakDikenal(KinerjaError):
    """A ``--db``/``KINERJA_DB`` value that looks like an address but cannot be opened."""


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database on a server; ``url`` holds the password, ``str()`` never does."""

    url: str
    user: str
    host: str
    port: int | None
    name: str

    def __str__(self) -> str:
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"postgresql://{user}{self.host}{port}/{self.name}"


DatabaseLocation = Path | ServerAddress


def nama_asal(asal: Path) -> str:
    """How a backup's database of origin is named to people: the file, or for a server's
    backup (recorded by its :func:`stand_in`) the server database's name."""
    if asal.suffix == ".server":
        return f"basis data {asal.stem} di server"
    return f"basis data {asal}"


def stand_in(address: ServerAddress) -> Path:
    """The file name standing for a server database on this PC: its own folder
    (:func:`~kinerja_desktop.paths.files_dir`) in the data folder holds the backups, the
    copies of imported files and the work folders of a restore made from this PC."""
    return data_dir() / f"{address.name}.server"


def _driver_installed() -> bool:
    return any(importlib.util.find_spec(m) is not None for m in ("psycopg", "psycopg2"))


def _parse_server(value: str, scheme: str) -> ServerAddress:
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise AlamatTidakDikenal(
            f"Alamat server pada --db/KINERJA_DB tidak dapat dibaca ({exc}). "
            f"Bentuk yang benar: {_FORM}"
        ) from exc
    name = unquote(parts.path.lstrip("/"))
    if not name or "/" in name:
        raise AlamatTidakDikenal(
            f"Alamat server {scheme}://{parts.hostname or ''} tidak menyebut satu nama basis "
            f"data. Bentuk yang benar: {_FORM}"
        )
    address = ServerAddress(
        url=value,
        user=unquote(parts.username or ""),
        host=parts.hostname or "localhost",
        port=port,
        name=name,
    )
    if not _driver_installed():
        raise AlamatTidakDikenal(
            f"Basis data {address} ada di server PostgreSQL, tetapi penghubung PostgreSQL "
            "untuk Python (psycopg) belum terpasang. Pasang dengan: "
            'pip install "psycopg[binary]", lalu coba lagi.'
        )
    return address


def parse_location(value: str | DatabaseLocation) -> DatabaseLocation:
    """Read a ``--db``/``KINERJA_DB`` value: a server address or a file path.

    Raises :class:`AlamatTidakDikenal` for an address that cannot be opened.
    """
    if not isinstance(value, str):
        return value
    match = _LOOKS_LIKE_ADDRESS.match(value)
    if match is None:
        return Path(value)
    scheme = match.group(1).lower()
    if scheme in SERVER_SCHEMES:
        return _parse_server(value, scheme)
    import difflib  # only to suggest the intended address, not at every start

    guess = difflib.get_close_matches(scheme, SERVER_SCHEMES, n=1, cutoff=0.6)
    hint = f" Mungkin maksudnya {guess[0]}://…?" if guess else ""
    raise AlamatTidakDikenal(
        f'"{scheme}:" pada --db/KINERJA_DB bukan alamat basis data yang dikenal.{hint} '
        f"Untuk server PostgreSQL tulis {_FORM}; untuk berkas di komputer ini tulis nama "
        "berkasnya (bila namanya memang memuat titik dua, awali dengan ./)."
    )


def short_name(location: DatabaseLocation) -> str:
    """A short label for the status bar: the file name, or the database and its server."""
    if isinstance(location, ServerAddress):
        return f"{location.name} di server {location.host}"
    return location.name


def is_server(location: DatabaseLocation) -> bool:
    """True when ``location`` is a database on a server (no file, no one-window lock)."""
    return isinstance(location, ServerAddress)


def chosen_location(value: str | None) -> DatabaseLocation:
    """The database chosen by ``--db`` (``value``), else ``KINERJA_DB``, else the default file.

    Raises :class:`AlamatTidakDikenal` for an address that cannot be opened.
    """
    value = value or os.environ.get("KINERJA_DB")
    return parse_location(value) if value else default_db_path()
