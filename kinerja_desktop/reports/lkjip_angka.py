"""The figures of a Laporan Kinerja (LKjIP), read once: the organisation, its staff, and the
capaian of the organisation's indicators this year, last year and against the Renstra.

The organisation's indicators (the IKU of the report) are those of the jabatan directly under
the Camat: the Camat is not a jabatan row (he is the root of the tree and signs the decree),
and these are the officials whose Perjanjian Kinerja he signs as pihak kedua. Their sasaran
are the sasaran of BAB II and BAB III. The capaian of a year is its year-to-date realisasi
against the yearly target, rated with the database's bands (:mod:`kinerja_desktop.domain.capaian`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Kantor,
    Pangkat,
    Pegawai,
    Pemangku,
    Sasaran,
    Tahun,
    Tugas,
)
from kinerja_desktop.db.queries import urut_pohon
from kinerja_desktop.db.queries_lkjip import target_renstra
from kinerja_desktop.db.queries_nilai import BarisCapaian, nilai_tahun, penilaian
from kinerja_desktop.domain.capaian import Penilaian, compute_capaian, rata_rata_capaian
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.value_text import teks_realisasi, teks_target
from kinerja_desktop.reports.lkjip_anggaran import AnggaranLkjip, build_lkjip_anggaran

NA = "n/a"
"""What a cell says where there is no data (the word LKjIP reviewers expect)."""


@dataclass(frozen=True)
class CapaianTahun:
    """One indicator in one year: the texts as printed and the capaian as a number."""

    target: str  # "90%", "12", or n/a
    realisasi: str
    capaian: float | None
    kategori: str  # the band's name, or n/a
    warna: str | None


@dataclass(frozen=True)
class IndikatorLkjip:
    """An indicator of the organisation with this year's, last year's and the Renstra figures."""

    kode: str
    nama: str
    satuan: str
    jenis: Jenis
    ini: CapaianTahun
    lalu: CapaianTahun | None  # None: the indicator (its code) is not in last year's data
    renstra_target: str  # "" when no five-year target is entered
    renstra_tahun: int | None
    renstra_capaian: float | None  # this year's realisasi against the Renstra target

    @property
    def has_data(self) -> bool:
        """True when this year's capaian could be computed."""
        return self.ini.capaian is not None

    @property
    def selisih(self) -> float | None:
        """This year's capaian minus last year's, in percentage points (None: not both)."""
        if self.lalu is None or self.lalu.capaian is None or self.ini.capaian is None:
            return None
        return self.ini.capaian - self.lalu.capaian


@dataclass(frozen=True)
class SasaranLkjip:
    """A sasaran of the organisation with its indicators and their mean capaian."""

    id: int
    teks: str
    jabatan: str  # the jabatan the sasaran belongs to
    indikator: tuple[IndikatorLkjip, ...]
    capaian: float | None
    ada: int  # indicators with capaian
    kategori: str

    @property
    def total(self) -> int:
        """How many indicators the sasaran has."""
        return len(self.indikator)


@dataclass(frozen=True)
class UnitOrganisasi:
    """A jabatan of the year as the organisation chart and BAB I show it."""

    id: int
    kode: str
    nama: str
    kedalaman: int  # 0 = directly under the Camat
    atasan_id: int | None
    pemangku: tuple[str, ...]  # holders' names
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]


@dataclass(frozen=True)
class PegawaiKurang:
    """A holder whose NIP or pangkat is not recorded (the signature blocks need both)."""

    nama: str
    jabatan: str
    tanpa_nip: bool
    tanpa_pangkat: bool


