"""The Beranda's two pictures side by side: the completeness grid desa × month (or triwulan)
and the capaian bars per jabatan, each in its box with its title and a sentence saying how to
read it.

Built when the first figures arrive (:meth:`kinerja_desktop.ui.beranda.BerandaView.load`),
not with the window: until then the Beranda says "Menghitung…", and the pictures' module,
classes and fonts stay out of the time to the window's first paint.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.beranda_kotak import catatan, judul, kotak
from kinerja_desktop.ui.grafik import GrafikCapaianWidget, PetaKelengkapan

if TYPE_CHECKING:
    from kinerja_desktop.reports.beranda import DataBeranda

LEBAR_GRAFIK_NYAMAN = 480  # narrower than this beside the grid, the chart goes below it


class GambarBeranda(QWidget):
    """The grid and the chart of one year's figures; a click on a cell or a bar is passed on
    (``kelengkapan_dipilih``, ``jabatan_dipilih`` with the jabatan's code)."""

    kelengkapan_dipilih = Signal()
    jabatan_dipilih = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DataBeranda | None = None
        self.tata = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.tata.setContentsMargins(0, 0, 0, 0)
        self.tata.setSpacing(10)

        kotak_peta, peta = kotak(self)
        kepala_peta = QHBoxLayout()
        self.judul_peta = judul("Kelengkapan data desa", kotak_peta)
        kepala_peta.addWidget(self.judul_peta, 1)
        self.per = QComboBox(kotak_peta)
        self.per.addItem("Per bulan", "bulan")
        self.per.addItem("Per triwulan", "triwulan")
        self.per.setAccessibleName("Kelengkapan per bulan atau per triwulan")
        self.per.currentIndexChanged.connect(lambda _: self._fill_peta())
        kepala_peta.addWidget(self.per)
        peta.addLayout(kepala_peta)
        self.ringkas_peta = catatan(kotak_peta)
        peta.addWidget(self.ringkas_peta)
        self.peta = PetaKelengkapan(kotak_peta)
        self.peta.sel_dipilih.connect(lambda _: self.kelengkapan_dipilih.emit())
        peta.addWidget(self.peta)
        peta.addStretch(1)

        kotak_grafik, grafik = kotak(self)
        self.grafik = GrafikCapaianWidget(kotak_grafik)
        self.grafik.jabatan_dipilih.connect(self.jabatan_dipilih)
        grafik.addWidget(self.grafik)
        self.catatan_grafik = catatan(kotak_grafik)
        self.catatan_grafik.setText(
            "Rata-rata capaian indikator yang memiliki target dan realisasi; «belum ada "
            "data» berarti belum dapat dihitung, bukan 0. Klik jabatan untuk membukanya."
        )
        grafik.addWidget(self.catatan_grafik)
        grafik.addStretch(1)
        self.tata.addWidget(kotak_peta, 0, Qt.AlignmentFlag.AlignTop)
        self.tata.addWidget(kotak_grafik, 1, Qt.AlignmentFlag.AlignTop)

    def fill(self, data: "DataBeranda") -> None:
        """Draw the figures of ``data``."""
        self.data = data
        self._fill_peta()
        self.grafik.set_grafik(data.grafik)

    def arrange(self, lebar: int) -> None:
        """The grid and the chart side by side when both fit in ``lebar`` pixels, else one
        above the other."""
        perlu = self.peta.sizeHint().width() + LEBAR_GRAFIK_NYAMAN + 60
        arah = (
            QBoxLayout.Direction.LeftToRight if lebar >= perlu else QBoxLayout.Direction.TopToBottom
        )
        if self.tata.direction() != arah:
            self.tata.setDirection(arah)

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
