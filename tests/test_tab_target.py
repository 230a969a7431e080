"""The Target & Realisasi tab: typing, refusals in place, undo, paste, desa grid, states."""

from pathlib import Path

import pytest
from nilai_bantuan import baca_realisasi, parse_cell_target
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel

from kinerja_desktop.db.models import Desa, Indikator, Jabatan
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, read_row, set_values
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.errors import Terkunci
from kinerja_desktop.ui.tabs.grid_model import KEADAAN_LABEL, MODE_TRIWULAN, ROLE_KEADAAN
from kinerja_desktop.ui.tabs.target_model import BARIS_CAPAIAN, BARIS_REALISASI, BARIS_TARGET
from kinerja_desktop.ui.tabs.target_tab import TargetTab

ARTIFACTS = Path(__file__).parent / "artifacts"
# the offscreen platform warns on show(); harmless here
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def jabatan_id(kode):
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def ind(kode):
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020)


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = TargetTab(stack)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.stack_ = stack
    return widget


def row_of(tab, kode, baris):
    for i, n in enumerate(tab.model.nilai):
        if n.info.kode == kode:
            return i * 3 + baris
    raise AssertionError(kode)


def col_of(tab, periode_id):
    for c in range(tab.model.columnCount()):
        p = tab.model.periode_kolom(c)
        if p is not None and p.id == periode_id:
            return c
    raise AssertionError(periode_id)


def cell(tab, kode, baris, periode_id):
    return tab.model.index(row_of(tab, kode, baris), col_of(tab, periode_id))


def test_models_pass_the_model_tester(tab, qtmodeltester):
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    assert tab.model.rowCount() == 11 * 3
    assert tab.model.columnCount() == 2 + 12 + 4 + 1
    qtmodeltester.check(tab.model)
    tab.select_indikator(ind("KASI-KESOS.01").id)
    assert tab.model_desa.rowCount() == 18 + 1
    qtmodeltester.check(tab.model_desa)


def test_typing_a_target_and_monthly_realisasi_computes_capaian(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    m = tab.model
    assert m.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020"), "8")
    for bulan, nilai in (("202001", "3"), ("202002", "0"), ("202003", "6")):
        assert m.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, bulan), nilai)
    i = ind("KASUBAG-UMUM.02")
    assert parse_cell_target(i.id, "2020") == Target(8)
    assert baca_realisasi(i.id, "202002") == Komponen(nilai=0)  # a real zero
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202002").data() == "0"
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "2020Q1").data() == "9"
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020Q1").data() == "2"  # 8 / 4
    # lower is better: the year so far, 9 against 8 -> 87,5%
    capaian = cell(tab, "KASUBAG-UMUM.02", BARIS_CAPAIAN, "2020")
    assert capaian.data() == "87,5%"
    tip = capaian.data(Qt.ItemDataRole.ToolTipRole)
    assert "Target: 8" in tip and "Realisasi: 9 (dari 3 data)" in tip and "Tinggi" in tip
    # an empty month stays "no data", not 0
    kosong = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202004")
    assert kosong.data() == "–" and kosong.data(ROLE_KEADAAN) == "kosong"
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_CAPAIAN, "2020Q2").data() == "–"
    assert "Tahun 2020 87,5% (1 dari 5)" in tab.ringkasan.text()
    assert "TW I 0,0% (1 dari 5)" in tab.ringkasan.text()  # 9 against 2: lower is better


@pytest.mark.parametrize(
    ("kode", "teks", "alasan"),
    [
        ("KASUBAG-UMUM.02", "tiga", "bukan angka"),
        ("KASUBAG-UMUM.02", "-1", "tidak boleh negatif"),
        ("KASUBAG-UMUM.02", "2,5", "bilangan bulat"),
        ("SEKCAM.02", "55/50", "lebih besar dari penyebut"),
        ("SEKCAM.02", "90", "pembilang/penyebut"),
    ],
)
def test_invalid_input_is_refused_in_place_with_the_reason(tab, kode, teks, alasan):
    tab.set_jabatan(ind(kode).sasaran.jabatan_id)
    tab.show()
    index = cell(tab, kode, BARIS_REALISASI, "202001")
    assert not tab.model.setData(index, teks)
    assert tab.pesan.isVisible() and alasan in tab.pesan.text()
    assert baca_realisasi(ind(kode).id, "202001") is None
    assert tab.stack_.count() == 0


