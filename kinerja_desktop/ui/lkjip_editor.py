"""The Laporan Kinerja editor: the office writes the report's narrative parts and the Renstra
targets here, year by year.

Left, every part (Kata Pengantar … Penutup, then the analysis of each sasaran) with its state:
"usulan otomatis" (the draft written from the figures, not yet accepted), "diterima", or
"angka berubah" (accepted, but the figures moved since). Right, the text. A draft is never
stored until the operator accepts or edits it; last year's text comes in only through the
button that names the year; unsaved edits are never dropped silently (switching part, year or
closing asks first).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.ops_lkjip import remove_teks_lkjip, set_teks_lkjip
from kinerja_desktop.db.queries import latest_year, years
from kinerja_desktop.db.queries_lkjip import teks_lkjip, teks_tahun_lalu
from kinerja_desktop.domain.lkjip import Asal
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.reports.lkjip_data import LaporanKinerja, Narasi, build_lkjip_report
from kinerja_desktop.ui.lkjip_renstra import TabRenstra
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.pesan import kotak_pesan

WARNA_DRAF, WARNA_BERUBAH, WARNA_OK = "#8a4b00", "#b00020", "#1b5e20"


def keadaan(n: Narasi) -> tuple[str, str]:
    """The state of a part as the editor says it, with its colour."""
    if n.draf:
        return "usulan otomatis, belum diterima", WARNA_DRAF
    if n.angka_berubah:
        return "diterima; angka berubah sesudahnya, periksa lagi", WARNA_BERUBAH
    return "diterima", WARNA_OK


def label_singkat(n: Narasi) -> str:
    """The state in the list of parts, short enough not to be cut off."""
    return "usulan" if n.draf else "angka berubah" if n.angka_berubah else "diterima"


class LkjipEditor(QDialog):
    """Edits the narrative texts and the Renstra targets of one year's Laporan Kinerja."""

    def __init__(self, parent: QWidget | None, tahun: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Teks Laporan Kinerja")
        self.resize(980, 640)
        self.laporan: LaporanKinerja | None = None
        self._kunci: str | None = None  # the part shown in the editor
        self._dasar = ""  # the text the editor started from (to tell an edit)
        self._dari_tahun_lalu: str | None = None  # last year's text, when taken over

        self.tahun = QComboBox()
        for y in years():
            self.tahun.addItem(str(y), y)
        pilih = tahun if tahun is not None else latest_year()
        self.tahun.setCurrentIndex(max(self.tahun.findData(pilih), 0))
        self._tahun_kini = self.tahun.currentData()

        self.daftar = QListWidget()
        self.daftar.setMinimumWidth(250)
        self.judul = QLabel()
        self.judul.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.keadaan = QLabel()
        self.keadaan.setWordWrap(True)
        self.teks = QPlainTextEdit()
        self.teks.setPlaceholderText("Tulis teks bagian ini.")
        self.usulan = QPlainTextEdit()
        self.usulan.setReadOnly(True)
        self.usulan.setMaximumHeight(120)
        self.terima = QPushButton("&Terima usulan")
        self.terima.setToolTip("Simpan usulan otomatis apa adanya sebagai teks laporan")
        self.simpan = QPushButton("&Simpan teks")
        self.kembalikan = QPushButton("Kembalikan ke &usulan otomatis")
        self.tahun_lalu = QPushButton()
        tombol = QHBoxLayout()
        for b in (self.terima, self.simpan, self.kembalikan, self.tahun_lalu):
            tombol.addWidget(b)
        tombol.addStretch(1)
        kanan = QWidget()
        kolom = QVBoxLayout(kanan)
        kolom.setContentsMargins(0, 0, 0, 0)
        kolom.addWidget(self.judul)
        kolom.addWidget(self.keadaan)
        kolom.addWidget(self.teks, 3)
        kolom.addLayout(tombol)
        kolom.addWidget(QLabel("Usulan otomatis dari angka terbaru:"))
        kolom.addWidget(self.usulan, 1)
        pisah = QSplitter()
        pisah.addWidget(self.daftar)
        pisah.addWidget(kanan)
        pisah.setStretchFactor(1, 1)

        self.tab_renstra = TabRenstra()
        # the tab's parts under the names the editor's users know
        self.renstra_akhir = self.tab_renstra.akhir
        self.renstra = self.tab_renstra.tabel
        self.simpan_renstra = self.tab_renstra.simpan
        self.tab = QTabWidget()
        tab_teks = QWidget()
        QVBoxLayout(tab_teks).addWidget(pisah)
        self.tab.addTab(tab_teks, "Teks laporan")
        self.tab.addTab(self.tab_renstra, "Target Renstra")

        self.galat = QLabel()
        self.galat.setWordWrap(True)
        self.galat.setStyleSheet("color: #b00020;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tutup = QPushButton("T&utup")
        bawah = QHBoxLayout()
        bawah.addWidget(self.status, 1)
        bawah.addWidget(self.tutup)
        atas = QHBoxLayout()
        label_tahun = QLabel("Ta&hun:")
        label_tahun.setBuddy(self.tahun)
        atas.addWidget(label_tahun)
        atas.addWidget(self.tahun)
        atas.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(self.tab, 1)
        layout.addWidget(self.galat)
        layout.addLayout(bawah)

        self.tahun.currentIndexChanged.connect(self._select_tahun)
        self.daftar.currentRowChanged.connect(self._select_bagian)
        self.terima.clicked.connect(self._accept_usulan)
        self.simpan.clicked.connect(self._save)
        self.kembalikan.clicked.connect(self._remove_teks)
        self.tahun_lalu.clicked.connect(self._load_last_year)
        self.simpan_renstra.clicked.connect(self._save_renstra)
        self.tutup.clicked.connect(self.reject)
        self._load()

    # ----- reading --------------------------------------------------------------------------

    def _run(self, kerja: Callable[[], object]) -> bool:
        """Run a read or an operation; a refusal is shown in red, a bug in the bug dialog."""
        self.galat.clear()

        def finish() -> bool:
            kerja()
            return True

        return run_once(self, finish, self.galat.setText) is not None

    def _load(self, kunci: str | None = None) -> None:
        """Read the year's report and refill the list (keeping ``kunci`` shown)."""
        tahun = self.tahun.currentData()
        if tahun is None:
            self.status.setText("Belum ada tahun di basis data.")
            return

        def read_report() -> None:
            self.laporan = build_lkjip_report(tahun)

        if not self._run(read_report) or self.laporan is None:
            return
        self.daftar.blockSignals(True)
        self.daftar.clear()
        for n in self.laporan.narasi.values():
            teks, warna = keadaan(n)
            item = QListWidgetItem(f"{n.judul} — {label_singkat(n)}")
            item.setData(Qt.ItemDataRole.UserRole, n.kunci)
            item.setForeground(QColor(warna))
            item.setToolTip(self._keterangan_sasaran(n.kunci) or n.judul)
            self.daftar.addItem(item)
        self.daftar.blockSignals(False)
        kunci = kunci or self._kunci
        baris = next(
            (i for i in range(self.daftar.count())
             if self.daftar.item(i).data(Qt.ItemDataRole.UserRole) == kunci),
            0,
        )  # fmt: skip
        self.daftar.blockSignals(True)
        self.daftar.setCurrentRow(baris)
        self.daftar.blockSignals(False)
        self._show_bagian(self.daftar.item(baris).data(Qt.ItemDataRole.UserRole))
        self.tab_renstra.fill(self.laporan)
        draf = len(self.laporan.narasi_draf)
        self.status.setText(
            f"{draf} dari {len(self.laporan.narasi)} bagian masih usulan otomatis."
            if draf
            else "Semua bagian sudah diterima."
        )

    def _keterangan_sasaran(self, kunci: str) -> str:
        if self.laporan is None:
            return ""
        for s in self.laporan.angka.sasaran:
            if self.laporan.analisis(s.id).kunci == kunci:
                return f"{s.teks} ({s.jabatan})"
        return ""

    def _show_bagian(self, kunci: str) -> None:
        """Show part ``kunci``: its text (stored, or the draft), state and buttons."""
        if self.laporan is None:
            return
        tahun = self.laporan.tahun
        dibaca: list[Any] = []  # its stored text and last year's, read in one go
        if not self._run(
            lambda: dibaca.extend((teks_lkjip(tahun).get(kunci), teks_tahun_lalu(tahun, kunci)))
        ):
            return
        tersimpan, lalu = dibaca
        n = self.laporan.bagian(kunci)
        self._kunci = kunci
        self._dari_tahun_lalu = None
        sasaran = self._keterangan_sasaran(kunci)
        self.judul.setText(f"{n.judul}: {sasaran}" if sasaran else n.judul)
        teks, warna = keadaan(n)
        if tersimpan is not None:
            teks += (
                f" ({tersimpan.asal.label}, oleh {tersimpan.oleh or '-'}, "
                f"{format_waktu(tersimpan.diubah)})"
            )
        self.keadaan.setText(f"Keadaan: {teks}.")
        self.keadaan.setStyleSheet(f"color: {warna};")
        self.teks.setPlainText(n.teks)
        self._dasar = n.teks
        self.usulan.setPlainText(n.usulan)
        self.terima.setEnabled(n.draf or n.teks != n.usulan)
        self.kembalikan.setEnabled(not n.draf)
        self.tahun_lalu.setText(f"Ambil teks tahun {self.laporan.tahun - 1}")
        self.tahun_lalu.setEnabled(lalu is not None)
        self.tahun_lalu.setToolTip(
            "Tahun lalu tidak menyimpan teks untuk bagian ini."
            if lalu is None
            else "Salin teks tahun lalu ke kotak teks; simpan untuk memakainya."
        )

    # ----- unsaved edits --------------------------------------------------------------------

    @property
    def has_unsaved_edits(self) -> bool:
        """True when the editor holds text the operator changed and did not save."""
        return self._kunci is not None and self.teks.toPlainText() != self._dasar

    def _ask_to_leave(self) -> bool:
        """Ask what to do with unsaved edits; True when the editor may show something else."""
        if not self.has_unsaved_edits:
            return True
        box = kotak_pesan(self, QMessageBox.Icon.Question, "", "")
        box.setWindowTitle("Teks belum disimpan")
        box.setText("Teks bagian ini sudah diubah tetapi belum disimpan. Simpan sekarang?")
        simpan = box.addButton("Simpan", QMessageBox.ButtonRole.AcceptRole)
        buang = box.addButton("Buang perubahan", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is simpan:
            return self._save(reload=False)
        return box.clickedButton() is buang

    def _select_bagian(self, baris: int) -> None:
        if baris < 0 or self.laporan is None:
            return
        kunci = self.daftar.item(baris).data(Qt.ItemDataRole.UserRole)
        if kunci == self._kunci:
            return
        if not self._ask_to_leave():
            lama = next(
                i for i in range(self.daftar.count())
                if self.daftar.item(i).data(Qt.ItemDataRole.UserRole) == self._kunci
            )  # fmt: skip
            self.daftar.blockSignals(True)
            self.daftar.setCurrentRow(lama)
            self.daftar.blockSignals(False)
            return
        self._load(kunci)  # a save may have changed the states in the list

    def _select_tahun(self) -> None:
        if not self._ask_to_leave():
            self.tahun.blockSignals(True)
            self.tahun.setCurrentIndex(self.tahun.findData(self._tahun_kini))
            self.tahun.blockSignals(False)
            return
        self._tahun_kini = self.tahun.currentData()
        self._kunci = None
        self._load()

    def reject(self) -> None:
        """Close, after asking about unsaved edits."""
        if self._ask_to_leave():
            super().reject()

    # ----- saving ---------------------------------------------------------------------------

    def _save(self, reload: bool = True) -> bool:
        """Keep the editor's text as the part's accepted text."""
        if self.laporan is None or self._kunci is None:
            return False
        n = self.laporan.bagian(self._kunci)
        teks = self.teks.toPlainText()
        if teks.strip() == n.usulan.strip():
            asal = Asal.USULAN
        elif self._dari_tahun_lalu is not None and teks.strip() == self._dari_tahun_lalu.strip():
            asal = Asal.TAHUN_LALU
        else:
            asal = Asal.DIKETIK
        tahun, kunci = self.laporan.tahun, self._kunci
        if not self._run(lambda: set_teks_lkjip(tahun, kunci, teks, asal, n.usulan)):
            return False
        self._dasar = teks
        self.status.setText(f"{n.judul} disimpan ({asal.label}).")
        if reload:
            self._load(kunci)
        return True

    def _accept_usulan(self) -> None:
        if self.laporan is None or self._kunci is None:
            return
        self.teks.setPlainText(self.laporan.bagian(self._kunci).usulan)
        self._save()

    def _remove_teks(self) -> None:
        if self.laporan is None or self._kunci is None:
            return
        n = self.laporan.bagian(self._kunci)
        box = kotak_pesan(self, QMessageBox.Icon.Question, "", "")
        box.setWindowTitle("Kembali ke usulan otomatis")
        box.setText(
            f"Teks {n.judul} yang tersimpan akan dihapus dan laporan memakai usulan otomatis "
            "lagi (dicetak bertanda usulan). Lanjutkan?"
        )
        hapus = box.addButton("Hapus teks tersimpan", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not hapus:
            return
        tahun, kunci = self.laporan.tahun, self._kunci
        if self._run(lambda: remove_teks_lkjip(tahun, kunci)):
            self._dasar = ""
            self._kunci = None
            self._load(kunci)
            self.status.setText(f"{n.judul} kembali ke usulan otomatis.")

    def _load_last_year(self) -> None:
        if self.laporan is None or self._kunci is None:
            return
        tahun, kunci = self.laporan.tahun, self._kunci
        dibaca: list[Any] = []
        if not self._run(lambda: dibaca.append(teks_tahun_lalu(tahun, kunci))):
            return  # said in red; the text box keeps what it holds
        (lalu,) = dibaca
        if lalu is None:
            return
        self.teks.setPlainText(lalu.teks)
        self._dari_tahun_lalu = lalu.teks
        self.status.setText(
            f"Teks tahun {self.laporan.tahun - 1} dimuat ke kotak teks. Periksa angka dan "
            "tahunnya, lalu klik Simpan teks."
        )

    # ----- Renstra --------------------------------------------------------------------------

    def _save_renstra(self) -> None:
        if self.laporan is None:
            return
        laporan = self.laporan
        ubah: list[int] = []
        if self._run(lambda: ubah.append(self.tab_renstra.save_to(laporan))):
            self._load()
            self.tab.setCurrentIndex(1)
            self.status.setText(f"Target Renstra disimpan ({ubah[0]} indikator berubah).")
