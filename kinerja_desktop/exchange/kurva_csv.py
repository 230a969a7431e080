"""The distribution curve (kurva distribusi) as a CSV file, to change it when a kabupaten uses
its own rules: written by ``skp aturan-kurva --ekspor``, edited in a spreadsheet, read back by
``skp aturan-kurva --ganti``.

Columns: ``organisasi,predikat,paling_sedikit,paling_banyak,minimal_orang``. ``predikat`` holds
one or more staff predikat joined by " + " ("Butuh Perbaikan + Kurang/Misconduct"); the bounds
are percent, empty for none.
"""

import csv
import io
from pathlib import Path

from kinerja_desktop.domain.capaian import parse_angka
from kinerja_desktop.domain.skp import AturanKurva
from kinerja_desktop.errors import DataTidakValid, KinerjaError
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


def read_kurva_csv(sumber: Path) -> list[AturanKurva]:
    """Read a curve written by :func:`write_kurva_csv` (and edited); refused with the line and
    what is wrong. The predikat words are checked when the curve is stored."""
    try:
        teks = Path(sumber).read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise DataTidakValid(
            f"Berkas {Path(sumber).name} bukan teks UTF-8; simpan dari Excel sebagai "
            "CSV UTF-8 (dipisahkan koma)."
        ) from None
    except OSError as exc:
        raise DataTidakValid(f"Berkas {sumber} tidak dapat dibaca: {exc.strerror}.") from None
    baris = list(csv.reader(io.StringIO(teks)))
    if not baris or tuple(k.strip().lower() for k in baris[0]) != KOLOM:
        raise DataTidakValid(
            f"Baris 1 berkas {Path(sumber).name} harus berjudul kolom {','.join(KOLOM)}."
        )
    hasil = []
    for nomor, isi in enumerate(baris[1:], start=2):
        if not any(x.strip() for x in isi):
            continue
        if len(isi) != len(KOLOM):
            raise DataTidakValid(
                f"Baris {nomor}: {len(isi)} kolom, seharusnya {len(KOLOM)} ({','.join(KOLOM)})."
            )
        organisasi, predikat, sedikit, banyak, orang = (x.strip() for x in isi)
        try:
            hasil.append(
                AturanKurva(
                    organisasi,
                    tuple(p.strip() for p in predikat.split("+") if p.strip()),
                    parse_angka(sedikit, "paling_sedikit") if sedikit else None,
                    parse_angka(banyak, "paling_banyak") if banyak else None,
                    int(parse_angka(orang, "minimal_orang")) if orang else 0,
                )
            )
        except KinerjaError as exc:
            raise DataTidakValid(f"Baris {nomor}: {exc.pesan}") from None
    if not hasil:
        raise DataTidakValid(f"Berkas {Path(sumber).name} tidak berisi aturan.")
    return hasil
