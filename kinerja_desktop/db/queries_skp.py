"""Reading SKP: the plan with both parties, and the evaluation of a period (realisasi
from the stored IKI values, the proposed rating and the atasan's decision). The whole year's
list and checks are in :mod:`queries_skp_tahun`.

The pejabat penilai is the holder of the atasan's jabatan, or the Camat (the year's signatory)
for a jabatan directly under the Camat; the atasan of the penilai likewise. Nothing here writes.

Long because the SKP of a whole office are read in bulk (a fixed number of queries for a
document of every pegawai) by the same code that reads one, and the evaluation of a period
belongs beside the plan it evaluates.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_desktop.db.models import (
    Jabatan,
    Kantor,
    Pangkat,
    Pegawai,
    Pemangku,
    Skp,
    SkpEvaluasi,
    SkpHasilKerja,
    SkpPerilaku,
    SkpRealisasi,
    SkpUmpanPerilaku,
)
from kinerja_desktop.db.ops_skp import periode_skp, require_skp
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.queries_nilai import NilaiIndikator, nilai_jabatan, penilaian
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.periode import Periode
from kinerja_desktop.domain.skp import (
    PERILAKU,
    Aspek,
    Bagian,
    Rating,
    Usulan,
    aturan_usulan,
    suggest_rating_hasil,
)
from kinerja_desktop.domain.value_text import teks_realisasi


@dataclass(frozen=True)
class Pihak:
    """A party of the SKP as the form prints it (empty strings: not recorded)."""

    pegawai_id: int | None
    nama: str
    nip: str  # 18 digits or ""
    golongan: str  # "III/c" or ""
    pangkat: str  # "Penata" or ""
    jabatan: str
    unit_kerja: str

    @property
    def pangkat_golongan(self) -> str:
        """``Penata (III/c)``, the golongan alone, or ""."""
        if self.pangkat and self.golongan:
            return f"{self.pangkat} ({self.golongan})"
        return self.pangkat or self.golongan


@dataclass(frozen=True)
class RencanaHasilKerja:
    """One row of the plan."""

    id: int
    bagian: Bagian
    urutan: int
    rhk_atasan: str
    rhk: str
    aspek: Aspek
    indikator: str
    target: str
    satuan: str
    iki_id: int | None

    @property
    def target_satuan(self) -> str:
        """``36 Laporan``, ``90 %``: the target with its unit."""
        return f"{self.target} {self.satuan}".strip()


@dataclass(frozen=True)
class PerilakuSkp:
    """A core value with the atasan's expectation."""

    kode: str
    nama: str
    panduan: str
    ekspektasi: str


@dataclass(frozen=True)
class DataSkp:
    """An SKP as the editor and the documents show it."""

    id: int
    tahun: int
    jabatan_id: int
    pegawai: Pihak
    penilai: Pihak | None  # None: nobody recorded for the atasan's jabatan
    atasan_penilai: Pihak | None  # None: not recorded (the Camat's own atasan is outside)
    hasil_kerja: tuple[RencanaHasilKerja, ...]
    perilaku: tuple[PerilakuSkp, ...]

    def bagian(self, bagian: Bagian) -> list[RencanaHasilKerja]:
        """The rows of one section, in order."""
        return [r for r in self.hasil_kerja if r.bagian is bagian]


@dataclass(frozen=True)
class RealisasiRhk:
    """The realisasi of one row in a period: from the IKI values or typed, with feedback."""

    hasil_kerja: RencanaHasilKerja
    realisasi: str  # "" when none
    capaian: float | None  # IKI-linked rows only
    dari_iki: bool
    umpan_balik: str


@dataclass(frozen=True)
class Keputusan:
    """What was stored for a period: the proposal of that moment and the atasan's decision."""

    usulan_hasil: Rating | None
    alasan_usulan: str
    rating_hasil: Rating | None
    rating_perilaku: Rating | None
    predikat: str | None
    catatan: str
    oleh: str
    diubah: str


