"""The command line: every headless job as a command; without a command, the window opens.

Messages for people are Indonesian; refusals exit with status 1, wrong usage with status 2.
"""

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from kinerja_desktop import __version__
from kinerja_desktop.cli.common import release_locks
from kinerja_desktop.domain.teks import tanpa_kendali
from kinerja_desktop.errors import KinerjaError, LingkunganBermasalah

# Each module of kinerja_desktop.cli adds its commands with ``register(subparsers)``; add new
# command groups here. They are imported only for a command line that may name a command: the
# window's start (options only) needs none of them.
COMMAND_MODULES = [
    "data",
    "kantor",
    "keputusan",
    "iki",
    "report",
    "backup",
    "nilai",
    "desa",
    "kirim",
    "kabupaten",
    "persetujuan",
    "audit",
    "pengguna",
    "skp",
]

# argparse writes its own messages through gettext; these are the ones a user can meet.
_ARGPARSE_ID = {
    "usage: ": "Penggunaan: ",
    "options": "pilihan",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih salah satu: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak valid",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s bisa berarti %(matches)s"
    ),
}


def _translate(message: str) -> str:
    return _ARGPARSE_ID.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def _no_screen() -> bool:
    """On Linux without X11/Wayland (e.g. over SSH) Qt aborts with English text: tell it first."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: open the main window."""
    if _no_screen():
        raise LingkunganBermasalah(
            "Jendela aplikasi tidak dapat dibuka karena tidak ada layar (DISPLAY atau "
            "WAYLAND_DISPLAY tidak diatur, mis. lewat SSH). Jalankan dari desktop, atau pakai "
            "perintah tanpa jendela; lihat: kinerja-desktop --help"
        )
    from kinerja_desktop.ui.app import run_gui

    return run_gui(args.db)


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja-desktop",
        description="Kinerja Desktop: Indikator Kinerja Individu kecamatan. "
        "Tanpa perintah, jendela aplikasi dibuka.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Kinerja Desktop {__version__}",
        # Python 3.11 fixes this default in English before _translate can see it
        help=_translate("show program's version number and exit"),
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="BERKAS|ALAMAT",
        help="berkas basis data, atau server postgresql://PENGGUNA:SANDI@SERVER/NAMA "
        "(bawaan: variabel KINERJA_DB atau folder data pengguna)",
    )
    parser.add_argument(
        "--pengguna",
        default=None,
        metavar="NAMA",
        help="siapa yang bekerja, bila kantor punya beberapa pengguna (bawaan: variabel "
        "KINERJA_PENGGUNA); sandi ditanyakan saat perintah mengubah data",
    )
    parser.set_defaults(func=cmd_gui)
    if commands:
        subparsers = parser.add_subparsers(title="perintah", metavar="PERINTAH")
        for name in COMMAND_MODULES:
            importlib.import_module(f"kinerja_desktop.cli.{name}").register(subparsers)
    return parser


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line; options alone (the window) without the commands' modules."""
    words = list(sys.argv[1:] if argv is None else argv)
    if "-h" not in words and "--help" not in words:
        args, rest = _parser(commands=False).parse_known_args(words)
        if not rest:
            return args
    return _parser().parse_args(words)


def _utf8_console() -> None:
    # An old Windows console defaults to a legacy code page; never crash on Σ or ❖.
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


class _LayarAman:
    """A console stream that drops control characters from what is written: a name stored with
    an escape sequence (``\x1b[2J``) must not clear or recolour the operator's screen."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, teks: str) -> int:
        """Write ``teks`` without its control characters (line breaks and tabs stay)."""
        return self._stream.write(tanpa_kendali(teks))

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._stream, nama)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _utf8_console()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _LayarAman(stdout), _LayarAman(stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        release_locks()


def _main(argv: Sequence[str] | None) -> int:
    from kinerja_desktop.db.location import chosen_location

    args = _parse(argv)
    try:
        args.db = chosen_location(args.db)
        return int(args.func(args))
    except KinerjaError as exc:
        print(f"Galat: {exc.pesan}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:
        # a full disk or read-only folder in the middle of a write is the environment, not a
        # bug: say so in Indonesian (the transaction was rolled back, nothing saved is lost)
        from kinerja_desktop.db.connection import explain_failure

        explained = explain_failure(exc, args.db)
        if explained is None:
            raise
        print(f"Galat: {explained.pesan}", file=sys.stderr)
        return 1
