"""A long session must not abort Python.

PySide6 6.12.0 on Python 3.11 drops a reference to None each time a model's data() returns
None (and to True/False on plain setters), which aborts the interpreter after enough lookups;
pyproject.toml keeps PySide6 below 6.12. This test fails if a PySide6 with that bug is installed.
"""

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QPushButton

app = QApplication([])


class Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None  # what every model returns for the roles it does not answer


model = Model()
before = sys.getrefcount(None)
for _ in range(200_000):  # far more than None's own reference count on Python 3.11
    model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
button = QPushButton()
for _ in range(200_000):
    button.setEnabled(True)  # a setter returning None; True passed in
print("selesai")
"""


def test_a_long_session_of_model_lookups_does_not_abort_python():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "selesai"
