"""The Laporan Kinerja (LKjIP) as PDF and Word, read back as the office and a reviewer would:
every organisation indicator with its target, realisasi and capaian in BAB III, n/a where
there is no data, the comparison with the year before, the Renstra target, the signatory, and
every part still a generated draft marked as one."""

import re
import shutil
import subprocess

import pytest
from lkjip_bantuan import KASI_PEM, KEGIATAN, PENUTUP, PROGRAM, SEKCAM, isi_dua_tahun
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.ops_lkjip import set_teks_lkjip
from kinerja_desktop.domain.lkjip import Asal, kunci_sasaran
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.lkjip import export_lkjip
from kinerja_desktop.reports.lkjip_data import TANDA_DRAF, build_lkjip_report

F4 = (215 * 72 / 25.4, 330 * 72 / 25.4)
IKU = 27  # the indicators of the six jabatan directly under the Camat in the built-in decree


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def dokumen(tmp_path_factory, seeded_db_template):
    """The 2021 report of a filled two-year database, written once as PDF and as Word."""
    folder = tmp_path_factory.mktemp("lkjip")
    shutil.copyfile(seeded_db_template, folder / "kinerja.sqlite3")
    db = open_database(folder / "kinerja.sqlite3")
    try:
        isi_dua_tahun()
        laporan = build_lkjip_report(2021)
        pdf = export_lkjip(2021, folder / "LKjIP-2021.pdf", kertas="f4")
        docx = export_lkjip(2021, folder / "LKjIP-2021.docx", kertas="f4")
    finally:
        db.close()
        database_proxy.initialize(None)
    return laporan, pdf, docx


@pytest.fixture(scope="module")
def halaman(dokumen):
    return [flat(p.extract_text()) for p in PdfReader(dokumen[1]).pages]


def _bab(halaman: list[str], awal: str, akhir: str) -> str:
    """The text from heading ``awal`` to ``akhir`` (the contents page left out)."""
    teks = " ".join(h for h in halaman if not h.startswith("DAFTAR ISI"))
    return teks[teks.index(awal) : teks.index(akhir, teks.index(awal))]


def test_the_outline_in_order_on_f4_with_embedded_fonts(dokumen, halaman):
    teks = " ".join(h for h in halaman if not h.startswith("DAFTAR ISI"))
    urutan = [
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "1.1 Gambaran Umum",
        "Gambar 1.1 Struktur organisasi",
        "1.2 Tugas dan Fungsi",
        "1.5 Dasar Hukum",
        "BAB II PERENCANAAN KINERJA",
        "2.2 Indikator Kinerja Utama",
        "2.3 Perjanjian Kinerja Tahun 2021",
        "BAB III AKUNTABILITAS KINERJA",
        "3.1 Capaian Kinerja Organisasi",
        "Tabel 3.1 Interval nilai capaian",
        "Tabel 3.2 Capaian kinerja organisasi tahun 2021",
        "Tabel 3.3 Perbandingan capaian tahun 2021 dengan tahun 2020",
        "Tabel 3.4 Realisasi tahun 2021 terhadap target akhir Renstra",
        "3.2 Realisasi Anggaran",
        "BAB IV PENUTUP",
        "LAMPIRAN: PERJANJIAN KINERJA",
    ]
    posisi = [teks.index(u) for u in urutan]
    assert posisi == sorted(posisi)
    reader = PdfReader(dokumen[1])
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            F4, abs=0.5
        )
        assert f"Halaman {n} dari {total}" in page.extract_text()
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()


