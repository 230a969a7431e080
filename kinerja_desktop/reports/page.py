"""Pages shared by every PDF report: paper sizes (F4 and A4), margins, paragraph styles,
the "Halaman X dari Y" footer and the signatory block.

Typical use by a report module::

    story = [Paragraph("…", styles()["judul"]), …, signature_block(laporan.penandatangan)]
    build_pdf(target, story, kertas="f4", judul="…", footer="IKI Kecamatan Kepanjen 2020")
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kinerja_desktop import APP_NAME
from kinerja_desktop.domain.teks import aman_untuk_sel
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.fileio import atomic_write
from kinerja_desktop.reports.fonts import FONT, FONT_BOLD, register_fonts
from kinerja_desktop.reports.penandatangan import Penandatangan

MM = 72 / 25.4  # points per millimetre

# name shown to the user, width and height in millimetres
KERTAS: dict[str, tuple[str, float, float]] = {
    "f4": ("F4", 215, 330),  # Folio as used in Indonesian offices; reportlab has no constant
    "a4": ("A4", 210, 297),
}

MARGIN_LEFT = 20 * MM  # room for binding or stapling on the left
MARGIN_RIGHT = 15 * MM
MARGIN_TOP = 15 * MM
MARGIN_BOTTOM = 18 * MM  # holds the page footer


def check_kertas(kertas: str) -> str:
    """Return the paper code in lower case, or raise :class:`DataTidakValid` in Indonesian."""
    code = (kertas or "").strip().lower()
    if code not in KERTAS:
        pilihan = ", ".join(KERTAS)
        raise DataTidakValid(
            f"Ukuran kertas '{kertas}' tidak dikenal; pilih salah satu: {pilihan}."
        )
    return code


def kertas_label(kertas: str) -> str:
    """The paper as the operator reads it: ``F4 (215 × 330 mm)``."""
    name, width, height = KERTAS[check_kertas(kertas)]
    return f"{name} ({width:g} × {height:g} mm)"


def page_size(kertas: str, lanskap: bool = False) -> tuple[float, float]:
    """Page size in points, portrait (or landscape with ``lanskap``)."""
    _, width, height = KERTAS[check_kertas(kertas)]
    if lanskap:
        return height * MM, width * MM
    return width * MM, height * MM


def frame_width(kertas: str, lanskap: bool = False) -> float:
    """Width in points between the left and right margins."""
    return page_size(kertas, lanskap)[0] - MARGIN_LEFT - MARGIN_RIGHT


def teks(text: str) -> str:
    """Plain text as paragraph markup: XML escaped, line breaks kept, control characters of
    a stored text (which the paragraph parser refuses) cleaned away."""
    return escape(aman_untuk_sel(text).strip()).replace("\n", "<br/>")


@functools.cache
def styles() -> dict[str, Any]:
    """Paragraph styles of the reports, by Indonesian-free short names.

    ``normal`` body text; ``tebal`` bold; ``judul`` centred bold title; ``tengah`` centred;
    ``sel`` / ``sel_tebal`` / ``sel_tengah`` table cells; ``kepala`` table header cells;
    ``butir`` hanging-indent list items in cells; ``kaki`` the footer.
    """
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    normal = ParagraphStyle(
        "normal", fontName=FONT, bulletFontName=FONT, fontSize=10, leading=13, alignment=TA_LEFT
    )
    sel = ParagraphStyle("sel", parent=normal, fontSize=8.5, leading=10.5, bulletFontSize=8.5)
    return {
        "normal": normal,
        "tebal": ParagraphStyle("tebal", parent=normal, fontName=FONT_BOLD),
        "judul": ParagraphStyle(
            "judul",
            parent=normal,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            alignment=TA_CENTER,
            spaceAfter=4 * MM,
        ),  # fmt: skip
        "tengah": ParagraphStyle("tengah", parent=normal, alignment=TA_CENTER),
        "tengah_tebal": ParagraphStyle(
            "tengah_tebal", parent=normal, alignment=TA_CENTER, fontName=FONT_BOLD
        ),
        "daftar": ParagraphStyle("daftar", parent=normal, leftIndent=6 * MM, bulletIndent=0),
        "sel": sel,
        "sel_tebal": ParagraphStyle("sel_tebal", parent=sel, fontName=FONT_BOLD),
        "sel_tengah": ParagraphStyle("sel_tengah", parent=sel, alignment=TA_CENTER),
        "kepala": ParagraphStyle("kepala", parent=sel, fontName=FONT_BOLD, alignment=TA_CENTER),
        "butir": ParagraphStyle(
            "butir", parent=sel, leftIndent=4.5 * MM, bulletIndent=0, spaceBefore=1.5
        ),
        "kaki": ParagraphStyle("kaki", parent=normal, fontSize=8, leading=10),
    }


@functools.cache
def _numbered_canvas_class() -> type:
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        """Keeps every page until the end so each footer can say how many pages there are."""

        footer_left = ""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            y = MARGIN_BOTTOM / 2
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillGray(0.25)
            if self.footer_left:
                self.drawString(MARGIN_LEFT, y, self.footer_left)
            self.drawRightString(width - MARGIN_RIGHT, y, f"Halaman {number} dari {total}")
            self.restoreState()

    return NumberedCanvas


def _canvas_maker(footer_left: str) -> Callable[..., Any]:
    base = _numbered_canvas_class()

    def make(*args: Any, **kwargs: Any) -> Any:
        canvas = base(*args, **kwargs)
        canvas.footer_left = footer_left
        return canvas

    return make


def signature_block(ttd: Penandatangan) -> Any:
    """The signatory block at the right, kept together on one page (never split)."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(signature_flowables(ttd))


