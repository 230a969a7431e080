"""Writing the audit log to a CSV or XLSX file (``kinerja-desktop audit --out``, and the Simpan
button of Riwayat Perubahan)."""

import csv
from collections.abc import Sequence
from pathlib import Path

from kinerja_desktop.db.queries_audit import JUDUL, KOLOM, BarisAudit
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.sel_csv import baris_aman
from kinerja_desktop.fileio import atomic_write

_LEBAR = (7, 19, 14, 20, 18, 30, 18, 9, 16, 18, 18, 40)


def write_audit(baris: Sequence[BarisAudit], target: Path) -> Path:
    """Write ``baris`` to ``target`` (``.csv`` or ``.xlsx``) atomically; every value as text."""
    target = Path(target)
    akhiran = target.suffix.lower()
    if akhiran not in (".csv", ".xlsx"):
        raise DataTidakValid(
            f"Berkas {target.name}: pilih akhiran .csv atau .xlsx untuk ekspor riwayat."
        )
    isi = [[str(getattr(b, k)) for k in KOLOM] for b in baris]
    if akhiran == ".csv":

        def write_audit_csv(temp: Path) -> None:
            with open(temp, "w", encoding="utf-8", newline="") as handle:
                penulis = csv.writer(handle, lineterminator="\r\n")
                penulis.writerow(KOLOM)
                # entries quote what people typed; a spreadsheet must not run it as a formula
                penulis.writerows(baris_aman(isi))

        return atomic_write(target, write_audit_csv)

    def write_audit_xlsx(temp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        from kinerja_desktop.workbook import sel_teks

        wb = Workbook()
        ws = wb.active
        ws.title = "Riwayat Perubahan"
        for j, judul in enumerate(JUDUL, start=1):
            sel_teks(ws, 1, j, judul).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(j)].width = _LEBAR[j - 1]
        for i, row in enumerate(isi, start=2):
            for j, teks in enumerate(row, start=1):
                sel_teks(ws, i, j, teks)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(JUDUL))}{len(isi) + 1}"
        wb.save(temp)

    return atomic_write(target, write_audit_xlsx)
