"""Shared fixtures: every test gets its own data folder and never touches the user's.

Both engines: a test that uses ``db``, ``db_target`` or ``db_url`` (and neither ``db_path``,
which is a file, nor ``qtbot``) runs twice, on a SQLite file and on a database of a throw-away
PostgreSQL server started once per run (``tests/pg_server.py``). Each PostgreSQL test gets its
own database, copied from a template that holds the built-in data.

Under pytest-xdist (``scripts/uji.sh`` runs ``-n auto``) every worker is a process of its own
with its own session fixtures: its own template file, its own server on its own port, its
own temporary folders and its own QApplication. Nothing here is shared between workers.
"""

import itertools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.location import DatabaseLocation, parse_location  # noqa: E402
from kinerja_desktop.db.models import database_proxy  # noqa: E402
from kinerja_desktop.db.sesi import ask_when_needed, log_in_as  # noqa: E402

ENGINES = ("sqlite", "postgresql")
_TEMPLATE = "templat"
_numbers = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the tests that use the database (and no file, no window) on both engines."""
    names = metafunc.fixturenames
    if "engine" in names and "db_path" not in names and "qtbot" not in names:
        # a test of what only a server has (connections, concurrent writers) runs there alone
        hanya_server = metafunc.definition.get_closest_marker("hanya_server") is not None
        metafunc.parametrize("engine", ("postgresql",) if hanya_server else ENGINES)


@pytest.fixture
def engine() -> str:
    """The engine of this test's database (``pytest_generate_tests`` gives both)."""
    return "sqlite"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder, HOME and XDG folders at the test's own temporary folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KINERJA_DB", raising=False)
    monkeypatch.delenv("KINERJA_PENGGUNA", raising=False)
    return home


@pytest.fixture(autouse=True)
def nobody_logged_in() -> Iterator[None]:
    """Each test starts and ends without a logged-in user (db.sesi keeps one per process)."""
    log_in_as(None)
    ask_when_needed(None)
    yield
    log_in_as(None)
    ask_when_needed(None)


@pytest.fixture(autouse=True)
def exception_hooks_restored() -> Iterator[None]:
    """A test that starts the window (run_gui installs ui/excepthook's hooks for the life of
    the process) leaves the hooks as it found them: a later test's failing thread or slot is
    reported by pytest, not shown in a box of a window long closed."""
    before, before_thread = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = before, before_thread


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the built-in data, made once and copied by :func:`db_path`."""
    path = tmp_path_factory.mktemp("template") / "kinerja.sqlite3"
    db = open_database(path)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, seeded_db_template: Path) -> Path:
    """Path of a fresh copy of the built-in database for this test."""
    path = tmp_path / "data" / "kinerja.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded_db_template, path)
    return path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A throw-away PostgreSQL server for the whole run (one per xdist worker). Skipped with
    an install hint when the binaries are missing, except where KINERJA_PG_WAJIB is set (CI):
    there it fails."""
    from pg_server import INSTALL_HINT, ThrowawayServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("KINERJA_PG_WAJIB"):
            pytest.fail(f"KINERJA_PG_WAJIB diatur, tetapi: {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    server = ThrowawayServer(bin_dir)
    server.start()
    yield server
    server.stop()


class _ServerCopy:
    """The built-in database on the test server, put back before each test that uses it.

    Creating a database per test costs about half a second; emptying the tables and copying
    the built-in rows back from a schema of saved copies (``templat``), with the id sequences
    where they were, costs a tenth of that and leaves the same database behind. The tables are
    emptied with DELETE, not TRUNCATE (which makes new files for every table and index: about
    ten times the server's work for these small tables), and all statements go to the server
    in one message.
    """

    def __init__(self, server: object) -> None:
        self.server = server
        self.name = new_server_database(server)
        self.url = server.url(self.name)  # type: ignore[attr-defined]
        open_database(self.url).close()
        database_proxy.initialize(None)
        import psycopg

        self.conn = psycopg.connect(self.url, autocommit=True)
        self.tables = [
            r[0]
            for r in self.conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' ORDER BY table_name"
            )
        ]
        self.conn.execute(f'CREATE SCHEMA "{_TEMPLATE}"')
        for table in self.tables:
            self.conn.execute(
                f'CREATE TABLE "{_TEMPLATE}"."{table}" AS TABLE "public"."{table}"'
            )
        sequences = self.conn.execute(
            "SELECT format('%I', sequencename), last_value FROM pg_sequences "
            "WHERE schemaname = 'public'"
        )
        # foreign keys are not checked while the rows go back (session_replication_role)
        statements = ["SET LOCAL session_replication_role = replica"]
        statements += [f'DELETE FROM "public"."{table}"' for table in self.tables]
        statements += [
            f'INSERT INTO "public"."{table}" TABLE "{_TEMPLATE}"."{table}"' for table in self.tables
        ]
        for sequence, value in sequences:
            if value is None:
                statements.append(f"SELECT setval('public.{sequence}', 1, false)")
            else:
                statements.append(f"SELECT setval('public.{sequence}', {int(value)}, true)")
        self.restore_sql = ";\n".join(statements)
        self.resets = 0
        self.vacuum_sql = "VACUUM " + ", ".join(f'"public"."{t}"' for t in self.tables)

    def reset(self) -> None:
        """End every other connection, then put the built-in rows back."""
        conn = self.conn
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        # a trigger a test made to fail an insert on purpose (mesin.fail_inserts) goes too
        conn.execute("DROP FUNCTION IF EXISTS gagal() CASCADE")
        self.resets += 1
        if self.resets % VACUUM_EVERY == 0:
            # Emptying with DELETE leaves the old rows dead in the tables and their indexes;
            # the same keys come back in test after test, and a unique index then checks every
            # dead copy of a key on each insert: after a few hundred tests one desa import took
            # 74 s instead of 0.3 s. Autovacuum (once a minute) does not keep up.
            conn.execute(self.vacuum_sql)
        with conn.transaction():
            conn.execute(self.restore_sql)


