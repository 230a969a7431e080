"""Each database has its own backups and stored import files (issue 16 item 12): two
databases never mix them, and backups made before each had its own folder stay findable."""

import json
import shutil
import zipfile
from datetime import datetime, timedelta

from kinerja_desktop.cli import main
from kinerja_desktop.db.backup import backup_dir, list_backups, make_backup
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.paths import data_dir

HEADER = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"


def run(capsys, *args):
    code = main([str(a) for a in args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def csv(tmp_path, name: str, target: int):
    path = tmp_path / name
    path.write_text(HEADER + f"KASUBAG-UMUM.02,2020,,target,{target},,\n", encoding="utf-8")
    return path


def members(zip_path) -> tuple[set[str], dict]:
    with zipfile.ZipFile(zip_path) as zf:
        return set(zf.namelist()), json.loads(zf.read("manifest.json"))


def test_two_databases_in_one_folder_never_mix_backups_or_import_files(capsys, db_path, tmp_path):
    lain = data_dir() / "lain.sqlite3"
    shutil.copyfile(db_path, lain)
    run(capsys, "--db", db_path, "nilai", "impor", csv(tmp_path, "kinerja.csv", 8))
    run(capsys, "--db", lain, "nilai", "impor", csv(tmp_path, "lain.csv", 9))

    assert [p.name.endswith("_kinerja.csv") for p in (data_dir() / "impor").iterdir()] == [True]
    assert [
        p.name.endswith("_lain.csv") for p in (data_dir() / "lain-berkas" / "impor").iterdir()
    ] == [True]
    assert backup_dir(lain) == data_dir() / "lain-berkas" / "cadangan"
    assert {p.name.split("_")[0] for p in backup_dir(db_path).iterdir()} == {"kinerja"}
    assert {p.name.split("_")[0] for p in backup_dir(lain).iterdir()} == {"lain"}

    for db, own, other in ((db_path, "kinerja.csv", "lain.csv"), (lain, "lain.csv", "kinerja.csv")):
        usb = tmp_path / f"usb-{db.stem}"
        usb.mkdir()
        run(capsys, "--db", db, "cadangan", "--out", usb)
        (zip_path,) = usb.iterdir()
        names, manifest = members(zip_path)
        assert any(n.endswith(f"_{own}") for n in names)
        assert not any(n.endswith(f"_{other}") for n in names)
        assert manifest["basis_data_asal"] == str(db.resolve())


def test_backups_and_imports_from_before_each_database_had_its_folder_stay_findable(
    capsys, db_path, tmp_path
):
    kantor = tmp_path / "kantor"
    kantor.mkdir()
    lain = kantor / "lain.sqlite3"
    shutil.copyfile(db_path, lain)
    # where an older version kept everything: the data folder all databases shared
    shared = data_dir() / "cadangan"
    shared.mkdir(parents=True)
    old_copy = shared / "lain_20261101-080000_harian.sqlite3"
    shutil.copyfile(db_path, old_copy)
    run(capsys, "--db", lain, "nilai", "impor", csv(tmp_path, "lama.csv", 7))
    (kept,) = (kantor / "lain-berkas" / "impor").iterdir()
    (data_dir() / "impor").mkdir()
    shutil.move(kept, data_dir() / "impor" / kept.name)  # as an older version stored it

    listed = {b.path: b.folder_bersama for b in list_backups(lain)}
    assert listed[old_copy] is True
    start = datetime(2026, 11, 2, 8, 0)
    for day in range(30):  # far more than the rotation keeps
        make_backup(lain, "harian", start + timedelta(days=day))
    assert old_copy.exists()  # another database of that name may have made it: never rotated

    usb = tmp_path / "usb"
    usb.mkdir()
    run(capsys, "--db", lain, "cadangan", "--out", usb)
    (zip_path,) = usb.iterdir()
    names, _ = members(zip_path)
    assert f"impor/{kept.name}" in names
