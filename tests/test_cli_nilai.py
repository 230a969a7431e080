"""`nilai impor`, `nilai ekspor` and `capaian` as a script or an operator runs them."""

import csv
import json
import shutil
import sqlite3

from mesin import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy

HEADER = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
GOOD = HEADER + (
    "KASUBAG-UMUM.02,2020,,target,8,,\n"
    "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
    "KASUBAG-UMUM.02,202002,,realisasi,6,,\n"
    "SEKCAM.02,2020,,target,90-100,,\n"
    "SEKCAM.02,202001,,realisasi,,45,50\n"
    "KASI-KESOS.01,2020,,target,36,,\n"
    "KASI-KESOS.01,202001,35.07.13.2001,realisasi,4,,\n"
    "KASI-KESOS.01,202002,35.07.13.2002,realisasi,5,,\n"
    "KASI-KESOS.01,202001,35.07.13.1007,realisasi,0,,\n"
)


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out, err


def count_values(db_url):
    [(n,)] = select(
        str(db_url),
        "SELECT (SELECT count(*) FROM nilai_target) + (SELECT count(*) FROM nilai_realisasi)",
    )
    return n


def test_dry_run_reports_and_writes_nothing(capsys, db_url, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, db_url, "nilai", "impor", str(berkas), "--coba")
    assert code == 0
    assert "9 baru, 0 diubah, 0 sama, 0 ditolak" in out
    assert "tidak ada yang disimpan" in out
    assert count_values(db_url) == 0


def test_import_then_reimport_then_change(capsys, db_url, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, db_url, "nilai", "impor", str(berkas))
    assert code == 0 and "9 nilai disimpan" in out
    assert count_values(db_url) == 9
    code, out, _ = run(capsys, db_url, "nilai", "impor", str(berkas))
    assert code == 0 and "0 baru, 0 diubah, 9 sama" in out and "tidak ada yang diubah" in out
    berkas.write_text(HEADER + "KASUBAG-UMUM.02,202002,,realisasi,2,,\n", encoding="utf-8")
    code, out, _ = run(capsys, db_url, "nilai", "impor", str(berkas))
    assert "0 baru, 1 diubah, 0 sama" in out
    batches = select(db_url, "SELECT nama_berkas, baru, diubah FROM impor_batch ORDER BY id")
    assert batches == [("nilai.csv", 9, 0), ("nilai.csv", 0, 1)]


def test_an_import_that_changes_data_is_preceded_by_one_backup(capsys, db_path, tmp_path):
    from kinerja_desktop.paths import data_dir

    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    before = set((data_dir() / "cadangan").glob("*sebelum-impor*"))
    run(capsys, db_path, "nilai", "impor", str(berkas), "--coba")
    run(capsys, db_path, "nilai", "impor", str(berkas))
    run(capsys, db_path, "nilai", "impor", str(berkas))  # unchanged: no new backup
    made = set((data_dir() / "cadangan").glob("*sebelum-impor*")) - before
    assert len(made) == 1
    with sqlite3.connect(next(iter(made))) as raw:  # the copy holds the state before the import
        assert raw.execute("SELECT count(*) FROM nilai_realisasi").fetchone()[0] == 0


