"""The tabs, the SKP editor and the dialogs read the database in their slots through the runner
(TabDasar.read, Pelaksana.read, run_once of ui/operations): on a database file that has gone
bad, a value typed in the grid, a program renamed, a note written, a period, view, jabatan or
desa grid chosen, another pegawai or evaluation period in the SKP editor, Riwayat Perubahan's
filter and Cetak SKP's pegawai each say so in Indonesian where the operator asked (over the tab,
on a dialog's red line), change nothing, keep what was typed (an editor opened again, a dialog
kept open, a note offered again) and the choice shown, and show no box; with the file whole
again the edit goes through."""

from pathlib import Path

import pytest
from damaged_file import damage, make_whole
from nilai_bantuan import baca_realisasi
from operator_boxes import watch_boxes
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit
from skp_bantuan import isi_kantor

from kinerja_desktop.db import ops_program
from kinerja_desktop.db.models import Indikator, Jabatan
from kinerja_desktop.db.ops_program import IsiProgram
from kinerja_desktop.db.queries_program import read_keterangan, read_program
from kinerja_desktop.domain.capaian import Komponen
from kinerja_desktop.ui.skp_editor import SkpEditor
from kinerja_desktop.ui.tabs.program_tab import ProgramTab
from kinerja_desktop.ui.tabs.target_model import BARIS_REALISASI
from kinerja_desktop.ui.tabs.target_tab import TargetTab

