"""Write the compact national area list shipped with the application.

    python scripts/buat_wilayah.py ../shared/reference/wilayah-indonesia.csv

Reads the Kepmendagri list as tabulated by ``cahyadsn/wilayah`` (``kode,nama,tingkat``) and
writes ``kinerja_desktop/resources/data/wilayah-indonesia.txt.xz``: one line per area,
``kode<TAB>nama``, where a desa/kelurahan line carries only the last part of its code (its
kecamatan is the line above it). The kind follows from the code (see
``kinerja_desktop/domain/daftar_wilayah.py``); the script refuses a list where it does not, and
reads its own output back before keeping it.
"""

import csv
import lzma
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinerja_desktop.domain.daftar_wilayah import (  # noqa: E402
    RESOURCE,
    read_row,
    tingkat_dari_kode,
)


def main(source: Path) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines: list[str] = []
    kecamatan = ""
    for row in rows:
        kode, nama, tingkat = row["kode"], row["nama"], row["tingkat"]
        if "\t" in nama or "\n" in nama:
            raise SystemExit(f"nama {nama!r} ({kode}) memuat tab atau baris baru")
        if tingkat_dari_kode(kode) != tingkat:
            raise SystemExit(f"{kode}: tingkat {tingkat!r} tidak sesuai dengan bentuk kodenya")
        if tingkat == "kecamatan":
            kecamatan = kode
        if len(kode) == 13:
            if kode[:8] != kecamatan:
                raise SystemExit(f"{kode} tidak tepat di bawah kecamatannya")
            lines.append(f"{kode[9:]}\t{nama}")
        else:
            lines.append(f"{kode}\t{nama}")
    data = lzma.compress(("\n".join(lines) + "\n").encode("utf-8"), preset=9)
    target = ROOT / "kinerja_desktop" / "resources" / RESOURCE
    if [(w.kode, w.nama, w.tingkat) for w in read_row(data)] != [
        (r["kode"], r["nama"], r["tingkat"]) for r in rows
    ]:
        raise SystemExit("hasil tidak terbaca kembali sama persis")
    target.write_bytes(data)
    print(f"ditulis: {target} ({len(rows)} wilayah, {len(data)} bita)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
