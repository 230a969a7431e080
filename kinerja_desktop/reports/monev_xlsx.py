"""The quarterly monev as a workbook: one sheet per jabatan (its code) with the indicator and
budget tables, a sheet "Keterangan" with the bands, the rules and the signatory, and the sheet
"Asal Angka". Capaian are numbers (the kabupaten computes with them), Rupiah whole numbers."""

from functools import partial
from pathlib import Path
from typing import Any

from kinerja_desktop.reports.asal_angka_xlsx import lembar_asal
from kinerja_desktop.reports.monev_data import BarisAnggaranMonev, JabatanMonev, LaporanMonev
from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.reports.rencana_aksi_data import KETERANGAN_OTOMATIS
from kinerja_desktop.reports.tabel_xlsx import (
    FORMAT_PERSEN,
    Lembar,
    buku_kerja,
    lembar_baru,
    nama_lembar,
)
from kinerja_desktop.workbook import save_workbook

LEBAR = (5, 24, 34, 10, 11, 11, 13, 15, 12, 13, 34)


def _warna(cell: Any, warna: str | None) -> None:
    from openpyxl.styles import PatternFill

    if warna:
        cell.fill = PatternFill("solid", fgColor=warna.lstrip("#").upper())


# the budget table's columns over the indicator table's: No | Program/Kegiatan (B-D) |
# Anggaran (E-F) | Realisasi TW (G-H) | Realisasi s.d. TW (I-J) | Persentase (K)
KOLOM_ANGGARAN = (1, 2, 5, 7, 9, 11)
SAMPAI_ANGGARAN: tuple[int | None, ...] = (None, 4, 6, 8, 10, None)


def _anggaran(s: Lembar, a: BarisAnggaranMonev) -> None:
    """One budget row: anggaran (a marked blank when not known), realised ("-" when nothing
    was reported) and the share realised as a number."""
    from openpyxl.styles import Alignment

    tebal = not a.kegiatan
    cells = [s.teks(1, a.nomor), s.teks(2, a.nama, bold=tebal, sampai=4)]
    cells.append(s.rupiah(5, a.anggaran, bold=tebal, sampai=6))
    for col, nilai in ((7, a.realisasi_tw), (9, a.realisasi_kumulatif)):
        if nilai is None:
            cells.append(s.teks(col, "-", sampai=col + 1, horizontal="right"))
        else:
            cells.append(s.rupiah(col, nilai, bold=tebal, sampai=col + 1))
    if a.persen is None:
        cells.append(s.teks(11, "-", horizontal="right"))
    else:
        persen = s.ws.cell(row=s.r, column=11, value=round(a.persen, 2))
        persen.number_format = FORMAT_PERSEN
        persen.alignment = Alignment(vertical="top")
        cells.append(persen)
    s.garis(cells)
    s.r += 1


def _jabatan(s: Lembar, laporan: LaporanMonev, j: JabatanMonev) -> None:
    from openpyxl.styles import Alignment

    s.kepala_jabatan(
        "MONITORING DAN EVALUASI KINERJA",
        f"KECAMATAN {laporan.kecamatan} — {laporan.periode.label}",
        j.nama,
        j.nama_pejabat,
    )
    s.judul("A. Capaian indikator", tengah=False)
    s.kepala(laporan.kolom)
    for i, b in enumerate(j.baris, start=1):
        s.baris(
            [
                str(i),
                b.sasaran,
                b.indikator,
                b.satuan,
                b.target_tahun,
                b.target_tw,
                b.realisasi_tw,
                b.realisasi_kumulatif,
                b.capaian,
                b.kategori,
                b.keterangan,
            ],
            tengah=(4, 5, 6, 7, 8, 10),
        )
        r = s.r - 1
        if b.capaian_persen is not None:
            cell = s.ws.cell(row=r, column=9, value=round(b.capaian_persen, 2))
            cell.data_type = "n"
            cell.number_format = FORMAT_PERSEN
            cell.alignment = Alignment(vertical="top", horizontal="center")
        _warna(s.ws.cell(row=r, column=9), b.warna)
        _warna(s.ws.cell(row=r, column=10), b.warna)
    if not j.baris:
        s.baris_teks("Belum ada indikator untuk jabatan ini.")
    if j.has_automatic_target:
        s.baris_teks(KETERANGAN_OTOMATIS)
    s.baris_teks(j.ringkasan)
    s.r += 1
    s.judul("B. Realisasi anggaran", tengah=False)
    s.kepala(laporan.kolom_anggaran, KOLOM_ANGGARAN, SAMPAI_ANGGARAN)
    for a in j.anggaran:
        _anggaran(s, a)
    if not j.anggaran:
        s.teks(2, "Belum ada program dan anggaran untuk jabatan ini.", sampai=4)
        s.r += 1
    _anggaran(s, j.jumlah)


def _keterangan(s: Lembar, laporan: LaporanMonev) -> None:
    s.judul("Kategori capaian", tengah=False)
    for rentang, nama, warna in laporan.pita:
        s.teks(1, rentang)
        _warna(s.teks(2, nama), warna)
        s.r += 1
    s.r += 1
    s.judul("Aturan penghitungan", tengah=False)
    for aturan in laporan.aturan:
        s.baris_teks(f"• {aturan}")
    s.tanda_tangan(laporan.penandatangan, 2)


def render_monev_xlsx(laporan: LaporanMonev, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically)."""
    kertas = check_kertas(kertas)
    wb = buku_kerja(laporan.judul)
    sudah: set[str] = {"Keterangan"}  # the sheets' names, each once
    for j in laporan.jabatan:
        nama = nama_lembar(j.kode, sudah, "Jabatan")
        lembar_baru(wb, nama, LEBAR, kertas, partial(_jabatan, laporan=laporan, j=j), "landscape")
    lembar_baru(wb, "Keterangan", (30, 70), kertas, partial(_keterangan, laporan=laporan))
    if laporan.asal:
        lembar_asal(wb, laporan.asal, kertas)
    return save_workbook(wb, target)
