"""The signature box of the report dialogs (:mod:`dialog_laporan`): place, date, signer and the
office line printed under the signature, filled with the year's defaults
(:func:`kinerja_desktop.reports.penandatangan.bawaan_ttd`) and read back as a
:class:`~kinerja_desktop.reports.penandatangan.PilihanTtd`."""

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.reports.penandatangan import PilihanTtd

TANGGAL_KOSONG = QDate(2000, 1, 1)  # the date field's "as the decree records" value


class KotakTtd(QGroupBox):
    """The "Tanda tangan" box: its four fields, filled for a year and read back."""

    def __init__(self) -> None:
        super().__init__("Tanda tangan")
        self.tempat = QLineEdit()
        self.tanggal = QDateEdit()
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.tanggal.setDisplayFormat("d MMMM yyyy")
        self.penandatangan = QComboBox()
        self.jabatan = QLineEdit()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for teks, widget in (
            ("T&empat:", self.tempat),
            ("Tangg&al:", self.tanggal),
            ("Penandatan&gan:", self.penandatangan),
            ("&Sebutan jabatan:", self.jabatan),
        ):
            label = QLabel(teks)
            label.setBuddy(widget)
            form.addRow(label, widget)

    def fill(self, tahun: int, tanggal: date | None, label_kosong: str) -> None:
        """The defaults of ``tahun``: its place, office line and signer; ``tanggal`` (None:
        the field says ``label_kosong``, the date the decree records)."""
        from kinerja_desktop.db.keputusan import daftar_pegawai
        from kinerja_desktop.db.queries import require_year
        from kinerja_desktop.reports.penandatangan import bawaan_ttd

        bawaan = bawaan_ttd(require_year(tahun), tanggal)
        self.tempat.setText(bawaan.tempat)
        self.jabatan.setText(bawaan.jabatan)
        self.tanggal.setMinimumDate(TANGGAL_KOSONG)
        self.tanggal.setSpecialValueText(label_kosong)
        if bawaan.tanggal is None:
            self.tanggal.setDate(TANGGAL_KOSONG)
        else:
            d = bawaan.tanggal
            self.tanggal.setDate(QDate(d.year, d.month, d.day))
        self.penandatangan.clear()
        self.penandatangan.addItem("(kosong, ditulis tangan)", None)
        for pegawai in daftar_pegawai():
            nama, nip = pegawai.nama, pegawai.nip
            self.penandatangan.addItem(
                f"{nama} — NIP {format_nip(nip)}" if nip else nama, pegawai.id
            )
        self.penandatangan.setCurrentIndex(max(self.penandatangan.findData(bawaan.pegawai_id), 0))

    def pilihan(self) -> PilihanTtd:
        """The signature as shown."""
        q = self.tanggal.date()
        tanggal = None if q == TANGGAL_KOSONG else date(q.year(), q.month(), q.day())
        return PilihanTtd(
            tempat=self.tempat.text(),
            tanggal=tanggal,
            pegawai_id=self.penandatangan.currentData(),
            jabatan=self.jabatan.text(),
        )
