"""Run by tests/test_dialog_failures.py inside a user namespace, with the database on a small
tmpfs and a read-only tmpfs beside it: makes desa templates into the read-only folder, fills
the database's disk, then saves the Kepala Keputusan dialog and makes a database for another
kecamatan on it. Records what the operator saw and what stayed typed; writes it as JSON.

    python tests/failing_disk_dialogs.py DB FILLER READ_ONLY_FOLDER OUT.json [PICTURES_FOLDER]
"""

import json
import sys
from pathlib import Path

from operator_boxes import watch_boxes
from PySide6.QtWidgets import QWidget

from kinerja_desktop.db.backup import bound_database_path
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.keputusan import read_kepala
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.desa_dialogs import TemplatDialog
from kinerja_desktop.ui.kantor_dialogs import make_database_at
from kinerja_desktop.ui.keputusan_dialog import KeputusanDialog
from kinerja_desktop.ui.tasks import TaskRunner


def _picture(widget: QWidget, name: str) -> None:
    """What the operator sees, at the size of a small laptop screen, for a person to look at."""
    if len(sys.argv) > 5:
        widget.resize(min(widget.width(), 1024), min(widget.height(), 768))
        widget.grab().save(str(Path(sys.argv[5]) / name))


def main(db_file: Path, filler: Path, read_only: Path, out: Path) -> None:
    """Make each dialog meet a failing disk and write what happened to ``out``."""
    app = create_app()
    open_database(db_file)
    boxes: list[dict[str, str]] = []

    _watcher = watch_boxes(boxes)  # held: a collected timer stops
    hasil: dict[str, object] = {}

    runner = TaskRunner()
    templat = TemplatDialog(None, 2020, runner, "202003")
    templat.show()
    templat.folder.setText(str(read_only))
    templat.buat.click()
    runner.wait()
    app.processEvents()  # the job's failure comes back through the event loop
    _picture(templat, "templat-folder-hanya-baca.png")
    hasil["templat"] = {
        "galat": templat.galat.text() if templat.galat.isVisible() else "",
        "folder": templat.folder.text(),
        "periode": templat.periode.currentData(),
        "terbuka": templat.isVisible(),
        "ditulis": sorted(p.name for p in read_only.iterdir()),
    }
    templat.close()

    handle = open(filler, "wb", buffering=0)  # noqa: SIM115 - filled until the disk is full
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError:
        handle.close()

    keputusan = KeputusanDialog(2020)
    keputusan.show()
    keputusan.nomor.setText("188.45/77/35.07.13/2020")
    keputusan.tempat.setText("Kepanjen")
    keputusan.save()
    _picture(keputusan, "keputusan-disk-penuh.png")
    hasil["keputusan"] = {
        "pesan": keputusan.pesan.text(),
        "terbuka": keputusan.isVisible() and keputusan.result() == 0,
        "diketik": [keputusan.nomor.text(), keputusan.tempat.text()],
        "tersimpan": read_kepala(2020).nomor,
    }
    keputusan.close()

    lain = db_file.parent / "kinerja-sumberpucung.sqlite3"
    dibuat = make_database_at(None, lain, "35.07.12", False)
    hasil["kantor"] = {
        "dibuat": dibuat,
        "pesan": boxes[-1] if boxes else None,
        "tetap_terikat": bound_database_path() == db_file.resolve(),
        "terbaca": read_kepala(2020).nomor,
    }
    hasil["kotak"] = boxes
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
