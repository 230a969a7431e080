"""The report font: DejaVu Sans, shipped with the application and registered once.

It is the only free font found that has every character of the decree (Σ × − ❖ …);
reportlab's built-in Helvetica lacks Σ. TrueType fonts are embedded (subset) in each PDF.
"""

import threading

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_FILES = {FONT: "fonts/DejaVuSans.ttf", FONT_BOLD: "fonts/DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans and its bold face with reportlab (safe to call many times)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from kinerja_desktop.resources import as_file, resource

        for name, relative in _FILES.items():
            # as_file gives a real path also when resources sit inside an archive; TTFont
            # reads the whole file while the path exists.
            with as_file(resource(relative)) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> inside paragraphs picks the bold face; there is no italic face.
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT)
        addMapping(FONT, 1, 1, FONT_BOLD)
        _registered = True
