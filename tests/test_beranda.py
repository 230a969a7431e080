"""The Beranda driven as the operator on the 5th of the month sees it: its figures equal the
completeness table and the capaian report of the same period, every to-do line opens its
place, a new office is welcomed with first steps, and it follows changes."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox
from tahun_terisi import DESA_BELUM, JABATAN_KOSONG, TANPA_TARGET, isi_tahun

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.models import SUMBER_ENTRI, Indikator, Jabatan
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, apply_plan, plan_values
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.periode import triwulan
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.reports.beranda import build_beranda
from kinerja_desktop.reports.capaian_data import build_capaian_report
from kinerja_desktop.reports.grafik import BELUM
from kinerja_desktop.reports.kelengkapan import kelengkapan
from kinerja_desktop.reports.pekerjaan import Tab, Tempat
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow

ARTIFACTS = Path(__file__).parent / "artifacts"
HARI = date(2020, 11, 5)  # the 5th: October is the last closed month, Triwulan III the last TW

# The offscreen platform warns that it cannot resize a window to its menu bar.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def label_kerja(beranda) -> list[QLabel]:
    """The to-do lines as shown on the Beranda (the first steps of a new office included)."""
    hasil = []
    for layout in (beranda.baris_kerja, beranda.baris_awal):
        for i in range(layout.count()):
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                hasil.append(widget)
    return hasil


def _jabatan(kode: str) -> int:
    return Jabatan.get((Jabatan.tahun == 2020) & (Jabatan.kode == kode)).id


def _indikator(kode: str) -> int:
    return Indikator.get((Indikator.tahun == 2020) & (Indikator.kode == kode)).id


def test_figures_equal_the_completeness_table_and_the_capaian_report(db):
    isi_tahun(2020, 10)
    take_step(Langkah.AJUKAN, _jabatan("SEKCAM"), "realisasi", "2020Q3")
    data = build_beranda(2020, HARI)
    assert not data.kosong
    assert data.bulan_selesai is not None and data.bulan_selesai.id == "202010"
    assert data.periode_capaian == triwulan(2020, 3)

    # the grid holds exactly the cells of Kelengkapan Data Desa, month and triwulan
    for per, grid in (("bulan", data.per_bulan), ("triwulan", data.per_triwulan)):
        periode, sel = kelengkapan(2020, per, HARI)
        assert list(grid.periode) == periode
        assert sorted(grid.sel.values(), key=lambda s: (s.kode_desa, s.periode)) == sorted(
            sel, key=lambda s: (s.kode_desa, s.periode)
        )
        for (r, c), s in grid.sel.items():
            assert (grid.desa[r], grid.periode[c].id) == (s.nama_desa, s.periode)

    # the chart holds the capaian report's recap: same order, names, numbers and colours
    laporan = build_capaian_report(2020, "2020Q3")
    assert [(b.kode, b.label, b.capaian, b.warna) for b in data.grafik.batang] == [
        (j.kode, j.label, j.capaian, j.warna) for j in laporan.jabatan
    ]
    assert data.grafik.judul == "Capaian per jabatan, Triwulan III 2020"

    teks = [p.teks for p in data.pekerjaan]
    desa = [t for t in teks if "belum mengirim data Oktober 2020" in t]
    assert len(desa) == 1 and desa[0].startswith(f"{DESA_BELUM} desa/kelurahan belum mengirim")
    assert any("baru mengirim sebagian data Oktober 2020" in t for t in teks)
    trantib = Jabatan.get_by_id(_jabatan(JABATAN_KOSONG)).nama
    assert any(t.startswith(f"{trantib}: realisasi Oktober 2020 belum ada") for t in teks)
    for kode in TANPA_TARGET:
        nama = Indikator.get_by_id(_indikator(kode)).sasaran.jabatan.nama
        assert f"{nama}: 1 indikator belum punya target tahun 2020." in teks
    assert any(
        t.startswith("Realisasi Triwulan III 2020 Sekretaris Kecamatan menunggu verifikasi")
        for t in teks
    )
    assert teks[-1].startswith("Data belum pernah dicadangkan ke flashdisk.")
    # each line says where it is done
    tujuan = {p.teks: p.tujuan for p in data.pekerjaan}
    assert tujuan[desa[0]].tempat is Tempat.IMPOR_DESA
    target = next(p.tujuan for p in data.pekerjaan if "belum punya target" in p.teks)
    assert target.tempat is Tempat.JABATAN and target.tab is Tab.TARGET
    assert target.indikator_id in {_indikator(k) for k in TANPA_TARGET}


def test_a_jabatan_without_capaian_says_so_and_a_year_without_values_is_welcomed(db):
    data = build_beranda(2020, HARI)
    assert data.kosong and data.langkah_awal  # the built-in data: a new office
    assert [p.tujuan.tempat for p in data.langkah_awal] == [
        Tempat.DAFTAR_JABATAN,
        Tempat.DAFTAR_JABATAN,
        Tempat.TEMPLAT_DESA,
        Tempat.IMPOR_DESA,
        Tempat.CADANGAN,
    ]
    ind = _indikator("SEKCAM.01")
    apply_plan(plan_values([NilaiMasuk(KunciNilai("target", ind, "2020"), Target(10))]))
    data = build_beranda(2020, HARI)
    assert not data.kosong
    assert {(b.capaian, b.teks, b.kategori, b.warna) for b in data.grafik.batang} == {
        (None, BELUM, BELUM, None)
    }  # "belum ada data", never a bar of 0


def test_the_pdf_chart_draws_the_same_model(db, tmp_path):
    from reportlab.graphics.shapes import Rect, String

    from kinerja_desktop.reports.capaian_pdf import _chart
    from kinerja_desktop.reports.fonts import register_fonts

    register_fonts()  # render_capaian_pdf does this before it draws the chart
    isi_tahun(2020, 3)
    laporan = build_capaian_report(2020, "2020Q1")
    data = build_beranda(2020, date(2020, 4, 5))
    gambar = _chart(laporan, 480)
    teks = [s.text for s in gambar.contents if isinstance(s, String)]
    for b in data.grafik.batang:
        assert b.teks in teks  # "87,5%" on paper and on screen
    warna = [r.fillColor.hexval().lower() for r in gambar.contents if isinstance(r, Rect)]
    assert warna == [f"0x{b.warna.lstrip('#')}".lower() for b in data.grafik.batang if b.has_bar]


# --- the window --------------------------------------------------------------------------------


def _buka(qtbot, db_path: Path, lebar: int = 1366, tinggi: int = 768) -> MainWindow:
    create_app()
    win = MainWindow(db_path)
    win.beranda.hari_ini = lambda: HARI
    qtbot.addWidget(win)
    win.resize(lebar, tinggi)
    with qtbot.waitSignal(win.beranda.dimuat, timeout=20000):
        win.show()
    return win


@pytest.fixture
def terisi(db, db_path):
    isi_tahun(2020, 10)
    take_step(Langkah.AJUKAN, _jabatan("SEKCAM"), "realisasi", "2020Q3")
    return db_path


def _tutup_dialog_nanti(terlihat: list[str]) -> None:
    """Close the next modal window (a dialog, a folder chooser) and note its class."""

    def tutup() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(20, tutup)
            return
        terlihat.append(type(w).__name__)
        if isinstance(w, QMessageBox | QFileDialog | QDialog):
            w.reject()

    QTimer.singleShot(20, tutup)


def test_the_window_opens_on_the_beranda_and_every_line_leads_to_its_place(qtbot, terisi):
    from kinerja_desktop.ui.tabs.target_tab import TargetTab

    win = _buka(qtbot, terisi)
    beranda = win.beranda
    assert win.pusat.currentWidget() is beranda and win.act_beranda.isChecked()
    assert beranda.shows_pictures() and not beranda.sambutan.isVisible()
    # what is drawn is the data read
    periode, sel = kelengkapan(2020, "bulan", HARI)
    gambar = beranda.gambar
    assert list(gambar.peta.data.periode) == periode
    assert len(gambar.peta.data.sel) == len(sel)
    laporan = build_capaian_report(2020, "2020Q3")
    assert [b.capaian for b in gambar.grafik.grafik.batang] == [j.capaian for j in laporan.jabatan]

    ARTIFACTS.mkdir(exist_ok=True)
    for lebar in (1366, 1024):
        win.resize(lebar, 768)
        # nothing wider than the window: no horizontal scrolling at either size (waited for,
        # since a loaded machine lays the new width out later than 50 ms)
        qtbot.waitUntil(lambda: not beranda.horizontalScrollBar().isVisible(), timeout=3000)
        win.grab().save(str(ARTIFACTS / f"beranda_{lebar}x768.png"))

    lines = label_kerja(beranda)
    assert len(lines) == len(beranda.data.pekerjaan)
    for label, kerja in zip(lines, beranda.data.pekerjaan, strict=True):
        win.show_beranda()
        tujuan = kerja.tujuan
        terlihat: list[str] = []
        if tujuan.tempat is not Tempat.JABATAN:
            _tutup_dialog_nanti(terlihat)
        label.linkActivated.emit(str(label.property("kerja")))  # what a click on the link sends
        if tujuan.tempat is Tempat.JABATAN:
            assert win.pusat.currentWidget() is win.splitter, kerja.teks
            assert win.tree.selected_id() == tujuan.jabatan_id
            tab = win.tab_widget.currentWidget()
            assert isinstance(tab, TargetTab)
            if tujuan.persetujuan is not None:
                assert tab.persetujuan.pilihan() == tujuan.persetujuan
        else:
            qtbot.waitUntil(lambda t=terlihat: bool(t), timeout=5000)
            expected = {
                Tempat.IMPOR_DESA: "ImportDesaDialog",
                Tempat.KELENGKAPAN: "KelengkapanDialog",
                Tempat.CADANGAN: "QFileDialog",
            }[tujuan.tempat]
            assert terlihat == [expected], kerja.teks

    # a bar of the chart opens its jabatan's Target & Realisasi
    win.show_beranda()
    grafik = gambar.grafik
    i = next(i for i, b in enumerate(grafik.grafik.batang) if b.kode == JABATAN_KOSONG)
    top, tinggi = grafik._arrange(grafik.width()).baris[i]
    qtbot.mouseClick(grafik, Qt.MouseButton.LeftButton, pos=QPoint(5, top + tinggi // 2))
    assert win.pusat.currentWidget() is win.splitter
    assert win.tree.selected_id() == _jabatan(JABATAN_KOSONG)
    assert isinstance(win.tab_widget.currentWidget(), TargetTab)
    win.tasks.wait()


def test_a_new_office_is_welcomed_and_the_view_follows_changes(qtbot, db, db_path):
    win = _buka(qtbot, db_path, 1024, 768)
    beranda = win.beranda
    assert beranda.sambutan.isVisible() and not beranda.shows_pictures()
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / "beranda_kantor_baru_1024x768.png"))
    awal = label_kerja(beranda)[-5:]
    assert awal[0].text().endswith("Periksa pohon jabatan, uraian tugas dan indikator IKI "
                                   "tahun 2020; ubah yang berbeda di kantor ini.</a>")  # fmt: skip
    awal[0].linkActivated.emit("0")
    assert win.pusat.currentWidget() is win.splitter and win.act_jabatan.isChecked()
    win.show_jabatan_view()

    # a value typed in the grid: the change record reaches the Beranda, which reads again
    ind = _indikator("KASUBAG-UMUM.02")
    masuk = [
        NilaiMasuk(KunciNilai("target", ind, "2020"), Target(8)),
        NilaiMasuk(KunciNilai("realisasi", ind, "202009"), komponen=Komponen(nilai=2)),
    ]
    apply_plan(plan_values(masuk), SUMBER_ENTRI)
    win.apply_changes(Perubahan("Nilai diubah.", tahun=2020, nilai=True))
    with qtbot.waitSignal(beranda.dimuat, timeout=20000):
        qtbot.keyClick(win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert win.pusat.currentWidget() is beranda
    assert beranda.shows_pictures() and not beranda.sambutan.isVisible()
    kasubag = next(b for b in beranda.gambar.grafik.grafik.batang if b.kode == "KASUBAG-UMUM")
    assert kasubag.capaian is not None
    win.tasks.wait()


def test_the_first_steps_of_a_new_office_open_their_dialogs(qtbot, db, db_path):
    win = _buka(qtbot, db_path)
    awal = label_kerja(win.beranda)[-5:]
    for label, expected in zip(
        awal[2:], ("TemplatDialog", "ImportDesaDialog", "QFileDialog"), strict=True
    ):
        win.show_beranda()
        terlihat: list[str] = []
        _tutup_dialog_nanti(terlihat)
        label.linkActivated.emit(str(label.property("kerja")))
        qtbot.waitUntil(lambda t=terlihat: bool(t), timeout=5000)
        assert terlihat == [expected], label.text()
    win.tasks.wait()


def test_a_database_without_years_says_what_to_do(qtbot, db, db_path):
    from kinerja_desktop.db.models import Tahun

    Tahun.delete().execute()
    win = _buka(qtbot, db_path, 1024, 768)
    beranda = win.beranda
    assert "belum berisi tahun IKI" in beranda.keterangan.text()
    assert "Data › Impor IKI dari Excel…" in beranda.keterangan.text()
    # no empty boxes without a word: only the sentence saying what to do
    assert not beranda.atas.isVisible() and not beranda.shows_pictures()
    assert not beranda.sambutan.isVisible()
