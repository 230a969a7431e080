"""The distribution curve (kurva distribusi) as a CSV file, to change it when a kabupaten uses
its own rules: written by ``skp aturan-kurva --ekspor``, edited in a spreadsheet, read back by
``skp aturan-kurva --ganti``.

Columns: ``organisasi,predikat,paling_sedikit,paling_banyak,minimal_orang``. ``predikat`` holds
one or more staff predikat joined by " + " ("Butuh Perbaikan + Kurang/Misconduct"); the bounds
are percent, empty for none. Read back, each line passes the rule check of the store
(:func:`kinerja_desktop.domain.skp.check_aturan_kurva`), so a refusal names its line.
"""

import csv
import io
from pathlib import Path

from kinerja_desktop.domain.capaian import parse_angka
from kinerja_desktop.domain.skp import AturanKurva, check_aturan_kurva
from kinerja_desktop.errors import DataTidakValid, KinerjaError
from kinerja_desktop.exchange.nilai_csv import pemisah, read_csv_text
from kinerja_desktop.fileio import atomic_write

KOLOM = ("organisasi", "predikat", "paling_sedikit", "paling_banyak", "minimal_orang")
PEMISAH = " + "


def _angka(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def write_kurva_csv(aturan: list[AturanKurva], target: Path) -> Path:
    """Write ``aturan`` to ``target`` (UTF-8 with BOM, so that Excel reads ± and / right)."""
    keluar = io.StringIO()
    w = csv.writer(keluar, lineterminator="\r\n")
    w.writerow(KOLOM)
    for a in aturan:
        w.writerow(
            (
                a.organisasi,
                PEMISAH.join(a.predikat),
                _angka(a.paling_sedikit),
                _angka(a.paling_banyak),
                str(a.minimal_orang),
            )
        )
    return atomic_write(Path(target), lambda t: t.write_text(keluar.getvalue(), "utf-8-sig"))


def _batas(teks: str, kolom: str) -> float | None:
    return parse_angka(teks, kolom) if teks else None


def _orang(teks: str) -> int:
    if not teks:
        return 0
    jumlah = parse_angka(teks, "minimal_orang")
    if not jumlah.is_integer():
        raise DataTidakValid(
            f"Isian minimal_orang {teks!r} bukan bilangan bulat; isi jumlah pegawai (0, 1, 2 …)."
        )
    return int(jumlah)


def read_kurva_csv(sumber: Path) -> list[AturanKurva]:
    """Read a curve written by :func:`write_kurva_csv` (and edited, in Excel too), every rule
    checked as it will be stored; refused naming the file, the line and what is wrong."""
    path = Path(sumber)
    teks, _data = read_csv_text(path)
    try:
        baris = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah(teks)))
    except csv.Error:
        raise DataTidakValid(
            f"Berkas {path.name}: satu kolom terlalu panjang atau tanda petik tidak ditutup. "
            "Ekspor ulang aturannya lalu ubah lagi."
        ) from None
    if not baris or tuple(k.strip().lower() for k in baris[0]) != KOLOM:
        raise DataTidakValid(
            f"Berkas {path.name} baris 1 harus berisi judul kolom {','.join(KOLOM)}."
        )
    hasil = []
    for nomor, isi in enumerate(baris[1:], start=2):
        if not any(x.strip() for x in isi):
            continue
        if len(isi) != len(KOLOM):
            raise DataTidakValid(
                f"Berkas {path.name} baris {nomor}: {len(isi)} kolom, seharusnya {len(KOLOM)} "
                f"({','.join(KOLOM)})."
            )
        organisasi, predikat, sedikit, banyak, orang = (x.strip() for x in isi)
        try:
            aturan = AturanKurva(
                organisasi,
                tuple(p.strip() for p in predikat.split("+") if p.strip()),
                _batas(sedikit, "paling_sedikit"),
                _batas(banyak, "paling_banyak"),
                _orang(orang),
            )
            hasil.append(check_aturan_kurva(aturan))
        except KinerjaError as exc:
            raise DataTidakValid(f"Berkas {path.name} baris {nomor}: {exc.pesan}") from None
    if not hasil:
        raise DataTidakValid(f"Berkas {path.name} tidak berisi aturan.")
    return hasil
