"""Run by tests/test_pengaturan_basis_data.py inside a user namespace, where the data folder
and the database's own folder are read-only disks: one start of the window (the first run
chooses a year, a jabatan and a tab, then closes; the second only looks), recording what was
shown, every message box and Qt warning, and what storing two settings and Cetak IKI's
Jadikan bawaan said. Writes JSON.

    python tests/pengaturan_hanya_baca.py DB pertama|kedua OUT.json PICTURES_FOLDER
"""

import json
import sys
from pathlib import Path

from operator_boxes import watch_boxes
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kinerja_desktop import settings
from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.report_dialog import ReportDialog


def _default_paper(window: MainWindow, pictures: Path | None) -> dict[str, object]:
    """Cetak IKI's Jadikan bawaan on A4: what the dialog then says and still offers."""
    dialog = ReportDialog(window, 2020, "KASI-PEM", runner=window.tasks)
    dialog.show()
    dialog.kertas.setCurrentIndex(dialog.kertas.findData("a4"))
    dialog.jadikan_bawaan.click()
    QApplication.processEvents()
    if pictures is not None:  # for a person to look at
        dialog.grab().save(str(pictures / "kertas-bawaan-folder-hanya-baca.png"))
    seen = {
        "galat": dialog.galat.text() if dialog.galat.isVisible() else "",
        "kertas": dialog.kertas.currentData(),
        "tombol": dialog.jadikan_bawaan.isEnabled(),
    }
    dialog.close()
    return seen


def main(db_file: Path, run: str, out: Path, pictures: Path | None) -> None:
    """Start the window once on ``db_file`` and write what happened to ``out``."""
    qt: list[str] = []

    def keep(mode: QtMsgType, _context: object, text: str) -> None:
        # the offscreen platform's own remark on every window is not about this test
        if mode != QtMsgType.QtDebugMsg and "propagateSizeHints" not in text:
            qt.append(text)

    qInstallMessageHandler(keep)
    app = create_app()
    boxes: list[dict[str, str]] = []
    _watcher = watch_boxes(boxes)  # held: a collected timer stops
    open_database(db_file, daily_backup=False)
    window = MainWindow(db_file)
    window.show()
    window.show_jabatan_view()
    app.processEvents()
    hasil: dict[str, object] = {}
    if run == "pertama":
        kasi = next(j for j in queries_jabatan.list_jabatan(2020) if j.kode == "KASI-PEM")
        window.select_jabatan(kasi.id)
        window.tab_widget.setCurrentIndex(2)
        for name, value in (("kertas", "a4"), ("folder_iki", str(db_file.parent))):
            try:
                settings.set_value(name, value)
                hasil[name] = ""
            except KinerjaError as exc:
                hasil[name] = exc.pesan
        hasil["dialog"] = _default_paper(window, pictures)
    app.processEvents()
    hasil["dipilih"] = [window.tahun, window.selected_kode(), window.tab_widget.currentIndex()]
    window.close()
    app.processEvents()
    hasil.update(kotak=boxes, qt=qt)
    out.write_text(json.dumps(hasil), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
