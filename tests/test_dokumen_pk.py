"""The Perjanjian Kinerja read back as the Camat's secretary would check it: every agreement on
new pages, every indicator with its target in its own agreement, both parties with name,
pangkat and NIP, marked blanks where something is missing, and a PK Perubahan that keeps the
original and lists what changed."""

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Kegiatan, PkTerbit, database_proxy
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.ops_program import IsiKegiatan, update_butir
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan
from kinerja_desktop.reports.penandatangan import KOSONG
from kinerja_desktop.reports.pk import export_pk
from kinerja_desktop.reports.pk_pdf import pk_story
from kinerja_desktop.reports.pk_terbit import issue_pk, keadaan_terbit
from kinerja_desktop.reports.pk_versi import build_pk_report

sys.path.insert(0, str(Path(__file__).parent))
from dokumen_bantuan import (
    BUPATI,
    KEGIATAN_MUSDES,
    PROGRAM_PEM,
    PROGRAM_SEKCAM,
    impor_csv,
    indikator_id,
    isi_semua,
)  # noqa: E402

F4_POINTS = (215 * 72 / 25.4, 330 * 72 / 25.4)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pk(tmp_path_factory, seeded_db_template):
    """The 2020 PK written once as PDF and Excel, issued, revised (a target raised) and
    issued again as PK Perubahan, then written again; the original too."""
    folder = tmp_path_factory.mktemp("pk")
    shutil.copyfile(seeded_db_template, folder / "kinerja.sqlite3")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DATA_DIR", str(folder / "data"))
        db = open_database(folder / "kinerja.sqlite3")
        try:
            isi_semua()
            hasil = {"csv": impor_csv(folder)}
            hasil["laporan"] = build_pk_report(2020)
            hasil["pdf"] = export_pk(2020, folder / "PK-2020.pdf", kertas="f4")
            hasil["xlsx"] = export_pk(2020, folder / "PK-2020.xlsx", kertas="f4")
            hasil["terbit"] = issue_pk(2020).data
            set_values(
                [
                    NilaiMasuk(
                        KunciNilai("target", indikator_id("KASI-PEM.01"), "2020"),
                        target=Target(30),
                    )
                ]
            )
            musdes = Kegiatan.get(Kegiatan.nama == KEGIATAN_MUSDES[0]).id
            update_butir("kegiatan", musdes, IsiKegiatan(KEGIATAN_MUSDES[0], "", 60_000_000))
            hasil["keadaan"] = keadaan_terbit(2020)
            with pytest.raises(DataTidakValid, match="tulis alasan PK Perubahan"):
                issue_pk(2020, "KASI-PEM")
            hasil["perubahan"] = issue_pk(2020, alasan="APBD Perubahan").data
            hasil["pdf_ubah"] = export_pk(2020, folder / "PK-ubah.pdf", jabatan_kode="KASI-PEM")
            hasil["xlsx_ubah"] = export_pk(2020, folder / "PK-ubah.xlsx", jabatan_kode="KASI-PEM")
            hasil["pdf_awal"] = export_pk(
                2020, folder / "PK-awal.pdf", jabatan_kode="KASI-PEM", awal=True, asal_angka=True
            )
            hasil["xlsx_asal"] = export_pk(
                2020, folder / "PK-asal.xlsx", jabatan_kode="KASI-PEM", asal_angka=True
            )
            hasil["flowables"] = pk_story(build_pk_report(2020), "f4")  # the LKjIP appendix
        finally:
            db.close()
            database_proxy.initialize(None)
    return hasil


def pages(path: Path) -> list[str]:
    return [flat(p.extract_text()) for p in PdfReader(path).pages]


@pytest.fixture(scope="module")
def pdf_pages(pk):
    return pages(pk["pdf"])


