"""Starting the GUI: the QApplication, the database, and the main window."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.errors import KinerjaError


def run_gui(db_path: Path) -> int:
    """Open the database at ``db_path`` and show the main window until it is closed."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    try:
        open_database(db_path)
    except KinerjaError as exc:
        QMessageBox.critical(None, APP_NAME, exc.pesan)
        return 1
    window = MainWindow(db_path)
    window.show()
    return app.exec()
