"""Laporan › Perjanjian Kinerja…, Rencana Aksi… and Monev Triwulanan…: the planning documents
through the shared report dialog (:mod:`dialog_laporan`), each with its jabatan row and a list of
what is still missing (holder, NIP, target, budget), shown before anything is written: a missing
part prints as a marked blank to be filled in by hand.

The main window adds them to the Laporan menu through :func:`create_actions`.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from kinerja_desktop.db.queries import latest_year
from kinerja_desktop.domain.jabatan import label_jabatan
from kinerja_desktop.domain.periode import periode_terakhir_selesai, triwulan_setahun
from kinerja_desktop.reports.iki_data import daftar_jabatan
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.ui.bantuan import Bagian
from kinerja_desktop.ui.dialog_laporan import DialogLaporan
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

SEMUA = "Semua jabatan"
BATAS_DAFTAR = 12  # missing parts listed in the dialog; the rest are counted


class _DialogDokumen(DialogLaporan):
    """A planning document's dialog: a jabatan row (the Camat too, where ``camat``) and the
    list of what is missing, refreshed whenever a choice changes."""

    bagian_bantuan = Bagian.DOKUMEN_KINERJA
    camat = False

    def __init__(self, parent: QWidget | None, judul: str, tahun: int | None, kunci: str,
                 runner: TaskRunner | None, jabatan_kode: str | None = None) -> None:  # fmt: skip
        self._jabatan_awal = jabatan_kode
        self.kurang = QLabel()
        self.kurang.setWordWrap(True)
        self.kurang.setStyleSheet("color: #8a4b00;")
        pilih = tahun if tahun is not None else latest_year()
        super().__init__(parent, judul, pilih, kunci, runner)
        self.jabatan.currentIndexChanged.connect(self.refresh_proposals)
        self.form.addRow("Belum lengkap:", self.kurang)

    def baris_isi(self) -> None:
        """The jabatan row: all, the Camat (where he has one), or one jabatan in tree order."""
        self.jabatan = QComboBox()
        self.jabatan.setMinimumContentsLength(40)
        self.jabatan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._fill_jabatan(self._jabatan_awal)
        self.add_row("&Jabatan:", self.jabatan)

    def _fill_jabatan(self, pilih: str | None) -> None:
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem(SEMUA, None)
        if self.camat:
            self.jabatan.addItem("Camat", "CAMAT")
        tahun = self.tahun.currentData()
        if tahun is not None:
            daftar = daftar_jabatan(tahun)
            label = label_jabatan((j.kode, j.nama) for j in daftar)
            for j in daftar:
                self.jabatan.addItem("    " * j.kedalaman + label[j.kode], j.kode)
        self.jabatan.setCurrentIndex(max(self.jabatan.findData(pilih), 0) if pilih else 0)
        self.jabatan.blockSignals(False)

    def tahun_berubah(self) -> None:
        """Keep the chosen jabatan when the new year has it too."""
        self._fill_jabatan(self.jabatan.currentData())

    def refresh_proposals(self) -> None:
        """Proposals follow the choice, and so does the list of what is missing."""
        super().refresh_proposals()
        self.refresh_kurang()

    def daftar_kurang(self) -> list[str]:
        """What the chosen document lacks, in the operator's words."""
        return []

    def refresh_kurang(self) -> None:
        """Show what is missing (or that nothing is) before anything is written."""
        if self.tahun.currentData() is None:
            return
        kurang = run_once(self, self.daftar_kurang, self.kurang.setText)
        if kurang is None:
            return
        if not kurang:
            self.kurang.setText("Tidak ada: semua nama, NIP, target dan anggaran sudah tercatat.")
            return
        teks = "\n".join(f"• {k}" for k in kurang[:BATAS_DAFTAR])
        if len(kurang) > BATAS_DAFTAR:
            teks += f"\n… dan {len(kurang) - BATAS_DAFTAR} lainnya."
        self.kurang.setText(f"{teks}\nBagian ini dicetak sebagai titik-titik untuk diisi tangan.")

    def fill_proposals(self) -> None:
        """Fill the proposals and the list of what is missing."""
        super().fill_proposals()
        self.refresh_kurang()


