"""Writing the SKP documents to a file: the one call the CLI and the GUI make.

export_skp(2026, Path("E:/SKP-2026.pdf"))                         # every pegawai, the year
export_skp(2026, Path("SKP-2026Q2.xlsx"), periode="2026Q2", nip="198001012005012001")
"""

from pathlib import Path

from kinerja_desktop.reports.output import Progress, prepare_output
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.reports.skp_data import LaporanSkp


def default_filename(tahun: int, periode: str | None, nip: str | None, suffix: str) -> str:
    """A file name for the documents: ``SKP-2026.pdf``, ``SKP-2026Q2-198001012005012001.xlsx``."""
    nama = f"SKP-{periode or tahun}"
    if nip:
        nama += f"-{''.join(nip.split())}"
    return nama + suffix


def export_skp(
    tahun: int,
    target: Path,
    periode: str | None = None,
    nip: str | None = None,
    kertas: str | None = None,
    ttd: PilihanTtd | None = None,
    progress: Progress | None = None,
) -> tuple[Path, LaporanSkp]:
    """Write the SKP documents of ``tahun`` (of one pegawai with ``nip``) evaluated for
    ``periode`` (a triwulan, default the year) to ``target`` (.pdf or .xlsx), atomically.

    Returns the file and what it holds, so that the caller can show the missing data and the
    distribution check (``LaporanSkp.kekurangan``, ``LaporanSkp.kurva``).
    """
    from kinerja_desktop.reports.skp_data import build_skp_report

    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(tahun, periode, nip, suffix)
    )
    if progress is not None:
        progress(0, 2, "Membaca SKP dan menghitung realisasi")
    laporan = build_skp_report(tahun, periode, nip, ttd)
    if progress is not None:
        progress(1, 2, "Menulis berkas")
    return write_skp(laporan, target, kertas), laporan


def write_skp(laporan: LaporanSkp, target: Path, kertas: str | None = None) -> Path:
    """Write documents already built (``build_skp_report``) to ``target`` (.pdf or .xlsx):
    the command line shows what is missing and the distribution check first, then writes."""
    target, suffix, kertas = prepare_output(
        target, kertas, lambda suffix: default_filename(laporan.tahun, None, None, suffix)
    )
    if suffix == ".pdf":
        from kinerja_desktop.reports.skp_pdf import render_skp_pdf

        return render_skp_pdf(laporan, target, kertas)
    from kinerja_desktop.reports.skp_xlsx import render_skp_xlsx

    return render_skp_xlsx(laporan, target, kertas)
