"""The one runner for every change of the window (ui/operations.py): on a disk that is full,
a tab edit, a paste, a jabatan move, a background job, an approval step and the undo of an
import each show the Indonesian message of ``explain_failure`` and leave no step on the undo
stack; with room again, editing goes on."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from namespace_disk import unshare_ok
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.ui.operations import push_change
from kinerja_desktop.ui.tasks import TaskRunner

# the offscreen platform warns when a message box is shown; harmless here
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HELPER = Path(__file__).parent / "full_disk_window.py"


def _disk_penuh(pesan: str) -> bool:
    """The message explain_failure gives for a full disk (its exact words belong to it)."""
    return "penyimpanan" in pesan.lower() and "penuh" in pesan




@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_every_kind_of_change_on_a_full_disk_is_explained_and_leaves_no_step(db_path, tmp_path):
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    out = tmp_path / "hasil.json"
    size_kb = db_path.stat().st_size // 1024 + 512
    script = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}' && "
        f"QT_QPA_PLATFORM=offscreen '{sys.executable}' '{HELPER}' '{db_file}' "
        f"'{disk / 'pengisi'}' '{out}'"
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))

    assert _disk_penuh(hasil["edit"]["pesan"]) and hasil["edit"]["langkah"] == 0
    assert hasil["edit"]["tersimpan"]
    assert _disk_penuh(hasil["tempel"]["pesan"]) and hasil["tempel"]["langkah"] == 0
    assert hasil["pindah"]["pesan"]["judul"] == "Jabatan tidak dipindahkan"
    assert _disk_penuh(hasil["pindah"]["pesan"]["teks"]) and hasil["pindah"]["langkah"] == 0
    assert hasil["pindah"]["atasan_tetap"]
    assert hasil["latar"]["pesan"]["judul"] == "Tahun tidak disalin"
    assert _disk_penuh(hasil["latar"]["pesan"]["teks"]) and hasil["latar"]["tahun"] == [2020]
    assert hasil["latar"]["langkah"] == 0
    assert not any(k["judul"] == "Kesalahan program" for k in hasil["kotak"])
    assert hasil["setelah_ruang"] == {
        "langkah": 1,
        "pertama": "Menyusun rencana kerja subbagian;",
    }


STEPS = Path(__file__).parent / "full_disk_steps.py"
CSV = (
    "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    "KASUBAG-UMUM.02,2020,,target,8,,\n"
    "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
    "KASUBAG-UMUM.02,202002,,realisasi,4,,\n"
)


def _with_an_import(db_path: Path, tmp_path: Path) -> None:
    """One CSV import in the database (a batch Riwayat Impor can undo), the file left whole."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.ops_nilai import plan_values
    from kinerja_desktop.exchange.nilai_csv import apply_csv, read_csv

    csv = tmp_path / "nilai.csv"
    csv.write_text(CSV, encoding="utf-8")
    db = open_database(db_path)
    isi = read_csv(csv)
    apply_csv(isi, plan_values(isi.nilai))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # no spare room in the WAL file
    db.close()


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_an_approval_step_and_an_import_undo_on_a_full_disk_are_explained(db_path, tmp_path):
    _with_an_import(db_path, tmp_path)
    disk = tmp_path / "disk-kecil"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    out = tmp_path / "hasil.json"
    size_kb = db_path.stat().st_size // 1024 + 512
    script = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}' && "
        f"QT_QPA_PLATFORM=offscreen '{sys.executable}' '{STEPS}' '{db_file}' "
        f"'{disk / 'pengisi'}' '{out}'"
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    hasil = json.loads(out.read_text(encoding="utf-8"))

    sebelum = hasil["sebelum"]
    assert sebelum == {"status": "draf", "batch_dibatalkan": False, "realisasi": 2}
    # the approval step: the tab says the disk is full, the period stays a draft
    persetujuan = hasil["persetujuan"]
    assert _disk_penuh(persetujuan["pesan"]) and persetujuan["tampak"]
    assert persetujuan["keadaan"] == "Draf (belum diajukan)"
    assert persetujuan["langkah"] == 0 and persetujuan["tersimpan"] == sebelum
    # the import undo: the history says so, the batch and its values are all still there
    batal = hasil["batal_impor"]
    assert not batal["berhasil"] and _disk_penuh(batal["pesan"])
    assert batal["tombol_aktif"]  # it can be tried again
    assert batal["langkah"] == 0 and batal["tersimpan"] == sebelum
    assert not any(k["judul"] == "Kesalahan program" for k in hasil["kotak"])
    # with room again both go through
    assert hasil["setelah_ruang"] == {
        "batal_impor": True,
        "tersimpan": {"status": "diajukan", "batch_dibatalkan": True, "realisasi": 0},
    }


def _close_boxes(qtbot, seen: list) -> QTimer:
    """Read and close every message box the way an operator would."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text(), box.detailedText()))
            box.done(0)

    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(20)
    return timer


def _bug() -> Perubahan:
    raise ZeroDivisionError("salah hitung di program")


def test_a_bug_in_a_step_is_shown_as_a_bug_and_leaves_no_step(qtbot, db):
    stack = QUndoStack()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list = []
    done: list = []
    timer = _close_boxes(qtbot, seen)
    hasil = push_change(
        stack, "Langkah", _bug, _bug, on_done=done.append, on_refused=print, parent=parent
    )
    timer.stop()
    assert hasil is None and stack.count() == 0 and done == []
    ((judul, teks, rincian),) = seen
    assert judul == "Kesalahan program" and "bukan kesalahan Anda" in teks
    assert "ZeroDivisionError: salah hitung di program" in rincian


def test_a_bug_in_a_background_job_reaches_the_bug_dialog_without_a_crash_handler(qtbot, db):
    window = QWidget()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    seen: list = []
    timer = _close_boxes(qtbot, seen)
    runner.run(lambda _state: _bug(), lambda _r: None, lambda _e: None)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    timer.stop()
    assert seen[0][0] == "Kesalahan program" and "ZeroDivisionError" in seen[0][2]
