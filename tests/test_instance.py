"""One window per database: a second start is refused; a lock left by a killed process is not."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop.instance import SudahBerjalan, acquire_instance_lock, lock_path

ARTIFACTS = Path(__file__).parent / "artifacts"

HOLDER = textwrap.dedent(
    """
    import sys, time
    from kinerja_desktop.instance import acquire_instance_lock
    lock = acquire_instance_lock(sys.argv[1])
    print("siap", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(db_path):
    """A real second process holding the lock of ``db_path`` (as a running window would)."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "siap"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(10)


def test_second_instance_is_refused_with_a_clear_message(db_path, holder):
    with pytest.raises(SudahBerjalan) as caught:
        acquire_instance_lock(db_path)
    pesan = caught.value.pesan
    assert "Kinerja Desktop sudah terbuka untuk basis data kinerja.sqlite3" in pesan
    assert "Gunakan jendela yang sudah terbuka" in pesan


def test_lock_of_a_killed_process_does_not_block_the_next_start(db_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    assert lock_path(db_path).exists()  # the file stays behind, as after a crash
    with acquire_instance_lock(db_path) as lock:
        assert lock.held


def test_lock_is_free_again_after_release(db_path):
    first = acquire_instance_lock(db_path)
    with pytest.raises(SudahBerjalan):
        acquire_instance_lock(db_path)
    first.release()
    acquire_instance_lock(db_path).release()


# the offscreen platform's own note about top-level windows, not a problem of ours
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_window_start_is_refused_while_another_window_has_the_database(qtbot, db_path, holder):
    from kinerja_desktop.ui.app import run_gui

    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["text"] = box.text()
        ARTIFACTS.mkdir(exist_ok=True)
        box.grab().save(str(ARTIFACTS / "instans_kedua_ditolak.png"))
        box.accept()

    QTimer.singleShot(20, answer)
    assert run_gui(db_path) == 1
    assert "sudah terbuka" in seen["text"]


def _holder(db_path: Path) -> str:
    try:
        return lock_path(db_path).read_text().strip()
    except FileNotFoundError:
        return ""


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_starting_again_brings_the_open_window_forward_until_it_is_killed(qtbot, db_path):
    from kinerja_desktop.ui.app import run_gui
    from kinerja_desktop.ui.single_instance import ask_running_window

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(db_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        # the window process has the lock once the lock file names it, and then listens
        while _holder(db_path) != str(window.pid) or not ask_running_window(db_path, 200):
            assert time.monotonic() < deadline and window.poll() is None
            time.sleep(0.05)
        # a second start asks that window to come forward and ends quietly: no second window
        assert run_gui(db_path) == 0
        with pytest.raises(SudahBerjalan):
            acquire_instance_lock(db_path)
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait(10)
    assert not ask_running_window(db_path, 200)  # nobody answers for a killed window
    with acquire_instance_lock(db_path) as lock:  # and its lock is gone
        assert lock.held


def test_the_open_window_is_asked_to_come_forward(qtbot, db_path):
    from PySide6.QtWidgets import QWidget

    from kinerja_desktop.ui.single_instance import ask_running_window, listen_for_others

    window = QWidget()
    qtbot.addWidget(window)
    requests: list[str] = []
    listen_for_others(db_path, lambda: requests.append("tampilkan"), window)
    assert ask_running_window(db_path)
    qtbot.waitUntil(lambda: requests == ["tampilkan"], timeout=5000)