@dataclass(frozen=True)
class AngkaLkjip:
    """Every figure of the report."""

    tahun: int
    kecamatan: str
    kabupaten: str  # "Kabupaten Malang"
    unit: tuple[UnitOrganisasi, ...]
    sasaran: tuple[SasaranLkjip, ...]
    capaian: float | None  # mean over the organisation's indicators with capaian
    ada: int
    total: int
    kategori: str
    capaian_lalu: float | None  # the same mean over last year's matching indicators
    ada_tahun_lalu: bool  # last year is in the database
    penilaian: Penilaian
    golongan: tuple[tuple[str, int], ...]  # holders per golongan ("III/b", 3), "-" unknown
    pegawai_kurang: tuple[PegawaiKurang, ...]
    anggaran: AnggaranLkjip

    @property
    def indikator(self) -> list[IndikatorLkjip]:
        """Every organisation indicator in table order."""
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def jabatan_kosong(self) -> list[UnitOrganisasi]:
        """Jabatan of the year without a holder."""
        return [u for u in self.unit if not u.pemangku]

    @property
    def tahun_lalu(self) -> int:
        """The year compared with."""
        return self.tahun - 1


def _kategori_nama(aturan: Penilaian, persen: float | None) -> tuple[str, str | None]:
    pita = aturan.kategori(persen)
    return (NA, None) if pita is None else (pita.nama, pita.warna)


def _capaian_tahun(b: BarisCapaian) -> CapaianTahun:
    jenis = b.info.jenis
    nama, warna = (NA, None) if b.kategori is None else (b.kategori.nama, b.kategori.warna)
    return CapaianTahun(
        target=NA if b.target is None else teks_target(b.target, jenis),
        realisasi=teks_realisasi(jenis, b.realisasi.nilai) or NA,
        capaian=b.capaian.persen,
        kategori=nama,
        warna=warna,
    )


def _unit(tahun: int) -> list[UnitOrganisasi]:
    ordered = urut_pohon(Jabatan.select().where(Jabatan.tahun == tahun))
    ids = [j.id for j, _ in ordered]
    tugas: dict[int, list[str]] = defaultdict(list)
    for jid, teks in (
        Tugas.select(Tugas.jabatan, Tugas.teks)
        .where(Tugas.jabatan.in_(ids))
        .order_by(Tugas.urutan, Tugas.id)
        .tuples()
        .iterator()
    ):
        tugas[jid].append(teks)
    fungsi: dict[int, list[str]] = defaultdict(list)
    for jid, teks in (
        Fungsi.select(Fungsi.jabatan, Fungsi.teks)
        .where(Fungsi.jabatan.in_(ids))
        .order_by(Fungsi.urutan, Fungsi.id)
        .tuples()
        .iterator()
    ):
        fungsi[jid].append(teks)
    pemangku: dict[int, list[str]] = defaultdict(list)
    for jid, nama in (
        Pemangku.select(Pemangku.jabatan, Pegawai.nama)
        .join(Pegawai)
        .where(Pemangku.jabatan.in_(ids))
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    ):
        pemangku[jid].append(nama)
    return [
        UnitOrganisasi(
            j.id,
            j.kode,
            j.nama,
            depth,
            j.atasan_id,
            tuple(pemangku[j.id]),
            tuple(tugas[j.id]),
            tuple(fungsi[j.id]),
        )
        for j, depth in ordered
    ]


def _pegawai(tahun: int) -> tuple[list[tuple[str, int]], list[PegawaiKurang]]:
    """Holders per golongan (highest first, unknown last) and holders lacking NIP or pangkat."""
    rows = (
        Pemangku.select(Pegawai.id, Pegawai.nama, Pegawai.nip, Pegawai.pangkat, Jabatan.nama)
        .join(Pegawai)
        .switch(Pemangku)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .order_by(Jabatan.urutan, Pegawai.nama)
        .tuples()
    )
    urutan = {g: u for g, u in Pangkat.select(Pangkat.golongan, Pangkat.urutan).tuples().iterator()}
    golongan: Counter[str] = Counter()
    kurang: list[PegawaiKurang] = []
    seen: set[int] = set()
    for pid, nama, nip, gol, jabatan in rows.iterator():
        if pid in seen:
            continue
        seen.add(pid)
        golongan[gol or "-"] += 1
        if not nip or not gol:
            kurang.append(PegawaiKurang(nama, jabatan, not nip, not gol))
    urut = sorted(golongan.items(), key=lambda g: (g[0] == "-", -urutan.get(g[0], -1), g[0]))
    return urut, kurang


