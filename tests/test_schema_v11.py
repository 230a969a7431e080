"""Schema 11: the SKP per pegawai. An upgraded version-10 database gets the regulation's predikat
matrix and distribution curve and no SKP; the version-11 fixture keeps its SKP, its evaluation
(proposal beside decision), the kecamatan's predikat and its changed matrix cell."""

import shutil
from pathlib import Path

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Pegawai, Skp, database_proxy
from kinerja_desktop.db.queries_skp import evaluasi_skp, read_skp
from kinerja_desktop.db.skp_aturan import predikat_organisasi, read_kurva, read_matriks
from kinerja_desktop.domain.skp import BUTUH_PERBAIKAN, KURVA_BAWAAN, MATRIKS_BAWAAN, Bagian, Rating

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


def test_upgrade_from_v10_seeds_the_matrix_and_the_curve(buka):
    buka("schema_v10.sqlite3")
    assert read_matriks() == MATRIKS_BAWAAN
    assert read_kurva() == list(KURVA_BAWAAN)
    assert Skp.select().count() == 0
    assert check_log().is_intact


def test_v11_fixture_keeps_the_skp_its_evaluation_and_the_rules(buka):
    buka("schema_v11.sqlite3")
    siti = Pegawai.get(Pegawai.nip == "198203142006042001").id
    skp = Skp.get(Skp.pegawai == siti, Skp.tahun == 2021)
    data = read_skp(skp.id)
    assert data.bagian(Bagian.UTAMA) and data.bagian(Bagian.TAMBAHAN)[0].rhk == "Panitia HUT RI"
    assert {p.kode: p.ekspektasi for p in data.perilaku}["akuntabel"] == "SPJ tertib setiap bulan"
    evaluasi = evaluasi_skp(data, "2021")
    assert evaluasi.realisasi[-1].realisasi == "1 laporan"
    keputusan = evaluasi.keputusan
    assert keputusan is not None
    assert (keputusan.rating_hasil, keputusan.rating_perilaku) == (Rating.SESUAI, Rating.DIATAS)
    assert (keputusan.predikat, keputusan.catatan) == ("Baik", "Pertahankan")
    assert predikat_organisasi(2021) == "Baik"
    assert read_matriks()[(Rating.DIATAS, Rating.DIBAWAH)] == BUTUH_PERBAIKAN
    assert check_log().is_intact
