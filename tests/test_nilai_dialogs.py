"""The monthly cycle in the window: import history with undo, CSV in and out, the targets
workbook out and back in; no message sends the operator to a command."""

from pathlib import Path

import pytest
from desa_bantuan import isi, templat
from nilai_bantuan import parse_cell_target
from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget

from kinerja_desktop.db.models import ImporBatch, Indikator, NilaiRealisasi
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.nilai_dialogs import (
    create_actions,
    pratinjau_buku_target,
    pratinjau_csv,
)
from kinerja_desktop.ui.riwayat_impor import RiwayatImporDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CSV = (
    "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    "KASUBAG-UMUM.02,2020,,target,8,,\n"
    "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
)


class Jendela(QWidget):
    """What the dialogs need of the main window: the year and where changes go."""

    def __init__(self) -> None:
        super().__init__()
        self.tahun = 2020
        self.perubahan: list = []

    def apply_changes(self, perubahan) -> None:
        self.perubahan.append(perubahan)


@pytest.fixture
def jendela(db, qtbot):
    create_app()
    w = Jendela()
    qtbot.addWidget(w)
    return w


def ind(kode):
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020)


def test_history_lists_imports_and_undoes_one(jendela, qtbot, tmp_path):
    from kinerja_desktop.exchange.desa_import import import_berkas_desa

    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 5, (1, 1): 0})])
    dlg = RiwayatImporDialog(None, jendela.apply_changes)
    qtbot.addWidget(dlg)
    dlg.resize(980, 480)  # its own size
    dlg.show()
    assert dlg.tabel.rowCount() == 1 and dlg.tabel.isVisible()
    row = [dlg.tabel.item(0, c).text() for c in range(dlg.tabel.columnCount())]
    assert row[3] == "Isian desa" and row[4] == "Desa Kemiri" and row[5] == "Triwulan I 2020"
    assert row[6:] == ["2", "0", "0", "Berlaku"]
    assert "2026" in row[1] or any(m in row[1] for m in ("Januari", "November"))
    assert not dlg.btn_batal.isEnabled()  # nothing chosen yet
    dlg.select(ImporBatch.get().id)
    assert dlg.btn_batal.isEnabled()
    ARTIFACTS.mkdir(exist_ok=True)
    dlg.grab().save(str(ARTIFACTS / "riwayat_impor.png"))
    assert dlg.cancel_selected(tanya=False)
    assert NilaiRealisasi.select().count() == 0
    assert dlg.tabel.item(0, 9).text() == "Dibatalkan"
    assert dlg.tabel.item(0, 9).toolTip().startswith("Dibatalkan ")  # and when
    # at the dialog's own width every header reads whole, Berkas too
    header = dlg.tabel.horizontalHeader()
    lebar_judul = header.fontMetrics().horizontalAdvance("Berkas")
    assert dlg.tabel.columnWidth(2) > lebar_judul + 20
    assert jendela.perubahan and jendela.perubahan[0].nilai
    assert "dibatalkan" in dlg.keterangan.text()
    dlg.select(ImporBatch.get().id)
    assert not dlg.btn_batal.isEnabled()  # an undone import cannot be undone again


def test_history_sorts_and_explains_an_empty_log(jendela, qtbot):
    dlg = RiwayatImporDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.tabel.isHidden() and "Belum ada impor" in dlg.kosong.text()
    assert dlg.tabel.isSortingEnabled()


