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
from typing import Any

from desa_bantuan import isi, templat

CSV_KEPALA = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"

DOORS: dict[str, Callable[[Path], list[str]]] = {
    "nilai impor": lambda p: ["nilai", "impor", str(p)],
    "nilai impor --coba": lambda p: ["nilai", "impor", str(p), "--coba"],
    "impor desa": lambda p: ["impor", "desa", str(p)],
    "impor desa --coba": lambda p: ["impor", "desa", str(p), "--coba"],
    "pulihkan": lambda p: ["pulihkan", str(p), "--ya"],
    "iki impor": lambda p: ["iki", "impor", str(p), "--tahun", "2030"],
    "iki impor --coba": lambda p: ["iki", "impor", str(p), "--tahun", "2030", "--coba"],
    "nilai impor-monev": lambda p: ["nilai", "impor-monev", str(p)],
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


MONEV_KEPALA = (
    "jenis,kode_jabatan,program,kegiatan,kode_indikator,periode,nilai,kendala,tindak_lanjut\n"
)


def _monev(nama: str, isi_csv: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / nama
        path.write_text(MONEV_KEPALA + isi_csv, encoding="utf-8")
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


def _iki(ubah: Callable[[Any], None], nama: str = "iki.xlsx") -> Callable[[Path], Path]:
    """The 2020 IKI workbook as exported, then changed by ``ubah(first jabatan sheet)``."""

    def build(folder: Path) -> Path:
        from openpyxl import load_workbook

        from kinerja_desktop.reports.iki import export_iki

        asli = export_iki(2020, folder / "IKI-2020.xlsx")
        wb = load_workbook(asli)
        ubah(wb.worksheets[0])
        wb.save(folder / nama)
        return folder / nama

    return build


def _baris_iki(ws: Any, jenis: str) -> int:
    """The first row of the given kind (hidden column E) on an IKI sheet."""
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 5).value == jenis)


def _sel_iki(jenis: str, kolom: str, nilai: object) -> Callable[[Any], None]:
    def ubah(ws: Any) -> None:
        ws[f"{kolom}{_baris_iki(ws, jenis)}"] = nilai

    return ubah


def _tanpa_penyebut(ws: Any) -> None:
    """Clear the denominator label of the sheet's first percentage indicator."""
    baris = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 9).value == "persentase")
    ws[f"O{baris}"] = None


def _bukan_iki(folder: Path) -> Path:
    """A desa template pushed through the IKI door."""
    return templat(folder / "templat")


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
        _csv("p.csv", "SEKCAM.02,202001,,realisasi,,1e300,1e300\n"),
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
    # item 4: a NUL and an escape sequence in a code are refused, and the screen gets no escape
    Attack(
        "csv-control-code",
        "nilai impor",
        _csv("k.csv", "SEKCAM.02\x00\x1b[2J,2020,,target,1,,\n"),
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
    # issue 10: IKI workbooks; every refusal names its sheet and cell
    Attack(
        "iki-unknown-jenis",
        "iki impor",
        _iki(_sel_iki("indikator", "I", "rasio")),
        "Sekretaris Kecamatan, sel I",
    ),
    Attack(
        "iki-missing-atasan",
        "iki impor",
        _iki(_sel_iki("jabatan", "G", "KETUA")),
        "atasan KETUA tidak ada",
    ),
    Attack(
        "iki-cycle", "iki impor --coba", _iki(_sel_iki("jabatan", "G", "PGL-KEPEG")), "berputar"
    ),
    Attack(
        "iki-formula-code",
        "iki impor",
        _iki(_sel_iki("indikator", "G", '=HYPERLINK("http://x")')),
        "Kode indikator",
    ),
    Attack(
        "iki-percentage-without-denominator",
        "iki impor",
        _iki(_tanpa_penyebut),
        "tanpa keterangan penyebut",
    ),
    Attack("iki-not-an-iki-workbook", "iki impor", _bukan_iki, "bukan buku kerja IKI"),
    # item 9: long is legal up to domain.teks.TEKS_MAKS; a pasted document is not a name
    Attack(
        "iki-name-20000",
        "iki impor",
        _iki(_sel_iki("indikator", "B", "nama " * 4000)),
        "terlalu panjang",
    ),
    # issue 17: budget realised and monev notes come in through the same doors
    Attack(
        "monev-rupiah-1e308",
        "nilai impor-monev",
        _monev("m.csv", "realisasi_anggaran,SEKCAM,P,K,,2020Q1,1e308,,\n"),
        "baris 2: Realisasi anggaran '1e308' bukan jumlah Rupiah",
    ),
    Attack(
        "monev-rupiah-negatif",
        "nilai impor-monev",
        _monev("m.csv", "realisasi_anggaran,SEKCAM,P,K,,2020Q1,-5000,,\n"),
        "tidak boleh negatif",
    ),
    Attack(
        "monev-rupiah-sen",
        "nilai impor-monev",
        _monev("m.csv", "realisasi_anggaran,SEKCAM,P,K,,2020Q1,\"1.250,50\",,\n"),
        "tanpa sen",
    ),
    Attack(
        "monev-formula-kegiatan",
        "nilai impor-monev",
        _monev("m.csv", "realisasi_anggaran,SEKCAM,P,=cmd|'/Ccalc'!A0,,2020Q1,5,,\n"),
        "tidak ada pada tahun 2020",
    ),
    Attack(
        "monev-kendala-20000",
        "nilai impor-monev",
        _monev("m.csv", "keterangan,SEKCAM,,,SEKCAM.01,2020Q1,," + "kata " * 4000 + ",\n"),
        "terlalu panjang",
    ),
]
"""Every case, in the order they were found."""


