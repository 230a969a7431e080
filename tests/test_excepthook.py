"""What escapes a slot of the running window is shown to the operator (ui/excepthook.py), sorted
as the runner sorts: a damaged database read when a pegawai is chosen in the SKP editor says so
in Indonesian, a refusal is shown as it is, a bug in the one "Kesalahan program" dialog.

pytest-qt's own capture is off here: the hook under test is what catches. The hook calls the
hook it replaced first, so elsewhere pytest-qt still fails a test on such an exception.
"""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from skp_bantuan import isi_kantor

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.ui.excepthook import JUDUL, install
from kinerja_desktop.ui.skp_editor import SkpEditor

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = [
    pytest.mark.qt_no_exception_capture,
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def logged() -> Iterator[list[BaseException]]:
    """The window's hook installed over a recording one (as over pytest-qt's or stderr's)."""
    before = sys.excepthook
    seen: list[BaseException] = []
    sys.excepthook = lambda kind, exc, tb: seen.append(exc)
    install()
    yield seen
    sys.excepthook = before


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


def _damage(path: Path) -> None:
    """What a failing flashdisk leaves: the header kept, every page after it garbage."""
    database_proxy.close()  # the next read opens the file again, as after a while idle
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\xa5" * (size - 100))


def test_a_damaged_database_read_in_a_slot_is_explained(qtbot, db_path, logged, boxes):
    open_database(db_path)
    isi_kantor()
    editor = SkpEditor(None, 2020)
    qtbot.addWidget(editor)
    editor.show()
    ani = next(
        i for i in range(editor.pegawai.count()) if editor.pegawai.itemText(i).startswith("Ani")
    )
    if editor.pegawai.currentIndex() == ani:
        editor.pegawai.setCurrentIndex(0)
    _damage(db_path)
    editor.pegawai.setCurrentIndex(ani)  # the slot reads her SKP from the damaged file
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
    tombol.click()  # once it is closed the next failure is shown again
    qtbot.waitUntil(lambda: len(boxes) == 2)


def test_the_window_start_installs_the_hook(qtbot, tmp_path, boxes):
    from kinerja_desktop.ui.app import run_gui
    from kinerja_desktop.ui.kantor_dialogs import SambutanDialog

    def leave_welcome() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SambutanDialog):
            QTimer.singleShot(20, leave_welcome)
            return
        dialog.reject()

    before = sys.excepthook
    try:
        QTimer.singleShot(20, leave_welcome)
        assert run_gui(tmp_path / "baru.sqlite3") == 0  # the welcome left: nothing made
        tombol = QPushButton("Hitung")
        qtbot.addWidget(tombol)
        tombol.clicked.connect(lambda: [][0])
        tombol.click()
        qtbot.waitUntil(lambda: len(boxes) == 1)
        assert boxes[0]["judul"] == "Kesalahan program"
        assert "IndexError" in boxes[0]["rincian"]
    finally:
        sys.excepthook = before
