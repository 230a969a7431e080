"""The window's start as the operator gets it (``ui.app.run_gui``): what waits until the window
is painted still happens, and what must come before anything can be edited still does."""

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop.db.backup import backup_dir, list_backups
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.ui.app import run_gui
from kinerja_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform


def _windows_on(db_path: Path) -> list[MainWindow]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.db_path == db_path and w.isVisible()
    ]


def _start_until(db_path: Path, ready: Callable[[MainWindow], bool]) -> int:
    """Start the window on ``db_path`` as the operator does, wait until ``ready(window)``,
    close the window; return the start's exit status (2: never ready within 60 s)."""
    deadline = time.monotonic() + 60

    def poll() -> None:
        windows = _windows_on(db_path)
        if windows and ready(windows[0]):
            windows[0].close()  # waits for the window's worker thread
            QApplication.instance().exit(0)
        elif time.monotonic() > deadline:
            QApplication.instance().exit(2)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    app = QApplication.instance()
    # closing the window must not post a quit that would end the next test's dialogs
    app.setQuitOnLastWindowClosed(False)
    try:
        return run_gui(db_path)
    finally:
        app.setQuitOnLastWindowClosed(True)
        if database_proxy.obj is not None:
            database_proxy.obj.close()
            database_proxy.initialize(None)


def test_the_start_makes_the_day_s_backup_and_the_beranda_lists_it(qtbot, db_path):
    assert list_backups(db_path) == []  # a copy of the built-in database, never opened
    seen: dict[str, str] = {}

    def ready(window: MainWindow) -> bool:
        seen["cadangan"] = window.beranda.cadangan.text()
        return "Cadangan otomatis (harian)" in seen["cadangan"]

    assert _start_until(db_path, ready) == 0, seen
    assert [b.alasan for b in list_backups(db_path)] == ["harian"]


def test_a_failed_backup_at_start_shows_in_the_status_bar(qtbot, db_path):
    backup_dir(db_path).parent.mkdir(parents=True, exist_ok=True)
    backup_dir(db_path).write_text("bukan folder", encoding="utf-8")  # no backup folder
    seen: dict[str, str] = {}

    def ready(window: MainWindow) -> bool:
        warning = getattr(window, "backup_warning", None)
        if warning is None:
            return False
        seen.update(text=warning.text(), tip=warning.toolTip())
        return True

    assert _start_until(db_path, ready) == 0
    assert seen["text"] == "Cadangan otomatis hari ini gagal"
    assert "Folder cadangan" in seen["tip"] and "Berkas › Cadangkan ke" in seen["tip"]


def test_a_damaged_database_is_refused_before_any_window_opens(qtbot, db_path):
    db_path.write_bytes(b"rusak" * 4000)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.update(text=box.text(), windows=len(_windows_on(db_path)))
        (tutup,) = [b for b in box.buttons() if b.text() == "Tutup"]
        tutup.click()

    QTimer.singleShot(20, answer)
    assert run_gui(db_path) == 1
    assert "rusak atau bukan basis data" in str(seen["text"])
    assert seen["windows"] == 0  # nothing to edit while the refusal is shown
    assert not _windows_on(db_path)
    assert db_path.read_bytes() == b"rusak" * 4000  # the file is left as it was
