"""``persetujuan``: approval steps per jabatan and period, and the list of states."""

import argparse
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json

_LANGKAH = ("ajukan", "verifikasi", "setujui", "kembalikan", "buka-kunci")


def _jabatan_id(tahun: int, kode: str) -> int:
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.queries import require_year
    from kinerja_desktop.errors import TidakDitemukan

    require_year(tahun)
    row = Jabatan.get_or_none((Jabatan.tahun == tahun) & (Jabatan.kode == kode.upper()))
    if row is None:
        kode_ada = Jabatan.select(Jabatan.kode).where(Jabatan.tahun == tahun)
        daftar = ", ".join(k for (k,) in kode_ada.order_by(Jabatan.urutan).tuples().iterator())
        raise TidakDitemukan(
            f"Jabatan berkode {kode} tidak ada di tahun {tahun}. Kode jabatan tahun itu: {daftar}."
        )
    return int(row.id)


def cmd_langkah(args: argparse.Namespace) -> int:
    """``persetujuan ajukan|verifikasi|setujui|kembalikan|buka-kunci``: one step."""
    from kinerja_desktop.db.persetujuan import take_step
    from kinerja_desktop.domain.persetujuan import Langkah

    open_db_to_write(args)
    jenis = "target" if args.target else "realisasi"
    periode = args.periode or str(args.tahun)
    hasil = take_step(
        Langkah(args.langkah), _jabatan_id(args.tahun, args.jabatan), jenis, periode, args.catatan
    )
    print(hasil.perubahan.pesan)
    return 0


def cmd_daftar(args: argparse.Namespace) -> int:
    """``persetujuan daftar --tahun Y [--json]``: every recorded state of the year."""
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.persetujuan import persetujuan_tahun
    from kinerja_desktop.db.queries import require_year
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.domain.tanggal import format_waktu

    open_db(args)
    require_year(args.tahun)
    jabatan = {j.id: j for j in Jabatan.select().where(Jabatan.tahun == args.tahun)}
    daftar = persetujuan_tahun(args.tahun)
    if args.json:
        print_json(
            [
                {
                    "jabatan": jabatan[i.jabatan_id].kode,
                    "nama_jabatan": jabatan[i.jabatan_id].nama,
                    "jenis": i.jenis,
                    "periode": i.periode,
                    "status": i.status.value,
                    "oleh": i.oleh,
                    "waktu": i.waktu,
                    "catatan": i.catatan,
                }
                for i in daftar
            ]
        )
        return 0
    if not daftar:
        print(
            f"Tahun {args.tahun}: semua target dan realisasi masih draf (belum ada yang diajukan)."
        )
        return 0
    print(f"Persetujuan tahun {args.tahun} (yang tidak tercantum masih draf):")
    for i in daftar:
        apa = "Target" if i.jenis == "target" else "Realisasi"
        catatan = f" — {i.catatan}" if i.catatan else ""
        print(
            f"  {jabatan[i.jabatan_id].kode:<16} {apa:<9} {parse_periode(i.periode).label:<18} "
            f"{i.status.label:<12} {i.oleh}, {format_waktu(i.waktu)}{catatan}"
        )
    return 0


def register(commands: Any) -> None:
    """Add ``persetujuan`` to the command parser."""
    setuju = commands.add_parser(
        "persetujuan",
        help="ajukan, verifikasi, setujui, kembalikan atau buka kunci realisasi/target",
        description="Persetujuan per jabatan dan periode: draf → diajukan (operator) → "
        "diverifikasi (verifikator) → disetujui (administrator; periode terkunci). "
        "Kembalikan (verifikator/administrator) dan buka kunci (administrator) wajib "
        "dengan --catatan dan mengembalikan ke draf.",
    )
    sub = setuju.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    for langkah in _LANGKAH:
        p = sub.add_parser(langkah, help=f"{langkah} satu jabatan dan periode")
        p.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
        p.add_argument(
            "--periode",
            default=None,
            metavar="PERIODE",
            help="202601, 2026Q1, 2026S1 atau 2026 (bawaan: setahun)",
        )
        p.add_argument("--jabatan", required=True, metavar="KODE", help="kode jabatan, mis. SEKCAM")
        p.add_argument("--target", action="store_true", help="target setahun, bukan realisasi")
        p.add_argument("--catatan", default="", metavar="TEKS", help="catatan atau alasan")
        p.set_defaults(func=cmd_langkah, langkah=langkah)
    daftar = sub.add_parser("daftar", help="keadaan persetujuan satu tahun")
    daftar.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    daftar.add_argument("--json", action="store_true", help="keluaran JSON")
    daftar.set_defaults(func=cmd_daftar)
