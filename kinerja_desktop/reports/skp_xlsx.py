"""The SKP documents as an Excel workbook to retype into e-Kinerja without thinking: one row per
rencana hasil kerja and per core value, with the pegawai's NIP and name on every row, in the
order e-Kinerja asks for them. Sheets: Hasil Kerja, Perilaku Kerja, Evaluasi, Kurva Distribusi.
Text cells are forced to text (a value starting with "=" never becomes a formula).
"""

from pathlib import Path
from typing import Any

from kinerja_desktop.domain.skp import Bagian
from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.reports.skp_data import LaporanSkp, teks_nip
from kinerja_desktop.reports.tabel_xlsx import HURUF_PER_SATUAN, TINGGI_BARIS, buku_kerja
from kinerja_desktop.workbook import (
    fit_row_heights,
    fit_to_page_width,
    huruf_tebal,
    save_workbook,
    sel_teks,
)

LEBAR_KURVA = 68  # LibreOffice prints a width unit ~0,096 in: 68 fit a portrait A4 or F4

BARIS_KEPALA = 3
"""The header row of every sheet; data start on the row below it."""

KOLOM_HASIL_KERJA = (
    ("NIP", 21),
    ("Nama", 24),
    ("Jenis", 10),
    ("No", 5),
    ("Rencana Hasil Kerja Pimpinan yang Diintervensi", 34),
    ("Rencana Hasil Kerja", 34),
    ("Aspek", 11),
    ("Indikator Kinerja Individu", 40),
    ("Target", 10),
    ("Satuan", 12),
    ("Realisasi", 12),
    ("Umpan Balik", 30),
)
KOLOM_PERILAKU = (
    ("NIP", 21),
    ("Nama", 24),
    ("No", 5),
    ("Perilaku Kerja", 26),
    ("Ekspektasi Khusus Pimpinan", 44),
    ("Umpan Balik", 40),
)
KOLOM_EVALUASI = (
    ("NIP", 21),
    ("Nama", 24),
    ("Jabatan", 30),
    ("Pejabat Penilai", 24),
    ("NIP Pejabat Penilai", 21),
    ("Usulan Aplikasi (Hasil Kerja)", 40),
    ("Rating Hasil Kerja", 18),
    ("Rating Perilaku Kerja", 18),
    ("Predikat Kinerja", 16),
    ("Catatan/Rekomendasi", 36),
)


def _teks(ws: Any, row: int, col: int, value: str, bold: bool = False) -> Any:
    from openpyxl.styles import Alignment

    cell = sel_teks(ws, row, col, value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = huruf_tebal()
    return cell


def _lembar(
    wb: Any, nama: str, judul: str, kolom: tuple[tuple[str, float], ...], kertas: str
) -> Any:
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(nama)
    _teks(ws, 1, 1, judul, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(kolom))
    for c, (k, lebar) in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(c)].width = lebar
        _teks(ws, BARIS_KEPALA, c, k, bold=True).fill = PatternFill("solid", fgColor="E6E6E6")
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=3)
    fit_to_page_width(ws, kertas, orientasi="landscape", baris_judul=BARIS_KEPALA)
    return ws


def render_skp_xlsx(laporan: LaporanSkp, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically)."""
    kertas = check_kertas(kertas)
    wb = buku_kerja(f"SKP {laporan.label_periode}")
    judul = f"SKP {laporan.label_periode} — {laporan.unit_kerja}"

    hasil = _lembar(wb, "Hasil Kerja", f"{judul} — Hasil Kerja", KOLOM_HASIL_KERJA, kertas)
    perilaku = _lembar(wb, "Perilaku Kerja", f"{judul} — Perilaku Kerja", KOLOM_PERILAKU, kertas)
    evaluasi = _lembar(wb, "Evaluasi", f"{judul} — Evaluasi", KOLOM_EVALUASI, kertas)
    r_hasil = r_perilaku = r_evaluasi = BARIS_KEPALA
    for dok in laporan.dokumen:
        pegawai = dok.data.pegawai
        nip = teks_nip(pegawai)
        realisasi = {r.hasil_kerja.id: r for r in dok.evaluasi.realisasi}
        for bagian in Bagian:
            for no, rhk in enumerate(dok.data.bagian(bagian), start=1):
                r_hasil += 1
                isi: tuple[str, ...] = (
                    nip,
                    pegawai.nama,
                    bagian.value.capitalize(),
                    str(no),
                    rhk.rhk_atasan,
                    rhk.rhk,
                    rhk.aspek.label,
                    rhk.indikator,
                    rhk.target,
                    rhk.satuan,
                    realisasi[rhk.id].realisasi,
                    realisasi[rhk.id].umpan_balik,
                )
                for c, v in enumerate(isi, start=1):
                    _teks(hasil, r_hasil, c, v)
        for no, p in enumerate(dok.data.perilaku, start=1):
            r_perilaku += 1
            isi = (
                nip,
                pegawai.nama,
                str(no),
                p.nama,
                p.ekspektasi,
                dok.evaluasi.umpan_perilaku.get(p.kode, ""),
            )
            for c, v in enumerate(isi, start=1):
                _teks(perilaku, r_perilaku, c, v)
        r_evaluasi += 1
        penilai = dok.data.penilai
        isi = (
            nip,
            pegawai.nama,
            pegawai.jabatan,
            penilai.nama if penilai is not None else "",
            teks_nip(penilai),
            dok.usulan,
            dok.rating_hasil,
            dok.rating_perilaku,
            dok.predikat,
            dok.catatan,
        )
        for c, v in enumerate(isi, start=1):
            _teks(evaluasi, r_evaluasi, c, v)

    kurva = wb.create_sheet("Kurva Distribusi")
    # one column that prints whole on a portrait page without shrinking: LibreOffice printed a
    # 110-wide column cut at the page's edge, ignoring fit-to-width for a one-column sheet
    kurva.column_dimensions["A"].width = LEBAR_KURVA
    baris = [
        (f"Kurva distribusi predikat (predikat tahunan {laporan.tahun})", True),
        *[(b, b.startswith("PERINGATAN")) for b in laporan.kurva.ringkasan()],
        (f"Sumber aturan: {laporan.sumber_kurva}.", False),
        ("", False),
        ("Perlu dilengkapi sebelum ditandatangani", True),
        *[(f"• {m}", False) for m in laporan.kekurangan or ("Tidak ada.",)],
    ]
    for i, (b, tebal) in enumerate(baris, start=1):
        _teks(kurva, i, 1, b, bold=tebal)
    fit_to_page_width(kurva, kertas)

    for ws in (hasil, perilaku, evaluasi, kurva):
        fit_row_heights(ws, TINGGI_BARIS, HURUF_PER_SATUAN)
    return save_workbook(wb, target)
