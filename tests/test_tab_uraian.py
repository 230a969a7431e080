"""The Uraian tab on its own: tugas and fungsi added, edited, moved, removed, undone."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication

from kinerja_desktop.db import ops_uraian
from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.ui.tabs.uraian_tab import UraianTab

ARTIFACTS = Path(__file__).parent / "artifacts"


def jabatan_id(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def texts(jid: int, daftar: str = "tugas") -> list[str]:
    return [u.teks for u in ops_uraian.list_uraian(jid, daftar)]


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = UraianTab(stack)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.stack_ = stack  # keep the stack alive as long as the tab
    return widget


def test_without_jabatan_the_tab_says_so(tab):
    assert tab.stack.currentWidget() is tab.kosong
    assert "Belum ada jabatan yang dipilih" in tab.kosong.label.text()


def test_models_pass_the_model_tester(tab, qtmodeltester):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    for panel in tab.panels.values():
        qtmodeltester.check(panel.model)


def test_edit_in_place_then_undo_and_redo(tab, qtbot):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    before = texts(jid)
    model = tab.panels["tugas"].model
    with qtbot.waitSignal(tab.changed) as signal:
        assert model.setData(model.index(0, 1), "Menyusun rencana kerja subbagian;")
    assert "disimpan" in signal.args[0].pesan
    assert texts(jid)[0] == "Menyusun rencana kerja subbagian;"
    assert model.index(0, 1).data() == "Menyusun rencana kerja subbagian;"
    tab.stack_.undo()
    assert texts(jid) == before
    assert model.index(0, 1).data() == before[0]
    tab.stack_.redo()
    assert texts(jid)[0] == "Menyusun rencana kerja subbagian;"


def test_empty_text_is_refused(tab):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    model = tab.panels["tugas"].model
    assert not model.setData(model.index(0, 1), "   ")
    assert tab.stack_.count() == 0


def test_add_move_remove_tugas_with_undo(tab, qtbot):
    jid = jabatan_id("BENDAHARA")
    tab.set_jabatan(jid)
    panel = tab.panels["tugas"]
    before = texts(jid)
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.tambah, Qt.MouseButton.LeftButton)
    assert texts(jid) == [before[0], "Tugas baru", *before[1:]]
    # The new row is selected (its editor open); move it up to the top.
    assert panel.current_row() == 1
    qtbot.mouseClick(panel.naik, Qt.MouseButton.LeftButton)
    assert texts(jid)[0] == "Tugas baru"
    assert panel.current_row() == 0
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.hapus, Qt.MouseButton.LeftButton)
    assert texts(jid) == before
    # Three steps, each undone in turn.
    assert tab.stack_.count() == 3
    tab.stack_.undo()
    assert texts(jid)[0] == "Tugas baru"
    tab.stack_.undo()
    assert texts(jid)[1] == "Tugas baru"
    tab.stack_.undo()
    assert texts(jid) == before
    tab.stack_.redo()
    tab.stack_.redo()
    tab.stack_.redo()
    assert texts(jid) == before


def test_removed_items_come_back_with_their_ids(tab):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    before = ops_uraian.list_uraian(jid, "tugas")
    panel = tab.panels["tugas"]
    panel.view.selectRow(2)
    panel.view.selectionModel().select(
        panel.model.index(4, 0),
        panel.view.selectionModel().SelectionFlag.Select
        | panel.view.selectionModel().SelectionFlag.Rows,
    )
    tab.remove_selected("tugas")
    assert len(ops_uraian.list_uraian(jid, "tugas")) == len(before) - 2
    tab.stack_.undo()
    assert ops_uraian.list_uraian(jid, "tugas") == before


def test_empty_fungsi_explain_themselves_and_offer_to_add(tab, qtbot):
    jid = jabatan_id("BENDAHARA")
    tab.set_jabatan(jid)
    panel = tab.panels["fungsi"]
    assert panel.stack.currentWidget() is panel.kosong
    assert "belum punya fungsi" in panel.kosong.label.text()
    qtbot.mouseClick(panel.kosong.button, Qt.MouseButton.LeftButton)
    assert texts(jid, "fungsi") == ["Fungsi baru"]
    assert panel.stack.currentWidget() is panel.view


def test_copy_and_paste_lines(tab):
    jid = jabatan_id("BENDAHARA")
    tab.set_jabatan(jid)
    QGuiApplication.clipboard().setText("1.\tmenerima uang;\n2.\tmenyimpan uang;\n")
    tab.aktif = "fungsi"
    tab.paste()
    assert texts(jid, "fungsi") == ["menerima uang;", "menyimpan uang;"]
    assert tab.stack_.count() == 1  # one undo step for the whole paste
    panel = tab.panels["fungsi"]
    panel.view.selectAll()
    tab.copy_selection()
    assert QGuiApplication.clipboard().text() == "menerima uang;\nmenyimpan uang;\n"
    tab.stack_.undo()
    assert texts(jid, "fungsi") == []


def test_refuses_moving_past_the_top(tab):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    panel = tab.panels["tugas"]
    panel.view.selectRow(0)
    tab.move_current("tugas", -1)
    assert tab.pesan.isVisibleTo(tab)
    assert "paling atas" in tab.pesan.text()
    assert tab.stack_.count() == 0


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_screenshot(tab):
    ARTIFACTS.mkdir(exist_ok=True)
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.show()
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_uraian_kasubag_umum.png"))
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_uraian_bendahara.png"))
    tab.set_jabatan(None)
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_uraian_kosong.png"))


def test_keys_of_the_list_work_only_in_the_list(tab, qtbot):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    panel = tab.panels["tugas"]
    before = texts(jid)
    panel.view.selectRow(1)
    actions = {a.text(): a for a in panel.view.actions()}
    assert set(actions) == {"Tambah tugas", "Hapus", "Naik", "Turun"}
    assert actions["Hapus"].shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    actions["Naik"].trigger()
    assert texts(jid)[0] == before[1]
    actions["Hapus"].trigger()
    assert texts(jid) == [before[0], *before[2:]]
