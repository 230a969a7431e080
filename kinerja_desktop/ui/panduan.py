"""Bantuan › Panduan: the user guide, shipped as HTML with pictures in
``resources/panduan/`` and shown by a QTextBrowser, so it reads without internet or a browser.

Left the list of sections (the guide's headings), right the text; above them a search box
that marks every place a word occurs and steps through them with Enter / Shift+Enter.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.resources import resource

BERKAS_PANDUAN = "panduan/panduan.html"
WARNA_TEMUAN = QColor("#fff176")  # every match
WARNA_TEMUAN_INI = QColor("#ffb74d")  # the match the view is at


def path_panduan() -> Path:
    """The guide's HTML file (a real file in a checkout, a wheel and the PyInstaller folder)."""
    return Path(str(resource(BERKAS_PANDUAN)))


class PanduanWindow(QWidget):
    """The guide: sections, text and search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Panduan Kinerja Desktop")
        self.cari = QLineEdit(self)
        self.cari.setPlaceholderText("Cari di panduan, mis. templat, flashdisk, setujui…")
        self.cari.setClearButtonEnabled(True)
        label_cari = QLabel("&Cari:", self)
        label_cari.setBuddy(self.cari)
        self.sebelumnya = QPushButton("&Sebelumnya", self)
        self.berikutnya = QPushButton("Beri&kutnya", self)
        self.hasil_cari = QLabel("", self)
        self.hasil_cari.setMinimumWidth(150)

        self.daftar = QListWidget(self)
        self.daftar.setAccessibleName("Daftar isi")
        # a long heading wraps rather than being cut off or pushing a scroll bar in
        self.daftar.setWordWrap(True)
        self.daftar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.teks = QTextBrowser(self)
        self.teks.setOpenExternalLinks(True)  # a web address (none yet) opens in the browser
        self.teks.setSource(QUrl.fromLocalFile(str(path_panduan())))
        self._fill_daftar()

        atas = QHBoxLayout()
        atas.addWidget(label_cari)
        atas.addWidget(self.cari, 1)
        atas.addWidget(self.sebelumnya)
        atas.addWidget(self.berikutnya)
        atas.addWidget(self.hasil_cari)
        pemisah = QSplitter(Qt.Orientation.Horizontal, self)
        pemisah.addWidget(self.daftar)
        pemisah.addWidget(self.teks)
        pemisah.setStretchFactor(1, 1)
        pemisah.setSizes([230, 700])
        pemisah.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(atas)
        layout.addWidget(pemisah, 1)

        self.bagian_terbuka: str | None = None  # the section last opened
        self._temuan: list[QTextCursor] = []
        self._ke = -1
        self.cari.textChanged.connect(self.search)
        self.cari.installEventFilter(self)  # Enter: next place, Shift+Enter: previous
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        self.berikutnya.clicked.connect(lambda: self.jump(1))
        self.sebelumnya.clicked.connect(lambda: self.jump(-1))
        self.daftar.currentItemChanged.connect(self._bagian_dipilih)
        self._update_buttons()
        self.resize(980, 680)

    def _fill_daftar(self) -> None:
        """The headings (h2, h3) whose text starts with an anchor (``<h2 id=…>``), indented
        by level."""
        block = self.teks.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            awal = block.begin()
            anchors = (
                awal.fragment().charFormat().anchorNames()
                if level in (2, 3) and not awal.atEnd()
                else []
            )
            if anchors:
                item = QListWidgetItem(("    " if level == 3 else "") + block.text().strip())
                item.setData(Qt.ItemDataRole.UserRole, anchors[0])
                self.daftar.addItem(item)
            block = block.next()

    def bagian(self) -> list[str]:
        """The anchors of the sections listed, in order."""
        return [
            str(self.daftar.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.daftar.count())
        ]

    def show_bagian(self, bagian: str | None) -> None:
        """Show the section with the anchor ``bagian`` (a ``bantuan.Bagian``) at the top."""
        if bagian is None:
            return
        anchor = str(bagian)
        for i in range(self.daftar.count()):
            if self.daftar.item(i).data(Qt.ItemDataRole.UserRole) == anchor:
                self.daftar.blockSignals(True)
                self.daftar.setCurrentRow(i)
                self.daftar.blockSignals(False)
                break
        self.teks.scrollToAnchor(anchor)
        self.bagian_terbuka = anchor

    def _bagian_dipilih(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_bagian(str(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the search box goes to the next place found, Shift+Enter back."""
        if (
            watched is self.cari
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            mundur = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.jump(-1 if mundur else 1)
            return True
        return super().eventFilter(watched, event)

    def _focus_search(self) -> None:
        self.cari.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.cari.selectAll()

    # ----- search ------------------------------------------------------------------------------

    def search(self, kata: str) -> int:
        """Mark every place ``kata`` occurs (any case) and go to the first; returns how many."""
        self._temuan = []
        kata = kata.strip()
        dokumen = self.teks.document()
        if kata:
            cursor = dokumen.find(kata, 0)
            while not cursor.isNull():
                self._temuan.append(cursor)
                cursor = dokumen.find(kata, cursor, QTextDocument.FindFlag(0))
        self._ke = 0 if self._temuan else -1
        self._mark_found()
        if not kata:
            self.hasil_cari.setText("")
        elif not self._temuan:
            self.hasil_cari.setText("Tidak ditemukan")
        return len(self._temuan)

    def jump(self, arah: int) -> None:
        """Go to the next (1) or previous (-1) place found, round the end."""
        if self._temuan:
            self._ke = (self._ke + arah) % len(self._temuan)
            self._mark_found()

    def _mark_found(self) -> None:
        pilihan = []
        for i, cursor in enumerate(self._temuan):
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(WARNA_TEMUAN_INI if i == self._ke else WARNA_TEMUAN)
            sel.format = fmt
            sel.cursor = cursor
            pilihan.append(sel)
        self.teks.setExtraSelections(pilihan)
        if self._ke >= 0:
            cursor = QTextCursor(self._temuan[self._ke])
            cursor.clearSelection()
            self.teks.setTextCursor(cursor)
            self.teks.ensureCursorVisible()
            self.hasil_cari.setText(f"{self._ke + 1} dari {len(self._temuan)} tempat")
        self._update_buttons()

    def _update_buttons(self) -> None:
        for tombol in (self.sebelumnya, self.berikutnya):
            tombol.setEnabled(len(self._temuan) > 1)


def show_panduan(parent: QWidget | None, bagian: str | None = None) -> PanduanWindow:
    """Show the guide at ``bagian`` (see :func:`kinerja_desktop.ui.bantuan.open_panduan`)."""
    pemilik = parent.window() if parent is not None else None
    jendela = pemilik.findChild(PanduanWindow) if pemilik is not None else None
    if jendela is None:
        jendela = PanduanWindow(pemilik)
    jendela.show_bagian(bagian)
    jendela.show()
    jendela.raise_()
    jendela.activateWindow()
    return jendela
