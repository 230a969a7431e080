"""Reading one stored value back, for tests that check what an edit or import wrote."""

from kinerja_desktop.db.ops_nilai import KunciNilai, baca_baris, komponen_baris
from kinerja_desktop.domain.capaian import Komponen, Target


def baca_target(indikator_id: int, periode: str) -> Target | None:
    """The typed target of an indicator for a period (not a derived one), or None."""
    row = baca_baris(KunciNilai("target", indikator_id, periode))
    return None if row is None else Target(row["nilai"], row["nilai_atas"])


def baca_realisasi(indikator_id: int, periode: str, desa_id: int | None = None) -> Komponen | None:
    """The stored realisasi of one indicator, period and desa, or None (no data)."""
    return komponen_baris(baca_baris(KunciNilai("realisasi", indikator_id, periode, desa_id)))
