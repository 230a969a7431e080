"""`pengguna`, `persetujuan` and `audit` as an operator or a script runs them: users from
--pengguna or KINERJA_PENGGUNA with the password read from the terminal (here: stdin)."""

import csv
import io
import json
import re
import sqlite3

import openpyxl

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy


def run(capsys, monkeypatch, db_path, *args, masukan: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(masukan))
    code = main(["--db", str(db_path), *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out, err


def kantor(capsys, monkeypatch, db_path):
    """An administrator and an operator, added from the command line."""
    code, out, err = run(
        capsys, monkeypatch, db_path, "pengguna", "tambah", "admin", "--peran",
        "administrator", "--nama-lengkap", "Kepala Subbag", masukan="sandi-admin\nsandi-admin\n",
    )  # fmt: skip
    assert code == 0, err
    assert "Pengguna admin (Administrator) ditambahkan." in out
    code, out, err = run(
        capsys, monkeypatch, db_path, "pengguna", "tambah", "siti", "--peran", "operator",
        masukan="sandi-siti\nsandi-siti\n",
    )  # fmt: skip
    assert code == 0, err


def test_a_single_user_office_runs_every_command_without_logging_in(capsys, monkeypatch, db_path):
    code, out, _ = run(capsys, monkeypatch, db_path, "pengguna", "daftar")
    assert "Belum ada pengguna" in out
    code, out, err = run(
        capsys, monkeypatch, db_path, "persetujuan", "ajukan", "--tahun", "2020",
        "--periode", "2020Q1", "--jabatan", "sekcam",
    )  # fmt: skip
    assert code == 0, err
    assert "Ajukan: realisasi Triwulan I 2020 Sekretaris Kecamatan sekarang diajukan." in out


def test_several_users_must_say_who_and_give_the_password(capsys, monkeypatch, db_path):
    kantor(capsys, monkeypatch, db_path)
    langkah = ("persetujuan", "ajukan", "--tahun", "2020", "--jabatan", "SEKCAM")
    code, _, err = run(capsys, monkeypatch, db_path, *langkah)
    assert code == 1 and "sebutkan siapa yang bekerja dengan --pengguna NAMA" in err
    code, _, err = run(capsys, monkeypatch, db_path, "--pengguna", "siti", *langkah, masukan="x\n")
    assert code == 1 and "Sandi salah untuk siti." in err
    monkeypatch.setenv("KINERJA_PENGGUNA", "siti")
    code, out, err = run(capsys, monkeypatch, db_path, *langkah, masukan="sandi-siti\n")
    assert code == 0, err
    code, _, err = run(
        capsys, monkeypatch, db_path, "persetujuan", "verifikasi", "--tahun", "2020",
        "--jabatan", "SEKCAM", masukan="sandi-siti\n",
    )  # fmt: skip
    assert code == 1 and "hanya boleh dilakukan oleh Verifikator atau Administrator" in err
    # reading never asks
    monkeypatch.delenv("KINERJA_PENGGUNA")
    code, out, _ = run(capsys, monkeypatch, db_path, "persetujuan", "daftar", "--tahun", "2020")
    assert code == 0 and "SEKCAM" in out and "Diajukan" in out and "siti" in out


def test_the_whole_workflow_with_json_list_and_locked_import(
    capsys, monkeypatch, db_path, tmp_path
):
    kantor(capsys, monkeypatch, db_path)
    admin = ("--pengguna", "admin")
    for langkah in ("ajukan", "verifikasi", "setujui"):
        code, _, err = run(
            capsys, monkeypatch, db_path, *admin, "persetujuan", langkah, "--tahun", "2020",
            "--periode", "202001", "--jabatan", "KASUBAG-UMUM", masukan="sandi-admin\n",
        )  # fmt: skip
        assert code == 0, err
    code, out, _ = run(
        capsys, monkeypatch, db_path, "persetujuan", "daftar", "--tahun", "2020", "--json"
    )
    [baris] = json.loads(out)
    assert (baris["jabatan"], baris["periode"], baris["status"], baris["oleh"]) == (
        "KASUBAG-UMUM",
        "202001",
        "disetujui",
        "admin",
    )
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
        "KASUBAG-UMUM.02,202002,,realisasi,6,,\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, monkeypatch, db_path, "--pengguna", "siti", "nilai", "impor", str(berkas),
        masukan="sandi-siti\n",
    )  # fmt: skip
    assert code == 0, err
    assert "1 baru, 0 diubah, 0 sama, 0 ditolak, 1 dilewati (terkunci)" in out
    assert "1 nilai dilewati: Realisasi Januari 2020 jabatan" in out
    assert "1 nilai disimpan" in out
    code, _, err = run(
        capsys, monkeypatch, db_path, *admin, "persetujuan", "buka-kunci", "--tahun", "2020",
        "--periode", "202001", "--jabatan", "KASUBAG-UMUM", masukan="sandi-admin\n",
    )  # fmt: skip
    assert code == 1 and "Isi alasan membuka kunci (--catatan)" in err


def test_audit_export_and_tamper_check(capsys, monkeypatch, db_path, tmp_path):
    kantor(capsys, monkeypatch, db_path)
    code, _, err = run(
        capsys, monkeypatch, db_path, "--pengguna", "admin", "persetujuan", "ajukan",
        "--tahun", "2020", "--jabatan", "SEKCAM", masukan="sandi-admin\n",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, db_path, "audit", "--tahun", "2020")
    assert (
        "admin" in out and "Ajukan" in out and "Sekretaris Kecamatan 2020: draf → diajukan" in out
    )
    assert re.search(r"^ +\d+ \d+ \w+ \d{4} \d\d\.\d\d admin ", out, re.MULTILINE), out
    for akhiran in ("csv", "xlsx"):
        target = tmp_path / f"riwayat.{akhiran}"
        code, out, _ = run(capsys, monkeypatch, db_path, "audit", "--out", str(target))
        assert code == 0 and "3 catatan perubahan ditulis" in out
    with open(tmp_path / "riwayat.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["pengguna"], r["aksi"], r["baru"]) for r in rows][0] == (
        "admin",
        "Ajukan",
        "diajukan",
    )
    ws = openpyxl.load_workbook(tmp_path / "riwayat.xlsx").active
    assert [c.value for c in ws[1]][:4] == ["No.", "Waktu", "Pengguna", "Aksi"]
    assert ws.cell(2, 4).value == "Ajukan" and ws.max_row == 4
    code, out, _ = run(capsys, monkeypatch, db_path, "audit", "periksa")
    assert code == 0 and "Log utuh: 3 catatan" in out
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE audit_log SET pengguna = 'siti' WHERE aksi = 'ajukan'")
    code, out, _ = run(capsys, monkeypatch, db_path, "audit", "periksa")
    assert code == 1 and "PERINGATAN: 1 masalah" in out and "rantai hash" in out
    code, _, err = run(capsys, monkeypatch, db_path, "audit", "--dari", "kemarin")
    assert code == 1 and "Tanggal 'kemarin' tidak dikenal" in err
