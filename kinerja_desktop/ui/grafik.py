"""The Beranda's pictures, drawn with QPainter: the capaian bars and the completeness grid.

QPainter rather than a chart library (docs/DESAIN.md, "Grafik"): two simple pictures do not
justify a library in the one-folder build or in the start-up. Every word, number, colour and
the order come from the core (:mod:`kinerja_desktop.reports.grafik`,
:mod:`kinerja_desktop.reports.beranda`); these widgets only lay them out. Labels are wrapped
or the widget grows (it sits in a scroll area), never cut.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kinerja_desktop.reports.grafik import GARIS_TARGET, GrafikCapaian, teks_tanda

if TYPE_CHECKING:  # the data is read off the GUI thread; only its shape is needed here
    from kinerja_desktop.reports.beranda import Kelengkapan
    from kinerja_desktop.reports.kelengkapan import SelKelengkapan

WARNA_TEKS_REDUP = "#555555"
WARNA_GARIS = "#8a8a8a"
WARNA_SEL = {
    "diterima": "#a8d5a2",
    "sebagian": "#fff2b3",
    "belum": "#f4b6b0",
    "belum_waktunya": "#ececec",
}
"""The colours of the Kelengkapan Data Desa table (ui/desa_dialogs), so both read the same."""
TANDA_SEL = {"diterima": "✓", "belum": "✗", "belum_waktunya": ""}
LEGENDA_SEL = (
    ("diterima", "✓ Lengkap"),
    ("sebagian", "Sebagian (% terisi)"),
    ("belum", "✗ Belum ada"),
    ("belum_waktunya", "Belum waktunya"),
)


def _kotak_legenda(
    painter: QPainter, fm: QFontMetrics, x: int, y: int, lebar: int, isi: list[tuple[str, str]]
) -> int:
    """Draw colour squares with their words from (x, y), wrapping at ``lebar``; returns the
    height used. With ``painter`` None only measures."""
    kotak = fm.height() - 4
    cx, cy, tinggi = x, y, fm.height()
    for warna, teks in isi:
        w = kotak + 4 + fm.horizontalAdvance(teks) + 14
        if cx > x and cx + w > x + lebar:
            cx, cy = x, cy + fm.height() + 4
        if painter is not None:
            painter.setPen(QPen(QColor(WARNA_GARIS)))
            painter.setBrush(QColor(warna))
            painter.drawRect(cx, cy + 2, kotak, kotak)
            painter.setPen(QColor(Qt.GlobalColor.black))
            painter.drawText(cx + kotak + 4, cy + fm.ascent(), teks)
        cx += w
    return cy + tinggi - y


@dataclass(frozen=True)
class _Tata:
    """Where everything of the bar chart goes at one width."""

    label: int  # width of the label column
    x0: int  # left end of the axis
    area: int  # length of the axis
    baris: tuple[tuple[int, int], ...]  # (top, height) of each row
    sumbu: int  # y of the axis line
    legenda: int  # y of the legend
    tinggi: int


class GrafikCapaianWidget(QWidget):
    """Horizontal bars of capaian per jabatan in their band colours; "belum ada data" written
    out where a jabatan has none. Clicking a jabatan emits its code."""

    jabatan_dipilih = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grafik: GrafikCapaian | None = None
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(360)
        self.setAccessibleName("Grafik capaian per jabatan")

    def set_grafik(self, grafik: GrafikCapaian) -> None:
        """Show ``grafik``."""
        self.grafik = grafik
        self.updateGeometry()
        self.update()

    # --- layout ---------------------------------------------------------------------------------

    def _judul_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _arrange(self, lebar: int) -> _Tata:
        fm = self.fontMetrics()
        grafik = self.grafik
        batang = grafik.batang if grafik is not None else ()
        nilai_lebar = fm.horizontalAdvance("1.000,0%") + 8
        terpanjang = max((fm.horizontalAdvance(b.label) for b in batang), default=0) + 8
        # the names take up to 45% of the width; a longer one wraps onto more lines
        label = max(120, min(terpanjang, int(lebar * 0.45)))
        x0 = label + 6
        area = max(60, lebar - x0 - nilai_lebar)
        y = QFontMetrics(self._judul_font()).height() + 8
        baris = []
        for b in batang:
            kotak = fm.boundingRect(QRect(0, 0, label - 4, 1000), Qt.TextFlag.TextWordWrap, b.label)
            tinggi = max(fm.height() + 6, kotak.height() + 4)
            baris.append((y, tinggi))
            y += tinggi
        sumbu = y + 2
        legenda = sumbu + fm.height() + 10
        isi = [(w, f"{n} {r}") for r, n, w in grafik.legenda] if grafik is not None else []
        tinggi = legenda + _kotak_legenda(None, fm, 0, 0, lebar, isi) + 4  # type: ignore[arg-type]
        return _Tata(label, x0, area, tuple(baris), sumbu, legenda, tinggi)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """The height follows the width (labels wrap)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """The height needed at ``width``."""
        return self._arrange(width).tinggi

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A comfortable size: 560 wide."""
        return QSize(560, self.heightForWidth(560))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Never narrower than 360 (the names wrap), never shorter than its rows."""
        return QSize(360, self.heightForWidth(max(360, self.width())))

    # --- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """Title, one row per jabatan, the axis with its marks, the band legend."""
        grafik = self.grafik
        if grafik is None:
            return
        tata = self._arrange(self.width())
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = self.fontMetrics()
        p.setFont(self._judul_font())
        p.drawText(0, QFontMetrics(self._judul_font()).ascent() + 2, grafik.judul)
        p.setFont(self.font())
        x100 = tata.x0 + round(tata.area * grafik.bagian(GARIS_TARGET))
        garis = QPen(QColor("#000000"))
        garis.setStyle(Qt.PenStyle.DashLine)
        for b, (top, tinggi) in zip(grafik.batang, tata.baris, strict=True):
            p.setPen(QColor(Qt.GlobalColor.black))
            p.drawText(
                QRect(0, top, tata.label - 4, tinggi),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                | int(Qt.TextFlag.TextWordWrap),
                b.label,
            )
            tinggi_batang = min(tinggi - 6, fm.height())
            y = top + (tinggi - tinggi_batang) // 2
            if b.capaian is None or b.warna is None:
                miring = QFont(self.font())
                miring.setItalic(True)
                p.setFont(miring)
                p.setPen(QColor(WARNA_TEKS_REDUP))
                p.drawText(QRect(tata.x0 + 2, top, tata.area, tinggi),
                           int(Qt.AlignmentFlag.AlignVCenter), b.teks)  # fmt: skip
                p.setFont(self.font())
                continue
            w = max(1, round(tata.area * grafik.bagian(b.capaian)))
            # the 100% line behind the bar and its number, which stay readable over it
            p.setPen(garis)
            p.drawLine(x100, top + 1, x100, top + tinggi - 1)
            p.setPen(QPen(QColor(WARNA_TEKS_REDUP)))
            p.setBrush(QColor(b.warna))
            p.drawRect(tata.x0, y, w, tinggi_batang)
            kotak = QRect(tata.x0 + w + 3, y, fm.horizontalAdvance(b.teks) + 4, tinggi_batang)
            p.fillRect(kotak, self.palette().base())
            p.setPen(QColor(Qt.GlobalColor.black))
            p.drawText(kotak, int(Qt.AlignmentFlag.AlignCenter), b.teks)
        # the axis and its marks
        p.setPen(QPen(QColor(WARNA_GARIS)))
        p.drawLine(tata.x0, tata.sumbu, tata.x0 + tata.area, tata.sumbu)
        p.setPen(QColor(Qt.GlobalColor.black))
        # every mark gets its tick; a number only where it does not touch another, 100% first
        terpakai: list[tuple[int, int]] = []
        for tanda in sorted(grafik.tanda, key=lambda t: (t != GARIS_TARGET, t)):
            x = tata.x0 + round(tata.area * grafik.bagian(tanda))
            p.drawLine(x, tata.sumbu, x, tata.sumbu + 3)
            teks = teks_tanda(tanda)
            tw = fm.horizontalAdvance(teks)
            kiri = max(0, min(x - tw // 2, self.width() - tw))
            if any(kiri < b + 6 and a < kiri + tw + 6 for a, b in terpakai):
                continue
            terpakai.append((kiri, kiri + tw))
            p.drawText(kiri, tata.sumbu + 4 + fm.ascent(), teks)
        isi = [(w, f"{n} {r}") for r, n, w in grafik.legenda]
        _kotak_legenda(p, fm, 0, tata.legenda, self.width(), isi)
        p.end()

    # --- pointing -------------------------------------------------------------------------------

    def _baris_di(self, pos: QPoint) -> int | None:
        if self.grafik is None:
            return None
        for i, (top, tinggi) in enumerate(self._arrange(self.width()).baris):
            if top <= pos.y() < top + tinggi:
                return i
        return None

    def event(self, event: object) -> bool:
        """A jabatan's capaian, band and basis on hover."""
        if isinstance(event, QHelpEvent) and self.grafik is not None:
            i = self._baris_di(event.pos())
            if i is None:
                QToolTip.hideText()
            else:
                b = self.grafik.batang[i]
                kategori = f" ({b.kategori})" if b.has_bar else ""
                QToolTip.showText(
                    event.globalPos(), f"{b.label}: {b.teks}{kategori}, {b.dasar}.", self
                )
            return True
        return super().event(event)  # type: ignore[arg-type]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """A pointing hand over a jabatan: it can be clicked."""
        ada = self._baris_di(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if ada else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Clicking a jabatan opens it."""
        i = self._baris_di(event.position().toPoint())
        if i is not None and self.grafik is not None:
            self.jabatan_dipilih.emit(self.grafik.batang[i].kode)


def keadaan_sel(s: "SelKelengkapan") -> str:
    """The colour key of a cell: diterima, sebagian, belum or belum_waktunya."""
    keadaan = s.status.value
    if not s.jatuh_tempo and keadaan != "diterima":
        return "belum_waktunya" if keadaan == "belum" else "sebagian"
    return keadaan


def teks_sel(s: "SelKelengkapan") -> str:
    """What a cell shows: ✓, ✗, the share filled of a partial one, nothing when not due."""
    keadaan = keadaan_sel(s)
    if keadaan == "sebagian":
        return f"{s.terisi * 100 // max(1, s.diharapkan)}%"
    return TANDA_SEL[keadaan]


class PetaKelengkapan(QWidget):
    """Desa × period as coloured cells, counted from the stored values (reports.kelengkapan).

    Clicking a cell emits it (the Beranda opens the Kelengkapan Data Desa table)."""

    sel_dipilih = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Kelengkapan | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Kelengkapan data desa")

    def set_kelengkapan(self, data: "Kelengkapan") -> None:
        """Show ``data``."""
        self.data = data
        self.updateGeometry()
        self.update()

    def _ukuran(self) -> tuple[int, int, int, int]:
        """(name column width, cell width, cell height, header height)."""
        fm = self.fontMetrics()
        data = self.data
        nama = max((fm.horizontalAdvance(d) for d in data.desa), default=80) if data else 80
        kolom = [p.label_pendek for p in data.periode] if data else []
        sel = max([fm.horizontalAdvance("100%"), *(fm.horizontalAdvance(k) for k in kolom)])
        return nama + 10, sel + 8, fm.height() + 4, fm.height() + 6

    def _legenda_tinggi(self, lebar: int) -> int:
        isi = [(WARNA_SEL[k], t) for k, t in LEGENDA_SEL]
        return _kotak_legenda(None, self.fontMetrics(), 0, 0, lebar, isi)  # type: ignore[arg-type]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Exactly the grid and its legend; the cells widen when there is room."""
        nama, sel, tinggi, kepala = self._ukuran()
        n_kolom = len(self.data.periode) if self.data else 12
        n_baris = len(self.data.desa) if self.data else 0
        lebar = nama + n_kolom * sel
        return QSize(lebar, kepala + n_baris * tinggi + 8 + self._legenda_tinggi(lebar))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The grid never shrinks below its cells: the scroll area scrolls instead."""
        return self.sizeHint()

    def _geometri(self) -> tuple[int, int, int, int]:
        nama, sel, tinggi, kepala = self._ukuran()
        n_kolom = len(self.data.periode) if self.data else 12
        sel = max(sel, min(64, (self.width() - nama) // max(1, n_kolom)))
        return nama, sel, tinggi, kepala

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """Period headers, desa names, one coloured cell each, the legend."""
        data = self.data
        if data is None:
            return
        nama, sel, tinggi, kepala = self._geometri()
        p = QPainter(self)
        fm = self.fontMetrics()
        tengah = int(Qt.AlignmentFlag.AlignCenter)
        for c, periode in enumerate(data.periode):
            p.drawText(QRect(nama + c * sel, 0, sel, kepala), tengah, periode.label_pendek)
        for r, desa in enumerate(data.desa):
            y = kepala + r * tinggi
            p.setPen(QColor(Qt.GlobalColor.black))
            p.drawText(QRect(0, y, nama - 6, tinggi), int(Qt.AlignmentFlag.AlignVCenter), desa)
            for c in range(len(data.periode)):
                s = data.sel.get((r, c))
                kotak = QRect(nama + c * sel, y, sel, tinggi)
                if s is None:  # retired by then
                    continue
                p.setPen(QPen(QColor("#ffffff")))
                p.setBrush(QColor(WARNA_SEL[keadaan_sel(s)]))
                p.drawRect(kotak.adjusted(0, 0, -1, -1))
                p.setPen(QColor(Qt.GlobalColor.black))
                p.drawText(kotak, tengah, teks_sel(s))
        y = kepala + len(data.desa) * tinggi + 8
        isi = [(WARNA_SEL[k], t) for k, t in LEGENDA_SEL]
        _kotak_legenda(p, fm, 0, y, self.width(), isi)
        p.end()

    def _sel_di(self, pos: QPoint) -> "SelKelengkapan | None":
        if self.data is None:
            return None
        nama, sel, tinggi, kepala = self._geometri()
        if pos.x() < nama or pos.y() < kepala:
            return None
        return self.data.sel.get(((pos.y() - kepala) // tinggi, (pos.x() - nama) // sel))

    def event(self, event: object) -> bool:
        """A cell's desa, period and count on hover."""
        if isinstance(event, QHelpEvent):
            s = self._sel_di(event.pos())
            if s is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), s.kalimat, self)
            return True
        return super().event(event)  # type: ignore[arg-type]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Clicking a cell opens the completeness table."""
        s = self._sel_di(event.position().toPoint())
        if s is not None:
            self.sel_dipilih.emit(s)

