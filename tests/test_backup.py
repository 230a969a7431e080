"""Automatic backups: verified copies, rotation, the daily copy, copies before a year copy and
a schema upgrade, and the start-up integrity check with its way out."""

import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.db.backup import (
    backup_before,
    backup_dir,
    inspect_database_file,
    latest_backup,
    list_backups,
    make_backup,
    rotate,
)
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.queries import statistics
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.errors import BasisDataBermasalah, KinerjaError

FIXTURES = Path(__file__).parent / "fixtures"


def _count(path: Path, sql: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchone()[0]
    finally:
        raw.close()


def _damage_an_index(path: Path) -> None:
    """Overwrite one index page with garbage: the header stays valid, the b-tree does not."""
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute(
        "SELECT rootpage FROM sqlite_master WHERE type='index' AND tbl_name='indikator'"
    ).fetchone()[0]
    raw.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + bytes(range(256)) * (page_size // 256 - 1))


def test_backup_is_a_verified_standalone_copy_while_the_database_is_open(db, db_path):
    db.execute_sql("UPDATE tugas SET teks = 'diubah sesudah dibuka' WHERE id = 1")
    copy = make_backup(db_path, "uji")
    assert copy.parent == backup_dir()
    assert copy.name.startswith("kinerja_") and copy.name.endswith("_uji.sqlite3")
    info = inspect_database_file(copy)
    assert info.versi_skema == SCHEMA_VERSION
    assert _count(copy, "SELECT count(*) FROM indikator") == 84
    # the committed change still in the -wal file is in the copy
    assert _count(copy, "SELECT count(*) FROM tugas WHERE teks = 'diubah sesudah dibuka'") == 1
    assert _count(copy, "PRAGMA application_id") == APPLICATION_ID
    assert not Path(f"{copy}-wal").exists()
    # beside the day's automatic copy made when the fixture opened the database
    assert sorted(b.alasan for b in list_backups()) == ["harian", "uji"]
    assert not [p for p in backup_dir().iterdir() if p.name.startswith(".")]


def test_first_start_of_the_day_makes_one_backup(db_path):
    open_database(db_path).close()
    open_database(db_path).close()
    backups = list_backups(db_path)
    assert [b.alasan for b in backups] == ["harian"]
    assert backups[0].waktu.date() == datetime.now().date()


def test_a_new_database_is_not_backed_up(tmp_path):
    open_database(tmp_path / "baru.sqlite3").close()
    assert list_backups() == []


def test_year_copy_is_preceded_by_a_backup_without_the_new_year(db, db_path):
    copy_year(2020, 2021)
    copies = [b for b in list_backups(db_path) if b.alasan == "sebelum-salin-tahun"]
    assert len(copies) == 1
    assert _count(copies[0].path, "SELECT count(*) FROM tahun WHERE tahun = 2021") == 0
    assert _count(db_path, "SELECT count(*) FROM tahun WHERE tahun = 2021") == 1


def test_year_copy_is_refused_when_no_backup_can_be_written(db, db_path):
    shutil.rmtree(backup_dir(), ignore_errors=True)
    backup_dir().write_text("bukan folder")  # the backup folder cannot be created
    with pytest.raises(KinerjaError, match="perubahan tidak dijalankan"):
        copy_year(2020, 2021)
    assert statistics().tahun == [2020]


def test_backup_before_is_the_hook_for_imports(db, db_path):
    copy = backup_before("sebelum-impor")
    assert copy is not None and latest_backup(db_path).path == copy
    assert latest_backup(db_path).alasan == "sebelum-impor"
    with pytest.raises(ValueError):
        backup_before("Sebelum Impor!")


@pytest.mark.skipif(SCHEMA_VERSION == 1, reason="no older schema to upgrade from")
def test_schema_upgrade_is_preceded_by_a_backup_of_the_old_version(tmp_path):
    path = tmp_path / "lama.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite3", path)
    before = _count(path, "SELECT count(*) FROM indikator")
    open_database(path).close()
    copies = [b for b in list_backups(path) if b.alasan == "sebelum-pembaruan-skema"]
    assert len(copies) == 1
    assert _count(copies[0].path, "PRAGMA user_version") == 1
    assert _count(copies[0].path, "SELECT count(*) FROM indikator") == before
    assert _count(path, "PRAGMA user_version") == SCHEMA_VERSION


@pytest.mark.skipif(SCHEMA_VERSION == 1, reason="no older schema to upgrade from")
def test_schema_upgrade_is_refused_when_no_backup_can_be_written(tmp_path):
    path = tmp_path / "lama.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite3", path)
    backup_dir(path).parent.mkdir(parents=True, exist_ok=True)
    backup_dir(path).write_text("bukan folder")
    with pytest.raises(KinerjaError, match="belum diperbarui ke versi baru dan tidak diubah"):
        open_database(path)
    assert _count(path, "PRAGMA user_version") == 1


