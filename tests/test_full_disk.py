"""A disk that fills up in the middle of a write: a clear Indonesian message, never a
traceback, and nothing already saved is lost."""

import sqlite3
import subprocess
import sys

import pytest
from namespace_disk import unshare_ok

from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.ui.tasks import TaskRunner


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_year_copy_on_a_full_database_disk_is_explained_and_loses_nothing(db_path, tmp_path):
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    # a disk just big enough for the database and its two backups (the day's first start,
    # before the year copy) beside it: the copied year does not fit
    size_kb = 3 * (db_path.stat().st_size // 1024) + 100
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
    assert f"Galat: Ruang penyimpanan di {disk} penuh (tersisa " in done.stderr
    assert "; perubahan terakhir tidak disimpan. Kosongkan paling sedikit " in done.stderr
    assert "Data yang sudah tersimpan tidak hilang dan tidak rusak." in done.stderr
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


def _on_a_small_disk(disk, script: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "unshare",
            "-r",
            "-m",
            "sh",
            "-c",
            f"mount -t tmpfs -o size=4m tmpfs '{disk}' && {script}",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_a_nearly_full_disk_is_never_called_a_damaged_database(db_path, tmp_path):
    """Whatever the space left, a year copy on a nearly full data disk says the disk is full,
    never that the intact database may be damaged and should be restored (losing work)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    db_kb = db_path.stat().st_size // 1024
    runs = []
    for left_kb in range(db_kb + 20, db_kb + 420, 50):
        data = disk / f"sisa-{left_kb}"
        runs.append(
            f"mkdir '{data}' && cp '{db_path}' '{data}/kinerja.sqlite3' && "
            f"KINERJA_DATA_DIR='{data}' '{sys.executable}' -m kinerja_desktop "
            f"--db '{data}/kinerja.sqlite3' stats >/dev/null && "
            f"dd if=/dev/zero of='{data}/isi' bs=1k "
            f"count=$(($(df -k '{disk}' | tail -1 | awk '{{print $4}}') - {left_kb})) 2>/dev/null; "
            f"echo '== {left_kb}' >&2; KINERJA_DATA_DIR='{data}' '{sys.executable}' -m "
            f"kinerja_desktop --db '{data}/kinerja.sqlite3' tahun salin --dari 2020 --ke 2021; "
            f"rm -rf '{data}'"
        )
    done = _on_a_small_disk(disk, "; ".join(runs))
    assert "Traceback" not in done.stderr, done.stderr
    failures = [part for part in done.stderr.split("== ")[1:] if "Galat: " in part]
    assert failures, done.stdout + done.stderr  # the space left made at least one run fail
    for part in failures:
        assert "rusak" not in part.replace("tidak rusak", ""), part
        assert "Ruang penyimpanan di " in part and " penuh (tersisa " in part, part
        assert "Kosongkan paling sedikit " in part, part


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_a_start_on_a_full_disk_says_the_disk_is_full(db_path, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    done = _on_a_small_disk(
        disk,
        f"cp '{db_path}' '{db_file}' && dd if=/dev/zero of='{disk}/isi' bs=1k 2>/dev/null; "
        f"KINERJA_DATA_DIR='{tmp_path / 'data'}' '{sys.executable}' -m kinerja_desktop "
        f"--db '{db_file}' stats",
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"Galat: Ruang penyimpanan di {disk} penuh (tersisa ")
    assert "; kinerja.sqlite3 tidak dapat dibuka. Kosongkan paling sedikit " in done.stderr
    assert "tidak hilang dan tidak rusak" in done.stderr
