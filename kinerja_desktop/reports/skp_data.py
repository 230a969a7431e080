"""The SKP documents' content, built once and laid out by the PDF and Excel writers: per
pegawai the plan, the evaluation of the period and the Dokumen Evaluasi Kinerja Pegawai; for
the office the recap of predikat with the distribution check (kurva distribusi).

Every text is final Indonesian text: renderers only lay it out. What is missing before the
documents can be signed (a party without NIP or pangkat, a jabatan without a holder) is listed
in ``kekurangan``; the distribution check in ``kurva``.
"""

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.db.models import Pegawai, Skp
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.queries_nilai import nilai_tahun, penilaian, summarize_jabatan
from kinerja_desktop.db.queries_skp import (
    DataSkp,
    EvaluasiSkp,
    Pihak,
    PihakTahun,
    RencanaHasilKerja,
    build_evaluasi_list,
    read_skp_list,
)
from kinerja_desktop.db.queries_skp_tahun import check_kurva_tahun, daftar_skp, kekurangan_skp
from kinerja_desktop.db.skp_aturan import sumber_kurva
from kinerja_desktop.domain.nip import format_nip, normalize_nip
from kinerja_desktop.domain.periode import JenisPeriode, Periode, parse_periode
from kinerja_desktop.domain.skp import HasilKurva, Rating
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.domain.value_text import format_persen
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan
from kinerja_desktop.reports.penandatangan import (
    KOSONG,
    Penandatangan,
    PilihanTtd,
    penandatangan_tahun,
)

BELUM_DITETAPKAN = "belum ditetapkan"
KOLOM_HASIL_KERJA = (
    "No",
    "Rencana Hasil Kerja Pimpinan yang Diintervensi",
    "Rencana Hasil Kerja",
    "Aspek",
    "Indikator Kinerja Individu",
    "Target",
)
"""The plan's columns, as the SKP form of PermenPANRB 6/2022 heads them."""
KOLOM_EVALUASI = (*KOLOM_HASIL_KERJA, "Realisasi", "Umpan Balik")
"""The evaluation's columns: the plan's, then realisasi and the atasan's feedback."""


@dataclass(frozen=True)
class DokumenSkp:
    """One pegawai's documents: the SKP, its evaluation in the period, and the signatures."""

    data: DataSkp
    evaluasi: EvaluasiSkp

    @property
    def rating_hasil(self) -> str:
        """The atasan's rating of hasil kerja, or "belum ditetapkan"."""
        k = self.evaluasi.keputusan
        return k.rating_hasil.label if k and k.rating_hasil else BELUM_DITETAPKAN

    @property
    def rating_perilaku(self) -> str:
        """The atasan's rating of perilaku, or "belum ditetapkan"."""
        k = self.evaluasi.keputusan
        return k.rating_perilaku.label if k and k.rating_perilaku else BELUM_DITETAPKAN

    @property
    def predikat(self) -> str:
        """The predikat from the matrix, or "belum ditetapkan"."""
        k = self.evaluasi.keputusan
        return k.predikat if k and k.predikat else BELUM_DITETAPKAN

    @property
    def usulan(self) -> str:
        """The application's proposal for hasil kerja with its reason (stored with the decision
        when one was made, else as computed now)."""
        k = self.evaluasi.keputusan
        if k is not None and k.rating_hasil is not None:
            rating, alasan = k.usulan_hasil, k.alasan_usulan
        else:
            rating, alasan = self.evaluasi.usulan.rating, self.evaluasi.usulan.alasan
        if not isinstance(rating, Rating):
            return alasan  # "Belum ada capaian …: tidak ada usulan." says it once
        return f"{rating.label} ({alasan})"

    @property
    def catatan(self) -> str:
        """The atasan's notes of the period (the Dokumen Evaluasi's recommendation)."""
        k = self.evaluasi.keputusan
        return k.catatan if k else ""


@dataclass(frozen=True)
class LaporanSkp:
    """Everything the SKP documents of a year and period print."""

    tahun: int
    periode: Periode
    unit_kerja: str
    tempat_tanggal: str  # "Kepanjen, 30 Juni 2026"
    camat: Penandatangan  # signs the office recap
    dokumen: tuple[DokumenSkp, ...]
    kantor: bool  # the whole office (with the recap page), not one pegawai
    capaian_organisasi: float | None
    indikator_organisasi: tuple[int, int]  # indicators with capaian, of all the year's
    predikat_organisasi: str | None
    kurva: HasilKurva
    sumber_kurva: str
    kekurangan: tuple[str, ...]

    @property
    def masa_penilaian(self) -> str:
        """``1 Januari s.d. 31 Desember 2026``: the whole year the plan covers."""
        return f"1 Januari s.d. 31 Desember {self.tahun}"

    @property
    def masa_evaluasi(self) -> str:
        """The evaluated period as dates: ``1 April s.d. 30 Juni 2026``."""
        awal = format_tanggal(date(self.tahun, self.periode.awal, 1)).rsplit(" ", 1)[0]
        return f"{awal} s.d. {format_tanggal(self.periode.tanggal_akhir)}"

    @property
    def label_periode(self) -> str:
        """``Triwulan II 2026`` or ``Tahunan 2026``."""
        if self.periode.jenis is JenisPeriode.TAHUN:
            return f"Tahunan {self.tahun}"
        return self.periode.label

    @property
    def teks_capaian_organisasi(self) -> str:
        """The kecamatan's capaian of the period as printed."""
        ada, semua = self.indikator_organisasi
        if self.capaian_organisasi is None:
            return f"belum ada data (0 dari {semua} indikator IKI kecamatan)"
        return (
            f"{format_persen(self.capaian_organisasi)} (rata-rata capaian {ada} dari {semua} "
            "indikator IKI kecamatan yang ada datanya)"
        )


