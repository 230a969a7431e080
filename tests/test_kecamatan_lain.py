"""A second kecamatan with another number of desa goes through the whole monthly cycle:
templates, filled workbooks imported, completeness, capaian and both reports, with nothing of
Kepanjen or its 18 desa anywhere."""

import json
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.exchange.desa_layout import BARIS_DATA_AWAL, KOLOM_BULAN_AWAL

SUMBERPUCUNG_DESA = {
    "Ternyang",
    "Senggreng",
    "Sambigede",
    "Ngebruk",
    "Jatiguwi",
    "Sumberpucung",
    "Karangkates",
}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if database_proxy.obj is not None:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    assert code == 0, err
    return out


def _isi_semua(path: Path, bulan: int, nilai: int) -> None:
    """Fill every input cell of the first ``bulan`` months as a desa would."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Isian"]
    baris = BARIS_DATA_AWAL
    while ws.cell(baris, 1).value not in (None, ""):
        for j in range(bulan):
            ws.cell(baris, KOLOM_BULAN_AWAL + j).value = nilai
        baris += 1
    wb.save(path)


def _teks_pdf(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def _teks_xlsx(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return " ".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )


def test_monthly_cycle_of_a_kecamatan_with_seven_desa(capsys, tmp_path):
    db = tmp_path / "sumberpucung.sqlite3"
    run(capsys, "--db", db, "kantor", "baru", "--kode", "35.07.12", "--contoh", "--tahun", 2026)
    base = ("--db", db)

    templat = tmp_path / "templat"
    templat.mkdir()
    out = run(capsys, *base, "templat", "desa", "--tahun", 2026, "--periode", "2026Q1",
              "--out", templat)  # fmt: skip
    berkas = sorted(templat.iterdir())
    assert len(berkas) == 7 and "7 templat desa" in out
    assert {p.name.split(" - ")[1].removeprefix("Desa ") for p in berkas} == SUMBERPUCUNG_DESA
    judul = _teks_xlsx(berkas[0])
    assert "Kecamatan Sumberpucung, Kabupaten Malang" in judul and "Kepanjen" not in judul

    for p in berkas:
        _isi_semua(p, bulan=3, nilai=2)
    out = run(capsys, *base, "impor", "desa", templat)
    assert "Kepanjen" not in out

    kelengkapan = json.loads(run(capsys, *base, "kelengkapan", "--tahun", 2026, "--json"))
    assert len(kelengkapan) == 7 * 12
    diterima = {(s["kode_desa"], s["periode"]) for s in kelengkapan if s["status"] == "diterima"}
    assert len(diterima) == 7 * 3

    # a target by CSV; a Kepanjen desa code is no desa of this office
    csv = tmp_path / "target.csv"
    kepala = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    csv.write_text(kepala + "KASI-KESOS.01,2026Q1,35.07.13.2001,realisasi,1,,\n", encoding="utf-8")
    assert main(["--db", str(db), "nilai", "impor", str(csv)]) == 1
    out = capsys.readouterr().out
    assert "'35.07.13.2001' bukan desa kecamatan ini (contoh kode: 35.07.12.2001" in out
    database_proxy.obj.close()
    database_proxy.initialize(None)
    csv.write_text(kepala + "KASI-KESOS.01,2026Q1,,target,84,,\n", encoding="utf-8")
    run(capsys, *base, "nilai", "impor", csv)

    capaian = json.loads(
        run(capsys, *base, "capaian", "--tahun", 2026, "--periode", "2026Q1", "--json")
    )
    kesos = next(c for c in capaian if c["kode_indikator"] == "KASI-KESOS.01")
    assert (kesos["realisasi"], kesos["jumlah_data"], kesos["capaian"]) == (42.0, 21, 50.0)

    for nama in ("iki.pdf", "iki.xlsx"):
        run(capsys, *base, "report", "iki", "--tahun", 2026, "--out", tmp_path / nama)
    for nama in ("capaian.pdf", "capaian.xlsx"):
        run(capsys, *base, "report", "capaian", "--tahun", 2026, "--periode", "2026Q1",
            "--out", tmp_path / nama)  # fmt: skip
    teks = {
        "iki.pdf": _teks_pdf(tmp_path / "iki.pdf"),
        "iki.xlsx": _teks_xlsx(tmp_path / "iki.xlsx"),
        "capaian.pdf": _teks_pdf(tmp_path / "capaian.pdf"),
        "capaian.xlsx": _teks_xlsx(tmp_path / "capaian.xlsx"),
    }
    for nama, isi in teks.items():
        assert "kepanjen" not in isi.lower(), nama
        assert "SUMBERPUCUNG" in isi.upper(), nama
        assert "18 desa" not in isi, nama
    for nama in ("capaian.pdf", "capaian.xlsx"):
        assert all(desa in teks[nama] for desa in SUMBERPUCUNG_DESA), nama
        assert "Kemiri" not in teks[nama]
