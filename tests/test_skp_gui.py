"""The SKP editor and the Cetak SKP dialog, driven as the operator would: editing the plan and
the expectations, the proposal beside the atasan's decision, the kecamatan's predikat with the
distribution check, and writing the documents with what is missing listed first."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from skp_bantuan import isi_kantor

from kinerja_desktop.db.models import SkpEvaluasi, SkpHasilKerja, SkpPerilaku
from kinerja_desktop.db.skp_aturan import predikat_organisasi
from kinerja_desktop.db.skp_removal import remove_skp
from kinerja_desktop.domain.skp import Rating
from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog
from kinerja_desktop.ui.skp_editor import SkpEditor

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _pilih(editor: SkpEditor, awal: str) -> None:
    i = next(
        i for i in range(editor.pegawai.count()) if editor.pegawai.itemText(i).startswith(awal)
    )
    editor.pegawai.setCurrentIndex(i)


def test_editor_plan_expectations_and_the_decision_beside_the_proposal(qtbot, db):
    kantor = isi_kantor()
    editor = SkpEditor(None, 2020)
    qtbot.addWidget(editor)
    assert editor.pegawai.count() == 5
    _pilih(editor, "Ani Rahmawati")
    assert "Pejabat penilai kinerja: Budi Santoso, S.Sos" in editor.pihak.text()
    tabel = editor.rencana.tabel_rencana
    assert tabel.rowCount() == 4
    assert [tabel.item(i, 7).text() for i in range(4)] == [
        f"IKI OD-KESOS.0{k}" for k in range(1, 5)
    ]
    assert (tabel.item(0, 3).text(), tabel.item(0, 5).text()) == ("Kuantitas", "12")

    tabel.item(1, 5).setText("250")  # a target typed in the plan
    assert SkpHasilKerja.get_by_id(tabel.item(1, 1).data(Qt.ItemDataRole.UserRole)).target == "250"
    assert editor.galat.isHidden()
    tabel.item(1, 2).setText("  ")  # a result cannot be emptied: refused, said in red
    assert "Rencana hasil kerja tidak boleh kosong" in editor.galat.text()
    assert not editor.galat.isHidden()

    editor.tabs.setCurrentIndex(1)
    editor.perilaku.tabel_perilaku.item(6, 1).setText("Membantu rekan saat pendataan DTKS")
    ekspektasi = SkpPerilaku.get(
        SkpPerilaku.skp == kantor.skp["OD-KESOS"], SkpPerilaku.perilaku == "kolaboratif"
    )
    assert ekspektasi.ekspektasi == "Membantu rekan saat pendataan DTKS"

    editor.tabs.setCurrentIndex(2)
    tab = editor.evaluasi
    assert tab.periode.currentData() == "2020"
    assert tab.tabel_hasil.item(0, 2).text() == "14"  # from the stored IKI values
    assert tab.tabel_hasil.item(0, 3).text() == "116,7%"
    assert tab.usulan.text().startswith("Diatas Ekspektasi. Rata-rata capaian 116,7%")
    assert "≥ 110% = Diatas Ekspektasi" in tab.aturan.text()
    # the atasan starts from the proposal, changes it and rates the behaviour
    assert tab.rating_hasil.currentData() == "diatas"
    tab.rating_hasil.setCurrentIndex(tab.rating_hasil.findData("sesuai"))
    tab.rating_perilaku.setCurrentIndex(tab.rating_perilaku.findData("diatas"))
    assert tab.predikat.text() == "Baik"
    tab.catatan.setPlainText("Ikut pelatihan SIKS-NG")
    qtbot.mouseClick(tab.simpan, Qt.MouseButton.LeftButton)
    row = SkpEvaluasi.get(SkpEvaluasi.skp == kantor.skp["OD-KESOS"], SkpEvaluasi.periode == "2020")
    assert (row.usulan_hasil, row.rating_hasil, row.rating_perilaku, row.predikat) == (
        Rating.DIATAS.value,
        Rating.SESUAI.value,
        Rating.DIATAS.value,
        "Baik",
    )
    assert "usulan saat itu: Diatas Ekspektasi" in tab.tersimpan.text()
    tab.tabel_hasil.item(0, 4).setText("Pertahankan")
    assert tab.tabel_hasil.item(0, 4).text() == "Pertahankan"

    editor.tabs.setCurrentIndex(3)
    aturan = editor.aturan
    aturan.organisasi.setCurrentIndex(aturan.organisasi.findData("Baik"))
    qtbot.mouseClick(aturan.simpan_organisasi, Qt.MouseButton.LeftButton)
    assert predikat_organisasi(2020) == "Baik"
    assert "PERINGATAN: Baik 1 dari 1 pegawai (100%)" in aturan.kurva.text()

    ARTIFACTS.mkdir(exist_ok=True)
    editor.show()
    for lebar in (1366, 1024):
        editor.resize(lebar - 20, 768 - 60)
        for i in range(4):
            editor.tabs.setCurrentIndex(i)
            editor.grab().save(str(ARTIFACTS / f"skp_editor_{lebar}_{i + 1}.png"))


def test_buat_skp_offers_the_holders_without_one(qtbot, db, monkeypatch):
    kantor = isi_kantor()
    remove_skp(kantor.skp["BENDAHARA"])
    editor = SkpEditor(None, 2020)
    qtbot.addWidget(editor)
    ditawarkan: list[list[str]] = []

    def pilih(_parent, _judul, _label, items, *_args):
        ditawarkan.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pilih)
    qtbot.mouseClick(editor.buat, Qt.MouseButton.LeftButton)
    assert ditawarkan == [["Fitri Handayani — Bendahara"]]
    assert editor.pegawai.currentText().startswith("Fitri Handayani")
    assert editor.rencana.tabel_rencana.rowCount() > 0


def test_cetak_dialog_lists_what_is_missing_and_writes_the_pdf(qtbot, db, tmp_path):
    isi_kantor()
    dialog = SkpLaporanDialog(None, 2020)
    qtbot.addWidget(dialog)
    assert [dialog.periode.itemText(i) for i in range(5)] == [
        "Tahunan 2020",
        "Triwulan I 2020",
        "Triwulan II 2020",
        "Triwulan III 2020",
        "Triwulan IV 2020",
    ]
    periksa = dialog.periksa.text()
    assert "Ani Rahmawati (pegawai" in periksa and "belum memiliki NIP dan pangkat" in periksa
    assert "17 jabatan tahun 2020 belum memiliki pemangku" in periksa
    assert "Predikat kinerja organisasi (kecamatan) tahun ini belum diisi" in periksa
    assert dialog.nama.text() == "SKP-2020"
    dialog.periode.setCurrentIndex(dialog.periode.findData("2020Q2"))
    dialog.pegawai.setCurrentIndex(dialog.pegawai.findData("199005062015032003"))
    assert dialog.nama.text() == "SKP-2020Q2-199005062015032003"
    assert dialog.tanggal.text() == "30 Juni 2020"
    assert "Ani Rahmawati" not in dialog.periksa.text()  # Fitri's own parties are complete
    dialog.folder.setText(str(tmp_path))
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(1024 - 40, dialog.sizeHint().height())
    dialog.grab().save(str(ARTIFACTS / "skp_dialog.png"))
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hasil is not None or not dialog.galat.isHidden(), timeout=20000)
    assert dialog.hasil == tmp_path / "SKP-2020Q2-199005062015032003.pdf"
    teks = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(dialog.hasil).pages)
    assert "Fitri Handayani" in teks and "PERIODE: TRIWULAN II 2020" in teks
    assert "Kepanjen, 30 Juni 2020" in teks
    dialog.runner.wait()


def test_main_window_offers_the_editor_and_the_print(qtbot, db, db_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.complete_menus()  # the dialogs' items join the menus after the first paint
    teks = [a.text() for a in win.menu_laporan.actions()]
    assert teks.count("&SKP Pegawai…") == 1 and teks.count("Cetak SK&P…") == 1
    win.tasks.wait()
