"""Run by tests/test_change_runner.py inside a user namespace, with the database on a small
tmpfs: fills that disk, then takes an approval step in the Target & Realisasi tab and undoes
an import batch from Riwayat Impor, the two changes of the window that are no undo step.
Records what the operator saw and what the undo stack and the database hold, frees the disk
and takes both once more. Writes the record as JSON.

    python tests/full_disk_steps.py DB FILLER OUT.json [PICTURE.png]
"""

import json
import sys
from pathlib import Path

from operator_boxes import watch_boxes

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import ImporBatch, Jabatan, NilaiRealisasi
from kinerja_desktop.db.persetujuan import status_persetujuan
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.riwayat_impor import RiwayatImporDialog
from kinerja_desktop.ui.tabs.target_tab import TargetTab


def _stored() -> dict[str, object]:
    """What the database holds of the two changes: the approval and the imported values."""
    jabatan = Jabatan.get(Jabatan.kode == "KASUBAG-UMUM", Jabatan.tahun == 2020).id
    batch = ImporBatch.get()
    return {
        "status": status_persetujuan(jabatan, "realisasi", "2020Q1").status.value,
        "batch_dibatalkan": batch.dibatalkan is not None,
        "realisasi": NilaiRealisasi.select().count(),
    }


def main(db_file: Path, filler: Path, out: Path) -> None:
    """Take the two steps on a full disk and with room again; write what happened to ``out``."""
    app = create_app()
    open_database(db_file)
    window = MainWindow(db_file)
    window.show()
    window.show_jabatan_view()
    boxes: list[dict[str, str]] = []

    _watcher = watch_boxes(boxes)  # held: a collected timer stops

    window.select_jabatan(Jabatan.get(Jabatan.kode == "KASUBAG-UMUM", Jabatan.tahun == 2020).id)
    target = next(t for t in window.tabs if isinstance(t, TargetTab))
    window.tab_widget.setCurrentWidget(target)
    bar = target.persetujuan
    bar.select("realisasi", "2020Q1")
    riwayat = RiwayatImporDialog(window, window.apply_changes)
    riwayat.select(ImporBatch.get().id)
    app.processEvents()
    hasil: dict[str, object] = {"sebelum": _stored()}

    handle = open(filler, "wb", buffering=0)  # noqa: SIM115 - filled until the disk is full
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError:
        handle.close()

    bar.tombol[Langkah.AJUKAN].click()
    if len(sys.argv) > 4:  # a picture of what the operator sees, for a person to look at
        window.grab().save(sys.argv[4])
    hasil["persetujuan"] = {
        "pesan": target.pesan.text(),
        "tampak": target.pesan.isVisible(),
        "keadaan": bar.status.text(),
        "langkah": window.undo_stack.count(),
        "tersimpan": _stored(),
    }
    dibatalkan = riwayat.cancel_selected(tanya=False)
    hasil["batal_impor"] = {
        "berhasil": dibatalkan,
        "pesan": riwayat.keterangan.text(),
        "tombol_aktif": riwayat.btn_batal.isEnabled(),
        "langkah": window.undo_stack.count(),
        "tersimpan": _stored(),
    }

    filler.unlink()  # room again: both steps go through
    bar.tombol[Langkah.AJUKAN].click()
    hasil["setelah_ruang"] = {
        "batal_impor": riwayat.cancel_selected(tanya=False),
        "tersimpan": _stored(),
    }
    hasil["kotak"] = boxes
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")
    riwayat.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
