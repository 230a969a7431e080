"""Read-only questions the CLI, reports and views ask of the database."""

from dataclasses import dataclass
from typing import Any

from peewee import fn

from kinerja_desktop.db.models import Desa, Indikator, Jabatan, Pegawai, Sasaran, Tahun
from kinerja_desktop.errors import TidakDitemukan


def years() -> list[int]:
    """All years in the database, oldest first."""
    return [t.tahun for t in Tahun.select(Tahun.tahun).order_by(Tahun.tahun)]


def latest_year() -> int | None:
    """The most recent year, or None for a database without years."""
    return Tahun.select(fn.MAX(Tahun.tahun)).scalar()


def require_year(tahun: int) -> Tahun:
    """Return the year ``tahun`` or raise :class:`TidakDitemukan` listing the years there are."""
    found = Tahun.get_or_none(Tahun.tahun == tahun)
    if found is None:
        ada = ", ".join(str(y) for y in years()) or "belum ada"
        raise TidakDitemukan(f"Tahun {tahun} tidak ada di basis data (tahun yang ada: {ada}).")
    return found


@dataclass(frozen=True)
class Statistik:
    """Counts shown by ``kinerja-desktop stats``; jabatan and indikator for ``tahun_terakhir``."""

    tahun: list[int]
    jabatan: int
    indikator: int
    desa: int
    pegawai: int

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of the counts."""
        return {
            "tahun": self.tahun,
            "jabatan": self.jabatan,
            "indikator": self.indikator,
            "desa": self.desa,
            "pegawai": self.pegawai,
        }


def statistics() -> Statistik:
    """Count what the database holds; jabatan and indicators of the latest year."""
    all_years = years()
    latest = all_years[-1] if all_years else None
    return Statistik(
        tahun=all_years,
        jabatan=Jabatan.select().where(Jabatan.tahun == latest).count() if latest else 0,
        indikator=Indikator.select().where(Indikator.tahun == latest).count() if latest else 0,
        desa=Desa.select().count(),
        pegawai=Pegawai.select().count(),
    )


def indicators_of_year(tahun: int) -> list[dict[str, Any]]:
    """The indicators of a year in document order, as plain dictionaries (the JSON form)."""
    require_year(tahun)
    query = (
        Indikator.select(Indikator, Sasaran, Jabatan)
        .join(Sasaran)
        .join(Jabatan)
        .where(Indikator.tahun == tahun)
        .order_by(Jabatan.urutan, Sasaran.urutan, Indikator.urutan)
    )
    result = []
    for ind in query:
        result.append(
            {
                "kode": ind.kode,
                "kode_jabatan": ind.sasaran.jabatan.kode,
                "jabatan": ind.sasaran.jabatan.nama,
                "sasaran": ind.sasaran.teks,
                "nama": ind.nama,
                "sub": [s.teks for s in ind.sub.order_by(ind.sub.model.urutan)],
                "formula": ind.formula,
                "sumber_data": ind.sumber_data,
                "satuan": ind.satuan,
                "jenis": ind.jenis,
                "polaritas": ind.polaritas,
                "dari_desa": ind.dari_desa,
                "frekuensi": ind.frekuensi,
                "agregasi": ind.agregasi,
            }
        )
    return result
