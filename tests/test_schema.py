"""Schema versions: every old database opens with every row kept; newer or foreign files
are refused without being changed."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.queries import statistics
from kinerja_desktop.db.schema import SCHEMA_VERSION
from kinerja_desktop.errors import BasisDataBermasalah

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_v*.sqlite3"))
MOVED = {"riwayat_nilai": "audit_log"}  # schema 7: the import history became the audit log


def _all_rows(path: Path) -> dict[str, set[tuple]]:
    with sqlite3.connect(path) as raw:
        tables = [
            r[0]
            for r in raw.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: set(raw.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables}


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as raw:
        return [r[1] for r in raw.execute(f'PRAGMA table_info("{table}")')]


def test_there_is_a_fixture_for_the_current_version():
    assert f"schema_v{SCHEMA_VERSION}.sqlite3" in [f.name for f in FIXTURES]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_database_opens_with_every_row(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _all_rows(path)
    old_columns = {t: _columns(path, t) for t in before}
    assert sum(len(rows) for rows in before.values()) > 600

    db = open_database(path)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert statistics().jabatan == 22
    db.close()

    with sqlite3.connect(path) as raw:
        for table, rows in before.items():
            cols = ", ".join(f'"{c}"' for c in old_columns[table])
            now = MOVED.get(table, table)
            after = set(raw.execute(f'SELECT {cols} FROM "{now}"').fetchall())
            assert rows <= after, f"rows lost from {table}"


def test_database_from_a_newer_version_is_refused_and_untouched(db_path):
    with sqlite3.connect(db_path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    with pytest.raises(BasisDataBermasalah, match="versi yang lebih baru"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE catatan (x)")
        raw.execute("INSERT INTO catatan VALUES (1)")
    with pytest.raises(BasisDataBermasalah, match="bukan basis data Kinerja Desktop"):
        open_database(other)
    assert _all_rows(other) == {"catatan": {(1,)}}


def test_damaged_file_is_refused_with_the_way_out(tmp_path):
    broken = tmp_path / "rusak.sqlite3"
    broken.write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(BasisDataBermasalah, match="Pulihkan dari berkas cadangan") as caught:
        open_database(broken)
    assert f'perintah kinerja-desktop --db "{broken}" pulihkan BERKAS.' in caught.value.pesan


@pytest.mark.parametrize("isi", [b"x", b"catatan rapat\n", b"\x00" * 100])
def test_a_small_file_of_something_else_is_never_replaced_by_a_new_database(tmp_path, isi):
    folder = tmp_path / "dokumen"
    folder.mkdir()
    other = folder / "catatan.txt"
    other.write_bytes(isi)
    with pytest.raises(BasisDataBermasalah, match="rusak atau bukan basis data; berkasnya tidak"):
        open_database(other)
    assert other.read_bytes() == isi
    assert sorted(p.name for p in folder.iterdir()) == ["catatan.txt"]


def test_an_empty_file_left_by_an_interrupted_first_start_is_filled(tmp_path):
    empty = tmp_path / "kinerja.sqlite3"
    empty.touch()
    open_database(empty).close()
    assert statistics().jabatan == 22


def test_a_failed_upgrade_never_rotates_good_backups_away(db_path):
    """Tables of a newer schema under an older number: every start fails to upgrade. No start
    may cost a backup, nor pile up copies of the same unchanged file."""
    from datetime import datetime, timedelta

    from kinerja_desktop.db.backup import list_backups, make_backup

    start = datetime(2026, 11, 1, 8, 0)
    for day in range(12):  # a full rotation's worth of good copies
        make_backup(db_path, "harian", start + timedelta(days=day))
    kept = sorted(b.path.name for b in list_backups(db_path))
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA user_version = 1")
    raw.close()
    before = db_path.read_bytes()

    for _ in range(12):
        with pytest.raises(BasisDataBermasalah) as refused:
            open_database(db_path)
        assert "tidak sesuai dengan skema 1 yang tertulis di dalamnya" in refused.value.pesan
        assert "Pulihkan" in refused.value.pesan

    assert sorted(b.path.name for b in list_backups(db_path)) == kept
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_old_version_upgrades_to_exactly_the_shape_a_new_database_has(fixture, tmp_path):
    """A restore installs only what has the expected shape (db/schema_check.py): an upgrade
    step whose SQL differs from the models would make every old backup unrestorable."""
    from kinerja_desktop.db.schema_check import differences, expected_shape, shape_of

    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    db = open_database(path)
    assert differences(shape_of(db), expected_shape()) == []
    db.close()


SERVER_FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_v*.postgresql.sql"))


def test_there_is_a_server_fixture_for_the_current_version():
    assert f"schema_v{SCHEMA_VERSION}.postgresql.sql" in [f.name for f in SERVER_FIXTURES]


@pytest.mark.parametrize("fixture", SERVER_FIXTURES, ids=lambda p: p.name.split(".")[0])
def test_old_server_database_opens_with_every_row(fixture, pg_server):
    """Every upgrade step from the first server version on runs on PostgreSQL too."""
    import subprocess

    import psycopg
    from conftest import drop_server_database, new_server_database

    from kinerja_desktop.db.models import database_proxy

    name = new_server_database(pg_server)
    url = pg_server.url(name)
    try:
        subprocess.run(
            [str(pg_server.bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
             "-d", url, "-f", str(fixture)],
            check=True, capture_output=True,
        )  # fmt: skip

        def rows() -> dict[str, tuple[list[str], set[tuple]]]:
            with psycopg.connect(url) as raw:
                tables = [
                    r[0]
                    for r in raw.execute(
                        "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = 'public'"
                    )
                ]
                found = {}
                for t in tables:
                    cursor = raw.execute(f'SELECT * FROM "{t}"')
                    columns = [d.name for d in cursor.description]
                    found[t] = (columns, {tuple(r) for r in cursor})
                return found

        before = rows()
        assert sum(len(r) for _, r in before.values()) > 600
        open_database(url).close()
        with psycopg.connect(url) as raw:
            for table, (columns, old) in before.items():
                if table == "kinerja_skema":
                    versions = {r[1] for r in raw.execute('SELECT * FROM "kinerja_skema"')}
                    assert versions == {SCHEMA_VERSION}
                    continue
                names = ", ".join(f'"{c}"' for c in columns)
                now = MOVED.get(table, table)
                after = {tuple(r) for r in raw.execute(f'SELECT {names} FROM "{now}"')}
                assert old <= after, f"rows lost from {table}"
        open_database(url)
        assert statistics().jabatan == 22
        database_proxy.obj.close()
        # the same columns, types and id sequences as a database set up new today
        fresh = new_server_database(pg_server)
        try:
            open_database(pg_server.url(fresh)).close()
            assert _server_columns(url) == _server_columns(pg_server.url(fresh))
        finally:
            drop_server_database(pg_server, fresh)
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, name)


def _server_columns(url: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as raw:
        return [
            tuple(r)
            for r in raw.execute(
                "SELECT table_name, column_name, data_type, is_nullable, "
                "coalesce(column_default LIKE 'nextval%', false) FROM information_schema.columns "
                "WHERE table_schema = 'public' ORDER BY 1, 2"
            )
        ]
