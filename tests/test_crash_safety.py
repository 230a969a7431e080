"""Crash safety: the real command, in a child process, killed with SIGKILL at spread-out moments
during a year copy, a value import, a backup and a restore. Afterwards the database passes
``PRAGMA integrity_check``, every interrupted operation is all or nothing, and every file that
carries a backup's name is a complete, verified backup.

Two kinds of kill, both without hooks in the application:

- *counted*: the child runs the real command under a profile hook (``_LAUNCHER``) that counts
  its calls into the system (SQL statements, commits, file writes, fsync, rename, unlink ...)
  and kills the process with SIGKILL just before the n-th one. An uninterrupted run gives the
  calls; the kills land at spread-out calls and just before and after every file move, so
  they are deterministic however loaded the machine is, every one of them lands while the
  command runs, and both outcomes (nothing done, all done) occur;
- *timed*: killed at a random moment after a file of the operation appeared, so a kill can
  also land inside a long call (an SQLite backup or commit, a write). Only the invariants are
  checked for these: where a timed kill lands depends on the machine's load.
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kinerja_desktop.db.archive import open_archive
from kinerja_desktop.db.backup import inspect_database_file, parse_backup_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# timed kills per operation; counted kills: SPREAD calls spread over the run, plus the call
# before and after every rename
TIMED = {"salin": 4, "impor": 4, "cadangan": 4, "pulihkan": 4}
SPREAD = 8

# Runs ``python -m kinerja_desktop ARGS`` counting its calls into the system. KINERJA_UJI_BUNUH=n:
# SIGKILL just before the n-th call (one more than there are: at exit, after the last call).
# KINERJA_UJI_CATAT=FILE: write the names of all calls there at exit (the uninterrupted run).
# A write to the terminal is logged as TERMINAL: it changes nothing on disk (_kill_points).
_LAUNCHER = """
import atexit, json, os, runpy, signal, sys
NAMES = {"execute", "executemany", "executescript", "commit", "backup", "close", "write",
         "fsync", "replace", "rename", "unlink", "mkdir", "rmdir", "rmtree", "mkstemp"}
KILL_AT = int(os.environ.get("KINERJA_UJI_BUNUH") or 0)
LOG = os.environ.get("KINERJA_UJI_CATAT")
calls = []
def hook(frame, event, arg):
    if event != "c_call" or arg.__name__ not in NAMES:
        return
    owner = getattr(arg, "__self__", None)
    if isinstance(owner, (str, bytes)):
        return  # str.replace is no system call
    terminal = arg.__name__ == "write" and getattr(owner, "name", None) in ("<stdout>", "<stderr>")
    calls.append("TERMINAL" if terminal else arg.__name__)
    if len(calls) == KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)
def save():
    sys.setprofile(None)
    if KILL_AT == len(calls) + 1:
        os.kill(os.getpid(), signal.SIGKILL)  # after the last call, before the process ends
    if LOG:
        with open(LOG, "w") as handle:
            json.dump(calls, handle)
