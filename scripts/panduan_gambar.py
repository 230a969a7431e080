"""Take the user guide's pictures from the real application and save them, small, into
``kinerja_desktop/resources/panduan/gambar/``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/panduan_gambar.py

Works in a temporary data folder on the built-in data: it writes the desa templates of 2020,
fills them as 18 desa would (January to September from every desa, October from some),
imports all but two, sets the year's targets, shows the Beranda on 5 November, and then
opens each window and dialog the guide shows, as the operator would, and grabs it. Every
picture is reduced to at most 128 colours (Pillow) so that it stays under 100 kB.

Run it again after a window changes; the guide's test checks that every picture exists.
"""

import os
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# a readable folder name: it shows in the pictures (folder rows, messages)
TMP = Path(tempfile.gettempdir()) / "Kantor Kecamatan"
shutil.rmtree(TMP, ignore_errors=True)
os.environ["KINERJA_DATA_DIR"] = str(TMP / "data")
os.environ["HOME"] = str(TMP / "home")
# an office without users signs approvals with the computer's user name: one like an office's
os.environ["LOGNAME"] = os.environ["USER"] = "operator"
(TMP / "home" / "Documents").mkdir(parents=True)

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from kinerja_desktop.db.connection import open_database  # noqa: E402

GAMBAR = ROOT / "kinerja_desktop" / "resources" / "panduan" / "gambar"
UKURAN_PALING_BESAR = 100 * 1024
LEBAR_PALING_BESAR = 760  # fits the guide's text beside its list of sections at 1024 × 768
TAHUN = 2020


