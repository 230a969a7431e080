"""``keputusan``: the decree header of a year (nomor, tempat, tanggal, penandatangan)."""

import argparse
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json
from kinerja_desktop.command_line import command

_KOSONG = "(belum diisi)"


def _print_kepala(k: Any) -> None:
    from kinerja_desktop.domain.nip import format_nip
    from kinerja_desktop.domain.tanggal import nama_bulan

    tanggal = ""
    if k.bulan is not None:
        hari = f"{k.hari} " if k.hari else ""
        tanggal = f"{hari}{nama_bulan(k.bulan)} {k.tahun}"
    penandatangan = k.penandatangan
    if penandatangan:
        nip = f", NIP {format_nip(k.nip)}" if k.nip else ""
        pangkat = f", {k.pangkat} ({k.golongan})" if k.golongan else ""
        penandatangan = f"{penandatangan}{nip}{pangkat}"
    for label, nilai in (
        ("Tahun", str(k.tahun)),
        ("Nomor keputusan", k.nomor),
        ("Tempat", k.tempat),
        ("Tanggal", tanggal),
        ("Jabatan penandatangan", k.jabatan_penandatangan),
        ("Penandatangan", penandatangan),
    ):
        print(f"{label:<22}: {nilai or _KOSONG}")


def cmd_keputusan(args: argparse.Namespace) -> int:
    """``keputusan --tahun Y [--json]``: show the decree header."""
    from kinerja_desktop.db.keputusan import read_kepala

    open_db(args)
    if args.tahun is None:
        from kinerja_desktop.db.queries import latest_year
        from kinerja_desktop.errors import DataTidakValid

        # the example is a year this database holds, so that typing it shows its decree
        contoh = command(args.db, "keputusan", "--tahun", str(latest_year() or "TAHUN"))
        raise DataTidakValid(f"Tulis tahunnya, mis.: {contoh}")
    kepala = read_kepala(args.tahun)
    if args.json:
        print_json(kepala.as_dict())
    else:
        _print_kepala(kepala)
    return 0


def cmd_keputusan_atur(args: argparse.Namespace) -> int:
    """``keputusan atur --tahun Y [--nomor …] [--tempat …] [--bulan M] [--hari D] …``."""
    from kinerja_desktop.db.keputusan import PenandatanganBaru, read_kepala, set_kepala

    open_db_to_write(args)
    perubahan: dict[str, Any] = {}
    for medan in ("nomor", "tempat", "jabatan_penandatangan"):
        nilai = getattr(args, medan)
        if nilai is not None:
            perubahan[medan] = nilai
    if args.bulan is not None:
        perubahan["bulan"] = args.bulan or None  # 0 clears the date
        perubahan["hari"] = args.hari or None
    elif args.hari is not None:
        perubahan["hari"] = args.hari or None
    baru = None
    if args.tanpa_penandatangan:
        perubahan["penandatangan_id"] = None
    elif args.nip is not None:
        baru = PenandatanganBaru(args.nip, args.nama or "", args.golongan or "")
    hasil = set_kepala(args.tahun, perubahan, baru)
    print(hasil.perubahan.pesan)
    _print_kepala(read_kepala(args.tahun))
    return 0


def register(commands: Any) -> None:
    """Add ``keputusan`` and ``keputusan atur``."""
    kep = commands.add_parser(
        "keputusan", help="kepala keputusan IKI satu tahun (nomor, tempat, tanggal, penandatangan)"
    )
    # not required here: "keputusan atur --tahun Y" takes its own, after the subcommand
    kep.add_argument("--tahun", type=int, metavar="TAHUN")
    kep.add_argument("--json", action="store_true", help="keluaran JSON")
    kep.set_defaults(func=cmd_keputusan)
    sub = kep.add_subparsers(title="perintah", metavar="PERINTAH")
    atur = sub.add_parser("atur", help="mengubah kepala keputusan; yang tidak disebut tetap")
    atur.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    atur.add_argument(
        "--nomor", metavar="NOMOR", help='nomor keputusan, mis. "188.45/12/35.07.12/2026"'
    )
    atur.add_argument("--tempat", metavar="TEMPAT", help="tempat penetapan, mis. Sumberpucung")
    atur.add_argument("--bulan", type=int, metavar="BULAN", help="bulan penetapan 1-12 (0: kosong)")
    atur.add_argument("--hari", type=int, metavar="HARI", help="tanggal penetapan 1-31 (0: kosong)")
    atur.add_argument(
        "--jabatan-penandatangan",
        dest="jabatan_penandatangan",
        metavar="TEKS",
        help='baris jabatan di atas tanda tangan, mis. "CAMAT SUMBERPUCUNG"',
    )
    atur.add_argument(
        "--nip", metavar="NIP", help="NIP penandatangan (pegawai baru bila belum ada)"
    )
    atur.add_argument("--nama", metavar="NAMA", help="nama penandatangan (untuk pegawai baru)")
    atur.add_argument("--golongan", metavar="GOL", help="pangkat/golongan, mis. IV/b")
    atur.add_argument(
        "--tanpa-penandatangan",
        dest="tanpa_penandatangan",
        action="store_true",
        help="mengosongkan penandatangan",
    )
    atur.set_defaults(func=cmd_keputusan_atur, json=False)
