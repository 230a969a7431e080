"""What escapes a slot of the running window, or ends a thread of it, is shown to the operator
(ui/excepthook.py), sorted as the runner sorts: a damaged database read by a slot outside the
runner says so in Indonesian, a refusal is shown as it is, a bug in the one "Kesalahan program"
dialog; a failure repeated on every repaint is shown once.

pytest-qt's own capture is off here: the hook under test is what catches. The hooks call the
hooks they replaced first, so elsewhere pytest-qt (and pytest's thread check) still fail a test
on such an exception.
"""

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from damaged_file import damage
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.queries import require_year, years
from kinerja_desktop.errors import TidakDitemukan
from kinerja_desktop.ui import excepthook
from kinerja_desktop.ui.excepthook import JUDUL, install

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = [
    pytest.mark.qt_no_exception_capture,
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def logged() -> Iterator[list[BaseException]]:
    """The window's hooks installed over recording ones (as over pytest-qt's and pytest's, or
    stderr's): every exception either saw, in order."""
    before, before_thread = sys.excepthook, threading.excepthook
    seen: list[BaseException] = []
    sys.excepthook = lambda kind, exc, tb: seen.append(exc)
    threading.excepthook = lambda args: seen.append(args.exc_value)
    install()
    yield seen
    sys.excepthook, threading.excepthook = before, before_thread


@pytest.fixture
def boxes(qtbot, request: pytest.FixtureRequest) -> Iterator[list[dict[str, str]]]:
    """Every message box shown, read and closed the way an operator would (pictured)."""
    seen: list[dict[str, str]] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            ARTIFACTS.mkdir(exist_ok=True)
            box.grab().save(str(ARTIFACTS / f"{request.node.name}_{len(seen) + 1}.png"))
            seen.append(
                {"judul": box.windowTitle(), "teks": box.text(), "rincian": box.detailedText()}
            )
            box.done(0)

    watcher = QTimer()
    watcher.timeout.connect(close)
    watcher.start(20)
    yield seen
    watcher.stop()


def test_a_damaged_database_read_in_a_slot_is_explained(qtbot, db_path, logged, boxes):
    open_database(db_path)
    tombol = QPushButton("Tahun")
    qtbot.addWidget(tombol)
    tombol.clicked.connect(years)  # a slot reading the database outside the runner
    damage(db_path)
    tombol.click()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0]["judul"] == JUDUL
    assert boxes[0]["teks"].startswith(f"Berkas {db_path} rusak atau bukan basis data.")
    assert "Kesalahan program" not in boxes[0]["teks"]
    assert len(logged) == 1  # still written where it was before (stderr, pytest-qt)


def test_a_refusal_escaping_a_slot_is_shown_as_it_is(qtbot, db, logged, boxes):
    tombol = QPushButton("Buka tahun 1990")
    qtbot.addWidget(tombol)
    tombol.clicked.connect(lambda: require_year(1990))
    tombol.click()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0]["judul"] == JUDUL
    assert boxes[0]["teks"] == "Tahun 1990 tidak ada di basis data (tahun yang ada: 2020)."


def test_a_bug_in_a_slot_shows_the_bug_dialog_once_for_a_burst(qtbot, db, logged, boxes):
    tombol = QPushButton("Hitung")
    qtbot.addWidget(tombol)
    kolom: dict[str, int] = {}
    tombol.clicked.connect(lambda: kolom["belum_ada"])
    tombol.click()
    tombol.click()  # fails again before the first box shows: logged, not a second box
    qtbot.waitUntil(lambda: len(boxes) == 1)
    qtbot.wait(200)
    assert len(boxes) == 1 and len(logged) == 2
    assert boxes[0]["judul"] == "Kesalahan program"
    assert boxes[0]["teks"].startswith("Terjadi kesalahan pada program (bukan kesalahan Anda).")
    assert "KeyError: 'belum_ada'" in boxes[0]["rincian"]
    tombol.click()  # the same failure right after its box closed: logged, not shown again
    qtbot.wait(200)
    assert len(boxes) == 1 and len(logged) == 3
    lain = QPushButton("Bagi")
    qtbot.addWidget(lain)
    lain.clicked.connect(lambda: 1 / 0)
    lain.click()  # another failure is shown
    qtbot.waitUntil(lambda: len(boxes) == 2)
    assert "ZeroDivisionError" in boxes[1]["rincian"]


