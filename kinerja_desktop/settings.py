"""The operator's settings: typed options declared once with their defaults, kept in an INI
file in the data folder (``pengaturan.ini``) so that the CLI and the window share them.

Add an option by declaring it in ``OPTIONS``; read it with ``get("kertas")`` and change it
with ``set_value("kertas", "a4")``. Unknown or damaged values fall back to the default.
"""

import configparser
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.fileio import atomic_write, explain_os_error
from kinerja_desktop.paths import data_dir

SECTION = "kinerja"
SETTINGS_FILENAME = "pengaturan.ini"


@dataclass(frozen=True)
class Option:
    """One setting: its default and, for a fixed choice, the allowed values."""

    default: str
    choices: tuple[str, ...] = ()


OPTIONS: dict[str, Option] = {
    # paper of printed reports: "f4" (215 × 330 mm, common in Indonesian offices) or "a4"
    "kertas": Option("f4", ("f4", "a4")),
    # the folder last chosen for reports and backups (often a USB stick)
    "folder_terakhir": Option(""),
    # the folder each report was last written to, remembered per report
    "folder_iki": Option(""),
    "folder_capaian": Option(""),
    "folder_lkjip": Option(""),
    "folder_templat_desa": Option(""),
    "folder_kelengkapan": Option(""),
    "folder_kabupaten": Option(""),
    "folder_kirim": Option(""),
    "folder_skp": Option(""),
    "folder_pk": Option(""),
    "folder_rencana_aksi": Option(""),
    "folder_monev": Option(""),
    # when and where the last "cadangan --out"/"Cadangkan ke…" was written (ISO time; path)
    "cadangan_luar_waktu": Option(""),
    "cadangan_luar_berkas": Option(""),
}


def settings_path() -> Path:
    """The INI file holding the settings."""
    return data_dir() / SETTINGS_FILENAME


def _read() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_path(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        # A damaged settings file must never stop the application: start from defaults.
        return configparser.ConfigParser(interpolation=None)
    return parser


def get(name: str) -> str:
    """The value of setting ``name`` (its default when unset or invalid)."""
    option = OPTIONS[name]
    value = _read().get(SECTION, name, fallback=option.default)
    if option.choices and value not in option.choices:
        return option.default
    return value


def set_value(name: str, value: str) -> None:
    """Store setting ``name``; raises ValueError for a value outside its choices (a bug) and
    :class:`~kinerja_desktop.errors.LingkunganBermasalah` when the data folder refuses."""
    option = OPTIONS[name]
    if option.choices and value not in option.choices:
        raise ValueError(f"{name} must be one of {option.choices}, not {value!r}")
    parser = _read()
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, name, value)
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain_os_error(exc, path) from exc

    def write(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8") as handle:
            parser.write(handle)

    atomic_write(path, write)