def test_percentage_and_attendance_cells(tab):
    tab.set_jabatan(jabatan_id("SEKCAM"))
    m = tab.model
    assert m.setData(cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001"), "45/50")
    assert m.setData(cell(tab, "SEKCAM.02", BARIS_REALISASI, "202002"), "5/10")
    assert cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001").data() == "90,0%"
    # Σ 50 / Σ 60, not the mean of 90% and 50%
    assert cell(tab, "SEKCAM.02", BARIS_REALISASI, "2020Q1").data() == "83,3%"
    assert "50 / 60" in cell(tab, "SEKCAM.02", BARIS_REALISASI, "2020Q1").data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert m.setData(cell(tab, "SEKCAM.01", BARIS_REALISASI, "202001"), "10/8")
    assert baca_realisasi(ind("SEKCAM.01").id, "202001") == Komponen(
        pegawai=10, hari_kerja=20, hari_tidak_masuk=8
    )
    assert cell(tab, "SEKCAM.01", BARIS_REALISASI, "202001").data() == "96,0%"
    assert cell(tab, "SEKCAM.01", BARIS_REALISASI, "202001").data(Qt.ItemDataRole.EditRole) == (
        "10/20/8"
    )


def test_undo_and_redo(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    i = ind("KASUBAG-UMUM.02")
    tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001"), "4")
    tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001"), "5")
    assert tab.stack_.count() == 2
    tab.stack_.undo()
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=4)
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001").data() == "4"
    tab.stack_.undo()
    assert baca_realisasi(i.id, "202001") is None
    tab.stack_.redo()
    tab.stack_.redo()
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=5)


def test_changed_signal_carries_the_perubahan(tab, qtbot):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    with qtbot.waitSignal(tab.changed) as blocker:
        tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020Q1"), "2")
    assert blocker.args[0].nilai and jabatan_id("KASUBAG-UMUM") in blocker.args[0].jabatan


