"""Commands on the IKI data itself: counts, indicator lists, copying a year."""

import argparse
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json


def cmd_stats(args: argparse.Namespace) -> int:
    """``stats``: counts in the database."""
    from kinerja_desktop.db.queries import statistics

    open_db(args)
    stats = statistics()
    if args.json:
        print_json(stats.as_dict())
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

    open_db(args)
    rows = indicators_of_year(args.tahun)
    if args.json:
        print_json(rows)
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

    open_db_to_write(args)
    hasil = copy_year(args.dari, args.ke).data
    print(
        f"Tahun {hasil.dari} disalin ke tahun {hasil.ke}: "
        f"{hasil.jabatan} jabatan dan {hasil.indikator} indikator, beserta {hasil.target} "
        "target (realisasi tidak ikut disalin)."
    )
    return 0


def register(commands: Any) -> None:
    """Add ``stats``, ``indikator`` and ``tahun salin`` to the command parser."""
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
