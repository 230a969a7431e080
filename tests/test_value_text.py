"""Cell text: Indonesian numbers shown, the forms typed, and refusals with an example."""

import pytest

from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.value_text import (
    format_angka,
    format_cell_komponen,
    format_cell_target,
    format_persen,
    parse_cell_komponen,
    parse_cell_target,
    teks_target,
)
from kinerja_desktop.errors import DataTidakValid


def test_indonesian_numbers():
    assert format_angka(1234567) == "1.234.567"
    assert format_angka(12.5) == "12,5"
    assert format_persen(87.5432) == "87,5%"
    assert format_persen(100) == "100,0%"


def test_typed_forms_round_trip():
    cases = [
        (Jenis.JUMLAH, "12", Komponen(nilai=12)),
        (Jenis.PERSENTASE, "45/50", Komponen(pembilang=45, penyebut=50)),
        (Jenis.KEHADIRAN, "12/20/5", Komponen(pegawai=12, hari_kerja=20, hari_tidak_masuk=5)),
    ]
    for jenis, teks, komponen in cases:
        assert parse_cell_komponen(jenis, teks, 20) == komponen
        assert format_cell_komponen(jenis, komponen) == teks
    assert parse_cell_komponen(Jenis.KEHADIRAN, "12/5", 20) == Komponen(
        pegawai=12, hari_kerja=20, hari_tidak_masuk=5
    )
    assert parse_cell_komponen(Jenis.JUMLAH, "  ", 20) is None  # empty: no data
    assert parse_cell_target("80-100") == Target(80, 100)
    assert format_cell_target(Target(80, 100)) == "80-100"
    assert teks_target(Target(80, 100), Jenis.PERSENTASE) == "80–100%"
    assert parse_cell_target("") is None


@pytest.mark.parametrize(
    ("jenis", "teks", "alasan"),
    [
        (Jenis.JUMLAH, "tiga", "bukan angka. Isi bilangan bulat"),
        (Jenis.PERSENTASE, "90", "pembilang/penyebut, misalnya 45/50"),
        (Jenis.KEHADIRAN, "1/2/3/4", "misalnya 12/20/5"),
    ],
)
def test_wrong_forms_say_what_to_type(jenis, teks, alasan):
    with pytest.raises(DataTidakValid, match=alasan):
        parse_cell_komponen(jenis, teks, 20)


def test_rupiah_is_written_the_indonesian_way_and_read_back_from_what_people_type():
    from kinerja_desktop.domain.value_text import format_rupiah, parse_rupiah

    assert format_rupiah(1_250_000) == "Rp 1.250.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(-250_000) == "-Rp 250.000"
    assert format_rupiah(5_250_000_000) == "Rp 5.250.000.000"
    assert format_rupiah(None) == ""
    for teks in ("Rp 1.250.000", "1250000", "1.250.000", "rp1.250.000", "Rp. 1.250.000,-",
                 "1.250.000,00", "1,250,000", " IDR 1250000 ", "1250000.00"):  # fmt: skip
        assert parse_rupiah(teks) == 1_250_000, teks
    assert parse_rupiah("0") == 0 and parse_rupiah("  ") is None
    assert parse_rupiah("Rp 750") == 750
    for teks, pesan in [
        ("1.250,50", "tanpa sen"),
        ("1.25", "tanpa sen"),
        ("12a", "bukan jumlah Rupiah"),
        ("-5000", "tidak boleh negatif"),
        ("Rp 5.000.000.000.000", "terlalu besar"),
        ("١٢", "bukan jumlah Rupiah"),
    ]:
        with pytest.raises(DataTidakValid, match=pesan):
            parse_rupiah(teks, "Realisasi anggaran")
