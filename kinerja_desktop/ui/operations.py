"""The one path every change of the window takes (after Anki's ``CollectionOp``).

A core operation (``db.ops_*``, an import, a backup) runs as an undoable step on the GUI
thread (:func:`push_change`: the quick edits of the tabs and the jabatan tree), as a step of a
dialog that is not undone from the Sunting menu (:func:`run_once`: a dialog's Simpan, the SKP
and Laporan Kinerja editors), or on the one worker thread
(:class:`~kinerja_desktop.ui.tasks.TaskRunner`: anything that can take long). A read a view
makes in a slot (a choice, a refresh, the check before an edit) goes through :func:`run_once`
too (``TabDasar.read``, ``Pelaksana.read``, ``MainWindow.read``), and so does a dialog that
reads as it is made (:func:`build_dialog`), so that a database that cannot be read is said
where the operator asked. Every way a failure is sorted by :func:`explain` into one of three
kinds:

- a :class:`~kinerja_desktop.errors.KinerjaError` is the core's refusal, shown as it is;
- an environment failure (disk full, read-only, locked, damaged database) becomes the message
  :func:`kinerja_desktop.db.connection.explain_failure` gives, the one place those are worded;
- anything else is a bug, shown by :func:`show_bug`, the one "Kesalahan program" dialog.

Every entry an undo or a redo writes to the audit log is logged as ``urung`` or ``ulang``
(:func:`kinerja_desktop.db.audit.as_step`), whatever operation it runs.

A step whose operation failed is never left on the undo stack: it marks itself obsolete, and
``QUndoStack`` drops an obsolete command after ``redo`` (on push) and after ``undo``.
"""

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6 import QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kinerja_desktop.db.audit import as_step
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.pesan import kotak_pesan, peringatan

OnRefused = Callable[[str, KinerjaError], None]
"""Shows a refusal: (title such as "Tidak dapat mengurungkan", the refusal)."""

JUDUL_URUNGKAN = "Tidak dapat mengurungkan"
JUDUL_ULANGI = "Tidak dapat mengulangi"

T = TypeVar("T")
D = TypeVar("D", bound=QWidget)


def explain(exc: BaseException) -> KinerjaError | None:
    """The Indonesian refusal for ``exc``, or None when ``exc`` is a bug.

    A refusal of the core is returned as it is; an environment failure of the database the
    window has open is worded by ``explain_failure``.
    """
    if isinstance(exc, KinerjaError):
        return exc
    from kinerja_desktop.db.connection import explain_bound_failure

    # a file's full disk, or a server's dropped connection or full storage
    return explain_bound_failure(exc)


def show_bug(parent: QWidget | None, detail: str) -> None:
    """The one dialog for a bug: says it is not the operator's fault, details for the developer."""
    box = kotak_pesan(
        parent,
        QtWidgets.QMessageBox.Icon.Critical,  # named here: no message box is made at start
        "Kesalahan program",
        "Terjadi kesalahan pada program (bukan kesalahan Anda). Data yang sudah tersimpan tetap "
        "aman. Laporkan kejadian ini beserta rinciannya kepada pengelola aplikasi.",
    )
    box.setDetailedText(detail)
    box.exec()


def run_once(
    parent: QWidget | None, op: Callable[[], T], on_refused: Callable[[str], None]
) -> T | None:
    """Run ``op``, a change (or a read) that is no undo step; returns its result, None when it
    failed. A refusal or an environment failure goes to ``on_refused`` as its Indonesian
    message (a dialog shows it in red and stays open); a bug goes to the bug dialog."""
    try:
        return op()
    except Exception as exc:  # noqa: BLE001 - sorted by explain: refusal, environment or bug
        explained = explain(exc)
        if explained is None:
            show_bug(parent, traceback.format_exc())
        else:
            on_refused(explained.pesan)
        return None


def build_dialog(parent: QWidget | None, build: Callable[[], D], judul: str) -> D | None:
    """Make the dialog ``build`` returns (opened from a menu: it reads the database as it is
    made) through :func:`run_once`; None when that failed: a box titled ``judul`` (such as
    "Salin Tahun tidak dapat dibuka") says why and no dialog opens, a bug goes to the bug
    dialog. A dialog that failed half way through its making is deleted, not left behind
    hidden in ``parent``."""
    before = _dialogs_of(parent)
    dialog = run_once(parent, build, lambda pesan: peringatan(parent, judul, pesan))
    if dialog is None:
        for half_made in _dialogs_of(parent) - before:
            half_made.deleteLater()
    return dialog


