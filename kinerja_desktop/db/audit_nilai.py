"""Audit entries of values and approvals, and the comparison of the log with stored data.

A value is logged as compact JSON of its stored columns without the empty ones (a year of 18
desa must stay small), so the same text serves the audit display and the exact undo of an
import batch.
"""

import json
from typing import Any

from peewee import fn

from kinerja_desktop.db.models import (
    CatatanAudit,
    Desa,
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    Persetujuan,
    database_proxy,
)

NILAI_KOLOM = frozenset(
    {"nilai", "nilai_atas", "pembilang", "penyebut", "pegawai", "hari_kerja", "hari_tidak_masuk"}
)
JENIS_PERSETUJUAN = {"realisasi": "persetujuan", "target": "persetujuan_target"}
"""The ``jenis`` of an approval entry, by what the approval is for."""


def _angka_json(v: Any) -> Any:
    # 13.0 is written 13: a third shorter for the counts that make up most values
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v


def json_baris(baris: dict[str, Any] | None) -> str | None:
    """A stored value row as the log keeps what it was before a change (None: no row).

    Everything needed to put it back exactly (the undo of an import batch), without the empty
    columns and the row's ``status`` (approval lives in its own table).
    """
    if baris is None:
        return None
    isi = {k: _angka_json(v) for k, v in baris.items() if v is not None and k != "status"}
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def json_nilai(baris: dict[str, Any] | None) -> str | None:
    """Only the value columns of a row (None: no row), as the log keeps a new value: its time,
    action and batch are the entry's own, so a year of 18 desa stays small."""
    if baris is None:
        return None
    isi = {k: _angka_json(v) for k, v in baris.items() if v is not None and k in NILAI_KOLOM}
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def angka_baris(baris: dict[str, Any] | None) -> dict[str, float] | None:
    """The value columns of a stored or logged row as floats, for comparing (None: no row)."""
    if baris is None:
        return None
    return {k: float(v) for k, v in baris.items() if k in NILAI_KOLOM and v is not None}


def _angka(teks: str | None) -> dict[str, float]:
    return {} if teks is None else angka_baris(json.loads(teks)) or {}


def _terakhir(jenis: str) -> Any:
    terbaru = (
        CatatanAudit.select(fn.MAX(CatatanAudit.id))
        .where(CatatanAudit.jenis == jenis)
        .group_by(CatatanAudit.indikator_id, CatatanAudit.periode, CatatanAudit.desa_id)
    )
    return CatatanAudit.select(
        CatatanAudit.id,
        CatatanAudit.indikator_id,
        CatatanAudit.periode,
        CatatanAudit.desa_id,
        CatatanAudit.baru,
    ).where(CatatanAudit.id.in_(terbaru))


def _awal_log() -> str | None:
    """When the application began to log every change: the first entry with a user (the
    import history carried over from schema 2 has none)."""
    return (
        CatatanAudit.select(fn.MIN(CatatanAudit.waktu)).where(CatatanAudit.pengguna != "").scalar()
    )


def _compare_nilai() -> list[str]:
    masalah: list[str] = []
    kode: dict[int, str] = dict(Indikator.select(Indikator.id, Indikator.kode).tuples().iterator())
    desa = {
        i: f"{n} ({k})"
        for i, n, k in Desa.select(Desa.id, Desa.nama, Desa.kode).tuples().iterator()
    }
    awal = _awal_log()

    def nama(jenis: str, ind: int, periode: str, desa_id: int | None) -> str:
        tempat = f", desa {desa.get(desa_id, desa_id)}" if desa_id else ""
        return f"{jenis.capitalize()} {kode[ind]} periode {periode}{tempat}"

    for jenis, model in (("target", NilaiTarget), ("realisasi", NilaiRealisasi)):
        kolom = [c for c in model._meta.sorted_field_names if c in NILAI_KOLOM]
        per_desa = [NilaiRealisasi.desa] if jenis == "realisasi" else []
        tersimpan: dict[tuple[Any, ...], tuple[dict[str, float], str]] = {}
        query = model.select(
            model.indikator,
            model.periode,
            *per_desa,
            model.diubah,
            *[getattr(model, c) for c in kolom],
        )
        n = 4 if per_desa else 3
        for row in database_proxy.execute(query):
            key = (row[0], row[1], row[2] if per_desa else None)
            angka = {c: float(v) for c, v in zip(kolom, row[n:], strict=True) if v is not None}
            tersimpan[key] = (angka, row[n - 1])
        tercatat = set()
        for _id, ind, periode, desa_id, baru in database_proxy.execute(_terakhir(jenis)):
            key = (ind, periode, desa_id if jenis == "realisasi" else None)
            tercatat.add(key)
            if ind not in kode:
                continue  # the indicator was removed with its values
            sama = tersimpan[key][0] == _angka(baru) if key in tersimpan else baru is None
            if not sama:
                masalah.append(
                    f"{nama(jenis, *key)} berbeda dengan catatan terakhir nomor {_id}: "
                    "diubah di luar aplikasi."
                )
        for key, (_, diubah) in tersimpan.items():
            if awal is not None and key not in tercatat and diubah >= awal:
                masalah.append(
                    f"{nama(jenis, *key)} (diubah {diubah}) tidak ada di log: ditulis di luar "
                    "aplikasi."
                )
    return masalah


def _compare_persetujuan() -> list[str]:
    masalah: list[str] = []
    ada = {i for (i,) in Jabatan.select(Jabatan.id).tuples().iterator()}
    tersimpan = {
        (r.jabatan_id, JENIS_PERSETUJUAN[r.jenis], r.periode): r.status
        for r in Persetujuan.select()
    }
    for jenis in JENIS_PERSETUJUAN.values():
        terbaru = (
            CatatanAudit.select(fn.MAX(CatatanAudit.id))
            .where(CatatanAudit.jenis == jenis)
            .group_by(CatatanAudit.jabatan_id, CatatanAudit.periode)
        )
        query = CatatanAudit.select(
            CatatanAudit.id, CatatanAudit.jabatan_id, CatatanAudit.periode, CatatanAudit.baru
        ).where(CatatanAudit.id.in_(terbaru))
        for _id, jabatan_id, periode, baru in database_proxy.execute(query):
            key = (jabatan_id, jenis, periode)
            if jabatan_id not in ada:
                continue  # the jabatan was removed with its approvals
            if tersimpan.get(key) != baru:
                masalah.append(
                    f"Keadaan persetujuan periode {periode} (jabatan nomor {jabatan_id}) "
                    f"berbeda dengan catatan terakhir nomor {_id}: diubah di luar aplikasi."
                )
    return masalah


def compare_with_log() -> list[str]:
    """Stored values, approval states, IKI rows, programs, kegiatan, budget realised and monev
    notes that differ from the last change the log records."""
    from kinerja_desktop.db.audit_banding import NamaTempat, RiwayatBaris
    from kinerja_desktop.db.audit_banding_iki import compare_iki
    from kinerja_desktop.db.audit_banding_monev import compare_anggaran, compare_keterangan

    nama, riwayat, awal = NamaTempat(), RiwayatBaris(), _awal_log()
    return (
        _compare_nilai()
        + _compare_persetujuan()
        + compare_iki(nama, riwayat)
        + compare_anggaran(nama, riwayat, awal)
        + compare_keterangan(nama, riwayat, awal)
    )
