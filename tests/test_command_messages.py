"""Every message naming a command of this application names it for the database concerned:
on a database that is not the default one, the command copied from the message and typed as
it is (through a real shell) acts on that database, and the default one stays untouched.

Each test triggers the message for real on a database in a folder with spaces, takes the
command out of the message, runs it with ``python -m kinerja_desktop`` and reads the result
back from both databases."""

import csv
import io
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.command_line import command, quote_argument
from kinerja_desktop.db.location import parse_location
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.exchange.monev_csv import KOLOM as KOLOM_MONEV

# a command as messages print it: words, or quoted words, after the program's name; a bare
# word never ends with the sentence's full stop or comma
WORD = r"(?:\"[^\"]*\"|'[^']*'|[^\s\"'()]*[^\s\"'().,;:])"
COMMAND = re.compile(rf"kinerja-desktop(?: {WORD})+")
ADMIN = "sandi-admin-lama"
FITRI = "199005062015032003"


def run(capsys, *args, masukan: str = "") -> tuple[int, str, str]:
    """Run the command line in this process, as the operator's first command."""
    stdin = sys.stdin
    sys.stdin = io.StringIO(masukan)
    try:
        code = main([str(a) for a in args])
    finally:
        sys.stdin = stdin
        database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out, err


def taken_from(pesan: str) -> str:
    """The one command a message names."""
    (found,) = COMMAND.findall(pesan)
    return found


