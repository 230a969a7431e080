"""Schema 10: programs, kegiatan and anggaran, budget realised, the Rencana Aksi and monev notes.
A version-9 database upgrades with the new tables empty; the version-10 fixture keeps its rows
and the read API (db.queries_program) returns them as documents print them."""

import shutil
from pathlib import Path

import pytest

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Jabatan, Program, database_proxy
from kinerja_desktop.db.queries_program import (
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
    read_rencana_aksi,
)

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


def test_upgrade_from_v9_adds_empty_tables(buka):
    buka("schema_v9.sqlite3")
    assert Program.select().count() == 0
    assert read_program(2021) == [] and read_rencana_aksi(2021) == []
    assert read_realisasi_anggaran(2021) == [] and read_keterangan(2021) == {}


def test_v10_fixture_reads_back_as_documents_need_it(buka):
    buka("schema_v10.sqlite3")
    sekcam = Jabatan.get(Jabatan.tahun == 2021, Jabatan.kode == "SEKCAM").id
    [program] = read_program(2021)
    assert (program.jabatan_id, program.kode) == (sekcam, "7.01.01")
    # one anggaran not known: the program's is not either, the entered part is kept apart
    assert (program.anggaran, program.anggaran_terisi) == (None, 5_250_000_000)
    assert (program.jumlah_kegiatan, program.lengkap) == (2, False)
    assert [(k.nama, k.anggaran) for k in read_kegiatan(2021, [sekcam])] == [
        ("Administrasi Keuangan Perangkat Daerah", 5_250_000_000),
        ("Administrasi Umum Perangkat Daerah", None),
    ]
    utama, sub = read_rencana_aksi(2021)
    assert utama.induk_id is None and sub.induk_id == utama.id
    assert utama.penanggung_jawab == "Bendahara" and utama.tw == ("✓", "", "✓", "")
    assert sub.penanggung_jawab == "BPKAD Kabupaten Malang" and sub.penanggung_jawab_id is None
    [realisasi] = read_realisasi_anggaran(2021)
    assert (realisasi.periode, realisasi.nilai) == ("2021Q1", 1_250_000_000)
    catatan = read_keterangan(2021, "2021Q1")
    assert [c.kendala for c in catatan.values()] == ["Dua pegawai cuti melahirkan"]
    assert read_keterangan(2021, "2021Q2") == {}
