"""``report lkjip``: the Laporan Kinerja as PDF or Word, with what is missing said first."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db


def cmd_report_lkjip(args: argparse.Namespace) -> int:
    """``report lkjip --tahun Y --out FILE``: what is missing, then the report."""
    from kinerja_desktop.reports.lkjip import export_lkjip
    from kinerja_desktop.reports.lkjip_data import build_lkjip_report
    from kinerja_desktop.reports.output import FORMAT_WORD, report_format

    report_format(args.out, FORMAT_WORD)  # refuse a wrong extension before opening anything
    open_db(args)
    ttd = args.ttd_dari(args)
    kurang = build_lkjip_report(args.tahun, ttd).kekurangan
    if kurang:
        print("Perhatian sebelum laporan ditandatangani:", file=sys.stderr)
        for baris in kurang:
            print(f"- {baris}", file=sys.stderr)
    path = export_lkjip(args.tahun, args.out, kertas=args.kertas, ttd=ttd)
    print(
        f"Laporan Kinerja tahun {args.tahun} ({FORMAT_WORD[path.suffix.lower()]}) ditulis ke {path}"
    )
    return 0


def register_lkjip(
    reports: Any, opsi_ttd: Callable[[Any, str], None], ttd_dari: Callable[..., Any]
) -> None:
    """Add ``report lkjip``; ``opsi_ttd`` adds the shared signature options and ``ttd_dari``
    reads them back (both from cli.report)."""
    lkjip = reports.add_parser(
        "lkjip",
        help="Laporan Kinerja (LKjIP) satu tahun (PDF atau Word)",
        description="Menulis Laporan Kinerja Instansi Pemerintah: Kata Pengantar, Ikhtisar "
        "Eksekutif, BAB I–IV dan Perjanjian Kinerja sebagai lampiran. Jenis berkas mengikuti "
        "akhiran: .pdf untuk dicetak, .docx untuk disunting di Word atau LibreOffice Writer. "
        "Bagian yang masih usulan otomatis dan data yang kurang disebutkan lebih dulu.",
    )
    lkjip.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    lkjip.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .docx)"
    )
    lkjip.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )
    opsi_ttd(lkjip, "tempat dan Camat pada keputusan tahun itu; tanggal diisi tangan")
    lkjip.set_defaults(func=cmd_report_lkjip, ttd_dari=ttd_dari)