atexit.register(save)
sys.argv = ["kinerja_desktop", *sys.argv[1:]]
sys.setprofile(hook)
runpy.run_module("kinerja_desktop", run_name="__main__", alter_sys=True)
"""


def _query(path: Path, sql: str) -> list[tuple]:
    # a normal connection: it recovers the -wal exactly as the application would on start
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def _integrity_ok(path: Path) -> None:
    assert _query(path, "PRAGMA integrity_check") == [("ok",)]


def _values_csv(db_file: Path, target: Path) -> None:
    """Targets and monthly realisasi for every indicator of 2020 (desa rows where required)."""
    indikator = _query(db_file, "SELECT kode, jenis, dari_desa FROM indikator")
    # three desa keep the run short (about a second) while the transaction stays large
    desa = [r[0] for r in _query(db_file, "SELECT kode FROM desa ORDER BY urutan LIMIT 3")]
    lines = ["kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut"]
    for kode, jenis, dari_desa in indikator:
        if jenis == "kehadiran":
            continue
        lines.append(f"{kode},2020,,target,10,,")
        for bulan in range(1, 13):
            for kode_desa in desa if dari_desa else [""]:
                value = f"{bulan},," if jenis == "jumlah" else f",{bulan},20"
                lines.append(f"{kode},2020{bulan:02d},{kode_desa},realisasi,{value}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Run:
    """One fresh database and data folder, and the command to run on them."""

    def __init__(self, root: Path, template: Path, command: list[str]) -> None:
        self.data = root / "data"
        self.data.mkdir(parents=True)
        self.db = self.data / "kinerja.sqlite3"
        shutil.copyfile(template, self.db)
        # the stored import files of the template's batches (the restore test has some)
        impor = template.with_name(f"{template.stem}-berkas") / "impor"
        if impor.is_dir():
            shutil.copytree(impor, self.data / "impor")
        self.usb = root / "usb"
        self.usb.mkdir()
        self.args = [a.replace("{usb}", str(self.usb)) for a in command]
        self.env = {**os.environ, "KINERJA_DATA_DIR": str(self.data)}

    def start(self, **counted: str) -> subprocess.Popen:
        """Start the command; ``counted`` (KINERJA_UJI_BUNUH/CATAT) runs it under _LAUNCHER."""
        head = ["-c", _LAUNCHER] if counted else ["-m", "kinerja_desktop"]
        return subprocess.Popen(
            [sys.executable, *head, "--db", str(self.db), *self.args],
            env={**self.env, **counted},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def check_backups(self) -> None:
        """Every file with a backup's name is whole; leftovers are only hidden temp files."""
        folder = self.data / "cadangan"
        for path in folder.iterdir() if folder.is_dir() else []:
            if path.name.startswith("."):
                continue
            assert parse_backup_name(path) is not None, path.name
            if path.suffix == ".sqlite3":
                inspect_database_file(path)
        for path in self.usb.iterdir():
            if not path.name.startswith("."):
                open_archive(path, self.usb.parent / f"periksa-{path.stem}")


def _state_salin(run: Run) -> str:
    years = [r[0] for r in _query(run.db, "SELECT tahun FROM tahun ORDER BY tahun")]
    if years == [2020]:
        return "tidak ada"
    assert years == [2020, 2021]
    for table, join in [
        ("jabatan", "jabatan j"),
        ("indikator", "indikator j"),
        ("tugas", "tugas t JOIN jabatan j ON t.jabatan_id = j.id"),
        ("sasaran", "sasaran t JOIN jabatan j ON t.jabatan_id = j.id"),
    ]:
        counts = dict(_query(run.db, f"SELECT j.tahun, count(*) FROM {join} GROUP BY 1"))
        assert len(set(counts.values())) == 1 and len(counts) == 2, (table, counts)
    return "semua"


def _state_impor(run: Run, expected: dict[str, int]) -> str:
    values = (
        _query(run.db, "SELECT count(*) FROM nilai_target")[0][0]
        + _query(run.db, "SELECT count(*) FROM nilai_realisasi")[0][0]
    )
    batches = _query(run.db, "SELECT count(*) FROM impor_batch")[0][0]
    if values == 0 and batches == 0:
        return "tidak ada"
    assert (values, batches) == (expected["nilai"], 1)
    return "semua"


# The next start after a kill: what the window does first once it holds the lock.
_NEXT_START = """
import sys
from pathlib import Path
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.leftovers import tidy_after_kill
tidy_after_kill(Path(sys.argv[1]))
open_database(Path(sys.argv[1])).close()
"""


def _start_again(run: Run) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _NEXT_START, str(run.db)], env=run.env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()


def _no_debris_after_a_later_start(run: Run) -> None:
    """A start an hour or more after the kill leaves nothing of the killed run behind."""
    hour_ago = time.time() - 3700
    for leftover in run.data.rglob(".kinerja-sementara-*"):
        os.utime(leftover, (hour_ago, hour_ago))
    _start_again(run)
    assert not [p.relative_to(run.data) for p in run.data.rglob(".kinerja-sementara-*")]


