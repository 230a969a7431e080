"""Reading programs, kegiatan, anggaran, budget realised, the Rencana Aksi and the monev notes
(schema 8) as plain rows, in bulk: one query per table for a whole year or a few jabatan.

This is what the documents (Perjanjian Kinerja, Rencana Aksi, monev, LKjIP, SKP) and the
window read. Rupiah are ``int`` (whole Rupiah); ``None`` means not entered (print a marked
blank), never 0. Rows come ordered as documents print them: jabatan in decree order, then
program, kegiatan and actions by their ``urutan``. Nothing here writes.

Typical use::

    program = read_program(2026, [jabatan_id])       # with each program's anggaran (None:
                                                     # a kegiatan has none yet)
    kegiatan = read_kegiatan(2026, [jabatan_id])     # group by row.program_id
    aksi = read_rencana_aksi(2026, [jabatan_id])     # sub-actions right after their action
    catatan = read_keterangan(2026, "2026Q2")        # (indikator_id, periode) -> note
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from peewee import JOIN

from kinerja_desktop.db.models import (
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
    RencanaAksi,
    Sasaran,
)
from kinerja_desktop.domain.anggaran import sum_anggaran
from kinerja_desktop.domain.periode import parse_periode


class BarisProgram(NamedTuple):
    """One program of a jabatan.

    ``anggaran`` is the program's anggaran as every document and the window show it: the sum
    of its kegiatan's anggaran when every kegiatan has one, else None (not known: a kegiatan
    without anggaran, or no kegiatan), never the sum of the entered ones alone
    (:func:`~kinerja_desktop.domain.anggaran.sum_anggaran`). ``anggaran_terisi`` is that sum
    of the entered ones (None when none is entered), for saying how far the entry has come;
    ``lengkap`` says whether every kegiatan has its anggaran."""

    id: int
    jabatan_id: int
    urutan: int
    kode: str
    nama: str
    sasaran_id: int | None
    anggaran: int | None
    anggaran_terisi: int | None
    jumlah_kegiatan: int
    lengkap: bool


class BarisKegiatan(NamedTuple):
    """One kegiatan of a program; ``anggaran`` None: not entered yet."""

    id: int
    program_id: int
    jabatan_id: int
    urutan: int
    kode: str
    nama: str
    anggaran: int | None
    indikator_id: int | None


class BarisAksi(NamedTuple):
    """One action of the Rencana Aksi. ``induk_id`` None: a main action, else the action it
    belongs to. ``penanggung_jawab`` is what a document prints: the jabatan's name when a
    jabatan is responsible (``penanggung_jawab_id``), else the text entered ("" when neither).
    ``tw`` holds what is planned in TW I–IV ("" where nothing)."""

    id: int
    jabatan_id: int
    induk_id: int | None
    urutan: int
    teks: str
    indikator_id: int | None
    kegiatan_id: int | None
    penanggung_jawab_id: int | None
    penanggung_jawab: str
    tw: tuple[str, str, str, str]


class BarisRealisasiAnggaran(NamedTuple):
    """The budget one kegiatan realised in one triwulan (that quarter alone, not cumulative)."""

    kegiatan_id: int
    program_id: int
    jabatan_id: int
    periode: str  # "2026Q2"
    nilai: int
    sumber: str
    diubah: str


class BarisKeterangan(NamedTuple):
    """The monev note of an indicator for a period."""

    indikator_id: int
    jabatan_id: int
    periode: str
    kendala: str
    tindak_lanjut: str
    diubah: str


def _baris(tahun: int, jabatan_ids: Iterable[int] | None, query: Any) -> list[tuple[Any, ...]]:
    """The rows of ``query`` (joined to Jabatan) for the jabatan of ``tahun`` or ``jabatan_ids``."""
    query = query.where(Jabatan.tahun == tahun)
    if jabatan_ids is not None:
        query = query.where(Jabatan.id.in_(sorted(set(jabatan_ids))))
    return list(query.tuples())


def read_kegiatan(tahun: int, jabatan_ids: Iterable[int] | None = None) -> list[BarisKegiatan]:
    """Every kegiatan of ``tahun`` (or of the jabatan ``jabatan_ids`` of that year), ordered
    by jabatan, program and kegiatan; one query."""
    query = (
        Kegiatan.select(
            Kegiatan.id,
            Kegiatan.program,
            Jabatan.id,
            Kegiatan.urutan,
            Kegiatan.kode,
            Kegiatan.nama,
            Kegiatan.anggaran,
            Kegiatan.indikator,
        )
        .join(Program)
        .join(Jabatan)
        .order_by(Jabatan.urutan, Program.urutan, Program.id, Kegiatan.urutan, Kegiatan.id)
    )
    return [BarisKegiatan(*r) for r in _baris(tahun, jabatan_ids, query)]


def read_program(tahun: int, jabatan_ids: Iterable[int] | None = None) -> list[BarisProgram]:
    """Every program of ``tahun`` (or of the jabatan ``jabatan_ids``) with its anggaran total,
    ordered by jabatan and program; two queries."""
    ids = None if jabatan_ids is None else list(jabatan_ids)
    anggaran: dict[int, list[int | None]] = defaultdict(list)
    for k in read_kegiatan(tahun, ids):
        anggaran[k.program_id].append(k.anggaran)
    query = (
        Program.select(
            Program.id, Jabatan.id, Program.urutan, Program.kode, Program.nama, Program.sasaran
        )
        .join(Jabatan)
        .order_by(Jabatan.urutan, Program.urutan, Program.id)
    )
    hasil = []
    for pid, jid, urutan, kode, nama, sasaran in _baris(tahun, ids, query):
        semua = anggaran.get(pid, [])
        terisi = [x for x in semua if x is not None]
        hasil.append(
            BarisProgram(
                pid,
                jid,
                urutan,
                kode,
                nama,
                sasaran,
                sum_anggaran(semua),
                sum(terisi) if terisi else None,
                len(semua),
                bool(semua) and len(terisi) == len(semua),
            )
        )
    return hasil


def read_rencana_aksi(tahun: int, jabatan_ids: Iterable[int] | None = None) -> list[BarisAksi]:
    """The Rencana Aksi of ``tahun`` (or of the jabatan ``jabatan_ids``): per jabatan in decree
    order, the main actions by ``urutan``, each followed by its sub-actions; one query."""
    penanggung = Jabatan.alias("penanggung")
    query = (
        RencanaAksi.select(
            RencanaAksi.id,
            Jabatan.id,
            RencanaAksi.induk,
            RencanaAksi.urutan,
            RencanaAksi.teks,
            RencanaAksi.indikator,
            RencanaAksi.kegiatan,
            RencanaAksi.penanggung_jawab,
            penanggung.nama,
            RencanaAksi.penanggung_jawab_teks,
            RencanaAksi.tw1,
            RencanaAksi.tw2,
            RencanaAksi.tw3,
            RencanaAksi.tw4,
        )
        .join(Jabatan, on=(RencanaAksi.jabatan == Jabatan.id))
        .switch(RencanaAksi)
        .join(
            penanggung,
            JOIN.LEFT_OUTER,
            on=(RencanaAksi.penanggung_jawab == penanggung.id),
        )
        .order_by(Jabatan.urutan, RencanaAksi.urutan, RencanaAksi.id)
    )
    utama: list[BarisAksi] = []
    sub: dict[int, list[BarisAksi]] = defaultdict(list)
    for r in _baris(tahun, jabatan_ids, query):
        (aid, jid, induk, urutan, teks, ind, keg, pj_id, pj_nama, pj_teks, *tw) = r
        baris = BarisAksi(
            aid, jid, induk, urutan, teks, ind, keg, pj_id,
            pj_nama if pj_id is not None else pj_teks, (tw[0], tw[1], tw[2], tw[3]),
        )  # fmt: skip
        (utama if induk is None else sub[induk]).append(baris)
    hasil: list[BarisAksi] = []
    for aksi in utama:
        hasil.append(aksi)
        hasil.extend(sub.pop(aksi.id, ()))
    return hasil


def read_realisasi_anggaran(
    tahun: int, jabatan_ids: Iterable[int] | None = None
) -> list[BarisRealisasiAnggaran]:
    """Every budget realised in ``tahun`` (or by the jabatan ``jabatan_ids``), per kegiatan
    and triwulan, ordered by jabatan, program, kegiatan and quarter; one query."""
    query = (
        RealisasiAnggaran.select(
            RealisasiAnggaran.kegiatan,
            Program.id,
            Jabatan.id,
            RealisasiAnggaran.periode,
            RealisasiAnggaran.nilai,
            RealisasiAnggaran.sumber,
            RealisasiAnggaran.diubah,
        )
        .join(Kegiatan)
        .join(Program)
        .join(Jabatan)
        .order_by(
            Jabatan.urutan, Program.urutan, Kegiatan.urutan, Kegiatan.id, RealisasiAnggaran.periode
        )
    )
    return [
        BarisRealisasiAnggaran(*r) for r in _baris(tahun, jabatan_ids, query)
    ]


def read_keterangan(
    tahun: int, periode: str | None = None, jabatan_ids: Iterable[int] | None = None
) -> dict[tuple[int, str], BarisKeterangan]:
    """The monev notes of ``tahun``'s indicators (of one ``periode`` when given; of the jabatan
    ``jabatan_ids`` when given), keyed by ``(indikator_id, periode)``; one query."""
    query = (
        Keterangan.select(
            Keterangan.indikator,
            Jabatan.id,
            Keterangan.periode,
            Keterangan.kendala,
            Keterangan.tindak_lanjut,
            Keterangan.diubah,
        )
        .join(Indikator)
        .join(Sasaran)
        .join(Jabatan)
    )
    if periode is not None:
        query = query.where(Keterangan.periode == parse_periode(periode).id)
    return {
        (r[0], r[2]): BarisKeterangan(*r)
        for r in _baris(tahun, jabatan_ids, query)
    }


def kegiatan_per_program(kegiatan: Sequence[BarisKegiatan]) -> dict[int, list[BarisKegiatan]]:
    """Group kegiatan rows (as :func:`read_kegiatan` returns them) by program, keeping order."""
    hasil: dict[int, list[BarisKegiatan]] = defaultdict(list)
    for k in kegiatan:
        hasil[k.program_id].append(k)
    return hasil


class Pilihan(NamedTuple):
    """What a jabatan's plan can link to, as (id, label) pairs in decree order: its sasaran,
    its indicators ("KODE nama"), its kegiatan, and the jabatan of its year (penanggung
    jawab)."""

    sasaran: list[tuple[int, str]]
    indikator: list[tuple[int, str]]
    kegiatan: list[tuple[int, str]]
    jabatan: list[tuple[int, str]]


def pilihan_tautan(jabatan_id: int, tahun: int) -> Pilihan:
    """The choices of :class:`Pilihan` for the jabatan ``jabatan_id`` of ``tahun``."""
    sasaran = [
        (i, teks)
        for i, teks in Sasaran.select(Sasaran.id, Sasaran.teks)
        .where(Sasaran.jabatan == jabatan_id)
        .order_by(Sasaran.urutan, Sasaran.id)
        .tuples()
        .iterator()
    ]
    indikator = [
        (i, f"{kode} {nama}")
        for i, kode, nama in Indikator.select(Indikator.id, Indikator.kode, Indikator.nama)
        .join(Sasaran)
        .where(Sasaran.jabatan == jabatan_id)
        .order_by(Sasaran.urutan, Indikator.urutan, Indikator.id)
        .tuples()
        .iterator()
    ]
    kegiatan = [(k.id, k.nama) for k in read_kegiatan(tahun, [jabatan_id])]
    jabatan = [
        (i, nama)
        for i, nama in Jabatan.select(Jabatan.id, Jabatan.nama)
        .where(Jabatan.tahun == tahun)
        .order_by(Jabatan.urutan)
        .tuples()
        .iterator()
    ]
    return Pilihan(sasaran, indikator, kegiatan, jabatan)
