"""Completeness of desa reporting: desa × period, counted from the values actually stored.

A desa has *sent* a month when every value its workbook asks for is present (a count, or a
numerator with its denominator); *partially* when some are; *not yet* when none are. A stored 0
counts as sent: "no data" is the absence of a value, never a 0. No "done" flag is kept.
"""

from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.db.models import Desa, NilaiRealisasi
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    Periode,
    bulan_setahun,
    parse_periode,
    triwulan_setahun,
)
from kinerja_desktop.exchange.desa_template import desa_indicators


class StatusKelengkapan(StrEnum):
    """How complete one desa is for one period."""

    DITERIMA = "diterima"
    SEBAGIAN = "sebagian"
    BELUM = "belum"

    @property
    def label(self) -> str:
        """The word shown on screen."""
        return {"diterima": "Diterima", "sebagian": "Sebagian", "belum": "Belum ada"}[self.value]


@dataclass(frozen=True)
class SelKelengkapan:
    """One desa in one period: values present of values expected."""

    kode_desa: str
    nama_desa: str
    periode: str
    terisi: int
    diharapkan: int

    @property
    def status(self) -> StatusKelengkapan:
        """Received, partial or missing, from the counts."""
        if self.diharapkan and self.terisi >= self.diharapkan:
            return StatusKelengkapan.DITERIMA
        if self.terisi:
            return StatusKelengkapan.SEBAGIAN
        return StatusKelengkapan.BELUM

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "kode_desa": self.kode_desa,
            "nama_desa": self.nama_desa,
            "periode": self.periode,
            "status": self.status.value,
            "terisi": self.terisi,
            "diharapkan": self.diharapkan,
        }


def _lengkap(jenis: Jenis, n: NilaiRealisasi) -> bool:
    if jenis is Jenis.PERSENTASE:
        return n.pembilang is not None and n.penyebut is not None
    return n.nilai is not None


def kelengkapan(tahun: int, per: str = "bulan") -> tuple[list[Periode], list[SelKelengkapan]]:
    """Completeness of every desa for the months (``per="bulan"``) or triwulan of ``tahun``.

    Returns the periods (columns) and one cell per desa and period, desa in their usual order.
    """
    indikator = [i for i in desa_indicators(tahun) if i.jenis != Jenis.KEHADIRAN]
    jenis = {i.id: Jenis(i.jenis) for i in indikator}
    bulan = bulan_setahun(tahun)
    periode = bulan if per == "bulan" else triwulan_setahun(tahun)
    semua_desa = list(Desa.select().order_by(Desa.urutan))
    # (desa, indicator, month) reported: a value stored for a triwulan, semester or the year
    # (possible through the CSV) covers each of its months, and is counted once per month
    # even where monthly values exist beside it.
    ada_nilai: set[tuple[int, int, int]] = set()
    query = NilaiRealisasi.select().where(
        NilaiRealisasi.indikator.in_(list(jenis))
        & NilaiRealisasi.desa.is_null(False)
        & NilaiRealisasi.periode.startswith(str(tahun))
    )
    for n in query:
        if _lengkap(jenis[n.indikator_id], n):
            for m in parse_periode(n.periode).bulan:
                ada_nilai.add((n.desa_id, n.indikator_id, m))
    terisi: dict[tuple[int, int], int] = {}
    for desa_id, _, m in ada_nilai:
        terisi[(desa_id, m)] = terisi.get((desa_id, m), 0) + 1
    hasil = []
    for d in semua_desa:
        for p in periode:
            if d.nonaktif_sejak is not None and d.nonaktif_sejak <= bulan[p.awal - 1].id:
                continue  # retired by then: no row, its earlier values still count
            ada = sum(terisi.get((d.id, m), 0) for m in p.bulan)
            hasil.append(SelKelengkapan(d.kode, d.nama, p.id, ada, len(indikator) * len(p.bulan)))
    return periode, hasil
