"""The kabupaten report: what each kecamatan sent for a period, side by side.

    export_kabupaten(2020, "2020Q1", Path("E:/Rekap-Kabupaten-2020Q1.pdf"))

A summary table and chart per kecamatan (package on time or not, indicators with data, mean
capaian and its rating), the totals of indicators several kecamatan share, and the detail of
each kecamatan exactly as that kecamatan computed it. PDF or XLSX by the file's extension.
"""

from pathlib import Path

from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.reports.output import prepare_output


def default_filename(kode: str, periode: str, suffix: str) -> str:
    """``Rekap-Kabupaten-35.07-2020Q1.pdf``."""
    return f"Rekap-Kabupaten-{kode}-{periode}{suffix}"


def export_kabupaten(tahun: int, periode: str, target: Path, kertas: str | None = None) -> Path:
    """Write the kabupaten report of ``periode`` to ``target`` (.pdf or .xlsx), atomically."""
    from kinerja_desktop.db.kabupaten import rekap, require_workspace
    from kinerja_desktop.db.queries_nilai import penilaian

    kode = require_workspace().kode
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(kode, periode, suffix)
    )
    data = rekap(tahun, parse_periode(periode))
    if suffix == ".pdf":
        from kinerja_desktop.reports.kabupaten_pdf import render_kabupaten_pdf

        return render_kabupaten_pdf(data, penilaian(), target, kertas)
    from kinerja_desktop.reports.kabupaten_xlsx import render_kabupaten_xlsx

    return render_kabupaten_xlsx(data, penilaian(), target, kertas)
