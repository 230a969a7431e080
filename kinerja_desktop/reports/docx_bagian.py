"""Word (python-docx) pieces shared by the documents written as .docx: a ruled table with a
repeated header row and shaded cells, a field (page number, table of contents), and the
two-party signature block.

Writer reads a table's column widths from its grid and Word from each cell, so both are set.
"""

from typing import Any

from kinerja_desktop.reports.lkjip_blok import Tabel


def shading(cell: Any, warna: str) -> None:
    """Fill a table cell with ``warna`` ("#rrggbb")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shd)


def repeat_header(row: Any) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tanda = OxmlElement("w:tblHeader")
    tanda.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(tanda)


def field(paragraph: Any, kode: str, isi: str = "") -> None:
    """A Word field (``PAGE``, ``TOC …``) with ``isi`` shown until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(el: Any) -> None:
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)

    awal = OxmlElement("w:fldChar")
    awal.set(qn("w:fldCharType"), "begin")
    awal.set(qn("w:dirty"), "true")  # Word recomputes it when the document opens
    run_with(awal)
    perintah = OxmlElement("w:instrText")
    perintah.set(qn("xml:space"), "preserve")
    perintah.text = f" {kode} "
    run_with(perintah)
    pisah = OxmlElement("w:fldChar")
    pisah.set(qn("w:fldCharType"), "separate")
    run_with(pisah)
    if isi:
        t = OxmlElement("w:t")
        t.text = isi
        run_with(t)
    akhir = OxmlElement("w:fldChar")
    akhir.set(qn("w:fldCharType"), "end")
    run_with(akhir)


def fill_cell(cell: Any, teks: str, tengah: bool, tebal: bool, ukuran: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    baris = [t for t in teks.splitlines() if t.strip()] or [""]
    for i, t in enumerate(baris):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if t.startswith("- "):
            t = f"• {t[2:]}"
            p.paragraph_format.left_indent = Pt(8)
            p.paragraph_format.first_line_indent = Pt(-8)
        run = p.add_run(t)
        run.bold = tebal
        run.font.size = Pt(ukuran)
        if tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_tabel(doc: Any, t: Tabel, lebar: float, ikat_akhir: int = 0) -> None:
    """``t`` as a Word table under its caption, with its note under it; its last
    ``ikat_akhir`` rows and the note kept on the page of what follows (a signature)."""
    from docx.shared import Pt

    doc.add_paragraph(t.judul, style="Caption")
    kepala = 2 if t.nomor_kolom else 1
    tabel = doc.add_table(rows=kepala + len(t.baris), cols=len(t.kepala))
    tabel.style = "Table Grid"
    tabel.autofit = False
    # the cells read once: python-docx's table.cell() walks the whole table on every call
    sel = [list(row.cells) for row in tabel.rows]
    for r in range(kepala):
        repeat_header(tabel.rows[r])
    for c, k in enumerate(t.kepala):
        fill_cell(sel[0][c], k, True, True, 8.5)
        shading(sel[0][c], "#e6e6e6")
        if t.nomor_kolom:
            fill_cell(sel[1][c], str(c + 1), True, False, 8)
            shading(sel[1][c], "#e6e6e6")
    for r, b in enumerate(t.baris, start=kepala):
        for c, s in enumerate(b):
            fill_cell(sel[r][c], s.teks, s.tengah, s.tebal, 8.5)
            if s.warna:
                shading(sel[r][c], s.warna)
    # Word reads each cell's width, Writer the table grid's: set both
    for c, w in enumerate(t.lebar):
        tabel.columns[c].width = Pt(w * lebar)
        for baris in sel:
            baris[c].width = Pt(w * lebar)
    for kolom, awal, akhir in t.gabung:
        atas = sel[awal + kepala][kolom]
        milik = len(atas.paragraphs)
        gabungan = atas.merge(sel[akhir + kepala][kolom])
        # merge() appends the spanned cells' (empty) paragraphs to the top cell's own
        for p in gabungan.paragraphs[milik:]:
            p._p.getparent().remove(p._p)
    catatan = doc.add_paragraph(t.catatan)
    for run in catatan.runs:
        run.font.size = Pt(9)
    if ikat_akhir:
        satu_halaman_baris(tabel.rows[-ikat_akhir:])
        catatan.paragraph_format.keep_with_next = True


def satu_halaman(tabel: Any) -> None:
    """Keep a signature table on one page: no row breaks, each row kept with the next."""
    tabel.autofit = False
    satu_halaman_baris(tabel.rows)


def satu_halaman_baris(rows: Any) -> None:
    """Keep ``rows`` unbroken, each with what follows it (the next row, or after the last
    one the next paragraph)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for row in rows:
        tanda = OxmlElement("w:cantSplit")
        tanda.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(tanda)
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
