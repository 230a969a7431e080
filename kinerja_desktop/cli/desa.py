"""Commands for desa workbooks: templates out, imports in (with undo), completeness."""

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from kinerja_desktop.cli import iki
from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json
from kinerja_desktop.command_line import command

_BATAS_RINCIAN = 20  # changes listed per file in the text preview; --json gives all


def cmd_templat_desa(args: argparse.Namespace) -> int:
    """``templat desa --tahun Y [--periode P] [--desa KODE] --out FOLDER``."""
    from kinerja_desktop.exchange.desa_template import make_desa_templates

    open_db(args)
    hasil = make_desa_templates(args.tahun, args.out, args.periode, args.desa)
    for h in hasil:
        terisi = f", {h.terisi} nilai sudah terisi" if h.terisi else ""
        print(f"ditulis: {h.path} ({h.baris} baris{terisi})")
    print(f"{len(hasil)} templat desa ditulis ke {args.out}.")
    return 0


def _berkas(masukan: list[Path]) -> list[Path]:
    from kinerja_desktop.exchange.desa_import import berkas_di_folder

    hasil: list[Path] = []
    for p in masukan:
        hasil += berkas_di_folder(p) if p.is_dir() else [p]
    return hasil


def _pratinjau_json(p: Any) -> dict[str, Any]:
    return {
        "berkas": str(p.path),
        "sha256": p.sha256,
        "kode_desa": p.kode_desa,
        "tahun": p.tahun,
        "periode": p.periode,
        "ditolak": p.ditolak,
        "alasan": p.penolakan,
        "tidak_valid": [{"lembar": m.lembar, "sel": m.sel, "alasan": m.alasan} for m in p.masalah],
        "baru": [vars(x) for x in p.baru],
        "diubah": [vars(x) for x in p.diubah],
        "sama": p.sama,
        "dilewati": p.dilewati,
        "belum_diisi": p.belum_diisi,
    }


def _print_pratinjau(p: Any) -> None:
    print(p.ringkasan())
    for m in p.masalah:
        print(f"  - {m.kalimat}")
    if p.ditolak:
        return
    rincian = p.baru + p.diubah
    for x in rincian[:_BATAS_RINCIAN]:
        print(f"  {x.kalimat()}")
    if len(rincian) > _BATAS_RINCIAN:
        print(f"  … dan {len(rincian) - _BATAS_RINCIAN} perubahan lainnya")
    for x in p.dilewati:
        print(f"  {x}")
    if p.sudah_diimpor and not p.has_changes:
        print(f"  Berkas yang sama sudah diimpor ({p.sudah_diimpor}).")


def cmd_impor_desa(args: argparse.Namespace) -> int:
    """``impor desa FILE|FOLDER... [--coba]``: check, preview and apply desa workbooks."""
    from kinerja_desktop.errors import TidakDitemukan
    from kinerja_desktop.exchange.desa_import import import_berkas_desa

    # a dry run only reads: it may run beside the window
    (open_db if args.coba else open_db_to_write)(args)
    berkas = _berkas(args.berkas)
    if not berkas:
        raise TidakDitemukan("Tidak ada berkas .xlsx untuk diimpor di folder yang dipilih.")
    pratinjau, hasil = import_berkas_desa(berkas, args.coba, args.tahun, args.desa)
    if args.json:
        print_json(
            {
                "coba": args.coba,
                "berkas": [_pratinjau_json(p) for p in pratinjau],
                "batch": [h.data.batch_id for h in hasil if h.data.batch_id is not None],
            }
        )
    else:
        for p in pratinjau:
            _print_pratinjau(p)
        ditolak = sum(1 for p in pratinjau if p.ditolak)
        if args.coba:
            print(
                f"\nUji coba (--coba): tidak ada yang disimpan. {len(pratinjau) - ditolak} "
                f"berkas dapat diimpor, {ditolak} ditolak."
            )
        else:
            berubah = [h for h in hasil if h.data.pratinjau.has_changes]
            nomor = ", ".join(str(h.data.batch_id) for h in berubah)
            print(
                f"\n{len(berubah)} berkas diimpor dengan perubahan (nomor impor: {nomor or '-'}), "
                f"{len(hasil) - len(berubah)} tanpa perubahan, {ditolak} ditolak."
            )
            if berubah:
                batal = command(args.db, "impor", "batal", "NOMOR")
                print(f"Batalkan satu impor seluruhnya dengan: {batal}")
    return 1 if any(p.ditolak for p in pratinjau) else 0


def cmd_impor_batal(args: argparse.Namespace) -> int:
    """``impor batal NOMOR``: undo a whole import batch."""
    from kinerja_desktop.db.ops_nilai import undo_batch

    open_db_to_write(args)
    print(undo_batch(args.nomor).perubahan.pesan)
    return 0


