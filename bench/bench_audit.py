"""How much the audit log adds to the database, and how long its tamper check takes.

    .venv/bin/python bench/bench_audit.py

Stores a year of monthly values for every desa-based indicator of the built-in 2020 IKI for
all 18 desa (42 × 12 × 18 = 9,072 values), one import batch per desa as the desa workbook
import writes them, then a second round that changes every value (a corrected workbook of
each desa), and compares, each after VACUUM:

* the baseline: the same database with the same values and no audit entry at all;
* the database with its log (every value logged twice: the first import and the correction).

Goal (issue 13): the log must not more than double the database (ratio ≤ 2.0). Also printed:
the time of ``audit periksa`` over that log.

Measured on 29 November 2026 (the shared 2-core development machine, under load):

    9,072 nilai realisasi (18 desa, 12 bulan, indikator desa 2020)
    setahun nilai diimpor: 9,072 entri log
      basis data tanpa log (dasar) : 1,280 KiB
      basis data dengan log        : 2,116 KiB (1.65 x dasar)
      batas issue 13: 2.0 x -> OK
    ditambah koreksi setiap nilai (lama dan baru dicatat): 18,144 entri log
      basis data tanpa log (dasar) : 1,292 KiB
      basis data dengan log        : 3,672 KiB (2.84 x dasar)
    audit periksa atas 18,144 entri: 1.27 s
"""

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="bench-audit-"))
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")

from kinerja_desktop.db.audit import check_log  # noqa: E402
from kinerja_desktop.db.connection import open_database  # noqa: E402
from kinerja_desktop.db.models import SUMBER_IMPOR_DESA, Desa, database_proxy  # noqa: E402
from kinerja_desktop.db.ops_nilai import (  # noqa: E402
    BatchInfo,
    KunciNilai,
    NilaiMasuk,
    apply_plan,
    plan_values,
)
from kinerja_desktop.domain.capaian import Komponen  # noqa: E402
from kinerja_desktop.exchange.desa_template import desa_indicators  # noqa: E402

BATAS = 2.0


def _fill(putaran: int) -> None:
    indikator = desa_indicators(2020)
    for d in Desa.select().order_by(Desa.urutan):
        masuk = []
        for n, i in enumerate(indikator):
            for bulan in range(1, 13):
                nilai = float((n * 7 + bulan * 3 + d.urutan + putaran) % 40)
                kunci = KunciNilai("realisasi", i.id, f"2020{bulan:02d}", d.id)
                if i.jenis == "jumlah":
                    komponen = Komponen(nilai=nilai)
                else:
                    komponen = Komponen(pembilang=nilai, penyebut=40.0)
                masuk.append(NilaiMasuk(kunci, komponen=komponen))
        info = BatchInfo(f"Isian {d.nama}.xlsx", f"{d.id:064x}", "desa", SUMBER_IMPOR_DESA, d.id)
        apply_plan(plan_values(masuk), SUMBER_IMPOR_DESA, info)


def _ukuran(path: Path) -> int:
    raw = sqlite3.connect(path, isolation_level=None)
    # out of WAL mode first: a WAL database keeps its size until a checkpoint
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("VACUUM")
    raw.close()
    return path.stat().st_size


def _compare(path: Path, judul: str) -> float:
    """Print the sizes of a copy of ``path`` with its log and without; return the ratio."""
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    dengan_log, tanpa_log = TMP / "dengan.sqlite3", TMP / "tanpa.sqlite3"
    shutil.copyfile(path, dengan_log)
    shutil.copyfile(path, tanpa_log)
    raw = sqlite3.connect(tanpa_log, isolation_level=None)
    entri = raw.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    raw.execute("DELETE FROM audit_log")
    raw.execute("DELETE FROM audit_kepala")
    raw.close()
    dasar, dengan = _ukuran(tanpa_log), _ukuran(dengan_log)
    rasio = dengan / dasar
    print(f"{judul}: {entri:,} entri log")
    print(f"  basis data tanpa log (dasar) : {dasar / 1024:,.0f} KiB")
    print(f"  basis data dengan log        : {dengan / 1024:,.0f} KiB ({rasio:.2f} x dasar)")
    return rasio


def main() -> None:
    path = TMP / "kinerja.sqlite3"
    db = open_database(path)
    _fill(0)
    jumlah = db.execute_sql("SELECT count(*) FROM nilai_realisasi").fetchone()[0]
    print(f"{jumlah:,} nilai realisasi (18 desa, 12 bulan, indikator desa 2020)")
    rasio = _compare(path, "setahun nilai diimpor")
    print(f"  batas issue 13: {BATAS:.1f} x -> {'OK' if rasio <= BATAS else 'MELEBIHI'}")
    _fill(1)
    _compare(path, "ditambah koreksi setiap nilai (lama dan baru dicatat)")
    mulai = time.perf_counter()
    hasil = check_log()
    print(f"audit periksa atas {hasil.jumlah:,} entri: {time.perf_counter() - mulai:.2f} s")
    assert hasil.is_intact, hasil.masalah
    db.close()
    database_proxy.initialize(None)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
