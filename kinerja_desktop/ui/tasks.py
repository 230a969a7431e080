"""Background work: one worker thread for everything that touches the database or files.

Jobs run one after another (SQLite has one writer, and ordering keeps edits predictable);
results and errors come back on the GUI thread through Qt signals. A job receives a
:class:`TaskState` through which it reports progress and notices a cancel request.
"""

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kinerja_desktop.errors import KinerjaError


class TaskState:
    """Shared between a job and the GUI: progress to show, cancel to request."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.reporter: Callable[[int, int, str], None] = lambda done, total, label: None

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Called by the job: ``done`` of ``total`` steps, with an Indonesian label."""
        self.reporter(done, total, label)

    def cancel(self) -> None:
        """Called by the GUI: ask the job to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once the user asked to cancel."""
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # KinerjaError: a refusal to show
    crashed = Signal(str)  # a bug: the traceback text


def _explain_environment(exc: BaseException) -> KinerjaError | None:
    """An Indonesian message for a SQLite environment failure (full disk, read-only...)."""
    from kinerja_desktop.db.backup import bound_database_path
    from kinerja_desktop.db.connection import explain_failure

    path = bound_database_path()
    return explain_failure(exc, path) if path is not None else None


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.state, self.signals = fn, state, signals

    def run(self) -> None:
        self.state.reporter = self.signals.progress.emit
        try:
            result = self.fn(self.state)
        except KinerjaError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - reported to the user as a bug, never swallowed
            explained = _explain_environment(exc)
            if explained is not None:
                self.signals.failed.emit(explained)  # a full disk is not a bug
            else:
                self.signals.crashed.emit(traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs jobs on a single background thread and reports back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals: list[_Signals] = []

    def run(
        self,
        fn: Callable[[TaskState], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[KinerjaError], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        on_crash: Callable[[str], None] | None = None,
    ) -> TaskState:
        """Queue ``fn(state)``; the callbacks run on the GUI thread. Returns the state."""
        state = TaskState()
        signals = _Signals()
        self._signals.append(signals)  # keep alive until the job has reported

        def forget() -> None:
            if signals in self._signals:
                self._signals.remove(signals)

        signals.finished.connect(on_done)
        signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_crash is not None:
            signals.crashed.connect(on_crash)
        for signal in (signals.finished, signals.failed, signals.crashed):
            signal.connect(forget)
        self._pool.start(_Job(fn, state, signals))
        return state

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued job is done (used at exit and in tests)."""
        return self._pool.waitForDone(msecs)