def agreement(pdf_pages: list[str], holder: str, jabatan: str) -> tuple[str, str]:
    """The statement page and the attachment (all its pages) of the agreement of ``holder``
    as ``jabatan``."""
    for i, page in enumerate(pdf_pages):
        if "kami yang bertanda tangan" in page and f"Nama : {holder} Jabatan : {jabatan}" in page:
            assert pdf_pages[i + 1].startswith("PERJANJIAN KINERJA TAHUN 2020")
            lampiran = [pdf_pages[i + 1]]
            for lanjut in pdf_pages[i + 2 :]:
                if lanjut.startswith("PERJANJIAN KINERJA"):
                    break
                lampiran.append(lanjut)
            return page, " ".join(lampiran)
    raise AssertionError(f"no agreement of {holder} as {jabatan}")


def test_pdf_is_f4_each_agreement_on_new_pages(pk, pdf_pages):
    reader = PdfReader(pk["pdf"])
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (width, height) == pytest.approx(F4_POINTS, abs=0.5)
    laporan = pk["laporan"]
    # the Camat first, then 22 jabatan of the decree, ADM-PEM-1 twice (two holders)
    assert len(laporan.dokumen) == 24
    assert laporan.dokumen[0].kode_jabatan == "CAMAT"
    pernyataan = [
        p
        for p in pdf_pages
        if p.startswith("PERJANJIAN KINERJA TAHUN 2020 KECAMATAN KEPANJEN Dalam rangka")
    ]
    assert len(pernyataan) == 24
    assert all(f"Halaman {i} dari {len(pdf_pages)}" in p for i, p in enumerate(pdf_pages, 1))
    font = reader.pages[0]["/Resources"]["/Font"]
    assert all(
        "/FontFile2" in f.get_object()["/FontDescriptor"].get_object() for f in font.values()
    )


def test_parties_sign_with_name_pangkat_and_nip(pdf_pages):
    pernyataan, lampiran = agreement(
        pdf_pages, "SITI RAHAYU, S.Sos.", "Kasi Pemerintahan Kecamatan Kepanjen"
    )
    for page in (pernyataan, lampiran):
        # each block in its place: pihak kedua (the Camat, atasan of a Kasi) on the left,
        # pihak pertama on the right, each with name, pangkat and NIP
        kedua = (
            "Kepanjen, Januari 2020 Pihak Kedua, Camat Kepanjen ABAI SALEH, S.Sos., MM "
            "Pembina Tingkat I NIP. 19690505 199009 1 002 Pihak Pertama,"
        )
        pertama = (
            "Pihak Pertama, Kasi Pemerintahan Kecamatan Kepanjen SITI RAHAYU, S.Sos. "
            "Penata Tingkat I NIP. 19800101 200501 2 003"
        )
        assert kedua in page and pertama in page
    assert "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua" in pernyataan
    # staff under the Kasi: the Kasi signs as pihak kedua; no NIP, no pangkat: marked blanks
    pernyataan, _ = agreement(
        pdf_pages, "AGUS WIBOWO", "Pengolah Data Seksi Pemerintahan Kecamatan Kepanjen"
    )
    assert "Nama : SITI RAHAYU, S.Sos. Jabatan : Kasi Pemerintahan Kecamatan Kepanjen" in pernyataan
    assert f"NIP. {KOSONG}" in pernyataan
    # the Camat's own agreement: the Bupati as entered
    pernyataan, _ = agreement(pdf_pages, "ABAI SALEH, S.Sos., MM", "Camat Kepanjen")
    assert f"Nama : {BUPATI} Jabatan : BUPATI MALANG" in pernyataan
    assert "selaku Bupati Malang, selanjutnya disebut pihak kedua" in pernyataan
    # two holders of one jabatan: one agreement each
    for nama in ("DEWI LESTARI", "EKO PRASETYO"):
        agreement(pdf_pages, nama, "Pengadministrasi Pemerintahan Kecamatan Kepanjen")
    # nobody holds the Kasubag Umum: a marked blank, never someone else's name
    agreement(pdf_pages, KOSONG, "Kasubag Umum, Kepegawaian, Keuangan dan Aset Kecamatan Kepanjen")
    # a jabatan named "... Kecamatan" is not followed by a second "Kecamatan"
    assert not any("Kecamatan Kecamatan" in page for page in pdf_pages)
    pernyataan, _ = agreement(
        pdf_pages, KOSONG, "Kasubag Umum, Kepegawaian, Keuangan dan Aset Kecamatan Kepanjen"
    )
    assert "Nama : Drs. BUDI SANTOSO Jabatan : Sekretaris Kecamatan Kepanjen" in pernyataan