VACUUM_EVERY = 40  # resets of the server copy between two VACUUMs (see _ServerCopy.reset)


@pytest.fixture(scope="session")
def pg_copy(pg_server: object) -> _ServerCopy:
    """The test server's database holding the built-in data (see :class:`_ServerCopy`)."""
    return _ServerCopy(pg_server)


def new_server_database(pg_server: object, template: str = "template0") -> str:
    """Create a new database on the test server (a copy of ``template``); return its name."""
    name = f"uji_{os.getpid()}_{next(_numbers)}"
    with pg_server.admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def drop_server_database(pg_server: object, name: str) -> None:
    """Drop a test database, ending any connection still open to it."""
    with pg_server.admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_target(
    engine: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DatabaseLocation]:
    """Where this test's copy of the built-in database is: a file, or a server database.

    ``KINERJA_DB`` points at it, so that commands run by the test without ``--db`` use it.
    """
    if engine == "sqlite":
        path = request.getfixturevalue("db_path")
        monkeypatch.setenv("KINERJA_DB", str(path))
        yield path
        return
    copy = request.getfixturevalue("pg_copy")
    copy.reset()
    monkeypatch.setenv("KINERJA_DB", copy.url)
    yield parse_location(copy.url)
    if database_proxy.obj is not None:
        database_proxy.close()


@pytest.fixture
def db_url(db_target: DatabaseLocation) -> str:
    """The ``--db``/``KINERJA_DB`` value of :func:`db_target` (with the server password)."""
    return getattr(db_target, "url", str(db_target))


@pytest.fixture
def db(db_target: DatabaseLocation) -> Iterator[object]:
    """The built-in database, opened and bound to the models."""
    database = open_database(db_target)
    yield database
    database.close()
    database_proxy.initialize(None)


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, str, Path], Path]:
    """``convert(source, format, folder)``: the file LibreOffice writes with ``--headless
    --convert-to format`` into ``folder``, as a user's LibreOffice would save it.

    The conversions of a process share one LibreOffice profile: a new profile costs seconds
    at every start, and LibreOffice runs its graphics self-test at every start until the
    profile records its version, which a headless run never does, so it is recorded here.
    The tests of a process run one at a time, so no two LibreOffice use the profile at once.
    """
    profile = tmp_path_factory.mktemp("libreoffice")
    settings = profile / "user" / "registrymodifications.xcu"

    def convert(source: Path, fmt: str, folder: Path) -> Path:
        subprocess.run(
            ["libreoffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", fmt, "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        if settings.is_file() and "ooSetupLastVersion" not in settings.read_text():
            version = subprocess.run(
                ["libreoffice", "--version"], capture_output=True, text=True, timeout=60
            ).stdout
            found = re.search(r"(\d+)\.(\d+)", version)
            if found:
                item = (
                    '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name='
                    f'"ooSetupLastVersion" oor:op="fuse"><value>{found[0]}</value></prop></item>'
                )
                text = settings.read_text().replace("</oor:items>", f"{item}\n</oor:items>")
                settings.write_text(text)
        return folder / f"{source.stem}.{fmt}"

    return convert
