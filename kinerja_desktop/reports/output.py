"""Where a report goes, shared by every report writer: the format from the file's extension,
the paper, a folder given instead of a file name, and the progress callback's type.
"""

from collections.abc import Callable
from pathlib import Path

from kinerja_desktop import settings
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.page import check_kertas

Progress = Callable[[int, int, str], None]

FORMAT = {".pdf": "PDF", ".xlsx": "Excel"}
FORMAT_WORD = {".pdf": "PDF", ".docx": "Word"}
"""The formats of a report the office finishes in a word processor (the Laporan Kinerja)."""

_GUNA = {".pdf": "untuk dicetak", ".xlsx": "Excel", ".docx": "Word"}


def report_format(target: Path, bentuk: dict[str, str] = FORMAT) -> str:
    """The extension of ``target``, one of ``bentuk`` (default ".pdf" or ".xlsx"); anything
    else is refused in Indonesian."""
    suffix = Path(target).suffix.lower()
    if suffix not in bentuk:
        pilihan = " atau ".join(f"{s} ({_GUNA[s]})" for s in bentuk)
        raise DataTidakValid(f"Berkas keluaran '{Path(target).name}' harus berakhiran {pilihan}.")
    return suffix


def prepare_output(
    target: Path,
    kertas: str | None,
    contoh_nama: Callable[[str], str],
    bentuk: dict[str, str] = FORMAT,
) -> tuple[Path, str, str]:
    """Check where a report goes: (target, its extension among ``bentuk``, paper code).

    ``kertas`` defaults to the setting. A folder given as ``target`` is refused with an
    example file name, ``contoh_nama(suffix)``.
    """
    target = Path(target)
    suffix = report_format(target, bentuk)
    kode_kertas = check_kertas(kertas or settings.get("kertas"))
    if target.is_dir():
        raise DataTidakValid(
            f"{target} adalah folder. Tulis nama berkas, misalnya {target / contoh_nama(suffix)}"
        )
    return target, suffix, kode_kertas
