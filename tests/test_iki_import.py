"""IKI from a workbook: export → import gives the same IKI, and every bad workbook is refused
with its sheet and cell, all or nothing."""

import json
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy

FIELDS = (
    "kode, nama, formula, sumber_data, satuan, jenis, polaritas, dari_desa, frekuensi, "
    "agregasi, pembilang, penyebut, hari_kerja_efektif"
)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if database_proxy.obj is not None:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    return code, out, err


def dump_iki(path: Path, tahun: int) -> list[dict]:
    """Every jabatan of ``tahun`` with everything under it, in document order, by code."""
    with sqlite3.connect(path) as raw:
        jabatan = raw.execute(
            "SELECT j.id, j.kode, j.nama, a.kode FROM jabatan j "
            "LEFT JOIN jabatan a ON a.id = j.atasan_id WHERE j.tahun = ? ORDER BY j.urutan",
            (tahun,),
        ).fetchall()
        hasil = []
        for jid, kode, nama, atasan in jabatan:

            def teks(table: str, jid: int = jid) -> list[str]:
                return [
                    t
                    for (t,) in raw.execute(
                        f"SELECT teks FROM {table} WHERE jabatan_id = ? ORDER BY urutan", (jid,)
                    )
                ]

            sasaran = []
            for sid, steks in raw.execute(
                "SELECT id, teks FROM sasaran WHERE jabatan_id = ? ORDER BY urutan", (jid,)
            ).fetchall():
                indikator = []
                for row in raw.execute(
                    f"SELECT id, {FIELDS} FROM indikator WHERE sasaran_id = ? ORDER BY urutan",
                    (sid,),
                ).fetchall():
                    sub = raw.execute(
                        "SELECT teks, formula FROM sub_indikator WHERE indikator_id = ? "
                        "ORDER BY urutan",
                        (row[0],),
                    ).fetchall()
                    indikator.append((row[1:], sub))
                sasaran.append((steks, indikator))
            hasil.append(
                {
                    "kode": kode,
                    "nama": nama,
                    "atasan": atasan,
                    "tugas": teks("tugas"),
                    "fungsi": teks("fungsi"),
                    "sasaran": sasaran,
                }
            )
    return sorted(hasil, key=lambda j: j["kode"])


@pytest.fixture
def ekspor(capsys, db_path, tmp_path) -> Path:
    target = tmp_path / "IKI-2020.xlsx"
    assert run(capsys, "--db", db_path, "report", "iki", "--tahun", 2020, "--out", target)[0] == 0
    return target


@pytest.fixture
def kantor_lain(capsys, tmp_path) -> Path:
    path = tmp_path / "sumberpucung.sqlite3"
    assert run(capsys, "--db", path, "kantor", "baru", "--kode", "35.07.12")[0] == 0
    return path


def test_round_trip_of_the_whole_built_in_decree(capsys, db_path, ekspor, kantor_lain):
    code, out, _ = run(capsys, "--db", kantor_lain, "iki", "impor", ekspor, "--tahun", 2026)
    assert code == 0, out
    assert "22 jabatan" in out and "84 indikator" in out
    asal, hasil = dump_iki(db_path, 2020), dump_iki(kantor_lain, 2026)
    assert len(asal) == 22
    for a, h in zip(asal, hasil, strict=True):
        assert a == h, a["kode"]
    # the tree order (siblings in their order) survives too
    with sqlite3.connect(kantor_lain) as raw:
        assert raw.execute("SELECT count(*) FROM sub_indikator").fetchone() == (54,)


def test_the_export_still_prints_only_the_four_columns(ekspor):
    from openpyxl import load_workbook

    wb = load_workbook(ekspor)
    assert len(wb.sheetnames) == 22  # one sheet per jabatan, nothing else
    ws = wb.worksheets[0]
    assert all(ws.column_dimensions[c].hidden for c in "EFGHIJKLMNOPQR")
    assert not any(ws.column_dimensions[c].hidden for c in "ABCD")


def test_preview_only_with_coba_and_json(capsys, ekspor, kantor_lain):
    code, out, _ = run(
        capsys, "--db", kantor_lain, "iki", "impor", ekspor, "--tahun", 2026, "--coba", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["jumlah"]["indikator"] == 84 and data["ganti"] is False
    with sqlite3.connect(kantor_lain) as raw:
        assert raw.execute("SELECT count(*) FROM jabatan").fetchone() == (0,)


def test_replace_rules(capsys, db_path, ekspor, tmp_path):
    # 2020 has an IKI: refused without --ganti; 2020 with stored values: never replaced
    code, _, err = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021)
    assert code == 0
    code, _, err = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021)
    assert code == 1 and "ulangi dengan --ganti" in err
    code, out, _ = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021, "--ganti")
    assert code == 0 and "seluruhnya diganti" in out
    assert dump_iki(db_path, 2021) == dump_iki(db_path, 2020)
    backups = list((tmp_path / "data" / "cadangan").glob("*sebelum-impor-iki*"))
    assert len(backups) == 2

    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "INSERT INTO nilai_target (indikator_id, periode, nilai, sumber, diubah) "
            "SELECT id, '2021', 5, 'entri', '2021-01-01T00:00:00' FROM indikator "
            "WHERE tahun = 2021 LIMIT 1"
        )
    code, _, err = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021, "--ganti")
    assert code == 1 and "tidak pernah diganti" in err


