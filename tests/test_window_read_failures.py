"""The main window reads after its start through the runner (MainWindow.read): on a database
file that went bad after the window was built, choosing another year, Ctrl+J, and a change
record arriving (an undo in another year, a jabatan or an indicator changed) say so in the
status bar in Indonesian, keep the year shown (the selector back on it) and the tree as it
was, and open no box; a jabatan view whose first read failed says why in place of its tabs
and reads again on Ctrl+J."""

from pathlib import Path

import pytest
from damaged_file import damage, make_whole
from operator_boxes import watch_boxes
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.ui import excepthook
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow

ARTIFACTS = Path(__file__).parent / "artifacts"
# the offscreen platform warns on show(); harmless here
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def _rusak(pesan: str, db_path: Path) -> bool:
    """The words explain_failure gives for a damaged file (its exact words belong to it)."""
    return f"Berkas {db_path} rusak atau bukan basis data." in pesan


def _titles(window: MainWindow) -> list[str]:
    """The tree as shown: every row's title, depth first."""
    proxy, found = window.tree.proxy, []

    def walk(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            found.append(index.data())
            walk(index)

    walk(QModelIndex())
    return found


@pytest.fixture
def boxes(qtbot):
    """Every message box shown, the hook's included (the window's hooks are installed as
    run_gui installs them; conftest puts the test's back)."""
    create_app()
    excepthook.install()
    seen: list[dict[str, str]] = []
    watcher = watch_boxes(seen)
    yield seen
    watcher.stop()


def _open(qtbot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


@pytest.fixture
def window(db, db_path, qtbot, boxes):
    """The window on 2021 (a copy of 2020), its jabatan view built after the first paint."""
    copy_year(2020, 2021)
    win = _open(qtbot, db_path)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.selected_node() is not None)
    win.tasks.wait()  # the Beranda's figures: read before the file goes bad
    QApplication.processEvents()
    yield win
    win.tasks.wait()


def test_another_year_chosen_on_a_damaged_file_is_refused_in_the_status_bar(
    window, db_path, qtbot, boxes
):
    window.show_jabatan_view()
    window.select_jabatan(window.tree.model.root.children[0].jabatan_id)
    assert window.year_combo.currentText() == "2021"
    pohon, dipilih = _titles(window), window.selected_kode()
    judul = window.right.judul.text()
    whole = damage(db_path)
    window.year_combo.setCurrentIndex(window.year_combo.findData(2020))
    pesan = window.statusBar().currentMessage()
    assert pesan.startswith("Tahun 2020 tidak ditampilkan: ") and _rusak(pesan, db_path)
    assert window.statusBar().toolTip() == pesan  # the whole of it, when the bar cuts it
    assert window.year_combo.currentText() == "2021" and window.tahun == 2021
    assert _titles(window) == pohon and window.selected_kode() == dipilih
    assert window.right.judul.text() == judul
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "jendela_tahun_berkas_rusak.png"))
    QApplication.processEvents()
    assert boxes == []

    make_whole(db_path, whole)  # the backup restored: the same choice shows 2020
    window.year_combo.setCurrentIndex(window.year_combo.findData(2020))
    assert window.tahun == 2020 and window.selected_kode() == dipilih
    assert window.statusBar().currentMessage() == "Menampilkan IKI tahun 2020."
    assert window.statusBar().toolTip() == ""  # the failure's words went with it


def test_ctrl_j_and_change_records_on_a_damaged_file_leave_the_tree_as_shown(
    window, db_path, qtbot, boxes
):
    assert window.pusat.currentWidget() is window.beranda
    pohon = _titles(window)
    damage(db_path)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.pusat.currentWidget() is window.jabatan_view
    assert _titles(window) == pohon
    # a jabatan changed elsewhere (an import, another dialog): the tree is read again
    window.apply_changes(Perubahan("Jabatan ditambahkan.", tahun=2021, jabatan_tree=True))
    pesan = window.statusBar().currentMessage()
    assert pesan.startswith("Pohon jabatan tidak diperbarui: ") and _rusak(pesan, db_path)
    assert _titles(window) == pohon
    window.apply_changes(Perubahan("Indikator diubah.", tahun=2021, indikator=True))
    pesan = window.statusBar().currentMessage()
    assert pesan.startswith("Pencarian jabatan tidak diperbarui: ") and _rusak(pesan, db_path)
    # an undo in another year: that year would be shown
    window.apply_changes(Perubahan("Nilai diurungkan.", tahun=2020, nilai=True))
    pesan = window.statusBar().currentMessage()
    assert pesan.startswith("Tahun 2020 tidak ditampilkan: ") and _rusak(pesan, db_path)
    assert window.tahun == 2021 and window.year_combo.currentText() == "2021"
    assert _titles(window) == pohon
    QApplication.processEvents()
    assert boxes == []


