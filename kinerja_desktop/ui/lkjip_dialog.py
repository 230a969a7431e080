"""The "Laporan Kinerja" dialog: year, PDF or Word, paper, folder and the Camat's signature,
with what is missing (holders, NIP and pangkat, indicators without data) and which parts are
still generated drafts listed before anything is written (see :mod:`dialog_laporan`).

The main window adds it to the Laporan menu through :func:`create_actions`, with the editor
of the report's texts (:mod:`lkjip_editor`).
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.db.queries import latest_year
from kinerja_desktop.reports.lkjip import default_filename, export_lkjip
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.pesan import kotak_pesan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState


class LkjipDialog(DialogLaporan):
    """Writes the Laporan Kinerja of one year to a PDF or a Word document."""

    bagian_bantuan = Bagian.LKJIP

    def __init__(
        self, parent: QWidget | None, tahun: int | None, runner: TaskRunner | None = None
    ) -> None:
        pilih = tahun if tahun is not None else latest_year()
        super().__init__(parent, "Laporan Kinerja (LKjIP)", pilih, "folder_lkjip", runner)
        # the second kind of file is Word, for the office to finish the report
        self.excel.setText("&Word (.docx), untuk disunting di Word atau LibreOffice Writer")
        self._draf = 0
        self.fill_proposals()
        self.show_kekurangan()

    def baris_isi(self) -> None:
        """What to check before writing, and the way to the texts."""
        self.kekurangan = QPlainTextEdit()
        self.kekurangan.setReadOnly(True)
        self.kekurangan.setMinimumHeight(130)
        self.sunting = QPushButton("&Sunting teks dan target Renstra…")
        self.sunting.clicked.connect(self._edit_narasi)
        kotak = QVBoxLayout()
        kotak.setContentsMargins(0, 0, 0, 0)
        kotak.addWidget(self.kekurangan)
        kotak.addWidget(self.sunting)
        self.add_row("Periksa dulu:", kotak)
        self._pilihan.append(self.sunting)

    @property
    def akhiran_berkas(self) -> str:
        """ ".pdf" or ".docx"."""
        return ".pdf" if self.pdf.isChecked() else ".docx"

    def nama_bawaan(self) -> str:
        """``LKjIP-2026``."""
        return default_filename(self.tahun.currentData() or 0, "")

    def label_tanggal_kosong(self) -> str:
        """A Laporan Kinerja is dated by hand when it is signed, early the next year."""
        tahun = self.tahun.currentData()
        return f"diisi tangan (……… {tahun + 1})" if tahun else "diisi tangan"

    def tahun_berubah(self) -> None:
        """Check the newly chosen year."""
        self.show_kekurangan()

    def show_kekurangan(self) -> None:
        """List what is missing and which parts are drafts, for the chosen year."""
        from kinerja_desktop.reports.lkjip_data import build_lkjip_report

        tahun = self.tahun.currentData()
        if tahun is None:
            self.kekurangan.setPlainText("Belum ada tahun di basis data.")
            return
        laporan = run_once(self, lambda: build_lkjip_report(tahun), self.kekurangan.setPlainText)
        if laporan is None:
            return
        self._draf = len(laporan.narasi_draf)
        baris = laporan.kekurangan
        self.kekurangan.setPlainText(
            "\n".join(f"• {b}" for b in baris)
            if baris
            else "Tidak ada yang kurang: semua jabatan berpemangku, semua indikator berdata, "
            "semua teks sudah diterima."
        )

    def _edit_narasi(self) -> None:
        from kinerja_desktop.ui.lkjip_editor import LkjipEditor

        LkjipEditor(self, self.tahun.currentData()).exec()
        self.show_kekurangan()

    def start(self) -> TaskState | None:
        """Write, after the operator confirmed printing parts that are still drafts."""
        self.show_kekurangan()
        if self._draf and not self._ask_to_write_drafts():
            return None
        return super().start()

    def _ask_to_write_drafts(self) -> bool:
        box = kotak_pesan(self, QMessageBox.Icon.Question, "", "")
        box.setWindowTitle("Masih ada usulan otomatis")
        box.setText(
            f"{self._draf} bagian teks masih usulan otomatis yang belum diperiksa; bagian itu "
            "dicetak bertanda [USULAN OTOMATIS]. Tulis laporan sekarang?"
        )
        tulis = box.addButton("Tulis laporan", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Periksa teks dulu", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is tulis

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the report on the worker thread."""
        tahun, kertas = self.tahun.currentData(), self.kertas.currentData()

        def job(state: TaskState) -> Path:
            return export_lkjip(tahun, target, kertas, ttd, state.progress)

        return job


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "Laporan Kinerja (LKjIP)…" and "Teks Laporan Kinerja…" actions."""
    laporan = QAction("Laporan K&inerja (LKjIP)…", window)
    laporan.setStatusTip("Menulis Laporan Kinerja tahunan ke PDF atau Word")

    def open_dialog() -> None:
        dialog = build_dialog(
            window,
            lambda: LkjipDialog(
                window, getattr(window, "tahun", None), getattr(window, "tasks", None)
            ),
            "Laporan Kinerja tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    laporan.triggered.connect(open_dialog)
    teks = QAction("&Teks Laporan Kinerja…", window)
    teks.setStatusTip("Menulis dan memeriksa teks Laporan Kinerja serta target Renstra")

    def edit_narasi() -> None:
        from kinerja_desktop.ui.lkjip_editor import LkjipEditor

        editor = build_dialog(
            window,
            lambda: LkjipEditor(window, getattr(window, "tahun", None)),
            "Teks Laporan Kinerja tidak dapat dibuka",
        )
        if editor is not None:
            editor.exec()

    teks.triggered.connect(edit_narasi)
    return [laporan, teks]
