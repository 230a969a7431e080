"""Period identifiers as DHIS2 writes them, with Indonesian labels and refusals."""

import pytest

from kinerja_desktop.domain.periode import (
    JenisPeriode,
    bulan,
    parse_periode,
    semua_periode,
    triwulan,
)
from kinerja_desktop.errors import DataTidakValid


@pytest.mark.parametrize(
    ("teks", "jenis", "bulan_", "label"),
    [
        ("2026", JenisPeriode.TAHUN, tuple(range(1, 13)), "Tahun 2026"),
        ("2026S2", JenisPeriode.SEMESTER, (7, 8, 9, 10, 11, 12), "Semester II 2026"),
        ("2026Q1", JenisPeriode.TRIWULAN, (1, 2, 3), "Triwulan I 2026"),
        ("2026q4", JenisPeriode.TRIWULAN, (10, 11, 12), "Triwulan IV 2026"),
        ("202601", JenisPeriode.BULAN, (1,), "Januari 2026"),
        (" 202612 ", JenisPeriode.BULAN, (12,), "Desember 2026"),
    ],
)
def test_periods_parse_with_months_and_labels(teks, jenis, bulan_, label):
    p = parse_periode(teks)
    assert p.jenis is jenis
    assert p.bulan == bulan_
    assert p.label == label
    assert parse_periode(p.id) == p


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("202613", "bulan 13 tidak ada"),
        ("202600", "bulan 00 tidak ada"),
        ("2026Q5", "tidak dikenal"),
        ("2026S3", "tidak dikenal"),
        ("Januari", "tidak dikenal"),
        ("", "tidak dikenal"),
        ("1850", "tidak masuk akal"),
        ("2026W01", "tidak dikenal"),
    ],
)
def test_bad_periods_are_refused_in_indonesian(teks, alasan):
    with pytest.raises(DataTidakValid, match=alasan):
        parse_periode(teks)


def test_containment_and_order():
    tw1 = triwulan(2026, 1)
    assert tw1.contains(bulan(2026, 3))
    assert not tw1.contains(bulan(2026, 4))
    assert not tw1.contains(bulan(2025, 3))
    ids = [p.id for p in semua_periode(2026)]
    assert ids[:4] == ["2026", "2026S1", "2026Q1", "202601"]
    assert len(ids) == 1 + 2 + 4 + 12
