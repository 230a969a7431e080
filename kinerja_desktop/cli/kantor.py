"""``kantor``: set up a new office from the national area list, show it, keep its desa."""

import argparse
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json


def cmd_kantor_baru(args: argparse.Namespace) -> int:
    """``kantor baru --kode 35.07.12 [--contoh [--tahun Y]]``: a new database for a kecamatan."""
    from kinerja_desktop.db.kantor import info_kantor, make_kantor_database

    db = make_kantor_database(args.db, args.kode, args.contoh, args.tahun)
    info = info_kantor()
    from kinerja_desktop.db.queries import statistics

    stats = statistics()
    db.close()
    print(f"Basis data baru: {args.db}")
    print(f"Kecamatan {info.kecamatan} ({info.kode_wilayah}), {info.kabupaten}, {info.provinsi}")
    print(f"{len(info.desa)} desa/kelurahan dari daftar wilayah Kemendagri.")
    if stats.tahun:
        print(
            f"IKI contoh tahun {stats.tahun[-1]}: {stats.jabatan} jabatan dan {stats.indikator} "
            "indikator dari IKI Kepanjen 2020, tanpa pemangku, penandatangan dan nomor "
            "keputusan; sesuaikan di jendela aplikasi."
        )
    else:
        print("Belum ada IKI: impor dari berkas Excel (iki impor) atau isi di jendela aplikasi.")
    return 0


def _format_desa(d: Any) -> str:
    status = f"  (nonaktif sejak {d.label_nonaktif})" if d.nonaktif_sejak else ""
    return f"  {d.kode:<15} {d.nama_lengkap}{status}"


def cmd_kantor(args: argparse.Namespace) -> int:
    """``kantor [--json]``: the office and its desa."""
    from kinerja_desktop.db.kantor import info_kantor

    open_db(args)
    info = info_kantor()
    if args.json:
        print_json(info.as_dict())
        return 0
    print(f"Kecamatan {info.kecamatan} ({info.kode_wilayah})")
    print(f"{info.kabupaten}, {info.provinsi}")
    aktif = sum(1 for d in info.desa if d.nonaktif_sejak is None)
    print(f"\n{len(info.desa)} desa/kelurahan ({aktif} aktif):")
    for d in info.desa:
        print(_format_desa(d))
    return 0


def cmd_desa_tambah(args: argparse.Namespace) -> int:
    """``kantor desa tambah KODE NAMA``."""
    from kinerja_desktop.db.kantor import add_desa
    from kinerja_desktop.db.models import database_proxy

    open_db_to_write(args)
    with database_proxy.atomic():
        d = add_desa(args.kode, args.nama)
    print(f"Ditambahkan: {d.nama_lengkap} ({d.kode}).")
    return 0


def cmd_desa_ubah(args: argparse.Namespace) -> int:
    """``kantor desa ubah KODE NAMA-BARU``."""
    from kinerja_desktop.db.kantor import rename_desa
    from kinerja_desktop.db.models import database_proxy

    open_db_to_write(args)
    with database_proxy.atomic():
        d = rename_desa(args.kode, args.nama)
    print(f"Nama desa {d.kode} sekarang {d.nama_lengkap}.")
    return 0


def cmd_desa_nonaktif(args: argparse.Namespace) -> int:
    """``kantor desa nonaktif KODE [--sejak 2026-07]``."""
    from kinerja_desktop.db.kantor import retire_desa
    from kinerja_desktop.db.models import database_proxy

    open_db_to_write(args)
    with database_proxy.atomic():
        d = retire_desa(args.kode, args.sejak)
    print(
        f"{d.nama_lengkap} ({d.kode}) nonaktif sejak {d.label_nonaktif}: tidak lagi mendapat "
        "templat dan baris kelengkapan; nilai yang sudah tersimpan tetap ada dan tetap dihitung."
    )
    return 0


def register(commands: Any) -> None:
    """Add ``kantor``, ``kantor baru`` and ``kantor desa …`` to the command parser."""
    kantor = commands.add_parser(
        "kantor",
        help="data kantor (kecamatan) dan desanya; membuat basis data untuk kecamatan lain",
    )
    kantor.add_argument("--json", action="store_true", help="keluaran JSON")
    kantor.set_defaults(func=cmd_kantor)
    sub = kantor.add_subparsers(title="perintah", metavar="PERINTAH")

    baru = sub.add_parser(
        "baru",
        help="membuat basis data baru untuk satu kecamatan dari daftar wilayah Kemendagri",
    )
    baru.add_argument("--kode", required=True, metavar="KODE", help="kode kecamatan, mis. 35.07.12")
    baru.add_argument(
        "--contoh",
        action="store_true",
        help="isi IKI Kepanjen 2020 (jabatan dan indikator) sebagai titik awal untuk diubah",
    )
    baru.add_argument(
        "--tahun",
        type=int,
        default=None,
        metavar="TAHUN",
        help="tahun IKI contoh (bawaan: tahun ini)",
    )
    baru.set_defaults(func=cmd_kantor_baru)

    desa = sub.add_parser("desa", help="menambah, mengganti nama atau menonaktifkan desa")
    desa_sub = desa.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    tambah = desa_sub.add_parser("tambah", help="menambah desa/kelurahan")
    tambah.add_argument("kode", metavar="KODE", help="kode Kemendagri, mis. 35.07.13.2019")
    tambah.add_argument("nama", metavar="NAMA")
    tambah.set_defaults(func=cmd_desa_tambah)
    ubah = desa_sub.add_parser("ubah", help="mengganti nama desa/kelurahan")
    ubah.add_argument("kode", metavar="KODE")
    ubah.add_argument("nama", metavar="NAMA", help="nama baru")
    ubah.set_defaults(func=cmd_desa_ubah)
    nonaktif = desa_sub.add_parser(
        "nonaktif", help="menonaktifkan desa/kelurahan (nilai tersimpan tetap ada)"
    )
    nonaktif.add_argument("kode", metavar="KODE")
    nonaktif.add_argument(
        "--sejak", default=None, metavar="BULAN", help="bulan pertama nonaktif, mis. 2026-07"
    )
    nonaktif.set_defaults(func=cmd_desa_nonaktif)
