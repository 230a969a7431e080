"""``report``: printed and spreadsheet reports. ``report iki`` writes the IKI decree."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db


def cmd_report_iki(args: argparse.Namespace) -> int:
    """``report iki --tahun Y --out FILE``: the IKI decree as PDF or Excel."""
    from kinerja_desktop.reports.iki import FORMAT, export_iki, report_format
    from kinerja_desktop.reports.page import kertas_label

    report_format(args.out)  # refuse a wrong extension before opening anything
    open_db(args)
    path = export_iki(args.tahun, args.out, kertas=args.kertas, jabatan_kode=args.jabatan)
    from kinerja_desktop import settings

    kertas = kertas_label(args.kertas or settings.get("kertas"))
    isi = f"jabatan {args.jabatan}" if args.jabatan else "semua jabatan"
    print(
        f"IKI tahun {args.tahun} ({isi}, {FORMAT[path.suffix.lower()]}, kertas {kertas}) "
        f"ditulis ke {path}"
    )
    return 0


def register(commands: Any) -> None:
    """Add the ``report`` group (``report iki``; ``report capaian`` joins it later)."""
    report = commands.add_parser(
        "report",
        help="membuat laporan PDF atau Excel",
        description="Membuat laporan untuk dicetak (PDF) atau dikirim (Excel).",
    )
    reports = report.add_subparsers(title="laporan", metavar="LAPORAN", required=True)

    iki = reports.add_parser(
        "iki",
        help="Lampiran Keputusan Camat tentang IKI (PDF atau Excel)",
        description="Menulis Lampiran Keputusan Camat tentang Indikator Kinerja Individu. "
        "Jenis berkas mengikuti akhiran nama berkas: .pdf atau .xlsx.",
    )
    iki.add_argument(
        "--tahun", type=int, required=True, metavar="TAHUN", help="tahun IKI, misalnya 2020"
    )
    iki.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    iki.add_argument(
        "--kertas",
        choices=["f4", "a4"],
        default=None,
        help="ukuran kertas (bawaan: pengaturan aplikasi, mula-mula f4 = 215 × 330 mm)",
    )
    iki.add_argument(
        "--jabatan", metavar="KODE", default=None, help="hanya satu jabatan (kode jabatan)"
    )
    iki.set_defaults(func=cmd_report_iki)
