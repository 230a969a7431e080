"""The desa import window: choose files or a whole folder, see the check of each, confirm.

Nothing is written until the operator presses "Impor". Checking and importing run on the
:class:`TaskRunner` thread with a progress bar; each file is applied in its own transaction by
:mod:`kinerja_desktop.exchange.desa_import`, and a refused file never stops the others.
"""

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.ui.bantuan import Bagian, tombol_bantuan
from kinerja_desktop.ui.operations import show_bug
from kinerja_desktop.ui.pesan import informasi, peringatan
from kinerja_desktop.ui.tasks import TaskRunner, TaskState

if TYPE_CHECKING:  # imported when an import runs: it costs start-up time
    from kinerja_desktop.db.changes import Hasil
    from kinerja_desktop.exchange.desa_import import ImporDesa

KOLOM = ("Berkas", "Desa/kelurahan", "Periode", "Baru", "Diubah", "Sama", "Belum diisi", "Keadaan")
KOLOM_ANGKA = (3, 4, 5, 6)
MERAH, HIJAU, ABU = QColor("#f4b6b0"), QColor("#d4ecc4"), QColor("#eeeeee")


class Dibatalkan(KinerjaError):
    """The operator stopped the check."""


def _rincian(p: Any) -> str:
    """The text shown below the list for one file."""
    baris = [p.ringkasan(), ""]
    if p.masalah:
        baris.append("Sel yang harus diperbaiki oleh desa:")
        baris += [f"  • {m.kalimat}" for m in p.masalah]
    if not p.ditolak:
        if p.baru:
            baris.append(f"Nilai baru ({len(p.baru)}):")
            baris += [f"  {x.kalimat()}" for x in p.baru]
        if p.diubah:
            baris.append(f"Nilai diubah ({len(p.diubah)}):")
            baris += [f"  {x.kalimat()}" for x in p.diubah]
        if p.dilewati:
            baris.append("Tidak diimpor karena periodenya sudah disetujui dan dikunci:")
            baris += [f"  • {x}" for x in p.dilewati]
    return "\n".join(baris)


def _singkat(alasan: str) -> str:
    """The first clause of a reason, for the list (the whole of it is on hover and below)."""
    return alasan.split(";")[0].split(". ")[0].rstrip(".")


def keadaan_berkas(p: Any, diimpor: bool) -> str:
    """The state of a file in the list, with the reason when it is refused: the operator
    sees why without clicking each row."""
    if p.penolakan is not None:
        return f"Ditolak: {_singkat(p.penolakan)}"
    if p.masalah:
        m = p.masalah[0]
        lain = f" (dan {len(p.masalah) - 1} sel lain)" if len(p.masalah) > 1 else ""
        return f"Ditolak: sel {m.sel} {_singkat(m.alasan)}{lain}"
    if diimpor:
        return "Diimpor" if p.has_changes else "Tidak berubah"
    if not p.has_changes:
        if p.sudah_diimpor_pada:
            return f"Sudah diimpor pada {p.sudah_diimpor_pada}; tidak ada perubahan"
        return "Tidak ada perubahan: semua nilai sudah sama"
    return "Siap diimpor"


