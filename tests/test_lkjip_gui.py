"""The Laporan Kinerja in the window: the dialog says what is missing and which texts are still
drafts before writing; the editor keeps what the operator accepts, never carries last year's
text over unasked, and never drops an unsaved edit."""

from pathlib import Path

import pytest
from lkjip_bantuan import PENUTUP, isi_dua_tahun
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop.db.queries_lkjip import target_renstra, teks_lkjip
from kinerja_desktop.domain.lkjip import Asal
from kinerja_desktop.ui.lkjip_dialog import LkjipDialog, create_actions
from kinerja_desktop.ui.lkjip_editor import LkjipEditor

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
_TIMERS: list[QTimer] = []


def jawab_kotak(tombol: str) -> dict:
    """Click ``tombol`` on the next message box, as the operator would; what it said is kept."""
    seen: dict = {}
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        timer.stop()
        seen["judul"], seen["teks"] = box.windowTitle(), box.text()
        next(b for b in box.buttons() if b.text() == tombol).click()

    timer.timeout.connect(poll)
    _TIMERS.append(timer)
    timer.start()
    return seen


def _baris(editor: LkjipEditor, judul: str) -> int:
    return next(
        i for i in range(editor.daftar.count()) if editor.daftar.item(i).text().startswith(judul)
    )


def test_dialog_lists_what_is_missing_then_writes_word_after_asking(qtbot, db, tmp_path):
    isi_dua_tahun()
    dialog = LkjipDialog(None, 2021)
    qtbot.addWidget(dialog)
    daftar = dialog.kekurangan.toPlainText()
    assert "Jabatan tanpa pemangku (20)" in daftar
    assert "SITI AMINAH, S.Sos (Kasi Pemerintahan) belum dicatat NIP" in daftar
    assert "Indikator tanpa data capaian (25 dari 27)" in daftar
    assert "Bagian yang masih usulan otomatis (18)" in daftar
    assert dialog.nama.text() == "LKjIP-2021" and dialog.kertas.currentData() == "f4"
    assert dialog.tanggal.text() == "diisi tangan (……… 2022)"
    ARTIFACTS.mkdir(exist_ok=True)
    for lebar in (1366, 1024):
        dialog.resize(lebar - 40, 700)
        dialog.grab().save(str(ARTIFACTS / f"lkjip_dialog_{lebar}.png"))
    dialog.excel.setChecked(True)
    assert dialog.akhiran.text() == ".docx"
    dialog.folder.setText(str(tmp_path))
    ditanya = jawab_kotak("Periksa teks dulu")
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "judul" in ditanya, timeout=5000)
    assert "18 bagian teks masih usulan otomatis" in ditanya["teks"]
    assert not (tmp_path / "LKjIP-2021.docx").exists()  # the operator chose to check first
    jawab_kotak("Tulis laporan")
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hasil is not None or not dialog.galat.isHidden(), timeout=20000)
    assert dialog.hasil == tmp_path / "LKjIP-2021.docx"
    from docx import Document

    teks = "\n".join(p.text for p in Document(str(dialog.hasil)).paragraphs)
    assert PENUTUP in teks and "BAB III AKUNTABILITAS KINERJA" in teks
    dialog.runner.wait()


def test_editor_keeps_accepted_and_edited_texts_and_asks_before_dropping_an_edit(qtbot, db):
    isi_dua_tahun()
    editor = LkjipEditor(None, 2021)
    qtbot.addWidget(editor)
    assert editor.daftar.item(0).text() == "Kata Pengantar — usulan"
    assert editor.keadaan.text() == "Keadaan: usulan otomatis, belum diterima."
    assert "diterima" in editor.daftar.item(_baris(editor, "Penutup")).text()
    assert editor.teks.toPlainText().startswith("Puji syukur")
    editor.resize(1366 - 40, 700)
    editor.grab().save(str(ARTIFACTS / "lkjip_editor_1366.png"))
    editor.resize(1024 - 40, 640)
    editor.grab().save(str(ARTIFACTS / "lkjip_editor_1024.png"))

    qtbot.mouseClick(editor.terima, Qt.MouseButton.LeftButton)
    simpan = teks_lkjip(2021)["kata_pengantar"]
    assert simpan.asal is Asal.USULAN and simpan.teks.startswith("Puji syukur")
    assert editor.daftar.item(0).text() == "Kata Pengantar — diterima"

    editor.daftar.setCurrentRow(_baris(editor, "Ikhtisar"))
    editor.teks.setPlainText("Ikhtisar yang ditulis operator.")
    ditanya = jawab_kotak("Simpan")
    editor.daftar.setCurrentRow(_baris(editor, "Gambaran Umum"))
    assert ditanya["judul"] == "Teks belum disimpan"
    assert teks_lkjip(2021)["ikhtisar"].teks == "Ikhtisar yang ditulis operator."
    assert teks_lkjip(2021)["ikhtisar"].asal is Asal.DIKETIK

    editor.teks.setPlainText("Ketikan yang tidak jadi.")
    ditanya = jawab_kotak("Batal")
    editor.daftar.setCurrentRow(_baris(editor, "Dasar Hukum"))
    assert editor.teks.toPlainText() == "Ketikan yang tidak jadi."  # still there, still shown
    assert "gambaran_umum" not in teks_lkjip(2021)
    jawab_kotak("Buang perubahan")
    editor.reject()


