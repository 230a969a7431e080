"""The IKI decree as a PDF, laid out like the signed paper decree (see the 2020 seed).

Heading of the appendix; then per jabatan, each on a new page: INDIKATOR KINERJA INDIVIDU,
1. Jabatan, 2. Tugas, 3. Fungsi, and the four-column table whose sasaran cell spans its
indicators; the signatory block at the end.
"""

import re
from pathlib import Path
from typing import Any

from kinerja_desktop.reports.iki_data import KOLOM, IndikatorIKI, JabatanIKI, LaporanIKI
from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import (
    MM,
    build_pdf,
    frame_width,
    signature_block,
    styles,
    teks,
)

# Share of the frame width per column: the formula column needs the most room.
LEBAR_KOLOM = (0.19, 0.28, 0.31, 0.22)
PADDING = 3  # points inside table cells
BULLET_TUGAS = "❖"

_BUTIR = re.compile(r"^([a-zA-Z]{1,2}|\d{1,2})[.)]\s+(.*)$")


def _keep_spaces(text: str) -> str:
    # The decree number has a blank the secretary fills in by hand ("188.45/      /35.07.13/");
    # paragraphs would collapse it to one space.
    return re.sub(r" {2,}", lambda m: "&nbsp;" * (2 * len(m.group())), teks(text))


def _lines(text: str) -> list[Any]:
    """A multi-line text as paragraphs; lines like "a. …" get a hanging letter."""
    from reportlab.platypus import Paragraph

    st = styles()
    result = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        match = _BUTIR.match(line)
        if match:
            result.append(
                Paragraph(teks(match.group(2)), st["butir"], bulletText=match.group(1) + ".")
            )
        else:
            result.append(Paragraph(teks(line), st["sel"]))
    return result or [Paragraph("-", st["sel"])]


