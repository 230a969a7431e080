"""The Target & Realisasi tab: the selected jabatan's indicators × the periods of its year.

Targets and realisasi are typed straight into the grid (or pasted from Excel); the triwulan
and year columns and the capaian rows are computed, coloured by rating category, with the
numbers behind them on hover. A desa-based indicator is filled in its own grid of desa ×
periods below. Every edit is one undoable command that calls
:func:`kinerja_desktop.db.nilai.ubah_nilai`.
"""

from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.models import Jabatan
from kinerja_desktop.db.nilai import NilaiMasuk, pulihkan, rencanakan, ubah_nilai
from kinerja_desktop.db.nilai_baca import (
    daftar_desa,
    nilai_jabatan,
    penilaian,
    ringkas_jabatan,
)
from kinerja_desktop.domain.isian import format_persen
from kinerja_desktop.domain.periode import JenisPeriode, tahun_
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.ui.flow_layout import FlowLayout
from kinerja_desktop.ui.tabs.common import (
    KeadaanKosong,
    TabDasar,
    clipboard_text,
    from_tsv,
    set_clipboard_text,
    to_tsv,
)
from kinerja_desktop.ui.tabs.target_model import (
    KEADAAN_LABEL,
    MODE_BULAN,
    MODE_TRIWULAN,
    WARNA_KEADAAN,
    DesaModel,
    NilaiModel,
    _DasarModel,
    kolom_periode,
)

LEBAR_BULAN = 58  # "200,0%" fits
TINGGI_BARIS = 26  # one line of numbers with room around it
LEBAR_TEPI = 8  # the cell's text margin on each side, with room to spare
LEBAR_RINGKASAN = 66  # triwulan and year columns hold ranges such as 90–100%


