"""Data › Salin Tahun: the year to copy into, with what will be copied and what will not, and
the copy itself on the window's worker thread."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.queries import years
from kinerja_desktop.db.years import read_isi_tahun
from kinerja_desktop.domain.periode import TAHUN_MAX, TAHUN_MIN
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import build_dialog, show_bug
from kinerja_desktop.ui.tasks import TaskState

if TYPE_CHECKING:
    from kinerja_desktop.db.changes import Hasil
    from kinerja_desktop.db.years import SalinanTahun


class SalinTahunDialog(QDialog):
    """Choose the new year; the dialog says, with counts, what the copy takes along (the IKI,
    the holders, the targets) and what stays behind (realisasi, the import history)."""

    def __init__(self, parent: QWidget | None, dari: int) -> None:
        # read before the dialog is made: a failed read leaves no half-made dialog behind
        ada, isi = set(years()), read_isi_tahun(dari)
        super().__init__(parent)
        self.setWindowTitle("Salin Tahun")
        self.dari = dari
        self.ada = ada
        self.ke = QSpinBox(self)
        self.ke.setRange(TAHUN_MIN, TAHUN_MAX)
        self.ke.setValue(max(self.ada | {dari}) + 1)
        self.ke.valueChanged.connect(lambda _: self._check())
        disalin = QLabel(
            f"<b>Yang disalin dari tahun {dari}:</b><ul>"
            f"<li>{isi.jabatan} jabatan dengan susunan atasan-bawahannya, {isi.tugas_fungsi} "
            "tugas dan fungsi</li>"
            f"<li>{isi.sasaran} sasaran dan {isi.indikator} indikator dengan "
            f"{isi.sub_indikator} sub-butir, rumus, satuan dan sumber datanya</li>"
            f"<li>{isi.pemangku} pemangku jabatan (pegawai yang sama)</li>"
            f"<li>{isi.target} target, ditandai «Disalin dari tahun lalu» untuk disesuaikan</li>"
            f"<li>{isi.program} program dengan {isi.kegiatan} kegiatan dan anggarannya, "
            f"{isi.rencana_aksi} rencana aksi dan sub-aksi dengan penanggung jawabnya</li>"
            "<li>nomor keputusan (dengan tahun baru) dan penandatangan</li>"
            "<li>naskah Perjanjian Kinerja dan nama Bupati/Wali Kota: tahun baru menyimpan "
            "salinannya sendiri, jadi mengubah naskah satu tahun tidak mengubah tahun lain</li>"
            "</ul>",
            self,
        )
        disalin.setWordWrap(True)
        tidak = QLabel(
            f"<b>Yang tidak disalin:</b><ul>"
            f"<li>{isi.realisasi} realisasi: capaian tahun baru dimulai dari kosong</li>"
            f"<li>{isi.realisasi_anggaran} realisasi anggaran dan {isi.keterangan} "
            "keterangan/kendala monev</li>"
            "<li>SKP pegawai dan evaluasinya: SKP tahun baru dibuat dari IKI tahun baru "
            "(Laporan › SKP Pegawai)</li>"
            "<li>teks Laporan Kinerja: tahun baru mulai dari usulan otomatis; teks tahun lalu "
            "dapat diambil per bagian di Laporan › Teks Laporan Kinerja</li>"
            f"<li>riwayat impor ({isi.impor} berkas) dan status persetujuan</li></ul>"
            f"Tahun {dari} tetap utuh; sebelum menyalin, basis data dicadangkan.",
            self,
        )
        tidak.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Salin ke &tahun:", self.ke)
        self.pesan = QLabel("", self)
        self.pesan.setWordWrap(True)
        self.pesan.setStyleSheet("QLabel { color: #8a1c1c; }")
        self.tombol = QDialogButtonBox(self)
        self.btn_salin = self.tombol.addButton("&Salin", QDialogButtonBox.ButtonRole.AcceptRole)
        batal = self.tombol.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_salin.clicked.connect(self.accept)
        batal.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(disalin)
        layout.addWidget(tidak)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(self.tombol)
        self.setMinimumWidth(520)
        self._check()

    def _check(self) -> None:
        ke = self.ke.value()
        if ke in self.ada:
            self.pesan.setText(
                f"Tahun {ke} sudah ada; penyalinan tidak menimpa tahun yang ada. Pilih tahun lain."
            )
        else:
            self.pesan.setText("")
        self.btn_salin.setEnabled(ke not in self.ada)

    @classmethod
    def ask(cls, parent: QWidget | None, dari: int) -> int | None:
        """The year chosen to copy ``dari`` into, or None when the operator cancels (or the
        dialog could not read what it shows: a box says why)."""
        dialog = build_dialog(parent, lambda: cls(parent, dari), "Salin Tahun tidak dapat dibuka")
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.ke.value()


def run_copy(window: Any, dari: int, ke: int) -> TaskState:
    """Copy the IKI of ``dari`` into ``ke`` on the worker thread of ``window`` (the main
    window), behind a progress dialog; the window then shows ``ke`` (a refusal is shown,
    nothing is half copied)."""
    progress = QProgressDialog(f"Menyalin IKI tahun {dari} ke tahun {ke}…", "", 0, 0, window)
    progress.setWindowTitle("Salin Tahun")
    progress.setCancelButton(None)  # one transaction: it finishes whole or not at all
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def finish() -> None:
        # reset() also stops the timer that would show the dialog after the job ended
        progress.reset()
        progress.close()
        progress.deleteLater()

    def job(state: TaskState) -> "Hasil[SalinanTahun]":
        from kinerja_desktop.db.years import copy_year

        return copy_year(dari, ke)

    def done(hasil: "Hasil[SalinanTahun]") -> None:
        finish()
        if window.show_year(ke):  # else the status bar says why it is not shown
            window.statusBar().showMessage(hasil.perubahan.pesan, 10000)

    def failed(exc: KinerjaError) -> None:
        finish()
        window.show_error("Tahun tidak disalin", exc.pesan)

    def crashed(detail: str) -> None:
        finish()
        show_bug(window, detail)

    return window.tasks.run(job, done, failed, on_crash=crashed)