def kelompok_rhk(baris: list[RencanaHasilKerja]) -> list[list[RencanaHasilKerja]]:
    """Consecutive rows of the same rencana hasil kerja (and intervened result) together: the
    form numbers a result once and lists its indicators under it."""
    kelompok: list[list[RencanaHasilKerja]] = []
    for r in baris:
        if kelompok and (kelompok[-1][0].rhk, kelompok[-1][0].rhk_atasan) == (r.rhk, r.rhk_atasan):
            kelompok[-1].append(r)
        else:
            kelompok.append([r])
    return kelompok


def teks_nip(pihak: Pihak | None) -> str:
    """``19800101 200501 2 001``, or the marked blank to fill by hand."""
    if pihak is None or not pihak.nip:
        return KOSONG
    return format_nip(pihak.nip)


def _choose_skp_ids(tahun: int, nip: str | None) -> list[int]:
    if nip is None:
        ids = [r.id for r in daftar_skp(tahun)]
        if not ids:
            from kinerja_desktop.command_line import command
            from kinerja_desktop.db.backup import bound_location

            raise DataTidakValid(
                f"Belum ada SKP tahun {tahun}. Buat dulu SKP pegawai di Laporan › SKP Pegawai "
                "(tombol Buat SKP) atau dengan perintah "
                f"{command(bound_location(), 'skp', 'buat', '--tahun', str(tahun), '--semua')}."
            )
        return ids
    pegawai = Pegawai.get_or_none(Pegawai.nip == normalize_nip(nip))
    if pegawai is None:
        raise TidakDitemukan(f"Tidak ada pegawai dengan NIP {nip}. Periksa NIP-nya (18 angka).")
    skp = Skp.get_or_none((Skp.pegawai == pegawai.id) & (Skp.tahun == tahun))
    if skp is None:
        raise DataTidakValid(
            f"{pegawai.nama} belum memiliki SKP tahun {tahun}. Buat dulu di Laporan › SKP "
            "Pegawai (tombol Buat SKP)."
        )
    return [skp.id]


def periode_laporan(tahun: int, periode: str | None) -> Periode:
    """The evaluated period: a triwulan of ``tahun`` or the year (default)."""
    p = parse_periode(periode or str(tahun))
    if p.tahun != tahun or p.jenis not in (JenisPeriode.TAHUN, JenisPeriode.TRIWULAN):
        raise DataTidakValid(
            f"Periode SKP tahun {tahun} adalah {tahun}Q1 … {tahun}Q4 (triwulan) atau {tahun} "
            f"(tahunan), bukan {periode}."
        )
    return p


def build_skp_report(
    tahun: int,
    periode: str | None = None,
    nip: str | None = None,
    ttd: PilihanTtd | None = None,
) -> LaporanSkp:
    """The SKP documents of ``tahun`` for ``periode`` (default: the year), of one pegawai
    (``nip``) or of every pegawai with an SKP. ``ttd`` changes the place, date and the
    office recap's signer (default: the Camat, on the last day of the period)."""
    tahun_row = require_year(tahun)
    p = periode_laporan(tahun, periode)
    ids = _choose_skp_ids(tahun, nip)
    aturan = penilaian()
    semua = nilai_tahun(tahun)
    nilai = {n.info.id: n for n in semua}
    semua_skp = read_skp_list(ids, PihakTahun.read(tahun))  # in bulk, whatever their number
    evaluasi = build_evaluasi_list(semua_skp, p.id, nilai, aturan)
    dokumen = [DokumenSkp(d, e) for d, e in zip(semua_skp, evaluasi, strict=True)]
    capaian, ada, total = summarize_jabatan(n.capaian(p, aturan) for n in semua)
    camat = penandatangan_tahun(tahun_row, p.tanggal_akhir, ttd)
    kurva = check_kurva_tahun(tahun)
    return LaporanSkp(
        tahun=tahun,
        periode=p,
        unit_kerja=dokumen[0].data.pegawai.unit_kerja,
        tempat_tanggal=camat.tempat_tanggal,
        camat=camat,
        dokumen=tuple(dokumen),
        kantor=nip is None,
        capaian_organisasi=capaian,
        indikator_organisasi=(ada, total),
        predikat_organisasi=kurva.organisasi,
        kurva=kurva,
        sumber_kurva=sumber_kurva(),
        kekurangan=tuple(kekurangan_skp(tahun, ids)),
    )
