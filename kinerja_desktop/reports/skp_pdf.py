"""The SKP documents as a PDF to sign: for the office a recap of predikat with the distribution
check signed by the Camat; per pegawai the SKP (plan), its evaluation in the period and the
Dokumen Evaluasi Kinerja Pegawai, each on its own page with the signatures of the pegawai and
the pejabat penilai (name, pangkat, NIP). Same paper, font, footer and safe writing as every
report."""

from functools import cache
from pathlib import Path
from typing import Any

from kinerja_desktop.db.queries_skp import Pihak
from kinerja_desktop.domain.skp import Bagian
from kinerja_desktop.reports.fonts import FONT
from kinerja_desktop.reports.page import (
    MM,
    build_pdf,
    frame_width,
    signature_block,
    styles,
    teks,
)
from kinerja_desktop.reports.penandatangan import KOSONG
from kinerja_desktop.reports.skp_data import (
    KOLOM_EVALUASI,
    KOLOM_HASIL_KERJA,
    DokumenSkp,
    LaporanSkp,
    kelompok_rhk,
    teks_nip,
)

LEBAR_RENCANA = (0.045, 0.2, 0.23, 0.1, 0.285, 0.14)
LEBAR_EVALUASI = (0.042, 0.15, 0.15, 0.1, 0.188, 0.1, 0.1, 0.17)
ISI_NANTI = "……"  # a target not set yet, to write in by hand beside its unit
GRID = 0.5


def _p(text: str, style: str = "sel") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(teks(text) if text else "&nbsp;", styles()[style])


def _gaya(kepala: int = 1) -> list[Any]:
    from reportlab.lib import colors

    gaya: list[Any] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if kepala:
        gaya.append(("BACKGROUND", (0, 0), (-1, kepala - 1), colors.HexColor("#e6e6e6")))
    return gaya


def _tabel(
    rows: list[list[Any]], lebar: tuple[float, ...], gaya: list[Any], kepala: int, width: float
) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=[w * width for w in lebar], repeatRows=kepala)
    table.setStyle(TableStyle(gaya))
    return table


def _judul(*baris: str) -> list[Any]:
    from reportlab.platypus import Spacer

    hasil = [_p(b, "judul" if i == 0 else "tengah_tebal") for i, b in enumerate(baris)]
    return [*hasil, Spacer(1, 3 * MM)]


def _pihak_rows(p: Pihak | None) -> list[tuple[str, str]]:
    if p is None:
        return [(k, KOSONG) for k in ("Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja")]
    return [
        ("Nama", p.nama or KOSONG),
        ("NIP", teks_nip(p)),
        ("Pangkat/Gol. Ruang", p.pangkat_golongan or KOSONG),
        ("Jabatan", p.jabatan),
        ("Unit Kerja", p.unit_kerja),
    ]


