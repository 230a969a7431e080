"""``report``: printed and spreadsheet reports. ``report iki`` writes the IKI decree."""

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db


def cmd_report_iki(args: argparse.Namespace) -> int:
    """``report iki --tahun Y --out FILE``: the IKI decree as PDF or Excel."""
    from kinerja_desktop.reports.iki import export_iki
    from kinerja_desktop.reports.output import FORMAT, report_format
    from kinerja_desktop.reports.page import kertas_label

    report_format(args.out)  # refuse a wrong extension before opening anything
    open_db(args)
    path = export_iki(
        args.tahun, args.out, kertas=args.kertas, jabatan_kode=args.jabatan, ttd=_ttd(args)
    )
    from kinerja_desktop import settings

    kertas = kertas_label(args.kertas or settings.get("kertas"))
    isi = f"jabatan {args.jabatan}" if args.jabatan else "semua jabatan"
    print(
        f"IKI tahun {args.tahun} ({isi}, {FORMAT[path.suffix.lower()]}, kertas {kertas}) "
        f"ditulis ke {path}"
    )
    return 0


def cmd_report_capaian(args: argparse.Namespace) -> int:
    """``report capaian --tahun Y --periode P --out FILE``: the capaian report."""
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.reports.capaian import export_capaian
    from kinerja_desktop.reports.output import FORMAT, report_format

    report_format(args.out)
    periode = parse_periode(args.periode)
    open_db(args)
    path = export_capaian(args.tahun, periode.id, args.out, kertas=args.kertas, ttd=_ttd(args))
    print(f"Laporan capaian {periode.label} ({FORMAT[path.suffix.lower()]}) ditulis ke {path}")
    return 0


def cmd_report_kabupaten(args: argparse.Namespace) -> int:
    """``report kabupaten --tahun Y --periode P --out FILE``: the kabupaten report."""
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.reports.kabupaten import export_kabupaten
    from kinerja_desktop.reports.output import FORMAT, report_format

    report_format(args.out)
    periode = parse_periode(args.periode)
    open_db(args)
    path = export_kabupaten(args.tahun, periode.id, args.out, kertas=args.kertas)
    print(f"Laporan kabupaten {periode.label} ({FORMAT[path.suffix.lower()]}) ditulis ke {path}")
    return 0


def _ttd(args: argparse.Namespace) -> Any:
    """The signature choices given on the command line (after the database is open)."""
    from kinerja_desktop.reports.penandatangan import PilihanTtd, pegawai_dari_nip

    pegawai = pegawai_dari_nip(args.penandatangan) if args.penandatangan else None
    return PilihanTtd(args.tempat, args.tanggal, pegawai, args.jabatan_ttd)


def _tanggal(text: str) -> date:
    """``2020-03-31`` or ``31-03-2020``; argparse shows the message on a bad date."""
    for bentuk in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), bentuk).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"tanggal {text!r} tidak dapat dibaca; tulis seperti 2020-03-31 atau 31-03-2020"
    )


def _opsi_ttd(parser: Any, bawaan: str) -> None:
    """The signature options shared by every signed report."""
    grup = parser.add_argument_group("tanda tangan", f"Bawaannya: {bawaan}.")
    grup.add_argument("--tempat", metavar="TEMPAT", help="tempat penandatanganan, mis. Kepanjen")
    grup.add_argument(
        "--tanggal", type=_tanggal, metavar="TANGGAL", help="tanggal, mis. 2020-03-31"
    )
    grup.add_argument("--penandatangan", metavar="NIP", help="NIP pegawai yang menandatangani")
    grup.add_argument(
        "--jabatan-ttd", metavar="TEKS", help='baris jabatan, mis. "a.n. CAMAT KEPANJEN"'
    )


def _kode_jabatan(text: str) -> str:
    """Jabatan codes are stored in capitals: accept ``kasi-pem`` for ``KASI-PEM``."""
    return text.strip().upper()


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
        type=str.lower,  # F4 or A4 as printed on the paper's box
        choices=["f4", "a4"],
        default=None,
        help="ukuran kertas (bawaan: pengaturan aplikasi, mula-mula f4 = 215 × 330 mm)",
    )
    iki.add_argument(
        "--jabatan",
        type=_kode_jabatan,
        metavar="KODE",
        default=None,
        help="hanya satu jabatan (kode jabatan)",
    )
    _opsi_ttd(iki, "tempat, tanggal dan penandatangan yang tercatat pada keputusan tahun itu")
    iki.set_defaults(func=cmd_report_iki)

    capaian = reports.add_parser(
        "capaian",
        help="laporan capaian IKI satu periode (PDF atau Excel)",
        description="Menulis laporan capaian: rekap per jabatan dengan grafik, tabel tiap "
        "jabatan, realisasi per desa dan blok tanda tangan. Jenis berkas mengikuti akhiran: "
        ".pdf atau .xlsx.",
    )
    capaian.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    capaian.add_argument(
        "--periode", required=True, metavar="PERIODE", help="2020, 2020S1, 2020Q1 atau 202001"
    )
    capaian.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    capaian.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )
    _opsi_ttd(
        capaian, "tempat dan penandatangan keputusan tahun itu (Camat), tanggal akhir periode"
    )
    capaian.set_defaults(func=cmd_report_capaian)

    kabupaten = reports.add_parser(
        "kabupaten",
        help="rekapitulasi kabupaten satu periode (PDF atau Excel; ruang kerja kabupaten)",
        description="Menulis laporan kabupaten: ringkasan dan grafik per kecamatan, indikator "
        "bersama, dan rincian tiap kecamatan. Jenis berkas mengikuti akhiran: .pdf atau .xlsx.",
    )
    kabupaten.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    kabupaten.add_argument(
        "--periode", required=True, metavar="PERIODE", help="2020, 2020S1, 2020Q1 atau 202001"
    )
    kabupaten.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    kabupaten.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )
    kabupaten.set_defaults(func=cmd_report_kabupaten)

    from kinerja_desktop.cli.report_lkjip import register_lkjip

    register_lkjip(reports, _opsi_ttd, _ttd)

    from kinerja_desktop.cli import dokumen

    dokumen.register_reports(reports, _opsi_ttd, _ttd, _tanggal)
    dokumen.register_pk(commands, _tanggal)

    from kinerja_desktop.cli.skp import register_report

    register_report(reports, _opsi_ttd, _ttd)
