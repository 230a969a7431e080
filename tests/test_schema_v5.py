"""Schema 5: the kind of the kabupaten/kota and retired desa; an upgraded version-4 database
keeps its office as Kabupaten Malang with every desa active."""

import shutil
import sqlite3
from pathlib import Path

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.kantor import info_kantor
from kinerja_desktop.db.models import database_proxy

FIXTURES = Path(__file__).parent / "fixtures"


def _columns(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as raw:
        # name, type, NOT NULL, primary key (an upgrade needs a SQL default to fill old rows)
        return [(r[1], r[2], r[3], r[5]) for r in raw.execute(f'PRAGMA table_info("{table}")')]


def _open(path: Path):
    open_database(path)
    try:
        return info_kantor()
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)


def test_upgrade_from_v4_keeps_the_office_and_every_desa_active(tmp_path, db_path):
    old = tmp_path / "v4.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v4.sqlite3", old)
    kantor = _open(old)
    assert kantor.kabupaten == "Kabupaten Malang"
    assert len(kantor.desa) == 18
    assert all(d.nonaktif_sejak is None for d in kantor.desa)
    for table in ("kantor", "desa"):
        assert sorted(_columns(old, table)) == sorted(_columns(db_path, table))


def test_v5_fixture_keeps_its_retired_desa(tmp_path):
    path = tmp_path / "v5.sqlite3"
    shutil.copyfile(FIXTURES / "schema_v5.sqlite3", path)
    kantor = _open(path)
    assert [d.nama for d in kantor.desa if d.nonaktif_sejak] == ["Sengguruh"]
    assert next(d for d in kantor.desa if d.nonaktif_sejak).label_nonaktif == "Juli 2021"
