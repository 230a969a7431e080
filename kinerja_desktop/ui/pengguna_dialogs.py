"""Who is working, in the window: the login at start (only when several users exist), the
user in the status bar, and Berkas › Ganti Pengguna."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.sesi import Sesi, needs_login, pengguna_aktif
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.pesan import peringatan, show_refusal


class DialogMasuk(QDialog):
    """Choose the user and give the password; a refusal (wrong password, wait) stays shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Masuk ke Kinerja Desktop")
        self.hasil: Hasil[Sesi] | None = None  # the login, once it succeeded
        self.nama = QComboBox()
        self.nama.setAccessibleName("Pengguna")
        # the password module (hmac, secrets) only when someone logs in, not at every start
        from kinerja_desktop.db.pengguna import daftar_pengguna

        for p in daftar_pengguna():
            if p.aktif:
                self.nama.addItem(f"{p.nama_lengkap or p.nama} ({p.peran.label})", p.nama)
        self.sandi = QLineEdit()
        self.sandi.setEchoMode(QLineEdit.EchoMode.Password)
        self.sandi.setAccessibleName("Sandi")
        self.pesan = QLabel(
            "Komputer ini dipakai beberapa orang: pilih nama Anda dan ketik sandi. Setiap "
            "perubahan dicatat atas nama Anda."
        )
        self.pesan.setTextFormat(Qt.TextFormat.PlainText)  # it shows typed names
        self.pesan.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Nama:", self.nama)
        form.addRow("&Sandi:", self.sandi)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = tombol.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Masuk")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        tombol.accepted.connect(self.log_in)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pesan)
        layout.addLayout(form)
        layout.addWidget(tombol)
        self.sandi.setFocus()
        self.setMinimumWidth(420)

    def log_in(self) -> None:
        """Check the password; accept, or say why not and stay open."""
        nama, sandi = self.nama.currentData() or "", self.sandi.text()
        from kinerja_desktop.db.pengguna import begin_session

        self.hasil = run_once(self, lambda: begin_session(nama, sandi), self._refused)
        if self.hasil is not None:
            self.accept()

    def _refused(self, pesan: str) -> None:
        show_refusal(self.pesan, pesan)
        self.sandi.selectAll()
        self.sandi.setFocus()


def ask_log_in(parent: QWidget | None = None) -> bool:
    """Ask who is working when several users exist; False when the person cancelled.

    An office with one user (or none) is never asked.
    """
    if not needs_login():
        return True
    return DialogMasuk(parent).exec() == QDialog.DialogCode.Accepted


def teks_pengguna() -> str:
    """The status bar's words for the user at work ("" when nobody must log in)."""
    if not needs_login():
        return ""
    try:
        return f"Pengguna: {pengguna_aktif().label}"
    except KinerjaError:
        return "Belum masuk"


def add_user_label(window: Any) -> QLabel:
    """Add the user label to the window's status bar (empty for a single-user office)."""
    label = QLabel(teks_pengguna(), window)
    label.setAccessibleName("Pengguna yang bekerja")
    window.statusBar().addPermanentWidget(label)
    return label


def switch_user(window: Any) -> None:
    """Berkas › Ganti Pengguna: log in as someone else; every view shows what they may do."""
    from kinerja_desktop.db.pengguna import daftar_pengguna

    judul = "Ganti Pengguna tidak dapat dibuka"
    keadaan = run_once(
        window,
        lambda: (needs_login(), bool(daftar_pengguna())),
        lambda pesan: peringatan(window, judul, pesan),
    )
    if keadaan is None:
        return
    perlu, ada_pengguna = keadaan
    if not perlu:
        from kinerja_desktop.command_line import command

        # the first user must be an administrator: name the role the command will accept
        peran = "PERAN" if ada_pengguna else "administrator"
        tambah = command(window.db_path, "pengguna", "tambah", "NAMA", "--peran", peran)
        window.statusBar().showMessage(
            "Hanya ada satu pengguna aktif: tidak perlu masuk. Tambahkan pengguna dengan "
            f"perintah {tambah}.",
            10000,
        )
        return
    dialog = build_dialog(window, lambda: DialogMasuk(window), judul)
    if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted or dialog.hasil is None:
        return
    window.label_pengguna.setText(teks_pengguna())
    # the new user neither undoes the previous user's steps nor sees their buttons
    window.undo_stack.clear()
    window.apply_changes(dialog.hasil.perubahan)


def create_actions(window: Any) -> list[QAction]:
    """Berkas › Ganti Pengguna… for the main window."""
    action = QAction("&Ganti Pengguna…", window)
    action.setStatusTip("Masuk sebagai pengguna lain (bila komputer ini dipakai beberapa orang)")
    action.triggered.connect(lambda *_: switch_user(window))
    return [action]
