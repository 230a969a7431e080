"""Helpers for the desa workbook tests: make a template, fill it as a desa would, rezip."""

import zipfile
from pathlib import Path

import openpyxl

from kinerja_desktop.exchange.desa_layout import BARIS_DATA_AWAL, KOLOM_BULAN_AWAL
from kinerja_desktop.exchange.desa_template import make_desa_templates

KEMIRI = "35.07.13.2001"
SENGGURUH = "35.07.13.2002"


def templat(folder: Path, periode="2020Q1", desa=KEMIRI, tahun=2020) -> Path:
    """One fresh template written by the application."""
    folder.mkdir(parents=True, exist_ok=True)
    [hasil] = make_desa_templates(tahun, folder, periode, desa)
    return hasil.path


def isi(path: Path, nilai: dict[tuple[int, int], object], simpan_ke: Path | None = None) -> Path:
    """Write ``nilai`` {(input row i, month column j): value} into the Isian sheet, 0-based."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Isian"]
    for (i, j), v in nilai.items():
        # ws.cell(r, c, None) would leave the cell as it is: assign to clear it
        ws.cell(BARIS_DATA_AWAL + i, KOLOM_BULAN_AWAL + j).value = v
    target = simpan_ke or path
    wb.save(target)
    return target


def ubah_zip(sumber: Path, target: Path, ganti=None, tambah=None, buang=()) -> Path:
    """Copy a workbook's zip, replacing, adding or dropping entries (bytes)."""
    ganti, tambah = ganti or {}, tambah or {}
    with zipfile.ZipFile(sumber) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in buang:
                continue
            data = ganti.get(info.filename, zin.read(info))
            zout.writestr(info.filename, data)
        for nama, data in tambah.items():
            zout.writestr(nama, data)
    return target
