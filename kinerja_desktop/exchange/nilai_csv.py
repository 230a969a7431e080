"""Targets and realisasi as CSV, after DHIS2's data-value format.

Columns: ``kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut`` and, for the
attendance indicator only, ``pegawai,hari_kerja,hari_tidak_masuk`` (optional columns: a file
without them is read the same). ``jenis`` is ``target`` or ``realisasi``; ``kode_desa`` is
empty for kecamatan-level values; ``nilai`` is empty where ``pembilang`` and ``penyebut`` are
given. A target range is written ``80-100`` in ``nilai``. Numbers use a decimal point (a
decimal comma is accepted on import). A file saved by Excel with ``;`` as separator is read too.

Reading never writes: :func:`read_csv` turns a file into values plus per-line refusals, which
:func:`kinerja_desktop.db.ops_nilai.plan_values` then checks against the database;
:func:`apply_csv` writes the plan as an import batch and keeps a copy of the file under
the database's import folder like the desa import, so backups carry it.
"""

import csv
import errno
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.db.backup import ALASAN_IMPOR, backup_before
from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.models import SUMBER_IMPOR_CSV
from kinerja_desktop.db.ops_nilai import (
    KOMPONEN_KOLOM,
    BatchInfo,
    KunciNilai,
    Lokasi,
    NilaiMasuk,
    NilaiTertulis,
    Penolakan,
    Rencana,
    apply_plan,
)
from kinerja_desktop.db.queries_nilai import (
    kode_desa_ke_id,
    kode_indikator_ke_id,
    nilai_tahun,
)
from kinerja_desktop.domain.capaian import Komponen, angka, parse_angka, parse_target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.kode import find_kode
from kinerja_desktop.domain.periode import Periode, parse_periode
from kinerja_desktop.errors import DataTidakValid, LingkunganBermasalah
from kinerja_desktop.exchange.import_copies import dengan_salinan
from kinerja_desktop.exchange.sel_csv import baris_aman, unescape_cell
from kinerja_desktop.fileio import atomic_write

KOLOM_WAJIB = ("kode_indikator", "periode", "kode_desa", "jenis", "nilai", "pembilang", "penyebut")
KOLOM_KEHADIRAN = ("pegawai", "hari_kerja", "hari_tidak_masuk")
KOLOM = KOLOM_WAJIB + KOLOM_KEHADIRAN
UKURAN_MAKS = 50 * 1024 * 1024  # far above a year of values (about 1 MB)


@dataclass
class IsiCsv:
    """What a CSV file holds: values ready to plan, lines refused while reading, its digest."""

    nilai: list[NilaiMasuk] = field(default_factory=list)
    ditolak: list[Penolakan] = field(default_factory=list)
    sha256: str = ""
    tahun: set[int] = field(default_factory=set)
    nama: str = ""  # the file's name
    data: bytes = field(default=b"", repr=False)  # the file's bytes, kept when imported


def read_csv_text(path: Path) -> tuple[str, bytes]:
    """The text of a CSV file and its bytes; refuses a folder, a missing or unreadable file,
    one too large, and a workbook saved as .csv (UTF-8 with or without BOM, else cp1252)."""
    if path.is_dir():
        raise DataTidakValid(f"{path} adalah folder, bukan berkas CSV. Pilih berkasnya.")
    try:
        data = path.read_bytes() if path.stat().st_size <= UKURAN_MAKS else None
    except FileNotFoundError:
        raise DataTidakValid(f"Berkas {path} tidak ditemukan.") from None
    except OSError as exc:
        # the system's own text (exc.strerror) is English; the error code stays for support
        kode = errno.errorcode.get(exc.errno or 0, "tanpa kode")
        raise LingkunganBermasalah(
            f"Berkas {path} tidak dapat dibaca (galat sistem {kode}): mungkin sedang dibuka di "
            "program lain atau flashdisk bermasalah. Tutup berkas itu lalu coba lagi."
        ) from exc
    if data is None:
        raise DataTidakValid(f"Berkas {path.name} terlalu besar untuk berkas nilai CSV.")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataTidakValid(
            f"Berkas {path.name} adalah buku kerja Excel, bukan CSV. Simpan sebagai "
            "CSV (dipisah koma) lalu impor lagi, atau gunakan impor berkas desa."
        )
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        teks = data.decode("cp1252", errors="replace")
    return teks, data


