"""``iki impor``: a whole year's IKI from a workbook; ``templat iki``: the blank workbook."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json


def cmd_iki_impor(args: argparse.Namespace) -> int:
    """``iki impor BERKAS.xlsx --tahun Y [--coba] [--ganti] [--json]``."""
    from kinerja_desktop.exchange.iki_import import apply_iki, read_iki

    # a dry run only reads: it may run beside the window
    (open_db if args.coba else open_db_to_write)(args)
    pratinjau = read_iki(args.berkas, args.tahun)
    if args.json:
        print_json(
            {
                "berkas": str(pratinjau.path),
                "sha256": pratinjau.sha256,
                "tahun": pratinjau.tahun,
                "ganti": pratinjau.ganti,
                "pemangku_tetap": pratinjau.pemangku_tetap,
                "pemangku_lepas": pratinjau.pemangku_lepas,
                "jumlah": pratinjau.jumlah,
                "jabatan": [j.as_decree() for j in pratinjau.jabatan],
                "coba": args.coba,
            }
        )
    else:
        print(pratinjau.ringkasan())
        for baris in pratinjau.baris_jabatan():
            print(f"  {baris}")
        if pratinjau.ganti:
            print(f"  {pratinjau.kalimat_ganti()}")
    if args.coba:
        if not args.json:
            print("Uji coba: tidak ada yang disimpan.")
        return 0
    cadangan = apply_iki(pratinjau, args.ganti).data
    if not args.json:
        simpan = f" Cadangan sebelum impor: {cadangan}." if cadangan else ""
        print(f"IKI tahun {pratinjau.tahun} tersimpan.{simpan}")
    return 0


def cmd_templat_iki(args: argparse.Namespace) -> int:
    """``templat iki --out FOLDER [--tahun Y]``: the blank IKI workbook."""
    from kinerja_desktop.reports.iki_templat import write_iki_template

    open_db(args)
    path = write_iki_template(args.out, args.tahun)
    print(f"ditulis: {path}")
    return 0


def register(commands: Any) -> None:
    """Add ``iki impor``."""
    iki = commands.add_parser("iki", help="IKI dari buku kerja Excel")
    iki_cmd = iki.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    impor = iki_cmd.add_parser(
        "impor",
        help="mengimpor IKI satu tahun dari buku kerja (hasil 'report iki --out X.xlsx')",
    )
    impor.add_argument("berkas", type=Path, metavar="BERKAS", help="berkas .xlsx")
    impor.add_argument("--tahun", type=int, required=True, metavar="TAHUN", help="tahun tujuan")
    impor.add_argument(
        "--coba", action="store_true", help="uji coba: tampilkan isinya tanpa menyimpan"
    )
    impor.add_argument(
        "--ganti",
        action="store_true",
        help=(
            "ganti IKI tahun itu bila sudah ada (ditolak bila tahun itu menyimpan data lain "
            "pada jabatannya, misalnya nilai, SKP atau program: penolakannya menyebut semuanya)"
        ),
    )
    impor.add_argument("--json", action="store_true", help="keluaran JSON")
    impor.set_defaults(func=cmd_iki_impor)


def register_templat(templat_cmd: Any) -> None:
    """Add ``templat iki`` to the ``templat`` group made by the desa commands."""
    iki = templat_cmd.add_parser("iki", help="buku kerja IKI kosong untuk diisi lalu diimpor")
    iki.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="folder tujuan")
    iki.add_argument(
        "--tahun",
        type=int,
        default=None,
        metavar="TAHUN",
        help="tahun pada judul (bawaan: tahun ini)",
    )
    iki.set_defaults(func=cmd_templat_iki)
