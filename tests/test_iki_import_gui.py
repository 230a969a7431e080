"""Data › Impor IKI dari Excel… over a year that has an IKI: the preview names what the
replacement does (holders kept by code) and a year holding a plan is refused with its counts,
as `iki impor` says them."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.db.ops_pemangku import add_pegawai_baru
from kinerja_desktop.db.ops_program import IsiKegiatan, IsiProgram, add_kegiatan, add_program
from kinerja_desktop.db.queries_jabatan import list_jabatan
from kinerja_desktop.db.queries_program import read_kegiatan, read_program

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _jabatan(kode: str) -> int:
    return Jabatan.get((Jabatan.tahun == 2020) & (Jabatan.kode == kode)).id


def test_the_window_says_what_replacing_a_year_takes(qtbot, db, db_path, tmp_path):
    from kinerja_desktop.reports.iki import export_iki
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.iki_import_dialog import PratinjauIKIDialog, import_iki
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    berkas = export_iki(2020, tmp_path / "IKI-2020.xlsx")
    add_pegawai_baru(_jabatan("SEKCAM"), "Budi Santoso")
    ARTIFACTS.mkdir(exist_ok=True)
    dilihat: list[str] = []

    def ganti() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PratinjauIKIDialog)
        ok = dialog.tombol.button(dialog.tombol.StandardButton.Ok)
        dilihat.append(f"impor aktif: {ok.isEnabled()}")
        dialog.ganti.setChecked(True)
        dialog.grab().save(str(ARTIFACTS / "impor_iki_ganti.png"))
        dilihat.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        dilihat.append(dialog.ganti.text())
        dialog.accept()

    QTimer.singleShot(0, ganti)
    assert import_iki(win, berkas, 2020)
    assert dilihat[0] == "impor aktif: False"  # nothing replaced before the box is ticked
    assert any(
        t.startswith(
            "Tahun 2020 sudah punya IKI (22 jabatan, 84 indikator): seluruhnya diganti; "
            "1 pemangku tetap pada jabatan berkode sama; nomor keputusan dan penandatangan tetap."
        )
        for t in dilihat
    ), dilihat
    assert "Ganti seluruh IKI tahun 2020 yang sudah ada" in dilihat
    assert {j.kode: j.pemangku for j in list_jabatan(2020)}["SEKCAM"] == ("Budi Santoso",)
    pesan = win.statusBar().currentMessage()
    assert "IKI sebelumnya tersimpan di cadangan" in pesan and "Pulihkan cadangan" in pesan

    program = add_program(_jabatan("SEKCAM"), IsiProgram("Program Penunjang")).data
    add_kegiatan(program, IsiKegiatan("Perencanaan Kinerja", anggaran=12_500_000))
    ditolak: list[str] = []

    def tolak() -> None:
        kotak = QApplication.activeModalWidget()
        assert isinstance(kotak, QMessageBox)
        kotak.grab().save(str(ARTIFACTS / "impor_iki_ditolak.png"))
        ditolak.extend((kotak.windowTitle(), kotak.text()))
        kotak.accept()

    QTimer.singleShot(0, tolak)
    assert not import_iki(win, berkas, 2020)
    assert ditolak[0] == "IKI tidak diimpor"
    assert ditolak[1].startswith(
        "Tahun 2020 sudah punya IKI dengan 1 program dan 1 kegiatan (beserta anggarannya) "
        "tersimpan."
    ), ditolak
    assert [p.nama for p in read_program(2020)] == ["Program Penunjang"]
    assert [k.anggaran for k in read_kegiatan(2020)] == [12_500_000]
    win.tasks.wait()
