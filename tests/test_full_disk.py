"""A disk that fills up in the middle of a write: a clear Indonesian message, never a
traceback, and nothing already saved is lost."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.ui.tasks import TaskRunner


def _unshare_ok() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_year_copy_on_a_full_database_disk_is_explained_and_loses_nothing(db_path, tmp_path):
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    # a disk just big enough for the database: the copied year does not fit
    size_kb = db_path.stat().st_size // 1024 + 48
    script = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}' && "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_file}' tahun salin --dari 2020 --ke 2021;"
        f" echo kode=$?; '{sys.executable}' -c \"import sqlite3; r = sqlite3.connect('{db_file}');"
        " print(r.execute('PRAGMA integrity_check').fetchone()[0],"
        " [t for (t,) in r.execute('SELECT tahun FROM tahun')])\""
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert "kode=1" in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "Galat: Penyimpanan untuk" in done.stderr and "penuh" in done.stderr
    assert "ok [2020]" in done.stdout  # intact, and the half-copied year was rolled back


def test_background_job_on_a_full_disk_is_a_refusal_not_a_bug(qtbot, db):
    runner = TaskRunner()
    errors: list = []
    crashes: list = []

    def job(_state):
        # what SQLite raises when the disk fills during a write
        raise sqlite3.OperationalError("database or disk is full")

    runner.run(job, lambda _r: None, errors.append, on_crash=crashes.append)
    qtbot.waitUntil(lambda: bool(errors or crashes), timeout=5000)
    assert crashes == []
    assert isinstance(errors[0], LingkunganBermasalah) and "penuh" in errors[0].pesan


def test_a_real_bug_in_a_background_job_is_still_reported_as_a_bug(qtbot, db):
    runner = TaskRunner()
    errors: list = []
    crashes: list = []

    def job(_state):
        raise sqlite3.OperationalError("no such column: salah_ketik")

    runner.run(job, lambda _r: None, errors.append, on_crash=crashes.append)
    qtbot.waitUntil(lambda: bool(errors or crashes), timeout=5000)
    assert errors == [] and "salah_ketik" in crashes[0]
