"""What an audit entry of an IKI row (jabatan, tugas, fungsi, sasaran, indicator, sub-item),
a program or a kegiatan holds for ``audit periksa``.

The entry's ``lama`` and ``baru`` are texts for people (a name with its code, the fields an edit
changed). Beside them ``isi`` holds the row as stored after the change, as compact JSON
``{"id": row id, "baris": {column: value}}`` (``"baris": null`` when the change removed it),
so the last entry of a row can be compared with the row itself
(:mod:`~kinerja_desktop.db.audit_banding_iki`). Only the columns a person reads are kept: texts,
codes, choices and a kegiatan's anggaran, not the order in a list or links to other rows
(those change when a linked row goes, without an entry of their own).
"""

import json
from collections.abc import Mapping, Sequence
from typing import Any

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