def test_damaged_database_is_refused_at_start_with_the_latest_backup_named(db_path):
    open_database(db_path).close()  # makes the day's backup
    database_proxy.initialize(None)
    latest = latest_backup(db_path)
    _damage_an_index(db_path)
    before = db_path.read_bytes()
    with pytest.raises(BasisDataBermasalah) as caught:
        open_database(db_path)
    pesan = caught.value.pesan
    assert "rusak" in pesan and "Pulihkan cadangan terakhir" in pesan
    assert str(latest.path) in pesan and "Berkas › Pulihkan" in pesan
    assert db_path.read_bytes() == before


def test_a_damaged_copy_is_never_given_a_backup_name(db_path, monkeypatch):
    _damage_an_index(db_path)
    with pytest.raises(BasisDataBermasalah, match="rusak"):
        make_backup(db_path, "uji")
    assert list_backups() == []
    assert [p for p in backup_dir().iterdir() if not p.name.startswith(".")] == []


def test_rotation_keeps_recent_daily_weekly_and_monthly_copies(db_path, tmp_path):
    template = make_backup(db_path, "uji")
    now = datetime(2026, 11, 24, 9, 0)
    made = []
    for days in range(0, 500):
        waktu = now - timedelta(days=days, hours=1)
        path = backup_dir() / f"kinerja_{waktu:%Y%m%d-%H%M%S}_harian.sqlite3"
        shutil.copyfile(template, path)
        made.append((waktu, path))
    template.unlink()
    stranger = backup_dir() / "catatan-operator.txt"
    stranger.write_text("jangan dihapus")
    other_db = backup_dir() / "lain_20200101-000000_harian.sqlite3"
    shutil.copyfile(made[0][1], other_db)

    rotate(db_path, now)

    kept = {b.path for b in list_backups(db_path)}
    assert 20 <= len(kept) <= 10 + 4 + 12
    assert {p for _, p in made[:10]} <= kept  # the last 10 copies
    months = {}
    for waktu, path in made:  # newest first: the first seen per month is its newest copy
        months.setdefault((waktu.year, waktu.month), path)
    assert set(list(months.values())[:12]) <= kept
    assert all(waktu > now - timedelta(days=366) for waktu, p in made if p in kept)
    assert stranger.exists() and other_db.exists()


def test_interrupted_backup_leftovers_are_cleaned_and_never_listed(db_path):
    backup_dir().mkdir(parents=True)
    leftover = backup_dir() / ".kinerja-sementara-kinerja_20261124-000000_harian-abc.sqlite3.tmp"
    leftover.write_bytes(b"SQLite format 3\x00setengah")
    old = datetime.now().timestamp() - 7200
    os.utime(leftover, (old, old))
    make_backup(db_path, "uji")
    assert not leftover.exists()
    assert [b.alasan for b in list_backups()] == ["uji"]


def test_work_folders_of_a_killed_backup_are_cleaned_later(db_path):
    work = db_path.parent / ".cadangan-abc123"
    work.mkdir()
    (work / "kinerja.sqlite3").write_bytes(b"setengah")
    old = datetime.now().timestamp() - 7200
    os.utime(work, (old, old))
    make_backup(db_path, "uji")
    assert not work.exists()
