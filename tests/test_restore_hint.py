"""The way out a damaged database's message names: the exact ``pulihkan`` command for that
database (``--db`` when it is not the default one), which, typed as shown, restores that
database and no other."""

import re
import shlex
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.command_line import quote_argument, restore_command
from kinerja_desktop.db.backup import latest_backup
from kinerja_desktop.paths import data_dir

# the command as the message prints it, up to the quoted backup it names
QUOTED = r"(?:\"[^\"]+\"|'[^']+')"
COMMAND = re.compile(rf"kinerja-desktop (?:--db {QUOTED} )?pulihkan {QUOTED}")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def years_in(path: Path) -> list[int]:
    with sqlite3.connect(path) as raw:
        return [r[0] for r in raw.execute("SELECT tahun FROM tahun ORDER BY tahun")]


def follow(capsys, pesan: str) -> tuple[int, str, str]:
    """Type the command the message names, as the operator would (answering yes)."""
    (command,) = COMMAND.findall(pesan)
    words = shlex.split(command)
    assert words[0] == "kinerja-desktop"
    return run(capsys, *words[1:], "--ya")


def test_the_hint_for_another_database_restores_that_one_not_the_default(
    capsys, db_path, tmp_path
):
    other = tmp_path / "Data Kantor" / "kantor lama.sqlite3"  # spaces, as on Windows desktops
    other.parent.mkdir()
    shutil.copyfile(db_path, other)
    assert run(capsys, "--db", other, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    latest = latest_backup(other)  # taken before the year was copied
    assert latest is not None and latest.alasan == "sebelum-salin-tahun"
    default_before = db_path.read_bytes()
    other.write_bytes(b"rusak karena listrik padam" * 1000)

    code, _, err = run(capsys, "--db", other, "stats")
    assert code == 1 and "rusak" in err
    assert f'kinerja-desktop --db "{other}" pulihkan "{latest.path}"' in err
    assert "menu Berkas › Pulihkan cadangan…" in err

    code, out, err = follow(capsys, err)
    assert code == 0, err
    assert f"Data dipulihkan dari {latest.path}" in out
    assert years_in(other) == [2020]  # the backup taken before the year was copied
    assert db_path.read_bytes() == default_before  # the default database was not touched


@pytest.mark.skipif(sys.platform == "win32", reason="the data folder from XDG_DATA_HOME")
def test_the_hint_for_the_default_database_needs_no_db(
    capsys, monkeypatch, tmp_path, seeded_db_template
):
    monkeypatch.delenv("KINERJA_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = data_dir() / "kinerja.sqlite3"
    default.parent.mkdir(parents=True)
    shutil.copyfile(seeded_db_template, default)
    assert run(capsys, "stats")[0] == 0
    latest = latest_backup(default)
    default.write_bytes(b"rusak" * 4000)

    code, _, err = run(capsys, "stats")
    assert code == 1
    assert COMMAND.findall(err) == [f'kinerja-desktop pulihkan "{latest.path}"']  # no --db

    code, _, err = follow(capsys, err)
    assert code == 0, err
    assert years_in(default) == [2020]


def test_a_moved_data_folder_or_kinerja_db_is_named_with_db(monkeypatch, tmp_path):
    """A variable set for the window's shortcut is not set where the operator types."""
    path = data_dir() / "kinerja.sqlite3"  # data_dir from KINERJA_DATA_DIR (conftest)
    assert restore_command(path, None) == f'kinerja-desktop --db "{path}" pulihkan BERKAS'
    monkeypatch.delenv("KINERJA_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("KINERJA_DB", str(data_dir() / "kinerja.sqlite3"))
    assert "--db" in restore_command(data_dir() / "kinerja.sqlite3", None)


def test_paths_are_quoted_for_the_command_prompt_and_for_a_posix_shell(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    relative = restore_command(Path("kab.sqlite3"), Path("cadangan") / "kab_1.zip")
    assert f'--db "{tmp_path / "kab.sqlite3"}"' in relative  # absolute: typed anywhere
    odd = tmp_path / 'Data $HOME "lama"' / "kab.sqlite3"
    assert shlex.split(quote_argument(str(odd))) == [str(odd)]
    monkeypatch.setattr(sys, "platform", "win32")
    windows = r"C:\Users\Staf Kantor\Desktop\ruang kerja\kab.sqlite3"
    assert quote_argument(windows) == f'"{windows}"'  # what cmd.exe takes as one argument
