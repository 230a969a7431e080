"""Completeness of desa reporting: desa × period, counted from the values actually stored.

A desa has *sent* a period when every value it owes for it is present (a count, or a
numerator with its denominator); *partially* when some are; *not yet* when none are. A stored 0
counts as sent: "no data" is the absence of a value, never a 0. No "done" flag is kept.

What a desa owes follows each indicator's own period
(:func:`~kinerja_desktop.domain.value_slot.choose_expected`): a monthly indicator one value a
month; a triwulan indicator one value a triwulan, owed in the month that ends it (March, June,
September, December) and given by any value within the triwulan, so that January and February
never count it missing. A period that owes nothing (a month of triwulan indicators only) is
complete.

A period is *due* once it has ended: a missing value for a month still running is not late.
Each cell also says which indicators are missing, so that the kecamatan can ask for them.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.db.models import Desa, Indikator, Jabatan, NilaiRealisasi, Sasaran
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.domain.indikator import Frekuensi, Jenis
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    Periode,
    bulan_setahun,
    parse_periode,
    triwulan,
    triwulan_setahun,
)
from kinerja_desktop.domain.value_slot import choose_expected
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
    kurang: tuple[str, ...] = ()  # codes of the indicators still owing a value in the period
    jatuh_tempo: bool = True  # the period has ended: a missing value is late
    triwulanan: int = 0  # how many of ``diharapkan`` are triwulan values (triwulan indicators)

    @property
    def status(self) -> StatusKelengkapan:
        """Received, partial or missing, from the counts; received when nothing is owed."""
        if self.terisi >= self.diharapkan:
            return StatusKelengkapan.DITERIMA
        if self.terisi:
            return StatusKelengkapan.SEBAGIAN
        return StatusKelengkapan.BELUM

    @property
    def bagian_terisi(self) -> float:
        """The share of what is owed that is present, 0.0–1.0 (1.0 when nothing is owed)."""
        return self.terisi / self.diharapkan if self.diharapkan else 1.0

    @property
    def kalimat(self) -> str:
        """``Desa Kemiri, Maret 2020: 30 dari 42 nilai ada (2 di antaranya nilai Triwulan I
        indikator triwulanan).``, as the grid and the table say it on hover."""
        p = parse_periode(self.periode)
        kepala = f"{self.nama_desa}, {p.label}"
        if not self.diharapkan:
            teks = f"{kepala}: tidak ada nilai yang diminta untuk periode ini."
        else:
            teks = f"{kepala}: {self.terisi} dari {self.diharapkan} nilai ada"
            if self.triwulanan:
                nilai = "nilai triwulan" if p.jenis is JenisPeriode.TRIWULAN else (
                    f"nilai {triwulan(p.tahun, (p.akhir + 2) // 3).label}"
                )
                teks += f" ({self.triwulanan} di antaranya {nilai} indikator triwulanan)"
            teks += "."
        if not self.jatuh_tempo:
            teks += " Periodenya belum berakhir."
        return teks

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
            "triwulanan": self.triwulanan,
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
    Each indicator counts per its own period (see the module). A period that has not ended on
    ``hari_ini`` (default: today) is marked not yet due.
    """
    hari_ini = hari_ini or date.today()
    dicatat = [i for i in desa_indicators(tahun) if i.jenis != Jenis.KEHADIRAN]
    indikator = [(i.id, i.kode, Frekuensi(i.frekuensi)) for i in dicatat]
    jenis = {i.id: Jenis(i.jenis) for i in dicatat}
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
    # what each kind of indicator owes in each period: the same for every desa
    utang = {(f, p.id): choose_expected(f, p) for f in Frekuensi for p in periode}
    hasil = []
    for d in semua_desa:
        nama = nama_desa_lengkap(d.jenis, d.nama)
        for p in periode:
            if d.nonaktif_sejak is not None and d.nonaktif_sejak <= bulan[p.awal - 1].id:
                continue  # retired by then: no row, its earlier values still count
            ada = diharapkan = triwulanan = 0
            kurang = []
            for indikator_id, kode, frekuensi in indikator:
                nilai_diminta = utang[(frekuensi, p.id)]
                isi = sum(
                    1
                    for bulan_nilai in nilai_diminta
                    if any((d.id, indikator_id, m) in has_nilai for m in bulan_nilai)
                )
                ada += isi
                diharapkan += len(nilai_diminta)
                if frekuensi is Frekuensi.TRIWULANAN:
                    triwulanan += len(nilai_diminta)
                if isi < len(nilai_diminta):
                    kurang.append(kode)
            hasil.append(
                SelKelengkapan(
                    d.kode,
                    nama,
                    p.id,
                    ada,
                    diharapkan,
                    tuple(kurang),
                    p.tanggal_akhir < hari_ini,
                    triwulanan,
                )
            )
    return periode, hasil
