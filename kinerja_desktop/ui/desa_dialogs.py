"""Small windows for desa workbooks: making the templates and the completeness table."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.urut import kunci_desa
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.ui.bantuan import Bagian, tombol_bantuan
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.flow_layout import FlowLayout
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.sel_urut import SelUrut
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

WARNA = {"diterima": "#a8d5a2", "sebagian": "#fff2b3", "belum": "#f4b6b0"}


class TemplatDialog(DialogLaporan):
    """Choose period, desa and folder; the templates are written on the worker thread.

    The same design as the report dialogs: an error (a folder that vanished, a full
    flashdisk) is shown in the dialog, which keeps every choice; "Buka folder" afterwards.
    ``desa_kurang`` offers "the desa whose data is missing" as one choice (from Kelengkapan).
    """

    bagian_bantuan = Bagian.TEMPLAT_DESA

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
        self.fill_proposals()

    def baris_isi(self) -> None:
        """Period and desa rows."""
        from kinerja_desktop.db.queries_nilai import daftar_desa

        self.periode = QComboBox(self)
        self._fill_periode(self._periode_awal)
        self.add_row("Per&iode:", self.periode)
        self.desa = QComboBox(self)
        self.desa.addItem("Semua desa/kelurahan", None)
        if self._desa_kurang:
            n = len(self._desa_kurang)
            self.desa.addItem(f"Desa/kelurahan yang datanya kurang ({n})", self._desa_kurang)
            self.desa.setCurrentIndex(1)
        for d in daftar_desa():
            self.desa.addItem(nama_desa_lengkap(d.jenis, d.nama), d.kode)
        self.add_row("Desa/&kelurahan:", self.desa)

    def _fill_periode(self, pilih: str | None) -> None:
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
        self._fill_periode(None)

    def pekerjaan(self, target: Path, ttd: object) -> Callable[[Any], Any]:
        """Write the workbooks into ``target`` (the folder) on the worker thread."""
        tahun, periode, desa = (
            self.tahun.currentData(),
            self.periode.currentData(),
            self.desa.currentData(),
        )

        def job(state: Any) -> object:
            from kinerja_desktop.exchange.desa_template import make_desa_templates

            return make_desa_templates(tahun, target, periode, desa)

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
    dialog = build_dialog(
        window,
        lambda: TemplatDialog(window, window.tahun, window.tasks, periode, desa_kurang),
        "Buat Templat Desa tidak dapat dibuka",
    )
    if dialog is not None:
        dialog.exec()


WARNA_BELUM_WAKTUNYA = "#ececec"
LEGENDA = (
    ("diterima", "Lengkap", "semua nilai yang diminta ada"),
    ("sebagian", "30/42", "sebagian: nilai yang ada / yang diminta"),
    ("belum", "Belum", "belum ada, periodenya sudah berakhir"),
    ("belum_waktunya", "–", "belum waktunya: periodenya belum berakhir"),
)


class KekuranganDialog(DialogLaporan):
    """Writes the list of missing desa data (PDF to print, Excel to send)."""

    bagian_bantuan = Bagian.KELENGKAPAN

    def __init__(
        self, parent: QWidget | None, tahun: int, per: str, runner: TaskRunner | None = None
    ) -> None:
        self.per = per
        super().__init__(
            parent,
            "Simpan Daftar Kekurangan Data Desa",
            tahun,
            "folder_kelengkapan",
            runner,
            tanda_tangan=False,
        )
        self.fill_proposals()

    def nama_bawaan(self) -> str:
        """``Kekurangan-Data-Desa-2020``."""
        from kinerja_desktop.reports.kekurangan import default_filename

        return default_filename(self.tahun.currentData(), "")

    def pekerjaan(self, target: Path, ttd: object) -> Callable[[TaskState], Any]:
        """Write the list on the worker thread."""
        tahun, per, kertas = self.tahun.currentData(), self.per, self.kertas.currentData()

        def job(state: TaskState) -> Path:
            from kinerja_desktop.reports.kekurangan import export_kekurangan

            return export_kekurangan(tahun, per, target, kertas, state.progress)

        return job


class KelengkapanDialog(QDialog):
    """Desa × period, received / partial / missing / not yet due, from the values stored.

    A cell chosen shows which indicators are missing; the list of what is missing can be
    saved to print or send, and templates made for the desa whose data is missing.
    """

    def __init__(
        self, parent: QWidget | None, tahun: int, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kelengkapan Data Desa {tahun}")
        self.tahun = tahun
        self.runner = runner
        self._sel: list[Any] = []  # every cell's SelKelengkapan; a cell holds its index
        self._nama_indikator: dict[str, str] = {}
        self.per = QComboBox(self)
        self.per.addItem("Per bulan", "bulan")
        self.per.addItem("Per triwulan", "triwulan")
        self.per.currentIndexChanged.connect(lambda _: run_once(self, self.load, self._refused))
        self.tabel = QTableWidget(self)
        self.tabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabel.setWordWrap(False)  # one short word a cell, never two lines
        self.tabel.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tabel.horizontalHeader().setMinimumSectionSize(52)
        self.tabel.verticalHeader().hide()
        # a click on a header sorts: the desa by name, a period by how complete it is; until
        # then the desa stay in the order of their codes
        self.tabel.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tabel.setSortingEnabled(True)
        self.tabel.currentCellChanged.connect(lambda r, c, *_: self._show_details(r, c))
        self.ringkas = QLabel("", self)
        self.ringkas.setWordWrap(True)
        self.rincian = QPlainTextEdit(self)
        self.rincian.setReadOnly(True)
        self.rincian.setMaximumHeight(110)
        self.rincian.setPlaceholderText(
            "Pilih satu sel untuk melihat indikator yang belum ada datanya."
        )
        # the legend wraps onto a second line in a narrow window instead of widening it
        kotak_legenda = QWidget(self)
        legenda = FlowLayout(kotak_legenda)
        legenda.addWidget(QLabel("Keterangan:"))
        for kunci, contoh, arti in LEGENDA:
            warna = WARNA.get(kunci, WARNA_BELUM_WAKTUNYA)
            kotak = QLabel(f"{contoh} = {arti}")
            kotak.setStyleSheet(
                f"QLabel {{ background: {warna}; border: 1px solid #b5b5b5; padding: 1px 6px; }}"
            )
            legenda.addWidget(kotak)
        self.simpan = QPushButton("&Simpan daftar kekurangan…", self)
        self.simpan.setToolTip("Daftar desa dan indikator yang belum ada datanya, PDF atau Excel")
        self.simpan.clicked.connect(self._save_daftar)
        self.templat = QPushButton("Buat &templat untuk desa yang kurang…", self)
        self.templat.clicked.connect(self._make_templates)
        tutup = QPushButton("T&utup", self)
        tutup.clicked.connect(self.reject)
        tombol = QHBoxLayout()
        tombol.addWidget(tombol_bantuan(self, Bagian.KELENGKAPAN))
        tombol.addWidget(self.simpan)
        tombol.addWidget(self.templat)
        tombol.addStretch(1)
        tombol.addWidget(tutup)
        atas = QHBoxLayout()
        label_per = QLabel("T&ampilkan:", self)
        label_per.setBuddy(self.per)
        atas.addWidget(label_per)
        atas.addWidget(self.per)
        atas.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(kotak_legenda)
        layout.addWidget(self.ringkas)
        layout.addWidget(self.rincian)
        layout.addLayout(tombol)
        self.resize(980, 640)
        self.load()

    def load(self) -> None:
        """Count again from the database and fill the table."""
        from kinerja_desktop.reports.kelengkapan import indikator_desa, kelengkapan

        self._nama_indikator = {k: i.nama for k, i in indikator_desa(self.tahun).items()}
        periode, sel = kelengkapan(self.tahun, self.per.currentData())
        self.periode = periode
        desa: list[str] = []
        for s in sel:
            if s.nama_desa not in desa:
                desa.append(s.nama_desa)
        kolom = {p.id: i + 1 for i, p in enumerate(periode)}
        urutan = self.tabel.horizontalHeader()
        dipilih = (urutan.sortIndicatorSection(), urutan.sortIndicatorOrder())
        self.tabel.setSortingEnabled(False)  # rows stay put while they are filled
        self.tabel.clear()
        self.tabel.setRowCount(len(desa))
        self.tabel.setColumnCount(len(periode) + 1)
        self.tabel.setHorizontalHeaderLabels(["Desa/Kelurahan", *(p.label_pendek for p in periode)])
        self.tabel.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        for r, nama in enumerate(desa):
            self.tabel.setItem(r, 0, SelUrut(nama, kunci_desa(nama)))
        self._sel = list(sel)
        hitung = {"diterima": 0, "sebagian": 0, "belum": 0, "belum_waktunya": 0}
        for nomor, s in enumerate(sel):
            r, c = desa.index(s.nama_desa), kolom[s.periode]
            keadaan = s.status.value
            if not s.jatuh_tempo and keadaan != "diterima":
                keadaan = "belum_waktunya" if keadaan == "belum" else keadaan
            teks = {"diterima": "Lengkap", "belum": "Belum", "belum_waktunya": "–"}.get(
                keadaan, f"{s.terisi}/{s.diharapkan}"
            )
            # what is missing first: ended periods by the share received, then those not due
            item = SelUrut(teks, (not s.jatuh_tempo, s.bagian_terisi))
            item.setData(Qt.ItemDataRole.UserRole, nomor)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QBrush(QColor(WARNA.get(keadaan, WARNA_BELUM_WAKTUNYA))))
            item.setToolTip(s.kalimat)
            self.tabel.setItem(r, c, item)
            hitung[keadaan] += 1
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(*dipilih)
        jatuh = [p for p in periode if any(s.jatuh_tempo for s in sel if s.periode == p.id)]
        sampai = f"sampai {jatuh[-1].label}" if jatuh else "belum ada periode yang berakhir"
        self.ringkas.setText(
            f"Periode yang sudah berakhir ({sampai}): lengkap {hitung['diterima']}, "
            f"sebagian {hitung['sebagian']}, belum ada {hitung['belum']}. Belum waktunya: "
            f"{hitung['belum_waktunya']}. Dihitung dari nilai yang tersimpan, bukan dari tanda "
            "selesai."
        )
        self.rincian.clear()

    def _refused(self, pesan: str) -> None:
        self.ringkas.setText(f"Kelengkapan tidak dapat dihitung: {pesan}")

    def _sel_di(self, row: int, col: int) -> Any | None:
        """The SelKelengkapan of the cell at ``row``, ``col`` (None: the desa column)."""
        item = self.tabel.item(row, col)
        nomor = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self._sel[nomor] if isinstance(nomor, int) else None

    def _show_details(self, row: int, col: int) -> None:
        s = self._sel_di(row, col)
        if s is None:
            self.rincian.clear()
            return
        baris = [s.kalimat]
        if s.kurang:
            baris.append(f"Belum ada ({len(s.kurang)} indikator):")
            baris += [f"  {k} {self._nama_indikator.get(k, '')}" for k in s.kurang]
        self.rincian.setPlainText("\n".join(baris))

    def _runner(self) -> TaskRunner:
        if self.runner is None:
            self.runner = TaskRunner(self)
        return self.runner

    def _save_daftar(self) -> None:
        KekuranganDialog(self, self.tahun, self.per.currentData(), self._runner()).exec()

    def desa_kurang(self) -> tuple[str | None, list[str]]:
        """The period of the chosen column (None: the whole year) and the desa codes whose
        data is missing in it, counting only periods that have ended."""
        col = self.tabel.currentColumn()
        periode = self.periode[col - 1].id if 1 <= col <= len(self.periode) else None
        kode: list[str] = []
        for s in self._sel:
            if periode is not None and s.periode != periode:
                continue
            if s.jatuh_tempo and s.status.value != "diterima" and s.kode_desa not in kode:
                kode.append(s.kode_desa)
        return periode, kode

    def _make_templates(self) -> None:
        periode, kode = self.desa_kurang()
        if not kode:
            self.rincian.setPlainText(
                "Tidak ada desa/kelurahan yang datanya kurang pada periode yang sudah berakhir."
            )
            return
        TemplatDialog(self, self.tahun, self._runner(), periode, kode).exec()


def show_kelengkapan(window: Any) -> None:
    """Open the completeness table for the window's year."""
    if window.tahun is None:
        window.show_error("Belum ada tahun", "Pilih tahun IKI lebih dulu.")
        return
    tahun, runner = window.tahun, getattr(window, "tasks", None)
    dialog = run_once(
        window,
        lambda: KelengkapanDialog(window, tahun, runner),
        lambda pesan: window.show_error("Kelengkapan tidak dapat ditampilkan", pesan),
    )
    if dialog is not None:
        dialog.exec()
