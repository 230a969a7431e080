"""``cadangan --out`` and ``pulihkan``: one dated file holding everything; a restore that asks,
backs up first, and refuses (changing nothing) a file that is not ours, damaged or newer."""

import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from namespace_disk import unshare_ok

from kinerja_desktop.cli import main
from kinerja_desktop.db.backup import backup_dir, list_backups
from kinerja_desktop.db.schema import APPLICATION_ID, SCHEMA_VERSION
from kinerja_desktop.instance import acquire_instance_lock
from kinerja_desktop.paths import data_dir


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def years_in(path: Path) -> list[int]:
    with sqlite3.connect(path) as raw:
        return [r[0] for r in raw.execute("SELECT tahun FROM tahun ORDER BY tahun")]


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def impor():
    folder = data_dir() / "impor" / "2026"
    folder.mkdir(parents=True)
    (folder / "desa-talangagung.xlsx").write_bytes(b"isi berkas desa")
    return folder


@pytest.fixture
def archive(capsys, db_path, usb, impor):
    code, out, err = run(capsys, "--db", db_path, "cadangan", "--out", usb)
    assert code == 0, err
    (zip_path,) = usb.iterdir()
    return zip_path


def test_backup_file_has_the_date_and_a_manifest_with_checksums(capsys, db_path, usb, impor):
    code, out, _ = run(capsys, "--db", db_path, "cadangan", "--out", usb)
    assert code == 0
    (zip_path,) = usb.iterdir()
    assert zip_path.name.startswith("kinerja-cadangan-20") and zip_path.suffix == ".zip"
    assert f"Cadangan ditulis: {zip_path}" in out and "1 berkas impor" in out
    with zipfile.ZipFile(zip_path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["application_id"] == APPLICATION_ID
        assert manifest["versi_skema"] == SCHEMA_VERSION
        assert set(manifest["berkas"]) == {"kinerja.sqlite3", "impor/2026/desa-talangagung.xlsx"}
        for name, meta in manifest["berkas"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == meta["sha256"]


def test_restore_with_ya_brings_back_the_data_and_keeps_the_state_before(
    capsys, db_path, archive, impor
):
    assert run(capsys, "--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    (impor / "desa-talangagung.xlsx").write_bytes(b"diubah sesudah cadangan")
    (impor / "baru.xlsx").write_bytes(b"baru")

    code, out, err = run(capsys, "--db", db_path, "pulihkan", archive, "--ya")

    assert code == 0, err
    assert "Data dipulihkan" in out
    assert years_in(db_path) == [2020]
    assert sorted(p.name for p in impor.iterdir()) == ["desa-talangagung.xlsx"]
    assert (impor / "desa-talangagung.xlsx").read_bytes() == b"isi berkas desa"
    (before,) = [b for b in list_backups(db_path) if b.alasan == "sebelum-pemulihan"]
    assert f"Keadaan sebelum pemulihan disimpan di {before.path}" in out
    with zipfile.ZipFile(before.path) as zf:
        names = set(zf.namelist())
        assert "impor/2026/baru.xlsx" in names
        zf.extract("kinerja.sqlite3", before.path.parent / "periksa")
    assert years_in(before.path.parent / "periksa" / "kinerja.sqlite3") == [2020, 2021]


def _cli(db_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(db_path), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_restore_asks_and_an_other_answer_changes_nothing(capsys, db_path, archive):
    assert run(capsys, "--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    before = list_backups(db_path)

    done = _cli(db_path, "pulihkan", str(archive), stdin="tidak\n")
    assert done.returncode == 1
    assert "Lanjutkan pemulihan? Ketik 'ya'" in done.stdout
    assert "Pemulihan dibatalkan; tidak ada yang diubah." in done.stdout
    assert years_in(db_path) == [2020, 2021] and list_backups(db_path) == before

    done = _cli(db_path, "pulihkan", str(archive), stdin="ya\n")
    assert done.returncode == 0, done.stderr
    assert years_in(db_path) == [2020]


def _rewrite(archive: Path, target: Path, change_db=None, change_manifest=None) -> Path:
    work = target.parent / "kerja"
    work.mkdir()
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work)
    manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    if change_db:
        with sqlite3.connect(work / "kinerja.sqlite3") as raw:
            change_db(raw)
        raw.close()
        data = (work / "kinerja.sqlite3").read_bytes()
        manifest["berkas"]["kinerja.sqlite3"]["sha256"] = hashlib.sha256(data).hexdigest()
        manifest["berkas"]["kinerja.sqlite3"]["ukuran"] = len(data)
    if change_manifest:
        change_manifest(manifest)
    (work / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(work.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(work).as_posix())
    return target


def _newer_archive(archive, tmp_path):
    def newer_db(raw):
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    def newer_manifest(manifest):
        manifest["versi_skema"] = SCHEMA_VERSION + 1

    return _rewrite(archive, tmp_path / "baru.zip", newer_db, newer_manifest)


def _flipped_member(archive, tmp_path):
    target = tmp_path / "rusak.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "kinerja.sqlite3":
                data = data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:]
            dst.writestr(info.filename, data)
    return target


def _truncated(archive, tmp_path):
    target = tmp_path / "terpotong.zip"
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


def _text_file(archive, tmp_path):
    target = tmp_path / "catatan.zip"
    target.write_text("bukan cadangan", encoding="utf-8")
    return target


def _zip_of_something_else(archive, tmp_path):
    target = tmp_path / "foto.zip"
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("foto.jpg", b"\xff\xd8")
    return target


def _other_sqlite(archive, tmp_path):
    target = tmp_path / "lain.sqlite3"
    with sqlite3.connect(target) as raw:
        raw.execute("CREATE TABLE catatan (x)")
    raw.close()
    return target


def _newer_sqlite(archive, tmp_path):
    target = tmp_path / "kinerja_20991231-000000_harian.sqlite3"
    with zipfile.ZipFile(archive) as zf:
        target.write_bytes(zf.read("kinerja.sqlite3"))
    with sqlite3.connect(target) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    return target


def _size_lie(archive, tmp_path):
    def smaller(manifest):
        manifest["berkas"]["kinerja.sqlite3"]["ukuran"] = 1000

    return _rewrite(archive, tmp_path / "palsu.zip", change_manifest=smaller)


def _missing(archive, tmp_path):
    return tmp_path / "tidak-ada.zip"


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (_newer_archive, "versi yang lebih baru"),
        (_newer_sqlite, "versi yang lebih baru"),
        (_flipped_member, "rusak: isi kinerja.sqlite3 tidak sama"),
        (_truncated, "rusak atau bukan berkas cadangan"),
        (_text_file, "rusak atau bukan berkas cadangan"),
        (_zip_of_something_else, "bukan berkas cadangan Kinerja Desktop"),
        (_other_sqlite, "bukan basis data Kinerja Desktop"),
        (_size_lie, "lebih besar dari yang dicatat"),
        (_missing, "tidak ditemukan"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:] or None,
)
def test_restore_refuses_and_changes_nothing(
    capsys, db_path, archive, tmp_path, impor, make_file, expected
):
    bad = make_file(archive, tmp_path)
    assert run(capsys, "--db", db_path, "stats")[0] == 0  # opened today: the day's backup
    before_db = db_path.read_bytes()
    before_backups = sorted(p.name for p in backup_dir().iterdir())
    before_impor = sorted(p.name for p in impor.iterdir())

    code, out, err = run(capsys, "--db", db_path, "pulihkan", bad, "--ya")

    assert code == 1
    assert err.startswith("Galat: ") and expected in err and "Tidak ada yang diubah" in err
    assert db_path.read_bytes() == before_db
    assert sorted(p.name for p in backup_dir().iterdir()) == before_backups
    assert sorted(p.name for p in impor.iterdir()) == before_impor
    # no work folder left beside the database or in the system's temporary folder
    assert not list(db_path.parent.glob(".kinerja-sementara-*"))


def test_restore_is_refused_while_the_window_has_the_database(capsys, db_path, archive):
    with acquire_instance_lock(db_path):
        code, _, err = run(capsys, "--db", db_path, "pulihkan", archive, "--ya")
    assert code == 1 and "sudah terbuka" in err


def test_restore_is_the_way_out_of_a_damaged_database(capsys, db_path, archive):
    db_path.write_bytes(b"rusak karena listrik padam" * 1000)
    code, out, err = run(capsys, "--db", db_path, "stats")
    assert code == 1 and "rusak" in err and "Pulihkan" in err

    code, out, err = run(capsys, "--db", db_path, "pulihkan", archive, "--ya")
    assert code == 0, err
    assert years_in(db_path) == [2020]
    (kept,) = backup_dir().glob("*.rusak")
    assert kept.read_bytes().startswith(b"rusak karena listrik padam")


def test_backup_to_a_folder_not_made_yet_makes_it(capsys, db_path, tmp_path):
    code, _, err = run(capsys, "--db", db_path, "cadangan", "--out", tmp_path / "flashdisk")
    assert code == 0, err
    assert len(list((tmp_path / "flashdisk").glob("kinerja-cadangan-*.zip"))) == 1


needs_unshare = pytest.mark.skipif(
    not unshare_ok(), reason="needs Linux user namespaces to mount a small disk"
)


def _dengan_disk_kecil(perintah: str) -> subprocess.CompletedProcess:
    """Run the shell ``perintah`` in a user namespace where it may mount a small tmpfs."""
    return subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", perintah],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@needs_unshare
def test_backup_to_a_full_usb_stick_is_explained_and_leaves_nothing(db_path, tmp_path):
    usb = tmp_path / "penuh"
    usb.mkdir()
    done = _dengan_disk_kecil(
        f"mount -t tmpfs -o size=64k tmpfs '{usb}' && "
        f"dd if=/dev/zero of='{usb}/isi' bs=1k count=1000 2>/dev/null; "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_path}' cadangan --out '{usb}'; "
        f"echo kode=$?; ls -a '{usb}'"
    )
    assert "kode=1" in done.stdout
    assert "penuh" in done.stderr and "Galat: " in done.stderr
    listing = done.stdout.split("kode=1")[1].split()
    assert sorted(listing) == [".", "..", "isi"]


@needs_unshare
def test_backup_to_a_read_only_usb_stick_is_explained(db_path, tmp_path):
    usb = tmp_path / "terkunci"
    usb.mkdir()
    done = _dengan_disk_kecil(
        f"mount -t tmpfs -o size=1m,ro tmpfs '{usb}' && "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_path}' cadangan --out '{usb}'"
    )
    assert done.returncode == 1
    assert "hanya dapat dibaca" in done.stderr


@needs_unshare
def test_year_copy_with_a_full_backup_disk_is_refused_and_loses_nothing(db_path, tmp_path):
    cadangan = backup_dir(db_path)
    cadangan.mkdir(parents=True)
    done = _dengan_disk_kecil(
        f"mount -t tmpfs -o size=128k tmpfs '{cadangan}' && "
        f"dd if=/dev/zero of='{cadangan}/isi' bs=1k count=120 2>/dev/null; "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_path}' "
        "tahun salin --dari 2020 --ke 2021"
    )
    assert done.returncode == 1, done.stdout
    assert f"Galat: Ruang penyimpanan di {cadangan} penuh (tersisa " in done.stderr
    assert "cadangan tidak dibuat. Kosongkan paling sedikit " in done.stderr
    assert "perubahan tidak dijalankan" in done.stderr
    assert years_in(db_path) == [2020]


