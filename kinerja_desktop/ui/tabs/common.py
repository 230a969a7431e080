"""Pieces shared by the jabatan tabs: the tab base, editors, clipboard text.

Long because the tab base and the editors and clipboard helpers every tab uses; splitting them
would make each tab import four modules for one contract.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.ui.operations import push_change, run_once

Index = QModelIndex | QPersistentModelIndex
S = TypeVar("S")  # what a removal carries for its undo
T = TypeVar("T")


class KeadaanKosong(QWidget):
    """An empty state: a sentence saying why nothing is shown, and optionally an action."""

    def __init__(self, teks: str, tombol: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel(teks)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.button: QPushButton | None = None
        if tombol:
            row = QHBoxLayout()
            row.addStretch(1)
            self.button = QPushButton(tombol)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)


class PesanMelayang(QLabel):
    """A refusal floating over the bottom of a tab: it never pushes the table down, and it
    goes away by itself after a while, at a click, or at the next successful edit."""

    MIN_DETIK = 8  # long enough to read a sentence or two

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # a refusal quotes what was typed: "<b>" in a name must show as typed, not as markup
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #e6b0aa;"
            " padding: 4px; }"
        )
        self.setToolTip("Klik untuk menutup pesan ini.")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, teks: str) -> None:
        """Show ``teks`` over the bottom of the parent for a time fitting its length."""
        self.setText(teks)
        self.place()
        self.raise_()
        self.show()
        # about 15 characters a second of reading, never less than MIN_DETIK
        self.timer.start(max(self.MIN_DETIK, len(teks) // 15) * 1000)

    def place(self) -> None:
        """Lie along the bottom edge of the parent, as tall as the wrapped text needs."""
        induk = self.parentWidget()
        if induk is None:
            return
        lebar = max(induk.width() - 12, 100)
        tinggi = self.heightForWidth(lebar)
        self.setGeometry(6, induk.height() - tinggi - 6, lebar, tinggi)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.hide()
        event.accept()


class TabDasar(QWidget):
    """Base of the jabatan tabs: the contract the main window relies on.

    Subclasses build their content in ``self.isi`` and implement :meth:`reload`,
    :meth:`concerns`, :meth:`copy_selection` and :meth:`paste`. Their slots read the database
    through :meth:`read` (and reload through :meth:`refresh`), so that a database that cannot
    be read is explained over the tab like a refused edit.
    """

    changed = Signal(object)
    """Emitted with the :class:`Perubahan` of every edit, undo and redo made in this tab."""

    TEKS_TANPA_JABATAN = "Belum ada jabatan yang dipilih. Pilih jabatan pada daftar di kiri."

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.jabatan_id: int | None = None
        self._last_applied: Perubahan | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.pesan = PesanMelayang(self)
        self.stack = QStackedWidget()
        self.kosong = KeadaanKosong(self.TEKS_TANPA_JABATAN)
        self.isi = QWidget()
        self.stack.addWidget(self.kosong)
        self.stack.addWidget(self.isi)
        layout.addWidget(self.stack, 1)

    # -- the contract -------------------------------------------------------------------
    def set_jabatan(self, jabatan_id: int | None) -> None:
        """Show the jabatan ``jabatan_id``; None shows why the tab is empty."""
        self.jabatan_id = jabatan_id
        self.hide_error()
        if jabatan_id is None:
            self.stack.setCurrentWidget(self.kosong)
            return
        self.stack.setCurrentWidget(self.isi)
        self.refresh()

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Refresh when ``perubahan`` concerns what this tab shows."""
        if perubahan is self._last_applied or self.jabatan_id is None:
            return
        if self.concerns(perubahan):
            self.refresh()

    def copy_selection(self) -> None:
        """Copy the selected rows to the clipboard as tab-separated text."""
        raise NotImplementedError

    def paste(self) -> None:
        """Add or update rows from tab-separated text on the clipboard (one undo step)."""
        raise NotImplementedError

    # -- for subclasses -----------------------------------------------------------------
    def reload(self) -> None:
        """Read the shown jabatan's data again from the database (call :meth:`refresh`)."""
        raise NotImplementedError

    def refresh(self) -> bool:
        """:meth:`reload`, a failure to read explained over the tab (see :meth:`read`);
        False when it failed (what was shown stays)."""

        def reload() -> bool:
            self.reload()
            return True

        return self.read(reload) is not None

    def read(self, op: Callable[[], T]) -> T | None:
        """Run ``op``, a read of the database asked for by the operator; None when it failed.

        As for an edit (:func:`~kinerja_desktop.ui.operations.run_once`): a refusal or a
        database that cannot be read (locked, damaged, gone) is shown over the tab, a bug in
        the bug dialog. The caller then leaves what it was about to do undone.
        """
        return run_once(self, op, self.show_error)

    def concerns(self, perubahan: Perubahan) -> bool:
        """Whether ``perubahan`` changes what this tab shows."""
        raise NotImplementedError

    def push(
        self, teks: str, do: Callable[[], Hasil[Any]], undo: Callable[[], Hasil[Any]]
    ) -> Hasil[Any] | None:
        """Perform an edit as an undoable step on the window's undo stack; a refusal (or a
        full disk, a locked database...) is shown above the content and leaves no step.
        Returns the Hasil of the edit (None when it failed)."""
        return push_change(
            self.undo_stack,
            teks,
            do,
            undo,
            on_done=self.after_edit,
            on_refused=lambda _judul, exc: self.show_error(exc.pesan),
            parent=self,
        )

    def push_add(
        self,
        teks: str,
        add: Callable[[], Hasil[int]],
        remove: Callable[[int], Hasil[S]],
        reinsert: Callable[[S], Hasil[Any]],
    ) -> int | None:
        """Push an adding edit: ``add()`` carries the new row's id; undo removes that id
        (keeping what the removal carries) and redo reinserts it.

        Returns the new id, or None when the core refused the edit.
        """
        ids: list[int] = []
        kept: list[S] = []

        def do() -> Hasil[Any]:
            if kept:
                return reinsert(kept[0])
            hasil = add()
            ids[:] = [hasil.data]
            return hasil

        def undo() -> Hasil[S]:
            hasil = remove(ids[0])
            kept[:] = [hasil.data]
            return hasil

        self.push(teks, do, undo)
        return ids[0] if ids else None

    def push_remove(
        self,
        teks: str,
        remove: Callable[[], Hasil[S]],
        reinsert: Callable[[S], Hasil[Any]],
    ) -> None:
        """Push a removing edit: undo reinserts what ``remove()`` carries."""
        kept: list[S] = []

        def do() -> Hasil[S]:
            hasil = remove()
            kept[:] = [hasil.data]
            return hasil

        self.push(teks, do, lambda: reinsert(kept[0]))

    def after_edit(self, perubahan: Perubahan) -> None:
        """Refresh after an edit of this tab (or its undo) and tell the window."""
        self.hide_error()
        if self.jabatan_id is not None and self.concerns(perubahan):
            self.refresh()
        self._last_applied = perubahan
        self.changed.emit(perubahan)

    def show_error(self, teks: str) -> None:
        """Show a refusal over the bottom of the tab (until the next successful edit, a click
        on it, or a few seconds)."""
        self.pesan.show_text(teks)

    def hide_error(self) -> None:
        """Hide the refusal line."""
        self.pesan.hide()
        self.pesan.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.pesan.isVisible():
            self.pesan.place()


