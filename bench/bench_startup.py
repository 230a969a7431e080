"""Start-up: time from launching Python to the first paint of the main window on the built-in
data, next to a bare PySide6 window started the same way in the same run (goals: ≤ 0.6 s and
≤ 2× the bare window). The window opens on the Beranda; the time until its figures are shown
(read on the worker thread after the first paint) is printed too.

    .venv/bin/python bench/bench_startup.py [--ulang 7]

Each measurement is a new Python process (what the operator's double-click starts): the
window is started as the installed program starts it (``kinerja_desktop.cli.main``, so the
instance lock, the clean-up after a killed process, the first-start check, the database's
checks, the user check and the single-window listener are all measured), the bare window by
the same interpreter with the same flags. The parent times from ``Popen`` to the child's line
"painted", printed from the window's first paint event; the child's own processor time to that
moment is printed too, as it suffers less from other programs on a busy machine. The database
is created once beforehand (a new install fills the built-in data once; every later start
opens the existing file); the first start of a day, which also backs the database up, is
measured apart. The platform is QT_QPA_PLATFORM (offscreen when unset); run under
``xvfb-run`` for an X server. Python may write its bytecode cache in the warm-up start even
where PYTHONDONTWRITEBYTECODE is set: an installed application (the PyInstaller folder, a pip
install) always runs from compiled bytecode.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.6
GOAL_RATIO = 2.0

CHILD_BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.process_time(), flush=True)
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

# The operator's start (kinerja_desktop.cli.main, as `kinerja-desktop` and the PyInstaller
# program call it). The watcher hooks the window's show() when its module is loaded, so that
# nothing is imported earlier or in another order than in a real start.
CHILD_MAIN = """
import importlib.machinery, sys, time

def watch(module):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                heavy = [m for m in ("openpyxl", "reportlab") if m in sys.modules]
                print("painted", time.process_time(), ",".join(heavy), flush=True)
            return False

    show = module.MainWindow.show

    def show_watched(window):
        window.first_paint = FirstPaint(window)
        window.installEventFilter(window.first_paint)
        window.beranda.dimuat.connect(
            lambda: (print("beranda", flush=True), QApplication.instance().exit(0))
        )
        show(window)

    module.MainWindow.show = show_watched

class WatchMainWindow:
    def find_spec(self, name, path=None, target=None):
        if name != "kinerja_desktop.ui.main_window":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module

        def exec_and_watch(module):
            exec_module(module)
            watch(module)

        spec.loader.exec_module = exec_and_watch
        return spec

sys.meta_path.insert(0, WatchMainWindow())
from kinerja_desktop.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


class Start(NamedTuple):
    """One start of a child: seconds to its first paint (wall clock, from ``Popen``), the
    child's processor seconds to it, libraries loaded by then, and seconds until the
    Beranda's figures were shown (None for the bare window)."""

    painted: float
    cpu: float
    heavy: str
    beranda: float | None


def _once(code: str, args: list[str], env: dict[str, str]) -> Start:
    """Start ``code`` once and read its "painted" (and "beranda") lines."""
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
    fields = line.split()
    return Start(elapsed, float(fields[1]), fields[2] if len(fields) > 2 else "", beranda)


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

    load_before = os.getloadavg()[0]
    bare: list[Start] = []
    main_window: list[Start] = []
    first_of_day: list[Start] = []
    _once(CHILD_BARE, [], env)  # warm the file cache (and the bytecode cache) for both
    _once(CHILD_MAIN, [str(db_path)], env)
    for _ in range(args.ulang):
        bare.append(_once(CHILD_BARE, [], env))
        main_window.append(_once(CHILD_MAIN, [str(db_path)], env))
        # the office's usual start: the first of the day, which makes the day's backup
        for copy in (tmp / "data" / "cadangan").glob("*_harian.sqlite3"):
            copy.unlink()
        first_of_day.append(_once(CHILD_MAIN, [str(db_path)], env))
    load_after = os.getloadavg()[0]

    def row(label: str, times: list[float]) -> str:
        return (
            f"{label:<42} median {statistics.median(times):6.3f} s"
            f"   min {min(times):6.3f} s   max {max(times):6.3f} s"
        )

    print(
        f"platform: {env['QT_QPA_PLATFORM']}, {args.ulang} starts each, Python to first paint; "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    print(row("baseline: bare PySide6 window", [s.painted for s in bare]))
    print(row("Kinerja Desktop main window (built-in data)", [s.painted for s in main_window]))
    beranda = [s.beranda for s in main_window if s.beranda is not None]
    if beranda:
        print(row("  ... its Beranda figures shown", beranda))
    print(row("  first start of the day (daily backup)", [s.painted for s in first_of_day]))
    print(row("processor time: bare PySide6 window", [s.cpu for s in bare]))
    print(row("processor time: main window", [s.cpu for s in main_window]))
    painted = statistics.median(s.painted for s in main_window)
    bare_painted = statistics.median(s.painted for s in bare)
    ratio = painted / bare_painted
    cpu_ratio = statistics.median(s.cpu for s in main_window) / statistics.median(
        s.cpu for s in bare
    )
    verdict = "OK" if painted <= GOAL else "TERLALU LAMBAT"
    verdict_ratio = "OK" if ratio <= GOAL_RATIO else "TERLALU LAMBAT"
    print(f"extra over the bare window: {painted - bare_painted:.3f} s; goal ≤ {GOAL} s: {verdict}")
    print(f"ratio to the bare window: {ratio:.2f}×; goal ≤ {GOAL_RATIO:g}×: {verdict_ratio}")
    print(f"ratio of processor times: {cpu_ratio:.2f}×")
    print(f"heavy libraries loaded at first paint: {main_window[-1].heavy or 'none'}")


if __name__ == "__main__":
    main()