def test_every_indicator_with_its_target_in_its_own_agreement(pk, pdf_pages):
    laporan = pk["laporan"]
    _, kasi = agreement(pdf_pages, "SITI RAHAYU, S.Sos.", "Kasi Pemerintahan Kecamatan Kepanjen")
    assert "Pembinaan perangkat desa 24 kegiatan" in kasi
    # typed per triwulan only (2+3+3+4): the year's target is their sum
    assert "tentang RPJMDes, APBDes, ADD/DD 12 kegiatan" in kasi
    _, sekcam = agreement(pdf_pages, "Drs. BUDI SANTOSO", "Sekretaris Kecamatan Kepanjen")
    assert "95 %" in sekcam and "90–100 %" in sekcam
    assert "(1) (2) (3) (4) (5)" in sekcam
    whole = " ".join(pdf_pages)
    missing = [
        b.indikator for d in laporan.dokumen for b in d.indikator if flat(b.indikator) not in whole
    ]
    assert missing == []
    # the Camat's attachment holds the indicators of the jabatan directly under him
    camat = laporan.dokumen[0]
    kode = {b.kode for b in camat.indikator}
    assert {"SEKCAM.01", "KASI-PEM.01", "KASI-PP.01"} <= kode and "OD-PEM.01" not in kode


def test_missing_parts_are_listed_for_the_operator(pk):
    kurang = pk["laporan"].kurang
    assert "Pengolah Data Seksi Pemerintahan (OD-PEM): pihak pertama: NIP" in kurang
    assert "Pengolah Data Seksi Pemerintahan (OD-PEM): pihak pertama: pangkat" in kurang
    assert (
        "Kasubag Umum, Kepegawaian, Keuangan dan Aset (KASUBAG-UMUM): pihak pertama: pemangku"
        in kurang
    )
    assert any(
        k.startswith("Kasi Pemerintahan (KASI-PEM): target tahunan KASI-PEM.03") for k in kurang
    )


def test_workbook_one_sheet_per_agreement(pk):
    wb = load_workbook(pk["xlsx"])
    assert wb.sheetnames[:2] == ["CAMAT", "SEKCAM"]
    assert {"ADM-PEM-1", "ADM-PEM-1-2"} <= set(wb.sheetnames)
    ws = wb["KASI-PEM"]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    for text in (
        "PERJANJIAN KINERJA TAHUN 2020",
        "SITI RAHAYU, S.Sos.",
        "NIP. 19800101 200501 2 003",
        "Pembinaan perangkat desa",
        "24",
        "kegiatan",
        "Pihak Kedua,",
        "ABAI SALEH, S.Sos., MM",
    ):
        assert text in cells, text
    assert ws.page_setup.paperSize == 14 and ws.row_breaks.brk  # F4, attachment on its page


