"""Editing the tugas and fungsi of a jabatan: two ordered lists of texts.

Every operation runs in one transaction and returns a :class:`Hasil`. A removal's result
carries snapshots that :func:`reinsert_uraian` puts back with the same ids and places, which is
what undo needs.
"""

from dataclasses import dataclass
from typing import Literal

from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.audit_isi import build_isi
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Fungsi, Jabatan, Tugas, database_proxy
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

Daftar = Literal["tugas", "fungsi"]
"""Which of the two lists of a jabatan: ``"tugas"`` or ``"fungsi"``."""

_MODELS: dict[str, type[Tugas] | type[Fungsi]] = {"tugas": Tugas, "fungsi": Fungsi}
_NAMA = {"tugas": "tugas", "fungsi": "fungsi"}


@dataclass(frozen=True)
class Uraian:
    """One item of a list as views show it."""

    id: int
    urutan: int
    teks: str


@dataclass(frozen=True)
class UraianSnapshot:
    """A removed item, enough to put it back with the same id and place."""

    daftar: Daftar
    id: int
    jabatan_id: int
    urutan: int
    teks: str


def _model(daftar: str) -> type[Tugas] | type[Fungsi]:
    try:
        return _MODELS[daftar]
    except KeyError:
        raise ValueError(f"unknown list {daftar!r}") from None


def _clean(teks: str) -> str:
    cleaned = check_teks(teks, "Uraian", wajib=False, satu_baris=True)
    if not cleaned:
        raise DataTidakValid("Uraian tidak boleh kosong; isi teksnya atau hapus barisnya.")
    return cleaned


def _perubahan(jabatan: Jabatan, pesan: str) -> Perubahan:
    return Perubahan(
        pesan=pesan, tahun=jabatan.tahun_id, jabatan=frozenset({jabatan.id}), uraian=True
    )


def _log(
    aksi: str,
    daftar: str,
    jabatan: Jabatan,
    lama: str | None = None,
    baru: str | None = None,
    catatan: str | None = None,
    isi: str | None = None,
) -> None:
    log_iki(
        aksi,
        daftar,
        tahun=jabatan.tahun_id,
        lama=lama,
        baru=baru,
        jabatan_id=jabatan.id,
        catatan=catatan,
        isi=isi,
    )


def _renumber(daftar: str, jabatan_id: int) -> None:
    # Keep urutan dense (0..n-1) so positions in the view and in the database agree.
    model = _model(daftar)
    rows: list[Tugas | Fungsi] = list(
        model.select().where(model.jabatan == jabatan_id).order_by(model.urutan, model.id)
    )
    for index, row in enumerate(rows):
        if row.urutan != index:
            model.update(urutan=index).where(model.id == row.id).execute()


def list_uraian(jabatan_id: int, daftar: Daftar) -> list[Uraian]:
    """The tugas or fungsi of a jabatan, in order."""
    model = _model(daftar)
    rows = model.select().where(model.jabatan == jabatan_id).order_by(model.urutan, model.id)
    return [Uraian(id=r.id, urutan=r.urutan, teks=r.teks) for r in rows]


def insert_uraian(
    jabatan_id: int, daftar: Daftar, teks: list[str], posisi: int | None = None
) -> Hasil[list[int]]:
    """Insert the texts ``teks`` into a list at ``posisi`` (the end when None); the result
    carries the new ids in order."""
    model = _model(daftar)
    cleaned = [_clean(t) for t in teks]
    if not cleaned:
        raise DataTidakValid("Tidak ada teks yang ditambahkan.")
    with database_proxy.atomic():
        jabatan = require_jabatan(jabatan_id)
        _renumber(daftar, jabatan_id)
        count = model.select().where(model.jabatan == jabatan_id).count()
        start = count if posisi is None else max(0, min(posisi, count))
        model.update(urutan=model.urutan + len(cleaned)).where(
            (model.jabatan == jabatan_id) & (model.urutan >= start)
        ).execute()
        ids = [
            model.create(jabatan=jabatan_id, urutan=start + i, teks=t).id
            for i, t in enumerate(cleaned)
        ]
        for i, (uraian_id, t) in enumerate(zip(ids, cleaned, strict=True)):
            isi = build_isi(daftar, uraian_id, {"teks": t})
            _log("tambah", daftar, jabatan, baru=t, catatan=f"butir {start + i + 1}", isi=isi)
    jumlah = f"{len(ids)} {_NAMA[daftar]}" if len(ids) > 1 else _NAMA[daftar].capitalize()
    return Hasil(_perubahan(jabatan, f"{jumlah} ditambahkan pada {jabatan.nama}."), ids)


