"""The attack corpus (issue 18): every file the application must refuse, built by the tests.

Each :class:`Attack` names a builder that writes the hostile file (or folder) into a fresh
folder, the door it is pushed through (a command line, as an operator or a script runs it) and a
fragment of the Indonesian refusal it must get. tests/test_attack_corpus.py runs every case on a
copy of the built-in database and checks the refusal (exit status 1, no traceback) and that the
database file is byte-for-byte what it was.

Add a case here for every new refusal: a builder (small, from a real template or plain bytes,
no committed binaries), the door, the words of the refusal. Builders run with the database open
(a desa template is made from it) and must not write to it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desa_bantuan import isi, templat

CSV_KEPALA = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"

DOORS: dict[str, Callable[[Path], list[str]]] = {
    "nilai impor": lambda p: ["nilai", "impor", str(p)],
    "nilai impor --coba": lambda p: ["nilai", "impor", str(p), "--coba"],
    "impor desa": lambda p: ["impor", "desa", str(p)],
    "impor desa --coba": lambda p: ["impor", "desa", str(p), "--coba"],
    "pulihkan": lambda p: ["pulihkan", str(p), "--ya"],
}
"""Every door a file comes in by: the command-line arguments that push ``p`` through it."""


@dataclass(frozen=True)
class Attack:
    """One hostile file: how it is made, where it goes in, what the refusal must say."""

    name: str
    door: str  # a key of DOORS
    build: Callable[[Path], Path]  # writes the file (or folder) into the given folder
    refusal: str  # a fragment of the Indonesian refusal (case-insensitive)


def _csv(nama: str, isi_csv: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / nama
        path.write_text(CSV_KEPALA + isi_csv, encoding="utf-8")
        return path

    return build


def _desa(nilai: dict[tuple[int, int], object], nama: str = "isian.xlsx") -> Callable[[Path], Path]:
    """A Kemiri 2020Q1 template with ``nilai`` typed into its input cells."""

    def build(folder: Path) -> Path:
        return isi(templat(folder / "templat"), nilai, folder / nama)

    return build


def _pasangan(folder: Path) -> Path:
    """Two filled workbooks of the same desa and period in one folder, different values."""
    kiriman = folder / "kiriman"
    kiriman.mkdir()
    asli = templat(folder / "templat")
    isi(asli, {(0, 0): 4}, kiriman / "a-kemiri.xlsx")
    isi(asli, {(0, 0): 7}, kiriman / "b-kemiri-perbaikan.xlsx")
    return kiriman


ATTACKS: list[Attack] = [
    # item 12: a field larger than the csv module's 128 KB limit
    Attack(
        "csv-field-200kb",
        "nilai impor",
        _csv("besar.csv", "A" * 200_000 + ",2020,,target,1,,\n"),
        "terlalu panjang",
    ),
    # item 5: numbers past any plausible value (they made inf in the official reports)
    Attack(
        "csv-1e308",
        "nilai impor",
        _csv("besar.csv", "KASUBAG-UMUM.02,202001,,realisasi,1e308,,\n"),
        "baris 2: Nilai jumlah 1e+308 terlalu besar",
    ),
    Attack(
        "csv-target-1e308",
        "nilai impor --coba",
        _csv("t.csv", "KASUBAG-UMUM.02,2020,,target,1e308,,\n"),
        "baris 2: Target 1e+308 terlalu besar",
    ),
    Attack(
        "csv-persen-1e300",
        "nilai impor",
        _csv("p.csv", "SEKCAM.02,2020Q1,,realisasi,,1e300,1e300\n"),
        "paling besar",
    ),
    Attack(
        "csv-inf",
        "nilai impor",
        _csv("inf.csv", "KASUBAG-UMUM.02,202001,,realisasi,inf,,\n"),
        "bukan angka",
    ),
    Attack(
        "csv-nan",
        "nilai impor",
        _csv("nan.csv", "KASUBAG-UMUM.02,202001,,realisasi,nan,,\n"),
        "bukan angka",
    ),
    # item 10: a formula as an indicator code
    Attack(
        "csv-formula-code",
        "nilai impor",
        _csv("f.csv", "+cmd|'/Ccalc'!A0,2020,,target,1,,\n"),
        "tidak ada pada tahun",
    ),
    Attack("desa-1e308", "impor desa", _desa({(0, 0): 1e308}), "sel F7: Nilai jumlah 1e+308"),
    Attack(
        "desa-excel-date",
        "impor desa",
        _desa({(0, 0): dt.datetime(2020, 1, 6)}),
        "sel F7: berisi tanggal",
    ),
    # item 7: two files for the same desa and period in one run
    Attack("desa-pair", "impor desa", _pasangan, "a-kemiri.xlsx dan b-kemiri-perbaikan.xlsx"),
    Attack(
        "desa-pair-dry-run",
        "impor desa --coba",
        _pasangan,
        "a-kemiri.xlsx dan b-kemiri-perbaikan.xlsx",
    ),
]
"""Every case, in the order they were found."""
