"""The IKI decree as PDF and Excel: read back and checked as the operator would check them."""

import re
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop import settings
from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Indikator, SubIndikator, database_proxy
from kinerja_desktop.errors import DataTidakValid, LingkunganBermasalah
from kinerja_desktop.reports.iki import export_iki
from kinerja_desktop.reports.iki_data import build_iki_report, daftar_jabatan
from kinerja_desktop.reports.iki_xlsx import unique_sheet_names

F4_POINTS = (215 * 72 / 25.4, 330 * 72 / 25.4)
A4_POINTS = (210 * 72 / 25.4, 297 * 72 / 25.4)
HEADER = "SASARAN/KINERJA UTAMA"


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare equal to the stored text."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def decree(tmp_path_factory, seeded_db_template):
    """The whole 2020 decree written once as PDF (F4) and Excel, with the data it came from."""
    folder = tmp_path_factory.mktemp("decree")
    shutil.copyfile(seeded_db_template, folder / "kinerja.sqlite3")
    db = open_database(folder / "kinerja.sqlite3")
    try:
        laporan = build_iki_report(2020)
        pdf = export_iki(2020, folder / "IKI-2020.pdf", kertas="f4")
        xlsx = export_iki(2020, folder / "IKI-2020.xlsx", kertas="f4")
    finally:
        db.close()
        database_proxy.initialize(None)
    return laporan, pdf, xlsx


@pytest.fixture(scope="module")
def pdf_pages(decree):
    return [page.extract_text() for page in PdfReader(decree[1]).pages]


def test_jabatan_in_tree_order(db):
    kode = [j.kode for j in daftar_jabatan(2020)]
    assert len(kode) == 22
    assert kode[:3] == ["SEKCAM", "KASUBAG-UMUM", "PGL-KEPEG"]
    # staff follow their Kasubag before the next Kasubag; then the next Kasi
    assert kode.index("PRAMU") < kode.index("KASUBAG-PEP") < kode.index("KASI-PEM")
    assert kode.index("KASI-PEM") < kode.index("OD-PEM") < kode.index("KASI-KESOS")


def test_pdf_is_f4_with_numbered_pages_and_embedded_fonts(decree):
    reader = PdfReader(decree[1])
    total = len(reader.pages)
    assert total >= 22  # every jabatan starts on its own page
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(F4_POINTS[0], abs=0.5)
        assert height == pytest.approx(F4_POINTS[1], abs=0.5)
        assert f"Halaman {number} dari {total}" in page.extract_text()
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_pdf_holds_every_jabatan_tugas_indicator_and_the_signatory(decree, pdf_pages):
    laporan = decree[0]
    text = flat(" ".join(pdf_pages))
    assert "LAMPIRAN KEPUTUSAN CAMAT KEPANJEN" in text
    assert "188.45/" in text and "/35.07.13/2020" in text
    assert "KECAMATAN KEPANJEN KABUPATEN MALANG" in text
    assert len(laporan.jabatan) == 22
    missing = []
    for jabatan in laporan.jabatan:
        expected = [jabatan.nama, *jabatan.tugas, *jabatan.fungsi]
        expected += [s.teks for s in jabatan.sasaran]
        expected += [ind.nama for ind in jabatan.indikator]
        missing += [t for t in expected if flat(t) not in text]
    assert missing == []
    assert sum(len(j.indikator) for j in laporan.jabatan) == 84
    last = flat(pdf_pages[-1])
    for line in (
        "Kepanjen, Januari 2020",
        "CAMAT KEPANJEN",
        "ABAI SALEH, S.Sos., MM",
        "Pembina Tingkat I",
        "NIP. 19690505 199009 1 002",
    ):
        assert line in last


def test_pdf_draws_fractions_and_symbols(pdf_pages):
    first = flat(pdf_pages[0])
    assert "Σ Pengajuan yang dicairkan" in first
    assert "× 100%" in first
    # a fraction, not the one-line "a / b" form and never LaTeX source
    assert "/ (Σ" not in first and "\\frac" not in first
    assert "❖" in first


def test_pdf_header_repeats_only_at_the_top_of_continued_pages(pdf_pages):
    continued = 0
    for text in pdf_pages:
        lines = [line for line in text.splitlines() if line.strip()]
        header_lines = [i for i, line in enumerate(lines) if line.startswith("SASARAN/KINERJA")]
        assert len(header_lines) <= 1
        if header_lines and not any(line.startswith("1.") for line in lines):
            # no jabatan starts here: the table continues, and its header is at the top
            assert header_lines == [0]
            continued += 1
    # the Sekretaris Desa table is longer than one F4 page
    assert continued >= 1