@dataclass(frozen=True)
class EvaluasiSkp:
    """The evaluation of an SKP in a period."""

    periode: Periode
    realisasi: tuple[RealisasiRhk, ...]
    umpan_perilaku: dict[str, str]
    usulan: Usulan  # computed now from the stored values
    aturan_usulan: str
    keputusan: Keputusan | None


def _opt_rating(x: str | None) -> Rating | None:
    return None if x is None else Rating(x)


def _unit_kerja() -> str:
    kantor = Kantor.get_or_none()
    if kantor is None:
        return ""
    return f"Kecamatan {kantor.kecamatan} {kantor.nama_kabupaten}"


def pemegang_jabatan(tahun: int) -> dict[int, int]:
    """Jabatan id → the pegawai holding it in ``tahun`` (the first recorded when several)."""
    hasil: dict[int, int] = {}
    query = (
        Pemangku.select(Pemangku.jabatan, Pemangku.pegawai)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .order_by(Pemangku.id)
        .tuples()
        .iterator()
    )
    for jabatan_id, pegawai_id in query:
        hasil.setdefault(jabatan_id, pegawai_id)
    return hasil


@dataclass(frozen=True)
class PihakTahun:
    """Who can be a party of the SKP of one year, read in bulk once (:meth:`read`): the
    jabatan with their atasan and holders, the pegawai, the pangkat names, the Camat."""

    tahun: int
    unit: str
    pangkat: dict[str, str]  # golongan → pangkat name
    pegawai: dict[int, tuple[str, str | None, str | None]]  # id → (nama, nip, golongan)
    jabatan: dict[int, tuple[str, int | None]]  # id → (nama, atasan id)
    pemegang: dict[int, int]  # jabatan id → pegawai id
    camat_id: int | None  # the year's signatory
    camat_jabatan: str

    @classmethod
    def read(cls, tahun: int) -> "PihakTahun":
        """The parties of ``tahun``; a fixed number of queries, whatever the number of SKP."""
        row = require_year(tahun)
        kantor = Kantor.get_or_none()
        camat = row.jabatan_penandatangan or (
            f"Camat {kantor.kecamatan}" if kantor is not None else "Camat"
        )
        return cls(
            tahun,
            _unit_kerja(),
            dict(Pangkat.select(Pangkat.golongan, Pangkat.nama).tuples().iterator()),
            {
                r[0]: (r[1], r[2], r[3])
                for r in Pegawai.select(Pegawai.id, Pegawai.nama, Pegawai.nip, Pegawai.pangkat)
                .tuples()
                .iterator()
            },
            {
                r[0]: (r[1], r[2])
                for r in Jabatan.select(Jabatan.id, Jabatan.nama, Jabatan.atasan)
                .where(Jabatan.tahun == tahun)
                .tuples()
                .iterator()
            },
            pemegang_jabatan(tahun),
            row.penandatangan_id,
            camat,
        )

    def pihak(self, pegawai_id: int | None, jabatan: str) -> Pihak:
        """``pegawai_id`` as a party holding ``jabatan`` (empty fields: not recorded)."""
        row = self.pegawai.get(pegawai_id) if pegawai_id is not None else None
        if row is None:
            return Pihak(None, "", "", "", "", jabatan, self.unit)
        nama, nip, golongan = row
        return Pihak(pegawai_id, nama, nip or "", golongan or "",
                     self.pangkat.get(golongan or "", ""), jabatan, self.unit)  # fmt: skip

    def atasan(self, jabatan_id: int | None) -> Pihak | None:
        """The holder of ``jabatan_id`` (None: the Camat); None when nobody is recorded."""
        if jabatan_id is None:
            if self.camat_id is None:
                return None
            return self.pihak(self.camat_id, self.camat_jabatan)
        pemegang = self.pemegang.get(jabatan_id)
        if pemegang is None:
            return None
        return self.pihak(pemegang, self.jabatan.get(jabatan_id, ("", None))[0])

    def atasan_id(self, jabatan_id: int) -> int | None:
        """The atasan of ``jabatan_id`` (None: the Camat, or a jabatan not of this year)."""
        return self.jabatan.get(jabatan_id, ("", None))[1]


