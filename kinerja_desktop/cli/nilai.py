"""Commands on targets and realisasi: CSV import and export, capaian of a period."""

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_db, open_db_to_write, print_json
from kinerja_desktop.command_line import command
from kinerja_desktop.domain.value_text import format_angka, format_persen

BATAS_TAMPIL = 50  # refusals listed on screen; the count says how many there were


def _persen(x: float | None) -> str:
    return "belum ada data" if x is None else format_persen(x)


def _angka(x: float | None) -> str:
    return "belum ada data" if x is None else format_angka(x)


def _target(t: Any, jenis: str) -> str:
    satuan = "" if jenis == "jumlah" else "%"
    if t.atas is None:
        return _angka(t.nilai) + satuan
    return f"{_angka(t.nilai)}–{_angka(t.atas)}{satuan}"


def cmd_nilai_impor(args: argparse.Namespace) -> int:
    """``nilai impor FILE.csv [--coba]``: check and store targets/realisasi, all or nothing."""
    from kinerja_desktop.db.ops_nilai import plan_values
    from kinerja_desktop.exchange.nilai_csv import apply_csv, read_csv

    # a dry run only reads: it may run beside the window
    (open_db if args.coba else open_db_to_write)(args)
    path = Path(args.berkas)
    isi = read_csv(path)
    rencana = plan_values(isi.nilai)
    rencana.ditolak = isi.ditolak + rencana.ditolak
    rencana.ditolak.sort(key=lambda p: p.lokasi.baris or 0)
    print(f"Berkas : {path.name}")
    print(f"Hasil  : {rencana.ringkasan()}")
    if rencana.ditolak:
        print("Ditolak:")
        for p in rencana.ditolak[:BATAS_TAMPIL]:
            print(f"  {p.kalimat}")
        if len(rencana.ditolak) > BATAS_TAMPIL:
            print(f"  … dan {len(rencana.ditolak) - BATAS_TAMPIL} baris lain.")
        print("Tidak ada yang disimpan: perbaiki baris yang ditolak lalu impor lagi.")
        return 1
    if rencana.dilewati:
        print("Dilewati (periode sudah disetujui dan dikunci; baris lain tetap disimpan):")
        for teks in rencana.alasan_dilewati():
            print(f"  {teks}")
    if args.coba:
        print("Uji coba (--coba): tidak ada yang disimpan.")
        return 0
    hasil = apply_csv(isi, rencana)
    if hasil.data.batch_id is None:
        print("Semua nilai sudah sama dengan yang tersimpan; tidak ada yang diubah.")
        return 0
    print(f"Tersimpan: {hasil.perubahan.pesan} (catatan impor nomor {hasil.data.batch_id})")
    return 0


def cmd_nilai_ekspor(args: argparse.Namespace) -> int:
    """``nilai ekspor --tahun Y --out FILE.csv``: every target and realisasi of a year."""
    from kinerja_desktop.exchange.nilai_csv import write_csv

    open_db(args)
    jumlah = write_csv(args.tahun, args.out)
    print(f"{jumlah} nilai tahun {args.tahun} ditulis ke {args.out}.")
    return 0


def cmd_monev_impor(args: argparse.Namespace) -> int:
    """``nilai impor-monev FILE.csv [--coba]``: budget realised and kendala, all or nothing."""
    from kinerja_desktop.exchange.monev_csv import apply_monev, read_monev_csv

    (open_db if args.coba else open_db_to_write)(args)
    path = Path(args.berkas)
    isi = read_monev_csv(path)
    print(f"Berkas : {path.name}")
    print(f"Hasil  : {isi.ringkasan()}")
    if isi.ditolak:
        print("Ditolak:")
        for p in isi.ditolak[:BATAS_TAMPIL]:
            print(f"  {p.kalimat}")
        if len(isi.ditolak) > BATAS_TAMPIL:
            print(f"  … dan {len(isi.ditolak) - BATAS_TAMPIL} baris lain.")
        print("Tidak ada yang disimpan: perbaiki baris yang ditolak lalu impor lagi.")
        return 1
    if args.coba:
        print("Uji coba (--coba): tidak ada yang disimpan.")
        return 0
    hasil = apply_monev(isi)
    print(f"Tersimpan: {hasil.perubahan.pesan}")
    if hasil.data is not None:
        batal = command(args.db, "impor", "batal", str(hasil.data))
        print(f"Batalkan impor ini seluruhnya dengan: {batal}")
    return 0


