"""The kendala and tindak lanjut of one indicator and period, typed where its value is: the
Target & Realisasi grid's cell menu opens this dialog; the note goes through
``db.ops_anggaran.set_keterangan`` as one undoable step of the tab."""

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.ops_anggaran import KeteranganMasuk, set_keterangan
from kinerja_desktop.db.persetujuan import check_locks
from kinerja_desktop.db.queries_program import read_keterangan
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import push_change
from kinerja_desktop.ui.pesan import show_refusal


class KeteranganDialog(QDialog):
    """Kendala and tindak lanjut of ``indikator_id`` (shown as ``kode``) in ``periode``."""

    def __init__(self, parent: QWidget | None, indikator_id: int, kode: str, periode: str) -> None:
        super().__init__(parent)
        p = parse_periode(periode)
        self.setWindowTitle("Kendala dan Tindak Lanjut")
        self.indikator_id, self.periode = indikator_id, p.id
        ada = read_keterangan(p.tahun, p.id).get((indikator_id, p.id))
        judul = QLabel(f"Indikator {kode}, {p.label}", self)
        self.kendala = QPlainTextEdit(ada.kendala if ada else "", self)
        self.tindak_lanjut = QPlainTextEdit(ada.tindak_lanjut if ada else "", self)
        for teks in (self.kendala, self.tindak_lanjut):
            teks.setTabChangesFocus(True)
            teks.setMinimumHeight(70)
        form = QFormLayout()
        form.addRow("&Kendala:", self.kendala)
        form.addRow("&Tindak lanjut:", self.tindak_lanjut)
        kunci = check_locks([("realisasi", indikator_id, p.id)])
        self.terkunci = QLabel(
            next(iter(kunci.values())).kalimat if kunci else "Kosongkan keduanya untuk menghapus.",
            self,
        )
        self.terkunci.setWordWrap(True)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        tombol.button(QDialogButtonBox.StandardButton.Save).setText("&Simpan")
        tombol.button(QDialogButtonBox.StandardButton.Save).setEnabled(not kunci)
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(judul)
        layout.addLayout(form)
        layout.addWidget(self.terkunci)
        layout.addWidget(tombol)
        self.setMinimumWidth(460)

    def isian(self) -> KeteranganMasuk:
        """The note as typed (both empty: remove it)."""
        return KeteranganMasuk(
            self.indikator_id,
            self.periode,
            self.kendala.toPlainText(),
            self.tindak_lanjut.toPlainText(),
        )


def open_keterangan(tab: Any, indikator_id: int, kode: str, periode: str) -> None:
    """Ask for the note of one cell and store it as an undoable step of ``tab`` (a TabDasar).

    A note that cannot be read opens no dialog (the tab says why); one that cannot be saved
    (refused, a full disk, a database failing) keeps the dialog open holding what was typed,
    the reason in red under it.
    """
    dialog = tab.read(lambda: KeteranganDialog(tab, indikator_id, kode, periode))
    if dialog is None:
        return
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            _push_note(tab, dialog.isian())
            return
        except KinerjaError as exc:
            show_refusal(dialog.terkunci, exc.pesan)


def _push_note(tab: Any, isian: KeteranganMasuk) -> None:
    """Store ``isian`` as an undo step of ``tab``; a refusal of its first run is raised."""
    state: dict[str, Any] = {}

    def do() -> Hasil[list[KeteranganMasuk]]:
        hasil = set_keterangan([isian], aksi="ulang" if state else "isian")
        state.setdefault("lama", hasil.data)
        return hasil

    push_change(
        tab.undo_stack,
        "Ubah kendala",
        do,
        lambda: set_keterangan(state["lama"], aksi="urung"),
        on_done=tab.after_edit,
        on_refused=lambda _judul, exc: tab.show_error(exc.pesan),
        parent=tab,
        raise_first=True,
    )
