"""Storing targets and realisasi: rules, plans, one-transaction writes, undo, batches."""

import json

import pytest
from nilai_bantuan import baca_realisasi, parse_cell_target

from kinerja_desktop.db.models import (
    SUMBER_IMPOR_CSV,
    CatatanAudit,
    Desa,
    ImporBatch,
    Indikator,
    NilaiRealisasi,
)
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    KunciNilai,
    Lokasi,
    NilaiMasuk,
    apply_plan,
    plan_values,
    read_row,
    revert_values,
    set_values,
    undo_batch,
)
from kinerja_desktop.db.queries_nilai import capaian_tahun, nilai_jabatan
from kinerja_desktop.domain.capaian import Komponen, Penilaian, Target
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.errors import DataTidakValid


def ind(kode):
    return Indikator.get(Indikator.tahun == 2020, Indikator.kode == kode)


def desa_based():
    return Indikator.select().where(Indikator.tahun == 2020, Indikator.dari_desa == True).first()  # noqa: E712


def real(i, periode, desa=None, **k):
    return NilaiMasuk(KunciNilai("realisasi", i.id, periode, desa), komponen=Komponen(**k))


def targ(i, periode, nilai, atas=None):
    return NilaiMasuk(KunciNilai("target", i.id, periode), target=Target(nilai, atas))


def test_values_are_stored_and_no_data_is_no_row(db):
    i = ind("KASUBAG-UMUM.02")  # Jumlah pelanggaran disiplin: lower is better
    assert baca_realisasi(i.id, "202001") is None
    hasil = set_values([targ(i, "2020", 8), real(i, "202001", nilai=0)])
    assert hasil.perubahan.nilai and hasil.perubahan.tahun == 2020
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=0)  # a real 0, not "no data"
    assert parse_cell_target(i.id, "2020") == Target(8)
    set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202001"))])  # remove
    assert baca_realisasi(i.id, "202001") is None


@pytest.mark.parametrize(
    ("masuk", "alasan"),
    [
        (lambda: real(ind("SEKCAM.02"), "202001", pembilang=5, penyebut=4), "lebih besar"),
        (lambda: real(ind("KASUBAG-UMUM.02"), "202001", nilai=-1), "negatif"),
        (lambda: real(ind("KASUBAG-UMUM.02"), "202101", nilai=1), "bukan tahun 2020"),
        (lambda: real(ind("KASUBAG-UMUM.02"), "202001", 1, nilai=1), "bukan per desa"),
        (lambda: real(desa_based(), "202001", nilai=1), "kode desa wajib"),
        (lambda: targ(ind("KASUBAG-UMUM.02"), "202001", 1), "per tahun"),
    ],
)
def test_refusals_name_the_reason(db, masuk, alasan):
    with pytest.raises(DataTidakValid, match=alasan):
        set_values([masuk()])
    assert NilaiRealisasi.select().count() == 0


def test_plan_counts_new_changed_unchanged_refused(db):
    i = ind("KASUBAG-UMUM.02")
    set_values([real(i, "202001", nilai=1), real(i, "202002", nilai=2)])
    rencana = plan_values(
        [
            real(i, "202001", nilai=1),  # same
            real(i, "202002", nilai=5),  # changed
            real(i, "202003", nilai=0),  # new
            NilaiMasuk(
                KunciNilai("realisasi", i.id, "202004"),
                komponen=Komponen(nilai=-2),
                lokasi=Lokasi.baris_csv(9),
            ),
        ]
    )
    assert rencana.ringkasan() == "1 baru, 1 diubah, 1 sama, 1 ditolak"
    assert rencana.ditolak[0].kalimat == "baris 9: Nilai jumlah tidak boleh negatif."
    with pytest.raises(DataTidakValid, match="tidak ada yang disimpan"):
        apply_plan(rencana)
    assert baca_realisasi(i.id, "202002") == Komponen(nilai=2)  # all or nothing


