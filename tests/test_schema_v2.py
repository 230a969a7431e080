"""Schema 2: an upgraded version-1 database ends exactly like a new one."""

import shutil
import sqlite3
from pathlib import Path

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy

FIXTURES = Path(__file__).parent / "fixtures"


def _schema(path: Path) -> dict[str, str]:
    # IFNULL (schema 2's SQL) and COALESCE (the model's, which PostgreSQL also knows) of two
    # arguments are one function in SQLite
    with sqlite3.connect(path) as raw:
        return {
            name: " ".join(sql.split()).replace("IFNULL(", "COALESCE(")
            for name, sql in raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            )
        }


def _bands(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as raw:
        return raw.execute(
            "SELECT batas_bawah, nama, warna, urutan FROM pita_capaian ORDER BY urutan"
        ).fetchall()


def test_upgrade_from_v1_gives_the_same_tables_as_a_new_database(tmp_path, db_path):
    old = tmp_path / "v1.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite3", old)
    open_database(old).close()
    database_proxy.initialize(None)
    assert _schema(old) == _schema(db_path)
    assert _bands(old) == _bands(db_path)
    assert [b[1] for b in _bands(old)] == [
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]