def test_paste_from_excel_is_one_undo_step_and_all_or_nothing(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    i = ind("KASUBAG-UMUM.02")
    start = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001")
    tab.view.setCurrentIndex(start)
    QGuiApplication.clipboard().setText("1\t2\t3\r\n")
    tab.paste()
    assert [baca_realisasi(i.id, f"20200{m}") for m in (1, 2, 3)] == [
        Komponen(nilai=1),
        Komponen(nilai=2),
        Komponen(nilai=3),
    ]
    assert tab.stack_.count() == 1
    # four values from March run into the computed TW I column: refused, nothing changes
    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202003"))
    QGuiApplication.clipboard().setText("7\t8\n")
    tab.paste()
    assert "tidak dapat diisi" in tab.pesan.text()
    assert baca_realisasi(i.id, "202003") == Komponen(nilai=3)
    QGuiApplication.clipboard().setText("7\tx\n")
    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202004"))
    tab.paste()
    assert "bukan angka" in tab.pesan.text()
    assert baca_realisasi(i.id, "202004") is None
    tab.stack_.undo()
    assert baca_realisasi(i.id, "202001") is None


def test_copy_gives_the_typed_text(tab):
    tab.set_jabatan(jabatan_id("SEKCAM"))
    tab.model.setData(cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001"), "45/50")
    index = cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001")
    tab.view.selectionModel().select(index, tab.view.selectionModel().SelectionFlag.Select)
    tab.copy_selection()
    assert QGuiApplication.clipboard().text() == "45/50\n"


def test_desa_grid_edits_and_states(tab):
    d = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASI-KESOS.01")
    assert d.dari_desa
    desa = list(Desa.select().order_by(Desa.urutan))
    # a value imported from a desa file shows as imported
    from kinerja_desktop.db.models import SUMBER_IMPOR_DESA

    set_values(
        [
            NilaiMasuk(
                KunciNilai("realisasi", d.id, "202002", desa[1].id), komponen=Komponen(nilai=5)
            )
        ],
        sumber=SUMBER_IMPOR_DESA,
    )
    tab.set_jabatan(d.sasaran.jabatan_id)
    main_cell = cell(tab, "KASI-KESOS.01", BARIS_REALISASI, "202001")
    assert not (tab.model.flags(main_cell) & Qt.ItemFlag.ItemIsEditable)
    tab.select_indikator(d.id)
    md = tab.model_desa
    c1 = col_of(tab, "202001")
    assert md.setData(md.index(0, c1 - 1), "4")
    assert baca_realisasi(d.id, "202001", desa[0].id) == Komponen(nilai=4)
    assert md.index(0, c1 - 1).data(ROLE_KEADAAN) == "entri"
    assert md.index(1, c1).data(ROLE_KEADAAN) == "impor"
    assert md.index(2, c1 - 1).data(ROLE_KEADAAN) == "kosong"
    total = md.index(18, col_of(tab, "2020Q1") - 1)
    assert total.data() == "9"
    assert "2 dari 18 desa/kelurahan" in total.data(Qt.ItemDataRole.ToolTipRole)
    assert cell(tab, "KASI-KESOS.01", BARIS_REALISASI, "2020Q1").data() == "9"


def test_quarter_view_and_empty_states(tab):
    tab.set_jabatan(None)
    assert "Pilih jabatan" in tab.kosong.label.text()
    tab.set_jabatan(jabatan_id("BENDAHARA"))
    tab.mode.setCurrentIndex(tab.mode.findData(MODE_TRIWULAN))
    assert tab.model.columnCount() == 2 + 4 + 1
    # BENDAHARA.04 is reported per triwulan: its TW cells take values
    assert tab.model.setData(cell(tab, "BENDAHARA.04", BARIS_REALISASI, "2020Q1"), "1")
    assert baca_realisasi(ind("BENDAHARA.04").id, "2020Q1") == Komponen(nilai=1)


def test_screenshots(tab):
    ARTIFACTS.mkdir(exist_ok=True)
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    m = tab.model
    m.setData(cell(tab, "KASI-KESOS.02", BARIS_TARGET, "2020"), "12")
    for bulan, nilai in (("202001", "1"), ("202002", "2"), ("202003", "0")):
        m.setData(cell(tab, "KASI-KESOS.02", BARIS_REALISASI, bulan), nilai)
    d = ind("KASI-KESOS.01")
    m.setData(cell(tab, "KASI-KESOS.01", BARIS_TARGET, "2020"), "36")
    tab.select_indikator(d.id)
    for r, nilai in enumerate(("3", "0", "2", "1")):
        tab.model_desa.setData(tab.model_desa.index(r, col_of(tab, "202001") - 1), nilai)
    tab.show()
    tab.grab().save(str(ARTIFACTS / "target_tab.png"))
    tab.set_jabatan(jabatan_id("SEKCAM"))
    m.setData(cell(tab, "SEKCAM.02", BARIS_TARGET, "2020"), "90-100")
    m.setData(cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001"), "45/50")
    m.setData(cell(tab, "SEKCAM.01", BARIS_TARGET, "2020"), "95")
    m.setData(cell(tab, "SEKCAM.01", BARIS_REALISASI, "202001"), "12/20/5")
    m.setData(cell(tab, "SEKCAM.02", BARIS_REALISASI, "202002"), "60/50")
    tab.grab().save(str(ARTIFACTS / "target_tab_sekcam.png"))


def test_tab_in_the_main_window(qtbot, db, db_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.waitExposed(win)
    win.show_jabatan_view()  # the window opens on the Beranda
    titles = [win.tab_widget.tabText(i) for i in range(win.tab_widget.count())]
    assert "Target && Realisasi" in titles  # shown as "Target & Realisasi"
    tab = next(t for t in win.tabs if isinstance(t, TargetTab))
    win.tab_widget.setCurrentWidget(tab)
    win.tree.select_jabatan(jabatan_id("KASUBAG-UMUM"))
    qtbot.waitUntil(lambda: tab.jabatan_id == jabatan_id("KASUBAG-UMUM"))
    assert tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020"), "8")
    assert tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001"), "1")
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / "target_tab_window.png"))
    win.undo_stack.undo()
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202001") is None
    win.tasks.wait()


def test_keyboard_entry_and_delete(tab, qtbot):
    from PySide6.QtWidgets import QLineEdit

    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.show()
    qtbot.waitExposed(tab)
    index = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202003")
    tab.view.setCurrentIndex(index)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_1)  # typing opens the editor with the key
    editor = tab.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits through a queued call
    qtbot.waitUntil(lambda: baca_realisasi(ind("KASUBAG-UMUM.02").id, "202003") is not None)
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202003") == Komponen(nilai=12)
    tab.view.setFocus()
    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202003"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202003") is None
    assert tab.stack_.count() == 2


