"""Small windows for desa workbooks: making the templates and the completeness table."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.tasks import TaskRunner

WARNA = {"diterima": "#a8d5a2", "sebagian": "#fff2b3", "belum": "#f4b6b0"}


class TemplatDialog(DialogLaporan):
    """Choose period, desa and folder; the templates are written on the worker thread.

    The same design as the report dialogs: an error (a folder that vanished, a full
    flashdisk) is shown in the dialog, which keeps every choice; "Buka folder" afterwards.
    ``desa_kurang`` offers "the desa whose data is missing" as one choice (from Kelengkapan).
    """

    def __init__(
        self,
        parent: QWidget | None,
        tahun: int,
        runner: TaskRunner | None = None,
        periode: str | None = None,
        desa_kurang: list[str] | None = None,
    ) -> None:
        self._periode_awal = periode
        self._desa_kurang = desa_kurang or []
        super().__init__(
            parent,
            "Buat Templat Isian Desa",
            tahun,
            "folder_templat_desa",
            runner,
            tombol_buat="&Buat templat",
            berkas=False,
            tanda_tangan=False,
        )
        self.selesai_dibangun()

    def baris_isi(self) -> None:
        """Period and desa rows."""
        from kinerja_desktop.db.models import Desa

        self.periode = QComboBox(self)
        self._isi_periode(self._periode_awal)
        self.tambah_baris("Per&iode:", self.periode)
        self.desa = QComboBox(self)
        self.desa.addItem("Semua desa/kelurahan", None)
        if self._desa_kurang:
            n = len(self._desa_kurang)
            self.desa.addItem(f"Desa/kelurahan yang datanya kurang ({n})", self._desa_kurang)
            self.desa.setCurrentIndex(1)
        for d in Desa.select().order_by(Desa.urutan):
            self.desa.addItem(nama_desa_lengkap(d.jenis, d.nama), d.kode)
        self.tambah_baris("Desa/&kelurahan:", self.desa)

    def _isi_periode(self, pilih: str | None) -> None:
        from kinerja_desktop.domain.periode import pilihan_periode

        self.periode.clear()
        tahun = self.tahun.currentData()
        if tahun is None:
            return
        for p in pilihan_periode(tahun):
            self.periode.addItem(p.label, p.id)
        if pilih:
            self.periode.setCurrentIndex(max(self.periode.findData(pilih), 0))

    def tahun_berubah(self) -> None:
        """The periods of the new year."""
        self._isi_periode(None)

    def pekerjaan(self, target: Path, ttd: object) -> Callable[[Any], Any]:
        """Write the workbooks into ``target`` (the folder) on the worker thread."""
        tahun, periode, desa = (
            self.tahun.currentData(),
            self.periode.currentData(),
            self.desa.currentData(),
        )

        def job(state: Any) -> object:
            from kinerja_desktop.exchange.desa_template import buat_templat_desa

            return buat_templat_desa(tahun, target, periode, desa)

        return job

    def pesan_selesai(self, hasil: Any) -> str:
        """How many were written, and what to do with them."""
        return (
            f"Selesai. {len(hasil)} templat isian desa ditulis ke {self.target(diam=True)}. "
            "Salin ke flashdisk dan kirim ke desa/kelurahan; setiap berkas berisi petunjuk "
            "pengisiannya."
        )


def show_templat(
    window: Any, periode: str | None = None, desa_kurang: list[str] | None = None
) -> None:
    """Open Buat Templat Desa for the window's year, on the window's task runner."""
    if window.tahun is None:
        window.show_error("Belum ada tahun", "Pilih tahun IKI lebih dulu.")
        return
    TemplatDialog(window, window.tahun, window.tasks, periode, desa_kurang).exec()


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