def pemisah(teks: str) -> str:
    """``;`` when the header line has more of them than commas (Excel's regional CSV)."""
    kepala = teks.split("\n", 1)[0]
    return ";" if kepala.count(";") > kepala.count(",") else ","


def read_csv(path: Path) -> IsiCsv:
    """Read a values CSV: every line becomes a value or a refusal naming its line number.

    Raises :class:`DataTidakValid` for a file that is not such a CSV at all (wrong columns,
    a workbook, empty).
    """
    path = Path(path)
    teks, data = read_csv_text(path)
    if not teks.strip():
        raise DataTidakValid(f"Berkas {path.name} kosong.")
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah(teks))
    try:
        return _read_rows(path, reader, data)
    except csv.Error as exc:
        # the csv module refuses a field over 128 KB and a quote left open; no line of a
        # values file comes near that, so the file is not one (or was damaged)
        raise DataTidakValid(
            f"Berkas {path.name} baris {reader.line_num}: satu kolom terlalu panjang atau tanda "
            "petik tidak ditutup, jadi berkas ini bukan berkas nilai yang utuh. Periksa baris "
            "itu di Excel, atau ekspor ulang berkasnya."
        ) from exc


def _read_rows(path: Path, reader: Any, data: bytes) -> IsiCsv:
    kepala = [k.strip().lower() for k in next(reader)]
    kurang = [k for k in KOLOM_WAJIB if k not in kepala]
    asing = [k for k in kepala if k and k not in KOLOM]
    if kurang or asing:
        bagian = []
        if kurang:
            bagian.append("kolom yang tidak ada: " + ", ".join(kurang))
        if asing:
            bagian.append("kolom yang tidak dikenal: " + ", ".join(asing))
        raise DataTidakValid(
            f"Berkas {path.name} bukan berkas nilai Kinerja Desktop ({'; '.join(bagian)}). "
            f"Baris pertama harus berisi: {','.join(KOLOM_WAJIB)}."
        )
    letak = {k: kepala.index(k) for k in KOLOM if k in kepala}
    isi = IsiCsv(sha256=hashlib.sha256(data).hexdigest(), nama=path.name, data=data)
    desa = kode_desa_ke_id()
    kode: dict[int, dict[str, int]] = {}
    jenis_ind: dict[int, Jenis] = {}
    for baris in reader:
        nomor = reader.line_num
        if not any(c.strip() for c in baris):
            continue
        sel = {
            k: (unescape_cell(baris[i].strip()) if i < len(baris) else "") for k, i in letak.items()
        }
        lokasi = Lokasi.baris_csv(nomor)
        try:
            isi.nilai.append(_baris(sel, lokasi, desa, kode, jenis_ind, isi.tahun))
        except DataTidakValid as exc:
            isi.ditolak.append(Penolakan(lokasi, exc.pesan))
    return isi


def _baris(
    sel: dict[str, str],
    lokasi: Lokasi,
    desa: dict[str, int],
    kode: dict[int, dict[str, int]],
    jenis_ind: dict[int, Jenis],
    tahun_dilihat: set[int],
) -> NilaiMasuk:
    periode = parse_periode(sel["periode"])
    tahun = periode.tahun
    if tahun not in kode:
        kode[tahun] = kode_indikator_ke_id(tahun)
        if kode[tahun]:
            for n in nilai_tahun(tahun):
                jenis_ind[n.info.id] = n.info.jenis
    tahun_dilihat.add(tahun)
    if not kode[tahun]:
        raise DataTidakValid(f"Tahun {tahun} belum ada di basis data.")
    ind = find_kode(kode[tahun], sel["kode_indikator"], "Kode indikator")
    if ind is None:
        raise DataTidakValid(f"Indikator {sel['kode_indikator']!r} tidak ada pada tahun {tahun}.")
    desa_id = None
    if sel["kode_desa"]:
        desa_id = desa.get(sel["kode_desa"])
        if desa_id is None:
            contoh = f"contoh kode: {min(desa)}; " if desa else ""
            from kinerja_desktop.command_line import command
            from kinerja_desktop.db.backup import bound_location

            raise DataTidakValid(
                f"Kode desa {sel['kode_desa']!r} bukan desa kecamatan ini ({contoh}daftar "
                f"desa: {command(bound_location(), 'kantor')})."
            )
    jenis = sel["jenis"].lower()
    if jenis not in ("target", "realisasi"):
        raise DataTidakValid(f"Jenis {sel['jenis']!r} tidak dikenal; isi target atau realisasi.")
    kunci = KunciNilai(jenis, ind, periode.id, desa_id)  # type: ignore[arg-type]
    lain = [k for k in ("pembilang", "penyebut", *KOLOM_KEHADIRAN) if sel.get(k)]
    if jenis == "target":
        if lain:
            raise DataTidakValid("Target diisi pada kolom nilai saja.")
        if not sel["nilai"]:
            raise DataTidakValid("Kolom nilai kosong.")
        return NilaiMasuk(kunci, target=parse_target(sel["nilai"]), lokasi=lokasi)
    angka_ = {k: parse_angka(sel[k], k) if sel.get(k) else None for k in sel if k in KOMPONEN_KOLOM}
    if all(v is None for v in angka_.values()):
        raise DataTidakValid("Tidak ada nilai: isi kolom nilai, atau pembilang dan penyebut.")
    if jenis_ind.get(ind) is Jenis.KEHADIRAN and angka_.get("pegawai") is None:
        raise DataTidakValid(
            "Indikator kehadiran diisi pada kolom pegawai, hari_kerja dan hari_tidak_masuk."
        )
    return NilaiMasuk(kunci, komponen=Komponen(**angka_), lokasi=lokasi)


