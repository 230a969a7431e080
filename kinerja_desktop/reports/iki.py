"""Writing the IKI decree to a file: the one call the CLI and the dialog make.

    export_iki(2020, Path("E:/IKI-2020.pdf"))            # PDF on the default paper
    export_iki(2020, Path("IKI.xlsx"), kertas="a4", jabatan_kode="KASI-PEM")

The format follows the file's extension (.pdf or .xlsx); the paper defaults to the setting
``kertas``. Everything that can go wrong for the user raises a ``KinerjaError`` in Indonesian.
"""

from pathlib import Path

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd


def default_filename(tahun: int, suffix: str, jabatan_kode: str | None = None) -> str:
    """A file name for the decree: ``IKI-2020.pdf`` or ``IKI-2020-KASI-PEM.xlsx``."""
    bagian = f"-{jabatan_kode}" if jabatan_kode else ""
    return f"IKI-{tahun}{bagian}{suffix}"


def export_iki(
    tahun: int,
    target: Path,
    kertas: str | None = None,
    jabatan_kode: str | None = None,
    progress: Progress | None = None,
    ttd: PilihanTtd | None = None,
) -> Path:
    """Write the IKI decree of ``tahun`` (all jabatan, or only ``jabatan_kode``) to ``target``.

    ``ttd`` changes the signature's place, date or signer (default: as the decree records).

    ``kertas`` is "f4" or "a4" (default: the setting). Returns the written path. The file is
    written atomically: on any failure an older file of that name is left as it was.
    """
    from kinerja_desktop.reports.iki_data import build_iki_report

    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(tahun, suffix, jabatan_kode)
    )
    if progress is not None:
        progress(0, 1, "Membaca data IKI")
    laporan = build_iki_report(tahun, jabatan_kode, ttd)
    if suffix == ".pdf":
        from kinerja_desktop.reports.iki_pdf import render_iki_pdf

        return render_iki_pdf(laporan, target, kertas, progress)
    from kinerja_desktop.reports.iki_xlsx import render_iki_xlsx

    return render_iki_xlsx(laporan, target, kertas, progress)
