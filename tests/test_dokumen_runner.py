"""The document dialogs take the one runner (ui/operations.py): a report written to a read-only
flashdisk, and saving in the SKP and Laporan Kinerja editors or the band dialog on a full disk,
each show the Indonesian message (never a traceback, never the bug dialog) and keep what the
operator chose or typed; with room again the same edit goes through. Both run on a real disk
mounted in a user namespace (tests/dokumen_gagal_window.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from namespace_disk import unshare_ok

HELPER = Path(__file__).parent / "dokumen_gagal_window.py"
ARTIFACTS = Path(__file__).parent / "artifacts"




needs_namespace = pytest.mark.skipif(
    not unshare_ok(), reason="needs Linux user namespaces to mount a small or read-only disk"
)


def _run_in_namespace(mount: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    command = " ".join(f"'{a}'" for a in [sys.executable, str(HELPER), *args])
    return subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", f"{mount} && QT_QPA_PLATFORM=offscreen {command}"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


@needs_namespace
def test_a_report_to_a_read_only_flashdisk_is_explained_in_the_dialog(db_path, tmp_path):
    usb = tmp_path / "FLASHDISK"
    usb.mkdir()
    out = tmp_path / "hasil.json"
    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / "report_dialog_baca_saja_1024.png"
    done = _run_in_namespace(
        f"mount -t tmpfs -o ro,size=1m tmpfs '{usb}'",
        ["baca-saja", str(db_path), str(usb), str(out), str(picture)],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))
    assert hasil["galat"] == (
        f"{usb} hanya dapat dibaca (flashdisk terkunci atau hanya-baca), IKI-2020.pdf tidak "
        "ditulis. Buka kunci flashdisk atau pilih folder lain."
    )
    assert hasil["status"].startswith("Tidak ada yang ditulis. Pilihan Anda tetap")
    assert hasil["hasil"] is None and hasil["isi_folder"] == []
    assert hasil["buat_aktif"] and hasil["folder_tetap"]  # the operator can pick another
    assert hasil["kotak"] == []  # said in the dialog, no bug dialog


def _disk_penuh(pesan: str) -> bool:
    """The message explain_failure gives for a full disk (its exact words belong to it)."""
    return "penyimpanan" in pesan.lower() and "penuh" in pesan


@needs_namespace
def test_saving_in_the_editors_on_a_full_disk_is_explained_and_keeps_what_was_typed(
    db_path, tmp_path
):
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    out = tmp_path / "hasil.json"
    size_kb = db_path.stat().st_size // 1024 + 2048
    ARTIFACTS.mkdir(exist_ok=True)
    done = _run_in_namespace(
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}'",
        ["penuh", str(db_file), str(disk / "pengisi"), str(out), str(ARTIFACTS / "penuh_1024")],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))

    skp = hasil["skp"]
    assert _disk_penuh(skp["galat"]), skp["galat"]
    assert skp["sel"] == "250" and skp["tersimpan"] != "250"  # typed, kept on screen, not stored
    lkjip = hasil["lkjip"]
    assert _disk_penuh(lkjip["galat"]), lkjip["galat"]
    assert lkjip["teks"] == "Kata pengantar yang diketik operator."
    assert lkjip["belum_disimpan"] and not lkjip["tersimpan"]  # closing still asks
    pita = hasil["pita"]
    assert _disk_penuh(pita["pesan"]), pita["pesan"]
    assert pita["terbuka"] and pita["diketik"] == "55" and pita["tetap"]
    assert hasil["kotak"] == []
    assert hasil["setelah_ruang"] == {
        "skp": "260",
        "skp_galat": True,
        "lkjip": "Kata pengantar yang diketik operator.",
    }


@needs_namespace
@pytest.mark.parametrize("room_kb", [24, 48])  # old per-row saves stored 1, 3 of 27
def test_renstra_targets_on_a_disk_filling_up_are_stored_whole_or_not_at_all(
    db_path, tmp_path, room_kb
):
    """The table is one transaction: a disk that fills during the save stores none of it (the
    table keeps what was typed); with room again every target is saved."""
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    out = tmp_path / "hasil.json"
    size_kb = db_path.stat().st_size // 1024 + 2048
    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / f"renstra_penuh_{room_kb}k_1024.png"
    done = _run_in_namespace(
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}'",
        [
            "renstra",
            str(db_file),
            str(disk / "pengisi"),
            str(room_kb * 1024),
            str(out),
            str(picture),
        ],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))
    assert hasil["kotak"] == []
    kode = hasil["setelah_ruang"]["kode"]
    assert len(kode) >= 3
    assert hasil["tersimpan"] in ([], sorted(kode))  # never a part of the table
    if not hasil["tersimpan"]:
        assert _disk_penuh(hasil["galat"]), hasil["galat"]
        assert hasil["tabel"] == hasil["diketik"]
    assert hasil["setelah_ruang"]["galat"] == ""
    assert hasil["setelah_ruang"]["tersimpan"] == dict(zip(kode, hasil["diketik"], strict=True))
