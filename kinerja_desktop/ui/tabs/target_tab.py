"""The Target & Realisasi tab: the selected jabatan's indicators × the periods of its year.

Targets and realisasi are typed straight into the grid (or pasted from Excel); the triwulan
and year columns and the capaian rows are computed, coloured by rating category, with the
numbers behind them on hover. A desa-based indicator is filled in its own grid of desa ×
periods below. Every edit is one undoable command that calls
:func:`kinerja_desktop.db.ops_nilai.set_values`.

Long because the jabatan's grid, its desa grid, paste and copy, and the approval line form one
screen whose parts share the selection and the undo steps; the spreadsheet-like view and the
legend are :mod:`~kinerja_desktop.ui.tabs.grid_view`.
"""

import html

from PySide6.QtCore import (
    QItemSelectionModel,
    QRect,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.ops_nilai import (
    NilaiBerubah,
    NilaiMasuk,
    NilaiSnapshot,
    NilaiTertulis,
    Rencana,
    plan_values,
    revert_values,
    set_values,
)
from kinerja_desktop.db.queries import find_jabatan
from kinerja_desktop.db.queries_nilai import (
    daftar_desa,
    nilai_jabatan,
    penilaian,
    summarize_jabatan,
)
from kinerja_desktop.domain.periode import JenisPeriode
from kinerja_desktop.domain.value_text import format_persen
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.ui.tabs.common import (
    KeadaanKosong,
    TabDasar,
    add_view_action,
    clipboard_text,
    from_tsv,
    set_clipboard_text,
    to_tsv,
)
from kinerja_desktop.ui.tabs.desa_model import DesaModel
from kinerja_desktop.ui.tabs.grid_model import (
    MODE_BULAN,
    MODE_TRIWULAN,
    GridModel,
    kolom_periode,
)
from kinerja_desktop.ui.tabs.grid_view import GridView, build_legend, set_period_widths
from kinerja_desktop.ui.tabs.persetujuan_bar import PersetujuanBar
from kinerja_desktop.ui.tabs.target_model import NilaiModel

ATURAN_RINGKASAN = (
    "Capaian jabatan pada satu kolom = rata-rata capaian indikator yang memiliki capaian pada "
    "kolom itu; indikator tanpa target atau tanpa realisasi tidak ikut dihitung. Capaian "
    "kolom Tahun = realisasi yang sudah masuk sepanjang tahun dibanding target setahun, jadi "
    "pada awal tahun angkanya masih kecil walaupun setiap triwulan tercapai."
)
TIP_ISI_DESA = (
    "Realisasi indikator bertanda Σ desa diisi per desa/kelurahan: pilih barisnya lalu tekan "
    "tombol ini (atau klik dua kali baris itu, atau Enter)."
)
LEBAR_INDIKATOR = 220
LEBAR_INDIKATOR_SEMPIT = 160
TAB_LEBAR = 760  # narrower than this, the indicator column narrows
TINGGI_BARIS = 26  # one line of numbers with room around it
LEBAR_TEPI = 8  # the cell's text margin on each side, with room to spare
TINGGI_BARIS_DESA = 21  # the desa grid's rows at most: 18 desa and the total fit in 768 px


class TargetTab(TabDasar):
    """Targets, realisasi and capaian of the selected jabatan.

    Two pages: the jabatan's grid, and the desa grid of one desa-based indicator, which takes
    the whole height; its rows shrink (down to one line of text) so that every desa/kelurahan
    and the total show at once where they can, and it scrolls beside its frozen names beyond.
    """

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.tahun: int | None = None
        self.model = NilaiModel(self._apply_values)
        self.model_desa = DesaModel(self._apply_values)
        self.model.ditolak.connect(self.show_error)
        self.model_desa.ditolak.connect(self.show_error)
        self._jabatan_tampil: int | None = None
        self._mode_tampil = 0  # the view of the periods the grid shows
        self._judul_jabatan = ""

        self.judul = QLabel()
        self.judul.setWordWrap(True)
        self.judul.setTextFormat(Qt.TextFormat.RichText)  # names in it are escaped
        self.mode = QComboBox()
        self.mode.addItem("Bulan, triwulan dan tahun", MODE_BULAN)
        self.mode.addItem("Triwulan dan tahun", MODE_TRIWULAN)
        self.mode.setToolTip("Kolom periode yang ditampilkan")
        self.mode.setAccessibleName("Tampilan periode")
        self.mode.currentIndexChanged.connect(lambda _: self._change_mode())
        self.tombol_desa = QPushButton("Isi per &Desa…")
        self.tombol_desa.setToolTip(TIP_ISI_DESA)
        self.tombol_desa.clicked.connect(self._tombol_desa_ditekan)
        # the title on a line of its own: beside the buttons it wrapped into a narrow column
        atas = QVBoxLayout()
        atas.addWidget(self.judul)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol_desa)
        tombol.addStretch(1)
        tampilan = QLabel("&Tampilan:")
        tampilan.setBuddy(self.mode)
        tombol.addWidget(tampilan)
        tombol.addWidget(self.mode)
        atas.addLayout(tombol)

        self.view = GridView(self, len(NilaiModel.TETAP))
        self.view.setModel(self.model)
        # the operator widens the indicator column: the rows may then need less height
        self.view.horizontalHeader().sectionResized.connect(
            lambda kolom, *_: self._tinggi_indikator() if kolom == 0 else None
        )
        self.view.setAccessibleName("Target dan realisasi")
        self.view.selectionModel().currentChanged.connect(lambda *_: self._indikator_dipilih())
        self.view.doubleClicked.connect(lambda _: self.open_desa())
        self.view.frozen.doubleClicked.connect(lambda _: self.open_desa())

        self.view_desa = GridView(self, len(DesaModel.TETAP))
        self.view_desa.setModel(self.model_desa)
        self.view_desa.setAccessibleName("Realisasi per desa")
        add_view_action(
            self.view, "Riwayat Sel Ini…", None, lambda: self.show_cell_history(self.view)
        )
        add_view_action(self.view, "Kendala dan Tindak Lanjut…", None, self.edit_kendala)
        add_view_action(
            self.view_desa,
            "Riwayat Sel Ini…",
            None,
            lambda: self.show_cell_history(self.view_desa),
        )
        self.halaman = QStackedWidget()
        self.halaman.addWidget(self.view)
        self.halaman.addWidget(self.view_desa)

        self.ringkasan = QLabel()
        self.ringkasan.setWordWrap(True)
        self.ringkasan.setToolTip(ATURAN_RINGKASAN)
        self.kosong_indikator = KeadaanKosong(
            "Jabatan ini belum memiliki indikator, jadi belum ada target dan realisasi yang "
            "dapat diisi. Tambahkan indikator pada tab Indikator."
        )
        self.isi_stack = QStackedWidget()
        grid = QWidget()
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.halaman, 1)
        grid_layout.addWidget(self.ringkasan)
        self.legenda = build_legend()
        grid_layout.addWidget(self.legenda)
        self.isi_stack.addWidget(grid)
        self.isi_stack.addWidget(self.kosong_indikator)

        layout = QVBoxLayout(self.isi)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(atas)
        self.persetujuan = PersetujuanBar(self.after_edit, self.show_error)
        layout.addWidget(self.persetujuan)
        layout.addWidget(self.isi_stack, 1)
        self._indikator_desa: int | None = None

    # -- the contract -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the jabatan's indicators and values again."""
        if self.jabatan_id is None:
            return
        jabatan = find_jabatan(self.jabatan_id)
        if jabatan is None:
            self.set_jabatan(None)
            return
        jabatan_baru = self.jabatan_id != self._jabatan_tampil
        self._jabatan_tampil = self.jabatan_id
        self.tahun = jabatan.tahun
        self.persetujuan.set_jabatan(self.jabatan_id, jabatan.tahun)
        nilai = nilai_jabatan(self.jabatan_id)
        periode = kolom_periode(jabatan.tahun, self.mode.currentData())
        self.model.set_content(nilai, periode, penilaian())
        self._mode_tampil = self.mode.currentIndex()
        self._judul_jabatan = f"Target dan realisasi {jabatan.nama}, tahun {jabatan.tahun}"
        self.judul.setText(html.escape(self._judul_jabatan))
        if jabatan_baru:
            # another jabatan opens at its first month and first indicator, not where the
            # previous one was scrolled to
            self._indikator_desa = None
            self.close_desa(fokus=False)
            self.view.scroll_to_start()
        if not nilai:
            self.isi_stack.setCurrentWidget(self.kosong_indikator)
            self.tombol_desa.hide()
            return
        self.isi_stack.setCurrentIndex(0)
        self._arrange_view()
        self.tombol_desa.setVisible(any(n.info.dari_desa for n in nilai))
        self._indikator_dipilih()
        self._fill_desa()
        self.ringkasan.setText(self._teks_ringkasan())

    def _change_mode(self) -> None:
        """Show the periods of the chosen view; one that cannot be read leaves the grid and
        the choice as they were."""
        if not self.refresh():
            with QSignalBlocker(self.mode):
                self.mode.setCurrentIndex(self._mode_tampil)

    def _teks_ringkasan(self) -> str:
        """The jabatan's capaian per triwulan and for the year: each figure is the mean of
        the capaian cells of that column (the rule is said on the line itself)."""
        bagian = []
        for p in self.model.periode:
            if p.jenis is JenisPeriode.BULAN:
                continue
            rata, ada, total = summarize_jabatan(self.model.capaian(n, p) for n in self.model.nilai)
            nama = p.label if p.jenis is JenisPeriode.TAHUN else p.label_pendek
            if rata is None:
                bagian.append(f"{nama} belum ada data")
            else:
                bagian.append(f"{nama} {format_persen(rata)} ({ada} dari {total})")
        return (
            "Capaian jabatan (rata-rata indikator yang memiliki capaian di kolom itu): "
            + " · ".join(bagian)
            + ". Tahun: realisasi sejauh ini dibanding target setahun."
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
        assert isinstance(model, GridModel)
        rows = from_tsv(clipboard_text())
        if not rows:
            self.show_error("Papan klip kosong; salin dulu sel dari Excel atau tabel ini.")
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            sasaran = [(i.row(), i.column(), rows[0][0]) for i in view.selectedIndexes()]
            sasaran = [(r, c, t) for r, c, t in sasaran if model.is_editable(r, c)]
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
            if not model.is_editable(r, c):
                judul = model.headerData(c, Qt.Orientation.Horizontal) or ""
                self.show_error(
                    f"Tempel ditolak: sel baris {r + 1} kolom {judul} tidak dapat diisi "
                    "(nilai hitungan, data desa, atau di luar tabel). Tidak ada yang diubah."
                )
                return
            try:
                masuk.append(model.parse_entry(r, c, teks))
            except DataTidakValid as exc:
                self.show_error(f"Tempel ditolak: {exc.pesan} Tidak ada yang diubah.")
                return
        if masuk:
            self._apply_values(masuk, f"Tempel {len(masuk)} nilai", "tempel")

    # -- editing ------------------------------------------------------------------------
    def show_cell_history(self, view: QTableView) -> None:
        """Show every logged change of the value under the current cell."""
        from kinerja_desktop.db.queries_audit import SaringAudit
        from kinerja_desktop.ui.riwayat_dialog import DialogRiwayatSel

        model = view.model()
        assert isinstance(model, GridModel)
        index = view.currentIndex()
        p = model.periode_kolom(index.column()) if index.isValid() else None
        if p is None or (isinstance(model, DesaModel) and index.row() >= len(model.desa)):
            self.show_error("Pilih sel nilai (bulan, triwulan atau tahun) untuk melihat riwayat.")
            return
        sel = model.parse_entry(index.row(), index.column(), "")
        kunci = sel.kunci
        saring = SaringAudit(
            indikator_id=kunci.indikator_id,
            periode=kunci.periode,
            desa_id=kunci.desa_id,
            satu_desa=True,
        )
        dialog = self.read(lambda: DialogRiwayatSel(self, saring, sel.lokasi.teks))
        if dialog is not None:
            dialog.exec()

    def edit_kendala(self) -> None:
        """The monev note (kendala, tindak lanjut) of the current cell's indicator and period."""
        from kinerja_desktop.ui.keterangan_dialog import open_keterangan

        index = self.view.currentIndex()
        p = self.model.periode_kolom(index.column()) if index.isValid() else None
        if p is None:
            self.show_error("Pilih sel nilai (bulan, triwulan atau tahun) untuk menulis kendala.")
            return
        n = self.model.indikator(index.row())
        open_keterangan(self, n.info.id, n.info.kode, p.id)

    def clear_cells(self, view: QTableView) -> None:
        """Empty the selected cells that hold typed values (they become "no data")."""
        model = view.model()
        assert isinstance(model, GridModel)
        masuk = []
        for i in view.selectedIndexes():
            if model.is_editable(i.row(), i.column()) and i.data(Qt.ItemDataRole.EditRole):
                masuk.append(model.parse_entry(i.row(), i.column(), ""))
        if masuk:
            self._apply_values(masuk, f"Kosongkan {len(masuk)} nilai", "kosongkan")

    def _apply_values(self, masuk: list[NilaiMasuk], teks: str, aksi: str = "isian") -> bool:
        """Check ``masuk``; refuse in place with the reason, or push one undo command.

        False when nothing was written: the grid's editor then opens again holding what the
        operator typed.
        """

        def plan() -> Rencana | NilaiBerubah:
            try:
                return plan_values(masuk)
            except NilaiBerubah as exc:  # answered below with the newer value, not only words
                return exc

        rencana = self.read(plan)
        if rencana is None:
            return False  # the database could not be read: said over the tab
        if isinstance(rencana, NilaiBerubah):
            self._show_latest(rencana)
            return False
        # a refused value, or one in an approved (locked) period: nothing is written
        alasan = [p.kalimat for p in rencana.ditolak] + [a for _, a in rencana.dilewati]
        if alasan:
            self.show_error(alasan[0][0].upper() + alasan[0][1:])
            return False
        if not rencana.values_to_write:
            return True
        lama: list[NilaiSnapshot] = []

        def do() -> Hasil[NilaiTertulis]:
            try:
                # the log names the first run by its kind; the runner names a redo "ulang"
                hasil = set_values(masuk, aksi=aksi)
            except NilaiBerubah:
                self.reload()  # the command shows the refusal above the new value
                raise
            lama[:] = hasil.data.lama
            return hasil

        def undo() -> Hasil[None]:
            return revert_values(lama)

        return self.push(teks, do, undo) is not None

    def _show_latest(self, exc: NilaiBerubah) -> None:
        """Another PC changed a value meanwhile: show its value and say why nothing was saved."""
        self.refresh()
        self.show_error(exc.pesan)

    # -- layout -------------------------------------------------------------------------
    def _view_aktif(self) -> QTableView:
        fokus = QApplication.focusWidget()
        if fokus is not None and (fokus is self.view_desa or self.view_desa.isAncestorOf(fokus)):
            return self.view_desa
        return self.view

    def _lebar_indikator(self) -> int:
        """The indicator column's width: 220 pixels, narrower in a narrow tab (beside the
        tree of a 1024-pixel window the frozen labels left room for three months)."""
        return LEBAR_INDIKATOR if self.width() >= TAB_LEBAR else LEBAR_INDIKATOR_SEMPIT

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        lebar = self._lebar_indikator()
        if (
            self.model.rowCount()
            and self.view.columnWidth(0)
            in (
                LEBAR_INDIKATOR,
                LEBAR_INDIKATOR_SEMPIT,
            )
            and self.view.columnWidth(0) != lebar
        ):
            # only the widths chosen here follow the tab; one the operator dragged stays
            self.view.setColumnWidth(0, lebar)

    def _arrange_view(self) -> None:
        self.view.clearSpans()
        for i in range(len(self.model.nilai)):
            self.view.setSpan(i * 3, 0, 3, 1)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, self._lebar_indikator())
        # the row labels ("Realisasi Σ desa") fit on one line: measured, not guessed
        metrics = self.view.fontMetrics()
        labels = [self.model.index(r, 1).data() or "" for r in range(self.model.rowCount())]
        widest = max((metrics.horizontalAdvance(t) for t in labels), default=0)
        self.view.setColumnWidth(1, max(92, widest + 2 * LEBAR_TEPI))
        set_period_widths(self.view, self.model)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(TINGGI_BARIS)
        self._tinggi_indikator()
        self.view.sync_frozen()

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
        dari_desa = False
        if index.isValid() and index.row() < self.model.rowCount():
            n = self.model.indikator(index.row())
            dari_desa = n.info.dari_desa
            if dari_desa:
                self._indikator_desa = n.info.id
                self._fill_desa()
        self.tombol_desa.setEnabled(dari_desa or self.is_desa_open())

    def select_indikator(self, indikator_id: int) -> None:
        """Make ``indikator_id`` current (its desa grid is filled when it is desa-based)."""
        for i, n in enumerate(self.model.nilai):
            if n.info.id == indikator_id:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(i * 3 + 1, 2),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
                return

    def is_desa_open(self) -> bool:
        """Whether the desa grid of one indicator fills the tab."""
        return self.halaman.currentWidget() is self.view_desa

    def _tombol_desa_ditekan(self) -> None:
        if self.is_desa_open():
            self.close_desa()
        else:
            self.open_desa()

    def open_desa(self, indikator_id: int | None = None) -> bool:
        """Show the desa grid of ``indikator_id`` (default: the current indicator) over the
        whole tab; False when that indicator is not filled per desa."""
        if indikator_id is not None:
            self.select_indikator(indikator_id)
        index = self.view.currentIndex()
        if not index.isValid() or not self.model.indikator(index.row()).info.dari_desa:
            return False
        if not self._fill_desa():
            return True  # asked for, but not shown: the tab says why
        self.halaman.setCurrentWidget(self.view_desa)
        self.tombol_desa.setText("◂ &Kembali ke semua indikator")
        self.tombol_desa.setToolTip("Kembali ke tabel semua indikator jabatan ini (Esc)")
        self.tombol_desa.setEnabled(True)
        self._set_page_title()
        self.view_desa.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view_desa.currentIndex().isValid():
            self.view_desa.setCurrentIndex(self.model_desa.index(0, len(DesaModel.TETAP)))
        return True

    def close_desa(self, fokus: bool = True) -> None:
        """Back from the desa grid to the jabatan's grid, on the same indicator (taking the
        keyboard focus unless ``fokus`` is False, as when another jabatan is shown)."""
        self.halaman.setCurrentWidget(self.view)
        self.tombol_desa.setText("Isi per &Desa…")
        self.tombol_desa.setToolTip(TIP_ISI_DESA)
        self._indikator_dipilih()
        self._set_page_title()
        if fokus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_page_title(self) -> None:
        n = self.model_desa.n
        # the jabatan's capaian line says nothing about one indicator's desa: room for rows
        self.ringkasan.setVisible(not self.is_desa_open())
        if self.is_desa_open() and n is not None:
            satuan = f" ({n.info.satuan})" if n.info.satuan else ""
            nama = html.escape(f"{n.info.kode} {n.info.nama}{satuan}")  # a name is never markup
            self.judul.setText(f"<b>Realisasi per desa/kelurahan</b> — {nama}")
        else:
            self.judul.setText(html.escape(self._judul_jabatan))

    def tinggi_baris_desa(self) -> None:
        """Rows of the desa grid as tall as fits every desa and the total in its height,
        between one line of text and :data:`TINGGI_BARIS_DESA` (a kecamatan of 30 desa)."""
        view = self.view_desa
        baris = self.model_desa.rowCount()
        if not baris:
            return
        satu_baris = view.fontMetrics().height() + 1
        muat = view.viewport().height() // baris
        view.verticalHeader().setMinimumSectionSize(satu_baris)  # the style's is taller
        view.verticalHeader().setDefaultSectionSize(max(satu_baris, min(TINGGI_BARIS_DESA, muat)))
        view.sync_frozen()

    def _fill_desa(self) -> bool:
        """Fill the desa grid of the chosen indicator; False when its desa could not be read
        (said over the tab)."""
        n = next((x for x in self.model.nilai if x.info.id == self._indikator_desa), None)
        if n is None:
            self.model_desa.set_content(None, [], [])
            if self.is_desa_open():
                self.close_desa(fokus=False)
            return True
        desa = self.read(lambda: daftar_desa(n.info.tahun))
        if desa is None:
            return False
        self.model_desa.set_content(n, desa, self.model.periode)
        self._set_page_title()
        self.view_desa.setColumnWidth(0, 170)
        set_period_widths(self.view_desa, self.model_desa)
        self.view_desa.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tinggi_baris_desa()
        self.view_desa.sync_frozen()
        return True
