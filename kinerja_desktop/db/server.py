"""Opening a database on a PostgreSQL server, and telling its failures apart from bugs.

The server keeps the data of several PCs: there is no file beside it, so no one-window lock,
no automatic file backups (the server's own backups, or ``cadangan``, take their place). An
empty database is set up on first use exactly as a new file is, under an advisory lock so
that two PCs starting at the same moment cannot both set it up.
"""

import weakref
from collections.abc import Callable
from typing import Any

import peewee

from kinerja_desktop.db.builtin import load_builtin_dataset
from kinerja_desktop.db.driver_server import install_server_driver
from kinerja_desktop.db.location import ServerAddress
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.schema import APPLICATION_ID, prepare_schema
from kinerja_desktop.errors import KinerjaError, LingkunganBermasalah

# seconds before an unreachable server is reported instead of the window hanging
CONNECT_TIMEOUT = 10
# the address each opened server database came from (messages name it, never its password)
_ADDRESSES: "weakref.WeakKeyDictionary[peewee.Database, ServerAddress]" = (
    weakref.WeakKeyDictionary()
)


class ServerBermasalah(LingkunganBermasalah):
    """The server cannot be reached, refuses us, is full or dropped the connection."""


def connect_server(address: ServerAddress) -> peewee.PostgresqlDatabase:
    """A peewee database for ``address`` (not yet connected), through ``playhouse.db_url``."""
    install_server_driver()  # peewee was imported without it (db.driver_server)
    from playhouse.db_url import connect  # type: ignore[import-untyped]

    db = connect(
        address.url,
        unquote_password=True,
        unquote_user=True,
        connect_timeout=CONNECT_TIMEOUT,
        application_name="kinerja-desktop",
    )
    assert isinstance(db, peewee.PostgresqlDatabase)
    _ADDRESSES[db] = address
    return db


def address_of(db: Any) -> ServerAddress | None:
    """The address a server database was opened from (None for any other database)."""
    try:
        return _ADDRESSES.get(db)
    except TypeError:  # not weak-referenceable: not one of ours
        return None


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None) or "")


def explain_server_error(exc: BaseException, address: ServerAddress) -> KinerjaError | None:
    """An Indonesian message for a failure of the server or the network; None for a bug."""
    state = _sqlstate(exc)
    text = str(exc).lower()
    committed = "Data yang sudah tersimpan tidak hilang."
    if state in ("28P01", "28000") or "password" in text or "authentication failed" in text:
        return ServerBermasalah(
            f"Server basis data {address} menolak pengguna \u201c{address.user}\u201d: nama "
            "pengguna atau sandinya salah. Periksa alamat pada --db/KINERJA_DB (bentuknya "
            "postgresql://PENGGUNA:SANDI@SERVER/NAMA) atau tanyakan kepada pengelola server."
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return ServerBermasalah(
            f"Basis data \u201c{address.name}\u201d belum ada di server {address.host}. Minta "
            f"pengelola server membuatnya (createdb -O {address.user or 'PENGGUNA'} "
            f"{address.name}); aplikasi mengisinya sendiri pada pemakaian pertama."
        )
    if state in ("53100",) or "no space left" in text or "disk full" in text:
        return ServerBermasalah(
            f"Penyimpanan server basis data {address.host} penuh. Perubahan ini tidak "
            f"disimpan. {committed} Minta pengelola server mengosongkan ruang disk, lalu "
            "coba lagi."
        )
    if state == "53300" or "too many connections" in text or "too many clients" in text:
        return ServerBermasalah(
            f"Server basis data {address.host} sedang penuh: terlalu banyak komputer "
            f"tersambung. Tutup Kinerja Desktop di komputer yang tidak dipakai, lalu coba "
            f"lagi. {committed}"
        )
    if state == "42501" or "permission denied" in text:
        return ServerBermasalah(
            f"Pengguna \u201c{address.user}\u201d tidak berhak mengubah basis data "
            f"{address}. Minta pengelola server menjadikannya pemilik basis data itu."
        )
    if state in ("40001", "40P01", "55P03"):
        return ServerBermasalah(
            "Data yang sama sedang diubah dari komputer lain, sehingga perubahan ini tidak "
            f"disimpan. {committed} Coba lagi sebentar lagi."
        )
    lost = (
        "server closed the connection",
        "terminating connection",
        "connection is lost",
        "connection is closed",
        "connection already closed",
        "consuming input failed",
        "ssl syscall",
    )
    if state.startswith("08") or state.startswith("57P") or any(p in text for p in lost):
        return ServerBermasalah(
            f"Sambungan ke server basis data {address.host} terputus. Perubahan yang sedang "
            f"berjalan tidak disimpan sama sekali; {committed[0].lower()}{committed[1:]} "
            "Periksa jaringan kantor, lalu coba lagi."
        )
    unreachable = (
        "connection refused",
        "could not connect",
        "connection failed",
        "timeout expired",
        "could not translate host name",
        "name or service not known",
        "no route to host",
        "network is unreachable",
        "is the server running",
    )
    if any(p in text for p in unreachable):
        port = address.port or 5432
        return ServerBermasalah(
            f"Server basis data {address.host} (port {port}) tidak dapat dihubungi. Periksa "
            "apakah server menyala, nama server dan port pada --db/KINERJA_DB benar, dan "
            "komputer ini tersambung ke jaringan kantor."
        )
    return None


def _errors_of(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def explain_server_failure(exc: BaseException, address: ServerAddress) -> KinerjaError | None:
    """Like :func:`explain_server_error`, also looking at the errors ``exc`` came from."""
    for error in _errors_of(exc):
        if isinstance(error, KinerjaError):
            continue
        explained = explain_server_error(error, address)
        if explained is not None:
            return explained
    return None


def _driver_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [peewee.PeeweeException]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:  # psycopg2 is the other driver peewee takes
        import psycopg2  # type: ignore[import-untyped]

        errors.append(psycopg2.Error)
    return tuple(errors)


def open_server(
    address: ServerAddress, isi_baru: Callable[[], None] | None = load_builtin_dataset
) -> peewee.PostgresqlDatabase:
    """Connect to the server database at ``address``, set it up when empty (with the first
    data ``isi_baru`` gives, as :func:`~kinerja_desktop.db.connection.open_database`), bind
    the models.

    Raises :class:`KinerjaError` subclasses for anything the user can act on.
    """
    db = connect_server(address)
    try:
        db.connect()
        database_proxy.initialize(db)
        with db.atomic():
            # two PCs opening an empty database at once: the second waits, then sees tables
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
            is_new = prepare_schema(db, str(address))
            if is_new and isi_baru is not None:
                isi_baru()
    except _driver_errors() as exc:
        db.close()
        explained = explain_server_failure(exc, address)
        if explained is None:
            raise
        raise explained from exc
    except KinerjaError:
        db.close()
        raise
    return db


def server_has_tables(address: ServerAddress) -> bool:
    """Whether the server database at ``address`` has any table yet."""
    db = connect_server(address)
    try:
        row = db.execute_sql(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        ).fetchone()
    except _driver_errors() as exc:
        explained = explain_server_failure(exc, address)
        if explained is None:
            raise
        raise explained from exc
    finally:
        db.close()
    return bool(row[0])
