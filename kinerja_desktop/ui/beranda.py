"""The Beranda: the first thing the window shows, what needs doing this month at a glance.

For the selected year: the to-do list (each line opens the place where it is done), the last
imports and backups, the completeness grid desa × month and the capaian bars per jabatan. A
year without any value (a new office) shows the first steps instead of empty pictures.

The figures are read off the GUI thread (:func:`kinerja_desktop.reports.beranda.build_beranda`
on the window's task runner) after the window's first paint, and read again when a change
record (:class:`Perubahan`) says values, indicators or jabatan changed, as every tab does.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.grafik import GrafikCapaianWidget, PetaKelengkapan
from kinerja_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kinerja_desktop.reports.beranda import DataBeranda
    from kinerja_desktop.reports.pekerjaan import Pekerjaan

WARNA_PENTING = "#b71c1c"
LEBAR_GRAFIK_NYAMAN = 480  # narrower than this beside the grid, the chart goes below it


def _judul(teks: str, parent: QWidget, besar: float = 1.15) -> QLabel:
    label = QLabel(teks, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * besar)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _kotak(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("QFrame#kotak { background: #ffffff; }")
    frame.setObjectName("kotak")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 10)
    return frame, layout


def _clear_layout(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class BerandaView(QScrollArea):
    """The home view of the main window; ``tujuan_dipilih`` carries where a line leads."""

    tujuan_dipilih = Signal(object)  # a reports.beranda.Tujuan
    dimuat = Signal()  # the figures are shown

    def __init__(
        self,
        runner: TaskRunner,
        db_path: Path | None,
        kecamatan: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.db_path = db_path
        self.kecamatan = kecamatan
        self.tahun: int | None = None
        self.hari_ini: Callable[[], date] = date.today  # tests fix the day
        self.data: DataBeranda | None = None
        self._memuat = False
        self._basi = True  # the figures shown are older than the data
        # nothing is read before the window's first paint (start): a read on the worker
        # thread would compete with the start-up for the processor and the interpreter
        self._boleh_muat = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        isi = QWidget(self)
        isi.setObjectName("beranda")
        isi.setStyleSheet("QWidget#beranda { background: #f3f4f6; }")
        self.setWidget(isi)
        layout = QVBoxLayout(isi)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.setSpacing(10)

        self.judul = _judul("Beranda", isi, 1.35)
        self.keterangan = QLabel(isi)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)
        self.keterangan.setWordWrap(True)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)

        self.atas = QWidget(isi)  # the to-do list and the recent imports and backups
        atas = QHBoxLayout(self.atas)
        atas.setContentsMargins(0, 0, 0, 0)
        atas.setSpacing(10)
        kotak_kerja, self.daftar_kerja = _kotak(self.atas)
        self.judul_kerja = _judul("Yang perlu dikerjakan", kotak_kerja)
        self.daftar_kerja.addWidget(self.judul_kerja)
        self.baris_kerja = QVBoxLayout()
        self.baris_kerja.setSpacing(4)
        self.daftar_kerja.addLayout(self.baris_kerja)
        self.daftar_kerja.addStretch(1)
        kotak_terakhir, terakhir = _kotak(self.atas)
        terakhir.addWidget(_judul("Impor terakhir", kotak_terakhir))
        self.impor = QLabel(kotak_terakhir)
        terakhir.addWidget(self.impor)
        terakhir.addWidget(_judul("Cadangan terakhir", kotak_terakhir))
        self.cadangan = QLabel(kotak_terakhir)
        terakhir.addWidget(self.cadangan)
        terakhir.addStretch(1)
        for label in (self.impor, self.cadangan):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        atas.addWidget(kotak_kerja, 3)
        atas.addWidget(kotak_terakhir, 2)
        layout.addWidget(self.atas)

        # the pictures, or the first steps of a new office in their place
        self.gambar = QWidget(isi)
        bawah = self.tata_gambar = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.gambar)
        bawah.setContentsMargins(0, 0, 0, 0)
        bawah.setSpacing(10)
        kotak_peta, peta = _kotak(self.gambar)
        kepala_peta = QHBoxLayout()
        self.judul_peta = _judul("Kelengkapan data desa", kotak_peta)
        kepala_peta.addWidget(self.judul_peta, 1)
        self.per = QComboBox(kotak_peta)
        self.per.addItem("Per bulan", "bulan")
        self.per.addItem("Per triwulan", "triwulan")
        self.per.setAccessibleName("Kelengkapan per bulan atau per triwulan")
        self.per.currentIndexChanged.connect(lambda _: self._fill_peta())
        kepala_peta.addWidget(self.per)
        peta.addLayout(kepala_peta)
        self.ringkas_peta = QLabel(kotak_peta)
        self.ringkas_peta.setWordWrap(True)
        self.ringkas_peta.setTextFormat(Qt.TextFormat.PlainText)
        self.ringkas_peta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        peta.addWidget(self.ringkas_peta)
        self.peta = PetaKelengkapan(kotak_peta)
        self.peta.sel_dipilih.connect(lambda _: self._go_to_kelengkapan())
        peta.addWidget(self.peta)
        peta.addStretch(1)
        kotak_grafik, grafik = _kotak(self.gambar)
        self.grafik = GrafikCapaianWidget(kotak_grafik)
        self.grafik.jabatan_dipilih.connect(self._go_to_jabatan)
        grafik.addWidget(self.grafik)
        self.catatan_grafik = QLabel(kotak_grafik)
        self.catatan_grafik.setWordWrap(True)
        self.catatan_grafik.setTextFormat(Qt.TextFormat.PlainText)
        self.catatan_grafik.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grafik.addWidget(self.catatan_grafik)
        grafik.addStretch(1)
        bawah.addWidget(kotak_peta, 0, Qt.AlignmentFlag.AlignTop)
        bawah.addWidget(kotak_grafik, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.gambar)

        kotak_awal, awal = _kotak(isi)
        self.sambutan = kotak_awal
        self.judul_awal = _judul("Selamat datang", kotak_awal)
        awal.addWidget(self.judul_awal)
        self.pengantar_awal = QLabel(kotak_awal)
        self.pengantar_awal.setWordWrap(True)
        self.pengantar_awal.setTextFormat(Qt.TextFormat.PlainText)
        awal.addWidget(self.pengantar_awal)
        self.baris_awal = QVBoxLayout()
        awal.addLayout(self.baris_awal)
        # a new office reads its first steps before anything else
        layout.insertWidget(2, kotak_awal)
        layout.addStretch(1)
        self.sambutan.hide()
        self.gambar.hide()
        self.keterangan.setText("Menghitung…")

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """The grid and the chart side by side when both fit, else one above the other."""
        super().resizeEvent(event)
        perlu = self.peta.sizeHint().width() + LEBAR_GRAFIK_NYAMAN + 60
        # not viewport(): PySide would load every scroll area's classes before the first paint
        lebar = self.maximumViewportSize().width()
        if self.verticalScrollBar().isVisible():
            lebar -= self.verticalScrollBar().width()
        arah = (
            QBoxLayout.Direction.LeftToRight if lebar >= perlu else QBoxLayout.Direction.TopToBottom
        )
        if self.tata_gambar.direction() != arah:
            self.tata_gambar.setDirection(arah)

    # --- state ----------------------------------------------------------------------------------

    def set_tahun(self, tahun: int | None) -> None:
        """Show ``tahun`` (read when the Beranda is on screen, else when it is shown)."""
        if tahun == self.tahun and not self._basi:
            return
        self.tahun = tahun
        self._basi = True
        self.load_when_visible()

    def apply_changes(self, perubahan: Perubahan) -> None:
        """Read the figures again when values, indicators, holders or jabatan changed."""
        if perubahan.nilai or perubahan.indikator or perubahan.jabatan_tree or perubahan.pemangku:
            self._basi = True
            self.load_when_visible()

    def start(self) -> None:
        """After the window's first paint: from now on the figures are read when needed."""
        self._boleh_muat = True
        self.load_when_visible()

    def load_when_visible(self) -> None:
        """Read the figures now if shown and out of date (else when next shown)."""
        if self._basi and self._boleh_muat and self.isVisible():
            self.load()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Coming back to the Beranda reads again what changed meanwhile (a backup, a change)."""
        super().showEvent(event)
        self._basi = True  # a backup or an import elsewhere leaves no change record here
        self.load_when_visible()

    def load(self) -> None:
        """Read the figures of the year on the task runner; the view fills when they arrive."""
        if self._memuat:
            self._basi = True  # read once more when this read ends
            return
        self._basi = False
        tahun = self.tahun
        if tahun is None:
            self._tanpa_tahun()
            return
        self._memuat = True
        hari_ini, db_path = self.hari_ini(), self.db_path

        def job(_state: object) -> "DataBeranda":
            from kinerja_desktop.reports.beranda import build_beranda

            return build_beranda(tahun, hari_ini, db_path)

        def done(data: "DataBeranda") -> None:
            self._memuat = False
            if data.tahun == self.tahun:
                self._show_data(data)
            self.load_when_visible()

        def failed(exc: KinerjaError) -> None:
            self._memuat = False
            self.keterangan.setText(f"Beranda tidak dapat dihitung: {exc.pesan}")

        def crashed(detail: str) -> None:
            from kinerja_desktop.ui.operations import show_bug

            self._memuat = False
            self.keterangan.setText("Beranda tidak dapat dihitung.")
            show_bug(self.window(), detail)

        self.runner.run(job, done, failed, on_crash=crashed)

    @property
    def is_loading(self) -> bool:
        """True while the figures are being read."""
        return self._memuat

    # --- filling --------------------------------------------------------------------------------

    def _tanpa_tahun(self) -> None:
        self.data = None
        self.judul.setText(f"Beranda — Kecamatan {self.kecamatan}".rstrip(" —"))
        self.keterangan.setText(
            "Basis data ini belum berisi tahun IKI. Impor IKI satu tahun dari buku kerja Excel "
            "melalui Data › Impor IKI dari Excel…, atau pulihkan cadangan melalui menu Berkas."
        )
        _clear_layout(self.baris_kerja)
        self.atas.hide()  # nothing to do or list before a year exists: the sentence says what
        self.gambar.hide()
        self.sambutan.hide()
        self.dimuat.emit()

    def _show_data(self, data: "DataBeranda") -> None:
        from kinerja_desktop.domain.tanggal import format_tanggal

        self.data = data
        self.judul.setText(f"Beranda — Kecamatan {self.kecamatan}, Tahun {data.tahun}")
        bulan = f"; bulan terakhir yang sudah berakhir: {data.bulan_selesai.label}" if (
            data.bulan_selesai) else "; belum ada bulan yang berakhir"  # fmt: skip
        self.keterangan.setText(f"Keadaan {format_tanggal(data.hari_ini)}{bulan}.")
        self._fill_baris(self.baris_kerja, data.pekerjaan, bernomor=False)
        self.atas.show()
        self.impor.setText(
            "\n".join(f"{k.waktu} — {k.teks}" for k in data.impor)
            or "Belum ada berkas yang diimpor untuk tahun ini."
        )
        self.cadangan.setText(
            "\n".join(f"{k.waktu} — {k.teks}" for k in data.cadangan) or "Belum ada cadangan."
        )
        if data.kosong:
            self.gambar.hide()
            self.pengantar_awal.setText(
                f"Belum ada target atau realisasi yang tersimpan untuk tahun {data.tahun}. "
                "Grafik kelengkapan dan capaian akan tampil di sini setelah data pertama "
                "masuk. Langkah pertama:"
            )
            self._fill_baris(self.baris_awal, data.langkah_awal, bernomor=True)
            self.sambutan.show()
        else:
            self.sambutan.hide()
            self._fill_peta()
            self.grafik.set_grafik(data.grafik)
            self.catatan_grafik.setText(
                "Rata-rata capaian indikator yang memiliki target dan realisasi; «belum ada "
                "data» berarti belum dapat dihitung, bukan 0. Klik jabatan untuk membukanya."
            )
            self.gambar.show()
        self.dimuat.emit()

    def _fill_peta(self) -> None:
        data = self.data
        if data is None:
            return
        grid = data.per_bulan if self.per.currentData() == "bulan" else data.per_triwulan
        self.peta.set_kelengkapan(grid)
        h = grid.count_by_status()
        self.judul_peta.setText(f"Kelengkapan data desa {data.tahun}")
        self.ringkas_peta.setText(
            f"Periode yang sudah berakhir: lengkap {h['diterima']}, sebagian {h['sebagian']}, "
            f"belum ada {h['belum']}. Dihitung dari nilai yang tersimpan. Klik sel untuk "
            "melihat indikator yang kurang."
        )

    def _fill_baris(self, layout: QVBoxLayout, daftar: list["Pekerjaan"], bernomor: bool) -> None:
        import html  # with its entity tables: only once figures are shown, not at start-up

        _clear_layout(layout)
        for i, kerja in enumerate(daftar, start=1):
            tanda = f"{i}." if bernomor else "•"
            warna = WARNA_PENTING if kerja.penting and not bernomor else "#333333"
            teks = (
                f'<span style="color:{warna}">{tanda}</span> '
                f'<a href="{i - 1}">{html.escape(kerja.teks)}</a>'
            )
            label = QLabel(teks, self.widget())
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if kerja.rincian:
                label.setToolTip(kerja.rincian)
            label.setProperty("kerja", i - 1)
            label.linkActivated.connect(lambda _href, k=kerja: self.tujuan_dipilih.emit(k.tujuan))
            layout.addWidget(label)
            label.show()  # at once: a layout would show it only on the next event loop turn

    def _go_to_jabatan(self, kode: str) -> None:
        from kinerja_desktop.reports.pekerjaan import Tab, Tempat, Tujuan

        if self.data is not None and kode in self.data.jabatan_id:
            self.tujuan_dipilih.emit(Tujuan(Tempat.JABATAN, self.data.jabatan_id[kode], Tab.TARGET))

    def _go_to_kelengkapan(self) -> None:
        from kinerja_desktop.reports.pekerjaan import Tempat, Tujuan

        self.tujuan_dipilih.emit(Tujuan(Tempat.KELENGKAPAN))
