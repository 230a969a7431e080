"""The first-start welcome and the kecamatan picker (also Berkas › Basis Data Baru…)."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from kinerja_desktop.db.connection import has_content
from kinerja_desktop.db.kantor import make_first_database
from kinerja_desktop.db.models import Kantor, database_proxy
from kinerja_desktop.ui.kantor_dialogs import (
    KODE_ROLE,
    PilihKecamatanDialog,
    SambutanDialog,
)

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform


def _kecamatan_tampil(dialog: PilihKecamatanDialog) -> dict[str, QModelIndex]:
    """The kecamatan the filtered tree shows, by name."""
    hasil = {}
    proxy = dialog.proxy
    stack = [QModelIndex()]
    while stack:
        induk = stack.pop()
        for baris in range(proxy.rowCount(induk)):
            index = proxy.index(baris, 0, induk)
            if index.data(KODE_ROLE):
                hasil[index.data()] = index
            else:
                stack.append(index)
    return hasil


def test_typing_sumber_finds_the_sumber_kecamatan_of_malang(qtbot):
    dialog = PilihKecamatanDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.tombol.button(dialog.tombol.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(dialog.cari, "sumber")
    tampil = _kecamatan_tampil(dialog)
    assert {"Sumberpucung", "Sumbermanjing Wetan"} <= set(tampil)
    assert all("sumber" in nama.lower() for nama in tampil)
    dialog.view.setCurrentIndex(tampil["Sumberpucung"])
    assert dialog.kode == "35.07.12"
    assert "Sumberpucung" in dialog.pilihan.text() and "7 desa/kelurahan" in dialog.pilihan.text()
    assert dialog.tombol.button(dialog.tombol.StandardButton.Ok).isEnabled()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "pilih_kecamatan.png"))
    dialog.cari.clear()
    qtbot.keyClicks(dialog.cari, "kota batu")
    assert set(_kecamatan_tampil(dialog)) == {"Batu", "Bumiaji", "Junrejo"}


def test_welcome_kepanjen_is_the_built_in_data(qtbot, tmp_path):
    path = tmp_path / "baru" / "kinerja.sqlite3"
    assert not has_content(path)  # the welcome is shown
    dialog = SambutanDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "sambutan.png"))
    dialog.kepanjen.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.kode is None
    make_first_database(path, dialog.kode, dialog.contoh)
    database_proxy.obj.close()
    database_proxy.initialize(None)
    assert has_content(path)  # the next start opens it
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT kecamatan FROM kantor").fetchone() == ("Kepanjen",)
        assert raw.execute("SELECT count(*) FROM desa").fetchone() == (18,)


def test_welcome_another_kecamatan_makes_its_office(tmp_path):
    path = tmp_path / "kinerja.sqlite3"
    path.touch()  # an interrupted first start leaves an empty file
    assert not has_content(path)  # the welcome is shown
    make_first_database(path, "35.07.04", contoh=False)
    database_proxy.obj.close()
    database_proxy.initialize(None)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT kecamatan FROM kantor").fetchone() == ("Sumbermanjing Wetan",)
        assert raw.execute("SELECT count(*) FROM tahun").fetchone() == (0,)


def test_first_start_asks_before_making_anything(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui.app import _first_start, create_app

    create_app()
    path = tmp_path / "kinerja.sqlite3"
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert _first_start(path) is False
    assert not path.exists()  # left the welcome: nothing made

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().kepanjen.click())
    assert _first_start(path) is True
    assert Kantor.get().kecamatan == "Kepanjen"
    database_proxy.obj.close()
    database_proxy.initialize(None)

    # the next start opens the database without asking
    assert _first_start(path) is True
    database_proxy.obj.close()
    database_proxy.initialize(None)
