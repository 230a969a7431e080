"""Commands for safe data: ``cadangan --out FOLDER`` and ``pulihkan BERKAS [--ya]``."""

import argparse
import contextlib
import sys
from typing import Any

from kinerja_desktop.errors import BasisDataBermasalah
from kinerja_desktop.fileio import size_text


def cmd_cadangan(args: argparse.Namespace) -> int:
    """``cadangan --out FOLDER``: one dated zip with the database and stored import files."""
    from kinerja_desktop.db.archive import export_backup
    from kinerja_desktop.db.location import ServerAddress

    if isinstance(args.db, ServerAddress):
        from kinerja_desktop.cli.common import open_db
        from kinerja_desktop.db.server_copy import export_server_backup

        open_db(args)
        hasil = export_server_backup(args.db, args.out)
    elif not args.db.is_file():
        raise BasisDataBermasalah(
            f"Basis data {args.db} tidak ditemukan; tidak ada yang dicadangkan."
        )
    else:
        hasil = export_backup(args.db, args.out)
    print(f"Cadangan ditulis: {hasil.path} ({size_text(hasil.ukuran)}).")
    print(f"Isi: basis data (skema {hasil.versi_skema}) dan {hasil.berkas_impor} berkas impor.")
    return 0


def _confirm(question: str) -> bool:
    print(question, end="", flush=True)
    answer = sys.stdin.readline()
    if not sys.stdin.isatty():
        print()  # a piped answer is not echoed: end the question's line
    return answer.strip().lower() in ("y", "ya")


def cmd_pulihkan(args: argparse.Namespace) -> int:
    """``pulihkan BERKAS [--ya]``: restore after confirmation, backing up the current state.
    The backup is read and checked once: what the question describes is what is restored."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.leftovers import tidy_after_kill
    from kinerja_desktop.db.location import ServerAddress, nama_asal, stand_in
    from kinerja_desktop.db.models import database_proxy
    from kinerja_desktop.db.ops_restore import check_restore, restore_database
    from kinerja_desktop.domain.tanggal import format_waktu
    from kinerja_desktop.instance import acquire_instance_lock

    server = isinstance(args.db, ServerAddress)
    # the one-window lock is a file's; on a server the check holds its stand-in's lock, and
    # the restore takes the server's locks
    with contextlib.nullcontext() if server else acquire_instance_lock(args.db, tanpa_jendela=True):
        if not server:
            tidy_after_kill(args.db)
        with check_restore(args.berkas, args.db) as checked:
            about = checked.keterangan
            dibuat = format_waktu(about.dibuat) if about.dibuat else "tidak diketahui"
            print(f"Berkas cadangan : {about.path}")
            print(f"Dibuat          : {dibuat}")
            print(
                f"Isi             : basis data skema {about.versi_skema}, "
                f"{about.berkas_impor} berkas impor"
            )
            asal = nama_asal(about.asal) if about.asal else "tidak tercatat"
            print(f"Asal            : {asal}")
            if about.dari_basis_data_lain(stand_in(args.db) if server else args.db):
                print("Perhatian: cadangan ini dibuat dari basis data lain.")
            print(f"Akan menggantikan basis data {args.db}.")
            print("Keadaan sekarang dicadangkan lebih dulu ke folder cadangan.")
            if not args.ya and not _confirm("Lanjutkan pemulihan? Ketik 'ya' untuk melanjutkan: "):
                print("Pemulihan dibatalkan; tidak ada yang diubah.")
                return 1
            if server:
                open_database(args.db)  # the restore reads and replaces the bound database
            # the window's path: replace, open again (upgrading an older schema), log it
            hasil = restore_database(checked, args.db).data
        database_proxy.close()
    print(f"Data dipulihkan dari {hasil.sumber}.")
    if hasil.cadangan_sebelumnya is not None:
        print(f"Keadaan sebelum pemulihan disimpan di {hasil.cadangan_sebelumnya}.")
    return 0


def register(commands: Any) -> None:
    """Add ``cadangan`` and ``pulihkan`` to the command parser."""
    from pathlib import Path

    cadangan = commands.add_parser(
        "cadangan", help="tulis cadangan (basis data dan berkas impor) ke sebuah folder"
    )
    cadangan.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="folder tujuan, mis. flashdisk"
    )
    cadangan.set_defaults(func=cmd_cadangan)

    pulihkan = commands.add_parser("pulihkan", help="pulihkan data dari berkas cadangan")
    pulihkan.add_argument(
        "berkas",
        type=Path,
        metavar="BERKAS",
        help="berkas cadangan (.zip, atau .sqlite3 dari folder cadangan)",
    )
    pulihkan.add_argument("--ya", action="store_true", help="jangan bertanya, langsung pulihkan")
    pulihkan.set_defaults(func=cmd_pulihkan)
