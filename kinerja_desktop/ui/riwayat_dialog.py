"""Data › Riwayat Perubahan: the audit log with filters, saved as CSV/XLSX, checked for
tampering; and the history of one cell from the Target & Realisasi grid's right-click menu."""

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.queries_audit import (
    BATAS_BAWAAN,
    JUDUL,
    KOLOM,
    BarisAudit,
    SaringAudit,
    pengguna_di_log,
    read_audit,
)
from kinerja_desktop.db.queries_jabatan import list_jabatan
from kinerja_desktop.domain.periode import parse_periode, semua_periode
from kinerja_desktop.domain.urut import kunci_teks
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.pesan import informasi, peringatan, show_refusal
from kinerja_desktop.ui.sel_urut import SelUrut

_SEMUA = "(semua)"


def fill_table(tabel: QTableWidget, baris: Iterable[BarisAudit]) -> int:
    """Fill ``tabel`` with the entries; return how many. A click on a header sorts them:
    the number and the time in the order things happened, a period by its place in the
    year, texts and values as a reader sorts them (domain.urut)."""
    daftar = list(baris)
    urutan = tabel.isSortingEnabled()
    tabel.setSortingEnabled(False)  # rows stay put while they are filled
    tabel.setRowCount(len(daftar))
    for i, b in enumerate(daftar):
        for j, kolom in enumerate(KOLOM):
            teks = str(getattr(b, kolom))
            kunci: Any = kunci_teks(teks)
            if kolom in ("nomor", "waktu"):
                kunci = b.nomor  # the log's order is the order of time
            elif kolom == "periode":
                kunci = teks
                teks = _label_periode(teks) if teks else teks
            item = SelUrut(teks, kunci)
            item.setToolTip(teks)  # a changed name or field can be longer than its column
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            tabel.setItem(i, j, item)
    tabel.setSortingEnabled(urutan)
    return len(daftar)


def _label_periode(periode: str) -> str:
    try:
        return parse_periode(periode).label
    except KinerjaError:
        return periode


