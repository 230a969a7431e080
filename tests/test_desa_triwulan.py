"""A desa indicator reported per triwulan in the desa workbook: one figure per triwulan, in the
month that ends it. The template shows it (open cell, grey locked months with a note, the "Yang
diisi" text, the instructions), the import reads it back as completeness counts it, and a figure
in a grey month refuses the file naming the cell and where the figure goes."""

from datetime import date
from pathlib import Path

import openpyxl
from desa_bantuan import KEMIRI, isi, templat

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Desa, Indikator, NilaiRealisasi
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.exchange.desa_layout import BARIS_DATA_AWAL, KOLOM_BULAN_AWAL
from kinerja_desktop.reports.iki_struktur import BARIS_INDIKATOR, KOLOM_JENIS, MEDAN_INDIKATOR
from kinerja_desktop.reports.kelengkapan import kelengkapan
from kinerja_desktop.ui.import_wizard import keadaan_berkas

TAHUN = 2021
KOLOM_KODE_IKI = KOLOM_JENIS + 1 + MEDAN_INDIKATOR.index("kode")
KOLOM_FREKUENSI_IKI = KOLOM_JENIS + 1 + MEDAN_INDIKATOR.index("frekuensi")


def _year_with_a_triwulan_indicator(tmp_path: Path, capsys) -> str:
    """Year 2021 made as an operator would: the 2020 IKI exported to Excel, one desa
    indicator's frekuensi set to "triwulanan" there, imported as 2021. Returns its code."""
    ekspor = tmp_path / "IKI-2020.xlsx"
    assert main(["report", "iki", "--tahun", "2020", "--out", str(ekspor)]) == 0
    kode = next(i.kode for i in desa_indicators(2020) if i.jenis == "jumlah")
    wb = openpyxl.load_workbook(ekspor)
    [(ws, r)] = [
        (ws, r)
        for ws in wb.worksheets
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, KOLOM_JENIS).value == BARIS_INDIKATOR
        and ws.cell(r, KOLOM_KODE_IKI).value == kode
    ]
    ws.cell(r, KOLOM_FREKUENSI_IKI).value = "triwulanan"
    wb.save(ekspor)
    assert main(["iki", "impor", str(ekspor), "--tahun", str(TAHUN)]) == 0
    capsys.readouterr()
    assert Indikator.get(Indikator.kode == kode, Indikator.tahun == TAHUN).frekuensi == (
        "triwulanan"
    )
    return kode


def _rows(kode: str) -> tuple[list[str], int]:
    """The codes of the template's input rows of 2021 and the row index of ``kode``."""
    baris = [
        i.kode for i in desa_indicators(TAHUN) for _ in range(2 if i.jenis == "persentase" else 1)
    ]
    return baris, baris.index(kode)


