"""A picture described once (boxes, lines, words) and drawn two ways: as reportlab vector
graphics inside a PDF, and as a PNG for a Word document.

Word cannot hold reportlab's graphics, and reportlab's own bitmap output needs a Cairo binding
the application does not ship; Pillow comes with reportlab already. Both renderers draw the
same shapes in the same font (DejaVu Sans), so the chart in the PDF and in the Word file look
alike. Coordinates are points with the origin at the bottom left, as in reportlab.
"""

import io
from dataclasses import dataclass, field
from typing import Any

from kinerja_desktop.reports.fonts import FONT, FONT_BOLD, register_fonts


@dataclass(frozen=True)
class Kotak:
    """A rectangle; ``isi`` the fill colour ("#rrggbb", None: none), ``garis`` the border."""

    x: float
    y: float
    w: float
    h: float
    isi: str | None = None
    garis: str | None = "#000000"
    tebal: float = 0.6


@dataclass(frozen=True)
class Garis:
    """A straight line; ``putus`` draws it dashed."""

    x1: float
    y1: float
    x2: float
    y2: float
    tebal: float = 0.6
    putus: bool = False
    warna: str = "#000000"


@dataclass(frozen=True)
class Tulisan:
    """One line of text at its baseline; ``rata`` is "kiri", "tengah" or "kanan"."""

    x: float
    y: float
    teks: str
    ukuran: float
    tebal: bool = False
    rata: str = "kiri"
    warna: str = "#000000"


@dataclass
class Gambar:
    """A picture: its size in points and its shapes, drawn in order."""

    lebar: float
    tinggi: float
    bentuk: list[Kotak | Garis | Tulisan] = field(default_factory=list)


def lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Width of ``teks`` in points in the report font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return float(stringWidth(teks, FONT_BOLD if tebal else FONT, ukuran))


def wrap_lines(teks: str, lebar: float, ukuran: float, tebal: bool = False) -> list[str]:
    """``teks`` broken into lines no wider than ``lebar`` (a word longer than that is cut)."""
    baris: list[str] = []
    for paragraf in teks.split("\n"):
        kini = ""
        for kata in paragraf.split():
            calon = f"{kini} {kata}".strip()
            if lebar_teks(calon, ukuran, tebal) <= lebar or not kini:
                kini = calon
            else:
                baris.append(kini)
                kini = kata
            while lebar_teks(kini, ukuran, tebal) > lebar and len(kini) > 1:
                potong = len(kini) - 1
                while potong > 1 and lebar_teks(kini[:potong], ukuran, tebal) > lebar:
                    potong -= 1
                baris.append(kini[:potong])
                kini = kini[potong:]
        baris.append(kini)
    return baris


def ke_drawing(g: Gambar) -> Any:
    """``g`` as a reportlab Drawing (a flowable of a PDF story)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    register_fonts()
    d = Drawing(g.lebar, g.tinggi)
    # the renderer sets this font first; left at its default, Helvetica (not embedded) would
    # be named by every page of the document
    d.initialFontName = FONT
    anchor = {"kiri": "start", "tengah": "middle", "kanan": "end"}
    for b in g.bentuk:
        if isinstance(b, Kotak):
            d.add(
                Rect(
                    b.x,
                    b.y,
                    b.w,
                    b.h,
                    fillColor=colors.HexColor(b.isi) if b.isi else None,
                    strokeColor=colors.HexColor(b.garis) if b.garis else None,
                    strokeWidth=b.tebal,
                )
            )
        elif isinstance(b, Garis):
            d.add(
                Line(
                    b.x1,
                    b.y1,
                    b.x2,
                    b.y2,
                    strokeColor=colors.HexColor(b.warna),
                    strokeWidth=b.tebal,
                    strokeDashArray=[2, 2] if b.putus else None,
                )
            )
        else:
            d.add(
                String(
                    b.x,
                    b.y,
                    b.teks,
                    fontName=FONT_BOLD if b.tebal else FONT,
                    fontSize=b.ukuran,
                    fillColor=colors.HexColor(b.warna),
                    textAnchor=anchor[b.rata],
                )
            )
    return d


def ke_png(g: Gambar, dpi: int = 200) -> bytes:
    """``g`` as PNG bytes at ``dpi`` (for a Word document)."""
    from PIL import Image, ImageDraw, ImageFont

    from kinerja_desktop.resources import as_file, resource

    skala = dpi / 72
    lebar, tinggi = round(g.lebar * skala), round(g.tinggi * skala)
    img = Image.new("RGB", (lebar, tinggi), "white")
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[bool, float], Any] = {}

    def font(tebal: bool, ukuran: float) -> Any:
        kunci = (tebal, ukuran)
        if kunci not in fonts:
            nama = "fonts/DejaVuSans-Bold.ttf" if tebal else "fonts/DejaVuSans.ttf"
            with as_file(resource(nama)) as path:
                fonts[kunci] = ImageFont.truetype(str(path), size=max(1, round(ukuran * skala)))
        return fonts[kunci]

    def titik(x: float, y: float) -> tuple[float, float]:
        return x * skala, (g.tinggi - y) * skala

    for b in g.bentuk:
        if isinstance(b, Kotak):
            x0, y1 = titik(b.x, b.y)
            x1, y0 = titik(b.x + b.w, b.y + b.h)
            draw.rectangle(
                (x0, y0, x1, y1),
                fill=b.isi,
                outline=b.garis,
                width=max(1, round(b.tebal * skala)) if b.garis else 0,
            )
        elif isinstance(b, Garis):
            a, z = titik(b.x1, b.y1), titik(b.x2, b.y2)
            tebal = max(1, round(b.tebal * skala))
            if not b.putus:
                draw.line((a, z), fill=b.warna, width=tebal)
                continue
            panjang = ((z[0] - a[0]) ** 2 + (z[1] - a[1]) ** 2) ** 0.5
            langkah = 2 * skala
            n = max(1, int(panjang // langkah))
            for i in range(0, n, 2):
                t0, t1 = i / n, min(1.0, (i + 1) / n)
                draw.line(
                    (
                        (a[0] + (z[0] - a[0]) * t0, a[1] + (z[1] - a[1]) * t0),
                        (a[0] + (z[0] - a[0]) * t1, a[1] + (z[1] - a[1]) * t1),
                    ),
                    fill=b.warna,
                    width=tebal,
                )
        else:
            anchor = {"kiri": "ls", "tengah": "ms", "kanan": "rs"}[b.rata]
            draw.text(
                titik(b.x, b.y), b.teks, font=font(b.tebal, b.ukuran), fill=b.warna, anchor=anchor
            )
    keluaran = io.BytesIO()
    img.save(keluaran, format="PNG", dpi=(dpi, dpi))
    return keluaran.getvalue()
