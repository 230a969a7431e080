"""Taking the operator from a Beranda line to where it is done: a jabatan's tab, the jabatan
tree, or the import, template, completeness or backup dialog."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from kinerja_desktop.reports.pekerjaan import Tujuan


def open_tujuan(window: Any, tujuan: "Tujuan") -> None:
    """Take the operator where ``tujuan`` says: a jabatan's tab, the jabatan tree, or the
    import, template, completeness or backup dialog of ``window`` (the main window)."""
    from kinerja_desktop.reports.pekerjaan import Tab, Tempat

    if tujuan.tempat is Tempat.JABATAN:
        window.show_jabatan_view()
        window.select_jabatan(tujuan.jabatan_id)
        modul = {
            Tab.URAIAN: "uraian_tab",
            Tab.INDIKATOR: "indikator_tab",
            Tab.TARGET: "target_tab",
        }[tujuan.tab or Tab.TARGET]
        tab = next(t for t in window.tabs if type(t).__module__.endswith(modul))
        window.tab_widget.setCurrentWidget(tab)
        if tujuan.indikator_id is not None and hasattr(tab, "select_indikator"):
            tab.select_indikator(tujuan.indikator_id)
        if tujuan.persetujuan is not None and hasattr(tab, "persetujuan"):
            tab.persetujuan.select(*tujuan.persetujuan)
        tab.setFocus(Qt.FocusReason.OtherFocusReason)
    elif tujuan.tempat is Tempat.DAFTAR_JABATAN:
        window.show_jabatan_view()
    elif tujuan.tempat is Tempat.IMPOR_DESA:
        from kinerja_desktop.ui.import_wizard import ImportDesaDialog

        ImportDesaDialog(window, window.tasks, window.apply_changes, window.tahun).exec()
    elif tujuan.tempat is Tempat.TEMPLAT_DESA:
        from kinerja_desktop.ui.desa_dialogs import show_templat

        show_templat(window)
    elif tujuan.tempat is Tempat.KELENGKAPAN:
        from kinerja_desktop.ui.desa_dialogs import show_kelengkapan

        show_kelengkapan(window)
    elif tujuan.tempat is Tempat.CADANGAN:
        from kinerja_desktop.ui.backup_dialogs import backup_to_folder

        beranda = window.beranda
        backup_to_folder(
            window, window.db_path, window.tasks, on_finished=lambda _path: beranda.load()
        )
