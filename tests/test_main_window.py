"""The main window driven as the operator drives it: select, filter, add, rename, move,
remove, undo and redo, drag and drop, copy and paste, and remembered state."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QTableView

from kinerja_desktop.db.models import Indikator, Jabatan, Pegawai, Pemangku, Tugas
from kinerja_desktop.db.queries import years
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.jabatan_model import ID_ROLE, JabatanTreeModel
from kinerja_desktop.ui.main_window import MainWindow

ARTIFACTS = Path(__file__).parent / "artifacts"

# The offscreen platform (no screen in tests) warns that it cannot resize a window to its
# menu bar; that is the test platform speaking, not the application.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# Pollers looking for a modal dialog belong to the test that started them. One left running
# after its test (test_tree_keys_do_not_reach_into_the_tables expects no dialog and polled on
# for a second) answered the next test's message box instead: on a busy machine that was the
# copy-year refusal, whose own answer then never came.
_POLLERS: list[QTimer] = []


def _poll(step, tries: int = 50) -> None:
    """Call ``step()`` every 20 ms until it returns True or ``tries`` run out."""
    timer = QTimer()
    timer.setInterval(20)
    left = [tries]

    def tick() -> None:
        if step() or left[0] <= 0:
            timer.stop()
        left[0] -= 1

    timer.timeout.connect(tick)
    _POLLERS.append(timer)
    timer.start()


@pytest.fixture(autouse=True)
def _pollers_end_with_their_test():
    yield
    for timer in _POLLERS:
        timer.stop()
    _POLLERS.clear()


def _id(kode: str, tahun: int = 2020) -> int:
    return Jabatan.get((Jabatan.tahun == tahun) & (Jabatan.kode == kode)).id


def _visible_titles(window: MainWindow) -> list[str]:
    proxy, found = window.tree.proxy, []

    def walk(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            found.append(index.data())
            walk(index)

    walk(QModelIndex())
    return found


def _tree_children(window: MainWindow, kode: str) -> list[str]:
    index = window.tree.model.index_of(_id(kode))
    model = window.tree.model
    return [model.index(r, 1, index).data() for r in range(model.rowCount(index))]


@pytest.fixture
def window(qtbot, db, db_path):
    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_jabatan_view()  # the window opens on the Beranda; these tests drive the tree
    yield win
    win.tasks.wait()


def test_opens_on_the_latest_year_with_the_tree_and_tabs(window):
    assert window.windowTitle() == "Kinerja Desktop — Kecamatan Kepanjen"
    assert window.year_combo.currentText() == "2020"
    titles = _visible_titles(window)
    assert titles[0] == "Camat Kepanjen"
    assert len(titles) == 23  # the Camat and 22 jabatan
    assert window.tree.selected_id() == _id("SEKCAM")
    assert window.right.judul.text() == "Sekretaris Kecamatan"
    assert [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())][:1] == [
        "Uraian"
    ]
    assert all(tab.jabatan_id == _id("SEKCAM") for tab in window.tabs)
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Berkas", "Sunting", "Data", "Laporan", "Bantuan"]
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "main_window.png"))


def test_clicking_a_jabatan_shows_it_in_the_tabs(window, qtbot):
    view = window.tree.view
    index = window.tree.proxy.mapFromSource(window.tree.model.index_of(_id("BENDAHARA")))
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.tree.selected_id() == _id("BENDAHARA")
    assert window.right.judul.text() == "Bendahara"
    assert "Kode BENDAHARA" in window.right.keterangan.text()
    assert all(tab.jabatan_id == _id("BENDAHARA") for tab in window.tabs)


def test_selecting_the_camat_explains_itself(window):
    window.select_jabatan(None)
    assert window.right.pages.currentWidget() is window.right.kosong
    assert "Pilih salah satu jabatan" in window.right.kosong.text()
    assert not window.act_hapus.isEnabled()


def test_filter_finds_by_title_code_and_pegawai(window, qtbot, db):
    qtbot.keyClicks(window.tree.filter_box, "bendahara")
    assert _visible_titles(window) == ["Camat Kepanjen", "Sekretaris Kecamatan",
                                       "Kasubag Umum, Kepegawaian, Keuangan dan Aset",
                                       "Bendahara"]  # fmt: skip
    assert window.tree.selected_id() == _id("BENDAHARA")
    window.tree.filter_box.setText("adm-aduan")
    assert "Pengadministrasi Pengaduan Publik" in _visible_titles(window)
    # the name of the pegawai holding a jabatan
    Pemangku.create(jabatan=_id("KASI-PP"), pegawai=Pegawai.get())
    window.reload_tree()
    window.tree.filter_box.setText("abai saleh")
    assert "Kasi Pelayanan Publik" in _visible_titles(window)
    window.tree.filter_box.setText("tidak ada jabatan seperti ini")
    assert window.tree.empty_label.isVisible()
    assert "Tidak ada jabatan yang cocok" in window.tree.empty_label.text()
    # the right side says so too, instead of showing the Camat
    assert window.right.judul.text() == "Tidak ada jabatan yang cocok"
    assert "Esc" in window.right.kosong.text()
    window.tree.filter_box.clear()
    assert len(_visible_titles(window)) == 23


def test_search_finds_indicators_by_name_and_code(window, qtbot):
    """ "PKH" is in an indicator's name only: the search finds its jabatan, names the
    indicator on hover, and makes it current in the Indikator and Target tabs."""
    from kinerja_desktop.ui.jabatan_model import JabatanTreeModel
    from kinerja_desktop.ui.tabs.target_tab import TargetTab

    target = next(t for t in window.tabs if isinstance(t, TargetTab))
    window.tab_widget.setCurrentWidget(target)
    qtbot.keyClicks(window.tree.filter_box, "PKH")
    assert "Kasi Kesejahteraan Sosial dan Kepemudaan" in _visible_titles(window)
    assert window.tree.selected_id() == _id("KASI-KESOS")
    tip = window.tree.view.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert "Indikator yang cocok:" in tip and "KASI-KESOS.01" in tip and "(PKH)" in tip
    pkh = Indikator.get(Indikator.kode == "KASI-KESOS.01", Indikator.tahun == 2020)
    qtbot.waitUntil(lambda: target.jabatan_id == _id("KASI-KESOS"))
    assert target.model.indikator(target.view.currentIndex().row()).info.id == pkh.id
    # by code, too
    window.tree.filter_box.setText("sekcam.02")
    assert window.tree.selected_id() == _id("SEKCAM")
    # a renamed indicator is found by its new name without reopening the year
    from kinerja_desktop.db.changes import Perubahan

    Indikator.update(nama="Jumlah rapat koordinasi Rastra").where(Indikator.id == pkh.id).execute()
    window.apply_changes(Perubahan(pesan="", indikator=True))
    window.tree.filter_box.setText("rastra")
    assert window.tree.selected_id() == _id("KASI-KESOS")
    assert isinstance(window.tree.model, JabatanTreeModel)
    assert not window.tree.empty_label.isVisible()


def test_add_rename_move_remove_with_undo_and_redo(window):
    actions = window.jabatan_actions
    new_id = actions.add(2020, "Pengolah Data Kependudukan", _id("KASI-PEM"))
    window.select_jabatan(new_id)
    assert "PENGOLAH-DATA-KEPENDUDUKAN" in _tree_children(window, "KASI-PEM")
    assert window.statusBar().currentMessage().startswith("Jabatan «Pengolah Data")
    assert window.act_urungkan.text() == "&Urungkan: Tambah jabatan «Pengolah Data Kependudukan»"

    actions.rename(new_id, "Pengolah Data Kependudukan dan Catatan Sipil")
    assert window.right.judul.text() == "Pengolah Data Kependudukan dan Catatan Sipil"

    actions.move(new_id, _id("KASI-PP"))
    assert "PENGOLAH-DATA-KEPENDUDUKAN" in _tree_children(window, "KASI-PP")
    assert window.tree.selected_id() == new_id

    actions.remove(new_id)
    assert Jabatan.get_or_none(id=new_id) is None
    assert window.tree.selected_id() == _id("KASI-PP")  # the atasan takes the selection

    for _ in range(4):
        window.act_urungkan.trigger()
    assert Jabatan.get_or_none(id=new_id) is None  # the addition itself undone
    assert "PENGOLAH-DATA-KEPENDUDUKAN" not in _tree_children(window, "KASI-PEM")
    assert not window.act_urungkan.isEnabled()

    for _ in range(4):
        window.act_ulangi.trigger()
    assert Jabatan.get_or_none(id=new_id) is None  # redo ends with the removal again
    window.act_urungkan.trigger()
    restored = Jabatan.get_by_id(new_id)
    assert restored.nama == "Pengolah Data Kependudukan dan Catatan Sipil"
    assert restored.atasan_id == _id("KASI-PP")


def test_remove_asks_first_and_says_what_goes(window, qtbot):
    window.select_jabatan(_id("KASI-PEM"))
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Hapus").click()

    QTimer.singleShot(0, answer)
    window.activateWindow()
    qtbot.waitActive(window)
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Delete)  # Del in the tree, as the operator does
    assert seen["buttons"] == ["Batal", "Hapus"]
    assert seen["text"].startswith(
        "Jabatan «Kasi Pemerintahan» (KASI-PEM) akan dihapus beserta 4 jabatan bawahan"
    )
    assert "indikator" in seen["text"]
    assert Jabatan.select().where(Jabatan.tahun == 2020).count() == 22 - 5
    window.act_urungkan.trigger()
    assert Jabatan.select().where(Jabatan.tahun == 2020).count() == 22
    assert Tugas.select().where(Tugas.jabatan == _id("KASI-PEM")).count() > 0


def test_drag_and_drop_moves_a_jabatan_and_refuses_cycles(window, qtbot):
    model = window.tree.model
    source = model.index_of(_id("BENDAHARA"))
    target = model.index_of(_id("KASUBAG-PEP"))
    mime = model.mimeData([source])
    assert not model.canDropMimeData(
        model.mimeData([model.index_of(_id("SEKCAM"))]), Qt.DropAction.MoveAction, -1, -1, source
    )  # the Sekcam cannot go under its own Bendahara
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: Jabatan.get_by_id(_id("BENDAHARA")).atasan_id == _id("KASUBAG-PEP"))
    assert _tree_children(window, "KASUBAG-PEP") == ["BENDAHARA"]
    assert window.tree.selected_id() == _id("BENDAHARA")
    window.tree.grab().save(str(ARTIFACTS / "tree_after_drop.png"))

    # dropped on the Camat: directly under the Camat
    root = model.index_of(None)
    model.dropMimeData(model.mimeData([model.index_of(_id("BENDAHARA"))]),
                       Qt.DropAction.MoveAction, -1, -1, root)  # fmt: skip
    qtbot.waitUntil(lambda: Jabatan.get_by_id(_id("BENDAHARA")).atasan_id is None)
    window.act_urungkan.trigger()
    window.act_urungkan.trigger()
    assert Jabatan.get_by_id(_id("BENDAHARA")).atasan_id == _id("KASUBAG-UMUM")


def test_dropping_on_a_row_of_the_tree_view_moves_the_jabatan(window, qtbot):
    """The view's own drop handling: the jabatan dropped on the middle of a row goes under it."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    view, proxy, model = window.tree.view, window.tree.proxy, window.tree.model
    mime = model.mimeData([model.index_of(_id("PENGEMUDI"))])
    target = proxy.mapFromSource(model.index_of(_id("KASI-TRANTIB")))
    view.scrollTo(target)
    pos = view.visualRect(target).center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    for event in (
        QDragEnterEvent(pos, move, mime, buttons, mods),
        QDragMoveEvent(pos, move, mime, buttons, mods),
    ):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(pos, move, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), drop)
    qtbot.waitUntil(lambda: Jabatan.get_by_id(_id("PENGEMUDI")).atasan_id == _id("KASI-TRANTIB"))
    assert _tree_children(window, "KASI-TRANTIB") == ["PENGEMUDI"]

    # a drop on its own bawahan is refused while dragging
    mime = model.mimeData([model.index_of(_id("SEKCAM"))])
    target = proxy.mapFromSource(model.index_of(_id("BENDAHARA")))
    pos = view.visualRect(target).center()
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, move, mime, buttons, mods))
    refused = QDragMoveEvent(pos, move, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), refused)
    assert not refused.isAccepted()


