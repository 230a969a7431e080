"""The capaian report as a PDF: recap with a bar chart, per-jabatan tables, desa tables, rules,
and the Camat's signature; same paper, font, footer and safe writing as the IKI decree."""

from functools import cache
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.value_text import format_capaian
from kinerja_desktop.reports.capaian_data import BELUM, KOLOM, JabatanCapaian, LaporanCapaian
from kinerja_desktop.reports.fonts import FONT, FONT_BOLD
from kinerja_desktop.reports.grafik import GARIS_TARGET, grafik_capaian, teks_tanda
from kinerja_desktop.reports.page import MM, build_pdf, frame_width, signature_block, styles, teks

# No | Sasaran | Indikator | Satuan | Target | Realisasi | Capaian | Kategori | Keterangan: the
# Sasaran column wide enough that a row is not made tall by it alone, and each narrow column
# as wide as its heading in the compact 7.5-point cells ("Realisasi" is never broken)
LEBAR = (0.04, 0.17, 0.209, 0.081, 0.085, 0.09, 0.085, 0.09, 0.15)
GRID = 0.5


def _style(header_rows: int = 1) -> Any:
    from reportlab.lib import colors

    return [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]


def _p(text: str, style: str = "sel", kecil: bool = False) -> Any:
    from reportlab.platypus import Paragraph

    gaya = _kecil(style) if kecil else styles()[style]
    return Paragraph(teks(text) if text else "&nbsp;", gaya)


@cache
def _kecil(style: str) -> Any:
    """``style`` at 7.5 points: the nine-column jabatan tables fit the page width with it."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style}_kecil", parent=styles()[style], fontSize=7.5, leading=9)


def _recap(laporan: LaporanCapaian, width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    st = styles()
    rows: list[list[Any]] = [
        [
            _p(k, "kepala")
            for k in ("No", "Jabatan", "Indikator ada data", "Capaian (%)", "Kategori")
        ]
    ]
    for i, j in enumerate(laporan.jabatan, start=1):
        rows.append(
            [
                _p(str(i), "sel_tengah"),
                _p(f"{j.nama} ({j.kode})"),
                _p(f"{j.ada} dari {j.total}", "sel_tengah"),
                _p(format_capaian(j.capaian), "sel_tengah"),
                _p(BELUM if j.capaian is None else j.kategori, "sel_tengah"),
            ]
        )
    table = Table(
        rows,
        colWidths=[w * width for w in (0.06, 0.50, 0.16, 0.13, 0.15)],
        repeatRows=1,
    )
    style = _style()
    for i, j in enumerate(laporan.jabatan, start=1):
        if j.warna:
            style.append(("BACKGROUND", (3, i), (4, i), colors.HexColor(j.warna)))
    table.setStyle(TableStyle(style))
    return [
        Paragraph("A. REKAPITULASI CAPAIAN PER JABATAN", st["tebal"]),
        Spacer(1, 2 * MM),
        table,
        Spacer(1, 4 * MM),
        _chart(laporan, width),
    ]


def _truncate(teks_: str, lebar: float, ukuran: float) -> str:
    """``teks_`` cut with "…" to fit ``lebar`` points in the report font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(teks_, FONT, ukuran) <= lebar:
        return teks_
    while teks_ and stringWidth(teks_ + "…", FONT, ukuran) > lebar:
        teks_ = teks_[:-1]
    return teks_.rstrip() + "…"


