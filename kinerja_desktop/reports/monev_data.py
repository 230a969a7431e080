"""The quarterly monitoring and evaluation (monev) as plain data, rendered by :mod:`monev_pdf`
(landscape) and :mod:`monev_xlsx`.

Per jabatan, in the decree's tree order: each indicator's target of the year and of the
triwulan, realisasi of the triwulan and from January up to its end, the capaian up to the
triwulan (against the target up to it) and its category, and the Keterangan/Kendala kept for
the indicator and period; then the budget: anggaran per program and kegiatan, realised in the
triwulan and up to it, and the share realised. An appendix "asal angka" says where every
realisasi came from. "Belum ada data" is written where a value is missing, never 0.

Long because both tables of the monev (indicators and budget) are built here from one reading
of the period, so their triwulan arithmetic cannot drift apart; splitting the budget rows out
is the next cut when the file grows.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.queries_nilai import BarisCapaian, nilai_tahun, penilaian, summarize_jabatan
from kinerja_desktop.db.queries_program import (
    kegiatan_per_program,
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
)
from kinerja_desktop.domain.anggaran import sum_anggaran
from kinerja_desktop.domain.capaian import CAPAIAN_WAJAR
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import (
    ROMAWI,
    JenisPeriode,
    Periode,
    parse_periode,
    sampai_triwulan,
    tahun_,
)
from kinerja_desktop.domain.value_text import format_persen, teks_realisasi
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.asal_angka import AsalJabatan, read_asal_jabatan
from kinerja_desktop.reports.dokumen_data import Pihak
from kinerja_desktop.reports.penandatangan import Penandatangan, PilihanTtd, penandatangan_tahun
from kinerja_desktop.reports.rencana_aksi_data import (
    TANDA_OTOMATIS,
    jabatan_dokumen,
    teks_nilai_target,
)

BELUM = "belum ada data"
KOLOM_ANGGARAN_DASAR = ("No", "Program / Kegiatan", "Anggaran")


@dataclass(frozen=True)
class BarisMonev:
    """One indicator row, every cell as printed."""

    kode: str
    sasaran: str
    indikator: str
    satuan: str
    target_tahun: str
    target_tw: str
    realisasi_tw: str
    realisasi_kumulatif: str
    capaian: str  # "87,5" or "-"
    capaian_persen: float | None
    kategori: str
    warna: str | None
    keterangan: str


@dataclass(frozen=True)
class BarisAnggaranMonev:
    """A program (``kegiatan`` False) or kegiatan with its anggaran and budget realised."""

    nomor: str
    nama: str
    kegiatan: bool
    anggaran: int | None
    realisasi_tw: int | None
    realisasi_kumulatif: int | None

    @property
    def persen(self) -> float | None:
        """The share of the anggaran realised up to the triwulan."""
        if not self.anggaran or self.realisasi_kumulatif is None:
            return None
        return self.realisasi_kumulatif * 100 / self.anggaran

    @property
    def teks_persen(self) -> str:
        """``45,0%`` or "-"."""
        return "-" if self.persen is None else format_persen(self.persen)


@dataclass(frozen=True)
class JabatanMonev:
    """One jabatan's monev."""

    kode: str
    nama: str
    pejabat: tuple[Pihak, ...]
    baris: tuple[BarisMonev, ...]
    anggaran: tuple[BarisAnggaranMonev, ...]
    capaian: float | None
    ringkasan: str  # "Capaian jabatan s.d. TW II: 87,5% (Tinggi), …"

    @property
    def nama_pejabat(self) -> str:
        """The holders by name ("belum ada pemangku" when none)."""
        return ", ".join(p.nama for p in self.pejabat) or "belum ada pemangku"

    @property
    def has_automatic_target(self) -> bool:
        """Whether a target of the triwulan was derived (marked, to be explained below)."""
        return any(b.target_tw.endswith(TANDA_OTOMATIS) for b in self.baris)

    @property
    def jumlah(self) -> BarisAnggaranMonev:
        """The jabatan's totals over its programs (None where one is not known)."""
        program = [a for a in self.anggaran if not a.kegiatan]

        realisasi = [a.realisasi_kumulatif for a in program if a.realisasi_kumulatif is not None]
        tw = [a.realisasi_tw for a in program if a.realisasi_tw is not None]
        return BarisAnggaranMonev(
            "",
            "Jumlah",
            False,
            sum_anggaran(a.anggaran for a in program),
            sum(tw) if tw else None,
            sum(realisasi) if realisasi else None,
        )

    @property
    def kurang(self) -> list[str]:
        """What this jabatan's monev lacks, in the operator's words."""
        hasil = []
        if not self.pejabat:
            hasil.append("pemangku")
        tanpa = [b.kode for b in self.baris if b.realisasi_kumulatif == BELUM]
        if tanpa:
            hasil.append(f"realisasi {', '.join(tanpa)}")
        if not self.anggaran:
            hasil.append("program dan anggaran")
        elif self.jumlah.anggaran is None:
            hasil.append("anggaran kegiatan")
        if self.anggaran and self.jumlah.realisasi_kumulatif is None:
            hasil.append("realisasi anggaran")
        return hasil