def read_skp(skp_id: int, pihak: PihakTahun | None = None) -> DataSkp:
    """The SKP with both parties, its plan and the seven core values. ``pihak`` (the parties
    of the SKP's year) may be read once by a caller reading many SKP."""
    return read_skp_list([skp_id], pihak)[0]


def read_skp_list(skp_ids: Sequence[int], pihak: PihakTahun | None = None) -> list[DataSkp]:
    """The SKP ``skp_ids`` as :func:`read_skp` gives each, in that order, read in bulk: a fixed
    number of queries whatever their number (``pihak``: the parties of their year, when the
    caller has them). Refused when one of them is gone."""
    ids = list(skp_ids)
    skp = {s.id: s for s in Skp.select().where(Skp.id.in_(ids))}
    for skp_id in ids:
        if skp_id not in skp:
            require_skp(skp_id)  # refused: gone meanwhile
    semua_pihak = {} if pihak is None else {pihak.tahun: pihak}
    rencana: dict[int, list[RencanaHasilKerja]] = {i: [] for i in ids}
    rows = (
        SkpHasilKerja.select(
            SkpHasilKerja.skp,
            SkpHasilKerja.id,
            SkpHasilKerja.bagian,
            SkpHasilKerja.urutan,
            SkpHasilKerja.rhk_atasan,
            SkpHasilKerja.rhk,
            SkpHasilKerja.aspek,
            SkpHasilKerja.indikator,
            SkpHasilKerja.target,
            SkpHasilKerja.satuan,
            SkpHasilKerja.iki,
        )
        .where(SkpHasilKerja.skp.in_(ids))
        .order_by(SkpHasilKerja.skp, SkpHasilKerja.urutan, SkpHasilKerja.id)
        .tuples()
        .iterator()
    )
    for skp_id, i, b, u, ra, r, a, ind, t, s_, iki in rows:
        rencana[skp_id].append(RencanaHasilKerja(i, Bagian(b), u, ra, r, Aspek(a), ind, t, s_, iki))
    ekspektasi: dict[int, dict[str, str]] = {i: {} for i in ids}
    for skp_id, kode, teks in (
        SkpPerilaku.select(SkpPerilaku.skp, SkpPerilaku.perilaku, SkpPerilaku.ekspektasi)
        .where(SkpPerilaku.skp.in_(ids))
        .tuples()
        .iterator()
    ):
        ekspektasi[skp_id][kode] = teks
    hasil = []
    for skp_id in ids:
        row = skp[skp_id]
        if row.tahun_id not in semua_pihak:
            semua_pihak[row.tahun_id] = PihakTahun.read(row.tahun_id)
        pihak_tahun = semua_pihak[row.tahun_id]
        jabatan = pihak_tahun.jabatan[row.jabatan_id][0]
        atasan_id = pihak_tahun.atasan_id(row.jabatan_id)
        atasan_penilai = None
        if atasan_id is not None:
            atasan_penilai = pihak_tahun.atasan(pihak_tahun.atasan_id(atasan_id))
        perilaku = tuple(
            PerilakuSkp(p.kode, p.nama, p.panduan, ekspektasi[skp_id].get(p.kode, ""))
            for p in PERILAKU
        )
        hasil.append(
            DataSkp(
                row.id,
                row.tahun_id,
                row.jabatan_id,
                pihak_tahun.pihak(row.pegawai_id, jabatan),
                pihak_tahun.atasan(atasan_id),
                atasan_penilai,
                tuple(rencana[skp_id]),
                perilaku,
            )
        )
    return hasil


def _realisasi_iki(
    nilai: NilaiIndikator | None, periode: Periode, aturan: Penilaian
) -> tuple[str, float | None]:
    if nilai is None:
        return "", None
    baris = nilai.capaian(periode, aturan)
    return teks_realisasi(nilai.info.jenis, baris.realisasi.nilai), baris.capaian.persen


