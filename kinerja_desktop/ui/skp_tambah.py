"""The dialog that asks for a rencana hasil kerja typed by hand (SKP editor, plan tab)."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.skp import Aspek, Bagian


class TambahRhkDialog(QDialog):
    """Asks for a rencana hasil kerja typed by hand (a Tambahan result, or a Utama one the
    IKI lacks)."""

    def __init__(self, parent: QWidget | None, bagian: Bagian) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Tambah rencana hasil kerja — {bagian.label}")
        self.setMinimumWidth(520)
        self.kolom: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for kunci, label in (
            ("rhk_atasan", "RHK pimpinan yang &diintervensi:"),
            ("rhk", "&Rencana hasil kerja:"),
            ("indikator", "&Indikator kinerja individu:"),
            ("target", "&Target:"),
            ("satuan", "&Satuan:"),
        ):
            self.kolom[kunci] = QLineEdit()
            form.addRow(label, self.kolom[kunci])
        self.aspek = QComboBox()
        for a in Aspek:
            self.aspek.addItem(a.label, a.value)
        form.addRow("&Aspek:", self.aspek)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.button(QDialogButtonBox.StandardButton.Ok).setText("Tambah")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tombol)

    def isian(self) -> dict[str, str]:
        """What was typed, as :func:`~kinerja_desktop.db.ops_skp.add_hasil_kerja` takes it."""
        hasil = {k: w.text() for k, w in self.kolom.items()}
        hasil["aspek"] = self.aspek.currentData()
        return hasil
