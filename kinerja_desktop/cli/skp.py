"""``skp``: the SKP per pegawai (PermenPANRB 6/2022) from the command line, and ``report skp``.

``skp daftar``, ``skp buat``, ``skp nilai`` (the proposal, and the atasan's decision),
``skp organisasi`` (the kecamatan's own predikat), ``skp kurva`` (the distribution check),
``skp aturan-kurva`` (its rules, through a CSV file) and ``skp matriks``. The plan itself is
edited in the window (Laporan › SKP Pegawai).
"""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write


def _pegawai_id(nip: str) -> int:
    from kinerja_desktop.reports.penandatangan import pegawai_dari_nip

    return pegawai_dari_nip(nip)


def _skp_id(tahun: int, nip: str) -> int:
    from kinerja_desktop.db.models import Skp
    from kinerja_desktop.errors import DataTidakValid

    skp = Skp.get_or_none((Skp.pegawai == _pegawai_id(nip)) & (Skp.tahun == tahun))
    if skp is None:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        raise DataTidakValid(
            f"Pegawai NIP {nip} belum memiliki SKP tahun {tahun}; buat dulu dengan "
            f"{command(bound_location(), 'skp', 'buat', '--tahun', str(tahun), '--nip', nip)}."
        )
    return int(skp.id)


def _print_check(tahun: int, skp_ids: list[int] | None = None) -> None:
    """What is missing and the distribution check, as the Camat should read them first."""
    from kinerja_desktop.db.queries_skp_tahun import check_kurva_tahun, kekurangan_skp

    kurang = kekurangan_skp(tahun, skp_ids)
    if kurang:
        print("Perlu dilengkapi sebelum ditandatangani:")
        for m in kurang:
            print(f"- {m}")
    print("Kurva distribusi predikat (predikat tahunan):")
    for baris in check_kurva_tahun(tahun).ringkasan():
        print(f"  {baris}")


def cmd_daftar(args: argparse.Namespace) -> int:
    """``skp daftar --tahun Y``: every SKP of the year and the holders still without one."""
    from kinerja_desktop.db.queries import require_year
    from kinerja_desktop.db.queries_skp_tahun import calon_skp, daftar_skp
    from kinerja_desktop.domain.nip import format_nip

    open_db(args)
    require_year(args.tahun)
    daftar = daftar_skp(args.tahun)
    print(f"SKP tahun {args.tahun}: {len(daftar)} pegawai")
    for r in daftar:
        nip = format_nip(r.nip) if r.nip else "(tanpa NIP)"
        print(f"  {r.nama} — NIP {nip} — {r.jabatan} — predikat {r.predikat_tahunan or '-'}")
    calon = calon_skp(args.tahun)
    if calon:
        print(f"Pemangku tanpa SKP: {len(calon)}")
        for c in calon:
            print(f"  {c.nama} — {c.jabatan}")
    return 0


def cmd_buat(args: argparse.Namespace) -> int:
    """``skp buat --tahun Y (--nip NIP | --semua)``: draw SKP from the IKI."""
    from kinerja_desktop.db.ops_skp import add_skp
    from kinerja_desktop.db.queries_skp_tahun import calon_skp

    open_db_to_write(args)
    if args.semua:
        calon = calon_skp(args.tahun)
        dibuat = 0
        for c in calon:
            if c.pegawai_id in {x.pegawai_id for x in calon if x is not c}:
                print(f"{c.nama} memangku beberapa jabatan; buat SKP-nya di jendela.")
                continue
            print(add_skp(c.pegawai_id, args.tahun, c.jabatan_id).perubahan.pesan)
            dibuat += 1
        print(f"{dibuat} SKP dibuat.")
        return 0
    print(add_skp(_pegawai_id(args.nip), args.tahun).perubahan.pesan)
    return 0


