"""The desa template as a desa operator and Excel see it: labels, locks, validation, printing."""

import openpyxl
from desa_bantuan import KEMIRI, templat

from kinerja_desktop.db.models import Indikator
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.exchange.desa_layout import BARIS_DATA_AWAL, BARIS_JUDUL_KOLOM
from kinerja_desktop.exchange.desa_template import make_desa_templates


def test_one_workbook_per_desa_named_with_desa_and_period(db, tmp_path):
    hasil = make_desa_templates(2020, tmp_path, "2020Q2")
    assert len(hasil) == 18
    nama = sorted(h.path.name for h in hasil)
    assert "Isian IKI - Desa Kemiri - Triwulan II 2020.xlsx" in nama
    assert "Isian IKI - Kelurahan Kepanjen - Triwulan II 2020.xlsx" in nama


def test_a_folder_not_made_yet_is_made(db, tmp_path):
    hasil = make_desa_templates(2020, tmp_path / "flashdisk" / "templat-2020", "2020Q2")
    assert len(list((tmp_path / "flashdisk" / "templat-2020").glob("*.xlsx"))) == len(hasil) == 18


def test_sheets_labels_and_metadata(db, tmp_path):
    wb = openpyxl.load_workbook(templat(tmp_path, periode="2020"))
    assert wb.sheetnames == ["Petunjuk", "Isian", "_meta"]
    assert wb["_meta"].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    petunjuk = "\n".join(str(c.value or "") for c in wb["Petunjuk"]["A"])
    assert "Berkas ini untuk Desa Kemiri, Kecamatan Kepanjen, Kabupaten Malang." in petunjuk
    assert "Kosong berarti belum lapor, bukan 0." in petunjuk

    ws = wb["Isian"]
    judul = [c.value for c in ws[BARIS_JUDUL_KOLOM]]
    assert judul[:5] == ["No", "Kode", "Indikator", "Yang diisi", "Satuan"]
    assert judul[5:] == [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        "Jumlah",
    ]  # fmt: skip
    pertama = desa_indicators(2020)[0]
    baris = [c.value for c in ws[BARIS_DATA_AWAL]][:5]
    assert baris == [1, pertama.kode, " ".join(pertama.nama.split()), "Jumlah", "kegiatan"]
    meta = {r[0].value: r[1].value for r in wb["_meta"].iter_rows()}
    assert meta["kode_desa"] == KEMIRI and meta["tahun"] == "2020" and meta["periode"] == "2020"
    assert meta["versi_templat"] == "1" and len(meta["checksum"]) == 16


def test_only_input_cells_are_unlocked_and_validated(db, tmp_path):
    ws = openpyxl.load_workbook(templat(tmp_path))["Isian"]
    assert ws.protection.sheet
    n = len(desa_indicators(2020))
    for r in range(1, BARIS_DATA_AWAL + n + 2):
        for c in range(1, 10):
            masukan = BARIS_DATA_AWAL <= r < BARIS_DATA_AWAL + n and 6 <= c <= 8
            assert ws.cell(r, c).protection.locked is not masukan, ws.cell(r, c).coordinate
    [aturan] = ws.data_validations.dataValidation
    assert (aturan.type, aturan.operator, aturan.formula1, aturan.formula2) == (
        "whole",
        "between",
        "0",
        "10000000",
    )
    assert str(aturan.sqref).split()[0] == f"F{BARIS_DATA_AWAL}:H{BARIS_DATA_AWAL}"
    assert len(str(aturan.sqref).split()) == n
    assert "angka bulat 0 sampai 10.000.000" in aturan.error


def test_percentage_rows_are_checked_by_excel_too(db, tmp_path):
    kode = desa_indicators(2020)[0].kode
    Indikator.update(jenis="persentase", pembilang="a", penyebut="b").where(
        (Indikator.tahun == 2020) & (Indikator.kode == kode)
    ).execute()
    ws = openpyxl.load_workbook(templat(tmp_path))["Isian"]
    custom = [d for d in ws.data_validations.dataValidation if d.type == "custom"]
    assert [str(d.sqref) for d in custom] == ["F7:H7", "F8:H8"]
    assert "F7<=F8" in custom[0].formula1 and "F7<=F8" in custom[1].formula1
    assert "F7<=10000000" in custom[0].formula1 and "F8<=10000000" in custom[1].formula1


def test_prints_one_page_wide_on_folio(db, tmp_path):
    ws = openpyxl.load_workbook(templat(tmp_path, periode="2020"))["Isian"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 14
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == f"${BARIS_JUDUL_KOLOM}:${BARIS_JUDUL_KOLOM}"


def test_labels_never_become_formulas(db, tmp_path):
    kode = desa_indicators(2020)[0].kode
    Indikator.update(nama='=HYPERLINK("http://contoh","klik")', satuan="=1+1").where(
        (Indikator.tahun == 2020) & (Indikator.kode == kode)
    ).execute()
    ws = openpyxl.load_workbook(templat(tmp_path))["Isian"]
    for c in (3, 5):
        assert ws.cell(BARIS_DATA_AWAL, c).data_type == "s"
    assert ws.cell(BARIS_DATA_AWAL, 3).value.startswith("=HYPERLINK")


def test_every_desa_indicator_with_sub_items_lists_them_where_the_clerk_fills_in(db, tmp_path):
    """ "Jumlah Pelayanan pelayanan kependudukan, yaitu :" must be followed by what to count,
    worded as in the decree (a. Pengantar e-KTP, b. Pengantar KK, …), on the row typed in."""
    from kinerja_desktop.db.models import SubIndikator
    from kinerja_desktop.exchange.desa_layout import KOLOM_KODE

    ws = openpyxl.load_workbook(templat(tmp_path, periode="2020"))["Isian"]
    baris = {}
    for r in range(BARIS_DATA_AWAL, ws.max_row + 1):
        baris.setdefault(ws.cell(r, KOLOM_KODE).value, []).append(r)
    dengan_butir = [i for i in desa_indicators(2020) if i.sub.count()]
    assert len(dengan_butir) >= 2
    kependudukan = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "ADM-ADUAN.01")
    assert kependudukan in dengan_butir
    for ind in dengan_butir:
        butir = [s.teks for s in ind.sub.order_by(SubIndikator.urutan)]
        for r in baris[ind.kode]:  # both rows of a percentage
            label = ws.cell(r, 3).value
            lines = label.split("\n")
            assert lines[0] == " ".join(ind.nama.split())
            for huruf, teks in zip("abcdefghij", butir, strict=False):
                assert f"{huruf}. {' '.join(teks.split())}" in lines, (ind.kode, teks)
            assert ws.row_dimensions[r].height >= 15 * len(lines)  # nothing hidden in print
    label = ws.cell(baris["ADM-ADUAN.01"][0], 3).value
    assert label.endswith("a. Pengantar e-KTP\nb. Pengantar KK\nc. Pengantar Pindah Tempat")
