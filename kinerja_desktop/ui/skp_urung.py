"""Urungkan and Ulangi in the SKP editor. Removing an SKP or a row of its plan is a step on
the window's undo stack (:func:`~kinerja_desktop.ui.operations.push_change`, the one path of
every change): Ctrl+Z takes it back in the editor and, once the editor is closed, Sunting ›
Urungkan of the window does.

The editor is modal and shows nothing of the window it covers, nor the window anything of the
SKP. So the editor's Urungkan and Ulangi (its buttons, Ctrl+Z, Ctrl+Y) act only on the editor's
own steps (:func:`~kinerja_desktop.ui.operations.step_source`) and say so when the next step is
the window's. A step undone from the window after the editor has gone shows its message in the
window's status bar and a refusal in the window's message box.
"""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import push_change, step_source
from kinerja_desktop.ui.pesan import kotak_pesan

SUMBER = "skp"
"""The ``source`` of the SKP editor's steps on the undo stack."""

S = TypeVar("S")  # what a removal carries for its undo

Tampilkan = Callable[[Perubahan, int | None, int | None], None]
"""Shows a step's change in the editor: (the change, the SKP to select, the plan row to
select); an id that is gone (a removal just done) selects nothing."""


class Jendela(Protocol):
    """What the SKP editor needs of the main window: its undo stack, its status bar and
    refreshes (``apply_changes``) and its message box for a refusal."""

    undo_stack: QUndoStack

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Show a change's message and refresh what it concerns."""

    def show_error(self, judul: str, pesan: str) -> None:
        """Show a refusal."""


