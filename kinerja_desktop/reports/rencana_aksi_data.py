"""The Rencana Aksi of a year as plain data, rendered by :mod:`rencana_aksi_pdf` (landscape)
and :mod:`rencana_aksi_xlsx`.

Per jabatan, in the decree's tree order: the indicators with the year's target and the targets
of TW I–IV (typed, or derived by the documented rule and marked), the programs and kegiatan
with their anggaran, and the actions with their sub-actions, what each plans per triwulan and
who is responsible. Every text is final Indonesian text; renderers only lay it out.
"""

from collections import defaultdict
from dataclasses import dataclass

from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.queries_nilai import NilaiIndikator, nilai_tahun
from kinerja_desktop.db.queries_program import (
    BarisAksi,
    kegiatan_per_program,
    read_kegiatan,
    read_program,
    read_rencana_aksi,
)
from kinerja_desktop.domain.anggaran import sum_anggaran
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import tahun_, triwulan_setahun
from kinerja_desktop.errors import TidakDitemukan
from kinerja_desktop.reports.dokumen_data import (
    KODE_CAMAT,
    JabatanDokumen,
    Pihak,
    read_struktur,
)
from kinerja_desktop.reports.penandatangan import Penandatangan, PilihanTtd, penandatangan_tahun
from kinerja_desktop.reports.pk_data import KOSONG_SEL, teks_rupiah, teks_target_dokumen

TANDA_OTOMATIS = "*"
KETERANGAN_OTOMATIS = (
    "* Target otomatis: target triwulan yang tidak diisi dihitung dari target tahunan. "
    "Indikator jumlah dibagi rata (target tahun ÷ 4 per triwulan); persentase dan rasio: "
    "target tahunan berlaku sama di setiap triwulan."
)
KOLOM_TARGET = (
    "No",
    "Sasaran",
    "Indikator",
    "Satuan",
    "Target Tahun",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
)
KOLOM_PROGRAM = ("No", "Program / Kegiatan", "Anggaran (Rp)")
KOLOM_AKSI = (
    "No",
    "Rencana Aksi",
    "Sub Rencana Aksi",
    "Indikator / Kegiatan",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
    "Penanggung Jawab",
)


@dataclass(frozen=True)
class BarisTarget:
    """An indicator with the year's target and the four quarterly targets, as printed."""

    kode: str
    sasaran: str
    indikator: str
    satuan: str
    tahun: str
    tw: tuple[str, str, str, str]  # derived ones end in TANDA_OTOMATIS


@dataclass(frozen=True)
class BarisAnggaran:
    """A program (``kegiatan`` False) or one of its kegiatan, with its anggaran."""

    nomor: str  # "1", "1.1"
    nama: str
    anggaran: str  # "Rp 1.250.000" or a marked blank
    kegiatan: bool
    rupiah: int | None


@dataclass(frozen=True)
class BarisAksiRa:
    """An action or a sub-action, as printed."""

    nomor: str  # "1" for an action, "1.a" for a sub-action
    aksi: str  # the action's text (empty on a sub-action's row)
    sub: str  # the sub-action's text (empty on an action's row)
    tautan: str  # the linked indicator and kegiatan
    tw: tuple[str, str, str, str]
    penanggung_jawab: str


@dataclass(frozen=True)
class JabatanRa:
    """One jabatan's Rencana Aksi."""

    kode: str
    nama: str
    pejabat: tuple[Pihak, ...]
    target: tuple[BarisTarget, ...]
    anggaran: tuple[BarisAnggaran, ...]
    total_anggaran: int | None
    aksi: tuple[BarisAksiRa, ...]

    @property
    def nama_pejabat(self) -> str:
        """The holders by name ("belum ada pemangku" when none)."""
        return ", ".join(p.nama for p in self.pejabat) or "belum ada pemangku"

    @property
    def kurang(self) -> list[str]:
        """What this jabatan's Rencana Aksi prints as blanks, in the operator's words."""
        hasil = []
        if not self.pejabat:
            hasil.append("pemangku")
        tanpa = [b.kode for b in self.target if b.tahun == KOSONG_SEL]
        if tanpa:
            hasil.append(f"target {', '.join(tanpa)}")
        if not self.anggaran:
            hasil.append("program dan anggaran")
        elif any(a.rupiah is None for a in self.anggaran if a.kegiatan) or not any(
            a.kegiatan for a in self.anggaran
        ):
            hasil.append("anggaran kegiatan")
        if not self.aksi:
            hasil.append("rencana aksi")
        return hasil


@dataclass(frozen=True)
class LaporanRa:
    """Every jabatan's Rencana Aksi of a year."""

    tahun: int
    kecamatan: str
    jabatan: tuple[JabatanRa, ...]
    penandatangan: Penandatangan

    @property
    def judul(self) -> str:
        """Document title."""
        return f"Rencana Aksi Kecamatan {self.kecamatan} Tahun {self.tahun}"

    @property
    def kurang(self) -> list[str]:
        """Every blank of every jabatan, named by its jabatan."""
        return [f"{j.nama} ({j.kode}): {k}" for j in self.jabatan for k in j.kurang]


def teks_nilai_target(t: Target | None, otomatis: bool = False) -> str:
    """A target as a cell shows it: ``12``, ``80–100``, ``3*`` when derived; a blank when none."""
    if t is None:
        return KOSONG_SEL
    return teks_target_dokumen(t) + (TANDA_OTOMATIS if otomatis else "")


