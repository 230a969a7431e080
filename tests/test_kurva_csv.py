"""The distribution curve as a CSV file edited in a spreadsheet and read back: every rule is
checked as the store checks it while the line is still known, Excel's own CSV (semicolons)
reads, and every refusal names the file and the line in Indonesian."""

import pytest

from kinerja_desktop.domain.skp import KURVA_BAWAAN, AturanKurva
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.kurva_csv import KOLOM, read_kurva_csv, write_kurva_csv

KEPALA = ",".join(KOLOM)


def tolakan(path) -> str:
    with pytest.raises(DataTidakValid) as info:
        read_kurva_csv(path)
    return info.value.pesan


def test_the_curve_written_reads_back_the_same(tmp_path):
    berkas = write_kurva_csv(list(KURVA_BAWAAN), tmp_path / "kurva.csv")
    assert read_kurva_csv(berkas) == list(KURVA_BAWAAN)


def test_a_rule_the_store_would_refuse_is_refused_with_its_line(tmp_path):
    berkas = tmp_path / "kurva.csv"
    berkas.write_text(f"{KEPALA}\nBaik,Baik,,60,0\nBaik,Luar Biasa,,60,0\n", "utf-8")
    assert tolakan(berkas).startswith("Berkas kurva.csv baris 3: Predikat 'Luar Biasa' tidak")
    berkas.write_text(f"{KEPALA}\nBaik,Baik,,160,0\n", "utf-8")
    assert tolakan(berkas) == "Berkas kurva.csv baris 2: Batas 160% di luar 0–100%."
    berkas.write_text(f"{KEPALA}\nBaik,Baik,,enam puluh,0\n", "utf-8")
    assert tolakan(berkas).startswith("Berkas kurva.csv baris 2: Isian paling_banyak")


def test_a_part_of_a_person_is_refused_not_rounded_away(tmp_path):
    berkas = tmp_path / "kurva.csv"
    berkas.write_text(f"{KEPALA}\nBaik,Butuh Perbaikan,,,\"1,5\"\n", "utf-8")
    assert "baris 2: Isian minimal_orang '1,5' bukan bilangan bulat" in tolakan(berkas)


def test_excel_csv_with_semicolons_and_lowercase_words_reads(tmp_path):
    berkas = tmp_path / "kurva.csv"
    berkas.write_bytes(f"{KEPALA.replace(',', ';')}\r\nbaik;kurang;;10;0\r\n".encode("cp1252"))
    assert read_kurva_csv(berkas) == [AturanKurva("Baik", ("Kurang/Misconduct",), None, 10.0, 0)]


def test_a_missing_file_is_told_in_indonesian(tmp_path):
    pesan = tolakan(tmp_path / "tidak-ada.csv")
    assert "tidak ditemukan" in pesan and "No such file" not in pesan
