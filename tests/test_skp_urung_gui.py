"""The SKP editor's removals undone as the operator would: Hapus baris… and Hapus SKP… say
what goes, Ctrl+Z in the editor puts it back as it was (read through the application's own
reads), Ctrl+Y removes it again, the window's own steps are left to the window, a step left
on the window's stack is undone from Sunting › Urungkan after the editor has gone, and an
undo that clashes is refused in red."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from skp_bantuan import isi_kantor

from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.db.ops_skp_evaluasi import set_evaluasi, set_realisasi_skp
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.queries_skp import evaluasi_skp, read_skp
from kinerja_desktop.db.queries_skp_tahun import daftar_skp
from kinerja_desktop.domain.skp import Rating
from kinerja_desktop.errors import TidakDitemukan
from kinerja_desktop.ui.riwayat_dialog import DialogRiwayat
from kinerja_desktop.ui.skp_editor import SkpEditor

ARTIFACTS = Path(__file__).parent / "artifacts"
ANI = "Ani Rahmawati"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _answer_removal(png: str = "") -> list[str]:
    """Choose Hapus in the next removal question (its picture saved as ``png`` when named);
    the list returned then holds what it said (its text, then its informative text)."""
    dikatakan: list[str] = []
    timer = QTimer()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            timer.stop()
            dikatakan.extend([box.text(), box.informativeText()])
            if png:
                ARTIFACTS.mkdir(exist_ok=True)
                box.grab().save(str(ARTIFACTS / png))
            next(b for b in box.buttons() if b.text() == "Hapus").click()

    timer.timeout.connect(answer)
    timer.start(20)
    _TIMERS.append(timer)
    return dikatakan


_TIMERS: list[QTimer] = []


@pytest.fixture(autouse=True)
def _timers_end_with_their_test():
    yield
    for timer in _TIMERS:
        timer.stop()
    _TIMERS.clear()


def _seen(skp: int) -> tuple[object, ...]:
    data = read_skp(skp)
    return data, evaluasi_skp(data, "2020Q1")


def _pilih(editor: SkpEditor, awal: str) -> None:
    i = next(
        i for i in range(editor.pegawai.count()) if editor.pegawai.itemText(i).startswith(awal)
    )
    editor.pegawai.setCurrentIndex(i)


def _ctrl(qtbot, editor: SkpEditor, key: Qt.Key) -> None:
    """Ctrl+``key`` in the plan's table of ``editor``. The offscreen platform leaves no window
    active after a message box closes; a desktop gives the editor back its activation, as done
    here."""
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.rencana.tabel_rencana.setFocus()
    qtbot.keyClick(editor.rencana.tabel_rencana, key, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def window(qtbot, db, db_target):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_target)
    qtbot.addWidget(win)
    yield win
    win.tasks.wait()


def test_removals_come_back_with_ctrl_z_and_from_the_window_after_the_editor(qtbot, window):
    kantor = isi_kantor()
    skp = kantor.skp["OD-KESOS"]
    kedua = read_skp(skp).hasil_kerja[1].id
    set_realisasi_skp(kedua, "2020Q1", umpan_balik="Perlu dokumentasi")
    set_evaluasi(skp, "2020Q1", Rating.DIATAS, Rating.SESUAI, "Pertahankan")
    staf = window.jabatan_actions.add(2020, "Staf Baru", None)  # a step of the window first
    sebelum = _seen(skp)

    editor = SkpEditor(window, 2020, None, window)  # the window owns it, as the menu's does
    editor.show()
    _pilih(editor, ANI)
    tabel = editor.rencana.tabel_rencana
    assert not editor.urung.urungkan.isEnabled()  # the last step is the window's
    assert "dibuat di jendela utama" in editor.urung.urungkan.toolTip()

    # a row of the plan, with its feedback
    tabel.setCurrentCell(1, 2)
    indikator = tabel.item(1, 4).text()
    dikatakan = _answer_removal()
    qtbot.mouseClick(editor.rencana.hapus_baris, Qt.MouseButton.LeftButton)
    assert dikatakan[0] == (
        f"Rencana hasil kerja «{indikator}» (A. Utama) akan dihapus beserta 1 "
        "realisasi/umpan balik hasil kerja."
    )
    assert "Urungkan (Ctrl+Z)" in dikatakan[1]
    assert tabel.rowCount() == 3 and len(read_skp(skp).hasil_kerja) == 3
    assert editor.urung.urungkan.toolTip() == (
        f"Urungkan: Hapus baris rencana hasil kerja SKP {ANI} (Ctrl+Z)"
    )
    _ctrl(qtbot, editor, Qt.Key.Key_Z)
    assert _seen(skp) == sebelum
    assert tabel.rowCount() == 4 and tabel.currentRow() == 1  # back in its place, selected
    assert tabel.item(1, 4).text() == indikator
    assert editor.status.text().startswith(f"Rencana hasil kerja «{indikator}» dikembalikan")
    _ctrl(qtbot, editor, Qt.Key.Key_Y)
    assert tabel.rowCount() == 3
    _ctrl(qtbot, editor, Qt.Key.Key_Z)
    assert _seen(skp) == sebelum

    # the whole SKP
    dikatakan = _answer_removal("skp_urung_tanya.png")
    qtbot.mouseClick(editor.hapus, Qt.MouseButton.LeftButton)
    assert dikatakan[0] == (
        f"SKP {ANI} tahun 2020 akan dihapus beserta 4 rencana hasil kerja, 1 realisasi/umpan "
        "balik hasil kerja dan 1 evaluasi (Triwulan I 2020)."
    )
    assert ANI not in [editor.pegawai.itemText(i) for i in range(editor.pegawai.count())]
    with pytest.raises(TidakDitemukan):
        read_skp(skp)
    _ctrl(qtbot, editor, Qt.Key.Key_Z)
    assert _seen(skp) == sebelum
    assert editor.pegawai.currentData() == skp and tabel.rowCount() == 4
    assert editor.status.text().startswith(f"SKP {ANI} tahun 2020 dikembalikan beserta 4")

    ARTIFACTS.mkdir(exist_ok=True)
    for lebar in (1366, 1024):
        editor.resize(lebar - 20, 768 - 60)
        editor.grab().save(str(ARTIFACTS / f"skp_urung_{lebar}.png"))

    # the step below is the window's: the editor leaves it alone and says where to undo it
    _ctrl(qtbot, editor, Qt.Key.Key_Z)
    assert Jabatan.get_by_id(staf).nama == "Staf Baru"
    assert "dibuat di jendela utama" in editor.galat.text() and editor.galat.isVisible()

    _ctrl(qtbot, editor, Qt.Key.Key_Y)  # the SKP goes again
    assert ANI not in [r.nama for r in daftar_skp(2020)]
    editor.accept()
    editor.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(SkpEditor))

    # the step stays on the window's stack, and is undone there with the editor gone
    assert window.act_urungkan.text() == f"&Urungkan: Hapus SKP {ANI} tahun 2020"
    window.act_urungkan.trigger()
    assert _seen(skp) == sebelum
    assert window.statusBar().currentMessage().startswith(f"SKP {ANI} tahun 2020 dikembalikan")

    # redone from the window, then undone in an editor opened again, which shows it back
    window.act_ulangi.trigger()
    assert ANI not in [r.nama for r in daftar_skp(2020)]
    lagi = SkpEditor(window, 2020, None, window)
    lagi.show()
    assert lagi.urung.urungkan.isEnabled()
    _ctrl(qtbot, lagi, Qt.Key.Key_Z)
    assert _seen(skp) == sebelum
    assert lagi.pegawai.currentData() == skp and lagi.rencana.tabel_rencana.rowCount() == 4
    lagi.accept()
    lagi.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(SkpEditor))

    window.act_urungkan.trigger()  # then the window's own step
    assert Jabatan.get_or_none(id=staf) is None

    # Riwayat Perubahan names each removal, undo and redo
    catatan_skp = [
        (b.aksi, b.catatan.split(" beserta")[0])
        for b in reversed(read_audit(SaringAudit(tahun=2020)))
        if b.jenis == "SKP" and (" dihapus" in b.catatan or " dikembalikan" in b.catatan)
    ]
    hapus_baris = f"SKP {ANI}: rencana hasil kerja dihapus"
    kembali_baris = f"SKP {ANI}: rencana hasil kerja dikembalikan"
    assert catatan_skp == [
        ("Hapus", hapus_baris),
        ("Urungkan", kembali_baris),
        ("Ulangi", hapus_baris),
        ("Urungkan", kembali_baris),
        ("Hapus", f"SKP {ANI}: dihapus"),
        ("Urungkan", f"SKP {ANI}: dikembalikan"),
        ("Ulangi", f"SKP {ANI}: dihapus"),
        ("Urungkan", f"SKP {ANI}: dikembalikan"),
        ("Ulangi", f"SKP {ANI}: dihapus"),
        ("Urungkan", f"SKP {ANI}: dikembalikan"),
    ]
    riwayat = DialogRiwayat(window, 2020)
    riwayat.show()
    riwayat.grab().save(str(ARTIFACTS / "skp_urung_riwayat.png"))
    riwayat.close()


def test_an_skp_made_again_is_not_overwritten_by_an_undo(qtbot, db, monkeypatch):
    kantor = isi_kantor()
    set_evaluasi(kantor.skp["OD-KESOS"], "2020Q1", Rating.DIATAS, Rating.SESUAI, "Pertahankan")
    editor = SkpEditor(None, 2020)
    qtbot.addWidget(editor)
    editor.show()
    _pilih(editor, ANI)
    _answer_removal()
    qtbot.mouseClick(editor.hapus, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _j, _l, items, *_a: (items[0], True))
    qtbot.mouseClick(editor.buat, Qt.MouseButton.LeftButton)  # Buat SKP for Ani again
    baru = editor.pegawai.currentData()
    assert editor.pegawai.currentText().startswith(ANI)

    _ctrl(qtbot, editor, Qt.Key.Key_Z)
    assert editor.galat.isVisible()
    assert editor.galat.text() == (
        f"SKP {ANI} tahun 2020 tidak dapat dikembalikan: SKP {ANI} tahun 2020 sudah dibuat "
        "lagi sesudah penghapusan. Isi SKP yang dihapus tercatat di Riwayat Perubahan."
    )
    assert [r.id for r in daftar_skp(2020) if r.nama == ANI] == [baru]
    assert evaluasi_skp(read_skp(baru), "2020Q1").keputusan is None  # the new one, untouched
    assert not editor.urung.urungkan.isEnabled()  # the refused step left the stack
