"""Small windows for desa workbooks: making the templates and the completeness table."""

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import KinerjaError

WARNA = {"diterima": "#a8d5a2", "sebagian": "#fff2b3", "belum": "#f4b6b0"}


class TemplatDialog(QDialog):
    """Choose period, desa and folder; the templates are written on the worker thread."""

    def __init__(self, parent: QWidget | None, tahun: int) -> None:
        super().__init__(parent)
        from kinerja_desktop.db.models import Desa
        from kinerja_desktop.domain.periode import bulan_setahun, semester, tahun_, triwulan

        self.setWindowTitle("Buat Templat Isian Desa")
        self.tahun = tahun
        self.periode = QComboBox(self)
        pilihan = [tahun_(tahun), semester(tahun, 1), semester(tahun, 2)]
        pilihan += [triwulan(tahun, q) for q in range(1, 5)] + bulan_setahun(tahun)
        for p in pilihan:
            self.periode.addItem(p.label, p.id)
        self.desa = QComboBox(self)
        self.desa.addItem("Semua desa/kelurahan", None)
        for d in Desa.select().order_by(Desa.urutan):
            self.desa.addItem(nama_desa_lengkap(d.jenis, d.nama), d.kode)
        self.folder = QLineEdit(self)
        self.folder.setText(self._folder_awal())
        self.folder.setMinimumWidth(320)  # room for a folder path on a flashdisk
        self.folder.setPlaceholderText("Folder tempat buku kerja disimpan")
        cari = QPushButton("Pilih…", self)
        cari.clicked.connect(self._pilih_folder)
        baris_folder = QHBoxLayout()
        baris_folder.addWidget(self.folder, 1)
        baris_folder.addWidget(cari)

        form = QFormLayout()
        form.addRow("Tahun:", QLabel(str(tahun), self))
        form.addRow("&Periode:", self.periode)
        form.addRow("&Desa/kelurahan:", self.desa)
        # a layout row gets no buddy from addRow: without one the "&" would show as is
        label_folder = QLabel("&Folder tujuan:", self)
        label_folder.setBuddy(self.folder)
        form.addRow(label_folder, baris_folder)
        tombol = QDialogButtonBox(self)
        tombol.addButton("&Buat", QDialogButtonBox.ButtonRole.AcceptRole)
        tombol.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tombol)

    def _folder_awal(self) -> str:
        from kinerja_desktop import settings

        try:
            return settings.get("folder_terakhir")
        except KinerjaError:
            return ""

    def _pilih_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Pilih folder tujuan", self.folder.text())
        if folder:
            self.folder.setText(folder)


def show_templat(window: Any) -> None:
    """Ask what to write, then write the templates on the window's task runner."""
    if window.tahun is None:
        window.show_error("Belum ada tahun", "Pilih tahun IKI lebih dulu.")
        return
    dialog = TemplatDialog(window, window.tahun)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    folder = Path(dialog.folder.text().strip())
    periode, desa, tahun = dialog.periode.currentData(), dialog.desa.currentData(), window.tahun
    if not dialog.folder.text().strip():
        window.show_error("Folder belum dipilih", "Pilih folder tujuan templat lebih dulu.")
        return

    def job(state: Any) -> object:
        from kinerja_desktop.exchange.desa_template import buat_templat_desa

        return buat_templat_desa(tahun, folder, periode, desa)

    def done(hasil: object) -> None:
        from kinerja_desktop import settings

        with contextlib.suppress(KinerjaError):  # remembering the folder is a convenience
            settings.set_value("folder_terakhir", str(folder))
        n = len(hasil)  # type: ignore[arg-type]
        window.statusBar().showMessage(f"{n} templat desa ditulis ke {folder}.", 10000)
        QMessageBox.information(
            window,
            "Templat dibuat",
            f"{n} templat isian desa ditulis ke {folder}. Salin ke flashdisk dan kirim ke "
            "desa/kelurahan; setiap berkas berisi petunjuk pengisiannya.",
        )

    def failed(exc: KinerjaError) -> None:
        window.show_error("Templat tidak dibuat", exc.pesan)

    window.tasks.run(job, done, failed, on_crash=window._show_bug)


class KelengkapanDialog(QDialog):
    """Desa × period, received / partial / missing, from the values stored."""

    def __init__(self, parent: QWidget | None, tahun: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kelengkapan Data Desa {tahun}")
        self.tahun = tahun
        self.per = QComboBox(self)
        self.per.addItem("Per bulan", "bulan")
        self.per.addItem("Per triwulan", "triwulan")
        self.per.currentIndexChanged.connect(lambda _: self.muat())
        self.tabel = QTableWidget(self)
        self.tabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ringkas = QLabel("", self)
        tombol = QDialogButtonBox(self)
        tombol.addButton("&Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.rejected.connect(self.reject)
        atas = QHBoxLayout()
        label_per = QLabel("T&ampilkan:", self)
        label_per.setBuddy(self.per)
        atas.addWidget(label_per)
        atas.addWidget(self.per)
        atas.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.ringkas)
        layout.addWidget(tombol)
        self.resize(980, 620)
        self.muat()

    def muat(self) -> None:
        """Count again from the database and fill the table."""
        from kinerja_desktop.exchange.kelengkapan import kelengkapan

        periode, sel = kelengkapan(self.tahun, self.per.currentData())
        desa: list[str] = []
        for s in sel:
            if s.nama_desa not in desa:
                desa.append(s.nama_desa)
        self.tabel.clear()
        self.tabel.setRowCount(len(desa))
        self.tabel.setColumnCount(len(periode))
        self.tabel.setHorizontalHeaderLabels([p.label_pendek for p in periode])
        self.tabel.setVerticalHeaderLabels(desa)
        hitung = {"diterima": 0, "sebagian": 0, "belum": 0}
        for i, s in enumerate(sel):
            r, c = divmod(i, len(periode))
            teks = s.status.label
            if s.status.value == "sebagian":
                teks = f"{s.terisi}/{s.diharapkan}"
            item = QTableWidgetItem(teks)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QBrush(QColor(WARNA[s.status.value])))
            item.setToolTip(
                f"{s.nama_desa}, {periode[c].label}: {s.terisi} dari {s.diharapkan} nilai ada."
            )
            self.tabel.setItem(r, c, item)
            hitung[s.status.value] += 1
        self.ringkas.setText(
            f"Diterima {hitung['diterima']}, sebagian {hitung['sebagian']}, belum ada "
            f"{hitung['belum']}. Dihitung dari nilai yang tersimpan, bukan dari tanda selesai."
        )


def show_kelengkapan(window: Any) -> None:
    """Open the completeness table for the window's year."""
    if window.tahun is None:
        window.show_error("Belum ada tahun", "Pilih tahun IKI lebih dulu.")
        return
    try:
        KelengkapanDialog(window, window.tahun).exec()
    except KinerjaError as exc:
        window.show_error("Kelengkapan tidak dapat ditampilkan", exc.pesan)
