"""Planning and writing desa values in bulk, in the format of :mod:`kinerja_desktop.db.nilai`.

``db.nilai.terapkan`` builds two peewee statements per value (about 0.5 ms each): 9,000 values
of 18 desa workbooks took 8 s. A desa import writes only realisasi of one desa, so it can
delete and insert with ``executemany`` on prepared statements instead. The rows, the import
batch and the ``riwayat_nilai`` history are exactly those ``terapkan`` writes, so that
``db.nilai.batalkan_batch`` undoes a desa import like any other (tests check it).
"""

import json
from collections.abc import Sequence
from typing import Any

from kinerja_desktop.db.models import (
    STATUS_DRAF,
    ImporBatch,
    Indikator,
    NilaiRealisasi,
    RiwayatNilai,
    database_proxy,
)
from kinerja_desktop.db.nilai import (
    KOMPONEN_KOLOM,
    STATUS_TERKUNCI,
    BatchInfo,
    Cuplikan,
    KunciNilai,
    NilaiMasuk,
    Penolakan,
    Rencana,
    sekarang,
)
from kinerja_desktop.domain.capaian import periksa_komponen
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.errors import DataTidakValid

_NILAI_KOLOM = frozenset(KOMPONEN_KOLOM)


def _json(baris: dict[str, Any] | None) -> str | None:
    # the same text db.nilai logs: sorted keys, counts as floats (SQLite REAL gives 9.0)
    if baris is None:
        return None
    rata = {
        k: float(v) if isinstance(v, int) and k in _NILAI_KOLOM else v for k, v in baris.items()
    }
    return json.dumps(rata, ensure_ascii=False, sort_keys=True)


def terapkan_realisasi(rencana: Rencana, sumber: str, batch: BatchInfo) -> int:
    """Write a plan of realisasi values in one transaction and log it; return the batch id.

    Raises :class:`DataTidakValid` when the plan has refusals or holds anything but realisasi.
    """
    if rencana.ditolak:
        raise DataTidakValid(f"{len(rencana.ditolak)} nilai ditolak, tidak ada yang disimpan.")
    if not rencana.perlu_ditulis:
        raise DataTidakValid("Tidak ada nilai yang berubah; tidak ada yang dicatat.")
    if any(m.kunci.jenis != "realisasi" for m in rencana.perlu_ditulis):
        raise DataTidakValid("Impor desa hanya menulis realisasi.")
    waktu = sekarang()
    lama = {m.kunci: c.baris for m, c in rencana.diubah + rencana.dihapus}
    tabel = NilaiRealisasi._meta.table_name
    kolom = ("indikator_id", "periode", "desa_id", *KOMPONEN_KOLOM)
    kolom += ("sumber", "status", "batch_id", "diubah")
    sql_hapus = (
        f'DELETE FROM "{tabel}" WHERE "indikator_id" = ? AND "periode" = ? '
        'AND IFNULL("desa_id", 0) = IFNULL(?, 0)'
    )
    nama_kolom = ", ".join(f'"{k}"' for k in kolom)
    tanda = ", ".join("?" for _ in kolom)
    sql_isi = f'INSERT INTO "{tabel}" ({nama_kolom}) VALUES ({tanda})'
    kolom_riwayat = ("waktu", "batch_id", "jenis", "indikator_id", "periode", "desa_id")
    kolom_riwayat += ("lama", "baru")
    sql_riwayat = (
        f'INSERT INTO "{RiwayatNilai._meta.table_name}" '
        f"({', '.join(kolom_riwayat)}) VALUES ({', '.join('?' for _ in kolom_riwayat)})"
    )
    db = database_proxy.obj
    with database_proxy.atomic():
        batch_id = ImporBatch.create(
            nama_berkas=batch.nama_berkas,
            sha256=batch.sha256,
            jenis=batch.jenis,
            desa=batch.desa_id,
            tahun=batch.tahun,
            periode=batch.periode,
            waktu=waktu,
            baru=len(rencana.baru),
            diubah=len(rencana.diubah) + len(rencana.dihapus),
            sama=len(rencana.sama),
            ditolak=0,
            berkas_simpan=batch.berkas_simpan,
        ).id
        hapus, isi, riwayat = [], [], []
        for m in rencana.perlu_ditulis:
            k = m.kunci
            hapus.append((k.indikator_id, k.periode, k.desa_id))
            baru: dict[str, Any] | None = None
            if m.komponen is not None:
                baru = {c: getattr(m.komponen, c) for c in KOMPONEN_KOLOM}
                baru |= {"sumber": sumber, "status": STATUS_DRAF, "batch": batch_id}
                baru["diubah"] = waktu
                isi.append(
                    (k.indikator_id, k.periode, k.desa_id)
                    + tuple(baru[c] for c in KOMPONEN_KOLOM)
                    + (sumber, STATUS_DRAF, batch_id, waktu)
                )
            riwayat.append(
                (
                    waktu,
                    batch_id,
                    "realisasi",
                    k.indikator_id,
                    k.periode,
                    k.desa_id,
                    _json(lama.get(k)),
                    _json(baru),
                )
            )
        cursor = db.cursor()
        cursor.executemany(sql_hapus, hapus)
        cursor.executemany(sql_isi, isi)
        cursor.executemany(sql_riwayat, riwayat)
    return batch_id