def _chart(laporan: LaporanCapaian, width: float) -> Any:
    """The capaian chart (:mod:`kinerja_desktop.reports.grafik`, the one the Beranda shows):
    horizontal bars per jabatan (named, not coded) with a dashed line at 100%.

    The 100% line is drawn only beside bars: it never runs through a "belum ada data" label.
    """
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    grafik = grafik_capaian(laporan.jabatan, laporan.pita, "Grafik capaian per jabatan (%)")
    bar, gap, label_w, top, ukuran = 4.2 * MM, 1.6 * MM, 70 * MM, 8 * MM, 6.5
    n = len(grafik.batang)
    height = top + n * (bar + gap) + 8 * MM
    d = Drawing(width, height)
    d.initialFontName = FONT  # else every page names Helvetica, which is not embedded
    d.add(String(0, height - 5 * MM, grafik.judul, fontName=FONT_BOLD, fontSize=9))
    area = width - label_w - 22 * MM
    x0 = label_w
    x100 = x0 + area * grafik.bagian(GARIS_TARGET)
    garis = {"strokeColor": colors.black, "strokeWidth": 0.6, "strokeDashArray": [2, 2]}
    for i, b in enumerate(grafik.batang):
        y = height - top - (i + 1) * (bar + gap)
        nama = _truncate(b.label, label_w - 2 * MM, ukuran)
        d.add(String(0, y + 1.2, nama, fontName=FONT, fontSize=ukuran))
        if b.capaian is None or b.warna is None:
            d.add(String(x0 + 1, y + 1.2, b.teks, fontName=FONT, fontSize=ukuran,
                         fillColor=colors.HexColor("#666666")))  # fmt: skip
            continue
        w = max(0.5, area * grafik.bagian(b.capaian))
        d.add(Rect(x0, y, w, bar, fillColor=colors.HexColor(b.warna),
                   strokeColor=colors.HexColor("#555555"), strokeWidth=0.3))  # fmt: skip
        d.add(String(x0 + w + 1.5, y + 1.2, b.teks, fontName=FONT, fontSize=ukuran))
        d.add(Line(x100, y - gap / 2, x100, y + bar + gap / 2, **garis))
    bottom = height - top - n * (bar + gap) - 1 * MM
    d.add(String(x100 - 4 * MM, bottom - 3.5 * MM, teks_tanda(GARIS_TARGET), fontName=FONT,
                 fontSize=7))  # fmt: skip
    return d


def _jabatan(j: JabatanCapaian, width: float, nomor: int) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles()
    # "Capaian (%)" on two lines: a narrow column would break the word itself
    rows: list[list[Any]] = [[_p(k.replace(" (%)", "\n(%)"), "kepala", kecil=True) for k in KOLOM]]
    # a sasaran shared by consecutive indicators is written once, its cell spanning them
    kelompok: list[tuple[int, int]] = []
    for i, b in enumerate(j.baris, start=1):
        if kelompok and j.baris[kelompok[-1][0] - 1].sasaran == b.sasaran:
            kelompok[-1] = (kelompok[-1][0], i)
        else:
            kelompok.append((i, i))
    pertama = {a for a, _ in kelompok}
    for i, b in enumerate(j.baris, start=1):
        rows.append(
            [
                _p(b.no, "sel_tengah", kecil=True),
                _p(b.sasaran if i in pertama else "", kecil=True),
                _p(b.indikator, kecil=True),
                _p(b.satuan, "sel_tengah", kecil=True),
                _p(b.target, "sel_tengah", kecil=True),
                _p(b.realisasi, "sel_tengah", kecil=True),
                _p(b.capaian, "sel_tengah", kecil=True),
                _p(b.kategori, "sel_tengah", kecil=True),
                _p(b.keterangan, kecil=True),
            ]
        )
    # an indicator name of 1,500 characters is taller than a page: its row continues on the
    # next page (the combination measured for the IKI table, DESIGN.md) instead of failing
    table = Table(
        rows, colWidths=[w * width for w in LEBAR], repeatRows=1, splitByRow=0, splitInRow=30
    )
    style = _style()
    for a, z in kelompok:
        if z > a:
            style.append(("SPAN", (1, a), (1, z)))
    for i, b in enumerate(j.baris, start=1):
        if b.warna:
            style.append(("BACKGROUND", (6, i), (7, i), colors.HexColor(b.warna)))
    table.setStyle(TableStyle(style))
    kepala = [
        Paragraph(f"{nomor}. {teks(j.nama)} ({teks(j.kode)})", st["tebal"]),
        # the approval shares the holder's line: a line more here moves every later table
        Paragraph(
            f"Pemangku: {teks(j.pemangku)} · Persetujuan: {teks(j.persetujuan)}",
            st["normal"],
        ),
        Spacer(1, 1.5 * MM),
    ]
    return [
        KeepTogether([*kepala, table]) if len(j.baris) <= 6 else KeepTogether(kepala),
        *([] if len(j.baris) <= 6 else [table]),
        Spacer(1, 1.5 * MM),
        Paragraph(teks(j.ringkasan), st["normal"]),
        Spacer(1, 5 * MM),
    ]


