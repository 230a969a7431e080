"""Capaian arithmetic on hand-worked cases (capaian-rules.md)."""

import pytest

from kinerja_desktop.domain.capaian import (
    PITA_BAWAAN,
    Gabungan,
    Komponen,
    Pita,
    Target,
    check_komponen,
    check_target,
    choose_covering,
    compute_capaian,
    kategori,
    merge_desa,
    merge_periode,
    parse_target,
    rata_rata_capaian,
    target_periode,
)
from kinerja_desktop.domain.indikator import Agregasi, Jenis, Polaritas
from kinerja_desktop.domain.periode import bulan, parse_periode, tahun_, triwulan
from kinerja_desktop.errors import DataTidakValid

P, N, R = Polaritas.POSITIF, Polaritas.NEGATIF, Polaritas.RENTANG


def persen(polaritas, target, realisasi):
    return compute_capaian(polaritas, target, realisasi).persen


def test_higher_is_better():
    assert persen(P, Target(12), 9) == pytest.approx(75.0)
    assert persen(P, Target(12), 15) == pytest.approx(125.0)


def test_lower_is_better_examples_from_the_reference():
    # target 7, realisasi 6.5 -> (1 + (1 - 6.5/7)) x 100 = 107.14%
    assert persen(N, Target(7), 6.5) == pytest.approx(107.142857, rel=1e-6)
    # target 8, realisasi 9 -> 87.5%
    assert persen(N, Target(8), 9) == pytest.approx(87.5)


def test_lower_is_better_never_below_zero():
    hasil = compute_capaian(N, Target(2), 7)  # (1 + 1 - 3.5) = -150% by the formula
    assert hasil.persen == 0.0
    assert "negatif" in hasil.catatan


def test_target_zero_rules():
    assert persen(P, Target(0), 0) == 100.0
    assert persen(P, Target(0), 3) == 100.0
    assert persen(N, Target(0), 0) == 100.0
    nol = compute_capaian(N, Target(0), 1)
    assert nol.persen == 0.0 and "Target 0" in nol.catatan


def test_range_targets():
    rentang = Target(80, 100)
    assert persen(R, rentang, 90) == 100.0
    assert persen(R, rentang, 80) == 100.0
    assert persen(R, rentang, 60) == pytest.approx(75.0)  # below: 60/80
    assert persen(R, rentang, 110) == pytest.approx(90.0)  # above: (1 + 1 - 110/100)
    # a range target on a higher-is-better indicator: above the range is more than enough
    assert persen(P, rentang, 110) == pytest.approx(110.0)


def test_missing_data_is_not_zero():
    assert compute_capaian(P, Target(10), None).persen is None
    assert compute_capaian(P, None, 4).persen is None
    assert "target" in compute_capaian(P, None, 4).catatan
    assert kategori(None) is None


def test_default_bands():
    assert [kategori(x).nama for x in (120, 91, 90.5, 76, 75, 66, 65, 51, 50, 0)] == [
        "Sangat Tinggi",
        "Sangat Tinggi",
        "Tinggi",
        "Tinggi",
        "Sedang",
        "Sedang",
        "Rendah",
        "Rendah",
        "Sangat Rendah",
        "Sangat Rendah",
    ]


def test_bands_are_data():
    pita = [Pita(100, "Baik", "#fff"), Pita(60, "Cukup", "#fff"), Pita(0, "Kurang", "#fff")]
    assert kategori(99.9, pita).nama == "Cukup"
    assert kategori(100, pita).nama == "Baik"
    assert len(PITA_BAWAAN) == 5


def months(*pairs):
    return [(bulan(2026, m), Komponen(nilai=v)) for m, v in pairs]


def test_counts_sum_average_and_last_over_months():
    tw1 = choose_covering(months((1, 3), (2, 5), (3, 4)), triwulan(2026, 1))
    assert merge_periode(Jenis.JUMLAH, Agregasi.JUMLAH, tw1).nilai == 12
    assert merge_periode(Jenis.JUMLAH, Agregasi.RATA_RATA, tw1).nilai == 4
    assert merge_periode(Jenis.JUMLAH, Agregasi.TERAKHIR, tw1).nilai == 4


def test_missing_months_are_left_out_and_counted():
    tw1 = choose_covering(months((1, 3), (3, 0)), triwulan(2026, 1))
    g = merge_periode(Jenis.JUMLAH, Agregasi.RATA_RATA, tw1)
    assert g.nilai == 1.5 and g.jumlah_data == 2
    assert merge_periode(Jenis.JUMLAH, Agregasi.JUMLAH, []).nilai is None