def test_csv_import_previews_then_imports(jendela, qtbot, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(CSV, encoding="utf-8")
    dlg = pratinjau_csv(jendela, berkas)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "2 baru, 0 diubah, 0 sama, 0 ditolak" in dlg.ringkasan.text()
    assert dlg.btn_impor.isEnabled() and "Belum ada yang disimpan" in dlg.keterangan.text()
    dlg.apply_import()
    assert parse_cell_target(ind("KASUBAG-UMUM.02").id, "2020") == Target(8)
    assert "Riwayat Impor" in dlg.keterangan.text() and "nomor" not in dlg.keterangan.text()
    assert jendela.perubahan
    # the same file again: nothing to import
    dlg = pratinjau_csv(jendela, berkas)
    qtbot.addWidget(dlg)
    assert not dlg.btn_impor.isEnabled() and "0 baru, 0 diubah, 2 sama" in dlg.ringkasan.text()
    # a refused row names its line and reason, and nothing can be imported
    berkas.write_text(CSV + "KASUBAG-UMUM.02,202002,,realisasi,tiga,,\n", encoding="utf-8")
    dlg = pratinjau_csv(jendela, berkas)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "baris 4" in dlg.rincian.toPlainText() and not dlg.btn_impor.isEnabled()
    assert "kinerja-desktop" not in dlg.rincian.toPlainText()
    dlg.grab().save(str(ARTIFACTS / "impor_csv_ditolak.png"))


def test_targets_workbook_out_and_back_in(jendela, qtbot, tmp_path):
    from kinerja_desktop.exchange.buku_target import write_buku_target

    path = tmp_path / "Target IKI 2020.xlsx"
    write_buku_target(2020, path)
    wb = load_workbook(path)
    ws = wb["Target"]
    r = next(x for x in range(6, ws.max_row + 1) if ws.cell(row=x, column=2).value == "SEKCAM.02")
    ws.cell(row=r, column=6).value = "90-100"
    wb.save(path)
    dlg = pratinjau_buku_target(jendela, path, 2020)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "1 target baru" in dlg.ringkasan.text() and dlg.btn_impor.isEnabled()
    dlg.apply_import()
    assert parse_cell_target(ind("SEKCAM.02").id, "2020") == Target(90, 100)
    assert ImporBatch.get().jenis == "target"


def test_the_data_menu_offers_every_step(jendela):
    teks = [a.text().replace("&", "") for a in create_actions(jendela)]
    assert teks == [
        "Buat Buku Kerja Target…",
        "Impor Buku Kerja Target…",
        "Impor CSV Nilai…",
        "Ekspor CSV Nilai…",
        "Impor CSV Monev…",
        "Ekspor CSV Monev…",
        "Riwayat Impor…",
    ]


def test_monev_csv_previews_then_imports(jendela, qtbot, tmp_path):
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.ops_program import (
        IsiKegiatan,
        IsiProgram,
        add_kegiatan,
        add_program,
    )
    from kinerja_desktop.db.queries_program import read_realisasi_anggaran
    from kinerja_desktop.exchange.monev_csv import write_monev_csv
    from kinerja_desktop.ui.nilai_dialogs import pratinjau_monev

    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang")).data
    add_kegiatan(program, IsiKegiatan("Administrasi Umum", "", 400_000_000))
    berkas = tmp_path / "monev.csv"
    write_monev_csv(2020, berkas)
    baris = berkas.read_text(encoding="utf-8").split("\n")
    baris[1] = baris[1].replace("2020Q1,,", '2020Q1,"Rp 100.000.000",')
    berkas.write_text("\n".join(baris), encoding="utf-8")
    dlg = pratinjau_monev(jendela, berkas)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "1 baru, 0 diubah, 0 sama, 0 ditolak, 3 belum diisi" in dlg.ringkasan.text()
    assert dlg.btn_impor.isEnabled()
    dlg.apply_import()
    assert [r.nilai for r in read_realisasi_anggaran(2020)] == [100_000_000]
    assert jendela.perubahan[-1].program


def test_no_window_message_sends_the_operator_to_the_command_line():
    """The texts of the windows and of the checks they show name menus, never commands."""
    import kinerja_desktop

    root = Path(kinerja_desktop.__file__).parent
    for sub in ("ui", "exchange"):
        for path in (root / sub).rglob("*.py"):
            teks = path.read_text(encoding="utf-8")
            assert "kinerja-desktop templat" not in teks, path
            assert "nomor impor" not in teks, path
