"""Crash safety: the real command, in a child process, killed with SIGKILL at spread-out moments
during a year copy, a value import and a backup. Afterwards the database passes
``PRAGMA integrity_check``, every interrupted operation is all or nothing, and every file that
carries a backup's name is a complete, verified backup."""

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

KILLS = {"salin": 10, "impor": 10, "cadangan": 8, "pulihkan": 8}


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
        self.usb = root / "usb"
        self.usb.mkdir()
        self.args = [a.replace("{usb}", str(self.usb)) for a in command]
        self.env = {**os.environ, "KINERJA_DATA_DIR": str(self.data)}

    def start(self) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "kinerja_desktop", "--db", str(self.db), *self.args],
            env=self.env,
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


def _state_pulihkan(run: Run) -> str:
    years = [r[0] for r in _query(run.db, "SELECT tahun FROM tahun ORDER BY tahun")]
    assert years in ([2020], [2020, 2021]), years
    if years == [2020, 2021]:
        _state_salin(run)  # the old data is whole too
        return "tidak ada"
    return "semua"


def _state_cadangan(run: Run) -> str:
    whole = [p for p in run.usb.iterdir() if not p.name.startswith(".")]
    return "semua" if whole else "tidak ada"


# Observable moments of the real program (no test hooks): the temporary file of a backup being
# written, the finished backup just before the operation's transaction starts, and for the
# portable backup its work folder and the zip being written.
TRIGGERS = {
    "salin": [
        ("data/cadangan", ".kinerja_*sebelum-salin-tahun*.tmp"),
        ("data/cadangan", "kinerja_*_sebelum-salin-tahun.sqlite3"),
    ],
    "impor": [
        ("data/cadangan", ".kinerja_*sebelum-impor*.tmp"),
        ("data/cadangan", "kinerja_*_sebelum-impor.sqlite3"),
    ],
    "cadangan": [("data", ".cadangan-*"), ("usb", ".kinerja-cadangan-*")],
    "pulihkan": [
        ("data", ".cadangan-*"),
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
        # the backup holds 2020 only; the database to restore over also has 2021
        source = run_root / "sumber"
        env = {**os.environ, "KINERJA_DATA_DIR": str(source)}
        cli = [sys.executable, "-m", "kinerja_desktop", "--db", str(template)]
        subprocess.run([*cli, "cadangan", "--out", str(run_root)], env=env, check=True)
        (archive,) = run_root.glob("kinerja-cadangan-*.zip")
        subprocess.run(
            [*cli, "tahun", "salin", "--dari", "2020", "--ke", "2021"], env=env, check=True
        )
        return ["pulihkan", str(archive), "--ya"], _state_pulihkan
    return ["cadangan", "--out", "{usb}"], _state_cadangan


@pytest.mark.parametrize("operation", list(KILLS))
def test_killed_operation_is_all_or_nothing(operation, tmp_path, db_path):
    template = tmp_path / "template.sqlite3"
    shutil.copyfile(db_path, template)
    if operation == "impor" and not _query(
        template, "SELECT name FROM sqlite_master WHERE name = 'nilai_realisasi'"
    ):
        pytest.skip("value import needs schema 2")
    command, state_of = _operation(operation, tmp_path, template)
    triggers = TRIGGERS[operation]

    # calibration: uninterrupted runs give, per trigger, the time from it to the end
    windows = []
    for k, trigger in enumerate(triggers):
        full = Run(tmp_path / f"utuh-{k}", template, command)
        child = full.start()
        seen = _wait_for(full.data.parent, trigger, child)
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
        assert seen is not None, f"{trigger} never appeared"
        windows.append(time.monotonic() - seen)
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

    rng = random.Random(f"kinerja-{operation}")
    outcomes, landed = [], 0
    for i in range(KILLS[operation]):
        run = Run(tmp_path / f"bunuh-{i}", template, command)
        k = i % len(triggers)
        child = run.start()
        if _wait_for(run.data.parent, triggers[k], child) is not None:
            time.sleep(rng.uniform(0, windows[k]))
        landed += child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)

        _integrity_ok(run.db)
        outcomes.append(state(run))
        run.check_backups()

    # most kills hit a running operation (a few may come just after it finished), and the
    # database was left without the operation at least once
    assert landed >= KILLS[operation] // 2, (landed, outcomes)
    assert "tidak ada" in outcomes, outcomes
