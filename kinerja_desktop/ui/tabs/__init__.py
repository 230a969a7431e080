"""The tabs shown for the selected jabatan: Uraian, Indikator and Pemangku.

Each tab follows one contract (see :class:`kinerja_desktop.ui.tabs.common.TabDasar`):
``set_jabatan``, ``apply_changes``, the ``changed`` signal, ``copy_selection`` and ``paste``.
Every edit is a command on the window's undo stack that calls an operation of the core.
"""
