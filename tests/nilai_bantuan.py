"""Reading one stored value back, for tests that check what an edit or import wrote."""

from kinerja_desktop.db.ops_nilai import KunciNilai, komponen_baris, read_row
from kinerja_desktop.domain.capaian import Komponen, Target


def parse_cell_target(indikator_id: int, periode: str) -> Target | None:
    """The typed target of an indicator for a period (not a derived one), or None."""
    row = read_row(KunciNilai("target", indikator_id, periode))
    return None if row is None else Target(row["nilai"], row["nilai_atas"])


def baca_realisasi(indikator_id: int, periode: str, desa_id: int | None = None) -> Komponen | None:
    """The stored realisasi of one indicator, period and desa, or None (no data)."""
    return komponen_baris(read_row(KunciNilai("realisasi", indikator_id, periode, desa_id)))
