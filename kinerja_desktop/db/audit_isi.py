"""What an audit entry of an IKI row (jabatan, tugas, fungsi, sasaran, indicator, sub-item),
a program or a kegiatan holds for ``audit periksa``.

The entry's ``lama`` and ``baru`` are texts for people (a name with its code, the fields an edit
changed). Beside them ``isi`` holds the row as stored after the change, as compact JSON
``{"id": row id, "baris": {column: value}}`` (``"baris": null`` when the change removed it),
so the last entry of a row can be compared with the row itself
(:mod:`~kinerja_desktop.db.audit_banding_iki`). Only the columns a person reads are kept: texts,
codes, choices and a kegiatan's anggaran, not the order in a list or links to other rows
(those change when a linked row goes, without an entry of their own).

A year copied or imported as a whole gets one entry (``tahun``) whose ``isi`` holds every such
row of the new year (:func:`read_baris_tahun`): the rows a later change never touches are
compared with it.
"""

import json
from collections.abc import Mapping, Sequence
from typing import Any

from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Kegiatan,
    Program,
    Sasaran,
    SubIndikator,
    Tugas,
)

KOLOM_ISI: dict[str, tuple[str, ...]] = {
    "jabatan": ("kode", "nama"),
    "tugas": ("teks",),
    "fungsi": ("teks",),
    "sasaran": ("teks",),
    "indikator": (
        "kode",
        "nama",
        "formula",
        "sumber_data",
        "satuan",
        "jenis",
        "polaritas",
        "dari_desa",
        "frekuensi",
        "agregasi",
        "pembilang",
        "penyebut",
        "hari_kerja_efektif",
    ),
    "sub_indikator": ("teks", "formula"),
    "program": ("kode", "nama"),
    "kegiatan": ("kode", "nama", "anggaran"),
}
"""The compared columns of each ``jenis`` whose entries carry ``isi``."""
INDUK_JENIS: dict[str, str | None] = {
    "jabatan": None,
    "tugas": "jabatan",
    "fungsi": "jabatan",
    "sasaran": "jabatan",
    "indikator": "sasaran",
    "sub_indikator": "indikator",
    "program": "jabatan",
    "kegiatan": "program",
}
"""The kind of row each kind belongs to and goes with when that is removed."""


def normal(nilai: Any) -> Any:
    """A column's value as stored and as logged, made comparable: SQLite hands a boolean back
    as 0/1 and a whole REAL as 13.0, PostgreSQL as True/False and 13."""
    if isinstance(nilai, bool):
        return int(nilai)
    if isinstance(nilai, float) and nilai.is_integer():
        return int(nilai)
    return nilai


def build_isi(
    jenis: str,
    row_id: int,
    baris: Mapping[str, Any] | None,
    ikut: Sequence[int] = (),
    induk: int | None = None,
) -> str:
    """The ``isi`` of an entry of ``jenis`` (a key of :data:`KOLOM_ISI`): the row ``row_id`` as
    stored after the change, from its column values ``baris`` (None: the change removed it);
    ``ikut`` are the rows of the same kind that went with it (a jabatan's bawahan); ``induk``
    the sasaran of an indicator or the program of a kegiatan (the entry names the jabatan and
    a sub-item's indicator already): if that goes, the row goes with it."""
    kolom = None if baris is None else {k: normal(baris.get(k)) for k in KOLOM_ISI[jenis]}
    isi: dict[str, Any] = {"id": row_id, "baris": kolom}
    if ikut:
        isi["ikut"] = sorted(ikut)
    if induk is not None:
        isi["induk"] = induk
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def query_isi(jenis: str) -> Any:
    """Every stored row of ``jenis`` (a key of :data:`KOLOM_ISI`) as plain tuples: id, year,
    jabatan, the row it belongs to (:data:`INDUK_JENIS`; a jabatan's atasan), then the
    compared columns. One query, joined to the year."""
    kolom = KOLOM_ISI[jenis]
    if jenis == "jabatan":
        return Jabatan.select(
            Jabatan.id,
            Jabatan.tahun,
            Jabatan.id,
            Jabatan.atasan,
            *[getattr(Jabatan, c) for c in kolom],
        )
    if jenis == "indikator":
        return Indikator.select(
            Indikator.id,
            Indikator.tahun,
            Sasaran.jabatan,
            Indikator.sasaran,
            *[getattr(Indikator, c) for c in kolom],
        ).join(Sasaran)
    if jenis == "sub_indikator":
        return (
            SubIndikator.select(
                SubIndikator.id,
                Indikator.tahun,
                Sasaran.jabatan,
                SubIndikator.indikator,
                *[getattr(SubIndikator, c) for c in kolom],
            )
            .join(Indikator)
            .join(Sasaran)
        )
    if jenis == "kegiatan":
        return (
            Kegiatan.select(
                Kegiatan.id,
                Jabatan.tahun,
                Program.jabatan,
                Kegiatan.program,
                *[getattr(Kegiatan, c) for c in kolom],
            )
            .join(Program)
            .join(Jabatan)
        )
    model: Any = {"tugas": Tugas, "fungsi": Fungsi, "sasaran": Sasaran, "program": Program}[jenis]
    return model.select(
        model.id, Jabatan.tahun, model.jabatan, model.jabatan, *[getattr(model, c) for c in kolom]
    ).join(Jabatan)


def read_baris_tahun(tahun: int) -> str:
    """The ``isi`` of the entry of a year copied or imported as a whole: every row of
    :data:`KOLOM_ISI` of ``tahun`` as stored, ``{"baris": {jenis: [[id, jabatan, induk,
    [column values]], ...]}}``. One query per table."""
    baris: dict[str, list[list[Any]]] = {}
    for jenis in KOLOM_ISI:
        query = query_isi(jenis)
        tahun_kolom = Indikator.tahun if jenis in ("indikator", "sub_indikator") else Jabatan.tahun
        baris[jenis] = [
            [r[0], r[2], r[3], [normal(v) for v in r[4:]]]
            for r in query.where(tahun_kolom == tahun).tuples().iterator()
        ]
    return json.dumps({"baris": baris}, ensure_ascii=False, separators=(",", ":"))
