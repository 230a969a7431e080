"""The kabupaten report as a PDF: summary and chart per kecamatan, shared totals, detail."""

from pathlib import Path
from typing import Any

from kinerja_desktop.db.kabupaten import Rekap, RekapKecamatan
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu
from kinerja_desktop.domain.value_text import format_angka, format_capaian
from kinerja_desktop.reports.fonts import FONT, FONT_BOLD
from kinerja_desktop.reports.page import MM, build_pdf, frame_width, styles, teks

BELUM = "belum ada data"
GRID = 0.5


def _p(text: str, style: str = "sel") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(teks(text) if text else "&nbsp;", styles()[style])


def _table(rows: list[list[Any]], widths: list[float], warna: dict[tuple[int, int], str]) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    # a row taller than a page (an indicator name of 1,500 characters) continues on the next
    table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=0, splitInRow=30)
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
    ]
    for (col, row), hexa in warna.items():
        style.append(("BACKGROUND", (col, row), (col, row), colors.HexColor(hexa)))
    table.setStyle(TableStyle(style))
    return table


def _waktu(k: RekapKecamatan) -> str:
    if k.waktu_tulis is None:
        return "belum ada paket"
    tepat = "tepat waktu" if k.tepat_waktu else "terlambat"
    return f"{format_waktu(k.waktu_tulis)} ({tepat})"


def _summary(r: Rekap, nilai: Penilaian, width: float) -> list[Any]:
    rows: list[list[Any]] = [
        [_p(k, "kepala") for k in ("No", "Kecamatan", "Paket ditulis", "Indikator ada data",
                                    "Capaian rata-rata (%)", "Kategori")]
    ]  # fmt: skip
    warna: dict[tuple[int, int], str] = {}
    for i, k in enumerate(r.kecamatan, start=1):
        rata, ada, total = k.capaian_rata
        pita = nilai.kategori(rata)
        rows.append(
            [
                _p(str(i), "sel_tengah"),
                _p(f"{k.nama} ({k.kode})"),
                _p(_waktu(k)),
                _p(f"{ada} dari {total}" if total else "-", "sel_tengah"),
                _p(format_capaian(rata), "sel_tengah"),
                _p(pita.nama if pita else BELUM, "sel_tengah"),
            ]
        )
        if pita:
            warna[(4, i)] = warna[(5, i)] = pita.warna
    widths = [w * width for w in (0.06, 0.27, 0.25, 0.13, 0.13, 0.16)]
    return [_table(rows, widths, warna)]


