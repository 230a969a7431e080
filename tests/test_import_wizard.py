"""The desa import window as the operator uses it: choose files, read the check, import."""

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from desa_bantuan import KEMIRI, SENGGURUH, isi, templat
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kinerja_desktop.db.models import ImporBatch, NilaiRealisasi
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.desa_dialogs import KelengkapanDialog
from kinerja_desktop.ui.import_wizard import ImportDesaDialog
from kinerja_desktop.ui.tasks import TaskRunner

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def dialog(qtbot, db):
    create_app()
    runner = TaskRunner()
    perubahan = []
    dlg = ImportDesaDialog(None, runner, perubahan.append, 2020)
    dlg.perubahan = perubahan
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    runner.wait()


def _tunggu(qtbot, dlg):
    qtbot.waitUntil(lambda: not dlg.kemajuan.isVisible() and dlg.btn_tutup.isEnabled())


def _kolom(dlg, kolom):
    return [dlg.daftar.topLevelItem(r).text(kolom) for r in range(dlg.daftar.topLevelItemCount())]


def test_check_then_import_several_files(qtbot, dialog, tmp_path):
    baik = isi(templat(tmp_path / "a"), {(0, 0): 5, (1, 1): 0})
    salah = isi(templat(tmp_path / "b", desa=SENGGURUH), {(0, 0): "lima"})
    dialog.check_files([baik, salah])
    _tunggu(qtbot, dialog)
    assert _kolom(dialog, 1) == ["Desa Kemiri", "Desa Sengguruh"]
    keadaan = _kolom(dialog, 7)
    assert keadaan[0] == "Siap diimpor"
    # the reason of a refusal is in the list itself, not only after a click (issue 21)
    assert keadaan[1] == "Ditolak: sel F7 berisi teks 'lima'"
    assert _kolom(dialog, 6) == ["124", ""]  # empty cells are "belum diisi", not "sama"
    assert _kolom(dialog, 5) == ["0", ""]
    assert _kolom(dialog, 3) == ["2", ""]
    assert dialog.btn_impor.isEnabled()
    assert NilaiRealisasi.select().count() == 0  # nothing written by the check
    assert "1 dapat diimpor, 1 ditolak. Belum ada yang disimpan." in dialog.keterangan.text()

    dialog.daftar.setCurrentItem(dialog.daftar.topLevelItem(1))
    assert "Lembar Isian, sel F7: berisi teks 'lima'" in dialog.rincian.toPlainText()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "impor_desa_pratinjau.png"))

    dialog.import_files()
    _tunggu(qtbot, dialog)
    assert _kolom(dialog, 7)[0] == "Diimpor" and _kolom(dialog, 7)[1].startswith("Ditolak: ")
    assert "1 berkas diimpor dengan perubahan, 0 tanpa perubahan, 1 ditolak." in (
        dialog.keterangan.text()
    )
    # the window never speaks of an import number only the command line knows
    assert "nomor" not in dialog.keterangan.text() and "Riwayat Impor" in dialog.keterangan.text()
    dialog.daftar.setCurrentItem(dialog.daftar.topLevelItem(0))
    assert "+ KASI-KESOS.01 Jumlah monitoring dan fasilitasi kegiatan Program Keluarga" in (
        dialog.rincian.toPlainText()
    )
    assert " — Januari 2020: 5" in dialog.rincian.toPlainText()
    assert not dialog.btn_impor.isEnabled()  # the same check is not imported twice
    assert NilaiRealisasi.select().count() == 2 and ImporBatch.get().desa.kode == KEMIRI
    assert dialog.perubahan and dialog.perubahan[0].nilai and dialog.perubahan[0].tahun == 2020
    dialog.grab().save(str(ARTIFACTS / "impor_desa_selesai.png"))


def test_a_workbook_of_another_year_is_refused(qtbot, dialog, tmp_path):
    from kinerja_desktop.db.years import copy_year

    copy_year(2020, 2021)
    lain = isi(templat(tmp_path / "a", periode="2021Q1", tahun=2021), {(0, 0): 1})
    dialog.check_files([lain])
    _tunggu(qtbot, dialog)
    [keadaan] = _kolom(dialog, 7)
    assert keadaan.startswith("Ditolak: ") and "untuk tahun 2021, bukan tahun 2020" in keadaan
    assert not dialog.btn_impor.isEnabled()
    assert "untuk tahun 2021, bukan tahun 2020" in dialog.rincian.toPlainText()


def test_a_file_imported_before_says_so_in_the_list(qtbot, dialog, tmp_path):
    from kinerja_desktop.exchange.desa_import import import_berkas_desa

    berkas = isi(templat(tmp_path / "a"), {(0, 0): 5})
    import_berkas_desa([berkas])
    dialog.check_files([berkas])
    _tunggu(qtbot, dialog)
    [keadaan] = _kolom(dialog, 7)
    assert keadaan.startswith("Sudah diimpor pada ") and "tidak ada perubahan" in keadaan
    assert "berkas ini sudah diimpor pada" in dialog.rincian.toPlainText()
    assert "nomor" not in dialog.rincian.toPlainText()
    assert not dialog.btn_impor.isEnabled()


