"""Where a report goes and how it is opened afterwards: the folder a report dialog proposes
(the one last used for that report, never the hidden data folder) and opening a written file
or folder with the program the system uses for it."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

from kinerja_desktop import settings
from kinerja_desktop.paths import data_dir


def folder_awal(kunci: str) -> str:
    """Where a report's folder choice starts: the folder last used for this report, else the
    last folder used for any report, else Documents; never inside the hidden data folder."""
    for calon in (settings.get(kunci), settings.get("folder_terakhir")):
        if calon and Path(calon).is_dir() and not _di_folder_data(Path(calon)):
            return calon
    dokumen = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if dokumen and Path(dokumen).is_dir():
        return dokumen
    return str(Path.home())


def open_in_system(path: Path) -> str | None:
    """Open ``path`` (a file or folder) with the program the system uses for it; returns None,
    or what to tell the operator when no program could open it."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return None
    if path.is_dir():
        return (
            f"Folder {path} tidak dapat dibuka dari sini: komputer ini tidak punya pengelola "
            "berkas yang dapat dipanggil. Buka folder itu sendiri; letaknya tertulis di sini."
        )
    jenis = "penampil PDF" if path.suffix.lower() == ".pdf" else "aplikasi lembar kerja"
    contoh = (
        "mis. SumatraPDF, Okular atau Adobe Acrobat Reader"
        if path.suffix.lower() == ".pdf"
        else "mis. LibreOffice Calc atau Microsoft Excel"
    )
    return (
        f"Berkas {path.name} sudah ditulis, tetapi komputer ini belum punya {jenis} untuk "
        f"membukanya ({contoh}). Pasang salah satunya, atau salin berkas dari {path.parent} "
        "ke komputer lain. Laporan PDF tetap dapat dicetak dengan tombol Cetak…."
    )


def _di_folder_data(folder: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(data_dir().resolve())
    except OSError:
        return False
