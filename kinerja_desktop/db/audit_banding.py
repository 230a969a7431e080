"""Comparing stored rows with the last change the audit log records for them: the parts
shared by the IKI rows and plan (:mod:`~kinerja_desktop.db.audit_banding_iki`) and the budget
realised and monev notes (:mod:`~kinerja_desktop.db.audit_banding_monev`), all part of
:func:`~kinerja_desktop.db.audit.check_log` (``audit periksa``, Riwayat Perubahan › Periksa
keutuhan log).

Each difference is one Indonesian sentence naming the row, its jabatan and year or period, the
stored value and the value the log says, with the entry's number. What cannot be compared is
left alone rather than reported: a row never changed through the application since the year
was copied or imported, or since the built-in data (no entry of its own), an entry written
before its kind's entries held the row, and a row missing after its jabatan, sasaran,
indicator, program or kegiatan was removed (removals cascade without an entry per row).
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from kinerja_desktop.db.audit_isi import INDUK_JENIS, KOLOM_ISI, normal
from kinerja_desktop.db.models import CatatanAudit, Indikator, Jabatan, Kegiatan, Program, Sasaran
from kinerja_desktop.domain.value_text import format_rupiah

_LABEL_KOLOM = {
    "kode": "kode",
    "nama": "nama",
    "teks": "teks",
    "formula": "formulasi",
    "sumber_data": "sumber data",
    "satuan": "satuan",
    "jenis": "jenis",
    "polaritas": "polaritas",
    "dari_desa": "diisi dari desa",
    "frekuensi": "frekuensi",
    "agregasi": "agregasi",
    "pembilang": "keterangan pembilang",
    "penyebut": "keterangan penyebut",
    "hari_kerja_efektif": "hari kerja efektif",
    "anggaran": "anggaran",
    "realisasi": "realisasi",
    "kendala": "kendala",
    "tindak_lanjut": "tindak lanjut",
}


@dataclass(frozen=True)
class Baris:
    """A stored row: its year, jabatan, a name for people and the compared columns."""

    tahun: int
    jabatan_id: int
    nama: str
    kolom: dict[str, Any]


@dataclass(frozen=True)
class EntriTerakhir:
    """The last entry of a row: its number, jabatan, year, the row it left (None: gone) and
    the row it belongs to (kind and id: its jabatan, sasaran, indicator, program, kegiatan;
    None for a jabatan)."""

    nomor: int
    jabatan_id: int | None
    tahun: int | None
    baris: dict[str, Any] | None
    induk: tuple[str, int | None] | None = None


def _induk(jenis: str, jabatan_id: int | None, indikator_id: int | None, isi: Any) -> Any:
    """The row an IKI row, program or kegiatan belongs to, from its own entry."""
    induk = INDUK_JENIS[jenis]
    if induk is None:
        return None
    if induk == "jabatan":
        return (induk, jabatan_id)
    return (induk, indikator_id if induk == "indikator" else isi.get("induk"))


class RiwayatBaris:
    """What the log says of the rows it holds (``isi``): the last entry of each (a year copied
    or imported since schema 12 holds all its rows in one entry), when each was added or
    removed (a jabatan's bawahan go with it), and when each year was last copied or imported
    (rows before that are another year's); with the ids of the rows others belong to as
    stored. One read of the log and one of each table."""

    def __init__(self) -> None:
        salin = (
            CatatanAudit.select(CatatanAudit.periode, fn.MAX(CatatanAudit.id))
            .where(CatatanAudit.jenis == "tahun")
            .group_by(CatatanAudit.periode)
        )
        self.salin: dict[str, int] = dict(salin.tuples().iterator())
        self.terakhir: dict[str, dict[int, EntriTerakhir]] = {jenis: {} for jenis in KOLOM_ISI}
        self.datang_pergi: dict[tuple[str, int], int] = {}
        self.dasar: set[int] = set()  # the years whose every row the log holds
        query = (
            CatatanAudit.select(
                CatatanAudit.id,
                CatatanAudit.jenis,
                CatatanAudit.jabatan_id,
                CatatanAudit.indikator_id,
                CatatanAudit.periode,
                CatatanAudit.lama,
                CatatanAudit.isi,
            )
            .where(CatatanAudit.isi.is_null(False) & CatatanAudit.jenis.in_([*KOLOM_ISI, "tahun"]))
            .order_by(CatatanAudit.id)
        )
        for nomor, jenis, jabatan_id, indikator_id, periode, lama, isi in query.tuples().iterator():
            data = json.loads(isi)
            tahun = int(periode) if periode.isdigit() else None
            if jenis == "tahun":
                self._read_dasar(nomor, int(periode), data)
                continue
            induk = _induk(jenis, jabatan_id, indikator_id, data)
            self.terakhir[jenis][data["id"]] = EntriTerakhir(
                nomor, jabatan_id, tahun, data["baris"], induk
            )
            if lama is None or data["baris"] is None:  # added (or put back), or removed
                for row_id in [data["id"], *data.get("ikut", [])]:
                    self.datang_pergi[(jenis, row_id)] = nomor
        self.ada: dict[str, set[int]] = {
            jenis: {i for (i,) in model.select(model.id).tuples().iterator()}
            for jenis, model in (
                ("jabatan", Jabatan),
                ("sasaran", Sasaran),
                ("indikator", Indikator),
                ("program", Program),
                ("kegiatan", Kegiatan),
            )
        }

    def _read_dasar(self, nomor: int, tahun: int, data: dict[str, Any]) -> None:
        """Take every row of a year copied or imported (entry ``nomor``) as its entry."""
        self.dasar.add(tahun)
        for jenis, rows in data["baris"].items():
            induk = INDUK_JENIS[jenis]
            for row_id, jabatan_id, induk_id, nilai in rows:
                self.terakhir[jenis][row_id] = EntriTerakhir(
                    nomor,
                    jabatan_id,
                    tahun,
                    dict(zip(KOLOM_ISI[jenis], nilai, strict=True)),
                    None if induk is None else (induk, induk_id),
                )
                self.datang_pergi[(jenis, row_id)] = nomor

    def may_be_gone(self, jenis: str, key: Any, entri: EntriTerakhir) -> bool:
        """Whether the row ``key`` of ``jenis`` may be missing although ``entri`` left it: its
        year was copied or imported again since, it went with an atasan, or the row it
        belongs to is gone or was added or removed since (a removal takes what is under it;
        a new row may have the number of one removed)."""
        if self.salin.get(str(entri.tahun), 0) > entri.nomor:
            return True
        if self.datang_pergi.get((jenis, key), 0) > entri.nomor:
            return True
        if entri.induk is None:
            return jenis != "jabatan"
        induk, induk_id = entri.induk
        if induk_id is None:
            return True  # the entry does not say (written before it could)
        return (
            induk_id not in self.ada[induk]
            or self.datang_pergi.get((induk, induk_id), 0) > entri.nomor
        )


def _teks_nilai(kolom: str, nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "(kosong)"
    if kolom in ("anggaran", "realisasi"):
        return format_rupiah(int(nilai))
    if kolom == "dari_desa":
        return "ya" if nilai else "tidak"
    return f"“{nilai}”"


def shorten(teks: str, maks: int = 60) -> str:
    """``teks`` cut to ``maks`` characters with an ellipsis: a sasaran can be a paragraph."""
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


def _list_differences(
    apa: str, nomor: int, tersimpan: dict[str, Any], tercatat: dict[str, Any]
) -> Iterable[str]:
    for kolom, nilai in tercatat.items():
        if normal(tersimpan.get(kolom)) != normal(nilai):
            yield (
                f"{apa}: {_LABEL_KOLOM.get(kolom, kolom)} tersimpan "
                f"{_teks_nilai(kolom, tersimpan.get(kolom))}, menurut log (catatan nomor "
                f"{nomor}) {_teks_nilai(kolom, nilai)}."
            )


def compare_rows(
    jenis: str,
    tersimpan: dict[Any, Baris],
    tercatat: dict[Any, EntriTerakhir],
    riwayat: RiwayatBaris,
    nama_hilang: Callable[[Any, EntriTerakhir], str],
) -> list[str]:
    """The differences between the stored rows and the last entry of each, for one kind."""
    masalah: list[str] = []
    for key, entri in tercatat.items():
        baris = tersimpan.get(key)
        if baris is not None and entri.tahun is not None and baris.tahun != entri.tahun:
            baris = None  # the number now belongs to a row of another year (SQLite reuses it)
            if entri.baris is None:
                continue
        if baris is not None and riwayat.salin.get(str(baris.tahun), 0) > entri.nomor:
            continue  # the year was copied or imported again since: the row is a new one
        if baris is not None and entri.baris is not None:
            masalah += _list_differences(baris.nama, entri.nomor, baris.kolom, entri.baris)
        elif baris is not None:
            masalah.append(
                f"{baris.nama} ada di basis data, padahal menurut log (catatan nomor "
                f"{entri.nomor}) sudah dihapus: ditulis di luar aplikasi."
            )
        elif entri.baris is not None and not riwayat.may_be_gone(jenis, key, entri):
            masalah.append(
                f"{nama_hilang(key, entri)} tidak ada di basis data, padahal menurut log "
                f"(catatan nomor {entri.nomor}) masih ada: dihapus di luar aplikasi."
            )
    return masalah


class NamaTempat:
    """Names for people, read once: jabatan, indicators."""

    def __init__(self) -> None:
        self.jabatan: dict[int, str] = dict(
            Jabatan.select(Jabatan.id, Jabatan.nama).tuples().iterator()
        )
        self.kode: dict[int, str] = dict(
            Indikator.select(Indikator.id, Indikator.kode).tuples().iterator()
        )

    def tempat(self, jabatan_id: int | None, tahun: int | None) -> str:
        """`` (jabatan Sekretaris Camat, tahun 2026)``."""
        bagian = []
        if jabatan_id in self.jabatan:
            bagian.append(f"jabatan {self.jabatan[jabatan_id]}")
        if tahun is not None:
            bagian.append(f"tahun {tahun}")
        return f" ({', '.join(bagian)})" if bagian else ""
