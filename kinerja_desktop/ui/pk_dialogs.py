"""The Perjanjian Kinerja's own dialogs: the statement text of a year (one for the whole office,
with the Bupati's name), and issuing the PK or a PK Perubahan. Opened from the Laporan menu
and from the Perjanjian Kinerja report dialog."""

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.pk import JANJI_BAWAAN, PEMBUKA_BAWAAN, read_naskah, set_naskah
from kinerja_desktop.reports.iki_data import daftar_jabatan
from kinerja_desktop.reports.pk_terbit import HasilTerbit, issue_pk, keadaan_terbit
from kinerja_desktop.ui.operations import build_dialog, run_once

MERAH = "color: #b00020;"


class NaskahPkDialog(QDialog):
    """Edit the statement text of ``tahun``'s Perjanjian Kinerja and the Bupati's name;
    ``perubahan`` holds the saved change."""

    def __init__(self, tahun: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tahun = tahun
        self.perubahan: Perubahan | None = None
        self.setWindowTitle(f"Naskah Perjanjian Kinerja Tahun {tahun}")
        naskah = read_naskah(tahun)
        if naskah.dari_tahun is None:
            asal = "Tahun ini memakai naskah bawaan."
        elif naskah.dari_tahun != tahun:
            asal = f"Tahun ini memakai naskah tahun {naskah.dari_tahun} sampai Anda menyimpannya."
        else:
            asal = "Naskah tahun ini sudah pernah disimpan."
        keterangan = QLabel(
            f"Naskah ini berlaku untuk Perjanjian Kinerja semua jabatan tahun {tahun}; tahun lain "
            f"menyimpan naskahnya sendiri. {asal} Nama, jabatan, pangkat dan NIP kedua pihak "
            "diisi dari data pemangku."
        )
        keterangan.setWordWrap(True)
        self.pembuka = QPlainTextEdit(naskah.pembuka)
        self.pembuka.setMaximumHeight(80)
        self.janji = QPlainTextEdit(naskah.janji)
        self.janji.setToolTip("Pisahkan paragraf dengan satu baris kosong.")
        self.nama_bupati = QLineEdit(naskah.nama_kepala_daerah)
        self.nama_bupati.setPlaceholderText("mis. Drs. H. M. SANUSI, M.M.")
        self.sebutan_bupati = QLineEdit(naskah.jabatan_kepala_daerah)
        self.sebutan_bupati.setPlaceholderText("mis. BUPATI MALANG")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (
            ("Kalimat &pembuka:", self.pembuka),
            ("&Isi perjanjian:", self.janji),
            ("&Nama Bupati/Wali Kota:", self.nama_bupati),
            ("Seb&utan Bupati/Wali Kota:", self.sebutan_bupati),
        ):
            teks = QLabel(label)
            teks.setBuddy(widget)
            form.addRow(teks, widget)
        petunjuk = QLabel(
            "Nama Bupati/Wali Kota dicetak sebagai pihak kedua pada Perjanjian Kinerja Camat."
        )
        petunjuk.setWordWrap(True)
        petunjuk.setStyleSheet("color: #444;")
        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.pesan.setStyleSheet(MERAH)
        tombol = QDialogButtonBox()
        self.simpan_tombol = tombol.addButton("&Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.bawaan = tombol.addButton("Naskah &bawaan", QDialogButtonBox.ButtonRole.ResetRole)
        tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.simpan_tombol.clicked.connect(self.save)
        self.bawaan.clicked.connect(self._fill_bawaan)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(keterangan)
        layout.addLayout(form)
        layout.addWidget(petunjuk)
        layout.addWidget(self.pesan)
        layout.addWidget(tombol)
        self.setMinimumSize(640, 520)

    def _fill_bawaan(self) -> None:
        self.pembuka.setPlainText(PEMBUKA_BAWAAN)
        self.janji.setPlainText(JANJI_BAWAAN)

    def save(self) -> None:
        """Keep the text of this year; on a refusal say why and stay open."""
        hasil = run_once(
            self,
            lambda: set_naskah(
                self.tahun,
                self.pembuka.toPlainText(),
                self.janji.toPlainText(),
                self.nama_bupati.text(),
                self.sebutan_bupati.text(),
            ),
            self.pesan.setText,
        )
        if hasil is None:
            return
        self.perubahan = hasil.perubahan
        self.accept()


class TerbitkanPkDialog(QDialog):
    """Issue the PK of ``tahun`` (all jabatan or one): the first time as the PK, after a change
    as a PK Perubahan with its reason. ``hasil`` holds what was issued, ``perubahan`` the
    change record."""

    def __init__(
        self, tahun: int, parent: QWidget | None = None, jabatan: str | None = None
    ) -> None:
        super().__init__(parent)
        self.tahun = tahun
        self.hasil: HasilTerbit | None = None
        self.perubahan: Perubahan | None = None
        self.setWindowTitle(f"Terbitkan Perjanjian Kinerja Tahun {tahun}")
        keterangan = QLabel(
            "Menerbitkan membekukan Perjanjian Kinerja sebagaimana datanya sekarang (target, "
            "program, anggaran, kedua pihak, naskah). Jabatan yang sudah pernah diterbitkan dan "
            "datanya berubah mendapat PK Perubahan: PK semula tetap tersimpan dan dapat dicetak, "
            "dan PK Perubahan mencantumkan apa yang berubah."
        )
        keterangan.setWordWrap(True)
        self.jabatan = QComboBox()
        self.jabatan.addItem("Semua jabatan", None)
        self.jabatan.addItem("Camat", "CAMAT")
        for j in daftar_jabatan(tahun):
            self.jabatan.addItem("    " * j.kedalaman + j.nama, j.kode)
        if jabatan:
            self.jabatan.setCurrentIndex(max(self.jabatan.findData(jabatan), 0))
        self.alasan = QLineEdit()
        self.alasan.setPlaceholderText('wajib untuk PK Perubahan, mis. "APBD Perubahan"')
        self.keadaan = QLabel()
        self.keadaan.setWordWrap(True)
        self.keadaan.setStyleSheet("color: #444;")
        form = QFormLayout()
        for label, widget in (("&Jabatan:", self.jabatan), ("&Alasan perubahan:", self.alasan)):
            teks = QLabel(label)
            teks.setBuddy(widget)
            form.addRow(teks, widget)
        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.pesan.setStyleSheet(MERAH)
        tombol = QDialogButtonBox()
        self.terbitkan: QPushButton = tombol.addButton(
            "&Terbitkan", QDialogButtonBox.ButtonRole.AcceptRole
        )
        tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.terbitkan.clicked.connect(self.issue)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(keterangan)
        layout.addLayout(form)
        layout.addWidget(self.keadaan)
        layout.addWidget(self.pesan)
        layout.addWidget(tombol)
        self.jabatan.currentIndexChanged.connect(lambda _: self._refresh())
        self._refresh()
        self.setMinimumWidth(600)

    def _refresh(self) -> None:
        """What issuing the chosen jabatan would do; when that cannot be read, the red line
        says why and nothing can be issued until it can."""
        jabatan = self.jabatan.currentData()
        keadaan = run_once(self, lambda: keadaan_terbit(self.tahun, jabatan), self.pesan.setText)
        if keadaan is None:
            self.keadaan.setText("")
            self.terbitkan.setEnabled(False)
            return
        belum = [k for k in keadaan if not k.terbit]
        berubah = [k for k in keadaan if k.berubah]
        tetap = len(keadaan) - len(belum) - len(berubah)
        baris = []
        if belum:
            baris.append(f"Akan diterbitkan pertama kali: {len(belum)} jabatan.")
        if berubah:
            nama = ", ".join(k.label for k in berubah[:6]) + (" …" if len(berubah) > 6 else "")
            baris.append(f"Akan menjadi PK Perubahan (datanya berubah): {nama}.")
        if tetap:
            baris.append(f"Tidak berubah sejak diterbitkan: {tetap} jabatan (dilewati).")
        self.keadaan.setText("\n".join(baris) or "Tidak ada yang perlu diterbitkan.")
        self.alasan.setEnabled(bool(berubah))
        self.terbitkan.setEnabled(bool(belum or berubah))

    def issue(self) -> None:
        """Issue; on a refusal (no reason for a PK Perubahan) say why and stay open."""
        hasil = run_once(
            self,
            lambda: issue_pk(self.tahun, self.jabatan.currentData(), self.alasan.text()),
            self.pesan.setText,
        )
        if hasil is None:
            return
        self.hasil, self.perubahan = hasil.data, hasil.perubahan
        self.accept()


def open_naskah(window: Any, tahun: int | None) -> None:
    """Open the statement text editor for ``tahun`` and hand the change to the window."""
    if tahun is None:
        return
    dialog = build_dialog(
        window,
        lambda: NaskahPkDialog(tahun, window),
        "Naskah Perjanjian Kinerja tidak dapat dibuka",
    )
    if dialog is not None and dialog.exec() and dialog.perubahan is not None:
        apply_changes = getattr(window, "apply_changes", None)
        if apply_changes is not None:
            apply_changes(dialog.perubahan)


def open_terbitkan(
    window: Any, tahun: int | None, jabatan: str | None = None
) -> HasilTerbit | None:
    """Open the issue dialog and hand the change to the window (its status line says what
    was issued)."""
    if tahun is None:
        return None
    dialog = build_dialog(
        window,
        lambda: TerbitkanPkDialog(tahun, window, jabatan),
        "Terbitkan PK tidak dapat dibuka",
    )
    if dialog is not None and dialog.exec() and dialog.perubahan is not None:
        apply_changes = getattr(window, "apply_changes", None)
        if apply_changes is not None:
            apply_changes(dialog.perubahan)
        return dialog.hasil
    return None
