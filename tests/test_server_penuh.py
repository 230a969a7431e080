"""A server whose disk is really full: a throw-away PostgreSQL server keeps the test database
in a tablespace on a small tmpfs, which is filled until PostgreSQL refuses. The operator reads
the Indonesian full-disk message naming the server and what to do, nothing half-written
remains, and once room is made the same command succeeds."""

import os
import subprocess
import sys

import psycopg
import pytest

from kinerja_desktop.db.location import parse_location, stand_in
from kinerja_desktop.db.work_folders import import_files_dir
from kinerja_desktop.fileio import TEMP_PREFIX
from kinerja_desktop.paths import files_dir


def _can_mount() -> bool:
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


pytestmark = [
    pytest.mark.hanya_server,
    pytest.mark.skipif(
        not _can_mount(), reason="needs root to mount the server's small disk (tmpfs)"
    ),
]

PENUH = "Penyimpanan server basis data 127.0.0.1 penuh"


@pytest.fixture(scope="module")
def small_server():
    from pg_server import ThrowawayServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL tidak terpasang")
    server = ThrowawayServer(bin_dir, small_disk_mb=48)
    server.start()
    with server.admin() as admin:
        admin.execute(f"CREATE TABLESPACE kecil LOCATION '{server.small_disk}'")
        admin.execute('CREATE DATABASE "penuh" TABLESPACE kecil')
    yield server
    server.stop()


def _run(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command, in its own process (as the operator runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def _years(url: str) -> list[int]:
    with psycopg.connect(url) as raw:
        return [r[0] for r in raw.execute("SELECT tahun FROM tahun ORDER BY tahun")]


def test_a_full_server_disk_is_explained_and_nothing_is_half_written(
    small_server, tmp_path, db_path
):
    url = small_server.url("penuh")
    assert _run("--db", url, "stats").returncode == 0  # set up with the built-in data
    # a backup from a file with a stored import file, to restore onto the full disk later
    values = tmp_path / "nilai.csv"
    values.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,2020,,target,8,,\n",
        encoding="utf-8",
    )
    assert _run("--db", db_path, "nilai", "impor", values).returncode == 0
    assert _run("--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2022).returncode == 0
    usb = tmp_path / "usb"
    assert _run("--db", db_path, "cadangan", "--out", usb).returncode == 0
    [arsip] = usb.glob("*.zip")

    filled = small_server.on_small_disk(
        f"dd if=/dev/zero of='{small_server.small_disk}/pengisi' bs=64k"
    )
    assert "No space left on device" in filled.stderr, filled.stderr

    salin = _run("--db", url, "tahun", "salin", "--dari", 2020, "--ke", 2021)
    assert salin.returncode == 1
    assert "Traceback" not in salin.stderr
    assert PENUH in salin.stderr and "Perubahan ini tidak disimpan." in salin.stderr
    assert "Minta pengelola server mengosongkan ruang disk, lalu coba lagi." in salin.stderr
    assert _years(url) == [2020]  # the half-copied year was rolled back

    pulih = _run("--db", url, "pulihkan", arsip, "--ya")
    assert pulih.returncode == 1 and "Traceback" not in pulih.stderr
    assert PENUH in pulih.stderr, pulih.stderr
    assert _years(url) == [2020]  # the server's data unchanged, not emptied
    local = stand_in(parse_location(url))
    assert not import_files_dir(local).exists()  # the backup's import files were not put in place
    assert not list(files_dir(local).glob(f"{TEMP_PREFIX}*"))

    small_server.on_small_disk(f"rm '{small_server.small_disk}/pengisi'")
    assert _run("--db", url, "tahun", "salin", "--dari", 2020, "--ke", 2021).returncode == 0
    assert _years(url) == [2020, 2021]