def _tabel(parent: QWidget) -> QTableWidget:
    tabel = QTableWidget(0, len(JUDUL), parent)
    tabel.setHorizontalHeaderLabels(list(JUDUL))
    tabel.verticalHeader().hide()
    tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tabel.setWordWrap(False)
    header = tabel.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for j, lebar in enumerate((50, 140, 90, 110, 130, 170, 130, 100, 100, 170, 170, 220)):
        tabel.setColumnWidth(j, lebar)
    header.setStretchLastSection(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the log's order until a click
    tabel.setSortingEnabled(True)
    tabel.setAccessibleName("Riwayat perubahan")
    return tabel


class DialogRiwayat(QDialog):
    """The audit log of a year with filters by jabatan, indicator, period, user and date."""

    def __init__(self, parent: QWidget | None, tahun: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Riwayat Perubahan")
        self.tahun = tahun
        self.jabatan = QComboBox()
        self.indikator = QComboBox()
        self.periode = QComboBox()
        self.pengguna = QComboBox()
        self.pakai_tanggal = QCheckBox("Hanya tanggal")
        self.dari = QDateEdit(QDate.currentDate().addMonths(-1))
        self.sampai = QDateEdit(QDate.currentDate())
        for pilih_tanggal in (self.dari, self.sampai):
            pilih_tanggal.setCalendarPopup(True)
            pilih_tanggal.setDisplayFormat("dd-MM-yyyy")
            pilih_tanggal.setEnabled(False)
        self.pakai_tanggal.toggled.connect(self.dari.setEnabled)
        self.pakai_tanggal.toggled.connect(self.sampai.setEnabled)

        # the jabatan with their indicators, read once: choosing a jabatan filters them here
        self._daftar_jabatan = list_jabatan(tahun) if tahun is not None else []
        self.jabatan.addItem(_SEMUA, None)
        for j in self._daftar_jabatan:
            self.jabatan.addItem(f"{j.nama} ({j.kode})", j.id)
        self.periode.addItem(_SEMUA, "")
        if tahun is not None:
            self.periode.addItem(f"Tahun {tahun} (target tahunan, perubahan IKI)", str(tahun))
            for p in semua_periode(tahun)[1:]:
                self.periode.addItem(p.label, p.id)
        self.pengguna.addItem(_SEMUA, "")
        for nama in pengguna_di_log():
            self.pengguna.addItem(nama, nama)
        self._fill_indikator()
        self.jabatan.currentIndexChanged.connect(lambda _: self._fill_indikator())

        form = QFormLayout()
        form.addRow("&Jabatan:", self.jabatan)
        form.addRow("&Indikator:", self.indikator)
        form.addRow("&Periode:", self.periode)
        form.addRow("Pen&gguna:", self.pengguna)
        tanggal = QHBoxLayout()
        tanggal.addWidget(self.pakai_tanggal)
        tanggal.addWidget(QLabel("dari"))
        tanggal.addWidget(self.dari)
        tanggal.addWidget(QLabel("sampai"))
        tanggal.addWidget(self.sampai)
        tanggal.addStretch(1)
        form.addRow("Tanggal:", tanggal)

        self.tampilkan = QPushButton("&Tampilkan")
        self.tampilkan.clicked.connect(self.load)
        self.tampilkan.setDefault(True)
        self.jumlah = QLabel()
        self.jumlah.setWordWrap(True)
        self.tabel = _tabel(self)
        self.simpan = QPushButton("&Simpan ke Excel/CSV…")
        self.simpan.clicked.connect(self.save_file)
        self.cek = QPushButton("Periksa &keutuhan log")
        self.cek.clicked.connect(self.check_log)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        tombol.rejected.connect(self.reject)
        tombol.addButton(self.simpan, QDialogButtonBox.ButtonRole.ActionRole)
        tombol.addButton(self.cek, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        atas = QHBoxLayout()
        atas.addWidget(self.tampilkan)
        atas.addWidget(self.jumlah, 1)
        layout.addLayout(atas)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(tombol)
        self.resize(1100, 620)
        self.load()

    def _fill_indikator(self) -> None:
        self.indikator.clear()
        self.indikator.addItem(_SEMUA, None)
        jabatan_id = self.jabatan.currentData()
        pilihan = [
            (kode, indikator_id)
            for j in self._daftar_jabatan
            if jabatan_id in (None, j.id)
            for indikator_id, kode, _nama in j.indikator
        ]
        for kode, indikator_id in sorted(pilihan):
            self.indikator.addItem(kode, indikator_id)

    def chosen_filter(self) -> SaringAudit:
        """The filter the form describes."""
        periode = self.periode.currentData() or ""
        return SaringAudit(
            tahun=self.tahun if not periode else None,
            jabatan_id=self.jabatan.currentData(),
            indikator_id=self.indikator.currentData(),
            periode=periode,
            pengguna=self.pengguna.currentData() or "",
            dari=self.dari.date().toString("yyyy-MM-dd") if self.pakai_tanggal.isChecked() else "",
            sampai=(
                self.sampai.date().toString("yyyy-MM-dd") if self.pakai_tanggal.isChecked() else ""
            ),
        )

    def load(self) -> None:
        """Read the entries matching the filter, newest first; a log that cannot be read is
        said in red above the table, the filter kept."""
        saring = self.chosen_filter()
        baris = run_once(self, lambda: read_audit(saring), lambda p: show_refusal(self.jumlah, p))
        if baris is None:
            return
        self.jumlah.setStyleSheet("")
        n = fill_table(self.tabel, baris)
        if n == 0:
            self.jumlah.setText("Tidak ada perubahan yang cocok dengan saringan ini.")
        elif n >= BATAS_BAWAAN:
            self.jumlah.setText(
                f"{n} perubahan terbaru ditampilkan; persempit saringan, atau simpan ke berkas "
                "untuk melihat semuanya."
            )
        else:
            self.jumlah.setText(f"{n} perubahan, terbaru di atas.")

    def save_file(self) -> None:
        """Save every entry matching the filter to a CSV or XLSX file."""
        from kinerja_desktop.exchange.audit_ekspor import write_audit

        nama, _ = QFileDialog.getSaveFileName(
            self,
            "Simpan riwayat perubahan",
            str(Path.home() / "riwayat-perubahan.xlsx"),
            "Buku kerja Excel (*.xlsx);;CSV (*.csv)",
        )
        if not nama:
            return
        saring = self.chosen_filter()
        path = run_once(
            self,
            lambda: write_audit(read_audit(saring, batas=None), Path(nama)),
            lambda pesan: peringatan(self, "Tidak tersimpan", pesan),
        )
        if path is not None:
            self.jumlah.setText(f"Riwayat disimpan ke {path}.")

    def check_log(self) -> None:
        """Check the hash chain and the stored data against the log."""
        # a damaged database is when this is asked: its failure is said, not shown as a bug
        hasil = run_once(
            self, check_log, lambda pesan: peringatan(self, "Log tidak dapat diperiksa", pesan)
        )
        if hasil is None:
            return
        if hasil.is_intact:
            informasi(
                self,
                "Log utuh",
                f"{hasil.jumlah} catatan: rantai hash cocok, dan setiap nilai, keadaan "
                "persetujuan, IKI, program, kegiatan, realisasi anggaran dan keterangan sama "
                "dengan perubahan terakhir yang tercatat.",
            )
            return
        peringatan(
            self,
            "Log diubah di luar aplikasi",
            "Ditemukan:\n• " + "\n• ".join(hasil.masalah) + "\n\nBandingkan dengan cadangan "
            "terakhir dan tanyakan siapa yang membuka berkas ini dengan alat lain.",
        )


class DialogRiwayatSel(QDialog):
    """The history of one value (right-click › Riwayat Sel Ini in the grid)."""

    def __init__(self, parent: QWidget | None, saring: SaringAudit, judul: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Riwayat: {judul}")
        self.tabel = _tabel(self)
        n = fill_table(self.tabel, read_audit(saring))
        keterangan = QLabel(
            f"{n} perubahan, terbaru di atas." if n else "Nilai ini belum pernah diubah sejak "
            "log perubahan ada."
        )  # fmt: skip
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(keterangan)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(tombol)
        self.resize(1000, 360)


def create_actions(window: Any) -> list[QAction]:
    """Data › Riwayat Perubahan… for the main window."""
    action = QAction("&Riwayat Perubahan…", window)
    action.setStatusTip("Siapa mengubah apa dan kapan; simpan ke Excel; periksa keutuhan log")

    def open_dialog() -> None:
        dialog = build_dialog(
            window,
            lambda: DialogRiwayat(window, window.tahun),
            "Riwayat Perubahan tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    action.triggered.connect(lambda *_: open_dialog())
    return [action]
