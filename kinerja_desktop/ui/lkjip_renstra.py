"""The "Target Renstra" tab of the Laporan Kinerja editor: the end year of the Renstra and the
five-year target of each organisation indicator, typed in a table (empty removes one)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.ops_lkjip import IsiTargetRenstra, set_targets_renstra
from kinerja_desktop.domain.value_text import format_cell_target, parse_cell_target
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.lkjip_angka import IndikatorLkjip
from kinerja_desktop.reports.lkjip_data import LaporanKinerja


def _isian(i: IndikatorLkjip) -> str:
    """The Renstra target as typed in its cell: ``95``, ``80-100``."""
    return i.renstra_target.rstrip("%").replace("–", "-")


class TabRenstra(QWidget):
    """The table of Renstra targets; the editor saves it with :meth:`save_to`."""

    def __init__(self) -> None:
        super().__init__()
        self.akhir = QSpinBox()
        self.akhir.setRange(2000, 2100)
        self.tabel = QTableWidget(0, 5)
        self.tabel.setHorizontalHeaderLabels(
            ["Kode", "Indikator", "Satuan", "Target tahun ini", "Target akhir Renstra"]
        )
        kepala = self.tabel.horizontalHeader()
        # the indicator's name takes what is left; the other columns, headers included, are
        # never narrower than their text (at 1024 px "Target akhir Renstra" was cut)
        for kolom in (0, 2, 3, 4):
            kepala.setSectionResizeMode(kolom, QHeaderView.ResizeMode.ResizeToContents)
        kepala.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabel.verticalHeader().hide()
        self.simpan = QPushButton("Simpan target &Renstra")
        r = QVBoxLayout(self)
        baris = QHBoxLayout()
        label = QLabel("Tahun akhir &Renstra:")
        label.setBuddy(self.akhir)
        baris.addWidget(label)
        baris.addWidget(self.akhir)
        baris.addStretch(1)
        r.addLayout(baris)
        keterangan = QLabel(
            "Isi target akhir Renstra (lima tahunan) indikator kinerja utama; kosongkan untuk "
            "menghapus. Laporan membandingkan realisasi tahun ini dengannya."
        )
        keterangan.setWordWrap(True)
        r.addWidget(keterangan)
        r.addWidget(self.tabel, 1)
        r.addWidget(self.simpan, 0, Qt.AlignmentFlag.AlignRight)

    def fill(self, laporan: LaporanKinerja) -> None:
        """Show the organisation indicators of ``laporan`` with their Renstra targets."""
        indikator = laporan.angka.indikator
        akhir = [i.renstra_tahun for i in indikator if i.renstra_tahun is not None]
        self.akhir.setValue(min(akhir) if akhir else laporan.tahun)
        self.tabel.setRowCount(len(indikator))
        for r, i in enumerate(indikator):
            for c, t in enumerate((i.kode, i.nama, i.satuan, i.ini.target, _isian(i))):
                item = QTableWidgetItem(t)
                if c < 4:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.tabel.setItem(r, c, item)

    def save_to(self, laporan: LaporanKinerja) -> int:
        """Store what changed in the table; returns how many indicators changed. Every cell
        is read before anything is stored: a bad one refuses the whole table, and the table is
        stored in one transaction (a full disk stores none of it)."""
        akhir = self.akhir.value()
        rencana: list[IsiTargetRenstra] = []
        for r, i in enumerate(laporan.angka.indikator):
            sel = self.tabel.item(r, 4)
            try:
                target = parse_cell_target(sel.text() if sel is not None else "")
            except DataTidakValid as exc:
                raise DataTidakValid(f"Baris {r + 1} ({i.kode}): {exc.pesan}") from None
            if target is None and i.renstra_tahun is not None:
                # the target shown is removed, whichever plan it belongs to
                rencana.append(IsiTargetRenstra(i.kode, i.renstra_tahun, None, i.jenis))
            elif target is not None and (
                i.renstra_tahun != akhir or format_cell_target(target) != _isian(i)
            ):
                rencana.append(IsiTargetRenstra(i.kode, akhir, target, i.jenis))
        return set_targets_renstra(rencana).data
