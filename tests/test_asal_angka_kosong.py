"""The "asal angka" appendix says so where a jabatan has no indicator, in the workbook as in
the PDF, rather than leave a table header with nothing under it."""

from openpyxl import Workbook, load_workbook

from kinerja_desktop.reports.asal_angka import AsalIndikator
from kinerja_desktop.reports.asal_angka_xlsx import lembar_asal


def test_a_jabatan_without_indicators_is_explained_in_the_workbook(tmp_path):
    wb = Workbook()
    asal = (
        ("Pengemudi", ()),
        ("Kasi Pemerintahan", (AsalIndikator("KASI-PEM.01", "Pembinaan perangkat desa", ()),)),
    )
    lembar_asal(wb, asal, "f4")
    wb.save(tmp_path / "asal.xlsx")
    rows = [[c.value for c in r] for r in load_workbook(tmp_path / "asal.xlsx")["Asal Angka"].rows]
    pengemudi = next(i for i, r in enumerate(rows) if r[0] == "Pengemudi")
    assert rows[pengemudi + 2][1] == "Jabatan ini tidak punya indikator."
    assert rows[-1][1:3] == ["KASI-PEM.01 Pembinaan perangkat desa", "Belum ada realisasi."]