def _chart(r: Rekap, nilai: Penilaian, width: float) -> Any:
    """Horizontal bars of mean capaian per kecamatan; "belum ada data" is written, not 0."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    bar, gap, label_w, top = 4.0 * MM, 1.4 * MM, 42 * MM, 8 * MM
    n = len(r.kecamatan)
    height = top + n * (bar + gap) + 8 * MM
    d = Drawing(width, height)
    d.initialFontName = FONT  # else every page names Helvetica, which is not embedded
    d.add(String(0, height - 5 * MM, "Grafik capaian rata-rata per kecamatan (%)",
                 fontName=FONT_BOLD, fontSize=9))  # fmt: skip
    rata = [(k, k.capaian_rata[0]) for k in r.kecamatan]
    skala = max([120.0, *(x for _, x in rata if x is not None)])
    area = width - label_w - 22 * MM
    x100 = label_w + area * 100 / skala
    for i, (k, x) in enumerate(rata):
        y = height - top - (i + 1) * (bar + gap)
        d.add(String(0, y + 1.2, k.nama, fontName=FONT, fontSize=7))
        if x is None:
            kosong = BELUM if k.sha256 else "belum ada paket"
            d.add(String(label_w + 1, y + 1.2, kosong, fontName=FONT, fontSize=7,
                         fillColor=colors.HexColor("#666666")))  # fmt: skip
            continue
        pita = nilai.kategori(x)
        w = max(0.5, area * x / skala)
        d.add(Rect(label_w, y, w, bar, fillColor=colors.HexColor(pita.warna if pita else "#bbb"),
                   strokeColor=colors.HexColor("#555555"), strokeWidth=0.3))  # fmt: skip
        d.add(String(label_w + w + 1.5, y + 1.2, format_angka(x, 1), fontName=FONT, fontSize=7))
    bottom = height - top - n * (bar + gap) - 1 * MM
    d.add(Line(x100, bottom, x100, height - top + 1 * MM, strokeColor=colors.black,
               strokeWidth=0.6, strokeDashArray=[2, 2]))  # fmt: skip
    d.add(String(x100 - 4 * MM, bottom - 3.5 * MM, "100%", fontName=FONT, fontSize=7))
    return d


def _gabungan(r: Rekap, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story: list[Any] = [Spacer(1, 5 * MM), Paragraph("B. INDIKATOR BERSAMA", st["tebal"])]
    if not r.gabungan:
        story.append(Paragraph(
            "Tidak ada indikator yang sama (nama dan jenis) di dua kecamatan atau lebih; "
            "jumlah kabupaten tidak dibuat.", st["normal"]))  # fmt: skip
        return story
    story.append(Paragraph(
        "Indikator dengan nama dan jenis yang sama di beberapa kecamatan. Persentase dijumlahkan "
        "sebagai Σ pembilang ÷ Σ penyebut × 100%, tidak pernah sebagai rata-rata persentase.",
        st["normal"]))  # fmt: skip
    rows: list[list[Any]] = [
        [_p(k, "kepala") for k in ("Indikator", "Jenis", "Kecamatan",
                                    "Σ pembilang", "Σ penyebut", "Nilai kabupaten")]
    ]  # fmt: skip
    berisi = [g for g in r.gabungan if g.realisasi is not None]
    for g in berisi:
        assert g.realisasi is not None  # berisi
        if g.jenis == "jumlah":
            nilai = f"{format_angka(g.realisasi)} {g.satuan}"
        else:
            nilai = f"{format_angka(g.realisasi, 1)}%"
        rows.append([
            _p(g.nama), _p(g.jenis, "sel_tengah"), _p(str(g.kecamatan), "sel_tengah"),
            _p("-" if g.pembilang is None else format_angka(g.pembilang), "sel_tengah"),
            _p("-" if g.penyebut is None else format_angka(g.penyebut), "sel_tengah"),
            _p(nilai, "sel_tengah"),
        ])  # fmt: skip
    widths = [w * width for w in (0.33, 0.13, 0.13, 0.13, 0.13, 0.15)]
    if berisi:
        story += [Spacer(1, 2 * MM), _table(rows, widths, {})]
    kosong = len(r.gabungan) - len(berisi)
    if kosong:
        story.append(Paragraph(
            f"{kosong} indikator bersama lain belum ada datanya di kecamatan mana pun pada "
            "periode ini.", st["normal"]))  # fmt: skip
    return story


def _detail(k: RekapKecamatan, nilai: Penilaian, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story: list[Any] = [Spacer(1, 4 * MM), Paragraph(teks(f"Kecamatan {k.nama} ({k.kode})"),
                                                    st["tebal"])]  # fmt: skip
    if k.sha256 is None:
        story.append(Paragraph("Belum ada paket untuk periode ini.", st["normal"]))
        return story
    rows: list[list[Any]] = [
        [_p(c, "kepala") for c in ("Jabatan", "Indikator", "Target", "Realisasi", "Capaian (%)",
                                    "Kategori")]
    ]  # fmt: skip
    warna: dict[tuple[int, int], str] = {}
    for i, b in enumerate(k.indikator, start=1):
        realisasi = "-" if b.realisasi is None else format_angka(b.realisasi, None)
        pita = nilai.kategori(b.capaian) if b.kategori else None
        rows.append([
            _p(b.nama_jabatan), _p(b.nama), _p(b.target or "-", "sel_tengah"),
            _p(realisasi, "sel_tengah"), _p(format_capaian(b.capaian), "sel_tengah"),
            _p(b.kategori or BELUM, "sel_tengah"),
        ])  # fmt: skip
        if pita and pita.nama == b.kategori:
            warna[(5, i)] = pita.warna
    widths = [w * width for w in (0.19, 0.35, 0.10, 0.11, 0.11, 0.14)]
    story += [Spacer(1, 1.5 * MM), _table(rows, widths, warna)]
    return story


def render_kabupaten_pdf(r: Rekap, nilai: Penilaian, target: Path, kertas: str) -> Path:
    """Write the kabupaten report ``r`` as a PDF on ``kertas`` to ``target`` (atomically)."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    st = styles()
    width = frame_width(kertas)
    story: list[Any] = [
        Paragraph("REKAPITULASI CAPAIAN INDIKATOR KINERJA INDIVIDU KECAMATAN", st["judul"]),
        Paragraph(teks(f"{r.kabupaten.nama} — {r.periode.label}"), st["tengah_tebal"]),
        Spacer(1, 5 * MM),
        Paragraph(teks(
            f"A. KIRIMAN DAN CAPAIAN PER KECAMATAN: {r.diterima} dari {len(r.kecamatan)} "
            f"kecamatan mengirim paket (tepat waktu bila ditulis paling lambat "
            f"{format_tanggal(r.tenggat)})."), st["tebal"]),
        Spacer(1, 2 * MM),
    ]  # fmt: skip
    story += _summary(r, nilai, width)
    story += [Spacer(1, 4 * MM), _chart(r, nilai, width)]
    story += _gabungan(r, width)
    story += [PageBreak(), Paragraph("C. RINCIAN PER KECAMATAN", st["tebal"])]
    story.append(Paragraph(
        "Angka setiap kecamatan persis seperti dihitung kecamatan itu dalam paket kirimannya.",
        st["normal"]))  # fmt: skip
    for k in r.kecamatan:
        story += _detail(k, nilai, width)
    return build_pdf(
        target,
        story,
        kertas,
        judul=f"Rekapitulasi Capaian IKI {r.kabupaten.nama} {r.periode.label}",
        footer=f"Rekapitulasi Capaian IKI {r.kabupaten.nama} — {r.periode.label}",
        penulis=r.kabupaten.nama,
    )
