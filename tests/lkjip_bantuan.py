"""A two-year database for the Laporan Kinerja tests: 2020 and its copy 2021, holders (one
without NIP), targets and realisasi of three organisation indicators, a Renstra target and
one accepted text. What each year's figures should read is written beside them."""

from kinerja_desktop.db.models import Indikator, Jabatan
from kinerja_desktop.db.ops_lkjip import IsiTargetRenstra, set_targets_renstra, set_teks_lkjip
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.ops_pemangku import add_pegawai_baru
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.lkjip import Asal

SEKCAM = "Drs. SUGENG RAHARJO, M.Si"
KASI_PEM = "SITI AMINAH, S.Sos"  # no NIP recorded: listed before writing
PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah"
KEGIATAN = "Penyediaan administrasi perkantoran"
PENUTUP = "Demikian Laporan Kinerja ini kami sampaikan sebagai pertanggungjawaban."


def _ind(tahun: int, kode: str) -> int:
    return Indikator.get(Indikator.tahun == tahun, Indikator.kode == kode).id


def _jab(tahun: int, kode: str) -> int:
    return Jabatan.get(Jabatan.tahun == tahun, Jabatan.kode == kode).id


def isi_dua_tahun() -> None:
    """SEKCAM.02 (percent, target 90): 2020 40/50 = 80,0% → 88,9; 2021 45/50 = 90,0% → 100,0
    (+11,1 poin; Renstra 95 → 94,7). KASI-PEM.03 (count, target 12): 2020 8 → 66,7; 2021 13 →
    108,3 (+41,7). KASI-PP.02 (target 100 in 2021): no realisasi → n/a."""
    add_pegawai_baru(_jab(2020, "SEKCAM"), SEKCAM, "197001011990031001", "IV/a")
    add_pegawai_baru(_jab(2020, "KASI-PEM"), KASI_PEM, "", "III/d")
    set_values(
        [
            NilaiMasuk(KunciNilai("target", _ind(2020, "SEKCAM.02"), "2020"), target=Target(90)),
            NilaiMasuk(KunciNilai("target", _ind(2020, "KASI-PEM.03"), "2020"), target=Target(12)),
            NilaiMasuk(
                KunciNilai("realisasi", _ind(2020, "SEKCAM.02"), "202001"),
                komponen=Komponen(pembilang=40, penyebut=50),
            ),
            NilaiMasuk(
                KunciNilai("realisasi", _ind(2020, "KASI-PEM.03"), "202003"),
                komponen=Komponen(nilai=8),
            ),
        ]
    )
    copy_year(2020, 2021)  # targets and holders come along, realisasi never
    set_values(
        [
            NilaiMasuk(KunciNilai("target", _ind(2021, "KASI-PP.02"), "2021"), target=Target(100)),
            NilaiMasuk(
                KunciNilai("realisasi", _ind(2021, "SEKCAM.02"), "202101"),
                komponen=Komponen(pembilang=45, penyebut=50),
            ),
            NilaiMasuk(
                KunciNilai("realisasi", _ind(2021, "KASI-PEM.03"), "202103"),
                komponen=Komponen(nilai=13),
            ),
        ]
    )
    set_targets_renstra([IsiTargetRenstra("SEKCAM.02", 2026, Target(95), Jenis.PERSENTASE)])
    set_teks_lkjip(2021, "penutup", PENUTUP, Asal.DIKETIK)
    _anggaran()


def _anggaran() -> None:
    """2021: one program of the Sekcam with two kegiatan, Rp 10.000.000 and one not entered
    (so the program's anggaran is not known); Rp 2.500.000 realised in TW I and Rp 5.000.000
    in TW III → Rp 7.500.000, 75,0% of the first kegiatan."""
    from kinerja_desktop.db.ops_anggaran import AnggaranMasuk, set_realisasi_anggaran
    from kinerja_desktop.db.ops_program import (
        IsiKegiatan,
        IsiProgram,
        add_kegiatan,
        add_program,
    )

    program = add_program(_jab(2021, "SEKCAM"), IsiProgram(PROGRAM, "7.01.01")).data
    kegiatan = add_kegiatan(program, IsiKegiatan(KEGIATAN, "7.01.01.1.01", 10_000_000)).data
    add_kegiatan(program, IsiKegiatan("Penyediaan jasa kebersihan kantor"))
    set_realisasi_anggaran(
        [AnggaranMasuk(kegiatan, "2021Q1", 2_500_000), AnggaranMasuk(kegiatan, "2021Q3", 5_000_000)]
    )