def test_the_template_asks_one_figure_per_triwulan_and_the_import_counts_it(db, tmp_path, capsys):
    kode = _year_with_a_triwulan_indicator(tmp_path, capsys)
    baris, i = _rows(kode)
    path = templat(tmp_path / "t", periode=str(TAHUN), tahun=TAHUN)

    wb = openpyxl.load_workbook(path)
    ws = wb["Isian"]
    r = BARIS_DATA_AWAL + i
    bulan = [ws.cell(r, KOLOM_BULAN_AWAL + j) for j in range(12)]
    terbuka = [c.coordinate for c in bulan if not c.protection.locked]
    assert terbuka == [f"{h}{r}" for h in "HKNQ"]  # March, June, September, December
    for c in bulan:
        assert c.fill.fgColor.rgb.endswith("FFF2CC" if c.coordinate in terbuka else "EDEDED")
    januari = bulan[0]
    assert januari.comment.text == (
        f"Tidak diisi. Indikator {kode} dilaporkan per triwulan: ketik satu angka untuk "
        f"Triwulan I {TAHUN} di sel H{r} (kolom Maret)."
    )
    assert ws.cell(r, 4).value == (
        "Jumlah: satu angka per triwulan, di bulan Maret, Juni, September dan Desember"
    )
    assert ws["A5"].value == (
        "Sel abu-abu tidak diisi: indikator triwulanan cukup satu angka per triwulan, di bulan "
        "Maret, Juni, September dan Desember."
    )
    # a monthly indicator's row stays open every month, and has no note
    lain = BARIS_DATA_AWAL + (1 if i == 0 else 0)
    assert all(not ws.cell(lain, KOLOM_BULAN_AWAL + j).protection.locked for j in range(12))
    assert ws.cell(lain, 4).value == "Jumlah" and ws.cell(lain, KOLOM_BULAN_AWAL).comment is None
    assert ws.protection.sheet
    petunjuk = "\n".join(str(c.value or "") for c in wb["Petunjuk"]["A"])
    assert '6. Indikator triwulanan (kolom "Yang diisi" menyebut "satu angka per triwulan")' in (
        petunjuk
    )
    assert "di kolom bulan terakhir triwulannya (Maret, Juni, September dan Desember)." in petunjuk
    assert "7. Ketik angkanya saja" in petunjuk and "11. Kirim kembali" in petunjuk
    meta = {m[0].value: m[1].value for m in wb["_meta"].iter_rows()}
    assert meta["triwulanan"] == f"{kode}:nilai" and meta["versi_templat"] == "1"

    # filled as a desa would: every monthly row January to March, the triwulan row's one figure
    # in March (its grey January and February cannot be typed in)
    nilai = {(k, j): 2 for k in range(len(baris)) for j in range(3) if k != i}
    nilai[(i, 2)] = 7
    isi(path, nilai)
    [pratinjau], [hasil] = import_berkas_desa([path])
    assert not pratinjau.ditolak and hasil.data.batch_id is not None
    desa = Desa.get(Desa.kode == KEMIRI)
    tersimpan = {
        p: v
        for p, v in NilaiRealisasi.select(NilaiRealisasi.periode, NilaiRealisasi.nilai)
        .join(Indikator)
        .where(
            (Indikator.kode == kode) & (Indikator.tahun == TAHUN) & (NilaiRealisasi.desa == desa)
        )
        .tuples()
    }
    assert tersimpan == {f"{TAHUN}03": 7.0}  # the triwulan's figure, in the month that ends it

    _, sel = kelengkapan(TAHUN, "triwulan", date(TAHUN, 4, 5))
    q1 = next(s for s in sel if (s.kode_desa, s.periode) == (KEMIRI, f"{TAHUN}Q1"))
    assert (q1.status, q1.kurang, q1.triwulanan) == ("diterima", (), 1)  # shown "Lengkap"
    _, sel = kelengkapan(TAHUN, "bulan", date(TAHUN, 4, 5))
    maret = next(s for s in sel if (s.kode_desa, s.periode) == (KEMIRI, f"{TAHUN}03"))
    assert (maret.status, maret.terisi, maret.diharapkan) == (
        "diterima",
        len(set(baris)),
        len(set(baris)),
    )

    # the next template shows the figure where it was typed, and the grey months stay empty
    ws = openpyxl.load_workbook(templat(tmp_path / "t2", periode=str(TAHUN), tahun=TAHUN))["Isian"]
    assert [ws.cell(r, KOLOM_BULAN_AWAL + j).value for j in range(3)] == [None, None, 7]