# --- restore sources (issue 18 items 1, 2, 11): a backup is trusted only as far as checked ---


def _cadangan(
    nama: str,
    ubah_db: Callable[[Any], None] | None = None,
    ubah_manifest: Callable[[dict], None] | None = None,
) -> Callable[[Path], Path]:
    """A genuine backup zip of the open database, its database or manifest then changed (the
    checksums and sizes made to match again, as a forger would)."""

    def build(folder: Path) -> Path:
        import hashlib
        import json
        import sqlite3
        import zipfile

        from kinerja_desktop.db.archive import write_archive
        from kinerja_desktop.db.backup import bound_database_path

        db_path = bound_database_path()
        assert db_path is not None
        asli = write_archive(db_path, folder / "asli.zip")
        kerja = folder / "kerja"
        with zipfile.ZipFile(asli) as zf:
            zf.extractall(kerja)
        manifest = json.loads((kerja / "manifest.json").read_text(encoding="utf-8"))
        if ubah_db is not None:
            raw = sqlite3.connect(kerja / "kinerja.sqlite3")
            ubah_db(raw)
            raw.commit()
            raw.close()
            data = (kerja / "kinerja.sqlite3").read_bytes()
            manifest["berkas"]["kinerja.sqlite3"] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "ukuran": len(data),
            }
        if ubah_manifest is not None:
            ubah_manifest(manifest)
        (kerja / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        target = folder / nama
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(kerja.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(kerja).as_posix())
        return target

    return build


def _salinan_sqlite(sql: str) -> Callable[[Path], Path]:
    """A plain .sqlite3 copy of the open database (as in the backup folder), changed by ``sql``."""

    def build(folder: Path) -> Path:
        import sqlite3

        from kinerja_desktop.db.backup import bound_database_path, snapshot_to

        db_path = bound_database_path()
        assert db_path is not None
        target = folder / "kinerja_20261124-080000_harian.sqlite3"
        snapshot_to(db_path, target)
        raw = sqlite3.connect(target)
        raw.executescript(sql)
        raw.close()
        return target

    return build


def _isian_manifest(manifest: dict) -> None:
    manifest["isian"] = "x" * (9 << 20)  # compresses to a few KB, read whole it is 9 MB


def _anggota_raksasa(manifest: dict) -> None:
    manifest["berkas"]["impor/raksasa.xlsx"] = {"sha256": "0" * 64, "ukuran": 3 << 30}


def _tambah_anggota(build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    """``build``, with the member its manifest names added to the zip (tiny, not 3 GB)."""

    def wrapped(folder: Path) -> Path:
        import zipfile

        target = build(folder)
        with zipfile.ZipFile(target, "a") as zf:
            zf.writestr("impor/raksasa.xlsx", b"kecil")
        return target

    return wrapped


RESTORE_ATTACKS = [
    # a trigger adding 1 to every imported value: the preview said 5, the database stored 6
    Attack(
        "restore-trigger",
        "pulihkan",
        _cadangan(
            "trigger.zip",
            lambda raw: raw.execute(
                "CREATE TRIGGER tambah_satu AFTER INSERT ON nilai_realisasi BEGIN "
                "UPDATE nilai_realisasi SET nilai = nilai + 1 WHERE id = NEW.id; END"
            ),
        ),
        "berisi trigger asing (tambah_satu)",
    ),
    Attack(
        "restore-view",
        "pulihkan",
        _cadangan("view.zip", lambda raw: raw.execute("CREATE VIEW v AS SELECT * FROM desa")),
        "berisi view asing (v)",
    ),
    Attack(
        "restore-dropped-column",
        "pulihkan",
        _cadangan(
            "kolom.zip", lambda raw: raw.execute("ALTER TABLE nilai_realisasi DROP COLUMN status")
        ),
        "kolom status pada tabel nilai_realisasi tidak ada",
    ),
    Attack(
        "restore-foreign-table",
        "pulihkan",
        _cadangan("tabel.zip", lambda raw: raw.execute("CREATE TABLE catatan (x)")),
        "berisi tabel asing (catatan)",
    ),
    # the upgrade then failed on every start, and each start's copy rotated good ones away
    Attack(
        "restore-older-stamp-newer-tables",
        "pulihkan",
        _cadangan("cap-lama.zip", lambda raw: raw.execute("PRAGMA user_version = 1")),
        "tidak sesuai dengan skema 1 yang tertulis di dalamnya",
    ),
    # a 1.5 MB zip whose manifest took 3.1 GB of memory
    Attack(
        "restore-oversized-manifest",
        "pulihkan",
        _cadangan("manifest.zip", ubah_manifest=_isian_manifest),
        "daftar isinya terlalu besar",
    ),
    # a member as large as its manifest claims (3 GB extracted onto the data disk)
    Attack(
        "restore-member-beyond-plausible",
        "pulihkan",
        _tambah_anggota(_cadangan("anggota.zip", ubah_manifest=_anggota_raksasa)),
        "tidak wajar: impor/raksasa.xlsx tercatat 3072 MB",
    ),
    Attack(
        "restore-plain-copy-with-trigger",
        "pulihkan",
        _salinan_sqlite("CREATE TRIGGER t AFTER INSERT ON desa BEGIN SELECT 1; END;"),
        "berisi trigger asing (t)",
    ),
]
ATTACKS.extend(RESTORE_ATTACKS)
