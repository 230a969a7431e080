"""The pages of a written PDF, drawn onto a printer (or its preview) exactly as they are.

Printing draws the report's own PDF, rendered page by page by PDFium (``pypdfium2``), never a
second drawing of the report: what comes out of the printer is what the PDF holds. Why
PDFium through pypdfium2 and not Qt's own QtPdf is in ``docs/DESAIN.md``. The library is
imported here only, and this module only when something is printed, so it costs start-up
nothing.

PDFium is not thread-safe: use a :class:`DokumenPdf` on the GUI thread only.
"""

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from kinerja_desktop.errors import DataTidakValid, LingkunganBermasalah
from kinerja_desktop.reports.page import KERTAS

MM_PER_POINT = 25.4 / 72
# Dots per inch of a printed page: sharp text on any office printer while a page of F4 stays
# at about 40 MB of pixels (at the 1200 dpi a printer may report it would be 640 MB).
DPI_CETAK = 300
# The preview holds every page at once: 90 dpi (2.8 MB a page of F4) is sharp at its usual size
DPI_PRATINJAU = 90


class DokumenPdf:
    """An open PDF: its page count, page sizes and pages as pictures."""

    def __init__(self, path: Path) -> None:
        import pypdfium2

        self.path = path
        self._tertutup = False
        try:
            self._pdf: Any = pypdfium2.PdfDocument(str(path))
        except FileNotFoundError as exc:
            raise LingkunganBermasalah(
                f"Berkas {path.name} tidak ditemukan lagi di {path.parent}. Tulis laporannya "
                "sekali lagi, lalu cetak."
            ) from exc
        except pypdfium2.PdfiumError as exc:
            raise DataTidakValid(
                f"Berkas {path} tidak dapat dibaca sebagai PDF ({exc}). Tulis laporannya sekali "
                "lagi, lalu cetak."
            ) from exc

    def __enter__(self) -> "DokumenPdf":
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the file (Windows keeps an open file from being overwritten)."""
        if not self._tertutup:
            self._tertutup = True
            self._pdf.close()

    def __len__(self) -> int:
        return len(self._pdf)

    def ukuran_mm(self, indeks: int) -> tuple[float, float]:
        """Width and height of page ``indeks`` (0-based) in millimetres."""
        width, height = self._pdf[indeks].get_size()
        return width * MM_PER_POINT, height * MM_PER_POINT

    def kertas(self) -> str | None:
        """The paper code (``f4``, ``a4``) of the first page, or None for another size."""
        if not len(self):
            return None
        width, height = sorted(self.ukuran_mm(0))
        for code, (_, w, h) in KERTAS.items():
            if abs(width - w) < 1 and abs(height - h) < 1:
                return code
        return None

    def render_page(self, indeks: int, dpi: float) -> QImage:
        """Page ``indeks`` (0-based) as a picture of ``dpi`` dots per inch, on white."""
        page = self._pdf[indeks]
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True, rev_byteorder=True)
        try:
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            return image.copy()  # own the pixels: the bitmap's memory goes with it
        finally:
            bitmap.close()
            page.close()


def ukuran_kertas(kertas: str) -> QPageSize:
    """The paper as Qt knows it; F4 (215 × 330 mm) is not one of Qt's named sizes."""
    name, width, height = KERTAS[kertas]
    if kertas == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, name, QPageSize.SizeMatchPolicy.ExactMatch
    )


def prepare_paper(printer: QPrinter, kertas: str, mendatar: bool = False) -> None:
    """Set the printer's paper and orientation; the PDF's own margins are kept, so the
    printer's are none (``fullPage``)."""
    orientasi = QPageLayout.Orientation.Landscape if mendatar else QPageLayout.Orientation.Portrait
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            ukuran_kertas(kertas), orientasi, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
        )
    )


def draw_pages(
    printer: QPrinter, dokumen: DokumenPdf, halaman: Sequence[int], dpi: float = DPI_CETAK
) -> int:
    """Draw the pages ``halaman`` (0-based) of ``dokumen`` on ``printer``, one sheet each,
    scaled to the paper when the paper differs from the PDF's (never cut off). Returns how
    many pages were drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        raise LingkunganBermasalah(
            "Printer tidak dapat dipakai saat ini (mungkin mati, tidak tersambung, atau "
            "berkas tujuannya tidak dapat ditulis). Periksa printernya lalu coba lagi."
        )
    # a picture drawn smaller than its pixels (the preview) stays legible
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        resolusi = printer.resolution()
        kertas = QRectF(printer.pageLayout().fullRectPixels(resolusi))
        dpi_gambar = min(dpi, resolusi)
        for urutan, indeks in enumerate(halaman):
            if urutan:
                printer.newPage()
            width_mm, height_mm = dokumen.ukuran_mm(indeks)
            # device pixels per millimetre of the PDF page, shrunk to fit the paper
            skala = min(kertas.width() / width_mm, kertas.height() / height_mm)
            target = QRectF(0, 0, width_mm * skala, height_mm * skala)
            target.moveLeft(kertas.left() + (kertas.width() - target.width()) / 2)
            target.moveTop(kertas.top())
            painter.drawImage(
                target, dokumen.render_page(indeks, dpi_gambar * skala * 25.4 / resolusi)
            )
    finally:
        painter.end()
    return len(halaman)
