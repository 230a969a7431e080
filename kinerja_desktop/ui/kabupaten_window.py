"""The window of a kabupaten workspace: its kecamatan on the left instead of the jabatan tree,
and on the right what they sent, read-only: the summary of a period, the matrix kecamatan ×
period of what arrived in the year, the selected kecamatan's capaian and IKI as sent, and the
receipt log. Packages come in through :class:`TerimaDialog` (files or a whole stick). Its
Berkas menu backs the workspace up to a folder and restores a backup, with the main window's
own items (:func:`~kinerja_desktop.ui.backup_dialogs.backup_restore_actions`).

Every read (the workspace itself when the window opens, then a year, period or kecamatan chosen,
packages received) runs through :func:`~kinerja_desktop.ui.operations.run_once`: a locked or
damaged database is said in a red line above the views, which are emptied rather than left
showing another period; choosing again reads again, the opening reads included.

Long because one read-only window with four views of what the kecamatan sent; the receive dialog
is its own class in ui/kabupaten_inbox.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME
from kinerja_desktop.db.backup import mark_workspace
from kinerja_desktop.db.changes import Perubahan
from kinerja_desktop.db.kabupaten import (
    InfoKabupaten,
    Rekap,
    RekapKecamatan,
    iki_diterima,
    kiriman_setahun,
    receipts,
    rekap,
    require_workspace,
    tahun_paket,
)
from kinerja_desktop.db.location import DatabaseLocation, parse_location
from kinerja_desktop.db.queries_nilai import penilaian
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.periode import Periode, parse_periode, pilihan_periode
from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu
from kinerja_desktop.domain.urut import kunci_teks
from kinerja_desktop.domain.value_text import format_angka, format_capaian
from kinerja_desktop.ui.operations import run_once
from kinerja_desktop.ui.sel_urut import SelUrut
from kinerja_desktop.ui.tasks import TaskRunner

TEPAT = "#c8e6c9"  # on time
TERLAMBAT = "#ffe0b2"  # late
BELUM = "belum ada data"
GAGAL = "#b71c1c"  # the line saying why the views are empty


def _item(
    teks: str, warna: str | None = None, tengah: bool = False, kunci: Any = None
) -> QTableWidgetItem:
    # kunci: what a click on the column's header sorts by (domain.urut); None: the text
    item = SelUrut(teks, kunci_teks(teks) if kunci is None else kunci)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if warna:
        item.setBackground(QBrush(QColor(warna)))
    if tengah:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _table(kolom: list[str], urut: bool = False) -> QTableWidget:
    """A read-only table; ``urut``: sorted by a click on a header (the IKI ones keep the
    decree's order)."""
    table = QTableWidget(0, len(kolom))
    if urut:
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    table.setHorizontalHeaderLabels(kolom)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


class KabupatenWindow(QMainWindow):
    """The kabupaten workspace: read-only views of what the kecamatan sent."""

    def __init__(self, db_path: DatabaseLocation | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = parse_location(db_path)  # a file, or a database on a server
        if isinstance(self.db_path, Path):
            mark_workspace(self.db_path)  # its damage hint adds a workspace's ways out
        self.tasks = TaskRunner(self)  # Cadangkan ke… runs there; a restore waits for it
        # what the opening reads (in refresh, through the runner); until then, nothing known
        self.info = InfoKabupaten("", "", "", ())
        self.nilai = Penilaian()
        self._dibuka = False
        self.setWindowTitle(f"{APP_NAME} — Ruang Kerja Kabupaten")
        self.resize(1200, 760)

        self.kecamatan = QListWidget()
        self.kecamatan.setMinimumWidth(220)
        self.kecamatan.currentRowChanged.connect(lambda _row: self._show_kecamatan())
        self.tabs = QTabWidget()
        self.galat = QLabel()
        self.galat.setWordWrap(True)
        self.galat.setTextFormat(Qt.TextFormat.PlainText)  # it names the database file
        self.galat.setStyleSheet(f"color: {GAGAL}; font-weight: bold;")
        self.galat.hide()
        self.ringkasan_label = QLabel()
        self.ringkasan_label.setWordWrap(True)
        self.ringkasan = _table(
            ["Kecamatan", "Paket ditulis", "Indikator ada data", "Capaian rata-rata (%)",
             "Kategori"], urut=True,
        )  # fmt: skip
        halaman = QWidget()
        layout = QVBoxLayout(halaman)
        layout.addWidget(self.ringkasan_label)
        layout.addWidget(self.ringkasan, 1)
        self.tabs.addTab(halaman, "Ringkasan")
        self.kiriman = _table([])
        self.tabs.addTab(self.kiriman, "Kiriman Setahun")
        self.capaian_label = QLabel()
        self.capaian_label.setWordWrap(True)
        self.capaian = _table(
            ["Jabatan", "Indikator", "Target", "Realisasi", "Capaian (%)", "Kategori"]
        )
        halaman = QWidget()
        layout = QVBoxLayout(halaman)
        layout.addWidget(self.capaian_label)
        layout.addWidget(self.capaian, 1)
        self.tabs.addTab(halaman, "Capaian Kecamatan")
        self.iki_tree = QTreeWidget()
        self.iki_tree.setHeaderLabels(["Jabatan"])
        self.iki_tree.currentItemChanged.connect(lambda *_: self._show_jabatan())
        self.iki_text = QTextBrowser()
        split = QSplitter()
        split.addWidget(self.iki_tree)
        split.addWidget(self.iki_text)
        split.setSizes([260, 640])
        self.tabs.addTab(split, "IKI Kecamatan")
        self.penerimaan = _table(
            ["Diterima", "Kecamatan", "Periode", "Berkas", "Ditulis", "Keadaan", "SHA-256"],
            urut=True,
        )
        self.tabs.addTab(self.penerimaan, "Penerimaan")

        kanan = QWidget()
        layout = QVBoxLayout(kanan)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.galat)
        layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.kecamatan)
        splitter.addWidget(kanan)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)
        self._iki: dict[str, Any] | None = None
        self.rekap: Rekap | None = None  # None while the database cannot be read
        self._build_menu()
        self._build_toolbar()
        self.refresh()

    def _build_menu(self) -> None:
        from kinerja_desktop.ui.backup_dialogs import backup_restore_actions

        self.menu_berkas = self.menuBar().addMenu("&Berkas")
        self.menu_berkas.addActions(backup_restore_actions(self, self.show_restored))
        self.menu_berkas.addSeparator()
        keluar = QAction("&Keluar", self)
        keluar.setShortcut(QKeySequence("Ctrl+Q"))
        keluar.setStatusTip("Menutup aplikasi")
        keluar.triggered.connect(self.close)
        self.menu_berkas.addAction(keluar)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Let a running backup finish before closing."""
        self.tasks.wait()
        super().closeEvent(event)

    # -- toolbar -------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Alat", self)
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addWidget(QLabel(" Tahun: "))
        self.tahun_combo = QComboBox()
        self._fill_tahun([])
        bar.addWidget(self.tahun_combo)
        bar.addWidget(QLabel("  Periode: "))
        self.periode_combo = QComboBox()
        bar.addWidget(self.periode_combo)
        self._fill_periode()
        self.tahun_combo.currentIndexChanged.connect(lambda _i: self._tahun_changed())
        self.periode_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addSeparator()
        terima = QAction("&Terima Paket…", self)
        terima.setShortcut(QKeySequence("Ctrl+O"))
        terima.setToolTip("Memeriksa lalu menerima paket kiriman kecamatan (Ctrl+O)")
        terima.triggered.connect(self.open_inbox)
        bar.addAction(terima)
        laporan = QAction("&Laporan Kabupaten…", self)
        laporan.setShortcut(QKeySequence("Ctrl+P"))
        laporan.triggered.connect(self.open_report)
        bar.addAction(laporan)
        self.terima_action = terima

    def _fill_tahun(self, tahun: list[int]) -> None:
        """The years packages arrived for (this year when none), the newest chosen."""
        from datetime import date

        tahun = tahun or [date.today().year]
        self.tahun_combo.blockSignals(True)
        self.tahun_combo.clear()
        for t in tahun:
            self.tahun_combo.addItem(str(t), t)
        self.tahun_combo.setCurrentIndex(len(tahun) - 1)
        self.tahun_combo.blockSignals(False)

    def _open_workspace(self) -> bool:
        """Read what the window needs first (the kabupaten, its kecamatan, rating bands,
        years); False, with the red line saying why, when the workspace cannot be read."""
        dibaca = run_once(
            self, lambda: (require_workspace(), penilaian(), tahun_paket()), self.show_failure
        )
        if dibaca is None:
            return False
        self.info, self.nilai, tahun = dibaca
        self.setWindowTitle(f"{APP_NAME} — Ruang Kerja {self.info.nama}")
        self._dibuka = True
        self._fill_tahun(tahun)
        self._fill_periode()
        return True

    def _fill_periode(self) -> None:
        tahun = int(self.tahun_combo.currentData())
        # unreadable: the periods without their ticks, and the red line says why
        dikirim = (
            run_once(self, lambda: kiriman_setahun(tahun), self.show_failure) or {}
            if self._dibuka  # before the workspace could be read: the periods, no ticks
            else {}
        )
        dengan_paket = {p for per in dikirim.values() for p in per}
        self.periode_combo.blockSignals(True)
        self.periode_combo.clear()
        pilih = 0
        for i, p in enumerate(pilihan_periode(tahun)):
            tanda = " ✓" if p.id in dengan_paket else ""
            self.periode_combo.addItem(p.label + tanda, p.id)
            if p.id in dengan_paket and not pilih:
                pilih = i
        self.periode_combo.setCurrentIndex(pilih)
        self.periode_combo.blockSignals(False)

    def _tahun_changed(self) -> None:
        self._fill_periode()
        self.refresh()

    @property
    def periode(self) -> Periode:
        """The period chosen in the toolbar."""
        from kinerja_desktop.domain.periode import parse_periode

        return parse_periode(str(self.periode_combo.currentData()))

    # -- views ---------------------------------------------------------------------------------

    def show_failure(self, pesan: str) -> None:
        """Say why the workspace cannot be read now, and show no figures of another period."""
        self.galat.setText(f"{pesan} Tampilan dikosongkan; pilih lagi tahun atau periode "
                           "untuk membaca ulang.")  # fmt: skip
        self.galat.show()
        self.rekap = None
        baris = self.kecamatan.currentRow()
        self.kecamatan.blockSignals(True)
        self.kecamatan.clear()  # their ✓ were another period's
        self.kecamatan.addItems([f"    {nama}" for _, nama in self.info.kecamatan])
        self.kecamatan.setCurrentRow(baris)
        self.kecamatan.blockSignals(False)
        for table in (self.ringkasan, self.capaian, self.penerimaan):
            table.setRowCount(0)
        self.kiriman.clear()
        self.kiriman.setRowCount(0)
        self.ringkasan_label.clear()
        self.capaian_label.clear()
        self.iki_tree.clear()
        self.iki_text.clear()
        self._iki = None

    def refresh(self) -> None:
        """Read the workspace again and redraw every view (after a package was received)."""
        if not self._dibuka and not self._open_workspace():
            return
        tahun, periode = int(self.tahun_combo.currentData()), self.periode
        dibaca = run_once(
            self,
            lambda: (rekap(tahun, periode), kiriman_setahun(tahun), receipts()),
            self.show_failure,
        )
        if dibaca is None:
            return
        self.rekap, kiriman, penerimaan = dibaca
        self.galat.hide()
        baris = self.kecamatan.currentRow()
        self.kecamatan.blockSignals(True)
        self.kecamatan.clear()
        for k in self.rekap.kecamatan:
            tanda = "✓" if k.sha256 else "–"
            item = QListWidgetItem(f"{tanda}  {k.nama}")
            item.setToolTip(
                f"Kecamatan {k.nama} ({k.kode}): "
                + (f"paket ditulis {format_waktu(k.waktu_tulis)}" if k.waktu_tulis
                   else f"belum ada paket {self.periode.label}")
            )  # fmt: skip
            self.kecamatan.addItem(item)
        self.kecamatan.blockSignals(False)
        self.kecamatan.setCurrentRow(max(baris, 0))
        self._show_ringkasan(self.rekap)
        self._show_kiriman(tahun, kiriman)
        self._show_penerimaan(penerimaan)
        self._show_kecamatan()

    def _show_ringkasan(self, r: Rekap) -> None:
        self.ringkasan_label.setText(
            f"<b>{r.diterima} dari {len(r.kecamatan)} kecamatan</b> mengirim paket "
            f"{r.periode.label}. Tepat waktu bila ditulis paling lambat "
            f"{format_tanggal(r.tenggat)}. Angka setiap kecamatan persis seperti dihitung "
            "kecamatan itu."
        )
        self.ringkasan.setSortingEnabled(False)  # rows stay put while they are filled
        self.ringkasan.setRowCount(len(r.kecamatan))
        for i, k in enumerate(r.kecamatan):
            rata, ada, total = k.capaian_rata
            pita = self.nilai.kategori(rata)
            warna = pita.warna if pita else None
            if k.waktu_tulis is None:
                ditulis, warna_kirim = "belum ada paket", None
            else:
                tepat = "tepat waktu" if k.tepat_waktu else "terlambat"
                ditulis = f"{format_waktu(k.waktu_tulis)} ({tepat})"
                warna_kirim = TEPAT if k.tepat_waktu else TERLAMBAT
            # no data sorts as the lowest capaian: last when the best come first
            nilai = -1.0 if rata is None else rata
            cells = [
                _item(f"{k.nama} ({k.kode})"),
                _item(ditulis, warna_kirim, kunci=(k.waktu_tulis is None, str(k.waktu_tulis))),
                _item(f"{ada} dari {total}" if total else "-", tengah=True, kunci=ada),
                _item(format_capaian(rata), warna, tengah=True, kunci=nilai),
                _item(pita.nama if pita else BELUM, warna, tengah=True, kunci=nilai),
            ]
            for c, item in enumerate(cells):
                self.ringkasan.setItem(i, c, item)
        self.ringkasan.setSortingEnabled(True)
        self.ringkasan.resizeColumnsToContents()

    def _show_kiriman(self, tahun: int, data: dict[str, dict[str, tuple[str, bool]]]) -> None:
        periode = pilihan_periode(tahun)
        self.kiriman.clear()
        self.kiriman.setColumnCount(len(periode))
        self.kiriman.setRowCount(len(self.info.kecamatan))
        self.kiriman.setHorizontalHeaderLabels([p.label_pendek for p in periode])
        self.kiriman.setVerticalHeaderLabels([n for _, n in self.info.kecamatan])
        self.kiriman.verticalHeader().setVisible(True)
        for i, (kode, nama) in enumerate(self.info.kecamatan):
            for j, p in enumerate(periode):
                ada = data.get(kode, {}).get(p.id)
                if ada is None:
                    item = _item("", tengah=True)
                    item.setToolTip(f"{nama}: belum ada paket {p.label}")
                else:
                    tulis, tepat = ada
                    item = _item("✓", TEPAT if tepat else TERLAMBAT, tengah=True)
                    keadaan = "tepat waktu" if tepat else "terlambat"
                    item.setToolTip(f"{nama} {p.label}: ditulis {format_waktu(tulis)} ({keadaan})")
                self.kiriman.setItem(i, j, item)
        self.kiriman.resizeColumnsToContents()
        self.kiriman.resizeRowsToContents()

    def _show_penerimaan(self, rows: list[dict[str, Any]]) -> None:
        self.penerimaan.setSortingEnabled(False)  # rows stay put while they are filled
        self.penerimaan.setRowCount(len(rows))
        for i, r in enumerate(rows):
            keadaan = "berlaku" if r["berlaku"] else f"diganti {format_waktu(r['diganti'])}"
            cells = [
                _item(format_waktu(r["waktu_terima"]), kunci=str(r["waktu_terima"])),
                _item(r["nama"]),
                _item(parse_periode(r["periode"]).label, kunci=str(r["periode"])),
                _item(r["nama_berkas"]),
                _item(format_waktu(r["waktu_tulis"]), kunci=str(r["waktu_tulis"])),
                _item(keadaan),
                _item(r["sha256"]),
            ]
            for c, item in enumerate(cells):
                self.penerimaan.setItem(i, c, item)
        self.penerimaan.setSortingEnabled(True)
        self.penerimaan.resizeColumnsToContents()

    def _selected(self) -> RekapKecamatan | None:
        row = self.kecamatan.currentRow()
        if self.rekap is None or not 0 <= row < len(self.rekap.kecamatan):
            return None
        return self.rekap.kecamatan[row]

    def _show_kecamatan(self) -> None:
        k = self._selected()
        self.capaian.setRowCount(0)
        self.iki_tree.clear()
        self.iki_text.clear()
        if k is None or self.rekap is None:
            return
        tahun, periode = self.rekap.tahun, self.periode
        # a one-element tuple: None is the answer "no IKI sent", not a failure
        dibaca = run_once(self, lambda: (iki_diterima(k.kode, tahun, periode),), self.show_failure)
        if dibaca is None:
            return
        if k.sha256 is None:
            self.capaian_label.setText(
                f"Kecamatan {k.nama} belum mengirim paket {self.periode.label}. Terima paketnya "
                "dengan tombol Terima Paket… (Ctrl+O)."
            )
        else:
            rata, ada, total = k.capaian_rata
            self.capaian_label.setText(
                f"<b>Kecamatan {k.nama}</b>, {self.periode.label}: capaian rata-rata "
                f"{format_capaian(rata)}% ({ada} dari {total} indikator ada data). Hanya dibaca: "
                "angka diubah di kecamatan, lalu dikirim ulang."
            )
        self.capaian.setRowCount(len(k.indikator))
        for i, b in enumerate(k.indikator):
            pita = self.nilai.kategori(b.capaian) if b.kategori else None
            warna = pita.warna if pita and pita.nama == b.kategori else None
            realisasi = "-" if b.realisasi is None else format_angka(b.realisasi)
            cells = [
                _item(b.nama_jabatan),
                _item(b.nama),
                _item(b.target or "-", tengah=True),
                _item(realisasi, tengah=True),
                _item(format_capaian(b.capaian), warna, tengah=True),
                _item(b.kategori or BELUM, warna, tengah=True),
            ]
            for c, item in enumerate(cells):
                self.capaian.setItem(i, c, item)
        header = self.capaian.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.capaian.setColumnWidth(0, 170)
        self.capaian.resizeRowsToContents()
        self._iki = dibaca[0]
        if self._iki is None:
            self.iki_text.setPlainText(f"Belum ada IKI dari Kecamatan {k.nama} untuk periode ini.")
            return
        items: dict[str, QTreeWidgetItem] = {}
        for j in self._iki.get("jabatan", []):
            parent = items.get(j.get("atasan") or "")
            node = QTreeWidgetItem([j.get("nama", "")])
            node.setData(0, Qt.ItemDataRole.UserRole, j.get("kode"))
            node.setToolTip(0, f"{j.get('nama', '')} ({j.get('kode', '')})")
            if parent is None:
                self.iki_tree.addTopLevelItem(node)
            else:
                parent.addChild(node)
            items[j.get("kode", "")] = node
        self.iki_tree.expandAll()
        if (pertama := self.iki_tree.topLevelItem(0)) is not None:
            self.iki_tree.setCurrentItem(pertama)

    def _show_jabatan(self) -> None:
        from html import escape

        item = self.iki_tree.currentItem()
        if item is None or self._iki is None:
            return
        kode = item.data(0, Qt.ItemDataRole.UserRole)
        j = next((j for j in self._iki.get("jabatan", []) if j.get("kode") == kode), None)
        if j is None:
            return
        html = [f"<h3>{escape(j.get('nama', ''))}</h3>"]
        for judul, isi in (("Tugas", j.get("tugas", [])), ("Fungsi", j.get("fungsi", []))):
            html.append(f"<p><b>{judul}</b></p><ol>")
            html += [f"<li>{escape(t)}</li>" for t in isi] or ["<li>-</li>"]
            html.append("</ol>")
        for s in j.get("sasaran", []):
            html.append(f"<p><b>Sasaran:</b> {escape(s.get('teks', ''))}</p><ul>")
            for ind in s.get("indikator", []):
                html.append(
                    f"<li>{escape(ind.get('nama', ''))} <i>({escape(ind.get('satuan', ''))}; "
                    f"{escape(ind.get('jenis', ''))})</i><br/>"
                    f"<small>{escape(ind.get('formula', ''))}</small></li>"
                )
            html.append("</ul>")
        self.iki_text.setHtml("".join(html))

    # -- actions -------------------------------------------------------------------------------

    def open_inbox(self) -> None:
        """Terima Paket…: choose files or a folder, see each checked, then take them in."""
        from kinerja_desktop.ui.kabupaten_inbox import TerimaDialog

        dialog = TerimaDialog(self)
        dialog.received.connect(self.apply_change)
        dialog.exec()

    def apply_change(self, perubahan: Perubahan) -> None:
        """Show what an operation changed: after packages were received, every view again
        (a year may have arrived)."""
        if not perubahan.paket:
            return
        tahun = self.tahun_combo.currentData()
        semua = run_once(self, tahun_paket, self.show_failure)
        if semua is None:
            return
        self.tahun_combo.blockSignals(True)
        self.tahun_combo.clear()
        for t in semua or [tahun]:
            self.tahun_combo.addItem(str(t), t)
        index = self.tahun_combo.findData(tahun)
        self.tahun_combo.setCurrentIndex(index if index >= 0 else self.tahun_combo.count() - 1)
        self.tahun_combo.blockSignals(False)
        periode = self.periode_combo.currentData()
        self._fill_periode()
        index = self.periode_combo.findData(periode)
        if index >= 0:
            self.periode_combo.setCurrentIndex(index)
        self.refresh()
        self.statusBar().showMessage("Paket diterima; tampilan diperbarui.", 8000)

    def show_restored(self, perubahan: Perubahan) -> None:
        """After Berkas › Pulihkan cadangan…: the whole workspace was replaced, so read it
        again from the start (its kecamatan, years and receipts may all differ)."""
        self._dibuka = False
        self.info = InfoKabupaten("", "", "", ())
        self.refresh()
        self.statusBar().showMessage(perubahan.pesan, 15000)

    def open_report(self) -> None:
        """Laporan Kabupaten…: the report of the chosen period as PDF or Excel."""
        from kinerja_desktop.ui.kabupaten_inbox import LaporanKabupatenDialog

        tahun = [int(self.tahun_combo.itemData(i)) for i in range(self.tahun_combo.count())]
        dipilih = int(self.tahun_combo.currentData())
        LaporanKabupatenDialog(self, tahun, dipilih, self.periode.id).exec()