def test_month_values_win_over_a_triwulan_total():
    nilai = [(triwulan(2026, 1), Komponen(nilai=10))] + months((1, 3), (2, 4))
    dipilih = choose_covering(nilai, tahun_(2026))
    # the months of TW I are reported, so the TW I total is not added on top
    assert [p.id for p, _ in dipilih] == ["202601", "202602"]
    only_q = choose_covering([(triwulan(2026, 1), Komponen(nilai=10))], tahun_(2026))
    assert merge_periode(Jenis.JUMLAH, Agregasi.JUMLAH, only_q).nilai == 10


def test_ratio_rolls_up_as_sum_over_sum_across_desa_and_quarters():
    # desa A: Q1 1/2, Q2 9/10 ; desa B: Q1 30/40 (no Q2)
    a = [
        (triwulan(2026, 1), Komponen(pembilang=1, penyebut=2)),
        (triwulan(2026, 2), Komponen(pembilang=9, penyebut=10)),
    ]
    b = [(triwulan(2026, 1), Komponen(pembilang=30, penyebut=40))]
    s1 = parse_periode("2026S1")
    ga = merge_periode(Jenis.PERSENTASE, Agregasi.JUMLAH, choose_covering(a, s1))
    gb = merge_periode(Jenis.PERSENTASE, Agregasi.JUMLAH, choose_covering(b, s1))
    assert ga.nilai == pytest.approx(10 / 12 * 100)
    total = merge_desa(Jenis.PERSENTASE, [ga, gb])
    # Σ = 40 / 52 = 76.92%, not the mean of 50%, 90% and 75% (71.67%)
    assert total.nilai == pytest.approx(40 / 52 * 100)
    assert total.jumlah_data == 3


def test_counts_add_up_over_desa_without_missing_desa():
    total = merge_desa(
        Jenis.JUMLAH, [Gabungan(3, jumlah_data=1), Gabungan(None), Gabungan(0, jumlah_data=1)]
    )
    assert total.nilai == 3 and total.jumlah_data == 2
    assert merge_desa(Jenis.JUMLAH, [Gabungan(None), Gabungan(None)]).nilai is None


def test_attendance_formula_with_240_days():
    # 10 pegawai, 20 effective days in January, 8 days absent in all: (200 - 8) / 200 = 96%
    jan = Komponen(pegawai=10, hari_kerja=20, hari_tidak_masuk=8)
    feb = Komponen(pegawai=10, hari_kerja=20, hari_tidak_masuk=2)
    assert jan.nilai_tampil(Jenis.KEHADIRAN) == pytest.approx(96.0)
    g = merge_periode(
        Jenis.KEHADIRAN, Agregasi.JUMLAH, [(bulan(2026, 1), jan), (bulan(2026, 2), feb)]
    )
    assert g.nilai == pytest.approx(390 / 400 * 100)
    # a whole year: 12 pegawai x 240 days, 144 days absent -> 95%
    tahun = Komponen(pegawai=12, hari_kerja=240, hari_tidak_masuk=144)
    assert tahun.nilai_tampil(Jenis.KEHADIRAN) == pytest.approx(95.0)


def test_derived_targets():
    annual = {tahun_(2026): Target(12)}
    tw, turunan = target_periode(annual, triwulan(2026, 2), Jenis.JUMLAH, Agregasi.JUMLAH)
    assert tw == Target(3) and turunan
    jan, _ = target_periode(annual, bulan(2026, 1), Jenis.JUMLAH, Agregasi.JUMLAH)
    assert jan == Target(1)
    pct = {tahun_(2026): Target(100)}
    assert target_periode(pct, triwulan(2026, 1), Jenis.PERSENTASE, Agregasi.JUMLAH)[0] == Target(
        100
    )
    per_tw = {triwulan(2026, q): Target(q) for q in range(1, 5)}
    year, turunan = target_periode(per_tw, tahun_(2026), Jenis.JUMLAH, Agregasi.JUMLAH)
    assert year == Target(10) and turunan
    # a typed triwulan target wins over the annual share
    both = {tahun_(2026): Target(12), triwulan(2026, 1): Target(6)}
    assert target_periode(both, triwulan(2026, 1), Jenis.JUMLAH, Agregasi.JUMLAH) == (
        Target(6),
        False,
    )
    assert target_periode({}, tahun_(2026), Jenis.JUMLAH, Agregasi.JUMLAH) == (None, False)