def test_revised_pk_keeps_the_original_and_lists_what_changed(pk):
    assert len(pk["terbit"].awal) == 23 and not pk["terbit"].perubahan
    berubah = {k.kode for k in pk["keadaan"] if k.berubah}
    assert berubah == {"CAMAT", "KASI-PEM"}  # the Camat's attachment carries KASI-PEM.01 too
    assert set(pk["perubahan"].perubahan) == {"Camat Kepanjen", "Kasi Pemerintahan"}
    ubah = " ".join(pages(pk["pdf_ubah"]))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in ubah
    assert "Perubahan terhadap Perjanjian Kinerja yang diterbitkan" in ubah
    assert "Alasan perubahan: APBD Perubahan" in ubah
    assert "Target Pembinaan perangkat desa 24 kegiatan 30 kegiatan" in ubah
    assert f"Anggaran {PROGRAM_PEM} Rp 175.000.000 Rp 185.000.000" in ubah
    assert "Jumlah anggaran Rp 175.000.000 Rp 185.000.000" in ubah
    assert "Pembinaan perangkat desa 30 kegiatan" in ubah
    awal = " ".join(pages(pk["pdf_awal"]))
    assert "PERUBAHAN" not in awal and "Pembinaan perangkat desa 24 kegiatan" in awal
    cells = [
        c for row in load_workbook(pk["xlsx_ubah"])["KASI-PEM"].iter_rows(values_only=True)
        for c in row if c is not None
    ]  # fmt: skip
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in cells
    assert {"Target Pembinaan perangkat desa", "24 kegiatan", "30 kegiatan"} <= set(cells)


def test_pages_for_the_lkjip_appendix_start_with_a_page_break(pk):
    from reportlab.platypus import PageBreak

    flowables = pk["flowables"]
    assert isinstance(flowables[0], PageBreak)
    assert sum(isinstance(f, PageBreak) for f in flowables) == 2 * 24


def test_issue_and_revise_on_both_engines(db):
    isi_semua()
    assert len(issue_pk(2020, "SEKCAM").data.awal) == 1
    tetap = issue_pk(2020, "SEKCAM")
    assert tetap.data.tetap == ("Sekretaris Kecamatan",)
    assert tetap.perubahan.pesan == "1 tidak berubah sejak diterbitkan."
    set_values(
        [NilaiMasuk(KunciNilai("target", indikator_id("SEKCAM.01"), "2020"), target=Target(97))]
    )
    revisi = issue_pk(2020, "SEKCAM", alasan="Revisi")
    assert revisi.data.perubahan == ("Sekretaris Kecamatan",)
    assert (revisi.perubahan.pesan, revisi.perubahan.tahun) == ("1 PK Perubahan diterbitkan.", 2020)
    assert list(PkTerbit.select(PkTerbit.ke).order_by(PkTerbit.ke).tuples()) == [(0,), (1,)]
    dokumen = build_pk_report(2020, "SEKCAM").dokumen[0]
    assert dokumen.ke == 1 and dokumen.alasan == "Revisi"
    # signed the day it is issued, not on the IKI decree's date as the first PK
    assert dokumen.tempat_tanggal == f"Kepanjen, {format_tanggal(date.today())}"
    assert [(b.bagian, b.semula, b.menjadi) for b in dokumen.perubahan] == [
        ("Target Persentase Tingkat Kehadiran PNS lingkup Kecamatan", "95 %", "97 %")
    ]
    with pytest.raises(TidakDitemukan, match="Kode Camat: CAMAT"):
        build_pk_report(2020, "TIDAK-ADA")


def test_a_changed_statement_text_keeps_what_it_replaced_in_the_log(db):
    from kinerja_desktop.db.models import CatatanAudit
    from kinerja_desktop.db.pk import AKSI_NASKAH, JANJI_BAWAAN, PEMBUKA_BAWAAN, set_naskah

    entri = CatatanAudit.select().where(CatatanAudit.aksi == AKSI_NASKAH).order_by(CatatanAudit.id)
    set_naskah(2020, PEMBUKA_BAWAAN, JANJI_BAWAAN, "Drs. SANUSI", "")
    set_naskah(2020, PEMBUKA_BAWAAN, JANJI_BAWAAN, "Drs. H. M. SANUSI, M.M.", "")
    terakhir = list(entri)[-1]
    assert "Drs. SANUSI" in terakhir.lama and "Drs. H. M. SANUSI, M.M." in terakhir.baru
    assert PEMBUKA_BAWAAN not in terakhir.baru  # only what changed
    sama = set_naskah(2020, PEMBUKA_BAWAAN, JANJI_BAWAAN, "Drs. H. M. SANUSI, M.M.", "")
    assert sama.perubahan.pesan == "Tidak ada yang berubah." and entri.count() == 2

