"""Qt's own words in Indonesian: Qt ships no Indonesian translation, so OK, Cancel, Yes, No,
the text context menus and the file dialog would otherwise stay English.

:class:`PenerjemahQt` answers Qt's translation lookups from the table below; install it once
with :func:`install_translator`. Only the contexts listed are answered: a context such as
``QShortcut`` must never be translated, because Qt parses key names ("Ctrl", "Del") with it.
"""

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
    "QAbstractSpinBox": {"&Step up": "&Naikkan", "Step &down": "T&urunkan"},
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


class PenerjemahQt(QTranslator):
    """A translator answering Qt's own texts from :data:`TERJEMAHAN`."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The Indonesian text for ``source_text`` in ``context``, or None to keep Qt's."""
        return TERJEMAHAN.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        """Never empty, so that Qt asks this translator."""
        return False


def install_translator(app: QCoreApplication) -> PenerjemahQt:
    """Install the Indonesian translator on ``app`` (once) and return it."""
    existing = app.findChild(PenerjemahQt)
    if existing is not None:
        return existing
    translator = PenerjemahQt(app)
    app.installTranslator(translator)
    return translator