def edit_uraian(daftar: Daftar, uraian_id: int, teks: str) -> Hasil[None]:
    """Replace the text of one item."""
    model = _model(daftar)
    cleaned = _clean(teks)
    with database_proxy.atomic():
        row = model.get_or_none(model.id == uraian_id)
        if row is None:
            raise TidakDitemukan(f"Butir {_NAMA[daftar]} ini sudah tidak ada.")
        lama = row.teks
        row.teks = cleaned
        row.save()
        jabatan = row.jabatan
        isi = build_isi(daftar, row.id, {"teks": cleaned})
        _log("ubah", daftar, jabatan, lama=lama, baru=cleaned, isi=isi)
    return Hasil(
        _perubahan(jabatan, f"{_NAMA[daftar].capitalize()} {jabatan.nama} disimpan."), None
    )


def remove_uraian(daftar: Daftar, ids: list[int]) -> Hasil[list[UraianSnapshot]]:
    """Remove items; the result carries the snapshots :func:`reinsert_uraian` needs to put
    them back."""
    model = _model(daftar)
    with database_proxy.atomic():
        rows: list[Tugas | Fungsi] = list(
            model.select().where(model.id.in_(ids)).order_by(model.urutan)
        )
        if len(rows) != len(set(ids)):
            raise TidakDitemukan(f"Sebagian butir {_NAMA[daftar]} sudah tidak ada.")
        if not rows:
            raise DataTidakValid(f"Tidak ada butir {_NAMA[daftar]} yang dipilih.")
        jabatan = rows[0].jabatan
        for row in rows:
            _renumber(daftar, row.jabatan_id)
        # Read the places after renumbering, before anything is deleted.
        snapshots = [
            UraianSnapshot(daftar, r.id, r.jabatan_id, model.get_by_id(r.id).urutan, r.teks)
            for r in rows
        ]
        model.delete().where(model.id.in_(ids)).execute()
        for jabatan_id in {r.jabatan_id for r in rows}:
            _renumber(daftar, jabatan_id)
        for snap in snapshots:
            catatan = f"butir {snap.urutan + 1}"
            isi = build_isi(daftar, snap.id, None)
            _log("hapus", daftar, jabatan, lama=snap.teks, catatan=catatan, isi=isi)
    jumlah = f"{len(rows)} butir {_NAMA[daftar]}" if len(rows) > 1 else f"Satu {_NAMA[daftar]}"
    return Hasil(_perubahan(jabatan, f"{jumlah} dihapus dari {jabatan.nama}."), snapshots)


def reinsert_uraian(snapshots: list[UraianSnapshot]) -> Hasil[None]:
    """Put removed items back with their ids, at their former places."""
    if not snapshots:
        raise DataTidakValid("Tidak ada yang dikembalikan.")
    with database_proxy.atomic():
        for snap in sorted(snapshots, key=lambda s: s.urutan):
            model = _model(snap.daftar)
            jabatan = require_jabatan(snap.jabatan_id)
            model.update(urutan=model.urutan + 1).where(
                (model.jabatan == snap.jabatan_id) & (model.urutan >= snap.urutan)
            ).execute()
            model.insert(
                id=snap.id, jabatan=snap.jabatan_id, urutan=snap.urutan, teks=snap.teks
            ).execute()
            _renumber(snap.daftar, snap.jabatan_id)
            catatan = f"butir {snap.urutan + 1}"
            isi = build_isi(snap.daftar, snap.id, {"teks": snap.teks})
            _log("tambah", snap.daftar, jabatan, baru=snap.teks, catatan=catatan, isi=isi)
    nama = _NAMA[snapshots[0].daftar]
    pesan = f"{len(snapshots)} butir {nama} dikembalikan ke {jabatan.nama}."
    return Hasil(_perubahan(jabatan, pesan), None)


def move_uraian(daftar: Daftar, uraian_id: int, langkah: int) -> Hasil[None]:
    """Move one item ``langkah`` places (negative: up); refuses to move past either end."""
    model = _model(daftar)
    with database_proxy.atomic():
        row = model.get_or_none(model.id == uraian_id)
        if row is None:
            raise TidakDitemukan(f"Butir {_NAMA[daftar]} ini sudah tidak ada.")
        _renumber(daftar, row.jabatan_id)
        order = [
            r.id
            for r in model.select(model.id)
            .where(model.jabatan == row.jabatan_id)
            .order_by(model.urutan)
        ]
        old = order.index(uraian_id)
        new = old + langkah
        if not 0 <= new < len(order):
            arah = "atas" if langkah < 0 else "bawah"
            raise DataTidakValid(f"Butir ini sudah paling {arah}.")
        order.insert(new, order.pop(old))
        for index, item_id in enumerate(order):
            model.update(urutan=index).where(model.id == item_id).execute()
        jabatan = row.jabatan
        _log(
            "pindah",
            daftar,
            jabatan,
            lama=f"butir {old + 1}",
            baru=f"butir {new + 1}",
            catatan=row.teks,
        )
    pesan = f"Urutan {_NAMA[daftar]} {jabatan.nama} diubah (butir {old + 1} → {new + 1})."
    return Hasil(_perubahan(jabatan, pesan), None)
