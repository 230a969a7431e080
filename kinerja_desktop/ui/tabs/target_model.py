"""Table models of the Target & Realisasi tab: a jabatan's grid and one indicator's desa grid.

Both models show values already read by :mod:`kinerja_desktop.db.queries_nilai`; they never write.
An edited cell becomes a :class:`~kinerja_desktop.db.ops_nilai.NilaiMasuk` handed to ``on_edit``
(the tab checks it and pushes an undo command); a refused cell makes ``setData`` return False
and emits ``ditolak`` with the reason.

Long because two table models over the same rows, with the text, state and tooltip of every kind
of cell.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from kinerja_desktop.db.models import SUMBER_ENTRI, SUMBER_SALIN
from kinerja_desktop.db.ops_nilai import STATUS_TERKUNCI, KunciNilai, Lokasi, NilaiMasuk
from kinerja_desktop.db.queries_nilai import BarisCapaian, DesaInfo, NilaiIndikator, StoredRealisasi
from kinerja_desktop.domain.capaian import Penilaian, hari_kerja_periode
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    Periode,
    bulan,
    parse_periode,
    tahun_,
    triwulan,
)
from kinerja_desktop.domain.value_slot import slot_refusal
from kinerja_desktop.domain.value_text import (
    CONTOH,
    format_angka,
    format_cell_komponen,
    format_cell_target,
    format_persen,
    parse_cell_komponen,
    parse_cell_target,
    teks_realisasi,
    teks_target,
)
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
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


def _keadaan_target(sumber: str | None) -> str:
    if sumber is None:
        return "kosong"
    if sumber == SUMBER_SALIN:
        return "salin"
    return "entri" if sumber == SUMBER_ENTRI else "impor"


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


def _teks_sel(jenis: Jenis, sel: StoredRealisasi) -> str:
    # A value stored before the indicator's kind was changed (a count kept as nilai on what is
    # now a percentage) has no figure of the new kind: say so rather than show a blank.
    return teks_realisasi(jenis, sel.komponen.nilai_tampil(jenis)) or TIDAK_SESUAI


@dataclass(frozen=True)
class _CellView:
    """What one cell shows."""

    teks: str
    keadaan: str
    isian: str = ""
    tooltip: str = ""
    warna: str | None = None
    tebal: bool = False
    miring: bool = False


class _DasarModel(QAbstractTableModel):
    ditolak = Signal(str)

    def __init__(self, on_edit: OnEdit | None = None) -> None:
        super().__init__()
        self.on_edit = on_edit
        self.periode: list[Periode] = []
        self.penilaian = Penilaian()

    # subclasses: _sel(row, column) -> _Sel; masuk(index, teks) -> NilaiMasuk; FIXED columns
    TETAP: tuple[str, ...] = ()

    def _sel(self, row: int, column: int) -> _CellView:
        raise NotImplementedError

    def is_editable(self, row: int, column: int) -> bool:
        """Whether the cell takes typed values."""
        raise NotImplementedError

    def why_fixed(self, row: int, column: int) -> str:
        """Why a cell takes no typed value, and where the value goes instead."""
        raise NotImplementedError

    def masuk(self, row: int, column: int, teks: str) -> NilaiMasuk:
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
            masuk = self.masuk(index.row(), index.column(), teks)
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


BARIS_TARGET, BARIS_REALISASI, BARIS_CAPAIAN = 0, 1, 2
LABEL_BARIS = ("Target", "Realisasi", "Capaian")


class NilaiModel(_DasarModel):
    """A jabatan's grid: three rows per indicator (target, realisasi, capaian) × periods."""

    TETAP = ("Indikator", "")

    def __init__(self, on_edit: OnEdit | None = None) -> None:
        super().__init__(on_edit)
        self.nilai: list[NilaiIndikator] = []
        self._capaian: dict[tuple[int, Periode], BarisCapaian] = {}

    def set_content(
        self, nilai: list[NilaiIndikator], periode: list[Periode], penilaian: Penilaian
    ) -> None:
        """Show ``nilai`` over the columns ``periode``."""
        same = [n.info.id for n in nilai] == [n.info.id for n in self.nilai] and (
            periode == self.periode
        )

        def apply() -> None:
            self.nilai, self.periode, self.penilaian = nilai, periode, penilaian
            self._capaian = {}

        self._refresh(same, apply)

    def indikator(self, row: int) -> NilaiIndikator:
        """The indicator shown on ``row``."""
        return self.nilai[row // 3]

    def capaian(self, n: NilaiIndikator, p: Periode) -> BarisCapaian:
        """Target, realisasi and capaian of an indicator in a period (computed once)."""
        key = (n.info.id, p)
        found = self._capaian.get(key)
        if found is None:
            found = self._capaian[key] = n.capaian(p, self.penilaian)
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.nilai) * 3

    def _data_tetap(self, row: int, column: int, role: int) -> Any:
        n = self.indikator(row)
        jenis_baris = row % 3
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                # the unit after the name, in brackets, as a report writes it: after the code
                # ("KASI-KESOS.01 · kegiatan") it read as part of the code or the name
                satuan = f" ({n.info.satuan})" if n.info.satuan else ""
                return f"{n.info.kode}\n{n.info.nama}{satuan}" if jenis_baris == 0 else ""
            label = LABEL_BARIS[jenis_baris]
            if jenis_baris == BARIS_REALISASI and n.info.dari_desa:
                label += " Σ desa"
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                asal = "Diisi per desa/kelurahan." if n.info.dari_desa else ""
                return f"{n.info.kode}\n{n.info.nama}\n{n.info.polaritas.label}. {asal}".strip()
            if jenis_baris == BARIS_REALISASI:
                teks = CONTOH[n.info.jenis]
                if n.info.dari_desa:
                    teks = "Jumlah dari desa/kelurahan; isi pada tabel per desa di bawah."
                return teks
            if jenis_baris == BARIS_TARGET:
                return "Target per tahun atau per triwulan; rentang ditulis 80-100."
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # the indicator's name starts at the top of its three rows; the row labels sit on
            # the same line as the numbers beside them
            tegak = Qt.AlignmentFlag.AlignTop if column == 0 else Qt.AlignmentFlag.AlignVCenter
            return int(Qt.AlignmentFlag.AlignLeft | tegak)
        if role == ROLE_KEADAAN:
            return "label"
        return None

    def is_editable(self, row: int, column: int) -> bool:
        p = self.periode_kolom(column)
        if p is None or row >= self.rowCount():
            return False
        n = self.indikator(row)
        jenis_baris = row % 3
        if jenis_baris == BARIS_TARGET:
            bebas = slot_refusal("target", n.info.sifat, p, per_desa=False) is None
            return bebas and not n.target_terkunci()
        if jenis_baris == BARIS_REALISASI:
            if slot_refusal("realisasi", n.info.sifat, p, per_desa=False) is not None:
                return False
            return not n.realisasi_terkunci(p)
        return False

    def why_fixed(self, row: int, column: int) -> str:
        """Why a cell of the jabatan grid takes no typed value, and what to do instead."""
        p = self.periode_kolom(column)
        if p is None or row >= self.rowCount():
            return "Kolom ini nama indikator; ketik angka pada kolom bulan, triwulan atau tahun."
        n = self.indikator(row)
        jenis_baris = row % 3
        if jenis_baris == BARIS_TARGET:
            if n.target_terkunci():
                return f"Target {n.info.kode} tahun {p.tahun} sudah disetujui dan dikunci."
            return (
                f"Target {n.info.kode} diisi per tahun atau per triwulan, tidak per bulan: ketik "
                "di kolom TW atau Tahun. Target bulan dihitung otomatis dari target itu."
            )
        if jenis_baris == BARIS_CAPAIAN:
            return "Capaian dihitung dari target dan realisasi; tidak diketik."
        if n.realisasi_terkunci(p) and not n.info.dari_desa:
            return f"Realisasi {n.info.kode} {p.label} sudah disetujui dan dikunci."
        if n.info.dari_desa:
            return (
                f"Realisasi {n.info.kode} adalah jumlah dari desa/kelurahan: isi per desa "
                "(tombol Isi per Desa, atau klik dua kali baris ini)."
            )
        if p.jenis is JenisPeriode.TAHUN:
            return "Realisasi tahun dijumlahkan dari bulan-bulannya; isi di kolom bulan."
        return (
            f"Realisasi {n.info.kode} dilaporkan per bulan: isi di kolom bulan; triwulan "
            "dijumlahkan dari bulan-bulannya."
        )

    def _sel(self, row: int, column: int) -> _CellView:
        n = self.indikator(row)
        p = self.periode_kolom(column)
        assert p is not None
        jenis = n.info.jenis
        jenis_baris = row % 3
        if jenis_baris == BARIS_TARGET:
            view = self._sel_target(n, p)
            if n.target_terkunci():
                # the year's targets are approved: every target cell shows it is locked
                tip = f"{view.tooltip}\n{KEADAAN_LABEL['terkunci']}".strip()
                return replace(view, keadaan="terkunci", tooltip=tip)
            return view
        b = self.capaian(n, p)
        if jenis_baris == BARIS_REALISASI:
            sel = None if n.info.dari_desa else n.sel(p)
            if sel is not None:
                keadaan = keadaan_sel(sel)
                return _CellView(
                    _teks_sel(jenis, sel),
                    keadaan,
                    format_cell_komponen(jenis, sel.komponen),
                    f"{KEADAAN_LABEL[keadaan]}\n{tooltip_capaian(b)}",
                )
            teks = teks_realisasi(jenis, b.realisasi.nilai)
            diketik = slot_refusal("realisasi", n.info.sifat, p, per_desa=False) is None
            if diketik and not n.info.dari_desa and n.realisasi_terkunci(p):
                # an empty cell of an approved period: locked like the values beside it
                tip = f"{KEADAAN_LABEL['terkunci']}\n{tooltip_capaian(b)}"
                return _CellView(teks, "terkunci", "", tip)
            return _CellView(
                teks,
                "hitung" if teks else "kosong",
                "",
                tooltip_capaian(b),
                tebal=p.jenis is not JenisPeriode.BULAN,
            )
        persen = b.capaian.persen
        if persen is None:
            return _CellView("", "kosong", "", tooltip_capaian(b))
        return _CellView(
            format_persen(persen),
            "hitung",
            "",
            tooltip_capaian(b),
            warna=b.kategori.warna if b.kategori else None,
            tebal=p.jenis is not JenisPeriode.BULAN,
        )

    def _sel_target(self, n: NilaiIndikator, p: Periode) -> _CellView:
        jenis = n.info.jenis
        if p in n.target:
            t = n.target[p]
            return _CellView(
                teks_target(t, jenis),
                _keadaan_target(n.target_sumber.get(p)),
                format_cell_target(t),
                f"Target {p.label}: {teks_target(t, jenis)}",
            )
        dibagi, _ = n.target_periode(p)
        if dibagi is None:
            return _CellView("", "kosong", "", f"Belum ada target untuk {p.label}.")
        # shown (capaian is computed against it), in italics, named in the legend
        return _CellView(
            teks_target(dibagi, jenis),
            "otomatis",
            "",
            f"Target otomatis {p.label}: {teks_target(dibagi, jenis)}\n"
            f"{KEADAAN_PENJELASAN['otomatis']}",
            miring=True,
        )

    def masuk(self, row: int, column: int, teks: str) -> NilaiMasuk:
        n = self.indikator(row)
        p = self.periode_kolom(column)
        assert p is not None
        lokasi = Lokasi(
            f"{'target' if row % 3 == BARIS_TARGET else 'realisasi'} {n.info.kode} {p.label}"
        )
        # terlihat: the value this cell showed, so that a change made meanwhile on another
        # PC is reported instead of overwritten
        if row % 3 == BARIS_TARGET:
            kunci = KunciNilai("target", n.info.id, p.id)
            return NilaiMasuk(
                kunci, target=parse_cell_target(teks), lokasi=lokasi, terlihat=n.target.get(p)
            )
        kunci = KunciNilai("realisasi", n.info.id, p.id)
        hke = hari_kerja_periode(n.info.hari_kerja_efektif, p)
        komponen = parse_cell_komponen(n.info.jenis, teks, hke)
        sel = n.realisasi.get(None, {}).get(p)
        return NilaiMasuk(
            kunci,
            komponen=komponen,
            lokasi=lokasi,
            terlihat=None if sel is None else sel.komponen,
        )