def _dialogs_of(parent: QWidget | None) -> set[QtWidgets.QDialog]:
    """The dialogs ``parent`` holds directly (Qt keeps a child whose making raised)."""
    if parent is None:
        return set()
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return set(parent.findChildren(QtWidgets.QDialog, options=direct))


@dataclass
class Outcome:
    """What the first run of a step gave, kept outside the command: Qt deletes an obsolete
    command as soon as ``push`` returns."""

    result: Hasil[Any] | None = None
    failure: KinerjaError | None = None


class ChangeCommand(QUndoCommand):
    """An undoable step: ``do`` and ``undo`` run core operations, each returning a Hasil.

    The first ``redo`` (run by ``QUndoStack.push``) performs the change. Whatever stops an
    operation, the command shows it (:func:`explain`) and marks itself obsolete, so the stack
    drops it rather than keep a step that did nothing. The first run's result goes to
    ``outcome``; with ``raise_first`` its refusal goes there too instead of being shown.
    """

    def __init__(
        self,
        teks: str,
        do: Callable[[], Hasil[Any]],
        undo: Callable[[], Hasil[Any]],
        on_done: Callable[[Perubahan], None],
        on_refused: OnRefused,
        parent: QWidget | None,
        judul: str,
        outcome: Outcome,
        raise_first: bool = False,
        source: str = "",
    ) -> None:
        super().__init__(teks)
        self.source = source  # which part of the window made the step (see step_source)
        self._do, self._undo = do, undo
        self._on_done, self._on_refused = on_done, on_refused
        self._parent, self._judul = parent, judul
        self._first = True
        self._raise_first = raise_first
        self._outcome = outcome

    def _run(self, action: Callable[[], Hasil[Any]], judul: str, aksi: str | None) -> None:
        first, self._first = self._first, False
        try:
            if aksi is None:
                hasil = action()
            else:
                with as_step(aksi):  # the audit log names an undo and a redo as such
                    hasil = action()
        except Exception as exc:  # noqa: BLE001 - sorted below: refusal, environment or bug
            self.setObsolete(True)
            explained = explain(exc)
            if explained is None:
                show_bug(self._parent, traceback.format_exc())
            elif first and self._raise_first:
                self._outcome.failure = explained
            else:
                self._on_refused(judul, explained)
            return
        if first:
            self._outcome.result = hasil
        self._on_done(hasil.perubahan)

    def redo(self) -> None:
        """Perform the change (on push) or perform it again after an undo."""
        if self._first:
            self._run(self._do, self._judul, None)
        else:
            self._run(self._do, JUDUL_ULANGI, "ulang")

    def undo(self) -> None:
        """Take the change back."""
        self._run(self._undo, JUDUL_URUNGKAN, "urung")


def push_change(
    stack: QUndoStack,
    teks: str,
    do: Callable[[], Hasil[Any]],
    undo: Callable[[], Hasil[Any]],
    *,
    on_done: Callable[[Perubahan], None],
    on_refused: OnRefused,
    parent: QWidget | None,
    judul: str = "Perubahan tidak disimpan",
    raise_first: bool = False,
    source: str = "",
) -> Hasil[Any] | None:
    """Perform ``do`` as the step ``teks`` on ``stack``; returns the Hasil of that first run.

    ``on_done`` receives the Perubahan of every run (the change, its undo, its redo) and
    ``on_refused`` every refusal, titled ``judul`` for the first run. None is returned when
    the change failed (the step is then not on the stack). With ``raise_first`` a refusal of
    the first run is raised to the caller instead, for callers that keep a dialog open.
    ``source`` names the part of the window that made the step, for :func:`step_source`.
    """
    outcome = Outcome()
    stack.push(
        ChangeCommand(
            teks, do, undo, on_done, on_refused, parent, judul, outcome, raise_first, source
        )
    )
    if outcome.failure is not None:
        raise outcome.failure
    return outcome.result


def step_source(stack: QUndoStack, index: int) -> str:
    """The ``source`` the step at ``index`` of ``stack`` was pushed with ("" when none, or no
    step there). A dialog with Urungkan and Ulangi of its own (the SKP editor) takes back and
    performs again only its own steps, never one of the window it covers, which it does not
    show."""
    command = stack.command(index)
    return command.source if isinstance(command, ChangeCommand) else ""
