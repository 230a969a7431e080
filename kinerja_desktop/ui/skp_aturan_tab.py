"""The SKP editor's "Predikat & Kurva" tab: the kecamatan's own predikat of the year, the
distribution check of the staff's yearly predikat against the curve of that predikat (warned
about before the Camat signs), and the predikat matrix, each cell editable by an administrator."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.skp import PREDIKAT, PREDIKAT_ORGANISASI, Rating
from kinerja_desktop.ui.skp_bersama import Pelaksana

BARIS = (Rating.DIATAS, Rating.SESUAI, Rating.DIBAWAH)
KOLOM = (Rating.DIBAWAH, Rating.SESUAI, Rating.DIATAS)


class AturanTab(QWidget):
    """See the module's description."""

    def __init__(self, jalankan: Pelaksana) -> None:
        super().__init__()
        self.jalankan = jalankan
        self.tahun: int | None = None
        self._mengisi = False

        self.organisasi = QComboBox()
        self.organisasi.addItem("— belum diisi —", None)
        for p in PREDIKAT_ORGANISASI:
            self.organisasi.addItem(p, p)
        self.simpan_organisasi = QPushButton("Simpan &predikat organisasi")
        self.simpan_organisasi.setAutoDefault(False)
        baris = QHBoxLayout()
        label = QLabel("Predikat kinerja &organisasi (kecamatan):")
        label.setBuddy(self.organisasi)
        baris.addWidget(label)
        baris.addWidget(self.organisasi)
        baris.addWidget(self.simpan_organisasi)
        baris.addStretch(1)

        self.kurva = QLabel()
        self.kurva.setWordWrap(True)
        self.kurva.setTextFormat(Qt.TextFormat.PlainText)
        self.kurva.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        kotak_kurva = QGroupBox("Kurva distribusi predikat pegawai (predikat tahunan)")
        QVBoxLayout(kotak_kurva).addWidget(self.kurva)

        kotak_matriks = QGroupBox(
            "Matriks predikat (baris: rating hasil kerja; kolom: rating perilaku)"
        )
        grid = QGridLayout(kotak_matriks)
        self.sel: dict[tuple[Rating, Rating], QComboBox] = {}
        for c, perilaku in enumerate(KOLOM, start=1):
            grid.addWidget(QLabel(f"Perilaku {perilaku.label}"), 0, c)
        for r, hasil in enumerate(BARIS, start=1):
            grid.addWidget(QLabel(f"Hasil kerja {hasil.label}"), r, 0)
            for c, perilaku in enumerate(KOLOM, start=1):
                combo = QComboBox()
                combo.addItems(list(PREDIKAT))
                combo.setAccessibleName(f"Hasil kerja {hasil.label}, perilaku {perilaku.label}")
                combo.currentTextChanged.connect(
                    lambda teks, h=hasil, p=perilaku: self._sel_diubah(h, p, teks)
                )
                self.sel[(hasil, perilaku)] = combo
                grid.addWidget(combo, r, c)
        catatan = QLabel(
            "Bawaan: PermenPANRB 6/2022. Perubahan matriks hanya oleh Administrator dan berlaku "
            "untuk keputusan berikutnya; predikat yang sudah ditetapkan tidak berubah."
        )
        catatan.setWordWrap(True)
        catatan.setStyleSheet("color: #555;")
        grid.addWidget(catatan, len(BARIS) + 1, 0, 1, len(KOLOM) + 1)

        layout = QVBoxLayout(self)
        layout.addLayout(baris)
        layout.addWidget(kotak_kurva)
        layout.addWidget(kotak_matriks)
        layout.addStretch(1)
        self.simpan_organisasi.clicked.connect(self._save_organisasi)

    def load(self, tahun: int | None) -> None:
        """Show the predikat, the check and the matrix for ``tahun``; what cannot be read is
        said on the editor's red line (:meth:`Pelaksana.read`)."""
        self.tahun = tahun
        self.jalankan.read(lambda: self._read(tahun))

    def _read(self, tahun: int | None) -> None:
        from kinerja_desktop.db.queries_skp_tahun import check_kurva_tahun
        from kinerja_desktop.db.skp_aturan import (
            predikat_organisasi,
            read_kurva,
            read_matriks,
            sumber_kurva,
        )

        ada = predikat_organisasi(tahun) if tahun is not None else None
        matriks = read_matriks()
        self._mengisi = True  # the combos are set, not changed by the operator
        self.organisasi.setCurrentIndex(max(self.organisasi.findData(ada), 0))
        for kunci, combo in self.sel.items():
            combo.setCurrentText(matriks[kunci])
        self._mengisi = False
        if tahun is None:
            self.kurva.setText("")
            return
        hasil = check_kurva_tahun(tahun)
        aturan = [f"organisasi {a.organisasi}: {a.teks}" for a in read_kurva()]
        self.kurva.setText(
            "\n".join(
                [
                    *hasil.ringkasan(),
                    "",
                    f"Aturan yang berlaku ({sumber_kurva()}):",
                    *aturan,
                ]
            )
        )
        self.kurva.setStyleSheet("" if hasil.is_within_curve else "color: #b00020;")

    def _save_organisasi(self) -> None:
        from kinerja_desktop.db.skp_aturan import set_predikat_organisasi

        tahun = self.tahun
        if tahun is None:
            return
        pilih = self.organisasi.currentData()
        if self.jalankan(lambda: set_predikat_organisasi(tahun, pilih)):
            self.load(tahun)

    def _sel_diubah(self, hasil: Rating, perilaku: Rating, predikat: str) -> None:
        from kinerja_desktop.db.skp_aturan import set_matriks

        if self._mengisi:
            return
        self.jalankan(lambda: set_matriks(hasil, perilaku, predikat))
        self.load(self.tahun)  # a refused change shows the stored cell again
