"""Writing the Perjanjian Kinerja to a file, the one call the CLI and the dialog make (the
LKjIP appendix takes the PK's pages from ``pk_pdf.pk_story``).

    export_pk(2026, Path("PK-2026.pdf"))                     # every jabatan, the Camat first
    export_pk(2026, Path("PK.xlsx"), jabatan_kode="KASI-PEM", awal=True)
"""

from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd

if TYPE_CHECKING:
    from kinerja_desktop.reports.pk_data import LaporanPk


def default_filename(tahun: int, suffix: str, jabatan_kode: str | None = None) -> str:
    """``PK-2026.pdf`` or ``PK-2026-KASI-PEM.xlsx``."""
    bagian = f"-{jabatan_kode}" if jabatan_kode else ""
    return f"PK-{tahun}{bagian}{suffix}"


def export_pk(
    tahun: int,
    target: Path,
    kertas: str | None = None,
    jabatan_kode: str | None = None,
    progress: Progress | None = None,
    ttd: PilihanTtd | None = None,
    awal: bool = False,
    asal_angka: bool = False,
) -> Path:
    """Write the Perjanjian Kinerja of ``tahun`` (all jabatan, or ``jabatan_kode``; ``CAMAT``
    for the Camat's own) to ``target`` (.pdf or .xlsx), atomically.

    Each jabatan prints its latest issued version, or its current data when never issued;
    ``awal`` prints the first issued (the original) instead. ``ttd`` sets the place and date of
    agreements not issued yet; ``asal_angka`` adds the appendix on where realisasi came from.
    """
    from kinerja_desktop.reports.pk_versi import build_pk_report

    prepare_output(target, kertas, lambda suffix: default_filename(tahun, suffix, jabatan_kode))
    if progress is not None:
        progress(0, 1, "Membaca data Perjanjian Kinerja")
    laporan = build_pk_report(tahun, jabatan_kode, ttd, awal, asal_angka)
    return write_pk(laporan, target, kertas, progress)


def write_pk(
    laporan: "LaporanPk", target: Path, kertas: str | None, progress: Progress | None = None
) -> Path:
    """Write an already read Perjanjian Kinerja to ``target`` (.pdf or .xlsx)."""
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(laporan.tahun, suffix)
    )
    if suffix == ".pdf":
        from kinerja_desktop.reports.pk_pdf import render_pk_pdf

        return render_pk_pdf(laporan, target, kertas, progress)
    from kinerja_desktop.reports.pk_xlsx import render_pk_xlsx

    return render_pk_xlsx(laporan, target, kertas)
