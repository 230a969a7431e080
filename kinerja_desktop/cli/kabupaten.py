"""``kabupaten``: the kabupaten workspace that takes in the packages of its kecamatan."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json
from kinerja_desktop.command_line import command


def _persen(x: float | None) -> str:
    from kinerja_desktop.domain.value_text import format_persen

    return "belum ada data" if x is None else format_persen(x)


def _berkas_paket(paths: list[Path]) -> list[Path]:
    """The packages named, a folder standing for the .zip files in it."""
    hasil: list[Path] = []
    for p in paths:
        hasil += sorted(p.glob("*.zip")) if p.is_dir() else [p]
    return hasil


def _open_workspace(args: argparse.Namespace, to_write: bool = False) -> None:
    """Open the workspace named by ``--db``, first marking it as one: when it is damaged, the
    hint then names the ways out of a workspace (packages received again)."""
    from kinerja_desktop.db.backup import mark_workspace

    if isinstance(args.db, Path):
        mark_workspace(args.db)
    (open_db_to_write if to_write else open_db)(args)


def cmd_baru(args: argparse.Namespace) -> int:
    """``--db BERKAS kabupaten baru --kode 35.07``: a new workspace with its kecamatan."""
    from kinerja_desktop.db.kabupaten import make_workspace_database, require_workspace

    db = make_workspace_database(args.db, args.kode)
    info = require_workspace()
    db.close()
    print(f"Ruang kerja {info.nama} ({info.kode}, {info.provinsi}) dibuat di {args.db}.")
    print(f"{len(info.kecamatan)} kecamatan: " + ", ".join(n for _, n in info.kecamatan) + ".")
    terima = command(args.db, "kabupaten", "terima", "FOLDER")
    print(f"Terima paket kecamatan dengan: {terima}")
    return 0


def cmd_terima(args: argparse.Namespace) -> int:
    """``kabupaten terima PAKET... [--coba] [--paksa]``: check every package, then (unless
    ``--coba``) take in those that passed, the same two steps as the window's Terima Paket."""
    from kinerja_desktop.exchange.paket_receive import check_packages, receive_packages

    _open_workspace(args, to_write=True)
    berkas = _berkas_paket(args.paket)
    if not berkas:
        print("Tidak ada berkas paket (.zip) yang ditemukan.")
        return 1
    daftar = check_packages(berkas, args.paksa)
    for p in daftar:
        if p.keadaan == "ditolak":
            print(f"Ditolak: {p.kalimat}")
        elif args.coba:
            print(p.kalimat + " (coba: tidak disimpan)")
        elif p.keadaan == "sama":
            print(p.kalimat)
    ditolak = sum(1 for p in daftar if p.keadaan == "ditolak")
    if not args.coba:
        diterima = receive_packages(daftar, args.paksa).data
        for p in diterima:
            print(f"Ditolak: {p.kalimat}" if p.keadaan == "ditolak" else p.kalimat)
        ditolak += sum(1 for p in diterima if p.keadaan == "ditolak")
        tidak_sampai = sum(1 for p in daftar if p.siap) - len(diterima)
        if diterima and diterima[-1].keadaan == "gagal":
            # the disk or the database failed: the packages after it were not tried
            print(f"{tidak_sampai + 1} paket tidak diterima; terima lagi setelah masalahnya "
                  "diatasi. Paket yang sudah diterima tetap tersimpan.")  # fmt: skip
            return 1
    if ditolak:
        print(f"{ditolak} dari {len(berkas)} paket ditolak; paket lain tetap diproses.")
    return 1 if ditolak else 0


def cmd_rekap(args: argparse.Namespace) -> int:
    """``kabupaten rekap --tahun Y --periode P [--json]``: what arrived, and the figures."""
    from kinerja_desktop.db.kabupaten import rekap
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.domain.tanggal import format_tanggal, format_waktu
    from kinerja_desktop.domain.value_text import format_angka

    periode = parse_periode(args.periode)
    _open_workspace(args)
    r = rekap(args.tahun, periode)
    if args.json:
        print_json(rekap_json(r))
        return 0
    print(
        f"Rekap {r.kabupaten.nama} {periode.label}: {r.diterima} dari {len(r.kecamatan)} "
        f"kecamatan mengirim paket (tenggat {format_tanggal(r.tenggat)})."
    )
    for k in r.kecamatan:
        if k.sha256 is None or k.waktu_tulis is None:
            print(f"\n{k.nama} ({k.kode}): belum ada paket")
            continue
        rata, ada, total = k.capaian_rata
        waktu = "tepat waktu" if k.tepat_waktu else "terlambat"
        print(
            f"\n{k.nama} ({k.kode}): paket ditulis {format_waktu(k.waktu_tulis)} ({waktu}), "
            f"capaian rata-rata {_persen(rata)} ({ada} dari {total} indikator ada data)"
        )
        for b in k.indikator:
            target = b.target or "belum ada"
            print(
                f"  {b.kode:<18} target {target}; capaian {_persen(b.capaian)}"
                f"{' ' + b.kategori if b.kategori else ''}"
            )
    if r.gabungan:
        print("\nIndikator yang sama di beberapa kecamatan (jumlah kabupaten):")
        for g in r.gabungan:
            nilai = (
                _persen(g.realisasi)
                if g.jenis != "jumlah"
                else ("belum ada data" if g.realisasi is None else format_angka(g.realisasi))
            )
            print(f"  {g.nama} ({g.kecamatan} kecamatan): {nilai}")
    return 0


