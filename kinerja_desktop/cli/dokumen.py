"""The planning documents on the command line: ``report pk``, ``report rencana-aksi`` and
``report monev`` (added to the ``report`` group by :func:`register_reports`), and the ``pk``
group: the statement text of a year, issuing the PK (and PK Perubahan), the issue list."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json


def _kertas(parser: Any) -> None:
    parser.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )


def _kode(text: str) -> str:
    return text.strip().upper()


def _jabatan(parser: Any) -> None:
    parser.add_argument(
        "--jabatan",
        type=_kode,
        metavar="KODE",
        default=None,
        help="hanya satu jabatan (kode jabatan; CAMAT untuk Camat)",
    )


def _print_kurang(kurang: list[str], keadaan: tuple[str, ...] = ()) -> None:
    if kurang:
        print(f"Belum tercatat (dicetak sebagai titik-titik untuk diisi tangan): {len(kurang)}")
        for baris in kurang:
            print(f"  - {baris}")
    for baris in keadaan:
        print(f"Perhatian: {baris}")


def cmd_report_pk(args: argparse.Namespace) -> int:
    """``report pk --tahun Y --out FILE``: the Perjanjian Kinerja."""
    from kinerja_desktop.reports.output import FORMAT, report_format
    from kinerja_desktop.reports.penandatangan import PilihanTtd
    from kinerja_desktop.reports.pk import write_pk
    from kinerja_desktop.reports.pk_versi import build_pk_report

    report_format(args.out)
    open_db(args)
    ttd = PilihanTtd(tempat=args.tempat, tanggal=args.tanggal)
    laporan = build_pk_report(args.tahun, args.jabatan, ttd, args.awal, args.asal_angka)
    path = write_pk(laporan, args.out, args.kertas)
    isi = f"jabatan {args.jabatan}" if args.jabatan else "semua jabatan"
    versi = ", versi yang pertama diterbitkan" if args.awal else ""
    print(
        f"Perjanjian Kinerja tahun {args.tahun} ({isi}{versi}, {len(laporan.dokumen)} "
        f"perjanjian, {FORMAT[path.suffix.lower()]}) ditulis ke {path}"
    )
    _print_kurang(laporan.kurang, laporan.keadaan)
    return 0


def cmd_report_rencana_aksi(args: argparse.Namespace) -> int:
    """``report rencana-aksi --tahun Y --out FILE``: the Rencana Aksi."""
    from kinerja_desktop.reports.output import FORMAT, report_format
    from kinerja_desktop.reports.rencana_aksi import write_rencana_aksi
    from kinerja_desktop.reports.rencana_aksi_data import build_rencana_aksi

    report_format(args.out)
    open_db(args)
    laporan = build_rencana_aksi(args.tahun, args.jabatan, args.ttd_dari(args))
    path = write_rencana_aksi(laporan, args.out, args.kertas)
    isi = f"jabatan {args.jabatan}" if args.jabatan else "semua jabatan"
    print(
        f"Rencana Aksi tahun {args.tahun} ({isi}, {FORMAT[path.suffix.lower()]}) ditulis ke {path}"
    )
    _print_kurang(laporan.kurang)
    return 0


def cmd_report_monev(args: argparse.Namespace) -> int:
    """``report monev --tahun Y --periode 2026Q2 --out FILE``: the quarterly monev."""
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.reports.monev import write_monev
    from kinerja_desktop.reports.monev_data import build_monev
    from kinerja_desktop.reports.output import FORMAT, report_format

    report_format(args.out)
    periode = parse_periode(args.periode)
    open_db(args)
    laporan = build_monev(
        args.tahun, periode, args.jabatan, args.ttd_dari(args), not args.tanpa_asal_angka
    )
    path = write_monev(laporan, args.out, args.kertas)
    print(f"Monev {periode.label} ({FORMAT[path.suffix.lower()]}) ditulis ke {path}")
    _print_kurang(laporan.kurang)
    return 0


def register_reports(reports: Any, opsi_ttd: Any, ttd_dari: Any, tanggal: Any) -> None:
    """Add ``pk``, ``rencana-aksi`` and ``monev`` to the ``report`` group. From cli.report:
    ``opsi_ttd`` adds the signature options, ``ttd_dari(args)`` reads them, ``tanggal`` reads
    a date argument."""
    pk = reports.add_parser(
        "pk",
        help="Perjanjian Kinerja per jabatan (PDF atau Excel)",
        description="Menulis Perjanjian Kinerja: halaman pernyataan dan lampiran (sasaran, "
        "indikator, target, satuan; program dan anggaran) setiap jabatan, Camat lebih dulu, "
        "masing-masing mulai di halaman baru. Jabatan yang sudah diterbitkan dicetak menurut "
        "versi terakhir yang diterbitkan (PK Perubahan dengan daftar perubahannya).",
    )
    pk.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    pk.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    _kertas(pk)
    _jabatan(pk)
    pk.add_argument(
        "--awal",
        action="store_true",
        help="cetak PK yang pertama diterbitkan (sebelum perubahan), bukan versi terakhir",
    )
    pk.add_argument(
        "--asal-angka",
        action="store_true",
        help="tambahkan lampiran asal angka (dari mana realisasi setiap indikator berasal)",
    )
    grup = pk.add_argument_group(
        "tanda tangan", "Bawaannya: tempat dan tanggal keputusan IKI tahun itu."
    )
    grup.add_argument("--tempat", metavar="TEMPAT", help="tempat penandatanganan")
    grup.add_argument("--tanggal", type=tanggal, metavar="TANGGAL", help="mis. 2026-01-05")
    pk.set_defaults(func=cmd_report_pk)

    ra = reports.add_parser(
        "rencana-aksi",
        help="Rencana Aksi per jabatan (PDF lanskap atau Excel)",
        description="Menulis Rencana Aksi: indikator dengan target TW I–IV, program, anggaran, "
        "rencana aksi dan sub rencana aksi, penanggung jawab; setiap jabatan di halaman baru.",
    )
    ra.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    ra.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    _kertas(ra)
    _jabatan(ra)
    opsi_ttd(ra, "tempat, tanggal dan penandatangan keputusan IKI tahun itu (Camat)")
    ra.set_defaults(func=cmd_report_rencana_aksi, ttd_dari=ttd_dari)

    monev = reports.add_parser(
        "monev",
        help="monitoring dan evaluasi triwulanan (PDF lanskap atau Excel)",
        description="Menulis monev satu triwulan: target tahun dan triwulan, realisasi "
        "triwulan dan kumulatif, capaian, kategori, realisasi anggaran dan keterangan/kendala, "
        "dengan lampiran asal angka (dari mana setiap realisasi berasal).",
    )
    monev.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    monev.add_argument("--periode", required=True, metavar="PERIODE", help="triwulan, mis. 2026Q2")
    monev.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    _kertas(monev)
    _jabatan(monev)
    monev.add_argument("--tanpa-asal-angka", action="store_true", help="tanpa lampiran asal angka")
    opsi_ttd(monev, "tempat dan penandatangan keputusan IKI tahun itu (Camat), akhir triwulan")
    monev.set_defaults(func=cmd_report_monev, ttd_dari=ttd_dari)


def cmd_pk_naskah(args: argparse.Namespace) -> int:
    """``pk naskah --tahun Y [--pembuka …] [--janji …] [--bupati …]``: show or keep the
    statement text of a year."""
    from kinerja_desktop.db.pk import read_naskah, set_naskah

    ubah = any(v is not None for v in (args.pembuka, args.janji, args.bupati, args.sebutan_bupati))
    if ubah:
        open_db_to_write(args)
        lama = read_naskah(args.tahun)
        janji = args.janji.replace("\\n", "\n") if args.janji is not None else lama.janji
        hasil = set_naskah(
            args.tahun,
            args.pembuka if args.pembuka is not None else lama.pembuka,
            janji,
            args.bupati if args.bupati is not None else lama.nama_kepala_daerah,
            args.sebutan_bupati if args.sebutan_bupati is not None else lama.jabatan_kepala_daerah,
        )
        print(hasil.perubahan.pesan)
    else:
        open_db(args)
    naskah = read_naskah(args.tahun)
    if args.json:
        print_json(
            {
                "tahun": naskah.tahun,
                "pembuka": naskah.pembuka,
                "janji": naskah.paragraf_janji,
                "nama_kepala_daerah": naskah.nama_kepala_daerah,
                "jabatan_kepala_daerah": naskah.jabatan_kepala_daerah,
                "dari_tahun": naskah.dari_tahun,
            }
        )
        return 0
    asal = "naskah bawaan" if naskah.dari_tahun is None else f"naskah tahun {naskah.dari_tahun}"
    print(f"Naskah Perjanjian Kinerja tahun {naskah.tahun} ({asal})")
    nama = naskah.nama_kepala_daerah or "(nama belum diisi)"
    print(f"Kepala daerah: {naskah.jabatan_kepala_daerah} — {nama}")
    print(f"\n{naskah.pembuka}\n")
    for p in naskah.paragraf_janji:
        print(f"{p}\n")
    return 0


def cmd_pk_terbitkan(args: argparse.Namespace) -> int:
    """``pk terbitkan --tahun Y [--jabatan K] [--alasan TEKS]``: issue the PK as it is now."""
    from kinerja_desktop.reports.pk_terbit import issue_pk

    open_db_to_write(args)
    from kinerja_desktop.reports.penandatangan import PilihanTtd

    ttd = PilihanTtd(tempat=args.tempat, tanggal=args.tanggal)
    hasil = issue_pk(args.tahun, args.jabatan, args.alasan or "", ttd).data
    print(hasil.pesan)
    for judul, daftar in (
        ("PK", hasil.awal),
        ("PK Perubahan", hasil.perubahan),
        ("Tidak berubah", hasil.tetap),
    ):
        if daftar:
            print(f"{judul}: {', '.join(daftar)}")
    return 0


def cmd_pk_daftar(args: argparse.Namespace) -> int:
    """``pk daftar --tahun Y``: every jabatan's issued versions and whether data changed."""
    from kinerja_desktop.reports.pk_terbit import keadaan_terbit

    open_db(args)
    keadaan = keadaan_terbit(args.tahun)
    if args.json:
        print_json([k.as_dict() for k in keadaan])
        return 0
    for k in keadaan:
        print(f"{k.kode:<14} {k.kalimat}")
    return 0


