"""A filled year for the Beranda's tests and screenshots: targets for nearly every indicator and
realisasi for the first months, with the gaps an office really has (a desa that sent nothing
for the last month, one that sent half, an indicator without target, a jabatan still open).

Written through the same door as the grid (ops_nilai.plan_values/apply_plan).
"""

from kinerja_desktop.db.models import SUMBER_ENTRI, Desa
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, apply_plan, plan_values
from kinerja_desktop.db.queries_nilai import nilai_tahun
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import bulan

DESA_BELUM = 3  # the last three desa sent nothing for the last month
DESA_SEBAGIAN = 2  # the two before them sent half of it
TANPA_TARGET = ("KASI-KESOS.01", "KASI-PEM.01")  # no target for the year
JABATAN_KOSONG = "KASUBAG-PEP"  # its own (not desa) realisasi missing for the last month


def _komponen(jenis: Jenis, n: int) -> Komponen:
    if jenis is Jenis.PERSENTASE:
        return Komponen(pembilang=40 + n % 10, penyebut=50)
    if jenis is Jenis.KEHADIRAN:
        return Komponen(pegawai=12, hari_kerja=20, hari_tidak_masuk=n % 7)
    return Komponen(nilai=3 + n % 5)


def _target(jenis: Jenis, n: int, desa: int) -> Target:
    if jenis is Jenis.JUMLAH:
        # a year of about 5 a month (from each desa): some jabatan reach it, some fall short
        return Target((40 + (n % 4) * 10) * max(1, desa))
    return Target(80 + n % 3 * 5)


def isi_tahun(tahun: int, sampai_bulan: int) -> None:
    """Fill ``tahun`` from January through ``sampai_bulan`` (see the module's gaps)."""
    desa = [d for (d,) in Desa.select(Desa.id).order_by(Desa.urutan).tuples()]
    masuk: list[NilaiMasuk] = []
    for n, ind in enumerate(nilai_tahun(tahun)):
        info = ind.info
        if info.kode not in TANPA_TARGET:
            masuk.append(
                NilaiMasuk(
                    KunciNilai("target", info.id, str(tahun)),
                    target=_target(info.jenis, n, len(desa) if info.dari_desa else 1),
                )
            )
        for p in [bulan(tahun, m) for m in range(1, sampai_bulan + 1)]:
            terakhir = p.akhir == sampai_bulan
            if terakhir and info.kode_jabatan == JABATAN_KOSONG and not info.dari_desa:
                continue
            if not info.dari_desa:
                masuk.append(
                    NilaiMasuk(
                        KunciNilai("realisasi", info.id, p.id),
                        komponen=_komponen(info.jenis, n + p.awal),
                    )
                )
                continue
            for i, desa_id in enumerate(desa):
                if terakhir and i >= len(desa) - DESA_BELUM:
                    continue
                sebagian = len(desa) - DESA_BELUM - DESA_SEBAGIAN <= i < len(desa) - DESA_BELUM
                if terakhir and sebagian and n % 2:
                    continue
                masuk.append(
                    NilaiMasuk(
                        KunciNilai("realisasi", info.id, p.id, desa_id),
                        komponen=_komponen(info.jenis, n + i + p.awal),
                    )
                )
    apply_plan(plan_values(masuk), SUMBER_ENTRI)
