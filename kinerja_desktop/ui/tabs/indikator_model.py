"""The item model of the Indikator tab: sasaran, indicators and sub-items as one flat table.

A sasaran row spans the whole width (the view sets the span); an indicator row shows its
fields; a sub-item row shows its letter, its text and its formula line under the indicator.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from kinerja_desktop.db.queries_indikator import (
    FIELDS,
    IndikatorData,
    SasaranData,
    SubData,
    kode_problem,
)
from kinerja_desktop.domain.indikator import Jenis, Polaritas

Index = QModelIndex | QPersistentModelIndex

KOLOM = (
    "Kode",
    "Indikator",
    "Formulasi Penghitungan",
    "Satuan",
    "Polaritas",
    "Jenis",
    "Sumber Data",
)
"""Column titles; column ``i`` shows the indicator field ``FIELDS[i]``."""

KOLOM_KODE, KOLOM_NAMA, KOLOM_FORMULA = 0, 1, 2
KOLOM_POLARITAS, KOLOM_JENIS = 4, 5
PILIHAN: dict[int, type[Polaritas] | type[Jenis]] = {
    KOLOM_POLARITAS: Polaritas,
    KOLOM_JENIS: Jenis,
}
"""Columns edited with a drop-down, and the choices they offer."""

_LATAR_SASARAN = QColor("#e8eef7")


class Jenisbaris(Enum):
    """What a row of the table shows."""

    SASARAN = "sasaran"
    INDIKATOR = "indikator"
    SUB = "sub"


@dataclass(frozen=True)
class Baris:
    """One row: its kind, the shown object, and its place (sasaran number, sub letter)."""

    jenis: Jenisbaris
    data: SasaranData | IndikatorData | SubData
    sasaran_id: int
    indikator_id: int | None
    nomor: int  # sasaran number (1-based) or sub-item index (0-based)

    @property
    def id(self) -> int:
        """The database id of the shown object."""
        return self.data.id


def huruf(index: int) -> str:
    """The letter of the sub-item ``index`` (0 → "a.", 26 → "aa.")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters + "."


EditHandler = Callable[[Baris, str, str], None]
"""Called with the row, the field name and the new value when a cell is edited."""


class IndikatorModel(QAbstractTableModel):
    """Rows of one jabatan's sasaran/indicators/sub-items. Edits go to ``on_edit`` (which
    pushes an undo command); refused input makes ``setData`` return False and emits
    ``ditolak`` with the reason."""

    ditolak = Signal(str)

    def __init__(self, on_edit: EditHandler | None = None) -> None:
        super().__init__()
        self._rows: list[Baris] = []
        self.tahun: int | None = None
        self.on_edit = on_edit

    # -- content --------------------------------------------------------------------------
    @staticmethod
    def flatten(sasaran: list[SasaranData]) -> list[Baris]:
        """The rows showing ``sasaran`` in document order."""
        rows: list[Baris] = []
        for nomor, sas in enumerate(sasaran, start=1):
            rows.append(Baris(Jenisbaris.SASARAN, sas, sas.id, None, nomor))
            for ind in sas.indikator:
                rows.append(Baris(Jenisbaris.INDIKATOR, ind, sas.id, ind.id, 0))
                for i, sub in enumerate(ind.sub):
                    rows.append(Baris(Jenisbaris.SUB, sub, sas.id, ind.id, i))
        return rows

    def set_content(self, sasaran: list[SasaranData], tahun: int | None) -> None:
        """Show ``sasaran``; keeps open editors when only the texts changed."""
        rows = self.flatten(sasaran)
        self.tahun = tahun
        if [(r.jenis, r.id) for r in rows] == [(r.jenis, r.id) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(KOLOM) - 1))
            return
        self.beginResetModel()
        try:
            self._rows = rows
        finally:
            self.endResetModel()

    def baris(self, row: int) -> Baris:
        """The row ``row``."""
        return self._rows[row]

    def rows(self) -> list[Baris]:
        """All rows, top to bottom."""
        return list(self._rows)

    def row_of(self, jenis: Jenisbaris, item_id: int) -> int | None:
        """The row showing the object of kind ``jenis`` with id ``item_id``."""
        for row, baris in enumerate(self._rows):
            if baris.jenis is jenis and baris.id == item_id:
                return row
        return None

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(KOLOM)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(KOLOM):
                return None
            # Two lines for the long title keeps its column narrow.
            return "Formulasi\nPenghitungan" if section == KOLOM_FORMULA else KOLOM[section]
        return None

    def field_of(self, baris: Baris, column: int) -> str | None:
        """The name of the field shown in ``column`` of this row, None for an empty cell."""
        if baris.jenis is Jenisbaris.SASARAN:
            return "teks" if column == 0 else None
        if baris.jenis is Jenisbaris.SUB:
            return {KOLOM_NAMA: "teks", KOLOM_FORMULA: "formula"}.get(column)
        return FIELDS[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        baris = self._rows[index.row()]
        column = index.column()
        name = self.field_of(baris, column)
        value = getattr(baris.data, name) if name else ""
        if role == Qt.ItemDataRole.EditRole:
            return value if name else None
        if role == Qt.ItemDataRole.DisplayRole:
            if baris.jenis is Jenisbaris.SASARAN and column == 0:
                return f"Sasaran {baris.nomor}: {value}"
            if baris.jenis is Jenisbaris.SUB and column == KOLOM_NAMA:
                return f"{huruf(baris.nomor)} {value}"
            if column in PILIHAN and name:
                return PILIHAN[column](value).label
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if not name or not value:
                return None
            if column in PILIHAN:
                return PILIHAN[column](value).label
            return str(value)
        if role == Qt.ItemDataRole.FontRole and baris.jenis is Jenisbaris.SASARAN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and baris.jenis is Jenisbaris.SASARAN:
            return QBrush(_LATAR_SASARAN)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.field_of(self._rows[index.row()], index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        baris = self._rows[index.row()]
        column = index.column()
        name = self.field_of(baris, column)
        if not name:
            return False
        text = str(value if value is not None else "").strip()
        problem = self._problem(baris, column, name, text)
        if problem:
            self.ditolak.emit(problem)
            return False
        if text == getattr(baris.data, name):
            return True
        if self.on_edit is not None:
            self.on_edit(baris, name, text)
        return True

    def _problem(self, baris: Baris, column: int, name: str, text: str) -> str | None:
        if column in PILIHAN:
            allowed = [m.value for m in PILIHAN[column]]
            return None if text in allowed else "Pilih salah satu pilihan pada daftar."
        if name == "kode":
            if self.tahun is None:
                return None
            return kode_problem(self.tahun, text, baris.id)
        if name in ("nama", "teks") and not text:
            what = {
                Jenisbaris.SASARAN: "Sasaran",
                Jenisbaris.INDIKATOR: "Nama indikator",
                Jenisbaris.SUB: "Sub-butir",
            }[baris.jenis]
            return f"{what} tidak boleh kosong; hapus barisnya bila tidak dipakai."
        return None
