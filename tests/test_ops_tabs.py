"""The core operations behind the jabatan tabs, without a screen: one transaction each,
Indonesian refusals, and removals that come back with the same ids."""

import pytest

from kinerja_desktop.db import (
    ops_indikator,
    ops_indikator_paste,
    ops_pemangku,
    ops_uraian,
    queries_indikator,
)
from kinerja_desktop.db.models import Indikator, Jabatan, Pegawai, SubIndikator
from kinerja_desktop.errors import DataTidakValid


def jid(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def test_uraian_insert_remove_restore_move(db):
    j = jid("BENDAHARA")
    hasil = ops_uraian.insert_uraian(j, "tugas", ["  menyusun   SPJ; ", "mengarsipkan"], posisi=0)
    assert hasil.perubahan.uraian and hasil.perubahan.jabatan == {j}
    teks = [u.teks for u in ops_uraian.list_uraian(j, "tugas")]
    assert teks[:2] == ["menyusun SPJ;", "mengarsipkan"]
    before = ops_uraian.list_uraian(j, "tugas")
    snaps = ops_uraian.remove_uraian("tugas", [hasil.data[0]]).data
    ops_uraian.reinsert_uraian(snaps)
    assert ops_uraian.list_uraian(j, "tugas") == before
    with pytest.raises(DataTidakValid, match="paling bawah"):
        ops_uraian.move_uraian("tugas", before[-1].id, 1)
    with pytest.raises(DataTidakValid, match="tidak boleh kosong"):
        ops_uraian.edit_uraian("tugas", before[0].id, "   ")


def test_new_indicator_codes_are_unique_in_the_year(db):
    j = jid("PENGEMUDI")
    sasaran = queries_indikator.load_sasaran(j)[0]
    first = Indikator.get_by_id(ops_indikator.add_indikator(sasaran.id).data)
    assert first.kode == "PENGEMUDI.02" and first.tahun_id == 2020
    # A code taken by hand further on is skipped.
    ops_indikator.update_indikator(first.id, {"kode": "PENGEMUDI.03"})
    second = Indikator.get_by_id(ops_indikator.add_indikator(sasaran.id).data)
    assert second.kode == "PENGEMUDI.04"
    with pytest.raises(DataTidakValid, match="sudah dipakai"):
        ops_indikator.update_indikator(second.id, {"kode": "BENDAHARA.01"})
    with pytest.raises(DataTidakValid, match="bukan pilihan"):
        ops_indikator.update_indikator(second.id, {"jenis": "rasio"})
    ops_indikator.update_indikator(second.id, {"polaritas": "Makin rendah makin baik"})
    assert Indikator.get_by_id(second.id).polaritas == "negatif"


def test_removed_sasaran_comes_back_whole(db):
    j = jid("ADM-SEKDES")
    before = queries_indikator.load_sasaran(j)
    subs = SubIndikator.select().count()
    hasil = ops_indikator.remove_sasaran(before[0].id)
    snap = hasil.data
    assert "beserta 1 indikatornya" in hasil.perubahan.pesan
    assert SubIndikator.select().count() == subs - 16
    ops_indikator.reinsert_sasaran(snap)
    assert queries_indikator.load_sasaran(j) == before


def test_paste_is_all_or_nothing(db):
    j = jid("PENGEMUDI")
    before = queries_indikator.load_sasaran(j)
    rows = [{"nama": "Jumlah perjalanan"}, {"nama": ""}]
    with pytest.raises(DataTidakValid, match="Baris 2"):
        ops_indikator_paste.paste_indikator(j, None, rows)
    assert queries_indikator.load_sasaran(j) == before


def test_pegawai_rules(db):
    j = jid("BENDAHARA")
    with pytest.raises(DataTidakValid, match="18 angka"):
        ops_pemangku.add_pegawai_baru(j, "SITI", "1985")
    with pytest.raises(DataTidakValid, match="sudah terdaftar atas nama ABAI SALEH"):
        ops_pemangku.add_pegawai_baru(j, "SITI", "19690505 199009 1 002")
    with pytest.raises(DataTidakValid, match="tidak dikenal"):
        ops_pemangku.add_pegawai_baru(j, "SITI", "", "Jenderal")
    hasil = ops_pemangku.add_pegawai_baru(j, "SITI", "", "Penata Muda (III/a)")
    [holder] = ops_pemangku.list_pemangku(j)
    assert holder.nip == "" and holder.golongan == "III/a"
    ops_pemangku.update_pegawai(holder.pegawai_id, {"nip": "19850312 201001 2 004"})
    assert Pegawai.get_by_id(holder.pegawai_id).nip == "198503122010012004"
    snap = ops_pemangku.remove_pemangku(hasil.data, hapus_pegawai=True).data
    assert not Pegawai.select().where(Pegawai.nama == "SITI").exists()
    ops_pemangku.reinsert_pemangku(snap)
    assert ops_pemangku.list_pemangku(j)[0].id == hasil.data
    # The Camat signs the decree: removing a holding never removes him.
    camat = Pegawai.get(Pegawai.nip == "196905051990091002")
    held = ops_pemangku.add_pemangku(jid("SEKCAM"), camat.id)
    ops_pemangku.remove_pemangku(held.data, hapus_pegawai=True)
    assert Pegawai.get_or_none(Pegawai.id == camat.id) is not None
