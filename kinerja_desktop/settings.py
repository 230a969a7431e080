"""The operator's settings: typed options declared once with their defaults, kept in INI files
named ``pengaturan.ini`` so that the CLI and the window share them.

Each option is kept where it belongs. What belongs to this PC (the paper of its printer, the
last folder chosen, often a USB stick) is in the data folder, shared by every database opened
on the PC. What belongs to one database (the folder its reports were last written to, its last
backup to a stick) is in that database's own folder (:func:`~kinerja_desktop.paths.files_dir`
of the bound database; a server database's is its stand-in's on this PC), so that another
kecamatan's database opened on the same PC never proposes this office's folders nor counts
this office's backup as its own. The default database's own folder is the data folder: what an
office had set before options were kept per database stays its default database's.

Add an option by declaring it in ``OPTIONS``; read it with ``get("kertas")`` and change it
with ``set_value("kertas", "a4")``. Unknown or damaged values fall back to the default.
"""

import configparser
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.errors import DiskPenuh, LingkunganBermasalah
from kinerja_desktop.fileio import atomic_write
from kinerja_desktop.paths import data_dir, files_dir

SECTION = "kinerja"
SETTINGS_FILENAME = "pengaturan.ini"


@dataclass(frozen=True)
class Option:
    """One setting: its default, for a fixed choice the allowed values, and whether it belongs
    to one database rather than to the PC."""

    default: str
    choices: tuple[str, ...] = ()
    per_database: bool = False


OPTIONS: dict[str, Option] = {
    # paper of printed reports: "f4" (215 × 330 mm, common in Indonesian offices) or "a4";
    # the paper in this PC's printer
    "kertas": Option("f4", ("f4", "a4")),
    # the folder last chosen for reports and backups on this PC (often a USB stick)
    "folder_terakhir": Option(""),
    # the folder each report of the database was last written to, remembered per report
    "folder_iki": Option("", per_database=True),
    "folder_capaian": Option("", per_database=True),
    "folder_lkjip": Option("", per_database=True),
    "folder_templat_desa": Option("", per_database=True),
    "folder_kelengkapan": Option("", per_database=True),
    "folder_kabupaten": Option("", per_database=True),
    "folder_kirim": Option("", per_database=True),
    "folder_skp": Option("", per_database=True),
    "folder_pk": Option("", per_database=True),
    "folder_rencana_aksi": Option("", per_database=True),
    "folder_monev": Option("", per_database=True),
    # when and where the database's last "cadangan --out"/"Cadangkan ke…" was written
    # (ISO time; path)
    "cadangan_luar_waktu": Option("", per_database=True),
    "cadangan_luar_berkas": Option("", per_database=True),
}


def settings_path(name: str) -> Path:
    """The INI file holding setting ``name``: the data folder's for a setting of the PC, the
    bound database's own folder's for a setting of one database (the default database's when
    none is bound)."""
    if OPTIONS[name].per_database:
        from kinerja_desktop.db.backup import bound_local_path

        return files_dir(bound_local_path()) / SETTINGS_FILENAME
    return data_dir() / SETTINGS_FILENAME


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        # A damaged settings file must never stop the application: start from defaults.
        return configparser.ConfigParser(interpolation=None)
    return parser


def get(name: str) -> str:
    """The value of setting ``name`` (its default when unset or invalid)."""
    option = OPTIONS[name]
    value = _read(settings_path(name)).get(SECTION, name, fallback=option.default)
    if option.choices and value not in option.choices:
        return option.default
    return value


def set_value(name: str, value: str) -> None:
    """Store setting ``name``; raises ValueError for a value outside its choices (a bug) and
    :class:`~kinerja_desktop.errors.LingkunganBermasalah` when the folder refuses (read-only,
    full): callers for which remembering is a convenience ignore it, a choice the operator
    asked to keep (the default paper) is told."""
    option = OPTIONS[name]
    if option.choices and value not in option.choices:
        raise ValueError(f"{name} must be one of {option.choices}, not {value!r}")
    path = settings_path(name)
    parser = _read(path)
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, name, value)

    def write(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8") as handle:
            parser.write(handle)

    try:
        atomic_write(path, write)
    except LingkunganBermasalah as exc:
        # the folder is the application's own, not one the operator chose: the words of a
        # refused report folder ("pilih folder lain", a USB stick) would not fit
        alasan = (
            "penuh"
            if isinstance(exc, DiskPenuh)
            else "tidak dapat ditulisi (hanya-baca atau tanpa izin)"
        )
        raise type(exc)(
            f"Pengaturan tidak disimpan: folder {path.parent} {alasan}, {path.name} tidak "
            "ditulis. Pilihan ini tidak diingat untuk lain kali; pekerjaan yang sedang "
            "dilakukan tidak terpengaruh. Minta pengelola komputer agar folder itu dapat "
            "ditulisi."
        ) from exc