def _heading(laporan: LaporanIKI) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    kepala = laporan.kepala
    rows = [
        [Paragraph(teks(kepala.lampiran), st["normal"]), "", ""],
        [
            Paragraph("NOMOR", st["normal"]),
            ":",
            Paragraph(_keep_spaces(kepala.nomor), st["normal"]),
        ],
        [Paragraph("TENTANG", st["normal"]), ":", Paragraph(teks(kepala.tentang), st["normal"])],
    ]
    table = Table(rows, colWidths=[21 * MM, 4 * MM, 85 * MM], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("FONT", (0, 0), (-1, -1), st["normal"].fontName, st["normal"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _uraian(jabatan: JabatanIKI, width: float) -> Any:
    """1. Jabatan, 2. Tugas, 3. Fungsi as a borderless table that may split between rows."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()

    def daftar(items: tuple[str, ...]) -> list[Any]:
        if not items:
            return [Paragraph("-", st["normal"])]
        if len(items) == 1:
            return [Paragraph(teks(items[0]), st["normal"])]
        return [Paragraph(teks(t), st["daftar"], bulletText=BULLET_TUGAS) for t in items]

    rows: list[list[Any]] = [["1.", "Jabatan", ":", Paragraph(teks(jabatan.nama), st["tebal"])]]
    for nomor, label, items in (("2.", "Tugas", jabatan.tugas), ("3.", "Fungsi", jabatan.fungsi)):
        for i, paragraph in enumerate(daftar(items)):
            rows.append([nomor, label, ":", paragraph] if i == 0 else ["", "", "", paragraph])
    label_width = (7 + 17 + 4) * MM
    # a tugas of 5,000 characters is taller than a page: it continues on the next one
    table = Table(
        rows,
        colWidths=[7 * MM, 17 * MM, 4 * MM, width - label_width],
        hAlign="LEFT",
        splitInRow=30,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["normal"].fontName, st["normal"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _fraction(ind: IndikatorIKI, width: float) -> Any:
    """Numerator over a rule over denominator, then "× 100%", as a small table."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    kali = 13 * MM
    table = Table(
        [
            [Paragraph(teks(ind.pembilang), st["sel_tengah"]), Paragraph("× 100%", st["sel"])],
            [Paragraph(teks(ind.penyebut), st["sel_tengah"]), ""],
        ],
        colWidths=[width - kali, kali],
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (1, 1)),
                ("FONT", (0, 0), (-1, -1), st["sel"].fontName, st["sel"].fontSize),
                ("VALIGN", (1, 0), (1, 1), "MIDDLE"),
                ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (0, 1), "TOP"),
                ("LINEBELOW", (0, 0), (0, 0), 0.6, "black"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (1, 0), (1, -1), 3),  # air between the rule and "× 100%"
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _cells(ind: IndikatorIKI, formula_width: float) -> tuple[list[Any], list[Any], list[Any]]:
    from reportlab.platypus import Paragraph

    st = styles()
    nama: list[Any] = [Paragraph(teks(ind.nama), st["sel"])]
    nama += [Paragraph(teks(s.teks), st["butir"], bulletText=f"{s.huruf}.") for s in ind.sub]
    if ind.pecahan:
        formula: list[Any] = [_fraction(ind, formula_width - 2 * PADDING)]
    elif ind.formula.strip():
        formula = [Paragraph(teks(ind.formula), st["sel"])]
    else:
        formula = []
    formula += [
        Paragraph(teks(s.formula or s.teks), st["butir"], bulletText=f"{s.huruf}.") for s in ind.sub
    ]
    return nama, formula or [Paragraph("-", st["sel"])], _lines(ind.sumber_data)


def _iki_table(jabatan: JabatanIKI, width: float) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    widths = [width * share for share in LEBAR_KOLOM]
    rows: list[list[Any]] = [[Paragraph(k, st["kepala"]) for k in KOLOM]]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, 0), 0.5, "black"),
        ("GRID", (1, 1), (-1, -1), 0.5, "black"),
        ("BOX", (0, 0), (-1, -1), 0.5, "black"),
        # close the sasaran column at the foot of a page the table continues from
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, "black"),
        ("FONT", (0, 0), (-1, -1), st["sel"].fontName, st["sel"].fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), "#e4e4e4"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING + 1),
    ]
    for sasaran in jabatan.sasaran:
        first = len(rows)
        sasaran_cell = Paragraph(teks(sasaran.teks), st["sel"])
        if not sasaran.indikator:
            rows.append([sasaran_cell, Paragraph("-", st["sel"]), "", ""])
        for i, ind in enumerate(sasaran.indikator):
            nama, formula, sumber = _cells(ind, widths[2])
            rows.append([sasaran_cell if i == 0 else "", nama, formula, sumber])
        # The sasaran cell looks spanned (one box over its indicators) but is not a SPAN:
        # reportlab cannot break a table between rows inside a span, so a long sasaran would
        # force rows to be cut in the middle.
        commands.append(("BOX", (0, first), (0, len(rows) - 1), 0.5, "black"))
    if len(rows) == 1:
        rows.append([Paragraph("Belum ada sasaran dan indikator untuk jabatan ini.", st["sel"])])
        rows[-1] += ["", "", ""]
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(
        rows,
        colWidths=widths,
        # Measured (see DESIGN.md): this combination repeats the header only at page tops and
        # lets a cell longer than a page continue on the next page instead of failing.
        repeatRows=1,
        splitByRow=0,
        splitInRow=60,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def iki_story(laporan: LaporanIKI, kertas: str, progress: Progress | None = None) -> list[Any]:
    """The flowables of the decree (for embedding in another document or for tests)."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    st = styles()
    width = frame_width(kertas)
    story: list[Any] = [_heading(laporan), Spacer(1, 8 * MM)]
    total = len(laporan.jabatan)
    for index, jabatan in enumerate(laporan.jabatan):
        if progress is not None:
            progress(index, total + 1, f"Menyusun {jabatan.nama}")
        if index > 0:
            story.append(PageBreak())
        story += [
            Paragraph("INDIKATOR KINERJA INDIVIDU", st["judul"]),
            _uraian(jabatan, width),
            Spacer(1, 4 * MM),
            _iki_table(jabatan, width),
        ]
    if not laporan.jabatan:
        story.append(Paragraph("Belum ada jabatan pada tahun ini.", st["normal"]))
    story.append(signature_block(laporan.penandatangan))
    return story


def render_iki_pdf(
    laporan: LaporanIKI, target: Path, kertas: str = "f4", progress: Progress | None = None
) -> Path:
    """Write the decree ``laporan`` as a PDF on ``kertas`` ("f4" or "a4") to ``target``.

    The file is written atomically; disk problems raise ``LingkunganBermasalah``.
    """
    story = iki_story(laporan, kertas, progress)
    if progress is not None:
        total = len(laporan.jabatan) + 1
        progress(total - 1, total, "Menata halaman dan menulis berkas PDF")
    return build_pdf(
        Path(target),
        story,
        kertas,
        judul=laporan.judul,
        footer=f"IKI Kecamatan {laporan.kecamatan} Tahun {laporan.tahun}",
        penulis=f"Kecamatan {laporan.kecamatan}",
    )
