"""What both grids of the Target & Realisasi tab share: the cell states with their colours and
labels, what one cell shows (:class:`CellView`), and the model base (:class:`GridModel`) that
turns an edited cell into a :class:`~kinerja_desktop.db.ops_nilai.NilaiMasuk` for the tab.

The models show values already read by :mod:`kinerja_desktop.db.queries_nilai`; they never
write. A refused cell makes ``setData`` return False and emits ``ditolak`` with the reason.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from kinerja_desktop.db.models import SUMBER_ENTRI
from kinerja_desktop.db.ops_nilai import STATUS_TERKUNCI, NilaiMasuk
from kinerja_desktop.db.queries_nilai import BarisCapaian, StoredRealisasi
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    Periode,
    bulan,
    tahun_,
    triwulan,
)
from kinerja_desktop.domain.value_text import (
    format_angka,
    format_persen,
    teks_realisasi,
    teks_target,
)
from kinerja_desktop.errors import DataTidakValid

Index = QModelIndex | QPersistentModelIndex
OnEdit = Callable[[list[NilaiMasuk], str], bool]

ROLE_KEADAAN = Qt.ItemDataRole.UserRole + 1
"""The state of a cell: kosong, entri, impor, salin, terkunci, hitung (computed)."""

MODE_BULAN = "bulan"
MODE_TRIWULAN = "triwulan"

KEADAAN_LABEL = {
    "kosong": "Belum ada data",
    "entri": "Diisi di aplikasi",
    "impor": "Impor dari desa/berkas",
    "salin": "Disalin dari tahun lalu",
    "terkunci": "Terkunci (disetujui)",
    "hitung": "Dihitung dari data",
    "otomatis": "Target otomatis",
}
KEADAAN_PENJELASAN = {
    "otomatis": (
        "Target otomatis: target bulan atau triwulan yang tidak diisi, dihitung dari target "
        "tahun atau triwulan yang diisi (indikator jumlah: dibagi rata, mis. target tahun ÷ 12 "
        "per bulan; persentase: target yang sama). Ditulis miring."
    ),
}
"""What a legend label means, on hover, where the label alone does not say it."""
WARNA_KEADAAN = {
    "kosong": "#eeeeee",
    "entri": "#ffffff",
    "impor": "#d6e8fa",
    "salin": "#fbf0cf",
    "terkunci": "#cfcfcf",
    "hitung": "#f3f3f9",
    "otomatis": "#f3f3f9",
    # a retired desa's months (its row says so; not in the legend, which every grid shows)
    "nonaktif": "#d9d9d9",
}
TEKS_KOSONG = "–"


def kolom_periode(tahun: int, mode: str) -> list[Periode]:
    """The period columns: months with each triwulan after its months, then the year; or the
    four triwulan and the year."""
    hasil: list[Periode] = []
    for q in range(1, 5):
        if mode == MODE_BULAN:
            hasil += [bulan(tahun, m) for m in range(q * 3 - 2, q * 3 + 1)]
        hasil.append(triwulan(tahun, q))
    hasil.append(tahun_(tahun))
    return hasil


def keadaan_sel(sel: StoredRealisasi | None) -> str:
    """The state of a stored realisasi."""
    if sel is None:
        return "kosong"
    if sel.status in STATUS_TERKUNCI:
        return "terkunci"
    return "entri" if sel.sumber == SUMBER_ENTRI else "impor"


def tooltip_capaian(b: BarisCapaian) -> str:
    """The numbers behind a realisasi or capaian cell: target, realisasi, N/D, category."""
    jenis = b.info.jenis
    baris = [b.periode.label]
    if b.target is None:
        baris.append("Target: belum ada")
    else:
        asal = " (target otomatis, dari target yang diisi)" if b.target_turunan else ""
        baris.append(f"Target: {teks_target(b.target, jenis)}{asal}")
    r = b.realisasi
    if r.nilai is None:
        baris.append("Realisasi: belum ada data")
    else:
        baris.append(f"Realisasi: {teks_realisasi(jenis, r.nilai)} (dari {r.jumlah_data} data)")
        if jenis is not Jenis.JUMLAH:
            baris.append(
                f"Pembilang/penyebut: {format_angka(r.pembilang or 0)} / "
                f"{format_angka(r.penyebut or 0)}"
            )
    if b.info.dari_desa:
        baris.append(f"Desa/kelurahan yang melapor: {b.desa_lapor}")
    if b.capaian.persen is not None:
        kategori = f" — {b.kategori.nama}" if b.kategori else ""
        baris.append(f"Capaian: {format_persen(b.capaian.persen)}{kategori}")
    if b.capaian.catatan:
        baris.append(b.capaian.catatan)
    return "\n".join(baris)


TIDAK_SESUAI = "tak sesuai"


def teks_sel(jenis: Jenis, sel: StoredRealisasi) -> str:
    # A value stored before the indicator's kind was changed (a count kept as nilai on what is
    # now a percentage) has no figure of the new kind: say so rather than show a blank.
    return teks_realisasi(jenis, sel.komponen.nilai_tampil(jenis)) or TIDAK_SESUAI


@dataclass(frozen=True)
class CellView:
    """What one cell shows."""

    teks: str
    keadaan: str
    isian: str = ""
    tooltip: str = ""
    warna: str | None = None
    tebal: bool = False
    miring: bool = False


class GridModel(QAbstractTableModel):
    ditolak = Signal(str)

    def __init__(self, on_edit: OnEdit | None = None) -> None:
        super().__init__()
        self.on_edit = on_edit
        self.periode: list[Periode] = []
        self.penilaian = Penilaian()

    # subclasses: _sel(row, column) -> _Sel; masuk(index, teks) -> NilaiMasuk; FIXED columns
    TETAP: tuple[str, ...] = ()

    def _sel(self, row: int, column: int) -> CellView:
        raise NotImplementedError

    def is_editable(self, row: int, column: int) -> bool:
        """Whether the cell takes typed values."""
        raise NotImplementedError

    def why_fixed(self, row: int, column: int) -> str:
        """Why a cell takes no typed value, and where the value goes instead."""
        raise NotImplementedError

    def parse_entry(self, row: int, column: int, teks: str) -> NilaiMasuk:
        """The value typed into a cell (raises DataTidakValid when the text is wrong)."""
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.TETAP) + len(self.periode)

    def periode_kolom(self, column: int) -> Periode | None:
        """The period of a column (None for the fixed columns on the left)."""
        i = column - len(self.TETAP)
        return self.periode[i] if 0 <= i < len(self.periode) else None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        p = self.periode_kolom(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.TETAP[section] if p is None else p.label_pendek
        if role == Qt.ItemDataRole.ToolTipRole and p is not None:
            return p.label
        if role == Qt.ItemDataRole.FontRole and p is not None and p.jenis != JenisPeriode.BULAN:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() < len(self.TETAP):
            return self._data_tetap(index.row(), index.column(), role)
        sel = self._sel(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return sel.teks or (TEKS_KOSONG if sel.keadaan in ("kosong", "terkunci") else "")
        if role == Qt.ItemDataRole.EditRole:
            return sel.isian
        if role == Qt.ItemDataRole.ToolTipRole:
            return sel.tooltip or KEADAAN_LABEL[sel.keadaan]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(sel.warna or WARNA_KEADAAN[sel.keadaan]))
        if role == Qt.ItemDataRole.ForegroundRole and not sel.teks:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and (sel.tebal or sel.miring):
            font = QFont()
            font.setBold(sel.tebal)
            font.setItalic(sel.miring)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROLE_KEADAAN:
            return sel.keadaan
        return None

    def _data_tetap(self, row: int, column: int, role: int) -> Any:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.is_editable(index.row(), index.column()):
            return False
        teks = str(value if value is not None else "").strip()
        if teks == self._sel(index.row(), index.column()).isian:
            return True
        try:
            masuk = self.parse_entry(index.row(), index.column(), teks)
        except DataTidakValid as exc:
            self.ditolak.emit(exc.pesan)
            return False
        if self.on_edit is None:
            return False
        return self.on_edit([masuk], f"Isi {masuk.lokasi}")

    def _refresh(self, same_shape: bool, apply: Callable[[], None]) -> None:
        # Same rows and columns: keep the view (selection, open editor) and repaint; otherwise
        # reset. Edits refresh through here while setData is still on the stack.
        if same_shape:
            apply()
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        try:
            apply()
        finally:
            self.endResetModel()