def cmd_monev_ekspor(args: argparse.Namespace) -> int:
    """``nilai ekspor-monev --tahun Y --out FILE.csv``: budget realised and kendala of a year."""
    from kinerja_desktop.exchange.monev_csv import write_monev_csv

    open_db(args)
    jumlah = write_monev_csv(args.tahun, args.out)
    print(f"{jumlah} baris monev tahun {args.tahun} ditulis ke {args.out}.")
    return 0


def cmd_capaian(args: argparse.Namespace) -> int:
    """``capaian --tahun Y --periode P [--json]``: capaian of every indicator."""
    from kinerja_desktop.db.queries_nilai import capaian_tahun, summarize_jabatan
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.errors import DataTidakValid

    periode = parse_periode(args.periode)
    if periode.tahun != args.tahun:
        raise DataTidakValid(f"Periode {periode.id} bukan bagian dari tahun {args.tahun}.")
    open_db(args)
    baris = capaian_tahun(args.tahun, periode)
    if args.json:
        print_json([b.as_dict() for b in baris])
        return 0
    print(f"Capaian {periode.label}")
    jabatan: dict[str, list[Any]] = {}
    for b in baris:
        jabatan.setdefault(b.info.kode_jabatan, []).append(b)
    for kode, daftar in jabatan.items():
        rata, ada, total = summarize_jabatan(daftar)
        print(
            f"\n{kode} — {daftar[0].info.nama_jabatan}: capaian {_persen(rata)} "
            f"({ada} dari {total} indikator ada data)"
        )
        for b in daftar:
            target = "belum ada" if b.target is None else _target(b.target, b.info.jenis)
            if b.target_turunan:
                target += " (otomatis)"
            realisasi = b.realisasi.nilai
            teks_realisasi = (
                _angka(realisasi)
                if b.info.jenis == "jumlah" or realisasi is None
                else _persen(realisasi)
            )
            kategori = f" {b.kategori.nama}" if b.kategori else ""
            catatan = (
                f" — {b.capaian.catatan}" if b.capaian.catatan and b.realisasi.has_value else ""
            )
            print(
                f"  {b.info.kode:<18} target {target}; realisasi {teks_realisasi}; "
                f"capaian {_persen(b.capaian.persen)}{kategori}{catatan}"
            )
    ada = sum(1 for b in baris if b.capaian.persen is not None)
    print(f"\n{ada} dari {len(baris)} indikator memiliki capaian pada {periode.label}.")
    if any(b.target_turunan for b in baris):
        print(KETERANGAN_OTOMATIS)
    return 0


KETERANGAN_OTOMATIS = (
    "Target (otomatis): target periode itu tidak diisi, jadi dihitung dari target tahun atau "
    "triwulan yang diisi (indikator jumlah dibagi rata; persentase memakai target yang sama)."
)


def register(commands: Any) -> None:
    """Add ``nilai impor``, ``nilai ekspor`` and ``capaian`` to the command parser."""
    nilai = commands.add_parser("nilai", help="target dan realisasi: impor dan ekspor CSV")
    nilai_commands = nilai.add_subparsers(title="perintah", metavar="PERINTAH", required=True)
    impor = nilai_commands.add_parser(
        "impor", help="impor target/realisasi dari CSV (semua atau tidak sama sekali)"
    )
    impor.add_argument("berkas", metavar="BERKAS.csv", help="berkas CSV nilai")
    impor.add_argument(
        "--coba", action="store_true", help="uji coba: tampilkan yang akan berubah tanpa menyimpan"
    )
    impor.set_defaults(func=cmd_nilai_impor)
    ekspor = nilai_commands.add_parser("ekspor", help="ekspor target dan realisasi satu tahun")
    ekspor.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    ekspor.add_argument("--out", type=Path, required=True, metavar="BERKAS.csv")
    ekspor.set_defaults(func=cmd_nilai_ekspor)
    impor_monev = nilai_commands.add_parser(
        "impor-monev",
        help="impor realisasi anggaran dan kendala/tindak lanjut dari CSV (semua atau tidak)",
    )
    impor_monev.add_argument("berkas", metavar="BERKAS.csv", help="berkas CSV monev")
    impor_monev.add_argument(
        "--coba", action="store_true", help="uji coba: tampilkan yang akan berubah tanpa menyimpan"
    )
    impor_monev.set_defaults(func=cmd_monev_impor)
    ekspor_monev = nilai_commands.add_parser(
        "ekspor-monev", help="ekspor realisasi anggaran dan kendala/tindak lanjut satu tahun"
    )
    ekspor_monev.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    ekspor_monev.add_argument("--out", type=Path, required=True, metavar="BERKAS.csv")
    ekspor_monev.set_defaults(func=cmd_monev_ekspor)

    capaian = commands.add_parser("capaian", help="capaian setiap indikator pada satu periode")
    capaian.add_argument("--tahun", type=int, required=True, metavar="TAHUN")
    capaian.add_argument(
        "--periode", required=True, metavar="PERIODE", help="2026, 2026S1, 2026Q1 atau 202601"
    )
    capaian.add_argument("--json", action="store_true", help="keluaran JSON")
    capaian.set_defaults(func=cmd_capaian)
    register_pita(commands)


