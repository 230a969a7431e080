"""The desa grid of the Target & Realisasi tab: one desa-based indicator, a row per
desa/kelurahan and the kecamatan total × the periods."""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from kinerja_desktop.db.ops_nilai import KunciNilai, Lokasi, NilaiMasuk
from kinerja_desktop.db.queries_nilai import DesaInfo, NilaiIndikator
from kinerja_desktop.domain.capaian import hari_kerja_periode
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    Periode,
    parse_periode,
)
from kinerja_desktop.domain.value_slot import slot_refusal
from kinerja_desktop.domain.value_text import (
    format_angka,
    format_cell_komponen,
    parse_cell_komponen,
    teks_realisasi,
)
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.ui.tabs.grid_model import (
    KEADAAN_LABEL,
    ROLE_KEADAAN,
    CellView,
    GridModel,
    Index,
    OnEdit,
    keadaan_sel,
    teks_sel,
)


def _nonaktif(d: DesaInfo, bentuk: str) -> str:
    """``bentuk`` with the month ``d`` was retired from ("" for a desa still active)."""
    return bentuk.format(parse_periode(d.nonaktif_sejak).label) if d.nonaktif_sejak else ""


class DesaModel(GridModel):
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
        if not self.desa[row].is_active_in(p):
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
        if not d.is_active_in(p):
            return (
                f"{nama_desa_lengkap(d.jenis, d.nama)} nonaktif sejak "
                f"{parse_periode(d.nonaktif_sejak or '').label}; realisasi {p.label} tidak "
                "diisi untuknya."
            )
        if self.n.realisasi_terkunci(p):
            return f"Realisasi {d.nama} {p.label} sudah disetujui dan dikunci."
        return "Triwulan dan tahun dijumlahkan dari bulan-bulannya; isi di kolom bulan."

    def _sel(self, row: int, column: int) -> CellView:
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
            return CellView(teks, "hitung" if teks else "kosong", "", tip, tebal=True)
        d = self.desa[row]
        nama = nama_desa_lengkap(d.jenis, d.nama)
        sel = n.sel(p, d.id)
        if sel is not None:
            keadaan = keadaan_sel(sel)
            teks = teks_sel(jenis, sel)
            tip = f"{nama}, {p.label}: {teks}\n{KEADAAN_LABEL[keadaan]}"
            if jenis is not Jenis.JUMLAH:
                atas, bawah = sel.komponen.rasio(jenis)
                tip += f"\nPembilang/penyebut: {format_angka(atas)} / {format_angka(bawah)}"
            return CellView(teks, keadaan, format_cell_komponen(jenis, sel.komponen), tip)
        g = n.realisasi_desa(p, d.id)
        teks = teks_realisasi(jenis, g.nilai)
        if not teks and not d.is_active_in(p):
            sejak = _nonaktif(d, "nonaktif sejak {}")
            return CellView("", "nonaktif", "", f"{nama}, {p.label}: {sejak}, tidak diisi lagi.")
        if not teks and n.realisasi_terkunci(p):
            # no value, but the period is approved: nothing may be typed here any more
            tip = f"{nama}, {p.label}: belum ada data.\n{KEADAAN_LABEL['terkunci']}"
            return CellView("", "terkunci", "", tip)
        if not teks:
            return CellView("", "kosong", "", f"{nama}, {p.label}: belum ada data.")
        return CellView(
            teks, "hitung", "", f"{nama}, {p.label}: dari {g.jumlah_data} data", tebal=tebal
        )

    def parse_entry(self, row: int, column: int, teks: str) -> NilaiMasuk:
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
