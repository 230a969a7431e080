"""The planning documents in the window: the Perjanjian Kinerja dialog says what is missing
before writing and writes through the shared report dialog; the statement text editor and the
issue dialog (PK, then PK Perubahan with its reason) as the operator uses them."""

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.pk import read_naskah
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.ui.dokumen_dialogs import PkDialog, create_actions
from kinerja_desktop.ui.pk_dialogs import NaskahPkDialog, TerbitkanPkDialog

sys.path.insert(0, str(Path(__file__).parent))
from dokumen_bantuan import indikator_id, isi_semua  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def data(db):
    isi_semua()
    return db


def _write(qtbot, dlg) -> None:
    qtbot.mouseClick(dlg.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.hasil is not None or not dlg.galat.isHidden(), timeout=30000)


def test_pk_dialog_lists_what_is_missing_then_writes(qtbot, data, tmp_path):
    dlg = PkDialog(None, 2020, None, "OD-PEM")
    qtbot.addWidget(dlg)
    dlg.resize(760, 720)
    assert dlg.nama.text() == "PK-2020-OD-PEM"
    kurang = dlg.kurang.text()
    assert "Pengolah Data Seksi Pemerintahan (OD-PEM): pihak pertama: NIP" in kurang
    assert "dicetak sebagai titik-titik" in kurang
    # the parties sign: no signer to choose, only the place and the date
    assert not dlg.penandatangan.isVisibleTo(dlg) and dlg.tempat.isVisibleTo(dlg)
    ARTIFACTS.mkdir(exist_ok=True)
    dlg.grab().save(str(ARTIFACTS / "pk_dialog.png"))
    dlg.jabatan.setCurrentIndex(dlg.jabatan.findData("SEKCAM"))
    assert "OD-PEM" not in dlg.kurang.text() and "SEKCAM.03" in dlg.kurang.text()
    dlg.folder.setText(str(tmp_path))
    _write(qtbot, dlg)
    assert dlg.galat.isHidden(), dlg.galat.text()
    assert dlg.hasil == tmp_path / "PK-2020-SEKCAM.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(dlg.hasil).pages)
    assert "PERJANJIAN KINERJA TAHUN 2020" in text and "Drs. BUDI SANTOSO" in text
    dlg.runner.wait(5000)


def test_statement_text_editor_keeps_the_bupati_and_refuses_an_empty_promise(qtbot, data):
    dlg = NaskahPkDialog(2020)
    qtbot.addWidget(dlg)
    dlg.resize(700, 560)
    dlg.grab().save(str(ARTIFACTS / "naskah_pk_dialog.png"))
    dlg.janji.setPlainText("   ")
    dlg.save()
    assert "Isi perjanjian tidak boleh kosong" in dlg.pesan.text() and dlg.perubahan is None
    dlg.janji.setPlainText("Kami berjanji.\n\nPihak kedua mengawasi.")
    dlg.nama_bupati.setText("Drs. SANUSI")
    dlg.save()
    assert dlg.perubahan is not None
    naskah = read_naskah(2020)
    assert naskah.nama_kepala_daerah == "Drs. SANUSI"
    assert naskah.paragraf_janji == ["Kami berjanji.", "Pihak kedua mengawasi."]


def test_issue_then_pk_perubahan_needs_a_reason(qtbot, data):
    dlg = TerbitkanPkDialog(2020)
    qtbot.addWidget(dlg)
    assert "Akan diterbitkan pertama kali: 23 jabatan" in dlg.keadaan.text()
    assert not dlg.alasan.isEnabled()
    dlg.issue()
    assert dlg.hasil is not None and len(dlg.hasil.awal) == 23
    assert dlg.perubahan is not None and dlg.perubahan.pesan == "23 PK diterbitkan."
    assert dlg.perubahan.tahun == 2020
    set_values(
        [NilaiMasuk(KunciNilai("target", indikator_id("SEKCAM.01"), "2020"), target=Target(97))]
    )
    again = TerbitkanPkDialog(2020, jabatan="SEKCAM")
    qtbot.addWidget(again)
    again.resize(640, 300)
    assert (
        "Akan menjadi PK Perubahan (datanya berubah): Sekretaris Kecamatan" in again.keadaan.text()
    )
    again.grab().save(str(ARTIFACTS / "terbitkan_pk_dialog.png"))
    again.issue()
    assert "tulis alasan PK Perubahan" in again.pesan.text() and again.hasil is None
    again.alasan.setText("Revisi target kehadiran")
    again.issue()
    assert again.hasil is not None and again.hasil.perubahan == ("Sekretaris Kecamatan",)


def test_laporan_menu_offers_every_document(qtbot, data):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    teks = [a.text().replace("&", "") for a in create_actions(window)]
    assert teks == [
        "Perjanjian Kinerja…",
        "Naskah Perjanjian Kinerja…",
        "Terbitkan PK / PK Perubahan…",
        "Rencana Aksi…",
        "Monev Triwulanan…",
    ]