@dataclass
class LaporanMonev:
    """Everything the monev of one triwulan prints."""

    tahun: int
    periode: Periode
    kecamatan: str
    jabatan: tuple[JabatanMonev, ...]
    asal: AsalJabatan  # per jabatan name
    aturan: tuple[str, ...]
    penandatangan: Penandatangan
    pita: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def tw(self) -> str:
        """``TW II``."""
        return f"TW {ROMAWI[self.periode.ke - 1]}"

    @property
    def judul(self) -> str:
        """Document title."""
        return f"Monitoring dan Evaluasi Kinerja Kecamatan {self.kecamatan} {self.periode.label}"

    @property
    def kolom(self) -> tuple[str, ...]:
        """The columns of a jabatan's indicator table."""
        return (
            "No",
            "Sasaran",
            "Indikator",
            "Satuan",
            "Target Tahun",
            f"Target {self.tw}",
            f"Realisasi {self.tw}",
            f"Realisasi s.d. {self.tw}",
            f"Capaian s.d. {self.tw} (%)",
            "Kategori",
            "Keterangan/Kendala",
        )

    @property
    def kolom_anggaran(self) -> tuple[str, ...]:
        """The columns of a jabatan's budget table."""
        return (
            *KOLOM_ANGGARAN_DASAR,
            f"Realisasi {self.tw}",
            f"Realisasi s.d. {self.tw}",
            "Persentase",
        )

    @property
    def kurang(self) -> list[str]:
        """Every gap of every jabatan, named by its jabatan."""
        return [f"{j.nama} ({j.kode}): {k}" for j in self.jabatan for k in j.kurang]


def _teks_realisasi(b: BarisCapaian) -> str:
    jenis = b.info.jenis
    teks = teks_realisasi(jenis, b.realisasi.nilai)
    if not teks:
        return BELUM
    if jenis is not Jenis.JUMLAH:
        teks += (
            f" ({teks_realisasi(Jenis.JUMLAH, b.realisasi.pembilang)}/"
            f"{teks_realisasi(Jenis.JUMLAH, b.realisasi.penyebut)})"
        )
    return teks


def _keterangan(b: BarisCapaian, catatan: tuple[str, str] | None) -> str:
    bagian = []
    if catatan is not None:
        kendala, tindak = catatan
        if kendala:
            bagian.append(f"Kendala: {kendala}")
        if tindak:
            bagian.append(f"Tindak lanjut: {tindak}")
    if b.realisasi.nilai is None:
        bagian.append("Belum ada data realisasi.")
    elif b.target is None:
        bagian.append("Belum ada target.")
    elif b.capaian.catatan:
        bagian.append(b.capaian.catatan)
    dihitung = b.capaian.sebelum_batas or b.capaian.persen
    if dihitung is not None and dihitung > CAPAIAN_WAJAR:
        bagian.append(f"Periksa: capaian {format_persen(dihitung)} jauh di atas target.")
    return " ".join(bagian)


def _triwulan(periode: str | Periode) -> Periode:
    p = parse_periode(periode) if isinstance(periode, str) else periode
    if p.jenis is not JenisPeriode.TRIWULAN:
        raise DataTidakValid(
            f"Monev dibuat per triwulan: tulis {p.tahun}Q1 sampai {p.tahun}Q4, bukan {p.id}."
        )
    return p


def _anggaran(tahun: int, ids: list[int], p: Periode) -> dict[int, list[BarisAnggaranMonev]]:
    """Each jabatan's programs and kegiatan with anggaran and budget realised, numbered."""
    tw: dict[int, int] = defaultdict(int)
    kumulatif: dict[int, int] = defaultdict(int)
    ada_tw: set[int] = set()
    ada: set[int] = set()
    for r in read_realisasi_anggaran(tahun, ids):
        ke = parse_periode(r.periode).ke
        if ke <= p.ke:
            kumulatif[r.kegiatan_id] += r.nilai
            ada.add(r.kegiatan_id)
        if ke == p.ke:
            tw[r.kegiatan_id] += r.nilai
            ada_tw.add(r.kegiatan_id)
    kegiatan = kegiatan_per_program(read_kegiatan(tahun, ids))
    hasil: dict[int, list[BarisAnggaranMonev]] = defaultdict(list)
    nomor: dict[int, int] = defaultdict(int)
    for prog in read_program(tahun, ids):
        nomor[prog.jabatan_id] += 1
        n = nomor[prog.jabatan_id]
        daftar = kegiatan.get(prog.id, [])
        baris_keg = [
            BarisAnggaranMonev(
                f"{n}.{i}",
                f"{k.kode} {k.nama}".strip(),
                True,
                k.anggaran,
                tw[k.id] if k.id in ada_tw else None,
                kumulatif[k.id] if k.id in ada else None,
            )
            for i, k in enumerate(daftar, start=1)
        ]
        sum_tw = [b.realisasi_tw for b in baris_keg if b.realisasi_tw is not None]
        sum_kum = [b.realisasi_kumulatif for b in baris_keg if b.realisasi_kumulatif is not None]
        hasil[prog.jabatan_id].append(
            BarisAnggaranMonev(
                str(n),
                f"{prog.kode} {prog.nama}".strip(),
                False,
                prog.anggaran,
                sum(sum_tw) if sum_tw else None,
                sum(sum_kum) if sum_kum else None,
            )
        )
        hasil[prog.jabatan_id] += baris_keg
    return hasil


