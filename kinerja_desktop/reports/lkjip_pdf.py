"""The Laporan Kinerja as a PDF: the blocks of :mod:`~kinerja_desktop.reports.lkjip_susun`
laid out on the shared pages (paper, DejaVu Sans embedded, "Halaman X dari Y" footer), each
chapter on a new page, the pictures as vector graphics."""

import functools
import re
from pathlib import Path
from typing import Any

from kinerja_desktop.reports.gambar import ke_drawing
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
from kinerja_desktop.reports.lkjip_susun import build_lkjip
from kinerja_desktop.reports.page import (
    MM,
    build_pdf,
    daftar_isi_flowable,
    frame_width,
    mark_for_contents,
    signature_block,
    styles,
    teks,
)

_BUTIR = re.compile(r"^(\d{1,2}[.)]|-)\s+(.*)$")


@functools.cache
def _gaya() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    st = styles()
    return {
        "bab": ParagraphStyle(
            "lk_bab", parent=st["judul"], fontSize=13, leading=17, spaceAfter=6 * MM
        ),  # fmt: skip
        "sub": ParagraphStyle(
            "lk_sub",
            parent=st["tebal"],
            fontSize=11,
            leading=14,
            spaceBefore=4 * MM,
            spaceAfter=2 * MM,
        ),  # fmt: skip
        "subsub": ParagraphStyle(
            "lk_subsub", parent=st["tebal"], spaceBefore=3 * MM, spaceAfter=1 * MM
        ),  # fmt: skip
        "isi": ParagraphStyle(
            "lk_isi",
            parent=st["normal"],
            alignment=TA_JUSTIFY,
            leading=14,
            spaceAfter=2 * MM,
            firstLineIndent=8 * MM,
        ),  # fmt: skip
        "butir": ParagraphStyle(
            "lk_butir",
            parent=st["normal"],
            alignment=TA_JUSTIFY,
            leading=14,
            leftIndent=8 * MM,
            bulletIndent=1 * MM,
            spaceAfter=1 * MM,
        ),  # fmt: skip
        "draf": ParagraphStyle(
            "lk_draf",
            parent=st["tebal"],
            fontSize=8.5,
            leading=11,
            textColor="#8a4b00",
            backColor="#fff2cc",
            borderPadding=2,
            spaceAfter=2 * MM,
        ),  # fmt: skip
        "keterangan": ParagraphStyle(
            "lk_ket",
            parent=st["normal"],
            fontSize=8.5,
            leading=11,
            spaceBefore=1 * MM,
            spaceAfter=3 * MM,
        ),  # fmt: skip
        "judul_tabel": ParagraphStyle(
            "lk_jt",
            parent=st["tebal"],
            fontSize=9.5,
            leading=12,
            alignment=TA_CENTER,
            spaceBefore=2 * MM,
            spaceAfter=1.5 * MM,
        ),  # fmt: skip
        "sampul": ParagraphStyle("lk_sampul", parent=st["judul"], fontSize=18, leading=26),
        "sampul_bawah": ParagraphStyle(
            "lk_sampul_b", parent=st["judul"], fontSize=13, leading=18
        ),  # fmt: skip
    }


def _paragraf(p: Paragraf) -> list[Any]:
    from reportlab.platypus import Paragraph

    g = _gaya()
    hasil: list[Any] = []
    if p.draf:
        hasil.append(Paragraph(teks(TANDA_DRAF), g["draf"]))
    for line in p.teks.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _BUTIR.match(line)
        if m:
            tanda = "•" if m.group(1) == "-" else m.group(1)
            hasil.append(Paragraph(teks(m.group(2)), g["butir"], bulletText=tanda))
        else:
            hasil.append(Paragraph(teks(line), g["isi"]))
    return hasil


def _sel(text: str, tengah: bool, tebal: bool) -> Any:
    from reportlab.platypus import Paragraph

    st = styles()
    if "\n" in text and not tengah:
        # a list in a cell ("- tugas"): one paragraph per item, hanging
        return [
            Paragraph(teks(t[2:] if t.startswith("- ") else t), st["butir"], bulletText="•")
            if t.startswith("- ")
            else Paragraph(teks(t), st["sel"])
            for t in text.splitlines()
            if t.strip()
        ]
    gaya = st["kepala"] if tebal and tengah else st["sel_tebal"] if tebal else (
        st["sel_tengah"] if tengah else st["sel"])  # fmt: skip
    return Paragraph(teks(text) if text else "&nbsp;", gaya)


