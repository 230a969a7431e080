"""How fast the 18 desa workbooks of a year are imported, next to the time merely to read them.

    .venv/bin/python bench/bench_desa_import.py [--ulang 3]

Writes the whole-year template of every desa of the built-in 2020 IKI (42 desa-based
indicators × 12 months = 504 input cells each), fills every input cell as a desa would (with
openpyxl), then times, each the best of a few runs on a fresh copy of the database:

* the baseline: reading the same 18 files with the reader the import uses (guard + cells of
  the input sheet, no checks, no database); openpyxl's read-only mode is printed beside it
  to show why the import has its own reader;
* the dry run (``impor desa --coba``): guard, identify, validate, compare with the database;
* the apply: the same plus one transaction per file, the batch log, a kept copy of each file
  and the backup before the import (goal for dry run and for apply: < 1 s);
* a second apply of the same files (nothing changes; every value compared).
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="bench-desa-"))
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")

from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import NilaiRealisasi, database_proxy  # noqa: E402
from kinerja_desktop.exchange.desa_import import import_berkas_desa  # noqa: E402
from kinerja_desktop.exchange.desa_layout import (  # noqa: E402
    BARIS_DATA_AWAL,
    KOLOM_BULAN_AWAL,
    LEMBAR_ISIAN,
)
from kinerja_desktop.exchange.desa_template import make_desa_templates  # noqa: E402
from kinerja_desktop.exchange.guard import check_berkas  # noqa: E402
from kinerja_desktop.exchange.xlsx_reader import PembacaXlsx  # noqa: E402

TUJUAN = 1.0


def prepare() -> tuple[Path, list[Path]]:
    import openpyxl

    awal = TMP / "awal.sqlite3"
    open_database(awal).close()
    database_proxy.initialize(None)
    folder = TMP / "flashdisk"
    folder.mkdir()
    open_database(awal)
    hasil = make_desa_templates(2020, folder)
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database_proxy.obj.close()
    acak = random.Random(2026)
    for h in hasil:
        wb = openpyxl.load_workbook(h.path)
        ws = wb[LEMBAR_ISIAN]
        for r in range(BARIS_DATA_AWAL, BARIS_DATA_AWAL + h.baris):
            for c in range(KOLOM_BULAN_AWAL, KOLOM_BULAN_AWAL + 12):
                ws.cell(r, c).value = acak.randint(0, 30)
        wb.save(h.path)
    return awal, [h.path for h in hasil]


def read_only(berkas: list[Path]) -> int:
    n = 0
    for p in berkas:
        lembar = PembacaXlsx(check_berkas(p)).lembar(LEMBAR_ISIAN)
        assert lembar is not None
        n += len(lembar.sel)
    return n


def read_with_openpyxl(berkas: list[Path]) -> int:
    import openpyxl

    n = 0
    for p in berkas:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=False)
        n += sum(1 for row in wb[LEMBAR_ISIAN].iter_rows(values_only=True) for v in row if v)
        wb.close()
    return n


def db_baru(awal: Path, ke: int) -> None:
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    path = TMP / f"db{ke}.sqlite3"
    shutil.copyfile(awal, path)
    open_database(path)


def best_seconds(fn, ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        fn()
        waktu.append(time.perf_counter() - t)
    return min(waktu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=3)
    args = parser.parse_args()
    awal, berkas = prepare()
    print(f"{len(berkas)} buku kerja desa, {sum(p.stat().st_size for p in berkas) // 1024} KB")

    t_baca = best_seconds(lambda: read_only(berkas), args.ulang)
    t_openpyxl = best_seconds(lambda: read_with_openpyxl(berkas), 1)

    db_baru(awal, 0)
    t_coba = best_seconds(lambda: import_berkas_desa(berkas, coba=True), args.ulang)

    hasil_terap = []
    for i in range(args.ulang):
        db_baru(awal, i + 1)
        t = time.perf_counter()
        pratinjau, hasil = import_berkas_desa(berkas)
        hasil_terap.append(time.perf_counter() - t)
        assert len(hasil) == len(berkas) and not any(p.ditolak for p in pratinjau)
    t_terap = min(hasil_terap)
    n = NilaiRealisasi.select().count()
    t_ulang = best_seconds(lambda: import_berkas_desa(berkas), args.ulang)

    print(f"{'baca saja (pembanding)':<34} {t_baca * 1000:7.0f} ms")
    print(f"{'  (openpyxl read_only, sebagai info)':<34} {t_openpyxl * 1000:7.0f} ms")
    for label, t in [
        ("uji coba (--coba)", t_coba),
        (f"impor ({n} nilai tersimpan)", t_terap),
        ("impor ulang (tidak ada perubahan)", t_ulang),
    ]:
        status = "OK" if t < TUJUAN else "LAMBAT"
        print(
            f"{label:<34} {t * 1000:7.0f} ms  ({t / t_baca:4.1f}× baca saja; "
            f"tujuan < {TUJUAN * 1000:.0f} ms: {status})"
        )
    database_proxy.obj.close()
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