class Gagal(QWidget):
    """A widget whose painting fails every time, as a view reading a damaged file would."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        raise ValueError("gambar gagal")


def test_a_failure_on_every_repaint_shows_one_box(qtbot, logged, boxes):
    widget = Gagal()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    for _ in range(5):  # the box closed, the window repaints: it fails again each time
        widget.update()
        qtbot.wait(60)
    assert len(boxes) == 1 and len(logged) >= 6
    assert boxes[0]["judul"] == "Kesalahan program"
    assert "ValueError: gambar gagal" in boxes[0]["rincian"]


def test_another_failure_met_while_a_box_is_open_is_shown_when_it_comes_again(
    qtbot, logged, boxes
):
    pertama, kedua = QPushButton("Hitung"), QPushButton("Bagi")
    for tombol in (pertama, kedua):
        qtbot.addWidget(tombol)
    pertama.clicked.connect(lambda: [][0])
    kedua.clicked.connect(lambda: 1 / 0)
    pertama.click()
    kedua.click()  # while the first one's box is open: logged only
    qtbot.waitUntil(lambda: len(boxes) == 1)
    qtbot.wait(100)
    assert len(boxes) == 1 and len(logged) == 2
    kedua.click()  # after it: its own box, not taken for one already shown
    qtbot.waitUntil(lambda: len(boxes) == 2)
    assert "IndexError" in boxes[0]["rincian"] and "ZeroDivisionError" in boxes[1]["rincian"]


def test_a_failure_that_stayed_away_is_shown_again(qtbot, logged, boxes, monkeypatch):
    monkeypatch.setattr(excepthook, "QUIET_SECONDS", 1.0)
    tombol = QPushButton("Hitung")
    qtbot.addWidget(tombol)
    tombol.clicked.connect(lambda: [][0])
    tombol.click()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    tombol.click()  # right after: not again
    qtbot.wait(100)
    assert len(boxes) == 1
    qtbot.wait(1200)  # quiet for longer than QUIET_SECONDS: the next one is shown
    tombol.click()
    qtbot.waitUntil(lambda: len(boxes) == 2)
    assert len(logged) == 3


def test_a_failure_ending_a_thread_is_shown_on_the_window(qtbot, db, logged, boxes):
    def hitung() -> None:
        {}["belum_ada"]

    def cari() -> None:
        raise TidakDitemukan("Jabatan nomor 99 tidak ada lagi (sudah dihapus?).")

    # one at a time: one failing while a box is open would only be logged
    for shown, kerja in enumerate((hitung, cari), start=1):
        thread = threading.Thread(target=kerja, name=kerja.__name__)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda shown=shown: len(boxes) == shown)
    assert boxes[0]["judul"] == "Kesalahan program"
    assert "KeyError: 'belum_ada'" in boxes[0]["rincian"]
    assert boxes[1] == {
        "judul": JUDUL,
        "teks": "Jabatan nomor 99 tidak ada lagi (sudah dihapus?).",
        "rincian": "",
    }
    assert [type(e) for e in logged] == [KeyError, TidakDitemukan]  # passed on first


def test_the_window_start_installs_the_hook(qtbot, tmp_path, boxes):
    from kinerja_desktop.ui.app import run_gui
    from kinerja_desktop.ui.kantor_dialogs import SambutanDialog

    def leave_welcome() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SambutanDialog):
            QTimer.singleShot(20, leave_welcome)
            return
        dialog.reject()

    passed_on: list[BaseException] = []
    threading.excepthook = lambda args: passed_on.append(args.exc_value)  # as pytest's
    QTimer.singleShot(20, leave_welcome)
    assert run_gui(tmp_path / "baru.sqlite3") == 0  # the welcome left: nothing made
    tombol = QPushButton("Hitung")
    qtbot.addWidget(tombol)
    tombol.clicked.connect(lambda: [][0])
    tombol.click()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0]["judul"] == "Kesalahan program"
    assert "IndexError" in boxes[0]["rincian"]
    thread = threading.Thread(target=lambda: 1 / 0)  # a thread's failure is shown too
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(boxes) == 2)
    assert "ZeroDivisionError" in boxes[1]["rincian"]
    assert [type(e) for e in passed_on] == [ZeroDivisionError]
