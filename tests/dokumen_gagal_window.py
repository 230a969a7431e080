"""Run by tests/test_dokumen_runner.py inside a user namespace, where a disk can be mounted small
or read-only: the document dialogs of the window when the disk refuses. Records what the
operator saw (red lines, message boxes) and what the dialogs still hold, as JSON.

    python tests/dokumen_gagal_window.py baca-saja DB FOLDER OUT.json [PICTURE.png]
        the Cetak Keputusan IKI dialog writes the decree into FOLDER, mounted read-only;
    python tests/dokumen_gagal_window.py renstra DB FILLER ROOM OUT.json [PICTURE.png]
        Renstra targets typed for every indicator in the Laporan Kinerja editor, saved on a disk
        FILLER fills up to ROOM bytes before the end; after FILLER is removed saved again;
    python tests/dokumen_gagal_window.py penuh DB FILLER OUT.json [PICTURE-PREFIX]
        the database's disk filled by FILLER, then: a target typed in the SKP editor's plan,
        a text saved in the Laporan Kinerja editor, bands saved in Kategori Capaian; after
        FILLER is removed the same SKP edit and text go through.
"""

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from operator_boxes import watch_boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from skp_bantuan import isi_kantor

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import SkpHasilKerja
from kinerja_desktop.db.queries_lkjip import teks_lkjip
from kinerja_desktop.db.queries_nilai import penilaian
from kinerja_desktop.ui.app import create_app

LEBAR, TINGGI = 1024, 768


def _grab(widget: QWidget, picture: str | None) -> None:
    if picture:
        widget.resize(LEBAR, TINGGI)
        widget.grab().save(picture)


def read_only_folder(db_file: Path, folder: Path, out: Path, picture: str | None) -> None:
    """Write the IKI decree into the read-only ``folder`` from the report dialog."""
    from kinerja_desktop.ui.report_dialog import ReportDialog

    app = create_app()
    open_database(db_file)
    boxes: list[dict[str, str]] = []
    watcher = watch_boxes(boxes)
    dialog = ReportDialog(None, 2020, None)
    dialog.folder.setText(str(folder))
    dialog.buat.click()
    deadline = time.monotonic() + 60
    while dialog.hasil is None and dialog.galat.isHidden() and time.monotonic() < deadline:
        app.processEvents()
    dialog.runner.wait()
    app.processEvents()
    _grab(dialog, picture)
    watcher.stop()
    hasil = {
        "galat": dialog.galat.text() if not dialog.galat.isHidden() else "",
        "status": dialog.status.text(),
        "hasil": str(dialog.hasil) if dialog.hasil else None,
        "isi_folder": sorted(p.name for p in folder.iterdir()),
        "buat_aktif": dialog.buat.isEnabled(),
        "folder_tetap": dialog.folder.text() == str(folder),
        "kotak": boxes,
    }
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")


def _fill(filler: Path) -> None:
    handle = open(filler, "wb", buffering=0)  # noqa: SIM115 - filled until the disk is full
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError:
        handle.close()