def test_move_dialog_lists_only_allowed_atasan(window, qtbot):
    from kinerja_desktop.ui.jabatan_dialogs import PindahkanDialog

    node = window.tree.model.node(window.tree.model.index_of(_id("SEKCAM")))
    dialog = PindahkanDialog(window, window.tree.model.root, node)
    qtbot.addWidget(dialog)
    items = dialog.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
    kodes = {i.text(1) for i in items}
    assert "SEKCAM" not in kodes and "BENDAHARA" not in kodes  # itself and its bawahan
    assert "KASI-PEM" in kodes
    target = next(i for i in items if i.text(1) == "KASI-PEM")
    dialog.tree.setCurrentItem(target)
    dialog.accept()
    assert dialog.chosen.jabatan_id == _id("KASI-PEM")


def test_tree_models_pass_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.tree.model)
    window.tree.filter_box.setText("pengadministrasi")
    qtmodeltester.check(window.tree.proxy)


def test_empty_model_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(JabatanTreeModel())


def _tugas_table(window: MainWindow, qtbot) -> QTableView:
    """Click into the tugas list of the Uraian tab, as the operator does before copying."""
    window.tab_widget.setCurrentIndex(0)
    table = window.tabs[0].panels["tugas"].view
    window.activateWindow()
    qtbot.waitActive(window)
    index = table.model().index(0, 1)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert QApplication.focusWidget() is table
    return table


