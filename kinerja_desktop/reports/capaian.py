"""Writing the capaian report to a file: the one call the CLI and the GUI make.

export_capaian(2020, "2020Q1", Path("E:/Capaian-2020Q1.pdf"))
export_capaian(2020, "2020", Path("Capaian-2020.xlsx"), kertas="a4")
"""

from pathlib import Path

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd


def default_filename(periode: str, suffix: str) -> str:
    """A file name for the report: ``Capaian-2020Q1.pdf``."""
    return f"Capaian-{periode}{suffix}"


def export_capaian(
    tahun: int,
    periode: str,
    target: Path,
    kertas: str | None = None,
    ttd: PilihanTtd | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the capaian report of ``tahun`` for ``periode`` to ``target`` (.pdf or .xlsx).

    ``kertas`` is "f4" or "a4" (default: the setting); ``ttd`` changes the signature's place,
    date or signer (default: the year's signatory at the end of the period). Written
    atomically.
    """
    from kinerja_desktop.reports.capaian_data import build_capaian_report

    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(periode, suffix)
    )
    if progress is not None:
        progress(0, 2, "Menghitung capaian")
    laporan = build_capaian_report(tahun, periode, ttd)
    if progress is not None:
        progress(1, 2, "Menulis berkas")
    if suffix == ".pdf":
        from kinerja_desktop.reports.capaian_pdf import render_capaian_pdf

        return render_capaian_pdf(laporan, target, kertas)
    from kinerja_desktop.reports.capaian_xlsx import render_capaian_xlsx

    return render_capaian_xlsx(laporan, target, kertas)
