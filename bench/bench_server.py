"""The same data on both engines, side by side: a SQLite file and a PostgreSQL server.

Starts a throw-away PostgreSQL server (tests/pg_server.py: initdb and pg_ctl in a temporary
folder, reached over TCP with a password, as a PC on the office network would), then builds:

* a kecamatan database: the built-in IKI copied to three years, a realisasi for every
  indicator × 12 months (× 18 desa for the desa indicators) and an annual target each;
* a kabupaten workspace that has received the first-triwulan packages of 8 kecamatan;

each first as a SQLite file, then copied table by table onto the server (the ``pulihkan`` path),
so both engines hold exactly the same rows. It prints, per engine, the median time of the
year's capaian, ``kelengkapan`` of the year and the kabupaten ``rekap``, and their ratio
(goal: the server within 2× of the file).

    .venv/bin/python bench/bench_server.py
"""

import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TMP = Path(tempfile.mkdtemp(prefix="bench-server-"))
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")

from pg_server import ThrowawayServer, find_bin_dir  # noqa: E402

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import (  # noqa: E402
    Desa,
    Indikator,
    NilaiRealisasi,
    NilaiTarget,
    database_proxy,
)
from kinerja_desktop.domain.periode import parse_periode, tahun_  # noqa: E402

TAHUN = [2020, 2021, 2022]
KECAMATAN = [(f"35.07.{i:02d}", f"Kecamatan {i:02d}") for i in range(1, 9)]
ULANG = 7
TRIWULAN = parse_periode(f"{TAHUN[-1]}Q1")  # the packages and the rekap are of one triwulan


def fill_values() -> None:
    """A full year of monthly values for every indicator of every year (per desa for the
    desa indicators)."""
    from kinerja_desktop.db.years import copy_year

    for tahun in TAHUN[1:]:
        copy_year(tahun - 1, tahun)
    desa = [d.id for d in Desa.select()]
    rng = random.Random(1)
    waktu = "2026-01-01T00:00:00"
    with database_proxy.atomic():
        for ind_id, tahun, jenis, dari_desa in Indikator.select(
            Indikator.id, Indikator.tahun, Indikator.jenis, Indikator.dari_desa
        ).tuples():
            NilaiTarget.insert(
                indikator=ind_id, periode=str(tahun), nilai=100.0, diubah=waktu
            ).execute()
            rows = []
            for bulan in range(1, 13):
                for d in desa if dari_desa else [None]:
                    row = {"indikator": ind_id, "periode": f"{tahun}{bulan:02d}", "desa": d}
                    row["diubah"] = waktu
                    if jenis == "jumlah":
                        row["nilai"] = float(rng.randint(0, 3))
                    elif jenis == "persentase":
                        row.update(penyebut=10.0, pembilang=float(rng.randint(5, 10)))
                    else:
                        row.update(pegawai=12.0, hari_kerja=20.0, hari_tidak_masuk=3.0)
                    rows.append(row)
            NilaiRealisasi.insert_many(rows).execute()


def close() -> None:
    database_proxy.obj.close()
    database_proxy.initialize(None)


def build_kecamatan(path: Path) -> None:
    open_database(path)
    fill_values()
    close()


def build_kabupaten(kecamatan: Path, path: Path) -> None:
    """A workspace that received the last year's package of every kecamatan."""
    from kinerja_desktop.db.kabupaten import create_workspace
    from kinerja_desktop.exchange import paket_writer
    from kinerja_desktop.exchange.paket_reader import read_paket
    from kinerja_desktop.exchange.paket_receive import receive
    from kinerja_desktop.exchange.paket_writer import write_paket

    # the packages without their PDF/XLSX reports: the workspace takes in only the data, and
    # the capaian PDF of this synthetic year stops with a reportlab LayoutError today
    paket_writer._laporan = lambda *args: {}  # type: ignore[assignment]

    packages = []
    for kode, nama in KECAMATAN:
        copy = TMP / "kec" / f"{kode}.sqlite3"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(kecamatan, copy)
        with sqlite3.connect(copy) as raw:
            raw.execute("UPDATE kantor SET kode_wilayah = ?, kecamatan = ?", (kode, nama))
            raw.execute("UPDATE desa SET kode = ? || substr(kode, 9)", (kode,))
        open_database(copy)
        packages.append(write_paket(TAHUN[-1], TRIWULAN, TMP / "paket").path)
        close()
    open_database(path, None)
    create_workspace("35.07", "Kabupaten Malang", "Jawa Timur", KECAMATAN)
    for package in packages:
        receive(read_paket(package))
    close()


