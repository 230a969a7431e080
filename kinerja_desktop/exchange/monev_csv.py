"""The quarterly monev beside the values, as CSV: budget realised per kegiatan and triwulan, and
the kendala / tindak lanjut per indicator and period.

Columns: ``jenis,kode_jabatan,program,kegiatan,kode_indikator,periode,nilai,kendala,
tindak_lanjut``. A ``realisasi_anggaran`` line names its kegiatan by jabatan code, program name
and kegiatan name (as exported), its triwulan (``2026Q2``) and ``nilai`` in Rupiah (``1250000``,
``1.250.000`` or ``Rp 1.250.000``); a ``keterangan`` line names ``kode_indikator`` and
``periode`` and carries ``kendala`` and ``tindak_lanjut``. An empty ``nilai`` (or both texts
empty) leaves what is stored alone, as an empty cell does in the values CSV.

Reading never writes. Import is all or nothing: every line is checked by the same doors as the
window (``db.ops_anggaran``), a refused line refuses the file (so does a line repeating what
an earlier one gave), an approved period refuses it too; what changes is written in one
transaction after a verified backup, as one batch of the import log with a copy of the file
(``db.impor_monev``), so that Riwayat Impor can take the whole file back.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.db.backup import ALASAN_IMPOR, backup_before
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.impor_monev import BatchMonev, apply_monev_batch
from kinerja_desktop.db.models import (
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
)
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    check_anggaran,
    check_keterangan,
)
from kinerja_desktop.db.ops_nilai import Lokasi, Penolakan
from kinerja_desktop.db.queries_nilai import kode_indikator_ke_id
from kinerja_desktop.db.queries_program import (
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
)
from kinerja_desktop.domain.kode import find_kode
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.value_text import parse_rupiah
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.import_copies import dengan_salinan
from kinerja_desktop.exchange.nilai_csv import pemisah, read_csv_text
from kinerja_desktop.exchange.sel_csv import baris_aman, unescape_cell
from kinerja_desktop.fileio import atomic_write

KOLOM = (
    "jenis",
    "kode_jabatan",
    "program",
    "kegiatan",
    "kode_indikator",
    "periode",
    "nilai",
    "kendala",
    "tindak_lanjut",
)
JENIS_ANGGARAN = "realisasi_anggaran"
JENIS_KETERANGAN = "keterangan"


@dataclass
class IsiMonev:
    """What a monev CSV holds, checked: values to store (with their line), refusals, and how
    many lines change, stay the same or are empty."""

    anggaran: list[tuple[Lokasi, AnggaranMasuk]] = field(default_factory=list)
    keterangan: list[tuple[Lokasi, KeteranganMasuk]] = field(default_factory=list)
    ditolak: list[Penolakan] = field(default_factory=list)
    baru: int = 0
    diubah: int = 0
    sama: int = 0
    kosong: int = 0
    nama: str = ""  # the file's name
    sha256: str = ""
    data: bytes = field(default=b"", repr=False)  # the file's bytes, kept when imported
    tahun: set[int] = field(default_factory=set)  # the years its lines are for

    def ringkasan(self) -> str:
        """``2 baru, 1 diubah, 5 sama, 0 ditolak, 3 belum diisi``."""
        teks = (
            f"{self.baru} baru, {self.diubah} diubah, {self.sama} sama, {len(self.ditolak)} ditolak"
        )
        return teks + (f", {self.kosong} belum diisi" if self.kosong else "")


def _kegiatan_tahun(tahun: int) -> dict[str, dict[tuple[str, str], list[int]]]:
    """jabatan code -> (program name, kegiatan name) -> kegiatan ids of ``tahun``."""
    query = (
        Kegiatan.select(Jabatan.kode, Program.nama, Kegiatan.nama, Kegiatan.id)
        .join(Program)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .tuples()
    )
    hasil: dict[str, dict[tuple[str, str], list[int]]] = {}
    for kode, program, kegiatan, i in query.iterator():
        hasil.setdefault(kode, {}).setdefault((program, kegiatan), []).append(i)
    return hasil


def read_monev_csv(path: Path) -> IsiMonev:
    """Read and check a monev CSV against the database: every line becomes a value or a
    refusal naming its line. Raises :class:`DataTidakValid` for a file that is not one."""
    path = Path(path)
    teks, data = read_csv_text(path)
    if not teks.strip():
        raise DataTidakValid(f"Berkas {path.name} kosong.")
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah(teks))
    try:
        kepala = [k.strip().lower() for k in next(reader)]
        kurang = [k for k in KOLOM if k not in kepala]
        if kurang:
            raise DataTidakValid(
                f"Berkas {path.name} bukan berkas monev Kinerja Desktop (kolom yang tidak ada: "
                f"{', '.join(kurang)}). Baris pertama harus berisi: {','.join(KOLOM)}."
            )
        letak = {k: kepala.index(k) for k in KOLOM}
        isi = IsiMonev(nama=path.name, sha256=hashlib.sha256(data).hexdigest(), data=data)
        kegiatan: dict[int, dict[str, dict[tuple[str, str], list[int]]]] = {}
        indikator: dict[int, dict[str, int]] = {}
        for baris in reader:
            if not any(c.strip() for c in baris):
                continue
            sel = {
                k: unescape_cell(baris[i].strip()) if i < len(baris) else ""
                for k, i in letak.items()
            }
            lokasi = Lokasi.baris_csv(reader.line_num)
            try:
                _baris(sel, lokasi, isi, kegiatan, indikator)
            except DataTidakValid as exc:
                isi.ditolak.append(Penolakan(lokasi, exc.pesan))
    except csv.Error as exc:
        raise DataTidakValid(
            f"Berkas {path.name} baris {reader.line_num}: satu kolom terlalu panjang atau tanda "
            "petik tidak ditutup. Periksa baris itu, atau ekspor ulang berkasnya."
        ) from exc
    _check_values(isi)
    return isi


def _baris(
    sel: dict[str, str],
    lokasi: Lokasi,
    isi: IsiMonev,
    kegiatan: dict[int, dict[str, dict[tuple[str, str], list[int]]]],
    indikator: dict[int, dict[str, int]],
) -> None:
    jenis = sel["jenis"].lower()
    periode = parse_periode(sel["periode"])
    isi.tahun.add(periode.tahun)
    if jenis == JENIS_ANGGARAN:
        nilai = parse_rupiah(sel["nilai"], "Realisasi anggaran")
        if nilai is None:
            isi.kosong += 1
            return
        if periode.tahun not in kegiatan:
            kegiatan[periode.tahun] = _kegiatan_tahun(periode.tahun)
        milik = find_kode(kegiatan[periode.tahun], sel["kode_jabatan"], "Kode jabatan") or {}
        ids = milik.get((sel["program"], sel["kegiatan"]), [])
        if len(ids) != 1:
            apa = "tidak ada" if not ids else "ada lebih dari satu"
            raise DataTidakValid(
                f"Kegiatan {sel['kegiatan']!r} pada program {sel['program']!r} jabatan "
                f"{sel['kode_jabatan']!r} {apa} pada tahun {periode.tahun}; salin nama jabatan, "
                "program dan kegiatan persis seperti hasil ekspor."
            )
        isi.anggaran.append((lokasi, AnggaranMasuk(ids[0], periode.id, nilai)))
    elif jenis == JENIS_KETERANGAN:
        if not (sel["kendala"] or sel["tindak_lanjut"]):
            isi.kosong += 1
            return
        if periode.tahun not in indikator:
            indikator[periode.tahun] = kode_indikator_ke_id(periode.tahun)
        ind = find_kode(indikator[periode.tahun], sel["kode_indikator"], "Kode indikator")
        if ind is None:
            raise DataTidakValid(
                f"Indikator {sel['kode_indikator']!r} tidak ada pada tahun {periode.tahun}."
            )
        masuk = KeteranganMasuk(ind, periode.id, sel["kendala"], sel["tindak_lanjut"])
        isi.keterangan.append((lokasi, masuk))
    else:
        raise DataTidakValid(
            f"Jenis {sel['jenis']!r} tidak dikenal; isi {JENIS_ANGGARAN} atau {JENIS_KETERANGAN}."
        )


def _refuse_repeats(isi: IsiMonev) -> None:
    """Refuse a kegiatan's triwulan or an indicator's period given a second time, naming the
    line that gave it first (as the values CSV does): storing both would keep only the later
    one, silently."""
    pertama: dict[tuple[str, int, str], Lokasi] = {}

    def first(lokasi: Lokasi, kunci: tuple[str, int, str], apa: str) -> bool:
        if kunci not in pertama:
            pertama[kunci] = lokasi
            return True
        label = parse_periode(kunci[2]).label
        pesan = f"{apa} {label} sudah diisi pada {pertama[kunci]}; isi sekali saja."
        isi.ditolak.append(Penolakan(lokasi, pesan))
        return False

    isi.anggaran = [
        (lokasi, m)
        for lokasi, m in isi.anggaran
        if first(lokasi, ("anggaran", m.kegiatan_id, m.periode), "Realisasi anggaran kegiatan ini")
    ]
    isi.keterangan = [
        (lokasi, m)
        for lokasi, m in isi.keterangan
        if first(lokasi, ("keterangan", m.indikator_id, m.periode), "Keterangan indikator ini")
    ]


def _check_values(isi: IsiMonev) -> None:
    """Check the values read with the window's doors and count what would change."""
    _refuse_repeats(isi)
    anggaran = [m for _, m in isi.anggaran]
    for n, alasan in check_anggaran(anggaran):
        isi.ditolak.append(Penolakan(isi.anggaran[n][0], alasan))
    bersih, tolak = check_keterangan([m for _, m in isi.keterangan])
    for n, alasan in tolak:
        isi.ditolak.append(Penolakan(isi.keterangan[n][0], alasan))
    isi.ditolak.sort(key=lambda p: p.lokasi.baris or 0)
    tersimpan: dict[tuple[int, str], int] = {
        (k, p): n
        for k, p, n in RealisasiAnggaran.select(
            RealisasiAnggaran.kegiatan, RealisasiAnggaran.periode, RealisasiAnggaran.nilai
        )
        .where(RealisasiAnggaran.kegiatan.in_(sorted({m.kegiatan_id for m in anggaran})))
        .tuples()
        .iterator()
    }
    catatan: dict[tuple[int, str], tuple[str, str]] = {
        (i, p): (k, t)
        for i, p, k, t in Keterangan.select(
            Keterangan.indikator, Keterangan.periode, Keterangan.kendala, Keterangan.tindak_lanjut
        )
        .where(Keterangan.indikator.in_(sorted({m.indikator_id for m in bersih})))
        .tuples()
        .iterator()
    }
    lama: list[Any] = [tersimpan.get((m.kegiatan_id, m.periode)) for m in anggaran]
    baru: list[Any] = [m.nilai for m in anggaran]
    lama += [catatan.get((m.indikator_id, m.periode)) for m in bersih]
    baru += [(m.kendala, m.tindak_lanjut) for m in bersih]
    for sebelum, sesudah in zip(lama, baru, strict=True):
        if sebelum is None:
            isi.baru += 1
        elif sebelum == sesudah:
            isi.sama += 1
        else:
            isi.diubah += 1


