"""Schema 7: users, approvals and the audit log. An upgraded version-6 database keeps its import
history as the first, chained entries of the log (an old import can still be undone), has no
user (nobody is asked to log in) and nothing approved; the version-7 fixture keeps its users,
its approved month and the chain."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import CatatanAudit, ImporBatch, Indikator, Jabatan, database_proxy
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values, undo_batch
from kinerja_desktop.db.pengguna import daftar_pengguna, log_in
from kinerja_desktop.db.persetujuan import status_persetujuan
from kinerja_desktop.db.sesi import needs_login
from kinerja_desktop.domain.capaian import Komponen
from kinerja_desktop.domain.persetujuan import Status
from kinerja_desktop.errors import Terkunci

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


def test_upgrade_from_v6_moves_the_import_history_into_the_chained_log(buka, tmp_path):
    with sqlite3.connect(FIXTURES / "schema_v6.sqlite3") as raw:
        lama = raw.execute(
            'SELECT "id", "batch_id", "indikator_id", "periode", "desa_id", "baru" '
            'FROM "riwayat_nilai" ORDER BY "id"'
        ).fetchall()
    assert lama
    buka("schema_v6.sqlite3")
    pindah = list(
        CatatanAudit.select(
            CatatanAudit.id,
            CatatanAudit.batch_id,
            CatatanAudit.indikator_id,
            CatatanAudit.periode,
            CatatanAudit.desa_id,
            CatatanAudit.baru,
        )
        .order_by(CatatanAudit.id)
        .tuples()
    )
    assert pindah == lama
    assert {(e.aksi, e.pengguna) for e in CatatanAudit.select()} == {("impor_csv", "")}
    assert check_log().is_intact
    assert daftar_pengguna() == [] and not needs_login()
    # the old import is undone from the moved entries, and the undo is logged and chained
    batch = ImporBatch.select().first()
    undo_batch(batch.id)
    assert CatatanAudit.select().where(CatatanAudit.aksi == "batal_impor").count() == len(lama)
    assert check_log().is_intact


def test_v7_fixture_keeps_users_approvals_and_the_chain(buka):
    buka("schema_v7.sqlite3")
    assert needs_login()
    assert log_in("siti", "rahasia-siti").nama == "siti"
    sekcam = Jabatan.get(Jabatan.tahun == 2021, Jabatan.kode == "SEKCAM").id
    assert status_persetujuan(sekcam, "realisasi", "202101").status is Status.DISETUJUI
    kembali = status_persetujuan(sekcam, "target", "2021")
    assert (kembali.status, kembali.catatan) == (Status.DRAF, "Target kehadiran terlalu rendah")
    assert check_log().is_intact
    from kinerja_desktop.db.sesi import log_in_as

    log_in_as(log_in("admin", "rahasia-admin"))
    i = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "SEKCAM.01").id
    kunci = KunciNilai("realisasi", i, "202101")
    with pytest.raises(Terkunci, match="Januari 2021"):
        set_values(
            [NilaiMasuk(kunci, komponen=Komponen(pegawai=12, hari_kerja=20, hari_tidak_masuk=1))]
        )