def test_last_year_text_comes_only_by_choice(qtbot, db):
    isi_dua_tahun()
    from kinerja_desktop.db.ops_lkjip import set_teks_lkjip

    set_teks_lkjip(2020, "dasar_hukum", "1. Dasar hukum tahun 2020.", Asal.DIKETIK)
    editor = LkjipEditor(None, 2021)
    qtbot.addWidget(editor)
    editor.daftar.setCurrentRow(_baris(editor, "Dasar Hukum"))
    assert "Undang-Undang Nomor 23 Tahun 2014" in editor.teks.toPlainText()  # the draft
    assert editor.tahun_lalu.isEnabled() and editor.tahun_lalu.text() == "Ambil teks tahun 2020"
    qtbot.mouseClick(editor.tahun_lalu, Qt.MouseButton.LeftButton)
    assert editor.teks.toPlainText() == "1. Dasar hukum tahun 2020."
    assert "dasar_hukum" not in teks_lkjip(2021)  # loaded, not saved
    qtbot.mouseClick(editor.simpan, Qt.MouseButton.LeftButton)
    assert teks_lkjip(2021)["dasar_hukum"].asal is Asal.TAHUN_LALU
    editor.daftar.setCurrentRow(_baris(editor, "Kata Pengantar"))
    assert not editor.tahun_lalu.isEnabled()  # 2020 kept no Kata Pengantar

    jawab_kotak("Hapus teks tersimpan")
    editor.daftar.setCurrentRow(_baris(editor, "Dasar Hukum"))
    qtbot.mouseClick(editor.kembalikan, Qt.MouseButton.LeftButton)
    assert "dasar_hukum" not in teks_lkjip(2021)
    assert (
        editor.daftar.item(_baris(editor, "Dasar Hukum")).text() == "Dasar Hukum (BAB I) — usulan"
    )


def test_renstra_targets_are_typed_in_the_table(qtbot, db):
    isi_dua_tahun()
    editor = LkjipEditor(None, 2021)
    qtbot.addWidget(editor)
    editor.tab.setCurrentIndex(1)
    editor.resize(1024, 700)
    editor.show()
    kode = [editor.renstra.item(r, 0).text() for r in range(editor.renstra.rowCount())]
    assert len(kode) == 27 and editor.renstra_akhir.value() == 2026
    kepala = editor.renstra.horizontalHeader()
    for kolom in (0, 2, 3, 4):  # every heading readable whole at 1024 px
        judul = editor.renstra.horizontalHeaderItem(kolom).text()
        assert kepala.sectionSize(kolom) > kepala.fontMetrics().horizontalAdvance(judul), judul
    assert editor.renstra.item(kode.index("SEKCAM.02"), 4).text() == "95"
    editor.renstra.item(kode.index("KASI-PEM.03"), 4).setText("14-16")
    editor.renstra.item(kode.index("SEKCAM.02"), 4).setText("")
    qtbot.mouseClick(editor.simpan_renstra, Qt.MouseButton.LeftButton)
    assert editor.galat.text() == ""
    found = target_renstra(["SEKCAM.02", "KASI-PEM.03"], 2021)
    assert "SEKCAM.02" not in found and found["KASI-PEM.03"].tahun_akhir == 2026
    editor.renstra.item(kode.index("KASI-PP.01"), 4).setText("banyak")
    qtbot.mouseClick(editor.simpan_renstra, Qt.MouseButton.LeftButton)
    assert editor.galat.text().startswith("Baris 25 (KASI-PP.01):")


def test_the_laporan_menu_offers_both(qtbot, db):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    assert [a.text() for a in create_actions(window)] == [
        "Laporan K&inerja (LKjIP)…",
        "&Teks Laporan Kinerja…",
    ]
