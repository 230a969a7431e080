"""The audit log: what each kind of change records, and the hash chain that shows edits made
to the file with another tool."""

import json
import sqlite3

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import SUMBER_IMPOR_CSV, CatatanAudit, Desa, Indikator, Tahun
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    KunciNilai,
    NilaiMasuk,
    apply_plan,
    plan_values,
    revert_values,
    set_values,
    undo_batch,
)
from kinerja_desktop.db.pengguna import add_pengguna, log_in, update_pengguna
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.db.sesi import log_in_as
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.persetujuan import Langkah, Peran


def ind(kode: str, tahun: int = 2020) -> Indikator:
    return Indikator.get(Indikator.tahun == tahun, Indikator.kode == kode)


def real(kode: str, periode: str, nilai: float | None, desa: int | None = None) -> NilaiMasuk:
    kunci = KunciNilai("realisasi", ind(kode).id, periode, desa)
    return NilaiMasuk(kunci, komponen=None if nilai is None else Komponen(nilai))


def entri(n: int = 1) -> list[CatatanAudit]:
    """The last ``n`` entries, oldest first."""
    rows = list(CatatanAudit.select().order_by(CatatanAudit.id.desc()).limit(n))
    return rows[::-1]


@pytest.fixture
def admin(db):
    add_pengguna("admin", Peran.ADMINISTRATOR, "sandi-admin", "Kepala Subbag")
    add_pengguna("siti", Peran.OPERATOR, "sandi-siti")
    log_in_as(log_in("admin", "sandi-admin"))
    return db


def test_each_kind_of_change_is_logged_with_who_what_and_old_new(admin):
    i = ind("KASUBAG-UMUM.02")
    jab = i.sasaran.jabatan_id
    hasil = set_values([real("KASUBAG-UMUM.02", "202001", 3)])
    [e] = entri()
    assert (e.pengguna, e.aksi, e.jenis, e.jabatan_id, e.indikator_id, e.periode, e.desa_id) == (
        "admin",
        "isian",
        "realisasi",
        jab,
        i.id,
        "202001",
        None,
    )
    assert e.lama is None and json.loads(e.baru)["nilai"] == 3.0 and e.hash

    set_values([real("KASUBAG-UMUM.02", "202001", 4)], aksi="tempel")
    [e] = entri()
    assert e.aksi == "tempel" and json.loads(e.lama)["nilai"] == 3.0
    assert json.loads(e.baru)["nilai"] == 4.0

    revert_values(hasil.data.lama)  # undo of the first edit: the value goes again
    [e] = entri()
    assert (e.aksi, json.loads(e.lama)["nilai"], e.baru) == ("urung", 4.0, None)

    desa = Desa.select().order_by(Desa.urutan).first().id
    info = BatchInfo("a.csv", "00" * 32, "csv", SUMBER_IMPOR_CSV)
    masuk_ = [real("KASI-KESOS.01", "202001", 2, desa), real("KASI-KESOS.01", "202002", 5, desa)]
    batch = apply_plan(plan_values(masuk_), SUMBER_IMPOR_CSV, info).data.batch_id
    assert [(e.aksi, e.batch_id, e.desa_id) for e in entri(2)] == [("impor_csv", batch, desa)] * 2
    assert entri(2)[0].hash is None and entri(2)[1].hash  # one hash per operation

    undo_batch(batch)
    assert [(e.aksi, e.baru) for e in entri(2)] == [("batal_impor", None)] * 2

    take_step(Langkah.AJUKAN, jab, "realisasi", "202001")
    [e] = entri()
    assert (e.aksi, e.jenis, e.jabatan_id, e.periode, e.lama, e.baru) == (
        "ajukan",
        "persetujuan",
        jab,
        "202001",
        "draf",
        "diajukan",
    )
    take_step(Langkah.VERIFIKASI, jab, "realisasi", "202001")
    take_step(Langkah.SETUJUI, jab, "realisasi", "202001")
    take_step(Langkah.BUKA_KUNCI, jab, "realisasi", "202001", "Salah ketik")
    [e] = entri()
    assert (e.aksi, e.lama, e.baru, e.catatan) == ("buka-kunci", "disetujui", "draf", "Salah ketik")

    update_pengguna("siti", peran=Peran.VERIFIKATOR)
    [e] = entri()
    assert (e.aksi, e.lama, e.baru) == ("pengguna", "siti (operator)", "siti (verifikator)")

    set_values([NilaiMasuk(KunciNilai("target", i.id, "2020"), target=Target(8))])
    copy_year(2020, 2021)
    e, tahun = entri(2)
    assert (tahun.aksi, tahun.jenis, tahun.periode) == ("salin_tahun", "tahun", "2021")
    assert (e.aksi, e.jenis, e.periode, e.indikator_id) == (
        "salin_tahun",
        "target",
        "2021",
        ind("KASUBAG-UMUM.02", 2021).id,
    )
    assert Tahun.get_or_none(Tahun.tahun == 2021) is not None
    assert check_log().is_intact


