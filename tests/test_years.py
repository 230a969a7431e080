import pytest
from mesin import fail_inserts

from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Sasaran,
    SubIndikator,
    Tahun,
    Tugas,
)
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


def _snapshot(tahun: int) -> list[tuple]:
    """Everything of a year that a copy must reproduce, without ids."""
    rows = []
    for jab in Jabatan.select().where(Jabatan.tahun == tahun).order_by(Jabatan.urutan):
        rows.append(("jabatan", jab.kode, jab.nama, jab.atasan.kode if jab.atasan else None))
        rows += [("tugas", t.teks) for t in jab.tugas.order_by(Tugas.urutan)]
        rows += [("fungsi", f.teks) for f in jab.fungsi.order_by(Fungsi.urutan)]
        for sas in jab.sasaran.order_by(Sasaran.urutan):
            rows.append(("sasaran", sas.teks))
            for ind in sas.indikator.order_by(Indikator.urutan):
                rows.append(
                    (
                        "indikator",
                        ind.kode,
                        ind.nama,
                        ind.formula,
                        ind.sumber_data,
                        ind.satuan,
                        ind.jenis,
                        ind.polaritas,
                        ind.dari_desa,
                        ind.frekuensi,
                        ind.agregasi,
                        ind.hari_kerja_efektif,
                    )
                )
                rows += [("sub", s.teks, s.formula) for s in ind.sub.order_by(SubIndikator.urutan)]
    return rows


def test_copy_year_reproduces_the_whole_iki(db):
    result = copy_year(2020, 2026).data
    assert (result.jabatan, result.indikator) == (22, 84)
    assert _snapshot(2026) == _snapshot(2020)
    new = Tahun.get_by_id(2026)
    assert new.nomor_keputusan.endswith("/35.07.13/2026")
    assert new.penandatangan.nama == "ABAI SALEH, S.Sos., MM"
    # the copies are new rows: editing 2026 leaves the signed 2020 decree alone
    jab = Jabatan.get(Jabatan.tahun == 2026, Jabatan.kode == "SEKCAM")
    jab.nama = "Sekretaris Camat"
    jab.save()
    assert Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").nama == (
        "Sekretaris Kecamatan"
    )


def test_copy_refuses_existing_target_year(db):
    copy_year(2020, 2026)
    before = Indikator.select().count()
    with pytest.raises(DataTidakValid, match="Tahun 2026 sudah ada"):
        copy_year(2020, 2026)
    assert Indikator.select().count() == before


def test_copy_refuses_missing_source_year(db):
    with pytest.raises(TidakDitemukan, match="Tahun 2019 tidak ada"):
        copy_year(2019, 2026)
    assert Tahun.get_or_none(Tahun.tahun == 2026) is None


def test_copy_is_all_or_nothing(db):
    # A failure deep inside the copy (here forced by a trigger on one late indicator)
    # must leave no trace of the new year.
    fail_inserts("indikator", "NEW.tahun = 2026 AND NEW.kode = 'PRAMU.01'", "gagal disengaja")
    with pytest.raises(Exception, match="gagal disengaja"):
        copy_year(2020, 2026)
    assert Tahun.get_or_none(Tahun.tahun == 2026) is None
    assert Jabatan.select().where(Jabatan.tahun == 2026).count() == 0
    assert Indikator.select().where(Indikator.tahun == 2026).count() == 0
