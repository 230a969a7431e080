"""Bantuan › Tentang: the version, the database (path, size, schema) and the last backups."""

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME, __version__, settings
from kinerja_desktop.db.location import DatabaseLocation, ServerAddress
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.fileio import size_text
from kinerja_desktop.ui.operations import build_dialog, run_once

ALASAN_ID = {
    "harian": "otomatis harian",
    "sebelum-pembaruan-skema": "sebelum pembaruan versi basis data",
    "sebelum-salin-tahun": "sebelum menyalin tahun",
    "sebelum-impor": "sebelum impor",
    "sebelum-pemulihan": "sebelum pemulihan",
}


def _db_size(db_path: Path) -> int:
    # the -wal file holds recent changes not yet folded into the main file
    total = 0
    for path in (db_path, Path(f"{db_path}-wal")):
        if path.exists():
            total += path.stat().st_size
    return total


def _schema_text(parent: QWidget) -> str:
    """The database's schema version; what stops it being read (a damaged file, a server
    gone) is said in its place: the rest of the dialog is what helps then."""
    from kinerja_desktop.db.schema import SCHEMA_VERSION, open_schema_version

    gagal: list[str] = []
    versi = run_once(parent, open_schema_version, gagal.append)  # None also when none is open
    if gagal:
        return f"tidak dapat dibaca. {gagal[0]}"
    return f"— (aplikasi ini: versi {SCHEMA_VERSION})" if versi is None else f"versi {versi}"


def _last_backup_text(db_path: Path) -> str:
    from kinerja_desktop.db.backup import latest_backup

    latest = latest_backup(db_path)
    if latest is None:
        return "belum ada"
    alasan = ALASAN_ID.get(latest.alasan, latest.alasan.replace("-", " "))
    return f"{format_waktu(latest.waktu)} ({alasan})"


def _external_backup_text() -> str:
    raw = settings.get("cadangan_luar_waktu")
    try:
        waktu = datetime.fromisoformat(raw)
    except ValueError:
        return "belum pernah"
    berkas = settings.get("cadangan_luar_berkas")
    return f"{format_waktu(waktu)}\n{berkas}" if berkas else format_waktu(waktu)


class AboutDialog(QDialog):
    """Facts an operator or a helper on the phone asks for first."""

    def __init__(self, parent: QWidget | None, db_path: DatabaseLocation) -> None:
        super().__init__(parent)
        from kinerja_desktop.db.backup import backup_dir, daily_backup_problem

        self.setWindowTitle(f"Tentang {APP_NAME}")
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{APP_NAME}</b> versi {__version__}", self)
        subtitle = QLabel(
            "Indikator Kinerja Individu (IKI) kecamatan: jabatan, tugas, fungsi, indikator, "
            "target dan realisasi, tanpa internet.",
            self,
        )
        subtitle.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(subtitle)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QLabel] = {}
        if isinstance(db_path, ServerAddress):
            # on a server the server's own backups are kept by whoever runs it
            rows = [
                ("Basis data", f"{db_path} (server PostgreSQL)"),
                ("Versi basis data", _schema_text(self)),
                ("Cadangan otomatis", "diatur oleh pengelola server"),
                ("Cadangan ke flashdisk", _external_backup_text()),
            ]
        else:
            db_path = Path(db_path).absolute()  # a relative --db path says nothing on the phone
            size = _db_size(db_path)
            rows = [
                ("Basis data", str(db_path)),
                ("Ukuran", size_text(size) if size else "—"),
                ("Versi basis data", _schema_text(self)),
                ("Cadangan terakhir", _last_backup_text(db_path)),
                ("Folder cadangan", str(backup_dir(db_path).absolute())),
                ("Cadangan ke flashdisk", _external_backup_text()),
            ]
        problem = daily_backup_problem()
        if problem:
            rows.append(("Peringatan", f"Cadangan otomatis hari ini gagal: {problem}"))
        for label, value in rows:
            field = QLabel(value, self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setMinimumWidth(420)
            form.addRow(f"{label}:", field)
            self.rows[label] = field
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(window: Any) -> None:
    """Open the About dialog for the main window (which provides ``db_path``)."""
    dialog = build_dialog(
        window, lambda: AboutDialog(window, window.db_path), "Jendela Tentang tidak dapat dibuka"
    )
    if dialog is not None:
        dialog.exec()