def test_refusals_name_line_and_reason_and_nothing_is_written(capsys, db_url, tmp_path):
    berkas = tmp_path / "salah.csv"
    berkas.write_text(
        HEADER
        + "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"  # fine, but the file is refused as a whole
        + "SEKCAM.02,202004,,realisasi,,55,50\n"
        + "XX.01,202001,,realisasi,1,,\n"
        + "KASUBAG-UMUM.02,202013,,realisasi,1,,\n"
        + "KASUBAG-UMUM.02,202003,,realisasi,satu,,\n"
        + "KASUBAG-UMUM.02,202004,,realisasi,-2,,\n"
        + "KASI-KESOS.01,202001,,realisasi,4,,\n"
        + "KASUBAG-UMUM.02,202005,,realisasi,2.5,,\n"
        + "KASUBAG-UMUM.02,202001,,realisasi,4,,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, db_url, "nilai", "impor", str(berkas))
    assert code == 1
    for line in (
        "baris 3: Pembilang (55) lebih besar dari penyebut (50).",
        "baris 4: Indikator 'XX.01' tidak ada pada tahun 2020.",
        "baris 5: Periode '202013': bulan 13 tidak ada",
        "baris 6: Isian nilai 'satu' bukan angka.",
        "baris 7: Nilai jumlah tidak boleh negatif.",
        "baris 8: Indikator KASI-KESOS.01 diisi per desa/kelurahan; kode desa wajib diisi.",
        "baris 9: Nilai jumlah harus bilangan bulat",
        "baris 10: Nilai yang sama sudah diisi pada baris 2.",
    ):
        assert line in out
    assert "8 ditolak" in out
    assert count_values(db_url) == 0


def test_not_a_values_file_is_refused(capsys, db_url, tmp_path):
    berkas = tmp_path / "lain.csv"
    berkas.write_text("nama,alamat\nBudi,Kepanjen\n", encoding="utf-8")
    code, _, err = run(capsys, db_url, "nilai", "impor", str(berkas))
    assert code == 1 and "bukan berkas nilai Kinerja Desktop" in err
    xlsx = tmp_path / "data.csv"
    xlsx.write_bytes(b"PK\x03\x04rest-of-a-zip")
    code, _, err = run(capsys, db_url, "nilai", "impor", str(xlsx))
    assert code == 1 and "buku kerja Excel" in err


def test_export_round_trip_into_another_database(capsys, db_path, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    run(capsys, db_path, "nilai", "impor", str(berkas))
    keluar = tmp_path / "ekspor.csv"
    code, out, _ = run(capsys, db_path, "nilai", "ekspor", "--tahun", "2020", "--out", str(keluar))
    assert code == 0 and "9 nilai" in out
    rows = list(csv.DictReader(keluar.open(encoding="utf-8")))
    assert {(r["kode_indikator"], r["periode"], r["kode_desa"], r["nilai"]) for r in rows} >= {
        ("SEKCAM.02", "2020", "", "90-100"),
        ("KASI-KESOS.01", "202001", "35.07.13.1007", "0"),
    }
    other = tmp_path / "lain.sqlite3"
    shutil.copyfile(db_path, other)
    with sqlite3.connect(other) as raw:
        raw.execute("DELETE FROM nilai_realisasi")
        raw.execute("DELETE FROM nilai_target")
    code, out, _ = run(capsys, other, "nilai", "impor", str(keluar))
    assert code == 0 and "9 baru" in out
    keluar2 = tmp_path / "ekspor2.csv"
    run(capsys, other, "nilai", "ekspor", "--tahun", "2020", "--out", str(keluar2))
    assert keluar2.read_bytes() == keluar.read_bytes()


def test_capaian_json(capsys, db_url, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    run(capsys, db_url, "nilai", "impor", str(berkas))
    code, out, _ = run(
        capsys, db_url, "capaian", "--tahun", "2020", "--periode", "2020Q1", "--json"
    )
    assert code == 0
    rows = {r["kode_indikator"]: r for r in json.loads(out)}
    assert len(rows) == 84
    disiplin = rows["KASUBAG-UMUM.02"]
    assert disiplin["kode_jabatan"] == "KASUBAG-UMUM"
    # target 8 a year -> 2 for TW I; realisasi 3 + 6 = 9; lower is better: (1 + 1 - 4.5) -> 0%
    assert disiplin["realisasi"] == 9 and disiplin["capaian"] == 0.0
    assert (
        rows["SEKCAM.02"]["capaian"] == 100.0 and rows["SEKCAM.02"]["kategori"] == "Sangat Tinggi"
    )
    kesos = rows["KASI-KESOS.01"]  # 4 + 5 + 0 over three desa against 36 / 4 = 9
    assert kesos["realisasi"] == 9 and kesos["capaian"] == 100.0
    assert rows["SEKCAM.03"]["capaian"] is None and rows["SEKCAM.03"]["realisasi"] is None
    assert disiplin["target"] == "2" and disiplin["target_otomatis"] is True
    assert rows["SEKCAM.02"]["target_otomatis"] is True  # the year's range holds for TW I
    code, out, _ = run(capsys, db_url, "capaian", "--tahun", "2020", "--periode", "2020Q1")
    assert "KASUBAG-UMUM.02" in out and "belum ada data" in out
    # a derived target is marked with a word the output explains, never "(turunan)"
    assert "target 2 (otomatis);" in out and "turunan" not in out
    assert "Target (otomatis): target periode itu tidak diisi" in out


def test_capaian_refuses_a_period_of_another_year(capsys, db_url):
    code, _, err = run(capsys, db_url, "capaian", "--tahun", "2020", "--periode", "2021Q1")
    assert code == 1 and "bukan bagian dari tahun 2020" in err


def test_rating_bands_are_editable(capsys, db_url, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    run(capsys, db_url, "nilai", "impor", str(berkas))
    code, out, _ = run(capsys, db_url, "pita", "atur", "100:Sangat Baik", "80:Baik", "0:Kurang")
    assert code == 0 and "80% sampai di bawah 100%: Baik" in out
    _, out, _ = run(capsys, db_url, "capaian", "--tahun", "2020", "--periode", "2020Q1", "--json")
    assert {r["kode_indikator"]: r for r in json.loads(out)}["SEKCAM.02"][
        "kategori"
    ] == "Sangat Baik"
    code, _, err = run(capsys, db_url, "pita", "atur", "80:Baik")
    assert code == 1 and "berbatas bawah 0%" in err
    code, _, err = run(capsys, db_url, "pita", "atur", "80:Baik", "0:baik")
    assert code == 1 and "kembar" in err
    code, out, _ = run(capsys, db_url, "pita", "bawaan", "--json")
    hasil = json.loads(out.split("\n", 1)[1])
    assert [p["nama"] for p in hasil["kategori"]][0] == "Sangat Tinggi"
    assert hasil["batas_atas"] is None  # no ceiling unless one is set


def test_capaian_ceiling_caps_every_output_and_is_written_in_the_rules(capsys, db_url, tmp_path):
    berkas = tmp_path / "nilai.csv"
    # 16 done against a target of 8: 200%
    berkas.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.01,2020Q1,,target,8,,\n"
        "KASUBAG-UMUM.01,202001,,realisasi,16,,\n",
        encoding="utf-8",
    )
    assert run(capsys, db_url, "nilai", "impor", str(berkas))[0] == 0

    def capaian() -> dict:
        _, out, _ = run(capsys, db_url, "capaian", "--tahun", "2020", "--periode", "2020Q1",
                        "--json")  # fmt: skip
        return {r["kode_indikator"]: r for r in json.loads(out)}["KASUBAG-UMUM.01"]

    assert capaian()["capaian"] == 200.0
    code, out, _ = run(capsys, db_url, "pita", "--batas-atas", "120")
    assert code == 0 and "Batas atas capaian sekarang 120%." in out
    assert "Batas atas capaian 120%: capaian yang dihitung lebih tinggi ditulis 120%" in out
    baris = capaian()
    assert (baris["capaian"], baris["capaian_sebelum_batas"]) == (120.0, 200.0)
    assert "Dihitung 200%, ditulis batas atas 120%." in baris["catatan"]

    code, _, err = run(capsys, db_url, "pita", "--batas-atas", "90")
    assert code == 1 and "terlalu rendah" in err
    code, out, _ = run(capsys, db_url, "pita", "--batas-atas", "tanpa", "--json")
    assert json.loads(out.split("\n", 1)[1])["batas_atas"] is None
    assert capaian()["capaian"] == 200.0


def test_import_keeps_a_copy_of_the_file_that_backups_carry(capsys, db_path, tmp_path):
    """Like a desa workbook, an imported CSV is kept under data_dir()/impor, named in the
    import log, and the portable backup holds it; a dry run, a refused file or a re-import
    that changes nothing keeps no copy."""
    import zipfile

    from kinerja_desktop.db.archive import write_archive

    kept = tmp_path / "data" / "impor"
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    run(capsys, db_path, "nilai", "impor", str(berkas), "--coba")
    assert not kept.exists() or not list(kept.iterdir())
    bad = tmp_path / "salah.csv"
    bad.write_text(HEADER + "KASUBAG-UMUM.02,202001,,realisasi,-3,,\n", encoding="utf-8")
    assert run(capsys, db_path, "nilai", "impor", str(bad))[0] == 1
    assert not kept.exists() or not list(kept.iterdir())

    assert run(capsys, db_path, "nilai", "impor", str(berkas))[0] == 0
    [copy] = kept.iterdir()
    assert copy.name.endswith("_nilai.csv") and copy.read_bytes() == berkas.read_bytes()
    with sqlite3.connect(db_path) as raw:
        simpan = raw.execute("SELECT berkas_simpan FROM impor_batch").fetchall()
    assert simpan == [(f"impor/{copy.name}",)]

    assert run(capsys, db_path, "nilai", "impor", str(berkas))[0] == 0  # nothing changes
    assert list(kept.iterdir()) == [copy]

    arsip = write_archive(db_path, tmp_path / "cadangan.zip")
    with zipfile.ZipFile(arsip) as z:
        assert z.read(f"impor/{copy.name}") == berkas.read_bytes()


def test_an_empty_temporary_file_left_by_a_killed_import_is_never_taken_as_the_original(
    capsys, db_path, tmp_path
):
    """A kill while the copy was written leaves a hidden temporary file with the file's
    checksum in its name; a later import of the same file must keep a real copy, and neither
    the import log nor a backup may carry the empty leftover."""
    import hashlib
    import zipfile

    from kinerja_desktop.db.archive import write_archive

    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD, encoding="utf-8")
    sha = hashlib.sha256(berkas.read_bytes()).hexdigest()
    kept = tmp_path / "data" / "impor"
    kept.mkdir(parents=True)
    leftover = kept / f".kinerja-sementara-20261129-010101_{sha[:12]}_nilai-ab12.csv.tmp"
    leftover.touch()

    assert run(capsys, db_path, "nilai", "impor", str(berkas))[0] == 0

    with sqlite3.connect(db_path) as raw:
        (simpan,) = raw.execute("SELECT berkas_simpan FROM impor_batch").fetchone()
    raw.close()
    assert not simpan.split("/")[-1].startswith(".")
    assert (tmp_path / "data" / simpan).read_bytes() == berkas.read_bytes()
    with zipfile.ZipFile(write_archive(db_path, tmp_path / "cadangan.zip")) as z:
        assert [n for n in z.namelist() if n.startswith("impor/")] == [simpan]
