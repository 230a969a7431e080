"""Berkas › Cadangkan ke… and Berkas › Pulihkan cadangan…: the GUI side of
:mod:`kinerja_desktop.db`'s backups.

Entry points:

- :func:`backup_to_folder` asks for a folder (remembered in the setting ``folder_terakhir``)
  and writes the dated backup zip there on the :class:`TaskRunner` thread.
- :func:`restore_from_file` asks for a backup file, checks it, asks for confirmation, backs up
  the current state and restores (:func:`kinerja_desktop.db.ops_restore.restore_database`). It
  returns that operation's :class:`Perubahan` when data was restored, and then **the caller
  must reload everything**: the database object was re-opened, every id may
  differ, so clear the undo stack, re-read the years and the tree, and refresh every tab.
  :func:`create_actions` does all of this for the main window; the kabupaten window has the
  same two items (:func:`backup_restore_actions`) and reads its workspace again.
- :func:`offer_restore_at_start` is the way out when the database cannot be opened at start-up.
"""

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from kinerja_desktop import APP_NAME, settings
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress, nama_asal, stand_in
from kinerja_desktop.db.restore import KeteranganCadangan
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.fileio import size_text
from kinerja_desktop.ui.operations import run_once, show_bug
from kinerja_desktop.ui.pesan import informasi, kotak_pesan, peringatan
from kinerja_desktop.ui.tasks import TaskRunner

BACKUP_FILTER = "Berkas cadangan Kinerja Desktop (*.zip *.sqlite3);;Semua berkas (*)"


def _start_folder() -> str:
    folder = settings.get("folder_terakhir")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


# --- Cadangkan ke… --------------------------------------------------------------------------


def backup_to_folder(
    parent: QWidget,
    db_path: DatabaseLocation,
    runner: TaskRunner,
    folder: Path | None = None,
    on_finished: Callable[[Path | None], None] | None = None,
) -> bool:
    """Berkas › Cadangkan ke…: write the backup zip into a folder the operator chooses.

    ``folder`` skips the chooser (tests). Runs on ``runner``; the result is shown in a message
    box and passed to ``on_finished`` (the zip, or None on failure). Returns False when the
    operator cancelled the chooser.
    """
    from kinerja_desktop.db.archive import export_backup

    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, "Cadangkan ke folder (mis. flashdisk)", _start_folder()
        )
        if not chosen:
            return False
        folder = Path(chosen)

    def job(_state: Any) -> Any:
        if isinstance(db_path, ServerAddress):
            from kinerja_desktop.db.server_copy import export_server_backup

            return export_server_backup(db_path, folder)
        return export_backup(db_path, folder)

    def done(hasil: Any) -> None:
        QApplication.restoreOverrideCursor()
        with contextlib.suppress(KinerjaError):
            settings.set_value("folder_terakhir", str(folder))
        informasi(
            parent,
            "Cadangan dibuat",
            f"Cadangan ditulis ke:\n{hasil.path}\n\nUkuran {size_text(hasil.ukuran)}; berisi "
            f"basis data dan {hasil.berkas_impor} berkas impor. Simpan flashdisk di tempat "
            "yang aman.",
        )
        if on_finished is not None:
            on_finished(hasil.path)

    def failed(exc: KinerjaError) -> None:
        QApplication.restoreOverrideCursor()
        peringatan(parent, "Cadangan tidak dibuat", exc.pesan)
        if on_finished is not None:
            on_finished(None)

    def crashed(detail: str) -> None:
        QApplication.restoreOverrideCursor()
        show_bug(parent, detail)
        if on_finished is not None:
            on_finished(None)

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    runner.run(job, done, failed, on_crash=crashed)
    return True


# --- Pulihkan cadangan… ---------------------------------------------------------------------


def confirmation_box(
    parent: QWidget | None, about: KeteranganCadangan, db_path: Path
) -> tuple[QMessageBox, Any]:
    """The question before a restore; returns the box and its "Pulihkan" button."""
    from kinerja_desktop.db.backup import backup_dir

    dibuat = format_waktu(about.dibuat) if about.dibuat else "tidak diketahui"
    box = kotak_pesan(
        parent,
        QMessageBox.Icon.Warning,
        "Pulihkan Data",
        "Ganti semua data sekarang dengan isi cadangan ini?",
    )
    asal = nama_asal(about.asal) if about.asal else "tidak tercatat"
    lain = (
        "\nPerhatian: cadangan ini dibuat dari basis data lain.\n"
        if about.dari_basis_data_lain(db_path)
        else ""
    )
    box.setInformativeText(
        f"Berkas: {about.path.name}\n"
        f"Dibuat: {dibuat}\n"
        f"Asal: {asal}\n{lain}"
        f"Isi: basis data ({size_text(about.ukuran_basis_data)}) dan "
        f"{about.berkas_impor} berkas impor\n\n"
        f"Semua perubahan sejak cadangan itu dibuat akan hilang dari basis data "
        f"{db_path.name}.\n\n"
        f"Keadaan sekarang lebih dulu disimpan sebagai cadangan di folder {backup_dir(db_path)}, "
        "sehingga pemulihan ini masih dapat dibatalkan dengan memulihkan cadangan itu."
    )
    pulihkan = box.addButton("Pulihkan", QMessageBox.ButtonRole.DestructiveRole)
    batal = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(batal)
    box.setEscapeButton(batal)
    return box, pulihkan


def _ask(parent: QWidget | None, about: KeteranganCadangan, db_path: Path) -> bool:
    box, pulihkan = confirmation_box(parent, about, db_path)
    box.exec()
    return box.clickedButton() is pulihkan


