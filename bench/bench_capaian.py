"""How fast the values grid and a year's capaian are on a large synthetic database.

Builds 10 years (the built-in 2020 copied to 2021-2029), makes every indicator desa-based and
stores a realisasi for every indicator × 12 months × 18 desa (about 181,000 values) plus an
annual target each, then prints, next to a baseline measured in the same run (fetching the
same rows with plain sqlite3):

* the time to read and compute one jabatan's grid (goal ≤ 50 ms),
* the time to compute a whole year's capaian for the kecamatan (goal ≤ 300 ms),
* the database size.

    .venv/bin/python bench/bench_capaian.py
"""

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="bench-capaian-"))
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")

from peewee import fn  # noqa: E402

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import (  # noqa: E402
    Desa,
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.queries_nilai import capaian_tahun, nilai_jabatan, penilaian  # noqa: E402
from kinerja_desktop.db.years import copy_year  # noqa: E402
from kinerja_desktop.domain.periode import (  # noqa: E402
    bulan_setahun,
    tahun_,
    triwulan_setahun,
)

TAHUN = list(range(2020, 2030))
KOLOM = bulan_setahun(2029) + triwulan_setahun(2029) + [tahun_(2029)]
ULANG = 15


def build(path: Path) -> None:
    db = open_database(path)
    for tahun in TAHUN[1:]:
        copy_year(tahun - 1, tahun)
    Indikator.update(dari_desa=True).execute()
    desa = [d.id for d in Desa.select()]
    rng = random.Random(1)
    waktu = "2026-01-01T00:00:00"
    with database_proxy.atomic():
        for ind in Indikator.select(Indikator.id, Indikator.tahun, Indikator.jenis).tuples():
            ind_id, tahun, jenis = ind
            NilaiTarget.insert(
                indikator=ind_id, periode=str(tahun), nilai=100.0, diubah=waktu
            ).execute()
            rows = []
            for bulan in range(1, 13):
                for d in desa:
                    row = {
                        "indikator": ind_id,
                        "periode": f"{tahun}{bulan:02d}",
                        "desa": d,
                        "diubah": waktu,
                    }
                    if jenis == "jumlah":
                        row["nilai"] = float(rng.randint(0, 3))
                    elif jenis == "persentase":
                        row["penyebut"] = 10.0
                        row["pembilang"] = float(rng.randint(5, 10))
                    else:
                        row.update(pegawai=12.0, hari_kerja=20.0, hari_tidak_masuk=3.0)
                    rows.append(row)
            NilaiRealisasi.insert_many(rows).execute()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    database_proxy.initialize(None)


def timed(fn) -> float:
    runs = []
    for _ in range(ULANG):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def grid(jabatan_id: int) -> None:
    """What the Target & Realisasi tab computes for one jabatan: read its values, then for
    every indicator and every column (12 months, 4 triwulan, the year) the kecamatan
    realisasi, target, capaian and category."""
    aturan = penilaian()
    for n in nilai_jabatan(jabatan_id):
        for p in KOLOM:
            n.capaian(p, aturan)


def grid_desa(jabatan_id: int) -> None:
    """The per-desa grid of one indicator: 18 desa × 17 columns."""
    n = nilai_jabatan(jabatan_id)[0]
    for d in n.realisasi:
        for p in KOLOM:
            n.realisasi_desa(p, d)


def main() -> None:
    path = TMP / "kinerja.sqlite3"
    start = time.perf_counter()
    build(path)
    print(f"Basis data sintetis dibuat dalam {time.perf_counter() - start:.1f} s: {path}")
    raw = sqlite3.connect(path)
    n_real = raw.execute("SELECT count(*) FROM nilai_realisasi").fetchone()[0]
    ukuran = path.stat().st_size / 1024 / 1024
    print(f"Realisasi tersimpan: {n_real:,}; ukuran basis data: {ukuran:.1f} MB")

    db = open_database(path)
    tahun = TAHUN[-1]
    jabatan = (
        Jabatan.select(Jabatan.id, Jabatan.kode)
        .join(Sasaran)
        .join(Indikator)
        .where(Jabatan.tahun == tahun)
        .group_by(Jabatan.id)
        .order_by(fn.COUNT(Indikator.id).desc())
        .first()
    )
    n_ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == jabatan.id).count()

    def baseline_jabatan() -> None:
        raw.execute(
            "SELECT r.* FROM nilai_realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "JOIN sasaran s ON s.id = i.sasaran_id WHERE s.jabatan_id = ?",
            (jabatan.id,),
        ).fetchall()

    def baseline_tahun() -> None:
        raw.execute(
            "SELECT r.* FROM nilai_realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.tahun = ?",
            (tahun,),
        ).fetchall()

    t_grid = timed(lambda: grid(jabatan.id))
    t_grid_base = timed(baseline_jabatan)
    t_desa = timed(lambda: grid_desa(jabatan.id))
    t_year = timed(lambda: capaian_tahun(tahun, tahun_(tahun)))
    t_year_base = timed(baseline_tahun)
    print()
    print(f"{'ukuran':<52}{'waktu':>10}{'dasar':>10}{'sasaran':>10}")
    print(
        f"{'grid satu jabatan (' + jabatan.kode + f', {n_ind} indikator)':<52}"
        f"{t_grid:>8.1f}ms{t_grid_base:>8.1f}ms{'≤ 50':>8}ms"
    )
    print(
        f"{'grid per desa satu indikator (18 desa × 17 kolom)':<52}"
        f"{t_desa:>8.1f}ms{t_grid_base:>8.1f}ms{'≤ 50':>8}ms"
    )
    print(
        f"{'capaian setahun sekecamatan (' + str(tahun) + ')':<52}"
        f"{t_year:>8.1f}ms{t_year_base:>8.1f}ms{'≤ 300':>8}ms"
    )
    print("\n'dasar' = membaca baris yang sama dengan sqlite3 saja, pada jalankan yang sama.")
    db.close()


if __name__ == "__main__":
    main()
