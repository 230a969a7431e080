"""The dialogs outside the tabs take the one runner (ui/operations.py): on a folder that is
read-only or a disk that is full, making desa templates, saving the Kepala Keputusan and making
a database for another kecamatan each show the Indonesian message of the failure, keep what
the operator chose and typed, and show no traceback and no bug dialog."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from namespace_disk import unshare_ok

HELPER = Path(__file__).parent / "failing_disk_dialogs.py"
ARTIFACTS = Path(__file__).parent / "artifacts"




@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount small disks")
def test_dialogs_on_a_read_only_folder_and_a_full_disk_explain_and_keep_the_input(
    db_path, tmp_path
):
    disk, read_only = tmp_path / "disk-kecil", tmp_path / "hanya-baca"
    disk.mkdir()
    read_only.mkdir()
    db_file = disk / "kinerja.sqlite3"
    out = tmp_path / "hasil.json"
    ARTIFACTS.mkdir(exist_ok=True)
    size_kb = db_path.stat().st_size // 1024 + 512
    script = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && "
        f"mount -t tmpfs -o ro tmpfs '{read_only}' && cp '{db_path}' '{db_file}' && "
        f"QT_QPA_PLATFORM=offscreen '{sys.executable}' '{HELPER}' '{db_file}' "
        f"'{disk / 'pengisi'}' '{read_only}' '{out}' '{ARTIFACTS}'"
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))

    templat = hasil["templat"]
    assert "hanya-baca" in templat["galat"] and str(read_only) in templat["galat"]
    assert templat["folder"] == str(read_only) and templat["periode"] == "202003"
    assert templat["terbuka"] and templat["ditulis"] == []

    keputusan = hasil["keputusan"]
    assert "penyimpanan" in keputusan["pesan"].lower() and "penuh" in keputusan["pesan"]
    assert keputusan["terbuka"]
    assert keputusan["diketik"] == ["188.45/77/35.07.13/2020", "Kepanjen"]
    assert keputusan["tersimpan"] == "188.45/      /35.07.13/2020"  # nothing half-saved

    kantor = hasil["kantor"]
    assert not kantor["dibuat"]
    assert kantor["pesan"]["judul"] == "Basis data tidak dibuat"
    assert "penuh" in kantor["pesan"]["teks"]
    assert kantor["tetap_terikat"] and kantor["terbaca"] == "188.45/      /35.07.13/2020"
    assert not any(k["judul"] == "Kesalahan program" for k in hasil["kotak"])
