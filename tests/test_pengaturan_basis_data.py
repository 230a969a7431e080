"""What the window and the settings remember is kept where it belongs: the year, jabatan and
tab shown last, each report's folder and the last backup to a stick belong to one database
(its own folder); the window's place, the splitter, the paper and the last folder chosen
belong to the PC (the data folder). Two kecamatan's databases on one PC never take each
other's; the files an office had before stay its default database's; a read-only folder
keeps the defaults without a message (tests/pengaturan_hanya_baca.py)."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from namespace_disk import unshare_ok
from PySide6.QtCore import QSettings

from kinerja_desktop import settings
from kinerja_desktop.db import queries_jabatan
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.kantor import make_other_database
from kinerja_desktop.db.location import parse_location
from kinerja_desktop.db.models import Tahun, database_proxy
from kinerja_desktop.paths import data_dir
from kinerja_desktop.ui.app import create_app
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.window_settings import database_settings_path

HELPER = Path(__file__).parent / "pengaturan_hanya_baca.py"
ARTIFACTS = Path(__file__).parent / "artifacts"
TAHUN_INI = date.today().year  # the year of the other kecamatan's example IKI
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _open_window(qtbot: object, db_file: Path) -> MainWindow:
    """The window on ``db_file``, as a start opens it: the database bound, then the window."""
    open_database(db_file, daily_backup=False)
    window = MainWindow(db_file)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(900, 600)
    window.show()
    window.show_jabatan_view()
    return window


def _choose(window: MainWindow, tahun: int, kode: str, tab: int) -> None:
    window.year_combo.setCurrentIndex(window.year_combo.findData(tahun))
    jabatan = next(j for j in queries_jabatan.list_jabatan(tahun) if j.kode == kode)
    assert window.select_jabatan(jabatan.id)
    window.tab_widget.setCurrentIndex(tab)


def _shown(window: MainWindow) -> tuple[int | None, str | None, int]:
    return window.tahun, window.selected_kode(), window.tab_widget.currentIndex()


@pytest.fixture
def kantor_lain(db_path: Path) -> Path:
    """A second kecamatan's database beside the default one, made as Berkas › Basis Data Baru
    makes it (with the example IKI, so the same jabatan codes), holding 2020 as well."""
    target = data_dir() / "kinerja-sumberpucung.sqlite3"
    open_database(db_path, daily_backup=False)
    make_other_database(target, "35.07.12", contoh=True)
    open_database(target, daily_backup=False)
    Tahun.create(tahun=2020)
    database_proxy.close()
    return target


def test_another_kecamatan_keeps_its_own_year_jabatan_tab_and_folders(
    qtbot, db_path, kantor_lain, tmp_path
):
    create_app()
    kepanjen = _open_window(qtbot, db_path)
    Tahun.create(tahun=2027)  # a later year: the year remembered is not simply the latest
    kepanjen.fill_years()
    _choose(kepanjen, 2020, "KASI-PEM", 2)
    usb_kepanjen = tmp_path / "usb-kepanjen"
    usb_kepanjen.mkdir()
    settings.set_value("folder_iki", str(usb_kepanjen))
    settings.set_value("folder_terakhir", str(usb_kepanjen))
    settings.set_value("kertas", "a4")
    kepanjen.close()

    lain = _open_window(qtbot, kantor_lain)
    assert "Sumberpucung" in lain.windowTitle()
    first = queries_jabatan.list_jabatan(TAHUN_INI)[0].kode
    assert first != "KASI-PEM"
    # not 2020, KASI-PEM and the third tab, which exist here too: its own latest year and
    # first jabatan, on the first tab
    assert _shown(lain) == (TAHUN_INI, first, 0)
    assert lain.size() == kepanjen.size()  # the window's size is the PC's
    assert settings.get("folder_iki") == ""  # Kepanjen's report folder is not proposed
    assert settings.get("folder_terakhir") == str(usb_kepanjen)  # the PC's last folder is
    assert settings.get("kertas") == "a4"
    _choose(lain, TAHUN_INI, "SEKCAM", 3)
    settings.set_value("folder_iki", str(tmp_path))
    lain.close()

    again = _open_window(qtbot, db_path)
    assert _shown(again) == (2020, "KASI-PEM", 2)
    assert settings.get("folder_iki") == str(usb_kepanjen)
    again.close()
    lain_again = _open_window(qtbot, kantor_lain)
    assert _shown(lain_again) == (TAHUN_INI, "SEKCAM", 3)
    assert settings.get("folder_iki") == str(tmp_path)
    lain_again.close()

    # where each is kept: the other database's own folder beside its file, the data folder
    own = data_dir() / "kinerja-sumberpucung-berkas"
    lain_ini = QSettings(str(own / "jendela.ini"), QSettings.Format.IniFormat)
    assert lain_ini.value("terakhir/jabatan") == "SEKCAM"
    assert lain_ini.value("jendela/geometri") is None
    assert "folder_iki" in (own / "pengaturan.ini").read_text(encoding="utf-8")
    assert "kertas" not in (own / "pengaturan.ini").read_text(encoding="utf-8")
    shared = QSettings(str(data_dir() / "jendela.ini"), QSettings.Format.IniFormat)
    assert shared.value("terakhir/jabatan") == "KASI-PEM"  # the default database's own
    assert shared.value("jendela/geometri") is not None


def test_a_backup_to_a_stick_counts_for_its_own_database_only(db_path, kantor_lain, tmp_path):
    from kinerja_desktop.db.archive import export_backup
    from kinerja_desktop.reports.pekerjaan import cadangan_flashdisk

    open_database(db_path, daily_backup=False)
    hasil = export_backup(db_path, tmp_path)
    assert "hari ini" in cadangan_flashdisk(date.today()).teks
    open_database(kantor_lain, daily_backup=False)
    # Sumberpucung was never backed up: the Beranda must not say it was today
    assert "belum pernah dicadangkan" in cadangan_flashdisk(date.today()).teks
    open_database(db_path, daily_backup=False)
    assert settings.get("cadangan_luar_berkas") == str(hasil.path)


def test_what_an_office_remembered_before_stays_its_default_databases(
    qtbot, db_path, kantor_lain, tmp_path
):
    """An office upgrading from a version with one jendela.ini and one pengaturan.ini for
    every database keeps all of it on its default database; another database takes only
    what belongs to the PC."""
    usb = tmp_path / "usb"
    usb.mkdir()
    old = QSettings(str(data_dir() / "jendela.ini"), QSettings.Format.IniFormat)
    for key, value in {
        "terakhir/tahun": 2020,
        "terakhir/jabatan": "KASUBAG-UMUM",
        "terakhir/tab": 3,
    }.items():
        old.setValue(key, value)
    old.sync()
    del old
    (data_dir() / "pengaturan.ini").write_text(
        "[kinerja]\nkertas = a4\n"
        f"folder_terakhir = {usb}\nfolder_capaian = {usb}\n"
        "cadangan_luar_waktu = 2026-11-01T08:00:00\n"
        f"cadangan_luar_berkas = {usb / 'kinerja-cadangan-2026-11-01-0800.zip'}\n",
        encoding="utf-8",
    )
    create_app()
    kepanjen = _open_window(qtbot, db_path)
    assert _shown(kepanjen) == (2020, "KASUBAG-UMUM", 3)
    assert settings.get("folder_capaian") == str(usb)
    assert settings.get("cadangan_luar_waktu") == "2026-11-01T08:00:00"
    kepanjen.close()

    lain = _open_window(qtbot, kantor_lain)
    assert _shown(lain)[1:] != ("KASUBAG-UMUM", 3)
    assert lain.tahun == TAHUN_INI
    assert settings.get("folder_capaian") == "" and settings.get("cadangan_luar_waktu") == ""
    assert settings.get("kertas") == "a4" and settings.get("folder_terakhir") == str(usb)
    lain.close()


def test_a_server_database_remembers_in_its_stand_ins_folder_on_this_pc():
    address = parse_location("postgresql://kinerja@192.168.1.10/kinerja_malang")
    assert database_settings_path(address) == data_dir() / "kinerja_malang-berkas" / "jendela.ini"


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount read-only disks")
def test_read_only_folders_keep_the_defaults_without_a_message(db_path, tmp_path):
    kantor = tmp_path / "kantor"
    kantor.mkdir()
    db_file = kantor / "kinerja-kantor.sqlite3"
    own = kantor / "kinerja-kantor-berkas"
    own.mkdir()
    data = Path(str(data_dir()))
    out = tmp_path / "hasil"
    out.mkdir()
    ARTIFACTS.mkdir(exist_ok=True)
    run = f"QT_QPA_PLATFORM=offscreen '{sys.executable}' '{HELPER}' '{db_file}'"
    script = (
        f"cp '{db_path}' '{db_file}' && "
        f"mount -t tmpfs -o ro tmpfs '{data}' && mount -t tmpfs -o ro tmpfs '{own}' && "
        f"{run} pertama '{out / 'pertama.json'}' '{ARTIFACTS}' && "
        f"{run} kedua '{out / 'kedua.json'}' '{ARTIFACTS}'"
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    pertama = json.loads((out / "pertama.json").read_text(encoding="utf-8"))
    kedua = json.loads((out / "kedua.json").read_text(encoding="utf-8"))
    assert pertama["dipilih"] == [2020, "KASI-PEM", 2]  # chosen, and closed without a crash
    for run_seen in (pertama, kedua):
        assert run_seen["kotak"] == [] and run_seen["qt"] == []  # no box, no Qt warning
    # the next start: the defaults (the first jabatan, the first tab), as nothing was written
    assert kedua["dipilih"][1] != "KASI-PEM" and kedua["dipilih"][2] == 0
    # a setting the operator asked to keep is refused with what to do, in Indonesian
    assert pertama["kertas"].startswith("Pengaturan tidak disimpan: folder " + str(data))
    assert "tidak dapat ditulisi" in pertama["kertas"]
    assert pertama["folder_iki"].startswith("Pengaturan tidak disimpan: folder " + str(own))
    # the report dialog's Jadikan bawaan says it where the operator looks, and stays usable
    assert pertama["dialog"]["galat"] == pertama["kertas"]
    assert pertama["dialog"]["kertas"] == "a4" and pertama["dialog"]["tombol"]