def rekap_json(r: Any) -> dict[str, Any]:
    """The JSON form of a rekap: each kecamatan's figures exactly as it computed them."""
    return {
        "kabupaten": r.kabupaten.kode,
        "tahun": r.tahun,
        "periode": r.periode.id,
        "tenggat": r.tenggat.isoformat(),
        "kecamatan": [
            {
                "kode": k.kode,
                "nama": k.nama,
                "paket": None
                if k.sha256 is None
                else {
                    "waktu_tulis": k.waktu_tulis,
                    "waktu_terima": k.waktu_terima,
                    "sha256": k.sha256,
                    "tepat_waktu": k.tepat_waktu,
                },
                "indikator": [
                    {
                        "kode_jabatan": b.kode_jabatan,
                        "kode_indikator": b.kode,
                        "nama": b.nama,
                        "target": b.target,
                        "realisasi": b.realisasi,
                        "pembilang": b.pembilang,
                        "penyebut": b.penyebut,
                        "capaian": b.capaian,
                        "kategori": b.kategori,
                        "jumlah_data": b.jumlah_data,
                    }
                    for b in k.indikator
                ],
            }
            for k in r.kecamatan
        ],
        "gabungan": [
            {
                "nama": g.nama,
                "jenis": g.jenis,
                "satuan": g.satuan,
                "kecamatan": g.kecamatan,
                "realisasi": g.realisasi,
                "pembilang": g.pembilang,
                "penyebut": g.penyebut,
            }
            for g in r.gabungan
        ],
    }


def cmd_daftar(args: argparse.Namespace) -> int:
    """``kabupaten daftar [--json]``: the receipt log, replaced packages included."""
    from kinerja_desktop.db.kabupaten import receipts, require_workspace
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.domain.tanggal import format_waktu

    _open_workspace(args)
    require_workspace()
    rows = receipts()
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Belum ada paket yang diterima.")
    for r in rows:
        keadaan = "berlaku" if r["berlaku"] else f"diganti {format_waktu(r['diganti'])}"
        print(
            f"{format_waktu(r['waktu_terima'])}  {r['nama']} {parse_periode(r['periode']).label}  "
            f"{r['nama_berkas']}  ditulis {format_waktu(r['waktu_tulis'])}  {keadaan}  "
            f"SHA-256 {r['sha256'][:16]}…"
        )
    return 0


def register(commands: Any) -> None:
    """Add the ``kabupaten`` group to the command parser."""
    kab = commands.add_parser(
        "kabupaten",
        help="ruang kerja kabupaten: menerima dan merekap paket kecamatan",
        description="Ruang kerja kabupaten: menerima paket dari kecamatan (kinerja-desktop "
        "kirim), memeriksanya, lalu menampilkan semua kecamatan berdampingan.",
    )
    sub = kab.add_subparsers(title="perintah", metavar="PERINTAH", required=True)

    baru = sub.add_parser(
        "baru",
        help="membuat ruang kerja kabupaten baru dari daftar wilayah",
        description="Membuat basis data baru (pilih berkasnya dengan --db) sebagai ruang kerja "
        "kabupaten/kota, dengan semua kecamatannya dari daftar wilayah Kemendagri.",
    )
    baru.add_argument(
        "--kode", required=True, metavar="KODE", help="kode kabupaten/kota, mis. 35.07"
    )
    baru.set_defaults(func=cmd_baru)

    terima = sub.add_parser(
        "terima",
        help="memeriksa lalu menerima paket kecamatan",
        description="Memeriksa setiap paket (format, kecamatan, sidik SHA-256, versi) lalu "
        "menyimpannya dalam satu transaksi. Folder berarti semua berkas .zip di dalamnya.",
    )
    terima.add_argument(
        "paket", nargs="+", type=Path, metavar="PAKET", help="berkas .zip paket, atau foldernya"
    )
    terima.add_argument("--coba", action="store_true", help="hanya memeriksa, tidak menyimpan")
    terima.add_argument(
        "--paksa",
        action="store_true",
        help="menerima paket yang lebih lama dari paket yang sudah diterima",
    )
    terima.set_defaults(func=cmd_terima)

    rekap_ = sub.add_parser(
        "rekap",
        help="kelengkapan kiriman dan capaian per kecamatan",
        description="Per kecamatan: paket yang diterima (tepat waktu atau terlambat) dan "
        "target, realisasi serta capaian setiap indikator, persis seperti dihitung kecamatan.",
    )
    rekap_.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    rekap_.add_argument(
        "--periode", required=True, metavar="PERIODE", help="2020, 2020S1, 2020Q1 atau 202001"
    )
    rekap_.add_argument("--json", action="store_true", help="keluaran JSON")
    rekap_.set_defaults(func=cmd_rekap)

    daftar = sub.add_parser("daftar", help="daftar penerimaan paket")
    daftar.add_argument("--json", action="store_true", help="keluaran JSON")
    daftar.set_defaults(func=cmd_daftar)