def test_tree_keys_do_not_reach_into_the_tables(window, qtbot):
    """F2 and Del belong to the table that has the focus (edit cell, remove row)."""
    table = _tugas_table(window, qtbot)
    seen = []
    _close_next_dialog(seen)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert seen == []  # no rename dialog: F2 went to the table
    assert Jabatan.select().count() == 22


def test_copy_in_the_tree_copies_the_jabatan(window, qtbot):
    window.select_jabatan(_id("BENDAHARA"))
    window.activateWindow()
    qtbot.waitActive(window)
    window.tree.view.setFocus()
    window.act_salin.trigger()
    assert QGuiApplication.clipboard().text() == "BENDAHARA\tBendahara\t\n"


def test_copy_goes_to_the_focused_tab(window, qtbot):
    table = _tugas_table(window, qtbot)
    table.selectRow(0)
    window.act_salin.trigger()
    first = Tugas.select().where(Tugas.jabatan == _id("SEKCAM")).order_by(Tugas.urutan).first()
    assert QGuiApplication.clipboard().text().startswith(first.teks[:40])


def test_paste_through_the_window_is_one_undo_step(window, qtbot):
    _tugas_table(window, qtbot)
    before = Tugas.select().where(Tugas.jabatan == _id("SEKCAM")).count()
    QGuiApplication.clipboard().setText("Tugas pertama dari Excel\nTugas kedua dari Excel\n")
    window.act_tempel.trigger()
    assert Tugas.select().where(Tugas.jabatan == _id("SEKCAM")).count() == before + 2
    assert window.statusBar().currentMessage() != ""
    window.act_urungkan.trigger()
    assert Tugas.select().where(Tugas.jabatan == _id("SEKCAM")).count() == before


