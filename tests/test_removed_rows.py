"""Removals and their undo keep every value: targets, realisasi (per desa) and their history
come back with the same ids when a removed indicator, sasaran or jabatan is restored; the audit
log keeps its entries through it all."""

import pytest

from kinerja_desktop.db import ops_indikator, ops_indikator_paste, ops_jabatan, queries_jabatan
from kinerja_desktop.db.models import (
    ALL_MODELS,
    SUMBER_IMPOR_DESA,
    CatatanAudit,
    Desa,
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    Sasaran,
    SubIndikator,
)
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    KunciNilai,
    NilaiMasuk,
    apply_plan,
    plan_values,
    set_values,
)
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.errors import DataTidakValid

TABEL = (Sasaran, Indikator, SubIndikator, NilaiTarget, NilaiRealisasi)


def ind(kode: str) -> Indikator:
    return Indikator.get(Indikator.tahun == 2020, Indikator.kode == kode)


def semua() -> dict[str, list[tuple]]:
    """Every row, ids included, of the tables a removal touches, and the values' history in
    the audit log (the removal and its undo add their own entries; the values' stay as they
    were)."""
    rows = {m.__name__: list(m.select().order_by(m.id).tuples()) for m in TABEL}
    sejarah = CatatanAudit.select().where(CatatanAudit.jenis.in_(["target", "realisasi"]))
    rows["riwayat nilai"] = list(sejarah.order_by(CatatanAudit.id).tuples())
    return rows


def nilai_of(indikator_id: int) -> int:
    return (
        NilaiTarget.select().where(NilaiTarget.indikator == indikator_id).count()
        + NilaiRealisasi.select().where(NilaiRealisasi.indikator == indikator_id).count()
    )


@pytest.fixture
def isi(db):
    """OD-PEM.05 (desa-based, two sub-items) with targets, typed and imported desa values."""
    i = ind("OD-PEM.05")
    desa = [d.id for d in Desa.select().order_by(Desa.urutan).limit(3)]
    set_values(
        [
            NilaiMasuk(KunciNilai("target", i.id, "2020"), target=Target(40)),
            NilaiMasuk(KunciNilai("target", i.id, "2020Q1"), target=Target(10)),
            NilaiMasuk(
                KunciNilai("realisasi", i.id, "202001", desa[0]), komponen=Komponen(nilai=3)
            ),
        ]
    )
    masuk = [
        NilaiMasuk(KunciNilai("realisasi", i.id, p, d), komponen=Komponen(nilai=n))
        for n, (p, d) in enumerate([("202002", desa[0]), ("202001", desa[1]), ("202001", desa[2])])
    ]
    info = BatchInfo("isian.xlsx", "ab" * 32, "desa", SUMBER_IMPOR_DESA, desa_id=desa[1])
    apply_plan(plan_values(masuk), SUMBER_IMPOR_DESA, info)
    assert nilai_of(i.id) == 6
    assert CatatanAudit.select().where(CatatanAudit.indikator_id == i.id).count() == 6
    return i


def test_all_models_lists_parents_first():
    """cuplikan.capture_rows walks ALL_MODELS once: each model must come after what it refers to."""
    seen: set[type] = set()
    for model in ALL_MODELS:
        for fk in model._meta.refs:
            assert fk.rel_model is model or fk.rel_model in seen, (model, fk.rel_model)
        seen.add(model)


def test_removed_indicator_comes_back_with_its_values(isi):
    before = semua()
    hasil = ops_indikator.remove_indikator(isi.id)
    snap, perubahan = hasil.data, hasil.perubahan
    assert perubahan.nilai and "6 nilai target/realisasi" in perubahan.pesan
    assert nilai_of(isi.id) == 0 and CatatanAudit.select().count() == 6 + 1  # + the removal
    assert ops_indikator.reinsert_indikator(snap).perubahan.nilai
    assert semua() == before
    # redo takes them away again, and a second undo brings them back again
    snap = ops_indikator.remove_indikator(isi.id).data
    assert nilai_of(isi.id) == 0
    ops_indikator.reinsert_indikator(snap)
    assert semua() == before


