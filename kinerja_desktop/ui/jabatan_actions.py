"""Add, rename, move and remove jabatan as undoable steps on the window's undo stack.

Each step calls an operation of :mod:`kinerja_desktop.db.ops_jabatan` (one transaction, a
Hasil back) through :func:`~kinerja_desktop.ui.operations.push_change`, so a refusal, a
full disk or a bug never leaves a step on the stack; undo and redo call the matching
operations later. Methods given all their values run without dialogs (tests and other views
use them) and raise :class:`~kinerja_desktop.errors.KinerjaError`; the ``*_dialog`` methods ask
the operator and show refusals themselves.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.jabatan_nodes import Node
from kinerja_desktop.ui.operations import push_change, run_once
from kinerja_desktop.ui.pesan import kotak_pesan

Notify = Callable[[Perubahan], None]
ShowError = Callable[[str, str], None]
T = TypeVar("T")


class JabatanActions(QObject):
    """The jabatan operations of the window, each pushed on the shared undo stack."""

    def __init__(
        self,
        stack: QUndoStack,
        window: QWidget,
        notify: Notify,
        show_error: ShowError,
    ) -> None:
        super().__init__(window)
        self.stack = stack
        self.window = window
        self.notify = notify
        self.show_error = show_error

    def _push(
        self, teks: str, do: Callable[[], Hasil[Any]], undo: Callable[[], Hasil[Any]]
    ) -> Hasil[Any] | None:
        """Perform ``do`` as an undoable step; a refusal of it is raised, a bug is shown and
        gives None."""
        return push_change(
            self.stack,
            teks,
            do,
            undo,
            on_done=self.notify,
            on_refused=self.show_error_of,
            parent=self.window,
            raise_first=True,
        )

    def show_error_of(self, judul: str, exc: KinerjaError) -> None:
        """Show a refusal of an undo or redo."""
        self.show_error(judul, exc.pesan)

    # --- with all values given: no dialogs, refusals raise ---------------------------------

    def add(self, tahun: int, nama: str, atasan_id: int | None, kode: str = "") -> int | None:
        """Add a jabatan; returns its id (None after a bug, which is shown)."""
        from kinerja_desktop.db import ops_jabatan  # its writers load on first use, not at start-up

        removed: list[ops_jabatan.JabatanSnapshot] = []
        added: list[int] = []

        def do() -> Hasil[Any]:
            if removed:  # redo after an undo: the same jabatan again, same id
                return ops_jabatan.reinsert_jabatan(removed[0])
            hasil = ops_jabatan.add_jabatan(tahun, nama, atasan_id, kode)
            added[:] = [hasil.data]
            return hasil

        def undo() -> Hasil[ops_jabatan.JabatanSnapshot]:
            hasil = ops_jabatan.remove_jabatan(added[0])
            removed[:] = [hasil.data]
            return hasil

        self._push(f"Tambah jabatan «{' '.join(nama.split())}»", do, undo)
        return added[0] if added else None

    def rename(self, jabatan_id: int, nama: str, kode: str | None = None) -> Perubahan | None:
        """Rename a jabatan (and change its code when ``kode`` is given)."""
        from kinerja_desktop.db import ops_jabatan  # its writers load on first use, not at start-up

        lama = queries_jabatan.jabatan_info(jabatan_id)
        baru: list[queries_jabatan.JabatanInfo] = []

        def do() -> Hasil[None]:
            if baru:
                return ops_jabatan.rename_jabatan(jabatan_id, baru[0].nama, baru[0].kode)
            hasil = ops_jabatan.rename_jabatan(jabatan_id, nama, kode)
            baru[:] = [queries_jabatan.jabatan_info(jabatan_id)]
            return hasil

        hasil = self._push(
            f"Ganti nama jabatan «{lama.nama}»",
            do,
            lambda: ops_jabatan.rename_jabatan(jabatan_id, lama.nama, lama.kode),
        )
        return hasil.perubahan if hasil is not None else None

    def move(self, jabatan_id: int, atasan_id: int | None) -> Perubahan | None:
        """Put a jabatan under ``atasan_id`` (None: directly under the Camat)."""
        from kinerja_desktop.db import ops_jabatan  # its writers load on first use, not at start-up

        nama = queries_jabatan.jabatan_info(jabatan_id).nama
        lama: list[ops_jabatan.Letak] = []
        baru: list[ops_jabatan.Letak] = []

        def do() -> Hasil[ops_jabatan.Letak]:
            if baru:
                return ops_jabatan.move_jabatan(jabatan_id, baru[0].atasan_id, baru[0].urutan)
            hasil = ops_jabatan.move_jabatan(jabatan_id, atasan_id)
            lama[:] = [hasil.data]
            baru[:] = [ops_jabatan.letak_jabatan(jabatan_id)]
            return hasil

        hasil = self._push(
            f"Pindahkan jabatan «{nama}»",
            do,
            lambda: ops_jabatan.move_jabatan(jabatan_id, lama[0].atasan_id, lama[0].urutan),
        )
        return hasil.perubahan if hasil is not None else None

    def remove(self, jabatan_id: int) -> Perubahan | None:
        """Remove a jabatan with its subtree (without asking: see :meth:`remove_dialog`)."""
        from kinerja_desktop.db import ops_jabatan  # its writers load on first use, not at start-up

        nama = queries_jabatan.jabatan_info(jabatan_id).nama
        kept: list[ops_jabatan.JabatanSnapshot] = []

        def do() -> Hasil[ops_jabatan.JabatanSnapshot]:
            hasil = ops_jabatan.remove_jabatan(jabatan_id)
            kept[:] = [hasil.data]
            return hasil

        hasil = self._push(
            f"Hapus jabatan «{nama}»", do, lambda: ops_jabatan.reinsert_jabatan(kept[0])
        )
        return hasil.perubahan if hasil is not None else None

    # --- asking the operator ---------------------------------------------------------------

    def attempt(self, judul: str, op: Callable[[], T]) -> tuple[T | None, bool]:
        """``op()``'s result, and whether it was refused: a refusal or an environment failure
        (a full disk, a locked database) is shown titled ``judul``, a bug by the bug dialog
        (result None, not refused)."""
        refusals: list[str] = []

        def refused(pesan: str) -> None:
            refusals.append(pesan)
            self.show_error(judul, pesan)

        return run_once(self.window, op, refused), bool(refusals)

    def add_dialog(self, tahun: int, atasan: Node | None) -> int | None:
        """Ask for the title and code of a new jabatan under ``atasan``; returns its id."""
        from kinerja_desktop.db import ops_jabatan  # its writers load on first use, not at start-up
        from kinerja_desktop.ui.jabatan_dialogs import JabatanDialog  # its window, when opened

        under = atasan.nama if atasan is not None else "Camat"
        dialog = JabatanDialog(
            self.window,
            "Tambah Jabatan",
            f"Jabatan baru akan berada langsung di bawah «{under}».",
            suggest=lambda nama: ops_jabatan.suggest_kode(tahun, nama),
        )
        atasan_id = atasan.jabatan_id if atasan is not None else None
        while dialog.exec():
            new_id, refused = self.attempt(
                "Jabatan tidak ditambahkan",
                lambda: self.add(tahun, dialog.nama, atasan_id, dialog.kode),
            )
            if not refused:  # else the dialog opens again with what was typed
                return new_id
        return None

    def rename_dialog(self, node: Node) -> None:
        """Ask for a new title and code of the jabatan ``node``."""
        from kinerja_desktop.ui.jabatan_dialogs import JabatanDialog  # its window, when opened

        if node.jabatan_id is None:
            return
        dialog = JabatanDialog(
            self.window,
            "Ganti Nama Jabatan",
            "Ubah nama atau kode jabatan. Kode dipakai di laporan dan berkas ekspor.",
            nama=node.nama,
            kode=node.kode,
        )
        jabatan_id = node.jabatan_id
        while dialog.exec():
            _, refused = self.attempt(
                "Nama jabatan tidak diubah",
                lambda: self.rename(jabatan_id, dialog.nama, dialog.kode),
            )
            if not refused:
                return

    def move_dialog(self, node: Node, root: Node) -> None:
        """Ask for the new atasan of the jabatan ``node`` ("Pindahkan ke…")."""
        from kinerja_desktop.ui.jabatan_dialogs import PindahkanDialog  # when opened

        if node.jabatan_id is None:
            return
        dialog = PindahkanDialog(self.window, root, node)
        if dialog.exec() and dialog.chosen is not None:
            jabatan_id, atasan_id = node.jabatan_id, dialog.chosen.jabatan_id
            self.attempt("Jabatan tidak dipindahkan", lambda: self.move(jabatan_id, atasan_id))

    def remove_dialog(self, node: Node) -> None:
        """Say what goes with the jabatan, and remove it when the operator agrees."""
        jabatan_id = node.jabatan_id
        if jabatan_id is None:
            return
        ringkasan, _ = self.attempt(
            "Jabatan tidak dihapus", lambda: queries_jabatan.removal_summary(jabatan_id)
        )
        if ringkasan is None:
            return
        box = kotak_pesan(self.window, QMessageBox.Icon.Warning, "Hapus Jabatan", ringkasan.kalimat)
        box.setInformativeText(
            "Penghapusan dapat dibatalkan dengan Sunting › Urungkan (Ctrl+Z) "
            "selama aplikasi belum ditutup."
        )
        hapus = box.addButton("Hapus", QMessageBox.ButtonRole.DestructiveRole)
        batal = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(batal)
        box.setEscapeButton(batal)
        box.exec()
        if box.clickedButton() is not hapus:
            return
        self.attempt("Jabatan tidak dihapus", lambda: self.remove(jabatan_id))
