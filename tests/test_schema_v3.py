"""Schema 3: the capaian ceiling beside the bands; an upgraded version-2 database has none."""

import shutil
import sqlite3
from pathlib import Path

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.ops_pita import set_batas_atas
from kinerja_desktop.db.queries_nilai import penilaian

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


def test_upgrade_from_v2_adds_the_ceiling_table_without_a_ceiling(tmp_path, db_path):
    old = tmp_path / "v2.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v2.sqlite3", old)
    open_database(old)
    try:
        assert penilaian().batas_atas is None  # upgraded: capaian stays as it was computed
        set_batas_atas(120)
        assert penilaian().batas_atas == 120
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    assert _schema(old)["aturan_capaian"] == _schema(db_path)["aturan_capaian"]


def test_v3_fixture_keeps_its_ceiling(tmp_path):
    path = tmp_path / "v3.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v3.sqlite3", path)
    open_database(path)
    try:
        assert penilaian().batas_atas == 120
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)
