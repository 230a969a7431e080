"""Background work: one worker thread for everything that touches the database or files.

Jobs run one after another (SQLite has one writer, and ordering keeps edits predictable);
results and errors come back on the GUI thread through Qt signals. A job receives a
:class:`TaskState` through which it reports progress and notices a cancel request. Failures
are sorted as everywhere in the window (:mod:`kinerja_desktop.ui.operations`): a refusal or an
environment failure goes to ``on_error`` in Indonesian, a bug to ``on_crash`` or, by default,
to the one bug dialog.
"""

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import explain, show_bug


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


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.state, self.signals = fn, state, signals

    def run(self) -> None:
        self.state.reporter = self.signals.progress.emit
        try:
            result = self.fn(self.state)
        except Exception as exc:  # noqa: BLE001 - a refusal, or a bug reported, never swallowed
            explained = explain(exc)  # a full disk is not a bug
            if explained is not None:
                self.signals.failed.emit(explained)
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
        """Queue ``fn(state)``; the callbacks run on the GUI thread. Returns the state.

        Without ``on_crash`` a bug is shown by the bug dialog over the runner's parent.
        """
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
        if on_crash is None:
            parent = self.parent()
            window = parent if isinstance(parent, QWidget) else None
            signals.crashed.connect(lambda detail: show_bug(window, detail))
        else:
            signals.crashed.connect(on_crash)
        for signal in (signals.finished, signals.failed, signals.crashed):
            signal.connect(forget)
        self._pool.start(_Job(fn, state, signals))
        return state

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued job is done (used at exit and in tests)."""
        return self._pool.waitForDone(msecs)
