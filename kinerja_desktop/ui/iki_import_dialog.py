"""Data › Impor IKI dari Excel…: choose the workbook and the year, see what will be created
(and what replaced), then import it all or nothing after a backup (exchange.iki_import)."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.operations import run_once

if TYPE_CHECKING:  # the importer (and its zip and XML readers) loads only when used
    from kinerja_desktop.exchange.iki_import import PratinjauIKI


class PratinjauIKIDialog(QDialog):
    """The preview: counts, one line per jabatan, and the replace choice when it applies."""

    def __init__(self, pratinjau: "PratinjauIKI", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Impor IKI Tahun {pratinjau.tahun}")
        ringkas = QLabel(pratinjau.ringkasan(), self)
        ringkas.setWordWrap(True)
        daftar = QPlainTextEdit("\n".join(pratinjau.baris_jabatan()), self)
        daftar.setReadOnly(True)
        # what the replacement does, counted as `iki impor` prints it; the box only agrees
        lama = QLabel(pratinjau.kalimat_ganti(), self)
        lama.setWordWrap(True)
        lama.setVisible(pratinjau.ganti)
        self.ganti = QCheckBox(f"Ganti seluruh IKI tahun {pratinjau.tahun} yang sudah ada", self)
        self.ganti.setVisible(pratinjau.ganti)
        catatan = QLabel(
            "Cadangan dibuat dahulu; semuanya disimpan dalam satu langkah atau tidak sama sekali.",
            self,
        )
        catatan.setWordWrap(True)
        self.tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.tombol.button(QDialogButtonBox.StandardButton.Ok).setText("Impor")
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.tombol.accepted.connect(self.accept)
        self.tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (ringkas, daftar, lama, self.ganti, catatan, self.tombol):
            layout.addWidget(widget)
        if pratinjau.ganti:
            ok = self.tombol.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(False)
            self.ganti.toggled.connect(ok.setEnabled)
        self.resize(640, 460)


def import_iki(window: Any, berkas: Path | None = None, tahun: int | None = None) -> bool:
    """Ask for the workbook and year (unless given), preview, import; True when imported."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from kinerja_desktop.exchange.iki_import import apply_iki, read_iki

    if berkas is None:
        nama, _ = QFileDialog.getOpenFileName(
            window, "Impor IKI dari Excel", str(Path.home()), "Buku kerja Excel (*.xlsx)"
        )
        if not nama:
            return False
        berkas = Path(nama)
    if tahun is None:
        awal = getattr(window, "tahun", None) or date.today().year
        tahun, ok = QInputDialog.getInt(
            window, "Impor IKI dari Excel", "IKI ini untuk tahun:", awal, 2000, 2100
        )
        if not ok:
            return False

    def refused(pesan: str) -> None:
        window.show_error("IKI tidak diimpor", pesan)

    pratinjau = run_once(window, lambda: read_iki(berkas, tahun), refused)
    if pratinjau is None:
        return False
    dialog = PratinjauIKIDialog(pratinjau, window)
    if not dialog.exec():
        return False
    ganti = dialog.ganti.isChecked()
    hasil = run_once(window, lambda: apply_iki(pratinjau, ganti), refused)
    if hasil is None:
        return False
    window.show_year(tahun)
    window.apply_changes(hasil.perubahan)
    return True


def write_template(window: Any, folder: Path | None = None) -> Path | None:
    """Write the blank IKI workbook into a folder the operator picks; return its path."""
    from PySide6.QtWidgets import QFileDialog

    from kinerja_desktop.reports.iki_templat import write_iki_template

    if folder is None:
        nama = QFileDialog.getExistingDirectory(window, "Simpan Templat IKI ke folder")
        if not nama:
            return None
        folder = Path(nama)
    tahun = getattr(window, "tahun", None)
    path = run_once(
        window,
        lambda: write_iki_template(folder, tahun),
        lambda pesan: window.show_error("Templat IKI tidak ditulis", pesan),
    )
    if path is None:
        return None
    window.statusBar().showMessage(
        f"Templat IKI ditulis ke {path}. Isi di Excel atau LibreOffice, lalu impor dengan "
        "Data › Impor IKI dari Excel…",
        15000,
    )
    return path


def create_actions(window: Any) -> list[QAction]:
    """The Data menu's "Impor IKI dari Excel…" and "Templat IKI Kosong…"."""
    action = QAction("Impor IKI dari &Excel…", window)
    action.setStatusTip("Membaca IKI satu tahun dari buku kerja hasil Cetak IKI (Excel)")
    action.triggered.connect(lambda: import_iki(window))
    templat = QAction("Temp&lat IKI Kosong…", window)
    templat.setStatusTip("Menulis buku kerja IKI kosong untuk diisi lalu diimpor")
    templat.triggered.connect(lambda: write_template(window))
    return [action, templat]
