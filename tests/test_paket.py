"""`kirim`: the one package a kecamatan sends to its kabupaten, read back as the kabupaten
would read it (every member checked against the manifest's SHA-256)."""

import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile

import pytest
from namespace_disk import unshare_ok
from openpyxl import load_workbook
from pypdf import PdfReader
from test_cli_nilai import GOOD, run

APRIL = "KASUBAG-UMUM.02,202004,,realisasi,9,,\n"


def _filled(capsys, db_path, tmp_path):
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(GOOD + APRIL, encoding="utf-8")
    code, out, err = run(capsys, db_path, "nilai", "impor", str(berkas))
    assert code == 0, out + err


def _members(path):
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_package_holds_reports_data_and_a_manifest_that_proves_them(capsys, db_path, tmp_path):
    _filled(capsys, db_path, tmp_path)
    out_dir = tmp_path / "flashdisk" / "kiriman"  # does not exist yet: made
    code, out, err = run(
        capsys, db_path, "kirim", "--tahun", "2020", "--periode", "2020Q1", "--out", str(out_dir)
    )
    assert code == 0, err
    path = out_dir / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"
    assert str(path) in out
    isi = _members(path)
    manifest = json.loads(isi.pop("manifest.json"))
    assert manifest["format"] == "kinerja-desktop-paket" and manifest["versi_format"] == 1
    assert (manifest["kode_wilayah"], manifest["tahun"], manifest["periode"]) == (
        "35.07.13",
        2020,
        "2020Q1",
    )
    assert manifest["versi_skema"] >= 2 and manifest["versi_aplikasi"] and manifest["waktu"]
    assert (
        set(manifest["berkas"])
        == set(isi)
        == {
            "data/kantor.json",
            "data/iki.json",
            "data/nilai.csv",
            "data/capaian.json",
            "data/anggaran.json",
            "laporan/IKI-2020.pdf",
            "laporan/IKI-2020.xlsx",
            "laporan/Capaian-2020Q1.pdf",
            "laporan/Capaian-2020Q1.xlsx",
        }
    )
    for name, data in isi.items():
        assert manifest["berkas"][name] == {
            "sha256": hashlib.sha256(data).hexdigest(),
            "ukuran": len(data),
        }

    kantor = json.loads(isi["data/kantor.json"])
    assert kantor["kecamatan"] == "Kepanjen" and len(kantor["desa"]) == 18
    iki = json.loads(isi["data/iki.json"])
    assert len(iki["jabatan"]) == 22
    assert sum(len(s["indikator"]) for j in iki["jabatan"] for s in j["sasaran"]) == 84
    assert iki["penandatangan"]["nip"] == "196905051990091002"

    rows = list(csv.DictReader(io.StringIO(isi["data/nilai.csv"].decode("utf-8"))))
    periods = {(r["kode_indikator"], r["periode"], r["jenis"]) for r in rows}
    assert ("KASUBAG-UMUM.02", "2020", "target") in periods
    assert ("KASUBAG-UMUM.02", "202002", "realisasi") in periods
    assert ("KASUBAG-UMUM.02", "202004", "realisasi") not in periods  # outside TW I
    sekcam = next(
        r for r in rows if r["kode_indikator"] == "SEKCAM.02" and r["periode"] == "202001"
    )
    assert (sekcam["pembilang"], sekcam["penyebut"], sekcam["status"]) == ("45", "50", "draf")
    per_desa = {r["kode_desa"] for r in rows if r["kode_indikator"] == "KASI-KESOS.01"}
    assert {"35.07.13.2001", "35.07.13.2002", "35.07.13.1007"} <= per_desa

    # the kabupaten finds exactly what the kecamatan's own `capaian --json` says
    code, out, _ = run(
        capsys, db_path, "capaian", "--tahun", "2020", "--periode", "2020Q1", "--json"
    )
    assert json.loads(isi["data/capaian.json"]) == json.loads(out)

    pdf = PdfReader(io.BytesIO(isi["laporan/Capaian-2020Q1.pdf"]))
    assert "Triwulan I 2020" in pdf.pages[0].extract_text()
    iki_pdf = PdfReader(io.BytesIO(isi["laporan/IKI-2020.pdf"]))
    assert "KEPANJEN" in iki_pdf.pages[0].extract_text().upper()
    load_workbook(io.BytesIO(isi["laporan/IKI-2020.xlsx"]))
    load_workbook(io.BytesIO(isi["laporan/Capaian-2020Q1.xlsx"]))


def test_a_retired_desa_says_since_when_in_the_package(capsys, db_path, tmp_path):
    code, _, err = run(
        capsys, db_path, "kantor", "desa", "nonaktif", "35.07.13.2002", "--sejak", "2020-03"
    )
    assert code == 0, err
    code, _, err = run(
        capsys, db_path, "kirim", "--tahun", "2020", "--periode", "2020Q1", "--out", str(tmp_path)
    )
    assert code == 0, err
    kantor = json.loads(
        _members(tmp_path / "Kinerja-35.07.13-Kepanjen-2020Q1.zip")["data/kantor.json"]
    )
    sejak = {d["kode"]: d["nonaktif_sejak"] for d in kantor["desa"]}
    assert sejak["35.07.13.2002"] == "202003"
    assert sejak["35.07.13.2001"] is None and len(sejak) == 18


def test_year_package_and_a_period_of_another_year(capsys, db_path, tmp_path):
    _filled(capsys, db_path, tmp_path)
    code, _, err = run(capsys, db_path, "kirim", "--tahun", "2020", "--out", str(tmp_path))
    assert code == 0, err
    isi = _members(tmp_path / "Kinerja-35.07.13-Kepanjen-2020.zip")
    assert b"KASUBAG-UMUM.02,202004,,realisasi,9" in isi["data/nilai.csv"]

    code, _, err = run(
        capsys, db_path, "kirim", "--tahun", "2020", "--periode", "2021Q1", "--out", str(tmp_path)
    )
    assert code == 1 and "Periode 2021Q1 bukan bagian dari tahun 2020" in err


@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_a_full_stick_is_explained_and_keeps_no_half_package(db_path, tmp_path):
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    script = (
        f"mount -t tmpfs -o size=64k tmpfs '{stick}' && "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_path}' kirim --tahun 2020 "
        f"--periode 2020Q1 --out '{stick}'; echo kode=$?; ls -A '{stick}'"
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert "kode=1" in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "penuh" in done.stderr and "Kinerja-35.07.13-Kepanjen-2020Q1.zip" in done.stderr
    assert done.stdout.strip().endswith("kode=1")  # nothing left on the stick


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_kirim_dialog_writes_the_package_to_a_stick(qtbot, db, tmp_path):
    from PySide6.QtCore import Qt

    from kinerja_desktop import settings
    from kinerja_desktop.ui.kirim_dialog import KirimDialog

    dialog = KirimDialog(None, 2020)
    qtbot.addWidget(dialog)
    dialog.periode.setCurrentIndex(dialog.periode.findData("2020Q1"))
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    dialog.folder.setText(str(stick))
    assert dialog.tujuan.text() == str(stick)
    dialog.resize(984, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "kirim_dialog.png"))
    qtbot.mouseClick(dialog.buat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hasil is not None or not dialog.galat.isHidden(), timeout=30000)
    assert dialog.galat.isHidden(), dialog.galat.text()
    paket = stick / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"
    assert paket.is_file() and zipfile.is_zipfile(paket)
    assert "Kinerja-35.07.13-Kepanjen-2020Q1.zip" in dialog.status.text()
    assert dialog.buka_folder.isEnabled() and settings.get("folder_kirim") == str(stick)
    dialog.runner.wait()