def cmd_nilai(args: argparse.Namespace) -> int:
    """``skp nilai --tahun Y --nip NIP --periode P [--hasil R --perilaku R]``: the proposal,
    and with ratings the atasan's decision."""
    from kinerja_desktop.db.ops_skp_evaluasi import set_evaluasi
    from kinerja_desktop.db.queries_skp import evaluasi_skp, read_skp
    from kinerja_desktop.domain.skp import parse_rating

    memutuskan = args.hasil is not None or args.perilaku is not None
    (open_db_to_write if memutuskan else open_db)(args)
    skp_id = _skp_id(args.tahun, args.nip)
    periode = args.periode or str(args.tahun)
    evaluasi = evaluasi_skp(read_skp(skp_id), periode)
    usulan = evaluasi.usulan
    print(f"Usulan aplikasi: {usulan.rating.label if usulan.rating else 'tidak ada'}")
    print(f"  {usulan.alasan}")
    print(f"  Aturan: {evaluasi.aturan_usulan}")
    if memutuskan:
        hasil = parse_rating(args.hasil) if args.hasil else None
        perilaku = parse_rating(args.perilaku) if args.perilaku else None
        ditetapkan = set_evaluasi(skp_id, periode, hasil, perilaku, args.catatan or "")
        print(ditetapkan.perubahan.pesan)
        if periode == str(args.tahun):
            _print_check(args.tahun)
    elif evaluasi.keputusan is not None:
        k = evaluasi.keputusan
        print(
            f"Keputusan atasan: hasil kerja {k.rating_hasil.label if k.rating_hasil else '-'}, "
            f"perilaku {k.rating_perilaku.label if k.rating_perilaku else '-'}, predikat "
            f"{k.predikat or '-'}."
        )
    return 0


def cmd_organisasi(args: argparse.Namespace) -> int:
    """``skp organisasi --tahun Y [--predikat P | --kosongkan]``: the kecamatan's predikat."""
    from kinerja_desktop.db.queries import require_year
    from kinerja_desktop.db.skp_aturan import predikat_organisasi, set_predikat_organisasi

    if args.predikat is None and not args.kosongkan:
        open_db(args)
        require_year(args.tahun)
        ada = predikat_organisasi(args.tahun)
        print(f"Predikat organisasi tahun {args.tahun}: {ada or 'belum diisi'}")
        return 0
    open_db_to_write(args)
    disimpan = set_predikat_organisasi(args.tahun, None if args.kosongkan else args.predikat)
    print(disimpan.perubahan.pesan)
    _print_check(args.tahun)
    return 0


def cmd_kurva(args: argparse.Namespace) -> int:
    """``skp kurva --tahun Y``: the distribution check of the year's predikat."""
    from kinerja_desktop.db.queries import require_year
    from kinerja_desktop.db.skp_aturan import read_kurva, sumber_kurva

    open_db(args)
    require_year(args.tahun)
    _print_check(args.tahun)
    print(f"Aturan yang berlaku ({sumber_kurva()}):")
    for a in read_kurva():
        print(f"  organisasi {a.organisasi}: {a.teks}")
    return 0


def cmd_aturan_kurva(args: argparse.Namespace) -> int:
    """``skp aturan-kurva [--ekspor CSV | --ganti CSV --sumber TEKS | --bawaan]``: the curve's
    rules, written to a CSV file to edit, replaced from one, or put back to the regulation's."""
    from kinerja_desktop.db.skp_aturan import read_kurva, set_kurva, sumber_kurva
    from kinerja_desktop.domain.skp import KURVA_BAWAAN, SUMBER_KURVA
    from kinerja_desktop.errors import DataTidakValid
    from kinerja_desktop.exchange.kurva_csv import read_kurva_csv, write_kurva_csv

    if args.ekspor is not None:
        open_db(args)
        path = write_kurva_csv(read_kurva(), args.ekspor)
        print(f"Aturan kurva distribusi ({sumber_kurva()}) ditulis ke {path}")
        return 0
    if args.ganti is not None:
        if not args.sumber:
            raise DataTidakValid(
                "Sebutkan sumber aturan baru dengan --sumber (peraturan atau surat edaran)."
            )
        aturan = read_kurva_csv(args.ganti)
        open_db_to_write(args)
        print(set_kurva(aturan, args.sumber).perubahan.pesan)
        return 0
    if args.bawaan:
        open_db_to_write(args)
        print(set_kurva(list(KURVA_BAWAAN), SUMBER_KURVA).perubahan.pesan)
        return 0
    open_db(args)
    print(f"Aturan kurva distribusi ({sumber_kurva()}):")
    for a in read_kurva():
        print(f"  organisasi {a.organisasi}: {a.teks}")
    return 0