def test_a_year_with_skp_is_never_replaced(capsys, db_path, ekspor):
    """Replacing a year's jabatan would take the SKP drawn for them, with their evaluations."""
    assert run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021)[0] == 0
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO pegawai (nama) VALUES ('Ani Rahmawati')")
        raw.execute(
            "INSERT INTO skp (pegawai_id, jabatan_id, tahun, dibuat) "
            "SELECT (SELECT max(id) FROM pegawai), id, 2021, '2021-01-02T00:00:00' "
            "FROM jabatan WHERE tahun = 2021 LIMIT 1"
        )
    sebelum = dump_iki(db_path, 2021)
    code, _, err = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021, "--ganti")
    assert code == 1
    assert "Tahun 2021 sudah punya IKI dengan 1 SKP pegawai tersimpan" in " ".join(err.split())
    assert dump_iki(db_path, 2021) == sebelum
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM skp WHERE tahun = 2021").fetchone() == (1,)


def _ubah(ekspor: Path, tmp_path: Path, ubah) -> tuple[Path, str]:
    """A copy of the export changed by ``ubah(workbook)``, which returns the cell it changed."""
    from openpyxl import load_workbook

    wb = load_workbook(ekspor)
    sel = ubah(wb)
    target = tmp_path / "diubah.xlsx"
    wb.save(target)
    return target, sel


def _baris(ws, jenis: str) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 5).value == jenis]


def _isi(ws, ref: str, nilai: str) -> str:
    ws[ref] = nilai
    return f"lembar {ws.title}, sel {ref}"


def _jenis_tak_dikenal(wb):
    ws = wb["Sekretaris Kecamatan"]
    return _isi(ws, f"I{_baris(ws, 'indikator')[0]}", "rasio")


def _atasan_tak_ada(wb):
    ws = wb["Sekretaris Kecamatan"]
    return _isi(ws, f"G{_baris(ws, 'jabatan')[0]}", "KETUA")


def _lingkar(wb):
    ws = wb["Sekretaris Kecamatan"]
    return _isi(ws, f"G{_baris(ws, 'jabatan')[0]}", "KASUBAG-UMUM")


def _kode_jabatan_ganda(wb):
    ws = wb.worksheets[1]
    return _isi(ws, f"F{_baris(ws, 'jabatan')[0]}", "SEKCAM")


def _kode_indikator_ganda(wb):
    ws = wb["Sekretaris Kecamatan"]
    baris = _baris(ws, "indikator")
    return _isi(ws, f"G{baris[1]}", ws[f"G{baris[0]}"].value)


def _persen_tanpa_penyebut(wb):
    for ws in wb.worksheets:
        for r in _baris(ws, "indikator"):
            if ws[f"I{r}"].value == "persentase":
                return _isi(ws, f"O{r}", None) or f"lembar {ws.title}, sel O{r}"
    raise AssertionError("no percentage indicator")


@pytest.mark.parametrize(
    ("ubah", "alasan"),
    [
        (_jenis_tak_dikenal, "jenis 'rasio' tidak dikenal"),
        (_atasan_tak_ada, "atasan KETUA tidak ada"),
        (_lingkar, "susunan atasan berputar"),
        (_kode_jabatan_ganda, "kode jabatan SEKCAM sudah dipakai"),
        (_kode_indikator_ganda, "sudah dipakai di lembar Sekretaris Kecamatan"),
        (_persen_tanpa_penyebut, "indikator persentase tanpa keterangan penyebut"),
    ],
)
def test_a_wrong_workbook_is_refused_with_sheet_and_cell(
    capsys, ekspor, kantor_lain, tmp_path, ubah, alasan
):
    berkas, sel = _ubah(ekspor, tmp_path, ubah)
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", berkas, "--tahun", 2026)
    assert code == 1
    assert alasan in err
    assert sel.split(", sel ")[0] in err and sel.split(", sel ")[1] in err, err
    assert "tidak ada yang diubah" in err
    with sqlite3.connect(kantor_lain) as raw:
        assert raw.execute("SELECT count(*) FROM jabatan").fetchone() == (0,)