def test_locked_values_show_and_cannot_change(tab):
    from kinerja_desktop.db.persetujuan import take_step
    from kinerja_desktop.domain.persetujuan import Langkah

    i = ind("KASUBAG-UMUM.02")
    set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(nilai=2))])
    jabatan = i.sasaran.jabatan_id
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, jabatan, "realisasi", "2020Q1")
    tab.set_jabatan(i.sasaran.jabatan_id)
    index = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001")
    assert index.data(ROLE_KEADAAN) == "terkunci"
    assert not (tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    tab.view.setCurrentIndex(index)
    QGuiApplication.clipboard().setText("5\n")
    tab.view.selectionModel().select(index, tab.view.selectionModel().SelectionFlag.Select)
    tab.paste()
    assert "tidak dapat diisi" in tab.pesan.text()
    assert baca_realisasi(i.id, "202001") == Komponen(nilai=2)
    with pytest.raises(Terkunci, match="Triwulan I 2020 .* dikunci"):
        set_values(
            [NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(nilai=3))]
        )


def test_approved_targets_and_empty_cells_of_approved_periods_show_locked(tab):
    """Target cells are grey when the year's targets are approved, like approved realisasi;
    an empty month of an approved period is grey too, in the jabatan grid and per desa."""
    from kinerja_desktop.db.persetujuan import take_step
    from kinerja_desktop.domain.persetujuan import Langkah

    umum, kesos = jabatan_id("KASUBAG-UMUM"), jabatan_id("KASI-KESOS")
    tab.set_jabatan(umum)
    assert tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020"), "12")
    for jabatan in (umum, kesos):
        for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
            take_step(langkah, jabatan, "target", "2020")
            take_step(langkah, jabatan, "realisasi", "2020Q1")
    tab.set_jabatan(umum)
    for periode in ("2020", "2020Q1", "202001"):  # typed, typed-able and derived cells
        index = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, periode)
        assert index.data(ROLE_KEADAAN) == "terkunci", periode
        assert not (tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    tahun = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020")
    assert tahun.data() == "12"
    assert "Terkunci (disetujui)" in tahun.data(Qt.ItemDataRole.ToolTipRole)
    assert "sudah disetujui dan dikunci" in tab.model.why_fixed(tahun.row(), tahun.column())
    kosong = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202002")
    assert kosong.data(ROLE_KEADAAN) == "terkunci" and kosong.data() == "–"
    assert not (tab.model.flags(kosong) & Qt.ItemFlag.ItemIsEditable)
    bebas = cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202004")
    assert bebas.data(ROLE_KEADAAN) == "kosong"
    assert tab.model.flags(bebas) & Qt.ItemFlag.ItemIsEditable
    tab.show()
    ARTIFACTS.mkdir(exist_ok=True)
    tab.grab().save(str(ARTIFACTS / "target_tab_terkunci.png"))
    # per desa: an empty desa cell of the approved triwulan is locked, April is not
    tab.set_jabatan(kesos)
    tab.open_desa(ind("KASI-KESOS.01").id)
    md = tab.model_desa
    januari = md.index(0, col_of(tab, "202001") - 1)
    april = md.index(0, col_of(tab, "202004") - 1)
    assert januari.data(ROLE_KEADAAN) == "terkunci"
    assert not (md.flags(januari) & Qt.ItemFlag.ItemIsEditable)
    assert april.data(ROLE_KEADAAN) == "kosong" and md.flags(april) & Qt.ItemFlag.ItemIsEditable
    tab.grab().save(str(ARTIFACTS / "target_tab_terkunci_desa.png"))


def test_value_of_another_kind_is_marked_not_hidden(tab):
    i = ind("KASUBAG-UMUM.02")
    set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(nilai=2))])
    Indikator.update(jenis="persentase").where(Indikator.id == i.id).execute()
    tab.set_jabatan(i.sasaran.jabatan_id)
    assert cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001").data() == "tak sesuai"