class UrungSkp(QWidget):
    """The editor's Urungkan and Ulangi buttons (with Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z on the
    editor) and the pushing of its removals.

    ``jendela`` is the main window whose undo stack takes the steps (None: a stack of the
    editor's own, for an editor opened without a window); ``tampilkan`` shows a step's change
    in the editor and ``show_error`` a refusal there.
    """

    def __init__(
        self,
        editor: QWidget,
        jendela: Jendela | None,
        tampilkan: Tampilkan,
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(editor)
        self.editor, self.jendela = editor, jendela
        self.tampilkan, self.show_error = tampilkan, show_error
        self.stack = jendela.undo_stack if jendela is not None else QUndoStack(self)
        # a bug in an undo run from the window after the editor has gone shows over the window
        self._induk = jendela if isinstance(jendela, QWidget) else editor
        self.urungkan = QPushButton("Urungkan")
        self.ulangi = QPushButton("Ulangi")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for tombol, slot in ((self.urungkan, self.undo), (self.ulangi, self.redo)):
            tombol.setAutoDefault(False)  # Enter ends a cell's edit, never undoes
            tombol.clicked.connect(slot)
            layout.addWidget(tombol)
        for teks, kunci, slot in (
            ("Urungkan", ("Ctrl+Z",), self.undo),
            ("Ulangi", ("Ctrl+Y", "Ctrl+Shift+Z"), self.redo),
        ):
            action = QAction(teks, editor)
            action.setShortcuts([QKeySequence(k) for k in kunci])
            action.triggered.connect(slot)
            editor.addAction(action)
        # connected to this widget: Qt drops the connections when the editor is deleted
        self.stack.indexChanged.connect(self.refresh)
        self.refresh()

    def _own_undo(self) -> bool:
        return self.stack.canUndo() and step_source(self.stack, self.stack.index() - 1) == SUMBER

    def _own_redo(self) -> bool:
        return self.stack.canRedo() and step_source(self.stack, self.stack.index()) == SUMBER

    def refresh(self) -> None:
        """Enable the buttons for the editor's own steps and name the step in their tooltips."""
        for tombol, kata, sendiri, ada, langkah, kunci in (
            (
                self.urungkan,
                "Urungkan",
                self._own_undo(),
                self.stack.canUndo(),
                self.stack.undoText(),
                "Ctrl+Z",
            ),
            (
                self.ulangi,
                "Ulangi",
                self._own_redo(),
                self.stack.canRedo(),
                self.stack.redoText(),
                "Ctrl+Y",
            ),
        ):
            tombol.setEnabled(sendiri)
            if sendiri:
                tombol.setToolTip(f"{kata}: {langkah} ({kunci})")
            elif ada:
                tombol.setToolTip(_bukan_langkah_skp(kata))
            else:
                tombol.setToolTip(f"Belum ada penghapusan SKP yang dapat di{kata.lower()}.")

    def undo(self) -> None:
        """Take back the editor's last step (Urungkan, Ctrl+Z)."""
        if self._own_undo():
            self.stack.undo()
        elif self.stack.canUndo():
            self.show_error(_bukan_langkah_skp("Urungkan"))

    def redo(self) -> None:
        """Perform again the editor's step just taken back (Ulangi, Ctrl+Y)."""
        if self._own_redo():
            self.stack.redo()
        elif self.stack.canRedo():
            self.show_error(_bukan_langkah_skp("Ulangi"))

    def ask_removal(self, judul: str, teks: str) -> bool:
        """Ask before a removal, saying what goes (``teks``) and that it can be undone; True
        when the operator chose Hapus (Batal is the default)."""
        box = kotak_pesan(self.editor, QMessageBox.Icon.Warning, judul, teks)
        box.setInformativeText(
            "Penghapusan dapat dibatalkan dengan tombol Urungkan (Ctrl+Z) di jendela ini, atau "
            "Sunting › Urungkan sesudah jendela ini ditutup, selama aplikasi belum ditutup. "
            "Penghapusan tercatat di Riwayat Perubahan."
        )
        hapus = box.addButton("Hapus", QMessageBox.ButtonRole.DestructiveRole)
        batal = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(batal)
        box.setEscapeButton(batal)
        box.exec()
        return box.clickedButton() is hapus

    def push_remove(
        self,
        teks: str,
        remove: Callable[[], Hasil[S]],
        reinsert: Callable[[S], Hasil[Any]],
        skp_id: int,
        baris_id: int | None = None,
    ) -> bool:
        """Perform ``remove`` as the undoable step ``teks``: undo gives what it carries to
        ``reinsert``, redo removes again. After each run the editor shows SKP ``skp_id`` (and
        plan row ``baris_id``) where they are back. True when the removal went through."""
        kept: list[S] = []

        def do() -> Hasil[S]:
            hasil = remove()
            kept[:] = [hasil.data]
            return hasil

        def on_done(perubahan: Perubahan) -> None:
            penampil = self._penampil()
            if penampil is not None:
                penampil.tampilkan(perubahan, skp_id, baris_id)
            if self.jendela is not None:
                # the window shows the message; no view of it shows an SKP
                self.jendela.apply_changes(Perubahan(pesan=perubahan.pesan))

        hasil = push_change(
            self.stack,
            teks,
            do,
            lambda: reinsert(kept[0]),
            on_done=on_done,
            on_refused=self._refused,
            parent=self._induk,
            source=SUMBER,
        )
        return hasil is not None

    def _penampil(self) -> "UrungSkp | None":
        """Where a step of this editor shows its change: this editor while it lives, else an
        editor opened again since (its Urungkan takes back this editor's steps too)."""
        if shiboken6.isValid(self):
            return self
        if not isinstance(self.jendela, QWidget) or not shiboken6.isValid(self.jendela):
            return None
        return next((u for u in self.jendela.findChildren(UrungSkp) if u.isVisible()), None)

    def _refused(self, judul: str, exc: KinerjaError) -> None:
        """A refusal in the editor while it is open, else in the window's message box."""
        if shiboken6.isValid(self) and self.isVisible():
            self.show_error(exc.pesan)
        elif self.jendela is not None:
            self.jendela.show_error(judul, exc.pesan)
        elif shiboken6.isValid(self):
            self.show_error(exc.pesan)


def _bukan_langkah_skp(kata: str) -> str:
    """Why Urungkan or Ulangi does nothing here: the next step is the main window's."""
    return (
        f"Langkah yang dapat di{kata.lower()} berikutnya dibuat di jendela utama, bukan di "
        f"penyunting SKP: {kata.lower()} di sana (menu Sunting) sesudah jendela ini ditutup."
    )
