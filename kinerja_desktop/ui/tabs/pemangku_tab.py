"""The Pemangku tab: the pegawai holding the selected jabatan, with NIP checked as typed."""

from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db import ops_pemangku
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.ops_pemangku import PemangkuData
from kinerja_desktop.db.queries import find_jabatan
from kinerja_desktop.domain.nip import format_nip, nip_problem
from kinerja_desktop.ui.tabs.common import (
    Index,
    KeadaanKosong,
    PilihanDelegate,
    TabDasar,
    add_view_action,
    clipboard_text,
    from_tsv,
    set_clipboard_text,
    to_tsv,
)
from kinerja_desktop.ui.tabs.pemangku_model import (
    KOLOM,
    KOLOM_NIP,
    KOLOM_PANGKAT,
    PemangkuModel,
    pangkat_label,
)
from kinerja_desktop.ui.tabs.uraian_tab import _setup_table

_MERAH = "color: #a61b1b;"
_HIJAU = "color: #1d6b2c;"


class NipEdit(QLineEdit):
    """A NIP field: refuses anything but digits and separators as it is typed, and reports
    after every keystroke what is still wrong (``masalah`` carries None when valid)."""

    masalah = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]{0,30}"), self))
        self.setPlaceholderText("18 angka, mis. 19690505 199009 1 002")
        self.textChanged.connect(self._check)

    def problem(self) -> str | None:
        """What is wrong with the NIP typed so far; an empty field is allowed (non-PNS)."""
        return nip_problem(self.text()) if self.text().strip() else None

    def _check(self, _text: str) -> None:
        problem = self.problem()
        self.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if problem else "")
        self.masalah.emit(problem)


def pangkat_choices() -> list[tuple[str, str]]:
    """Every rank, lowest first, after a "not filled in" choice: (label, golongan) pairs."""
    return [("(belum diisi)", "")] + [
        (pangkat_label(nama, golongan), golongan) for golongan, nama in ops_pemangku.pangkat_list()
    ]


def fill_pangkat(combo: QComboBox, pangkat: list[tuple[str, str]]) -> None:
    """Offer every rank of ``pangkat`` (:func:`pangkat_choices`) in ``combo`` (the form's
    drop-down for a new pegawai)."""
    for label, golongan in pangkat:
        combo.addItem(label, golongan)


