import os
import stat
import subprocess
import sys
import time

import pytest
from namespace_disk import unshare_ok

from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.fileio import TEMP_PREFIX, atomic_write


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_writes_the_file_and_leaves_no_temporary(usb):
    target = usb / "laporan.txt"
    atomic_write(target, lambda p: p.write_text("isi", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "isi"
    assert [p.name for p in usb.iterdir()] == ["laporan.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_written_file_is_readable_by_others_like_any_ordinary_file(usb):
    target = usb / "templat.xlsx"
    umask = os.umask(0o022)
    try:
        atomic_write(target, lambda p: p.write_bytes(b"x"))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_failed_writer_keeps_the_old_file_whole(usb):
    target = usb / "laporan.txt"
    target.write_text("lama", encoding="utf-8")

    def broken(path):
        path.write_text("setengah", encoding="utf-8")
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_text(encoding="utf-8") == "lama"
    assert [p.name for p in usb.iterdir()] == ["laporan.txt"]


def test_a_folder_not_made_yet_is_made(tmp_path):
    atomic_write(tmp_path / "laporan" / "2020" / "a.pdf", lambda p: p.write_bytes(b"x"))
    assert (tmp_path / "laporan" / "2020" / "a.pdf").read_bytes() == b"x"


def test_a_folder_that_cannot_be_made_is_explained(tmp_path):
    (tmp_path / "laporan").write_text("sebuah berkas", encoding="utf-8")
    with pytest.raises(LingkunganBermasalah, match="tidak dapat dibuat: sudah ada berkas"):
        atomic_write(tmp_path / "laporan" / "a.pdf", lambda p: p.write_bytes(b"x"))
    assert (tmp_path / "laporan").read_text(encoding="utf-8") == "sebuah berkas"


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount /media")
def test_an_unplugged_usb_stick_is_not_made_on_the_computers_own_disk():
    # /media of a user namespace: the desktop's mount point exists, the stick under it does not
    done = subprocess.run(
        [
            "unshare", "-r", "-m", "sh", "-c",
            "mount -t tmpfs tmpfs /media && mkdir /media/tamu && "
            f"'{sys.executable}' -c 'from pathlib import Path; "
            "from kinerja_desktop.fileio import atomic_write; "
            "atomic_write(Path(\"/media/tamu/FLASHDISK/IKI.pdf\"), lambda p: None)'; "
            "ls -A /media/tamu; echo selesai",
        ],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert "Pastikan flashdisk masih terpasang" in done.stderr, done.stderr
    assert done.stdout.strip() == "selesai"  # nothing was made under /media/tamu


# Root may write into any folder whatever its permissions, and CI runs as root: there the write
# runs as an ordinary user of a user namespace (``unshare --map-user``), for whom the folder's
# permissions count again.
_WRITE_AS_USER = """
import sys
from pathlib import Path
from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.fileio import TEMP_PREFIX, atomic_write
try:
    atomic_write(Path(sys.argv[1]), lambda p: p.write_bytes(b"x"))
except LingkunganBermasalah as exc:
    print(exc.pesan)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_is_explained(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    as_user = ["unshare", "--map-user=1000", "--map-group=1000"] if os.geteuid() == 0 else []
    try:
        done = subprocess.run(
            [*as_user, sys.executable, "-c", _WRITE_AS_USER, str(folder / "a.pdf")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(stat.S_IRWXU)
    assert done.returncode == 0, done.stderr
    assert f"Folder {folder} tidak dapat ditulis" in done.stdout
    assert list(folder.iterdir()) == []


def test_a_folder_given_as_the_target_is_explained(usb):
    with pytest.raises(LingkunganBermasalah, match="adalah sebuah folder, bukan nama berkas"):
        atomic_write(usb, lambda p: p.write_bytes(b"x"))
    assert list(usb.iterdir()) == []


def test_a_long_name_that_the_disk_allows_is_written(usb):
    target = usb / ("L" * 246 + ".pdf")  # 250 characters; most disks allow 255
    atomic_write(target, lambda p: p.write_bytes(b"x"))
    assert [p.name for p in usb.iterdir()] == [target.name]


def test_a_name_too_long_for_the_disk_is_not_called_a_full_disk(usb):
    target = usb / ("L" * 300 + ".pdf")
    with pytest.raises(LingkunganBermasalah) as caught:
        atomic_write(target, lambda p: p.write_bytes(b"x"))
    assert "terlalu panjang (304 huruf)" in caught.value.pesan
    assert "penuh" not in caught.value.pesan
    assert list(usb.iterdir()) == []


def test_temporaries_of_a_killed_write_are_removed_by_the_next_write(usb):
    stale = usb / f"{TEMP_PREFIX}laporan-abcd.pdf.tmp"
    fresh = usb / f"{TEMP_PREFIX}laporan-efgh.pdf.tmp"  # another process writing right now
    stranger = usb / ".laporan-lama.pdf.tmp"  # not ours
    for path in (stale, fresh, stranger):
        path.write_bytes(b"setengah")
    hour_ago = time.time() - 3601
    for path in (stale, stranger):
        os.utime(path, (hour_ago, hour_ago))
    atomic_write(usb / "laporan.pdf", lambda p: p.write_bytes(b"x"))
    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [fresh.name, stranger.name, "laporan.pdf"]
    )


def test_too_little_space_is_refused_before_starting_saying_how_much(usb):
    from kinerja_desktop.errors import DiskPenuh
    from kinerja_desktop.fileio import ensure_free_space

    with pytest.raises(DiskPenuh) as refused:
        ensure_free_space(usb, 1 << 50, "memeriksa cadangan.zip")  # 1 PB: never free
    pesan = refused.value.pesan
    assert pesan.startswith(f"Ruang penyimpanan di {usb} tidak cukup untuk memeriksa cadangan.zip")
    assert "diperlukan sekitar 1048576,0 GB, tersedia " in pesan
    assert "tidak ada yang diubah" in pesan
