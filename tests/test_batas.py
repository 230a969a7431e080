"""Numbers within plausible bounds (issue 18, item 5): every door refuses a value past the bound
of its kind, and nothing the application prints or writes ever says inf or NaN, even from a
database that already holds such values (an older version let them in)."""

import json
import math
import sqlite3

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Indikator, database_proxy
from kinerja_desktop.db.ops_nilai import KunciNilai, Lokasi, NilaiMasuk, plan_values
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.value_text import format_angka, format_persen


def _id(kode: str) -> int:
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020).id


@pytest.mark.parametrize(
    ("kode", "jenis", "periode", "masuk", "alasan"),
    [
        ("KASUBAG-UMUM.02", "realisasi", "202001", Komponen(nilai=1e308), "Nilai jumlah 1e+308"),
        ("KASUBAG-UMUM.02", "realisasi", "202001", Komponen(nilai=10_000_001), "10.000.001"),
        ("SEKCAM.02", "realisasi", "202001", Komponen(pembilang=5, penyebut=2e7), "Penyebut"),
        ("KASUBAG-UMUM.02", "target", "2020", Target(1e308), "Target 1e+308"),
        ("SEKCAM.02", "target", "2020", Target(90, 150), "Target 150 terlalu besar"),
    ],
)
def test_the_check_behind_grid_paste_csv_and_desa_refuses_past_the_bound(
    db, kode, jenis, periode, masuk, alasan
):
    nilai = {"target": masuk} if jenis == "target" else {"komponen": masuk}
    lokasi = Lokasi.sel_buku("Isian", "C5")
    m = NilaiMasuk(KunciNilai(jenis, _id(kode), periode), lokasi=lokasi, **nilai)
    [tolak] = plan_values([m]).ditolak
    assert tolak.lokasi == lokasi and alasan in tolak.alasan and "paling besar" in tolak.alasan


def test_a_negative_or_nan_target_is_refused_where_it_is_written(db):
    """Through the value writer too, not only when typed: nothing is stored."""
    lokasi = Lokasi.sel_buku("Isian", "C5")
    masuk = [
        NilaiMasuk(KunciNilai("target", _id(kode), "2020"), lokasi=lokasi, target=target)
        for kode, target in (("KASUBAG-UMUM.02", Target(-4)), ("SEKCAM.02", Target(float("nan"))))
    ]
    tolak = plan_values(masuk).ditolak
    assert [(t.lokasi, t.alasan) for t in tolak] == [
        (lokasi, "Target tidak boleh negatif (-4); isi 0 atau lebih."),
        (lokasi, "Target bukan angka; isi angka 0 atau lebih."),
    ]


def test_working_days_fit_the_period(db):
    kehadiran = Indikator.get(Indikator.jenis == "kehadiran", Indikator.tahun == 2020)

    def masuk(periode: str, hari: int) -> NilaiMasuk:
        k = Komponen(pegawai=10, hari_kerja=hari, hari_tidak_masuk=0)
        return NilaiMasuk(KunciNilai("realisasi", kehadiran.id, periode), komponen=k)

    [tolak] = plan_values([masuk("202002", 30)]).ditolak
    assert "lebih banyak dari jumlah hari Februari 2020 (29 hari)" in tolak.alasan
    # a triwulan value (an indicator reported per triwulan) may count a triwulan's days
    Indikator.update(frekuensi="triwulanan").where(Indikator.id == kehadiran.id).execute()
    assert not plan_values([masuk("202002", 20), masuk("2020Q1", 60)]).ditolak


def test_the_bound_itself_is_accepted(db):
    m = NilaiMasuk(
        KunciNilai("realisasi", _id("KASUBAG-UMUM.02"), "202001"),
        komponen=Komponen(nilai=10_000_000),
    )
    assert len(plan_values([m]).baru) == 1


def test_numbers_print_no_inf_or_nan():
    for x in (math.inf, -math.inf, math.nan):
        assert format_angka(x) == "—" and format_persen(x) == "—"


@pytest.fixture
def raksasa(db_path):
    """Values an older version accepted: 1e308 twice in one quarter (their sum is inf) and a
    target of 1e-300 (any realisasi over it is inf percent)."""
    with sqlite3.connect(db_path) as raw:
        (umum,) = raw.execute("SELECT id FROM indikator WHERE kode='KASUBAG-UMUM.02'").fetchone()
        (kesos,) = raw.execute("SELECT id FROM indikator WHERE kode='KASI-KESOS.01'").fetchone()
        raw.execute(
            "INSERT INTO nilai_target (indikator_id, periode, nilai, sumber, diubah) "
            "VALUES (?, '2020', 1e-300, 'entri', '2020-01-01'), (?, '2020', 1, 'entri', '2020')",
            (umum, kesos),
        )
        for bulan in ("202001", "202002"):
            raw.execute(
                "INSERT INTO nilai_realisasi (indikator_id, periode, nilai, sumber, status, "
                "diubah) VALUES (?, ?, 1e308, 'entri', 'draf', '2020-01-01')",
                (umum, bulan),
            )
            raw.execute(
                "INSERT INTO nilai_realisasi (indikator_id, periode, desa_id, nilai, sumber, "
                "status, diubah) VALUES (?, ?, 1, 1e308, 'entri', 'draf', '2020-01-01')",
                (kesos, bulan),
            )
    return db_path


def _run(db_path, capsys, *args):
    code = main(["--db", str(db_path), *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _tanpa_inf(teks: str) -> None:
    kata = set(teks.lower().replace("%", " ").split())
    assert not kata & {"inf", "-inf", "nan", "infinity", "inf%"}, teks


def test_capaian_of_a_database_holding_huge_values_prints_no_inf(raksasa, capsys, tmp_path):
    out = _run(raksasa, capsys, "capaian", "--tahun", "2020", "--periode", "2020Q1")
    _tanpa_inf(out)
    data = _run(raksasa, capsys, "capaian", "--tahun", "2020", "--periode", "2020Q1", "--json")

    def tolak(konstanta: str) -> None:
        raise AssertionError(f"JSON holds {konstanta}")

    json.loads(data, parse_constant=tolak)
    pdf = tmp_path / "capaian.pdf"
    _run(
        raksasa,
        capsys,
        "report",
        "capaian",
        "--tahun",
        "2020",
        "--periode",
        "2020Q1",
        "--out",
        str(pdf),
    )
    _tanpa_inf(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
    _run(
        raksasa,
        capsys,
        "kirim",
        "--tahun",
        "2020",
        "--periode",
        "2020Q1",
        "--out",
        str(tmp_path / "paket"),
    )
    buku = tmp_path / "capaian.xlsx"
    _run(
        raksasa,
        capsys,
        "report",
        "capaian",
        "--tahun",
        "2020",
        "--periode",
        "2020Q1",
        "--out",
        str(buku),
    )
    sel = [c.value for ws in load_workbook(buku) for row in ws.iter_rows() for c in row]
    assert not [v for v in sel if isinstance(v, float) and not math.isfinite(v)]
    _tanpa_inf(" ".join(str(v) for v in sel if v is not None))


def test_only_plain_digits_are_a_number():
    from kinerja_desktop.domain.capaian import parse_angka
    from kinerja_desktop.errors import DataTidakValid

    assert parse_angka(" 12,5 ") == 12.5
    for teks in ("1_000", "١٢", "１２", "1e999", "nan"):
        with pytest.raises(DataTidakValid, match="bukan angka"):
            parse_angka(teks)
