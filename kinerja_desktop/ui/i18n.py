"""Qt's own words in Indonesian: Qt ships no Indonesian translation, so OK, Cancel, Yes, No,
the text context menus and the file dialog would otherwise stay English.

:data:`TERJEMAHAN` is the source of the translations; it is compiled into the Qt message file
``resources/translations/qt_id.qm`` (run ``python -m kinerja_desktop.ui.i18n`` after editing
it; a test checks the file is current). :func:`install_translator` loads that file into a
plain QTranslator. A Python subclass of QTranslator overriding ``translate`` would be simpler,
but PySide6 6.12 miscounts references in that override and crashes the interpreter after a
few thousand lookups. Only the contexts listed are translated: ``QShortcut`` must never be,
because Qt parses key names ("Ctrl", "Del") with it.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

_EDIT_MENU = {
    "&Undo": "&Urungkan",
    "&Redo": "Ula&ngi",
    "Cu&t": "Po&tong",
    "&Copy": "&Salin",
    "&Paste": "&Tempel",
    "Delete": "Hapus",
    "Select All": "Pilih Semua",
    "Copy &Link Location": "Salin &Alamat Tautan",
}

TERJEMAHAN: dict[str, dict[str, str]] = {
    # the standard buttons of QMessageBox and QDialogButtonBox
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Simpan",
        "Save All": "Simpan Semua",
        "Open": "Buka",
        "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &Semua",
        "&No": "&Tidak",
        "N&o to All": "T&idak untuk Semua",
        "Abort": "Batalkan",
        "Retry": "Coba Lagi",
        "Ignore": "Abaikan",
        "Close": "Tutup",
        "Cancel": "Batal",
        "Discard": "Buang",
        "Don't Save": "Jangan Simpan",
        "Close without Saving": "Tutup tanpa Menyimpan",
        "Help": "Bantuan",
        "Apply": "Terapkan",
        "Reset": "Atur Ulang",
        "Restore Defaults": "Kembalikan Bawaan",
    },
    "QDialogButtonBox": {"OK": "OK", "Cancel": "Batal", "Close": "Tutup", "Help": "Bantuan"},
    "QMessageBox": {
        "Show Details...": "Tampilkan Rincian…",
        "Hide Details...": "Sembunyikan Rincian…",
        "OK": "OK",
        "Help": "Bantuan",
    },
    "QProgressDialog": {"Cancel": "Batal"},
    "QInputDialog": {"Enter a value:": "Isi nilai:"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": {
        "&Step up": "&Naikkan",
        "Step &down": "T&urunkan",
        "&Select All": "Pilih &Semua",
    },
    # the right-click menu of every scroll bar (tables, lists, text)
    "QScrollBar": {
        "Scroll here": "Gulir ke sini",
        "Left edge": "Tepi kiri",
        "Top": "Atas",
        "Right edge": "Tepi kanan",
        "Bottom": "Bawah",
        "Page left": "Satu halaman ke kiri",
        "Page up": "Satu halaman ke atas",
        "Page right": "Satu halaman ke kanan",
        "Page down": "Satu halaman ke bawah",
        "Scroll left": "Gulir ke kiri",
        "Scroll up": "Gulir ke atas",
        "Scroll right": "Gulir ke kanan",
        "Scroll down": "Gulir ke bawah",
    },
    "QFileDialog": {
        "&Look in:": "&Cari di:",
        "File &name:": "&Nama berkas:",
        "Files of &type:": "&Jenis berkas:",
        "&Open": "&Buka",
        "Open": "Buka",
        "&Save": "&Simpan",
        "Save As": "Simpan Sebagai",
        "&Choose": "&Pilih",
        "Directory:": "Folder:",
        "Directories": "Folder",
        "All Files (*)": "Semua Berkas (*)",
        "Back": "Kembali",
        "Forward": "Maju",
        "Parent Directory": "Folder Induk",
        "Go back": "Kembali",
        "Go forward": "Maju",
        "Go to the parent directory": "Ke folder induk",
        "Create New Folder": "Buat Folder Baru",
        "Create a New Folder": "Buat folder baru",
        "New Folder": "Folder Baru",
        "&New Folder": "Folder &Baru",
        "&Delete": "&Hapus",
        "&Rename": "&Ganti Nama",
        "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "List View": "Tampilan Daftar",
        "Detail View": "Tampilan Rincian",
        "Change to list view mode": "Tampilkan sebagai daftar",
        "Change to detail view mode": "Tampilkan dengan rincian",
        "Sidebar": "Bilah samping",
        "List of places and bookmarks": "Daftar tempat dan penanda",
        "Files": "Berkas",
        "Folder": "Folder",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nTimpa berkas itu?",
        "Are you sure you want to delete '%1'?": "Yakin ingin menghapus '%1'?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya."
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nFolder tidak ditemukan.\nPeriksa kembali nama foldernya."
        ),
    },
    "QFileSystemModel": {
        "Name": "Nama",
        "Size": "Ukuran",
        "Type": "Jenis",
        "Date Modified": "Tanggal Diubah",
        "Computer": "Komputer",
        "My Computer": "Komputer",
    },
    "QAbstractFileIconProvider": {"Drive": "Drive", "Folder": "Folder", "File": "Berkas"},
}


QM_RESOURCE = "translations/qt_id.qm"


def ts_text() -> str:
    """:data:`TERJEMAHAN` as a Qt Linguist source file (the input of lrelease)."""
    from xml.sax.saxutils import escape  # pulls in urllib and email: not at start-up

    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="id_ID">',
    ]
    for context, messages in TERJEMAHAN.items():
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, translation in messages.items():
            lines += [
                "    <message>",
                f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def install_translator(app: QCoreApplication) -> QTranslator:
    """Install the Indonesian translation of Qt's texts on ``app`` (once) and return it."""
    from kinerja_desktop.resources import resource

    existing = app.findChild(QTranslator, "penerjemah_qt_id")
    if existing is not None:
        return existing
    translator = QTranslator(app)
    translator.setObjectName("penerjemah_qt_id")
    # a real file in both an install and the PyInstaller folder; Qt maps it into memory
    if translator.load(str(resource(QM_RESOURCE))):
        app.installTranslator(translator)
    return translator


def compile_translations(target: Path) -> None:
    """Write the .ts source next to ``target`` and compile it to ``target`` with lrelease."""
    import subprocess  # here, not at the top: every start imports this module

    source = target.with_suffix(".ts")
    source.write_text(ts_text(), encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)], check=True)


if __name__ == "__main__":
    from kinerja_desktop.resources import resource

    compile_translations(Path(str(resource(QM_RESOURCE))))