def follow(pesan: str, *, ganti: dict[str, str] | None = None, masukan: str = ""):
    """Type the command ``pesan`` names into a shell, as the operator copies it (placeholders
    such as NAMA replaced by what the operator would write, quoted as they would)."""
    line = taken_from(pesan)
    for placeholder, value in (ganti or {}).items():
        line = re.sub(rf"(?<= ){placeholder}(?= |$)", value, line)
    assert line.startswith("kinerja-desktop ")
    program = f"{shlex.quote(sys.executable)} -m kinerja_desktop"
    return subprocess.run(
        ["sh", "-c", program + line.removeprefix("kinerja-desktop")],
        input=masukan,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as raw:
        return raw.execute(sql).fetchall()


@pytest.fixture
def other(tmp_path, db_path, seeded_db_template) -> Path:
    """A database away from the default one (``db_path``), in folders with spaces."""
    path = tmp_path / "Data Kantor" / "kantor lama.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(seeded_db_template, path)
    return path


@pytest.fixture
def default_untouched(db_path):
    """The default database's bytes at the start; the test asserts them at its end."""
    before = db_path.read_bytes()
    yield
    assert db_path.read_bytes() == before, "the default database was changed"


def test_a_command_names_its_database_absolute_and_quoted(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    line = command(Path("kab lama.sqlite3"), "kantor", "desa", "ubah", "35.07.13.2001", "Ki Ageng")
    assert line == (
        f'kinerja-desktop --db "{tmp_path / "kab lama.sqlite3"}" kantor desa ubah 35.07.13.2001 '
        '"Ki Ageng"'
    )
    assert shlex.split(line)[2] == str(tmp_path / "kab lama.sqlite3")


def test_a_server_database_is_named_without_its_password():
    address = parse_location("postgresql://kantor:rahasia@192.168.1.5:5432/kinerja")
    line = command(address, "pengguna", "daftar")
    assert "rahasia" not in line
    assert line == (
        'kinerja-desktop --db "postgresql://kantor:SANDI@192.168.1.5:5432/kinerja" pengguna daftar'
    )
    tanpa = parse_location("postgresql://kantor@server/kinerja")
    assert command(tanpa, "kantor") == (
        'kinerja-desktop --db "postgresql://kantor@server/kinerja" kantor'
    )


def test_a_percent_sign_on_windows_sends_the_operator_to_powershell(monkeypatch, tmp_path):
    """The Command Prompt replaces %NAME% even inside double quotes; PowerShell does not."""
    path = tmp_path / "Naik 100%" / "%USERNAME% lama.sqlite3"
    monkeypatch.setattr(sys, "platform", "win32")
    line = command(path, "kantor")
    assert line.startswith(f'kinerja-desktop --db "{path}" kantor (jalankan di PowerShell')
    assert "bukan di Command Prompt" in line
    assert quote_argument(str(path)) == f'"{path}"'
    monkeypatch.setattr(sys, "platform", "linux")
    assert command(path, "kantor") == f'kinerja-desktop --db "{path}" kantor'  # sh keeps %


def test_a_percent_sign_in_the_path_is_kept_by_a_posix_shell(capsys, tmp_path, seeded_db_template):
    path = tmp_path / "Naik 100%" / "%HOME% lama.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(seeded_db_template, path)
    run(capsys, "--db", path, "kantor", "desa", "tambah", "35.07.13.2099", "Sumber Persen")
    code, _, err = run(capsys, "--db", path, "kantor", "desa", "nonaktif", "35.07.13.2098",
                       "--sejak", "2020-04")  # fmt: skip
    assert code == 1
    done = follow(err)
    assert done.returncode == 0, done.stderr
    assert "Sumber Persen" in done.stdout


def _add_admin(capsys, path: Path) -> None:
    code, _, err = run(capsys, "--db", path, "pengguna", "tambah", "admin", "--peran",
                       "administrator", masukan=f"{ADMIN}\n{ADMIN}\n")  # fmt: skip
    assert code == 0, err


def test_password_reset_steps_name_the_database(capsys, other, tmp_path, default_untouched):
    _add_admin(capsys, other)
    baru = "sandi-admin-baru"
    # the second step before the first: the refusal names the first for this database
    code, _, err = run(capsys, "--db", other, "pengguna", "pulihkan", "admin", "--lanjut",
                       masukan=f"{baru}\n{baru}\n")  # fmt: skip
    assert code == 1 and "Belum ada permintaan pemulihan untuk admin; jalankan dulu" in err
    assert f'--db "{other}" pengguna pulihkan admin.' in err

    first = follow(err)
    assert first.returncode == 0, first.stderr
    assert rows(other, "SELECT pemulihan IS NOT NULL FROM pengguna") == [(1,)]
    bukti = Path(first.stdout.split("bernama\n", 1)[1].split("\n", 1)[0].strip())
    bukti.write_bytes(b"")
    sandi_lama = rows(other, "SELECT sandi FROM pengguna")
    assert f'--db "{other}" pengguna pulihkan admin --lanjut' in first.stdout

    second = follow(first.stdout, masukan=f"{baru}\n{baru}\n")
    assert second.returncode == 0, second.stderr
    assert rows(other, "SELECT pemulihan FROM pengguna") == [(None,)]
    assert rows(other, "SELECT sandi FROM pengguna") != sandi_lama
    assert not bukti.exists()


def test_an_unknown_user_names_the_list_of_this_database(capsys, other, default_untouched):
    _add_admin(capsys, other)
    code, _, err = run(capsys, "--db", other, "pengguna", "sandi", "budi",
                       masukan="sandi-budi\nsandi-budi\n")  # fmt: skip
    assert code == 1 and "Pengguna budi tidak ada. Lihat daftar dengan:" in err
    done = follow(err)
    assert done.returncode == 0, done.stderr
    assert "admin" in done.stdout and "Belum ada pengguna" not in done.stdout


def test_an_office_without_users_names_how_to_add_the_first(capsys, other, default_untouched):
    code, out, _ = run(capsys, "--db", other, "pengguna", "daftar")
    assert code == 0 and "Tambahkan administrator pertama dengan:" in out
    done = follow(out, ganti={"NAMA": "'kepala'"}, masukan=f"{ADMIN}\n{ADMIN}\n")
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT nama, peran FROM pengguna") == [("kepala", "administrator")]


def test_a_monev_import_names_its_undo_for_this_database(capsys, other, tmp_path,
                                                        default_untouched):  # fmt: skip
    berkas = tmp_path / "monev.csv"
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [KOLOM_MONEV, ["keterangan", "SEKCAM", "", "", "SEKCAM.01", "2020Q2", "", "Hujan",
                           "Ulang"]]  # fmt: skip
        )
    code, out, err = run(capsys, "--db", other, "nilai", "impor-monev", berkas)
    assert code == 0, err
    assert rows(other, "SELECT count(*) FROM keterangan") == [(1,)]
    done = follow(out)
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT count(*) FROM keterangan") == [(0,)]


def test_a_desa_import_names_its_undo_for_this_database(capsys, other, tmp_path,
                                                       default_untouched):  # fmt: skip
    from desa_bantuan import KEMIRI, isi

    folder = tmp_path / "isian desa"
    code, _, err = run(capsys, "--db", other, "templat", "desa", "--tahun", 2020, "--periode",
                       "2020Q1", "--desa", KEMIRI, "--out", folder)  # fmt: skip
    assert code == 0, err
    (berkas,) = folder.glob("*.xlsx")
    isi(berkas, {(0, 0): 5})
    code, out, err = run(capsys, "--db", other, "impor", "desa", berkas)
    assert code == 0, err
    (nomor,) = re.findall(r"nomor impor: (\d+)\)", out)
    assert rows(other, "SELECT count(*) FROM nilai_realisasi WHERE batch_id IS NOT NULL") == [(1,)]
    done = follow(out, ganti={"NOMOR": nomor})
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT count(*) FROM nilai_realisasi WHERE batch_id IS NOT NULL") == [(0,)]


def test_unknown_or_taken_desa_codes_name_this_database_s_list_and_rename(
    capsys, other, tmp_path, default_untouched
):
    run(capsys, "--db", other, "kantor", "desa", "tambah", "35.07.13.2099", "Sumber Lama")
    # kantor: a desa code the database does not know, from the kantor command
    code, _, err = run(capsys, "--db", other, "kantor", "desa", "nonaktif", "35.07.13.2098",
                       "--sejak", "2020-04")  # fmt: skip
    assert code == 1 and "Lihat kode desa dengan:" in err
    done = follow(err)
    assert done.returncode == 0 and "Sumber Lama" in done.stdout
    # ... from a value file
    nilai = tmp_path / "nilai.csv"
    nilai.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASI-KESOS.01,202001,35.07.13.2098,realisasi,4,,\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", other, "nilai", "impor", nilai)
    assert code == 1 and "bukan desa kecamatan ini" in out + err
    done = follow(out + err)
    assert done.returncode == 0 and "Sumber Lama" in done.stdout
    # ... and for a desa template
    code, _, err = run(capsys, "--db", other, "templat", "desa", "--tahun", "2020",
                       "--desa", "35.07.13.2098", "--out", tmp_path / "templat")  # fmt: skip
    assert code == 1 and "Lihat kode desa kecamatan ini dengan:" in err
    done = follow(err)
    assert done.returncode == 0 and "Sumber Lama" in done.stdout

    # a code already taken: the rename command, with the name the operator writes
    code, _, err = run(capsys, "--db", other, "kantor", "desa", "tambah", "35.07.13.2099", "X")
    assert code == 1 and "ganti namanya dengan:" in err
    done = follow(err, ganti={"NAMA": '"Sumber Baru"'})
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT nama FROM desa WHERE kode = '35.07.13.2099'") == [("Sumber Baru",)]


def test_a_workbook_that_is_no_iki_workbook_names_where_one_comes_from(
    capsys, other, tmp_path, default_untouched
):
    bukan = tmp_path / "bukan iki.xlsx"
    run(capsys, "--db", other, "templat", "desa", "--tahun", 2020, "--out", tmp_path)
    next(tmp_path.glob("*.xlsx")).rename(bukan)
    code, _, err = run(capsys, "--db", other, "iki", "impor", bukan, "--tahun", 2021)
    assert code == 1 and "bukan buku kerja IKI dari Kinerja Desktop" in err
    laporan, templat = COMMAND.findall(err)
    assert "report iki --tahun TAHUN --out BERKAS.xlsx" in laporan
    ke = f'"{tmp_path / "IKI 2020.xlsx"}"'
    done = follow(laporan, ganti={"TAHUN": "2020", "BERKAS.xlsx": ke})
    assert done.returncode == 0, done.stderr
    (tmp_path / "templat iki").mkdir()
    done = follow(templat, ganti={"FOLDER": f'"{tmp_path / "templat iki"}"'})
    assert done.returncode == 0, done.stderr
    for workbook in (tmp_path / "IKI 2020.xlsx", *(tmp_path / "templat iki").glob("*.xlsx")):
        code, out, err = run(capsys, "--db", other, "iki", "impor", workbook, "--tahun", 2021,
                             "--coba")  # fmt: skip
        assert "bukan buku kerja IKI" not in err, err


def test_an_unknown_jabatan_names_the_codes_of_this_database_s_year(
    capsys, other, tmp_path, default_untouched
):
    """2021 exists only in the other database: the command works only there."""
    assert run(capsys, "--db", other, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    for laporan in ("iki", "pk"):
        keluaran = tmp_path / f"{laporan}.pdf"
        code, _, err = run(capsys, "--db", other, "report", laporan, "--tahun", 2021,
                           "--jabatan", "TIDAK-ADA", "--out", keluaran)  # fmt: skip
        assert code == 1 and "Jabatan dengan kode TIDAK-ADA tidak ada pada tahun 2021" in err
        done = follow(err)
        assert done.returncode == 0, done.stderr
        assert "SEKCAM" in done.stdout


def _add_pegawai(path: Path, *pegawai: tuple[str, str, str]) -> None:
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.ops_pemangku import add_pegawai_baru

    open_database(path)
    for kode, nama, nip in pegawai:
        jabatan = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == kode)
        add_pegawai_baru(jabatan.id, nama, nip, "III/a")
    database_proxy.obj.close()
    database_proxy.initialize(None)


def test_missing_skp_name_how_to_make_them_in_this_database(
    capsys, other, tmp_path, default_untouched
):
    _add_pegawai(other, ("KASUBAG-UMUM", "Eko Prasetyo, SE", "198203042008011002"))
    # every employee's: from the report, with none made yet
    code, _, err = run(capsys, "--db", other, "report", "skp", "--tahun", 2020,
                       "--out", tmp_path / "skp.pdf")  # fmt: skip
    assert code == 1 and "Belum ada SKP tahun 2020" in err
    done = follow(err)
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT count(*) FROM skp") == [(1,)]
    # one employee's: from the skp command
    _add_pegawai(other, ("BENDAHARA", "Fitri Handayani", FITRI))
    code, _, err = run(capsys, "--db", other, "skp", "nilai", "--tahun", 2020, "--nip", FITRI,
                       "--periode", "2020")  # fmt: skip
    assert code == 1 and f"Pegawai NIP {FITRI} belum memiliki SKP tahun 2020" in err
    done = follow(err)
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT count(*) FROM skp") == [(2,)]


def test_the_decree_command_without_a_year_shows_a_year_of_this_database(
    capsys, other, default_untouched
):
    assert run(capsys, "--db", other, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    code, _, err = run(capsys, "--db", other, "keputusan")
    assert code == 1 and "--tahun 2021" in err
    done = follow(err)
    assert done.returncode == 0, done.stderr


def test_a_restore_refused_for_an_approval_names_the_unlock_for_this_database(
    capsys, other, tmp_path, default_untouched
):
    assert run(capsys, "--db", other, "cadangan", "--out", tmp_path / "flashdisk")[0] == 0
    (cadangan,) = (tmp_path / "flashdisk").iterdir()
    for langkah in ("ajukan", "verifikasi", "setujui"):
        code, _, err = run(capsys, "--db", other, "persetujuan", langkah, "--tahun", 2020,
                           "--periode", "202001", "--jabatan", "KASUBAG-UMUM")  # fmt: skip
        assert code == 0, err
    code, _, err = run(capsys, "--db", other, "pulihkan", cadangan, "--ya")
    assert code == 1 and "administrator membuka kuncinya dulu:" in err
    assert "buka-kunci --tahun 2020 --periode 202001 --jabatan KASUBAG-UMUM" in err
    done = follow(err, ganti={"ALASAN": '"data lama diperlukan"'})
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT status FROM persetujuan") != [("disetujui",)]
    code, _, err = run(capsys, "--db", other, "pulihkan", cadangan, "--ya")
    assert code == 0, err


def test_the_window_names_how_to_add_a_user_to_its_database(qtbot, other, default_untouched):
    """Berkas › Ganti Pengguna in a single-user office: the status bar names the command, with
    the role the first user must have."""
    from PySide6.QtWidgets import QMainWindow

    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.ui.pengguna_dialogs import switch_user

    window = QMainWindow()
    qtbot.addWidget(window)
    window.db_path = other  # type: ignore[attr-defined]

    def shown() -> str:
        open_database(other)
        try:
            switch_user(window)
        finally:
            database_proxy.obj.close()
            database_proxy.initialize(None)
        return window.statusBar().currentMessage()

    pesan = shown()
    assert f'--db "{other}" pengguna tambah NAMA --peran administrator.' in pesan
    done = follow(pesan, ganti={"NAMA": "kepala"}, masukan=f"{ADMIN}\n{ADMIN}\n")
    assert done.returncode == 0, done.stderr
    pesan = shown()
    assert f'--db "{other}" pengguna tambah NAMA --peran PERAN.' in pesan
    masukan = "sandi-siti\nsandi-siti\n"  # one user: nobody logs in
    done = follow(pesan, ganti={"NAMA": "siti", "PERAN": "operator"}, masukan=masukan)
    assert done.returncode == 0, done.stderr
    assert rows(other, "SELECT nama, peran FROM pengguna ORDER BY id") == [
        ("kepala", "administrator"),
        ("siti", "operator"),
    ]
