"""The Laporan Kinerja's own words (schema 8): accepted texts kept per year, a draft never
stored, last year's text never carried over unasked; Renstra targets by indicator code."""

import shutil
from pathlib import Path

import pytest

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import (
    CatatanAudit,
    Jabatan,
    Sasaran,
    TargetRenstra,
    TeksLkjip,
    database_proxy,
)
from kinerja_desktop.db.ops_lkjip import (
    IsiTargetRenstra,
    remove_teks_lkjip,
    set_targets_renstra,
    set_teks_lkjip,
)
from kinerja_desktop.db.queries_lkjip import target_renstra, teks_lkjip
from kinerja_desktop.db.sesi import Sesi, log_in_as
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.lkjip import Asal, kunci_sasaran
from kinerja_desktop.domain.persetujuan import Peran
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

FIXTURES = Path(__file__).parent / "fixtures"


def _set_one(kode: str, tahun_akhir: int, target: Target | None, jenis: Jenis) -> None:
    set_targets_renstra([IsiTargetRenstra(kode, tahun_akhir, target, jenis)])


def test_texts_are_kept_per_year_and_never_carried_into_the_next(db):
    sasaran = Sasaran.select().join(Jabatan).where(Jabatan.tahun == 2020).first()
    set_teks_lkjip(2020, "kata_pengantar", "  Puji syukur\x07 kami.  ", Asal.DIKETIK)
    set_teks_lkjip(2020, kunci_sasaran(sasaran.id), "Analisis.", Asal.USULAN, "Analisis.")
    set_teks_lkjip(2020, "kata_pengantar", "Puji syukur kami panjatkan.", Asal.DIKETIK)
    teks = teks_lkjip(2020)
    assert teks["kata_pengantar"].teks == "Puji syukur kami panjatkan."
    assert teks[kunci_sasaran(sasaran.id)].asal is Asal.USULAN
    assert teks["kata_pengantar"].oleh  # who accepted it
    copy_year(2020, 2021)
    assert teks_lkjip(2021) == {}  # the new year starts from drafts, not from 2020's words
    remove_teks_lkjip(2020, "kata_pengantar")
    assert "kata_pengantar" not in teks_lkjip(2020)


def test_refusals(db):
    with pytest.raises(DataTidakValid, match="tidak dikenal"):
        set_teks_lkjip(2020, "lampiran_rahasia", "x", Asal.DIKETIK)
    with pytest.raises(DataTidakValid, match="tidak boleh kosong"):
        set_teks_lkjip(2020, "penutup", "   ", Asal.DIKETIK)
    with pytest.raises(TidakDitemukan, match="Sasaran itu tidak ada"):
        set_teks_lkjip(2020, kunci_sasaran(999999), "x", Asal.DIKETIK)
    with pytest.raises(DataTidakValid, match="Tahun akhir Renstra"):
        _set_one("SEKCAM.02", 26, Target(95), Jenis.PERSENTASE)
    with pytest.raises(DataTidakValid):
        _set_one("SEKCAM.02", 2026, Target(5000), Jenis.PERSENTASE)
    for kode in ('=HYPERLINK("http://x")', "SEKCAM 02", ""):  # the door of every code
        with pytest.raises(DataTidakValid, match="Kode indikator"):
            _set_one(kode, 2026, Target(95), Jenis.PERSENTASE)
    assert TeksLkjip.select().count() == 0 and TargetRenstra.select().count() == 0


def test_a_renstra_code_is_stored_as_the_indicator_codes_are(db):
    _set_one(" sekcam.02\t", 2026, Target(95), Jenis.PERSENTASE)
    assert target_renstra(["SEKCAM.02"], 2025)["SEKCAM.02"].target == Target(95)


def test_the_renstra_target_of_the_plan_covering_the_year(db):
    _set_one("SEKCAM.02", 2024, Target(90), Jenis.PERSENTASE)
    _set_one("SEKCAM.02", 2026, Target(95), Jenis.PERSENTASE)
    _set_one("SEKCAM.02", 2031, Target(99), Jenis.PERSENTASE)
    _set_one("KASI-PEM.03", 2026, Target(10, 12), Jenis.JUMLAH)
    found = target_renstra(["SEKCAM.02", "KASI-PEM.03", "KASI-PP.01"], 2025)
    assert found["SEKCAM.02"].target == Target(95) and found["SEKCAM.02"].tahun_akhir == 2026
    assert found["KASI-PEM.03"].target == Target(10, 12)
    assert "KASI-PP.01" not in found
    _set_one("SEKCAM.02", 2026, None, Jenis.PERSENTASE)
    assert target_renstra(["SEKCAM.02"], 2025)["SEKCAM.02"].tahun_akhir == 2031


def test_renstra_targets_are_set_all_or_none_and_each_change_audited(db):
    _set_one("KASI-PEM.03", 2026, Target(12), Jenis.JUMLAH)
    baik = IsiTargetRenstra("SEKCAM.02", 2026, Target(95), Jenis.PERSENTASE)
    salah = IsiTargetRenstra("KASI-PEM.03", 2026, Target(5000), Jenis.PERSENTASE)
    with pytest.raises(DataTidakValid):  # one bad entry: nothing of the others is stored
        set_targets_renstra([baik, salah])
    assert "SEKCAM.02" not in target_renstra(["SEKCAM.02"], 2025)
    hasil = set_targets_renstra([baik, IsiTargetRenstra("KASI-PEM.03", 2026, None, Jenis.JUMLAH)])
    assert hasil.data == 2
    assert hasil.perubahan.pesan == "Target Renstra disimpan (2 indikator berubah)."
    assert list(target_renstra(["SEKCAM.02", "KASI-PEM.03"], 2025)) == ["SEKCAM.02"]
    log = CatatanAudit.select().where(CatatanAudit.jenis == "target_renstra")
    assert [(c.lama, c.baru, c.catatan) for c in log.order_by(CatatanAudit.id)] == [
        (None, "12", "KASI-PEM.03, Renstra sampai 2026"),
        (None, "95", "SEKCAM.02, Renstra sampai 2026"),
        ("12", None, "KASI-PEM.03, Renstra sampai 2026"),
    ]


@pytest.fixture
def buka(tmp_path):
    def buka_(nama: str) -> None:
        shutil.copyfile(FIXTURES / nama, tmp_path / nama)
        open_database(tmp_path / nama)

    yield buka_
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def test_upgrade_from_v7_starts_with_drafts_only(buka):
    buka("schema_v7.sqlite3")
    assert teks_lkjip(2021) == {}
    log_in_as(Sesi("siti", Peran.OPERATOR))  # the v7 fixture has users
    set_teks_lkjip(2021, "penutup", "Demikian.", Asal.DIKETIK)
    assert teks_lkjip(2021)["penutup"].teks == "Demikian."


def test_v8_fixture_keeps_its_texts_and_targets(buka):
    buka("schema_v8.sqlite3")
    teks = teks_lkjip(2021)
    assert teks["kata_pengantar"].teks == "Puji syukur kami panjatkan."
    assert (teks["penutup"].asal, teks["penutup"].usulan) == (Asal.TAHUN_LALU, "Usulan lama")
    assert teks["penutup"].oleh == "siti"
    assert target_renstra(["SEKCAM.02"], 2021)["SEKCAM.02"].target == Target(95)
