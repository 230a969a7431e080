"""The Beranda's to-do lines in plain Indonesian, each with where it is done (:class:`Tujuan`).

Every line is counted from what is stored: targets missing for the year, realisasi missing
for the last closed period, approvals waiting, the last backup to a stick. The window only
takes the operator to the place a line names.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kinerja_desktop.db.models import Jabatan, Persetujuan
from kinerja_desktop.db.queries_nilai import NilaiIndikator
from kinerja_desktop.domain.indikator import Frekuensi
from kinerja_desktop.domain.periode import Periode, parse_periode, tahun_
from kinerja_desktop.domain.persetujuan import Status
from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu

CADANGAN_LAMA_HARI = 7  # a stick backup older than this is worth a reminder in red


class Tempat(StrEnum):
    """Where a to-do line takes the operator."""

    JABATAN = "jabatan"  # a jabatan and one of its tabs
    DAFTAR_JABATAN = "daftar_jabatan"  # the jabatan tree itself
    IMPOR_DESA = "impor_desa"  # Data › Impor Isian Desa…
    TEMPLAT_DESA = "templat_desa"  # Data › Buat Templat Desa…
    KELENGKAPAN = "kelengkapan"  # Data › Kelengkapan Data Desa…
    CADANGAN = "cadangan"  # Berkas › Cadangkan ke…


class Tab(StrEnum):
    """The tab of a jabatan a line opens."""

    URAIAN = "uraian"
    INDIKATOR = "indikator"
    TARGET = "target"  # Target & Realisasi, where values are typed and approved


@dataclass(frozen=True)
class Tujuan:
    """Where one to-do line is done."""

    tempat: Tempat
    jabatan_id: int | None = None
    tab: Tab | None = None
    indikator_id: int | None = None  # the first indicator concerned, made current
    persetujuan: tuple[str, str] | None = None  # ("realisasi", "2026Q1"): the approval shown


@dataclass(frozen=True)
class Pekerjaan:
    """One line of the to-do list: what to do in plain words, and where."""

    teks: str
    tujuan: Tujuan
    rincian: str = ""  # the names behind a count, for the tooltip
    penting: bool = True  # False: a reassurance ("sudah lengkap"), shown without alarm


def daftar_nama(nama: Sequence[str], paling_banyak: int = 4) -> str:
    """``Desa A, Desa B dan 3 lainnya``."""
    if len(nama) <= paling_banyak:
        return ", ".join(nama[:-1]) + (" dan " if len(nama) > 1 else "") + nama[-1]
    return f"{', '.join(nama[:paling_banyak])} dan {len(nama) - paling_banyak} lainnya"


def _per_jabatan(
    nilai: Sequence[NilaiIndikator], cocok: dict[int, str]
) -> list[tuple[int, str, list[NilaiIndikator]]]:
    """The indicators in ``cocok`` (id → why), grouped by jabatan in document order."""
    kelompok: dict[int, list[NilaiIndikator]] = {}
    nama: dict[int, str] = {}
    for n in nilai:
        if n.info.id in cocok:
            kelompok.setdefault(n.info.jabatan_id, []).append(n)
            nama[n.info.jabatan_id] = n.info.nama_jabatan
    return [(j, nama[j], daftar) for j, daftar in kelompok.items()]


def pekerjaan_target(nilai: Sequence[NilaiIndikator], tahun: int) -> list[Pekerjaan]:
    """Per jabatan: its indicators without a target for the year (none typed or derived)."""
    setahun = tahun_(tahun)
    tanpa = {n.info.id: "" for n in nilai if n.target_periode(setahun)[0] is None}
    return [
        Pekerjaan(
            f"{nama_jabatan}: {len(daftar)} indikator belum punya target tahun {tahun}.",
            Tujuan(Tempat.JABATAN, jabatan_id, Tab.TARGET, daftar[0].info.id),
            "\n".join(f"{n.info.kode} {n.info.nama}" for n in daftar),
        )
        for jabatan_id, nama_jabatan, daftar in _per_jabatan(nilai, tanpa)
    ]


def pekerjaan_realisasi(
    nilai: Sequence[NilaiIndikator], bulan: Periode | None, triwulan: Periode | None
) -> list[Pekerjaan]:
    """Indicators whose realisasi of their last closed period is missing, per jabatan."""
    kurang: dict[int, str] = {}
    for n in nilai:
        p = bulan if n.info.frekuensi is Frekuensi.BULANAN else triwulan
        if p is not None and n.realisasi_periode(p).nilai is None:
            kurang[n.info.id] = p.label
    hasil = []
    for jabatan_id, nama_jabatan, daftar in _per_jabatan(nilai, kurang):
        periode = sorted({kurang[n.info.id] for n in daftar})
        hasil.append(
            Pekerjaan(
                f"{nama_jabatan}: realisasi {' dan '.join(periode)} belum ada untuk "
                f"{len(daftar)} indikator.",
                Tujuan(Tempat.JABATAN, jabatan_id, Tab.TARGET, daftar[0].info.id),
                "\n".join(f"{n.info.kode} {n.info.nama}" for n in daftar),
            )
        )
    return hasil


_MENUNGGU = {
    Status.DIAJUKAN.value: "menunggu verifikasi",
    Status.DIVERIFIKASI.value: "menunggu persetujuan",
}


def pekerjaan_persetujuan(tahun: int) -> list[Pekerjaan]:
    """Every approval of ``tahun`` waiting for verification or approval."""
    query = (
        Persetujuan.select(
            Persetujuan.jabatan,
            Jabatan.nama,
            Persetujuan.jenis,
            Persetujuan.periode,
            Persetujuan.status,
            Persetujuan.oleh,
            Persetujuan.waktu,
        )
        .join(Jabatan)
        .where((Jabatan.tahun == tahun) & Persetujuan.status.in_(list(_MENUNGGU)))
        .order_by(Jabatan.urutan, Persetujuan.periode)
        .tuples()
    )
    hasil = []
    for jabatan_id, nama, jenis, periode, status, oleh, waktu in query.iterator():
        apa = "Target" if jenis == "target" else "Realisasi"
        hasil.append(
            Pekerjaan(
                f"{apa} {parse_periode(periode).label} {nama} {_MENUNGGU[status]} "
                f"({Status(status).label.lower()} oleh {oleh}, {format_waktu(waktu)}).",
                Tujuan(Tempat.JABATAN, jabatan_id, Tab.TARGET, persetujuan=(jenis, periode)),
            )
        )
    return hasil


def cadangan_flashdisk(hari_ini: date) -> Pekerjaan:
    """The line about the last backup to a stick (Berkas › Cadangkan ke…), from the time
    :func:`~kinerja_desktop.db.archive.export_backup` records."""
    from kinerja_desktop import settings

    tujuan = Tujuan(Tempat.CADANGAN)
    try:
        waktu = datetime.fromisoformat(settings.get("cadangan_luar_waktu"))
    except ValueError:
        return Pekerjaan(
            "Data belum pernah dicadangkan ke flashdisk. Cadangkan sekarang dan simpan "
            "flashdisknya di tempat yang aman.",
            tujuan,
        )
    hari = (hari_ini - waktu.date()).days
    kapan = "hari ini" if hari <= 0 else "kemarin" if hari == 1 else f"{hari} hari yang lalu"
    teks = f"Cadangan terakhir ke flashdisk: {kapan} ({format_tanggal(waktu.date())})."
    if hari >= CADANGAN_LAMA_HARI:
        return Pekerjaan(teks + " Cadangkan lagi sekarang.", tujuan, settings.get(
            "cadangan_luar_berkas"))  # fmt: skip
    return Pekerjaan(teks, tujuan, settings.get("cadangan_luar_berkas"), penting=False)


def langkah_awal(tahun: int) -> list[Pekerjaan]:
    """The first steps of an office without any value yet, each with where it is done."""
    daftar = Tujuan(Tempat.DAFTAR_JABATAN)
    return [
        Pekerjaan(
            f"Periksa pohon jabatan, uraian tugas dan indikator IKI tahun {tahun}; ubah yang "
            "berbeda di kantor ini.",
            daftar,
        ),
        Pekerjaan(
            "Isi pemangku tiap jabatan dan target tiap indikator (tab Target & Realisasi, atau "
            "Data › Buat Buku Kerja Target untuk mengisinya di Excel).",
            daftar,
        ),
        Pekerjaan(
            "Buat templat isian untuk desa/kelurahan dan kirimkan kepada mereka.",
            Tujuan(Tempat.TEMPLAT_DESA),
        ),
        Pekerjaan(
            "Impor isian desa yang sudah kembali; kelengkapannya tampil di sini.",
            Tujuan(Tempat.IMPOR_DESA),
        ),
        Pekerjaan("Cadangkan data ke flashdisk setiap selesai bekerja.", Tujuan(Tempat.CADANGAN)),
    ]
