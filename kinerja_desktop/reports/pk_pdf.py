"""The Perjanjian Kinerja as a PDF: per agreement a statement page and the attachment, each
agreement starting on a new page, both signed by the two parties (pihak kedua on the left,
pihak pertama on the right, as PermenPANRB 53/2014 lays them out).

:func:`pk_story` gives the flowables alone, for a document that carries the PK as an appendix
(the LKjIP).
"""

from pathlib import Path
from typing import Any

from kinerja_desktop.reports.asal_angka_pdf import lampiran_asal
from kinerja_desktop.reports.dokumen_data import Pihak
from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import MM, build_pdf, frame_width, styles, teks
from kinerja_desktop.reports.pk_data import (
    KOLOM_INDIKATOR,
    KOLOM_PERUBAHAN,
    KOLOM_PROGRAM,
    DokumenPk,
    LaporanPk,
    teks_rupiah,
    teks_waktu,
)
from kinerja_desktop.reports.tabel_pdf import gaya_tabel, kepala, sel, tabel

LEBAR_INDIKATOR = (0.06, 0.30, 0.40, 0.12, 0.12)
LEBAR_PROGRAM = (0.06, 0.64, 0.30)
LEBAR_PERUBAHAN = (0.06, 0.34, 0.30, 0.30)


def _kepala_dokumen(d: DokumenPk) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    return [
        Paragraph(teks(d.judul), st["judul"]),
        Paragraph(teks(f"KECAMATAN {d.kecamatan}".upper()), st["tengah_tebal"]),
        Spacer(1, 8 * MM),
    ]