def test_undo_restores_the_old_rows_exactly(db):
    i = ind("KASUBAG-UMUM.02")
    set_values([real(i, "202001", nilai=1)])
    hasil = set_values([real(i, "202001", nilai=3), real(i, "202002", nilai=4)])
    revert_values(hasil.data.lama)
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=1)
    assert baca_realisasi(i.id, "202002") is None


def test_batch_is_logged_and_undone_as_a_whole(db):
    d = desa_based()
    desa = list(Desa.select().order_by(Desa.urutan))
    set_values([real(d, "202001", desa[0].id, nilai=7)])
    rencana = plan_values(
        [real(d, "202001", desa[0].id, nilai=9), real(d, "202001", desa[1].id, nilai=2)]
    )
    info = BatchInfo("data.csv", "ab" * 32, "csv", SUMBER_IMPOR_CSV, tahun=2020)
    hasil = apply_plan(rencana, SUMBER_IMPOR_CSV, info)
    batch = ImporBatch.get_by_id(hasil.data.batch_id)
    assert (batch.baru, batch.diubah, batch.sama) == (1, 1, 0)
    assert CatatanAudit.select().where(CatatanAudit.batch_id == batch.id).count() == 2
    row = NilaiRealisasi.get(NilaiRealisasi.desa == desa[1].id)
    assert row.sumber == SUMBER_IMPOR_CSV and row.batch_id == batch.id
    undo_batch(batch.id)
    assert baca_realisasi(d.id, "202001", desa[0].id) == Komponen(nilai=7)
    assert baca_realisasi(d.id, "202001", desa[1].id) is None
    assert ImporBatch.get_by_id(batch.id).dibatalkan
    with pytest.raises(DataTidakValid, match="sudah dibatalkan"):
        undo_batch(batch.id)


def test_batch_undo_refused_after_a_later_edit(db):
    i = ind("KASUBAG-UMUM.02")
    info = BatchInfo("a.csv", "00" * 32, "csv", SUMBER_IMPOR_CSV)
    hasil = apply_plan(plan_values([real(i, "202001", nilai=1)]), SUMBER_IMPOR_CSV, info)
    set_values([real(i, "202001", nilai=2)])
    with pytest.raises(DataTidakValid, match="sudah diubah lagi"):
        undo_batch(hasil.data.batch_id)
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=2)
    old = json.loads(CatatanAudit.get(CatatanAudit.batch_id == hasil.data.batch_id).baru)
    assert old["nilai"] == 1


def test_capaian_of_a_desa_ratio_and_a_lower_is_better_count(db):
    neg = ind("KASUBAG-UMUM.02")
    set_values([targ(neg, "2020", 8)] + [real(neg, f"2020{m:02d}", nilai=3) for m in (1, 2, 3)])
    rows = {b.info.kode: b for b in capaian_tahun(2020, parse_periode("2020"))}
    b = rows["KASUBAG-UMUM.02"]
    assert b.realisasi.nilai == 9 and b.realisasi.jumlah_data == 3
    assert b.capaian.persen == pytest.approx(87.5)
    assert b.kategori.nama == "Tinggi"
    tw1 = {b.info.kode: b for b in capaian_tahun(2020, parse_periode("2020Q1"))}["KASUBAG-UMUM.02"]
    assert tw1.target == Target(2) and tw1.target_turunan
    # an indicator without data stays without capaian
    assert rows["SEKCAM.02"].capaian.persen is None and rows["SEKCAM.02"].kategori is None


def test_desa_counts_add_up_and_grid_data_reads_state(db):
    d = desa_based()
    desa = [x.id for x in Desa.select().order_by(Desa.urutan)][:3]
    set_values([real(d, "202001", desa[0], nilai=2), real(d, "202002", desa[1], nilai=5)])
    [n] = [n for n in nilai_jabatan(d.sasaran.jabatan_id) if n.info.id == d.id]
    assert n.realisasi_periode(parse_periode("2020Q1")).nilai == 7
    assert n.realisasi_periode(parse_periode("2020Q2")).nilai is None
    assert n.sel(parse_periode("202001"), desa[0]).sumber == "entri"
    assert n.capaian(parse_periode("2020Q1"), Penilaian()).desa_lapor == 2


