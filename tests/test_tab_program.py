"""The Program & Aksi tab on its own: programs, kegiatan and anggaran typed the Indonesian way,
actions with sub-actions and penanggung jawab, the quarterly budget realised and kendala; every
edit undone and redone; an approved quarter read-only."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.queries_program import (
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
    read_rencana_aksi,
)
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.ui.tabs.program_tab import ProgramTab

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def tab(db, qtbot):
    stack = QUndoStack()
    widget = ProgramTab(stack)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.stack_ = stack  # keep the stack alive as long as the tab
    widget.set_jabatan(Jabatan.get(Jabatan.kode == "SEKCAM", Jabatan.tahun == 2020).id)
    return widget


def _ketik(model, index, teks):
    assert model.setData(index, teks, Qt.ItemDataRole.EditRole)
    QApplication.processEvents()  # the edit is pushed once the editor has closed


def test_plan_and_monev_typed_in_the_tab_undone_and_redone(tab, qtbot):
    assert tab.model_program.rowCount() == 0
    qtbot.mouseClick(tab.btn_program, Qt.MouseButton.LeftButton)
    m = tab.model_program
    _ketik(m, m.index(0, 0), "Program Penunjang Urusan Pemerintahan")
    tab.view_program.setCurrentIndex(m.index(0, 0))
    qtbot.mouseClick(tab.btn_kegiatan, Qt.MouseButton.LeftButton)
    _ketik(m, m.index(0, 2, m.index(0, 0)), "Rp 1.250.000.000")
    assert m.index(0, 2).data() == "Rp 1.250.000.000"  # the program sums its kegiatan
    assert read_kegiatan(2020)[0].anggaran == 1_250_000_000
    _ketik(m, m.index(0, 2, m.index(0, 0)), "12a")  # refused in place, nothing pushed
    assert "bukan jumlah Rupiah" in tab.pesan.text() and tab.stack_.count() == 4
    # a second kegiatan, anggaran not yet known: the program's is not either, as in the PK
    # and the LKjIP; the part entered is in the tooltip; undone, the total is back
    tab.view_program.setCurrentIndex(m.index(0, 0))
    qtbot.mouseClick(tab.btn_kegiatan, Qt.MouseButton.LeftButton)
    assert m.index(0, 2).data() == "belum lengkap"
    assert "Terisi Rp 1.250.000.000" in m.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    tab.stack_.undo()
    QApplication.processEvents()
    assert m.index(0, 2).data() == "Rp 1.250.000.000"

    qtbot.mouseClick(tab.btn_aksi, Qt.MouseButton.LeftButton)
    a = tab.model_aksi
    tab.view_aksi.setCurrentIndex(a.index(0, 0))
    qtbot.mouseClick(tab.btn_sub, Qt.MouseButton.LeftButton)
    _ketik(a, a.index(0, 1), "Bendahara")  # a jabatan of the year: stored as the jabatan
    _ketik(a, a.index(0, 1, a.index(0, 0)), "BPKAD Kabupaten Malang")
    _ketik(a, a.index(0, 2), "✓")
    utama, sub = read_rencana_aksi(2020)
    assert utama.penanggung_jawab_id is not None and utama.tw[0] == "✓"
    assert sub.induk_id == utama.id and sub.penanggung_jawab == "BPKAD Kabupaten Malang"

    tab.halaman.setCurrentIndex(2)
    r = tab.monev.model_realisasi
    _ketik(r, r.index(0, 2, r.index(0, 0)), "500.000.000")
    assert r.index(0, 3).data() == "Rp 500.000.000 (40,0%)"
    _ketik(tab.monev.model_keterangan, tab.monev.model_keterangan.index(0, 2), "Hujan deras")
    assert [c.kendala for c in read_keterangan(2020).values()] == ["Hujan deras"]
    ARTIFACTS.mkdir(exist_ok=True)
    tab.grab().save(str(ARTIFACTS / "tab_program_monev.png"))

    langkah = tab.stack_.count()
    for _ in range(langkah):
        tab.stack_.undo()
    assert read_program(2020) == [] and read_rencana_aksi(2020) == []
    assert read_realisasi_anggaran(2020) == [] and read_keterangan(2020) == {}
    for _ in range(langkah):
        tab.stack_.redo()
    assert read_realisasi_anggaran(2020)[0].nilai == 500_000_000
    assert len(read_rencana_aksi(2020)) == 2 and read_keterangan(2020)


def test_a_move_undone_and_redone_is_logged_as_undo_and_redo(tab, qtbot):
    """Riwayat Perubahan names a move's undo "Urungkan" and its redo "Ulangi", not an entry
    typed in the table."""
    for _ in range(2):
        qtbot.mouseClick(tab.btn_program, Qt.MouseButton.LeftButton)
    m = tab.model_program
    _ketik(m, m.index(0, 0), "Program Satu")
    _ketik(m, m.index(1, 0), "Program Dua")
    tab.view_program.setCurrentIndex(m.index(1, 0))
    qtbot.mouseClick(tab.btn_naik_program, Qt.MouseButton.LeftButton)
    assert [p.nama for p in read_program(2020)] == ["Program Dua", "Program Satu"]
    tab.stack_.undo()
    assert [p.nama for p in read_program(2020)] == ["Program Satu", "Program Dua"]
    tab.stack_.redo()
    baris = read_audit(SaringAudit(tahun=2020), batas=3)
    assert [(b.aksi, b.lama, b.baru) for b in reversed(baris)] == [
        ("Isian di tabel", "Program Dua (urutan 2)", "Program Dua (urutan 1)"),
        ("Urungkan", "Program Dua (urutan 1)", "Program Dua (urutan 2)"),
        ("Ulangi", "Program Dua (urutan 2)", "Program Dua (urutan 1)"),
    ]


def test_an_approved_quarter_is_read_only(tab, qtbot):
    qtbot.mouseClick(tab.btn_program, Qt.MouseButton.LeftButton)
    tab.view_program.setCurrentIndex(tab.model_program.index(0, 0))
    qtbot.mouseClick(tab.btn_kegiatan, Qt.MouseButton.LeftButton)
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, tab.jabatan_id, "realisasi", "2020Q1")
    tab.reload()
    r = tab.monev.model_realisasi
    sel = r.index(0, 2, r.index(0, 0))
    assert not r.itemFromIndex(sel).isEditable()
    assert "sudah disetujui" in tab.monev.label_kunci.text()
    assert not tab.monev.model_keterangan.item(0, 2).isEditable()
    tab.monev.combo_periode.setCurrentIndex(1)  # Triwulan II stays open
    tab.monev.combo_periode.activated.emit(1)
    assert r.itemFromIndex(r.index(0, 2, r.index(0, 0))).isEditable()


def test_a_penanggung_jawab_picked_from_the_list_is_that_jabatan_even_when_names_repeat(tab):
    from PySide6.QtWidgets import QStyleOptionViewItem

    sama_nama = [j for j in tab.pilihan.jabatan if j[1] == "Pengadministrasi Pemerintahan"]
    assert len(sama_nama) == 2  # the decree has two positions of that title
    tab.btn_aksi.click()
    a = tab.model_aksi
    sel = a.index(0, 1)
    editor = tab.delegate_pj.createEditor(tab.view_aksi, QStyleOptionViewItem(), sel)
    editor.setCurrentIndex(editor.findData(sama_nama[1][0]))
    tab.delegate_pj.setModelData(editor, a, sel)
    QApplication.processEvents()
    [aksi] = read_rencana_aksi(2020)
    assert aksi.penanggung_jawab_id == sama_nama[1][0]
    assert aksi.penanggung_jawab == "Pengadministrasi Pemerintahan"
    editor.deleteLater()


# the offscreen platform (no screen in tests) warns that it cannot size a modal dialog's window
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_kendala_typed_from_the_target_grid_cell_menu_is_one_undo_step(db, qtbot):
    from PySide6.QtCore import QTimer

    from kinerja_desktop.ui.keterangan_dialog import KeteranganDialog
    from kinerja_desktop.ui.tabs.target_tab import TargetTab

    stack = QUndoStack()
    grid = TargetTab(stack)
    qtbot.addWidget(grid)
    grid.resize(1100, 700)
    grid.set_jabatan(Jabatan.get(Jabatan.kode == "SEKCAM", Jabatan.tahun == 2020).id)
    kolom = next(
        c
        for c in range(grid.model.columnCount())
        if (p := grid.model.periode_kolom(c)) is not None and p.id == "2020Q1"
    )
    grid.view.setCurrentIndex(grid.model.index(1, kolom))

    def isi() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KeteranganDialog)
        dialog.kendala.setPlainText("Dua pegawai cuti")
        ARTIFACTS.mkdir(exist_ok=True)
        dialog.grab().save(str(ARTIFACTS / "kendala_dialog.png"))
        dialog.accept()

    QTimer.singleShot(0, isi)
    grid.edit_kendala()
    [(kunci, catatan)] = read_keterangan(2020).items()
    assert kunci[1] == "2020Q1" and catatan.kendala == "Dua pegawai cuti"
    stack.undo()
    assert read_keterangan(2020) == {}
    stack.redo()
    assert read_keterangan(2020)
