"""The SKP editor's Evaluasi tab: for a triwulan or the year, realisasi beside each indicator
(from the stored IKI values, or typed for a row without an IKI link), the atasan's feedback on
results and behaviour, and at the right the application's proposed rating of hasil kerja, the
rule behind it, and the atasan's decision (both kept) with the predikat from the matrix."""

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.queries_skp import DataSkp, EvaluasiSkp
from kinerja_desktop.domain.skp import Rating
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.value_text import format_persen
from kinerja_desktop.ui.skp_bersama import (
    Pelaksana,
    fit_rows_to_width,
    item_baca,
    item_isi,
    pilihan_periode_skp,
)

BELUM = "— belum ditetapkan —"


def _fill_rating(combo: QComboBox) -> None:
    combo.addItem(BELUM, None)
    for r in Rating:
        combo.addItem(r.label, r.value)


class EvaluasiTab(QWidget):
    """See the module's description."""

    def __init__(self, jalankan: Pelaksana) -> None:
        super().__init__()
        self.jalankan = jalankan
        self.data: DataSkp | None = None
        self.evaluasi: EvaluasiSkp | None = None
        self._periode_tampil = 0  # the period whose evaluation is shown
        self._mengisi = False

        self.periode = QComboBox()
        periode = QHBoxLayout()
        label = QLabel("Per&iode evaluasi:")
        label.setBuddy(self.periode)
        periode.addWidget(label)
        periode.addWidget(self.periode)
        periode.addStretch(1)

        self.tabel_hasil = QTableWidget(0, 5)
        self.tabel_hasil.setHorizontalHeaderLabels(
            ["Indikator Kinerja Individu", "Target", "Realisasi", "Capaian", "Umpan Balik"]
        )
        self.tabel_perilaku = QTableWidget(0, 3)
        self.tabel_perilaku.setHorizontalHeaderLabels(
            ["Perilaku Kerja", "Ekspektasi Khusus Pimpinan", "Umpan Balik"]
        )
        for tabel, lebar in ((self.tabel_hasil, (1, 0, 0, 0, 1)), (self.tabel_perilaku, (0, 1, 1))):
            tabel.setWordWrap(True)
            header = tabel.horizontalHeader()
            for c, mode in enumerate(lebar):
                header.setSectionResizeMode(
                    c,
                    QHeaderView.ResizeMode.Stretch
                    if mode
                    else QHeaderView.ResizeMode.ResizeToContents,
                )
        self.tabel_hasil.itemChanged.connect(self._hasil_diubah)
        fit_rows_to_width(self.tabel_hasil)
        fit_rows_to_width(self.tabel_perilaku)
        self.tabel_perilaku.itemChanged.connect(self._perilaku_diubah)
        kiri = QSplitter(Qt.Orientation.Vertical)
        kiri.addWidget(self.tabel_hasil)
        kiri.addWidget(self.tabel_perilaku)
        kiri.setStretchFactor(0, 3)
        kiri.setStretchFactor(1, 2)

        self.usulan = QLabel()
        self.usulan.setWordWrap(True)
        self.usulan.setTextFormat(Qt.TextFormat.PlainText)
        self.aturan = QLabel()
        self.aturan.setWordWrap(True)
        self.aturan.setTextFormat(Qt.TextFormat.PlainText)
        self.aturan.setStyleSheet("color: #555;")
        self.rating_hasil = QComboBox()
        self.rating_perilaku = QComboBox()
        _fill_rating(self.rating_hasil)
        _fill_rating(self.rating_perilaku)
        self.predikat = QLabel()
        self.predikat.setStyleSheet("font-weight: bold;")
        self.catatan = QPlainTextEdit()
        self.catatan.setPlaceholderText("Catatan/rekomendasi (Dokumen Evaluasi Kinerja Pegawai)")
        self.catatan.setMaximumHeight(90)
        self.simpan = QPushButton("&Simpan keputusan")
        self.simpan.setAutoDefault(False)
        self.tersimpan = QLabel()
        self.tersimpan.setWordWrap(True)
        self.tersimpan.setTextFormat(Qt.TextFormat.PlainText)
        self.tersimpan.setStyleSheet("color: #444;")
        kotak = QGroupBox("Penilaian atasan")
        form = QFormLayout(kotak)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Usulan aplikasi (hasil kerja):", self.usulan)
        form.addRow(self.aturan)
        form.addRow("Rating &hasil kerja (keputusan atasan):", self.rating_hasil)
        form.addRow("Rating &perilaku kerja:", self.rating_perilaku)
        form.addRow("Predikat kinerja pegawai:", self.predikat)
        form.addRow("Ca&tatan/rekomendasi:", self.catatan)
        form.addRow(self.simpan)
        form.addRow(self.tersimpan)
        kotak.setMinimumWidth(300)
        kotak.setMaximumWidth(380)

        isi = QHBoxLayout()
        isi.addWidget(kiri, 1)
        isi.addWidget(kotak)
        layout = QVBoxLayout(self)
        layout.addLayout(periode)
        layout.addLayout(isi, 1)

        self.periode.currentIndexChanged.connect(lambda _: self.refresh())
        self.rating_hasil.currentIndexChanged.connect(self._pratinjau_predikat)
        self.rating_perilaku.currentIndexChanged.connect(self._pratinjau_predikat)
        self.simpan.clicked.connect(self._save)

    def load(self, data: DataSkp | None) -> None:
        """Show ``data``'s evaluation in the chosen period (the year by default)."""
        self.data = data
        lama = self.periode.currentData()
        self.periode.blockSignals(True)
        self.periode.clear()
        if data is not None:
            for label, ident in pilihan_periode_skp(data.tahun):
                self.periode.addItem(label, ident)
            if lama:
                self.periode.setCurrentIndex(max(self.periode.findData(lama), 0))
        self.periode.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Read the evaluation again (after any change, or another period chosen); one that
        cannot be read leaves what is shown, the editor's red line says why."""
        from kinerja_desktop.db.queries_skp import evaluasi_skp

        periode, data = self.periode.currentData(), self.data
        # in a tuple: "nothing to evaluate" (None inside) is not "could not be read" (None)
        dibaca = self.jalankan.read(
            lambda: (None if data is None or not periode else evaluasi_skp(data, periode),)
        )
        if dibaca is None:
            with QSignalBlocker(self.periode):  # the choice goes back to the period shown
                self.periode.setCurrentIndex(self._periode_tampil)
            return
        (self.evaluasi,) = dibaca
        self._periode_tampil = self.periode.currentIndex()
        for w in (self.rating_hasil, self.rating_perilaku, self.catatan, self.simpan):
            w.setEnabled(self.evaluasi is not None)
        self._fill_tabel()
        self._fill_keputusan()

    def _fill_tabel(self) -> None:
        self._mengisi = True
        e = self.evaluasi
        baris = e.realisasi if e is not None else ()
        self.tabel_hasil.setRowCount(len(baris))
        for i, r in enumerate(baris):
            h = r.hasil_kerja
            self.tabel_hasil.setItem(i, 0, item_baca(h.indikator, f"{h.bagian.label}: {h.rhk}"))
            self.tabel_hasil.setItem(i, 1, item_baca(h.target_satuan if h.target else "—"))
            if r.dari_iki:
                item = item_baca(r.realisasi or "belum ada data", "Dari nilai IKI yang tersimpan")
                item.setForeground(QColor("#555555"))
            else:
                item = item_isi(r.realisasi)
                item.setToolTip("Diketik: baris ini tidak terhubung ke indikator IKI")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.tabel_hasil.setItem(i, 2, item)
            capaian = format_persen(r.capaian) if r.capaian is not None else "—"
            self.tabel_hasil.setItem(i, 3, item_baca(capaian))
            umpan = item_isi(r.umpan_balik)
            umpan.setData(Qt.ItemDataRole.UserRole, h.id)
            self.tabel_hasil.setItem(i, 4, umpan)
        perilaku = self.data.perilaku if self.data is not None and e is not None else ()
        self.tabel_perilaku.setRowCount(len(perilaku))
        for i, p in enumerate(perilaku):
            self.tabel_perilaku.setItem(i, 0, item_baca(p.nama, p.panduan))
            self.tabel_perilaku.setItem(i, 1, item_baca(p.ekspektasi or "—"))
            umpan = item_isi(e.umpan_perilaku.get(p.kode, "") if e is not None else "")
            umpan.setData(Qt.ItemDataRole.UserRole, p.kode)
            self.tabel_perilaku.setItem(i, 2, umpan)
        self.tabel_hasil.resizeRowsToContents()
        self.tabel_perilaku.resizeRowsToContents()
        self._mengisi = False

    def _fill_keputusan(self) -> None:
        e = self.evaluasi
        if e is None:
            self.usulan.setText("Belum ada SKP yang dipilih.")
            self.aturan.setText("")
            self.tersimpan.setText("")
            self.predikat.setText("")
            return
        u = e.usulan
        self.usulan.setText(f"{u.rating.label if u.rating else 'Tidak ada usulan'}. {u.alasan}")
        self.aturan.setText(e.aturan_usulan)
        k = e.keputusan
        # the atasan starts from the stored decision, or from the proposal to confirm or change
        hasil = k.rating_hasil if k is not None and k.rating_hasil else u.rating
        perilaku = k.rating_perilaku if k is not None else None
        self.rating_hasil.setCurrentIndex(
            max(self.rating_hasil.findData(hasil.value if hasil else None), 0)
        )
        self.rating_perilaku.setCurrentIndex(
            max(self.rating_perilaku.findData(perilaku.value if perilaku else None), 0)
        )
        self.catatan.setPlainText(k.catatan if k is not None else "")
        if k is None:
            self.tersimpan.setText("Belum ada keputusan atasan untuk periode ini.")
        else:
            usulan_lalu = k.usulan_hasil.label if k.usulan_hasil else "tidak ada usulan"
            hasil_teks = k.rating_hasil.label if k.rating_hasil else "-"
            perilaku_teks = k.rating_perilaku.label if k.rating_perilaku else "-"
            self.tersimpan.setText(
                f"Tersimpan {format_waktu(k.diubah)} oleh {k.oleh}: hasil kerja {hasil_teks} "
                f"(usulan saat itu: {usulan_lalu}), perilaku {perilaku_teks}, predikat "
                f"{k.predikat or '-'}."
            )
        self._pratinjau_predikat()

    def _rating(self, combo: QComboBox) -> Rating | None:
        nilai = combo.currentData()
        return None if nilai is None else Rating(nilai)

    def _pratinjau_predikat(self) -> None:
        from kinerja_desktop.db.skp_aturan import read_matriks

        hasil, perilaku = self._rating(self.rating_hasil), self._rating(self.rating_perilaku)
        if hasil is None or perilaku is None:
            self.predikat.setText("(ditetapkan setelah kedua rating dipilih)")
            return
        matriks = self.jalankan.read(read_matriks)
        self.predikat.setText(matriks[(hasil, perilaku)] if matriks is not None else "")

    def _save(self) -> None:
        from kinerja_desktop.db.ops_skp_evaluasi import set_evaluasi

        if self.data is None:
            return
        skp_id, periode = self.data.id, self.periode.currentData()
        hasil, perilaku = self._rating(self.rating_hasil), self._rating(self.rating_perilaku)
        catatan = self.catatan.toPlainText()
        if self.jalankan(lambda: set_evaluasi(skp_id, periode, hasil, perilaku, catatan)):
            self.refresh()

    def _hasil_diubah(self, item: QTableWidgetItem) -> None:
        from kinerja_desktop.db.ops_skp_evaluasi import set_realisasi_skp

        if self._mengisi or item.column() not in (2, 4):
            return
        hasil_kerja, periode = item.data(Qt.ItemDataRole.UserRole), self.periode.currentData()
        teks = item.text()
        if item.column() == 2:
            ok = self.jalankan(lambda: set_realisasi_skp(hasil_kerja, periode, realisasi=teks))
        else:
            ok = self.jalankan(lambda: set_realisasi_skp(hasil_kerja, periode, umpan_balik=teks))
        if ok:
            self.refresh()

    def _perilaku_diubah(self, item: QTableWidgetItem) -> None:
        from kinerja_desktop.db.ops_skp_evaluasi import set_umpan_perilaku

        if self._mengisi or item.column() != 2 or self.data is None:
            return
        skp_id, kode, periode = (
            self.data.id,
            item.data(Qt.ItemDataRole.UserRole),
            self.periode.currentData(),
        )
        teks = item.text()
        if self.jalankan(lambda: set_umpan_perilaku(skp_id, kode, periode, teks)):
            self.refresh()
