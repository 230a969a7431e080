"""``audit``: the log of every change, exported or shown, and ``audit periksa``."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, print_json

_BATAS_LAYAR = 50


def _tanggal(teks: str) -> str:
    from datetime import date

    from kinerja_desktop.errors import DataTidakValid

    try:
        return date.fromisoformat(teks).isoformat()
    except ValueError:
        raise DataTidakValid(
            f"Tanggal {teks!r} tidak dikenal; tulis TTTT-BB-HH, mis. 2026-03-31."
        ) from None


def cmd_audit(args: argparse.Namespace) -> int:
    """``audit [--tahun] [--dari --sampai] [--pengguna-log] [--json] [--out X.csv|xlsx]``."""
    from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
    from kinerja_desktop.domain.tanggal import format_waktu

    open_db(args)
    saring = SaringAudit(
        tahun=args.tahun,
        dari=_tanggal(args.dari) if args.dari else "",
        sampai=_tanggal(args.sampai) if args.sampai else "",
        pengguna=args.oleh or "",
    )
    baris = read_audit(saring, batas=None)
    if args.out:
        from kinerja_desktop.exchange.audit_ekspor import write_audit

        path = write_audit(baris, args.out)
        print(f"{len(baris)} catatan perubahan ditulis ke {path}.")
        return 0
    if args.json:
        print_json([b.as_dict() for b in baris])
        return 0
    if not baris:
        print("Tidak ada catatan perubahan yang cocok.")
        return 0
    for b in baris[:_BATAS_LAYAR]:
        apa = " ".join(x for x in (b.jabatan, b.indikator, b.periode, b.desa) if x)
        ubah = f"{b.lama or '-'} → {b.baru or '-'}"
        catatan = f" ({b.catatan})" if b.catatan else ""
        waktu = format_waktu(b.waktu)  # as every other list shows times; the export keeps ISO
        print(f"{b.nomor:>6} {waktu} {b.pengguna:<12} {b.aksi:<18} {apa}: {ubah}{catatan}")
    if len(baris) > _BATAS_LAYAR:
        print(
            f"… dan {len(baris) - _BATAS_LAYAR} catatan lebih lama; simpan semuanya dengan "
            "--out riwayat.xlsx atau --out riwayat.csv."
        )
    return 0


def cmd_periksa(args: argparse.Namespace) -> int:
    """``audit periksa``: walk the hash chain and compare the log with the stored data."""
    from kinerja_desktop.db.audit import check_log

    open_db(args)
    hasil = check_log()
    if hasil.is_intact:
        print(
            f"Log utuh: {hasil.jumlah} catatan, rantai hash cocok, dan setiap nilai, keadaan "
            "persetujuan, IKI, program, kegiatan, realisasi anggaran dan keterangan sama dengan "
            "perubahan terakhir yang tercatat."
        )
        return 0
    print(f"PERINGATAN: {len(hasil.masalah)} masalah ditemukan pada log ({hasil.jumlah} catatan):")
    for m in hasil.masalah:
        print(f"  - {m}")
    print(
        "Berkas basis data diubah di luar aplikasi. Bandingkan dengan cadangan terakhir "
        "(menu Berkas › Pulihkan cadangan…) dan tanyakan siapa yang membuka berkas ini dengan "
        "alat lain."
    )
    return 1


def register(commands: Any) -> None:
    """Add ``audit`` and ``audit periksa`` to the command parser."""
    audit = commands.add_parser(
        "audit",
        help="riwayat setiap perubahan (siapa, kapan, apa, sebelum → sesudah)",
        description="Menampilkan atau mengekspor log perubahan. 'audit periksa' memeriksa "
        "apakah log atau data diubah di luar aplikasi.",
    )
    audit.add_argument("--tahun", type=int, default=None, metavar="TAHUN")
    audit.add_argument("--dari", default=None, metavar="TANGGAL", help="mulai, mis. 2026-03-01")
    audit.add_argument("--sampai", default=None, metavar="TANGGAL", help="sampai (termasuk)")
    audit.add_argument("--oleh", default=None, metavar="NAMA", help="hanya perubahan pengguna ini")
    audit.add_argument("--json", action="store_true", help="keluaran JSON")
    audit.add_argument(
        "--out", type=Path, default=None, metavar="BERKAS", help="simpan ke .csv atau .xlsx"
    )
    audit.set_defaults(func=cmd_audit)
    sub = audit.add_subparsers(title="perintah", metavar="PERINTAH")
    check_log = sub.add_parser("periksa", help="periksa rantai hash log dan data")
    check_log.set_defaults(func=cmd_periksa)