def evaluasi_skp(
    data: DataSkp,
    periode: str,
    nilai: dict[int, NilaiIndikator] | None = None,
    aturan: Penilaian | None = None,
) -> EvaluasiSkp:
    """The evaluation of ``data`` in ``periode`` (a triwulan or the year).

    ``nilai`` (indicator id → values) and ``aturan`` may be read once by the caller for many
    SKP; by default they are read for this SKP's jabatan.
    """
    if nilai is None:
        nilai = {n.info.id: n for n in nilai_jabatan(data.jabatan_id)}
    return build_evaluasi_list([data], periode, nilai, aturan)[0]


def build_evaluasi_list(
    semua: Sequence[DataSkp],
    periode: str,
    nilai: dict[int, NilaiIndikator],
    aturan: Penilaian | None = None,
) -> list[EvaluasiSkp]:
    """The evaluation of every SKP of ``semua`` (of one year) in ``periode``, in that order, as
    :func:`evaluasi_skp` gives each, read in bulk: a fixed number of queries whatever their
    number. ``nilai`` holds the values of the indicators their plans draw from."""
    if not semua:
        return []
    ids = [d.id for d in semua]
    p = periode_skp(require_skp(ids[0]), periode)  # checked against the year they share
    aturan = aturan if aturan is not None else penilaian()
    ketik: dict[int, tuple[str, str]] = {
        h: (r, u)
        for h, r, u in SkpRealisasi.select(
            SkpRealisasi.hasil_kerja, SkpRealisasi.realisasi, SkpRealisasi.umpan_balik
        )
        .join(SkpHasilKerja)
        .where(SkpHasilKerja.skp.in_(ids) & (SkpRealisasi.periode == p.id))
        .tuples()
        .iterator()
    }
    umpan_perilaku: dict[int, dict[str, str]] = {i: {} for i in ids}
    for skp_id, kode, umpan in (
        SkpUmpanPerilaku.select(SkpPerilaku.skp, SkpPerilaku.perilaku, SkpUmpanPerilaku.umpan_balik)
        .join(SkpPerilaku)
        .where(SkpPerilaku.skp.in_(ids) & (SkpUmpanPerilaku.periode == p.id))
        .tuples()
        .iterator()
    ):
        umpan_perilaku[skp_id][kode] = umpan
    keputusan: dict[int, Keputusan] = {
        row.skp_id: Keputusan(
            _opt_rating(row.usulan_hasil),
            row.alasan_usulan,
            _opt_rating(row.rating_hasil),
            _opt_rating(row.rating_perilaku),
            row.predikat,
            row.catatan,
            row.oleh,
            row.diubah,
        )
        for row in SkpEvaluasi.select().where(
            SkpEvaluasi.skp.in_(ids) & (SkpEvaluasi.periode == p.id)
        )
    }
    batas_sesuai = _batas_sesuai(aturan)
    hasil = []
    for data in semua:
        baris = []
        for rhk in data.hasil_kerja:
            typed, umpan = ketik.get(rhk.id, ("", ""))
            if rhk.iki_id is not None:
                teks, capaian = _realisasi_iki(nilai.get(rhk.iki_id), p, aturan)
                baris.append(RealisasiRhk(rhk, teks, capaian, True, umpan))
            else:
                baris.append(RealisasiRhk(rhk, typed, None, False, umpan))
        utama = [b.capaian for b in baris if b.dari_iki and b.hasil_kerja.bagian is Bagian.UTAMA]
        usulan = suggest_rating_hasil(utama, batas_sesuai)
        hasil.append(
            EvaluasiSkp(
                p,
                tuple(baris),
                umpan_perilaku[data.id],
                usulan,
                aturan_usulan(batas_sesuai),
                keputusan.get(data.id),
            )
        )
    return hasil


def _batas_sesuai(aturan: Penilaian) -> float:
    """The lower bound of the highest rating band (91% by default)."""
    return max((p.batas_bawah for p in aturan.pita), default=91.0)


def usulan_skp(skp_id: int, periode: str) -> Usulan:
    """The hasil-kerja rating the application proposes now for ``periode``."""
    return evaluasi_skp(read_skp(skp_id), periode).usulan