def restore_from_file(
    parent: QWidget | None,
    db_path: DatabaseLocation,
    runner: TaskRunner | None = None,
    source: Path | None = None,
    confirm: Callable[[KeteranganCadangan], bool] | None = None,
) -> Perubahan | None:
    """Berkas › Pulihkan cadangan…: restore the data from a backup file the operator chooses.

    ``source`` skips the file chooser and ``confirm`` the question (tests). Waits for the
    background work of ``runner`` first. Returns the change record of the restore when data
    was restored (the caller reloads everything, see the module text), None when cancelled
    or refused (the refusal, or why the disk or database failed, has been shown; nothing was
    changed).
    """
    from kinerja_desktop.db.ops_restore import check_restore, restore_database

    # where this PC keeps the database's backups: beside the file, or for a server its folder
    # in the data folder
    local = stand_in(db_path) if isinstance(db_path, ServerAddress) else db_path
    if source is None:
        source = _choose_backup(parent, local)
        if source is None:
            return None
    if runner is not None:
        runner.wait()  # no job may write while the data is replaced

    def refused(pesan: str) -> None:
        peringatan(parent, "Tidak dapat dipulihkan", pesan)

    with contextlib.ExitStack() as checks:
        # read and checked once: the question describes the copy that is then restored
        checked = run_once(
            parent, _busy_while(lambda: checks.enter_context(check_restore(source, db_path))),
            refused,
        )  # fmt: skip
        ask = confirm or (lambda about: _ask(parent, about, local))
        if checked is None or not ask(checked.keterangan):
            return None
        hasil = run_once(
            parent, _busy_while(lambda: restore_database(checked, db_path)), refused
        )
    return hasil.perubahan if hasil is not None else None


def _choose_backup(parent: QWidget | None, db_path: Path) -> Path | None:
    """The backups of this database to choose from, or another file (a flashdisk's zip)."""
    from kinerja_desktop.ui.pilih_cadangan import PilihCadanganDialog

    dialog = PilihCadanganDialog(parent, db_path)
    if not dialog.exec():
        return None
    if dialog.dipilih is not None:
        return dialog.dipilih
    chosen, _ = QFileDialog.getOpenFileName(
        parent, "Pulihkan dari berkas cadangan", _start_folder(), BACKUP_FILTER
    )
    return Path(chosen) if chosen else None


T = TypeVar("T")


def _busy_while(op: Callable[[], T]) -> Callable[[], T]:
    """``op`` with the wait cursor shown while it runs (and gone before any message)."""

    def run() -> T:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return op()
        finally:
            QApplication.restoreOverrideCursor()

    return run


# --- start-up -------------------------------------------------------------------------------


def offer_restore_at_start(pesan: str, db_path: Path) -> bool:
    """The database cannot be opened: show why and offer to restore the latest backup.

    Returns True when a backup was restored; the database is then open and bound again.
    """
    from kinerja_desktop.db.backup import latest_backup

    latest = latest_backup(db_path)
    box = kotak_pesan(None, QMessageBox.Icon.Critical, APP_NAME, pesan)
    tutup = box.addButton("Tutup", QMessageBox.ButtonRole.RejectRole)
    pulihkan_terakhir = None
    if latest is not None:
        pulihkan_terakhir = box.addButton(
            f"Pulihkan Cadangan {format_waktu(latest.waktu)}", QMessageBox.ButtonRole.AcceptRole
        )
    pilih = box.addButton("Pilih Berkas Cadangan…", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(pulihkan_terakhir or tutup)
    box.exec()
    clicked = box.clickedButton()
    if clicked is tutup or clicked is None:
        return False
    source = latest.path if clicked is pulihkan_terakhir and latest is not None else None
    if clicked is pilih:
        source = None
    return restore_from_file(None, db_path, source=source) is not None


# --- the windows' menus ----------------------------------------------------------------------


def reload_window(window: Any, perubahan: Perubahan) -> None:
    """Make the main window show the restored data (every id may have changed); data that
    cannot be read is said in the status bar (MainWindow.read)."""
    window.undo_stack.clear()  # the undo steps refer to rows of the data that was replaced
    ada = window.read(window.fill_years, "Data yang dipulihkan tidak ditampilkan")
    if ada is None:
        return
    tahun = window.tahun if window.tahun in ada else (ada[-1] if ada else None)
    window.set_tahun(tahun, kode=window.selected_kode())
    window.apply_changes(perubahan)  # everything changed, in the year now shown


def create_actions(window: Any) -> list[QAction]:
    """The Berkas menu's "Cadangkan ke…" and "Pulihkan cadangan…" actions for the main window.

    ``window`` provides ``db_path``, ``tasks`` (TaskRunner) and the methods used by
    :func:`reload_window`.
    """
    return backup_restore_actions(window, lambda perubahan: reload_window(window, perubahan))


def backup_restore_actions(window: Any, reload: Callable[[Perubahan], None]) -> list[QAction]:
    """The items "Cadangkan ke…" and "Pulihkan cadangan…" for a window (the main or the
    kabupaten one): the same items, so that a message naming them is true in either.
    ``window`` provides ``db_path`` and ``tasks`` (TaskRunner); ``reload`` shows the restored
    data (every id may have changed)."""
    cadangkan = QAction("&Cadangkan ke…", window)
    cadangkan.setStatusTip("Menyimpan basis data dan berkas impor ke folder lain, mis. flashdisk")
    cadangkan.triggered.connect(lambda: backup_to_folder(window, window.db_path, window.tasks))

    def restore_and_reload() -> None:
        perubahan = restore_from_file(window, window.db_path, window.tasks)
        if perubahan is not None:
            reload(perubahan)

    pulihkan = QAction("&Pulihkan cadangan…", window)
    pulihkan.setStatusTip("Mengganti data dengan isi berkas cadangan")
    pulihkan.triggered.connect(restore_and_reload)
    return [cadangkan, pulihkan]
