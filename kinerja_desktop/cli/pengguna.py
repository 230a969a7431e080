"""``pengguna``: users of the office PC and their roles; the way out of a forgotten password."""

import argparse
from typing import Any

from kinerja_desktop.cli.common import ask_sandi, open_db, open_db_to_write, print_json
from kinerja_desktop.command_line import command

_PERAN = ("operator", "verifikator", "administrator")


def _sandi_baru(nama: str) -> str:
    from kinerja_desktop.errors import DataTidakValid

    sandi = ask_sandi(f"Sandi baru untuk {nama}: ")
    if ask_sandi("Ulangi sandi baru: ") != sandi:
        raise DataTidakValid("Kedua sandi tidak sama; sandi tidak disimpan. Ulangi perintah.")
    return sandi


def cmd_daftar(args: argparse.Namespace) -> int:
    """``pengguna daftar [--json]``."""
    from kinerja_desktop.db.pengguna import daftar_pengguna

    open_db(args)
    daftar = daftar_pengguna()
    if args.json:
        print_json(
            [
                {"nama": p.nama, "nama_lengkap": p.nama_lengkap, "peran": p.peran.value,
                 "aktif": p.aktif}
                for p in daftar
            ]
        )  # fmt: skip
        return 0
    if not daftar:
        print(
            "Belum ada pengguna: siapa pun yang memakai komputer ini bekerja sebagai "
            "administrator tanpa masuk. Tambahkan administrator pertama dengan: "
            + command(args.db, "pengguna", "tambah", "NAMA", "--peran", "administrator")
        )
        return 0
    for p in daftar:
        keadaan = "" if p.aktif else " (nonaktif)"
        print(f"  {p.nama:<16} {p.peran.label:<14} {p.nama_lengkap}{keadaan}")
    if sum(p.aktif for p in daftar) == 1:
        print("Hanya satu pengguna aktif: tidak ada yang diminta masuk.")
    return 0


def cmd_tambah(args: argparse.Namespace) -> int:
    """``pengguna tambah NAMA --peran P [--nama-lengkap X]``; the password is asked twice."""
    from kinerja_desktop.db.pengguna import add_pengguna
    from kinerja_desktop.domain.persetujuan import Peran

    open_db_to_write(args)
    sandi = _sandi_baru(args.nama)
    print(add_pengguna(args.nama, Peran(args.peran), sandi, args.nama_lengkap).perubahan.pesan)
    return 0


def cmd_ubah(args: argparse.Namespace) -> int:
    """``pengguna ubah NAMA [--peran P] [--nama-lengkap X] [--nonaktif|--aktif]``."""
    from kinerja_desktop.db.pengguna import update_pengguna
    from kinerja_desktop.domain.persetujuan import Peran

    open_db_to_write(args)
    peran = Peran(args.peran) if args.peran else None
    print(update_pengguna(args.nama, peran, args.aktif, args.nama_lengkap).perubahan.pesan)
    return 0


def cmd_sandi(args: argparse.Namespace) -> int:
    """``pengguna sandi NAMA``: a new password (one's own asks the old one first)."""
    from kinerja_desktop.db.pengguna import change_sandi
    from kinerja_desktop.db.sesi import pengguna_aktif

    open_db_to_write(args)
    sesi = pengguna_aktif()
    lama = None
    if sesi.nama == args.nama.lower() and sesi.peran.value != "administrator":
        lama = ask_sandi(f"Sandi lama {args.nama}: ")
    print(change_sandi(args.nama, _sandi_baru(args.nama), lama).perubahan.pesan)
    return 0


def cmd_pulihkan(args: argparse.Namespace) -> int:
    """``pengguna pulihkan NAMA``: reset a forgotten administrator password at this PC."""
    from kinerja_desktop.db.pengguna import request_sandi_reset, reset_sandi
    from kinerja_desktop.paths import data_dir

    open_db_to_write(args)
    folder = data_dir()
    if args.lanjut:
        print(reset_sandi(args.nama, _sandi_baru(args.nama), folder).perubahan.pesan)
        return 0
    berkas = request_sandi_reset(args.nama, folder)
    print("Untuk membuktikan Anda berada di komputer ini:")
    print("  1. buat berkas kosong (mis. dengan Notepad) bernama")
    print(f"     {berkas}")
    print("  2. lalu jalankan:")
    print(f"     {command(args.db, 'pengguna', 'pulihkan', args.nama, '--lanjut')}")
    print("Sandi baru akan ditanyakan; berkas itu dihapus sesudahnya.")
    return 0


def register(commands: Any) -> None:
    """Add ``pengguna`` to the command parser."""
    pengguna = commands.add_parser(
        "pengguna",
        help="pengguna dan perannya (operator, verifikator, administrator)",
        description="Pengguna komputer kantor. Selama hanya ada satu pengguna aktif, tidak "
        "ada yang diminta masuk. Pengguna pertama harus administrator.",
    )
    sub = pengguna.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    daftar = sub.add_parser("daftar", help="daftar pengguna")
    daftar.add_argument("--json", action="store_true", help="keluaran JSON")
    daftar.set_defaults(func=cmd_daftar)
    tambah = sub.add_parser("tambah", help="tambah pengguna (administrator)")
    tambah.add_argument("nama", metavar="NAMA", help="nama masuk, mis. siti")
    tambah.add_argument("--peran", required=True, choices=_PERAN)
    tambah.add_argument("--nama-lengkap", default="", metavar="TEKS")
    tambah.set_defaults(func=cmd_tambah)
    ubah = sub.add_parser("ubah", help="ubah peran, nama lengkap atau keaktifan (administrator)")
    ubah.add_argument("nama", metavar="NAMA")
    ubah.add_argument("--peran", default=None, choices=_PERAN)
    ubah.add_argument("--nama-lengkap", default=None, metavar="TEKS")
    aktif = ubah.add_mutually_exclusive_group()
    aktif.add_argument("--nonaktif", dest="aktif", action="store_false", default=None)
    aktif.add_argument("--aktif", dest="aktif", action="store_true", default=None)
    ubah.set_defaults(func=cmd_ubah)
    sandi = sub.add_parser("sandi", help="ganti sandi")
    sandi.add_argument("nama", metavar="NAMA")
    sandi.set_defaults(func=cmd_sandi)
    pulihkan = sub.add_parser("pulihkan", help="lupa sandi administrator: pulihkan di komputer ini")
    pulihkan.add_argument("nama", metavar="NAMA")
    pulihkan.add_argument(
        "--lanjut", action="store_true", help="langkah kedua, sesudah berkas bukti dibuat"
    )
    pulihkan.set_defaults(func=cmd_pulihkan)
