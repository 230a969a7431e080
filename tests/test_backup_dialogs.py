"""The GUI side of backups: Cadangkan ke…, Pulihkan cadangan… (with its question), the
restore offer at start-up, and the About dialog. Screenshots go to tests/artifacts/."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kinerja_desktop import __version__, settings
from kinerja_desktop.db.archive import export_backup
from kinerja_desktop.db.backup import backup_dir, latest_backup, list_backups
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.queries import statistics, years
from kinerja_desktop.db.restore import KeteranganCadangan, check_backup
from kinerja_desktop.db.schema import SCHEMA_VERSION
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.domain.tanggal import format_waktu, nama_bulan
from kinerja_desktop.errors import BasisDataBermasalah
from kinerja_desktop.ui.about_dialog import AboutDialog
from kinerja_desktop.ui.backup_dialogs import (
    backup_to_folder,
    confirmation_box,
    offer_restore_at_start,
    restore_from_file,
)
from kinerja_desktop.ui.tasks import TaskRunner

ARTIFACTS = Path(__file__).parent / "artifacts"

# the offscreen platform's own note about top-level windows, not a problem of ours
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def save(widget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / name))


# A poller belongs to the test that started it: one left running would answer the message
# box of a later test (see test_main_window._poll).
_POLLERS: list[QTimer] = []


@pytest.fixture(autouse=True)
def _pollers_end_with_their_test():
    yield
    for timer in _POLLERS:
        timer.stop()
    _POLLERS.clear()


def answer_next_box(handle) -> dict:
    """Call ``handle(box)`` on the next modal message box (a user reading and clicking)."""
    seen: dict = {}
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        timer.stop()
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["informative"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        handle(box)

    timer.timeout.connect(poll)
    _POLLERS.append(timer)
    timer.start()
    return seen


def describe(source: Path, db_path: Path) -> KeteranganCadangan:
    """What the question before a restore of ``db_path`` says ``source`` holds."""
    with check_backup(source, db_path) as checked:
        return checked.keterangan


def years_in(path: Path) -> list[int]:
    with sqlite3.connect(path) as raw:
        return [r[0] for r in raw.execute("SELECT tahun FROM tahun ORDER BY tahun")]


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_to_folder_runs_in_the_background_and_remembers_the_folder(qtbot, db, db_path, usb):
    runner = TaskRunner()
    finished: list = []
    seen = answer_next_box(lambda box: (save(box, "cadangan_selesai.png"), box.accept()))
    assert backup_to_folder(None, db_path, runner, folder=usb, on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    (zip_path,) = usb.iterdir()
    assert finished == [zip_path]
    assert seen["title"] == "Cadangan dibuat" and str(zip_path) in seen["text"]
    assert settings.get("folder_terakhir") == str(usb)
    assert settings.get("cadangan_luar_berkas") == str(zip_path)


def test_backup_to_a_folder_not_made_yet_makes_it(qtbot, db, db_path, tmp_path):
    runner = TaskRunner()
    finished: list = []
    seen = answer_next_box(lambda box: box.accept())
    folder = tmp_path / "flashdisk" / "cadangan-kantor"
    backup_to_folder(None, db_path, runner, folder=folder, on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    (zip_path,) = folder.glob("*.zip")
    assert finished == [zip_path]
    assert seen["title"] == "Cadangan dibuat"


def test_backup_where_no_folder_can_be_made_says_why(qtbot, db, db_path, tmp_path):
    runner = TaskRunner()
    finished: list = []
    seen = answer_next_box(lambda box: box.accept())
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    folder = tmp_path / "berkas" / "cadangan"
    backup_to_folder(None, db_path, runner, folder=folder, on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    assert finished == [None]
    assert seen["title"] == "Cadangan tidak dibuat"
    assert "tidak dapat dibuat" in seen["text"] and "Pilih folder lain" in seen["text"]


def test_restore_confirmation_says_what_happens(qtbot, db, db_path, usb):
    hasil = export_backup(db_path, usb, datetime(2026, 11, 24, 8, 5))
    about = describe(hasil.path, db_path)
    box, pulihkan = confirmation_box(None, about, db_path)
    qtbot.addWidget(box)
    box.show()
    save(box, "pulihkan_konfirmasi.png")
    assert box.text() == "Ganti semua data sekarang dengan isi cadangan ini?"
    info = box.informativeText()
    assert "Dibuat: 24 November 2026 08.05" in info
    assert "Keadaan sekarang lebih dulu disimpan sebagai cadangan" in info
    assert {b.text() for b in box.buttons()} == {"Pulihkan", "Batal"}
    assert box.defaultButton().text() == "Batal"  # Enter never replaces the data by accident
    assert pulihkan.text() == "Pulihkan"


def test_restore_replaces_the_data_and_reopens_the_database(qtbot, db, db_path, usb):
    hasil = export_backup(db_path, usb)
    copy_year(2020, 2021)
    perubahan = restore_from_file(
        None, db_path, TaskRunner(), source=hasil.path, confirm=lambda a: True
    )
    assert perubahan is not None and perubahan.jabatan_tree and perubahan.indikator
    assert f"Data dipulihkan dari {hasil.path.name}" in perubahan.pesan
    assert years() == [2020] and statistics().jabatan == 22  # the models work on the new data
    assert any(b.alasan == "sebelum-pemulihan" for b in list_backups(db_path))


def test_cancelled_or_refused_restore_changes_nothing(qtbot, db, db_path, tmp_path):
    bad = tmp_path / "bukan.zip"
    bad.write_text("bukan cadangan", encoding="utf-8")
    seen = answer_next_box(lambda box: (save(box, "pulihkan_ditolak.png"), box.accept()))
    assert restore_from_file(None, db_path, source=bad) is None
    assert seen["title"] == "Tidak dapat dipulihkan" and "Tidak ada yang diubah" in seen["text"]

    good = export_backup(db_path, tmp_path).path
    copy_year(2020, 2021)
    assert restore_from_file(None, db_path, source=good, confirm=lambda a: False) is None
    assert years_in(db_path) == [2020, 2021]


def test_damaged_database_at_start_offers_the_latest_backup(qtbot, db, db_path):
    db.close()
    database_proxy.initialize(None)
    latest = latest_backup(db_path)
    db_path.write_bytes(b"rusak" * 4000)

    confirmation: dict = {}

    def click_restore(box):
        save(box, "mulai_rusak_tawaran.png")
        (button,) = [b for b in box.buttons() if b.text().startswith("Pulihkan Cadangan")]
        button.click()
        # then the usual question before a restore
        confirmation.update(answer_next_box(lambda b: _click(b, "Pulihkan")))

    with pytest.raises(BasisDataBermasalah) as caught:
        open_database(db_path)
    seen = answer_next_box(click_restore)
    assert offer_restore_at_start(caught.value.pesan, db_path)
    assert seen["text"] == caught.value.pesan
    assert (
        seen["buttons"]
        == ["Tutup", f"Pulihkan Cadangan {format_waktu(latest.waktu)}", "Pilih Berkas Cadangan…"]
        or "Tutup" in seen["buttons"]
    )
    assert f"Pulihkan Cadangan {format_waktu(latest.waktu)}" in seen["buttons"]
    assert years() == [2020]
    assert list(backup_dir().glob("*.rusak"))  # the damaged file is kept, not deleted


def _click(box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_about_dialog_shows_version_database_schema_and_last_backups(qtbot, db, db_path, usb):
    export_backup(db_path, usb, datetime(2026, 11, 2, 14, 30))
    dialog = AboutDialog(None, db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog, "tentang.png")
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"versi {__version__}" in texts
    assert dialog.rows["Basis data"].text() == str(db_path)
    assert dialog.rows["Ukuran"].text().endswith("KB")
    assert dialog.rows["Versi basis data"].text() == f"versi {SCHEMA_VERSION}"
    today = datetime.now()
    assert (
        dialog.rows["Cadangan terakhir"]
        .text()
        .startswith(f"{today.day} {nama_bulan(today.month)} {today.year} ")
    )
    assert dialog.rows["Cadangan terakhir"].text().endswith("(otomatis harian)")
    assert dialog.rows["Cadangan ke flashdisk"].text().startswith("2 November 2026 14.30")
    for label in dialog.findChildren(QLabel):
        # nothing clipped: every text fits the width it was given
        assert label.sizeHint().width() <= label.width() + 1 or label.wordWrap()


def test_main_window_menu_restore_reloads_everything(qtbot, db, db_path, usb):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.backup_dialogs import reload_window
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    window.complete_menus()  # the dialogs' items join the menus after the first paint
    texts = [a.text() for a in window.menu_berkas.actions()]
    assert texts[:2] == ["&Cadangkan ke…", "&Pulihkan cadangan…"]

    hasil = export_backup(db_path, usb)
    task = window.copy_year(2021)
    qtbot.waitUntil(lambda: window.year_combo.count() == 2, timeout=10000)
    assert task is not None and window.tahun == 2021

    perubahan = restore_from_file(
        window, db_path, window.tasks, source=hasil.path, confirm=lambda a: True
    )
    reload_window(window, perubahan)
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2020"]
    assert window.tahun == 2020
    assert not window.undo_stack.canUndo()
    assert "Data dipulihkan" in window.statusBar().currentMessage()
    save(window, "jendela_sesudah_pulihkan.png")
    window.tasks.wait()


def test_about_dialog_warns_when_the_days_backup_failed(qtbot, db_path):
    backup_dir().parent.mkdir(parents=True, exist_ok=True)
    backup_dir().write_text("bukan folder")  # the backup folder cannot be created
    database = open_database(db_path)  # the start goes on without the day's backup
    try:
        dialog = AboutDialog(None, db_path)
        qtbot.addWidget(dialog)
        dialog.show()
        save(dialog, "tentang_peringatan.png")
        assert dialog.rows["Cadangan terakhir"].text() == "belum ada"
        assert dialog.rows["Peringatan"].text().startswith("Cadangan otomatis hari ini gagal: ")
    finally:
        database.close()


def test_the_restore_picker_lists_this_database_s_backups_and_whose_each_is(qtbot, db, db_path):
    """Two databases in one data folder: the picker lists only this one's backups, newest
    first, naming the database each belongs to (a copy from the old shared folder says so),
    with no text cut off."""
    import shutil

    from kinerja_desktop.db.backup import make_backup
    from kinerja_desktop.paths import data_dir
    from kinerja_desktop.ui.pilih_cadangan import KOLOM, PilihCadanganDialog

    lain = data_dir() / "lain.sqlite3"
    shutil.copyfile(db_path, lain)
    make_backup(db_path, "sebelum-impor", datetime(2026, 11, 20, 9, 15))
    make_backup(lain, "harian", datetime(2026, 11, 21, 8, 0))  # another database's
    make_backup(db_path, "harian", datetime(2026, 11, 22, 8, 0))
    kantor = data_dir().parent / "kantor"
    kantor.mkdir()
    pindahan = kantor / "lain.sqlite3"
    shutil.copyfile(db_path, pindahan)
    # where an older version kept the copies of every database
    shutil.copyfile(db_path, data_dir() / "cadangan" / "lain_20261101-080000_harian.sqlite3")

    dialog = PilihCadanganDialog(None, db_path)
    qtbot.addWidget(dialog)
    dialog.resize(1024 - 40, 420)
    dialog.show()
    save(dialog, "pulihkan_pilih_cadangan.png")
    rows = [
        [dialog.tabel.item(r, c).text() for c in range(len(KOLOM))]
        for r in range(dialog.tabel.rowCount())
    ]
    today = rows.pop(0)  # opening the database today made the day's copy
    assert today[1:3] == ["Harian (otomatis)", "kinerja.sqlite3"]
    assert [r[:3] for r in rows] == [
        ["22 November 2026 08.00", "Harian (otomatis)", "kinerja.sqlite3"],
        ["20 November 2026 09.15", "Sebelum impor", "kinerja.sqlite3"],
    ]
    metrics = dialog.tabel.fontMetrics()
    for r, row in enumerate([today, *rows]):
        for c, teks in enumerate(row):
            assert dialog.tabel.columnWidth(c) >= metrics.horizontalAdvance(teks), (r, c, teks)
    # a click on a header sorts (the kind by name, the time as time); the choice follows
    dialog.tabel.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [dialog.tabel.item(r, 1).text() for r in range(3)][-1] == "Harian (otomatis)"
    assert dialog.tabel.item(0, 1).text() == "Sebelum impor"
    dialog.tabel.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert dialog.tabel.item(0, 0).text() == "20 November 2026 09.15"
    dialog.tabel.selectRow(1)
    dialog.tombol_lanjut.click()
    assert dialog.result() and dialog.dipilih.name.startswith("kinerja_20261122-080000_harian")

    # a database elsewhere whose copies an older version kept in the shared folder
    dialog = PilihCadanganDialog(None, pindahan)
    qtbot.addWidget(dialog)
    assert dialog.tabel.item(0, 2).text() == "lain (folder bersama lama)"
    assert "bisa jadi cadangan basis data lain" in dialog.tabel.item(0, 2).toolTip()


def test_the_confirmation_warns_when_the_backup_is_of_another_database(qtbot, db, db_path, usb):
    import shutil

    from kinerja_desktop.paths import data_dir

    lain = data_dir() / "lain.sqlite3"
    shutil.copyfile(db_path, lain)
    hasil = export_backup(lain, usb)
    about = describe(hasil.path, db_path)
    box, _ = confirmation_box(None, about, db_path)
    qtbot.addWidget(box)
    info = box.informativeText()
    assert f"Asal: basis data {lain.resolve()}" in info
    assert "Perhatian: cadangan ini dibuat dari basis data lain." in info
    own = describe(export_backup(db_path, usb).path, db_path)
    box, _ = confirmation_box(None, own, db_path)
    qtbot.addWidget(box)
    assert "Perhatian" not in box.informativeText()


def test_about_dialog_shows_absolute_paths_for_a_relative_db(qtbot, db, db_path, monkeypatch):
    """A helper on the phone needs the whole path, not "kinerja.sqlite3" (--db given relative)."""
    monkeypatch.chdir(db_path.parent)
    dialog = AboutDialog(None, Path(db_path.name))
    qtbot.addWidget(dialog)
    assert dialog.rows["Basis data"].text() == str(db_path)
    assert Path(dialog.rows["Folder cadangan"].text()).is_absolute()
