"""The command line as a script or a user would run it."""

import json
import subprocess
import sys

from kinerja_desktop import __version__
from kinerja_desktop.cli import main
from kinerja_desktop.paths import DB_FILENAME


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_via_python_dash_m():
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"Kinerja Desktop {__version__}"


def test_first_use_creates_database_in_user_data_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0
    assert json.loads(out) == {
        "tahun": [2020],
        "jabatan": 22,
        "indikator": 84,
        "desa": 18,
        "pegawai": 1,
    }
    assert (tmp_path / "data" / DB_FILENAME).exists()


def test_db_option_and_environment_variable(capsys, tmp_path, monkeypatch):
    chosen = tmp_path / "lain" / "iki.sqlite3"
    assert run(capsys, "--db", str(chosen), "stats")[0] == 0
    assert chosen.exists()
    from_env = tmp_path / "env.sqlite3"
    monkeypatch.setenv("KINERJA_DB", str(from_env))
    code, out, _ = run(capsys, "stats")
    assert code == 0 and "Jabatan    : 22 (tahun 2020)" in out and from_env.exists()


def test_stats_on_either_engine(capsys, db_url):
    # db_url: the test's database, a file or a server one, chosen through KINERJA_DB
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0
    assert json.loads(out) == {
        "tahun": [2020],
        "jabatan": 22,
        "indikator": 84,
        "desa": 18,
        "pegawai": 1,
    }
    code, out, _ = run(capsys, "stats")
    assert "Jabatan    : 22 (tahun 2020)" in out and "sandi" not in out


def test_indikator_json_lists_every_field(capsys, db_url):
    code, out, _ = run(capsys, "indikator", "--tahun", "2020", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 84
    assert rows[0]["kode"] == "SEKCAM.01" and rows[-1]["kode_jabatan"] == "PRAMU"
    for row in rows:
        assert {
            "kode",
            "kode_jabatan",
            "nama",
            "satuan",
            "jenis",
            "polaritas",
            "dari_desa",
            "frekuensi",
        } <= row.keys()
        assert row["jenis"] in ("jumlah", "persentase", "kehadiran")
        assert row["polaritas"] in ("positif", "negatif", "rentang")
        assert row["frekuensi"] in ("bulanan", "triwulanan")
        assert isinstance(row["dari_desa"], bool)


def test_indikator_for_a_missing_year_is_refused_in_indonesian(capsys, db_url):
    code, out, err = run(capsys, "indikator", "--tahun", "2031")
    assert code == 1 and out == ""
    assert "Tahun 2031 tidak ada di basis data (tahun yang ada: 2020)" in err


def test_tahun_salin_then_refuses_to_overwrite(capsys, db_url):
    code, out, _ = run(capsys, "tahun", "salin", "--dari", "2020", "--ke", "2026")
    assert code == 0 and "22 jabatan dan 84 indikator" in out
    code, _, err = run(capsys, "stats", "--json")
    code, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["tahun"] == [2020, 2026]
    code, _, err = run(capsys, "tahun", "salin", "--dari", "2020", "--ke", "2026")
    assert code == 1 and "Tahun 2026 sudah ada" in err


def test_wrong_usage_is_explained_in_indonesian(capsys):
    try:
        main(["tahun", "salin", "--dari", "2020"])
    except SystemExit as exit_:
        assert exit_.code == 2
    _, err = capsys.readouterr()
    assert "argumen berikut wajib diisi: --ke" in err
    assert "Penggunaan:" in err


def test_help_is_indonesian(capsys):
    try:
        main(["--help"])
    except SystemExit as exit_:
        assert exit_.code == 0
    out, _ = capsys.readouterr()
    assert "tampilkan versi program lalu keluar" in out
    # every command group is listed (their modules are imported for --help, not for the window)
    for command in ("stats", "kantor", "iki", "cadangan", "kabupaten", "pengguna", "skp"):
        assert f"    {command} " in out
    for english in ("show ", "usage:", "options", "positional arguments"):
        assert english not in out


def test_report_iki_accepts_codes_and_paper_in_any_case(capsys, db_url, tmp_path):
    out = tmp_path / "kasi-pem.pdf"
    code, stdout, err = run(
        capsys, "report", "iki", "--tahun", "2020", "--out", str(out),
        "--jabatan", "kasi-pem", "--kertas", "A4",
    )  # fmt: skip
    assert code == 0, err
    assert "jabatan KASI-PEM" in stdout and "A4" in stdout
    assert out.read_bytes().startswith(b"%PDF")


def test_window_without_a_screen_is_refused_in_indonesian(capsys, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys)
    assert code == 1
    assert "tidak ada layar" in err