def test_excel_has_one_printable_sheet_per_jabatan(decree):
    laporan, _, xlsx = decree
    wb = load_workbook(xlsx)
    assert len(wb.sheetnames) == 22
    assert len({n.lower() for n in wb.sheetnames}) == 22
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert "Pengadministrasi Pemerintahan" in wb.sheetnames
    assert "Pengadministrasi Pemerintah (2)" in wb.sheetnames  # 31 characters at most
    assert "Kasubag Umum, Kepegawaian…" in wb.sheetnames  # cut between words, marked
    assert "Pengadministrasi Pemerintahan…" in wb.sheetnames  # the Sekretaris Desa one
    for ws, jabatan in zip(wb.worksheets, laporan.jabatan, strict=True):
        assert ws.page_setup.paperSize == 14  # Folio = F4
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        header_row = int(ws.print_title_rows.split(":")[0].lstrip("$"))
        header = [ws.cell(row=header_row, column=c).value for c in range(1, 5)]
        assert header[0] == HEADER and header[3] == "SUMBER DATA"
        texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        blob = flat("\n".join(texts))
        assert flat(jabatan.nama) in blob
        # the sheet name is the title, or its start when shortened: never another title
        short = re.sub(r"( \(\d+\)|…)$", "", ws.title)
        assert jabatan.nama.startswith(short)
        assert ws.title.endswith(("…", ")")) or ws.title == jabatan.nama
        for item in (*jabatan.tugas, *[i.nama for i in jabatan.indikator]):
            assert flat(item) in blob
        assert all(ws.cell(row=r, column=1).alignment.wrap_text for r in (header_row,))
    last = flat(" ".join(str(c.value) for row in wb.worksheets[-1].iter_rows() for c in row))
    assert "ABAI SALEH, S.Sos., MM" in last and "NIP. 19690505 199009 1 002" in last


def test_excel_keeps_ratio_formulas_on_one_unambiguous_line(decree):
    wb = load_workbook(decree[2])
    values = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert "(Σ Pengajuan yang dicairkan) / (Σ Pengajuan yang seharusnya cair) × 100%" in values


def test_text_starting_with_equals_stays_text(db, tmp_path):
    Indikator.update(nama="=1+1", formula='=HYPERLINK("http://x")').where(
        Indikator.kode == "PRAMU.01"
    ).execute()
    ind = Indikator.get(Indikator.kode == "PRAMU.01")
    SubIndikator.create(indikator=ind, urutan=0, teks="=A1", formula="+A2")
    out = export_iki(2020, tmp_path / "pramu.xlsx", kertas="a4", jabatan_kode="PRAMU")
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert all("<f>" not in archive.read(n).decode() for n in sheets)
    ws = load_workbook(out).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert "=1+1\na. =A1" in cells
    assert cells["=1+1\na. =A1"].data_type == "s"
    assert ws.page_setup.paperSize == 9  # A4
    pdf = export_iki(2020, tmp_path / "pramu.pdf", kertas="a4", jabatan_kode="PRAMU")
    assert "=1+1" in PdfReader(pdf).pages[0].extract_text()


def test_a_cell_longer_than_a_page_continues_on_the_next(db, tmp_path):
    ind = Indikator.get(Indikator.kode == "PRAMU.01")
    SubIndikator.insert_many(
        [
            {
                "indikator": ind,
                "urutan": i,
                "teks": f"Butir nomor {i} yang panjang sekali " + "kata " * 25,
                "formula": f"Rumus butir {i} (tahun n)",
            }
            for i in range(60)
        ]
    ).execute()
    out = export_iki(2020, tmp_path / "panjang.pdf", kertas="a4", jabatan_kode="PRAMU")
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4_POINTS[0], abs=0.5)
    text = flat(" ".join(p.extract_text() for p in reader.pages))
    assert "Rumus butir 0 (tahun n)" in text and "Rumus butir 59 (tahun n)" in text
    assert reader.pages[1].extract_text().lstrip().startswith("SASARAN/KINERJA")


def test_one_jabatan_only(db, tmp_path):
    out = export_iki(2020, tmp_path / "kasi.xlsx", jabatan_kode="KASI-PEM")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Kasi Pemerintahan"]