ARTIFACTS = Path(__file__).parent / "artifacts"
# the offscreen platform warns on show(); harmless here
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _jabatan(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def _rusak(pesan: str, db_path: Path) -> bool:
    """The words explain_failure gives for a damaged file (its exact words belong to it)."""
    return pesan.startswith(f"Berkas {db_path} rusak atau bukan basis data.")


@pytest.fixture
def boxes(qtbot):
    """Every message box shown (none is expected: the tab says it in place)."""
    seen: list[dict[str, str]] = []
    watcher = watch_boxes(seen)
    yield seen
    watcher.stop()


@pytest.fixture
def target(db, qtbot):
    stack = QUndoStack()
    tab = TargetTab(stack)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.stack_ = stack  # alive as long as the tab
    tab.set_jabatan(_jabatan("KASUBAG-UMUM"))
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _cell(tab: TargetTab, kode: str, periode: str):
    row = next(i for i, n in enumerate(tab.model.nilai) if n.info.kode == kode)
    col = next(
        c
        for c in range(tab.model.columnCount())
        if (p := tab.model.periode_kolom(c)) is not None and p.id == periode
    )
    return tab.model.index(row * 3 + BARIS_REALISASI, col)


def _open_editor(tab: TargetTab) -> QLineEdit | None:
    """The cell editor open in the grid (a closed one waits a moment to be deleted)."""
    shown = [e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return shown[0] if shown else None


def test_a_value_typed_on_a_damaged_database_is_refused_in_the_tab_and_kept(
    target, db_path, qtbot, boxes
):
    indeks = _cell(target, "KASUBAG-UMUM.02", "202003")
    tampil = indeks.data()
    whole = damage(db_path)
    target.view.setCurrentIndex(indeks)
    target.view.setFocus()
    qtbot.keyClick(target.view, Qt.Key.Key_1)  # typing opens the editor with the key
    qtbot.keyClicks(_open_editor(target), "2")
    qtbot.keyClick(_open_editor(target), Qt.Key.Key_Return)  # checked against the file first
    qtbot.waitUntil(lambda: target.pesan.isVisible())
    assert _rusak(target.pesan.text(), db_path)
    assert _cell(target, "KASUBAG-UMUM.02", "202003").data() == tampil  # unchanged
    qtbot.waitUntil(lambda: _open_editor(target) is not None)  # open again with what was typed
    editor = _open_editor(target)
    assert editor.text() == "12"
    assert target.stack_.count() == 0 and boxes == []
    ARTIFACTS.mkdir(exist_ok=True)
    target.grab().save(str(ARTIFACTS / "tab_target_berkas_rusak.png"))

    make_whole(db_path, whole)  # the backup restored: the same Enter saves it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: target.stack_.count() == 1)
    i = Indikator.get(Indikator.kode == "KASUBAG-UMUM.02", Indikator.tahun == 2020)
    assert baca_realisasi(i.id, "202003") == Komponen(nilai=12)


def test_choosing_on_a_damaged_database_says_so_in_the_tab(target, db_path, qtbot, boxes):
    judul, kesos = target.judul.text(), _jabatan("KASI-KESOS")
    periode, status = target.persetujuan.periode.currentText(), target.persetujuan.status.text()
    kolom = target.model.columnCount()
    damage(db_path)
    target.persetujuan.periode.setCurrentIndex(2)  # another period for approval: read again
    assert _rusak(target.pesan.text(), db_path)
    # the choice goes back to the period whose state is shown
    assert target.persetujuan.periode.currentText() == periode
    assert target.persetujuan.status.text() == status
    target.hide_error()
    target.mode.setCurrentIndex(1)  # triwulan only: the grid is read again
    assert _rusak(target.pesan.text(), db_path)
    assert target.mode.currentIndex() == 0 and target.model.columnCount() == kolom
    target.set_jabatan(kesos)  # another jabatan in the tree
    assert _rusak(target.pesan.text(), db_path)
    assert target.judul.text() == judul  # what was shown stays, not half of another
    QApplication.processEvents()
    assert boxes == []


def test_a_desa_grid_asked_for_on_a_damaged_database_says_so_in_the_tab(
    target, db_path, qtbot, boxes
):
    target.set_jabatan(_jabatan("KASI-KESOS"))
    per_desa = Indikator.get(Indikator.kode == "KASI-KESOS.01", Indikator.tahun == 2020).id
    damage(db_path)
    target.open_desa(per_desa)  # its desa/kelurahan are read for the grid
    assert _rusak(target.pesan.text(), db_path)
    assert not target.is_desa_open()  # the jabatan's grid stays, not an empty desa grid
    QApplication.processEvents()
    assert boxes == []


@pytest.fixture
def program(db, qtbot):
    jabatan = _jabatan("SEKCAM")
    ops_program.add_program(jabatan, IsiProgram("Program Penunjang Urusan Pemerintahan"))
    stack = QUndoStack()
    tab = ProgramTab(stack)
    qtbot.addWidget(tab)
    tab.resize(900, 650)
    tab.stack_ = stack
    tab.set_jabatan(jabatan)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _ketik(model, index, teks: str) -> None:
    assert model.setData(index, teks, Qt.ItemDataRole.EditRole)
    QApplication.processEvents()  # the edit is pushed once the editor has closed


def _diketik(view: QAbstractItemView) -> str | None:
    """The text of the editor open in ``view`` (None when none is open)."""
    for editor in view.viewport().findChildren(QLineEdit):
        if editor.isVisible():
            return editor.text()
    for teks in view.viewport().findChildren(QPlainTextEdit):
        if teks.isVisible():
            return teks.toPlainText()
    return None


def test_a_program_renamed_on_a_damaged_database_is_refused_in_the_tab(
    program, db_path, qtbot, boxes
):
    m = program.model_program
    whole = damage(db_path)
    _ketik(m, m.index(0, 0), "Program Pelayanan Administrasi")
    assert _rusak(program.pesan.text(), db_path)
    assert m.index(0, 0).data() == "Program Penunjang Urusan Pemerintahan"
    assert _diketik(program.view_program) == "Program Pelayanan Administrasi"  # kept, open
    assert program.stack_.count() == 0 and boxes == []
    ARTIFACTS.mkdir(exist_ok=True)
    program.grab().save(str(ARTIFACTS / "tab_program_berkas_rusak.png"))
    program.view_program.setCurrentIndex(m.index(0, 0))  # what it links to cannot be read
    assert not program.combo_tautan.isEnabled()

    make_whole(db_path, whole)
    assert [p.nama for p in read_program(2020)] == ["Program Penunjang Urusan Pemerintahan"]
    _ketik(m, m.index(0, 0), "Program Pelayanan Administrasi")
    assert [p.nama for p in read_program(2020)] == ["Program Pelayanan Administrasi"]


def test_a_note_written_on_a_damaged_database_is_refused_in_the_tab(
    program, db_path, qtbot, boxes
):
    program.halaman.setCurrentIndex(2)
    k = program.monev.model_keterangan
    whole = damage(db_path)
    _ketik(k, k.index(0, 2), "Hujan deras")
    assert _rusak(program.pesan.text(), db_path)
    assert _diketik(program.monev.view_keterangan) == "Hujan deras"  # kept, open to save again
    assert program.stack_.count() == 0
    program.hide_error()
    triwulan = program.monev.combo_periode.currentIndex()
    program.monev.combo_periode.setCurrentIndex((triwulan + 1) % 4)  # another triwulan
    program.monev.combo_periode.activated.emit((triwulan + 1) % 4)
    assert _rusak(program.pesan.text(), db_path)
    assert program.monev.combo_periode.currentIndex() == triwulan  # the one still shown
    assert boxes == []
    make_whole(db_path, whole)
    assert read_keterangan(2020) == {}


def test_choosing_in_the_skp_editor_on_a_damaged_database_says_so_on_its_red_line(
    db, db_path, qtbot, boxes
):
    isi_kantor()
    editor = SkpEditor(None, 2020)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    ani = next(
        i for i in range(editor.pegawai.count()) if editor.pegawai.itemText(i).startswith("Ani")
    )
    editor.pegawai.setCurrentIndex(0 if editor.pegawai.currentIndex() == ani else ani)
    pihak, pegawai = editor.pihak.text(), editor.pegawai.currentText()
    editor.tabs.setCurrentWidget(editor.evaluasi)
    editor.evaluasi.catatan.setPlainText("Perlu pendampingan penyusunan laporan")  # typed
    damage(db_path)
    editor.pegawai.setCurrentIndex(ani if editor.pegawai.currentIndex() != ani else 0)
    assert editor.galat.isVisible() and _rusak(editor.galat.text(), db_path)
    assert editor.pihak.text() == pihak  # still the SKP that is shown, not half of another
    assert editor.pegawai.currentText() == pegawai  # and the choice says so
    editor.galat.hide()
    editor.evaluasi.periode.setCurrentIndex(1)  # another evaluation period
    assert editor.galat.isVisible() and _rusak(editor.galat.text(), db_path)
    assert editor.evaluasi.periode.currentIndex() == 0  # the year's evaluation is shown
    assert editor.evaluasi.catatan.toPlainText() == "Perlu pendampingan penyusunan laporan"
    editor.tahun.currentIndexChanged.emit(0)  # the year's list read again
    assert _rusak(editor.galat.text(), db_path)
    ARTIFACTS.mkdir(exist_ok=True)
    editor.grab().save(str(ARTIFACTS / "skp_editor_berkas_rusak.png"))
    QApplication.processEvents()
    assert boxes == []


def test_dialogs_reading_on_a_damaged_database_say_so_and_keep_the_choice(
    db, db_path, qtbot, boxes
):
    from kinerja_desktop.ui.riwayat_dialog import DialogRiwayat
    from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog

    isi_kantor()
    riwayat = DialogRiwayat(None, 2020)
    qtbot.addWidget(riwayat)
    cetak = SkpLaporanDialog(None, 2020)
    qtbot.addWidget(cetak)
    riwayat.pengguna.setCurrentIndex(riwayat.pengguna.count() - 1)  # a filter chosen
    saring = riwayat.chosen_filter()
    baris = riwayat.tabel.rowCount()
    damage(db_path)
    riwayat.tampilkan.click()  # the log read again with that filter
    assert _rusak(riwayat.jumlah.text(), db_path)
    assert riwayat.chosen_filter() == saring and riwayat.tabel.rowCount() == baris
    cetak.pegawai.setCurrentIndex(1)  # one pegawai: the signer and what is missing are read
    assert not cetak.galat.isHidden() and _rusak(cetak.galat.text(), db_path)
    assert cetak.pegawai.currentIndex() == 1
    riwayat.show()
    qtbot.waitExposed(riwayat)
    ARTIFACTS.mkdir(exist_ok=True)
    riwayat.grab().save(str(ARTIFACTS / "riwayat_berkas_rusak.png"))
    QApplication.processEvents()
    assert boxes == []


def test_a_note_not_saved_keeps_its_dialog_open_with_what_was_typed(
    target, db_path, qtbot, boxes
):
    from PySide6.QtCore import QTimer

    from kinerja_desktop.ui.keterangan_dialog import KeteranganDialog

    indeks = _cell(target, "KASUBAG-UMUM.02", "202001")
    target.view.setCurrentIndex(target.model.index(indeks.row(), indeks.column()))
    dilihat: list[dict[str, str]] = []
    whole: list[bytes] = []

    def isi() -> None:  # typed, then the file goes bad before Simpan
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KeteranganDialog)
        dialog.kendala.setPlainText("Dua pegawai cuti")
        whole.append(damage(db_path))
        QTimer.singleShot(0, lihat)
        dialog.accept()

    def lihat() -> None:  # opened again: what was typed and why it was not saved
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeteranganDialog):
            QTimer.singleShot(10, lihat)
            return
        dilihat.append({"kendala": dialog.kendala.toPlainText(), "pesan": dialog.terkunci.text()})
        ARTIFACTS.mkdir(exist_ok=True)
        dialog.grab().save(str(ARTIFACTS / "kendala_berkas_rusak.png"))
        make_whole(db_path, whole[0])
        dialog.accept()  # saved now

    QTimer.singleShot(0, isi)
    target.edit_kendala()
    assert dilihat[0]["kendala"] == "Dua pegawai cuti" and _rusak(dilihat[0]["pesan"], db_path)
    assert [c.kendala for c in read_keterangan(2020).values()] == ["Dua pegawai cuti"]
    assert target.stack_.count() == 1 and boxes == []