def test_legend_fits_a_normal_window(qtbot, db, db_path):
    """At 1200×800 every colour label of the legend is shown whole (it wraps, never clips)."""
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.show_jabatan_view()  # the window opens on the Beranda
    tab = next(t for t in win.tabs if isinstance(t, TargetTab))
    win.tab_widget.setCurrentWidget(tab)
    win.tree.select_jabatan(jabatan_id("KASI-KESOS"))
    qtbot.waitUntil(lambda: tab.jabatan_id == jabatan_id("KASI-KESOS"))
    QApplication.processEvents()
    assert win.width() == 1200  # the legend does not force the window wider
    legenda = tab.legenda
    assert legenda.isVisible()
    labels = legenda.findChildren(QLabel)
    assert {lb.text() for lb in labels} >= set(KEADAAN_LABEL.values())
    kotak = legenda.rect()
    for lb in labels:
        # each label keeps the width its text needs and lies wholly inside the legend, which
        # lies wholly inside the tab
        assert lb.width() >= lb.sizeHint().width(), lb.text()
        assert kotak.contains(lb.geometry()), lb.text()
    assert tab.rect().contains(QRect(legenda.mapTo(tab, QPoint(0, 0)), legenda.size()))
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / "target_tab_window_1200.png"))
    win.tasks.wait()


def test_row_labels_fit_their_column(tab):
    """ "Realisasi Σ desa" stays on one line: the label column is as wide as its longest
    label plus the cell's text margins (it was cut to "Realisasi Σ" / "desa")."""
    from PySide6.QtWidgets import QStyle

    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    tab.show()
    view = tab.view
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    labels = {tab.model.index(r, 1).data() for r in range(tab.model.rowCount())}
    assert "Realisasi Σ desa" in labels
    widest = max(view.fontMetrics().horizontalAdvance(t) for t in labels)
    assert view.columnWidth(1) >= widest + 2 * margin


def test_desa_page_names_the_indicator_and_goes_back(tab, qtbot):
    """The desa grid of a Σ desa indicator takes the whole tab (named in full in the title);
    the button and Esc go back to the jabatan's grid."""
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    tab.show()
    assert tab.tombol_desa.isVisible()
    tab.view.setCurrentIndex(cell(tab, "KASI-KESOS.01", BARIS_TARGET, "2020"))
    assert tab.tombol_desa.isEnabled()
    qtbot.mouseClick(tab.tombol_desa, Qt.MouseButton.LeftButton)
    assert tab.is_desa_open() and tab.view_desa.isVisible()
    assert ind("KASI-KESOS.01").nama in tab.judul.text()
    assert not tab.ringkasan.isVisible()
    qtbot.keyClick(tab.view_desa, Qt.Key.Key_Escape)
    assert not tab.is_desa_open() and tab.view.isVisible()
    assert "Target dan realisasi Kasi Kesejahteraan" in tab.judul.text()
    # a jabatan without desa indicators has no such button
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    assert not tab.tombol_desa.isVisible()


def test_the_indicator_cell_names_its_unit(tab):
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    teks = tab.model.index(row_of(tab, "KASI-KESOS.01", BARIS_TARGET), 0).data()
    assert teks.splitlines()[0] == "KASI-KESOS.01"
    assert teks.endswith("Keluarga Harapan (PKH) (kegiatan)")