def test_a_workbook_that_is_no_iki_workbook_is_refused(capsys, db_path, kantor_lain, tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    run(capsys, "--db", db_path, "templat", "desa", "--tahun", 2020, "--out", folder)
    desa = next(folder.iterdir())
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", desa, "--tahun", 2026)
    assert code == 1 and "bukan buku kerja IKI dari Kinerja Desktop" in err
    teks = tmp_path / "iki.xlsx"
    teks.write_text("kode,nama\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", teks, "--tahun", 2026)
    assert code == 1 and "ditolak" in err


def test_blank_template_filled_by_hand_imports(capsys, kantor_lain, tmp_path):
    from openpyxl import load_workbook

    assert run(capsys, "--db", kantor_lain, "templat", "iki", "--out", tmp_path)[0] == 0
    templat = tmp_path / "Templat IKI.xlsx"
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", templat, "--tahun", 2026)
    assert code == 1 and "belum berisi jabatan" in err

    wb = load_workbook(templat)
    ws = wb["Jabatan"]
    (jabatan,) = _baris(ws, "jabatan")
    ws[f"B{jabatan}"] = ": Sekretaris Kecamatan"
    ws[f"F{jabatan}"] = "SEKCAM"
    tabel = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "SASARAN/KINERJA UTAMA"
    )
    ws[f"A{tabel + 1}"] = "Meningkatnya kualitas pelayanan"
    ws[f"B{tabel + 1}"] = "Persentase surat selesai tepat waktu\na. surat masuk\nb. surat keluar"
    ws[f"D{tabel + 1}"] = "Buku agenda"
    for kolom, nilai in zip(
        "EFGIJO",
        ("indikator", "1", "SEKCAM.01", "persentase", "positif", "surat masuk"),
        strict=True,
    ):
        ws[f"{kolom}{tabel + 1}"] = nilai
    wb.save(templat)
    code, out, err = run(capsys, "--db", kantor_lain, "iki", "impor", templat, "--tahun", 2026)
    assert code == 0, err
    assert "1 jabatan" in out and "1 indikator dan 2 butir" in out
    (j,) = dump_iki(kantor_lain, 2026)
    (sasaran,) = j["sasaran"]
    ((fields, sub),) = sasaran[1]
    assert fields[:2] == ("SEKCAM.01", "Persentase surat selesai tepat waktu")
    assert sub == [("surat masuk", ""), ("surat keluar", "")]


def test_round_trip_through_libreoffice(
    capsys, db_path, ekspor, kantor_lain, tmp_path, libreoffice
):
    lo = libreoffice(ekspor, "xlsx", tmp_path / "lo")
    code, out, err = run(capsys, "--db", kantor_lain, "iki", "impor", lo, "--tahun", 2026)
    assert code == 0, err
    assert dump_iki(kantor_lain, 2026) == dump_iki(db_path, 2020)


def test_an_edit_of_the_printed_formula_is_taken_or_explained(
    capsys, ekspor, kantor_lain, tmp_path
):
    from openpyxl import load_workbook

    wb = load_workbook(ekspor)
    ws = wb["Kasubag Umum, Kepegawaian…"]
    jumlah = next(r for r in _baris(ws, "indikator") if ws[f"I{r}"].value == "jumlah")
    kode = ws[f"G{jumlah}"].value
    ws[f"C{jumlah}"] = "Jumlah laporan yang disusun dalam setahun"
    berkas = tmp_path / "rumus.xlsx"
    wb.save(berkas)
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", berkas, "--tahun", 2026)
    assert code == 0, err
    with sqlite3.connect(kantor_lain) as raw:
        assert raw.execute("SELECT formula FROM indikator WHERE kode = ?", (kode,)).fetchone() == (
            "Jumlah laporan yang disusun dalam setahun",
        )

    persen = next(
        r
        for ws in wb.worksheets
        for r in _baris(ws, "indikator")
        if ws[f"I{r}"].value == "persentase" and (lembar := ws)
    )
    lembar[f"C{persen}"] = "jumlah selesai dibagi jumlah masuk"
    wb.save(berkas)
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", berkas, "--tahun", 2027)
    assert code == 1
    assert f"lembar {lembar.title}, sel C{persen}" in err and "kolom tersembunyi N dan O" in err


def test_an_approved_year_is_never_replaced(capsys, db_path, ekspor):
    assert run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021)[0] == 0
    for langkah in ("ajukan", "verifikasi", "setujui"):
        code, _, err = run(
            capsys, "--db", db_path, "persetujuan", langkah, "--tahun", 2021, "--jabatan", "SEKCAM"
        )
        assert code == 0, err
    code, _, err = run(capsys, "--db", db_path, "iki", "impor", ekspor, "--tahun", 2021, "--ganti")
    assert code == 1
    assert "Mengganti IKI tahun 2021 akan menghapus jabatan yang periodenya sudah disetujui." in err
    assert "Realisasi Tahun 2021 jabatan Sekretaris Kecamatan sudah disetujui" in err


def test_a_continuation_row_below_no_indicator_is_refused_with_its_cell(
    capsys, ekspor, kantor_lain, tmp_path
):
    from openpyxl import load_workbook

    wb = load_workbook(ekspor)
    ws = wb["Pengadministrasi Pemerintahan…"]
    [lanjutan] = [c.row for c in ws["E"] if c.value == "lanjutan"][:1]
    ws.cell(row=lanjutan - 1, column=5).value = "sasaran"
    rusak = tmp_path / "rusak.xlsx"
    wb.save(rusak)
    code, _, err = run(capsys, "--db", kantor_lain, "iki", "impor", rusak, "--tahun", 2026)
    assert code == 1
    assert f"Pengadministrasi Pemerintahan…, sel E{lanjutan}" in err
    assert "baris lanjutan tidak berada tepat di bawah baris indikator" in err