def test_restoring_a_backup_of_an_older_schema_upgrades_it(capsys, db_path, tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
    old = tmp_path / "kinerja_20200101-080000_harian.sqlite3"
    shutil.copyfile(fixture, old)
    fixture_years = years_in(old)
    code, out, err = run(capsys, "--db", db_path, "pulihkan", old, "--ya")
    assert code == 0, err
    assert "basis data skema 1" in out
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
    assert years_in(db_path) == fixture_years


def test_restore_onto_a_new_computer(capsys, archive, tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "komputer-baru"))
    new_db = tmp_path / "komputer-baru" / "kinerja.sqlite3"
    code, out, err = run(capsys, "--db", new_db, "pulihkan", archive, "--ya")
    assert code == 0, err
    assert years_in(new_db) == [2020]
    restored = tmp_path / "komputer-baru" / "impor" / "2026" / "desa-talangagung.xlsx"
    assert restored.read_bytes() == b"isi berkas desa"
    assert "Keadaan sebelum pemulihan" not in out  # there was nothing to keep


def test_a_copied_database_brings_the_commits_in_its_wal_beside_it(capsys, db_path, tmp_path):
    """A .sqlite3 copied while the application had it open keeps its latest commits in the
    -wal beside it; a restore that read the file alone would silently miss them."""
    flashdisk = tmp_path / "flashdisk"
    flashdisk.mkdir()
    live = tmp_path / "kantor" / "kinerja.sqlite3"
    live.parent.mkdir()
    shutil.copyfile(db_path, live)
    raw = sqlite3.connect(live)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA wal_autocheckpoint=0")
    raw.execute("UPDATE desa SET nama = 'Kemiri Baru' WHERE kode = '35.07.13.2001'")
    raw.commit()
    for suffix in ("", "-wal"):  # copied while still open: the change is only in the -wal
        shutil.copyfile(f"{live}{suffix}", flashdisk / f"salinan.sqlite3{suffix}")
    raw.close()

    code, out, err = run(capsys, "--db", db_path, "pulihkan", flashdisk / "salinan.sqlite3", "--ya")

    assert code == 0, err
    with sqlite3.connect(db_path) as check:
        nama = check.execute("SELECT nama FROM desa WHERE kode = '35.07.13.2001'").fetchone()[0]
    check.close()
    assert nama == "Kemiri Baru"
    assert sorted(p.name for p in flashdisk.iterdir()) == ["salinan.sqlite3", "salinan.sqlite3-wal"]