def test_a_long_indicator_name_is_not_cut_off(tab):
    """The three rows of an indicator grow when its wrapped code and name need more than
    their usual height (OD-PEM.04 was cut off after five lines)."""
    from PySide6.QtCore import QRect

    tab.set_jabatan(jabatan_id("OD-PEM"))
    view = tab.view
    for i in range(len(tab.model.nilai)):
        teks = tab.model.index(i * 3, 0).data()
        perlu = (
            view.fontMetrics()
            .boundingRect(
                QRect(0, 0, view.columnWidth(0) - 16, 100000), Qt.TextFlag.TextWordWrap, teks
            )
            .height()
        )
        assert sum(view.rowHeight(r) for r in range(i * 3, i * 3 + 3)) >= perlu
    assert max(view.rowHeight(r) for r in range(tab.model.rowCount())) > 26  # one grew


# -- issue 16: labels that stay, scroll that resets, all desa, entries that explain ----------


def _main_window(qtbot, db_path, width, height):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    qtbot.waitExposed(win)
    win.show_jabatan_view()  # the window opens on the Beranda
    tab = next(t for t in win.tabs if isinstance(t, TargetTab))
    win.tab_widget.setCurrentWidget(tab)
    return win, tab


def _choose(win, tab, qtbot, kode):
    win.tree.select_jabatan(jabatan_id(kode))
    qtbot.waitUntil(lambda: tab.jabatan_id == jabatan_id(kode))
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_label_columns_stay_and_scroll_resets_for_another_jabatan(qtbot, db, db_path, size):
    """Scrolled to December, the indicator names and the Target/Realisasi/Capaian labels are
    still in sight; choosing another jabatan opens it at January, not scrolled."""
    win, tab = _main_window(qtbot, db_path, *size)
    _choose(win, tab, qtbot, "KASI-KESOS")
    # beside the tree of a 1024-pixel window the labels leave room for four months at least
    tw1 = col_of(tab, "2020Q1")
    assert tab.view.columnViewportPosition(tw1) + tab.view.columnWidth(tw1) <= (
        tab.view.viewport().width()
    )
    bar = tab.view.horizontalScrollBar()
    assert bar.maximum() > 0  # the months do not fit: the grid scrolls sideways
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    frozen = tab.view.frozen
    assert frozen.isVisible() and frozen.x() <= tab.view.frameWidth() + 1
    for kolom in (0, 1):
        rect = frozen.visualRect(tab.model.index(0, kolom))
        assert not frozen.isColumnHidden(kolom)
        assert frozen.viewport().rect().contains(rect.center()), kolom
    assert frozen.width() >= tab.view.columnWidth(0) + tab.view.columnWidth(1)
    assert tab.model.index(0, 0).data().startswith("KASI-KESOS.01")
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / f"target_grid_scrolled_{size[0]}.png"))
    _choose(win, tab, qtbot, "KASUBAG-UMUM")
    assert bar.value() == 0 and tab.view.verticalScrollBar().value() == 0
    # January is the first column beside the labels
    jan = col_of(tab, "202001")
    assert tab.view.columnViewportPosition(jan) == tab.view.lebar_beku()
    win.tasks.wait()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_desa_page_shows_every_desa_at_once(qtbot, db, db_path, size):
    win, tab = _main_window(qtbot, db_path, *size)
    _choose(win, tab, qtbot, "KASI-KESOS")
    assert tab.open_desa(ind("KASI-KESOS.01").id)
    QApplication.processEvents()
    view = tab.view_desa
    assert tab.model_desa.rowCount() == 19
    last = tab.model_desa.rowCount() - 1
    bottom = view.rowViewportPosition(last) + view.rowHeight(last)
    win.grab().save("/tmp/desa30.png")
    assert bottom <= view.viewport().height(), (bottom, view.viewport().height())
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / f"target_desa_page_{size[0]}.png"))
    win.tasks.wait()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_a_kecamatan_of_30_desa_and_a_retired_desa_in_the_desa_page(qtbot, db, db_path, size):
    """30 desa fit a 1366 × 768 window (rows of one line of text); beside the tree of a
    1024-pixel window the last rows are a scroll away, their names scrolling with them. A desa
    retired in June reads so, and its cells from June on take no value, saying why."""
    from kinerja_desktop.db.kantor import add_desa, retire_desa

    for n in range(12):
        add_desa(f"35.07.13.20{30 + n}", f"Tambahan {n + 1}")
    retire_desa("35.07.13.2001", "2020-06")  # Kemiri
    retire_desa("35.07.13.2002", "2020-01")  # Sengguruh: retired before 2020 began
    win, tab = _main_window(qtbot, db_path, *size)
    _choose(win, tab, qtbot, "KASI-KESOS")
    assert tab.open_desa(ind("KASI-KESOS.01").id)
    QApplication.processEvents()
    view, model = tab.view_desa, tab.model_desa
    assert model.rowCount() == 18 + 12 - 1 + 1  # Sengguruh reports nothing in 2020
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Desa Kemiri (nonaktif)" in names
    assert not any("Sengguruh" in n for n in names)
    last = model.rowCount() - 1
    assert view.rowHeight(0) > view.fontMetrics().height()  # still a readable line
    # the names are the rows beside them
    assert [view.frozen.rowHeight(r) for r in range(last + 1)] == [
        view.rowHeight(r) for r in range(last + 1)
    ]
    if size[0] == 1366:
        bottom = view.rowViewportPosition(last) + view.rowHeight(last)
        assert bottom <= view.viewport().height(), (bottom, view.viewport().height())
    view.scrollTo(model.index(last, 3))
    QApplication.processEvents()
    rect = view.frozen.visualRect(model.index(last, 0))
    assert view.frozen.viewport().rect().contains(rect)  # "Jumlah kecamatan" in sight
    kemiri = names.index("Desa Kemiri (nonaktif)")
    assert "Nonaktif sejak Juni 2020" in model.index(kemiri, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.is_editable(kemiri, col_of_desa(tab, "202005"))
    juni = col_of_desa(tab, "202006")
    assert not model.is_editable(kemiri, juni)
    assert "nonaktif sejak Juni 2020" in model.why_fixed(kemiri, juni)
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / f"target_desa_30_{size[0]}.png"))
    win.tasks.wait()