def _state_pulihkan(run: Run) -> str:
    _start_again(run)
    years = [r[0] for r in _query(run.db, "SELECT tahun FROM tahun ORDER BY tahun")]
    assert years in ([2020], [2020, 2021]), years
    # the import folder matches the database: every batch's stored original is there, and
    # nothing else (the folder is the backup's or the one before, never a mix)
    stored = {r[0] for r in _query(run.db, "SELECT berkas_simpan FROM impor_batch")}
    folder = run.data / "impor"
    present = {f"impor/{p.name}" for p in folder.iterdir()} if folder.is_dir() else set()
    assert present == stored, (present, stored)
    # no work folder of a check or restore is left (they can be 1 GB each)
    assert not [p.name for p in run.data.glob(".kinerja-sementara-*") if "cadangan" not in p.name]
    if years == [2020, 2021]:
        _state_salin(run)  # the old data is whole too
        assert len(stored) == 2
        return "tidak ada"
    assert len(stored) == 1
    return "semua"


def _state_cadangan(run: Run) -> str:
    whole = [p for p in run.usb.iterdir() if not p.name.startswith(".")]
    return "semua" if whole else "tidak ada"


# Observable moments of the real program (no test hooks): the temporary file of a backup being
# written, the finished backup just before the operation's transaction starts, and for the
# portable backup its work folder and the zip being written.
TRIGGERS = {
    "salin": [
        ("data/cadangan", ".kinerja-sementara-kinerja_*sebelum-salin-tahun*.tmp"),
        ("data/cadangan", "kinerja_*_sebelum-salin-tahun.sqlite3"),
    ],
    "impor": [
        ("data/cadangan", ".kinerja-sementara-kinerja_*sebelum-impor*.tmp"),
        ("data/cadangan", "kinerja_*_sebelum-impor.sqlite3"),
    ],
    "cadangan": [
        ("data", ".kinerja-sementara-cadangan-*"),
        ("usb", ".kinerja-sementara-kinerja-cadangan-*"),
    ],
    "pulihkan": [
        ("data", ".kinerja-sementara-pulihkan-*"),
        ("data/cadangan", "kinerja_*_sebelum-pemulihan.zip"),
    ],
}


def _wait_for(root: Path, trigger: tuple[str, str], child: subprocess.Popen) -> float | None:
    """Poll until the trigger file exists; its time, or None when the child ended first."""
    folder, pattern = root / trigger[0], trigger[1]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if folder.is_dir() and any(folder.glob(pattern)):
            return time.monotonic()
        if child.poll() is not None:
            return None
        time.sleep(0.0005)
    return None


def _operation(name: str, run_root: Path, template: Path) -> tuple[list[str], object]:
    if name == "salin":
        return ["tahun", "salin", "--dari", "2020", "--ke", "2021"], _state_salin
    if name == "impor":
        csv_file = run_root / "nilai.csv"
        _values_csv(template, csv_file)
        return ["nilai", "impor", str(csv_file)], _state_impor
    if name == "pulihkan":
        # the backup holds 2020 and one import (its stored file); the database to restore
        # over also has 2021 and a second import
        source = run_root / "sumber"
        env = {**os.environ, "KINERJA_DATA_DIR": str(source)}
        cli = [sys.executable, "-m", "kinerja_desktop", "--db", str(template)]
        first, second = run_root / "nilai-1.csv", run_root / "nilai-2.csv"
        _values_csv(template, first)
        kode = _query(template, "SELECT kode FROM indikator WHERE jenis = 'jumlah' LIMIT 1")
        second.write_text(
            "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
            f"{kode[0][0]},2020,,target,99,,\n",
            encoding="utf-8",
        )
        subprocess.run([*cli, "nilai", "impor", str(first)], env=env, check=True)
        subprocess.run([*cli, "cadangan", "--out", str(run_root)], env=env, check=True)
        (archive,) = run_root.glob("kinerja-cadangan-*.zip")
        subprocess.run(
            [*cli, "tahun", "salin", "--dari", "2020", "--ke", "2021"], env=env, check=True
        )
        subprocess.run([*cli, "nilai", "impor", str(second)], env=env, check=True)
        return ["pulihkan", str(archive), "--ya"], _state_pulihkan
    return ["cadangan", "--out", "{usb}"], _state_cadangan


