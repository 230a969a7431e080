"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

Measured here: when a Python override that Qt calls returns ``None`` where Qt expects a
QVariant (``data()`` or ``headerData()`` of every item model, for each role it does not
answer), PySide6 drops one reference to ``None`` that it never took. The item views call
``data()`` thousands of times per repaint, so after a few minutes of scrolling the count of
``None`` reaches zero and the interpreter aborts ("deallocating None"); the same was seen for
``True``/``False``. Python 3.12 and later make these singletons immortal, which is what
:func:`immortalize_singletons` does by hand on older versions: they are static objects that
are never freed, so a very large reference count is harmless.
"""

import ctypes
import sys

# far more references than any session can drop (one per call), far below overflow
_EXTRA_REFERENCES = 1 << 40


def immortalize_singletons() -> None:
    """Give None, True and False a reference count no session can exhaust (Python < 3.12)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_kinerja_immortal", False):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _EXTRA_REFERENCES
    sys._kinerja_immortal = True  # type: ignore[attr-defined]