def test_command_line_writes_the_pk_and_keeps_the_statement_text(capsys, db_path, tmp_path):
    def run(*args):
        code = main(["--db", str(db_path), *args])
        database_proxy.initialize(None)
        return code, capsys.readouterr().out

    code, out = run("pk", "naskah", "--tahun", "2020", "--bupati", "Drs. SANUSI")
    assert code == 0 and "BUPATI MALANG — Drs. SANUSI" in out
    code, out = run(
        "report", "pk", "--tahun", "2020", "--jabatan", "camat", "--out", str(tmp_path / "pk.xlsx")
    )
    assert code == 0 and "1 perjanjian" in out and "Belum tercatat" in out
    cells = [
        c
        for row in load_workbook(tmp_path / "pk.xlsx")["CAMAT"].iter_rows(values_only=True)
        for c in row
    ]
    assert "Drs. SANUSI" in cells and "BUPATI MALANG" in cells
    code, out = run("pk", "daftar", "--tahun", "2020")
    assert code == 0 and "Camat Kepanjen: belum diterbitkan" in out


def test_asal_angka_says_where_each_realisasi_came_from(pk):
    nama, sha = pk["csv"]
    text = " ".join(pages(pk["pdf_awal"]))
    assert "LAMPIRAN: ASAL ANGKA" in text
    # typed in the grid (by the computer account, no users yet): six months of KASI-PEM.01
    assert re.search(r"KASI-PEM\.01 Pembinaan perangkat desa Diketik di aplikasi \S+ .*? 6", text)
    # imported from a CSV file: its name, its SHA-256 and the two values it brought
    assert "KASI-PEM.02" in text and "Impor CSV" in text and nama in text
    assert sha[:20] in text.replace(" ", "")
    assert "KASI-PEM.03" in text and "Belum ada realisasi." in text
    rows = list(load_workbook(pk["xlsx_asal"])["Asal Angka"].iter_rows(values_only=True))
    csv_row = next(r for r in rows if r[2] == "Impor CSV")
    assert csv_row[1].startswith("KASI-PEM.02") and csv_row[3] == nama
    assert csv_row[4] == sha and csv_row[6] == 2
    typed = next(r for r in rows if r[2] == "Diketik di aplikasi")
    assert typed[1].startswith("KASI-PEM.01") and typed[6] == 6


def test_programs_and_anggaran_with_their_total(pk, pdf_pages):
    _, kasi = agreement(pdf_pages, "SITI RAHAYU, S.Sos.", "Kasi Pemerintahan Kecamatan Kepanjen")
    assert "No Program Anggaran (Rp)" in kasi
    assert f"1 7.01.02 {PROGRAM_PEM} Rp 175.000.000 Jumlah Rp 175.000.000" in kasi
    # a kegiatan without anggaran: the program's and the total's are marked blanks
    _, sekcam = agreement(pdf_pages, "Drs. BUDI SANTOSO", "Sekretaris Kecamatan Kepanjen")
    assert f"1 {PROGRAM_SEKCAM} {KOSONG} Jumlah {KOSONG}" in sekcam
    # the Camat's agreement carries every program of the kecamatan
    _, camat = agreement(pdf_pages, "ABAI SALEH, S.Sos., MM", "Camat Kepanjen")
    assert PROGRAM_PEM in camat and PROGRAM_SEKCAM in camat
    assert f"Sekretaris Kecamatan (SEKCAM): anggaran {PROGRAM_SEKCAM}" in pk["laporan"].kurang
    rows = [list(r) for r in load_workbook(pk["xlsx"])["KASI-PEM"].iter_rows(values_only=True)]
    program = next(r for r in rows if r[1] == f"7.01.02 {PROGRAM_PEM}")
    assert program[3] == 175_000_000
    assert next(r for r in rows if r[1] == "Jumlah")[3] == 175_000_000
