import os
import stat
import sys

import pytest

from kinerja_desktop.errors import LingkunganBermasalah
from kinerja_desktop.fileio import atomic_write


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


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(LingkunganBermasalah, match="tidak ditemukan. Pastikan flashdisk"):
        atomic_write(tmp_path / "hilang" / "a.pdf", lambda p: p.write_bytes(b"x"))


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_is_explained(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(LingkunganBermasalah, match="tidak dapat ditulis"):
            atomic_write(folder / "a.pdf", lambda p: p.write_bytes(b"x"))
    finally:
        folder.chmod(stat.S_IRWXU)