def test_a_note_for_a_step_not_taken_is_offered_again(target, db_path, qtbot, monkeypatch, boxes):
    from PySide6.QtWidgets import QInputDialog

    from kinerja_desktop.db.persetujuan import status_persetujuan, take_step
    from kinerja_desktop.domain.persetujuan import Langkah

    jabatan = _jabatan("KASUBAG-UMUM")
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, jabatan, "realisasi", "2020Q1")
    bar = target.persetujuan
    bar.select("realisasi", "2020Q1")
    ditawarkan: list[str] = []

    def ketik(*args: object) -> tuple[str, bool]:
        ditawarkan.append(str(args[4]) if len(args) > 4 else "")  # the text it opens with
        return ("Salah ketik Januari", True)

    monkeypatch.setattr(QInputDialog, "getText", ketik)
    whole = damage(db_path)
    bar.tombol[Langkah.BUKA_KUNCI].click()  # the unlock cannot be written
    assert _rusak(target.pesan.text(), db_path)
    make_whole(db_path, whole)
    bar.tombol[Langkah.BUKA_KUNCI].click()  # asked again: the note typed is there
    assert ditawarkan == ["", "Salah ketik Januari"]
    assert not status_persetujuan(jabatan, "realisasi", "2020Q1").terkunci
    assert boxes == []
