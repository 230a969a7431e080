"""Starting the GUI: the QApplication, the database, and the main window."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.pesan import galat

if TYPE_CHECKING:
    from kinerja_desktop.db.location import DatabaseLocation
    from kinerja_desktop.ui.main_window import MainWindow

# The instance lock of the running window: kept referenced so that it is never released early.
_HELD_LOCKS: list[object] = []


def create_app() -> QApplication:
    """The QApplication, in Indonesian: locale, Qt's own buttons and texts."""
    from kinerja_desktop.ui.i18n import install_translator

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translator(app)
    return app  # type: ignore[return-value]


def _first_start(db_path: "DatabaseLocation") -> bool:
    """Open the database; on the very first start ask first which kecamatan it is for.

    Returns False when the operator closes the welcome (no database is made).
    """
    from kinerja_desktop.db.connection import has_content, open_database

    if has_content(db_path):
        # the day's backup waits for the window's first paint (_finish_file_start)
        open_database(db_path, daily_backup=False)
        return True
    # the welcome's module (and its Qt classes) only when there is no database yet
    from kinerja_desktop.db.kantor import make_first_database
    from kinerja_desktop.ui.kantor_dialogs import SambutanDialog

    sambutan = SambutanDialog(db_path)
    if not sambutan.exec():
        return False
    make_first_database(db_path, sambutan.kode, sambutan.contoh)
    return True


def run_gui(db_path: "DatabaseLocation") -> int:
    """Open the database at ``db_path`` and show the main window until it is closed.

    The one-window lock is for a file only: on a server several windows (PCs) work at once.

    The steps run in order; a step that refuses (a KinerjaError) is explained in Indonesian
    and ends the start. Add start-up steps (locks, backups) between the existing ones.
    """
    from kinerja_desktop.db.connection import has_content
    from kinerja_desktop.db.kabupaten_models import is_workspace
    from kinerja_desktop.db.leftovers import tidy_after_kill
    from kinerja_desktop.errors import BasisDataRusak
    from kinerja_desktop.instance import SudahBerjalan, acquire_instance_lock
    from kinerja_desktop.ui.excepthook import install as install_excepthook

    app = create_app()
    install_excepthook()  # a failure escaping a slot or ending a thread is shown, once
    try:
        # one window per database; the OS frees the lock when this process ends in any way
        lock = None
        if isinstance(db_path, Path):  # a file; on a server several PCs work at once
            try:
                lock = acquire_instance_lock(db_path)
            except SudahBerjalan:
                from kinerja_desktop.ui.single_instance import ask_running_window

                if ask_running_window(db_path):
                    return 0  # the open window comes to the front instead
                raise
            tidy_after_kill(db_path)  # a restore killed half-way is completed first
        # an existing file gets the day's backup after the first paint; a new one none today
        back_up = isinstance(db_path, Path) and has_content(db_path)
        try:
            if not _first_start(db_path):
                return 0  # the operator left the welcome: nothing was made
        except BasisDataRusak as exc:
            # a damaged file: offer the way out (restore a backup, which re-opens)
            from kinerja_desktop.ui.backup_dialogs import offer_restore_at_start

            if not isinstance(db_path, Path) or not offer_restore_at_start(exc.pesan, db_path):
                return 1
        if not isinstance(db_path, Path):
            from kinerja_desktop.db.server_copy import finish_server_restore

            finish_server_restore(db_path)  # what a killed process of this PC left (tidied)
    except KinerjaError as exc:
        galat(None, APP_NAME, exc.pesan)
        return 1
    if lock is not None:
        _HELD_LOCKS.append(lock)  # released when the process ends
    window: QMainWindow
    main = None  # the jabatan window, whose worker thread makes the day's backup
    if is_workspace():
        # a kabupaten workspace: its kecamatan and what they sent, instead of a jabatan tree
        from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

        window = KabupatenWindow(db_path)
    else:
        from kinerja_desktop.ui.main_window import MainWindow
        from kinerja_desktop.ui.pengguna_dialogs import ask_log_in

        if not ask_log_in():  # several users: who is working (one user is never asked)
            return 0
        window = main = MainWindow(db_path)
    if isinstance(db_path, Path):
        after_first_paint(window, lambda: _finish_file_start(db_path, window, main, back_up))
    window.show()
    return app.exec()


def _finish_file_start(
    db_path: Path, window: QMainWindow, main: "MainWindow | None", back_up: bool
) -> None:
    """What the start of a window on a file leaves until the window is painted.

    Listening for a second start (QtNetwork): until then a second start is told that the
    database is open, as the lock is held. With ``back_up``, the day's automatic backup (the
    first start of a day, 45 ms on the built-in data and more on an office's): on the
    window's worker thread, queued before the Beranda's figures (the window queues those
    after its own first-paint event, which comes after this filter's), so the Beranda lists
    it; a failure shows in the status bar. The kabupaten workspace makes it here on the GUI
    thread.
    """
    from kinerja_desktop.db.backup import try_daily_backup
    from kinerja_desktop.ui import single_instance

    single_instance.listen_for_others(
        db_path, lambda: single_instance.bring_to_front(window), window
    )
    if not back_up:
        return
    if main is None:
        try_daily_backup(db_path)
        return
    main.tasks.run(
        lambda _state: try_daily_backup(db_path),
        lambda _copy: main.show_daily_backup_problem(),
        lambda exc: main.show_error("Cadangan otomatis", exc.pesan),
    )


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, right after ``window`` has painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Wait for the first Paint, then stop watching."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` after ``window``'s first paint: work the operator need not wait for to see
    the window (a zero-delay timer alone runs before the first paint)."""
    _AfterFirstPaint(window, then)