def test_a_figure_in_a_grey_month_refuses_the_file_naming_the_cell(db, tmp_path, capsys):
    kode = _year_with_a_triwulan_indicator(tmp_path, capsys)
    _, i = _rows(kode)
    r = BARIS_DATA_AWAL + i
    # a template of Triwulan I: the figure typed in January (a program that ignores the lock)
    path = isi(templat(tmp_path / "t", periode=f"{TAHUN}Q1", tahun=TAHUN), {(i, 0): 7})
    pratinjau = import_berkas_desa([path], coba=True)[0][0]
    assert pratinjau.ditolak
    assert [m.kalimat for m in pratinjau.masalah] == [
        f"Lembar Isian, sel F{r}: berisi 7, padahal sel abu-abu tidak diisi: indikator {kode} "
        f"dilaporkan per triwulan, satu angka untuk Triwulan I {TAHUN} di sel H{r} (kolom "
        f"Maret). Bila 7 adalah angka seluruh Triwulan I {TAHUN}, pindahkan ke sana; lalu "
        "kosongkan sel ini dan kirim atau impor lagi."
    ]
    # the import window's list says it without a click
    assert keadaan_berkas(pratinjau, False) == (
        f"Ditolak: sel F{r} berisi 7, padahal sel abu-abu tidak diisi: indikator {kode} "
        f"dilaporkan per triwulan, satu angka untuk Triwulan I {TAHUN} di sel H{r} (kolom Maret)"
    )
    assert path.name in pratinjau.ringkasan()
    assert not import_berkas_desa([path])[1]  # nothing imported

    # a template of January alone: the triwulan row is all grey and says which template to use
    path = templat(tmp_path / "jan", periode=f"{TAHUN}01", tahun=TAHUN)
    ws = openpyxl.load_workbook(path)["Isian"]
    assert ws.cell(r, 4).value == (
        "Jumlah: satu angka per triwulan, di bulan Maret (tidak di templat ini)"
    )
    assert ws.cell(r, KOLOM_BULAN_AWAL).protection.locked
    isi(path, {(i, 0): 4})
    [masalah] = import_berkas_desa([path], coba=True)[0][0].masalah
    assert f"di templat bulan Maret atau templat Triwulan I {TAHUN}" in masalah.alasan

    # a value recorded in a grey month (through the values CSV) shows there, greyed, and the
    # file comes back through as long as the desa leaves it; changing it there is refused
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        f"{kode},{TAHUN}02,{KEMIRI},realisasi,3,,\n",
        encoding="utf-8",
    )
    assert main(["nilai", "impor", str(berkas)]) == 0
    path = templat(tmp_path / "q1", periode=f"{TAHUN}Q1", tahun=TAHUN)
    sel = openpyxl.load_workbook(path)["Isian"].cell(r, KOLOM_BULAN_AWAL + 1)
    assert (sel.value, sel.protection.locked, sel.fill.fgColor.rgb[-6:]) == (3, True, "EDEDED")
    assert not import_berkas_desa([isi(path, {(i, 2): 5})], coba=True)[0][0].ditolak
    [masalah] = import_berkas_desa([isi(path, {(i, 1): 9})], coba=True)[0][0].masalah
    assert masalah.sel == f"G{r}"
    assert "angka yang tercatat di kecamatan (3) diubah" in masalah.alasan
    assert "Kembalikan sel ini menjadi 3" in masalah.alasan


def test_a_template_made_before_the_indicator_was_triwulanan_reads_as_it_was_made(db, tmp_path):
    # written while every desa indicator was monthly: no grey cells, nothing in _meta about it
    path = templat(tmp_path / "t")
    kode = desa_indicators(2020)[0].kode
    Indikator.update(frekuensi="triwulanan").where(
        Indikator.kode == kode, Indikator.tahun == 2020
    ).execute()
    [pratinjau], _ = import_berkas_desa([isi(path, {(0, 0): 4})])
    assert not pratinjau.ditolak
    assert [(p.kode, p.periode, p.baru) for p in pratinjau.baru] == [(kode, "202001", "4")]


def test_a_percentage_reported_per_triwulan_has_both_rows_open_in_march_only(db, tmp_path):
    kode = desa_indicators(2020)[0].kode
    Indikator.update(jenis="persentase", pembilang="a", penyebut="b", frekuensi="triwulanan").where(
        (Indikator.tahun == 2020) & (Indikator.kode == kode)
    ).execute()
    path = templat(tmp_path / "t")  # Triwulan I 2020: rows 0 and 1 are its pembilang/penyebut
    ws = openpyxl.load_workbook(path)["Isian"]
    for r in (BARIS_DATA_AWAL, BARIS_DATA_AWAL + 1):
        assert [ws.cell(r, KOLOM_BULAN_AWAL + j).protection.locked for j in range(3)] == [
            True, True, False,
        ]  # fmt: skip
    assert ws.cell(BARIS_DATA_AWAL, 4).value == "Pembilang: satu angka per triwulan, di bulan Maret"
    assert ws.cell(BARIS_DATA_AWAL + 1, 4).value.startswith("Penyebut: satu angka per triwulan")

    [pratinjau], _ = import_berkas_desa([isi(path, {(0, 2): 3, (1, 2): 4})])
    assert [(p.kode, p.periode, p.baru) for p in pratinjau.baru] == [(kode, "202003", "3/4")]
    [masalah] = import_berkas_desa([isi(path, {(1, 0): 9})], coba=True)[0][0].masalah
    assert masalah.sel == f"F{BARIS_DATA_AWAL + 1}"
    assert f"di sel H{BARIS_DATA_AWAL + 1} (kolom Maret)" in masalah.alasan
