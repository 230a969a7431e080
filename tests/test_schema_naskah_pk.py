"""Schema 9: the Perjanjian Kinerja's statement text per year and the issued agreements. An
upgraded version-8 database has neither (the PK prints the default text); the version-9
fixture keeps its 2021 text and Bupati, which 2022 inherits while 2020 keeps the defaults."""

import shutil
from pathlib import Path

import pytest

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import NaskahPk, PkTerbit, database_proxy
from kinerja_desktop.db.pk import JANJI_BAWAAN, PEMBUKA_BAWAAN, read_naskah

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def buka(tmp_path):
    def buka_(nama: str) -> Path:
        path = tmp_path / nama
        shutil.copyfile(FIXTURES / nama, path)
        open_database(path)
        return path

    yield buka_
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def test_upgrade_from_v8_gives_empty_tables_and_the_default_text(buka):
    buka("schema_v8.sqlite3")
    assert NaskahPk.select().count() == 0 and PkTerbit.select().count() == 0
    naskah = read_naskah(2021)
    assert (naskah.pembuka, naskah.janji, naskah.dari_tahun) == (PEMBUKA_BAWAAN, JANJI_BAWAAN, None)
    assert naskah.jabatan_kepala_daerah == "BUPATI MALANG" and naskah.nama_kepala_daerah == ""


def test_v9_fixture_keeps_the_text_of_its_year(buka):
    buka("schema_v9.sqlite3")
    naskah = read_naskah(2021)
    assert naskah.pembuka == "Kami yang bertanda tangan di bawah ini:"
    assert naskah.nama_kepala_daerah == "SANUSI" and naskah.dari_tahun == 2021
    assert len(naskah.paragraf_janji) == 2
    assert read_naskah(2020).dari_tahun is None  # an earlier year keeps the defaults