def signature_flowables(ttd: Penandatangan) -> list[Any]:
    """The flowables of :func:`signature_block`, for a caller that keeps them together with
    what precedes them (a KeepTogether inside another always claims a whole page)."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    st = styles()
    width = 85 * MM
    nama = f"<u>{teks(ttd.nama)}</u>" if ttd.nama else "&nbsp;" * 40
    rows = [
        [Paragraph(teks(ttd.tempat_tanggal), st["tengah"])],
        [Paragraph(teks(ttd.jabatan), st["tengah_tebal"])],
        [Spacer(1, 22 * MM)],  # room for the signature and the stamp
        [Paragraph(nama, st["tengah_tebal"])],
        [Paragraph(teks(ttd.pangkat), st["tengah"])],
        [Paragraph(teks(ttd.nip) or "NIP.", st["tengah"])],
    ]
    table = Table(rows, colWidths=[width], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                # Tables set a font even for paragraph cells; Helvetica would not be embedded.
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Spacer(1, 8 * MM), table]


def build_pdf(
    target: Path,
    story: list[Any],
    kertas: str,
    judul: str,
    footer: str = "",
    penulis: str = "",
    lanskap: bool = False,
    daftar_isi: bool = False,
) -> Path:
    """Lay out ``story`` on ``kertas`` pages (landscape with ``lanskap``) and write the PDF
    atomically to ``target``.

    Every page gets the footer text at the left and "Halaman X dari Y" at the right. With
    ``daftar_isi`` the story may hold :func:`daftar_isi_flowable`, filled with every
    paragraph marked by :func:`mark_for_contents` (the layout runs until the pages settle).
    Raises :class:`~kinerja_desktop.errors.LingkunganBermasalah` for disk problems.
    """
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    pagesize = page_size(kertas, lanskap)

    def write(temp: Path) -> None:
        doc = (_doc_berdaftar_isi() if daftar_isi else SimpleDocTemplate)(
            str(temp),
            pagesize=pagesize,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=judul,
            author=penulis,
            creator=APP_NAME,
            subject=judul,
            # Without it every page references Helvetica, which is not embedded.
            initialFontName=FONT,
        )
        if daftar_isi:
            doc.multiBuild(list(story), canvasmaker=_canvas_maker(footer))
        else:
            doc.build(list(story), canvasmaker=_canvas_maker(footer))

    return atomic_write(Path(target), write)


def mark_for_contents(paragraf: Any, tingkat: int) -> Any:
    """Mark a heading paragraph for the table of contents at ``tingkat`` (0 = chapter)."""
    paragraf.tingkat_isi = tingkat
    return paragraf


def daftar_isi_flowable() -> Any:
    """The table of contents of a document built with ``daftar_isi=True``."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents

    st = styles()
    toc = TableOfContents()
    toc.levelStyles = [
        ParagraphStyle(
            "isi0", parent=st["tebal"], leftIndent=0, firstLineIndent=0, spaceBefore=3, leading=14
        ),  # fmt: skip
        ParagraphStyle(
            "isi1", parent=st["normal"], leftIndent=8 * MM, firstLineIndent=0, leading=13
        ),  # fmt: skip
    ]
    toc.dotsMinLevel = 0
    # its table would name Helvetica (not embedded) on every page without a font of its own
    toc.tableStyle = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 10),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return toc


@functools.cache
def _doc_berdaftar_isi() -> type:
    from reportlab.platypus import SimpleDocTemplate

    class DocBerdaftarIsi(SimpleDocTemplate):
        """Tells the table of contents where each marked heading landed."""

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
            tingkat = getattr(flowable, "tingkat_isi", None)
            if tingkat is not None:
                self.notify("TOCEntry", (tingkat, flowable.getPlainText(), self.page))

    return DocBerdaftarIsi
