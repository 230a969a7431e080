"""The main window."""

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow

from kinerja_desktop import APP_NAME
from kinerja_desktop.db.models import Kantor
from kinerja_desktop.db.queries import statistics


class MainWindow(QMainWindow):
    """The operator's window on the open database."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        kantor = Kantor.get()
        self.setWindowTitle(f"{APP_NAME} — Kecamatan {kantor.kecamatan}")
        stats = statistics()
        tahun = stats.tahun[-1] if stats.tahun else "-"
        summary = QLabel(
            f"Kecamatan {kantor.kecamatan}, Kabupaten {kantor.kabupaten}\n"
            f"Tahun {tahun}: {stats.jabatan} jabatan, {stats.indikator} indikator\n"
            f"Basis data: {db_path}"
        )
        summary.setMargin(24)
        self.setCentralWidget(summary)
        self.resize(900, 600)
