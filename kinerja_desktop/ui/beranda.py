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
from kinerja_desktop.ui.beranda_kotak import catatan, judul, kotak
from kinerja_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kinerja_desktop.reports.beranda import DataBeranda
    from kinerja_desktop.reports.pekerjaan import Pekerjaan
    from kinerja_desktop.ui.beranda_gambar import GambarBeranda

WARNA_PENTING = "#b71c1c"


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
        layout = self.tata = QVBoxLayout(isi)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.setSpacing(10)

        self.judul = judul("Beranda", isi, 1.35)
        self.keterangan = QLabel(isi)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)
        self.keterangan.setWordWrap(True)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)

        self.atas = QWidget(isi)  # the to-do list and the recent imports and backups
        atas = QHBoxLayout(self.atas)
        atas.setContentsMargins(0, 0, 0, 0)
        atas.setSpacing(10)
        kotak_kerja, self.daftar_kerja = kotak(self.atas)
        self.judul_kerja = judul("Yang perlu dikerjakan", kotak_kerja)
        self.daftar_kerja.addWidget(self.judul_kerja)
        self.baris_kerja = QVBoxLayout()
        self.baris_kerja.setSpacing(4)
        self.daftar_kerja.addLayout(self.baris_kerja)
        self.daftar_kerja.addStretch(1)
        kotak_terakhir, terakhir = kotak(self.atas)
        terakhir.addWidget(judul("Impor terakhir", kotak_terakhir))
        self.impor = catatan(kotak_terakhir)
        terakhir.addWidget(self.impor)
        terakhir.addWidget(judul("Cadangan terakhir", kotak_terakhir))
        self.cadangan = catatan(kotak_terakhir)
        terakhir.addWidget(self.cadangan)
        terakhir.addStretch(1)
        atas.addWidget(kotak_kerja, 3)
        atas.addWidget(kotak_terakhir, 2)
        layout.addWidget(self.atas)

        # the pictures (built when the first figures arrive), or a new office's first steps
        self.gambar: GambarBeranda | None = None

        kotak_awal, awal = kotak(isi)
        self.sambutan = kotak_awal
        self.judul_awal = judul("Selamat datang", kotak_awal)
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
        self.keterangan.setText("Menghitung…")

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """The grid and the chart side by side when both fit, else one above the other."""
        super().resizeEvent(event)
        self._arrange_gambar()

    def _arrange_gambar(self) -> None:
        if self.gambar is None:
            return
        # not viewport(): PySide would load every scroll area's classes before the first paint
        lebar = self.maximumViewportSize().width()
        if self.verticalScrollBar().isVisible():
            lebar -= self.verticalScrollBar().width()
        self.gambar.arrange(lebar)

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
        self._hide_gambar()
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
            self._hide_gambar()
            self.pengantar_awal.setText(
                f"Belum ada target atau realisasi yang tersimpan untuk tahun {data.tahun}. "
                "Grafik kelengkapan dan capaian akan tampil di sini setelah data pertama "
                "masuk. Langkah pertama:"
            )
            self._fill_baris(self.baris_awal, data.langkah_awal, bernomor=True)
            self.sambutan.show()
        else:
            self.sambutan.hide()
            gambar = self._build_gambar()
            gambar.fill(data)
            gambar.show()
        self.dimuat.emit()

    def _build_gambar(self) -> "GambarBeranda":
        """The pictures, made when they are first shown."""
        if self.gambar is None:
            from kinerja_desktop.ui.beranda_gambar import GambarBeranda

            self.gambar = GambarBeranda(self.widget())
            self.gambar.kelengkapan_dipilih.connect(self._go_to_kelengkapan)
            self.gambar.jabatan_dipilih.connect(self._go_to_jabatan)
            self.tata.insertWidget(self.tata.indexOf(self.atas) + 1, self.gambar)
            self._arrange_gambar()
        return self.gambar

    def _hide_gambar(self) -> None:
        if self.gambar is not None:
            self.gambar.hide()

    def shows_pictures(self) -> bool:
        """Whether the grid and the chart are on screen (not before there are figures)."""
        return self.gambar is not None and self.gambar.isVisible()

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
