"""The decree header of a year: edited on the command line, printed with marked blanks."""

import json
import sqlite3

from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if database_proxy.obj is not None:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    return code, out, err


def test_show_the_built_in_header(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "keputusan", "--tahun", 2020, "--json")
    kepala = json.loads(out)
    assert code == 0
    assert kepala["nomor"] == "188.45/      /35.07.13/2020"
    assert (kepala["tempat"], kepala["bulan"], kepala["hari"]) == ("Kepanjen", 1, None)
    assert kepala["penandatangan"] == "ABAI SALEH, S.Sos., MM"
    assert kepala["golongan"] == "IV/b"


def test_edit_the_header_and_a_new_signatory(capsys, db_path, tmp_path):
    code, out, err = run(
        capsys, "--db", db_path, "keputusan", "atur", "--tahun", 2020,
        "--nomor", "188.45/7/35.07.13/2020", "--tempat", "Kepanjen", "--bulan", 2, "--hari", 3,
        "--jabatan-penandatangan", "CAMAT KEPANJEN", "--nip", "19700101 199001 1 001",
        "--nama", "Budi Santoso, S.H.", "--golongan", "IV/a",
    )  # fmt: skip
    assert code == 0, err
    assert "Nomor keputusan       : 188.45/7/35.07.13/2020" in out
    assert "Tanggal               : 3 Februari 2020" in out
    assert "Budi Santoso, S.H., NIP 19700101 199001 1 001, Pembina (IV/a)" in out
    pdf = tmp_path / "iki.pdf"
    assert run(capsys, "--db", db_path, "report", "iki", "--tahun", 2020, "--out", pdf)[0] == 0
    teks = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "188.45/7/35.07.13/2020" in teks and "Kepanjen, 3 Februari 2020" in teks
    assert "Budi Santoso, S.H." in teks and "19700101 199001 1 001" in teks
    assert "ABAI SALEH" not in teks


def test_wrong_header_values_are_refused(capsys, db_path):
    base = ("--db", db_path, "keputusan", "atur", "--tahun", 2020)
    code, _, err = run(capsys, *base, "--bulan", 2, "--hari", 30)
    assert code == 1 and "Tanggal 30 tidak ada pada bulan itu (1 sampai 29)" in err
    code, _, err = run(capsys, *base, "--bulan", 13)
    assert code == 1 and "Bulan 13 tidak ada" in err
    code, _, err = run(capsys, *base, "--nip", "123")
    assert code == 1 and "NIP" in err
    code, _, err = run(capsys, *base, "--nip", "197001011990011001")
    assert code == 1 and "tulis juga namanya" in err
    code, _, err = run(
        capsys, "--db", db_path, "keputusan", "atur", "--tahun", 2031, "--nomor", "x"
    )
    assert code == 1 and "Tahun 2031 tidak ada" in err


def test_a_year_without_a_header_prints_marked_blanks_never_kepanjen(capsys, tmp_path):
    db = tmp_path / "sumberpucung.sqlite3"
    args = ("--db", db, "kantor", "baru", "--kode", "35.07.12", "--contoh", "--tahun", 2026)
    assert run(capsys, *args)[0] == 0
    pdf, xlsx = tmp_path / "iki.pdf", tmp_path / "iki.xlsx"
    for target in (pdf, xlsx):
        assert run(capsys, "--db", db, "report", "iki", "--tahun", 2026, "--out", target)[0] == 0
    teks = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "kepanjen" not in teks.lower() and "ABAI" not in teks
    assert "NOMOR" in teks and "………" in teks
    assert "CAMAT SUMBERPUCUNG" in teks and "NIP. ………" in teks
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    sel = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert "kepanjen" not in sel.lower() and "NOMOR     : ………" in sel
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT nomor_keputusan FROM tahun").fetchone() == ("",)
