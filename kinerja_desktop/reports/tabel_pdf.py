"""Ruled tables shared by the planning documents' PDFs (Perjanjian Kinerja, Rencana Aksi,
monev): a grey header, thin grid, cell text that wraps, numbers at the right."""

from typing import Any

from kinerja_desktop.reports.page import styles, teks

PADDING = 3  # points inside table cells


def gaya_tabel(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """The commands of a ruled table whose first ``header_rows`` rows are its header."""
    st = styles()
    gaya: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("FONT", (0, 0), (-1, -1), st["sel"].fontName, st["sel"].fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING + 1),
    ]
    if header_rows:
        gaya += [
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), "#e4e4e4"),
        ]
    return gaya


def sel(text: str, gaya: str = "sel") -> Any:
    """A table cell holding ``text`` in the paragraph style ``gaya``; "kanan" aligns right."""
    from reportlab.platypus import Paragraph

    if gaya == "kanan":
        return Paragraph(teks(text), styles()["sel"].clone("sel_kanan", alignment=2))
    return Paragraph(teks(text), styles()[gaya])


def kepala(judul: tuple[str, ...]) -> list[Any]:
    """A header row."""
    return [sel(k, "kepala") for k in judul]


def tabel(
    rows: list[list[Any]],
    lebar: list[float],
    header_rows: int = 1,
    tambahan: list[tuple[Any, ...]] | None = None,
) -> Any:
    """A ruled table that repeats its header on every page it runs over and may break a
    tall row between pages."""
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=lebar, repeatRows=header_rows, splitInRow=60, hAlign="LEFT")
    table.setStyle(TableStyle(gaya_tabel(header_rows) + (tambahan or [])))
    return table


def tabel_lalu_penutup(
    pembuka: list[Any],
    rows: list[list[Any]],
    lebar: list[float],
    penutup: list[Any],
    tambahan: list[tuple[Any, ...]] | None = None,
    ekor: int = 2,
) -> list[Any]:
    """The flowables of ``pembuka`` (a heading), a table of one header row and ``penutup``
    (a signature's flowables, not a KeepTogether), so that the signature never stands alone
    on a page: a short table moves with its heading and the signature to the next page; a
    long one keeps its last ``ekor`` rows on the signature's page. ``tambahan`` may style
    the rows of a short table only (a long one is cut in two)."""
    from reportlab.platypus import KeepTogether, Table, TableStyle

    if len(rows) - 1 <= ekor + 1:
        return [KeepTogether([*pembuka, tabel(rows, lebar, tambahan=tambahan), *penutup])]
    sisa = Table(rows[-ekor:], colWidths=lebar, splitInRow=60, hAlign="LEFT")
    sisa.setStyle(TableStyle(gaya_tabel(0)))
    return [*pembuka, tabel(rows[:-ekor], lebar), KeepTogether([sisa, *penutup])]
