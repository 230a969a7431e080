"""`skp` as an operator runs it: SKP made from the IKI for every holder, the proposal and the
atasan's decision, the kecamatan's predikat with the distribution check, and the matrix."""

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Jabatan, Pemangku, database_proxy
from kinerja_desktop.db.ops_pemangku import add_pegawai_baru

FITRI = "199005062015032003"


def run(capsys, db_url, *args):
    code = main(["--db", db_url, *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out, err


def test_skp_from_the_command_line(capsys, db_url, db_target):
    open_database(db_target)
    for kode, nama, nip in (
        ("KASUBAG-UMUM", "Eko Prasetyo, SE", "198203042008011002"),
        ("BENDAHARA", "Fitri Handayani", FITRI),
    ):
        jabatan = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == kode)
        add_pegawai_baru(jabatan.id, nama, nip, "III/a")
    assert Pemangku.select().count() == 2
    database_proxy.obj.close()
    database_proxy.initialize(None)

    code, out, err = run(capsys, db_url, "skp", "buat", "--tahun", "2020", "--semua")
    assert code == 0, err
    assert "SKP Fitri Handayani tahun 2020 dibuat dari IKI Bendahara." in out
    assert "2 SKP dibuat." in out
    code, out, err = run(capsys, db_url, "skp", "buat", "--tahun", "2020", "--nip", FITRI)
    assert code != 0 and "SKP Fitri Handayani tahun 2020 sudah ada." in err

    code, out, _ = run(capsys, db_url, "skp", "daftar", "--tahun", "2020")
    assert "SKP tahun 2020: 2 pegawai" in out
    assert "Fitri Handayani — NIP 19900506 201503 2 003 — Bendahara — predikat -" in out

    argv = ["skp", "nilai", "--tahun", "2020", "--nip", FITRI]
    code, out, _ = run(capsys, db_url, *argv)
    assert "Usulan aplikasi: tidak ada" in out and "Belum ada capaian" in out
    assert "≥ 110% = Diatas Ekspektasi" in out
    code, out, err = run(capsys, db_url, *argv, "--hasil", "sesuai", "--perilaku", "Diatas")
    assert code == 0, err
    assert "Evaluasi Tahun 2020 disimpan, predikat Baik." in out
    assert "Predikat kinerja organisasi (kecamatan) tahun ini belum diisi" in out
    code, out, err = run(capsys, db_url, *argv, "--hasil", "luar biasa")
    assert code != 0 and "Rating 'luar biasa' tidak dikenal" in err

    code, out, err = run(
        capsys, db_url, "skp", "organisasi", "--tahun", "2020", "--predikat", "istimewa"
    )
    assert code == 0, err
    assert "Predikat organisasi tahun 2020: Istimewa." in out
    assert "PERINGATAN" not in out and "Sebaran predikat sesuai kurva distribusi." in out
    code, out, _ = run(capsys, db_url, "skp", "organisasi", "--tahun", "2020", "--predikat", "Baik")
    assert "PERINGATAN: Baik 1 dari 1 pegawai (100%)" in out
    code, out, _ = run(capsys, db_url, "skp", "kurva", "--tahun", "2020")
    assert "organisasi Baik: Butuh Perbaikan dan/atau Kurang/Misconduct: harus ada" in out
    assert "PermenPANRB 6/2022" in out

    code, out, _ = run(capsys, db_url, "skp", "matriks")
    assert "Diatas Ekspektasi     Kurang/Misconduct     Baik                  Sangat Baik" in out
    code, out, err = run(
        capsys, db_url, "skp", "matriks", "--hasil", "diatas", "--perilaku", "dibawah",
        "--predikat", "butuh perbaikan",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, db_url, "skp", "matriks")
    assert "Diatas Ekspektasi     Butuh Perbaikan       Baik" in out


def test_the_curve_is_changed_through_a_csv_file_with_its_source(capsys, db_url, tmp_path):
    berkas = tmp_path / "kurva.csv"
    code, out, err = run(capsys, db_url, "skp", "aturan-kurva", "--ekspor", str(berkas))
    assert code == 0, err
    isi = berkas.read_text("utf-8-sig").splitlines()
    assert isi[0] == "organisasi,predikat,paling_sedikit,paling_banyak,minimal_orang"
    assert "Baik,Butuh Perbaikan + Kurang/Misconduct,,,1" in isi
    assert len(isi) == 12
    # a kabupaten allows at most 60% Baik for an organisation rated Baik
    berkas.write_text("\n".join(isi).replace("Baik,Baik,,70,0", "Baik,Baik,,60,0"), "utf-8")
    code, out, err = run(capsys, db_url, "skp", "aturan-kurva", "--ganti", str(berkas))
    assert code != 0 and "--sumber" in err
    argv = ["skp", "aturan-kurva", "--ganti", str(berkas), "--sumber", "SE Bupati Malang 2026"]
    code, out, err = run(capsys, db_url, *argv)
    assert code == 0, err
    assert "Kurva distribusi diganti: 11 aturan." in out
    code, out, _ = run(capsys, db_url, "skp", "aturan-kurva")
    assert "(SE Bupati Malang 2026)" in out and "organisasi Baik: Baik: paling banyak 60%" in out
    berkas.write_text(isi[0] + "\nBaik,Luar Biasa,,60,0\n", "utf-8")
    code, out, err = run(capsys, db_url, *argv)
    assert code != 0 and "Predikat 'Luar Biasa' tidak dikenal" in err
    berkas.write_text(isi[0] + "\nBaik,Baik,,enam puluh,0\n", "utf-8")
    code, out, err = run(capsys, db_url, *argv)
    assert code != 0 and "Berkas kurva.csv baris 2:" in err
    code, out, err = run(capsys, db_url, "skp", "aturan-kurva", "--bawaan")
    assert code == 0, err
    code, out, _ = run(capsys, db_url, "skp", "aturan-kurva")
    assert "organisasi Baik: Baik: paling banyak 70%" in out and "PermenPANRB 6/2022" in out