def build_lkjip_angka(tahun: int) -> AngkaLkjip:
    """Read and compute the figures of ``tahun``'s Laporan Kinerja (the year must exist)."""
    aturan = penilaian()
    unit = _unit(tahun)
    puncak = {u.id: u.nama for u in unit if u.kedalaman == 0}
    ini = [
        n.capaian(parse_periode(str(tahun)), aturan)
        for n in nilai_tahun(tahun)
        if n.info.jabatan_id in puncak
    ]
    ada_lalu = Tahun.get_or_none(Tahun.tahun == tahun - 1) is not None
    lalu: dict[str, BarisCapaian] = {}
    if ada_lalu:
        periode_lalu = parse_periode(str(tahun - 1))
        kode = {b.info.kode for b in ini}
        lalu = {
            n.info.kode: n.capaian(periode_lalu, aturan)
            for n in nilai_tahun(tahun - 1)
            if n.info.kode in kode
        }
    renstra = target_renstra([b.info.kode for b in ini], tahun)
    sasaran_id: dict[int, int] = {
        i: s
        for i, s in Indikator.select(Indikator.id, Indikator.sasaran)
        .where(Indikator.tahun == tahun)
        .tuples()
        .iterator()
    }
    teks_sasaran: dict[int, str] = {
        i: t
        for i, t in Sasaran.select(Sasaran.id, Sasaran.teks)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun, Jabatan.id.in_(list(puncak)))
        .tuples()
        .iterator()
    }
    urutan = {u.id: i for i, u in enumerate(unit)}
    ini.sort(key=lambda b: urutan[b.info.jabatan_id])  # tree order; stable within a jabatan
    per_sasaran: dict[int, tuple[int, list[IndikatorLkjip]]] = {}
    for b in ini:
        r = renstra.get(b.info.kode)
        renstra_capaian = None
        if r is not None and b.realisasi.nilai is not None:
            renstra_capaian = compute_capaian(b.info.polaritas, r.target, b.realisasi.nilai).persen
        lama = lalu.get(b.info.kode)
        ind = IndikatorLkjip(
            kode=b.info.kode,
            nama=b.info.nama,
            satuan=b.info.satuan,
            jenis=b.info.jenis,
            ini=_capaian_tahun(b),
            lalu=None if lama is None else _capaian_tahun(lama),
            renstra_target="" if r is None else teks_target(r.target, b.info.jenis),
            renstra_tahun=None if r is None else r.tahun_akhir,
            renstra_capaian=renstra_capaian,
        )
        sid = sasaran_id[b.info.id]
        per_sasaran.setdefault(sid, (b.info.jabatan_id, []))[1].append(ind)
    sasaran = []
    for sid, (jabatan_id, daftar) in per_sasaran.items():
        rata, ada, _ = rata_rata_capaian(i.ini.capaian for i in daftar)
        sasaran.append(
            SasaranLkjip(
                id=sid,
                teks=teks_sasaran[sid],
                jabatan=puncak[jabatan_id],
                indikator=tuple(daftar),
                capaian=rata,
                ada=ada,
                kategori=_kategori_nama(aturan, rata)[0],
            )
        )
    semua = [i for s in sasaran for i in s.indikator]
    rata, ada, total = rata_rata_capaian(i.ini.capaian for i in semua)
    rata_lalu = rata_rata_capaian(i.lalu.capaian for i in semua if i.lalu is not None)[0]
    golongan, kurang = _pegawai(tahun)
    kantor = Kantor.get_or_none()
    return AngkaLkjip(
        tahun=tahun,
        kecamatan=kantor.kecamatan if kantor else "",
        kabupaten=kantor.nama_kabupaten if kantor else "",
        unit=tuple(unit),
        sasaran=tuple(sasaran),
        capaian=rata,
        ada=ada,
        total=total,
        kategori=_kategori_nama(aturan, rata)[0],
        capaian_lalu=rata_lalu,
        ada_tahun_lalu=ada_lalu,
        penilaian=aturan,
        golongan=tuple(golongan),
        pegawai_kurang=tuple(kurang),
        anggaran=build_lkjip_anggaran(tahun),
    )
