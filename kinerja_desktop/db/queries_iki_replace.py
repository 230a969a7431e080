"""What replacing a year's IKI (its whole jabatan tree) would take with it.

An IKI import into a year that has an IKI deletes the year's jabatan; the database's ON DELETE
CASCADE takes everything hanging on them (programs, kegiatan with their anggaran, Rencana
Aksi, monev notes, values, SKP, issued PK…) and ON DELETE SET NULL empties the links other
rows had to them. :func:`read_replaced` finds all of it with the same foreign-key walk the
undo of a removal uses (:func:`~kinerja_desktop.db.removed_rows.capture_rows`), so a table
added later that hangs on a jabatan or an indicator is counted without naming it here. The
one reference without a foreign key, the LKjIP analysis of a sasaran (keyed ``sasaran:<id>``),
is counted by its key.
"""

from dataclasses import dataclass
from typing import Any

from peewee import chunked

from kinerja_desktop.db.models import (
    BaseModel,
    Fungsi,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    NilaiRealisasi,
    NilaiTarget,
    Pemangku,
    Persetujuan,
    PkTerbit,
    Program,
    RealisasiAnggaran,
    RencanaAksi,
    Sasaran,
    Skp,
    SkpEvaluasi,
    SkpHasilKerja,
    SkpPerilaku,
    SkpRealisasi,
    SkpUmpanPerilaku,
    SubIndikator,
    TeksLkjip,
    Tugas,
)
from kinerja_desktop.db.removed_rows import capture_rows, tautan_parts
from kinerja_desktop.domain.lkjip import kunci_sasaran
from kinerja_desktop.domain.teks import format_daftar

IKI_SENDIRI: tuple[type[BaseModel], ...] = (
    Jabatan,
    Tugas,
    Fungsi,
    Sasaran,
    Indikator,
    SubIndikator,
)
"""The IKI itself: what the workbook brings again, so replacing it loses nothing entered."""

NAMA_BARIS: dict[type[BaseModel], str | None] = {
    NilaiTarget: "target",
    NilaiRealisasi: "realisasi",
    Skp: "SKP pegawai",
    SkpHasilKerja: None,  # None: counted with the SKP they belong to
    SkpRealisasi: None,
    SkpPerilaku: None,
    SkpUmpanPerilaku: None,
    SkpEvaluasi: None,
    Program: "program",
    Kegiatan: "kegiatan (beserta anggarannya)",
    RealisasiAnggaran: "realisasi anggaran triwulan",
    RencanaAksi: "rencana aksi",
    Keterangan: "catatan monev (kendala/tindak lanjut)",
    Persetujuan: "status persetujuan",
    PkTerbit: "Perjanjian Kinerja terbit",
}
"""How the refusal names the rows a replacement would take (others: their table's name)."""
ANALISIS_LKJIP = "teks analisis sasaran Laporan Kinerja (LKjIP)"


def kinds_refused() -> str:
    """Every kind of row that makes a replacement refused, as one Indonesian phrase (for the
    preview's sentence and the command's help, so that neither lists fewer than is checked)."""
    return format_daftar([n for n in NAMA_BARIS.values() if n is not None] + [ANALISIS_LKJIP])


@dataclass(frozen=True)
class IsiTergantikan:
    """What replacing the IKI of ``tahun`` touches: the IKI itself (replaced by design), the
    holders (put back on the new jabatan of the same code), and everything else, which the
    import never takes: ``lain`` names each kind with its count."""

    tahun: int
    jabatan: int
    indikator: int
    pemangku: tuple[tuple[str, int], ...]  # (jabatan kode, pegawai id) of every holder
    lain: tuple[str, ...]  # "3 program", "5 kegiatan (beserta anggarannya)", …


def read_replaced(tahun: int) -> IsiTergantikan | None:
    """Everything replacing the IKI of ``tahun`` would delete or unlink; None when the year
    has no IKI (nothing to replace)."""
    query = Jabatan.select().where(Jabatan.tahun == tahun).order_by(Jabatan.id)
    akar: list[dict[str, Any]] = list(query.dicts().iterator())
    if not akar:
        return None
    isi = capture_rows(Jabatan, akar)
    kode = {r["id"]: r["kode"] for r in akar}
    pemangku = tuple(sorted((kode[r["jabatan"]], r["pegawai"]) for r in isi.baris(Pemangku)))
    lain: list[str] = []
    for model, rows in isi.kelompok:
        if model in IKI_SENDIRI or model is Pemangku:
            continue
        nama = NAMA_BARIS.get(model, str(model._meta.table_name))
        if nama is not None:
            lain.append(f"{len(rows)} {nama}")
    # links to the year's rows from rows the replacement keeps (outside the year): emptied
    lain += [f"tautan {bagian} dari luar tahun {tahun}" for bagian in tautan_parts(isi.tautan)]
    # an accepted LKjIP analysis names its sasaran by id, with no foreign key: it would be
    # left behind, or (SQLite reuses ids) read as the analysis of a new sasaran
    kunci = [kunci_sasaran(r["id"]) for r in isi.baris(Sasaran)]
    analisis = sum(
        TeksLkjip.select()
        .where((TeksLkjip.tahun == tahun) & TeksLkjip.bagian.in_(list(bagian)))
        .count()
        for bagian in chunked(kunci, 500)
    )
    if analisis:
        lain.append(f"{analisis} {ANALISIS_LKJIP}")
    return IsiTergantikan(tahun, isi.jumlah(Jabatan), isi.jumlah(Indikator), pemangku, tuple(lain))