class PilihanDelegate(QStyledItemDelegate):
    """Drop-down editors for fixed choices; a choice is saved as soon as it is made."""

    def combo_editor(self, parent: QWidget, choices: Iterable[tuple[str, Any]]) -> QComboBox:
        """A drop-down of ``(label, stored value)`` pairs that commits on activation."""
        combo = QComboBox(parent)
        for label, value in choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _=0, c=combo: self.commit_now(c))
        return combo

    def commit_now(self, editor: QWidget) -> None:
        """Save what ``editor`` holds and close it (no Enter needed)."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(max(0, editor.findData(value)))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class TeksDelegate(QStyledItemDelegate):
    """A multi-line editor for long text: Enter saves, Shift+Enter starts a new line."""

    MIN_TINGGI = 72

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        if not self.is_long_text(index):
            return super().createEditor(parent, option, index)
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        # Long texts wrap inside the editor as they do in the cell, never scroll sideways.
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setToolTip("Enter: simpan · Shift+Enter: baris baru · Esc: batal")
        editor.installEventFilter(self)
        return editor

    def is_long_text(self, index: Index) -> bool:
        """Whether the cell gets the multi-line editor (override per table)."""
        return True

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def updateEditorGeometry(  # noqa: N802
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        if isinstance(editor, QPlainTextEdit):
            rect = QRect(option.rect)
            rect.setHeight(max(rect.height(), self.MIN_TINGGI))
            editor.setGeometry(rect)
            return
        super().updateEditorGeometry(editor, option, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(watched, event)


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Rows as tab-separated text the way Excel and LibreOffice copy them.

    Cells holding tabs, line breaks or quotes are quoted, doubling the quotes inside.
    """

    def cell(value: str) -> str:
        if any(ch in value for ch in '\t\n\r"'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join("\t".join(cell(v) for v in row) + "\n" for row in rows)


def from_tsv(text: str) -> list[list[str]]:
    """Parse tab-separated text from Excel/LibreOffice (quoted cells may hold line breaks)."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # A quoted cell: runs to the closing quote; "" is a quote inside.
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return [r for r in rows if any(c.strip() for c in r)]


def clipboard_text() -> str:
    """The text on the system clipboard."""
    return QGuiApplication.clipboard().text()


def set_clipboard_text(text: str) -> None:
    """Put ``text`` on the system clipboard."""
    QGuiApplication.clipboard().setText(text)


def add_view_action(
    view: QAbstractItemView,
    teks: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: Callable[[], object],
) -> QAction:
    """An action of a table: in its right-click menu, and with a key that works only while the
    table has the focus (so Delete in a table never deletes the jabatan chosen in the tree)."""
    action = QAction(teks, view)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda *_: slot())
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
