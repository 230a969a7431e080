"""Small dialogs for the jabatan tree: title and code of a jabatan, and "Pindahkan ke…"."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.kode import KODE_JABATAN_MAKS
from kinerja_desktop.ui.jabatan_nodes import JenisNode, Node


class JabatanDialog(QDialog):
    """Asks for the title (and code) of a jabatan."""

    def __init__(
        self,
        parent: QWidget | None,
        judul: str,
        keterangan: str,
        nama: str = "",
        kode: str = "",
        suggest: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.setMinimumWidth(480)
        self._suggest = suggest
        self._kode_typed = bool(kode)

        info = QLabel(keterangan, self)
        info.setWordWrap(True)
        self.nama_edit = QLineEdit(nama, self)
        self.nama_edit.setPlaceholderText("misalnya Pengolah Data Kependudukan")
        self.kode_edit = QLineEdit(kode, self)
        self.kode_edit.setPlaceholderText("dibuat otomatis dari nama")
        self.kode_edit.setToolTip(
            "Kode singkat yang unik dalam satu tahun: huruf A-Z, angka, titik, tanda hubung "
            f"atau garis bawah, diawali huruf atau angka, paling banyak {KODE_JABATAN_MAKS} "
            "karakter; dipakai di laporan dan berkas ekspor."
        )
        self.nama_edit.textEdited.connect(self._nama_edited)
        self.kode_edit.textEdited.connect(self._kode_edited)

        form = QFormLayout()
        form.addRow("&Nama jabatan:", self.nama_edit)
        form.addRow("&Kode:", self.kode_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Simpan")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _nama_edited(self, text: str) -> None:
        # propose a code until the operator types one
        if self._suggest is not None and not self._kode_typed:
            self.kode_edit.setText(self._suggest(text) if text.strip() else "")

    def _kode_edited(self, text: str) -> None:
        self._kode_typed = bool(text.strip())

    @property
    def nama(self) -> str:
        """The title typed."""
        return self.nama_edit.text()

    @property
    def kode(self) -> str:
        """The code typed or suggested."""
        return self.kode_edit.text()


class PindahkanDialog(QDialog):
    """ "Pindahkan ke…": pick the new atasan of a jabatan from the tree."""

    def __init__(self, parent: QWidget | None, root: Node, moving: Node) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pindahkan Jabatan")
        self.resize(680, 520)
        self.chosen: Node | None = None
        self._nodes: dict[int, Node] = {}

        info = QLabel(
            f"Pilih atasan baru untuk «{moving.nama}». Jabatan ini beserta seluruh bawahannya "
            "akan dipindahkan ke bawah jabatan yang dipilih.",
            self,
        )
        info.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Atasan baru", "Kode"])
        self.tree.setColumnWidth(0, 500)
        self._fill(self.tree.invisibleRootItem(), root, moving)
        self.tree.expandAll()
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        current = self._item_for(moving.parent)
        if current is not None:
            self.tree.setCurrentItem(current)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Pindahkan")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _fill(self, parent_item: QTreeWidgetItem, node: Node, moving: Node) -> None:
        # a jabatan cannot go under itself or its own bawahan: those are left out
        if node is moving:
            return
        item = QTreeWidgetItem(parent_item, [node.nama, node.kode])
        item.setToolTip(0, node.nama)
        item.setData(0, Qt.ItemDataRole.UserRole, id(node))
        self._nodes[id(node)] = node
        if node.jenis is JenisNode.CAMAT:
            item.setText(0, f"{node.nama} (langsung di bawah Camat)")
        for child in node.children:
            self._fill(item, child, moving)

    def _item_for(self, node: Node | None) -> QTreeWidgetItem | None:
        if node is None:
            return None
        items = self.tree.findItems(
            "*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive, 0
        )
        return next((i for i in items if i.data(0, Qt.ItemDataRole.UserRole) == id(node)), None)

    def accept(self) -> None:
        """Keep the chosen node and close."""
        item = self.tree.currentItem()
        if item is None:
            return
        self.chosen = self._nodes[item.data(0, Qt.ItemDataRole.UserRole)]
        super().accept()
