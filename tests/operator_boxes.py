"""For the scripts a test runs on a disk of its own (tests/full_disk_*.py and friends): read
and close every message box the way an operator would, keeping what each said."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def watch_boxes(boxes: list[dict[str, str]]) -> QTimer:
    """Every 20 ms, the open message box (if any) is appended to ``boxes`` as its title and
    text, then closed with its default answer. Keep the returned timer while it should run."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append({"judul": box.windowTitle(), "teks": box.text()})
            box.done(0)

    watcher = QTimer()
    watcher.timeout.connect(close)
    watcher.start(20)
    return watcher