def _desa(laporan: LaporanCapaian, width: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles()
    story: list[Any] = [
        Paragraph("C. REALISASI PER DESA/KELURAHAN", st["tebal"]),
        Spacer(1, 2 * MM),
    ]
    if not laporan.desa:
        story.append(
            Paragraph(
                f"Belum ada data dari desa/kelurahan pada {teks(laporan.periode.label)}.",
                st["normal"],
            )
        )
    for t in laporan.desa:
        half = (len(t.baris) + 1) // 2
        rows: list[list[Any]] = [[_p(k, "kepala") for k in ("Desa/Kelurahan", "Realisasi") * 2]]
        for i in range(half):
            kiri = t.baris[i]
            kanan = t.baris[half + i] if half + i < len(t.baris) else ("", "")
            rows.append(
                [_p(kiri[0]), _p(kiri[1], "sel_tengah"), _p(kanan[0]), _p(kanan[1], "sel_tengah")]
            )
        rows.append(
            [_p("Jumlah kecamatan", "sel_tebal"), _p(t.jumlah, "sel_tengah"), _p(""), _p("")]
        )
        table = Table(rows, colWidths=[w * width for w in (0.32, 0.18, 0.32, 0.18)], repeatRows=1)
        style = _style()
        style.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        table.setStyle(TableStyle(style))
        judul = Paragraph(
            f"{teks(t.kode)} {teks(t.nama)} — {t.lapor} dari {len(t.baris)} desa/kelurahan melapor",
            st["tebal"],
        )
        story += [KeepTogether([judul, Spacer(1, 1.5 * MM), table]), Spacer(1, 4 * MM)]
    if laporan.desa_tanpa_data:
        # a table, one indicator a row: a run-on paragraph of codes and names was unreadable
        rows = [[_p(k, "kepala") for k in ("No", "Indikator", "Jabatan")]]
        for i, ind in enumerate(laporan.desa_tanpa_data, start=1):
            rows.append([_p(str(i), "sel_tengah"), _p(f"{ind.nama} ({ind.kode})"), _p(ind.jabatan)])
        table = Table(
            rows,
            colWidths=[w * width for w in (0.06, 0.62, 0.32)],
            repeatRows=1,
            splitByRow=0,
            splitInRow=30,
        )
        table.setStyle(TableStyle(_style()))
        judul = Paragraph(
            f"Indikator dari desa/kelurahan yang belum ada datanya pada "
            f"{teks(laporan.periode.label)} ({len(laporan.desa_tanpa_data)} indikator)",
            st["tebal"],
        )
        story += [judul, Spacer(1, 1.5 * MM), table]
    return story


def render_capaian_pdf(laporan: LaporanCapaian, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as a PDF on ``kertas`` to ``target`` (atomically)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    st = styles()
    width = frame_width(kertas)
    story: list[Any] = [
        Paragraph(teks(laporan.judul), st["judul"]),
        Paragraph(teks(laporan.sub_judul), st["tengah_tebal"]),
        Spacer(1, 6 * MM),
    ]
    story += _recap(laporan, width)
    story += [
        Spacer(1, 4 * MM),
        Paragraph("B. CAPAIAN PER JABATAN", st["tebal"]),
        Spacer(1, 2 * MM),
    ]
    for i, j in enumerate(laporan.jabatan, start=1):
        story += _jabatan(j, width, i)
    story += _desa(laporan, width)
    story += [Spacer(1, 5 * MM), Paragraph("D. KETERANGAN", st["tebal"]), Spacer(1, 1.5 * MM)]
    story.append(
        Paragraph(
            "Kategori capaian:",
            st["normal"],
        )
    )
    rows = [[_p(r), _p(n)] for r, n, _ in laporan.pita]
    pita = Table(rows, colWidths=[45 * MM, 40 * MM], hAlign="LEFT")
    style = _style(header_rows=0)[:3]
    for i, (_, _, warna) in enumerate(laporan.pita):
        style.append(("BACKGROUND", (1, i), (1, i), colors.HexColor(warna)))
    pita.setStyle(TableStyle(style))
    story += [Spacer(1, 1.5 * MM), pita, Spacer(1, 2 * MM)]
    for aturan in laporan.aturan:
        story.append(Paragraph(teks(aturan), st["daftar"], bulletText="•"))
    story.append(signature_block(laporan.penandatangan))
    return build_pdf(
        target,
        story,
        kertas,
        judul=f"Capaian IKI {laporan.periode.label}",
        footer=f"Capaian IKI Kecamatan {laporan.kecamatan} — {laporan.periode.label}",
        penulis=f"Kecamatan {laporan.kecamatan}",
    )
