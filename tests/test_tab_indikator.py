"""The Indikator tab on its own: edits in place, drop-downs, undo/redo, paste, empty state."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QStyleOptionViewItem,
)

from kinerja_desktop.db import queries_indikator
from kinerja_desktop.db.models import Indikator, Jabatan, Sasaran, SubIndikator
from kinerja_desktop.ui.tabs.indikator_model import Jenisbaris
from kinerja_desktop.ui.tabs.indikator_tab import IndikatorTab

ARTIFACTS = Path(__file__).parent / "artifacts"


def jabatan_id(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def indikator(kode: str) -> Indikator:
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020)


def row_of_kode(tab: IndikatorTab, kode: str) -> int:
    return tab.model.row_of(Jenisbaris.INDIKATOR, indikator(kode).id)


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = IndikatorTab(stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.stack_ = stack
    return widget


def test_model_passes_the_model_tester(tab, qtmodeltester):
    tab.set_jabatan(jabatan_id("ADM-SEKDES"))
    assert tab.model.rowCount() == 4 + 4 + 16  # sasaran, indicators, sub-items
    qtmodeltester.check(tab.model)


def test_rows_show_the_document(tab):
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    model = tab.model
    assert model.index(0, 0).data().startswith("Sasaran 1: ")
    assert tab.view.columnSpan(0, 0) == 7
    row = row_of_kode(tab, "BENDAHARA.01")
    assert model.index(row, 0).data() == "BENDAHARA.01"
    assert model.index(row, 4).data() == "Makin tinggi makin baik"
    assert model.index(row, 5).data() == "Jumlah"
    assert model.index(row + 1, 0).data() == ""
    assert model.index(row + 1, 1).data() == "a. Ganti Uang (GU)"
    # Long texts are readable in a tooltip too.
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == indikator("BENDAHARA.01").nama


def test_edit_in_place_undo_and_redo(tab, qtbot):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.02")
    with qtbot.waitSignal(tab.changed) as signal:
        assert tab.model.setData(tab.model.index(row, 1), "Jumlah pelanggaran disiplin pegawai")
    assert signal.args[0].pesan == "Indikator KASUBAG-UMUM.02 disimpan."
    assert indikator("KASUBAG-UMUM.02").nama == "Jumlah pelanggaran disiplin pegawai"
    tab.stack_.undo()
    assert indikator("KASUBAG-UMUM.02").nama == "Jumlah pelanggaran disiplin"
    assert tab.model.index(row, 1).data() == "Jumlah pelanggaran disiplin"
    tab.stack_.redo()
    assert indikator("KASUBAG-UMUM.02").nama == "Jumlah pelanggaran disiplin pegawai"


def test_drop_down_for_polaritas_saves_the_choice(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.01")
    index = tab.model.index(row, 4)
    delegate = tab.view.itemDelegate()
    editor = delegate.createEditor(tab.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Makin tinggi makin baik",
        "Makin rendah makin baik",
        "Target rentang",
    ]
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "positif"
    editor.setCurrentIndex(1)
    delegate.setModelData(editor, tab.model, index)
    assert indikator("KASUBAG-UMUM.01").polaritas == "negatif"
    editor.deleteLater()
    long_editor = delegate.createEditor(
        tab.view.viewport(), QStyleOptionViewItem(), tab.model.index(row, 2)
    )
    assert isinstance(long_editor, QPlainTextEdit)
    long_editor.deleteLater()


def test_bad_input_is_refused_with_a_reason(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.01")
    assert not tab.model.setData(tab.model.index(row, 0), "BENDAHARA.01")
    assert "sudah dipakai" in tab.pesan.text() and "Bendahara" in tab.pesan.text()
    assert not tab.model.setData(tab.model.index(row, 1), "  ")
    assert not tab.model.setData(tab.model.index(row, 5), "bukan-jenis")
    assert tab.stack_.count() == 0
    assert indikator("KASUBAG-UMUM.01").nama


def test_add_and_remove_indicator_sub_and_sasaran(tab):
    jid = jabatan_id("BENDAHARA")
    tab.set_jabatan(jid)
    count = Indikator.select().join(Sasaran).where(Sasaran.jabatan == jid).count()
    tab.select(Jenisbaris.INDIKATOR, indikator("BENDAHARA.01").id)
    new_id = tab.add_indikator()
    new = Indikator.get_by_id(new_id)
    assert new.kode == "BENDAHARA.07" and new.nama == "Indikator baru" and new.urutan == 1
    tab.view.closePersistentEditor(tab.view.currentIndex())
    sub_id = tab.add_sub()
    assert SubIndikator.get_by_id(sub_id).indikator_id == new_id
    sasaran_id = tab.add_sasaran()
    assert Sasaran.get_by_id(sasaran_id).teks == "Sasaran baru"
    tab.select(Jenisbaris.INDIKATOR, indikator("BENDAHARA.01").id)
    tab.remove_current()
    assert not Indikator.select().where(Indikator.kode == "BENDAHARA.01").exists()
    for _ in range(4):
        tab.stack_.undo()
    assert Indikator.select().join(Sasaran).where(Sasaran.jabatan == jid).count() == count
    assert len(indikator("BENDAHARA.01").sub) == 4  # came back with its sub-items
    for _ in range(4):
        tab.stack_.redo()
    assert Indikator.get_by_id(new_id).kode == "BENDAHARA.07"
    assert SubIndikator.get_by_id(sub_id).indikator_id == new_id


def test_removing_a_sasaran_takes_its_indicators_and_undo_brings_them_back(tab, qtbot):
    jid = jabatan_id("KASUBAG-UMUM")
    tab.set_jabatan(jid)
    before = queries_indikator.load_sasaran(jid)
    tab.select(Jenisbaris.SASARAN, before[0].id)
    with qtbot.waitSignal(tab.changed) as signal:
        tab.remove_current()
    assert "beserta" in signal.args[0].pesan
    assert len(queries_indikator.load_sasaran(jid)) == len(before) - 1
    tab.stack_.undo()
    assert queries_indikator.load_sasaran(jid) == before


def test_paste_several_rows_adds_and_updates_in_one_step(tab):
    jid = jabatan_id("PENGEMUDI")
    tab.set_jabatan(jid)
    before = queries_indikator.load_sasaran(jid)
    QGuiApplication.clipboard().setText(
        "Kode\tIndikator\tFormulasi Penghitungan\tSatuan\tPolaritas\tJenis\tSumber Data\n"
        "PENGEMUDI.01\tJumlah perjalanan dinas yang dilayani\tJumlah perjalanan\tkali\t"
        "Makin tinggi makin baik\tJumlah\tBuku perjalanan\n"
        '\tPersentase kendaraan laik jalan\t"Σ kendaraan laik /\nΣ kendaraan × 100%"\t%\t'
        "positif\tPersentase\tSubbag Umum\n"
        "BENDAHARA.01\tJumlah servis kendaraan\t\tkali\t\t\tBengkel\n"
    )
    tab.paste()
    assert tab.stack_.count() == 1
    after = queries_indikator.load_sasaran(jid)[0].indikator
    assert [i.kode for i in after] == ["PENGEMUDI.01", "PENGEMUDI.02", "PENGEMUDI.03"]
    assert after[0].nama == "Jumlah perjalanan dinas yang dilayani"
    assert after[1].jenis == "persentase" and after[1].formula.startswith("Σ kendaraan laik /\n")
    assert after[2].nama == "Jumlah servis kendaraan"  # a code of another jabatan gets a new one
    assert indikator("BENDAHARA.01").nama.startswith("Jumlah Surat Permintaan")
    tab.stack_.undo()
    assert queries_indikator.load_sasaran(jid) == before
    tab.stack_.redo()
    assert [i.kode for i in queries_indikator.load_sasaran(jid)[0].indikator] == [
        "PENGEMUDI.01",
        "PENGEMUDI.02",
        "PENGEMUDI.03",
    ]


def test_bad_paste_changes_nothing_and_says_which_row(tab):
    jid = jabatan_id("PENGEMUDI")
    tab.set_jabatan(jid)
    before = queries_indikator.load_sasaran(jid)
    QGuiApplication.clipboard().setText("\tIndikator A\t\t\t\tJumlah\n\tIndikator B\t\t\t\tLain\n")
    tab.paste()
    assert "Baris 2" in tab.pesan.text() and "Tidak ada yang diubah" in tab.pesan.text()
    assert queries_indikator.load_sasaran(jid) == before
    assert tab.stack_.count() == 0


def test_copy_gives_tab_separated_rows_that_paste_back(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.02")
    tab.view.selectRow(row)
    tab.copy_selection()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("KASUBAG-UMUM.02\tJumlah pelanggaran disiplin\t")
    assert "\tMakin rendah makin baik\tJumlah\t" in text
    tab.paste()  # the same row again: an update that changes nothing visible
    assert indikator("KASUBAG-UMUM.02").polaritas == "negatif"


def test_jabatan_without_indicators_says_so_and_offers_to_add(tab, qtbot):
    jid = jabatan_id("PRAMU")
    tab.set_jabatan(jid)
    tab.select(Jenisbaris.SASARAN, queries_indikator.load_sasaran(jid)[0].id)
    tab.remove_current()
    assert tab.tabel_stack.currentWidget() is tab.tanpa_indikator
    assert "belum punya sasaran dan indikator" in tab.tanpa_indikator.label.text()
    qtbot.mouseClick(tab.tanpa_indikator.button, Qt.MouseButton.LeftButton)
    sasaran = queries_indikator.load_sasaran(jid)
    assert len(sasaran) == 1 and sasaran[0].indikator[0].kode == "PRAMU.01"
    tab.stack_.undo()  # sasaran and indicator went in as one step
    assert queries_indikator.load_sasaran(jid) == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_screenshots(tab):
    ARTIFACTS.mkdir(exist_ok=True)
    tab.show()
    for kode in ("BENDAHARA", "ADM-SEKDES", "KASUBAG-UMUM"):
        tab.set_jabatan(jabatan_id(kode))
        QApplication.processEvents()
        tab.grab().save(str(ARTIFACTS / f"tab_indikator_{kode.lower()}.png"))
    # An open multi-line editor on a formula.
    row = row_of_kode(tab, "KASUBAG-UMUM.01")
    tab.view.setCurrentIndex(tab.model.index(row, 2))
    tab.view.edit(tab.model.index(row, 2))
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_indikator_editor.png"))
    tab.view.closePersistentEditor(tab.model.index(row, 2))
    jid = jabatan_id("PRAMU")
    tab.set_jabatan(jid)
    tab.select(Jenisbaris.SASARAN, queries_indikator.load_sasaran(jid)[0].id)
    tab.remove_current()
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_indikator_tanpa_indikator.png"))
    tab.set_jabatan(None)
    QApplication.processEvents()
    tab.grab().save(str(ARTIFACTS / "tab_indikator_tanpa_jabatan.png"))


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_typing_in_a_cell_saves_on_enter(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.04")
    index = tab.model.index(row, 3)  # Satuan: a one-line editor
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, "kendaraan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits a line editor on Enter through a queued call.
    qtbot.waitUntil(lambda: indikator("KASUBAG-UMUM.04").satuan == "kendaraan", timeout=2000)
    index = tab.model.index(row, 2)  # Formulasi: multi-line, Enter saves, Shift+Enter breaks
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.indexWidget(index)
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "Jumlah servis")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "(tahun n)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert indikator("KASUBAG-UMUM.04").formula == "Jumlah servis\n(tahun n)"
    assert tab.stack_.count() == 2
    tab.stack_.undo()
    assert indikator("KASUBAG-UMUM.04").formula == "Jumlah Pemeliharaan kendaraan dinas"
    tab.hide()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_jenis_change_refused_while_values_exist(tab):
    """The core's refusal reaches the tab's message bar; nothing is pushed on the undo stack."""
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
    from kinerja_desktop.domain.capaian import Target

    i = indikator("KASUBAG-UMUM.02")
    set_values([NilaiMasuk(KunciNilai("target", i.id, "2020"), target=Target(8))])
    tab.show()
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    row = row_of_kode(tab, "KASUBAG-UMUM.02")
    # the drop-down hands the stored value; the core refuses, the command is dropped
    tab.model.setData(tab.model.index(row, 5), "persentase")
    assert tab.pesan.isVisible()
    assert "tidak dapat diubah dari jumlah menjadi persentase" in tab.pesan.text()
    assert "1 target" in tab.pesan.text()
    assert tab.stack_.count() == 0 and indikator("KASUBAG-UMUM.02").jenis == "jumlah"
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    tab.grab().save(str(ARTIFACTS / "tab_indikator_jenis_ditolak.png"))


def test_undo_of_a_removed_indicator_brings_its_values_back(tab):
    """Through the tab's undo stack: remove, undo (values back), redo (gone again)."""
    from nilai_bantuan import baca_realisasi

    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
    from kinerja_desktop.domain.capaian import Komponen, Target

    i = indikator("KASUBAG-UMUM.02")
    set_values(
        [
            NilaiMasuk(KunciNilai("target", i.id, "2020"), target=Target(8)),
            NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(nilai=2)),
        ]
    )
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.select(Jenisbaris.INDIKATOR, i.id)
    tab.remove_current()
    assert baca_realisasi(i.id, "202001") is None
    tab.stack_.undo()
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=2)
    assert tab.model.row_of(Jenisbaris.INDIKATOR, i.id) is not None
    tab.stack_.redo()
    assert baca_realisasi(i.id, "202001") is None
    tab.stack_.undo()
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=2)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_long_columns_keep_a_readable_width_when_narrow(tab, qtbot):
    """In a narrow window (1024 pixels, with the tree beside it) the indikator, formula and
    sumber data columns no longer shrink to one word a line with cut headers ("nghitung"):
    they keep a readable width and the table scrolls sideways; wide, they share the width."""
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.show()
    header = tab.view.horizontalHeader()
    metrics = tab.view.fontMetrics()
    long_columns = tab._kolom_panjang
    assert len(long_columns) == 3
    tab.resize(560, 500)
    qtbot.waitUntil(lambda: tab._sempit is True)
    for column in long_columns:
        assert header.sectionSize(column) >= metrics.horizontalAdvance("Penghitungan")
    # the columns past the right edge are reached with the scroll bar
    assert tab.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    qtbot.waitUntil(lambda: tab.view.horizontalScrollBar().maximum() > 0)
    tab.resize(1300, 500)
    qtbot.waitUntil(lambda: tab._sempit is False)
    assert header.sectionResizeMode(long_columns[0]) == QHeaderView.ResizeMode.Stretch
    assert tab.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
