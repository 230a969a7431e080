"""The Rencana Aksi and the quarterly monev read back as the kabupaten's reviewer reads them:
each jabatan's indicators with the quarterly targets (typed or marked as derived), programs
and anggaran in Rupiah with their total, the actions with sub-actions and penanggung jawab;
the monev's realisasi of the quarter and up to it, capaian, kategori, budget realised and its
share, the Keterangan/Kendala, and where each number came from."""

import re
import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan
from kinerja_desktop.reports.monev import export_monev
from kinerja_desktop.reports.monev_data import build_monev
from kinerja_desktop.reports.rencana_aksi import export_rencana_aksi
from kinerja_desktop.reports.rencana_aksi_data import build_rencana_aksi
from kinerja_desktop.reports.tabel_xlsx import FORMAT_RUPIAH

sys.path.insert(0, str(Path(__file__).parent))
from dokumen_bantuan import (  # noqa: E402
    KEGIATAN_PEM,
    PROGRAM_PEM,
    impor_csv,
    isi_semua,
)

F4_LANDSCAPE = (330 * 72 / 25.4, 215 * 72 / 25.4)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def dokumen(tmp_path_factory, seeded_db_template):
    """The 2020 Rencana Aksi and the monev of Triwulan II, each as PDF and Excel, once."""
    folder = tmp_path_factory.mktemp("dokumen")
    shutil.copyfile(seeded_db_template, folder / "kinerja.sqlite3")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DATA_DIR", str(folder / "data"))
        db = open_database(folder / "kinerja.sqlite3")
        try:
            isi_semua()
            hasil = {"csv": impor_csv(folder)}
            hasil["ra"] = build_rencana_aksi(2020)
            hasil["ra_pdf"] = export_rencana_aksi(2020, folder / "RA.pdf")
            hasil["ra_xlsx"] = export_rencana_aksi(2020, folder / "RA.xlsx")
            hasil["monev"] = build_monev(2020, "2020Q2")
            hasil["monev_pdf"] = export_monev(2020, "2020Q2", folder / "Monev.pdf")
            hasil["monev_xlsx"] = export_monev(2020, "2020Q2", folder / "Monev.xlsx")
        finally:
            db.close()
            database_proxy.initialize(None)
    return hasil


def halaman(path: Path, jabatan: str) -> str:
    """The text of the pages of one jabatan (from its heading to the next jabatan's)."""
    pages = [flat(p.extract_text()) for p in PdfReader(path).pages]
    mulai = next(i for i, p in enumerate(pages) if f"Jabatan: {jabatan} Pejabat:" in p)
    teks = [pages[mulai]]
    for p in pages[mulai + 1 :]:
        if "Jabatan: " in p:
            break
        teks.append(p)
    return " ".join(teks)