class PemangkuDelegate(PilihanDelegate):
    """NIP editor checked as typed, pangkat drop-down of ``pangkat`` (:func:`pangkat_choices`,
    read once with the tab: opening an editor reads nothing), plain line for the name."""

    nip_diperiksa = Signal(object)
    """The problem of the NIP being typed in a cell (None when valid or empty)."""

    def __init__(self, parent: QWidget, pangkat: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.pangkat = pangkat

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        if index.column() == KOLOM_NIP:
            editor = NipEdit(parent)
            editor.masalah.connect(self.nip_diperiksa)
            return editor
        if index.column() == KOLOM_PANGKAT:
            return self.combo_editor(parent, self.pangkat)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, NipEdit):
            value = str(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setText(format_nip(value) if value else "")
            return
        super().setEditorData(editor, index)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, NipEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class PemangkuTab(TabDasar):
    """The pegawai holding the selected jabatan in its year."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.model = PemangkuModel(self.edit_cell)
        self.model.ditolak.connect(self.show_error)
        self.view = QTableView()
        self.view.setModel(self.model)
        # the built-in list of ranks (it never changes), read with the first jabatan shown:
        # the tab is built after the first paint, where no read could say that it failed
        self.pangkat: list[tuple[str, str]] = []
        delegate = PemangkuDelegate(self.view, self.pangkat)
        delegate.nip_diperiksa.connect(self._nip_in_cell)
        self.view.setItemDelegate(delegate)
        _setup_table(self.view)
        # a click on a header sorts (name, NIP, pangkat by golongan: PemangkuModel.kunci_urut)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.kosong_pemangku = KeadaanKosong(
            "Belum ada pegawai yang tercatat memangku jabatan ini. "
            "Tambahkan pegawai yang sudah ada atau pegawai baru di bawah."
        )
        self.tabel_stack = QStackedWidget()
        self.tabel_stack.addWidget(self.view)
        self.tabel_stack.addWidget(self.kosong_pemangku)

        self.hapus = QPushButton("L&epas dari jabatan")
        self.hapus.setToolTip(
            "Pegawai yang dipilih tidak lagi tercatat memangku jabatan ini "
            "(data pegawainya tetap tersimpan)"
        )
        self.hapus.clicked.connect(lambda *_: self.remove_selected())
        add_view_action(
            self.view, "Lepas dari jabatan", QKeySequence.StandardKey.Delete, self.remove_selected
        )
        self.judul = QLabel()
        # a long jabatan title wraps within the width it is given (it was cut off at 1024 px)
        self.judul.setWordWrap(True)
        self.judul.setTextFormat(Qt.TextFormat.PlainText)  # the jabatan's name as typed
        self.judul.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.judul, 1)
        top.addWidget(self.hapus)

        # Adding an existing pegawai.
        self.pilih_pegawai = QComboBox()
        self.pilih_pegawai.setMinimumContentsLength(30)
        # nobody is chosen until the operator chooses: a pre-selected first pegawai (the
        # Camat) was one click away from holding every jabatan
        self.pilih_pegawai.setPlaceholderText("— pilih pegawai —")
        self.tambah_ada = QPushButton("&Tambahkan")
        self.pilih_pegawai.currentIndexChanged.connect(
            lambda _: self.tambah_ada.setEnabled(self.pilih_pegawai.currentData() is not None)
        )
        self.tambah_ada.clicked.connect(lambda *_: self.add_existing())
        ada = QHBoxLayout()
        ada.addWidget(self.pilih_pegawai, 1)
        ada.addWidget(self.tambah_ada)

        # Adding a new pegawai, NIP checked as it is typed.
        self.nama_baru = QLineEdit()
        self.nama_baru.setPlaceholderText("Nama lengkap dengan gelar")
        self.nip_baru = NipEdit()
        self.nip_status = QLabel()
        self.nip_status.setWordWrap(True)
        self.pangkat_baru = QComboBox()
        self.tambah_baru = QPushButton("Tambahkan pe&gawai baru")
        self.tambah_baru.clicked.connect(lambda *_: self.add_new())
        self.nama_baru.textChanged.connect(self._check_form)
        self.nip_baru.masalah.connect(self._check_form)
        form = QFormLayout()
        label_ada = QLabel("&Pegawai yang sudah ada:")
        label_ada.setBuddy(self.pilih_pegawai)  # a row holding a layout gets no buddy by itself
        form.addRow(label_ada, ada)
        form.addRow(QLabel("Atau pegawai baru:"))
        form.addRow("Na&ma:", self.nama_baru)
        form.addRow("&NIP:", self.nip_baru)
        form.addRow("", self.nip_status)
        form.addRow("Pang&kat/golongan:", self.pangkat_baru)
        tombol = QHBoxLayout()
        tombol.addStretch(1)
        tombol.addWidget(self.tambah_baru)
        form.addRow(tombol)
        self.tambah_box = QGroupBox("Tambahkan pemangku")
        self.tambah_box.setLayout(form)

        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabel_stack, 1)
        layout.addWidget(self.tambah_box)
        self._check_form()
        self.set_jabatan(None)

    # -- contract -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the holders of the shown jabatan and the pegawai that can be added."""
        if self.jabatan_id is None:
            return
        if not self.pangkat:
            self.pangkat.extend(pangkat_choices())  # the delegate's list too
            fill_pangkat(self.pangkat_baru, self.pangkat)
        jabatan = find_jabatan(self.jabatan_id)
        if jabatan is None:
            self.set_jabatan(None)
            return
        rows = ops_pemangku.list_pemangku(self.jabatan_id)
        self.model.set_rows(rows)
        self.tabel_stack.setCurrentWidget(self.view if rows else self.kosong_pemangku)
        self.judul.setText(f"Pemangku jabatan {jabatan.nama} tahun {jabatan.tahun}")
        self.pilih_pegawai.clear()
        for pilihan in ops_pemangku.pegawai_tersedia(self.jabatan_id):
            self.pilih_pegawai.addItem(pilihan.label, pilihan.id)
        if self.pilih_pegawai.count() == 0:
            self.pilih_pegawai.addItem("(semua pegawai sudah memangku jabatan ini)", None)
        self.pilih_pegawai.setCurrentIndex(-1)
        self.tambah_ada.setEnabled(False)
        self._update_buttons()

    def concerns(self, perubahan: Perubahan) -> bool:
        """Any pegawai change (names show in every jabatan) or a tree change."""
        return perubahan.pemangku or perubahan.jabatan_tree

    def copy_selection(self) -> None:
        """Copy the selected holders as rows of name, printed NIP and pangkat."""
        rows = self._selected_rows()
        lines = []
        for row in rows:
            item = self.model.item(row)
            nip = format_nip(item.nip) if item.nip else ""
            lines.append([item.nama, nip, pangkat_label(item.pangkat, item.golongan)])
        if lines:
            set_clipboard_text(to_tsv(lines))

    def paste(self) -> None:
        """Add holders from rows of name, NIP and pangkat (one undo step); a known NIP adds
        that pegawai, other rows create new pegawai."""
        if self.jabatan_id is None:
            return
        parsed = from_tsv(clipboard_text())
        if parsed and [c.strip() for c in parsed[0][:2]] == list(KOLOM[:2]):
            parsed = parsed[1:]
        rows = [dict(zip(ops_pemangku.FIELDS, cells, strict=False)) for cells in parsed]
        if not rows:
            self.show_error("Papan klip tidak berisi baris pegawai untuk ditempel.")
            return
        jabatan_id = self.jabatan_id
        tempel: list[ops_pemangku.TempelPemangku] = []
        kept: list[list[ops_pemangku.PemangkuSnapshot]] = []

        def do() -> Hasil[Any]:
            if kept:
                return ops_pemangku.reapply_paste(tempel[0], kept[0])
            hasil = ops_pemangku.paste_pemangku(jabatan_id, rows)
            tempel[:] = [hasil.data]
            return hasil

        def undo() -> Hasil[list[ops_pemangku.PemangkuSnapshot]]:
            hasil = ops_pemangku.revert_paste(tempel[0])
            kept[:] = [hasil.data]
            return hasil

        self.push(f"Tempel {len(rows)} pemangku", do, undo)

    # -- helpers ------------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return rows

    def _update_buttons(self, *_: Any) -> None:
        self.hapus.setEnabled(bool(self._selected_rows()) and self.model.rowCount() > 0)

    def _nip_in_cell(self, problem: str | None) -> None:
        if problem:
            self.show_error(f"NIP belum benar: {problem}")
        else:
            self.hide_error()

    def _check_form(self, *_: Any) -> None:
        problem = self.nip_baru.problem()
        if problem:
            self.nip_status.setStyleSheet(_MERAH)
            self.nip_status.setText(problem)
        elif self.nip_baru.text().strip():
            self.nip_status.setStyleSheet(_HIJAU)
            self.nip_status.setText(f"NIP benar: {format_nip(self.nip_baru.text())}")
        else:
            self.nip_status.setStyleSheet("")
            self.nip_status.setText("NIP boleh dikosongkan untuk pegawai non-PNS.")
        self.tambah_baru.setEnabled(bool(self.nama_baru.text().strip()) and not problem)

    # -- edits --------------------------------------------------------------------------
    def edit_cell(self, item: PemangkuData, name: str, value: str) -> None:
        """Save an edit of a pegawai made in place (called by the model)."""
        lama = item.fields()[name]
        pegawai_id = item.pegawai_id
        judul = {"nama": "nama", "nip": "NIP", "golongan": "pangkat"}[name]
        self.push(
            f"Ubah {judul} pegawai",
            lambda: ops_pemangku.update_pegawai(pegawai_id, {name: value}),
            lambda: ops_pemangku.update_pegawai(pegawai_id, {name: lama}),
        )

    def add_existing(self) -> int | None:
        """Make the pegawai chosen in the drop-down a holder of the jabatan."""
        pegawai_id = self.pilih_pegawai.currentData()
        if self.jabatan_id is None or pegawai_id is None:
            return None
        jabatan_id = self.jabatan_id
        return self.push_add(
            "Tambah pemangku",
            lambda: ops_pemangku.add_pemangku(jabatan_id, pegawai_id),
            ops_pemangku.remove_pemangku,
            ops_pemangku.reinsert_pemangku,
        )

    def add_new(self) -> int | None:
        """Create the pegawai typed in the form and make them a holder of the jabatan."""
        if self.jabatan_id is None or not self.tambah_baru.isEnabled():
            return None
        jabatan_id = self.jabatan_id
        nama, nip = self.nama_baru.text(), self.nip_baru.text()
        golongan = self.pangkat_baru.currentData() or ""
        new_id = self.push_add(
            "Tambah pegawai baru",
            lambda: ops_pemangku.add_pegawai_baru(jabatan_id, nama, nip, golongan),
            lambda i: ops_pemangku.remove_pemangku(i, hapus_pegawai=True),
            ops_pemangku.reinsert_pemangku,
        )
        if new_id is not None:
            self.nama_baru.clear()
            self.nip_baru.clear()
            self.pangkat_baru.setCurrentIndex(0)
        return new_id

    def remove_selected(self) -> None:
        """End the holding of the selected pegawai (the pegawai stays in the database)."""
        ids = [self.model.item(r).id for r in self._selected_rows()]
        if not ids:
            return
        self.undo_stack.beginMacro("Lepas pemangku")
        try:
            for pemangku_id in ids:
                self.push_remove(
                    "Lepas pemangku",
                    partial(ops_pemangku.remove_pemangku, pemangku_id),
                    ops_pemangku.reinsert_pemangku,
                )
        finally:
            self.undo_stack.endMacro()
