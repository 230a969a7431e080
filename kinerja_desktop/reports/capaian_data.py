"""The capaian report's content, built once and rendered by the PDF and Excel writers.

Per jabatan, in the tree order of the IKI decree, a table No | Sasaran | Indikator | Satuan |
Target | Realisasi | Capaian (%) | Kategori | Keterangan and the jabatan's capaian; a
kecamatan recap of every jabatan (drawn as a bar chart too); per-desa tables for desa-based
indicators; the rules used; the signatory. Every text is final Indonesian text: renderers only
lay it out. "Belum ada data" is written out wherever a value is missing, never 0.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kinerja_desktop.db.kantor import desa_aktif
from kinerja_desktop.db.models import Kantor, Pegawai, Pemangku
from kinerja_desktop.db.persetujuan import InfoPersetujuan, keadaan_periode
from kinerja_desktop.db.queries import require_year, urutan_jabatan
from kinerja_desktop.db.queries_nilai import (
    BarisCapaian,
    NilaiIndikator,
    capaian_tahun,
    daftar_desa,
    nilai_tahun,
    penilaian,
    summarize_jabatan,
)
from kinerja_desktop.domain.capaian import CAPAIAN_WAJAR, Pita
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.jabatan import label_jabatan
from kinerja_desktop.domain.periode import Periode, parse_periode
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.domain.value_text import format_persen, teks_realisasi, teks_target
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.penandatangan import Penandatangan, PilihanTtd, penandatangan_tahun

BELUM = "belum ada data"

KOLOM = (
    "No",
    "Sasaran",
    "Indikator",
    "Satuan",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
    "Keterangan",
)
"""The columns of a jabatan's table, in the PDF and in the workbook."""


@dataclass(frozen=True)
class BarisLaporan:
    """One indicator row, every cell as printed."""

    no: str
    sasaran: str
    indikator: str
    satuan: str
    target: str
    realisasi: str
    capaian: str
    kategori: str
    keterangan: str
    capaian_persen: float | None
    warna: str | None  # the category's colour


@dataclass(frozen=True)
class JabatanCapaian:
    """A jabatan's table and its capaian (mean over indicators with data)."""

    kode: str
    nama: str
    label: str  # the name, with the code where two jabatan share it (charts, recap)
    pemangku: str
    baris: list[BarisLaporan]
    capaian: float | None
    ada: int
    total: int
    kategori: str
    warna: str | None
    persetujuan: str  # "Disetujui oleh admin, 29 November 2026 03.04", "Draf (belum diajukan)"

    @property
    def ringkasan(self) -> str:
        """``Capaian jabatan: 87,5% (Tinggi), dari 3 dari 5 indikator yang memiliki data.``"""
        if self.capaian is None:
            return f"Capaian jabatan: {BELUM} (0 dari {self.total} indikator memiliki capaian)."
        kalimat = (
            f"Capaian jabatan: {format_persen(self.capaian)} ({self.kategori}), rata-rata "
            f"{self.ada} dari {self.total} indikator yang memiliki capaian."
        )
        if self.capaian > CAPAIAN_WAJAR:
            kalimat += " Periksa angka indikator yang ditandai di kolom Keterangan."
        return kalimat


@dataclass(frozen=True)
class TabelDesa:
    """The desa values of one desa-based indicator in the period."""

    kode: str
    nama: str
    jabatan: str
    baris: list[tuple[str, str]]  # desa name, realisasi (or "belum ada data")
    jumlah: str  # the kecamatan value
    lapor: int


@dataclass(frozen=True)
class IndikatorTanpaData:
    """A desa-based indicator without any desa value in the period."""

    kode: str
    nama: str
    jabatan: str


@dataclass
class LaporanCapaian:
    """Everything the capaian report prints."""

    judul: str
    kecamatan: str
    periode: Periode
    jabatan: list[JabatanCapaian]
    desa: list[TabelDesa]
    desa_tanpa_data: list[IndikatorTanpaData]  # desa-based, no desa value in the period
    aturan: tuple[str, ...]
    penandatangan: Penandatangan
    pita: list[tuple[str, str, str]] = field(default_factory=list)  # range, name, colour

    @property
    def sub_judul(self) -> str:
        """``KECAMATAN KEPANJEN — TRIWULAN I 2020``."""
        return f"KECAMATAN {self.kecamatan.upper()} — {self.periode.label.upper()}"