def cmd_matriks(args: argparse.Namespace) -> int:
    """``skp matriks [--hasil R --perilaku R --predikat P]``: show or change the matrix."""
    from kinerja_desktop.db.skp_aturan import read_matriks, set_matriks
    from kinerja_desktop.domain.skp import Rating, parse_rating

    if args.predikat is not None:
        if args.hasil is None or args.perilaku is None:
            from kinerja_desktop.errors import DataTidakValid

            raise DataTidakValid("Sebutkan sel yang diubah dengan --hasil dan --perilaku.")
        open_db_to_write(args)
        diubah = set_matriks(parse_rating(args.hasil), parse_rating(args.perilaku), args.predikat)
        print(diubah.perubahan.pesan)
        return 0
    open_db(args)
    matriks = read_matriks()
    print("Matriks predikat (baris: rating hasil kerja; kolom: rating perilaku)")
    kolom = (Rating.DIBAWAH, Rating.SESUAI, Rating.DIATAS)
    print(f"{'':22}" + "".join(f"{k.label:22}" for k in kolom))
    for hasil in (Rating.DIATAS, Rating.SESUAI, Rating.DIBAWAH):
        print(f"{hasil.label:22}" + "".join(f"{matriks[(hasil, p)]:22}" for p in kolom))
    return 0


def cmd_report_skp(args: argparse.Namespace, ttd: Callable[[argparse.Namespace], Any]) -> int:
    """``report skp --tahun Y [--nip NIP] [--periode P] --out FILE``: the SKP documents;
    ``ttd`` reads the signature options (cli.report's, shared by every signed report)."""
    from kinerja_desktop.reports.output import FORMAT, report_format
    from kinerja_desktop.reports.skp import write_skp
    from kinerja_desktop.reports.skp_data import build_skp_report

    report_format(args.out)
    open_db(args)
    laporan = build_skp_report(args.tahun, args.periode, args.nip, ttd(args))
    _print_check(args.tahun, [d.data.id for d in laporan.dokumen])
    path = write_skp(laporan, args.out, args.kertas)
    siapa = laporan.dokumen[0].data.pegawai.nama if args.nip else f"{len(laporan.dokumen)} pegawai"
    print(f"SKP {laporan.label_periode} ({siapa}, {FORMAT[path.suffix.lower()]}) ditulis ke {path}")
    return 0


def register_report(
    reports: Any,
    opsi_ttd: Callable[[Any, str], None],
    ttd: Callable[[argparse.Namespace], Any],
) -> None:
    """Add ``report skp`` to the ``report`` group (with its shared signature options)."""
    skp = reports.add_parser(
        "skp",
        help="SKP pegawai: rencana, evaluasi dan dokumen evaluasi (PDF atau Excel e-Kinerja)",
        description="Menulis SKP pegawai menurut PermenPANRB 6/2022: rencana hasil kerja dan "
        "perilaku, evaluasi periode dan Dokumen Evaluasi Kinerja Pegawai (PDF untuk "
        "ditandatangani), atau buku kerja Excel berurutan kolom e-Kinerja. Tanpa --nip: semua "
        "pegawai beserta rekap predikat dan pemeriksaan kurva distribusi.",
    )
    skp.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    skp.add_argument("--nip", metavar="NIP", help="hanya pegawai ini (bawaan: semua pegawai)")
    skp.add_argument(
        "--periode", metavar="PERIODE", help="2026Q1 … 2026Q4, atau 2026 untuk tahunan (bawaan)"
    )
    skp.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan (.pdf atau .xlsx)"
    )
    skp.add_argument(
        "--kertas", type=str.lower, choices=["f4", "a4"], default=None, help="ukuran kertas"
    )
    opsi_ttd(skp, "tempat keputusan tahun itu, tanggal akhir periode; rekap ditandatangani Camat")
    skp.set_defaults(func=lambda args: cmd_report_skp(args, ttd))