def full_disk(db_file: Path, filler: Path, out: Path, picture: str | None) -> None:
    """Edit in the SKP and Laporan Kinerja editors and the band dialog on a full disk."""
    from kinerja_desktop.ui.lkjip_editor import LkjipEditor
    from kinerja_desktop.ui.pita_dialog import PitaDialog
    from kinerja_desktop.ui.skp_editor import SkpEditor

    app = create_app()
    open_database(db_file)
    isi_kantor()
    boxes: list[dict[str, str]] = []
    watcher = watch_boxes(boxes)
    hasil: dict[str, Any] = {}

    skp = SkpEditor(None, 2020)
    skp.pegawai.setCurrentIndex(
        next(
            i
            for i in range(skp.pegawai.count())
            if skp.pegawai.itemText(i).startswith("Ani Rahmawati")
        )
    )
    sel = skp.rencana.tabel_rencana.item(1, 5)
    baris = sel.data(Qt.ItemDataRole.UserRole)
    lkjip = LkjipEditor(None, 2020)
    app.processEvents()

    _fill(filler)
    sel.setText("250")  # typed as the operator does: the change is saved at once
    _grab(skp, f"{picture}-skp.png" if picture else None)
    hasil["skp"] = {
        "galat": skp.galat.text() if not skp.galat.isHidden() else "",
        "sel": skp.rencana.tabel_rencana.item(1, 5).text(),
        "tersimpan": SkpHasilKerja.get_by_id(baris).target,
    }

    kunci = lkjip._kunci
    lkjip.teks.setPlainText("Kata pengantar yang diketik operator.")
    lkjip.simpan.click()
    _grab(lkjip, f"{picture}-lkjip.png" if picture else None)
    hasil["lkjip"] = {
        "galat": lkjip.galat.text(),
        "teks": lkjip.teks.toPlainText(),
        "belum_disimpan": lkjip.has_unsaved_edits,
        "tersimpan": kunci in teks_lkjip(2020),
    }

    pita = PitaDialog()
    batas_lama = [p.batas_bawah for p in penilaian().pita]
    pita.tabel.item(1, 0).setText("55")
    pita.save()
    if picture:
        pita.grab().save(f"{picture}-pita.png")  # a small dialog: at its own size
    hasil["pita"] = {
        "pesan": pita.pesan.text(),
        "terbuka": pita.result() == 0 and pita.perubahan is None,
        "diketik": pita.tabel.item(1, 0).text(),
        "tetap": [p.batas_bawah for p in penilaian().pita] == batas_lama,
    }

    filler.unlink()  # room again: the same edits, still on screen, go through
    skp.rencana.tabel_rencana.item(1, 5).setText("260")
    lkjip.simpan.click()
    hasil["setelah_ruang"] = {
        "skp": SkpHasilKerja.get_by_id(baris).target,
        "skp_galat": skp.galat.isHidden(),
        "lkjip": teks_lkjip(2020)[kunci].teks if kunci else None,
    }
    watcher.stop()
    hasil["kotak"] = boxes
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")


def full_disk_renstra(
    db_file: Path, filler: Path, room: int, out: Path, picture: str | None
) -> None:
    """Save Renstra targets typed for every indicator with ``room`` bytes left on the disk."""
    from kinerja_desktop.db.queries_lkjip import target_renstra
    from kinerja_desktop.ui.lkjip_editor import LkjipEditor

    app = create_app()
    open_database(db_file)
    isi_kantor()
    boxes: list[dict[str, str]] = []
    watcher = watch_boxes(boxes)
    lkjip = LkjipEditor(None, 2020)
    lkjip.tab.setCurrentIndex(1)
    tabel = lkjip.renstra
    kode = [tabel.item(r, 0).text() for r in range(tabel.rowCount())]
    diketik = [str(50 + r) for r in range(tabel.rowCount())]
    for r, teks in enumerate(diketik):
        tabel.item(r, 4).setText(teks)
    app.processEvents()

    _fill(filler)
    if room:
        os.truncate(filler, filler.stat().st_size - room)
    lkjip.simpan_renstra.click()
    _grab(lkjip, picture)
    hasil: dict[str, Any] = {
        "galat": lkjip.galat.text(),
        "diketik": diketik,
        "tabel": [tabel.item(r, 4).text() for r in range(tabel.rowCount())],
        "tersimpan": sorted(target_renstra(kode, 2020)),
    }
    filler.unlink()  # room again: the same table, still on screen, is saved whole
    lkjip.simpan_renstra.click()
    hasil["setelah_ruang"] = {
        "galat": lkjip.galat.text(),
        "tersimpan": {k: t.target.teks for k, t in target_renstra(kode, 2020).items()},
        "kode": kode,
    }
    watcher.stop()
    hasil["kotak"] = boxes
    out.write_text(json.dumps(hasil, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "renstra":
        db_arg, filler_arg, room_arg, out_arg = sys.argv[2:6]
        gambar = sys.argv[6] if len(sys.argv) > 6 else None
        full_disk_renstra(Path(db_arg), Path(filler_arg), int(room_arg), Path(out_arg), gambar)
        sys.exit(0)
    mode, db_arg, place, out_arg = sys.argv[1:5]
    gambar = sys.argv[5] if len(sys.argv) > 5 else None
    run = read_only_folder if mode == "baca-saja" else full_disk
    run(Path(db_arg), Path(place), Path(out_arg), gambar)