def test_a_jabatan_view_first_read_on_a_damaged_file_says_why_and_reads_again(
    db, db_path, qtbot, boxes
):
    window = _open(qtbot, db_path)  # built before the file goes bad, painted after
    whole = damage(db_path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._jabatan_view is not None)
    window.tasks.wait()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    right = window.right
    assert right.judul.text() == "Jabatan tahun 2020 tidak dapat dibaca"
    assert right.pages.currentWidget() is right.kosong and _rusak(right.kosong.text(), db_path)
    assert _titles(window) == []
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "jendela_jabatan_berkas_rusak.png"))
    QApplication.processEvents()
    assert boxes == []

    make_whole(db_path, whole)
    window.show_beranda()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.selected_kode() is not None and _titles(window)
    assert right.pages.currentWidget() is right.tab_widget
    window.tasks.wait()


def test_dialogs_opened_from_the_menus_on_a_damaged_file_say_why_and_do_not_open(
    window, db_path, qtbot, boxes
):
    """Every item of the menus, chosen on a damaged file: a dialog that reads as it opens
    (Salin Tahun, Kepala Keputusan, the reports, the SKP editor, …) does not open and
    its box says why in the words of explain_failure; none reaches the hook's box, and no half
    made dialog stays behind in the window."""
    window.complete_menus()
    window.show_jabatan_view()
    pohon = _titles(window)
    damage(db_path)
    dibuka: list[str] = []

    def close_dialog() -> None:  # a dialog that reads nothing as it opens (a file chooser)
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, QMessageBox):
            dibuka.append(type(dialog).__name__)
            dialog.close()

    closer = QTimer()
    closer.timeout.connect(close_dialog)
    closer.start(20)
    menus = (window.menu_berkas, window.menu_data, window.menu_laporan, window.menu_bantuan)
    for action in (a for menu in menus for a in menu.actions()):
        if action.isSeparator() or action is window.act_keluar:
            continue
        action.trigger()
        QApplication.processEvents()
        window.tasks.wait()  # a dialog's work on the worker thread reports its own failure
        QApplication.processEvents()
    closer.stop()
    assert boxes, "no item read the damaged file"
    judul = {b["judul"] for b in boxes}
    assert {"Salin Tahun tidak dapat dibuka", "Kepala Keputusan tidak dapat dibuka"} <= judul
    assert {"Tidak dapat dilanjutkan", "Kesalahan program"}.isdisjoint(judul)
    assert all(_rusak(b["teks"], db_path) for b in boxes)
    assert "SalinTahunDialog" not in dibuka and "KeputusanDialog" not in dibuka
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    tersisa = {type(d).__name__ for d in window.findChildren(QDialog)}
    assert tersisa.isdisjoint({"KeputusanDialog", "CapaianDialog", "PitaDialog", "SkpEditor"})
    assert _titles(window) == pohon and window.tahun == 2021


def test_about_opens_on_a_damaged_file_and_says_what_it_cannot_read(
    window, db_path, qtbot, boxes
):
    """Bantuan › Tentang is what a helper on the phone asks for first: on a damaged file it
    still names the file and its backups; the schema version says why it is not known."""
    from kinerja_desktop.ui.about_dialog import AboutDialog

    damage(db_path)
    dibuka: list[AboutDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            dibuka.append(dialog)
            ARTIFACTS.mkdir(exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / "tentang_berkas_rusak.png"))
            dialog.close()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    window.act_tentang.trigger()
    assert dibuka, "Tentang did not open"
    versi = dibuka[0].rows["Versi basis data"].text()
    assert versi.startswith("tidak dapat dibaca. ") and _rusak(versi, db_path)
    assert dibuka[0].rows["Basis data"].text() == str(db_path)
    assert dibuka[0].rows["Cadangan terakhir"].text() != "belum ada"  # made by copy_year
    assert boxes == []