def apply_monev(isi: IsiMonev) -> Hasil[int | None]:
    """Store what a checked monev CSV changes as one import batch with a copy of the file,
    all of it in one transaction after a verified backup, or nothing: :class:`DataTidakValid`
    when a line was refused, :class:`Terkunci` when a period is approved. The result carries
    the batch's number (None: nothing changed, nothing logged)."""
    if isi.ditolak:
        daftar = "; ".join(p.kalimat for p in isi.ditolak[:5])
        raise DataTidakValid(
            f"{len(isi.ditolak)} baris ditolak, tidak ada yang disimpan: {daftar}."
        )
    if not (isi.baru or isi.diubah):
        return Hasil(Perubahan("Tidak ada yang berubah."), None)
    backup_before(ALASAN_IMPOR)
    tahun = next(iter(isi.tahun)) if len(isi.tahun) == 1 else None

    periode = {m.periode for _, m in isi.anggaran} | {m.periode for _, m in isi.keterangan}

    def write_batch(berkas_simpan: str) -> Hasil[int]:
        info = BatchMonev(
            isi.nama,
            isi.sha256,
            tahun,
            periode.pop() if len(periode) == 1 else "",
            isi.baru,
            isi.diubah,
            isi.sama,
            berkas_simpan,
        )
        anggaran = [m for _, m in isi.anggaran]
        return apply_monev_batch(info, anggaran, [m for _, m in isi.keterangan])

    hasil = dengan_salinan(isi.nama, isi.sha256, isi.data, write_batch)
    return Hasil(hasil.perubahan, hasil.data)


