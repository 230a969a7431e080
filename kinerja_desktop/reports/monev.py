"""Writing the quarterly monev to a file: the one call the CLI and the dialog make.

export_monev(2026, "2026Q2", Path("Monev-2026Q2.pdf"))    # landscape, every jabatan
"""

from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd

if TYPE_CHECKING:
    from kinerja_desktop.reports.monev_data import LaporanMonev


def default_filename(periode: str, suffix: str, jabatan_kode: str | None = None) -> str:
    """``Monev-2026Q2.pdf`` or ``Monev-2026Q2-KASI-PEM.xlsx``."""
    bagian = f"-{jabatan_kode}" if jabatan_kode else ""
    return f"Monev-{periode}{bagian}{suffix}"


def write_monev(
    laporan: "LaporanMonev", target: Path, kertas: str | None, progress: Progress | None = None
) -> Path:
    """Write an already read monev to ``target`` (.pdf landscape or .xlsx)."""
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(laporan.periode.id, suffix)
    )
    if suffix == ".pdf":
        from kinerja_desktop.reports.monev_pdf import render_monev_pdf

        return render_monev_pdf(laporan, target, kertas, progress)
    from kinerja_desktop.reports.monev_xlsx import render_monev_xlsx

    return render_monev_xlsx(laporan, target, kertas)


def export_monev(
    tahun: int,
    periode: str,
    target: Path,
    kertas: str | None = None,
    jabatan_kode: str | None = None,
    progress: Progress | None = None,
    ttd: PilihanTtd | None = None,
    asal_angka: bool = True,
) -> Path:
    """Write the monev of ``tahun`` for the triwulan ``periode`` (all jabatan or
    ``jabatan_kode``), with the "asal angka" appendix unless ``asal_angka`` is False."""
    from kinerja_desktop.reports.monev_data import build_monev

    prepare_output(target, kertas, lambda suffix: default_filename(periode, suffix, jabatan_kode))
    if progress is not None:
        progress(0, 1, "Membaca data monev")
    laporan = build_monev(tahun, periode, jabatan_kode, ttd, asal_angka)
    return write_monev(laporan, target, kertas, progress)
