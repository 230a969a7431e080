"""The PySide6 user interface: the only layer that imports Qt."""

from kinerja_desktop.ui.refcount_fix import immortalize_singletons

# before any Qt model exists: see refcount_fix for the PySide6 bug this guards against
immortalize_singletons()
