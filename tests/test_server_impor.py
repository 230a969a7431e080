"""The stored import files of a server database: kept in the folder named for the server on
this PC (never the default database's), carried by ``cadangan`` from the server, and put back
by ``pulihkan`` into a server with the same checks and all-or-nothing as into a file."""

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psycopg
import pytest
from conftest import drop_server_database, new_server_database

from kinerja_desktop.cli import main
from kinerja_desktop.db.location import parse_location, stand_in
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.work_folders import PURPOSE_CHECK, PURPOSE_RESTORE, import_files_dir
from kinerja_desktop.fileio import TEMP_PREFIX
from kinerja_desktop.paths import data_dir, files_dir

pytestmark = pytest.mark.hanya_server


def cli(*args: object) -> int:
    code = main([str(a) for a in args])
    database_proxy.initialize(None)
    return code


def _csv(folder: Path, name: str, nilai: int) -> Path:
    path = folder / name
    path.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        f"KASUBAG-UMUM.02,2020,,target,{nilai},,\n",
        encoding="utf-8",
    )
    return path


def _files(folder: Path) -> dict[str, bytes]:
    """name -> bytes of every stored import file under ``folder``."""
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _restore_entries(url: str) -> int:
    with psycopg.connect(url) as raw:
        return raw.execute(
            "SELECT count(*) FROM audit_log WHERE aksi = 'pulih_cadangan'"
        ).fetchone()[0]


@pytest.fixture
def server_name(pg_server):
    name = new_server_database(pg_server)
    yield name
    database_proxy.initialize(None)
    drop_server_database(pg_server, name)


def test_import_files_move_from_a_file_to_a_server_and_back(
    pg_server, server_name, db_path, tmp_path, capsys
):
    url = pg_server.url(server_name)
    assert cli("--db", db_path, "nilai", "impor", _csv(tmp_path, "target-a.csv", 8)) == 0
    di_berkas = _files(import_files_dir(db_path))
    assert len(di_berkas) == 1
    usb = tmp_path / "usb"
    assert cli("--db", db_path, "cadangan", "--out", usb) == 0
    [dari_berkas] = usb.glob("*.zip")

    assert cli("--db", url, "pulihkan", dari_berkas, "--ya") == 0
    milik_server = import_files_dir(stand_in(parse_location(url)))
    assert milik_server == data_dir() / f"{server_name}-berkas" / "impor"
    assert _files(milik_server) == di_berkas
    assert _restore_entries(url) == 1  # logged once, with the data

    # an import on the server keeps its copy in the server's folder, never in the default
    # database's (db_path is the default one: its folder is the data folder)
    assert cli("--db", url, "nilai", "impor", _csv(tmp_path, "target-b.csv", 9)) == 0
    assert _files(import_files_dir(db_path)) == di_berkas
    di_server = _files(milik_server)
    assert set(di_server) > set(di_berkas) and len(di_server) == 2

    ke_berkas = tmp_path / "usb2"
    assert cli("--db", url, "cadangan", "--out", ke_berkas) == 0
    [dari_server] = ke_berkas.glob("*.zip")
    with zipfile.ZipFile(dari_server) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        dalam_zip = {Path(n).name: zf.read(n) for n in zf.namelist() if n.startswith("impor/")}
    assert dalam_zip == di_server
    # the backup says whose it is: the server's, not a temporary file
    assert manifest["basis_data_asal"] == str(stand_in(parse_location(url)).resolve())

    kembali = tmp_path / "kembali" / "kinerja.sqlite3"
    capsys.readouterr()
    assert cli("--db", kembali, "pulihkan", dari_server, "--ya") == 0
    assert f"Asal            : basis data {server_name} di server" in capsys.readouterr().out
    assert _files(import_files_dir(kembali)) == di_server


def test_a_refused_restore_into_a_server_changes_nothing(pg_server, server_name, tmp_path, capsys):
    """The same checks as into a file: an approved period the backup would change refuses
    the restore, and neither the server nor this PC's import files change."""
    url = pg_server.url(server_name)
    usb = tmp_path / "usb"
    assert cli("--db", url, "stats") == 0
    assert cli("--db", url, "cadangan", "--out", usb) == 0
    [lama] = usb.glob("*.zip")
    assert cli("--db", url, "nilai", "impor", _csv(tmp_path, "target-a.csv", 8)) == 0
    milik_server = import_files_dir(stand_in(parse_location(url)))
    sebelum = _files(milik_server)
    with psycopg.connect(url) as raw:
        raw.execute(
            "INSERT INTO persetujuan (jabatan_id, jenis, periode, status, oleh, waktu, catatan) "
            "SELECT id, 'target', '2020', 'disetujui', 'admin', '2026-11-29T05:00:00', '' "
            "FROM jabatan WHERE kode = 'KASUBAG-UMUM' AND tahun = 2020"
        )
        nilai_sebelum = raw.execute("SELECT count(*) FROM nilai_target").fetchone()[0]

    capsys.readouterr()
    assert cli("--db", url, "pulihkan", lama, "--ya") == 1
    assert "disetujui oleh admin" in capsys.readouterr().err
    assert _files(milik_server) == sebelum
    with psycopg.connect(url) as raw:
        assert raw.execute("SELECT count(*) FROM nilai_target").fetchone()[0] == nilai_sebelum
    assert _restore_entries(url) == 0
    assert not list(files_dir(stand_in(parse_location(url))).glob(f"{TEMP_PREFIX}*"))


