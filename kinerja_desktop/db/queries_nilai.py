"""Reading targets and realisasi, and computing capaian from them.

Values are read once per jabatan or year (one query per table) into :class:`NilaiIndikator`
objects; every roll-up and capaian is then computed in memory with the rules of
:mod:`kinerja_desktop.domain.capaian`. Nothing here writes.

Long because one bulk read of a jabatan's or a year's values and every roll-up computed from it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kinerja_desktop.db.models import (
    AturanCapaian,
    Desa,
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    PitaCapaian,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.persetujuan import status_dari, status_nilai
from kinerja_desktop.db.queries import require_jabatan, require_year
from kinerja_desktop.domain.capaian import (
    KOSONG,
    Gabungan,
    HasilCapaian,
    Komponen,
    Penilaian,
    Pita,
    Target,
    choose_covering,
    compute_capaian,
    merge_desa,
    merge_periode,
    rata_rata_capaian,
    target_periode,
)
from kinerja_desktop.domain.indikator import (
    HARI_KERJA_EFEKTIF_BAWAAN,
    Agregasi,
    Frekuensi,
    Jenis,
    Polaritas,
)
from kinerja_desktop.domain.periode import Periode, bulan, parse_periode
from kinerja_desktop.domain.persetujuan import Status
from kinerja_desktop.domain.value_slot import SifatIndikator
from kinerja_desktop.domain.wilayah import is_active_in


@dataclass(frozen=True)
class InfoIndikator:
    """What the grid and the capaian need to know about an indicator."""

    id: int
    kode: str
    nama: str
    satuan: str
    jenis: Jenis
    polaritas: Polaritas
    dari_desa: bool
    frekuensi: Frekuensi
    agregasi: Agregasi
    hari_kerja_efektif: int
    pembilang: str
    penyebut: str
    tahun: int
    jabatan_id: int

    @property
    def sifat(self) -> SifatIndikator:
        """What :func:`~kinerja_desktop.domain.value_slot.slot_refusal` needs to know."""
        return SifatIndikator(self.kode, self.dari_desa, self.frekuensi)

    kode_jabatan: str
    nama_jabatan: str
    sasaran: str


@dataclass(frozen=True)
class StoredRealisasi:
    """One stored realisasi with its state (where it came from, approval status)."""

    komponen: Komponen
    sumber: str
    status: str


@dataclass(frozen=True)
class DesaInfo:
    """A desa as the per-desa grid shows it."""

    id: int
    kode: str
    nama: str
    jenis: str
    nonaktif_sejak: str | None = None  # first month it no longer reports ("202607")

    def is_active_in(self, periode: Periode) -> bool:
        """Does the desa still report for ``periode`` (domain.wilayah.is_active_in)?"""
        return is_active_in(self.nonaktif_sejak, periode)


@dataclass(frozen=True)
class BarisCapaian:
    """Capaian of one indicator in one period, with everything behind it."""

    info: InfoIndikator
    periode: Periode
    target: Target | None
    target_turunan: bool  # derived from the annual/triwulan target, not typed
    realisasi: Gabungan
    capaian: HasilCapaian
    kategori: Pita | None
    desa_lapor: int  # desa with at least one value in the period (desa-based indicators)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form used by ``kinerja-desktop capaian --json``."""
        return {
            "kode_indikator": self.info.kode,
            "kode_jabatan": self.info.kode_jabatan,
            "periode": self.periode.id,
            "target": None if self.target is None else self.target.teks,
            "target_otomatis": self.target is not None and self.target_turunan,
            "realisasi": _round2(self.realisasi.nilai),
            "pembilang": self.realisasi.pembilang,
            "penyebut": self.realisasi.penyebut,
            "capaian": _round2(self.capaian.persen),
            "capaian_sebelum_batas": _round2(self.capaian.sebelum_batas),
            "kategori": None if self.kategori is None else self.kategori.nama,
            "catatan": self.capaian.catatan,
            "jumlah_data": self.realisasi.jumlah_data,
        }


def _round2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