def test_unknown_jabatan_and_wrong_extension_are_refused_in_indonesian(db, tmp_path):
    with pytest.raises(DataTidakValid, match="harus berakhiran .pdf"):
        export_iki(2020, tmp_path / "iki.docx")
    with pytest.raises(Exception, match="tidak ada pada tahun 2020"):
        export_iki(2020, tmp_path / "iki.pdf", jabatan_kode="TIDAK-ADA")
    assert list(tmp_path.glob("iki*")) == []


def test_a_folder_not_made_yet_is_made(db, tmp_path):
    export_iki(2020, tmp_path / "flashdisk" / "laporan" / "IKI.pdf", jabatan_kode="PRAMU")
    assert (tmp_path / "flashdisk" / "laporan" / "IKI.pdf").stat().st_size > 0


def test_a_folder_that_cannot_be_made_leaves_no_file(db, tmp_path):
    (tmp_path / "flashdisk").write_bytes(b"")
    with pytest.raises(LingkunganBermasalah, match="tidak dapat dibuat"):
        export_iki(2020, tmp_path / "flashdisk" / "IKI.pdf", jabatan_kode="PRAMU")
    assert (tmp_path / "flashdisk").read_bytes() == b""


def test_rewrite_replaces_whole_file_and_leaves_no_temporary(db, tmp_path):
    target = tmp_path / "usb" / "IKI.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"versi lama")
    export_iki(2020, target, jabatan_kode="PRAMU")
    assert [p.name for p in target.parent.iterdir()] == ["IKI.xlsx"]
    assert load_workbook(target).sheetnames == ["Pramu Kebersihan Kantor"]


def test_folder_given_as_target_is_refused(db, tmp_path):
    (tmp_path / "laporan.pdf").mkdir()
    with pytest.raises(DataTidakValid, match="adalah folder"):
        export_iki(2020, tmp_path / "laporan.pdf", jabatan_kode="PRAMU")


def test_unique_sheet_names():
    names = unique_sheet_names(
        ["Kasi: Umum/Aset?", "Pengadministrasi Pemerintahan", "pengadministrasi pemerintahan"]
        + ["Pengelola Data Seksi Pembangunan dan Pemberdayaan Masyarakat"] * 2
    )
    assert names[0] == "Kasi- Umum-Aset-"
    assert names[2] == "pengadministrasi pemerintah (2)"
    assert names[3] == "Pengelola Data Seksi…"
    assert len(names[3]) <= 31 and len(names[4]) <= 31 and names[4].endswith(" (2)")
    assert len({n.lower() for n in names}) == 5


def test_cli_report_iki_uses_the_paper_setting(db_url, tmp_path, capsys):
    settings.set_value("kertas", "a4")
    out = tmp_path / "IKI.pdf"
    code = main(["--db", db_url, "report", "iki", "--tahun", "2020", "--out", str(out)])
    assert code == 0
    assert "A4 (210 × 297 mm)" in capsys.readouterr().out
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.height) == pytest.approx(A4_POINTS[1], abs=0.5)


def test_cli_report_iki_excel_for_one_jabatan(db_url, tmp_path):
    out = tmp_path / "kasi.xlsx"
    argv = ["--db", db_url, "report", "iki", "--tahun", "2020", "--out", str(out)]
    assert main([*argv, "--jabatan", "KASI-PEM", "--kertas", "f4"]) == 0
    assert load_workbook(out).sheetnames == ["Kasi Pemerintahan"]


def test_cli_refuses_other_extensions(db_url, tmp_path, capsys):
    out = tmp_path / "IKI.docx"
    argv = ["--db", db_url, "report", "iki", "--tahun", "2020", "--out", str(out)]
    assert main(argv) == 1
    assert "harus berakhiran .pdf" in capsys.readouterr().err
    assert not out.exists()


