"""Two files of one desa and month in the import window (issue 18, item 7): the check refuses
both, naming the other file, and nothing can be imported from them."""

from pathlib import Path

import pytest
from desa_bantuan import isi, templat
from test_import_wizard import _kolom, _tunggu
from test_import_wizard import dialog as dialog  # noqa: F401 - fixture

from kinerja_desktop.db.models import NilaiRealisasi

ARTIFACTS = Path(__file__).parent / "artifacts"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_pair_of_files_for_one_desa_is_refused_in_the_check(qtbot, dialog, tmp_path):  # noqa: F811
    asli = templat(tmp_path / "templat")
    a = isi(asli, {(0, 0): 4}, tmp_path / "a-kemiri.xlsx")
    b = isi(asli, {(0, 0): 7}, tmp_path / "b-kemiri-perbaikan.xlsx")
    dialog.check_files([a, b])
    _tunggu(qtbot, dialog)
    keadaan = _kolom(dialog, 7)
    assert all(k.startswith("Ditolak: ") and "sama-sama berisi isian" in k for k in keadaan)
    assert not dialog.btn_impor.isEnabled()
    dialog.daftar.setCurrentItem(dialog.daftar.topLevelItem(1))
    rincian = " ".join(dialog.rincian.toPlainText().split())
    assert "a-kemiri.xlsx dan b-kemiri-perbaikan.xlsx sama-sama berisi isian" in rincian
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(1024, 600)
    dialog.grab().save(str(ARTIFACTS / "impor_desa_pasangan.png"))
    assert NilaiRealisasi.select().count() == 0
