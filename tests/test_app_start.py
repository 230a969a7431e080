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
from kinerja_desktop.ui.window_settings import WindowSettings

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


def test_the_tree_behind_the_beranda_is_filled_after_the_first_paint(qtbot, db_path):
    """The jabatan tree is filled after the first paint, without the operator opening the
    jabatan view, on the jabatan remembered from the last run."""
    settings = WindowSettings(db_path)
    settings.set_value("terakhir/tahun", 2020)
    settings.set_value("terakhir/jabatan", "PRAMU")
    settings.sync()
    seen: dict[str, object] = {}

    def ready(window: MainWindow) -> bool:
        node = window.tree.selected_node()
        seen.update(
            kode=node.kode if node is not None else None,
            baris=window.tree.view.model().rowCount(),
            beranda=window.pusat.currentWidget() is window.beranda,
            judul=window.right.judul.text(),
        )
        return node is not None

    assert _start_until(db_path, ready) == 0, seen
    assert seen["kode"] == "PRAMU" and seen["baris"] == 1  # the Camat, with 22 jabatan under
    assert seen["beranda"]  # still on the Beranda: filled behind it
    assert seen["judul"] == "Pramu Kebersihan Kantor"


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


def test_a_damaged_workspace_is_offered_its_backup_and_opens_restored(qtbot, tmp_path):
    """A kabupaten workspace damaged while closed: the start offers its latest backup with a
    true message (the item and the exact command for this workspace); restored, the kabupaten
    window opens on it."""
    from kinerja_desktop.db.backup import latest_backup
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.kabupaten import make_workspace_database
    from kinerja_desktop.domain.tanggal import format_waktu
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    kab = tmp_path / "Ruang Kerja" / "kab malang.sqlite3"
    kab.parent.mkdir()
    # made and opened without `kabupaten` commands: a new process knows nothing of it
    make_workspace_database(kab, "35.07").close()
    open_database(kab).close()  # the day's backup
    database_proxy.initialize(None)
    latest = latest_backup(kab)
    good = kab.read_bytes()
    kab.write_bytes(good[:4096] + b"\xff" * (len(good) - 4096))  # a failing stick's pages
    seen: dict[str, object] = {}
    deadline = time.monotonic() + 60

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            buttons = {b.text(): b for b in box.buttons()}
            if "Tutup" in buttons and "tawaran" not in seen:
                seen.update(tawaran=box.text(), tombol=list(buttons))
                box.grab().save(str(tmp_path / "mulai-ruang-kerja-rusak.png"))
                buttons[f"Pulihkan Cadangan {format_waktu(latest.waktu)}"].click()
            elif "Pulihkan" in buttons and "tanya" not in seen:
                seen["tanya"] = box.informativeText()
                buttons["Pulihkan"].click()
        windows = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, KabupatenWindow) and w.isVisible()
        ]  # fmt: skip
        if windows:
            window = windows[0]
            seen.update(judul=window.windowTitle(), kecamatan=window.kecamatan.count())
            seen["galat"] = window.galat.isVisible()
            window.close()
            QApplication.instance().exit(0)
        elif time.monotonic() > deadline:
            QApplication.instance().exit(2)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)
    try:
        assert run_gui(kab) == 0, seen
    finally:
        app.setQuitOnLastWindowClosed(True)
        if database_proxy.obj is not None:
            database_proxy.obj.close()
            database_proxy.initialize(None)
    tawaran = str(seen["tawaran"])
    assert f"Berkas {kab} rusak atau bukan basis data" in tawaran
    assert "menu Berkas › Pulihkan cadangan…" in tawaran
    assert f'kinerja-desktop --db "{kab}" pulihkan "{latest.path}"' in tawaran
    assert "Terima Paket" not in tawaran  # nothing here tells it is a workspace
    assert "akan hilang dari basis data kab malang.sqlite3" in str(seen["tanya"])
    assert seen["judul"] == "Kinerja Desktop — Ruang Kerja Kabupaten Malang"
    assert seen["kecamatan"] == 33 and seen["galat"] is False
