"""The last net of the running window: a failure that escapes a Qt slot or event handler, or
ends a Python thread.

Changes and the reads of the views go through the one runner
(:mod:`kinerja_desktop.ui.operations`), but PySide only prints what escapes a slot to stderr,
and Python only prints what ends a ``threading.Thread``: the operator would see nothing. The
hooks installed by :func:`install` sort such a failure exactly as the runner does
(:func:`~kinerja_desktop.ui.operations.explain`): a refusal is shown as it is, an environment
failure (locked, damaged, full) as ``explain_failure`` words it, anything else in the one
"Kesalahan program" dialog with its details. A failure of another thread is carried to the GUI
thread by a queued signal; the TaskRunner's workers report their own and never reach here.

One box at a time, and one per failure: a failure while a box is open is only logged, and so
is one identical to a failure shown (same kind, words and place) that came back less than
:data:`QUIET_SECONDS` before, so that a paint failing on every repaint does not open a new box
each time the last one is closed. A different failure met while a box was open is shown when
it comes again after that box.

Only the running application installs them (:func:`kinerja_desktop.ui.app.run_gui`). Each
keeps the hook it replaced and calls it first: the traceback still reaches stderr, and under
pytest-qt (and pytest's thread-exception check) a test still fails. The module imports nothing
heavy at import: it is installed before the first paint.
"""

import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadHook = Callable[[threading.ExceptHookArgs], object]

JUDUL = "Tidak dapat dilanjutkan"
"""Title of the message box showing a refusal or an environment failure."""

QUIET_SECONDS = 30.0
"""A failure identical to one already met is shown again only after it stayed away this long
(each repetition starts the wait again)."""

Key = tuple[str, str, tuple[tuple[str, int], ...]]
"""A failure's identity: its kind, its words and the lines its traceback passed through."""


def _key(exc: BaseException, tb: TracebackType | None) -> Key:
    try:
        words = str(exc)
    except Exception:  # noqa: BLE001 - an exception whose text fails is still one failure
        words = ""
    place = tuple((frame.filename, frame.lineno or 0) for frame in traceback.extract_tb(tb))
    return (type(exc).__qualname__, words, place)


class _Reporter:
    """Shows failures on the GUI thread: one box at a time, an identical one not again while
    it keeps repeating. Made on the GUI thread; :meth:`report` may be called from any."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Qt, Signal

        class Relay(QObject):
            failed = Signal(object, object, str)  # the exception, its Key, the traceback text

        self._relay = Relay()  # lives on the GUI thread: a signal from another is queued
        self._relay.failed.connect(self._arrive, Qt.ConnectionType.QueuedConnection)
        self.showing = False
        self._last_met: dict[Key, float] = {}

    def report(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Queue ``exc`` for the GUI thread: shown once control is back in its event loop,
        not inside PySide's error handling or on the thread that failed."""
        detail = "".join(traceback.format_exception(kind, exc, tb))
        self._relay.failed.emit(exc, _key(exc, tb), detail)

    def _arrive(self, exc: BaseException, key: Key, detail: str) -> None:
        now = time.monotonic()
        last = self._last_met.get(key)  # only a failure once shown has one
        if last is not None:
            self._last_met[key] = now  # it keeps coming back: the wait starts again
            if now - last < QUIET_SECONDS:
                return  # on screen or just shown: logged only, no series of boxes
        if self.showing:
            return  # another box is open: logged; shown when it comes again after that one
        self._last_met[key] = now
        self.showing = True
        try:
            self._show(exc, detail)
        finally:
            self.showing = False
            self._last_met[key] = time.monotonic()  # the box may have stayed open a while

    @staticmethod
    def _show(exc: BaseException, detail: str) -> None:
        from PySide6.QtWidgets import QApplication

        from kinerja_desktop.ui.operations import explain, show_bug
        from kinerja_desktop.ui.pesan import peringatan

        parent = QApplication.activeModalWidget() or QApplication.activeWindow()
        try:
            explained = explain(exc)
        except Exception:  # noqa: BLE001 - not even explainable: shown as the bug it is
            explained = None
        if explained is None:
            show_bug(parent, detail)
        else:
            peringatan(parent, JUDUL, explained.pesan)


class _Hook:
    """``sys.excepthook`` of the window: the previous hook, then the reporter."""

    def __init__(self, previous: ExceptHook, reporter: _Reporter) -> None:
        self.previous = previous
        self.reporter = reporter

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.previous(kind, exc, tb)
        if isinstance(exc, Exception):  # not KeyboardInterrupt or SystemExit
            self.reporter.report(kind, exc, tb)


class _ThreadHook:
    """``threading.excepthook`` of the window: the previous hook, then the reporter."""

    def __init__(self, previous: ThreadHook, reporter: _Reporter) -> None:
        self.previous = previous
        self.reporter = reporter

    def __call__(self, args: Any) -> None:
        self.previous(args)
        if isinstance(args.exc_value, Exception):
            self.reporter.report(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Make every failure escaping a slot of the running window, or ending a thread of it,
    visible to the operator (sorted into refusal, environment failure or bug); call it on
    the GUI thread once the QApplication exists. Installing twice keeps one pair of hooks."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return  # no window to show a box in: the hooks before stay
    hook = sys.excepthook
    if isinstance(hook, _Hook):
        reporter = hook.reporter
    else:
        reporter = _Reporter()
        sys.excepthook = _Hook(hook, reporter)
    if not isinstance(threading.excepthook, _ThreadHook):
        threading.excepthook = _ThreadHook(threading.excepthook, reporter)