def apply_csv(isi: IsiCsv, rencana: Rencana) -> Hasil[NilaiTertulis]:
    """Write the plan of a read CSV file as one import batch, keeping a copy of the file.

    A plan that changes nothing writes nothing and keeps no copy (``batch_id`` None), like a
    desa workbook imported again. A plan that changes data is preceded by a verified backup
    (refused when the backup cannot be made). Raises :class:`DataTidakValid` for a plan with
    refusals.
    """
    tahun = next(iter(isi.tahun)) if len(isi.tahun) == 1 else None
    if rencana.ditolak or not rencana.values_to_write:
        return apply_plan(rencana, SUMBER_IMPOR_CSV)
    backup_before(ALASAN_IMPOR)

    def apply_with_copy(berkas_simpan: str) -> Hasil[NilaiTertulis]:
        info = BatchInfo(
            isi.nama, isi.sha256, "csv", SUMBER_IMPOR_CSV, tahun=tahun, berkas_simpan=berkas_simpan
        )
        return apply_plan(rencana, SUMBER_IMPOR_CSV, info)

    return dengan_salinan(isi.nama, isi.sha256, isi.data, apply_with_copy)


def _sel(x: float | None) -> str:
    return "" if x is None else angka(x)


def baris_ekspor(
    tahun: int, dalam: Periode | None = None, dengan_status: bool = False
) -> list[list[str]]:
    """Every stored target and realisasi of ``tahun`` as CSV rows (header first).

    ``dalam`` keeps only the realisasi of periods inside it (targets are the year's, always);
    ``dengan_status`` adds the approval ``status`` of each realisasi as a last column.
    """
    desa: dict[int | None, str] = {i: k for k, i in kode_desa_ke_id().items()}
    tambahan = ["status"] if dengan_status else []
    kosong = [""] * len(tambahan)
    rows: list[list[str]] = [[*KOLOM, *tambahan]]
    for n in nilai_tahun(tahun):
        for p in sorted(n.target):
            t = n.target[p]
            rows.append([n.info.kode, p.id, "", "target", t.teks, "", "", "", "", "", *kosong])
        isi = []
        for desa_id, per in n.realisasi.items():
            kode_desa = desa.get(desa_id, "")  # "" for kecamatan-level values (desa_id None)
            for p, sel in per.items():
                if dalam is not None and not dalam.contains(p):
                    continue
                angka_ = [_sel(getattr(sel.komponen, c)) for c in KOMPONEN_KOLOM]
                status = [sel.status] if dengan_status else []
                baris = [n.info.kode, p.id, kode_desa, "realisasi", *angka_, *status]
                isi.append((p.kunci_urut, kode_desa, baris))
        rows += [r for _, _, r in sorted(isi, key=lambda x: (x[0], x[1]))]
    return rows


def write_csv(tahun: int, target: Path) -> int:
    """Write the values of ``tahun`` to ``target`` atomically; return the number of values."""
    rows = baris_ekspor(tahun)

    def write(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(baris_aman(rows))

    atomic_write(Path(target), write)
    return len(rows) - 1
