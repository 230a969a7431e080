"""A monev CSV import as one batch of the import log, and its undo.

The budget realised and the monev notes a monev CSV writes go through the window's writers
(:mod:`~kinerja_desktop.db.ops_anggaran`) with the batch's number on every audit entry; those
entries hold each row before and after as JSON. Undoing the batch (Riwayat Impor, ``impor
batal``; :func:`~kinerja_desktop.db.ops_nilai.undo_batch` hands a monev batch here) puts every
row back as it was, refused when one was changed again since or lies in a period approved
since, so that nothing typed later is lost.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan, combined
from kinerja_desktop.db.locks import KUNCI_NILAI, take_lock
from kinerja_desktop.db.models import (
    SUMBER_IMPOR_CSV,
    CatatanAudit,
    ImporBatch,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    json_anggaran,
    json_keterangan,
    set_keterangan,
    set_realisasi_anggaran,
)
from kinerja_desktop.db.persetujuan import refuse_locked_jabatan
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.errors import DataTidakValid

JENIS_MONEV = "monev"
"""``ImporBatch.jenis`` of a monev CSV."""
AKSI_IMPOR_MONEV = "impor_csv"
"""The audit action of a monev import's entries (a CSV import, like the values')."""


@dataclass(frozen=True)
class BatchMonev:
    """What the import log records about a monev CSV and what it counted."""

    nama_berkas: str
    sha256: str
    tahun: int | None
    periode: str  # the one period of every line ("" = several)
    baru: int
    diubah: int
    sama: int
    berkas_simpan: str = ""


def apply_monev_batch(
    info: BatchMonev, anggaran: Sequence[AnggaranMasuk], keterangan: Sequence[KeteranganMasuk]
) -> Hasil[int]:
    """Write a checked monev CSV as one import batch, in one transaction: the batch, the
    budget realised and the notes with their audit entries. The result carries the batch's
    number. Refusals are the writers' (:class:`DataTidakValid`, :class:`Terkunci`)."""
    with database_proxy.atomic():
        batch_id = ImporBatch.create(
            nama_berkas=info.nama_berkas,
            sha256=info.sha256,
            jenis=JENIS_MONEV,
            tahun=info.tahun,
            periode=info.periode,
            waktu=sekarang(),
            baru=info.baru,
            diubah=info.diubah,
            sama=info.sama,
            berkas_simpan=info.berkas_simpan,
        ).id
        tertulis = set_realisasi_anggaran(
            anggaran, sumber=SUMBER_IMPOR_CSV, aksi=AKSI_IMPOR_MONEV, batch_id=batch_id
        )
        catatan = set_keterangan(keterangan, aksi=AKSI_IMPOR_MONEV, batch_id=batch_id)
    pesan = (
        f"{len(tertulis.data)} realisasi anggaran dan {len(catatan.data)} keterangan disimpan "
        f"(impor nomor {batch_id})."
    )
    return Hasil(combined([tertulis.perubahan, catatan.perubahan], pesan), batch_id)


def _loads(teks: str | None) -> dict[str, Any] | None:
    return None if teks is None else dict(json.loads(teks))


def undo_monev_batch(batch: ImporBatch) -> Hasil[None]:
    """Put back every budget realised and note the monev batch ``batch`` wrote, as it was,
    in one transaction with its audit entries; the batch is marked undone.

    Refuses when one of them was changed again after the import (the newer change would be
    lost) or lies in a period approved since (:class:`Terkunci`). Called by
    :func:`~kinerja_desktop.db.ops_nilai.undo_batch` inside its transaction, under the value
    lock, once it has read the batch there as not yet undone.
    """
    langkah = list(
        CatatanAudit.select()
        .where(
            (CatatanAudit.batch_id == batch.id)
            & (CatatanAudit.aksi == AKSI_IMPOR_MONEV)
            & CatatanAudit.jenis.in_(["realisasi_anggaran", "keterangan"])
        )
        .order_by(CatatanAudit.id)
    )
    sesi = pengguna_aktif()
    waktu = sekarang()
    with database_proxy.atomic():
        take_lock(KUNCI_NILAI)
        anggaran = [r for r in langkah if r.jenis == "realisasi_anggaran"]
        catatan = [r for r in langkah if r.jenis == "keterangan"]
        entri = _undo_anggaran(batch, anggaran) + _undo_keterangan(batch, catatan)
        record_entries(entri, waktu, sesi.nama)
        batch.dibatalkan = waktu
        batch.save()
    tahun = {e.periode[:4] for e in entri}
    pesan = (
        f"Impor {batch.nama_berkas} dibatalkan: {len(anggaran)} realisasi anggaran dan "
        f"{len(catatan)} keterangan kembali seperti sebelum impor."
    )
    return Hasil(
        Perubahan(
            pesan,
            int(tahun.pop()) if len(tahun) == 1 else None,
            jabatan=frozenset(e.jabatan_id for e in entri if e.jabatan_id is not None),
            program=True,
        ),
        None,
    )


