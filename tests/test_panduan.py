"""The user guide: every section a "Bantuan" button opens exists, every picture it shows exists
and is small, it is shipped, and its search finds and marks words."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.capaian_dialog import CapaianDialog
from kinerja_desktop.ui.desa_dialogs import KekuranganDialog, KelengkapanDialog, TemplatDialog
from kinerja_desktop.ui.dokumen_dialogs import MonevDialog, PkDialog
from kinerja_desktop.ui.import_wizard import ImportDesaDialog
from kinerja_desktop.ui.kirim_dialog import KirimDialog
from kinerja_desktop.ui.lkjip_dialog import LkjipDialog
from kinerja_desktop.ui.panduan import PanduanWindow, path_panduan
from kinerja_desktop.ui.pilih_cadangan import PilihCadanganDialog
from kinerja_desktop.ui.report_dialog import ReportDialog
from kinerja_desktop.ui.skp_dialog import SkpLaporanDialog
from kinerja_desktop.ui.tasks import TaskRunner

ARTIFACTS = Path(__file__).parent / "artifacts"
UKURAN_GAMBAR_PALING_BESAR = 100 * 1024
_DB: list[Path] = []  # this test's database file, for the dialogs that take it
# the offscreen platform neither sizes nor raises windows
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "support raise")


class _Isi(HTMLParser):
    """The anchors (id, a name) and the pictures (img src) of the guide."""

    def __init__(self) -> None:
        super().__init__()
        self.anchor: list[str] = []
        self.gambar: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.anchor.append(str(a["id"]))
        if tag == "a" and a.get("name"):
            self.anchor.append(str(a["name"]))
        if tag == "img":
            self.gambar.append(str(a["src"]))


@pytest.fixture(scope="module")
def isi() -> _Isi:
    parser = _Isi()
    parser.feed(path_panduan().read_text(encoding="utf-8"))
    return parser


def test_every_section_a_button_opens_is_in_the_guide(isi):
    assert sorted(b.value for b in Bagian if b.value not in isi.anchor) == []
    assert len(isi.anchor) == len(set(isi.anchor))  # no anchor twice
    tautan = re.findall(r'href="#([^"]+)"', path_panduan().read_text(encoding="utf-8"))
    assert tautan and sorted(set(tautan) - set(isi.anchor)) == []


def test_every_picture_exists_and_is_small(isi):
    assert len(isi.gambar) >= 8
    folder = path_panduan().parent
    for src in isi.gambar:
        path = folder / src
        assert path.is_file(), src
        assert path.stat().st_size <= UKURAN_GAMBAR_PALING_BESAR, src


@pytest.mark.parametrize(
    ("buat", "bagian"),
    [
        (lambda: ReportDialog(None, 2020), Bagian.CETAK_IKI),
        (lambda: CapaianDialog(None, 2020), Bagian.LAPORAN_CAPAIAN),
        (lambda: TemplatDialog(None, 2020), Bagian.TEMPLAT_DESA),
        (lambda: KekuranganDialog(None, 2020, "bulan"), Bagian.KELENGKAPAN),
        (lambda: KirimDialog(None, 2020), Bagian.KIRIM_KABUPATEN),
        (lambda: ImportDesaDialog(None, TaskRunner(), None, 2020), Bagian.IMPOR_DESA),
        (lambda: KelengkapanDialog(None, 2020), Bagian.KELENGKAPAN),
        (lambda: PilihCadanganDialog(None, _DB[0]), Bagian.CADANGAN),
        (lambda: PkDialog(None, 2020), Bagian.DOKUMEN_KINERJA),
        (lambda: MonevDialog(None, 2020), Bagian.DOKUMEN_KINERJA),
        (lambda: LkjipDialog(None, 2020), Bagian.LKJIP),
        (lambda: SkpLaporanDialog(None, 2020), Bagian.SKP),
    ],
)
def test_a_dialogs_bantuan_button_opens_its_section(qtbot, db, db_path, buat, bagian):
    _DB[:] = [db_path]
    dialog = buat()
    qtbot.addWidget(dialog)
    tombol = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Bantuan")
    assert tombol.property("bagian_bantuan") == bagian.value
    qtbot.mouseClick(tombol, Qt.MouseButton.LeftButton)
    panduan = dialog.findChild(PanduanWindow)
    assert panduan is not None and panduan.isVisible()
    assert panduan.bagian_terbuka == bagian.value
    judul = panduan.daftar.currentItem().text().strip()
    assert judul and panduan.teks.isVisible()
    panduan.close()


def test_the_list_of_sections_follows_the_monthly_cycle(qtbot):
    panduan = PanduanWindow()
    qtbot.addWidget(panduan)
    bagian = panduan.bagian()
    urutan = [
        "target",
        "templat-desa",
        "impor-desa",
        "kelengkapan",
        "persetujuan",
        "laporan",
        "cetak",
        "kirim-kabupaten",
        "cadangan",
    ]
    assert [b for b in bagian if b in urutan] == urutan
    judul = [panduan.daftar.item(i).text() for i in range(panduan.daftar.count())]
    assert "1. Menetapkan target" in judul and "8. Mencadangkan ke flashdisk" in judul


def test_search_marks_every_place_and_steps_through_them(qtbot):
    panduan = PanduanWindow()
    qtbot.addWidget(panduan)
    panduan.resize(1024, 700)
    qtbot.keyClicks(panduan.cari, "flashdisk")
    jumlah = len(panduan.teks.extraSelections())
    assert jumlah >= 5
    assert panduan.hasil_cari.text() == f"1 dari {jumlah} tempat"
    pertama = panduan.teks.textCursor().position()
    qtbot.keyClick(panduan.cari, Qt.Key.Key_Return)
    assert panduan.hasil_cari.text() == f"2 dari {jumlah} tempat"
    assert panduan.teks.textCursor().position() > pertama
    qtbot.keyClick(panduan.cari, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert panduan.teks.textCursor().position() == pertama
    # every mark is the word, in any case
    for sel in panduan.teks.extraSelections():
        assert sel.cursor.selectedText().lower() == "flashdisk"
    ARTIFACTS.mkdir(exist_ok=True)
    panduan.grab().save(str(ARTIFACTS / "panduan_cari.png"))

    panduan.cari.setText("qwertyuiop")
    assert panduan.hasil_cari.text() == "Tidak ditemukan"
    assert panduan.teks.extraSelections() == []
    assert not panduan.berikutnya.isEnabled()


def test_bantuan_panduan_is_f1_and_opens_one_guide(qtbot, db, db_path):
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.complete_menus()  # the dialogs' menu items join after the first paint
    panduan_action = window.menu_bantuan.actions()[0]
    assert panduan_action.text() == "&Panduan"
    assert panduan_action.shortcut() == QKeySequence("F1")
    panduan_action.trigger()
    panduan = window.findChild(PanduanWindow)
    assert panduan is not None and panduan.isVisible()
    panduan_action.trigger()
    assert window.findChildren(PanduanWindow) == [panduan]  # the same window, not a second
    panduan.close()
    window.tasks.wait()
