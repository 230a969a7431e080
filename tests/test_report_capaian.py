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
    "SEKCAM.02,202001,,realisasi,,45,50\n"
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


def test_pdf_report(capsys, db_url, tmp_path):
    _isi(capsys, db_url, tmp_path)
    out = tmp_path / "Capaian-2020Q1.pdf"
    code, stdout, _ = run(
        capsys, db_url, "report", "capaian", "--tahun", "2020", "--periode", "2020Q1",
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
        # a derived target is in its cell with the word the rules section explains
        "90–100% otomatis",
        "Target otomatis: target triwulan/bulan yang tidak diisi dihitung dari target",
    ):
        assert expected in text, expected
    assert "Target bertanda *" not in text and "turunan" not in text
    fonts = {
        f.get_object()["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()
    }
    assert all("DejaVuSans" in f for f in fonts), fonts  # only the embedded report font


def test_xlsx_report(capsys, db_url, tmp_path):
    _isi(capsys, db_url, tmp_path)
    out = tmp_path / "capaian.xlsx"
    code, _, _ = run(
        capsys, db_url, "report", "capaian", "--tahun", "2020", "--periode", "2020Q1",
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


def test_refusals(capsys, db_url, tmp_path):
    code, _, err = run(
        capsys, db_url, "report", "capaian", "--tahun", "2020", "--periode", "2021Q1",
        "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "bukan bagian dari tahun 2020" in err
    code, _, err = run(
        capsys, db_url, "report", "capaian", "--tahun", "2020", "--periode", "2020",
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


def test_xlsx_layout_reads_right_through_libreoffice_widths(capsys, db_path, tmp_path):
    """What LibreOffice showed: titles squeezed into the 5-wide column A, wrapped text over
    the next row, "belum ada dat" cut. Titles now span the table; every wrapped row is as
    tall as its text; "belum ada data" fits or wraps."""
    from kinerja_desktop.reports.capaian_xlsx import HURUF_PER_SATUAN, TINGGI_BARIS
    from kinerja_desktop.workbook import baris_terbungkus

    _isi(capsys, db_path, tmp_path)
    out = tmp_path / "capaian.xlsx"
    run(capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode", "2020Q1",
        "--out", str(out))  # fmt: skip
    wb = openpyxl.load_workbook(out)
    rekap = wb["Rekap"]
    merged = {str(r) for r in rekap.merged_cells.ranges}
    assert {"A1:F1", "A2:F2"} <= merged
    assert "A1:I1" in {str(r) for r in wb["Per Jabatan"].merged_cells.ranges}
    for ws in wb.worksheets:
        spans = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                span = spans.get((cell.row, cell.column))
                cols = range(span.min_col, span.max_col + 1) if span else [cell.column]
                width = sum(
                    ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in cols
                )
                if not cell.alignment.wrap_text:
                    assert len(cell.value) <= width, (ws.title, cell.coordinate)
                    continue
                lines = baris_terbungkus(cell.value, width, HURUF_PER_SATUAN)
                if lines > 1:
                    height = ws.row_dimensions[cell.row].height
                    assert height and height >= lines * TINGGI_BARIS, (ws.title, cell.coordinate)
    # the chart names the jabatan (column C), not their codes
    chart = rekap._charts[0]
    assert chart.series[0].cat.numRef.f == "'Rekap'!$C$5:$C$26"
    names = [rekap.cell(r, 3).value for r in range(5, 27)]
    assert "Pengadministrasi Pemerintahan (ADM-PEM-1)" in names  # two share the title
    assert len(set(names)) == len(names)


def test_pdf_reads_without_run_on_lists_codes_in_the_chart_or_silent_outliers(db, tmp_path):
    from reportlab.graphics.shapes import Line, String

    from kinerja_desktop.db.models import SUMBER_ENTRI, Indikator
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, apply_plan, plan_values
    from kinerja_desktop.domain.capaian import Komponen, Target
    from kinerja_desktop.reports.capaian_data import build_capaian_report
    from kinerja_desktop.reports.capaian_pdf import _chart, render_capaian_pdf

    ind = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASUBAG-UMUM.01").id
    apply_plan(
        plan_values(
            [
                NilaiMasuk(KunciNilai("target", ind, "2020Q1"), target=Target(1)),
                NilaiMasuk(KunciNilai("realisasi", ind, "202001"), komponen=Komponen(nilai=16)),
            ]
        ),
        SUMBER_ENTRI,
    )
    laporan = build_capaian_report(2020, "2020Q1")
    baris = next(b for j in laporan.jabatan for b in j.baris if b.capaian == "1.600,0")
    assert "Periksa: capaian 1.600,0% jauh di atas target" in baris.keterangan
    kasubag = next(j for j in laporan.jabatan if j.kode == "KASUBAG-UMUM")
    assert kasubag.ringkasan.endswith("Periksa angka indikator yang ditandai di kolom Keterangan.")

    gambar = _chart(laporan, 480)
    teks = [s.text for s in gambar.contents if isinstance(s, String)]
    assert "Kasubag Umum, Kepegawaian, Keuangan dan Aset" in teks
    assert "KASUBAG-UMUM" not in teks and "SEKCAM" not in teks
    # the 100% line runs only beside bars: one short dashed piece per jabatan with capaian
    garis = [g for g in gambar.contents if isinstance(g, Line)]
    assert len(garis) == sum(1 for j in laporan.jabatan if j.capaian is not None)

    out = render_capaian_pdf(laporan, tmp_path / "c.pdf", "a4")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    n = len(laporan.desa_tanpa_data)
    assert f"yang belum ada datanya pada Triwulan I 2020 ({n} indikator)" in text
    assert "; KASI-KESOS" not in text  # no run-on paragraph of codes


def test_signature_defaults_to_the_end_of_the_period_and_can_be_changed(capsys, db_path, tmp_path):
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.models import Pegawai

    out = tmp_path / "c.pdf"

    def ttd(*opsi):
        code, _, err = run(capsys, db_path, "report", "capaian", "--tahun", "2020",
                           "--periode", "2020Q1", "--out", str(out), *opsi)  # fmt: skip
        assert code == 0, err
        return " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())

    text = ttd()
    assert "Kepanjen, 31 Maret 2020 CAMAT KEPANJEN" in text  # not "Januari 2020"
    assert "ABAI SALEH, S.Sos., MM" in text

    open_database(db_path)
    lain = Pegawai.create(nama="Siti Aminah", nip="198203142006042001", pangkat="III/b")
    database_proxy.obj.close()
    database_proxy.initialize(None)
    text = ttd("--tempat", "Malang", "--tanggal", "2020-04-05", "--penandatangan",
               "19820314 200604 2 001", "--jabatan-ttd", "a.n. CAMAT KEPANJEN")  # fmt: skip
    assert "Malang, 5 April 2020 a.n. CAMAT KEPANJEN" in text
    assert lain.nama in text and "NIP. 19820314 200604 2 001" in text
    assert "ABAI SALEH" not in text

    code, _, err = run(capsys, db_path, "report", "capaian", "--tahun", "2020", "--periode",
                       "2020Q1", "--out", str(out), "--penandatangan", "123")  # fmt: skip
    assert code == 1 and "Tidak ada pegawai dengan NIP 123" in err


def test_a_retired_desa_is_not_listed_as_missing_after_it_was_retired(capsys, db_path, tmp_path):
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.reports.capaian_data import build_capaian_report

    _isi(capsys, db_path, tmp_path)  # Kemiri (2001) reported January, 2002 February
    code, _, err = run(
        capsys, db_path, "kantor", "desa", "nonaktif", "35.07.13.2002", "--sejak", "2020-04"
    )
    assert code == 0, err
    berkas = tmp_path / "tw2.csv"
    berkas.write_text(
        NILAI.splitlines()[0] + "\nKASI-KESOS.01,202004,35.07.13.2001,realisasi,3,,\n"
    )
    assert run(capsys, db_path, "nilai", "impor", str(berkas))[0] == 0

    db = open_database(db_path)
    try:
        tw1 = next(
            t for t in build_capaian_report(2020, "2020Q1").desa if t.kode == "KASI-KESOS.01"
        )
        tw2 = next(
            t for t in build_capaian_report(2020, "2020Q2").desa if t.kode == "KASI-KESOS.01"
        )
    finally:
        db.close()
        database_proxy.initialize(None)
    names_tw1 = [n for n, _ in tw1.baris]
    names_tw2 = [n for n, _ in tw2.baris]
    assert len(names_tw1) == 18 and tw1.lapor == 2  # still active in TW I, and it reported
    assert len(names_tw2) == 17 and tw2.lapor == 1  # retired in April: not "belum ada data"
    assert set(names_tw1) - set(names_tw2) == {"Desa Sengguruh"}
