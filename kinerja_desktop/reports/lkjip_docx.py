"""The Laporan Kinerja as a Word document (python-docx) that the office finishes in Word or
LibreOffice Writer: the same blocks as the PDF, with real heading styles (so Word's navigation
pane and table of contents work), real tables with a repeated header row, the pictures as PNG,
page numbers in the footer and a table-of-contents field that Word fills when asked.

Arial is the document's font: it is on every office PC, and Writer substitutes its metric twin
(Liberation Sans), so the pages break alike.
"""

import io
import re
from pathlib import Path
from typing import Any

from kinerja_desktop.fileio import atomic_write
from kinerja_desktop.reports.docx_bagian import field, satu_halaman, write_tabel
from kinerja_desktop.reports.gambar import ke_png
from kinerja_desktop.reports.lkjip_blok import (
    Blok,
    BlokGambar,
    HalamanBaru,
    Judul,
    LampiranPk,
    Paragraf,
    Sampul,
    Tabel,
    TandaTangan,
)
from kinerja_desktop.reports.lkjip_data import TANDA_DRAF, LaporanKinerja
from kinerja_desktop.reports.lkjip_docx_pk import write_lampiran_pk
from kinerja_desktop.reports.lkjip_susun import build_lkjip
from kinerja_desktop.reports.page import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    frame_width,
    page_size,
)

HURUF = "Arial"
_BUTIR = re.compile(r"^(\d{1,2}[.)]|-)\s+(.*)$")


def _gaya(doc: Any) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    for nama, ukuran in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Title", 18)):
        s = doc.styles[nama]
        s.font.name = HURUF
        s.font.size = Pt(ukuran)
        s.font.bold = True
        s.font.color.rgb = RGBColor(0, 0, 0)
        s.font.italic = False
    doc.styles["Caption"].font.name = HURUF
    doc.styles["Caption"].font.size = Pt(10)
    doc.styles["Caption"].font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Caption"].font.italic = False


def _halaman(doc: Any, kertas: str, footer: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    lebar, tinggi = page_size(kertas)
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(lebar), Pt(tinggi)
    section.left_margin, section.right_margin = Pt(MARGIN_LEFT), Pt(MARGIN_RIGHT)
    section.top_margin, section.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(f"{footer} — Halaman ")
    run.font.size = Pt(8)
    field(p, "PAGE", "1")


def _paragraf(doc: Any, b: Paragraf) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
    from docx.shared import Pt

    if b.draf:
        run = doc.add_paragraph().add_run(TANDA_DRAF)
        run.bold = True
        run.font.size = Pt(9)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    for line in b.teks.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _BUTIR.match(line)
        if m and m.group(1) == "-":
            doc.add_paragraph(m.group(2), style="List Bullet")
            continue
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if m:  # "1. …": the number hangs in the margin of its text
            p.paragraph_format.left_indent = Pt(20)
            p.paragraph_format.first_line_indent = Pt(-20)
        else:
            p.paragraph_format.first_line_indent = Pt(22)


def _ttd(doc: Any, b: TandaTangan) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    t = b.penandatangan
    doc.add_paragraph().paragraph_format.keep_with_next = True
    tabel = doc.add_table(rows=1, cols=1)
    tabel.alignment = WD_TABLE_ALIGNMENT.RIGHT
    tabel.columns[0].width = Pt(240)
    sel = tabel.cell(0, 0)
    sel.width = Pt(240)
    baris = [
        (t.tempat_tanggal, False, False),
        (t.jabatan, True, False),
        ("", False, False),
        ("", False, False),
        ("", False, False),
        (t.nama, True, True),
        (t.pangkat, False, False),
        (t.nip or "NIP.", False, False),
    ]
    for i, (teks, tebal, garis) in enumerate(baris):
        p = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(teks)
        run.bold = tebal
        run.underline = garis
    satu_halaman(tabel)


def _blok(doc: Any, b: Blok, lebar: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    if isinstance(b, Judul):
        h = doc.add_heading(b.teks, level=b.tingkat + 1)
        if b.tingkat == 0:
            h.alignment = WD_ALIGN_PARAGRAPH.CENTER
            h.paragraph_format.page_break_before = True
        return
    if isinstance(b, Paragraf):
        _paragraf(doc, b)
    elif isinstance(b, Tabel):
        write_tabel(doc, b, lebar)
    elif isinstance(b, BlokGambar):
        doc.add_picture(io.BytesIO(ke_png(b.gambar)), width=Pt(b.gambar.lebar))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap = doc.add_paragraph(b.judul, style="Caption")
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif isinstance(b, TandaTangan):
        _ttd(doc, b)
    elif isinstance(b, Sampul):
        for _ in range(6):
            doc.add_paragraph()
        for t in b.judul:
            p = doc.add_paragraph(t, style="Title")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for _ in range(12):
            doc.add_paragraph()
        for t in b.bawah:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(t)
            run.bold = True
            run.font.size = Pt(13)
    elif isinstance(b, HalamanBaru):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(b, LampiranPk):
        write_lampiran_pk(doc, b.pk, lebar)


def _daftar_isi(doc: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    h = doc.add_heading("DAFTAR ISI", level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h.paragraph_format.page_break_before = True
    field(
        doc.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        "Daftar isi: di Word klik kanan di sini lalu Perbarui Bidang (Update Field); di "
        "LibreOffice Writer menu Alat › Perbarui › Perbarui Semua.",
    )


def render_lkjip_docx(laporan: LaporanKinerja, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as a Word document on ``kertas`` to ``target`` (atomically)."""
    from docx import Document

    lebar = frame_width(kertas)
    doc = Document()
    _gaya(doc)
    a = laporan.angka
    _halaman(doc, kertas, f"LKjIP Kecamatan {a.kecamatan} Tahun {a.tahun}")
    props = doc.core_properties
    props.title = laporan.judul
    props.author = f"Kecamatan {a.kecamatan}"
    bab = 0
    for b in build_lkjip(laporan, lebar):
        if isinstance(b, Judul) and b.tingkat == 0:
            bab += 1
            if bab == 2:  # the contents page comes after the Kata Pengantar
                _daftar_isi(doc)
        _blok(doc, b, lebar)

    def write(temp: Path) -> None:
        doc.save(str(temp))

    return atomic_write(Path(target), write)
