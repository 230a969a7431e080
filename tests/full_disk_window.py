"""Run by tests/test_change_runner.py inside a user namespace, with the database on a small
tmpfs: fills that disk, then makes the four kinds of change the window knows (a tab edit, a
paste, a jabatan move, a background job), records what the operator saw and what the undo
stack and the database hold, frees the disk and edits once more. Writes the record as JSON.

    python tests/full_disk_window.py DB FILLER OUT.json [PICTURE.png]
"""

import json
import sys
from pathlib import Path

from operator_boxes import watch_boxes
from PySide6.QtGui import QGuiApplication

from kinerja_desktop.db import ops_uraian
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Jabatan, Tahun
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.tabs.target_model import BARIS_REALISASI
from kinerja_desktop.ui.tabs.target_tab import TargetTab
from kinerja_desktop.ui.tabs.uraian_tab import UraianTab


def main(db_file: Path, filler: Path, out: Path) -> None:
    """Make the four changes on a full disk and write what happened to ``out``."""
    app = create_app()
    open_database(db_file)
    window = MainWindow(db_file)
    window.show()
    boxes: list[dict[str, str]] = []

    _watcher = watch_boxes(boxes)  # held: a collected timer stops

    def jabatan(kode: str) -> int:
        return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id

    window.select_jabatan(jabatan("KASUBAG-UMUM"))
    uraian = next(t for t in window.tabs if isinstance(t, UraianTab))
    target = next(t for t in window.tabs if isinstance(t, TargetTab))
    app.processEvents()

    handle = open(filler, "wb", buffering=0)  # noqa: SIM115 - filled until the disk is full
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError:
        handle.close()

    hasil: dict[str, object] = {}
    stack = window.undo_stack

    model = uraian.panels["tugas"].model
    before = [u.teks for u in ops_uraian.list_uraian(jabatan("KASUBAG-UMUM"), "tugas")]
    model.setData(model.index(0, 1), "Menyusun rencana kerja subbagian;")
    if len(sys.argv) > 4:  # a picture of what the operator sees, for a person to look at
        window.grab().save(sys.argv[4])
    hasil["edit"] = {
        "pesan": uraian.pesan.text(),
        "langkah": stack.count(),
        "tersimpan": [u.teks for u in ops_uraian.list_uraian(jabatan("KASUBAG-UMUM"), "tugas")]
        == before,
    }

    row = next(i for i, n in enumerate(target.model.nilai) if n.info.kode == "KASUBAG-UMUM.02")
    col = next(
        c
        for c in range(target.model.columnCount())
        if (p := target.model.periode_kolom(c)) is not None and p.id == "202001"
    )
    target.view.setCurrentIndex(target.model.index(row * 3 + BARIS_REALISASI, col))
    QGuiApplication.clipboard().setText("1\t2\t3\r\n")
    target.paste()
    hasil["tempel"] = {"pesan": target.pesan.text(), "langkah": stack.count()}

    pramu = jabatan("PRAMU")
    atasan_lama = Jabatan.get_by_id(pramu).atasan_id
    window._move_requested(pramu, jabatan("KASI-PP"))
    hasil["pindah"] = {
        "pesan": boxes[-1] if boxes else None,
        "langkah": stack.count(),
        "atasan_tetap": Jabatan.get_by_id(pramu).atasan_id == atasan_lama,
    }

    jumlah_kotak = len(boxes)
    window.copy_year(2021)
    while len(boxes) == jumlah_kotak:  # the job reports back through the event loop
        app.processEvents()
    window.tasks.wait()
    hasil["latar"] = {
        "pesan": boxes[-1],
        "langkah": stack.count(),
        "tahun": [t.tahun for t in Tahun.select()],
    }

    filler.unlink()  # room again: the same edit goes through and can be undone
    model.setData(model.index(0, 1), "Menyusun rencana kerja subbagian;")
    hasil["setelah_ruang"] = {
        "langkah": stack.count(),
        "pertama": ops_uraian.list_uraian(jabatan("KASUBAG-UMUM"), "tugas")[0].teks,
    }
    hasil["kotak"] = boxes
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