@dataclass
class NilaiIndikator:
    """An indicator with all its stored targets and realisasi of the year."""

    info: InfoIndikator
    target: dict[Periode, Target] = field(default_factory=dict)
    target_sumber: dict[Periode, str] = field(default_factory=dict)
    realisasi: dict[int | None, dict[Periode, StoredRealisasi]] = field(default_factory=dict)
    # the approval states recorded for the jabatan's targets (per year) and realisasi
    persetujuan_target: list[tuple[Periode, Status]] = field(default_factory=list)
    persetujuan_realisasi: list[tuple[Periode, Status]] = field(default_factory=list)
    _cache: dict[int | None, tuple[list[Any], bool]] | None = field(
        default=None, repr=False, compare=False
    )
    _bulan: list[tuple[float, float, int]] | None = field(default=None, repr=False, compare=False)

    def target_terkunci(self) -> bool:
        """Whether the targets of the year are approved, so no target may change."""
        return any(s is Status.DISETUJUI for _, s in self.persetujuan_target)

    def realisasi_terkunci(self, periode: Periode) -> bool:
        """Whether the realisasi of ``periode`` lie in an approved period (a value there, or
        the empty cell for one, may not change)."""
        return status_dari(self.persetujuan_realisasi, periode) is Status.DISETUJUI

    def sel(self, periode: Periode, desa_id: int | None = None) -> StoredRealisasi | None:
        """The value stored for exactly this period and desa (None: no data)."""
        return self.realisasi.get(desa_id, {}).get(periode)

    def _seri(self, desa_id: int | None) -> tuple[list[tuple[int, int, Periode, Komponen]], bool]:
        # The values of one desa sorted by first month, and whether they are all months (then
        # no two overlap). Built once per object: the grid asks for 17 columns of each desa.
        if self._cache is None:
            self._cache = {}
        found = self._cache.get(desa_id)
        if found is None:
            nilai = self.realisasi.get(desa_id, {})
            seri = sorted(
                ((p.awal, p.akhir, p, s.komponen) for p, s in nilai.items()), key=lambda x: x[0]
            )
            found = (seri, all(a == b for a, b, _, _ in seri))
            self._cache[desa_id] = found
        return found

    def realisasi_desa(self, periode: Periode, desa_id: int | None) -> Gabungan:
        """The roll-up of one desa (or the kecamatan-level values with None) over ``periode``."""
        if periode.tahun != self.info.tahun:
            return KOSONG
        seri, hanya_bulan = self._seri(desa_id)
        awal, akhir = periode.awal, periode.akhir
        dalam = [(p, k) for a, b, p, k in seri if awal <= a and b <= akhir]
        if not dalam:
            return KOSONG
        if not hanya_bulan:
            dalam = choose_covering(dalam, periode)
        return merge_periode(self.info.jenis, self.info.agregasi, dalam)

    def _per_bulan(self) -> list[tuple[float, float, int]] | None:
        # Month totals over all desa (Σ nilai or Σ pembilang, Σ penyebut, count) when every
        # value is a month value and the roll-up is a plain sum: then any period is the sum of
        # its months, the same result as rolling up each desa first, at a fraction of the cost.
        if self._bulan is None:
            jenis = self.info.jenis
            if jenis is Jenis.JUMLAH and self.info.agregasi is not Agregasi.JUMLAH:
                self._bulan = []
                return None
            sumber = self.realisasi if self.info.dari_desa else {None: self.realisasi.get(None, {})}
            total = [[0.0, 0.0, 0] for _ in range(13)]
            for d in sumber:
                seri, hanya_bulan = self._seri(d)
                if not hanya_bulan:
                    self._bulan = []
                    return None
                for a, _, _, k in seri:
                    baris = total[a]
                    if jenis is Jenis.JUMLAH:
                        baris[0] += k.nilai or 0
                    else:
                        atas, bawah = k.rasio(jenis)
                        baris[0] += atas
                        baris[1] += bawah
                    baris[2] += 1
            self._bulan = [(a, b, int(n)) for a, b, n in total]
        return self._bulan or None

    def realisasi_periode(self, periode: Periode) -> Gabungan:
        """The kecamatan realisasi of ``periode``: each desa over time, then Σ over desa."""
        per_bulan = self._per_bulan() if periode.tahun == self.info.tahun else None
        if per_bulan is not None:
            bulan = per_bulan[periode.awal : periode.akhir + 1]
            n = sum(b[2] for b in bulan)
            if not n:
                return KOSONG
            atas = sum(b[0] for b in bulan)
            if self.info.jenis is Jenis.JUMLAH:
                return Gabungan(atas, jumlah_data=n)
            bawah = sum(b[1] for b in bulan)
            return Gabungan(atas / bawah * 100 if bawah else None, atas, bawah, n)
        if not self.info.dari_desa:
            return self.realisasi_desa(periode, None)
        return merge_desa(
            self.info.jenis, (self.realisasi_desa(periode, d) for d in self.realisasi)
        )

    def target_periode(self, periode: Periode) -> tuple[Target | None, bool]:
        """The target of ``periode`` and whether it was derived."""
        return target_periode(self.target, periode, self.info.jenis, self.info.agregasi)

    def capaian(self, periode: Periode, penilaian: Penilaian) -> BarisCapaian:
        """Target, realisasi, capaian (capped by ``penilaian``) and category for ``periode``."""
        target, turunan = self.target_periode(periode)
        realisasi = self.realisasi_periode(periode)
        hasil = penilaian.cap(compute_capaian(self.info.polaritas, target, realisasi.nilai))
        lapor = 0
        if self.info.dari_desa:
            lapor = sum(
                1
                for d in self.realisasi
                if any(periode.awal <= a and b <= periode.akhir for a, b, _, _ in self._seri(d)[0])
            )
        return BarisCapaian(
            self.info,
            periode,
            target,
            turunan,
            realisasi,
            hasil,
            penilaian.kategori(hasil.persen),
            lapor,
        )


