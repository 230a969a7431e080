"""The blank IKI workbook: the export's format with one empty jabatan sheet and no rows."""

from datetime import date
from pathlib import Path

from kinerja_desktop.errors import TidakDitemukan

NAMA_BERKAS = "Templat IKI.xlsx"


def write_iki_template(folder: Path, tahun: int | None = None) -> Path:
    """Write ``Templat IKI.xlsx`` into ``folder``; return its path."""
    from kinerja_desktop.reports.iki_data import laporan_kosong
    from kinerja_desktop.reports.iki_xlsx import render_iki_xlsx

    folder = Path(folder)
    if not folder.is_dir():
        raise TidakDitemukan(f"Folder {folder} tidak ada. Buat foldernya atau pilih folder lain.")
    laporan = laporan_kosong(tahun or date.today().year)
    return render_iki_xlsx(laporan, folder / NAMA_BERKAS)