def test_pdftotext_reads_the_signature_page(decree):
    result = subprocess.run(
        ["pdftotext", "-layout", str(decree[1]), "-"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("pdftotext tidak tersedia")
    assert "NIP. 19690505 199009 1 002" in result.stdout.split("\f")[-2]


def test_the_report_font_has_every_character_of_the_decree(decree):
    from reportlab.pdfbase import pdfmetrics

    from kinerja_desktop.reports.fonts import FONT, FONT_BOLD, register_fonts
    from kinerja_desktop.resources import resource

    register_fonts()
    seed_text = resource("data/iki-kepanjen-2020.toml").read_text(encoding="utf-8")
    used = {ch for ch in seed_text + "❖Σ×−" if not ch.isspace()}
    for name in (FONT, FONT_BOLD):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        assert sorted(ch for ch in used if ord(ch) not in glyphs) == []


def test_a_year_without_signatory_leaves_room_to_sign_by_hand(db, tmp_path):
    from kinerja_desktop.db.models import Tahun

    Tahun.update(penandatangan=None).where(Tahun.tahun == 2020).execute()
    out = export_iki(2020, tmp_path / "tanpa.pdf", kertas="a4", jabatan_kode="PRAMU")
    last = flat(PdfReader(out).pages[-1].extract_text())
    assert "CAMAT KEPANJEN" in last and "NIP." in last
    assert "ABAI SALEH" not in last


def test_excel_rows_are_tall_enough_for_every_wrapped_cell(decree):
    """Seen through LibreOffice, "Sub Bagian Umum, Kepegawaian, Keuangan dan Aset" lost "Aset":
    its row was sized by counting characters, not by wrapping words as a spreadsheet does."""
    from kinerja_desktop.reports.iki_xlsx import CHARS_PER_UNIT, LINE_HEIGHT, MAX_ROW_HEIGHT
    from kinerja_desktop.workbook import baris_terbungkus

    wb = load_workbook(decree[2])
    checked = 0
    for ws in wb.worksheets:
        header_row = int(ws.print_title_rows.split(":")[0].lstrip("$"))
        for row in ws.iter_rows(min_row=header_row + 1, min_col=2, max_col=4):
            if all(c.value is None for c in row):
                break  # the end of the table (the signature follows)
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                width = ws.column_dimensions[cell.column_letter].width
                lines = baris_terbungkus(cell.value, width, CHARS_PER_UNIT)
                height = ws.row_dimensions[cell.row].height
                # an indicator taller than Excel's tallest row goes on in the rows below it:
                # every cell fits its row
                assert height is not None and height >= lines * LINE_HEIGHT, (
                    ws.title,
                    cell.coordinate,
                )
                assert height <= MAX_ROW_HEIGHT
                checked += 1
    assert checked > 150
    assert baris_terbungkus("Sub Bagian Umum, Kepegawaian, Keuangan dan Aset", 22, 1.2) == 3


def test_an_indicator_taller_than_a_row_goes_on_in_the_rows_below_seen_in_libreoffice(
    decree, libreoffice
):
    """ADM-SEKDES's sub-items need more than Excel's 409 pt: LibreOffice cut them after "k."
    when they were one row. Now they go on in continuation rows, one cell block to the eye."""
    import subprocess

    from kinerja_desktop.reports.iki_struktur import BARIS_LANJUTAN, PENANDA_LANJUTAN

    laporan, _, xlsx = decree
    wb = load_workbook(xlsx)
    ws = wb["Pengadministrasi Pemerintahan…"]
    kinds = {r: ws.cell(row=r, column=5).value for r in range(1, ws.max_row + 1)}
    lanjutan = [r for r, k in kinds.items() if k == BARIS_LANJUTAN]
    assert len(lanjutan) == 2 and kinds[lanjutan[0] - 1] == "indikator"
    assert PENANDA_LANJUTAN in kinds.values()  # older applications refuse, never drop text
    first, last = lanjutan[0] - 1, lanjutan[-1]
    # no line between the rows of one indicator; the block is closed above and below
    def line(row: int, side: str) -> str | None:
        drawn = getattr(ws.cell(row=row, column=2).border, side)
        return drawn.style if drawn is not None else None

    assert line(first, "bottom") is None and line(lanjutan[0], "top") is None
    assert line(first, "top") == line(last, "bottom") == "thin"
    # a sheet without so long an indicator keeps the first format's mark and one row each
    assert BARIS_LANJUTAN not in [c.value for c in wb["Pengadministrasi Pemerintahan"]["E"]]

    pdf = libreoffice(xlsx, "pdf", xlsx.parent / "lo")
    text = flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    [sekdes] = [j for j in laporan.jabatan if "(Sekretaris Desa)" in j.nama]
    [panjang] = [i for i in sekdes.indikator if len(i.sub) > 11]
    # (pdftotext reads the columns side by side, line by line: each sub-item's first line)
    for butir in panjang.sub:
        assert " ".join([f"{butir.huruf}.", *butir.teks.split()[:2]]) in text, butir.huruf
    assert " ".join(panjang.sub[-1].teks.split()[-3:]) in text  # the end of the last one