class PkDialog(_DialogDokumen):
    """Writes the Perjanjian Kinerja of a year (every jabatan, the Camat first, or one)."""

    camat = True

    def __init__(self, parent: QWidget | None, tahun: int | None,
                 runner: TaskRunner | None = None,
                 jabatan_kode: str | None = None) -> None:  # fmt: skip
        super().__init__(parent, "Perjanjian Kinerja", tahun, "folder_pk", runner, jabatan_kode)
        # the parties sign, not a chosen signatory: only the place and date are chosen here
        ttd = self.kotak_ttd.layout()
        assert isinstance(ttd, QFormLayout)
        for widget in (self.penandatangan, self.jabatan_ttd):
            ttd.setRowVisible(widget, False)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """Jabatan, which version, the appendix, and the statement text and issue buttons."""
        super().baris_isi()
        self.versi = QComboBox()
        self.versi.addItem("Versi terakhir yang diterbitkan (atau data terkini)", False)
        self.versi.addItem("PK semula (yang pertama diterbitkan)", True)
        self.add_row("&Versi:", self.versi)
        self.asal = QCheckBox("Lampirkan asal angka (dari mana realisasi berasal)")
        self.add_row("", self.asal)
        self.naskah = QPushButton("Naskah Perjanj&ian…")
        self.terbitkan = QPushButton("Terbitkan PK / PK Per&ubahan…")
        tombol = QHBoxLayout()
        tombol.addWidget(self.naskah)
        tombol.addWidget(self.terbitkan)
        tombol.addStretch(1)
        self.form.addRow("", tombol)
        self.naskah.clicked.connect(self._naskah)
        self.terbitkan.clicked.connect(self._open_terbitkan)
        self.versi.currentIndexChanged.connect(self.refresh_proposals)

    def _naskah(self) -> None:
        from kinerja_desktop.ui.pk_dialogs import open_naskah

        open_naskah(self.parent() or self, self.tahun.currentData())
        self.refresh_kurang()

    def _open_terbitkan(self) -> None:
        from kinerja_desktop.ui.pk_dialogs import open_terbitkan

        hasil = open_terbitkan(self, self.tahun.currentData(), self.jabatan.currentData())
        if hasil is not None:
            self.status.setText(hasil.pesan)
        self.refresh_kurang()

    def daftar_kurang(self) -> list[str]:
        """The marked blanks of the chosen agreements and their issue state."""
        from kinerja_desktop.reports.pk_versi import build_pk_report

        laporan = build_pk_report(
            self.tahun.currentData(), self.jabatan.currentData(), awal=self.versi.currentData()
        )
        return laporan.kurang + list(laporan.keadaan)

    def nama_bawaan(self) -> str:
        """``PK-2026`` or ``PK-2026-KASI-PEM``."""
        from kinerja_desktop.reports.pk import default_filename

        return default_filename(self.tahun.currentData(), "", self.jabatan.currentData())

    def label_tanggal_kosong(self) -> str:
        """The date until one is chosen: the IKI decree's."""
        return "seperti tanggal keputusan IKI"

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the agreements on the worker thread."""
        from kinerja_desktop.reports.pk import export_pk

        tahun, kode, kertas = (
            self.tahun.currentData(),
            self.jabatan.currentData(),
            self.kertas.currentData(),
        )
        awal, asal = self.versi.currentData(), self.asal.isChecked()
        pilihan = PilihanTtd(ttd.tempat, ttd.tanggal) if ttd else None

        def job(state: TaskState) -> Path:
            return export_pk(
                tahun, target, kertas, kode, state.progress, pilihan, awal=awal, asal_angka=asal
            )

        return job


class RencanaAksiDialog(_DialogDokumen):
    """Writes the Rencana Aksi of a year (landscape), every jabatan or one."""

    def __init__(self, parent: QWidget | None, tahun: int | None,
                 runner: TaskRunner | None = None,
                 jabatan_kode: str | None = None) -> None:  # fmt: skip
        super().__init__(parent, "Rencana Aksi", tahun, "folder_rencana_aksi", runner, jabatan_kode)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """The jabatan row and a word on the paper's orientation."""
        super().baris_isi()
        self.add_row("", QLabel("Dicetak melintang (lanskap) agar tabelnya muat."))

    def daftar_kurang(self) -> list[str]:
        """What the chosen Rencana Aksi prints as blanks."""
        from kinerja_desktop.reports.rencana_aksi_data import build_rencana_aksi

        return build_rencana_aksi(self.tahun.currentData(), self.jabatan.currentData()).kurang

    def nama_bawaan(self) -> str:
        """``Rencana-Aksi-2026``."""
        from kinerja_desktop.reports.rencana_aksi import default_filename

        return default_filename(self.tahun.currentData(), "", self.jabatan.currentData())

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the Rencana Aksi on the worker thread."""
        from kinerja_desktop.reports.rencana_aksi import export_rencana_aksi

        tahun, kode, kertas = (
            self.tahun.currentData(),
            self.jabatan.currentData(),
            self.kertas.currentData(),
        )

        def job(state: TaskState) -> Path:
            return export_rencana_aksi(tahun, target, kertas, kode, state.progress, ttd)

        return job


class MonevDialog(_DialogDokumen):
    """Writes the monev of one triwulan (landscape), every jabatan or one."""

    def __init__(self, parent: QWidget | None, tahun: int | None,
                 runner: TaskRunner | None = None,
                 jabatan_kode: str | None = None) -> None:  # fmt: skip
        super().__init__(parent, "Monev Triwulanan", tahun, "folder_monev", runner, jabatan_kode)
        self.triwulan.currentIndexChanged.connect(self.refresh_proposals)
        self.fill_proposals()

    def baris_isi(self) -> None:
        """Triwulan, jabatan and the appendix."""
        self.triwulan = QComboBox()
        self._fill_triwulan()
        self.add_row("Triw&ulan:", self.triwulan)
        super().baris_isi()
        self.asal = QCheckBox("Lampirkan asal angka (dari mana realisasi berasal)")
        self.asal.setChecked(True)
        self.add_row("", self.asal)
        self.add_row("", QLabel("Dicetak melintang (lanskap) agar tabelnya muat."))

    def _fill_triwulan(self) -> None:
        self.triwulan.blockSignals(True)
        ke = self.triwulan.currentIndex()
        self.triwulan.clear()
        tahun = self.tahun.currentData()
        if tahun is not None:
            for p in triwulan_setahun(tahun):
                self.triwulan.addItem(p.label, p.id)
            bawaan = periode_terakhir_selesai(tahun, date.today())
            awal = bawaan.ke - 1 if bawaan.ke else 3
            self.triwulan.setCurrentIndex(ke if ke >= 0 else awal)
        self.triwulan.blockSignals(False)

    def tahun_berubah(self) -> None:
        """The same triwulan of the new year; the jabatan kept where it exists."""
        self._fill_triwulan()
        super().tahun_berubah()

    def tanggal_bawaan(self) -> date | None:
        """The last day of the triwulan."""
        from kinerja_desktop.domain.periode import parse_periode

        periode = self.triwulan.currentData()
        return parse_periode(periode).tanggal_akhir if periode else None

    def daftar_kurang(self) -> list[str]:
        """What the chosen monev lacks."""
        from kinerja_desktop.reports.monev_data import build_monev

        return build_monev(
            self.tahun.currentData(),
            self.triwulan.currentData(),
            self.jabatan.currentData(),
            asal_angka=False,
        ).kurang

    def nama_bawaan(self) -> str:
        """``Monev-2026Q2``."""
        from kinerja_desktop.reports.monev import default_filename

        return default_filename(self.triwulan.currentData() or "", "", self.jabatan.currentData())

    def pekerjaan(self, target: Path, ttd: PilihanTtd | None) -> Callable[[TaskState], Any]:
        """Write the monev on the worker thread."""
        from kinerja_desktop.reports.monev import export_monev

        tahun, periode, kode, kertas = (
            self.tahun.currentData(),
            self.triwulan.currentData(),
            self.jabatan.currentData(),
            self.kertas.currentData(),
        )
        asal = self.asal.isChecked()

        def job(state: TaskState) -> Path:
            return export_monev(tahun, periode, target, kertas, kode, state.progress, ttd, asal)

        return job


def create_actions(window: Any) -> list[QAction]:
    """The Laporan menu's planning documents, the PK's statement text and issuing."""
    from kinerja_desktop.ui.pk_dialogs import open_naskah, open_terbitkan

    def tahun() -> int | None:
        return getattr(window, "tahun", None)

    def runner() -> Any:
        return getattr(window, "tasks", None)

    def dialog(buat: Callable[[], QDialog], judul: str) -> None:
        made = build_dialog(window, buat, f"{judul} tidak dapat dibuka")
        if made is not None:
            made.exec()

    def aksi(teks: str, tip: str, buka: Callable[[], Any]) -> QAction:
        action = QAction(teks, window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: buka())
        return action

    return [
        aksi(
            "Perjan&jian Kinerja…",
            "Menulis Perjanjian Kinerja setiap jabatan (pernyataan dan lampiran) ke PDF atau Excel",
            lambda: dialog(lambda: PkDialog(window, tahun(), runner()), "Perjanjian Kinerja"),
        ),
        aksi(
            "&Naskah Perjanjian Kinerja…",
            "Mengubah naskah pernyataan Perjanjian Kinerja tahun ini dan nama Bupati",
            lambda: open_naskah(window, tahun()),
        ),
        aksi(
            "Terbitkan PK / PK Perub&ahan…",
            "Membekukan Perjanjian Kinerja; bila datanya berubah, menerbitkan PK Perubahan",
            lambda: open_terbitkan(window, tahun()),
        ),
        aksi(
            "&Rencana Aksi…",
            "Menulis Rencana Aksi setiap jabatan (target triwulan, anggaran, aksi) ke PDF/Excel",
            lambda: dialog(lambda: RencanaAksiDialog(window, tahun(), runner()), "Rencana Aksi"),
        ),
        aksi(
            "&Monev Triwulanan…",
            "Menulis monitoring dan evaluasi satu triwulan ke PDF atau Excel",
            lambda: dialog(lambda: MonevDialog(window, tahun(), runner()), "Monev Triwulanan"),
        ),
    ]