def _nonaktif(d: DesaInfo, bentuk: str) -> str:
    """``bentuk`` with the month ``d`` was retired from ("" for a desa still active)."""
    return bentuk.format(parse_periode(d.nonaktif_sejak).label) if d.nonaktif_sejak else ""


class DesaModel(_DasarModel):
    """One desa-based indicator: a row per desa/kelurahan and the kecamatan total × periods."""

    TETAP = ("Desa/Kelurahan",)

    def __init__(self, on_edit: OnEdit | None = None) -> None:
        super().__init__(on_edit)
        self.n: NilaiIndikator | None = None
        self.desa: list[DesaInfo] = []

    def set_content(
        self, n: NilaiIndikator | None, desa: list[DesaInfo], periode: list[Periode]
    ) -> None:
        """Show the desa values of ``n`` (None: nothing)."""
        old = None if self.n is None else self.n.info.id
        new = None if n is None else n.info.id
        same = old == new and periode == self.periode and desa == self.desa

        def apply() -> None:
            self.n, self.desa, self.periode = n, desa, periode

        self._refresh(same, apply)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.n is None:
            return 0
        return len(self.desa) + 1

    def _data_tetap(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row == len(self.desa):
                return "Jumlah kecamatan"
            d = self.desa[row]
            # the month is in the tooltip: the name column is narrow
            return nama_desa_lengkap(d.jenis, d.nama) + (" (nonaktif)" if d.nonaktif_sejak else "")
        if role == Qt.ItemDataRole.ToolTipRole and row < len(self.desa):
            d = self.desa[row]
            sejak = _nonaktif(d, "\nNonaktif sejak {}: sejak itu tidak mengisi realisasi.")
            return f"{nama_desa_lengkap(d.jenis, d.nama)} ({d.kode}){sejak}"
        if role == Qt.ItemDataRole.FontRole and row == len(self.desa):
            font = QFont()
            font.setBold(True)
            return font
        if role == ROLE_KEADAAN:
            return "label"
        return None

    def is_editable(self, row: int, column: int) -> bool:
        p = self.periode_kolom(column)
        if p is None or self.n is None or row >= len(self.desa):
            return False
        if slot_refusal("realisasi", self.n.info.sifat, p, per_desa=True) is not None:
            return False
        if not self.desa[row].aktif_pada(p):
            return False
        return not self.n.realisasi_terkunci(p)

    def why_fixed(self, row: int, column: int) -> str:
        """Why a cell of the desa grid takes no typed value, and what to do instead."""
        p = self.periode_kolom(column)
        if p is None or self.n is None:
            return "Kolom ini nama desa/kelurahan; ketik angka pada kolom bulan."
        if row >= len(self.desa):
            return "Jumlah kecamatan dihitung dari nilai desa/kelurahan; tidak diketik."
        d = self.desa[row]
        if not d.aktif_pada(p):
            return (
                f"{nama_desa_lengkap(d.jenis, d.nama)} nonaktif sejak "
                f"{parse_periode(d.nonaktif_sejak or '').label}; realisasi {p.label} tidak "
                "diisi untuknya."
            )
        if self.n.realisasi_terkunci(p):
            return f"Realisasi {d.nama} {p.label} sudah disetujui dan dikunci."
        return "Triwulan dan tahun dijumlahkan dari bulan-bulannya; isi di kolom bulan."

    def _sel(self, row: int, column: int) -> _CellView:
        n = self.n
        p = self.periode_kolom(column)
        assert n is not None and p is not None
        jenis = n.info.jenis
        tebal = p.jenis is not JenisPeriode.BULAN
        if row == len(self.desa):
            g = n.realisasi_periode(p)
            teks = teks_realisasi(jenis, g.nilai)
            lapor = sum(1 for d in self.desa if n.realisasi_desa(p, d.id).jumlah_data)
            tip = (
                f"{p.label}: {teks or 'belum ada data'}; {lapor} dari {len(self.desa)} "
                "desa/kelurahan melapor."
            )
            return _CellView(teks, "hitung" if teks else "kosong", "", tip, tebal=True)
        d = self.desa[row]
        nama = nama_desa_lengkap(d.jenis, d.nama)
        sel = n.sel(p, d.id)
        if sel is not None:
            keadaan = keadaan_sel(sel)
            teks = _teks_sel(jenis, sel)
            tip = f"{nama}, {p.label}: {teks}\n{KEADAAN_LABEL[keadaan]}"
            if jenis is not Jenis.JUMLAH:
                atas, bawah = sel.komponen.rasio(jenis)
                tip += f"\nPembilang/penyebut: {format_angka(atas)} / {format_angka(bawah)}"
            return _CellView(teks, keadaan, format_cell_komponen(jenis, sel.komponen), tip)
        g = n.realisasi_desa(p, d.id)
        teks = teks_realisasi(jenis, g.nilai)
        if not teks and not d.aktif_pada(p):
            sejak = _nonaktif(d, "nonaktif sejak {}")
            return _CellView("", "nonaktif", "", f"{nama}, {p.label}: {sejak}, tidak diisi lagi.")
        if not teks and n.realisasi_terkunci(p):
            # no value, but the period is approved: nothing may be typed here any more
            tip = f"{nama}, {p.label}: belum ada data.\n{KEADAAN_LABEL['terkunci']}"
            return _CellView("", "terkunci", "", tip)
        if not teks:
            return _CellView("", "kosong", "", f"{nama}, {p.label}: belum ada data.")
        return _CellView(
            teks, "hitung", "", f"{nama}, {p.label}: dari {g.jumlah_data} data", tebal=tebal
        )

    def masuk(self, row: int, column: int, teks: str) -> NilaiMasuk:
        n = self.n
        p = self.periode_kolom(column)
        assert n is not None and p is not None
        d = self.desa[row]
        kunci = KunciNilai("realisasi", n.info.id, p.id, d.id)
        hke = hari_kerja_periode(n.info.hari_kerja_efektif, p)
        sel = n.realisasi.get(d.id, {}).get(p)
        return NilaiMasuk(
            kunci,
            komponen=parse_cell_komponen(n.info.jenis, teks, hke),
            lokasi=Lokasi(
                f"realisasi {n.info.kode} {nama_desa_lengkap(d.jenis, d.nama)} {p.label}"
            ),
            terlihat=None if sel is None else sel.komponen,
        )