def build_monev(
    tahun: int,
    periode: str | Periode,
    jabatan_kode: str | None = None,
    ttd: PilihanTtd | None = None,
    asal_angka: bool = True,
) -> LaporanMonev:
    """Read and compute the monev of ``tahun`` for the triwulan ``periode`` ("2026Q2"), all
    jabatan or ``jabatan_kode``. Signed by the year's signatory on the last day of the
    triwulan unless ``ttd`` changes it."""
    tahun_row = require_year(tahun)
    p = _triwulan(periode)
    if p.tahun != tahun:
        raise DataTidakValid(f"Periode {p.id} bukan bagian dari tahun {tahun}.")
    kecamatan, pilihan = jabatan_dokumen(tahun, jabatan_kode)
    ids = [j.id for j in pilihan if j.id is not None]
    aturan = penilaian()
    sd = sampai_triwulan(tahun, p.ke)
    setahun = tahun_(tahun)
    catatan = {
        k[0]: (v.kendala, v.tindak_lanjut) for k, v in read_keterangan(tahun, p.id, ids).items()
    }
    per_jabatan = defaultdict(list)
    for n in nilai_tahun(tahun):
        per_jabatan[n.info.jabatan_id].append(n)
    anggaran = _anggaran(tahun, ids, p)
    jabatan = []
    asal: list[tuple[str, list[tuple[int, str, str]]]] = []  # indicators per jabatan
    label_tw = f"TW {ROMAWI[p.ke - 1]}"
    for j in pilihan:
        assert j.id is not None
        daftar = per_jabatan.get(j.id, [])
        hasil_sd = [n.capaian(sd, aturan) for n in daftar]
        baris = []
        for n, b in zip(daftar, hasil_sd, strict=True):
            t_tahun, _ = n.target_periode(setahun)
            t_tw, turunan = n.target_periode(p)
            realisasi_tw = teks_realisasi(n.info.jenis, n.realisasi_periode(p).nilai) or BELUM
            persen = b.capaian.persen
            baris.append(
                BarisMonev(
                    kode=n.info.kode,
                    sasaran=n.info.sasaran,
                    indikator=n.info.nama,
                    satuan=n.info.satuan or ("%" if n.info.jenis is not Jenis.JUMLAH else ""),
                    target_tahun=teks_nilai_target(t_tahun),
                    target_tw=teks_nilai_target(t_tw, turunan),
                    realisasi_tw=realisasi_tw,
                    realisasi_kumulatif=_teks_realisasi(b),
                    capaian="-" if persen is None else format_persen(persen).rstrip("%"),
                    capaian_persen=persen,
                    kategori="-" if b.kategori is None else b.kategori.nama,
                    warna=None if b.kategori is None else b.kategori.warna,
                    keterangan=_keterangan(b, catatan.get(n.info.id)),
                )
            )
        rata, ada, total = summarize_jabatan(hasil_sd)
        kat = aturan.kategori(rata)
        if rata is None:
            ringkasan = f"Capaian jabatan s.d. {label_tw}: {BELUM} (0 dari {total} indikator)."
        else:
            ringkasan = (
                f"Capaian jabatan s.d. {label_tw}: {format_persen(rata)}"
                f" ({'-' if kat is None else kat.nama}), rata-rata {ada} dari {total} indikator."
            )
        jabatan.append(
            JabatanMonev(
                j.kode,
                j.label,
                j.pemangku,
                tuple(baris),
                tuple(anggaran.get(j.id, [])),
                rata,
                ringkasan,
            )
        )
        if asal_angka:
            asal.append((j.label, [(n.info.id, n.info.kode, n.info.nama) for n in daftar]))
    urut = sorted(aturan.pita, key=lambda x: x.batas_bawah, reverse=True)
    pita = [
        (
            f"≥ {band.batas_bawah:g}%"
            if i == 0
            else f"{band.batas_bawah:g}% – < {urut[i - 1].batas_bawah:g}%",
            band.nama,
            band.warna,
        )
        for i, band in enumerate(urut)
    ]
    return LaporanMonev(
        tahun=tahun,
        periode=p,
        kecamatan=kecamatan,
        jabatan=tuple(jabatan),
        asal=read_asal_jabatan(asal, sd),
        aturan=(
            f"Capaian s.d. {label_tw} = realisasi Januari s.d. akhir {label_tw} dibandingkan "
            f"target s.d. {label_tw} (indikator jumlah: jumlah target triwulan; persentase: "
            "target tahunan).",
            *aturan.aturan,
        ),
        penandatangan=penandatangan_tahun(tahun_row, p.tanggal_akhir, ttd),
        pita=pita,
    )