def _baris(no: int, b: BarisCapaian) -> BarisLaporan:
    jenis = b.info.jenis
    target = BELUM if b.target is None else teks_target(b.target, jenis)
    if b.target is not None and b.target_turunan:
        target += "\notomatis"  # the word the rules section explains, on a line of its own
    realisasi = teks_realisasi(jenis, b.realisasi.nilai) or BELUM
    if b.realisasi.nilai is not None and jenis is not Jenis.JUMLAH:
        realisasi += (
            f" ({teks_realisasi(Jenis.JUMLAH, b.realisasi.pembilang)}/"
            f"{teks_realisasi(Jenis.JUMLAH, b.realisasi.penyebut)})"
        )
    keterangan = []
    if b.realisasi.nilai is None:
        keterangan.append("Belum ada data realisasi.")
    elif b.target is None:
        keterangan.append("Belum ada target.")
    elif b.capaian.catatan:
        keterangan.append(b.capaian.catatan)
    dihitung = b.capaian.sebelum_batas or b.capaian.persen
    if dihitung is not None and dihitung > CAPAIAN_WAJAR:
        keterangan.append(
            f"Periksa: capaian {format_persen(dihitung)} jauh di atas target; mungkin target "
            "atau realisasi salah ketik."
        )
    if b.info.dari_desa and b.realisasi.nilai is not None:
        keterangan.append(f"Data dari {b.desa_lapor} desa/kelurahan.")
    persen = b.capaian.persen
    return BarisLaporan(
        no=str(no),
        sasaran=b.info.sasaran,
        indikator=b.info.nama,
        satuan=b.info.satuan,
        target=target,
        realisasi=realisasi,
        capaian="-" if persen is None else format_persen(persen).rstrip("%"),
        kategori="-" if b.kategori is None else b.kategori.nama,
        keterangan=" ".join(keterangan),
        capaian_persen=persen,
        warna=None if b.kategori is None else b.kategori.warna,
    )


def _pemangku(jabatan_ids: list[int]) -> dict[int, str]:
    """The holders of each jabatan, by name, in one query ("belum ada pemangku" when none)."""
    nama: dict[int, list[str]] = {i: [] for i in jabatan_ids}
    for jabatan_id, n in (
        Pemangku.select(Pemangku.jabatan, Pegawai.nama)
        .join(Pegawai)
        .where(Pemangku.jabatan.in_(jabatan_ids))
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    ):
        nama[jabatan_id].append(n)
    return {i: ", ".join(n) or "belum ada pemangku" for i, n in nama.items()}


def _kalimat_persetujuan(info: InfoPersetujuan, p: Periode) -> str:
    # "Disetujui oleh admin, 29 November 2026": the day is enough on paper; the approved
    # period is named when it is wider than the report's (the year for a TW)
    if not info.oleh:
        return info.kalimat
    hari = format_tanggal(date.fromisoformat(info.waktu[:10]))
    lebih = f" (untuk {parse_periode(info.periode).label})" if info.periode != p.id else ""
    return f"{info.status.label} oleh {info.oleh}, {hari}{lebih}"


def rentang_pita(pita: Iterable[Pita]) -> list[tuple[str, str, str]]:
    """The rating bands as printed: (``76% – < 91%``, name, colour), the highest first."""
    urut = sorted(pita, key=lambda x: x.batas_bawah, reverse=True)
    rentang = []
    for i, band in enumerate(urut):
        if i == 0:
            rentang.append((f"≥ {band.batas_bawah:g}%", band.nama, band.warna))
        else:
            rentang.append(
                (f"{band.batas_bawah:g}% – < {urut[i - 1].batas_bawah:g}%", band.nama, band.warna)
            )
    return rentang