def test_pdf_contents_page_points_at_each_chapter(dokumen, halaman):
    nomor_isi = next(i for i, h in enumerate(halaman, start=1) if h.startswith("DAFTAR ISI"))
    # laid out as on paper: each title with its dots and page number on one line
    isi = subprocess.run(
        ["pdftotext", "-layout", "-f", str(nomor_isi), "-l", str(nomor_isi), str(dokumen[1]), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    for judul in ("KATA PENGANTAR", "BAB I PENDAHULUAN", "1.2 Tugas dan Fungsi",
                  "BAB III AKUNTABILITAS KINERJA", "3.2 Realisasi Anggaran",
                  "LAMPIRAN: PERJANJIAN KINERJA"):  # fmt: skip
        nomor = int(re.search(re.escape(judul) + r"[ .]+(\d+)\s*$", isi, re.M).group(1))
        assert judul in halaman[nomor - 1], judul


def test_bab_iii_has_every_indicator_target_realisasi_and_capaian(dokumen, halaman):
    laporan = dokumen[0]
    tabel = _bab(halaman, "Tabel 3.2 Capaian", "Tabel 3.3")
    assert len(laporan.angka.indikator) == IKU
    for ind in laporan.angka.indikator:
        assert flat(ind.nama) in tabel, ind.kode
    # SEKCAM.02: target 90%, realisasi 90,0% → 100,0; KASI-PEM.03: 12 → 13, 108,3
    assert re.search(r"administrasi perkantoran % 90% 90,0% 100,0 Sangat Tinggi", tabel)
    assert re.search(r"Jumlah Laporan kependudukan laporan 12 13 108,3 Sangat Tinggi", tabel)
    # a target without realisasi, and an indicator without anything: n/a, never 0
    assert re.search(r"ditangani orang 100 n/a n/a n/a", tabel)
    assert re.search(r"Pembinaan perangkat desa kegiatan n/a n/a n/a n/a", tabel)
    assert (
        "Rata-rata capaian: 104,2% (Sangat Tinggi), dari 2 indikator yang memiliki data "
        "(seluruhnya 27)" in tabel
    )


def test_comparison_with_the_year_before_and_the_renstra(halaman):
    banding = _bab(halaman, "Tabel 3.3", "Tabel 3.4")
    # realisasi and capaian 2020, then 2021, then the change in points
    assert re.search(r"administrasi perkantoran 80,0% 88,9 90,0% 100,0 \+11,1", banding)
    assert re.search(r"Jumlah Laporan kependudukan 8 66,7 13 108,3 \+41,7", banding)
    assert "Rata-rata capaian 77,8% pada tahun 2020 dan 104,2% pada tahun 2021" in banding
    renstra = _bab(halaman, "Tabel 3.4", "Analisis capaian per sasaran")
    assert re.search(r"administrasi perkantoran 95% \(2026\) 90,0% 94,7", renstra)


def test_budget_realised_per_program_kegiatan_and_triwulan(dokumen, halaman):
    anggaran = _bab(halaman, "3.2 Realisasi Anggaran", "BAB IV PENUTUP")
    # a kegiatan without anggaran: the program's and the total are not known (as in the PK),
    # never the entered Rp 10.000.000 with a percentage of it
    kalimat = (
        "Realisasi anggaran tahun 2021 sebesar Rp 7.500.000; anggaran 1 kegiatan belum diisi, "
        "sehingga jumlah anggaran dan persentase realisasinya belum dapat dihitung."
    )
    assert kalimat in anggaran
    assert f"1 7.01.01 {PROGRAM} n/a Rp 7.500.000 n/a" in anggaran
    assert f"{KEGIATAN} Rp 10.000.000 Rp 7.500.000 75,0" in anggaran
    assert "Penyediaan jasa kebersihan kantor n/a n/a n/a" in anggaran
    assert "kantor n/a n/a n/a Jumlah n/a Rp 7.500.000 n/a" in anggaran
    assert "Realisasi triwulan Rp 2.500.000 n/a Rp 5.000.000 n/a" in anggaran
    assert "Kumulatif Rp 2.500.000 Rp 2.500.000 Rp 7.500.000 Rp 7.500.000" in anggaran
    assert "Kegiatan tanpa anggaran (1): Penyediaan jasa kebersihan kantor." in (
        dokumen[0].kekurangan
    )
    ikhtisar = _bab(halaman, "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN")
    assert kalimat in ikhtisar


def test_rating_intervals_in_force(halaman):
    pita = _bab(halaman, "Tabel 3.1", "Tabel 3.2")
    for baris in ("≥ 91% Sangat Tinggi", "76% – < 91% Tinggi", "0% – < 51% Sangat Rendah"):
        assert baris in pita


def test_drafts_are_marked_and_the_accepted_text_is_not(dokumen, halaman):
    laporan = dokumen[0]
    penutup = _bab(halaman, "BAB IV PENUTUP", "LAMPIRAN")
    assert PENUTUP in penutup and TANDA_DRAF not in penutup
    pengantar = _bab(halaman, "KATA PENGANTAR", "IKHTISAR EKSEKUTIF")
    assert TANDA_DRAF in pengantar
    # a draft written from the figures, in Indonesian numbers
    analisis = _bab(halaman, "Analisis capaian per sasaran", "3.2 Realisasi Anggaran")
    assert (
        "Target indikator Jumlah Laporan kependudukan sebesar 12 laporan tercapai sebesar "
        "108,3% (realisasi 13 laporan), naik 41,7 poin dibanding tahun 2020 (66,7%)."
    ) in analisis
    assert len(laporan.narasi_draf) == len(laporan.narasi) - 1


def test_signatory_org_chart_and_staff(halaman):
    pengantar = _bab(halaman, "KATA PENGANTAR", "IKHTISAR EKSEKUTIF")
    for bagian in ("CAMAT KEPANJEN", "ABAI SALEH, S.Sos., MM", "NIP. 19690505 199009 1 002",
                   "Pembina Tingkat I", "Kepanjen, ………………………… 2022"):  # fmt: skip
        assert bagian in pengantar
    assert "ABAI SALEH, S.Sos., MM" in _bab(halaman, "BAB IV PENUTUP", "LAMPIRAN")
    bab1 = _bab(halaman, "BAB I PENDAHULUAN", "1.2 Tugas")
    for nama in (SEKCAM, KASI_PEM, "Kasi Pelayanan Publik", "Pramu Kebersihan Kantor",
                 "(belum ada pemangku)"):  # fmt: skip
        assert nama in bab1
    assert "IV/a 1" in _bab(halaman, "Tabel 1.2", "1.4 Permasalahan")


def test_the_kecamatan_perjanjian_kinerja_is_the_appendix(dokumen, halaman):
    """The Camat's own agreement (reports/pk), statement and attachment, signed by both."""
    teks = " ".join(halaman)
    lampiran = teks[teks.index("LAMPIRAN: PERJANJIAN KINERJA") :]
    for bagian in ("PERJANJIAN KINERJA TAHUN 2021", "selanjutnya disebut pihak pertama",
                   "Pihak Kedua,", "Pihak Pertama,", "BUPATI MALANG", "ABAI SALEH, S.Sos., MM",
                   "Jumlah Laporan kependudukan 12 laporan", "Anggaran (Rp)"):  # fmt: skip
        assert bagian in lampiran, bagian
    assert "Perjanjian Kinerja Camat Kepanjen (lampiran) dicetak dengan bagian kosong" in (
        "\n".join(dokumen[0].kekurangan)
    )


def test_word_document_has_headings_tables_pictures_and_the_same_figures(dokumen):
    from docx import Document

    doc = Document(str(dokumen[2]))
    judul = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert judul[:4] == ["KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN"]
    assert "BAB III AKUNTABILITAS KINERJA" in judul and "BAB IV PENUTUP" in judul
    assert "3.1 Capaian Kinerja Organisasi" in [
        p.text for p in doc.paragraphs if p.style.name == "Heading 2"
    ]
    assert len(doc.inline_shapes) == 2  # the capaian chart and the organisation chart
    sections = doc.sections[0]
    assert round(sections.page_width.mm) == 215 and round(sections.page_height.mm) == 330

    def baris(tabel):
        return [[c.text for c in r.cells] for r in tabel.rows]

    tabel = {t.rows[0].cells[0].text + "|" + t.rows[0].cells[-1].text: t for t in doc.tables}
    capaian = baris(tabel["No|Kategori"])
    assert capaian[0][2:] == ["Indikator Kinerja", "Satuan", "Target", "Realisasi",
                              "Capaian (%)", "Kategori"]  # fmt: skip
    assert len(capaian) == 1 + IKU
    per_indikator = {r[2]: r[3:] for r in capaian[1:]}
    assert per_indikator["Jumlah Laporan kependudukan"] == [
        "laporan", "12", "13", "108,3", "Sangat Tinggi"]  # fmt: skip
    assert per_indikator["Pembinaan perangkat desa"] == ["kegiatan", "n/a", "n/a", "n/a", "n/a"]
    anggaran = baris(tabel["No|Realisasi (%)"])
    assert anggaran[-1][1:] == ["Jumlah", "n/a", "Rp 7.500.000", "n/a"]
    banding = {r[1]: r[2:] for r in baris(tabel["No|Perubahan (poin)"])[1:]}
    assert banding["Jumlah Laporan kependudukan"] == ["8", "66,7", "13", "108,3", "+41,7"]
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert PENUTUP in teks and TANDA_DRAF in teks
    ttd = [t for t in doc.tables if "CAMAT KEPANJEN" in t.cell(0, 0).text]
    assert len(ttd) == 2 and "NIP. 19690505 199009 1 002" in ttd[0].cell(0, 0).text
    assert "selanjutnya disebut pihak pertama." in teks  # the PK's statement, as in the PDF
    pk_ttd = [t for t in doc.tables if len(t.columns) == 2 and "Pihak Kedua," in t.cell(1, 0).text]
    assert len(pk_ttd) == 2 and "ABAI SALEH, S.Sos., MM" in pk_ttd[0].cell(1, 1).text
    # the attachment's signature never alone on a page (LibreOffice put it on the last page
    # by itself): the program table's last rows are kept with it, unbroken
    program = [t for t in doc.tables if t.rows[0].cells[-1].text == "Anggaran (Rp)"][-1]
    assert program.rows[-1].cells[1].text == "Jumlah"
    for row in program.rows[-2:]:
        assert row._tr.trPr is not None and row._tr.trPr.xpath("./w:cantSplit")
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    assert not any(
        p.paragraph_format.keep_with_next for c in program.rows[0].cells for p in c.paragraphs
    )


def test_what_is_missing_is_said_before_writing(db):
    isi_dua_tahun()
    kurang = build_lkjip_report(2021).kekurangan
    teks = "\n".join(kurang)
    assert "Jabatan tanpa pemangku (20)" in teks and "Kasi Pelayanan Publik (KASI-PP)" in teks
    assert f"Pegawai {KASI_PEM} (Kasi Pemerintahan) belum dicatat NIP." in teks
    assert "Indikator tanpa data capaian (25 dari 27)" in teks
    assert "KASI-PP.02 (belum ada realisasi)" in teks and "SEKCAM.01 (belum ada target)" in teks
    assert "Bagian yang masih usulan otomatis (18)" in teks


def test_an_accepted_draft_says_when_the_figures_moved_since(db):
    isi_dua_tahun()
    laporan = build_lkjip_report(2021)
    sasaran = laporan.angka.sasaran[0]
    usulan = laporan.analisis(sasaran.id).usulan
    set_teks_lkjip(2021, kunci_sasaran(sasaran.id), usulan, Asal.USULAN, usulan)
    assert not build_lkjip_report(2021).analisis(sasaran.id).angka_berubah
    from kinerja_desktop.db.models import Indikator
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
    from kinerja_desktop.domain.capaian import Komponen

    ind = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "SEKCAM.02").id
    set_values([NilaiMasuk(KunciNilai("realisasi", ind, "202102"),
                           komponen=Komponen(pembilang=10, penyebut=50))])  # fmt: skip
    baru = build_lkjip_report(2021)
    assert baru.analisis(sasaran.id).angka_berubah and not baru.analisis(sasaran.id).draf
    assert baru.analisis(sasaran.id).teks == usulan  # the accepted text is never rewritten
    assert "Angka berubah sejak teks ini diterima" in "\n".join(baru.kekurangan)


def test_a_year_without_the_year_before_says_so(db):
    laporan = build_lkjip_report(2020)
    assert not laporan.angka.ada_tahun_lalu
    assert all(i.lalu is None for i in laporan.angka.indikator)


def test_command_line(capsys, db_url, tmp_path):
    out = tmp_path / "LKjIP-2020.pdf"
    code = main(["--db", db_url, "report", "lkjip", "--tahun", "2020", "--out", str(out)])
    database_proxy.initialize(None)
    keluar, galat = capsys.readouterr()
    assert code == 0 and "Laporan Kinerja tahun 2020 (PDF) ditulis ke" in keluar
    assert "Perhatian sebelum laporan ditandatangani" in galat
    assert "Bagian yang masih usulan otomatis" in galat
    assert "BAB III AKUNTABILITAS KINERJA" in flat(
        " ".join(p.extract_text() for p in PdfReader(out).pages)
    )
    code = main(["--db", db_url, "report", "lkjip", "--tahun", "2020", "--out", "x.xlsx"])
    assert code == 1 and ".docx (Word)" in capsys.readouterr().err
    with pytest.raises(DataTidakValid, match="harus berakhiran .pdf"):
        export_lkjip(2020, tmp_path / "x.odt")
