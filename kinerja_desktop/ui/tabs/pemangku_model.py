"""The item model of the Pemangku tab: the pegawai holding a jabatan (name, NIP, pangkat)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.db.ops_pemangku import FIELDS, PemangkuData
from kinerja_desktop.domain.nip import format_nip, nip_problem
from kinerja_desktop.domain.urut import kunci_golongan, kunci_teks
from kinerja_desktop.ui.tabs.row_model import Index, RowListModel

KOLOM = ("Nama", "NIP", "Pangkat/Golongan")
"""Column titles; column ``i`` shows the pegawai field ``FIELDS[i]``."""
KOLOM_NAMA, KOLOM_NIP, KOLOM_PANGKAT = 0, 1, 2


def pangkat_label(nama: str, golongan: str) -> str:
    """How a rank is shown: "Pembina Tingkat I (IV/b)"."""
    return f"{nama} ({golongan})" if golongan else ""


class PemangkuModel(RowListModel[PemangkuData]):
    """Holders of one jabatan. Edits go to ``on_edit(pegawai_id, field, value)``; refused input
    makes ``setData`` return False and emits ``ditolak`` with the reason."""

    KOLOM = KOLOM

    ditolak = Signal(str)

    def __init__(self, on_edit: Callable[[PemangkuData, str, str], None] | None = None) -> None:
        super().__init__()
        self.on_edit = on_edit

    def kunci_urut(self, item: PemangkuData, column: int) -> Any:
        """Name as a reader sorts it, NIP by its digits, pangkat by golongan (rank); an empty
        NIP or golongan last."""
        if column == KOLOM_NIP:
            return (not item.nip, item.nip)
        if column == KOLOM_PANGKAT:
            return kunci_golongan(item.golongan)
        return kunci_teks(item.nama)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return getattr(item, FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KOLOM_NIP:
                return format_nip(item.nip) if item.nip else "(belum diisi)"
            if column == KOLOM_PANGKAT:
                return pangkat_label(item.pangkat, item.golongan) or "(belum diisi)"
            return item.nama
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KOLOM_NIP and not item.nip:
                return "NIP belum diisi; klik dua kali untuk mengisinya."
            if column == KOLOM_PANGKAT and not item.golongan:
                return "Pangkat/golongan belum diisi; klik dua kali untuk memilihnya."
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column != KOLOM_NAMA
            and not getattr(item, FIELDS[column])
        ):
            return QBrush(QColor("#777777"))  # "(belum diisi)" in grey
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._rows[index.row()]
        name = FIELDS[index.column()]
        text = str(value if value is not None else "").strip()
        problem = None
        if name == "nama" and not text:
            problem = "Nama pegawai tidak boleh kosong."
        elif name == "nip" and text:
            found = nip_problem(text)
            problem = f"NIP tidak valid: {found}" if found else None
        if problem:
            self.ditolak.emit(problem)
            return False
        if name == "nip":
            text = "".join(ch for ch in text if ch.isdigit())
        if text == getattr(item, name):
            return True
        if self.on_edit is not None:
            self.on_edit(item, name, text)
        return True
