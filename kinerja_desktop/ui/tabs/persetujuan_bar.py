"""The approval line of the Target & Realisasi tab: the state of the chosen period of the
jabatan, who took the last step and when, and the steps the user at work may take.

The steps are the core's (db.persetujuan.take_step); a return or an unlock asks for its
note first. A step is not undoable (it is a decision, logged with its author); unlocking is
the way back from an approval.
"""

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.persetujuan import InfoPersetujuan, status_persetujuan, take_step
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.periode import semua_periode, tahun_
from kinerja_desktop.domain.persetujuan import Langkah, Status, langkah_tersedia
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import run_once

WARNA_STATUS = {
    Status.DRAF: "#eeeeee",
    Status.DIAJUKAN: "#fff2b3",
    Status.DIVERIFIKASI: "#d4e6f9",
    Status.DISETUJUI: "#c8e6c9",
}
_CATATAN = {
    Langkah.KEMBALIKAN: "Catatan untuk operator (apa yang harus diperbaiki):",
    Langkah.BUKA_KUNCI: "Alasan membuka kunci (dicatat di log):",
}


def kalimat_status(info: InfoPersetujuan) -> str:
    """``Disetujui oleh admin, 29 November 2026 02.45 (terkunci)`` and the note of a return."""
    if info.status is Status.DRAF and not info.oleh:
        return "Draf (belum diajukan)"
    teks = f"{info.status.label} oleh {info.oleh}, {format_waktu(info.waktu)}"
    if info.terkunci:
        teks += " — terkunci"
    if info.catatan:
        teks += f". Catatan: {info.catatan}"
    return teks


class PersetujuanBar(QWidget):
    """Period choice, state and step buttons for one jabatan; ``kirim`` gets each change."""

    def __init__(self, kirim: Callable[[Perubahan], None], galat: Callable[[str], None]) -> None:
        super().__init__()
        self._kirim = kirim
        self._galat = galat
        self.jabatan_id: int | None = None
        self.tahun: int | None = None
        self._periode_tampil = -1  # the period whose state the line shows
        self._catatan_tertunda: dict[Langkah, str] = {}  # a note typed for a step not taken
        self.periode = QComboBox()
        self.periode.setAccessibleName("Periode persetujuan")
        self.periode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.periode.setToolTip("Periode realisasi (atau target setahun) yang disetujui")
        self.periode.currentIndexChanged.connect(lambda _: self.load())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # holds notes and names typed
        self.status.setAccessibleName("Keadaan persetujuan")
        self.tombol: dict[Langkah, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        judul = QLabel("&Persetujuan:")
        judul.setBuddy(self.periode)
        layout.addWidget(judul)
        layout.addWidget(self.periode)
        layout.addWidget(self.status, 1)
        for langkah in Langkah:
            tombol = QPushButton(langkah.label + ("…" if langkah in _CATATAN else ""))
            tombol.clicked.connect(lambda *_, lk=langkah: self.take_step(lk))
            self.tombol[langkah] = tombol
            layout.addWidget(tombol)

    def set_jabatan(self, jabatan_id: int | None, tahun: int | None) -> None:
        """Show the state of ``jabatan_id`` (of year ``tahun``), keeping the chosen period."""
        self.jabatan_id = jabatan_id
        if tahun != self.tahun:
            self.tahun = tahun
            self.periode.blockSignals(True)
            self.periode.clear()
            if tahun is not None:
                for p in semua_periode(tahun):
                    self.periode.addItem(f"Realisasi {p.label}", f"realisasi:{p.id}")
                self.periode.addItem(f"Target {tahun_(tahun).label}", f"target:{tahun}")
            self.periode.blockSignals(False)
        self.load()

    def pilihan(self) -> tuple[str, str] | None:
        """The chosen kind and period, e.g. ``("realisasi", "2026Q1")``."""
        data = self.periode.currentData()
        if not data:
            return None
        jenis, periode = str(data).split(":")
        return jenis, periode

    def select(self, jenis: str, periode: str) -> None:
        """Choose a kind and period (as the grid's selection or a test asks)."""
        index = self.periode.findData(f"{jenis}:{periode}")
        if index >= 0:
            self.periode.setCurrentIndex(index)

    def load(self) -> None:
        """Read the state again and show the buttons the user may use; a database that cannot
        be read is said on the tab (as a refused step is), the line showing what it showed."""
        if run_once(self, self._load, self._galat) is None:
            with QSignalBlocker(self.periode):  # the choice goes back to the state shown
                self.periode.setCurrentIndex(self._periode_tampil)

    def _load(self) -> bool:
        pilihan = self.pilihan()
        if self.jabatan_id is None or pilihan is None:
            self.status.setText("")
            for tombol in self.tombol.values():
                tombol.hide()
            return True
        info = status_persetujuan(self.jabatan_id, *pilihan)
        self.status.setText(kalimat_status(info))
        self.status.setStyleSheet(
            f"QLabel {{ background: {WARNA_STATUS[info.status]}; padding: 2px 6px; }}"
        )
        try:
            peran = pengguna_aktif().peran
            boleh = set(langkah_tersedia(info.status, peran))
        except KinerjaError:
            boleh = set()
        for langkah, tombol in self.tombol.items():
            tombol.setVisible(langkah in boleh)
        self._periode_tampil = self.periode.currentIndex()
        return True

    def take_step(self, langkah: Langkah) -> None:
        """Take ``langkah`` for the chosen period; a return or unlock asks for its note."""
        pilihan = self.pilihan()
        if self.jabatan_id is None or pilihan is None:
            return
        catatan = ""
        if langkah in _CATATAN:
            catatan, ok = QInputDialog.getText(
                self,
                langkah.label,
                _CATATAN[langkah],
                QLineEdit.EchoMode.Normal,
                self._catatan_tertunda.get(langkah, ""),
            )
            if not ok:
                return
            self._catatan_tertunda[langkah] = catatan  # kept until the step is taken
        jabatan_id = self.jabatan_id
        # a decision, not an undo step: a refusal or a full disk is said on the tab
        hasil = run_once(
            self, lambda: take_step(langkah, jabatan_id, *pilihan, catatan), self._galat
        )
        if hasil is None:
            return  # a note typed for it waits in the next asking
        self._catatan_tertunda.pop(langkah, None)
        self.load()
        self._kirim(hasil.perubahan)