def sel(path: Path, sheet: str) -> list[list]:
    return [list(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


def test_rencana_aksi_is_landscape_f4_one_jabatan_per_page(dokumen):
    reader = PdfReader(dokumen["ra_pdf"])
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (width, height) == pytest.approx(F4_LANDSCAPE, abs=0.5)
    starts = [p for p in reader.pages if "RENCANA AKSI TAHUN 2020" in p.extract_text()]
    assert len(starts) == len(dokumen["ra"].jabatan) == 22  # the Camat has no Rencana Aksi


def test_rencana_aksi_signature_never_stands_alone_on_a_page(dokumen):
    ttd = dokumen["ra"].penandatangan
    pages = [flat(p.extract_text()) for p in PdfReader(dokumen["ra_pdf"]).pages]
    with_signature = [p for p in pages if ttd.nama in p]
    assert len(with_signature) == 22  # one per jabatan
    # the action table (or its last rows) is on the signature's page, above it
    assert all(not p.startswith(ttd.tempat_tanggal) for p in with_signature)
    kasi = next(p for p in with_signature if "Melaksanakan pembinaan" in p)
    assert kasi.index("Melaksanakan pembinaan") < kasi.index(ttd.tempat_tanggal)


def test_rencana_aksi_targets_programs_and_actions_where_they_belong(dokumen):
    kasi = halaman(dokumen["ra_pdf"], "Kasi Pemerintahan")
    # KASI-PEM.01: 24 a year, no quarterly target typed: 6 per triwulan, marked derived
    assert "Pembinaan perangkat desa kegiatan 24 6* 6* 6* 6*" in kasi
    # KASI-PEM.02: typed per triwulan (2, 3, 3, 4): the year is their sum, nothing marked
    assert "ADD/DD kegiatan 12 2 3 3 4" in kasi
    assert "* Target otomatis" in kasi
    assert f"1 7.01.02 {PROGRAM_PEM} Rp 175.000.000" in kasi
    assert f"1.1 {KEGIATAN_PEM[0]} Rp 125.000.000" in kasi
    assert "1.2 Fasilitasi Musyawarah Desa Rp 50.000.000 Jumlah Rp 175.000.000" in kasi
    assert "1 Menyusun jadwal pembinaan perangkat desa" in kasi
    assert "1.a Rapat koordinasi dengan desa 1 kali" in kasi
    assert "Staf Seksi Pemerintahan" in kasi and "Kasi Pemerintahan" in kasi
    assert "2 Melaksanakan pembinaan 6 kali 6 kali 6 kali" in kasi
    assert "CAMAT KEPANJEN ABAI SALEH, S.Sos., MM" in kasi
    sekcam = halaman(dokumen["ra_pdf"], "Sekretaris Kecamatan")
    assert "95 95* 95* 95* 95*" in sekcam  # a percentage keeps its level each triwulan
    assert "Belum ada rencana aksi untuk jabatan ini." in sekcam
    kurang = dokumen["ra"].kurang
    assert "Sekretaris Kecamatan (SEKCAM): anggaran kegiatan" in kurang
    assert "Kasubag Umum, Kepegawaian, Keuangan dan Aset (KASUBAG-UMUM): pemangku" in kurang


def test_rencana_aksi_workbook(dokumen):
    wb = load_workbook(dokumen["ra_xlsx"])
    assert wb.sheetnames[0] == "SEKCAM" and "KASI-PEM" in wb.sheetnames
    ws = wb["KASI-PEM"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 14
    rows = sel(dokumen["ra_xlsx"], "KASI-PEM")
    target = next(r for r in rows if r[2] == "Pembinaan perangkat desa")
    assert target[3:9] == ["kegiatan", "24", "6*", "6*", "6*", "6*"]
    program = next(r for r in rows if r[1] and str(r[1]).startswith("7.01.02"))
    assert program[4] == 175_000_000
    assert ws.cell(row=rows.index(program) + 1, column=5).number_format == FORMAT_RUPIAH
    jumlah = next(r for r in rows if r[1] == "Jumlah")
    assert jumlah[4] == 175_000_000
    sub = next(r for r in rows if r[0] == "1.b")
    assert sub[2] == "Menyusun undangan" and sub[8] == "Staf Seksi Pemerintahan"


def test_monev_of_the_quarter_and_up_to_it(dokumen):
    kasi = halaman(dokumen["monev_pdf"], "Kasi Pemerintahan")
    assert "KECAMATAN KEPANJEN — TRIWULAN II 2020" in kasi
    for kolom in (
        "Target TW II",
        "Realisasi TW II",
        "Realisasi s.d. TW II",
        "Capaian s.d. TW II (%)",
    ):
        assert kolom in kasi, kolom
    # 5 a month typed: 15 in TW II, 30 since January; target up to TW II 24 × 6/12 = 12
    assert "Pembinaan perangkat desa kegiatan 24 6* 15 30 250,0 Sangat Tinggi" in kasi
    # the derived target's mark is explained under the table, as in the Rencana Aksi
    assert "* Target otomatis: target triwulan yang tidak diisi dihitung" in kasi
    assert (
        "Kendala: Jadwal desa bentrok dengan Musdes Tindak lanjut: Jadwal digeser ke Juli" in kasi
    )
    # CSV: 1 in January, 2 in May; targets typed 2, 3: TW II 3, up to TW II 5 → 60%
    assert "ADD/DD kegiatan 12 3 2 3 60,0 Rendah" in kasi
    assert "laporan ……… ……… belum ada data belum ada data - - Belum ada data realisasi." in kasi
    assert (
        "Capaian jabatan s.d. TW II: 155,0% (Sangat Tinggi), rata-rata 2 dari 3 indikator." in kasi
    )
    # the budget: TW III's Rp 10.000.000 is not part of TW II
    assert f"{KEGIATAN_PEM[0]} Rp 125.000.000 Rp 35.000.000 Rp 55.000.000 44,0%" in kasi
    assert "Fasilitasi Musyawarah Desa Rp 50.000.000 - - -" in kasi
    assert "Jumlah Rp 175.000.000 Rp 35.000.000 Rp 55.000.000 31,4%" in kasi
    whole = " ".join(flat(p.extract_text()) for p in PdfReader(dokumen["monev_pdf"]).pages)
    assert "Kategori capaian" in whole and "Capaian s.d. TW II = realisasi Januari" in whole
    assert "Kepanjen, 30 Juni 2020 CAMAT KEPANJEN" in whole


def test_monev_asal_angka(dokumen):
    nama, sha = dokumen["csv"]
    whole = " ".join(flat(p.extract_text()) for p in PdfReader(dokumen["monev_pdf"]).pages)
    lampiran = whole[whole.index("LAMPIRAN: ASAL ANGKA") :]
    # the last column counts stored values; headed "Nilai" it read as a value of 0
    assert "Waktu Jumlah nilai" in lampiran and "Jumlah nilai: berapa nilai realisasi" in lampiran
    assert "KASI-PEM.01 Pembinaan perangkat desa Diketik di aplikasi" in lampiran
    assert nama in lampiran and sha[:24] in lampiran.replace(" ", "")
    rows = sel(dokumen["monev_xlsx"], "Asal Angka")
    csv = next(r for r in rows if r[2] == "Impor CSV")
    assert csv[1].startswith("KASI-PEM.02") and csv[3] == nama and csv[4] == sha and csv[6] == 2


def test_monev_workbook(dokumen):
    wb = load_workbook(dokumen["monev_xlsx"])
    assert wb.sheetnames[-2:] == ["Keterangan", "Asal Angka"]
    rows = sel(dokumen["monev_xlsx"], "KASI-PEM")
    baris = next(r for r in rows if r[2] == "Pembinaan perangkat desa")
    assert baris[4:10] == ["24", "6*", "15", "30", 250.0, "Sangat Tinggi"]
    assert baris[10].startswith("Kendala: Jadwal desa bentrok")
    assert any(str(r[0] or "").startswith("* Target otomatis") for r in rows)
    kegiatan = next(r for r in rows if r[1] == KEGIATAN_PEM[0])
    # Anggaran, Realisasi TW II and s.d. TW II each over two merged columns (E, G, I), then %
    assert [kegiatan[c] for c in (4, 6, 8, 10)] == [125_000_000, 35_000_000, 55_000_000, 44.0]
    ws = wb["KASI-PEM"]
    assert ws.page_setup.orientation == "landscape"
    # titles and headers bold in the sheet's own font: a bold font without a name printed
    # in LibreOffice's serif default
    for path in (dokumen["monev_xlsx"], dokumen["ra_xlsx"]):
        for sheet in load_workbook(path):
            tebal = [c for r in sheet.iter_rows() for c in r if c.value and c.font.b]
            assert tebal and {(c.font.name, c.font.sz) for c in tebal} == {("Calibri", 11)}


def test_documents_on_both_engines(db):
    isi_semua()
    ra = build_rencana_aksi(2020, "KASI-PEM")
    assert [a.nomor for a in ra.jabatan[0].aksi] == ["1", "1.a", "1.b", "2"]
    assert ra.jabatan[0].total_anggaran == 175_000_000
    monev = build_monev(2020, "2020Q3", "KASI-PEM")
    jumlah = monev.jabatan[0].jumlah
    assert (jumlah.realisasi_tw, jumlah.realisasi_kumulatif) == (10_000_000, 65_000_000)
    with pytest.raises(DataTidakValid, match="per triwulan"):
        build_monev(2020, "2020S1")
    with pytest.raises(TidakDitemukan, match="Camat tidak punya Rencana Aksi"):
        build_rencana_aksi(2020, "CAMAT")


def test_command_line(capsys, db_path, tmp_path):
    def run(*args):
        code = main(["--db", str(db_path), *args])
        database_proxy.initialize(None)
        return code, capsys.readouterr()

    code, out = run(
        "report", "rencana-aksi", "--tahun", "2020", "--jabatan", "kasi-pem",
        "--out", str(tmp_path / "ra.xlsx"),
    )  # fmt: skip
    assert code == 0 and "Rencana Aksi tahun 2020 (jabatan KASI-PEM, Excel)" in out.out
    assert "Belum tercatat" in out.out and "program dan anggaran" in out.out
    code, out = run(
        "report", "monev", "--tahun", "2020", "--periode", "2020Q1", "--tanpa-asal-angka",
        "--out", str(tmp_path / "monev.pdf"),
    )  # fmt: skip
    assert code == 0 and "Monev Triwulan I 2020 (PDF)" in out.out
    assert "ASAL ANGKA" not in " ".join(
        p.extract_text() for p in PdfReader(tmp_path / "monev.pdf").pages
    )
    code, out = run(
        "report", "monev", "--tahun", "2020", "--periode", "2020", "--out", str(tmp_path / "m.pdf")
    )
    assert code == 1 and "Monev dibuat per triwulan" in out.err


def test_asal_angka_is_read_once_for_all_jabatan(db_path, tmp_path, monkeypatch):
    from kinerja_desktop.reports.pk_versi import build_pk_report

    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "data"))
    db = open_database(db_path)
    try:
        isi_semua()
        impor_csv(tmp_path)
        perintah: list[str] = []
        db.connection().set_trace_callback(perintah.append)
        monev = build_monev(2020, "2020Q2")
        pk = build_pk_report(2020, asal_angka=True)
        db.connection().set_trace_callback(None)
    finally:
        db.close()
        database_proxy.initialize(None)
    assert len(monev.asal) > 20 and len(pk.asal) > 20
    # one read of the audit log and one of the import batches per document, not one per jabatan
    assert len([s for s in perintah if s.startswith("SELECT") and '"audit_log"' in s]) == 2
    assert len([s for s in perintah if s.startswith("SELECT") and 'FROM "impor_batch"' in s]) == 2
    kasi = dict(monev.asal)["Kasi Pemerintahan"]
    assert [a.kode for a in kasi][:2] == ["KASI-PEM.01", "KASI-PEM.02"]
    assert [a.jenis for a in kasi[1].asal] == ["Impor CSV"]
