"""Shared fixtures: every test gets its own data folder and never touches the user's."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import database_proxy  # noqa: E402
from kinerja_desktop.db.sesi import masuk_sebagai, tanya_bila_perlu  # noqa: E402


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
    masuk_sebagai(None)
    tanya_bila_perlu(None)
    yield
    masuk_sebagai(None)
    tanya_bila_perlu(None)


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


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    """The built-in database, opened and bound to the models."""
    database = open_database(db_path)
    yield database
    database.close()
    database_proxy.initialize(None)