class _Baris(QTreeWidgetItem):
    """A file's row: the count columns sort by number."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        kolom = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if kolom in KOLOM_ANGKA:
            return int(self.text(kolom) or -1) < int(other.text(kolom) or -1)
        return self.text(kolom) < other.text(kolom)


class ImportDesaDialog(QDialog):
    """Choose, check and import desa workbooks."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        on_changes: Callable[[Perubahan], None] | None = None,
        tahun: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Impor Isian Desa {tahun}" if tahun else "Impor Isian Desa")
        self.runner = runner
        self.tahun = tahun  # a workbook for another year is refused, not imported unnoticed
        self.on_changes = on_changes
        self.berkas: list[Path] = []
        self.pratinjau: list[Any] = []
        self.state: TaskState | None = None
        self.sudah_diimpor = False

        pengantar = QLabel(
            "Pilih buku kerja isian desa (.xlsx) atau satu folder, misalnya flashdisk. Setiap "
            "berkas diperiksa lebih dulu; tidak ada yang disimpan sebelum Anda menekan Impor."
            + (f" Hanya isian tahun {tahun} yang diterima." if tahun else ""),
            self,
        )
        pengantar.setWordWrap(True)
        self.btn_berkas = QPushButton("Pilih &Berkas…", self)
        self.btn_folder = QPushButton("Pilih &Folder…", self)
        self.btn_berkas.clicked.connect(self.choose_files)
        self.btn_folder.clicked.connect(self.choose_folder)
        pilih = QHBoxLayout()
        pilih.addWidget(self.btn_berkas)
        pilih.addWidget(self.btn_folder)
        pilih.addStretch(1)

        self.daftar = QTreeWidget(self)
        self.daftar.setHeaderLabels(list(KOLOM))
        self.daftar.setRootIsDecorated(False)
        self.daftar.setAlternatingRowColors(True)
        self.daftar.header().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.daftar.setSortingEnabled(True)
        self.daftar.setWordWrap(True)
        self.daftar.setUniformRowHeights(False)
        self.daftar.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.daftar.header().setStretchLastSection(True)
        self.daftar.currentItemChanged.connect(lambda *_: self._show_details())
        self.rincian = QPlainTextEdit(self)
        self.rincian.setReadOnly(True)
        self.rincian.setPlaceholderText("Pilih satu berkas di atas untuk melihat rinciannya.")
        belah = QSplitter(Qt.Orientation.Vertical, self)
        belah.addWidget(self.daftar)
        belah.addWidget(self.rincian)
        belah.setSizes([260, 200])

        self.kemajuan = QProgressBar(self)
        self.kemajuan.setVisible(False)
        self.keterangan = QLabel("", self)
        self.keterangan.setTextFormat(Qt.TextFormat.PlainText)  # it shows file and desa names
        self.keterangan.setWordWrap(True)
        self.tombol = QDialogButtonBox(self)
        self.btn_impor = self.tombol.addButton("&Impor", QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_henti = self.tombol.addButton("&Hentikan", QDialogButtonBox.ButtonRole.ActionRole)
        self.btn_tutup = self.tombol.addButton("&Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        self.tombol.addButton(
            tombol_bantuan(self, Bagian.IMPOR_DESA), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.btn_impor.setEnabled(False)
        self.btn_henti.setVisible(False)
        self.btn_impor.clicked.connect(self.import_files)
        self.btn_henti.clicked.connect(self._stop)
        self.btn_tutup.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(pengantar)
        layout.addLayout(pilih)
        layout.addWidget(belah, 1)
        layout.addWidget(self.kemajuan)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.tombol)
        self.resize(900, 600)

    # --- choosing --------------------------------------------------------------------------

    def _folder_awal(self) -> str:
        from kinerja_desktop import settings

        try:
            return settings.get("folder_terakhir")
        except KinerjaError:
            return ""

    def _remember_folder(self, folder: Path) -> None:
        from kinerja_desktop import settings

        with contextlib.suppress(KinerjaError):  # remembering the folder is a convenience
            settings.set_value("folder_terakhir", str(folder))

    def choose_files(self) -> None:
        """Ask for one or more .xlsx files, then check them."""
        nama, _ = QFileDialog.getOpenFileNames(
            self, "Pilih isian desa", self._folder_awal(), "Buku kerja Excel (*.xlsx);;Semua (*)"
        )
        if nama:
            self._remember_folder(Path(nama[0]).parent)
            self.check_files([Path(n) for n in nama])

    def choose_folder(self) -> None:
        """Ask for a folder (a USB stick) and check every .xlsx in it."""
        folder = QFileDialog.getExistingDirectory(
            self, "Pilih folder isian desa", self._folder_awal()
        )
        if not folder:
            return
        from kinerja_desktop.exchange.desa_import import berkas_di_folder

        self._remember_folder(Path(folder))
        berkas = berkas_di_folder(Path(folder))
        if not berkas:
            informasi(self, "Tidak ada isian", f"Folder {folder} tidak berisi berkas .xlsx.")
            return
        self.check_files(berkas)

    # --- checking and importing ------------------------------------------------------------

    def _set_busy(self, sibuk: bool) -> None:
        for w in (self.btn_berkas, self.btn_folder, self.btn_tutup):
            w.setEnabled(not sibuk)
        berubah = any(p.has_changes and not p.ditolak for p in self.pratinjau)
        self.btn_impor.setEnabled(not sibuk and berubah and not self.sudah_diimpor)
        self.btn_henti.setVisible(sibuk)
        self.kemajuan.setVisible(sibuk)

    def _count_importable(self) -> int:
        return sum(1 for p in self.pratinjau if not p.ditolak)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.kemajuan.setMaximum(max(total, 1))
        self.kemajuan.setValue(done)
        self.keterangan.setText(label)

    def _stop(self) -> None:
        if self.state is not None:
            self.state.cancel()

    def check_files(self, berkas: list[Path]) -> TaskState:
        """Check ``berkas`` on the worker thread (a dry run) and list the outcome."""
        from kinerja_desktop.exchange.desa_import import import_berkas_desa

        self.berkas, self.pratinjau, self.sudah_diimpor = list(berkas), [], False
        tahun = self.tahun
        self.daftar.clear()
        self.rincian.clear()
        self._set_busy(True)

        def job(state: TaskState) -> object:
            def kemajuan(done: int, total: int, label: str) -> None:
                if state.cancelled:
                    raise Dibatalkan("Pemeriksaan dihentikan; tidak ada yang disimpan.")
                state.progress(done, total, label)

            return import_berkas_desa(berkas, coba=True, tahun=tahun, kemajuan=kemajuan)[0]

        def done(pratinjau: object) -> None:
            self.pratinjau = list(pratinjau)  # type: ignore[call-overload]
            self._fill_list()
            self._set_busy(False)
            n, ditolak = len(self.pratinjau), len(self.pratinjau) - self._count_importable()
            self.keterangan.setText(
                f"{n} berkas diperiksa: {n - ditolak} dapat diimpor, {ditolak} ditolak. "
                "Belum ada yang disimpan."
            )

        self.state = self.runner.run(job, done, self._refused, self._progress, self._crash)
        return self.state

    def import_files(self) -> TaskState | None:
        """Import exactly what the check showed for every file that passed it, each in its own
        transaction; a file changed on the stick since the check is refused, not re-read."""
        from kinerja_desktop.exchange.desa_import import apply_previews

        pratinjau = list(self.pratinjau)
        if not any(not p.ditolak for p in pratinjau):
            return None
        self._set_busy(True)
        self.btn_henti.setVisible(False)

        def job(state: TaskState) -> object:
            return apply_previews(pratinjau, kemajuan=state.progress)

        def done(hasil: "Hasil[ImporDesa]") -> None:
            baru = {p.path: p for p in hasil.data.pratinjau}
            self.pratinjau = [baru.get(p.path, p) for p in self.pratinjau]
            self.sudah_diimpor = True
            self._fill_list(hasil.data.berkas)
            self._set_busy(False)
            self.keterangan.setText(hasil.perubahan.pesan)
            if self.on_changes is not None and any(
                h.data.pratinjau.has_changes for h in hasil.data.berkas
            ):
                self.on_changes(hasil.perubahan)

        self.state = self.runner.run(job, done, self._refused, self._progress, self._crash)
        return self.state

    def _refused(self, exc: KinerjaError) -> None:
        self._set_busy(False)
        self.keterangan.setText(exc.pesan)
        if not isinstance(exc, Dibatalkan):
            peringatan(self, "Impor tidak dijalankan", exc.pesan)

    def _crash(self, detail: str) -> None:
        self._set_busy(False)
        show_bug(self, detail)

    # --- showing ---------------------------------------------------------------------------

    def _fill_list(self, terap: list[Any] | None = None) -> None:
        from kinerja_desktop.domain.periode import parse_periode

        diimpor = {h.data.pratinjau.path for h in terap or []}
        self.daftar.setSortingEnabled(False)
        self.daftar.clear()
        for i, p in enumerate(self.pratinjau):
            keadaan = keadaan_berkas(p, p.path in diimpor)
            if p.ditolak:
                warna = MERAH
            elif p.has_changes:
                warna = HIJAU
            else:
                warna = ABU
            periode = parse_periode(p.periode).label if p.periode else ""
            isi = [
                p.nama,
                p.nama_desa,
                periode,
                "" if p.ditolak else str(len(p.baru)),
                "" if p.ditolak else str(len(p.diubah)),
                "" if p.ditolak else str(p.sama),
                "" if p.ditolak else str(p.belum_diisi),
                keadaan,
            ]
            item = _Baris(isi)
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setBackground(len(KOLOM) - 1, QBrush(warna))
            item.setToolTip(0, str(p.path))
            item.setToolTip(len(KOLOM) - 1, p.ringkasan() if p.ditolak else keadaan)
            for c in KOLOM_ANGKA:
                item.setTextAlignment(
                    c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.daftar.addTopLevelItem(item)
        for c in range(len(KOLOM) - 1):
            self.daftar.resizeColumnToContents(c)
        # a long file name keeps a sensible width; its whole path is on hover
        self.daftar.setColumnWidth(0, min(self.daftar.columnWidth(0), 200))
        self.daftar.setSortingEnabled(True)
        if (pertama := self.daftar.topLevelItem(0)) is not None:
            self.daftar.setCurrentItem(pertama)

    def _show_details(self) -> None:
        item = self.daftar.currentItem()
        if item is None:
            self.rincian.clear()
            return
        i = item.data(0, Qt.ItemDataRole.UserRole)
        self.rincian.setPlainText(_rincian(self.pratinjau[i]))


def create_actions(window: Any) -> list[QAction]:
    """The Data menu's desa actions: import, templates and completeness."""
    from kinerja_desktop.ui.desa_dialogs import show_kelengkapan, show_templat

    impor = QAction("&Impor Isian Desa…", window)
    impor.setStatusTip("Memeriksa lalu mengimpor buku kerja isian dari desa/kelurahan")

    def open_import() -> None:
        dialog = ImportDesaDialog(window, window.tasks, window.apply_changes, window.tahun)
        dialog.exec()

    impor.triggered.connect(open_import)
    templat = QAction("&Buat Templat Desa…", window)
    templat.setStatusTip("Membuat satu buku kerja isian per desa/kelurahan")
    templat.triggered.connect(lambda: show_templat(window))
    lengkap = QAction("&Kelengkapan Data Desa…", window)
    lengkap.setStatusTip("Desa mana yang sudah, sebagian atau belum mengirim data")
    lengkap.triggered.connect(lambda: show_kelengkapan(window))
    return [templat, impor, lengkap]
