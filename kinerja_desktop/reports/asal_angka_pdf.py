"""The "asal angka" appendix in a PDF: per jabatan, every indicator with where its realisasi
came from (typed, CSV, a desa workbook with its SHA-256 and time)."""

from typing import Any

from kinerja_desktop.reports.asal_angka import KOLOM, AsalJabatan
from kinerja_desktop.reports.page import MM, styles, teks
from kinerja_desktop.reports.tabel_pdf import kepala, sel, tabel

LEBAR = (0.04, 0.27, 0.15, 0.17, 0.20, 0.11, 0.06)
JUDUL = "LAMPIRAN: ASAL ANGKA"
TANPA_INDIKATOR = "Jabatan ini tidak punya indikator."
PENJELASAN = (
    "Dari mana setiap realisasi dalam dokumen ini berasal: diketik di aplikasi (oleh siapa, "
    "kapan terakhir), berkas CSV atau isian desa yang diimpor (nama berkas, sidik SHA-256 "
    "untuk mencocokkan berkas aslinya, dan waktu impor). Jumlah nilai: berapa nilai realisasi "
    "yang tersimpan dari asal itu."
)


def lampiran_asal(asal: AsalJabatan, width: float) -> list[Any]:
    """The appendix's flowables (starting on a new page)."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    st = styles()
    story: list[Any] = [
        PageBreak(),
        Paragraph(JUDUL, st["judul"]),
        Paragraph(teks(PENJELASAN), st["normal"]),
    ]
    for jabatan, daftar in asal:
        gaya = st["tebal"].clone("asal_judul", keepWithNext=1, spaceAfter=1.5 * MM)
        story += [Spacer(1, 4 * MM), Paragraph(teks(jabatan), gaya)]
        rows = [kepala(KOLOM)]
        for i, ind in enumerate(daftar, start=1):
            if not ind.asal:
                rows.append(
                    [
                        sel(str(i), "sel_tengah"),
                        sel(f"{ind.kode} {ind.nama}"),
                        sel("Belum ada realisasi."),
                        "",
                        "",
                        "",
                        sel("0", "sel_tengah"),
                    ]
                )
                continue
            for k, a in enumerate(ind.asal):
                rows.append(
                    [
                        sel(str(i), "sel_tengah") if k == 0 else "",
                        sel(f"{ind.kode} {ind.nama}") if k == 0 else "",
                        sel(a.jenis),
                        sel(a.berkas),
                        sel(a.sha256),
                        sel(a.waktu),
                        sel(str(a.jumlah), "sel_tengah"),
                    ]
                )
        if not daftar:
            rows.append(["", sel(TANPA_INDIKATOR), "", "", "", "", ""])
        story.append(tabel(rows, [width * w for w in LEBAR]))
    return story
