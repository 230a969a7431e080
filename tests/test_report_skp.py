"""The SKP documents read back: the PDF to sign (F4, fonts embedded, every indicator, target,
realisasi, rating and signatory on the pegawai's own pages, the office recap with the
distribution check) and the e-Kinerja workbook (every row and column where it belongs)."""

import re
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from skp_bantuan import isi_kantor

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.ops_skp import add_hasil_kerja, update_ekspektasi
from kinerja_desktop.db.ops_skp_evaluasi import (
    set_evaluasi,
    set_realisasi_skp,
    set_umpan_perilaku,
)
from kinerja_desktop.db.skp_aturan import set_predikat_organisasi
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.skp import Bagian, Rating
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan
from kinerja_desktop.reports.skp import export_skp
from kinerja_desktop.reports.skp_data import build_skp_report
from kinerja_desktop.reports.skp_xlsx import BARIS_KEPALA

F4 = (215 * 72 / 25.4, 330 * 72 / 25.4)
CAMAT = ("ABAI SALEH, S.Sos., MM", "19690505 199009 1 002")
KOLOM_EKINERJA = [
    "NIP",
    "Nama",
    "Jenis",
    "No",
    "Rencana Hasil Kerja Pimpinan yang Diintervensi",
    "Rencana Hasil Kerja",
    "Aspek",
    "Indikator Kinerja Individu",
    "Target",
    "Satuan",
    "Realisasi",
    "Umpan Balik",
]


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare equal to the stored text."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def kantor(tmp_path_factory, seeded_db_template):
    """The small office of skp_bantuan with a typed Tambahan row, feedback, expectations,
    decisions and the kecamatan's predikat; the office PDF and workbook of the year and one
    pegawai's Triwulan I PDF, written once and read back by every test."""
    folder = tmp_path_factory.mktemp("skp")
    path = folder / "kinerja.sqlite3"
    shutil.copyfile(seeded_db_template, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DATA_DIR", str(folder / "data"))
        open_database(path)
        try:
            ids = isi_kantor()
            ani = ids.skp["OD-KESOS"]
            tambahan = add_hasil_kerja(
                ani,
                Bagian.TAMBAHAN,
                {
                    "rhk": "Terselenggaranya Hari Jadi Kabupaten",
                    "indikator": "Laporan kepanitiaan Hari Jadi",
                    "target": "1",
                    "satuan": "laporan",
                },
            ).data
            set_realisasi_skp(tambahan, "2020", "1 laporan", "Laporan rapi dan lengkap")
            update_ekspektasi(ani, "kolaboratif", "Membantu rekan saat pendataan DTKS")
            set_umpan_perilaku(ani, "kolaboratif", "2020", "Sigap membantu seksi lain")
            set_evaluasi(ani, "2020", Rating.SESUAI, Rating.DIATAS, "Ikut pelatihan SIKS-NG")
            set_evaluasi(ani, "2020Q1", Rating.DIATAS, Rating.DIATAS)
            set_evaluasi(ids.skp["SEKCAM"], "2020", Rating.DIBAWAH, Rating.SESUAI)
            set_predikat_organisasi(2020, "Baik")
            laporan = build_skp_report(2020)
            pdf, _ = export_skp(2020, folder / "SKP-2020.pdf", kertas="f4")
            xlsx, _ = export_skp(2020, folder / "SKP-2020.xlsx")
            satu, satu_laporan = export_skp(
                2020, folder / "SKP-Ani-Q1.pdf", periode="2020Q1", nip="199005062015032003"
            )
        finally:
            database_proxy.obj.close()
            database_proxy.initialize(None)
    pages = [flat(p.extract_text()) for p in PdfReader(pdf).pages]
    return laporan, pdf, pages, xlsx, satu, satu_laporan, path


def _halaman_pegawai(pages: list[str], nama: str) -> str:
    """The pages of one pegawai's documents: from their SKP page to the next pegawai's."""
    mulai = [i for i, p in enumerate(pages) if p.startswith("SASARAN KINERJA PEGAWAI")]
    for n, i in enumerate(mulai):
        if f"Nama {nama}" in pages[i]:
            akhir = mulai[n + 1] if n + 1 < len(mulai) else len(pages)
            return " ".join(pages[i:akhir])
    raise AssertionError(f"no SKP pages for {nama}")


def test_pdf_is_f4_numbered_with_embedded_fonts(kantor):
    reader = PdfReader(kantor[1])
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert float(page.mediabox.width) == pytest.approx(F4[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(F4[1], abs=0.5)
        assert f"Halaman {number} dari {total}" in page.extract_text()
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_every_indicator_target_and_realisasi_is_on_its_pegawais_pages(kantor):
    laporan, _, pages, *_ = kantor
    assert len(laporan.dokumen) == 5
    for dok in laporan.dokumen:
        teks = _halaman_pegawai(pages, dok.data.pegawai.nama)
        for r in dok.data.hasil_kerja:
            assert flat(r.indikator) in teks, r.indikator
            assert flat(r.rhk) in teks
            if r.target:
                assert r.target_satuan in teks
        for p in dok.data.perilaku:
            assert p.nama in teks
    ani = _halaman_pegawai(pages, "Ani Rahmawati")
    # OD-KESOS.01: 14 of 12 in the year, from the stored values; the typed Tambahan row
    evaluasi = ani[ani.index("EVALUASI KINERJA PEGAWAI") :]
    assert "Jumlah draf/konsep surat" in evaluasi and " 12 dokumen 14 " in evaluasi
    assert "1 laporan 1 laporan Laporan rapi dan lengkap" in evaluasi
    assert "Membantu rekan saat pendataan DTKS" in ani
    assert "Sigap membantu seksi lain" in evaluasi


def test_ratings_proposal_and_predikat_are_printed(kantor):
    pages = kantor[2]
    ani = _halaman_pegawai(pages, "Ani Rahmawati")
    evaluasi = ani[ani.index("EVALUASI KINERJA PEGAWAI") : ani.index("DOKUMEN EVALUASI")]
    assert "RATING HASIL KERJA Sesuai Ekspektasi" in evaluasi
    assert "Usulan aplikasi Diatas Ekspektasi (Rata-rata capaian 116,7%" in evaluasi
    assert "RATING PERILAKU KERJA Diatas Ekspektasi" in evaluasi
    assert "PREDIKAT KINERJA PEGAWAI Baik" in evaluasi
    # Dewi's indicators have no capaian: the reason says "tidak ada usulan" once
    dewi = _halaman_pegawai(pages, "Dewi Lestari, S.STP")
    assert "Usulan aplikasi Belum ada capaian (0 dari 3 indikator): tidak ada usulan." in dewi
    assert "tidak ada usulan (" not in dewi
    dokumen = ani[ani.index("DOKUMEN EVALUASI KINERJA PEGAWAI") :]
    assert "Predikat Kinerja Organisasi Baik" in dokumen
    assert "Capaian Kinerja Organisasi 116,7% (rata-rata capaian 1 dari 84 indikator" in dokumen
    assert "Rating Hasil Kerja Sesuai Ekspektasi" in dokumen
    assert "Predikat Kinerja Pegawai Baik" in dokumen
    assert "Ikut pelatihan SIKS-NG" in dokumen
    dewi = _halaman_pegawai(pages, "Dewi Lestari, S.STP")
    assert "PREDIKAT KINERJA PEGAWAI Butuh Perbaikan" in dewi
    budi = _halaman_pegawai(pages, "Budi Santoso, S.Sos")
    assert "PREDIKAT KINERJA PEGAWAI belum ditetapkan" in budi


def test_signatories_sign_their_own_pegawais_pages(kantor):
    laporan, _, pages, *_ = kantor
    for dok in laporan.dokumen:
        teks = _halaman_pegawai(pages, dok.data.pegawai.nama)
        penilai = dok.data.penilai
        assert penilai is not None
        # the plan and the evaluation: both parties; the Dokumen Evaluasi: the penilai
        assert teks.count("Pegawai yang Dinilai,") == 2
        assert teks.count("Pejabat Penilai Kinerja,") == 3
        assert (
            teks.count(f"{penilai.nama} {penilai.pangkat_golongan} NIP. {format_nip(penilai.nip)}")
            == 3
        )
        p = dok.data.pegawai
        if p.nip:
            assert teks.count(f"{p.nama} {p.pangkat_golongan} NIP. {format_nip(p.nip)}") == 2
    ani = _halaman_pegawai(pages, "Ani Rahmawati")
    assert "Ani Rahmawati NIP. ……" in ani  # no NIP, no pangkat: blanks to fill by hand
    # the Kasi is assessed by the Camat, and the Camat's own atasan is left blank
    budi = _halaman_pegawai(pages, "Budi Santoso, S.Sos")
    assert f"{CAMAT[0]} Pembina Tingkat I (IV/b) NIP. {CAMAT[1]}" in budi
    assert "Kepanjen, 31 Desember 2020" in budi


def test_office_recap_has_every_predikat_the_curve_and_the_camat(kantor):
    pages = kantor[2]
    recap = pages[0] + " " + (pages[1] if not pages[1].startswith("SASARAN") else "")
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI" in recap
    assert "PERIODE: TAHUNAN 2020" in recap
    assert "Ani Rahmawati" in recap and "Sesuai Ekspektasi Diatas Ekspektasi Baik" in recap
    assert "Predikat organisasi: Baik." in recap
    assert "Baik 1 (50%)" in recap and "Butuh Perbaikan 1 (50%)" in recap
    assert "3 pegawai belum mendapat predikat tahunan." in recap
    assert "Sebaran predikat sesuai kurva distribusi." in recap
    assert "PermenPANRB 6/2022" in recap
    assert f"CAMAT KEPANJEN {CAMAT[0]} Pembina Tingkat I NIP. {CAMAT[1]}" in recap


def test_one_pegawais_triwulan_pdf(kantor):
    satu, laporan = kantor[4], kantor[5]
    pages = [flat(p.extract_text()) for p in PdfReader(satu).pages]
    teks = " ".join(pages)
    assert pages[0].startswith("SASARAN KINERJA PEGAWAI")  # no office recap
    assert "PERIODE: TRIWULAN I 2020 (1 Januari s.d. 31 Maret 2020)" in teks
    assert "Fitri Handayani" in teks and "Eko Prasetyo, SE" in teks
    assert "Kepanjen, 31 Maret 2020" in teks
    assert [d.data.pegawai.nama for d in laporan.dokumen] == ["Fitri Handayani"]


def test_workbook_in_ekinerja_column_order(kantor):
    laporan, xlsx = kantor[0], kantor[3]
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Hasil Kerja", "Perilaku Kerja", "Evaluasi", "Kurva Distribusi"]
    hasil = wb["Hasil Kerja"]
    assert [c.value for c in hasil[BARIS_KEPALA]] == KOLOM_EKINERJA
    rows = [[c.value or "" for c in r] for r in hasil.iter_rows(min_row=BARIS_KEPALA + 1)]
    assert len(rows) == sum(len(d.data.hasil_kerja) for d in laporan.dokumen)
    for dok in laporan.dokumen:
        nip = format_nip(dok.data.pegawai.nip) if dok.data.pegawai.nip else "…………………………"
        mine = [r for r in rows if r[1] == dok.data.pegawai.nama]
        assert [r[7] for r in mine] == [h.indikator for h in dok.data.hasil_kerja]
        assert [(r[8], r[9]) for r in mine] == [(h.target, h.satuan) for h in dok.data.hasil_kerja]
        assert {r[0] for r in mine} == {nip}
    ani = [r for r in rows if r[1] == "Ani Rahmawati"]
    assert ani[0][2:4] == ["Utama", "1"] and ani[0][6] == "Kuantitas"
    assert ani[0][10] == "14"
    assert ani[-1][2:4] == ["Tambahan", "1"]
    assert ani[-1][10:12] == ["1 laporan", "Laporan rapi dan lengkap"]

    perilaku = [[c.value or "" for c in r] for r in wb["Perilaku Kerja"].iter_rows(min_row=4)]
    assert len(perilaku) == 7 * len(laporan.dokumen)
    kolaboratif = [r for r in perilaku if r[1] == "Ani Rahmawati" and r[3] == "Kolaboratif"]
    assert kolaboratif == [
        [
            "…………………………",
            "Ani Rahmawati",
            "7",
            "Kolaboratif",
            "Membantu rekan saat pendataan DTKS",
            "Sigap membantu seksi lain",
        ]
    ]
    evaluasi = {r[1].value: [c.value for c in r] for r in wb["Evaluasi"].iter_rows(min_row=4)}
    assert evaluasi["Ani Rahmawati"][3:5] == ["Budi Santoso, S.Sos", "19750708 200012 1 004"]
    assert evaluasi["Ani Rahmawati"][6:10] == [
        "Sesuai Ekspektasi",
        "Diatas Ekspektasi",
        "Baik",
        "Ikut pelatihan SIKS-NG",
    ]
    assert evaluasi["Ani Rahmawati"][5].startswith("Diatas Ekspektasi (Rata-rata capaian 116,7%")
    assert evaluasi["Dewi Lestari, S.STP"][8] == "Butuh Perbaikan"
    kurva = " ".join(str(c.value) for c in wb["Kurva Distribusi"]["A"] if c.value)
    # LibreOffice printed the sheet at full size, a 110-wide column cut at the page's edge;
    # 72 units is the widest it printed whole on a portrait page (text wraps inside it)
    assert wb["Kurva Distribusi"].column_dimensions["A"].width <= 70
    assert all(c.alignment.wrap_text for c in wb["Kurva Distribusi"]["A"] if c.value)
    # a bold font without a name printed in LibreOffice's serif default
    tebal = [c for ws in wb for r in ws.iter_rows() for c in r if c.value and c.font.b]
    assert tebal and {(c.font.name, c.font.sz) for c in tebal} == {("Calibri", 11)}
    assert "Predikat organisasi: Baik." in kurva and "Ani Rahmawati (pegawai" in kurva


def test_report_skp_command_lists_what_is_missing_before_writing(kantor, capsys, tmp_path):
    db = kantor[6]
    out = tmp_path / "skp.xlsx"
    assert main(["--db", str(db), "report", "skp", "--tahun", "2020", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    kurang = printed.index("Perlu dilengkapi sebelum ditandatangani:")
    assert kurang < printed.index("ditulis ke")
    assert "Ani Rahmawati (pegawai" in printed and "17 jabatan tahun 2020" in printed
    assert "Sebaran predikat sesuai kurva distribusi." in printed
    assert "SKP Tahunan 2020 (5 pegawai, Excel) ditulis ke" in printed
    assert load_workbook(out).sheetnames[0] == "Hasil Kerja"
    argv = ["--db", str(db), "report", "skp", "--tahun", "2020", "--out", str(tmp_path / "x.doc")]
    assert main(argv) != 0
    assert "harus berakhiran .pdf" in capsys.readouterr().err


def test_refusals_are_indonesian(db, tmp_path):
    with pytest.raises(DataTidakValid, match="Belum ada SKP tahun 2020"):
        export_skp(2020, tmp_path / "a.pdf")
    isi_kantor()
    with pytest.raises(TidakDitemukan, match="Tidak ada pegawai dengan NIP 123"):
        export_skp(2020, tmp_path / "a.pdf", nip="123")
    with pytest.raises(DataTidakValid, match="bukan 202001"):
        export_skp(2020, tmp_path / "a.pdf", periode="202001")


def test_a_nip_written_with_dots_or_dashes_finds_its_pegawai(kantor):
    open_database(kantor[6])
    try:
        for nip in ("19900506.201503.2.003", "19900506-201503-2-003", "19900506 201503 2 003"):
            [dokumen] = build_skp_report(2020, nip=nip).dokumen
            assert dokumen.data.pegawai.nama == "Fitri Handayani"
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)


def test_the_report_reads_in_bulk_whatever_the_number_of_skp(db, monkeypatch):
    """The parties, plans and evaluations are read once for the whole office, not once per SKP
    (a server database over the office network pays for every round trip): the report of five
    SKP sends about as many statements as the report of one."""
    isi_kantor()
    database = database_proxy.obj
    dikirim: list[str] = []
    asli = database.execute_sql

    def catat(sql, *args, **kwargs):
        dikirim.append(sql)
        return asli(sql, *args, **kwargs)

    def pihak(sql: str) -> bool:
        return re.search(r'FROM "(pegawai|pangkat|jabatan)" ', sql) is not None

    monkeypatch.setattr(database, "execute_sql", catat)
    satu = build_skp_report(2020, nip="199005062015032003")
    n_satu, pihak_satu, dikirim[:] = len(dikirim), sum(map(pihak, dikirim)), []
    semua = build_skp_report(2020)
    assert len(satu.dokumen) == 1 and len(semua.dokumen) == 5
    assert sum(map(pihak, dikirim)) == pihak_satu
    # nor the plans, values and evaluations: a fixed number of statements (44 for one SKP;
    # listing every SKP of the year takes one more than finding one pegawai's by NIP)
    assert len(dikirim) <= n_satu + 1