def daftar_pita() -> list[Pita]:
    """The rating bands of this database, highest first."""
    return [
        Pita(p.batas_bawah, p.nama, p.warna)
        for p in PitaCapaian.select().order_by(PitaCapaian.batas_bawah.desc())
    ]


def penilaian() -> Penilaian:
    """The rating bands and the capaian ceiling of this database."""
    aturan = AturanCapaian.select(AturanCapaian.batas_atas).first()
    return Penilaian(tuple(daftar_pita()), None if aturan is None else aturan.batas_atas)


def daftar_desa(tahun: int | None = None) -> list[DesaInfo]:
    """The desa/kelurahan in their usual order; with ``tahun``, without those retired before
    it began (they report nothing that year)."""
    query = Desa.select().order_by(Desa.urutan)
    if tahun is not None:
        awal = bulan(tahun, 1).id
        query = query.where(Desa.nonaktif_sejak.is_null() | (Desa.nonaktif_sejak > awal))
    return [DesaInfo(d.id, d.kode, d.nama, d.jenis, d.nonaktif_sejak) for d in query]


def _load(where: Any) -> list[NilaiIndikator]:
    query = (
        Indikator.select(
            Indikator.id,
            Indikator.kode,
            Indikator.nama,
            Indikator.satuan,
            Indikator.jenis,
            Indikator.polaritas,
            Indikator.dari_desa,
            Indikator.frekuensi,
            Indikator.agregasi,
            Indikator.hari_kerja_efektif,
            Indikator.pembilang,
            Indikator.penyebut,
            Indikator.tahun,
            Jabatan.id,
            Jabatan.kode,
            Jabatan.nama,
            Sasaran.teks,
        )
        .join(Sasaran)
        .join(Jabatan)
        .where(where)
        .order_by(Jabatan.urutan, Sasaran.urutan, Indikator.urutan)
        .tuples()
    )
    hasil: dict[int, NilaiIndikator] = {}
    for r in query.iterator():
        hasil[r[0]] = NilaiIndikator(
            InfoIndikator(
                id=r[0],
                kode=r[1],
                nama=r[2],
                satuan=r[3],
                jenis=Jenis(r[4]),
                polaritas=Polaritas(r[5]),
                dari_desa=bool(r[6]),
                frekuensi=Frekuensi(r[7]),
                agregasi=Agregasi(r[8]),
                hari_kerja_efektif=r[9] or HARI_KERJA_EFEKTIF_BAWAAN,
                pembilang=r[10],
                penyebut=r[11],
                tahun=r[12],
                jabatan_id=r[13],
                kode_jabatan=r[14],
                nama_jabatan=r[15],
                sasaran=r[16],
            )
        )
    _fill_values(hasil)
    return list(hasil.values())


