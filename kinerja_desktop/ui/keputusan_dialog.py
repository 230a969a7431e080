"""Data › Kepala Keputusan…: nomor, tempat, tanggal, the signatory's jabatan line and the
signatory of the shown year's decree. Saved in one transaction; a refusal keeps the dialog open."""

from functools import partial
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.keputusan import (
    PenandatanganBaru,
    daftar_pegawai,
    read_kepala,
    set_kepala,
)
from kinerja_desktop.db.ops_pemangku import pangkat_list
from kinerja_desktop.domain.tanggal import BULAN
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.pesan import show_refusal

PEGAWAI_BARU = -1


class KeputusanDialog(QDialog):
    """Edit the header of ``tahun``'s decree; ``perubahan`` holds the saved change."""

    def __init__(self, tahun: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tahun = tahun
        self.perubahan: Perubahan | None = None
        self.setWindowTitle(f"Kepala Keputusan IKI Tahun {tahun}")
        kepala = read_kepala(tahun)
        self.nomor = QLineEdit(kepala.nomor, self)
        self.nomor.setPlaceholderText("mis. 188.45/12/35.07.12/2026")
        self.tempat = QLineEdit(kepala.tempat, self)
        self.tempat.setPlaceholderText("tempat penetapan, mis. Sumberpucung")
        self.bulan = QComboBox(self)
        self.bulan.addItem("(belum diisi)", None)
        for i, nama in enumerate(BULAN, start=1):
            self.bulan.addItem(nama, i)
        self.bulan.setCurrentIndex(kepala.bulan or 0)
        self.hari = QSpinBox(self)
        self.hari.setRange(0, 31)
        self.hari.setSpecialValueText("(tanpa tanggal)")
        self.hari.setValue(kepala.hari or 0)
        self.jabatan = QLineEdit(kepala.jabatan_penandatangan, self)
        self.jabatan.setPlaceholderText("mis. CAMAT SUMBERPUCUNG")
        self.penandatangan = QComboBox(self)
        self.penandatangan.addItem("(belum ada)", None)
        for p in daftar_pegawai():
            self.penandatangan.addItem(p.label, p.id)
        self.penandatangan.addItem("Pegawai baru…", PEGAWAI_BARU)
        index = self.penandatangan.findData(kepala.penandatangan_id)
        self.penandatangan.setCurrentIndex(max(index, 0))
        self.nip = QLineEdit(self)
        self.nip.setPlaceholderText("18 angka, mis. 19690505 199009 1 002")
        self.nama = QLineEdit(self)
        self.golongan = QComboBox(self)
        self.golongan.addItem("(tidak diisi)", "")
        for golongan, nama in pangkat_list():
            self.golongan.addItem(f"{nama} ({golongan})", golongan)

        form = QFormLayout()
        form.addRow("&Nomor keputusan:", self.nomor)
        form.addRow("&Tempat:", self.tempat)
        form.addRow("&Bulan:", self.bulan)
        form.addRow("Tangga&l:", self.hari)
        form.addRow("&Jabatan penandatangan:", self.jabatan)
        form.addRow("&Penandatangan:", self.penandatangan)
        self.baris_baru = [("NIP:", self.nip), ("Nama:", self.nama), ("Pangkat:", self.golongan)]
        for label, widget in self.baris_baru:
            form.addRow(label, widget)
        self.form = form
        self.pesan = QLabel("Yang kosong dicetak sebagai titik-titik untuk diisi tangan.", self)
        self.pesan.setWordWrap(True)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        tombol.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.save)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(tombol)
        self.penandatangan.currentIndexChanged.connect(lambda _: self._show_new_pegawai())
        self._show_new_pegawai()
        self.setMinimumWidth(600)  # the signatory line holds name, title and an 18-digit NIP

    def _show_new_pegawai(self) -> None:
        baru = self.penandatangan.currentData() == PEGAWAI_BARU
        for _, widget in self.baris_baru:
            self.form.setRowVisible(widget, baru)

    def save(self) -> None:
        """Save every field in one transaction; on a refusal, or a disk or database that
        fails, say why and stay open with everything typed."""
        pegawai = self.penandatangan.currentData()
        baru = None
        if pegawai == PEGAWAI_BARU:
            pegawai = None
            nip, nama = self.nip.text(), self.nama.text()
            baru = PenandatanganBaru(nip, nama, self.golongan.currentData() or "")
        fields = {
            "nomor": self.nomor.text(),
            "tempat": self.tempat.text(),
            "bulan": self.bulan.currentData(),
            "hari": self.hari.value() or None,
            "jabatan_penandatangan": self.jabatan.text(),
            "penandatangan_id": pegawai,
        }
        refused = partial(show_refusal, self.pesan)
        hasil = run_once(self, lambda: set_kepala(self.tahun, fields, baru), refused)
        if hasil is not None:
            self.perubahan = hasil.perubahan
            self.accept()


def create_actions(window: Any) -> list[QAction]:
    """The Data menu's "Kepala Keputusan…"."""
    action = QAction("Kep&ala Keputusan…", window)
    action.setStatusTip("Nomor, tempat, tanggal dan penandatangan keputusan IKI tahun ini")

    def open_dialog() -> None:
        tahun = getattr(window, "tahun", None)
        if tahun is None:
            window.show_error("Belum ada tahun", "Buat atau impor IKI satu tahun dahulu.")
            return
        dialog = build_dialog(
            window, lambda: KeputusanDialog(tahun, window), "Kepala Keputusan tidak dapat dibuka"
        )
        if dialog is not None and dialog.exec() and dialog.perubahan is not None:
            window.apply_changes(dialog.perubahan)

    action.triggered.connect(open_dialog)
    return [action]
