"""Approval, login and the change history in the window: the approval line of the Target &
Realisasi tab, the login dialog (only for several users), Riwayat Perubahan and a cell's
history."""

from pathlib import Path

import pytest
from nilai_bantuan import baca_realisasi
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog

from kinerja_desktop.db.models import Indikator, Jabatan
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.pengguna import add_pengguna, log_in
from kinerja_desktop.db.persetujuan import status_persetujuan
from kinerja_desktop.db.sesi import log_in_as, pengguna_aktif
from kinerja_desktop.domain.capaian import Komponen
from kinerja_desktop.domain.persetujuan import Langkah, Peran, Status
from kinerja_desktop.ui.pengguna_dialogs import DialogMasuk, ask_log_in, teks_pengguna
from kinerja_desktop.ui.riwayat_dialog import DialogRiwayat, DialogRiwayatSel
from kinerja_desktop.ui.tabs.grid_model import ROLE_KEADAAN
from kinerja_desktop.ui.tabs.target_model import BARIS_REALISASI
from kinerja_desktop.ui.tabs.target_tab import TargetTab

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def ind(kode: str) -> Indikator:
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020)


@pytest.fixture
def tab(db, qtbot):
    widget = TargetTab(QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.set_jabatan(Jabatan.get(Jabatan.kode == "KASUBAG-UMUM", Jabatan.tahun == 2020).id)
    return widget


def cell(tab, kode: str, periode_id: str):
    baris = next(i for i, n in enumerate(tab.model.nilai) if n.info.kode == kode)
    kolom = next(
        c
        for c in range(tab.model.columnCount())
        if (p := tab.model.periode_kolom(c)) is not None and p.id == periode_id
    )
    return tab.model.index(baris * 3 + BARIS_REALISASI, kolom)


def tampak(tab) -> list[str]:
    return [lk.value for lk, t in tab.persetujuan.tombol.items() if not t.isHidden()]


def test_the_approval_line_takes_a_period_to_approved_and_locks_its_cells(tab, monkeypatch):
    i = ind("KASUBAG-UMUM.02")
    set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(3))])
    bar = tab.persetujuan
    bar.select("realisasi", "2020Q1")
    assert bar.status.text() == "Draf (belum diajukan)"
    assert tampak(tab) == ["ajukan"]  # the administrator of a one-person office
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        bar.tombol[langkah].click()
    assert bar.status.text().startswith(f"Disetujui oleh {pengguna_aktif().nama}, ")
    assert "terkunci" in bar.status.text()
    assert tampak(tab) == ["buka-kunci"]
    index = cell(tab, "KASUBAG-UMUM.02", "202001")
    assert index.data(ROLE_KEADAAN) == "terkunci"  # the grid was told
    assert not tab.model.setData(index, "9")
    assert baca_realisasi(i.id, "202001") == Komponen(3)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.grab().save(str(ARTIFACTS / "persetujuan-tab-1366.png"))
    tab.resize(1024, 700)
    tab.grab().save(str(ARTIFACTS / "persetujuan-tab-1024.png"))
    # unlocking asks for the reason; cancelling changes nothing
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    bar.tombol[Langkah.BUKA_KUNCI].click()
    assert status_persetujuan(i.sasaran.jabatan_id, "realisasi", "2020Q1").terkunci
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Salah ketik Januari", True))
    bar.tombol[Langkah.BUKA_KUNCI].click()
    assert bar.status.text().endswith("Catatan: Salah ketik Januari")
    assert cell(tab, "KASUBAG-UMUM.02", "202001").data(ROLE_KEADAAN) != "terkunci"


def test_an_operator_sees_only_the_submit_step(tab):
    add_pengguna("admin", Peran.ADMINISTRATOR, "sandi-admin")
    add_pengguna("siti", Peran.OPERATOR, "sandi-siti")
    log_in_as(log_in("siti", "sandi-siti"))
    tab.persetujuan.select("realisasi", "202001")
    assert tampak(tab) == ["ajukan"]
    tab.persetujuan.tombol[Langkah.AJUKAN].click()
    assert tampak(tab) == []  # verifying is the verifikator's
    jab = ind("KASUBAG-UMUM.02").sasaran.jabatan_id
    assert status_persetujuan(jab, "realisasi", "202001").status is Status.DIAJUKAN


def test_a_single_user_office_is_never_asked_to_log_in(db, qtbot):
    assert ask_log_in() is True  # no dialog at all
    assert teks_pengguna() == ""
    add_pengguna("admin", Peran.ADMINISTRATOR, "sandi-admin")
    assert ask_log_in() is True
    assert teks_pengguna() == ""


