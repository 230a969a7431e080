"""Completeness of desa reporting: desa × period, counted from the values actually stored.

A desa has *sent* a month when every value its workbook asks for is present (a count, or a
numerator with its denominator); *partially* when some are; *not yet* when none are. A stored 0
counts as sent: "no data" is the absence of a value, never a 0. No "done" flag is kept.

A period is *due* once it has ended: a missing value for a month still running is not late.
Each cell also says which indicators are missing, so that the kecamatan can ask for them.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.db.models import Desa, Indikator, Jabatan, NilaiRealisasi, Sasaran
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    Periode,
    bulan_setahun,
    parse_periode,
    triwulan_setahun,
)
from kinerja_desktop.domain.wilayah import nama_desa_lengkap


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
    nama_desa: str  # with its kind: "Desa Kemiri"
    periode: str
    terisi: int
    diharapkan: int
    kurang: tuple[str, ...] = ()  # codes of the indicators not complete in every month
    jatuh_tempo: bool = True  # the period has ended: a missing value is late

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
            "kurang": list(self.kurang),
            "jatuh_tempo": self.jatuh_tempo,
        }


def _lengkap(
    jenis: Jenis, nilai: float | None, pembilang: float | None, penyebut: float | None
) -> bool:
    if jenis is Jenis.PERSENTASE:
        return pembilang is not None and penyebut is not None
    return nilai is not None


@dataclass(frozen=True)
class IndikatorDesa:
    """A desa-based indicator as the completeness views name it."""

    kode: str
    nama: str
    jabatan: str


def indikator_desa(tahun: int) -> dict[str, IndikatorDesa]:
    """The indicators counted for completeness (not attendance), by code, in document order."""
    kode = [i.kode for i in desa_indicators(tahun) if i.jenis != Jenis.KEHADIRAN]
    rows = (
        Indikator.select(
            Indikator.kode,
            Indikator.nama,
            Jabatan.nama,
        )
        .join(Sasaran)
        .join(Jabatan)
        .where((Indikator.tahun == tahun) & Indikator.kode.in_(kode))
        .tuples()
    )
    nama = {k: IndikatorDesa(k, " ".join(n.split()), j) for k, n, j in rows.iterator()}
    return {k: nama[k] for k in kode}


def kelengkapan(
    tahun: int, per: str = "bulan", hari_ini: date | None = None
) -> tuple[list[Periode], list[SelKelengkapan]]:
    """Completeness of every desa for the months (``per="bulan"``) or triwulan of ``tahun``.

    Returns the periods (columns) and one cell per desa and period, desa in their usual order.
    A period that has not ended on ``hari_ini`` (default: today) is marked not yet due.
    """
    hari_ini = hari_ini or date.today()
    indikator = [i for i in desa_indicators(tahun) if i.jenis != Jenis.KEHADIRAN]
    jenis = {i.id: Jenis(i.jenis) for i in indikator}
    bulan = bulan_setahun(tahun)
    periode = bulan if per == "bulan" else triwulan_setahun(tahun)
    semua_desa = list(Desa.select().order_by(Desa.urutan))
    # (desa, indicator, month) reported: a value stored for a triwulan, semester or the year
    # (possible through the CSV) covers each of its months, and is counted once per month
    # even where monthly values exist beside it.
    has_nilai: set[tuple[int, int, int]] = set()
    # plain rows, not one model object per value: a filled year holds thousands
    query = (
        NilaiRealisasi.select(
            NilaiRealisasi.desa,
            NilaiRealisasi.indikator,
            NilaiRealisasi.periode,
            NilaiRealisasi.nilai,
            NilaiRealisasi.pembilang,
            NilaiRealisasi.penyebut,
        )
        .where(
            NilaiRealisasi.indikator.in_(list(jenis))
            & NilaiRealisasi.desa.is_null(False)
            & NilaiRealisasi.periode.startswith(str(tahun))
        )
        .tuples()
    )
    for desa_id, indikator_id, kode_periode, nilai, pembilang, penyebut in query.iterator():
        if _lengkap(jenis[indikator_id], nilai, pembilang, penyebut):
            for m in parse_periode(kode_periode).bulan:
                has_nilai.add((desa_id, indikator_id, m))
    terisi: dict[tuple[int, int], int] = {}
    for desa_id, _, m in has_nilai:
        terisi[(desa_id, m)] = terisi.get((desa_id, m), 0) + 1
    hasil = []
    for d in semua_desa:
        nama = nama_desa_lengkap(d.jenis, d.nama)
        for p in periode:
            if d.nonaktif_sejak is not None and d.nonaktif_sejak <= bulan[p.awal - 1].id:
                continue  # retired by then: no row, its earlier values still count
            ada = sum(terisi.get((d.id, m), 0) for m in p.bulan)
            kurang = tuple(
                i.kode for i in indikator if any((d.id, i.id, m) not in has_nilai for m in p.bulan)
            )
            hasil.append(
                SelKelengkapan(
                    d.kode,
                    nama,
                    p.id,
                    ada,
                    len(indikator) * len(p.bulan),
                    kurang,
                    p.tanggal_akhir < hari_ini,
                )
            )
    return periode, hasil
