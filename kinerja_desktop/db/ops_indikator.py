"""Editing the sasaran of a jabatan, their indicators and the indicators' sub-items.

Every operation runs in one transaction, logs what it changed (db.audit_iki) and returns a
:class:`Hasil`. A removal's result carries snapshots (:mod:`kinerja_desktop.db.removed_rows`:
the rows named and every row that cascades from them, targets and realisasi included) that the
matching ``reinsert_*`` function puts back with the same ids, which is what undo needs. An
indicator's jenis cannot change while values are stored under the old one (they would be
hidden, not converted). New indicator codes are made from the jabatan's code
(``BENDAHARA.05``) and are unique within the year. Reading is in
:mod:`~kinerja_desktop.db.queries_indikator`, pasting many rows in
:mod:`~kinerja_desktop.db.ops_indikator_paste`.

Long because three kinds of row (sasaran, indicator, sub-item), each with add, update,
remove and reinsert, share the helpers that keep their order and log them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import peewee

from kinerja_desktop.db.audit_iki import fields_text, log_iki
from kinerja_desktop.db.audit_isi import build_isi
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    Sasaran,
    SubIndikator,
    database_proxy,
)
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.db.queries_indikator import FIELDS, jumlah_nilai, kode_problem, next_kode
from kinerja_desktop.db.removal_locks import refuse_locked_rows
from kinerja_desktop.db.removed_rows import (
    RemovedRows,
    Tautan,
    capture_rows,
    reinsert_rows,
    tautan_sentence,
    tautan_text,
)
from kinerja_desktop.domain.indikator import Jenis, Polaritas
from kinerja_desktop.domain.kode import bentuk_kode
from kinerja_desktop.domain.teks import check_teks, clean_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

_LABEL = {"formula": "Formulasi", "satuan": "Satuan", "sumber_data": "Sumber data"}
_LABEL_LOG = {
    "kode": "Kode",
    "nama": "Indikator",
    "polaritas": "Polaritas",
    "jenis": "Jenis",
    "sub": "Sub-butir",
    **_LABEL,
}


@dataclass(frozen=True)
class _Snapshot:
    """A removed row with everything that went with it (see :mod:`.removed_rows`)."""

    isi: RemovedRows

    @property
    def row(self) -> dict[str, Any]:
        """The removed row itself."""
        return self.isi.akar[0]


class SubSnapshot(_Snapshot):
    """A removed sub-item."""


class IndikatorSnapshot(_Snapshot):
    """A removed indicator with its sub-items, targets, realisasi and their history."""


class SasaranSnapshot(_Snapshot):
    """A removed sasaran with its indicators and everything under them."""


# -- helpers ------------------------------------------------------------------------------
def _sasaran(sasaran_id: int) -> Sasaran:
    sasaran = Sasaran.get_or_none(Sasaran.id == sasaran_id)
    if sasaran is None:
        raise TidakDitemukan("Sasaran ini sudah tidak ada (mungkin sudah dihapus).")
    return sasaran


def _indikator(indikator_id: int) -> Indikator:
    indikator = Indikator.get_or_none(Indikator.id == indikator_id)
    if indikator is None:
        raise TidakDitemukan("Indikator ini sudah tidak ada (mungkin sudah dihapus).")
    return indikator


def _sub(sub_id: int) -> SubIndikator:
    sub = SubIndikator.get_or_none(SubIndikator.id == sub_id)
    if sub is None:
        raise TidakDitemukan("Sub-butir ini sudah tidak ada (mungkin sudah dihapus).")
    return sub


def _perubahan(jabatan: Jabatan, pesan: str) -> Perubahan:
    return Perubahan(
        pesan=pesan, tahun=jabatan.tahun_id, jabatan=frozenset({jabatan.id}), indikator=True
    )


def _log(
    aksi: str,
    jenis: str,
    jabatan: Jabatan,
    indikator_id: int | None = None,
    lama: str | None = None,
    baru: str | None = None,
    catatan: str | None = None,
    isi: str | None = None,
) -> None:
    log_iki(
        aksi,
        jenis,
        tahun=jabatan.tahun_id,
        lama=lama,
        baru=baru,
        jabatan_id=jabatan.id,
        indikator_id=indikator_id,
        catatan=catatan or None,
        isi=isi,
    )


def _shift(model: Any, parent_field: Any, parent_id: int, start: int, by: int) -> None:
    # Make room at ``start`` (by=1) or close a gap (by=-1) in an ordered list.
    model.update(urutan=model.urutan + by).where(
        (parent_field == parent_id) & (model.urutan >= start)
    ).execute()


def _place(model: Any, parent_field: Any, parent_id: int, posisi: int | None) -> int:
    count = model.select().where(parent_field == parent_id).count()
    start = count if posisi is None else max(0, min(posisi, count))
    _shift(model, parent_field, parent_id, start, 1)
    return start


def _text(value: str, what: str, required: bool = True) -> str:
    return check_teks(value, what, wajib=required)


def parse_pilihan(enum: type[Jenis] | type[Polaritas], value: str) -> str:
    """The stored value of a fixed choice given either its value or its label."""
    text = clean_teks(value, "Pilihan", satu_baris=True).lower()
    for member in enum:
        if text in (member.value, member.label.lower()):
            return member.value
    pilihan = ", ".join(m.label for m in enum)
    raise DataTidakValid(f"“{value}” bukan pilihan yang dikenal; pilih salah satu: {pilihan}.")


def _check_fields(changes: dict[str, str], tahun: int, indikator_id: int | None) -> dict[str, str]:
    clean: dict[str, str] = {}
    for name, value in changes.items():
        if name not in FIELDS:
            raise ValueError(f"unknown indicator field {name!r}")
        if name == "kode":
            problem = kode_problem(tahun, str(value), indikator_id)
            if problem:
                raise DataTidakValid(problem)
            clean[name] = bentuk_kode(str(value))
        elif name == "nama":
            clean[name] = _text(value, "Nama indikator")
        elif name == "jenis":
            clean[name] = parse_pilihan(Jenis, str(value))
        elif name == "polaritas":
            clean[name] = parse_pilihan(Polaritas, str(value))
        else:
            clean[name] = _text(value, _LABEL[name], required=False)
    return clean


# -- sasaran ------------------------------------------------------------------------------
def add_sasaran(
    jabatan_id: int, teks: str = "Sasaran baru", posisi: int | None = None
) -> Hasil[int]:
    """Add a sasaran to a jabatan at ``posisi`` (the end when None); the result carries its id."""
    teks = _text(teks, "Sasaran")
    with database_proxy.atomic():
        jabatan = require_jabatan(jabatan_id)
        urutan = _place(Sasaran, Sasaran.jabatan, jabatan_id, posisi)
        sasaran = Sasaran.create(jabatan=jabatan_id, urutan=urutan, teks=teks)
        isi = build_isi("sasaran", sasaran.id, sasaran.__data__)
        _log("tambah", "sasaran", jabatan, baru=teks, isi=isi)
    pesan = f"Sasaran baru ditambahkan pada {jabatan.nama}."
    return Hasil(_perubahan(jabatan, pesan), sasaran.id)


def edit_sasaran(sasaran_id: int, teks: str) -> Hasil[None]:
    """Replace the text of a sasaran."""
    teks = _text(teks, "Sasaran")
    with database_proxy.atomic():
        sasaran = _sasaran(sasaran_id)
        lama = sasaran.teks
        sasaran.teks = teks
        sasaran.save()
        jabatan = sasaran.jabatan
        isi = build_isi("sasaran", sasaran.id, sasaran.__data__)
        _log("ubah", "sasaran", jabatan, lama=lama, baru=teks, isi=isi)
    return Hasil(_perubahan(jabatan, f"Sasaran {jabatan.nama} disimpan."), None)


def _perubahan_nilai(
    jabatan: Jabatan, pesan: str, isi: RemovedRows, tautan: Sequence[Tautan] = ()
) -> Perubahan:
    # removing or restoring an indicator changes the values the Target & Realisasi tab shows,
    # and the Rencana tab of every jabatan whose program, kegiatan or action linked to it
    nilai = bool(isi.jumlah(NilaiTarget) or isi.jumlah(NilaiRealisasi))
    lain = {t.jabatan_id for t in tautan if t.jabatan_id is not None}
    return Perubahan(
        pesan=pesan,
        tahun=jabatan.tahun_id,
        jabatan=frozenset({jabatan.id, *lain}),
        indikator=True,
        nilai=nilai,
        program=bool(tautan),
    )


def _beserta_nilai(isi: RemovedRows) -> str:
    """`` dan 12 nilai target/realisasi`` when values went with the removal."""
    n = isi.jumlah(NilaiTarget) + isi.jumlah(NilaiRealisasi)
    return f" dan {n} nilai target/realisasi" if n else ""


def _catatan(beserta: str, tautan: Sequence[Tautan], arah: str) -> str | None:
    """The audit note of a removal or its undo: what went with it and the links it cleared
    (``arah`` "dilepas") or put back ("dipulihkan")."""
    bagian = [beserta.strip()]
    if tautan:
        bagian.append(f"tautan {arah}: {tautan_text(tautan)}")
    return "; ".join(b for b in bagian if b) or None


def _reinsert_checked(isi: RemovedRows, apa: str) -> tuple[Tautan, ...]:
    """Insert a snapshot's rows back, after checking that their indicator codes are free;
    returns the links put back."""
    for row in isi.baris(Indikator):
        problem = kode_problem(row["tahun"], row["kode"], row["id"])
        if problem:
            raise DataTidakValid(f"{apa} tidak dapat dikembalikan: {problem}")
    try:
        return reinsert_rows(isi)
    except peewee.IntegrityError as exc:
        raise DataTidakValid(
            f"{apa} tidak dapat dikembalikan karena data terkait sudah berubah sejak dihapus."
        ) from exc


def remove_sasaran(sasaran_id: int) -> Hasil[SasaranSnapshot]:
    """Remove a sasaran with its indicators and everything under them (sub-items, values)."""
    with database_proxy.atomic():
        sasaran = _sasaran(sasaran_id)
        jabatan = sasaran.jabatan
        snapshot = SasaranSnapshot(capture_rows(Sasaran, [dict(sasaran.__data__)]))
        refuse_locked_rows(snapshot.isi)
        # SQLite's ON DELETE CASCADE removes exactly what capture_rows() read
        Sasaran.delete().where(Sasaran.id == sasaran.id).execute()
        _shift(Sasaran, Sasaran.jabatan, jabatan.id, sasaran.urutan, -1)
        n = snapshot.isi.jumlah(Indikator)
        beserta = f" beserta {n} indikatornya{_beserta_nilai(snapshot.isi)}" if n else ""
        tautan = snapshot.isi.tautan
        catatan = _catatan(beserta, tautan, "dilepas")
        isi = build_isi("sasaran", sasaran.id, None)
        _log("hapus", "sasaran", jabatan, lama=sasaran.teks, catatan=catatan, isi=isi)
    pesan = f"Sasaran dihapus dari {jabatan.nama}{beserta}.{tautan_sentence(tautan, 'dilepas')}"
    return Hasil(_perubahan_nilai(jabatan, pesan, snapshot.isi, tautan), snapshot)


def _insert_indikator(snapshot: IndikatorSnapshot) -> tuple[Tautan, ...]:
    row = snapshot.row
    _shift(Indikator, Indikator.sasaran, row["sasaran"], row["urutan"], 1)
    return _reinsert_checked(snapshot.isi, "Indikator")


def reinsert_sasaran(snapshot: SasaranSnapshot) -> Hasil[None]:
    """Put a removed sasaran back with its indicators and values, all with their former ids."""
    with database_proxy.atomic():
        row = snapshot.row
        jabatan = require_jabatan(row["jabatan"])
        _shift(Sasaran, Sasaran.jabatan, jabatan.id, row["urutan"], 1)
        tautan = _reinsert_checked(snapshot.isi, "Sasaran")
        refuse_locked_rows(snapshot.isi)  # approved since the removal: rolled back
        n = snapshot.isi.jumlah(Indikator)
        beserta = f"beserta {n} indikatornya{_beserta_nilai(snapshot.isi)}" if n else ""
        catatan = _catatan(beserta, tautan, "dipulihkan")
        isi = build_isi("sasaran", row["id"], row)
        _log("tambah", "sasaran", jabatan, baru=row["teks"], catatan=catatan, isi=isi)
    pesan = f"Sasaran dikembalikan ke {jabatan.nama}.{tautan_sentence(tautan, 'dipulihkan')}"
    return Hasil(_perubahan_nilai(jabatan, pesan, snapshot.isi, tautan), None)


# -- indicators ---------------------------------------------------------------------------
def add_indikator(
    sasaran_id: int, posisi: int | None = None, fields: dict[str, str] | None = None
) -> Hasil[int]:
    """Add an indicator under a sasaran with a new unique code; ``fields`` fill it in. The
    result carries the new id."""
    with database_proxy.atomic():
        sasaran = _sasaran(sasaran_id)
        jabatan = sasaran.jabatan
        values = {"kode": next_kode(jabatan.id), "nama": "Indikator baru"}
        values.update(_check_fields(dict(fields or {}), jabatan.tahun_id, None))
        urutan = _place(Indikator, Indikator.sasaran, sasaran_id, posisi)
        ind = Indikator.create(sasaran=sasaran_id, tahun=jabatan.tahun_id, urutan=urutan, **values)
        isi = build_isi("indikator", ind.id, ind.__data__, induk=sasaran_id)
        _log("tambah", "indikator", jabatan, ind.id, baru=f"{ind.kode} {ind.nama}", isi=isi)
    return Hasil(
        _perubahan(jabatan, f"Indikator {ind.kode} ditambahkan pada {jabatan.nama}."), ind.id
    )


def _check_jenis(ind: Indikator, baru: str) -> None:
    """Refuse a new jenis while values stored under the old one exist.

    A count, a percentage (pembilang/penyebut) and attendance store different columns, and a
    percentage's target is a percent: after the change the grid, capaian and reports would
    ignore those values, so the operator must deal with them first (nothing is converted).
    """
    if baru == ind.jenis:
        return
    target, realisasi = jumlah_nilai(ind.id)
    if not (target or realisasi):
        return
    bagian = [f"{n} {kata}" for n, kata in ((target, "target"), (realisasi, "realisasi")) if n]
    lama_label, baru_label = Jenis(ind.jenis).label.lower(), Jenis(baru).label.lower()
    raise DataTidakValid(
        f"Jenis indikator {ind.kode} tidak dapat diubah dari {lama_label} menjadi "
        f"{baru_label}: sudah tersimpan {' dan '.join(bagian)} berjenis {lama_label}, yang "
        "akan tersembunyi bila jenisnya diubah. Hapus dahulu nilai itu di tab Target & "
        "Realisasi (simpan salinannya lebih dahulu dengan Data › Ekspor CSV Nilai… bila "
        f"masih diperlukan), atau tambahkan indikator baru berjenis {baru_label}."
    )


def update_indikator(indikator_id: int, changes: dict[str, str]) -> Hasil[None]:
    """Change fields (:data:`FIELDS`) of an indicator; refuses a code taken in the year and a
    new jenis while values are stored under the old one."""
    with database_proxy.atomic():
        ind = _indikator(indikator_id)
        clean = _check_fields(changes, ind.tahun_id, ind.id)
        if "jenis" in clean:
            _check_jenis(ind, clean["jenis"])
        lama = {k: getattr(ind, k) for k, v in clean.items() if getattr(ind, k) != v}
        for name, value in clean.items():
            setattr(ind, name, value)
        ind.save()
        jabatan = ind.sasaran.jabatan
        if lama:
            baru = {k: clean[k] for k in lama}
            lama_teks, baru_teks = fields_text(lama, _LABEL_LOG), fields_text(baru, _LABEL_LOG)
            isi = build_isi("indikator", ind.id, ind.__data__, induk=ind.sasaran_id)
            _log("ubah", "indikator", jabatan, ind.id, lama=lama_teks, baru=baru_teks, isi=isi)
    return Hasil(_perubahan(jabatan, f"Indikator {ind.kode} disimpan."), None)


def remove_indikator(indikator_id: int) -> Hasil[IndikatorSnapshot]:
    """Remove an indicator with its sub-items, targets and realisasi (kept for undo)."""
    with database_proxy.atomic():
        ind = _indikator(indikator_id)
        jabatan = ind.sasaran.jabatan
        snapshot = IndikatorSnapshot(capture_rows(Indikator, [dict(ind.__data__)]))
        refuse_locked_rows(snapshot.isi)
        Indikator.delete().where(Indikator.id == ind.id).execute()
        _shift(Indikator, Indikator.sasaran, ind.sasaran_id, ind.urutan, -1)
        tautan = snapshot.isi.tautan
        catatan = _catatan(_beserta_nilai(snapshot.isi), tautan, "dilepas")
        lama = f"{ind.kode} {ind.nama}"
        isi = build_isi("indikator", ind.id, None)
        _log("hapus", "indikator", jabatan, ind.id, lama=lama, catatan=catatan, isi=isi)
    pesan = (
        f"Indikator {ind.kode}{_beserta_nilai(snapshot.isi)} dihapus dari {jabatan.nama}."
        f"{tautan_sentence(tautan, 'dilepas')}"
    )
    return Hasil(_perubahan_nilai(jabatan, pesan, snapshot.isi, tautan), snapshot)


def reinsert_indikator(snapshot: IndikatorSnapshot) -> Hasil[None]:
    """Put a removed indicator back with its id, code, sub-items and values."""
    with database_proxy.atomic():
        jabatan = _sasaran(snapshot.row["sasaran"]).jabatan
        tautan = _insert_indikator(snapshot)
        refuse_locked_rows(snapshot.isi)  # approved since the removal: rolled back
        row = snapshot.row
        _log(
            "tambah",
            "indikator",
            jabatan,
            row["id"],
            baru=f"{row['kode']} {row['nama']}",
            catatan=_catatan(_beserta_nilai(snapshot.isi), tautan, "dipulihkan"),
            isi=build_isi("indikator", row["id"], row, induk=row["sasaran"]),
        )
    pesan = f"Indikator {snapshot.row['kode']} dikembalikan.{tautan_sentence(tautan, 'dipulihkan')}"
    return Hasil(_perubahan_nilai(jabatan, pesan, snapshot.isi, tautan), None)


# -- sub-items ----------------------------------------------------------------------------
def add_sub(
    indikator_id: int, posisi: int | None = None, teks: str = "Sub-butir baru"
) -> Hasil[int]:
    """Add a sub-item (a., b., …) to an indicator; the result carries its id."""
    teks = _text(teks, "Sub-butir")
    with database_proxy.atomic():
        ind = _indikator(indikator_id)
        urutan = _place(SubIndikator, SubIndikator.indikator, indikator_id, posisi)
        sub = SubIndikator.create(indikator=indikator_id, urutan=urutan, teks=teks)
        jabatan = ind.sasaran.jabatan
        isi = build_isi("sub_indikator", sub.id, sub.__data__)
        _log("tambah", "sub_indikator", jabatan, ind.id, baru=teks, isi=isi)
    return Hasil(_perubahan(jabatan, f"Sub-butir ditambahkan pada indikator {ind.kode}."), sub.id)


def update_sub(sub_id: int, teks: str | None = None, formula: str | None = None) -> Hasil[None]:
    """Change the text and/or the formula line of a sub-item."""
    with database_proxy.atomic():
        sub = _sub(sub_id)
        sebelum = {"sub": sub.teks, "formula": sub.formula}
        if teks is not None:
            sub.teks = _text(teks, "Sub-butir")
        if formula is not None:
            sub.formula = _text(formula, "Formulasi", required=False)
        sub.save()
        ind = sub.indikator
        jabatan = ind.sasaran.jabatan
        sesudah = {"sub": sub.teks, "formula": sub.formula}
        lama = {k: v for k, v in sebelum.items() if sesudah[k] != v}
        if lama:
            baru = fields_text({k: sesudah[k] for k in lama}, _LABEL_LOG)
            isi = build_isi("sub_indikator", sub.id, sub.__data__)
            lama_teks = fields_text(lama, _LABEL_LOG)
            _log("ubah", "sub_indikator", jabatan, ind.id, lama_teks, baru, isi=isi)
    return Hasil(_perubahan(jabatan, f"Sub-butir indikator {ind.kode} disimpan."), None)


def remove_sub(sub_id: int) -> Hasil[SubSnapshot]:
    """Remove a sub-item."""
    with database_proxy.atomic():
        sub = _sub(sub_id)
        ind = sub.indikator
        jabatan = ind.sasaran.jabatan
        snapshot = SubSnapshot(capture_rows(SubIndikator, [dict(sub.__data__)]))
        SubIndikator.delete().where(SubIndikator.id == sub.id).execute()
        _shift(SubIndikator, SubIndikator.indikator, ind.id, sub.urutan, -1)
        isi = build_isi("sub_indikator", sub.id, None)
        _log("hapus", "sub_indikator", jabatan, ind.id, lama=sub.teks, isi=isi)
    return Hasil(_perubahan(jabatan, f"Sub-butir dihapus dari indikator {ind.kode}."), snapshot)


def reinsert_sub(snapshot: SubSnapshot) -> Hasil[None]:
    """Put a removed sub-item back with its id and place."""
    with database_proxy.atomic():
        row = snapshot.row
        ind = _indikator(row["indikator"])
        _shift(SubIndikator, SubIndikator.indikator, ind.id, row["urutan"], 1)
        _reinsert_checked(snapshot.isi, "Sub-butir")
        jabatan = ind.sasaran.jabatan
        isi = build_isi("sub_indikator", row["id"], row)
        _log("tambah", "sub_indikator", jabatan, ind.id, baru=row["teks"], isi=isi)
    return Hasil(_perubahan(jabatan, f"Sub-butir indikator {ind.kode} dikembalikan."), None)
