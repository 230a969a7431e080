"""The last net of the running window: a failure that escapes a Qt slot or event handler.

Changes go through the one runner (:mod:`kinerja_desktop.ui.operations`), but a view also
reads the database in its slots (a chosen pegawai in the SKP editor, a refresh after a change),
and PySide only prints what escapes there to stderr: the operator would see nothing. The hook
installed by :func:`install` sorts such a failure exactly as the runner does
(:func:`~kinerja_desktop.ui.operations.explain`): a refusal is shown as it is, an environment
failure (locked, damaged, full) as ``explain_failure`` words it, anything else in the one
"Kesalahan program" dialog with its details.

Only the running application installs it (:func:`kinerja_desktop.ui.app.run_gui`). It keeps
the hook it replaced and calls it first: the traceback still reaches stderr, and under
pytest-qt its recording hook still fails a test. The module imports nothing heavy: it is
installed before the first paint.
"""

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

JUDUL = "Tidak dapat dilanjutkan"
"""Title of the message box showing a refusal or an environment failure."""


class _Hook:
    """``sys.excepthook`` of the window: the previous hook, then one message at a time."""

    def __init__(self, previous: ExceptHook) -> None:
        self.previous = previous
        self.showing = False

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.previous(kind, exc, tb)
        if self.showing or not isinstance(exc, Exception):
            return  # a failure while one is shown is only logged: no cascade of boxes
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            return
        detail = "".join(traceback.format_exception(kind, exc, tb))
        self.showing = True
        # shown once control is back in the event loop, not inside PySide's error handling
        QTimer.singleShot(0, lambda: self._show(exc, detail))

    def _show(self, exc: BaseException, detail: str) -> None:
        from PySide6.QtWidgets import QApplication

        from kinerja_desktop.ui.operations import explain, show_bug
        from kinerja_desktop.ui.pesan import peringatan

        parent = QApplication.activeModalWidget() or QApplication.activeWindow()
        try:
            try:
                explained = explain(exc)
            except Exception:  # noqa: BLE001 - not even explainable: shown as the bug it is
                explained = None
            if explained is None:
                show_bug(parent, detail)
            else:
                peringatan(parent, JUDUL, explained.pesan)
        finally:
            self.showing = False


def install() -> None:
    """Make every failure escaping a slot of the running window visible to the operator
    (sorted into refusal, environment failure or bug); installing twice keeps one hook."""
    if not isinstance(sys.excepthook, _Hook):
        sys.excepthook = _Hook(sys.excepthook)
