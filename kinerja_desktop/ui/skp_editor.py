"""Laporan › SKP Pegawai…: the SKP editor. Choose the year and the pegawai; make an SKP from the
IKI of the jabatan held; edit its rencana hasil kerja (Utama and Tambahan) and the atasan's
expectation of each BerAKHLAK core value; evaluate a period (tab Evaluasi: the application's
proposal beside the atasan's decision); and keep the kecamatan's predikat, the predikat matrix
and the distribution check in view (tab Predikat & Kurva).

Every edit is saved at once (and logged in the audit log); a refusal is shown in red under the
tabs, the edit stays on screen to correct. Removing an SKP or a row of its plan says first what
goes, and can be undone (:mod:`skp_urung`: Urungkan, Ctrl+Z). The main window adds "SKP
Pegawai…" and "Cetak SKP…" (:mod:`skp_dialog`) to its Laporan menu through
:func:`create_actions`.
"""

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.queries import latest_year, years
from kinerja_desktop.db.queries_skp import DataSkp
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.skp_bersama import Pelaksana
from kinerja_desktop.ui.skp_perilaku_tab import PerilakuTab
from kinerja_desktop.ui.skp_rencana_tab import RencanaTab
from kinerja_desktop.ui.skp_urung import Jendela, UrungSkp
from kinerja_desktop.ui.tasks import TaskRunner


