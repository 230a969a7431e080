"""A small office for SKP tests: holders in two branches of the 2020 tree, values for one
indicator, and the SKP of every holder.

    SEKCAM (Camat above)   Dewi   — penilai: the Camat
      KASUBAG-UMUM         Eko    — penilai: Dewi
        BENDAHARA          Fitri  — penilai: Eko
    KASI-KESOS             Budi   — penilai: the Camat
      OD-KESOS             Ani    — penilai: Budi; no NIP, no pangkat
"""

from dataclasses import dataclass

from kinerja_desktop.db.models import Indikator, Jabatan, Pemangku
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.ops_pemangku import add_pegawai_baru
from kinerja_desktop.db.ops_skp import add_skp
from kinerja_desktop.domain.capaian import Komponen, Target

PEGAWAI = (
    ("SEKCAM", "Dewi Lestari, S.STP", "198001012005012001", "III/d"),
    ("KASUBAG-UMUM", "Eko Prasetyo, SE", "198203042008011002", "III/c"),
    ("BENDAHARA", "Fitri Handayani", "199005062015032003", "III/a"),
    ("KASI-KESOS", "Budi Santoso, S.Sos", "197507082000121004", "III/d"),
    ("OD-KESOS", "Ani Rahmawati", "", ""),
)
REALISASI_OD_KESOS_01 = {"202001": 2, "202002": 2, "202003": 2, "202004": 4, "202005": 4}
"""OD-KESOS.01 (a count, target 12 for 2020): Q1 6 of 3 (200%), Q2 8 of 3, the year 14 of 12."""


@dataclass(frozen=True)
class KantorSkp:
    """Ids of what :func:`isi_kantor` made: SKP id and pegawai id by jabatan code."""

    skp: dict[str, int]
    pegawai: dict[str, int]
    od_kesos_01: int


def isi_kantor() -> KantorSkp:
    """Record the holders, the values and every holder's SKP of 2020."""
    pegawai = {}
    for kode, nama, nip, golongan in PEGAWAI:
        jabatan = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == kode)
        hasil = add_pegawai_baru(jabatan.id, nama, nip, golongan)
        pegawai[kode] = Pemangku.get_by_id(hasil.data).pegawai_id
    ind = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "OD-KESOS.01").id
    masuk = [NilaiMasuk(KunciNilai("target", ind, "2020"), target=Target(12))]
    masuk += [
        NilaiMasuk(KunciNilai("realisasi", ind, p), komponen=Komponen(nilai=n))
        for p, n in REALISASI_OD_KESOS_01.items()
    ]
    set_values(masuk)
    skp = {kode: add_skp(pegawai[kode], 2020).data for kode in pegawai}
    return KantorSkp(skp, pegawai, ind)