@pytest.mark.parametrize(
    "command",
    [
        ["impor", "desa", "kiriman"],
        ["nilai", "impor", "nilai.csv"],
        ["tahun", "salin", "--dari", "2020", "--ke", "2021"],
        ["impor", "batal", "1"],
        ["pita", "bawaan"],
        ["pulihkan", "cadangan.zip", "--ya"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_no_writer_runs_beside_a_restore_the_window_or_another_writer(
    capsys, db_path, tmp_path, command
):
    """A restore and an import once both reported success and mixed their data: every
    command that writes takes the lock `pulihkan` and the window hold, and is refused
    (changing nothing) while another holds it."""
    before = db_path.read_bytes()
    with acquire_instance_lock(db_path, tanpa_jendela=True):  # e.g. `pulihkan` at work
        code, out, err = run(
            capsys,
            "--db",
            db_path,
            *[str(tmp_path / a) if "." in a or a == "kiriman" else a for a in command],
        )
        assert run(capsys, "--db", db_path, "stats")[0] == 0  # reading is never refused
    assert code == 1
    assert err.startswith(f"Galat: Basis data {db_path} sedang dipakai: jendela Kinerja Desktop")
    assert err.rstrip().endswith("Tidak ada yang diubah.")
    assert db_path.read_bytes() == before


# what reads a backup: Python opening the file, SQLite connecting to it
_READS: list[list[str]] = []


def _audit(event: str, args: tuple) -> None:
    if not _READS or not isinstance(args[0], str | Path):
        return
    reading = event == "open" and isinstance(args[1], str) and "r" in args[1]
    if reading or event == "sqlite3.connect":
        _READS[-1].append(str(args[0]))


sys.addaudithook(_audit)  # an audit hook stays for the process: it records only inside reads_of


@contextlib.contextmanager
def reads_of(backup: Path):
    """The reads of ``backup`` made inside the block (opening it, or SQLite connecting to it)."""
    _READS.append([])
    found: list[str] = []
    try:
        yield found
    finally:
        found += [p for p in _READS.pop() if Path(p.split("?")[0].removeprefix("file:")).name
                  == backup.name]  # fmt: skip


class _AnswerAfter(io.StringIO):
    """Standard input whose answer comes after ``meanwhile()`` ran (the operator's pause)."""

    def __init__(self, answer: str, meanwhile) -> None:
        super().__init__(answer)
        self.meanwhile = meanwhile

    def readline(self, *args) -> str:
        self.meanwhile()
        return super().readline(*args)


@pytest.mark.parametrize("kind", ["zip", "sqlite3"])
def test_restore_reads_the_backup_once_and_restores_what_it_described(
    capsys, db_path, archive, monkeypatch, kind
):
    """`pulihkan` checks the backup before asking and restores that checked copy: the backup
    is read as often as one check reads it, and spoiling the file while the question waits
    changes nothing of what is restored."""
    from kinerja_desktop.db.restore import check_backup

    backup = archive
    if kind == "sqlite3":  # the day's copy in the backup folder, with any -wal beside it
        assert run(capsys, "--db", db_path, "stats")[0] == 0
        (backup,) = [b.path for b in list_backups(db_path) if b.alasan == "harian"]
    with reads_of(backup) as once, check_backup(backup, db_path) as checked:
        assert checked.keterangan.versi_skema == SCHEMA_VERSION
    assert once  # the count sees the reads of one check
    assert run(capsys, "--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2021)[0] == 0
    good = backup.read_bytes()

    def spoil() -> None:
        backup.write_bytes(b"\xff" * len(good))  # the stick fails while the operator reads

    monkeypatch.setattr(sys, "stdin", _AnswerAfter("ya\n", spoil))
    with reads_of(backup) as during:
        code, out, err = run(capsys, "--db", db_path, "pulihkan", backup)
    assert code == 0, err
    assert "Lanjutkan pemulihan? Ketik 'ya'" in out and "Data dipulihkan" in out
    assert f"Berkas cadangan : {backup}" in out
    assert sorted(during) == sorted(once)  # read once, not again after the question
    assert years_in(db_path) == [2020]  # what was checked and described was restored