def _mentah(query: Any) -> list[tuple[Any, ...]]:
    # Plain sqlite3 rows: peewee's per-value conversion costs more than the query itself for
    # the thousands of values of a year, and these columns need no conversion.
    sql, params = query.sql()
    return database_proxy.execute_sql(sql, params).fetchall()


def _fill_values(hasil: dict[int, NilaiIndikator]) -> None:
    ids = list(hasil)
    for i in range(0, len(ids), 500):
        bagian = ids[i : i + 500]
        targets = NilaiTarget.select(
            NilaiTarget.indikator,
            NilaiTarget.periode,
            NilaiTarget.nilai,
            NilaiTarget.nilai_atas,
            NilaiTarget.sumber,
        ).where(NilaiTarget.indikator.in_(bagian))
        for ind, per, nilai, atas, sumber in _mentah(targets):
            p = parse_periode(per)
            hasil[ind].target[p] = Target(nilai, atas)
            hasil[ind].target_sumber[p] = sumber
        realisasi = NilaiRealisasi.select(
            NilaiRealisasi.indikator,
            NilaiRealisasi.periode,
            NilaiRealisasi.desa,
            NilaiRealisasi.nilai,
            NilaiRealisasi.pembilang,
            NilaiRealisasi.penyebut,
            NilaiRealisasi.pegawai,
            NilaiRealisasi.hari_kerja,
            NilaiRealisasi.hari_tidak_masuk,
            NilaiRealisasi.sumber,
        ).where(NilaiRealisasi.indikator.in_(bagian))
        # the approval state of each value comes from its jabatan's periods (db.persetujuan)
        keadaan = status_nilai(bagian)
        for ind in bagian:
            hasil[ind].persetujuan_target = keadaan.get((ind, "target"), [])
            hasil[ind].persetujuan_realisasi = keadaan.get((ind, "realisasi"), [])
        for r in _mentah(realisasi):
            per_desa = hasil[r[0]].realisasi.setdefault(r[2], {})
            p = parse_periode(r[1])
            status = status_dari(keadaan.get((r[0], "realisasi"), []), p).value
            per_desa[p] = StoredRealisasi(Komponen(*r[3:9]), r[9], status)


def nilai_jabatan(jabatan_id: int) -> list[NilaiIndikator]:
    """The indicators of a jabatan, in document order, with their values."""
    require_jabatan(jabatan_id)
    return _load(Sasaran.jabatan == jabatan_id)


def nilai_tahun(tahun: int) -> list[NilaiIndikator]:
    """Every indicator of a year, in document order, with their values."""
    require_year(tahun)
    return _load(Indikator.tahun == tahun)


def capaian_tahun(tahun: int, periode: Periode) -> list[BarisCapaian]:
    """Capaian of every indicator of ``tahun`` for ``periode`` (the ``capaian`` command)."""
    aturan = penilaian()
    return [n.capaian(periode, aturan) for n in nilai_tahun(tahun)]


def kode_desa_ke_id() -> dict[str, int]:
    """Desa codes (``35.07.13.2001``) to ids, for importers."""
    return {kode: i for i, kode in Desa.select(Desa.id, Desa.kode).tuples().iterator()}


def kode_indikator_ke_id(tahun: int) -> dict[str, int]:
    """Indicator codes of a year to ids, for importers."""
    return {
        kode: i
        for i, kode in Indikator.select(Indikator.id, Indikator.kode)
        .where(Indikator.tahun == tahun)
        .tuples()
        .iterator()
    }


def summarize_jabatan(baris: Iterable[BarisCapaian]) -> tuple[float | None, int, int]:
    """A jabatan's capaian: the mean over its indicators with capaian, with n of total."""
    return rata_rata_capaian(b.capaian.persen for b in baris)
