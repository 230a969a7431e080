import pytest

from kinerja_desktop.db.models import Indikator, Jabatan, Pegawai, Pemangku, SubIndikator, Tugas
from kinerja_desktop.db.ops_jabatan import (
    add_jabatan,
    letak_jabatan,
    move_jabatan,
    reinsert_jabatan,
    remove_jabatan,
    rename_jabatan,
    suggest_kode,
)
from kinerja_desktop.db.queries_jabatan import list_jabatan, removal_summary
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


def _by_kode(kode: str, tahun: int = 2020) -> Jabatan:
    return Jabatan.get((Jabatan.tahun == tahun) & (Jabatan.kode == kode))


def _everything() -> list[tuple]:
    """All rows of every table that hangs off a jabatan, ids included."""
    rows = []
    for model in (Jabatan, Tugas, Indikator, SubIndikator, Pemangku):
        rows += [(model.__name__, *r) for r in model.select().order_by(model.id).tuples()]
    return rows


def test_list_follows_document_order_and_names_holders(db):
    camat = Pegawai.get()
    Pemangku.create(jabatan=_by_kode("KASI-PEM"), pegawai=camat)
    items = list_jabatan(2020)
    assert len(items) == 22
    assert [i.kode for i in items[:2]] == ["SEKCAM", "KASI-PEM"]
    kasi = next(i for i in items if i.kode == "KASI-PEM")
    assert kasi.pemangku == (camat.nama,)
    assert next(i for i in items if i.kode == "BENDAHARA").atasan_id == _by_kode("KASUBAG-UMUM").id


def test_add_under_an_atasan_with_a_suggested_code(db):
    atasan = _by_kode("KASI-PEM")
    hasil = add_jabatan(2020, "  Pengolah   Data Kependudukan ", atasan.id)
    new_id, change = hasil.data, hasil.perubahan
    assert change.jabatan == {new_id}
    new = Jabatan.get_by_id(new_id)
    assert (new.nama, new.kode, new.atasan_id) == (
        "Pengolah Data Kependudukan",
        "PENGOLAH-DATA-KEPENDUDUKAN",
        atasan.id,
    )
    assert change.jabatan_tree and change.tahun == 2020
    assert "ditambahkan" in change.pesan
    assert suggest_kode(2020, "Pengolah Data Kependudukan") == "PENGOLAH-DATA-KEPENDUDUKAN-2"


def test_add_refuses_empty_name_and_taken_code(db):
    with pytest.raises(DataTidakValid, match="tidak boleh kosong"):
        add_jabatan(2020, "   ", None)
    with pytest.raises(DataTidakValid, match="sudah dipakai jabatan «Bendahara»"):
        add_jabatan(2020, "Bendahara Baru", None, kode="bendahara")
    with pytest.raises(DataTidakValid, match="tidak valid"):
        add_jabatan(2020, "Staf", None, kode="staf baru!")
    assert Jabatan.select().count() == 22


def test_rename_changes_name_and_code(db):
    jab = _by_kode("PRAMU")
    change = rename_jabatan(jab.id, "Pramu Kebersihan", kode="PRAMU-1")
    jab = Jabatan.get_by_id(jab.id)
    assert (jab.nama, jab.kode) == ("Pramu Kebersihan", "PRAMU-1")
    pesan = change.perubahan.pesan
    assert pesan == "Nama jabatan «Pramu Kebersihan Kantor» diubah menjadi «Pramu Kebersihan»."


def test_move_under_another_atasan_and_back(db):
    jab = _by_kode("BENDAHARA")
    before = letak_jabatan(jab.id)
    move_jabatan(jab.id, _by_kode("KASUBAG-PEP").id)
    assert Jabatan.get_by_id(jab.id).atasan_id == _by_kode("KASUBAG-PEP").id
    move_jabatan(jab.id, before.atasan_id, before.urutan)
    assert letak_jabatan(jab.id) == before
    change = move_jabatan(jab.id, None)
    assert Jabatan.get_by_id(jab.id).atasan_id is None
    assert change.perubahan.pesan == "Jabatan «Bendahara» dipindahkan ke bawah Camat."


def test_move_refuses_cycles(db):
    sekcam, bawahan = _by_kode("SEKCAM"), _by_kode("BENDAHARA")
    with pytest.raises(DataTidakValid, match="bawahannya sendiri"):
        move_jabatan(sekcam.id, bawahan.id)
    with pytest.raises(DataTidakValid, match="atasannya sendiri"):
        move_jabatan(sekcam.id, sekcam.id)
    assert Jabatan.get_by_id(sekcam.id).atasan_id is None


def test_summary_counts_what_goes_with_the_subtree(db):
    sekcam = _by_kode("SEKCAM")
    Pemangku.create(jabatan=_by_kode("BENDAHARA"), pegawai=Pegawai.get())
    summary = removal_summary(sekcam.id)
    assert summary.bawahan == 6  # two Kasubag and four pelaksana under the Kasubag Umum
    assert summary.indikator > 0 and summary.tugas > 0
    assert "akan dihapus beserta 6 jabatan bawahan" in summary.kalimat
    assert "1 pemangku" in summary.kalimat


def test_remove_then_restore_gives_back_every_row_with_its_id(db):
    Pemangku.create(jabatan=_by_kode("BENDAHARA"), pegawai=Pegawai.get())
    before = _everything()
    change = remove_jabatan(_by_kode("SEKCAM").id)
    cuplikan = change.data
    assert Jabatan.select().count() == 22 - 7
    assert Pemangku.select().count() == 0
    assert "beserta 6 jabatan bawahan dihapus" in change.perubahan.pesan
    reinsert_jabatan(cuplikan)
    assert _everything() == before


def test_restore_refuses_when_the_code_was_taken_meanwhile(db):
    cuplikan = remove_jabatan(_by_kode("PRAMU").id).data
    add_jabatan(2020, "Petugas Baru", None, kode="PRAMU")
    with pytest.raises(DataTidakValid, match="kode PRAMU kini dipakai"):
        reinsert_jabatan(cuplikan)


def test_unknown_jabatan_is_reported(db):
    with pytest.raises(TidakDitemukan):
        rename_jabatan(9999, "X")
