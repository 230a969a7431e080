"""The Rencana Aksi as a workbook: one sheet per jabatan (named by its code) holding the same
three tables as the PDF, printed landscape one page wide."""

from functools import partial
from pathlib import Path

from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.reports.rencana_aksi_data import (
    KETERANGAN_OTOMATIS,
    KOLOM_AKSI,
    KOLOM_PROGRAM,
    KOLOM_TARGET,
    TANDA_OTOMATIS,
    JabatanRa,
    LaporanRa,
)
from kinerja_desktop.reports.tabel_xlsx import Lembar, buku_kerja, lembar_baru, nama_lembar
from kinerja_desktop.workbook import save_workbook, sel_teks

LEBAR = (6, 30, 40, 30, 12, 10, 10, 10, 18)


def _jabatan(s: Lembar, laporan: LaporanRa, j: JabatanRa) -> None:
    judul = f"RENCANA AKSI TAHUN {laporan.tahun}"
    s.kepala_jabatan(judul, f"KECAMATAN {laporan.kecamatan}", j.nama, j.nama_pejabat)
    s.judul("A. Target kinerja per triwulan", tengah=False)
    s.kepala(KOLOM_TARGET)
    for i, b in enumerate(j.target, start=1):
        s.baris(
            [str(i), b.sasaran, b.indikator, b.satuan, b.tahun, *b.tw], tengah=(4, 5, 6, 7, 8, 9)
        )
    if not j.target:
        s.baris_teks("Belum ada indikator untuk jabatan ini.")
    if any(t.endswith(TANDA_OTOMATIS) for b in j.target for t in b.tw):
        s.baris_teks(KETERANGAN_OTOMATIS)
    s.r += 1
    s.judul("B. Program, kegiatan dan anggaran", tengah=False)
    s.kepala(KOLOM_PROGRAM, (1, 2, 5), (None, 4, 7))
    for a in j.anggaran:
        s.garis([s.teks(1, a.nomor), s.teks(2, a.nama, bold=not a.kegiatan, sampai=4)])
        s.garis([s.rupiah(5, a.rupiah, bold=not a.kegiatan, sampai=7)])
        s.r += 1
    if not j.anggaran:
        s.teks(2, "Belum ada program dan anggaran untuk jabatan ini.", sampai=4)
        s.r += 1
    s.garis([s.teks(2, "Jumlah", bold=True, sampai=4)])
    s.garis([s.rupiah(5, j.total_anggaran, bold=True, sampai=7)])
    s.r += 2
    s.judul("C. Rencana aksi", tengah=False)
    s.kepala(KOLOM_AKSI)
    for aksi in j.aksi:
        s.baris(
            [aksi.nomor, aksi.aksi, aksi.sub, aksi.tautan, *aksi.tw, aksi.penanggung_jawab],
            tengah=(5, 6, 7, 8),
        )
    if not j.aksi:
        s.baris_teks("Belum ada rencana aksi untuk jabatan ini.")
    s.tanda_tangan(laporan.penandatangan, 7)


def render_rencana_aksi_xlsx(laporan: LaporanRa, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically), one sheet per jabatan."""
    kertas = check_kertas(kertas)
    wb = buku_kerja(laporan.judul)
    sudah: set[str] = set()  # the sheets' names, each once
    for j in laporan.jabatan:
        nama = nama_lembar(j.kode, sudah, "Jabatan")
        lembar_baru(wb, nama, LEBAR, kertas, partial(_jabatan, laporan=laporan, j=j), "landscape")
    if not laporan.jabatan:
        sel_teks(wb.create_sheet("Rencana Aksi"), 1, 1, "Belum ada jabatan pada tahun ini.")
    return save_workbook(wb, target)