class SkpEditor(QDialog):
    """The SKP editor window (see the module's description); ``jendela`` is the main window
    whose undo stack takes the editor's removals."""

    def __init__(
        self,
        parent: QWidget | None,
        tahun: int | None,
        runner: TaskRunner | None = None,
        jendela: Jendela | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("SKP Pegawai (PermenPANRB 6/2022)")
        self.runner = runner
        self.data: DataSkp | None = None

        self.tahun = QComboBox()
        for y in years():
            self.tahun.addItem(str(y), y)
        pilih = tahun if tahun is not None else latest_year()
        self.tahun.setCurrentIndex(max(self.tahun.findData(pilih), 0))
        self.pegawai = QComboBox()
        self.pegawai.setMinimumContentsLength(42)
        self.pegawai.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.buat = QPushButton("&Buat SKP…")
        self.buat.setToolTip("Membuat SKP pemangku jabatan dari IKI jabatannya")
        self.hapus = QPushButton("Hapus SKP…")
        self.cetak = QPushButton("&Cetak…")
        atas = QHBoxLayout()
        for label, widget in (("Ta&hun:", self.tahun), ("&Pegawai:", self.pegawai)):
            teks = QLabel(label)
            teks.setBuddy(widget)
            atas.addWidget(teks)
            atas.addWidget(widget)
        atas.addWidget(self.buat)
        atas.addWidget(self.hapus)
        atas.addStretch(1)
        atas.addWidget(self.cetak)

        self.pihak = QLabel()
        self.pihak.setWordWrap(True)
        self.pihak.setTextFormat(Qt.TextFormat.PlainText)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.galat = QLabel()
        self.galat.setWordWrap(True)
        self.galat.setTextFormat(Qt.TextFormat.PlainText)
        self.galat.setStyleSheet("color: #b00020;")
        self.galat.hide()
        self.jalankan = Pelaksana(self, self.show_error, self._sesudah)
        self.urung = UrungSkp(self, jendela, self._show_step, self.show_error)

        self.tabs = QTabWidget()
        self.rencana = RencanaTab(self.jalankan, self.urung, self.load, self.show_error)
        self.perilaku = PerilakuTab(self.jalankan, self.load)
        from kinerja_desktop.ui.skp_aturan_tab import AturanTab
        from kinerja_desktop.ui.skp_evaluasi_tab import EvaluasiTab

        self.evaluasi = EvaluasiTab(self.jalankan)
        self.aturan = AturanTab(self.jalankan)
        self.tabs.addTab(self.rencana, "&1 Rencana Hasil Kerja")
        self.tabs.addTab(self.perilaku, "&2 Perilaku Kerja")
        self.tabs.addTab(self.evaluasi, "&3 Evaluasi")
        self.tabs.addTab(self.aturan, "&4 Predikat && Kurva")

        for tombol in (self.buat, self.hapus, self.cetak):
            tombol.setAutoDefault(False)  # Enter ends a cell's edit, never opens a dialog
        tutup = QPushButton("&Tutup")
        tutup.setAutoDefault(False)
        tutup.clicked.connect(self.accept)
        bawah = QHBoxLayout()
        bawah.addWidget(self.status, 1)
        bawah.addWidget(self.urung)
        bawah.addWidget(tutup)

        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(self.pihak)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.galat)
        layout.addLayout(bawah)
        self.resize(1180, 700)

        self.tahun.currentIndexChanged.connect(lambda _: self._fill_pegawai())
        self.pegawai.currentIndexChanged.connect(lambda _: self.load())
        self.buat.clicked.connect(self._add_skp)
        self.hapus.clicked.connect(self._remove_skp)
        self.cetak.clicked.connect(self._open_cetak)
        self._fill_pegawai()

    # ----- the year's SKP ------------------------------------------------------------------

    def _fill_pegawai(self, pilih: int | None = None) -> None:
        """List the SKP of the chosen year and show the chosen one (``pilih``, else the one
        shown); a list that cannot be read leaves the list as it was, the red line says why."""
        from kinerja_desktop.db.queries_skp_tahun import daftar_skp

        tahun = self.tahun.currentData()
        daftar = self.jalankan.read(lambda: daftar_skp(tahun) if tahun is not None else [])
        if daftar is None:
            return
        lama = pilih or self.pegawai.currentData()
        self.pegawai.blockSignals(True)
        self.pegawai.clear()
        for r in daftar:
            predikat = f" — {r.predikat_tahunan}" if r.predikat_tahunan else ""
            self.pegawai.addItem(f"{r.nama} ({r.jabatan}){predikat}", r.id)
        if self.pegawai.count() == 0:
            self.pegawai.addItem("(belum ada SKP tahun ini: klik Buat SKP)", None)
        self.pegawai.setCurrentIndex(max(self.pegawai.findData(lama), 0))
        self.pegawai.blockSignals(False)
        self.aturan.load(tahun)
        self.load()

    def load(self) -> None:
        """Show the chosen SKP in every tab (or an explanation when there is none); one that
        cannot be read leaves what is shown, the red line says why."""
        from kinerja_desktop.db.queries_skp import read_skp

        skp_id = self.pegawai.currentData()
        # in a tuple: "no SKP chosen" (None inside) is not "could not be read" (None)
        dibaca = self.jalankan.read(lambda: (read_skp(skp_id) if skp_id is not None else None,))
        if dibaca is None:
            with QSignalBlocker(self.pegawai):  # the choice goes back to the SKP shown
                shown = self.data.id if self.data is not None else None
                self.pegawai.setCurrentIndex(max(self.pegawai.findData(shown), 0))
            return
        (self.data,) = dibaca
        ada = self.data is not None
        self.hapus.setEnabled(ada)
        self.cetak.setEnabled(ada)
        if self.data is None:
            self.pihak.setText(
                "Pilih tahun, lalu Buat SKP untuk pemangku jabatan: rencana hasil kerjanya "
                "diambil dari IKI jabatan itu, dan dapat disunting di sini."
            )
        else:
            p, n = self.data.pegawai, self.data.penilai
            penilai = f"{n.nama} ({n.jabatan})" if n is not None else "belum diketahui"
            self.pihak.setText(
                f"Pegawai yang dinilai: {p.nama}, {p.jabatan}. Pejabat penilai kinerja: {penilai}."
            )
        data = self.data
        self.jalankan.read(lambda: self.rencana.load(data))  # it reads the IKI codes
        self.perilaku.load(self.data)
        self.evaluasi.load(self.data)

    def _add_skp(self) -> None:
        from kinerja_desktop.db.ops_skp import add_skp
        from kinerja_desktop.db.queries_skp_tahun import calon_skp

        tahun = self.tahun.currentData()
        if tahun is None:
            return
        calon = self.jalankan.read(lambda: calon_skp(tahun))
        if calon is None:
            return
        if not calon:
            self.show_error(
                f"Semua pemangku jabatan tahun {tahun} sudah memiliki SKP. Pegawai baru dicatat "
                "dulu sebagai pemangku di tab Pemangku jabatannya."
            )
            return
        label = [f"{c.nama} — {c.jabatan}" for c in calon]
        pilih, ok = QInputDialog.getItem(
            self, "Buat SKP", f"Pemangku jabatan tahun {tahun} tanpa SKP:", label, 0, False
        )
        if not ok:
            return
        c = calon[label.index(pilih)]
        hasil: list[int] = []

        def op() -> Hasil[int]:
            dibuat = add_skp(c.pegawai_id, tahun, c.jabatan_id)
            hasil.append(dibuat.data)
            return dibuat

        if self.jalankan(op):
            self._fill_pegawai(hasil[0])

    def _remove_skp(self) -> None:
        from kinerja_desktop.db.skp_removal import reinsert_skp, remove_skp, skp_removal_summary

        if self.data is None:
            return
        skp_id, nama, tahun = self.data.id, self.data.pegawai.nama, self.data.tahun
        teks = run_once(self, lambda: skp_removal_summary(skp_id), self.show_error)
        if teks is None or not self.urung.ask_removal("Hapus SKP", teks):
            return
        self.urung.push_remove(
            f"Hapus SKP {nama} tahun {tahun}", lambda: remove_skp(skp_id), reinsert_skp, skp_id
        )

    def _open_cetak(self) -> None:
        from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog

        nip = self.data.pegawai.nip if self.data is not None else None
        SkpLaporanDialog(self, self.tahun.currentData(), self.runner, nip or None).exec()

    # ----- messages ------------------------------------------------------------------------

    def show_error(self, pesan: str) -> None:
        """A refusal in red under the tabs; what was typed stays on screen."""
        self.galat.setText(pesan)
        self.galat.show()

    def _show_step(self, perubahan: Perubahan, skp_id: int | None, baris_id: int | None) -> None:
        """After a removal, its undo or its redo: the change's message, and the SKP
        ``skp_id`` (in the year of the change) with plan row ``baris_id`` where they are."""
        self._sesudah(perubahan)
        if perubahan.tahun is not None and perubahan.tahun != self.tahun.currentData():
            i = self.tahun.findData(perubahan.tahun)
            if i >= 0:
                self.tahun.blockSignals(True)  # one reading below, of the SKP asked for
                self.tahun.setCurrentIndex(i)
                self.tahun.blockSignals(False)
        self._fill_pegawai(skp_id)
        if baris_id is not None:
            self.rencana.select(baris_id)

    def _sesudah(self, perubahan: Perubahan) -> None:
        self.galat.hide()
        self.status.setText(perubahan.pesan)
        if self.data is not None and perubahan.tahun is not None:
            self.aturan.load(perubahan.tahun)


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's "SKP Pegawai…" (the editor) and "Cetak SKP…" actions."""
    editor = QAction("&SKP Pegawai…", window)
    editor.setStatusTip(
        "Menyusun dan menilai SKP pegawai (PermenPANRB 6/2022): rencana, perilaku, evaluasi"
    )

    def open_editor() -> None:
        tahun, tasks = getattr(window, "tahun", None), getattr(window, "tasks", None)
        editor = build_dialog(
            window, lambda: SkpEditor(window, tahun, tasks, window), "SKP tidak dapat dibuka"
        )
        if editor is None:
            return
        editor.exec()
        # its steps stay on the window's undo stack, and find the editor gone
        editor.deleteLater()

    editor.triggered.connect(open_editor)

    cetak = QAction("Cetak SK&P…", window)
    cetak.setStatusTip("Menulis SKP pegawai ke PDF untuk ditandatangani atau Excel e-Kinerja")

    def open_cetak() -> None:
        from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog

        dialog = build_dialog(
            window,
            lambda: SkpLaporanDialog(
                window, getattr(window, "tahun", None), getattr(window, "tasks", None)
            ),
            "Cetak SKP tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    cetak.triggered.connect(open_cetak)
    return [editor, cetak]