def col_of_desa(tab, periode_id):
    model = tab.model_desa
    kolom = {c: model.periode_kolom(c) for c in range(model.columnCount())}
    return next(c for c, p in kolom.items() if p is not None and p.id == periode_id)


def test_typing_in_a_month_target_says_where_targets_go(tab, qtbot):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.show()
    qtbot.waitExposed(tab)
    tab.view.setFocus()
    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "202001"))
    qtbot.keyClick(tab.view, Qt.Key.Key_5)
    assert tab.pesan.isVisible()
    assert "per tahun atau per triwulan" in tab.pesan.text()
    assert "ketik di kolom TW atau Tahun" in tab.pesan.text()
    # a computed total says so too
    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", BARIS_CAPAIAN, "202001"))
    qtbot.keyClick(tab.view, Qt.Key.Key_5)
    assert "dihitung" in tab.pesan.text()


def test_a_refused_entry_opens_again_with_what_was_typed(tab, qtbot):
    from PySide6.QtWidgets import QLineEdit

    tab.set_jabatan(jabatan_id("SEKCAM"))
    tab.show()
    qtbot.waitExposed(tab)
    index = cell(tab, "SEKCAM.02", BARIS_REALISASI, "202001")
    tab.view.setFocus()
    tab.view.setCurrentIndex(index)
    qtbot.keyClick(tab.view, Qt.Key.Key_6)  # typing opens the editor with the key
    editor = tab.view.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "0/50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def editor_again():
        found = [e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible()]
        return bool(found) and found[0].text() == "60/50"

    # the delegate commits through a queued call
    qtbot.waitUntil(lambda: "lebih besar dari penyebut" in tab.pesan.text())
    qtbot.waitUntil(editor_again)
    assert tab.view.currentIndex() == index
    assert baca_realisasi(ind("SEKCAM.02").id, "202001") is None
    # corrected in place, it is saved
    editor = next(e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.setText("45/50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: baca_realisasi(ind("SEKCAM.02").id, "202001") is not None)
    assert baca_realisasi(ind("SEKCAM.02").id, "202001") == Komponen(pembilang=45, penyebut=50)


def test_the_refusal_floats_and_goes_away(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    tab.show()
    top = tab.view.mapTo(tab, QPoint(0, 0)).y()
    assert not tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_REALISASI, "202001"), "x")
    QApplication.processEvents()
    assert tab.pesan.isVisible()
    assert tab.view.mapTo(tab, QPoint(0, 0)).y() == top  # the table was not pushed down
    assert tab.rect().contains(tab.pesan.geometry())
    assert tab.pesan.timer.isActive()  # it goes by itself
    tab.pesan.timer.timeout.emit()
    assert not tab.pesan.isVisible()


def test_a_percent_sign_in_a_target_is_explained(tab):
    tab.set_jabatan(jabatan_id("SEKCAM"))
    assert not tab.model.setData(cell(tab, "SEKCAM.02", BARIS_TARGET, "2020"), "90%")
    assert "tanpa tanda %" in tab.pesan.text() and "misalnya 90" in tab.pesan.text()
    assert tab.model.setData(cell(tab, "SEKCAM.02", BARIS_TARGET, "2020"), "90")
    assert parse_cell_target(ind("SEKCAM.02").id, "2020") == Target(90)


def test_derived_targets_show_in_their_cells_marked_otomatis(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    assert tab.model.setData(cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020"), "12")
    jan = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "202001")
    assert jan.data() == "1" and jan.data(ROLE_KEADAAN) == "otomatis"
    assert jan.data(Qt.ItemDataRole.FontRole).italic()
    assert "Target otomatis" in jan.data(Qt.ItemDataRole.ToolTipRole)
    tw = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020Q1")
    assert tw.data() == "3" and tw.data(ROLE_KEADAAN) == "otomatis"
    typed = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020")
    assert typed.data(ROLE_KEADAAN) == "entri"
    legend = {lb.text(): lb.toolTip() for lb in tab.legenda.findChildren(QLabel)}
    assert "dihitung dari target tahun" in legend["Target otomatis"]


def test_the_capaian_line_equals_the_cells(tab):
    """Targets only for TW I and a January value from the desa: the line says TW I as the
    cells do, and the year as "belum ada data" as its column does (no year target)."""
    tab.set_jabatan(jabatan_id("KASI-KESOS"))
    d = ind("KASI-KESOS.01")
    assert tab.model.setData(cell(tab, "KASI-KESOS.01", BARIS_TARGET, "2020Q1"), "4")
    desa = Desa.select().order_by(Desa.urutan).first()
    set_values(
        [NilaiMasuk(KunciNilai("realisasi", d.id, "202001", desa.id), komponen=Komponen(nilai=5))]
    )
    tab.reload()
    for pid in ("2020Q1", "2020Q2", "2020"):
        shown = [
            tab.model.index(i * 3 + BARIS_CAPAIAN, col_of(tab, pid)).data()
            for i in range(len(tab.model.nilai))
        ]
        nilai = [x for x in shown if x != "–"]
        label = (
            "Tahun 2020"
            if pid == "2020"
            else tab.model.periode_kolom(col_of(tab, pid)).label_pendek
        )
        if nilai:
            assert nilai == ["125,0%"]
            assert f"{label} 125,0% (1 dari 11)" in tab.ringkasan.text()
        else:
            assert f"{label} belum ada data" in tab.ringkasan.text()
    assert "Tahun: realisasi sejauh ini dibanding target setahun" in tab.ringkasan.text()


def test_a_value_changed_on_another_pc_is_shown_not_overwritten(tab):
    tab.set_jabatan(jabatan_id("KASUBAG-UMUM"))
    target = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020")
    assert tab.model.setData(target, "5")
    # another operator, on another PC, saves 7 while this grid still shows 5
    kunci = KunciNilai("target", ind("KASUBAG-UMUM.02").id, "2020")
    set_values([NilaiMasuk(kunci, target=Target(7))])
    tab.model.setData(target, "6")
    assert not tab.pesan.isHidden()
    assert "sudah diubah dari komputer lain" in tab.pesan.text()
    assert "sekarang 7" in tab.pesan.text()
    target = cell(tab, "KASUBAG-UMUM.02", BARIS_TARGET, "2020")
    assert target.data(Qt.ItemDataRole.EditRole) == "7"  # the new value, shown
    assert read_row(kunci)["nilai"] == 7
