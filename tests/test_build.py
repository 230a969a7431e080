"""The PyInstaller one-folder build runs from its bundled resources."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.build
def test_one_folder_build_runs_version_and_stats(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    folder = tmp_path / "dist" / "KinerjaDesktop"
    exe = folder / ("kinerja-desktop.exe" if sys.platform == "win32" else "kinerja-desktop")
    assert (
        folder / ("KinerjaDesktop.exe" if sys.platform == "win32" else "KinerjaDesktop")
    ).exists()

    # the user guide with its pictures, and PDFium for printing, travel with the program
    internal = folder / "_internal"
    panduan = internal / "kinerja_desktop" / "resources" / "panduan"
    assert (panduan / "panduan.html").is_file()
    assert len(list((panduan / "gambar").glob("*.png"))) >= 8
    assert [p.name for p in internal.rglob("*pdfium*") if p.suffix in (".so", ".dll", ".dylib")]

    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("Kinerja Desktop ")

    db = tmp_path / "bundle.sqlite3"
    stats = subprocess.run(
        [exe, "--db", str(db), "stats", "--json"], capture_output=True, text=True, check=True
    )
    assert json.loads(stats.stdout)["indikator"] == 84

    # the Laporan Kinerja as Word: python-docx's template files travel with the build
    docx = tmp_path / "LKjIP-2020.docx"
    lkjip = subprocess.run(
        [exe, "--db", str(db), "report", "lkjip", "--tahun", "2020", "--out", str(docx)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lkjip.returncode == 0, lkjip.stderr
    assert docx.stat().st_size > 10_000