def baris_monev(tahun: int) -> list[list[str]]:
    """Every budget realised and every note of ``tahun`` as CSV rows (header first), with an
    empty line for each kegiatan and triwulan not yet reported, ready to be filled in."""
    kode_jabatan = dict(
        Jabatan.select(Jabatan.id, Jabatan.kode).where(Jabatan.tahun == tahun).tuples().iterator()
    )
    program = {p.id: p.nama for p in read_program(tahun)}
    tersimpan = {(r.kegiatan_id, r.periode): r.nilai for r in read_realisasi_anggaran(tahun)}
    rows: list[list[str]] = [list(KOLOM)]
    for k in read_kegiatan(tahun):
        for tw in range(1, 5):
            periode = f"{tahun}Q{tw}"
            nilai = tersimpan.get((k.id, periode))
            rows.append(
                [
                    JENIS_ANGGARAN,
                    kode_jabatan[k.jabatan_id],
                    program[k.program_id],
                    k.nama,
                    "",
                    periode,
                    "" if nilai is None else str(nilai),
                    "",
                    "",
                ]
            )
    indikator = {i: k for k, i in kode_indikator_ke_id(tahun).items()}
    catatan = read_keterangan(tahun)
    for (ind, periode), c in sorted(catatan.items(), key=lambda x: (indikator[x[0][0]], x[0][1])):
        rows.append(
            [
                JENIS_KETERANGAN,
                kode_jabatan[c.jabatan_id],
                "",
                "",
                indikator[ind],
                periode,
                "",
                c.kendala,
                c.tindak_lanjut,
            ]
        )
    return rows


def write_monev_csv(tahun: int, target: Path) -> int:
    """Write the monev of ``tahun`` to ``target`` atomically; return the number of lines."""
    rows = baris_monev(tahun)

    def write(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(baris_aman(rows))

    atomic_write(Path(target), write)
    return len(rows) - 1