def _changed_again_error(batch: ImporBatch, apa: str) -> DataTidakValid:
    return DataTidakValid(
        f"Impor {batch.nama_berkas} tidak dapat dibatalkan: {apa} sudah diubah lagi sesudah "
        "impor. Kembalikan dahulu perubahan itu, atau ubah nilainya langsung di tab Rencana."
    )


def _undo_anggaran(batch: ImporBatch, langkah: list[CatatanAudit]) -> list[Entri]:
    """Write back the budget realised of ``langkah`` (the batch's entries, in order)."""
    if not langkah:
        return []
    kunci = [(_kegiatan_of(r), r.periode) for r in langkah]
    jabatan = dict(
        Kegiatan.select(Kegiatan.id, Program.jabatan)
        .join(Program)
        .where(Kegiatan.id.in_(sorted({k for k, _ in kunci})))
        .tuples()
        .iterator()
    )
    refuse_locked_jabatan(
        [("realisasi", jabatan[k], p) for k, p in kunci if k in jabatan], "Realisasi anggaran"
    )
    tersimpan: dict[tuple[int, str], str | None] = {
        (k, p): json_anggaran(k, n, s, d)
        for k, p, n, s, d in RealisasiAnggaran.select(
            RealisasiAnggaran.kegiatan,
            RealisasiAnggaran.periode,
            RealisasiAnggaran.nilai,
            RealisasiAnggaran.sumber,
            RealisasiAnggaran.diubah,
        )
        .where(RealisasiAnggaran.kegiatan.in_(sorted(jabatan)))
        .tuples()
        .iterator()
    }
    entri = []
    # newest first: a value the file named twice goes back to what it was before the first
    for (k, p), r in reversed(list(zip(kunci, langkah, strict=True))):
        sekarang_ = tersimpan.get((k, p))
        if sekarang_ != r.baru:
            raise _changed_again_error(batch, f"realisasi anggaran {r.catatan or ''} {p}".strip())
        syarat = (RealisasiAnggaran.kegiatan == k) & (RealisasiAnggaran.periode == p)
        lama = _loads(r.lama)
        if lama is None:
            RealisasiAnggaran.delete().where(syarat).execute()
        else:  # the row the import changed keeps its id
            kolom = {c: lama[c] for c in ("nilai", "sumber", "diubah")}
            if not RealisasiAnggaran.update(**kolom).where(syarat).execute():
                RealisasiAnggaran.create(kegiatan=k, periode=p, **kolom)
        tersimpan[(k, p)] = r.lama
        entri.append(
            Entri(
                aksi="batal_impor",
                jenis="realisasi_anggaran",
                jabatan_id=r.jabatan_id,
                periode=p,
                lama=r.baru,
                baru=r.lama,
                catatan=r.catatan,
                batch_id=batch.id,
            )
        )
    return entri


def _kegiatan_of(r: CatatanAudit) -> int:
    """The kegiatan of a budget realised entry (its row after or before)."""
    isi = _loads(r.baru) or _loads(r.lama)
    if isi is None or "kegiatan" not in isi:
        raise DataTidakValid(
            "Impor ini tidak dapat dibatalkan: catatan perubahannya dibuat sebelum impor "
            "monev dapat dibatalkan."
        )
    return int(isi["kegiatan"])


def _undo_keterangan(batch: ImporBatch, langkah: list[CatatanAudit]) -> list[Entri]:
    """Write back the monev notes of ``langkah`` (the batch's entries, in order)."""
    if not langkah:
        return []
    kunci = [(cast(int, r.indikator_id), r.periode) for r in langkah]
    jabatan = dict(
        Indikator.select(Indikator.id, Jabatan.id)
        .join(Sasaran)
        .join(Jabatan)
        .where(Indikator.id.in_(sorted({i for i, _ in kunci})))
        .tuples()
        .iterator()
    )
    refuse_locked_jabatan(
        [("realisasi", jabatan[i], p) for i, p in kunci if i in jabatan], "Keterangan"
    )
    tersimpan: dict[tuple[int, str], str | None] = {
        (i, p): json_keterangan(k, t, d)
        for i, p, k, t, d in Keterangan.select(
            Keterangan.indikator,
            Keterangan.periode,
            Keterangan.kendala,
            Keterangan.tindak_lanjut,
            Keterangan.diubah,
        )
        .where(Keterangan.indikator.in_(sorted(jabatan)))
        .tuples()
        .iterator()
    }
    entri = []
    for (i, p), r in reversed(list(zip(kunci, langkah, strict=True))):
        if tersimpan.get((i, p)) != r.baru:
            raise _changed_again_error(batch, f"keterangan {p}")
        syarat = (Keterangan.indikator == i) & (Keterangan.periode == p)
        lama = _loads(r.lama)
        if lama is None:
            Keterangan.delete().where(syarat).execute()
        elif not Keterangan.update(**lama).where(syarat).execute():
            Keterangan.create(indikator=i, periode=p, **lama)
        tersimpan[(i, p)] = r.lama
        entri.append(
            Entri(
                aksi="batal_impor",
                jenis="keterangan",
                jabatan_id=r.jabatan_id,
                indikator_id=i,
                periode=p,
                lama=r.baru,
                baru=r.lama,
                batch_id=batch.id,
            )
        )
    return entri
