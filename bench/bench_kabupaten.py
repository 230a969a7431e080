"""How fast a kabupaten workspace takes in a full year of its kecamatan, and reads it back.

Builds 33 kecamatan (the built-in decree, 12 desa each: 396 desa in all), fills a full year of
monthly realisasi for every indicator (per desa where the indicator comes from desa) and an
annual target each, writes each kecamatan's year package, then measures, in a fresh process:

* merging the 33 packages into a new workspace (goal < 10 s, peak memory < 300 MB), beside a
  baseline in the same run: the same process only checking the 33 packages (reading, hashing,
  parsing; no database writes);
* ``rekap`` of the year (goal < 1 s), beside reading the same rows with plain sqlite3.

    .venv/bin/python bench/bench_kabupaten.py
"""

import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="bench-kabupaten-"))
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import (  # noqa: E402
    Desa,
    Indikator,
    NilaiRealisasi,
    NilaiTarget,
    database_proxy,
)
from kinerja_desktop.domain.periode import tahun_  # noqa: E402

KECAMATAN = [(f"35.07.{i:02d}", f"Kecamatan {i:02d}") for i in range(1, 34)]
DESA_PER_KECAMATAN = 12
TAHUN = 2020


def build_template(path: Path) -> None:
    """One kecamatan with 12 desa and a full year of values."""
    db = open_database(path)
    keep = [d.id for d in Desa.select().order_by(Desa.urutan).limit(DESA_PER_KECAMATAN)]
    Desa.delete().where(Desa.id.not_in(keep)).execute()
    rng = random.Random(1)
    waktu = "2026-01-01T00:00:00"
    with database_proxy.atomic():
        query = Indikator.select(Indikator.id, Indikator.jenis, Indikator.dari_desa)
        for ind_id, jenis, dari_desa in query.where(Indikator.tahun == TAHUN).tuples():
            NilaiTarget.insert(
                indikator=ind_id, periode=str(TAHUN), nilai=100.0, diubah=waktu
            ).execute()
            rows = []
            for bulan in range(1, 13):
                for d in keep if dari_desa else [None]:
                    row = {
                        "indikator": ind_id,
                        "periode": f"{TAHUN}{bulan:02d}",
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


def build_packages(template: Path, out: Path) -> list[Path]:
    from kinerja_desktop.exchange.paket_writer import write_paket

    paths = []
    for kode, nama in KECAMATAN:
        path = TMP / "kec" / f"{kode}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(template, path)
        with sqlite3.connect(path) as raw:
            raw.execute("UPDATE kantor SET kode_wilayah = ?, kecamatan = ?", (kode, nama))
            raw.execute("UPDATE desa SET kode = ? || substr(kode, 9)", (kode,))
        db = open_database(path)
        paths.append(write_paket(TAHUN, tahun_(TAHUN), out).path)
        db.close()
        database_proxy.initialize(None)
    return paths


def child(mode: str, db_path: str, packages: list[str]) -> None:
    """Run in a fresh process: check (mode "periksa") or merge ("terima") the packages."""
    from kinerja_desktop.exchange.paket_reader import read_paket

    start = time.perf_counter()
    if mode == "terima":
        from kinerja_desktop.exchange.paket_receive import receive

        db = open_database(Path(db_path))
        for p in packages:
            receive(read_paket(Path(p)))
        db.close()
    else:
        for p in packages:
            read_paket(Path(p))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"detik": seconds, "memori_mb": peak_mb}))


def run_child(mode: str, db_path: Path, packages: list[Path]) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, mode, str(db_path), *map(str, packages)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from kinerja_desktop.db.kabupaten import create_workspace, rekap

    start = time.perf_counter()
    template = TMP / "templat.sqlite3"
    build_template(template)
    packages = build_packages(template, TMP / "paket")
    size = sum(p.stat().st_size for p in packages) / 1024 / 1024
    print(
        f"{len(packages)} paket setahun ({len(KECAMATAN) * DESA_PER_KECAMATAN} desa, "
        f"{size:.1f} MB) dibuat dalam {time.perf_counter() - start:.1f} s"
    )

    kab = TMP / "kabupaten.sqlite3"
    open_database(kab, isi_baru=None)
    create_workspace("35.07", "Kabupaten Malang", "Jawa Timur", KECAMATAN)
    database_proxy.obj.close()
    database_proxy.initialize(None)

    dasar = run_child("periksa", kab, packages)
    terima = run_child("terima", kab, packages)

    db = open_database(kab)
    raw = sqlite3.connect(kab)
    n_nilai = raw.execute("SELECT count(*) FROM paket_nilai").fetchone()[0]
    runs_rekap, runs_base = [], []
    for _ in range(5):
        t = time.perf_counter()
        r = rekap(TAHUN, tahun_(TAHUN))
        runs_rekap.append(time.perf_counter() - t)
        t = time.perf_counter()
        raw.execute(
            "SELECT i.*, c.* FROM paket_indikator i JOIN paket_capaian c "
            "ON c.paket_id = i.paket_id AND c.kode_indikator = i.kode"
        ).fetchall()
        runs_base.append(time.perf_counter() - t)
    db.close()
    assert r.diterima == len(KECAMATAN)

    ukuran = kab.stat().st_size / 2**20
    print(f"Nilai tersimpan di ruang kerja: {n_nilai:,}; ukuran {ukuran:.1f} MB")
    print()
    print(f"{'ukuran':<44}{'waktu':>10}{'dasar':>10}{'sasaran':>10}{'memori':>10}")
    print(
        f"{'terima 33 paket setahun':<44}{terima['detik']:>9.2f}s{dasar['detik']:>9.2f}s"
        f"{'< 10':>9}s{terima['memori_mb']:>7.0f} MB"
    )
    print(
        f"{'rekap setahun (33 kecamatan)':<44}{statistics.median(runs_rekap):>9.3f}s"
        f"{statistics.median(runs_base):>9.3f}s{'< 1':>9}s"
    )
    print(
        "\n'dasar' untuk terima = proses yang sama hanya memeriksa ke-33 paket (baca, sidik, "
        f"urai; memori {dasar['memori_mb']:.0f} MB); untuk rekap = membaca baris yang sama "
        "dengan sqlite3 saja. Sasaran memori terima: < 300 MB."
    )


if __name__ == "__main__":
    if len(sys.argv) > 2:
        child(sys.argv[1], sys.argv[2], sys.argv[3:])
    else:
        main()
