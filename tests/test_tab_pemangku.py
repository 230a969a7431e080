"""The Pemangku tab on its own: holders added and removed, NIP checked as typed, undo."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QStyleOptionViewItem

from kinerja_desktop.db import ops_pemangku
from kinerja_desktop.db.models import Jabatan, Pegawai
from kinerja_desktop.ui.tabs.pemangku_tab import NipEdit, PemangkuTab

ARTIFACTS = Path(__file__).parent / "artifacts"
CAMAT_NIP = "196905051990091002"


def jabatan_id(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def holders(jid: int) -> list[str]:
    return [p.nama for p in ops_pemangku.list_pemangku(jid)]


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = PemangkuTab(stack)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.stack_ = stack
    return widget


def test_jabatan_without_holders_says_so(tab):
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    assert tab.tabel_stack.currentWidget() is tab.kosong_pemangku
    assert "Belum ada pegawai" in tab.kosong_pemangku.label.text()
    # nobody is pre-selected: one click must not make the Camat hold every jabatan
    assert tab.pilih_pegawai.currentIndex() == -1 and tab.pilih_pegawai.currentData() is None
    assert not tab.tambah_ada.isEnabled()
    assert "ABAI SALEH" in tab.pilih_pegawai.itemText(0)
    assert "19690505 199009 1 002" in tab.pilih_pegawai.itemText(0)
    tab.pilih_pegawai.setCurrentIndex(0)
    assert tab.tambah_ada.isEnabled()
    tab.set_jabatan(jabatan_id("SEKCAM"))  # another jabatan: again nobody chosen
    assert tab.pilih_pegawai.currentIndex() == -1 and not tab.tambah_ada.isEnabled()


def test_add_existing_pegawai_then_undo_redo(tab, qtbot, qtmodeltester):
    jid = jabatan_id("SEKCAM")
    tab.set_jabatan(jid)
    tab.pilih_pegawai.setCurrentIndex(0)
    with qtbot.waitSignal(tab.changed) as signal:
        qtbot.mouseClick(tab.tambah_ada, Qt.MouseButton.LeftButton)
    assert "ditambahkan sebagai pemangku Sekretaris Kecamatan" in signal.args[0].pesan
    assert holders(jid) == ["ABAI SALEH, S.Sos., MM"]
    assert tab.model.index(0, 1).data() == "19690505 199009 1 002"
    assert tab.model.index(0, 2).data() == "Pembina Tingkat I (IV/b)"
    qtmodeltester.check(tab.model)
    tab.stack_.undo()
    assert holders(jid) == []
    tab.stack_.redo()
    assert holders(jid) == ["ABAI SALEH, S.Sos., MM"]


def test_nip_is_checked_as_it_is_typed(tab, qtbot):
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    qtbot.keyClicks(tab.nama_baru, "SITI AMINAH, S.E.")
    qtbot.keyClicks(tab.nip_baru, "19850312abc")
    assert tab.nip_baru.text() == "19850312"  # letters are refused as they are typed
    assert tab.nip_status.text() == "NIP harus 18 angka, yang diisi 8 angka."
    assert not tab.tambah_baru.isEnabled()
    qtbot.keyClicks(tab.nip_baru, " 201001 3 000")
    assert "jenis kelamin" in tab.nip_status.text()
    assert not tab.tambah_baru.isEnabled()
    tab.nip_baru.clear()
    qtbot.keyClicks(tab.nip_baru, "19850312 201001 2 004")
    assert tab.nip_status.text() == "NIP benar: 19850312 201001 2 004"
    assert tab.tambah_baru.isEnabled()


def test_add_new_pegawai_and_undo_removes_the_pegawai_too(tab, qtbot):
    jid = jabatan_id("BENDAHARA")
    tab.set_jabatan(jid)
    qtbot.keyClicks(tab.nama_baru, "SITI AMINAH, S.E.")
    qtbot.keyClicks(tab.nip_baru, "198503122010012004")
    tab.pangkat_baru.setCurrentIndex(tab.pangkat_baru.findData("III/a"))
    qtbot.mouseClick(tab.tambah_baru, Qt.MouseButton.LeftButton)
    assert holders(jid) == ["SITI AMINAH, S.E."]
    assert Pegawai.get(Pegawai.nip == "198503122010012004").nama == "SITI AMINAH, S.E."
    assert tab.model.index(0, 2).data() == "Penata Muda (III/a)"
    assert tab.nama_baru.text() == ""
    tab.stack_.undo()
    assert not Pegawai.select().where(Pegawai.nip == "198503122010012004").exists()
    tab.stack_.redo()
    assert holders(jid) == ["SITI AMINAH, S.E."]


def test_duplicate_nip_is_refused_with_the_owner(tab, qtbot):
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    qtbot.keyClicks(tab.nama_baru, "ORANG LAIN")
    qtbot.keyClicks(tab.nip_baru, CAMAT_NIP)
    qtbot.mouseClick(tab.tambah_baru, Qt.MouseButton.LeftButton)
    assert "sudah terdaftar atas nama ABAI SALEH" in tab.pesan.text()
    assert tab.stack_.count() == 0


def test_nip_edited_in_place_is_refused_when_wrong(tab, qtbot):
    jid = jabatan_id("SEKCAM")
    tab.set_jabatan(jid)
    tab.pilih_pegawai.setCurrentIndex(0)
    tab.add_existing()
    index = tab.model.index(0, 1)
    delegate = tab.view.itemDelegate()
    editor = delegate.createEditor(tab.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, NipEdit)
    delegate.setEditorData(editor, index)
    assert editor.text() == "19690505 199009 1 002"
    editor.setText("1969050519900910")
    assert "NIP belum benar: NIP harus 18 angka" in tab.pesan.text()
    delegate.setModelData(editor, tab.model, index)  # refused: nothing saved
    assert Pegawai.get(Pegawai.nama.startswith("ABAI")).nip == CAMAT_NIP
    editor.setText("19690505 199009 1 003")
    assert tab.pesan.isHidden()
    delegate.setModelData(editor, tab.model, index)
    assert Pegawai.get(Pegawai.nama.startswith("ABAI")).nip == "196905051990091003"
    tab.stack_.undo()
    assert Pegawai.get(Pegawai.nama.startswith("ABAI")).nip == CAMAT_NIP
    editor.deleteLater()
    option = QStyleOptionViewItem()
    combo = delegate.createEditor(tab.view.viewport(), option, tab.model.index(0, 2))
    assert isinstance(combo, QComboBox) and combo.itemText(0) == "(belum diisi)"
    combo.deleteLater()


def test_remove_holder_keeps_the_pegawai(tab):
    jid = jabatan_id("SEKCAM")
    tab.set_jabatan(jid)
    tab.pilih_pegawai.setCurrentIndex(0)
    tab.add_existing()
    tab.view.selectRow(0)
    tab.remove_selected()
    assert holders(jid) == []
    assert Pegawai.select().count() == 1
    tab.stack_.undo()
    assert holders(jid) == ["ABAI SALEH, S.Sos., MM"]


def test_copy_and_paste_pegawai_rows(tab):
    jid = jabatan_id("PENGEMUDI")
    tab.set_jabatan(jid)
    QGuiApplication.clipboard().setText(
        "Nama\tNIP\tPangkat/Golongan\n"
        "ABAI SALEH, S.Sos., MM\t19690505 199009 1 002\t\n"
        "BUDI SANTOSO\t\tII/a\n"
    )
    tab.paste()
    assert holders(jid) == ["ABAI SALEH, S.Sos., MM", "BUDI SANTOSO"]
    assert tab.stack_.count() == 1
    tab.view.selectAll()
    tab.copy_selection()
    assert QGuiApplication.clipboard().text() == (
        "ABAI SALEH, S.Sos., MM\t19690505 199009 1 002\tPembina Tingkat I (IV/b)\n"
        "BUDI SANTOSO\t\tPengatur Muda (II/a)\n"
    )
    tab.stack_.undo()
    assert holders(jid) == []
    assert not Pegawai.select().where(Pegawai.nama == "BUDI SANTOSO").exists()
    tab.stack_.redo()
    assert holders(jid) == ["ABAI SALEH, S.Sos., MM", "BUDI SANTOSO"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_screenshots(tab, qtbot):
    ARTIFACTS.mkdir(exist_ok=True)
    tab.show()
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_pemangku_kosong.png"))
    tab.pilih_pegawai.setCurrentIndex(0)
    tab.add_existing()
    qtbot.keyClicks(tab.nama_baru, "SITI AMINAH, S.E.")
    qtbot.keyClicks(tab.nip_baru, "1985031220100")
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_pemangku_kasubag_umum.png"))


def test_the_add_form_is_reached_with_alt_letters(tab):
    """Alt+P, Alt+M, Alt+N, Alt+K reach the fields of the add form, Alt+T and Alt+G its
    buttons, Alt+E the removal: each label leads to its field, no letter twice."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    letters = []
    for child in tab.findChildren(QLabel) + tab.findChildren(QAbstractButton):
        text = child.text().replace("&&", "")
        if "&" in text:
            if isinstance(child, QLabel):
                assert child.buddy() is not None, text
            letters.append(text[text.index("&") + 1].lower())
    assert sorted(letters) == sorted("pmnktge")
    assert next(w for w in tab.findChildren(QLabel) if w.text() == "&NIP:").buddy() is tab.nip_baru


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_heading_wraps_in_a_narrow_tab(tab, qtbot):
    """The heading names the jabatan in full on a narrow tab (1024-pixel window) instead of
    being cut off at the edge."""
    tab.resize(560, 600)
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    tab.show()
    qtbot.waitExposed(tab)
    judul = tab.judul
    assert judul.wordWrap()
    assert judul.geometry().right() <= tab.hapus.geometry().left()
    assert judul.height() >= 2 * judul.fontMetrics().height()  # on two lines