def register(commands: Any) -> None:
    """Add the ``skp`` group."""
    skp = commands.add_parser(
        "skp",
        help="SKP pegawai (PermenPANRB 6/2022): buat, nilai, predikat organisasi, kurva",
        description="SKP per pegawai: dibuat dari IKI jabatannya, dinilai per triwulan dan "
        "tahunan. Rencana hasil kerja, ekspektasi dan umpan balik disunting di jendela "
        "(Laporan › SKP Pegawai).",
    )
    sub = skp.add_subparsers(title="perintah skp", metavar="PERINTAH", required=True)

    daftar = sub.add_parser("daftar", help="SKP tahun itu dan pemangku yang belum punya SKP")
    daftar.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    daftar.set_defaults(func=cmd_daftar)

    buat = sub.add_parser("buat", help="membuat SKP dari IKI jabatan yang dipangku")
    buat.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    siapa = buat.add_mutually_exclusive_group(required=True)
    siapa.add_argument("--nip", metavar="NIP", help="pegawai yang dibuatkan SKP")
    siapa.add_argument("--semua", action="store_true", help="semua pemangku yang belum punya SKP")
    buat.set_defaults(func=cmd_buat)

    nilai = sub.add_parser(
        "nilai", help="usulan rating hasil kerja, dan keputusan atasan (rating dan predikat)"
    )
    nilai.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    nilai.add_argument("--nip", required=True, metavar="NIP")
    nilai.add_argument("--periode", metavar="PERIODE", help="2026Q1 … 2026Q4 atau 2026 (bawaan)")
    nilai.add_argument(
        "--hasil", metavar="RATING", help="rating hasil kerja: diatas, sesuai, dibawah"
    )
    nilai.add_argument(
        "--perilaku", metavar="RATING", help="rating perilaku: diatas, sesuai, dibawah"
    )
    nilai.add_argument("--catatan", metavar="TEKS", help="catatan/rekomendasi atasan")
    nilai.set_defaults(func=cmd_nilai)

    organisasi = sub.add_parser("organisasi", help="predikat kinerja organisasi (kecamatan)")
    organisasi.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    isi = organisasi.add_mutually_exclusive_group()
    isi.add_argument(
        "--predikat",
        metavar="PREDIKAT",
        help="Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang",
    )
    isi.add_argument("--kosongkan", action="store_true", help="menghapus predikat tahun itu")
    organisasi.set_defaults(func=cmd_organisasi)

    kurva = sub.add_parser("kurva", help="memeriksa sebaran predikat pegawai (kurva distribusi)")
    kurva.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    kurva.set_defaults(func=cmd_kurva)

    aturan = sub.add_parser(
        "aturan-kurva",
        help="melihat, mengekspor ke CSV, mengganti dari CSV, atau mengembalikan aturan kurva",
        description="Aturan kurva distribusi (bawaan: PermenPANRB 6/2022). Ekspor ke CSV, ubah "
        "di lembar kerja, lalu ganti dengan --ganti dan sebutkan sumbernya.",
    )
    pilih = aturan.add_mutually_exclusive_group()
    pilih.add_argument("--ekspor", type=Path, metavar="BERKAS.csv", help="menulis aturan ke CSV")
    pilih.add_argument("--ganti", type=Path, metavar="BERKAS.csv", help="mengganti dari CSV")
    pilih.add_argument("--bawaan", action="store_true", help="kembali ke PermenPANRB 6/2022")
    aturan.add_argument("--sumber", metavar="TEKS", help="sumber aturan baru (dengan --ganti)")
    aturan.set_defaults(func=cmd_aturan_kurva)

    matriks = sub.add_parser("matriks", help="melihat atau mengubah matriks predikat")
    matriks.add_argument("--hasil", metavar="RATING", help="baris: rating hasil kerja")
    matriks.add_argument("--perilaku", metavar="RATING", help="kolom: rating perilaku")
    matriks.add_argument("--predikat", metavar="PREDIKAT", help="predikat baru sel itu")
    matriks.set_defaults(func=cmd_matriks)