def test_copying_a_year_carries_targets_but_not_realisasi(db):
    from kinerja_desktop.db.models import SUMBER_SALIN, NilaiTarget
    from kinerja_desktop.db.years import copy_year

    i = ind("KASUBAG-UMUM.02")
    set_values([targ(i, "2020", 8), targ(i, "2020Q1", 2, 3), real(i, "202001", nilai=1)])
    hasil = copy_year(2020, 2021).data
    assert hasil.target == 2
    baru = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "KASUBAG-UMUM.02")
    assert parse_cell_target(baru.id, "2021") == Target(8)
    assert parse_cell_target(baru.id, "2021Q1") == Target(2, 3)
    assert (
        NilaiTarget.get(NilaiTarget.indikator == baru.id, NilaiTarget.periode == "2021").sumber
        == SUMBER_SALIN
    )
    assert baca_realisasi(baru.id, "202101") is None


def test_fast_month_totals_equal_the_per_desa_roll_up(db):
    from kinerja_desktop.db.queries_nilai import nilai_tahun
    from kinerja_desktop.domain.capaian import merge_desa
    from kinerja_desktop.domain.periode import semua_periode

    d = desa_based()
    desa = [x.id for x in Desa.select().order_by(Desa.urutan)]
    set_values(
        [real(d, f"2020{m:02d}", desa[m % 5], nilai=m) for m in range(1, 13)]
        + [real(d, "202003", desa[7], nilai=4)]
    )
    [n] = [n for n in nilai_tahun(2020) if n.info.id == d.id]
    for p in semua_periode(2020):
        lambat = merge_desa(n.info.jenis, [n.realisasi_desa(p, x) for x in n.realisasi])
        assert n.realisasi_periode(p) == lambat, p.id
    assert n.realisasi_periode(parse_periode("2020Q1")).nilai == 1 + 2 + 3 + 4


def test_plan_reads_exactly_the_stored_rows_asked_for(db):
    """rencanakan narrows its read to the incoming periods and desa; each old row it reports
    is the stored row of that very key (desa, kecamatan level, target)."""
    d = desa_based()
    k = ind("KASUBAG-UMUM.02")
    a, b = [x.id for x in Desa.select().order_by(Desa.urutan).limit(2)]
    set_values(
        [
            real(d, p, x, nilai=n)
            for n, (p, x) in enumerate([("202001", a), ("202001", b), ("202002", a)], start=1)
        ]
        + [real(k, "202001", nilai=4), real(k, "202003", nilai=5), targ(k, "2020", 9)]
    )
    rencana = plan_values(
        [real(d, "202001", b, nilai=20), real(k, "202001", nilai=40), targ(k, "2020", 90),
         real(d, "202003", a, nilai=1)]
    )  # fmt: skip
    lama = {m.kunci: c.baris for m, c in rencana.diubah}
    assert len(lama) == 3 and len(rencana.baru) == 1
    for kunci, baris in lama.items():
        assert baris == read_row(kunci)
    assert lama[KunciNilai("realisasi", d.id, "202001", b)]["nilai"] == 2


def test_csv_reader_refuses_a_folder_and_a_workbook_in_indonesian(db, tmp_path):
    from kinerja_desktop.exchange.nilai_csv import read_csv

    with pytest.raises(DataTidakValid, match="adalah folder, bukan berkas CSV"):
        read_csv(tmp_path)
    buku = tmp_path / "nilai.csv"
    buku.write_bytes(b"PK\x03\x04" + b"\0" * 20)
    with pytest.raises(DataTidakValid, match="buku kerja Excel, bukan CSV"):
        read_csv(buku)