def test_the_login_dialog_keeps_a_refusal_in_view(db, qtbot):
    add_pengguna("admin", Peran.ADMINISTRATOR, "sandi-admin", "Kepala Subbag")
    add_pengguna("siti", Peran.OPERATOR, "sandi-siti", "Siti Aminah")
    dialog = DialogMasuk()
    qtbot.addWidget(dialog)
    dialog.nama.setCurrentIndex(dialog.nama.findData("siti"))
    assert dialog.nama.currentText() == "Siti Aminah (Operator)"
    dialog.sandi.setText("keliru")
    dialog.log_in()
    assert dialog.result() == 0 and "Sandi salah untuk siti" in dialog.pesan.text()
    dialog.sandi.setText("sandi-siti")
    dialog.log_in()
    assert dialog.result() == 1
    assert teks_pengguna() == "Pengguna: Siti Aminah (Operator)"


def test_riwayat_perubahan_filters_and_the_cell_history(tab, qtbot):
    i = ind("KASUBAG-UMUM.02")
    for nilai in (3, 4):
        set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202001"), komponen=Komponen(nilai))])
    set_values([NilaiMasuk(KunciNilai("realisasi", i.id, "202002"), komponen=Komponen(1))])
    dialog = DialogRiwayat(None, 2020)
    qtbot.addWidget(dialog)
    assert dialog.tabel.rowCount() == 3
    assert dialog.tabel.item(0, 7).text() == "Februari 2020"
    # a click on a header sorts: periods by their place in the year, not "F" before "J"
    dialog.tabel.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    assert [dialog.tabel.item(r, 7).text() for r in range(3)] == ["Januari 2020"] * 2 + [
        "Februari 2020"
    ]
    dialog.tabel.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first again
    assert dialog.tabel.item(0, 7).text() == "Februari 2020"
    # every indicator of the year by its code; choosing a jabatan leaves its own
    semua = [dialog.indikator.itemText(k) for k in range(1, dialog.indikator.count())]
    assert semua == sorted(semua) and len(semua) > 5 and "KASUBAG-UMUM.02" in semua
    dialog.jabatan.setCurrentIndex(dialog.jabatan.findData(i.sasaran.jabatan_id))
    assert (
        dialog.jabatan.currentText()
        == "Kasubag Umum, Kepegawaian, Keuangan dan Aset (KASUBAG-UMUM)"
    )
    assert [dialog.indikator.itemText(k) for k in range(dialog.indikator.count())] == [
        "(semua)"
    ] + [f"KASUBAG-UMUM.0{n}" for n in range(1, 6)]
    dialog.indikator.setCurrentIndex(dialog.indikator.findData(i.id))
    dialog.periode.setCurrentIndex(dialog.periode.findData("202001"))
    dialog.load()
    assert dialog.tabel.rowCount() == 2
    assert [dialog.tabel.item(0, j).text() for j in (9, 10)] == ["3", "4"]
    dialog.resize(1366, 600)
    dialog.grab().save(str(ARTIFACTS / "riwayat-perubahan.png"))

    dilihat: list[DialogRiwayatSel] = []

    def tutup() -> None:
        aktif = QApplication.activeModalWidget()
        if isinstance(aktif, DialogRiwayatSel):
            dilihat.append(aktif)
            aktif.reject()

    tab.view.setCurrentIndex(cell(tab, "KASUBAG-UMUM.02", "202001"))
    QTimer.singleShot(0, tutup)
    tab.show_cell_history(tab.view)
    assert dilihat and dilihat[0].tabel.rowCount() == 2
    assert dilihat[0].windowTitle() == "Riwayat: realisasi KASUBAG-UMUM.02 Januari 2020"


def test_the_desa_sums_of_an_approved_period_show_locked(tab):
    tab.set_jabatan(Jabatan.get(Jabatan.kode == "KASI-KESOS", Jabatan.tahun == 2020).id)
    bar = tab.persetujuan
    bar.select("realisasi", "2020Q1")
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        bar.tombol[langkah].click()
    # the Σ desa row is filled per desa, but its cells of the approved quarter look locked too
    for periode in ("202001", "202003", "2020Q1"):
        assert cell(tab, "KASI-KESOS.01", periode).data(ROLE_KEADAAN) == "terkunci", periode
    for periode in ("202004", "2020Q2"):
        assert cell(tab, "KASI-KESOS.01", periode).data(ROLE_KEADAAN) != "terkunci", periode