def baris_target(n: NilaiIndikator) -> BarisTarget:
    """An indicator's targets for the year and each triwulan (derived ones marked)."""
    tahun, _ = n.target_periode(tahun_(n.info.tahun))
    tw = []
    for p in triwulan_setahun(n.info.tahun):
        t, turunan = n.target_periode(p)
        tw.append(teks_nilai_target(t, turunan))
    satuan = n.info.satuan or ("%" if n.info.jenis is not Jenis.JUMLAH else "")
    return BarisTarget(
        n.info.kode,
        n.info.sasaran,
        n.info.nama,
        satuan,
        teks_nilai_target(tahun),
        (tw[0], tw[1], tw[2], tw[3]),
    )


def baris_anggaran(tahun: int, jabatan_ids: list[int]) -> dict[int, list[BarisAnggaran]]:
    """Each jabatan's programs with their kegiatan and anggaran, numbered, in two queries."""
    kegiatan = kegiatan_per_program(read_kegiatan(tahun, jabatan_ids))
    hasil: dict[int, list[BarisAnggaran]] = defaultdict(list)
    nomor: dict[int, int] = defaultdict(int)
    for p in read_program(tahun, jabatan_ids):
        nomor[p.jabatan_id] += 1
        n = nomor[p.jabatan_id]
        nama = f"{p.kode} {p.nama}".strip()
        hasil[p.jabatan_id].append(
            BarisAnggaran(str(n), nama, teks_rupiah(p.anggaran), False, p.anggaran)
        )
        for i, k in enumerate(kegiatan.get(p.id, []), start=1):
            hasil[p.jabatan_id].append(
                BarisAnggaran(
                    f"{n}.{i}",
                    f"{k.kode} {k.nama}".strip(),
                    teks_rupiah(k.anggaran),
                    True,
                    k.anggaran,
                )
            )
    return hasil


def _aksi(
    baris: list[BarisAksi], indikator: dict[int, str], kegiatan: dict[int, str]
) -> tuple[BarisAksiRa, ...]:
    hasil = []
    nomor = 0
    huruf = 0
    for a in baris:
        tautan = "; ".join(
            x
            for x in (
                indikator.get(a.indikator_id or 0, ""),
                kegiatan.get(a.kegiatan_id or 0, ""),
            )
            if x
        )
        if a.induk_id is None:
            nomor += 1
            huruf = 0
            hasil.append(BarisAksiRa(str(nomor), a.teks, "", tautan, a.tw, a.penanggung_jawab))
        else:
            huruf += 1
            label = f"{nomor}.{chr(ord('a') + huruf - 1)}" if huruf <= 26 else f"{nomor}.{huruf}"
            hasil.append(BarisAksiRa(label, "", a.teks, tautan, a.tw, a.penanggung_jawab))
    return tuple(hasil)


def jabatan_dokumen(tahun: int, jabatan_kode: str | None) -> tuple[str, list[JabatanDokumen]]:
    """The kecamatan's name and the jabatan a per-jabatan document covers (never the Camat,
    who has no Rencana Aksi or monev of his own)."""
    struktur = read_struktur(tahun)
    if jabatan_kode is not None and jabatan_kode.strip().upper() == KODE_CAMAT:
        raise TidakDitemukan(
            "Rencana Aksi dan monev dibuat per jabatan; Camat tidak punya Rencana Aksi sendiri. "
            "Pilih kode jabatan, atau semua jabatan."
        )
    dipilih = struktur.choose_jabatan(jabatan_kode)
    return struktur.kecamatan, [j for j in dipilih if j.id is not None]


def build_rencana_aksi(
    tahun: int, jabatan_kode: str | None = None, ttd: PilihanTtd | None = None
) -> LaporanRa:
    """Read the Rencana Aksi of ``tahun`` (all jabatan or ``jabatan_kode``)."""
    tahun_row = require_year(tahun)
    kecamatan, pilihan = jabatan_dokumen(tahun, jabatan_kode)
    ids = [j.id for j in pilihan if j.id is not None]
    nilai: dict[int, list[NilaiIndikator]] = defaultdict(list)
    for n in nilai_tahun(tahun):
        nilai[n.info.jabatan_id].append(n)
    nama_indikator = {n.info.id: f"{n.info.kode} {n.info.nama}" for d in nilai.values() for n in d}
    nama_kegiatan = {k.id: k.nama for k in read_kegiatan(tahun, ids)}
    anggaran = baris_anggaran(tahun, ids)
    aksi: dict[int, list[BarisAksi]] = defaultdict(list)
    for a in read_rencana_aksi(tahun, ids):
        aksi[a.jabatan_id].append(a)
    jabatan = []
    for j in pilihan:
        assert j.id is not None
        program = anggaran.get(j.id, [])
        total = sum_anggaran(a.rupiah for a in program if not a.kegiatan)
        jabatan.append(
            JabatanRa(
                kode=j.kode,
                nama=j.label,
                pejabat=j.pemangku,
                target=tuple(baris_target(n) for n in nilai.get(j.id, [])),
                anggaran=tuple(program),
                total_anggaran=total,
                aksi=_aksi(aksi.get(j.id, []), nama_indikator, nama_kegiatan),
            )
        )
    return LaporanRa(tahun, kecamatan, tuple(jabatan), penandatangan_tahun(tahun_row, None, ttd))