def _identitas(dok: DokumenSkp, width: float) -> Any:
    """Pegawai yang dinilai | Pejabat penilai kinerja, side by side (the form's header)."""
    kiri, kanan = _pihak_rows(dok.data.pegawai), _pihak_rows(dok.data.penilai)
    rows = [
        [
            _p("PEGAWAI YANG DINILAI", "sel_tebal"),
            "",
            _p("PEJABAT PENILAI KINERJA", "sel_tebal"),
            "",
        ]
    ]
    for (k1, v1), (k2, v2) in zip(kiri, kanan, strict=True):
        rows.append([_p(k1), _p(v1), _p(k2), _p(v2)])
    gaya = _gaya() + [("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0))]
    return _tabel(rows, (0.15, 0.35, 0.15, 0.35), gaya, 1, width)


def _ttd_dua(dok: DokumenSkp, tempat_tanggal: str, width: float) -> list[Any]:
    """Two signature blocks: the pegawai on the left, the pejabat penilai on the right."""
    from reportlab.platypus import Spacer, Table, TableStyle

    def blok(peran: str, p: Pihak | None) -> list[Any]:
        nama = f"<u>{teks(p.nama)}</u>" if p is not None and p.nama else KOSONG
        from reportlab.platypus import Paragraph

        return [
            _p(peran, "tengah"),
            Spacer(1, 20 * MM),
            Paragraph(nama, styles()["tengah_tebal"]),
            _p(p.pangkat_golongan if p is not None and p.pangkat_golongan else "", "tengah"),
            _p(f"NIP. {teks_nip(p)}", "tengah"),
        ]

    rows = [
        ["", _p(tempat_tanggal, "tengah")],
        [
            blok("Pegawai yang Dinilai,", dok.data.pegawai),
            blok("Pejabat Penilai Kinerja,", dok.data.penilai),
        ],
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [Spacer(1, 6 * MM), table]


def _baris_rencana(dok: DokumenSkp, evaluasi: bool) -> tuple[list[list[Any]], list[Any]]:
    """The rows of the hasil kerja table: per section, one numbered group per rencana hasil
    kerja (its cells spanning the rows of its indicators, as the form groups them)."""
    kolom = KOLOM_EVALUASI if evaluasi else KOLOM_HASIL_KERJA
    rows: list[list[Any]] = [[_p(k, "kepala") for k in kolom]]
    gaya: list[Any] = []
    realisasi = {r.hasil_kerja.id: r for r in dok.evaluasi.realisasi}
    for bagian in Bagian:
        rows.append([_p(bagian.label, "sel_tebal")] + [""] * (len(kolom) - 1))
        gaya.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        baris = dok.data.bagian(bagian)
        if not baris:
            rows.append([_p("-", "sel_tengah"), _p("(tidak ada)")] + [""] * (len(kolom) - 2))
            continue
        for no, kelompok in enumerate(kelompok_rhk(baris), start=1):
            awal = len(rows)
            for i, r in enumerate(kelompok):
                pertama = i == 0
                isi = [
                    _p(str(no), "sel_tengah") if pertama else "",
                    _p(r.rhk_atasan or "-") if pertama else "",
                    _p(r.rhk) if pertama else "",
                    _p(r.aspek.label),
                    _p(r.indikator),
                    _p(r.target_satuan if r.target else f"{ISI_NANTI} {r.satuan}".strip()),
                ]
                if evaluasi:
                    nilai = realisasi[r.id]
                    isi += [_p(nilai.realisasi or "-"), _p(nilai.umpan_balik)]
                rows.append(isi)
            if len(kelompok) > 1:
                gaya += [("SPAN", (c, awal), (c, len(rows) - 1)) for c in range(3)]
    return rows, gaya


@cache
def _kecil() -> Any:
    """Cell text at 7.5 points: the core values' guidance, so the plan keeps to one page."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("sel_kecil", parent=styles()["sel"], fontSize=7.5, leading=9)


def _rencana(dok: DokumenSkp, ttd: list[Any], width: float) -> list[Any]:
    """The plan's two tables; the core values stay on one page with the signatures ``ttd``,
    so that a signature never stands alone on a page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    rows, gaya = _baris_rencana(dok, evaluasi=False)
    perilaku = [[_p(k, "kepala") for k in ("No", "Perilaku Kerja", "Ekspektasi Khusus Pimpinan")]]
    for i, p in enumerate(dok.data.perilaku, start=1):
        nilai = Paragraph(f"<b>{teks(p.nama)}</b><br/>{teks(p.panduan)}", _kecil())
        perilaku.append([_p(str(i), "sel_tengah"), nilai, _p(p.ekspektasi or "-")])
    return [
        Spacer(1, 4 * MM),
        _p("HASIL KERJA", "tebal"),
        Spacer(1, 1.5 * MM),
        _tabel(rows, LEBAR_RENCANA, _gaya() + gaya, 1, width),
        Spacer(1, 4 * MM),
        KeepTogether(
            [
                _p("PERILAKU KERJA", "tebal"),
                Spacer(1, 1.5 * MM),
                _tabel(perilaku, (0.05, 0.6, 0.35), _gaya(), 1, width),
                *ttd,
            ]
        ),
    ]


def _evaluasi(dok: DokumenSkp, ttd: list[Any], width: float) -> list[Any]:
    """The evaluation's tables; behaviour, ratings and the signatures ``ttd`` kept together."""
    from reportlab.platypus import KeepTogether, Spacer

    rows, gaya = _baris_rencana(dok, evaluasi=True)
    rating = [
        [_p("RATING HASIL KERJA", "sel_tebal"), _p(dok.rating_hasil, "sel_tebal")],
        [_p("Usulan aplikasi"), _p(dok.usulan)],
    ]
    perilaku = [
        [
            _p(k, "kepala")
            for k in ("No", "Perilaku Kerja", "Ekspektasi Khusus Pimpinan", "Umpan Balik")
        ]
    ]
    for i, p in enumerate(dok.data.perilaku, start=1):
        perilaku.append(
            [
                _p(str(i), "sel_tengah"),
                _p(p.nama),
                _p(p.ekspektasi or "-"),
                _p(dok.evaluasi.umpan_perilaku.get(p.kode, "")),
            ]
        )
    akhir = [
        [_p("RATING PERILAKU KERJA", "sel_tebal"), _p(dok.rating_perilaku, "sel_tebal")],
        [_p("PREDIKAT KINERJA PEGAWAI", "sel_tebal"), _p(dok.predikat, "sel_tebal")],
    ]
    return [
        Spacer(1, 4 * MM),
        _p("HASIL KERJA", "tebal"),
        Spacer(1, 1.5 * MM),
        _tabel(rows, LEBAR_EVALUASI, _gaya() + gaya, 1, width),
        _tabel(rating, (0.3, 0.7), _gaya(0), 0, width),
        Spacer(1, 4 * MM),
        KeepTogether(
            [
                _p("PERILAKU KERJA", "tebal"),
                Spacer(1, 1.5 * MM),
                _tabel(perilaku, (0.05, 0.25, 0.35, 0.35), _gaya(), 1, width),
                _tabel(akhir, (0.3, 0.7), _gaya(0), 0, width),
                *ttd,
            ]
        ),
    ]


def _dokumen_evaluasi(dok: DokumenSkp, laporan: LaporanSkp, width: float) -> list[Any]:
    """The Dokumen Evaluasi Kinerja Pegawai: the three parties, the evaluation, the notes."""
    rows: list[list[Any]] = []
    gaya = _gaya(0)

    def bagian(no: str, judul: str, isi: list[tuple[str, str]]) -> None:
        rows.append([_p(no, "sel_tengah"), _p(judul, "sel_tebal"), ""])
        gaya.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
        for k, v in isi:
            rows.append(["", _p(k), _p(v)])

    bagian("1", "PEGAWAI YANG DINILAI", _pihak_rows(dok.data.pegawai))
    bagian("2", "PEJABAT PENILAI KINERJA", _pihak_rows(dok.data.penilai))
    bagian("3", "ATASAN PEJABAT PENILAI KINERJA", _pihak_rows(dok.data.atasan_penilai))
    bagian(
        "4",
        "EVALUASI KINERJA",
        [
            ("Capaian Kinerja Organisasi", laporan.teks_capaian_organisasi),
            ("Predikat Kinerja Organisasi", laporan.predikat_organisasi or KOSONG),
            ("Rating Hasil Kerja", dok.rating_hasil),
            ("Rating Perilaku Kerja", dok.rating_perilaku),
            ("Predikat Kinerja Pegawai", dok.predikat),
        ],
    )
    bagian("5", "CATATAN/REKOMENDASI", [])
    rows.append(["", _p(dok.catatan or "-"), ""])
    gaya.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    penilai = dok.data.penilai
    nama = f"<u>{teks(penilai.nama)}</u>" if penilai is not None and penilai.nama else KOSONG
    ttd = Table(
        [
            [_p(laporan.tempat_tanggal, "tengah")],
            [_p("Pejabat Penilai Kinerja,", "tengah")],
            [Spacer(1, 20 * MM)],
            [Paragraph(nama, styles()["tengah_tebal"])],
            [_p(penilai.pangkat_golongan if penilai else "", "tengah")],
            [_p(f"NIP. {teks_nip(penilai)}", "tengah")],
        ],
        colWidths=[85 * MM],
        hAlign="RIGHT",
    )
    ttd.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10)]))
    return [
        *_judul(
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            f"PERIODE: {laporan.label_periode.upper()}",
            f"({laporan.masa_evaluasi})",
        ),
        _tabel(rows, (0.05, 0.35, 0.6), gaya, 0, width),
        KeepTogether([Spacer(1, 6 * MM), ttd]),
    ]


