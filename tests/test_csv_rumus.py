"""CSV cells never run as formulas (issue 18, item 10): a code or text stored by an older
version that starts like a formula is written with an apostrophe by every CSV writer, and read
back unchanged."""

import csv
import io
import sqlite3
import zipfile

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.queries_audit import BarisAudit
from kinerja_desktop.exchange.audit_ekspor import write_audit
from kinerja_desktop.exchange.sel_csv import sel_aman, unescape_cell

SERANGAN = "+cmd|'/Ccalc'!A0"


def test_formula_starts_get_an_apostrophe_and_plain_numbers_do_not():
    for teks in ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert sel_aman(teks) == "'" + teks and unescape_cell(sel_aman(teks)) == teks
    for teks in ("-5", "+5", "12", "80-100", "KASI-PEM.01", "", "'quoted"):
        assert sel_aman(teks) == teks and unescape_cell(teks) == teks


def _run(db_path, capsys, *args):
    code = main(["--db", str(db_path), *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_every_csv_written_neutralises_a_formula_code_and_reads_back(db_path, tmp_path, capsys):
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE indikator SET kode = ? WHERE kode = 'KASUBAG-UMUM.02'", (SERANGAN,))
        (ind,) = raw.execute("SELECT id FROM indikator WHERE kode = ?", (SERANGAN,)).fetchone()
        raw.execute(
            "INSERT INTO nilai_target (indikator_id, periode, nilai, sumber, diubah) "
            "VALUES (?, '2020', 8, 'entri', '2020-01-01')",
            (ind,),
        )
        raw.execute(
            "INSERT INTO nilai_realisasi (indikator_id, periode, nilai, sumber, status, diubah) "
            "VALUES (?, '202001', 3, 'entri', 'draf', '2020-01-01')",
            (ind,),
        )
    ekspor = tmp_path / "nilai.csv"
    _run(db_path, capsys, "nilai", "ekspor", "--tahun", "2020", "--out", str(ekspor))
    sel = [c for row in csv.reader(ekspor.open(encoding="utf-8")) for c in row]
    assert "'" + SERANGAN in sel and SERANGAN not in sel
    out = _run(db_path, capsys, "nilai", "impor", str(ekspor), "--coba")
    assert "0 baru, 0 diubah, 2 sama, 0 ditolak" in out

    _run(db_path, capsys, "kirim", "--tahun", "2020", "--out", str(tmp_path / "paket"))
    [paket] = (tmp_path / "paket").iterdir()
    with zipfile.ZipFile(paket) as zf:
        isi = zf.read("data/nilai.csv").decode("utf-8")
    sel = [c for row in csv.reader(io.StringIO(isi)) for c in row]
    assert "'" + SERANGAN in sel and SERANGAN not in sel


def test_the_history_export_neutralises_what_people_typed(tmp_path):
    catatan = BarisAudit(
        1, "1 Januari 2020 08.00", "siti", "Ubah", "realisasi", "Kasi Pemerintahan",
        SERANGAN, "Januari 2020", "", "", "=HYPERLINK(\"http://contoh.test\")", "",
    )  # fmt: skip
    path = write_audit([catatan], tmp_path / "riwayat.csv")
    sel = [c for row in csv.reader(path.open(encoding="utf-8")) for c in row]
    assert "'" + SERANGAN in sel and SERANGAN not in sel
    assert "'=HYPERLINK(\"http://contoh.test\")" in sel