_KOLOM_SIMPAN = (*KOMPONEN_KOLOM, "sumber", "status", "batch", "diubah")


def _baris_tersimpan(masuk: Sequence[NilaiMasuk]) -> dict[KunciNilai, dict[str, Any]]:
    """The stored realisasi rows of the desa, months and indicators of ``masuk``, one query.

    Rows have the shape ``db.nilai.baca_baris`` gives (column names, foreign key ``batch``).
    """
    kunci = {m.kunci for m in masuk}
    if not kunci:
        return {}
    desa = sorted({k.desa_id for k in kunci if k.desa_id is not None})
    periode = sorted({k.periode for k in kunci})
    indikator = sorted({k.indikator_id for k in kunci})
    kolom = ", ".join(f'"{c}_id"' if c == "batch" else f'"{c}"' for c in _KOLOM_SIMPAN)
    sql = (
        f'SELECT "indikator_id", "periode", "desa_id", {kolom} '
        f'FROM "{NilaiRealisasi._meta.table_name}" '
        f'WHERE "desa_id" IN ({", ".join("?" * len(desa))}) '
        f'AND "periode" IN ({", ".join("?" * len(periode))}) '
        f'AND "indikator_id" IN ({", ".join("?" * len(indikator))})'
    )
    hasil = {}
    for row in database_proxy.obj.execute_sql(sql, (*desa, *periode, *indikator)):
        k = KunciNilai("realisasi", row[0], row[1], row[2])
        if k in kunci:
            hasil[k] = dict(zip(_KOLOM_SIMPAN, row[3:], strict=True))
    return hasil


def rencanakan_desa(masuk: Sequence[NilaiMasuk]) -> Rencana:
    """Plan desa realisasi like ``db.nilai.rencanakan``, reading only the rows concerned.

    The values were identified against the database already (indicator of the year, from the
    desa, desa known); here each is checked by the rules of its kind and compared with what is
    stored. ``db.nilai.rencanakan`` reads every stored value of the indicators (all desa, all
    months): 0.5 s for a year of 18 desa, more than the rest of the import together.
    """
    rencana = Rencana()
    jenis = {
        i: Jenis(j)
        for i, j in Indikator.select(Indikator.id, Indikator.jenis)
        .where(Indikator.id.in_(sorted({m.kunci.indikator_id for m in masuk})))
        .tuples()
    }
    tersimpan = _baris_tersimpan(masuk)
    dilihat: set[KunciNilai] = set()
    for m in masuk:
        alasan = None
        if m.kunci in dilihat:
            alasan = "Nilai yang sama diisi dua kali."
        row = tersimpan.get(m.kunci)
        if alasan is None and row is not None and row.get("status") in STATUS_TERKUNCI:
            alasan = "Nilai ini sudah disetujui dan dikunci; tidak dapat diubah."
        if alasan is None and m.komponen is not None:
            try:
                periksa_komponen(jenis[m.kunci.indikator_id], m.komponen)
            except DataTidakValid as exc:
                alasan = exc.pesan
        if alasan is not None:
            rencana.ditolak.append(Penolakan(m.lokasi, alasan))
            continue
        dilihat.add(m.kunci)
        if m.komponen is None:
            if row is None:
                rencana.sama.append(m)
            else:
                rencana.dihapus.append((m, Cuplikan(m.kunci, row)))
        elif row is None:
            rencana.baru.append(m)
        elif all(row[c] == getattr(m.komponen, c) for c in KOMPONEN_KOLOM):
            rencana.sama.append(m)
        else:
            rencana.diubah.append((m, Cuplikan(m.kunci, row)))
    return rencana
