"""Writing the Rencana Aksi to a file: the one call the CLI and the dialog make.

export_rencana_aksi(2026, Path("RA-2026.pdf"))          # landscape, every jabatan
"""

from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd

if TYPE_CHECKING:
    from kinerja_desktop.reports.rencana_aksi_data import LaporanRa


def default_filename(tahun: int, suffix: str, jabatan_kode: str | None = None) -> str:
    """``Rencana-Aksi-2026.pdf`` or ``Rencana-Aksi-2026-KASI-PEM.xlsx``."""
    bagian = f"-{jabatan_kode}" if jabatan_kode else ""
    return f"Rencana-Aksi-{tahun}{bagian}{suffix}"


def write_rencana_aksi(
    laporan: "LaporanRa", target: Path, kertas: str | None, progress: Progress | None = None
) -> Path:
    """Write an already read Rencana Aksi to ``target`` (.pdf landscape or .xlsx)."""
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(laporan.tahun, suffix)
    )
    if suffix == ".pdf":
        from kinerja_desktop.reports.rencana_aksi_pdf import render_rencana_aksi_pdf

        return render_rencana_aksi_pdf(laporan, target, kertas, progress)
    from kinerja_desktop.reports.rencana_aksi_xlsx import render_rencana_aksi_xlsx

    return render_rencana_aksi_xlsx(laporan, target, kertas)


def export_rencana_aksi(
    tahun: int,
    target: Path,
    kertas: str | None = None,
    jabatan_kode: str | None = None,
    progress: Progress | None = None,
    ttd: PilihanTtd | None = None,
) -> Path:
    """Write the Rencana Aksi of ``tahun`` (all jabatan or ``jabatan_kode``) to ``target``
    atomically; signed by the year's signatory unless ``ttd`` changes it."""
    from kinerja_desktop.reports.rencana_aksi_data import build_rencana_aksi

    prepare_output(target, kertas, lambda suffix: default_filename(tahun, suffix, jabatan_kode))
    if progress is not None:
        progress(0, 1, "Membaca data Rencana Aksi")
    return write_rencana_aksi(
        build_rencana_aksi(tahun, jabatan_kode, ttd), target, kertas, progress
    )
