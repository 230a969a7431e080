"""``kirim``: the package a kecamatan sends to its kabupaten (see exchange/paket_writer.py)."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db


def cmd_kirim(args: argparse.Namespace) -> int:
    """``kirim --tahun Y [--periode P] --out FOLDER``: write one verifiable package."""
    from kinerja_desktop.domain.periode import parse_periode, tahun_
    from kinerja_desktop.exchange.paket_writer import write_paket
    from kinerja_desktop.fileio import size_text

    periode = parse_periode(args.periode) if args.periode else tahun_(args.tahun)
    open_db(args)
    hasil = write_paket(args.tahun, periode, args.out, kertas=args.kertas)
    print(f"Paket {periode.label} ditulis: {hasil.path} ({size_text(hasil.ukuran)}).")
    print(
        f"Isi: laporan IKI dan laporan capaian (PDF dan Excel), data kantor, IKI, "
        f"{hasil.jumlah_nilai} nilai dan capaian, dengan daftar sidik SHA-256 setiap berkas."
    )
    return 0


def register(commands: Any) -> None:
    """Add ``kirim`` to the command parser."""
    kirim = commands.add_parser(
        "kirim",
        help="menulis paket untuk kabupaten (laporan dan data satu periode)",
        description="Menulis satu berkas .zip untuk dikirim ke kabupaten: laporan IKI dan "
        "laporan capaian (PDF dan Excel), data kantor, IKI, target dan realisasi periode itu, "
        "serta daftar sidik SHA-256 setiap berkas. Folder tujuan dibuat bila belum ada.",
    )
    kirim.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    kirim.add_argument(
        "--periode",
        default=None,
        metavar="PERIODE",
        help="2020 (bawaan: setahun), 2020S1, 2020Q1 atau 202001",
    )
    kirim.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="folder tujuan, mis. E:\\"
    )
    kirim.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )
    kirim.set_defaults(func=cmd_kirim)