def cmd_pita(args: argparse.Namespace) -> int:
    """``pita``: list the rating bands and the ceiling; ``pita atur 91:"Sangat Tinggi" …``;
    ``pita bawaan``; ``--batas-atas 120`` or ``--batas-atas tanpa`` sets the ceiling."""
    from kinerja_desktop.db.ops_pita import (
        WARNA_URUT,
        pita_bawaan,
        set_batas_atas,
        set_pita,
    )
    from kinerja_desktop.db.queries_nilai import penilaian
    from kinerja_desktop.domain.capaian import Pita, aturan_batas_atas, parse_angka
    from kinerja_desktop.errors import DataTidakValid

    # listing reads only; changing the bands is a write
    menulis = args.aksi in ("atur", "bawaan") or args.batas_atas is not None
    (open_db_to_write if menulis else open_db)(args)
    if args.aksi == "atur":
        pita = []
        for i, teks in enumerate(args.kategori):
            batas, sep, nama = teks.partition(":")
            if not sep:
                raise DataTidakValid(
                    f'Kategori {teks!r} harus ditulis BATAS:NAMA, misalnya 91:"Sangat Tinggi".'
                )
            warna = WARNA_URUT[min(i, len(WARNA_URUT) - 1)]
            pita.append(Pita(parse_angka(batas, "batas"), nama, warna))
        print(set_pita(pita).perubahan.pesan)
    elif args.aksi == "bawaan":
        print(pita_bawaan().perubahan.pesan)
    if args.batas_atas is not None:
        tanpa = args.batas_atas.strip().lower() in ("tanpa", "tidak", "-")
        batas = None if tanpa else parse_angka(args.batas_atas.rstrip("%"), "batas atas")
        print(set_batas_atas(batas).perubahan.pesan)
    aturan = penilaian()
    daftar = aturan.pita
    if args.json:
        print_json(
            {
                "kategori": [
                    {"batas_bawah": p.batas_bawah, "nama": p.nama, "warna": p.warna} for p in daftar
                ],
                "batas_atas": aturan.batas_atas,
            }
        )
        return 0
    for i, p in enumerate(daftar):
        atas = f" sampai di bawah {_angka(daftar[i - 1].batas_bawah)}%" if i else " ke atas"
        print(f"  {_angka(p.batas_bawah)}%{atas}: {p.nama}")
    print(aturan_batas_atas(aturan.batas_atas))
    return 0


def register_pita(commands: Any) -> None:
    """Add ``pita`` (rating bands) to the command parser."""
    pita = commands.add_parser("pita", help="kategori capaian (pita penilaian): lihat atau ubah")
    pita.add_argument(
        "aksi", nargs="?", choices=["lihat", "atur", "bawaan"], default="lihat",
        help="lihat (bawaan), atur, atau bawaan (kembali ke kategori bawaan)",
    )  # fmt: skip
    pita.add_argument(
        "kategori", nargs="*", metavar="BATAS:NAMA",
        help='untuk atur: mis. 91:"Sangat Tinggi" 76:Tinggi 66:Sedang 51:Rendah 0:"Sangat Rendah"',
    )  # fmt: skip
    pita.add_argument(
        "--batas-atas", metavar="PERSEN",
        help='batas atas capaian, mis. 120 (capaian di atasnya ditulis 120%%), atau "tanpa"',
    )  # fmt: skip
    pita.add_argument("--json", action="store_true", help="keluaran JSON")
    pita.set_defaults(func=cmd_pita)