def test_completeness_table(qtbot, db, tmp_path):
    from kinerja_desktop.exchange.desa_import import import_berkas_desa

    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 1})])
    create_app()
    dlg = KelengkapanDialog(None, 2020)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.tabel.rowCount() == 18 and dlg.tabel.columnCount() == 13
    desa = [dlg.tabel.item(r, 0).text() for r in range(18)]
    assert desa[0] == "Kelurahan Penarukan"  # the order of their codes until a click
    kemiri = desa.index("Desa Kemiri")
    assert dlg.tabel.item(kemiri, 1).text() == "1/42"
    assert dlg.tabel.item(kemiri, 2).text() == "Belum"  # 2020 is over: every month is due
    assert "belum ada, periodenya sudah berakhir" in " ".join(
        w.text() for w in dlg.findChildren(QLabel)
    )  # the legend
    # a chosen cell says which indicators are missing, by name
    dlg.tabel.setCurrentCell(kemiri, 1)
    rincian = dlg.rincian.toPlainText()
    assert rincian.startswith("Desa Kemiri, Januari 2020: 1 dari 42 nilai ada.")
    assert "Belum ada (41 indikator):" in rincian
    assert "KASI-KESOS.02 Jumlah monitoring dan fasilitasi kegiatan Tenaga" in rincian
    assert "KASI-KESOS.01 " not in rincian  # the one sent
    # templates for the desa missing data in the chosen month: all 18
    kode = dlg.desa_kurang()
    assert kode[0] == "202001" and len(kode[1]) == 18
    # a click on a header sorts: the desa by name whatever their kind, a month by how much
    # arrived (the desa that sent something last when ascending)
    dlg.tabel.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    nama = [dlg.tabel.item(r, 0).text() for r in range(18)]
    tanpa_jenis = [n.split(" ", 1)[1] for n in nama]
    assert tanpa_jenis == sorted(tanpa_jenis) and "Kelurahan" in " ".join(nama[:6])
    dlg.tabel.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert dlg.tabel.item(0, 0).text() == "Desa Kemiri"
    dlg.tabel.setCurrentCell(0, 1)  # the detail follows the sorted row
    assert dlg.rincian.toPlainText().startswith("Desa Kemiri, Januari 2020")
    dlg.per.setCurrentIndex(1)  # the order chosen stays when the table is counted again
    assert dlg.tabel.columnCount() == 5 and dlg.tabel.item(0, 0).text() == "Desa Kemiri"
    assert dlg.tabel.item(0, 1).text() == "1/126"
    ARTIFACTS.mkdir(exist_ok=True)
    dlg.resize(1024 - 40, 700)
    dlg.grab().save(str(ARTIFACTS / "kelengkapan_desa.png"))


def test_main_window_offers_the_desa_actions(qtbot, db, db_path):
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    win = MainWindow(db_path)
    qtbot.addWidget(win)
    win.complete_menus()  # the dialogs' items join the menus after the first paint
    teks = [a.text() for a in win.menu_data.actions()]
    assert {"&Buat Templat Desa…", "&Impor Isian Desa…", "&Kelengkapan Data Desa…"} <= set(teks)
    win.tasks.wait()


def test_template_dialog_offers_every_period_and_desa(qtbot, db):
    from kinerja_desktop.ui.desa_dialogs import TemplatDialog

    create_app()
    dlg = TemplatDialog(None, 2020)
    qtbot.addWidget(dlg)
    periode = [dlg.periode.itemData(i) for i in range(dlg.periode.count())]
    assert periode[:7] == ["2020", "2020S1", "2020S2", "2020Q1", "2020Q2", "2020Q3", "2020Q4"]
    assert len(periode) == 19 and periode[-1] == "202012"
    assert dlg.desa.count() == 19 and dlg.desa.itemText(5) == "Desa Kemiri"


def test_import_applies_what_the_check_showed_and_refuses_a_file_changed_since(
    qtbot, dialog, tmp_path
):
    tetap = isi(templat(tmp_path / "a"), {(0, 0): 5})
    berubah = isi(templat(tmp_path / "b", desa=SENGGURUH), {(0, 0): 3})
    dialog.check_files([tetap, berubah])
    _tunggu(qtbot, dialog)
    assert _kolom(dialog, 7) == ["Siap diimpor", "Siap diimpor"]
    with pytest.raises(FrozenInstanceError):  # what was shown cannot be changed afterwards
        dialog.pratinjau[0].penolakan = None
    # the desa saves its workbook again with another figure while the check is on screen
    isi(berubah, {(0, 0): 30})
    dialog.import_files()
    _tunggu(qtbot, dialog)
    keadaan = _kolom(dialog, 7)
    assert keadaan[0] == "Diimpor" and keadaan[1].startswith("Ditolak: ")
    dialog.daftar.setCurrentItem(dialog.daftar.topLevelItem(1))
    assert "berubah sejak diperiksa" in dialog.rincian.toPlainText()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "impor_desa_berubah.png"))
    nilai = sorted(n.nilai for n in NilaiRealisasi.select())
    assert nilai == [5.0]  # the checked 5 of Kemiri; nothing of Sengguruh, neither 3 nor 30