def _kill_points(calls: list[str]) -> list[int]:
    """1-based call numbers to kill at: spread over the run, around every file move, the last
    calls (an operation's transaction ends there: its last statements and the commit), and at
    exit after the last call (the command done, the process not yet ended).

    A point is left out when only writes to the terminal ran since the point before it: the
    files are then exactly as that kill left them, so the two kills prove the same thing.
    (The last calls of a backup or restore are its report to the operator: a kill before each
    of its lines would repeat the kill before the first.)"""
    n = len(calls)
    points = {1 + (n - 1) * j // SPREAD for j in range(SPREAD)} | set(range(n - 3, n + 2))
    for i, name in enumerate(calls, start=1):
        if name in ("replace", "rename"):
            points |= {i, i + 1}  # the moved file complete but hidden; then just published
    kept: list[int] = []
    for point in sorted(p for p in points if 1 <= p <= n + 1):
        # the calls made after a kill at the previous point and before one at this point
        if kept and point != n + 1 and set(calls[kept[-1] - 1 : point - 1]) == {"TERMINAL"}:
            continue
        kept.append(point)
    return kept


@pytest.mark.parametrize("operation", list(TIMED))
def test_killed_operation_is_all_or_nothing(operation, tmp_path, db_path):
    template = tmp_path / "template.sqlite3"
    shutil.copyfile(db_path, template)
    if operation == "impor" and not _query(
        template, "SELECT name FROM sqlite_master WHERE name = 'nilai_realisasi'"
    ):
        pytest.skip("value import needs schema 2")
    command, state_of = _operation(operation, tmp_path, template)
    triggers = TRIGGERS[operation]

    # calibration: an uninterrupted counted run gives the calls; per trigger, the time from it
    # to the end bounds the timed kills
    log = tmp_path / "panggilan.json"
    full = Run(tmp_path / "utuh", template, command)
    child = full.start(KINERJA_UJI_CATAT=str(log))
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0, err.decode()
    calls = json.loads(log.read_text())
    windows = []
    for k, trigger in enumerate(triggers):
        timed = Run(tmp_path / f"utuh-{k}", template, command)
        child = timed.start()
        seen = _wait_for(timed.data.parent, trigger, child)
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
        windows.append(0.0 if seen is None else time.monotonic() - seen)
    expected = {}
    if operation == "impor":
        expected["nilai"] = (
            _query(full.db, "SELECT count(*) FROM nilai_target")[0][0]
            + _query(full.db, "SELECT count(*) FROM nilai_realisasi")[0][0]
        )
        assert expected["nilai"] > 500

    def state(run: Run) -> str:
        return state_of(run, expected) if operation == "impor" else state_of(run)

    assert state(full) == "semua"

    def check(run: Run) -> str:
        _integrity_ok(run.db)
        outcome = state(run)
        run.check_backups()
        return outcome

    # counted kills: deterministic, each lands inside the running command
    outcomes = {}
    for point in _kill_points(calls):
        run = Run(tmp_path / f"hitung-{point}", template, command)
        child = run.start(KINERJA_UJI_BUNUH=str(point))
        _, err = child.communicate(timeout=120)
        assert child.returncode == -signal.SIGKILL, (point, calls[point - 1 :][:1], err.decode())
        outcomes[point] = check(run)
    # left without the operation at least once, and whole after it at least once
    assert {"tidak ada", "semua"} <= set(outcomes.values()), outcomes

    # timed kills: anywhere, also inside a long call; the invariants must hold wherever it lands
    rng = random.Random(f"kinerja-{operation}")
    for i in range(TIMED[operation]):
        run = Run(tmp_path / f"bunuh-{i}", template, command)
        k = i % len(triggers)
        child = run.start()
        if _wait_for(run.data.parent, triggers[k], child) is not None:
            time.sleep(rng.uniform(0, windows[k]))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        check(run)
        _no_debris_after_a_later_start(run)
