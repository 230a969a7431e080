"""The jabatan grid of the Target & Realisasi tab: three rows per indicator (target, realisasi,
capaian) × the periods, built on :class:`~kinerja_desktop.ui.tabs.grid_model.GridModel`.
"""

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from kinerja_desktop.db.models import SUMBER_ENTRI, SUMBER_SALIN
from kinerja_desktop.db.ops_nilai import KunciNilai, Lokasi, NilaiMasuk
from kinerja_desktop.db.queries_nilai import BarisCapaian, NilaiIndikator
from kinerja_desktop.domain.capaian import Penilaian, hari_kerja_periode
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    Periode,
)
from kinerja_desktop.domain.value_slot import slot_refusal
from kinerja_desktop.domain.value_text import (
    CONTOH,
    format_cell_komponen,
    format_cell_target,
    format_persen,
    parse_cell_komponen,
    parse_cell_target,
    teks_realisasi,
    teks_target,
)
from kinerja_desktop.ui.tabs.grid_model import (
    KEADAAN_LABEL,
    KEADAAN_PENJELASAN,
    ROLE_KEADAAN,
    CellView,
    GridModel,
    Index,
    OnEdit,
    keadaan_sel,
    teks_sel,
    tooltip_capaian,
)


def _keadaan_target(sumber: str | None) -> str:
    if sumber is None:
        return "kosong"
    if sumber == SUMBER_SALIN:
        return "salin"
    return "entri" if sumber == SUMBER_ENTRI else "impor"


BARIS_TARGET, BARIS_REALISASI, BARIS_CAPAIAN = 0, 1, 2
LABEL_BARIS = ("Target", "Realisasi", "Capaian")


class NilaiModel(GridModel):
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

    def _sel(self, row: int, column: int) -> CellView:
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
                return CellView(
                    teks_sel(jenis, sel),
                    keadaan,
                    format_cell_komponen(jenis, sel.komponen),
                    f"{KEADAAN_LABEL[keadaan]}\n{tooltip_capaian(b)}",
                )
            teks = teks_realisasi(jenis, b.realisasi.nilai)
            diketik = slot_refusal("realisasi", n.info.sifat, p, per_desa=False) is None
            if (diketik or n.info.dari_desa) and n.realisasi_terkunci(p):
                # an empty cell, or a sum of the desa, in an approved period: locked like the
                # values beside it (the desa cells behind a sum are locked in their own grid)
                tip = f"{KEADAAN_LABEL['terkunci']}\n{tooltip_capaian(b)}"
                return CellView(teks, "terkunci", "", tip, tebal=p.jenis is not JenisPeriode.BULAN)
            return CellView(
                teks,
                "hitung" if teks else "kosong",
                "",
                tooltip_capaian(b),
                tebal=p.jenis is not JenisPeriode.BULAN,
            )
        persen = b.capaian.persen
        if persen is None:
            return CellView("", "kosong", "", tooltip_capaian(b))
        return CellView(
            format_persen(persen),
            "hitung",
            "",
            tooltip_capaian(b),
            warna=b.kategori.warna if b.kategori else None,
            tebal=p.jenis is not JenisPeriode.BULAN,
        )

    def _sel_target(self, n: NilaiIndikator, p: Periode) -> CellView:
        jenis = n.info.jenis
        if p in n.target:
            t = n.target[p]
            return CellView(
                teks_target(t, jenis),
                _keadaan_target(n.target_sumber.get(p)),
                format_cell_target(t),
                f"Target {p.label}: {teks_target(t, jenis)}",
            )
        dibagi, _ = n.target_periode(p)
        if dibagi is None:
            return CellView("", "kosong", "", f"Belum ada target untuk {p.label}.")
        # shown (capaian is computed against it), in italics, named in the legend
        return CellView(
            teks_target(dibagi, jenis),
            "otomatis",
            "",
            f"Target otomatis {p.label}: {teks_target(dibagi, jenis)}\n"
            f"{KEADAAN_PENJELASAN['otomatis']}",
            miring=True,
        )

    def parse_entry(self, row: int, column: int, teks: str) -> NilaiMasuk:
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
