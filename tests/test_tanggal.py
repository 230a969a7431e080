"""Dates, times and desa names as every screen and report writes them."""

from datetime import date, datetime

from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu
from kinerja_desktop.domain.wilayah import nama_desa_lengkap


def test_time_reads_as_indonesian_from_a_datetime_or_the_stored_iso_text():
    assert format_waktu(datetime(2026, 11, 29, 1, 38, 13)) == "29 November 2026 01.38"
    assert format_waktu("2026-11-29T01:38:13") == "29 November 2026 01.38"
    assert format_waktu("kemarin") == "kemarin"  # an odd stored text is shown, not lost
    assert format_tanggal(date(2020, 3, 31)) == "31 Maret 2020"


def test_desa_are_named_with_their_kind():
    assert nama_desa_lengkap("desa", "Kemiri") == "Desa Kemiri"
    assert nama_desa_lengkap("kelurahan", "Kepanjen") == "Kelurahan Kepanjen"
    assert nama_desa_lengkap("desa adat", "Tenganan") == "Desa Adat Tenganan"  # code .3xxx