def _blok_pihak(p: Pihak, width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    st = styles()
    rows = [
        ["Nama", ":", sel(p.nama, "normal")],
        ["Jabatan", ":", sel(p.jabatan, "normal")],
    ]
    table = Table(rows, colWidths=[30 * MM, 5 * MM, width - 35 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["normal"].fontName, st["normal"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 10 * MM),
                ("LEFTPADDING", (1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def tanda_tangan_pihak(d: DokumenPk, width: float) -> Any:
    """Place and date at the right, then pihak kedua (left) and pihak pertama (right), each
    with name, pangkat and NIP; kept together on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles()

    def blok(judul: str, p: Pihak) -> list[Any]:
        return [
            Paragraph(teks(judul), st["tengah_tebal"]),
            Paragraph(teks(p.jabatan), st["tengah"]),
            Spacer(1, 22 * MM),
            Paragraph(f"<u>{teks(p.nama)}</u>", st["tengah_tebal"]),
            Paragraph(teks(p.pangkat) or "&nbsp;", st["tengah"]),
            Paragraph(teks(p.nip) or "&nbsp;", st["tengah"]),
        ]

    half = width / 2
    rows = [
        ["", Paragraph(teks(d.tempat_tanggal), st["tengah"])],
        [blok("Pihak Kedua,", d.pihak_kedua), blok("Pihak Pertama,", d.pihak_pertama)],
    ]
    table = Table(rows, colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["normal"].fontName, st["normal"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8 * MM), table])


def _pernyataan(d: DokumenPk, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    paragraf = st["normal"].clone("pk_paragraf", alignment=4, leading=15, spaceAfter=3 * MM)
    story = _kepala_dokumen(d)
    story += [
        Paragraph(teks(d.pembuka), paragraf),
        _blok_pihak(d.pihak_pertama, width),
        Paragraph("selanjutnya disebut <b>pihak pertama</b>.", paragraf),
        _blok_pihak(d.pihak_kedua, width),
        Paragraph(
            f"{teks(d.sebutan_pihak_kedua)}, selanjutnya disebut <b>pihak kedua</b>.", paragraf
        ),
        Spacer(1, 2 * MM),
    ]
    story += [Paragraph(teks(p), paragraf) for p in d.janji]
    story.append(tanda_tangan_pihak(d, width))
    return story


def _tabel_indikator(d: DokumenPk, width: float) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    rows: list[list[Any]] = [[Paragraph(k, st["kepala"]) for k in KOLOM_INDIKATOR]]
    rows.append([Paragraph(f"({i})", st["sel_tengah"]) for i in range(1, 6)])
    commands = gaya_tabel(2)
    commands[0] = ("GRID", (0, 0), (-1, 1), 0.5, "black")
    commands += [
        ("GRID", (2, 2), (-1, -1), 0.5, "black"),
        ("BOX", (0, 0), (-1, -1), 0.5, "black"),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, "black"),
    ]
    for nomor, s in enumerate(d.sasaran, start=1):
        awal = len(rows)
        for i, b in enumerate(s.indikator):
            rows.append(
                [
                    sel(str(nomor), "sel_tengah") if i == 0 else "",
                    sel(s.teks) if i == 0 else "",
                    sel(b.indikator),
                    sel(b.target, "sel_tengah"),
                    sel(b.satuan, "sel_tengah"),
                ]
            )
        # one box over the sasaran's rows rather than a SPAN: reportlab cannot break a table
        # inside a span, and the Camat's attachment runs over several pages
        akhir = len(rows) - 1
        commands += [("BOX", (0, awal), (0, akhir), 0.5, "black")]
        commands += [("BOX", (1, awal), (1, akhir), 0.5, "black")]
    if not d.sasaran:
        rows.append([sel("Belum ada sasaran dan indikator untuk jabatan ini."), "", "", "", ""])
        commands.append(("SPAN", (0, 2), (-1, 2)))
    table = Table(rows, colWidths=[width * w for w in LEBAR_INDIKATOR], repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _tabel_program(d: DokumenPk, width: float) -> Any:
    rows = [kepala(KOLOM_PROGRAM)]
    for i, p in enumerate(d.program, start=1):
        nama = f"{p.kode} {p.nama}".strip()
        rows.append([sel(str(i), "sel_tengah"), sel(nama), sel(teks_rupiah(p.anggaran), "kanan")])
    if not d.program:
        rows.append(["", sel("Belum ada program dan anggaran untuk jabatan ini."), ""])
    jumlah = teks_rupiah(d.total_anggaran)
    rows.append(["", sel("Jumlah", "sel_tebal"), sel(jumlah, "kanan")])
    return tabel(rows, [width * w for w in LEBAR_PROGRAM])


def _tabel_perubahan(d: DokumenPk, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    judul = "Perubahan terhadap Perjanjian Kinerja"
    if d.waktu_semula:
        judul += f" yang diterbitkan {teks_waktu(d.waktu_semula)}"
    story: list[Any] = [Spacer(1, 6 * MM), Paragraph(teks(judul), st["tebal"])]
    if d.alasan:
        story.append(Paragraph(teks(f"Alasan perubahan: {d.alasan}"), st["normal"]))
    story.append(Spacer(1, 2 * MM))
    rows = [kepala(KOLOM_PERUBAHAN)]
    for i, b in enumerate(d.perubahan, start=1):
        rows.append([sel(str(i), "sel_tengah"), sel(b.bagian), sel(b.semula), sel(b.menjadi)])
    if not d.perubahan:
        rows.append(["", sel("Tidak ada perubahan isi (hanya diterbitkan ulang)."), "", ""])
    story.append(tabel(rows, [width * w for w in LEBAR_PERUBAHAN]))
    return story


def _lampiran(d: DokumenPk, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story = _kepala_dokumen(d)
    story[-1] = Spacer(1, 3 * MM)
    story += [
        Paragraph(teks(f"Jabatan: {d.pihak_pertama.jabatan}"), st["normal"]),
        Spacer(1, 3 * MM),
        _tabel_indikator(d, width),
        Spacer(1, 5 * MM),
        _tabel_program(d, width),
    ]
    if d.ke:
        story += _tabel_perubahan(d, width)
    story.append(tanda_tangan_pihak(d, width))
    return story


def pk_story(laporan: LaporanPk, kertas: str, progress: Progress | None = None) -> list[Any]:
    """The flowables of every agreement, each starting on a new page (the first too, so a
    document carrying the PK as an appendix can append them as they are)."""
    from reportlab.platypus import PageBreak, Paragraph

    width = frame_width(kertas)
    story: list[Any] = []
    total = len(laporan.dokumen)
    for i, d in enumerate(laporan.dokumen):
        if progress is not None:
            progress(i, total + 1, f"Menyusun PK {d.nama_jabatan}")
        story += [PageBreak(), *_pernyataan(d, width), PageBreak(), *_lampiran(d, width)]
    if not laporan.dokumen:
        story.append(Paragraph("Belum ada jabatan pada tahun ini.", styles()["normal"]))
    if laporan.asal:
        story += lampiran_asal(laporan.asal, width)
    return story


def render_pk_pdf(
    laporan: LaporanPk, target: Path, kertas: str = "f4", progress: Progress | None = None
) -> Path:
    """Write ``laporan`` as a PDF on ``kertas`` to ``target`` (atomically)."""
    story = pk_story(laporan, kertas, progress)
    if story and type(story[0]).__name__ == "PageBreak":
        story = story[1:]  # the document's own first page needs no break before it
    if progress is not None:
        total = len(laporan.dokumen) + 1
        progress(total - 1, total, "Menata halaman dan menulis berkas PDF")
    return build_pdf(
        Path(target),
        story,
        kertas,
        judul=laporan.judul,
        footer=f"Perjanjian Kinerja Kecamatan {laporan.kecamatan} Tahun {laporan.tahun}",
        penulis=f"Kecamatan {laporan.kecamatan}",
    )
