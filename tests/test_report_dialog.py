"""The "Cetak Keputusan IKI" dialog: a real file written through it, as the operator does."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kinerja_desktop import settings
from kinerja_desktop.ui.report_dialog import ReportDialog

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def dialog(qtbot, db):
    dlg = ReportDialog(None, 2020, None)
    qtbot.addWidget(dlg)
    # not shown: the offscreen platform warns about showing top-level windows, and grab()
    # renders the dialog all the same
    dlg.adjustSize()
    yield dlg
    dlg.runner.wait(5000)


def _write(qtbot, dlg: ReportDialog) -> None:
    qtbot.mouseClick(dlg.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.hasil is not None or not dlg.galat.isHidden(), timeout=15000)


def test_writes_a_pdf_to_the_chosen_folder_and_remembers_it(qtbot, dialog, tmp_path):
    usb = tmp_path / "FLASHDISK"
    usb.mkdir()
    dialog.folder.setText(str(usb))
    assert dialog.nama.text() == "IKI-2020"
    assert dialog.kertas.currentText() == "F4 (215 × 330 mm)"
    assert not dialog.buka_berkas.isEnabled()
    _write(qtbot, dialog)
    assert dialog.galat.isHidden()
    assert dialog.hasil == usb / "IKI-2020.pdf"
    reader = PdfReader(dialog.hasil)
    assert len(reader.pages) >= 22
    assert "Sekretaris Kecamatan" in reader.pages[0].extract_text()
    assert dialog.buka_berkas.isEnabled() and dialog.buka_folder.isEnabled()
    assert "Selesai" in dialog.status.text()
    assert settings.get("folder_iki") == str(usb)  # remembered for this report
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "report_dialog_selesai.png"))

    again = ReportDialog(None, 2020, None)
    qtbot.addWidget(again)
    assert again.folder.text() == str(usb)


def test_one_jabatan_as_excel(qtbot, db, tmp_path):
    dlg = ReportDialog(None, 2020, "KASI-PEM")
    qtbot.addWidget(dlg)
    assert dlg.jabatan.currentData() == "KASI-PEM"
    assert dlg.nama.text() == "IKI-2020-KASI-PEM"
    dlg.excel.setChecked(True)
    assert dlg.akhiran.text() == ".xlsx"
    dlg.folder.setText(str(tmp_path))
    _write(qtbot, dlg)
    assert dlg.hasil == tmp_path / "IKI-2020-KASI-PEM.xlsx"
    assert load_workbook(dlg.hasil).sheetnames == ["Kasi Pemerintahan"]
    dlg.runner.wait(5000)


def test_jabatan_list_follows_the_tree(dialog):
    items = [dialog.jabatan.itemText(i) for i in range(dialog.jabatan.count())]
    assert items[0] == "Semua jabatan"
    assert items[1] == "Sekretaris Kecamatan"
    assert items[2] == "    Kasubag Umum, Kepegawaian, Keuangan dan Aset"
    assert len(items) == 23


def test_a_folder_that_cannot_be_made_is_explained_and_nothing_is_written(qtbot, dialog, tmp_path):
    (tmp_path / "flashdisk").write_bytes(b"")
    dialog.folder.setText(str(tmp_path / "flashdisk" / "laporan"))
    _write(qtbot, dialog)
    assert dialog.hasil is None
    assert "tidak dapat dibuat" in dialog.galat.text()
    assert dialog.buat.isEnabled()
    assert (tmp_path / "flashdisk").read_bytes() == b""
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "report_dialog_galat.png"))


def test_paper_default_can_be_changed(qtbot, dialog):
    assert not dialog.jadikan_bawaan.isEnabled()  # F4 is already the default
    dialog.kertas.setCurrentIndex(dialog.kertas.findData("a4"))
    assert dialog.jadikan_bawaan.isEnabled()
    qtbot.mouseClick(dialog.jadikan_bawaan, Qt.MouseButton.LeftButton)
    assert settings.get("kertas") == "a4"
    assert not dialog.jadikan_bawaan.isEnabled()
    assert "A4" in dialog.status.text()


def test_empty_name_is_refused(qtbot, dialog, tmp_path):
    dialog.folder.setText(str(tmp_path))
    dialog.nama.setText("")
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    assert not dialog.galat.isHidden()
    assert "nama berkas" in dialog.galat.text()
    assert list(tmp_path.iterdir()) == [] or all(p.is_dir() for p in tmp_path.iterdir())


def _mnemonics(widget) -> list[str]:
    """The Alt letters of the labels and buttons in ``widget``; every label with one must
    lead somewhere (a buddy), or Alt+letter does nothing."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    letters = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        text = child.text().replace("&&", "")
        if "&" not in text:
            continue
        if isinstance(child, QLabel):
            assert child.buddy() is not None, text
        letters.append(text[text.index("&") + 1].lower())
    return letters


def test_every_field_and_button_has_its_own_alt_letter(dialog):
    """A keyboard-only operator reaches each field and button with Alt and a letter."""
    letters = _mnemonics(dialog)
    assert len(letters) == len(set(letters)), letters
    # year, jabatan, PDF, Excel, paper, default paper, folder, choose folder, name, the four
    # signature fields and the five buttons (Bantuan is F1, as in every dialog)
    assert len(letters) == 18


def test_the_progress_bar_shows_no_percentage_before_writing(qtbot, dialog, tmp_path):
    assert not dialog.progress.isTextVisible()  # no idle "0%" as if a report were under way
    dialog.folder.setText(str(tmp_path))
    _write(qtbot, dialog)
    assert dialog.progress.isTextVisible()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_the_two_pengadministrasi_pemerintahan_are_told_apart(dialog):
    items = [dialog.jabatan.itemText(i).strip() for i in range(dialog.jabatan.count())]
    assert "Pengadministrasi Pemerintahan (ADM-PEM-1)" in items
    assert "Pengadministrasi Pemerintahan (ADM-PEM-2)" in items
    assert len(set(items)) == len(items)


def test_folder_never_starts_in_the_hidden_data_folder_and_the_full_path_shows(qtbot, db):
    from kinerja_desktop.paths import data_dir

    settings.set_value("folder_terakhir", str(data_dir()))  # an old version remembered it
    dlg = ReportDialog(None, 2020, None)
    qtbot.addWidget(dlg)
    assert not Path(dlg.folder.text()).resolve().is_relative_to(data_dir().resolve())
    assert dlg.tujuan.text() == str(Path(dlg.folder.text()).absolute() / "IKI-2020.pdf")


def test_signature_is_the_decree_s_and_can_be_changed(qtbot, dialog, tmp_path):
    from PySide6.QtCore import QDate

    assert dialog.tempat.text() == "Kepanjen"
    assert dialog.jabatan_ttd.text() == "CAMAT KEPANJEN"
    assert dialog.penandatangan.currentText().startswith("ABAI SALEH, S.Sos., MM — NIP 19690505")
    assert dialog.tanggal.text() == "seperti pada keputusan: Januari 2020"
    dialog.tempat.setText("Malang")
    dialog.tanggal.setDate(QDate(2020, 2, 3))
    dialog.folder.setText(str(tmp_path))
    _write(qtbot, dialog)
    text = " ".join(PdfReader(dialog.hasil).pages[-1].extract_text().split())
    assert "Malang, 3 Februari 2020" in text
