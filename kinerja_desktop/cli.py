"""The command line: every headless job as a command; without a command, the window opens.

Messages for people are Indonesian; refusals exit with status 1, wrong usage with status 2.
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kinerja_desktop import __version__
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.paths import default_db_path

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


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _open(args: argparse.Namespace) -> None:
    from kinerja_desktop.db.connection import open_database

    open_database(args.db)


def cmd_stats(args: argparse.Namespace) -> int:
    """``stats``: counts in the database."""
    from kinerja_desktop.db.queries import statistics

    _open(args)
    stats = statistics()
    if args.json:
        _print_json(stats.as_dict())
        return 0
    tahun = ", ".join(str(t) for t in stats.tahun) or "belum ada"
    terakhir = f" (tahun {stats.tahun[-1]})" if stats.tahun else ""
    print(f"Basis data : {args.db}")
    print(f"Tahun      : {tahun}")
    print(f"Jabatan    : {stats.jabatan}{terakhir}")
    print(f"Indikator  : {stats.indikator}{terakhir}")
    print(f"Desa/kel.  : {stats.desa}")
    print(f"Pegawai    : {stats.pegawai}")
    return 0


def cmd_indikator(args: argparse.Namespace) -> int:
    """``indikator --tahun Y``: the indicators of a year."""
    from kinerja_desktop.db.queries import indicators_of_year

    _open(args)
    rows = indicators_of_year(args.tahun)
    if args.json:
        _print_json(rows)
        return 0
    jabatan = None
    for row in rows:
        if row["kode_jabatan"] != jabatan:
            jabatan = row["kode_jabatan"]
            print(f"\n{row['kode_jabatan']} — {row['jabatan']}")
        asal = ", dari desa" if row["dari_desa"] else ""
        print(f"  {row['kode']:<16} {row['nama']}")
        print(
            f"  {'':<16} [{row['satuan']}; {row['jenis']}; {row['polaritas']}"
            f"; {row['frekuensi']}{asal}]"
        )
    print(f"\n{len(rows)} indikator pada tahun {args.tahun}.")
    return 0


def cmd_tahun_salin(args: argparse.Namespace) -> int:
    """``tahun salin --dari Y --ke Y``: copy a year's whole IKI to a new year."""
    from kinerja_desktop.db.years import copy_year

    _open(args)
    hasil = copy_year(args.dari, args.ke)
    print(
        f"Tahun {hasil.dari} disalin ke tahun {hasil.ke}: "
        f"{hasil.jabatan} jabatan dan {hasil.indikator} indikator."
    )
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: open the main window."""
    from kinerja_desktop.ui.app import run_gui

    return run_gui(args.db)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja-desktop",
        description="Kinerja Desktop: Indikator Kinerja Individu kecamatan. "
        "Tanpa perintah, jendela aplikasi dibuka.",
    )
    parser.add_argument("--version", action="version", version=f"Kinerja Desktop {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="BERKAS",
        help="berkas basis data (bawaan: variabel KINERJA_DB atau folder data pengguna)",
    )
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(title="perintah", metavar="PERINTAH")

    stats = commands.add_parser("stats", help="jumlah isi basis data")
    stats.add_argument("--json", action="store_true", help="keluaran JSON")
    stats.set_defaults(func=cmd_stats)

    indikator = commands.add_parser("indikator", help="daftar indikator satu tahun")
    indikator.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    indikator.add_argument("--json", action="store_true", help="keluaran JSON")
    indikator.set_defaults(func=cmd_indikator)

    tahun = commands.add_parser("tahun", help="mengelola tahun")
    tahun_commands = tahun.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    salin = tahun_commands.add_parser("salin", help="salin seluruh IKI satu tahun ke tahun baru")
    salin.add_argument("--dari", type=int, required=True, metavar="TAHUN", help="tahun asal")
    salin.add_argument("--ke", type=int, required=True, metavar="TAHUN", help="tahun baru")
    salin.set_defaults(func=cmd_tahun_salin)
    return parser


def _utf8_console() -> None:
    # An old Windows console defaults to a legacy code page; never crash on Σ or ❖.
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _utf8_console()
    args = _parser().parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    try:
        return int(args.func(args))
    except KinerjaError as exc:
        print(f"Galat: {exc.pesan}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error of ours.
        sys.stderr.close()
        return 0