def cmd_impor_daftar(args: argparse.Namespace) -> int:
    """``impor daftar``: the import log."""
    from peewee import JOIN

    from kinerja_desktop.db.models import Desa, ImporBatch

    open_db(args)
    query = (  # one query, the desa code joined in, rather than one look-up per batch
        ImporBatch.select(
            ImporBatch.id.alias("nomor"),
            ImporBatch.waktu,
            ImporBatch.nama_berkas.alias("berkas"),
            ImporBatch.jenis,
            Desa.kode.alias("kode_desa"),
            ImporBatch.tahun,
            ImporBatch.periode,
            ImporBatch.baru,
            ImporBatch.diubah,
            ImporBatch.sama,
            ImporBatch.sha256,
            ImporBatch.berkas_simpan,
            ImporBatch.dibatalkan,
        )
        .join(Desa, JOIN.LEFT_OUTER)
        .order_by(ImporBatch.id)
        .dicts()
    )
    rows: list[dict[str, Any]] = list(query.iterator())
    if args.json:
        print_json(rows)
        return 0
    from kinerja_desktop.domain.tanggal import format_waktu

    for r in rows:  # people read "29 November 2026 01.38"; the JSON keeps ISO 8601
        batal = f" [dibatalkan {format_waktu(r['dibatalkan'])}]" if r["dibatalkan"] else ""
        print(
            f"{r['nomor']:>4}  {format_waktu(r['waktu'])}  {r['berkas']}  {r['kode_desa'] or '-'} "
            f"{r['periode'] or '-'}: {r['baru']} baru, {r['diubah']} diubah, "
            f"{r['sama']} sama{batal}"
        )
    print(f"{len(rows)} impor tercatat.")
    return 0


_SIMBOL = {"diterima": "D", "sebagian": "S", "belum": "."}
BELUM_WAKTUNYA = "-"  # nothing yet for a period that has not ended: not late, as in the window


def _simbol(s: Any) -> str:
    if s.status.value == "belum" and not s.jatuh_tempo:
        return BELUM_WAKTUNYA
    return _SIMBOL[s.status.value]


def cmd_kelengkapan(args: argparse.Namespace) -> int:
    """``kelengkapan --tahun Y [--per bulan|triwulan] [--json]``."""
    from kinerja_desktop.reports.kelengkapan import kelengkapan

    open_db(args)
    periode, sel = kelengkapan(args.tahun, args.per)
    if args.json:
        print_json([s.as_dict() for s in sel])
        return 0
    lebar = max(len(s.nama_desa) for s in sel) if sel else 10
    kepala = " ".join(f"{p.label_pendek:>6}" for p in periode)
    print(f"Kelengkapan data desa tahun {args.tahun}")
    print(f"{'Desa/kelurahan':<{lebar}} {kepala}")
    per_desa: dict[str, list[Any]] = {}
    for s in sel:
        per_desa.setdefault(s.nama_desa, []).append(s)
    for nama, daftar in per_desa.items():
        isi = " ".join(f"{_simbol(s):>6}" for s in daftar)
        print(f"{nama:<{lebar}} {isi}")
    hitung = Counter(_simbol(s) for s in sel)
    lainnya = ""
    if hitung[BELUM_WAKTUNYA]:
        lainnya += f", - = belum waktunya ({hitung[BELUM_WAKTUNYA]})"
    if any(len(daftar) < len(periode) for daftar in per_desa.values()):
        lainnya += ", kosong = desa nonaktif"
    print(
        f"\nD = diterima ({hitung['D']}), S = sebagian ({hitung['S']}), "
        f". = belum ada ({hitung['.']}){lainnya}; dihitung dari nilai yang tersimpan."
    )
    return 0


def register(commands: Any) -> None:
    """Add ``templat desa``, ``impor desa|batal|daftar`` and ``kelengkapan``."""
    templat = commands.add_parser("templat", help="membuat templat isian")
    templat_cmd = templat.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    desa = templat_cmd.add_parser("desa", help="satu berkas .xlsx per desa/kelurahan")
    desa.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    desa.add_argument(
        "--periode", metavar="PERIODE", help="misalnya 2026Q1 atau 202603 (bawaan: setahun)"
    )
    desa.add_argument(
        "--desa", metavar="KODE", help="hanya satu desa (kode desa: lihat perintah kantor)"
    )
    desa.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="folder tujuan")
    desa.set_defaults(func=cmd_templat_desa)
    iki.register_templat(templat_cmd)

    impor = commands.add_parser("impor", help="mengimpor isian desa dan catatan impor")
    impor_cmd = impor.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    dari_desa = impor_cmd.add_parser("desa", help="impor berkas isian desa (.xlsx atau folder)")
    dari_desa.add_argument(
        "berkas", type=Path, nargs="+", metavar="BERKAS", help="berkas .xlsx atau folder"
    )
    dari_desa.add_argument(
        "--coba", action="store_true", help="uji coba: tampilkan perubahan tanpa menyimpan"
    )
    dari_desa.add_argument("--tahun", type=int, metavar="TAHUN", help="tolak berkas tahun lain")
    dari_desa.add_argument("--desa", metavar="KODE", help="tolak berkas desa lain")
    dari_desa.add_argument("--json", action="store_true", help="keluaran JSON")
    dari_desa.set_defaults(func=cmd_impor_desa)
    batal = impor_cmd.add_parser("batal", help="membatalkan satu impor seluruhnya")
    batal.add_argument("nomor", type=int, metavar="NOMOR", help="nomor impor (lihat impor daftar)")
    batal.set_defaults(func=cmd_impor_batal)
    daftar = impor_cmd.add_parser("daftar", help="catatan semua impor")
    daftar.add_argument("--json", action="store_true", help="keluaran JSON")
    daftar.set_defaults(func=cmd_impor_daftar)

    lengkap = commands.add_parser("kelengkapan", help="kelengkapan data desa per periode")
    lengkap.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    lengkap.add_argument("--per", choices=["bulan", "triwulan"], default="bulan")
    lengkap.add_argument("--json", action="store_true", help="keluaran JSON")
    lengkap.set_defaults(func=cmd_kelengkapan)
