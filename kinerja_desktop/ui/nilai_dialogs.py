"""Targets and realisasi in and out from the window: CSV import and export, the monev CSV
(budget realised, kendala), and the targets workbook of the year (out, and back in after a
check); the import history with its undo is :mod:`~kinerja_desktop.ui.riwayat_impor`.

Every step the command line offers for the monthly cycle is here too, in the operator's words:
nothing in these windows sends the operator to a command.
"""

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.operations import build_dialog, run_once
from kinerja_desktop.ui.pesan import informasi, kotak_pesan, peringatan

if TYPE_CHECKING:  # the values module is imported when a dialog needs it
    from kinerja_desktop.db.ops_nilai import NilaiTertulis

T = TypeVar("T")
BATAS_TAMPIL = 200  # refusals listed in a preview; the count says how many there were


def _folder_awal() -> str:
    from kinerja_desktop import settings

    try:
        return settings.get("folder_terakhir")
    except KinerjaError:
        return ""


def _remember_folder(folder: Path) -> None:
    from kinerja_desktop import settings

    with contextlib.suppress(KinerjaError):  # remembering the folder is a convenience
        settings.set_value("folder_terakhir", str(folder))


class PratinjauDialog(QDialog):
    """What an import would do, then Impor: the counts, every refused cell or row, and what
    changes. Nothing is written before the operator presses Impor."""

    def __init__(
        self,
        parent: QWidget | None,
        judul: str,
        ringkasan: str,
        rincian: list[str],
        bisa_diimpor: bool,
        apply: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self._apply = apply
        self.ringkasan = QLabel(ringkasan, self)
        self.ringkasan.setWordWrap(True)
        self.rincian = QPlainTextEdit(self)
        self.rincian.setReadOnly(True)
        self.rincian.setPlainText("\n".join(rincian))
        self.rincian.setVisible(bool(rincian))
        self.keterangan = QLabel(
            "Belum ada yang disimpan."
            if bisa_diimpor
            else "Tidak ada yang dapat diimpor dari berkas ini; tidak ada yang disimpan.",
            self,
        )
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names
        self.keterangan.setWordWrap(True)
        tombol = QDialogButtonBox(self)
        self.btn_impor = tombol.addButton("&Impor", QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_impor.setEnabled(bisa_diimpor)
        self.btn_impor.clicked.connect(self.apply_import)
        self.btn_tutup = tombol.addButton("&Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_tutup.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ringkasan)
        layout.addWidget(self.rincian, 1)
        layout.addWidget(self.keterangan)
        layout.addWidget(tombol)
        self.resize(760, 460 if rincian else 180)

    def apply_import(self) -> None:
        """Write what was checked; the result (or the refusal) is said in the dialog."""
        self.btn_impor.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            said = run_once(self, self._apply, self.keterangan.setText)
        finally:
            QApplication.restoreOverrideCursor()
        if said is not None:
            self.keterangan.setText(said)


def _sesudah_impor(
    hasil: "Hasil[NilaiTertulis]", on_changes: Callable[[Perubahan], None] | None
) -> str:
    if hasil.data.batch_id is None:
        return "Semua nilai sudah sama dengan yang tersimpan; tidak ada yang diubah."
    if on_changes is not None:
        on_changes(hasil.perubahan)
    return (
        f"Tersimpan: {hasil.perubahan.pesan} Impor ini dapat dibatalkan seluruhnya di "
        "menu Data › Riwayat Impor."
    )


def pratinjau_csv(window: Any, path: Path) -> PratinjauDialog:
    """Check a values CSV and show what importing it would do (nothing written yet)."""
    from kinerja_desktop.db.ops_nilai import plan_values
    from kinerja_desktop.exchange.nilai_csv import apply_csv, read_csv

    isi = read_csv(path)
    rencana = plan_values(isi.nilai)
    rencana.ditolak = isi.ditolak + rencana.ditolak
    rencana.ditolak.sort(key=lambda p: p.lokasi.baris or 0)
    rincian = [p.kalimat for p in rencana.ditolak[:BATAS_TAMPIL]]
    if len(rencana.ditolak) > BATAS_TAMPIL:
        rincian.append(f"… dan {len(rencana.ditolak) - BATAS_TAMPIL} baris lain.")
    if rencana.ditolak:
        rincian.append(
            "Berkas diimpor semua atau tidak sama sekali: perbaiki baris yang ditolak lalu "
            "impor lagi."
        )
    ringkasan = f"{path.name}: {rencana.ringkasan()}."

    def apply() -> str:
        return _sesudah_impor(apply_csv(isi, rencana), window.apply_changes)

    return PratinjauDialog(
        window,
        "Impor Target dan Realisasi (CSV)",
        ringkasan,
        rincian,
        not rencana.ditolak and bool(rencana.values_to_write),
        apply,
    )


def pratinjau_buku_target(window: Any, path: Path, tahun: int) -> PratinjauDialog:
    """Check a targets workbook and show what importing it would do (nothing written yet)."""
    from kinerja_desktop.exchange.buku_target import apply_buku_target, read_buku_target

    p = read_buku_target(path, tahun)
    rincian = list(p.masalah[:BATAS_TAMPIL])
    if len(p.masalah) > BATAS_TAMPIL:
        rincian.append(f"… dan {len(p.masalah) - BATAS_TAMPIL} sel lain.")

    def apply() -> str:
        return _sesudah_impor(apply_buku_target(p), window.apply_changes)

    return PratinjauDialog(
        window,
        f"Impor Buku Kerja Target {tahun}",
        p.ringkasan(),
        rincian,
        not p.ditolak and p.has_changes,
        apply,
    )


def pratinjau_monev(window: Any, path: Path) -> PratinjauDialog:
    """Check a monev CSV (budget realised, kendala) and show what importing it would do."""
    from kinerja_desktop.exchange.monev_csv import apply_monev, read_monev_csv

    isi = read_monev_csv(path)
    rincian = [p.kalimat for p in isi.ditolak[:BATAS_TAMPIL]]
    if len(isi.ditolak) > BATAS_TAMPIL:
        rincian.append(f"… dan {len(isi.ditolak) - BATAS_TAMPIL} baris lain.")
    if isi.ditolak:
        rincian.append(
            "Berkas diimpor semua atau tidak sama sekali: perbaiki baris yang ditolak lalu "
            "impor lagi."
        )

    def apply() -> str:
        hasil = apply_monev(isi)
        if hasil.data is None:
            return "Semua isian sudah sama dengan yang tersimpan; tidak ada yang diubah."
        window.apply_changes(hasil.perubahan)
        return (
            f"Tersimpan: {hasil.perubahan.pesan} Impor ini dapat dibatalkan seluruhnya di "
            "menu Data › Riwayat Impor."
        )

    return PratinjauDialog(
        window,
        "Impor Realisasi Anggaran dan Kendala (CSV)",
        f"{path.name}: {isi.ringkasan()}.",
        rincian,
        not isi.ditolak and bool(isi.baru or isi.diubah),
        apply,
    )


def _choose_file(window: Any, judul: str, saring: str) -> Path | None:
    nama, _ = QFileDialog.getOpenFileName(window, judul, _folder_awal(), saring)
    if not nama:
        return None
    _remember_folder(Path(nama).parent)
    return Path(nama)


def _save_to(window: Any, judul: str, nama: str, saring: str) -> Path | None:
    awal = str(Path(_folder_awal() or Path.home()) / nama)
    pilihan, _ = QFileDialog.getSaveFileName(window, judul, awal, saring)
    if not pilihan:
        return None
    _remember_folder(Path(pilihan).parent)
    return Path(pilihan)


def kabar_tertulis(window: Any, judul: str, teks: str, path: Path) -> None:
    """Say what was written, with a button that opens the folder."""
    box = kotak_pesan(window, QMessageBox.Icon.Information, judul, teks)
    buka = box.addButton("Buka &Folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Tutup", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is buka:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _run(window: Any, judul: str, kerja: Callable[[], T]) -> T | None:
    """``kerja()``'s result; a refusal or an environment failure is shown titled ``judul``
    (None then), a bug by the bug dialog."""
    return run_once(window, kerja, lambda pesan: peringatan(window, judul, pesan))


def _preview(window: Any, judul: str, build: Callable[[], PratinjauDialog]) -> None:
    """Check a file (``build``) and show what importing it would do."""
    dialog = _run(window, judul, build)
    if dialog is not None:
        dialog.exec()


def create_actions(window: Any) -> list[QAction]:
    """The Data menu's actions for values in and out, and the import history."""

    def tahun() -> int | None:
        if window.tahun is None:
            informasi(window, "Belum ada tahun", "Pilih dulu tahun di kotak Tahun.")
        return window.tahun

    def riwayat() -> None:
        from kinerja_desktop.ui.riwayat_impor import RiwayatImporDialog

        dialog = build_dialog(
            window,
            lambda: RiwayatImporDialog(window, window.apply_changes),
            "Riwayat Impor tidak dapat dibuka",
        )
        if dialog is not None:
            dialog.exec()

    def import_csv() -> None:
        path = _choose_file(window, "Pilih berkas CSV nilai", "Berkas CSV (*.csv *.txt);;Semua (*)")
        if path is not None:
            _preview(window, "Impor CSV", lambda: pratinjau_csv(window, path))

    def export_csv() -> None:
        from kinerja_desktop.exchange.nilai_csv import write_csv

        t = tahun()
        if t is None:
            return
        path = _save_to(window, "Ekspor target dan realisasi", f"nilai-{t}.csv", "CSV (*.csv)")
        if path is None:
            return

        jumlah = _run(window, "Ekspor CSV", lambda: write_csv(t, path))
        if jumlah is not None:
            kabar_tertulis(
                window, "Ekspor CSV", f"{jumlah} nilai tahun {t} ditulis ke {path}.", path
            )

    def make_target_workbook() -> None:
        from kinerja_desktop.exchange.buku_target import nama_berkas_target, write_buku_target

        t = tahun()
        if t is None:
            return
        path = _save_to(
            window, "Simpan buku kerja target", nama_berkas_target(t), "Buku kerja Excel (*.xlsx)"
        )
        if path is None:
            return

        jumlah = _run(window, "Buku kerja target", lambda: write_buku_target(t, path))
        if jumlah is not None:
            kabar_tertulis(
                window,
                "Buku kerja target",
                f"Buku kerja target tahun {t} ({jumlah} indikator) ditulis ke {path}. Isi sel "
                "kuningnya, lalu impor lewat menu Data › Impor Buku Kerja Target.",
                path,
            )

    def import_target_workbook() -> None:
        t = tahun()
        if t is None:
            return
        path = _choose_file(
            window, "Pilih buku kerja target", "Buku kerja Excel (*.xlsx);;Semua (*)"
        )
        if path is not None:
            _preview(
                window, "Impor buku kerja target", lambda: pratinjau_buku_target(window, path, t)
            )

    def import_monev() -> None:
        path = _choose_file(window, "Pilih berkas CSV monev", "Berkas CSV (*.csv *.txt);;Semua (*)")
        if path is not None:
            _preview(window, "Impor CSV Monev", lambda: pratinjau_monev(window, path))

    def export_monev() -> None:
        from kinerja_desktop.exchange.monev_csv import write_monev_csv

        t = tahun()
        if t is None:
            return
        path = _save_to(
            window, "Ekspor realisasi anggaran dan kendala", f"monev-{t}.csv", "CSV (*.csv)"
        )
        if path is None:
            return

        jumlah = _run(window, "Ekspor CSV Monev", lambda: write_monev_csv(t, path))
        if jumlah is not None:
            kabar_tertulis(
                window,
                "Ekspor CSV Monev",
                f"{jumlah} baris monev tahun {t} ditulis ke {path}. Isi kolom nilai yang "
                "kosong, lalu impor lewat menu Data › Impor CSV Monev.",
                path,
            )

    daftar = (
        (
            "Buat B&uku Kerja Target…",
            "Buku kerja Excel untuk target tahun ini",
            make_target_workbook,
        ),
        (
            "I&mpor Buku Kerja Target…",
            "Memeriksa lalu mengimpor buku kerja target",
            import_target_workbook,
        ),
        ("Impor &CSV Nilai…", "Memeriksa lalu mengimpor target dan realisasi dari CSV", import_csv),
        ("Ekspor CSV &Nilai…", "Menulis semua target dan realisasi tahun ini ke CSV", export_csv),
        (
            "Impor CSV Mone&v…",
            "Memeriksa lalu mengimpor realisasi anggaran dan kendala dari CSV",
            import_monev,
        ),
        (
            "Ekspor CSV M&onev…",
            "Menulis realisasi anggaran dan kendala tahun ini ke CSV",
            export_monev,
        ),
        ("Ri&wayat Impor…", "Berkas yang sudah diimpor; membatalkan satu impor", riwayat),
    )
    hasil = []
    for teks, tip, slot in daftar:
        action = QAction(teks, window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda *_, s=slot: s())
        hasil.append(action)
    return hasil