def _tamper(db_path, sql: str) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute(sql)


@pytest.fixture
def dicatat(admin):
    """Three operations on values and an approval step in the log."""
    set_values([real("KASUBAG-UMUM.02", "202001", 3), real("KASUBAG-UMUM.02", "202002", 4)])
    set_values([real("KASUBAG-UMUM.02", "202001", 5)])
    take_step(Langkah.AJUKAN, ind("KASUBAG-UMUM.02").sasaran.jabatan_id, "realisasi", "2020")
    set_values([real("KASUBAG-UMUM.02", "202003", 6)])
    hasil = check_log()
    assert hasil.is_intact and hasil.jumlah == CatatanAudit.select().count()
    return admin


def test_an_edited_entry_is_caught(dicatat, db_path):
    _tamper(
        db_path,
        """UPDATE audit_log SET baru = '{"nilai":9}' WHERE baru = '{"nilai":5}'""",
    )
    masalah = check_log().masalah
    assert "tidak cocok dengan rantai hash" in masalah[0]
    # the value it claims is not what is stored either
    assert "Realisasi KASUBAG-UMUM.02 periode 202001 berbeda dengan catatan" in masalah[1]


def test_a_deleted_entry_is_caught(dicatat, db_path):
    _tamper(db_path, "DELETE FROM audit_log WHERE aksi = 'ajukan'")
    assert any("rantai hash" in m for m in check_log().masalah)


def test_entries_cut_from_the_end_are_caught(dicatat, db_path):
    _tamper(db_path, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    masalah = check_log().masalah
    assert any("hilang dari akhir log" in m for m in masalah)
    assert any("KASUBAG-UMUM.02 periode 202003 (diubah" in m for m in masalah)
    assert any("tidak ada di log: ditulis di luar aplikasi" in m for m in masalah)


def test_a_value_changed_with_another_tool_is_caught(dicatat, db_path):
    _tamper(db_path, "UPDATE nilai_realisasi SET nilai = 50 WHERE periode = '202002'")
    [masalah] = check_log().masalah
    assert "Realisasi KASUBAG-UMUM.02 periode 202002 berbeda dengan catatan terakhir" in masalah


def test_an_approval_set_with_another_tool_is_caught(dicatat, db_path):
    _tamper(db_path, "UPDATE persetujuan SET status = 'disetujui'")
    [masalah] = check_log().masalah
    assert "Keadaan persetujuan periode 2020" in masalah


def test_removing_an_indicator_keeps_its_history_and_the_check_passes(dicatat):
    from kinerja_desktop.db import ops_indikator

    n = CatatanAudit.select().count()
    ops_indikator.remove_indikator(ind("KASUBAG-UMUM.02").id)
    assert CatatanAudit.select().count() == n + 1  # the removal itself, the values' stay
    assert (entri()[0].aksi, entri()[0].jenis) == ("hapus", "indikator")
    assert check_log().is_intact