def test_a_restore_killed_after_its_commit_is_completed_when_the_server_is_opened_again(
    pg_server, server_name, db_path, tmp_path
):
    """What a kill between the commit and the moving of the import files leaves: the work
    folder with its plan and the staged files. Opening the server from this PC puts them in
    place when the server's log holds the restore (it was committed), and throws them away
    when it does not (it was not: the folder stays as it was)."""
    url = pg_server.url(server_name)
    assert cli("--db", db_path, "nilai", "impor", _csv(tmp_path, "target-a.csv", 8)) == 0
    usb = tmp_path / "usb"
    assert cli("--db", db_path, "cadangan", "--out", usb) == 0
    [arsip] = usb.glob("*.zip")
    assert cli("--db", url, "pulihkan", arsip, "--ya") == 0
    local = stand_in(parse_location(url))
    [sebelum] = (files_dir(local) / "cadangan").glob("*_sebelum-pemulihan.zip")
    dipulihkan = _files(import_files_dir(local))

    def killed(penanda: str, isi: bytes) -> Path:
        work = files_dir(local) / f"{TEMP_PREFIX}{PURPOSE_RESTORE}-{penanda[:8]}"
        (work / "impor-baru").mkdir(parents=True)
        (work / "impor-baru" / "baru.csv").write_bytes(isi)
        plan = {
            "server": True,
            "penanda": penanda,
            "impor": True,
            "simpan_impor_lama": False,
            "waktu": "20261129-050000",
        }
        (work / "rencana.json").write_text(json.dumps(plan), encoding="utf-8")
        return work

    belum = killed("tidak-pernah-tercatat.zip", b"tidak")
    assert cli("--db", url, "stats") == 0
    assert not belum.exists() and _files(import_files_dir(local)) == dipulihkan

    sudah = killed(sebelum.name, b"ya")
    assert cli("--db", url, "stats") == 0
    assert not sudah.exists() and _files(import_files_dir(local)) == {"baru.csv": b"ya"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_restore_into_a_server_killed_at_any_moment_is_all_or_nothing(
    pg_server, server_name, db_path, tmp_path
):
    """The real ``pulihkan`` in a child process, killed while it checks the backup, then at
    moments spread over its run (seen landing both before and after the commit): after the
    server is opened again from this PC, the server's import log and this PC's import files
    belong to the same state, the one before or the one restored, never a mix, and nothing
    the killed process was working in is left in the server's folder on this PC."""
    url = pg_server.url(server_name)
    local = import_files_dir(stand_in(parse_location(url)))
    folder = files_dir(stand_in(parse_location(url)))
    assert cli("--db", url, "nilai", "impor", _csv(tmp_path, "di-server.csv", 7)) == 0
    assert cli("--db", db_path, "nilai", "impor", _csv(tmp_path, "di-berkas.csv", 9)) == 0
    usb = tmp_path / "usb"
    assert cli("--db", url, "cadangan", "--out", usb / "server") == 0
    assert cli("--db", db_path, "cadangan", "--out", usb / "berkas") == 0
    [dari_server] = (usb / "server").glob("*.zip")
    [dari_berkas] = (usb / "berkas").glob("*.zip")
    env = {**os.environ}

    def pulihkan(arsip: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "kinerja_desktop", "--db", url, "pulihkan", str(arsip), "--ya"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def state() -> str:
        """Which file's import the server holds, checked against this PC's kept copies."""
        with psycopg.connect(url) as raw:
            sha = {r[0][:12] for r in raw.execute("SELECT sha256 FROM impor_batch")}
        kept = {p.name.split("_")[1] for p in local.iterdir()} if local.is_dir() else set()
        assert kept == sha, (kept, sha)  # the log and the files agree
        [nama] = [p.name.split("_", 2)[2] for p in local.iterdir()]
        return nama

    start = time.monotonic()
    done = pulihkan(dari_berkas)
    assert done.wait(timeout=120) == 0, done.stderr.read() if done.stderr else ""
    whole = time.monotonic() - start
    assert state() == "di-berkas.csv"

    # killed while checking the backup: its work folder is there, nothing else has begun
    child = pulihkan(dari_server)
    checking = f"{TEMP_PREFIX}{PURPOSE_CHECK}-*"
    while child.poll() is None and not list(folder.glob(checking)):
        time.sleep(0.001)
    child.kill()
    assert child.wait() == -signal.SIGKILL  # it was killed, not done
    assert list(folder.glob(checking))
    assert cli("--db", url, "stats") == 0  # opening tidies what the killed check left
    assert not list(folder.glob(f"{TEMP_PREFIX}*"))
    assert state() == "di-berkas.csv"

    for n, fraction in enumerate((0.4, 0.7, 0.9)):
        arsip = dari_server if n % 2 == 0 else dari_berkas
        before = state()
        child = pulihkan(arsip)
        time.sleep(whole * fraction)
        child.kill()
        child.wait()
        assert cli("--db", url, "stats") == 0  # opening completes a decided restore
        after = state()
        assert after in (before, "di-server.csv" if arsip == dari_server else "di-berkas.csv")
        if after == before:  # put the other state in place for the next kill
            done = pulihkan(arsip)
            assert done.wait(timeout=120) == 0
    assert not list(folder.glob(f"{TEMP_PREFIX}*"))
