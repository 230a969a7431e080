"""Start-up: time from launching Python to the first paint of the main window on the built-in
data, next to a bare PySide6 window started the same way in the same run (goals: ≤ 0.6 s and
≤ 2× the bare window). The window opens on the Beranda; the time until its figures are shown
(read on the worker thread after the first paint) is printed too.

    .venv/bin/python bench/bench_startup.py [--ulang 7]

Each measurement is a new Python process (what the operator's double-click starts); the
parent times from ``Popen`` to the child's line "painted", printed from the window's first
paint event. The database is created once beforehand (a new install fills the built-in data
once; every later start opens the existing file). The platform is QT_QPA_PLATFORM
(offscreen when unset); run under ``xvfb-run`` for an X server. Python may write its bytecode
cache in the warm-up start even where PYTHONDONTWRITEBYTECODE is set: an installed application
(the PyInstaller folder, a pip install) always runs from compiled bytecode.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.6
GOAL_RATIO = 2.0

CHILD_BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Kinerja Desktop")
window.setCentralWidget(QLabel("Kinerja Desktop"))
window.resize(1200, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

CHILD_MAIN = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.db.connection import open_database

class FirstPaint(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            heavy = [m for m in ("openpyxl", "reportlab") if m in sys.modules]
            print("painted", ",".join(heavy), flush=True)
        return False

app = create_app()
db_path = Path(sys.argv[1])
open_database(db_path)
from kinerja_desktop.ui.main_window import MainWindow
window = MainWindow(db_path)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.beranda.dimuat.connect(lambda: (print("beranda", flush=True), app.exit(0)))
window.show()
app.exec()
"""


def _once(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str, float | None]:
    """Start ``code``: seconds to its "painted" line, that line, and seconds to its
    "beranda" line (the Beranda's figures shown; None for the bare window)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    beranda = None
    if proc.stdout.readline().startswith("beranda"):
        beranda = time.perf_counter() - start
    proc.wait(timeout=30)
    if not line.startswith("painted"):
        raise SystemExit(f"the child did not paint (output: {line!r})")
    return elapsed, line.strip(), beranda


def main() -> None:
    """Measure both windows alternately and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=7, help="starts of each window")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["KINERJA_DATA_DIR"] = str(tmp / "data")
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    db_path = tmp / "data" / "kinerja.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(db_path), "stats"],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )

    bare: list[float] = []
    main_window: list[float] = []
    beranda: list[float] = []
    heavy = ""
    _once(CHILD_BARE, [], env)  # warm the file cache (and the bytecode cache) for both
    _once(CHILD_MAIN, [str(db_path)], env)
    for _ in range(args.ulang):
        bare.append(_once(CHILD_BARE, [], env)[0])
        elapsed, line, terisi = _once(CHILD_MAIN, [str(db_path)], env)
        main_window.append(elapsed)
        if terisi is not None:
            beranda.append(terisi)
        heavy = line.removeprefix("painted").strip()

    def row(label: str, times: list[float]) -> str:
        return (
            f"{label:<42} median {statistics.median(times):6.3f} s"
            f"   min {min(times):6.3f} s   max {max(times):6.3f} s"
        )

    print(f"platform: {env['QT_QPA_PLATFORM']}, {args.ulang} starts each, Python to first paint")
    print(row("baseline: bare PySide6 window", bare))
    print(row("Kinerja Desktop main window (built-in data)", main_window))
    if beranda:
        print(row("  ... its Beranda figures shown", beranda))
    extra = statistics.median(main_window) - statistics.median(bare)
    ratio = statistics.median(main_window) / statistics.median(bare)
    verdict = "OK" if statistics.median(main_window) <= GOAL else "TERLALU LAMBAT"
    verdict_ratio = "OK" if ratio <= GOAL_RATIO else "TERLALU LAMBAT"
    print(f"extra over the bare window: {extra:.3f} s; goal ≤ {GOAL} s: {verdict}")
    print(f"ratio to the bare window: {ratio:.2f}×; goal ≤ {GOAL_RATIO:g}×: {verdict_ratio}")
    print(f"heavy libraries loaded at first paint: {heavy or 'none'}")


if __name__ == "__main__":
    main()
