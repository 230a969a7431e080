"""Writing what the quarterly monev reports beside realisasi (schema 8): the budget each
kegiatan realised per triwulan, and the note (kendala, tindak lanjut) per indicator and period.

Both are written all or nothing, checked first (the kegiatan or indicator exists, the period
belongs to its year, Rupiah through ``domain.batas``, texts through ``domain.teks``), refused
when an approval locks them (a kegiatan's budget with its jabatan's realisasi of a period
containing the triwulan; a note with the indicator's realisasi of that period), logged in the
audit log in the same transaction. Each call returns the values it replaced, so that writing
them back is the undo. The audit entries hold the rows before and after as JSON (what
:mod:`~kinerja_desktop.db.impor_monev` puts back when a monev import is undone; the audit
reader shows them as Rupiah and text).
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.locks import KUNCI_NILAI, take_lock
from kinerja_desktop.db.models import (
    SUMBER_ENTRI,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.persetujuan import check_locks, refuse_locked_jabatan
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.batas import masalah_rupiah
from kinerja_desktop.domain.periode import JenisPeriode, parse_periode
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid, Terkunci

KETERANGAN_MAKS = 2000  # one note: a paragraph, not a report


@dataclass(frozen=True)
class AnggaranMasuk:
    """The budget a kegiatan realised in a triwulan (``2026Q2``); ``nilai`` None removes it."""

    kegiatan_id: int
    periode: str
    nilai: int | None


@dataclass(frozen=True)
class KeteranganMasuk:
    """The note of an indicator for a period; both texts empty removes it."""

    indikator_id: int
    periode: str
    kendala: str = ""
    tindak_lanjut: str = ""

    @property
    def kosong(self) -> bool:
        """Whether this removes the note."""
        return not (self.kendala.strip() or self.tindak_lanjut.strip())


# -- budget realised ----------------------------------------------------------------------
def _kegiatan(ids: set[int]) -> dict[int, tuple[int, int, str, str]]:
    """kegiatan id -> (jabatan id, year, kegiatan name, jabatan name)."""
    query = (
        Kegiatan.select(Kegiatan.id, Jabatan.id, Jabatan.tahun, Kegiatan.nama, Jabatan.nama)
        .join(Program)
        .join(Jabatan)
        .where(Kegiatan.id.in_(sorted(ids)))
        .tuples()
    )
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in query.iterator()}


def check_anggaran(masuk: Sequence[AnggaranMasuk]) -> list[tuple[int, str]]:
    """Which values of ``masuk`` cannot be stored and why: (index in ``masuk``, reason), in
    order; empty when all can. One query."""
    info = _kegiatan({m.kegiatan_id for m in masuk})
    alasan: list[tuple[int, str]] = []
    for n, m in enumerate(masuk):
        if m.kegiatan_id not in info:
            alasan.append((n, f"Kegiatan nomor {m.kegiatan_id} tidak ada (sudah dihapus?)."))
            continue
        _, tahun, nama, _ = info[m.kegiatan_id]
        try:
            p = parse_periode(m.periode)
        except DataTidakValid as exc:
            alasan.append((n, exc.pesan))
            continue
        if p.jenis is not JenisPeriode.TRIWULAN or p.tahun != tahun:
            alasan.append(
                (
                    n,
                    f"Realisasi anggaran {nama} dicatat per triwulan tahun {tahun} "
                    f"({tahun}Q1 sampai {tahun}Q4), bukan {m.periode}.",
                )
            )
        elif m.nilai is not None and (masalah := masalah_rupiah(m.nilai, "Realisasi anggaran")):
            alasan.append((n, f"{nama}, {p.label}: {masalah}"))
    return alasan


def json_anggaran(kegiatan_id: int, nilai: int, sumber: str, diubah: str) -> str:
    """A budget realised row as its audit entries hold it (the period is the entry's)."""
    isi = {"kegiatan": kegiatan_id, "nilai": nilai, "sumber": sumber, "diubah": diubah}
    return json.dumps(isi, ensure_ascii=False, separators=(",", ":"))


def json_keterangan(kendala: str, tindak_lanjut: str, diubah: str) -> str:
    """A monev note as its audit entries hold it (indicator and period are the entry's)."""
    isi = {"kendala": kendala, "tindak_lanjut": tindak_lanjut, "diubah": diubah}
    return json.dumps(isi, ensure_ascii=False, separators=(",", ":"))


def set_realisasi_anggaran(
    masuk: Sequence[AnggaranMasuk],
    sumber: str = SUMBER_ENTRI,
    aksi: str = "isian",
    batch_id: int | None = None,
) -> Hasil[list[AnggaranMasuk]]:
    """Store (or remove, ``nilai`` None) the budget realised of kegiatan per triwulan, all or
    nothing; ``batch_id`` names the import batch the entries belong to. Raises
    :class:`DataTidakValid` naming the first refusal, :class:`Terkunci` when an approved
    period of the jabatan's realisasi contains a triwulan."""
    if alasan := check_anggaran(masuk):
        lagi = f" (dan {len(alasan) - 1} lainnya)" if len(alasan) > 1 else ""
        raise DataTidakValid(f"{alasan[0][1]}{lagi} Tidak ada yang disimpan.")
    terakhir = {(m.kegiatan_id, parse_periode(m.periode).id): m for m in masuk}
    sesi = pengguna_aktif()
    waktu = sekarang()
    with database_proxy.atomic():
        take_lock(KUNCI_NILAI)
        info = _kegiatan({k for k, _ in terakhir})
        refuse_locked_jabatan(
            [("realisasi", info[k][0], p) for k, p in terakhir], "Realisasi anggaran"
        )
        tersimpan: dict[tuple[int, str], tuple[int, str, str]] = {
            (k, p): (n, s, d)
            for k, p, n, s, d in RealisasiAnggaran.select(
                RealisasiAnggaran.kegiatan,
                RealisasiAnggaran.periode,
                RealisasiAnggaran.nilai,
                RealisasiAnggaran.sumber,
                RealisasiAnggaran.diubah,
            )
            .where(RealisasiAnggaran.kegiatan.in_(sorted(info)))
            .tuples()
            .iterator()
        }
        lama: list[AnggaranMasuk] = []
        entri: list[Entri] = []
        for (k, p), m in terakhir.items():
            baris = tersimpan.get((k, p))
            sebelum = None if baris is None else baris[0]
            if sebelum == m.nilai:
                continue
            lama.append(AnggaranMasuk(k, p, sebelum))
            syarat = (RealisasiAnggaran.kegiatan == k) & (RealisasiAnggaran.periode == p)
            if m.nilai is None:
                RealisasiAnggaran.delete().where(syarat).execute()
            elif sebelum is None:
                RealisasiAnggaran.create(
                    kegiatan=k, periode=p, nilai=m.nilai, sumber=sumber, diubah=waktu
                )
            else:
                RealisasiAnggaran.update(nilai=m.nilai, sumber=sumber, diubah=waktu).where(
                    syarat
                ).execute()
            entri.append(
                Entri(
                    aksi=aksi,
                    jenis="realisasi_anggaran",
                    jabatan_id=info[k][0],
                    periode=p,
                    lama=None if baris is None else json_anggaran(k, *baris),
                    baru=None if m.nilai is None else json_anggaran(k, m.nilai, sumber, waktu),
                    catatan=info[k][2],
                    batch_id=batch_id,
                )
            )
        record_entries(entri, waktu, sesi.nama)
    jabatan = frozenset(info[m.kegiatan_id][0] for m in lama)
    tahun = {info[m.kegiatan_id][1] for m in lama}
    pesan = f"{len(lama)} realisasi anggaran disimpan." if lama else "Tidak ada nilai yang berubah."
    return Hasil(
        Perubahan(pesan, tahun.pop() if len(tahun) == 1 else None, jabatan=jabatan, program=True),
        lama,
    )


# -- monev notes --------------------------------------------------------------------------
def _indikator(ids: set[int]) -> dict[int, tuple[int, int, str]]:
    """indicator id -> (jabatan id, year, code)."""
    query = (
        Indikator.select(Indikator.id, Sasaran.jabatan, Indikator.tahun, Indikator.kode)
        .join(Sasaran)
        .where(Indikator.id.in_(sorted(ids)))
        .tuples()
    )
    return {r[0]: (r[1], r[2], r[3]) for r in query.iterator()}


def _bersih_keterangan(m: KeteranganMasuk, kode: str, periode: str) -> KeteranganMasuk:
    apa = f"{kode} {periode}"
    return KeteranganMasuk(
        m.indikator_id,
        periode,
        check_teks(m.kendala, f"Kendala {apa}", wajib=False, maks=KETERANGAN_MAKS),
        check_teks(m.tindak_lanjut, f"Tindak lanjut {apa}", wajib=False, maks=KETERANGAN_MAKS),
    )


def check_keterangan(
    masuk: Sequence[KeteranganMasuk],
) -> tuple[list[KeteranganMasuk], list[tuple[int, str]]]:
    """The notes of ``masuk`` as they would be stored, and which cannot be and why: (index in
    ``masuk``, reason) for a period not of the indicator's year, a text too long or with
    forbidden characters. One query."""
    info = _indikator({m.indikator_id for m in masuk})
    bersih: list[KeteranganMasuk] = []
    alasan: list[tuple[int, str]] = []
    for n, m in enumerate(masuk):
        if m.indikator_id not in info:
            alasan.append((n, f"Indikator nomor {m.indikator_id} tidak ada (sudah dihapus?)."))
            continue
        _, tahun, kode = info[m.indikator_id]
        try:
            p = parse_periode(m.periode)
            if p.tahun != tahun:
                raise DataTidakValid(
                    f"Keterangan {kode}: periode {m.periode} bukan tahun {tahun}, tahun "
                    "indikatornya."
                )
            bersih.append(_bersih_keterangan(m, kode, p.id))
        except DataTidakValid as exc:
            alasan.append((n, exc.pesan))
    return bersih, alasan


def set_keterangan(
    masuk: Sequence[KeteranganMasuk], aksi: str = "isian", batch_id: int | None = None
) -> Hasil[list[KeteranganMasuk]]:
    """Store (or remove, both texts empty) monev notes, all or nothing; ``batch_id`` names the
    import batch the entries belong to. Raises :class:`DataTidakValid` naming the first
    refusal, :class:`Terkunci` when the indicator's realisasi of that period is approved."""
    bersih, alasan = check_keterangan(masuk)
    if alasan:
        lagi = f" (dan {len(alasan) - 1} lainnya)" if len(alasan) > 1 else ""
        raise DataTidakValid(f"{alasan[0][1]}{lagi} Tidak ada yang disimpan.")
    terakhir = {(m.indikator_id, m.periode): m for m in bersih}
    sesi = pengguna_aktif()
    waktu = sekarang()
    with database_proxy.atomic():
        take_lock(KUNCI_NILAI)
        kuncian = check_locks(("realisasi", i, p) for i, p in terakhir)
        if kuncian:
            pertama = sorted(kuncian.values(), key=lambda k: k.info.periode)[0]
            raise Terkunci(f"Keterangan tidak diubah: {pertama.kalimat}")
        info = _indikator({i for i, _ in terakhir})
        tersimpan: dict[tuple[int, str], Any] = {
            (r[0], r[1]): r
            for r in Keterangan.select(
                Keterangan.indikator,
                Keterangan.periode,
                Keterangan.kendala,
                Keterangan.tindak_lanjut,
                Keterangan.diubah,
            )
            .where(Keterangan.indikator.in_(sorted(info)))
            .tuples()
            .iterator()
        }
        lama: list[KeteranganMasuk] = []
        entri: list[Entri] = []
        for (i, p), m in terakhir.items():
            row = tersimpan.get((i, p))
            sebelum = KeteranganMasuk(i, p, row[2], row[3]) if row else KeteranganMasuk(i, p)
            if (sebelum.kendala, sebelum.tindak_lanjut) == (m.kendala, m.tindak_lanjut):
                continue
            lama.append(sebelum)
            syarat = (Keterangan.indikator == i) & (Keterangan.periode == p)
            if m.kosong:
                Keterangan.delete().where(syarat).execute()
            elif row is None:
                Keterangan.create(
                    indikator=i,
                    periode=p,
                    kendala=m.kendala,
                    tindak_lanjut=m.tindak_lanjut,
                    diubah=waktu,
                )
            else:
                Keterangan.update(
                    kendala=m.kendala, tindak_lanjut=m.tindak_lanjut, diubah=waktu
                ).where(syarat).execute()
            entri.append(
                Entri(
                    aksi=aksi,
                    jenis="keterangan",
                    jabatan_id=info[i][0],
                    indikator_id=i,
                    periode=p,
                    lama=None if row is None else json_keterangan(row[2], row[3], row[4]),
                    baru=None if m.kosong else json_keterangan(m.kendala, m.tindak_lanjut, waktu),
                    batch_id=batch_id,
                )
            )
        record_entries(entri, waktu, sesi.nama)
    tahun = {info[m.indikator_id][1] for m in lama}
    pesan = f"{len(lama)} keterangan disimpan." if lama else "Tidak ada keterangan yang berubah."
    return Hasil(
        Perubahan(
            pesan,
            tahun.pop() if len(tahun) == 1 else None,
            jabatan=frozenset(info[m.indikator_id][0] for m in lama),
            program=True,
        ),
        lama,
    )

