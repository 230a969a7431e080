"""Long is legal (issue 18, item 9): a tugas of about 5,000 characters or an indicator name of
about 1,500 is split or wrapped over pages in every report, never a layout error."""

from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop.db import ops_indikator, ops_uraian
from kinerja_desktop.db.models import Indikator, Jabatan, NilaiRealisasi, NilaiTarget
from kinerja_desktop.reports.capaian import export_capaian
from kinerja_desktop.reports.iki import export_iki

TUGAS = " ".join(f"kata{i:04d}" for i in range(560))  # about 5,000 characters
NAMA = " ".join(f"nama{i:03d}" for i in range(190))  # about 1,500 characters
SUMBER = "sumberdata" * 150  # 1,500 characters without a space to break at


def _panjang(db) -> Indikator:
    jabatan = Jabatan.get(Jabatan.kode == "KASI-KESOS", Jabatan.tahun == 2020)
    ops_uraian.insert_uraian(jabatan.id, "tugas", [TUGAS])
    ops_uraian.insert_uraian(jabatan.id, "fungsi", [TUGAS])
    ind = Indikator.get(Indikator.kode == "KASI-KESOS.01")
    ops_indikator.update_indikator(ind.id, {"nama": NAMA, "formula": NAMA, "sumber_data": SUMBER})
    return ind


def _teks(pdf) -> str:
    return "".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())


def test_iki_pdf_and_workbook_carry_a_long_tugas_and_indicator_name(db, tmp_path):
    _panjang(db)
    for kertas in ("f4", "a4"):
        pdf = export_iki(
            2020, tmp_path / f"iki-{kertas}.pdf", kertas=kertas, jabatan_kode="KASI-KESOS"
        )
        teks = _teks(pdf)
        assert "kata0000" in teks and "kata0559" in teks
        assert "nama000" in teks and "nama189" in teks
    wb = load_workbook(export_iki(2020, tmp_path / "iki.xlsx", jabatan_kode="KASI-KESOS"))
    assert any(TUGAS in str(c.value) for ws in wb for row in ws.iter_rows() for c in row)


def test_capaian_pdf_carries_a_long_indicator_name(db, tmp_path):
    ind = _panjang(db)
    NilaiTarget.create(indikator=ind, periode="2020", nilai=12, sumber="entri", diubah="2020")
    NilaiRealisasi.create(
        indikator=ind, periode="202001", desa=1, nilai=3, sumber="entri", diubah="2020"
    )
    for kertas in ("f4", "a4"):
        pdf = export_capaian(2020, "2020Q1", tmp_path / f"capaian-{kertas}.pdf", kertas=kertas)
        teks = _teks(pdf)
        assert "nama000" in teks and "nama189" in teks
    export_capaian(2020, "2020Q1", tmp_path / "capaian.xlsx")


def test_desa_template_rows_stay_within_excel_row_height(db, tmp_path):
    from kinerja_desktop.exchange.desa_template import make_desa_templates

    _panjang(db)
    [hasil] = make_desa_templates(2020, tmp_path, "2020Q1", "35.07.13.2001")
    ws = load_workbook(hasil.path)["Isian"]
    tinggi = [d.height for d in ws.row_dimensions.values() if d.height]
    assert max(tinggi) == 409  # Excel's largest row height; the name itself wraps inside
    assert any(NAMA in str(c.value) for row in ws.iter_rows() for c in row)
