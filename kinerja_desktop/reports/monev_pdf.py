"""The quarterly monev as a landscape PDF: per jabatan, on new pages, the indicator table with
capaian and kategori coloured by band, the jabatan's capaian, the budget table; then the rules,
the signatory and the "asal angka" appendix."""

from pathlib import Path
from typing import Any

from kinerja_desktop.reports.asal_angka_pdf import lampiran_asal
from kinerja_desktop.reports.monev_data import BarisAnggaranMonev, JabatanMonev, LaporanMonev
from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import MM, build_pdf, frame_width, signature_block, styles, teks
from kinerja_desktop.reports.pk_data import teks_rupiah
from kinerja_desktop.reports.rencana_aksi_data import KETERANGAN_OTOMATIS
from kinerja_desktop.reports.tabel_pdf import (
    baris_kosong,
    judul_bagian,
    kepala,
    kepala_jabatan,
    per_jabatan,
    sel,
    tabel,
)

LEBAR_INDIKATOR = (0.03, 0.13, 0.19, 0.06, 0.06, 0.06, 0.07, 0.09, 0.07, 0.08, 0.16)
LEBAR_ANGGARAN = (0.05, 0.43, 0.14, 0.13, 0.14, 0.11)


def _indikator(laporan: LaporanMonev, j: JabatanMonev, width: float) -> Any:
    rows = [kepala(laporan.kolom)]
    tambahan: list[tuple[Any, ...]] = []
    for i, b in enumerate(j.baris, start=1):
        rows.append(
            [
                sel(str(i), "sel_tengah"),
                sel(b.sasaran),
                sel(b.indikator),
                sel(b.satuan, "sel_tengah"),
                sel(b.target_tahun, "sel_tengah"),
                sel(b.target_tw, "sel_tengah"),
                sel(b.realisasi_tw, "sel_tengah"),
                sel(b.realisasi_kumulatif, "sel_tengah"),
                sel(b.capaian, "sel_tengah"),
                sel(b.kategori, "sel_tengah"),
                sel(b.keterangan),
            ]
        )
        if b.warna:
            r = len(rows) - 1
            tambahan.append(("BACKGROUND", (8, r), (9, r), b.warna))
    if not j.baris:
        baris_kosong(rows, tambahan, "Belum ada indikator untuk jabatan ini.")
    return tabel(rows, [width * w for w in LEBAR_INDIKATOR], tambahan=tambahan)


def _baris_anggaran(a: BarisAnggaranMonev) -> list[Any]:
    gaya = "sel" if a.kegiatan else "sel_tebal"
    realisasi_tw = teks_rupiah(a.realisasi_tw) if a.realisasi_tw is not None else "-"
    kumulatif = teks_rupiah(a.realisasi_kumulatif) if a.realisasi_kumulatif is not None else "-"
    return [
        sel(a.nomor, "sel_tengah"),
        sel(a.nama, gaya),
        sel(teks_rupiah(a.anggaran), "kanan"),
        sel(realisasi_tw, "kanan"),
        sel(kumulatif, "kanan"),
        sel(a.teks_persen, "kanan"),
    ]


def _anggaran(laporan: LaporanMonev, j: JabatanMonev, width: float) -> Any:
    rows = [kepala(laporan.kolom_anggaran)]
    for a in j.anggaran:
        rows.append(_baris_anggaran(a))
    if not j.anggaran:
        rows.append(["", sel("Belum ada program dan anggaran untuk jabatan ini."), "", "", "", ""])
    rows.append(_baris_anggaran(j.jumlah))
    tambahan = [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), "#f2f2f2")]
    return tabel(rows, [width * w for w in LEBAR_ANGGARAN], tambahan=tambahan)


def _jabatan(laporan: LaporanMonev, j: JabatanMonev, width: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    st = styles()
    keterangan = (
        [Paragraph(teks(KETERANGAN_OTOMATIS), st["kaki"])] if j.has_automatic_target else []
    )
    kepala_ = kepala_jabatan(
        "MONITORING DAN EVALUASI KINERJA",
        f"KECAMATAN {laporan.kecamatan} — {laporan.periode.label}",
        j.nama,
        j.nama_pejabat,
    )
    return [
        *kepala_,
        *judul_bagian("A. Capaian indikator"),
        _indikator(laporan, j, width),
        *keterangan,
        Spacer(1, 1.5 * MM),
        Paragraph(teks(j.ringkasan), st["normal"]),
        Spacer(1, 4 * MM),
        # a short budget table moves whole with its heading rather than leave its total behind
        KeepTogether([*judul_bagian("B. Realisasi anggaran"), _anggaran(laporan, j, width)]),
    ]


def _aturan(laporan: LaporanMonev, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story: list[Any] = [Spacer(1, 6 * MM), Paragraph("Kategori capaian", st["tebal"])]
    rows = [kepala(("Capaian", "Kategori"))]
    tambahan = []
    for i, (rentang, nama, warna) in enumerate(laporan.pita, start=1):
        rows.append([sel(rentang), sel(nama)])
        tambahan.append(("BACKGROUND", (1, i), (1, i), warna))
    story += [tabel(rows, [45 * MM, 45 * MM], tambahan=tambahan), Spacer(1, 3 * MM)]
    story.append(Paragraph("Aturan penghitungan", st["tebal"]))
    story += [Paragraph(teks(a), st["kaki"], bulletText="•") for a in laporan.aturan]
    return story


def render_monev_pdf(
    laporan: LaporanMonev, target: Path, kertas: str = "f4", progress: Progress | None = None
) -> Path:
    """Write ``laporan`` as a landscape PDF on ``kertas`` to ``target`` (atomically)."""
    width = frame_width(kertas, lanskap=True)
    story = per_jabatan(
        laporan.jabatan, lambda j: _jabatan(laporan, j, width), "Menyusun monev", progress
    )
    total = len(laporan.jabatan)
    story += _aturan(laporan, width)
    story.append(signature_block(laporan.penandatangan))
    if laporan.asal:
        story += lampiran_asal(laporan.asal, width)
    if progress is not None:
        progress(total, total + 1, "Menata halaman dan menulis berkas PDF")
    return build_pdf(
        Path(target),
        story,
        kertas,
        judul=laporan.judul,
        footer=f"Monev Kecamatan {laporan.kecamatan} {laporan.periode.label}",
        penulis=f"Kecamatan {laporan.kecamatan}",
        lanskap=True,
    )