def test_copy_year_runs_in_the_background_and_shows_the_new_year(window, qtbot):
    window.copy_year(2021)
    qtbot.waitUntil(lambda: window.tahun == 2021, timeout=10000)
    assert years() == [2020, 2021]
    assert window.year_combo.currentText() == "2021"
    assert "disalin ke tahun 2021" in window.statusBar().currentMessage()
    qtbot.wait(400)  # past the progress dialog's delay: it must not show up after the copy
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert window.tree.selected_node().kode == "SEKCAM"
    window.year_combo.setCurrentIndex(window.year_combo.findData(2020))
    assert window.tahun == 2020


def test_copy_year_refusal_is_explained(window, qtbot):
    """The refusal box is answered when it is shown (its Show event), not looked for by a
    20 ms poll of activeModalWidget() against a wall-clock deadline, which is what failed on a
    busy machine. The box is kept open past the progress dialog's 300 ms delay: it must stay
    the modal widget on top, and no progress dialog may pop up over it.
    """
    messages, on_top, shown = [], [], []

    class WhenShown(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            # a window gets Show more than once (widget and native window): answer it once
            if event.type() == QEvent.Type.Show and isinstance(obj, QMessageBox) and not shown:
                shown.append(obj)
                QTimer.singleShot(400, lambda: answer(obj))  # past the 300 ms delay
            return False

    def answer(box: QMessageBox) -> None:
        on_top.append(QApplication.activeModalWidget())
        messages.append(box.text())
        box.accept()

    watcher = WhenShown()
    QApplication.instance().installEventFilter(watcher)
    try:
        window.copy_year(2020)
        qtbot.waitUntil(lambda: bool(messages))
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert "sudah ada" in messages[0]
    assert isinstance(on_top[0], QMessageBox)
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_window_remembers_year_jabatan_and_splitter(qtbot, db, db_path):
    create_app()
    first = MainWindow(db_path)
    qtbot.addWidget(first)
    first.resize(760, 560)  # inside the small screen of the offscreen test platform
    first.show()
    first.show_jabatan_view()  # the splitter is dragged where it is seen
    first.select_jabatan(_id("PRAMU"))
    first.splitter.setSizes([250, 500])
    sizes = first.splitter.sizes()
    assert sizes[0] == 250
    first.close()

    second = MainWindow(db_path)
    qtbot.addWidget(second)
    second.show()
    second.show_jabatan_view()  # the window opens on the Beranda
    assert second.tree.selected_node().kode == "PRAMU"
    assert second.tahun == 2020
    assert second.splitter.sizes() == sizes
    assert second.size() == first.size()
    assert (Path(os.environ["KINERJA_DATA_DIR"]) / "jendela.ini").exists()


def test_heavy_libraries_wait_until_used(db_path, tmp_path):
    """openpyxl, reportlab and printing (PDFium, Qt's print support) are not loaded when the
    window first shows (start-up time)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kinerja_desktop.ui.app import create_app\n"
        "from kinerja_desktop.db.connection import open_database\n"
        "app = create_app()\n"
        f"open_database(Path({str(db_path)!r}))\n"
        "from kinerja_desktop.ui.main_window import MainWindow\n"
        f"w = MainWindow(Path({str(db_path)!r}))\n"
        "w.show()\n"
        "app.processEvents()\n"
        "heavy = ('openpyxl', 'reportlab', 'pypdfium2', 'PySide6.QtPrintSupport')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_tree_items_carry_ids_not_shown_to_the_operator(window):
    index = window.tree.model.index_of(_id("PRAMU"))
    assert index.data(ID_ROLE) == _id("PRAMU")
    assert index.data() == "Pramu Kebersihan Kantor"
    assert "Pemangku: belum ada pemangku" in index.data(Qt.ItemDataRole.ToolTipRole)


def _close_next_dialog(seen: list, tries: int = 50) -> None:
    """Close the next modal dialog (looking for one during about a second of this test)."""

    def close() -> bool:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return False
        seen.append(dialog)
        dialog.reject()
        return True

    _poll(close, tries)


def test_laporan_opens_the_report_dialog_for_the_selected_jabatan(window):
    window.select_jabatan(_id("BENDAHARA"))
    seen = []
    _close_next_dialog(seen)
    window.act_cetak.trigger()
    dialog = seen[0]
    assert type(dialog).__name__ == "ReportDialog"
    assert dialog.tahun.currentData() == 2020
    assert "Bendahara" in dialog.jabatan.currentText()


def test_berkas_and_bantuan_offer_backup_restore_and_about(window):
    window.complete_menus()  # the dialogs' items join the menus after the first paint
    berkas = [a.text().replace("&", "") for a in window.menu_berkas.actions() if a.text()]
    assert berkas[:2] == ["Cadangkan ke…", "Pulihkan cadangan…"]
    assert berkas[-1] == "Keluar"
    seen = []
    _close_next_dialog(seen)
    window.act_tentang.trigger()
    assert "Kinerja Desktop" in seen[0].windowTitle()


def test_pasting_a_holder_updates_the_tree_heading_and_filter(window, qtbot):
    """A change made in a tab reaches the tree: the new holder is findable by name."""
    window.select_jabatan(_id("BENDAHARA"))
    pemangku = next(t for t in window.tabs if type(t).__name__ == "PemangkuTab")
    window.tab_widget.setCurrentWidget(pemangku)
    window.activateWindow()
    qtbot.waitActive(window)
    pemangku.view.setFocus()
    QGuiApplication.clipboard().setText("Siti Rahayu\t19800101 200501 2 001\tIII/a\n")
    window.act_tempel.trigger()
    assert "Pemangku: Siti Rahayu" in window.right.keterangan.text()
    window.tree.filter_box.setText("siti")
    assert window.tree.selected_id() == _id("BENDAHARA")
    window.act_urungkan.trigger()
    assert "belum ada pemangku" in window.right.keterangan.text()
    assert window.tree.filter_box.text() == ""  # the filter no longer hides the jabatan shown


def test_editing_an_indicator_in_place_is_undone_from_the_sunting_menu(window, qtbot):
    from kinerja_desktop.db.models import Indikator

    window.select_jabatan(_id("KASI-PEM"))
    tab = next(t for t in window.tabs if type(t).__name__ == "IndikatorTab")
    window.tab_widget.setCurrentWidget(tab)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model._rows[r].jenis.value == "indikator")
    baris_id = model._rows[row].id  # the first indicator row (rows above it are sasaran)
    lama = Indikator.get_by_id(baris_id).nama
    model.setData(model.index(row, 1), "Jumlah laporan penyelenggaraan pemerintahan kecamatan")
    assert Indikator.get_by_id(baris_id).nama.startswith("Jumlah laporan penyelenggaraan")
    assert window.statusBar().currentMessage() != ""
    window.act_urungkan.trigger()
    assert Indikator.get_by_id(baris_id).nama == lama
    window.act_ulangi.trigger()
    assert Indikator.get_by_id(baris_id).nama.startswith("Jumlah laporan penyelenggaraan")


def test_a_closed_branch_stays_closed_after_an_edit(window):
    view, proxy, model = window.tree.view, window.tree.proxy, window.tree.model
    kasi = proxy.mapFromSource(model.index_of(_id("KASI-PEM")))
    view.collapse(kasi)
    window.jabatan_actions.add(2020, "Staf Baru", _id("KASI-PP"))
    kasi = proxy.mapFromSource(model.index_of(_id("KASI-PEM")))
    assert not view.isExpanded(kasi)
    assert view.isExpanded(proxy.mapFromSource(model.index_of(_id("KASI-PP"))))


def test_window_remembers_the_tab(qtbot, db, db_path):
    create_app()
    first = MainWindow(db_path)
    qtbot.addWidget(first)
    first.tab_widget.setCurrentIndex(2)
    first.close()
    second = MainWindow(db_path)
    qtbot.addWidget(second)
    second.show_jabatan_view()
    assert second.tab_widget.currentIndex() == 2
    assert second.tree.selected_id() is not None
    assert second.tabs[2].jabatan_id == second.tree.selected_id()


def test_undo_of_a_change_in_another_year_shows_that_year(window, qtbot):
    new_id = window.jabatan_actions.add(2020, "Staf Baru", None)
    window.copy_year(2021)
    qtbot.waitUntil(lambda: window.tahun == 2021, timeout=10000)
    window.act_urungkan.trigger()
    assert window.tahun == 2020
    assert window.year_combo.currentText() == "2020"
    assert Jabatan.get_or_none(id=new_id) is None


def test_a_year_without_jabatan_explains_itself(qtbot, db, db_path):
    from kinerja_desktop.db.models import Tahun

    Tahun.create(tahun=2027)
    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    win.show_jabatan_view()
    win.year_combo.setCurrentIndex(win.year_combo.findData(2027))
    assert _visible_titles(win) == ["Camat Kepanjen"]
    assert "belum memiliki jabatan" in win.tree.empty_label.text()
    assert win.tree.empty_label.isVisible()
    assert win.act_tambah.isEnabled()
    new_id = win.jabatan_actions.add(2027, "Sekretaris Kecamatan", None)
    assert win.tree.selected_id() in (None, new_id)
    assert not win.tree.empty_label.isVisible()
    win.select_jabatan(new_id)
    QApplication.processEvents()
    win.grab().save(str(ARTIFACTS / "main_window_tahun_kosong.png"))


def test_a_database_without_years_explains_itself(qtbot, db, db_path):
    from kinerja_desktop.db.models import Tahun

    Tahun.delete().execute()
    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    win.show_jabatan_view()
    assert win.right.judul.text() == "Belum ada tahun IKI"
    assert "belum berisi tahun IKI" in win.right.kosong.text()
    assert not win.act_tambah.isEnabled() and not win.act_salin_tahun.isEnabled()


def _answer_dialog(qtbot, fill) -> list:
    """Let ``fill(dialog)`` answer the next modal dialog, as the operator would."""
    seen = []

    def answer() -> bool:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return False
        seen.append(dialog)
        fill(dialog)
        return True

    _poll(answer)
    return seen


def test_tambah_jabatan_dialog_under_the_selected_jabatan(window, qtbot):
    window.select_jabatan(_id("KASI-PEM"))

    def fill(dialog):
        assert "di bawah «Kasi Pemerintahan»" in dialog.findChild(QLabel).text()
        qtbot.keyClicks(dialog.nama_edit, "Pengolah Data Kependudukan")
        assert dialog.kode_edit.text() == "PENGOLAH-DATA-KEPENDUDUKAN"  # proposed from the name
        dialog.accept()

    seen = _answer_dialog(qtbot, fill)
    window.act_tambah.trigger()
    assert seen
    assert window.right.judul.text() == "Pengolah Data Kependudukan"  # the new jabatan is selected
    assert "PENGOLAH-DATA-KEPENDUDUKAN" in _tree_children(window, "KASI-PEM")


def test_pindahkan_ke_moves_the_selected_jabatan(window, qtbot):
    window.select_jabatan(_id("PRAMU"))

    def fill(dialog):
        items = dialog.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        dialog.tree.setCurrentItem(next(i for i in items if i.text(1) == "KASI-PP"))
        dialog.accept()

    seen = _answer_dialog(qtbot, fill)
    window.act_pindahkan.trigger()
    assert seen
    assert Jabatan.get_by_id(_id("PRAMU")).atasan_id == _id("KASI-PP")
    assert "dipindahkan ke bawah «Kasi Pelayanan Publik»" in window.statusBar().currentMessage()
    assert window.act_urungkan.toolTip() == "Urungkan: Pindahkan jabatan «Pramu Kebersihan Kantor»"


def test_ctrl_z_and_ctrl_y_from_the_keyboard(window, qtbot):
    new_id = window.jabatan_actions.add(2020, "Staf Baru", None)
    window.activateWindow()
    qtbot.waitActive(window)
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Jabatan.get_or_none(id=new_id) is None
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert Jabatan.get_by_id(new_id).nama == "Staf Baru"


# a popup menu on the offscreen test platform can neither raise nor grab the keyboard; it
# still shows
@pytest.mark.qt_log_ignore("propagateSizeHints", "support raise", "grabbing the keyboard")
def test_qt_right_click_menus_are_indonesian(window, qtbot):
    """Qt's own right-click menus of a scroll bar and a number field speak Indonesian."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QSpinBox

    spin = QSpinBox(window)
    scroll = window.tree.view.verticalScrollBar()
    for widget, expected in ((spin, "Pilih &Semua"), (scroll, "Gulir ke sini")):
        widget.show()
        texts = []

        def read_and_close(texts: list = texts) -> bool:
            menu = QApplication.activePopupWidget()
            if menu is None:
                return False
            texts.extend(a.text().split("\t")[0] for a in menu.actions() if a.text())
            menu.close()
            return True

        _poll(read_and_close)
        pos = widget.rect().center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
        QApplication.sendEvent(widget, event)
        qtbot.waitUntil(lambda texts=texts: bool(texts))
        assert expected in texts
        english = {"Select All", "&Select All", "Scroll here", "Top", "Bottom", "Page up"}
        assert not english & set(texts), texts


def test_a_long_code_does_not_squeeze_the_titles(window):
    """A code made from a long title is shortened in the middle in the tree (full on hover)
    instead of widening the code column and wrapping every title onto three lines."""
    from kinerja_desktop.ui.jabatan_tree import KODE_BIASA

    view = window.tree.view
    before = view.columnWidth(1)
    new_id = window.jabatan_actions.add(2020, "Pengolah Data Kependudukan dan Catatan Sipil", None)
    window.select_jabatan(new_id)
    kode = Jabatan.get_by_id(new_id).kode
    assert view.fontMetrics().horizontalAdvance(kode) > view.fontMetrics().horizontalAdvance(
        KODE_BIASA
    )
    assert view.columnWidth(1) == before  # as wide as KASUBAG-UMUM needs, no wider
    index = window.tree.proxy.mapFromSource(window.tree.model.index_of(new_id))
    assert f"Kode: {kode}" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_each_menu_item_has_its_own_letter(window):
    """Inside a menu every item has its own underlined letter, so one key press chooses it
    (Tambah Jabatan, Salin Tahun and Buat Templat Desa all had T; Cetak IKI and Laporan
    Capaian both C)."""
    window.complete_menus()  # the dialogs' items join the menus after the first paint
    for menu in (
        window.menu_berkas,
        window.menu_sunting,
        window.menu_data,
        window.menu_laporan,
        window.menu_bantuan,
    ):
        letters = []
        for action in menu.actions():
            text = action.text().split("\t")[0].replace("&&", "")
            if action.isSeparator() or not text:
                continue
            assert "&" in text, text
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), (menu.title(), letters)


