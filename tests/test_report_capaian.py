"""The capaian report: PDF and Excel from the command line, as the kabupaten would read them."""

import openpyxl
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy

NILAI = (
    "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    "KASUBAG-UMUM.02,2020,,target,8,,\n"
    "KASUBAG-UMUM.02,202001,,realisasi,1,,\n"
    "SEKCAM.02,2020,,target,90-100,,\n"
    "SEKCAM.02,2020Q1,,realisasi,,45,50\n"
    "KASI-KESOS.01,2020,,target,36,,\n"
    "KASI-KESOS.01,202001,35.07.13.2001,realisasi,4,,\n"
    "KASI-KESOS.01,202002,35.07.13.2002,realisasi,5,,\n"
)


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *args])
    database_proxy.initialize(None)
    return code, *capsys.readouterr()


def _isi(capsys, db_path, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(NILAI, encoding="utf-8")
    assert run(capsys, db_path, "nilai", "impor", str(berkas))[0] == 0


def test_pdf_report(capsys, db_path, tmp_path):
    _isi(capsys, db_path, tmp_path)
    out = tmp_path / "Capaian-2020Q1.pdf"
    code, stdout, _ = run(
        capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode", "2020Q1",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0 and "Triwulan I 2020" in stdout
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (
        "LAPORAN CAPAIAN INDIKATOR KINERJA INDIVIDU",
        "KECAMATAN KEPANJEN — TRIWULAN I 2020",
        "REKAPITULASI CAPAIAN PER JABATAN",
        "Grafik capaian per jabatan",
        "Sekretaris Kecamatan (SEKCAM)",
        "90,0% (45/50)",
        "belum ada data",
        "REALISASI PER DESA/KELURAHAN",
        "2 dari 18 desa/kelurahan melapor",
        "CAMAT KEPANJEN",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    assert "Helvetica" not in str(reader.pages[0].get("/Resources"))


def test_xlsx_report(capsys, db_path, tmp_path):
    _isi(capsys, db_path, tmp_path)
    out = tmp_path / "capaian.xlsx"
    code, _, _ = run(
        capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode", "2020Q1",
        "--out", str(out), "--kertas", "a4",
    )  # fmt: skip
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Rekap", "Per Jabatan", "Per Desa", "Keterangan"]
    rekap = wb["Rekap"]
    rows = {r[1]: r for r in rekap.iter_rows(min_row=5, values_only=True) if r[1]}
    assert rows["SEKCAM"][4] == 100.0 and rows["SEKCAM"][5] == "Sangat Tinggi"
    assert rows["KASI-PEM"][4] == "belum ada data"
    assert rekap._charts and rekap.page_setup.paperSize == 9
    desa = [c for row in wb["Per Desa"].iter_rows(values_only=True) for c in row if c]
    assert "Jumlah kecamatan" in desa and "belum ada data" in desa


def test_refusals(capsys, db_path, tmp_path):
    code, _, err = run(
        capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode", "2021Q1",
        "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "bukan bagian dari tahun 2020" in err
    code, _, err = run(
        capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode", "2020",
        "--out", str(tmp_path / "x.docx"),
    )  # fmt: skip
    assert code == 1 and ".pdf" in err


def test_jabatan_in_the_order_of_the_iki_decree(db):
    """The capaian report lists jabatan as the decree does: each one's staff follow it."""
    from kinerja_desktop.reports.capaian_data import build_capaian_report
    from kinerja_desktop.reports.iki_data import daftar_jabatan

    dilaporkan = [j.kode for j in build_capaian_report(2020, "2020").jabatan]
    assert dilaporkan == [j.kode for j in daftar_jabatan(2020) if j.kode in dilaporkan]
    # KASUBAG-UMUM comes after every KASI in the stored order, but is the Sekcam's staff
    assert dilaporkan[:2] == ["SEKCAM", "KASUBAG-UMUM"]