def test_a_click_on_a_header_sorts_as_a_reader_expects_and_the_order_stays(tab, qtmodeltester):
    jid = jabatan_id("PENGEMUDI")
    tab.set_jabatan(jid)
    QGuiApplication.clipboard().setText(
        "budi santoso 10\t\tIV/a\n"
        "Budi Santoso 2\t\tII/d\n"
        "ABAI SALEH, S.Sos., MM\t19690505 199009 1 002\t\n"
        "Ádi Nugroho\t\tIII/b\n"
    )
    tab.paste()

    def shown(column: int = 0) -> list[str]:
        return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]

    # names without regard to case or accents, numbers inside them by value
    assert shown() == ["ABAI SALEH, S.Sos., MM", "Ádi Nugroho", "Budi Santoso 2", "budi santoso 10"]
    tab.view.selectRow(2)
    header = tab.view.horizontalHeader()
    tab.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # pangkat by golongan, empty last
    assert [p.rsplit("(", 1)[-1] for p in shown(2)] == ["II/d)", "III/b)", "IV/a)", "IV/b)"]
    assert header.sortIndicatorSection() == 2
    # the selection follows its pegawai
    assert tab.model.item(tab.view.currentIndex().row()).nama == "Budi Santoso 2"
    tab.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # NIP; none last
    assert shown()[0] == "ABAI SALEH, S.Sos., MM"
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    tab.set_jabatan(jabatan_id("SEKCAM"))
    tab.set_jabatan(jid)  # read again: still in the order chosen
    assert shown() == ["budi santoso 10", "Budi Santoso 2", "Ádi Nugroho", "ABAI SALEH, S.Sos., MM"]
    qtmodeltester.check(tab.model)