def _rekap(laporan: LaporanSkp, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    rows: list[list[Any]] = [
        [
            _p(k, "kepala")
            for k in ("No", "Nama / NIP", "Jabatan", "Rating Hasil Kerja", "Rating Perilaku",
                      "Predikat")
        ]
    ]  # fmt: skip
    for i, dok in enumerate(laporan.dokumen, start=1):
        p = dok.data.pegawai
        rows.append(
            [
                _p(str(i), "sel_tengah"),
                _p(f"{p.nama}\nNIP. {teks_nip(p)}"),
                _p(p.jabatan),
                _p(dok.rating_hasil),
                _p(dok.rating_perilaku),
                _p(dok.predikat, "sel_tebal"),
            ]
        )
    kurva = [_p(b, "tebal" if b.startswith("PERINGATAN") else "normal") for b in
             laporan.kurva.ringkasan()]  # fmt: skip
    return [
        *_judul(
            "REKAPITULASI PREDIKAT KINERJA PEGAWAI",
            f"PERIODE: {laporan.label_periode.upper()}",
            laporan.unit_kerja.upper(),
        ),
        _p(f"Capaian kinerja organisasi: {laporan.teks_capaian_organisasi}."),
        Spacer(1, 2 * MM),
        _tabel(rows, (0.05, 0.3, 0.27, 0.13, 0.13, 0.12), _gaya(), 1, width),
        Spacer(1, 4 * MM),
        _p("KURVA DISTRIBUSI PREDIKAT (predikat tahunan)", "tebal"),
        Spacer(1, 1.5 * MM),
        *kurva,
        _p(f"Sumber aturan: {laporan.sumber_kurva}.", "kaki"),
        signature_block(laporan.camat),
    ]


def render_skp_pdf(laporan: LaporanSkp, target: Path, kertas: str) -> Path:
    """Write ``laporan`` as a PDF on ``kertas`` to ``target`` (atomically)."""
    from reportlab.platypus import PageBreak

    width = frame_width(kertas)
    story: list[Any] = []
    if laporan.kantor:
        story += [*_rekap(laporan, width), PageBreak()]
    for dok in laporan.dokumen:
        story += [
            *_judul(
                "SASARAN KINERJA PEGAWAI",
                f"PERIODE PENILAIAN: {laporan.masa_penilaian.upper()}",
            ),
            _identitas(dok, width),
            *_rencana(dok, _ttd_dua(dok, laporan.tempat_tanggal, width), width),
            PageBreak(),
            *_judul(
                "EVALUASI KINERJA PEGAWAI",
                f"PERIODE: {laporan.label_periode.upper()}",
                f"({laporan.masa_evaluasi})",
            ),
            _identitas(dok, width),
            *_evaluasi(dok, _ttd_dua(dok, laporan.tempat_tanggal, width), width),
            PageBreak(),
            *_dokumen_evaluasi(dok, laporan, width),
            PageBreak(),
        ]
    story.pop()  # no empty page at the end
    siapa = "" if laporan.kantor else f" {laporan.dokumen[0].data.pegawai.nama}"
    judul = f"SKP{siapa} {laporan.label_periode}"
    return build_pdf(target, story, kertas, judul, footer=f"{judul} — {laporan.unit_kerja}")
