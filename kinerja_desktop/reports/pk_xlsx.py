"""The Perjanjian Kinerja as a workbook: one sheet per agreement (named by the jabatan code),
the statement at the top and the attachment below it on its own printed page. Text cells are
forced to text; anggaran are whole numbers formatted ``Rp 1.250.000`` so that they add up."""

from functools import partial
from pathlib import Path

from kinerja_desktop.reports.asal_angka_xlsx import lembar_asal
from kinerja_desktop.reports.dokumen_data import Pihak
from kinerja_desktop.reports.page import check_kertas
from kinerja_desktop.reports.pk_data import (
    KOLOM_INDIKATOR,
    KOLOM_PERUBAHAN,
    KOLOM_PROGRAM,
    DokumenPk,
    LaporanPk,
    teks_waktu,
)
from kinerja_desktop.reports.tabel_xlsx import Lembar, buku_kerja, lembar_baru, nama_lembar
from kinerja_desktop.workbook import save_workbook, sel_teks

LEBAR = (6, 30, 42, 16, 14)


def _blok_pihak(s: Lembar, p: Pihak) -> None:
    for label, value in (("Nama", p.nama), ("Jabatan", p.jabatan)):
        s.teks(2, f"{label} :")
        s.teks(3, value, sampai=5)
        s.r += 1


def _tanda_tangan(s: Lembar, d: DokumenPk) -> None:
    """Place and date, then pihak kedua (left) and pihak pertama (right) side by side."""
    s.r += 1
    s.teks(3, d.tempat_tanggal, sampai=5, horizontal="center")
    s.r += 1
    awal = s.r
    for col, sampai, judul, p in (
        (1, 2, "Pihak Kedua,", d.pihak_kedua),
        (3, 5, "Pihak Pertama,", d.pihak_pertama),
    ):
        # three empty rows leave room for the signature and the stamp
        for i, value in enumerate((judul, p.jabatan, "", "", "", p.nama, p.pangkat, p.nip)):
            if value:
                s.r = awal + i
                s.teks(col, value, bold=i in (0, 5), sampai=sampai, horizontal="center")
    s.r = awal + 9


def _pernyataan(s: Lembar, d: DokumenPk) -> None:
    s.judul(d.judul)
    s.judul(f"KECAMATAN {d.kecamatan}".upper())
    s.r += 1
    s.teks(1, d.pembuka, sampai=5)
    s.r += 1
    _blok_pihak(s, d.pihak_pertama)
    s.teks(1, "selanjutnya disebut pihak pertama.", sampai=5)
    s.r += 1
    _blok_pihak(s, d.pihak_kedua)
    s.teks(1, f"{d.sebutan_pihak_kedua}, selanjutnya disebut pihak kedua.", sampai=5)
    s.r += 2
    for paragraf in d.janji:
        s.teks(1, paragraf, sampai=5)
        s.r += 1
    _tanda_tangan(s, d)


def _lampiran(s: Lembar, d: DokumenPk) -> None:
    s.judul(d.judul)
    s.judul(f"KECAMATAN {d.kecamatan}".upper())
    s.teks(1, f"Jabatan: {d.pihak_pertama.jabatan}", sampai=5)
    s.r += 2
    s.kepala(KOLOM_INDIKATOR, (1, 2, 3, 4, 5))
    for nomor, sasaran in enumerate(d.sasaran, start=1):
        for i, b in enumerate(sasaran.indikator):
            cells = [
                s.teks(1, str(nomor) if i == 0 else ""),
                s.teks(2, sasaran.teks if i == 0 else ""),
                s.teks(3, b.indikator),
                s.teks(4, b.target, horizontal="center"),
                s.teks(5, b.satuan, horizontal="center"),
            ]
            s.garis(cells)
            s.r += 1
    if not d.sasaran:
        s.teks(1, "Belum ada sasaran dan indikator untuk jabatan ini.", sampai=5)
        s.r += 1
    s.r += 1
    s.kepala(KOLOM_PROGRAM, (1, 2, 4), (None, 3, 5))
    for i, p in enumerate(d.program, start=1):
        s.garis([s.teks(1, str(i)), s.teks(2, f"{p.kode} {p.nama}".strip(), sampai=3)])
        s.garis([s.rupiah(4, p.anggaran, sampai=5)])
        s.r += 1
    if not d.program:
        s.teks(2, "Belum ada program dan anggaran untuk jabatan ini.", sampai=3)
        s.r += 1
    s.garis([s.teks(2, "Jumlah", bold=True, sampai=3)])
    s.garis([s.rupiah(4, d.total_anggaran, bold=True, sampai=5)])
    s.r += 1
    if d.ke:
        s.r += 1
        judul = "Perubahan terhadap Perjanjian Kinerja"
        if d.waktu_semula:
            judul += f" yang diterbitkan {teks_waktu(d.waktu_semula)}"
        s.teks(1, judul, bold=True, sampai=5)
        s.r += 1
        if d.alasan:
            s.teks(1, f"Alasan perubahan: {d.alasan}", sampai=5)
            s.r += 1
        s.kepala(KOLOM_PERUBAHAN, (1, 2, 3, 4), (None, None, None, 5))
        for i, ubah in enumerate(d.perubahan, start=1):
            s.garis([s.teks(1, str(i)), s.teks(2, ubah.bagian), s.teks(3, ubah.semula)])
            s.garis([s.teks(4, ubah.menjadi, sampai=5)])
            s.r += 1
    _tanda_tangan(s, d)


def _dokumen(s: Lembar, d: DokumenPk) -> None:
    """The statement, then the attachment on its own printed page."""
    from openpyxl.worksheet.pagebreak import Break

    _pernyataan(s, d)
    s.ws.row_breaks.append(Break(id=s.r - 1))
    _lampiran(s, d)


def render_pk_xlsx(laporan: LaporanPk, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as an .xlsx to ``target`` (atomically), one sheet per agreement."""
    kertas = check_kertas(kertas)
    wb = buku_kerja(laporan.judul)
    sudah: set[str] = set()
    for d in laporan.dokumen:
        nama = nama_lembar(d.kode_jabatan, sudah, "PK")
        lembar_baru(wb, nama, LEBAR, kertas, partial(_dokumen, d=d))
    if not laporan.dokumen:
        sel_teks(wb.create_sheet("PK"), 1, 1, "Belum ada jabatan pada tahun ini.")
    if laporan.asal:
        lembar_asal(wb, laporan.asal, kertas)
    return save_workbook(wb, target)
