"""The import log as people read it: every imported file, newest first, in one query.

Undoing one is :func:`kinerja_desktop.db.nilai.batalkan_batch`; this module only reads.
"""

from dataclasses import dataclass

from peewee import JOIN

from kinerja_desktop.db.models import Desa, ImporBatch

JENIS_IMPOR = {
    "desa": "Isian desa",
    "csv": "CSV nilai",
    "target": "Buku kerja target",
    "monev": "CSV monev",
}
"""The kind of an imported file in the operator's words."""


@dataclass(frozen=True)
class CatatanImpor:
    """One imported file as the import log keeps it."""

    nomor: int
    waktu: str  # ISO 8601, as stored
    nama_berkas: str
    jenis: str  # "desa", "csv", "target", "monev"
    kode_desa: str | None
    nama_desa: str | None
    jenis_desa: str | None
    tahun: int | None
    periode: str
    baru: int
    diubah: int
    sama: int
    sha256: str
    berkas_simpan: str
    dibatalkan: str | None  # ISO 8601 time of the undo

    @property
    def jenis_label(self) -> str:
        """``Isian desa``, ``CSV nilai``, ``Buku kerja target``, ``CSV monev``."""
        return JENIS_IMPOR.get(self.jenis, self.jenis)


def read_riwayat_impor(tahun: int | None = None) -> list[CatatanImpor]:
    """Every import of ``tahun`` (all years with None; files of several years count for
    every year), newest first."""
    query = (
        ImporBatch.select(
            ImporBatch.id,
            ImporBatch.waktu,
            ImporBatch.nama_berkas,
            ImporBatch.jenis,
            Desa.kode,
            Desa.nama,
            Desa.jenis,
            ImporBatch.tahun,
            ImporBatch.periode,
            ImporBatch.baru,
            ImporBatch.diubah,
            ImporBatch.sama,
            ImporBatch.sha256,
            ImporBatch.berkas_simpan,
            ImporBatch.dibatalkan,
        )
        .join(Desa, on=(ImporBatch.desa == Desa.id), join_type=JOIN.LEFT_OUTER)
        .order_by(ImporBatch.id.desc())
    )
    if tahun is not None:
        query = query.where((ImporBatch.tahun == tahun) | ImporBatch.tahun.is_null())
    return [CatatanImpor(*row) for row in query.tuples().iterator()]