def capaian_jabatan(
    tahun: int, p: Periode, nilai: Sequence[NilaiIndikator] | None = None
) -> list[JabatanCapaian]:
    """Every jabatan of ``tahun`` with its table and capaian for ``p``, in the order of the
    IKI decree: the report's recap, its chart and the Beranda's chart all read this.

    ``nilai`` is the year's values when the caller has read them already (else read here)."""
    aturan = penilaian()
    semua = capaian_tahun(tahun, p) if nilai is None else [n.capaian(p, aturan) for n in nilai]
    per_jabatan: dict[int, list[BarisCapaian]] = {}
    for b in semua:
        per_jabatan.setdefault(b.info.jabatan_id, []).append(b)
    urutan = urutan_jabatan(tahun)  # the jabatan in the order of the IKI decree
    pemangku = _pemangku(list(per_jabatan))
    persetujuan = keadaan_periode(per_jabatan, p)
    label = label_jabatan(
        (d[0].info.kode_jabatan, d[0].info.nama_jabatan) for d in per_jabatan.values()
    )
    jabatan = []
    for jabatan_id, daftar in sorted(per_jabatan.items(), key=lambda x: urutan.get(x[0], 0)):
        rata, ada, total = summarize_jabatan(daftar)
        kat = aturan.kategori(rata)
        jabatan.append(
            JabatanCapaian(
                kode=daftar[0].info.kode_jabatan,
                nama=daftar[0].info.nama_jabatan,
                label=label[daftar[0].info.kode_jabatan],
                pemangku=pemangku[jabatan_id],
                baris=[_baris(i, b) for i, b in enumerate(daftar, start=1)],
                capaian=rata,
                ada=ada,
                total=total,
                kategori="-" if kat is None else kat.nama,
                warna=None if kat is None else kat.warna,
                persetujuan=_kalimat_persetujuan(persetujuan[jabatan_id], p),
            )
        )
    return jabatan


def build_capaian_report(
    tahun: int, periode: str | Periode, ttd: PilihanTtd | None = None
) -> LaporanCapaian:
    """Read and compute the capaian report of ``tahun`` for ``periode`` (e.g. ``2020Q1``).

    Signed by default by the year's signatory at the end of the period; ``ttd`` changes that.
    """
    tahun_row = require_year(tahun)
    p = parse_periode(periode) if isinstance(periode, str) else periode
    if p.tahun != tahun:
        raise DataTidakValid(f"Periode {p.id} bukan bagian dari tahun {tahun}.")
    aturan = penilaian()
    jabatan = capaian_jabatan(tahun, p)
    desa = daftar_desa()
    aktif = {d.id for d in desa_aktif(p)}
    tabel_desa, tanpa = [], []
    for n in nilai_tahun(tahun):
        if not n.info.dari_desa:
            continue
        baris, lapor = [], 0
        for d in desa:
            g = n.realisasi_desa(p, d.id)
            if g.has_value:
                lapor += 1
            elif d.id not in aktif:
                continue  # retired before this period and nothing stored: not a missing report
            nama = nama_desa_lengkap(d.jenis, d.nama)
            baris.append((nama, teks_realisasi(n.info.jenis, g.nilai) or BELUM))
        if not lapor:
            tanpa.append(IndikatorTanpaData(n.info.kode, n.info.nama, n.info.nama_jabatan))
            continue
        jumlah = teks_realisasi(n.info.jenis, n.realisasi_periode(p).nilai) or BELUM
        tabel_desa.append(
            TabelDesa(n.info.kode, n.info.nama, n.info.nama_jabatan, baris, jumlah, lapor)
        )
    kantor = Kantor.get_or_none()
    return LaporanCapaian(
        judul="LAPORAN CAPAIAN INDIKATOR KINERJA INDIVIDU",
        kecamatan=kantor.kecamatan if kantor else "",
        periode=p,
        jabatan=jabatan,
        desa=tabel_desa,
        desa_tanpa_data=tanpa,
        aturan=aturan.aturan,
        penandatangan=penandatangan_tahun(tahun_row, p.tanggal_akhir, ttd),
        pita=rentang_pita(aturan.pita),
    )