def test_target_text():
    assert parse_target("80-100") == Target(80, 100)
    assert parse_target("80 – 100") == Target(80, 100)
    assert parse_target("12,5") == Target(12.5)
    assert Target(80, 100).teks == "80-100"
    for bad, reason in (("abc", "bukan angka"), ("-3", "negatif"), ("100-80", "batas bawah")):
        with pytest.raises(DataTidakValid, match=reason):
            parse_target(bad)


@pytest.mark.parametrize(
    ("jenis", "komponen", "alasan"),
    [
        (Jenis.JUMLAH, Komponen(nilai=-1), "negatif"),
        (Jenis.JUMLAH, Komponen(nilai=2.5), "bilangan bulat"),
        (Jenis.JUMLAH, Komponen(), "wajib diisi"),
        (Jenis.PERSENTASE, Komponen(pembilang=5, penyebut=4), "lebih besar dari penyebut"),
        (Jenis.PERSENTASE, Komponen(pembilang=0, penyebut=0), "tidak boleh 0"),
        (Jenis.PERSENTASE, Komponen(nilai=80), "pembilang dan penyebut"),
        (Jenis.KEHADIRAN, Komponen(pegawai=2, hari_kerja=20, hari_tidak_masuk=41), "lebih banyak"),
    ],
)
def test_invalid_values_are_refused_with_the_reason(jenis, komponen, alasan):
    with pytest.raises(DataTidakValid, match=alasan):
        check_komponen(jenis, komponen)


@pytest.mark.parametrize(
    ("jenis", "target", "alasan"),
    [
        (Jenis.JUMLAH, Target(-3), "Target tidak boleh negatif (-3); isi 0 atau lebih."),
        (Jenis.PERSENTASE, Target(-10, 90), "Target tidak boleh negatif (-10)"),
        (Jenis.JUMLAH, Target(float("nan")), "Target bukan angka; isi angka 0 atau lebih."),
        (Jenis.KEHADIRAN, Target(80, float("nan")), "Target bukan angka"),
        (Jenis.JUMLAH, Target(float("-inf")), "Target bukan angka"),
        (Jenis.JUMLAH, Target(float("inf")), "Target bukan angka"),
        (Jenis.PERSENTASE, Target(101), "Target 101 terlalu besar (paling besar 100)"),
    ],
)
def test_a_target_called_directly_is_refused_with_the_reason(jenis, target, alasan):
    """The one check refuses what parse_target would, whoever built the Target."""
    with pytest.raises(DataTidakValid) as refused:
        check_target(jenis, target)
    assert alasan in refused.value.pesan


def test_a_plain_target_and_a_range_pass_the_check():
    check_target(Jenis.JUMLAH, Target(0))
    check_target(Jenis.PERSENTASE, Target(80, 100))


def test_jabatan_capaian_is_the_mean_over_indicators_with_data():
    assert rata_rata_capaian([100, None, 50]) == (75, 2, 3)
    assert rata_rata_capaian([None]) == (None, 0, 1)


def test_ceiling_caps_capaian_and_says_what_was_computed():
    from kinerja_desktop.domain.capaian import HasilCapaian, Penilaian

    tanpa = Penilaian()
    assert tanpa.cap(HasilCapaian(150.5)).persen == 150.5  # none by default
    assert "tidak dibatasi" in tanpa.aturan[-1]
    atas = Penilaian(batas_atas=120)
    hasil = atas.cap(HasilCapaian(150.5))
    assert (hasil.persen, hasil.sebelum_batas) == (120, 150.5)
    assert hasil.catatan == "Dihitung 150,5%, ditulis batas atas 120%."
    assert atas.cap(HasilCapaian(110.0)).persen == 110.0
    assert atas.cap(HasilCapaian(None, "Belum ada target.")).persen is None
    assert atas.kategori(hasil.persen).nama == "Sangat Tinggi"
    assert atas.aturan[-1].startswith("Batas atas capaian 120%")


def test_report_rules_carry_the_ceiling(db):
    from kinerja_desktop.db.ops_pita import set_batas_atas
    from kinerja_desktop.reports.capaian_data import build_capaian_report

    assert "tidak dibatasi ke atas" in build_capaian_report(2020, "2020").aturan[-1]
    set_batas_atas(120)
    assert build_capaian_report(2020, "2020").aturan[-1].startswith("Batas atas capaian 120%")