def _tabel(t: Tabel, lebar: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    g = _gaya()
    rows: list[list[Any]] = [[_sel(k, True, True) for k in t.kepala]]
    if t.nomor_kolom:
        rows.append([_sel(str(i), True, False) for i in range(1, len(t.kepala) + 1)])
    kepala = len(rows)
    for b in t.baris:
        rows.append([_sel(s.teks, s.tengah, s.tebal) for s in b])
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, kepala - 1), colors.HexColor("#e6e6e6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for kolom, awal, akhir in t.gabung:
        style.append(("SPAN", (kolom, awal + kepala), (kolom, akhir + kepala)))
    for r, b in enumerate(t.baris, start=kepala):
        for c, s in enumerate(b):
            if s.warna:
                style.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(s.warna)))
    table = Table(rows, colWidths=[w * lebar for w in t.lebar], repeatRows=kepala,
                  splitByRow=0, splitInRow=30)  # fmt: skip
    table.setStyle(TableStyle(style))
    hasil: list[Any] = [Paragraph(teks(t.judul), g["judul_tabel"]), table]
    if t.catatan:
        hasil.append(Paragraph(teks(t.catatan), g["keterangan"]))
    else:
        hasil.append(Paragraph("&nbsp;", g["keterangan"]))
    return hasil


def _blok(b: Blok, lebar: float, kertas: str, pertama: bool) -> list[Any]:
    from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

    g = _gaya()
    if isinstance(b, Judul):
        if b.tingkat == 0:
            judul = mark_for_contents(Paragraph(teks(b.teks), g["bab"]), 0)
            return [*([] if pertama else [PageBreak()]), judul]
        gaya = g["sub"] if b.tingkat == 1 else g["subsub"]
        judul = Paragraph(teks(b.teks), gaya)
        return [CondPageBreak(30 * MM), mark_for_contents(judul, 1) if b.tingkat == 1 else judul]
    if isinstance(b, Paragraf):
        return _paragraf(b)
    if isinstance(b, Tabel):
        return _tabel(b, lebar)
    if isinstance(b, BlokGambar):
        return [ke_drawing(b.gambar), Paragraph(teks(b.judul), g["judul_tabel"]),
                Spacer(1, 2 * MM)]  # fmt: skip
    if isinstance(b, TandaTangan):
        return [signature_block(b.penandatangan)]
    if isinstance(b, Sampul):
        return [
            Spacer(1, 45 * MM),
            *(Paragraph(teks(t), g["sampul"]) for t in b.judul),
            Spacer(1, 90 * MM),
            *(Paragraph(teks(t), g["sampul_bawah"]) for t in b.bawah),
        ]
    if isinstance(b, HalamanBaru):
        return [PageBreak()]
    if isinstance(b, LampiranPk):
        from kinerja_desktop.reports.pk_pdf import pk_story

        story = pk_story(b.pk, kertas)
        # the appendix's heading already opened a page: the first agreement starts on it
        return story[1:] if story and isinstance(story[0], PageBreak) else story
    raise TypeError(f"unknown block {b!r}")


def render_lkjip_pdf(laporan: LaporanKinerja, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as a PDF on ``kertas`` to ``target`` (atomically)."""
    from reportlab.platypus import PageBreak, Paragraph

    lebar = frame_width(kertas)
    story: list[Any] = []
    bab = 0
    for i, b in enumerate(build_lkjip(laporan, lebar)):
        if isinstance(b, Judul) and b.tingkat == 0:
            bab += 1
            if bab == 2:  # the contents come after the Kata Pengantar, as in the Word file
                story += [PageBreak(), Paragraph("DAFTAR ISI", _gaya()["bab"]),
                          daftar_isi_flowable()]  # fmt: skip
        story += _blok(b, lebar, kertas, pertama=i == 0)
    a = laporan.angka
    return build_pdf(
        target,
        story,
        kertas,
        judul=laporan.judul,
        footer=f"LKjIP Kecamatan {a.kecamatan} Tahun {a.tahun}",
        penulis=f"Kecamatan {a.kecamatan}",
        daftar_isi=True,
    )
