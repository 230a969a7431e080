"""Several operators at once on one database (two PCs on a server): no lost update.

A second connection stands for the second PC: peewee keeps one connection per thread, so a
thread writing through the same models is another session of the database, as another PC is.
"""

import threading
import time

import pytest

from kinerja_desktop.db.locks import KUNCI_NILAI, take_lock
from kinerja_desktop.db.models import Indikator, NilaiTarget, database_proxy
from kinerja_desktop.db.ops_nilai import (
    KunciNilai,
    Lokasi,
    NilaiBerubah,
    NilaiMasuk,
    apply_plan,
    plan_values,
    read_row,
    set_values,
)
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.errors import DataTidakValid


def baca_target(indikator_id: int, periode: str) -> Target | None:
    row = read_row(KunciNilai("target", indikator_id, periode))
    return None if row is None else Target(row["nilai"], row["nilai_atas"])


def _kunci() -> KunciNilai:
    ind = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASUBAG-UMUM.02")
    return KunciNilai("target", ind.id, "2020")


def _di_pc_lain(kerja):
    """Run ``kerja`` on its own connection (the other PC) and wait for it."""
    hasil: list = []

    def jalan():
        try:
            hasil.append(kerja())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            hasil.append(exc)
        finally:
            database_proxy.close()

    t = threading.Thread(target=jalan)
    t.start()
    t.join(30)
    if isinstance(hasil[0], BaseException):
        raise hasil[0]
    return hasil[0]


def test_second_operator_is_told_and_the_first_change_stays(db):
    kunci = _kunci()
    set_values([NilaiMasuk(kunci, target=Target(5), lokasi=Lokasi("target 2020"), terlihat=None)])
    # both PCs show 5; the other PC saves 7 first
    _di_pc_lain(
        lambda: set_values([NilaiMasuk(kunci, target=Target(7), terlihat=Target(5))])
    )
    with pytest.raises(NilaiBerubah) as refused:
        set_values(
            [NilaiMasuk(kunci, target=Target(6), lokasi=Lokasi("target 2020"), terlihat=Target(5))]
        )
    assert "sudah diubah dari komputer lain" in refused.value.pesan
    assert "sekarang 7" in refused.value.pesan and "tidak disimpan" in refused.value.pesan
    assert baca_target(kunci.indikator_id, "2020") == Target(7)
    # having seen 7, the operator may change it
    set_values([NilaiMasuk(kunci, target=Target(6), terlihat=Target(7))])
    assert baca_target(kunci.indikator_id, "2020") == Target(6)


def test_an_import_planned_before_another_change_writes_nothing(db):
    kunci = _kunci()
    rencana = plan_values([NilaiMasuk(kunci, target=Target(8), lokasi=Lokasi.baris_csv(2))])
    _di_pc_lain(lambda: set_values([NilaiMasuk(kunci, target=Target(9))]))
    with pytest.raises(NilaiBerubah, match="baris 2"):
        apply_plan(rencana)
    assert baca_target(kunci.indikator_id, "2020") == Target(9)


@pytest.mark.hanya_server
def test_writers_wait_for_each_other_on_a_server(db, engine):
    """The other PC is in the middle of writing the same value when this one saves: this one
    waits for it to commit, then finds the value changed, instead of overwriting it."""
    kunci = _kunci()
    rencana = plan_values([NilaiMasuk(kunci, target=Target(8), lokasi=Lokasi.baris_csv(2))])
    mulai = threading.Event()

    def pc_lain():
        with database_proxy.atomic():
            take_lock(KUNCI_NILAI)
            NilaiTarget.insert(
                indikator=kunci.indikator_id, periode="2020", nilai=9, diubah="x"
            ).execute()
            mulai.set()
            time.sleep(0.5)
        database_proxy.close()

    t = threading.Thread(target=pc_lain)
    t.start()
    assert mulai.wait(10)
    with pytest.raises(NilaiBerubah):
        apply_plan(rencana)
    t.join(10)
    assert baca_target(kunci.indikator_id, "2020") == Target(9)


def test_two_pcs_copying_into_the_same_year(db):
    _di_pc_lain(lambda: copy_year(2020, 2026))
    with pytest.raises(DataTidakValid, match="Tahun 2026 sudah ada"):
        copy_year(2020, 2026)