class GridView(QTableView):
    """A spreadsheet-like table: typing starts editing, Delete empties the selected cells."""

    def __init__(self, tab: "TargetTab", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self.tab.kosongkan(self)
            return
        super().keyPressEvent(event)


def _lebar_periode(view: QTableView, model: _DasarModel) -> None:
    for c in range(model.columnCount()):
        p = model.periode_kolom(c)
        if p is not None:
            lebar = LEBAR_BULAN if p.jenis is JenisPeriode.BULAN else LEBAR_RINGKASAN
            view.setColumnWidth(c, lebar)


def _legend() -> QWidget:
    """The colour legend: one bordered label per cell state, wrapping onto a second line
    when the window is narrow (a single row clipped the last labels at 1200 pixels)."""
    w = QWidget()
    row = FlowLayout(w)
    row.addWidget(QLabel("Keterangan warna:"))
    for keadaan in ("kosong", "entri", "impor", "salin", "terkunci", "hitung"):
        label = QLabel(KEADAAN_LABEL[keadaan])
        label.setStyleSheet(
            f"QLabel {{ background: {WARNA_KEADAAN[keadaan]}; border: 1px solid #b5b5b5;"
            " padding: 1px 6px; }"
        )
        row.addWidget(label)
    return w


class TargetTab(TabDasar):
    """Targets, realisasi and capaian of the selected jabatan."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.tahun: int | None = None
        self.model = NilaiModel(self._terapkan)
        self.model_desa = DesaModel(self._terapkan)
        self.model.ditolak.connect(self.show_error)
        self.model_desa.ditolak.connect(self.show_error)

        self.judul = QLabel()
        self.judul.setWordWrap(True)
        self.mode = QComboBox()
        self.mode.addItem("Bulan, triwulan dan tahun", MODE_BULAN)
        self.mode.addItem("Triwulan dan tahun", MODE_TRIWULAN)
        self.mode.setToolTip("Kolom periode yang ditampilkan")
        self.mode.setAccessibleName("Tampilan periode")
        self.mode.currentIndexChanged.connect(lambda _: self.reload())
        atas = QHBoxLayout()
        atas.addWidget(self.judul, 1)
        tampilan = QLabel("&Tampilan:")
        tampilan.setBuddy(self.mode)
        atas.addWidget(tampilan)
        atas.addWidget(self.mode)

        self.view = GridView(self)
        self.view.setModel(self.model)
        # the operator widens the indicator column: the rows may then need less height
        self.view.horizontalHeader().sectionResized.connect(
            lambda kolom, *_: self._tinggi_indikator() if kolom == 0 else None
        )
        self.view.setAccessibleName("Target dan realisasi")
        self.view.selectionModel().currentChanged.connect(lambda *_: self._indikator_dipilih())

        self.view_desa = GridView(self)
        self.view_desa.setModel(self.model_desa)
        self.view_desa.setAccessibleName("Realisasi per desa")
        self.panel_desa = QGroupBox()
        desa_layout = QVBoxLayout(self.panel_desa)
        self.petunjuk_desa = QLabel(
            "Pilih baris indikator yang datanya dari desa/kelurahan (bertanda Σ desa) untuk "
            "mengisi realisasi per desa di sini."
        )
        self.petunjuk_desa.setWordWrap(True)
        self.stack_desa = QStackedWidget()
        self.stack_desa.addWidget(self.petunjuk_desa)
        self.stack_desa.addWidget(self.view_desa)
        desa_layout.addWidget(self.stack_desa)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel_desa)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.ringkasan = QLabel()
        self.ringkasan.setWordWrap(True)
        self.kosong_indikator = KeadaanKosong(
            "Jabatan ini belum memiliki indikator, jadi belum ada target dan realisasi yang "
            "dapat diisi. Tambahkan indikator pada tab Indikator."
        )
        self.isi_stack = QStackedWidget()
        grid = QWidget()
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.splitter, 1)
        grid_layout.addWidget(self.ringkasan)
        self.legenda = _legend()
        grid_layout.addWidget(self.legenda)
        self.isi_stack.addWidget(grid)
        self.isi_stack.addWidget(self.kosong_indikator)

        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(atas)
        layout.addWidget(self.isi_stack, 1)
        self._indikator_desa: int | None = None

    # -- the contract -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the jabatan's indicators and values again."""
        if self.jabatan_id is None:
            return
        jabatan = Jabatan.get_or_none(Jabatan.id == self.jabatan_id)
        if jabatan is None:
            self.set_jabatan(None)
            return
        self.tahun = jabatan.tahun_id
        nilai = nilai_jabatan(self.jabatan_id)
        periode = kolom_periode(jabatan.tahun_id, self.mode.currentData())
        self.model.set_content(nilai, periode, penilaian())
        self.judul.setText(f"Target dan realisasi {jabatan.nama}, tahun {jabatan.tahun_id}")
        if not nilai:
            self.isi_stack.setCurrentWidget(self.kosong_indikator)
            return
        self.isi_stack.setCurrentIndex(0)
        self._atur_tampilan()
        self.panel_desa.setVisible(any(n.info.dari_desa for n in nilai))
        self._isi_desa()
        rata, ada, total = ringkas_jabatan(
            self.model.capaian(n, tahun_(jabatan.tahun_id)) for n in nilai
        )
        if rata is None:
            self.ringkasan.setText(
                f"Capaian jabatan tahun {jabatan.tahun_id}: belum ada data "
                f"(0 dari {total} indikator memiliki capaian)."
            )
        else:
            self.ringkasan.setText(
                f"Capaian jabatan tahun {jabatan.tahun_id}: {format_persen(rata)}, "
                f"rata-rata {ada} dari {total} indikator yang memiliki capaian."
            )

    def concerns(self, perubahan: Perubahan) -> bool:
        """Values, indicators or the tree changed (a year's indicators may come or go)."""
        if perubahan.nilai:
            return not perubahan.jabatan or self.jabatan_id in perubahan.jabatan
        return perubahan.indikator or perubahan.jabatan_tree

    def copy_selection(self) -> None:
        """Copy the selected cells as the text typed in them (computed cells as shown)."""
        view = self._view_aktif()
        model = view.model()
        indexes = view.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in rows:
            line = []
            for c in cols:
                if (r, c) not in chosen:
                    line.append("")
                    continue
                index = model.index(r, c)
                teks = index.data(Qt.ItemDataRole.EditRole)
                if not teks:
                    shown = index.data(Qt.ItemDataRole.DisplayRole) or ""
                    teks = "" if shown == "–" else shown
                line.append(str(teks))
            lines.append(line)
        set_clipboard_text(to_tsv(lines))

    def paste(self) -> None:
        """Fill cells from tab-separated text (Excel, LibreOffice) as one undo step.

        The block starts at the current cell; one copied value fills every selected cell.
        Refused as a whole when a cell cannot take a value or a value is wrong.
        """
        view = self._view_aktif()
        model = view.model()
        assert isinstance(model, _DasarModel)
        rows = from_tsv(clipboard_text())
        if not rows:
            self.show_error("Papan klip kosong; salin dulu sel dari Excel atau tabel ini.")
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            sasaran = [(i.row(), i.column(), rows[0][0]) for i in view.selectedIndexes()]
            sasaran = [(r, c, t) for r, c, t in sasaran if model.dapat_diisi(r, c)]
            if not sasaran:
                self.show_error(
                    "Sel yang dipilih tidak dapat diisi (nilai hitungan, data desa yang diisi "
                    "per desa, atau nilai terkunci). Tidak ada yang diubah."
                )
                return
        else:
            start = view.currentIndex()
            if not start.isValid():
                self.show_error("Pilih dulu sel tempat menempel.")
                return
            sasaran = [
                (start.row() + i, start.column() + j, teks)
                for i, baris in enumerate(rows)
                for j, teks in enumerate(baris)
            ]
        masuk: list[NilaiMasuk] = []
        for r, c, teks in sasaran:
            if not model.dapat_diisi(r, c):
                judul = model.headerData(c, Qt.Orientation.Horizontal) or ""
                self.show_error(
                    f"Tempel ditolak: sel baris {r + 1} kolom {judul} tidak dapat diisi "
                    "(nilai hitungan, data desa, atau di luar tabel). Tidak ada yang diubah."
                )
                return
            try:
                masuk.append(model.masuk(r, c, teks))
            except DataTidakValid as exc:
                self.show_error(f"Tempel ditolak: {exc.pesan} Tidak ada yang diubah.")
                return
        if masuk:
            self._terapkan(masuk, f"Tempel {len(masuk)} nilai")

    # -- editing ------------------------------------------------------------------------
    def kosongkan(self, view: QTableView) -> None:
        """Empty the selected cells that hold typed values (they become "no data")."""
        model = view.model()
        assert isinstance(model, _DasarModel)
        masuk = []
        for i in view.selectedIndexes():
            if model.dapat_diisi(i.row(), i.column()) and i.data(Qt.ItemDataRole.EditRole):
                masuk.append(model.masuk(i.row(), i.column(), ""))
        if masuk:
            self._terapkan(masuk, f"Kosongkan {len(masuk)} nilai")

    def _terapkan(self, masuk: list[NilaiMasuk], teks: str) -> bool:
        """Check ``masuk``; refuse in place with the reason, or push one undo command."""
        rencana = rencanakan(masuk)
        if rencana.ditolak:
            self.show_error(rencana.ditolak[0].kalimat[0].upper() + rencana.ditolak[0].kalimat[1:])
            return False
        if not rencana.perlu_ditulis:
            return True
        lama: list = []

        def do() -> Perubahan:
            hasil = ubah_nilai(masuk)
            lama[:] = hasil.lama
            return hasil.perubahan

        def undo() -> Perubahan:
            return pulihkan(lama)

        self.push(teks, do, undo)
        return True

    # -- layout -------------------------------------------------------------------------
    def _view_aktif(self) -> QTableView:
        fokus = QApplication.focusWidget()
        if fokus is not None and (fokus is self.view_desa or self.view_desa.isAncestorOf(fokus)):
            return self.view_desa
        return self.view

    def _atur_tampilan(self) -> None:
        self.view.clearSpans()
        for i in range(len(self.model.nilai)):
            self.view.setSpan(i * 3, 0, 3, 1)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, 220)
        # the row labels ("Realisasi Σ desa") fit on one line: measured, not guessed
        metrics = self.view.fontMetrics()
        labels = [self.model.index(r, 1).data() or "" for r in range(self.model.rowCount())]
        widest = max((metrics.horizontalAdvance(t) for t in labels), default=0)
        self.view.setColumnWidth(1, max(92, widest + 2 * LEBAR_TEPI))
        _lebar_periode(self.view, self.model)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(TINGGI_BARIS)
        self._tinggi_indikator()

    def _tinggi_indikator(self) -> None:
        """Give each indicator's three rows the height its wrapped code and name need at
        the width of the first column (a long name was cut off after five lines)."""
        metrics = self.view.fontMetrics()
        lebar = max(self.view.columnWidth(0) - 2 * LEBAR_TEPI, 40)
        for i in range(len(self.model.nilai)):
            teks = str(self.model.index(i * 3, 0).data() or "")
            perlu = (
                metrics.boundingRect(
                    QRect(0, 0, lebar, 100000), Qt.TextFlag.TextWordWrap, teks
                ).height()
                + LEBAR_TEPI
            )
            tinggi = max(TINGGI_BARIS, -(-perlu // 3))  # a third each, rounded up
            for r in range(i * 3, i * 3 + 3):
                self.view.setRowHeight(r, tinggi)

    def _indikator_dipilih(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.row() < self.model.rowCount():
            n = self.model.indikator(index.row())
            if n.info.dari_desa:
                self._indikator_desa = n.info.id
                self._isi_desa()

    def pilih_indikator(self, indikator_id: int) -> None:
        """Make ``indikator_id`` current (its desa grid shows when it is desa-based)."""
        for i, n in enumerate(self.model.nilai):
            if n.info.id == indikator_id:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(i * 3 + 1, 2),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
                return

    def _isi_desa(self) -> None:
        n = next((x for x in self.model.nilai if x.info.id == self._indikator_desa), None)
        if n is None:
            self.model_desa.set_content(None, [], [])
            self.panel_desa.setTitle("Realisasi per desa/kelurahan")
            self.panel_desa.setToolTip("")
            self.stack_desa.setCurrentWidget(self.petunjuk_desa)
            return
        self.model_desa.set_content(n, daftar_desa(), self.model.periode)
        # a group box title neither wraps nor elides: the code only, the name on hover (the
        # indicator's row above shows it in full)
        self.panel_desa.setTitle(f"Realisasi per desa/kelurahan — {n.info.kode}")
        self.panel_desa.setToolTip(f"{n.info.kode} {n.info.nama}")
        self.stack_desa.setCurrentWidget(self.view_desa)
        self.view_desa.setColumnWidth(0, 170)
        _lebar_periode(self.view_desa, self.model_desa)
        self.view_desa.verticalHeader().setDefaultSectionSize(24)
