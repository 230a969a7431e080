"""The Rencana Aksi as a landscape PDF: per jabatan, on new pages, the targets per triwulan,
the programs with their anggaran, and the actions with their sub-actions and penanggung jawab;
the signatory at the end of each jabatan."""

from pathlib import Path
from typing import Any

from kinerja_desktop.reports.output import Progress
from kinerja_desktop.reports.page import (
    MM,
    build_pdf,
    frame_width,
    signature_flowables,
    styles,
    teks,
)
from kinerja_desktop.reports.pk_data import teks_rupiah
from kinerja_desktop.reports.rencana_aksi_data import (
    KETERANGAN_OTOMATIS,
    KOLOM_AKSI,
    KOLOM_PROGRAM,
    KOLOM_TARGET,
    TANDA_OTOMATIS,
    JabatanRa,
    LaporanRa,
)
from kinerja_desktop.reports.tabel_pdf import (
    baris_kosong,
    judul_bagian,
    kepala,
    kepala_jabatan,
    per_jabatan,
    sel,
    tabel,
    tabel_lalu_penutup,
)

LEBAR_TARGET = (0.04, 0.22, 0.34, 0.08, 0.08, 0.06, 0.06, 0.06, 0.06)
LEBAR_PROGRAM = (0.06, 0.70, 0.24)
LEBAR_AKSI = (0.04, 0.20, 0.20, 0.20, 0.06, 0.06, 0.06, 0.06, 0.12)


def _target(j: JabatanRa, width: float) -> Any:
    rows = [kepala(KOLOM_TARGET)]
    for i, b in enumerate(j.target, start=1):
        rows.append(
            [
                sel(str(i), "sel_tengah"),
                sel(b.sasaran),
                sel(b.indikator),
                sel(b.satuan, "sel_tengah"),
                sel(b.tahun, "sel_tengah"),
                *(sel(t, "sel_tengah") for t in b.tw),
            ]
        )
    tambahan: list[tuple[Any, ...]] = []
    if not j.target:
        baris_kosong(rows, tambahan, "Belum ada indikator untuk jabatan ini.")
    return tabel(rows, [width * w for w in LEBAR_TARGET], tambahan=tambahan)


def _program(j: JabatanRa, width: float) -> Any:
    rows = [kepala(KOLOM_PROGRAM)]
    tambahan: list[tuple[Any, ...]] = []
    for a in j.anggaran:
        nama = sel(a.nama) if a.kegiatan else sel(a.nama, "sel_tebal")
        rows.append([sel(a.nomor, "sel_tengah"), nama, sel(a.anggaran, "kanan")])
    if not j.anggaran:
        rows.append(["", sel("Belum ada program dan anggaran untuk jabatan ini."), ""])
    rows.append(["", sel("Jumlah", "sel_tebal"), sel(teks_rupiah(j.total_anggaran), "kanan")])
    tambahan.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), "#f2f2f2"))
    return tabel(rows, [width * w for w in LEBAR_PROGRAM], tambahan=tambahan)


def _aksi(j: JabatanRa, width: float, pembuka: list[Any], penutup: list[Any]) -> list[Any]:
    """Section C with the signature after it, kept on the page of the table's last rows."""
    rows = [kepala(KOLOM_AKSI)]
    for a in j.aksi:
        rows.append(
            [
                sel(a.nomor, "sel_tengah"),
                sel(a.aksi),
                sel(a.sub),
                sel(a.tautan),
                *(sel(t, "sel_tengah") for t in a.tw),
                sel(a.penanggung_jawab),
            ]
        )
    tambahan: list[tuple[Any, ...]] = []
    if not j.aksi:
        baris_kosong(rows, tambahan, "Belum ada rencana aksi untuk jabatan ini.")
    lebar = [width * w for w in LEBAR_AKSI]
    return tabel_lalu_penutup(pembuka, rows, lebar, penutup, tambahan=tambahan)


def _jabatan(laporan: LaporanRa, j: JabatanRa, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    story = kepala_jabatan(
        f"RENCANA AKSI TAHUN {laporan.tahun}",
        f"KECAMATAN {laporan.kecamatan}",
        j.nama,
        j.nama_pejabat,
    )
    story += [*judul_bagian("A. Target kinerja per triwulan"), _target(j, width)]
    if any(t.endswith(TANDA_OTOMATIS) for b in j.target for t in b.tw):
        story.append(Paragraph(teks(KETERANGAN_OTOMATIS), styles()["kaki"]))
    story += [
        Spacer(1, 4 * MM),
        *judul_bagian("B. Program, kegiatan dan anggaran"),
        _program(j, width),
    ]
    pembuka = [Spacer(1, 4 * MM), *judul_bagian("C. Rencana aksi")]
    return story + _aksi(j, width, pembuka, signature_flowables(laporan.penandatangan))


def render_rencana_aksi_pdf(
    laporan: LaporanRa, target: Path, kertas: str = "f4", progress: Progress | None = None
) -> Path:
    """Write ``laporan`` as a landscape PDF on ``kertas`` to ``target`` (atomically)."""
    width = frame_width(kertas, lanskap=True)
    story = per_jabatan(
        laporan.jabatan, lambda j: _jabatan(laporan, j, width), "Menyusun Rencana Aksi", progress
    )
    total = len(laporan.jabatan)
    if progress is not None:
        progress(total, total + 1, "Menata halaman dan menulis berkas PDF")
    return build_pdf(
        Path(target),
        story,
        kertas,
        judul=laporan.judul,
        footer=f"Rencana Aksi Kecamatan {laporan.kecamatan} Tahun {laporan.tahun}",
        penulis=f"Kecamatan {laporan.kecamatan}",
        lanskap=True,
    )