def test_search_from_the_keyboard_alone(window, qtbot):
    """Ctrl+F, type, Enter: the first match is selected and the tree has the keyboard; Esc
    in the search box empties it."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.filter_box.hasFocus()
    qtbot.keyClicks(window.tree.filter_box, "pramu")
    qtbot.keyClick(window.tree.filter_box, Qt.Key.Key_Return)
    assert window.tree.view.hasFocus()
    assert window.tree.selected_id() == _id("PRAMU")
    window.tree.filter_box.setFocus()
    qtbot.keyClick(window.tree.filter_box, Qt.Key.Key_Escape)
    assert window.tree.filter_box.text() == ""
    assert len(_visible_titles(window)) == 23
    assert window.tree.selected_id() == _id("PRAMU")  # the choice stays


def test_alt_h_reaches_the_year(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert window.year_combo.hasFocus()


def test_a_failed_automatic_backup_is_shown_in_the_status_bar(qtbot, db_path):
    from kinerja_desktop.db.backup import backup_dir
    from kinerja_desktop.db.connection import open_database

    backup_dir().parent.mkdir(parents=True, exist_ok=True)
    backup_dir().write_text("bukan folder", encoding="utf-8")  # the backup folder cannot be made
    open_database(db_path)
    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.backup_warning.text() == "Cadangan otomatis hari ini gagal"
    assert "Berkas › Cadangkan ke" in win.backup_warning.toolTip()
    win.tasks.wait()


def test_salin_tahun_says_what_is_copied_and_what_is_not(window, qtbot, tmp_path):
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
    from kinerja_desktop.domain.capaian import Komponen, Target
    from kinerja_desktop.ui.salin_tahun_dialog import SalinTahunDialog

    ind = Indikator.get(Indikator.kode == "KASUBAG-UMUM.02", Indikator.tahun == 2020)
    set_values(
        [
            NilaiMasuk(KunciNilai("target", ind.id, "2020"), target=Target(8)),
            NilaiMasuk(KunciNilai("realisasi", ind.id, "202001"), komponen=Komponen(nilai=3)),
        ]
    )
    dialog = SalinTahunDialog(window, 2020)
    qtbot.addWidget(dialog)
    dialog.show()
    teks = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "22 jabatan" in teks and "84 indikator" in teks and "1 target" in teks
    assert "Yang tidak disalin" in teks and "1 realisasi" in teks
    assert "0 program dengan 0 kegiatan dan anggarannya" in teks
    assert "0 realisasi anggaran dan 0 keterangan/kendala monev" in teks
    assert dialog.ke.value() == 2021 and dialog.btn_salin.isEnabled()
    dialog.ke.setValue(2020)  # a year that exists is refused before anything runs
    assert not dialog.btn_salin.isEnabled() and "sudah ada" in dialog.pesan.text()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "salin_tahun.png"))