def test_removed_sasaran_comes_back_with_every_value(isi):
    before = semua()
    hasil = ops_indikator.remove_sasaran(isi.sasaran_id)
    snap = hasil.data
    assert "beserta 4 indikatornya dan 6 nilai" in hasil.perubahan.pesan
    assert nilai_of(isi.id) == 0
    ops_indikator.reinsert_sasaran(snap)
    assert semua() == before
    snap = ops_indikator.remove_sasaran(isi.sasaran_id).data
    assert not Indikator.select().where(Indikator.id == isi.id).exists()
    ops_indikator.reinsert_sasaran(snap)
    assert semua() == before


def test_removed_jabatan_comes_back_with_every_value(isi):
    before = semua()
    jabatan = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "OD-PEM")
    # the confirmation says the values go too
    assert "dan 6 nilai target/realisasi." in queries_jabatan.removal_summary(jabatan.id).kalimat
    cuplikan = ops_jabatan.remove_jabatan(jabatan.id).data
    assert nilai_of(isi.id) == 0
    ops_jabatan.reinsert_jabatan(cuplikan)
    assert semua() == before
    cuplikan = ops_jabatan.remove_jabatan(jabatan.id).data
    assert nilai_of(isi.id) == 0
    ops_jabatan.reinsert_jabatan(cuplikan)
    assert semua() == before


def test_an_import_batch_can_still_be_undone_after_remove_and_restore(isi):
    from kinerja_desktop.db.models import ImporBatch
    from kinerja_desktop.db.ops_nilai import undo_batch

    snap = ops_indikator.remove_indikator(isi.id).data
    ops_indikator.reinsert_indikator(snap)
    undo_batch(ImporBatch.get().id)
    assert nilai_of(isi.id) == 3  # the imported values went, the typed ones stayed


def test_restore_refuses_when_the_code_was_taken_meanwhile(isi):
    snap = ops_indikator.remove_indikator(isi.id).data
    other = ind("OD-PEM.04")
    ops_indikator.update_indikator(other.id, {"kode": "OD-PEM.05"})
    before = semua()
    with pytest.raises(DataTidakValid, match="tidak dapat dikembalikan: Kode OD-PEM.05"):
        ops_indikator.reinsert_indikator(snap)
    assert semua() == before  # nothing half-restored


def test_jenis_cannot_change_while_values_exist(isi):
    with pytest.raises(DataTidakValid) as err:
        ops_indikator.update_indikator(isi.id, {"jenis": "persentase"})
    pesan = err.value.pesan
    assert "Jenis indikator OD-PEM.05 tidak dapat diubah dari jumlah menjadi persentase" in pesan
    assert "2 target dan 4 realisasi" in pesan and "Data › Ekspor CSV Nilai" in pesan
    assert ind("OD-PEM.05").jenis == "jumlah"
    # the same jenis, or any other field, is still fine
    ops_indikator.update_indikator(isi.id, {"jenis": "Jumlah", "satuan": "laporan"})
    # an indicator without values may change its jenis
    kosong = ind("OD-PEM.04")
    ops_indikator.update_indikator(kosong.id, {"jenis": "persentase"})
    assert ind("OD-PEM.04").jenis == "persentase"


def test_paste_cannot_change_jenis_of_an_indicator_with_values(isi):
    jabatan_id = Sasaran.get_by_id(isi.sasaran_id).jabatan_id
    before = semua()
    rows = [
        {"kode": "OD-PEM.04", "nama": "Diubah lewat tempel"},
        {"kode": "OD-PEM.05", "nama": "Nama baru", "jenis": "kehadiran"},
    ]
    with pytest.raises(DataTidakValid, match="Baris 2 tidak dapat ditempel: Jenis indikator"):
        ops_indikator_paste.paste_indikator(jabatan_id, None, rows)
    assert semua() == before
    rows[1]["jenis"] = "jumlah"
    ops_indikator_paste.paste_indikator(jabatan_id, None, rows)
    assert ind("OD-PEM.05").nama == "Nama baru"


def test_removals_that_keep_plain_snapshots_have_nothing_cascading():
    """ops_uraian and ops_pemangku snapshot only the rows they delete: that is enough while no
    table cascades from Tugas, Fungsi or Pemangku (a new one must go through db.removed_rows)."""
    from kinerja_desktop.db.models import Fungsi, Pemangku, Tugas

    for model in ALL_MODELS:
        for fk in model._meta.refs:
            assert fk.rel_model not in (Tugas, Fungsi, Pemangku), (model, fk.name)