def save_shot(widget: QWidget, nama: str) -> None:
    """Grab ``widget`` and save it as a small PNG (palette of 128 colours, optimised)."""
    from PIL import Image

    mentah = TMP / f"{nama}.png"
    widget.grab().save(str(mentah))
    gambar = Image.open(mentah).convert("RGB")
    if gambar.width > LEBAR_PALING_BESAR:
        # the guide shows pictures at their own size: reduced here, smoothly, rather than by
        # the viewer, whose reduction drops pixels and breaks the letters
        tinggi = round(gambar.height * LEBAR_PALING_BESAR / gambar.width)
        gambar = gambar.resize((LEBAR_PALING_BESAR, tinggi), Image.Resampling.LANCZOS)
    for warna in (128, 64, 32):
        kecil = gambar.quantize(
            colors=warna, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        tujuan = GAMBAR / f"{nama}.png"
        kecil.save(tujuan, optimize=True)
        if tujuan.stat().st_size <= UKURAN_PALING_BESAR:
            break
    print(
        f"{tujuan.relative_to(ROOT)}: {gambar.width}×{gambar.height}, "
        f"{tujuan.stat().st_size // 1024} kB"
    )


def wait_until(app: QApplication, selesai: Callable[[], bool], detik: float = 30) -> None:
    """Run the event loop until ``selesai()`` (a background job finished)."""
    import time

    batas = time.monotonic() + detik
    while not selesai():
        if time.monotonic() > batas:
            raise TimeoutError("jendela tidak selesai bekerja")
        app.processEvents()
        time.sleep(0.02)


def fill_data(folder: Path) -> list[Path]:
    """Desa workbooks of the year, filled; all but the last two are imported. Returns those
    two (the import dialog shows them) and sets the year's targets."""
    import openpyxl

    from kinerja_desktop.db.models import Indikator, Jabatan, Sasaran
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, apply_plan, plan_values
    from kinerja_desktop.domain.capaian import Target
    from kinerja_desktop.exchange.desa_import import import_berkas_desa
    from kinerja_desktop.exchange.desa_layout import (
        BARIS_DATA_AWAL,
        KOLOM_BULAN_AWAL,
        LEMBAR_ISIAN,
    )
    from kinerja_desktop.exchange.desa_template import make_desa_templates

    acak = random.Random(2026)
    hasil = make_desa_templates(TAHUN, folder)
    for nomor, h in enumerate(hasil):
        wb = openpyxl.load_workbook(h.path)
        ws = wb[LEMBAR_ISIAN]
        bulan = 10 if nomor % 3 else 9  # October came from two desa in three
        for r in range(BARIS_DATA_AWAL, BARIS_DATA_AWAL + h.baris):
            for c in range(KOLOM_BULAN_AWAL, KOLOM_BULAN_AWAL + bulan):
                ws.cell(r, c).value = acak.randint(0, 6)
        wb.save(h.path)
    berkas = [h.path for h in hasil]
    import_berkas_desa(berkas[:-2], tahun=TAHUN)

    # the year's targets, as an office sets them in January: counts for the desa totals,
    # 95% for percentages and attendance
    indikator: list[tuple[int, str]] = list(
        Indikator.select(Indikator.id, Indikator.jenis)
        .join(Sasaran)
        .join(Jabatan)
        .where(Jabatan.tahun == TAHUN)
        .tuples()
        .iterator()
    )
    masuk = [
        NilaiMasuk(
            KunciNilai("target", ind_id, str(TAHUN)),
            target=Target(float(acak.randint(45, 80) * 10) if jenis == "jumlah" else 95.0),
        )
        for ind_id, jenis in indikator
    ]
    apply_plan(plan_values(masuk))
    return berkas[-2:]


def main() -> None:
    from kinerja_desktop.db import queries_jabatan
    from kinerja_desktop.ui.i18n import install_translator

    GAMBAR.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_translator(app)
    db_path = TMP / "data" / "kinerja.sqlite3"
    db_path.parent.mkdir(parents=True)
    open_database(db_path)
    flashdisk = TMP / "FLASHDISK"
    belum = fill_data(flashdisk / "isian-desa")

    from kinerja_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    window.resize(1100, 680)
    window.show()
    # the Beranda on the 5th of November: October's workbooks are not all in yet
    window.beranda.hari_ini = lambda: date(TAHUN, 11, 5)
    window.beranda.load()
    wait_until(app, lambda: window.beranda.data is not None and not window.beranda.is_loading)
    app.processEvents()
    save_shot(window, "beranda")
    # the capaian chart, below the to-do list and the completeness grid
    gambar = window.beranda.gambar
    isi = window.beranda.widget()
    assert gambar is not None and isi is not None
    grafik = gambar.grafik
    atas = grafik.mapTo(isi, grafik.rect().topLeft()).y()
    window.beranda.verticalScrollBar().setValue(atas - 40)
    app.processEvents()
    save_shot(window.beranda, "beranda-grafik")

    window.show_jabatan_view()
    kode = {j.kode: j.id for j in queries_jabatan.list_jabatan(TAHUN)}
    window.select_jabatan(kode["KASI-KESOS"])
    window.tab_widget.setCurrentIndex(1)  # Indikator
    app.processEvents()
    save_shot(window, "jendela-utama")

    window.tab_widget.setCurrentIndex(3)  # Target & Realisasi
    app.processEvents()
    save_shot(window, "target-realisasi")

    # Triwulan I approved (one person's office: every step is open to it): its cells lock
    from kinerja_desktop.db.persetujuan import take_step
    from kinerja_desktop.domain.persetujuan import Langkah

    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        hasil = take_step(langkah, kode["KASI-KESOS"], "realisasi", "2020Q1")
        window.apply_changes(hasil.perubahan)
    from kinerja_desktop.ui.tabs.target_tab import TargetTab

    tab = window.tab_widget.currentWidget()
    assert isinstance(tab, TargetTab)
    tab.persetujuan.periode.setCurrentIndex(tab.persetujuan.periode.findData("realisasi:2020Q1"))
    app.processEvents()
    save_shot(window.right, "persetujuan")

    from kinerja_desktop.ui.desa_dialogs import KelengkapanDialog, TemplatDialog

    templat = TemplatDialog(window, TAHUN, window.tasks)
    templat.folder.setText(str(flashdisk / "templat"))
    templat.adjustSize()
    save_shot(templat, "templat-desa")

    from kinerja_desktop.ui.import_wizard import ImportDesaDialog

    impor = ImportDesaDialog(window, window.tasks, window.apply_changes, TAHUN)
    impor.resize(900, 560)
    impor.check_files(belum)
    wait_until(app, lambda: bool(impor.pratinjau))
    pertama = impor.daftar.topLevelItem(0)
    assert pertama is not None
    impor.daftar.setCurrentItem(pertama)
    app.processEvents()
    save_shot(impor, "impor-desa")

    kelengkapan = KelengkapanDialog(window, TAHUN, window.tasks)
    kelengkapan.resize(980, 600)
    app.processEvents()
    save_shot(kelengkapan, "kelengkapan")

    from kinerja_desktop.ui.capaian_dialog import CapaianDialog

    capaian = CapaianDialog(window, TAHUN, window.tasks)
    capaian.periode.setCurrentIndex(capaian.periode.findData(f"{TAHUN}Q3"))
    capaian.folder.setText(str(flashdisk / "laporan"))
    capaian.adjustSize()
    capaian.start()
    wait_until(app, lambda: capaian.hasil is not None)
    save_shot(capaian, "laporan-capaian")

    capaian.print_report()
    wait_until(app, lambda: capaian.dialog_cetak is not None)
    cetak = capaian.dialog_cetak
    assert cetak is not None
    cetak.resize(1000, 640)
    app.processEvents()
    save_shot(cetak, "cetak")
    cetak.close()

    from kinerja_desktop.ui.kirim_dialog import KirimDialog

    kirim = KirimDialog(window, TAHUN, window.tasks)
    kirim.folder.setText(str(flashdisk))
    kirim.adjustSize()
    save_shot(kirim, "kirim-kabupaten")

    from kinerja_desktop.ui.backup_dialogs import backup_to_folder

    def capture_message() -> None:
        kotak = QApplication.activeModalWidget()
        if isinstance(kotak, QMessageBox):
            save_shot(kotak, "cadangan")
            kotak.accept()
        else:
            QTimer.singleShot(50, capture_message)

    selesai: list[object] = []
    QTimer.singleShot(50, capture_message)
    backup_to_folder(window, db_path, window.tasks, flashdisk, on_finished=selesai.append)
    wait_until(app, lambda: bool(selesai))

    window.close()
    shutil.rmtree(TMP, ignore_errors=True)
    print(f"Gambar di {GAMBAR.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