def register_pk(commands: Any, tanggal: Any) -> None:
    """Add the ``pk`` group (``tanggal`` reads a date argument, from cli.report)."""
    pk = commands.add_parser(
        "pk",
        help="Perjanjian Kinerja: naskah, terbitkan (dan PK Perubahan), daftar terbitan",
        description="Naskah pernyataan Perjanjian Kinerja per tahun (satu untuk seluruh "
        "kantor), penerbitan PK dan PK Perubahan. Mencetaknya: kinerja-desktop report pk.",
    )
    sub = pk.add_subparsers(title="perintah", metavar="PERINTAH", required=True)

    naskah = sub.add_parser(
        "naskah",
        help="lihat atau ubah naskah pernyataan dan nama Bupati/Wali Kota satu tahun",
        description="Tanpa pilihan ubah: menampilkan naskah. Tahun yang belum punya naskah "
        "sendiri memakai naskah tahun sebelumnya (atau naskah bawaan); salin tahun ikut "
        "menyalin naskah, dan mengubah naskah satu tahun tidak mengubah tahun lain.",
    )
    naskah.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    naskah.add_argument("--pembuka", metavar="TEKS", help="kalimat pembuka")
    naskah.add_argument(
        "--janji", metavar="TEKS", help="isi perjanjian; paragraf dipisah dengan \\n\\n"
    )
    naskah.add_argument(
        "--bupati", metavar="NAMA", help="nama Bupati/Wali Kota (pihak kedua Camat)"
    )
    naskah.add_argument("--sebutan-bupati", metavar="TEKS", help='mis. "BUPATI MALANG"')
    naskah.add_argument("--json", action="store_true", help="keluaran JSON")
    naskah.set_defaults(func=cmd_pk_naskah)

    terbit = sub.add_parser(
        "terbitkan",
        help="terbitkan PK (atau PK Perubahan bila datanya berubah sejak diterbitkan)",
        description="Membekukan Perjanjian Kinerja sebagaimana datanya sekarang. Jabatan yang "
        "sudah pernah diterbitkan dan datanya berubah mendapat PK Perubahan (wajib --alasan); "
        "PK semula tetap tersimpan dan dapat dicetak dengan report pk --awal.",
    )
    terbit.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    _jabatan(terbit)
    terbit.add_argument("--alasan", metavar="TEKS", help="alasan PK Perubahan")
    terbit.add_argument("--tempat", metavar="TEMPAT", help="tempat penandatanganan")
    terbit.add_argument(
        "--tanggal",
        type=tanggal,
        metavar="TANGGAL",
        help="tanggal penandatanganan (bawaan: PK tanggal keputusan IKI, PK Perubahan hari ini)",
    )
    terbit.set_defaults(func=cmd_pk_terbitkan)

    daftar = sub.add_parser("daftar", help="PK yang sudah diterbitkan tiap jabatan")
    daftar.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    daftar.add_argument("--json", action="store_true", help="keluaran JSON")
    daftar.set_defaults(func=cmd_pk_daftar)
