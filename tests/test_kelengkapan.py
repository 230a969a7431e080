"""Kelengkapan Data Desa: what is due, what is missing, and the list of it to print or send."""

from datetime import date

import openpyxl
from desa_bantuan import KEMIRI, isi, templat
from pypdf import PdfReader

from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.reports.kekurangan import daftar_kekurangan, export_kekurangan
from kinerja_desktop.reports.kelengkapan import indikator_desa, kelengkapan


def test_only_ended_periods_are_due_and_each_cell_names_what_is_missing(db, tmp_path):
    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 1})])
    _, sel = kelengkapan(2020, "bulan", date(2020, 3, 15))
    kemiri = {s.periode: s for s in sel if s.kode_desa == KEMIRI}
    assert kemiri["202001"].jatuh_tempo and kemiri["202002"].jatuh_tempo
    assert not kemiri["202003"].jatuh_tempo  # March is still running on 15 March
    kode = list(indikator_desa(2020))
    assert kemiri["202001"].kurang == tuple(kode[1:])  # the first indicator was sent
    assert kemiri["202002"].kurang == tuple(kode)
    assert kemiri["202001"].nama_desa == "Desa Kemiri"


def test_missing_list_as_pdf_and_excel(db, tmp_path):
    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 1})])
    hari = date(2020, 3, 15)
    daftar = daftar_kekurangan(2020, "bulan", hari)
    assert len(daftar.baris) == 18 * 2  # January and February, every desa; not March
    kemiri = next(
        b for b in daftar.baris if b.desa == "Desa Kemiri" and b.periode == "Januari 2020"
    )
    assert len(kemiri.missing_text.split("\n")) == len(indikator_desa(2020)) - 1
    assert "Belum mengirim data (42 indikator)." in [b.missing_text for b in daftar.baris]

    pdf = export_kekurangan(2020, "bulan", tmp_path / "k.pdf", "a4", hari_ini=hari)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "DATA DESA/KELURAHAN YANG BELUM LENGKAP" in text
    assert "KEADAAN 15 MARET 2020" in text and "Maret 2020" not in text.replace("MARET", "")

    xlsx = export_kekurangan(2020, "bulan", tmp_path / "k.xlsx", "a4", hari_ini=hari)
    ws = openpyxl.load_workbook(xlsx)["Kekurangan"]
    assert [c.value for c in ws[4]] == [
        "No", "Desa/Kelurahan", "Periode", "Kode", "Indikator yang belum ada",
    ]  # fmt: skip
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    kemiri_jan = [r for r in rows if r[1] == "Desa Kemiri" and r[2] == "Januari 2020"]
    assert len(kemiri_jan) == len(indikator_desa(2020)) - 1  # one row per missing indicator
    assert len(rows) == 35 + len(kemiri_jan)  # the other 35 desa-months sent nothing
    assert ("Desa Sengguruh", "Februari 2020", None, "Belum mengirim data (42 indikator).") in [
        r[1:] for r in rows
    ]
    assert ws.auto_filter.ref.startswith("A4:E")