def onto_server(source: Path, url: str, isi_baru: Callable[[], None] | None) -> None:
    """The rows of the file ``source`` into the (new) server database ``url``."""
    from kinerja_desktop.db.server_copy import file_to_server

    open_database(url, isi_baru)
    file_to_server(source)
    close()


def timed(fn: Callable[[], object]) -> float:
    fn()  # warm: the first call pays for connecting and the server's plan caches
    runs = []
    for _ in range(ULANG):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def measure(kecamatan: str | Path, kabupaten: str | Path) -> dict[str, float]:
    from kinerja_desktop.db.kabupaten import rekap
    from kinerja_desktop.db.queries_nilai import capaian_tahun
    from kinerja_desktop.reports.kelengkapan import kelengkapan

    tahun = TAHUN[-1]
    hasil = {}
    open_database(kecamatan)
    hasil["capaian"] = timed(lambda: capaian_tahun(tahun, tahun_(tahun)))
    hasil["kelengkapan"] = timed(lambda: kelengkapan(tahun))
    close()
    open_database(kabupaten, None)
    hasil["rekap"] = timed(lambda: rekap(tahun, TRIWULAN))
    close()
    return hasil


def main() -> None:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        sys.exit("Server PostgreSQL tidak terpasang: sudo apt-get install postgresql")
    server = ThrowawayServer(bin_dir)
    server.start()
    try:
        start = time.perf_counter()
        kecamatan, kabupaten = TMP / "kecamatan.sqlite3", TMP / "kabupaten.sqlite3"
        build_kecamatan(kecamatan)
        build_kabupaten(kecamatan, kabupaten)
        with server.admin() as admin:  # type: ignore[attr-defined]
            admin.execute('CREATE DATABASE "kecamatan"')
            admin.execute('CREATE DATABASE "kabupaten"')
        onto_server(kecamatan, server.url("kecamatan"), None)
        onto_server(kabupaten, server.url("kabupaten"), None)
        n = sqlite3.connect(kecamatan).execute("SELECT count(*) FROM nilai_realisasi")
        print(
            f"Data dibuat dalam {time.perf_counter() - start:.0f} s: {n.fetchone()[0]:,} "
            f"realisasi ({len(TAHUN)} tahun), ruang kerja {len(KECAMATAN)} kecamatan; "
            "baris yang sama di berkas dan di server."
        )
        berkas = measure(kecamatan, kabupaten)
        di_server = measure(server.url("kecamatan"), server.url("kabupaten"))
    finally:
        server.stop()
    print()
    print(f"{'ukuran (tahun ' + str(TAHUN[-1]) + ')':<34}{'SQLite':>10}{'PostgreSQL':>12}"
          f"{'rasio':>8}{'sasaran':>9}")  # fmt: skip
    for key, label in (
        ("capaian", "capaian setahun sekecamatan"),
        ("kelengkapan", "kelengkapan setahun"),
        ("rekap", f"rekap kabupaten TW I ({len(KECAMATAN)} kec.)"),
    ):
        rasio = di_server[key] / berkas[key]
        print(
            f"{label:<34}{berkas[key]:>8.1f}ms{di_server[key]:>10.1f}ms{rasio:>7.2f}×"
            f"{'≤ 2×':>9}"
        )
    print("\nMedian dari", ULANG, "kali; server di komputer yang sama, lewat TCP dan sandi.")


if __name__ == "__main__":
    main()
