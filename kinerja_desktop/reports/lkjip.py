"""Writing the Laporan Kinerja (LKjIP) to a file: the one call the CLI and the dialog make.

    export_lkjip(2026, Path("E:/LKjIP-2026.pdf"))
    export_lkjip(2026, Path("LKjIP-2026.docx"))   # for the office to finish in Word

The format follows the extension: .pdf to print and sign, .docx (Word, also LibreOffice
Writer) to finish; the paper defaults to the setting.
"""

from pathlib import Path

from kinerja_desktop.reports.output import FORMAT_WORD, Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd


def default_filename(tahun: int, suffix: str) -> str:
    """A file name for the report: ``LKjIP-2026.pdf``."""
    return f"LKjIP-{tahun}{suffix}"


def export_lkjip(
    tahun: int,
    target: Path,
    kertas: str | None = None,
    ttd: PilihanTtd | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the Laporan Kinerja of ``tahun`` to ``target`` (.pdf or .docx), atomically.

    ``ttd`` changes the signature's place, date or signer (default: the year's Camat, the
    date left to be written by hand).
    """
    from kinerja_desktop.reports.lkjip_data import build_lkjip_report

    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(tahun, suffix), FORMAT_WORD
    )
    if progress is not None:
        progress(0, 2, "Menghitung capaian")
    laporan = build_lkjip_report(tahun, ttd)
    if progress is not None:
        progress(1, 2, "Menulis berkas")
    if suffix == ".pdf":
        from kinerja_desktop.reports.lkjip_pdf import render_lkjip_pdf

        return render_lkjip_pdf(laporan, target, kertas)
    from kinerja_desktop.reports.lkjip_docx import render_lkjip_docx

    return render_lkjip_docx(laporan, target, kertas)
