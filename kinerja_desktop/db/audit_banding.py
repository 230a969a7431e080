"""Comparing the IKI rows and the plan with the last change the audit log records for them.

Part of :func:`~kinerja_desktop.db.audit.check_log` (``audit periksa``, Riwayat Perubahan ›
Periksa Keutuhan): sasaran, indicators and their sub-items, programs and kegiatan (their entries
hold the row as stored, ``isi``, :mod:`~kinerja_desktop.db.audit_isi`), the budget realised per
kegiatan and triwulan and the monev notes (kendala, tindak lanjut; their entries hold the row as
JSON). Each difference is one Indonesian sentence naming the row, its jabatan and year or
period, the stored value and the value the log says.

What cannot be compared is left alone rather than reported: a row never changed through the
application since the year was copied or imported, or since the built-in data (no entry of its
own), an entry written before schema 12 (no ``isi``), and a row missing after its jabatan,
sasaran, indicator, program or kegiatan was removed (removals cascade without an entry per row).
Every table is read once, whatever its size.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from kinerja_desktop.db.audit_isi import KOLOM_ISI, normal
from kinerja_desktop.db.models import (
    CatatanAudit,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
    Sasaran,
    SubIndikator,
)
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.value_text import format_rupiah
from kinerja_desktop.errors import DataTidakValid

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
    "nilai": "nilai",
    "kendala": "kendala",
    "tindak_lanjut": "tindak lanjut",
}
# what each kind's rows go with when something above them is removed
_INDUK = {
    "sasaran": (),
    "indikator": ("sasaran",),
    "sub_indikator": ("sasaran", "indikator"),
    "program": (),
    "kegiatan": ("program",),
    "realisasi_anggaran": ("program", "kegiatan"),
    "keterangan": ("sasaran", "indikator"),
}


@dataclass(frozen=True)
class _Baris:
    """A stored row: its year, jabatan, a name for people and the compared columns."""

    tahun: int
    jabatan_id: int
    nama: str
    kolom: dict[str, Any]


@dataclass(frozen=True)
class _Entri:
    """The last entry of a row: its number, jabatan, year and the row it left (None: gone)."""

    nomor: int
    jabatan_id: int | None
    tahun: int | None
    baris: dict[str, Any] | None


class _Penghapusan:
    """When rows went without an entry of their own: the last year copy or IKI import of each
    year, the last removal of a jabatan in each year and of each kind within each jabatan."""

    def __init__(self) -> None:
        salin = (
            CatatanAudit.select(CatatanAudit.periode, fn.MAX(CatatanAudit.id))
            .where(CatatanAudit.jenis == "tahun")
            .group_by(CatatanAudit.periode)
        )
        self.salin: dict[str, int] = dict(salin.tuples().iterator())
        jabatan = (
            CatatanAudit.select(CatatanAudit.periode, fn.MAX(CatatanAudit.id))
            .where((CatatanAudit.jenis == "jabatan") & CatatanAudit.baru.is_null())
            .group_by(CatatanAudit.periode)
        )
        # a jabatan goes with its whole subtree: any removal in the year may have taken a row
        self.jabatan: dict[str, int] = dict(jabatan.tuples().iterator())
        per_jabatan = (
            CatatanAudit.select(
                CatatanAudit.jabatan_id, CatatanAudit.jenis, fn.MAX(CatatanAudit.id)
            )
            .where(
                CatatanAudit.jenis.in_(["sasaran", "indikator", "program", "kegiatan"])
                & CatatanAudit.baru.is_null()
            )
            .group_by(CatatanAudit.jabatan_id, CatatanAudit.jenis)
        )
        self.per_jabatan: dict[tuple[int, str], int] = {
            (j, jenis): nomor for j, jenis, nomor in per_jabatan.tuples().iterator()
        }

    def sesudah(self, jenis: str, entri: _Entri) -> bool:
        """Whether something the rows of ``jenis`` go with was removed (or the year copied or
        imported again) after ``entri``: then the row may be gone without an entry."""
        tahun = str(entri.tahun)
        if max(self.salin.get(tahun, 0), self.jabatan.get(tahun, 0)) > entri.nomor:
            return True
        return any(
            self.per_jabatan.get((entri.jabatan_id or 0, induk), 0) > entri.nomor
            for induk in _INDUK[jenis]
        )


def _teks_nilai(kolom: str, nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "(kosong)"
    if kolom in ("anggaran", "nilai"):
        return format_rupiah(int(nilai))
    if kolom == "dari_desa":
        return "ya" if nilai else "tidak"
    return f"“{nilai}”"


def _pendek(teks: str, maks: int = 60) -> str:
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


def _beda(
    apa: str, nomor: int, tersimpan: dict[str, Any], tercatat: dict[str, Any]
) -> Iterable[str]:
    for kolom, nilai in tercatat.items():
        if normal(tersimpan.get(kolom)) != normal(nilai):
            yield (
                f"{apa}: {_LABEL_KOLOM.get(kolom, kolom)} tersimpan "
                f"{_teks_nilai(kolom, tersimpan.get(kolom))}, menurut log (catatan nomor "
                f"{nomor}) {_teks_nilai(kolom, nilai)}."
            )


def _compare(
    jenis: str,
    tersimpan: dict[Any, _Baris],
    tercatat: dict[Any, _Entri],
    hapus: _Penghapusan,
    nama_hilang: Callable[[Any, _Entri], str],
) -> list[str]:
    """The differences between the stored rows and the last entry of each, for one kind."""
    masalah: list[str] = []
    for key, entri in tercatat.items():
        baris = tersimpan.get(key)
        if baris is not None and entri.tahun is not None and baris.tahun != entri.tahun:
            baris = None  # the number now belongs to a row of another year (SQLite reuses it)
            if entri.baris is None:
                continue
        if baris is not None and hapus.salin.get(str(baris.tahun), 0) > entri.nomor:
            continue  # the year was copied or imported again since: the row is a new one
        if baris is not None and entri.baris is not None:
            masalah += _beda(baris.nama, entri.nomor, baris.kolom, entri.baris)
        elif baris is not None:
            masalah.append(
                f"{baris.nama} ada di basis data, padahal menurut log (catatan nomor "
                f"{entri.nomor}) sudah dihapus: ditulis di luar aplikasi."
            )
        elif entri.baris is not None and not hapus.sesudah(jenis, entri):
            masalah.append(
                f"{nama_hilang(key, entri)} tidak ada di basis data, padahal menurut log "
                f"(catatan nomor {entri.nomor}) masih ada: dihapus di luar aplikasi."
            )
    return masalah


class _Nama:
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


# -- IKI rows, programs and kegiatan (entries with isi) ----------------------------------------
def _entri_isi() -> dict[str, dict[int, _Entri]]:
    """jenis -> row id -> its last entry that holds the row, from one read of the log."""
    query = (
        CatatanAudit.select(
            CatatanAudit.id,
            CatatanAudit.jenis,
            CatatanAudit.jabatan_id,
            CatatanAudit.periode,
            CatatanAudit.isi,
        )
        .where(CatatanAudit.isi.is_null(False) & CatatanAudit.jenis.in_(sorted(KOLOM_ISI)))
        .order_by(CatatanAudit.id)
    )
    hasil: dict[str, dict[int, _Entri]] = {jenis: {} for jenis in KOLOM_ISI}
    for nomor, jenis, jabatan_id, periode, isi in query.tuples().iterator():
        data = json.loads(isi)
        tahun = int(periode) if periode.isdigit() else None
        hasil[jenis][data["id"]] = _Entri(nomor, jabatan_id, tahun, data["baris"])
    return hasil


def _rows(
    query: Any, kolom: tuple[str, ...], nama: Callable[[tuple[Any, ...]], str]
) -> dict[int, _Baris]:
    """row id -> stored row, from ``query`` selecting the id, year, jabatan, what ``nama``
    reads, then the compared columns ``kolom`` last."""
    n = len(kolom)
    return {
        r[0]: _Baris(r[1], r[2], nama(r), dict(zip(kolom, r[-n:], strict=True)))
        for r in query.tuples().iterator()
    }


def _stored_isi(nama: _Nama) -> dict[str, dict[int, _Baris]]:
    """jenis -> row id -> the stored row, one query per table."""
    k = KOLOM_ISI
    sasaran = Sasaran.select(
        Sasaran.id, Jabatan.tahun, Sasaran.jabatan, *[getattr(Sasaran, c) for c in k["sasaran"]]
    ).join(Jabatan)
    indikator = Indikator.select(
        Indikator.id,
        Indikator.tahun,
        Sasaran.jabatan,
        *[getattr(Indikator, c) for c in k["indikator"]],
    ).join(Sasaran)
    sub = (
        SubIndikator.select(
            SubIndikator.id,
            Indikator.tahun,
            Sasaran.jabatan,
            Indikator.kode,
            *[getattr(SubIndikator, c) for c in k["sub_indikator"]],
        )
        .join(Indikator)
        .join(Sasaran)
    )
    program = Program.select(
        Program.id, Jabatan.tahun, Program.jabatan, *[getattr(Program, c) for c in k["program"]]
    ).join(Jabatan)
    kegiatan = (
        Kegiatan.select(
            Kegiatan.id,
            Jabatan.tahun,
            Program.jabatan,
            *[getattr(Kegiatan, c) for c in k["kegiatan"]],
        )
        .join(Program)
        .join(Jabatan)
    )

    def tempat(r: tuple[Any, ...]) -> str:
        return nama.tempat(r[2], r[1])

    return {
        "sasaran": _rows(sasaran, k["sasaran"], lambda r: f"Sasaran “{_pendek(r[3])}”{tempat(r)}"),
        "indikator": _rows(indikator, k["indikator"], lambda r: f"Indikator {r[3]}{tempat(r)}"),
        "sub_indikator": _rows(
            sub,
            k["sub_indikator"],
            lambda r: f"Sub-butir “{_pendek(r[4])}” indikator {r[3]}{tempat(r)}",
        ),
        "program": _rows(program, k["program"], lambda r: f"Program “{_pendek(r[4])}”{tempat(r)}"),
        "kegiatan": _rows(
            kegiatan, k["kegiatan"], lambda r: f"Kegiatan “{_pendek(r[4])}”{tempat(r)}"
        ),
    }


_NAMA_JENIS = {
    "sasaran": ("Sasaran", "teks"),
    "indikator": ("Indikator", "kode"),
    "sub_indikator": ("Sub-butir", "teks"),
    "program": ("Program", "nama"),
    "kegiatan": ("Kegiatan", "nama"),
}


def _compare_isi(nama: _Nama, hapus: _Penghapusan) -> list[str]:
    tercatat = _entri_isi()
    tersimpan = _stored_isi(nama)
    masalah: list[str] = []
    for jenis, (label, kolom) in _NAMA_JENIS.items():

        def hilang(_key: Any, entri: _Entri, label: str = label, kolom: str = kolom) -> str:
            teks = str((entri.baris or {}).get(kolom, ""))
            teks = teks if kolom == "kode" else f"“{_pendek(teks)}”"
            return f"{label} {teks}{nama.tempat(entri.jabatan_id, entri.tahun)}"

        masalah += _compare(jenis, tersimpan[jenis], tercatat[jenis], hapus, hilang)
    return masalah


# -- budget realised and monev notes (entries with the row as JSON) ----------------------------
def _label_periode(periode: str) -> str:
    try:
        return parse_periode(periode).label
    except DataTidakValid:
        return periode


def _json(teks: str | None) -> dict[str, Any] | None:
    return None if teks is None else dict(json.loads(teks))


def _compare_anggaran(nama: _Nama, hapus: _Penghapusan, awal: str | None) -> list[str]:
    kegiatan = {
        k: (n, j, t)
        for k, n, j, t in Kegiatan.select(
            Kegiatan.id, Kegiatan.nama, Program.jabatan, Jabatan.tahun
        )
        .join(Program)
        .join(Jabatan)
        .tuples()
        .iterator()
    }

    def apa(key: tuple[int, str]) -> str:
        n, j, t = kegiatan[key[0]]
        return (
            f"Realisasi anggaran kegiatan “{_pendek(n)}”{nama.tempat(j, None)} "
            f"{_label_periode(key[1])}"
        )

    tersimpan: dict[Any, _Baris] = {}
    diubah: dict[tuple[int, str], str] = {}
    for k, p, nilai, waktu in (
        RealisasiAnggaran.select(
            RealisasiAnggaran.kegiatan,
            RealisasiAnggaran.periode,
            RealisasiAnggaran.nilai,
            RealisasiAnggaran.diubah,
        )
        .tuples()
        .iterator()
    ):
        tersimpan[(k, p)] = _Baris(kegiatan[k][2], kegiatan[k][1], apa((k, p)), {"nilai": nilai})
        diubah[(k, p)] = waktu
    tercatat: dict[Any, _Entri] = {}
    query = (
        CatatanAudit.select(
            CatatanAudit.id,
            CatatanAudit.jabatan_id,
            CatatanAudit.periode,
            CatatanAudit.lama,
            CatatanAudit.baru,
        )
        .where(CatatanAudit.jenis == "realisasi_anggaran")
        .order_by(CatatanAudit.id)
    )
    for nomor, jabatan_id, periode, lama, baru in query.tuples().iterator():
        if not (lama or baru or "").startswith("{"):
            continue  # written before the entries held the row: cannot be compared
        isi = _json(baru) or _json(lama) or {}
        key = (int(isi["kegiatan"]), periode)
        baris = _json(baru)
        tahun = int(periode[:4])
        tercatat[key] = _Entri(
            nomor, jabatan_id, tahun, None if baris is None else {"nilai": baris["nilai"]}
        )

    # a budget realised goes with its kegiatan (or a kegiatan of another year took its number)
    tercatat = {
        k: e for k, e in tercatat.items() if k[0] in kegiatan and kegiatan[k[0]][2] == e.tahun
    }
    masalah = _compare("realisasi_anggaran", tersimpan, tercatat, hapus, lambda k, _e: apa(k))
    masalah += [
        f"{tersimpan[key].nama} (diubah {diubah[key]}) tidak ada di log: ditulis di luar aplikasi."
        for key in tersimpan
        if key not in tercatat and awal is not None and diubah[key] >= awal
    ]
    return masalah


def _compare_keterangan(nama: _Nama, hapus: _Penghapusan, awal: str | None) -> list[str]:
    indikator = {
        i: (j, t)
        for i, j, t in Indikator.select(Indikator.id, Sasaran.jabatan, Indikator.tahun)
        .join(Sasaran)
        .tuples()
        .iterator()
    }

    def apa(key: tuple[int, str]) -> str:
        j, _ = indikator[key[0]]
        return (
            f"Keterangan indikator {nama.kode[key[0]]}{nama.tempat(j, None)} "
            f"{_label_periode(key[1])}"
        )

    tersimpan: dict[Any, _Baris] = {}
    diubah: dict[tuple[int, str], str] = {}
    for i, p, kendala, tindak_lanjut, waktu in (
        Keterangan.select(
            Keterangan.indikator,
            Keterangan.periode,
            Keterangan.kendala,
            Keterangan.tindak_lanjut,
            Keterangan.diubah,
        )
        .tuples()
        .iterator()
    ):
        isi = {"kendala": kendala, "tindak_lanjut": tindak_lanjut}
        tersimpan[(i, p)] = _Baris(indikator[i][1], indikator[i][0], apa((i, p)), isi)
        diubah[(i, p)] = waktu
    terbaru = (
        CatatanAudit.select(fn.MAX(CatatanAudit.id))
        .where(CatatanAudit.jenis == "keterangan")
        .group_by(CatatanAudit.indikator_id, CatatanAudit.periode)
    )
    query = CatatanAudit.select(
        CatatanAudit.id,
        CatatanAudit.jabatan_id,
        CatatanAudit.indikator_id,
        CatatanAudit.periode,
        CatatanAudit.lama,
        CatatanAudit.baru,
    ).where(CatatanAudit.id.in_(terbaru))
    tercatat: dict[Any, _Entri] = {}
    semua: set[tuple[int, str]] = set()
    for nomor, jabatan_id, ind, periode, lama, baru in query.tuples().iterator():
        semua.add((ind, periode))
        tahun = int(periode[:4])
        if indikator.get(ind, (0, 0))[1] != tahun or not (lama or baru or "").startswith("{"):
            # gone with its indicator (or one of another year took its number), or written
            # before the entries held the row
            continue
        baris = _json(baru)
        tercatat[(ind, periode)] = _Entri(
            nomor,
            jabatan_id,
            tahun,
            None if baris is None else {k: baris[k] for k in ("kendala", "tindak_lanjut")},
        )
    masalah = _compare("keterangan", tersimpan, tercatat, hapus, lambda key, _e: apa(key))
    masalah += [
        f"{tersimpan[key].nama} (diubah {diubah[key]}) tidak ada di log: ditulis di luar aplikasi."
        for key in tersimpan
        if key not in semua and awal is not None and diubah[key] >= awal
    ]
    return masalah


def compare_iki_and_plan(awal: str | None) -> list[str]:
    """Stored IKI rows, programs, kegiatan, budget realised and monev notes that differ from the
    last change the log records for them; ``awal`` is when the log began to record every change
    (rows of the last two changed since then without an entry were written outside)."""
    nama = _Nama()
    hapus = _Penghapusan()
    return (
        _compare_isi(nama, hapus)
        + _compare_anggaran(nama, hapus, awal)
        + _compare_keterangan(nama, hapus, awal)
    )
