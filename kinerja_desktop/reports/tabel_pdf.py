"""Ruled tables shared by the planning documents' PDFs (Perjanjian Kinerja, Rencana Aksi,
monev): a grey header, thin grid, cell text that wraps, numbers at the right; and what those
documents repeat around their tables (the head of a jabatan's pages, section headings, one
jabatan after another on new pages)."""

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import MM, styles, teks

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


def baris_kosong(rows: list[list[Any]], tambahan: list[tuple[Any, ...]], pesan: str) -> None:
    """Append to ``rows`` one row across the whole table saying why it has no rows
    (``pesan``); its span goes into ``tambahan``."""
    rows.append([sel(pesan), *[""] * (len(rows[0]) - 1)])
    r = len(rows) - 1
    tambahan.append(("SPAN", (0, r), (-1, r)))


def judul_bagian(judul: str) -> list[Any]:
    """A section's bold heading ("A. Target kinerja per triwulan") and the space under it."""
    from reportlab.platypus import Paragraph, Spacer

    return [Paragraph(teks(judul), styles()["tebal"]), Spacer(1, 1.5 * MM)]


def kepala_jabatan(judul: str, kecamatan: str, jabatan: str, pejabat: str) -> list[Any]:
    """The head of a jabatan's pages: the title, the kecamatan line (in capitals), then the
    jabatan and who holds it."""
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    return [
        Paragraph(teks(judul), st["judul"]),
        Paragraph(teks(kecamatan.upper()), st["tengah_tebal"]),
        Spacer(1, 4 * MM),
        Paragraph(teks(f"Jabatan: {jabatan}"), st["normal"]),
        Paragraph(teks(f"Pejabat: {pejabat}"), st["normal"]),
        Spacer(1, 3 * MM),
    ]


class _Bernama(Protocol):
    @property
    def nama(self) -> str: ...


J = TypeVar("J", bound=_Bernama)


def per_jabatan(
    jabatan: Sequence[J],
    halaman: Callable[[J], list[Any]],
    langkah: str,
    progress: Progress | None,
) -> list[Any]:
    """The flowables ``halaman`` gives for each jabatan, each jabatan on new pages, telling
    ``progress`` "{langkah} {nama}"; a line saying so when the year has no jabatan. The last
    progress step (laying out the pages) is left to the caller."""
    from reportlab.platypus import PageBreak, Paragraph

    story: list[Any] = []
    for i, j in enumerate(jabatan):
        if progress is not None:
            progress(i, len(jabatan) + 1, f"{langkah} {j.nama}")
        if i:
            story.append(PageBreak())
        story += halaman(j)
    if not jabatan:
        story.append(Paragraph("Belum ada jabatan pada tahun ini.", styles()["normal"]))
    return story
