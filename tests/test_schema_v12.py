"""Schema 12: audit entries of IKI rows, programs and kegiatan hold the row after the change
(``isi``). An upgraded version-11 database keeps every entry and its hash (``isi`` stays empty
on them); the version-12 fixture's entries hold the rows its operations wrote."""

import json
import shutil
from pathlib import Path

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import CatatanAudit, Indikator, database_proxy

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def buka(tmp_path):
    def buka_(nama: str) -> None:
        path = tmp_path / nama
        shutil.copyfile(FIXTURES / nama, path)
        open_database(path)

    yield buka_
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def test_upgrade_from_v11_keeps_every_entry_and_its_hash(buka):
    buka("schema_v11.sqlite3")
    assert CatatanAudit.select().count() > 0
    assert CatatanAudit.select().where(CatatanAudit.isi.is_null(False)).count() == 0
    assert check_log().is_intact


def test_v12_fixture_entries_hold_the_rows_as_stored(buka):
    buka("schema_v12.sqlite3")
    indikator = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "SEKCAM.01")
    [entri] = CatatanAudit.select().where(
        (CatatanAudit.jenis == "indikator") & (CatatanAudit.indikator_id == indikator.id)
    )
    isi = json.loads(entri.isi)
    assert isi["id"] == indikator.id
    assert (isi["baris"]["satuan"], isi["baris"]["sumber_data"]) == ("persen", "Daftar hadir")
    [kegiatan] = CatatanAudit.select().where(CatatanAudit.jenis == "kegiatan")
    assert json.loads(kegiatan.isi)["baris"]["anggaran"] == 12_500_000
    assert check_log().is_intact
