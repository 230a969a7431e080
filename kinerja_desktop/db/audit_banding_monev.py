"""``audit periksa`` for what the quarterly monev adds: the budget realised per kegiatan and
triwulan and the notes (kendala, tindak lanjut) per indicator and period, against the row
their last audit entry holds as JSON (:mod:`~kinerja_desktop.db.ops_anggaran`). Rows written
since the log began without an entry are reported too (their ``diubah`` tells). The log and
every table are read once."""

import json
from typing import Any

from peewee import fn

from kinerja_desktop.db.audit_banding import (
    Baris,
    EntriTerakhir,
    NamaTempat,
    RiwayatBaris,
    compare_rows,
    shorten,
)
from kinerja_desktop.db.models import (
    CatatanAudit,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    Program,
    RealisasiAnggaran,
    Sasaran,
)
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.errors import DataTidakValid


def _label_periode(periode: str) -> str:
    try:
        return parse_periode(periode).label
    except DataTidakValid:
        return periode


def _json(teks: str | None) -> dict[str, Any] | None:
    return None if teks is None else dict(json.loads(teks))


def compare_anggaran(nama: NamaTempat, riwayat: RiwayatBaris, awal: str | None) -> list[str]:
    """The budget realised that differs from its last entry, is there or gone against it, or
    was written since ``awal`` (when the log began to hold every change) without one."""
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
            f"Realisasi anggaran kegiatan “{shorten(n)}”{nama.tempat(j, None)} "
            f"{_label_periode(key[1])}"
        )

    tersimpan: dict[Any, Baris] = {}
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
        tersimpan[(k, p)] = Baris(kegiatan[k][2], kegiatan[k][1], apa((k, p)), {"realisasi": nilai})
        diubah[(k, p)] = waktu
    tercatat: dict[Any, EntriTerakhir] = {}
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
        tercatat[key] = EntriTerakhir(
            nomor,
            jabatan_id,
            tahun,
            None if baris is None else {"realisasi": baris["nilai"]},
            ("kegiatan", key[0]),
        )

    # a budget realised goes with its kegiatan (or a kegiatan of another year took its number)
    tercatat = {
        k: e for k, e in tercatat.items() if k[0] in kegiatan and kegiatan[k[0]][2] == e.tahun
    }
    masalah = compare_rows("realisasi_anggaran", tersimpan, tercatat, riwayat, lambda k, _e: apa(k))
    masalah += [
        f"{tersimpan[key].nama} (diubah {diubah[key]}) tidak ada di log: ditulis di luar aplikasi."
        for key in tersimpan
        if key not in tercatat and awal is not None and diubah[key] >= awal
    ]
    return masalah


def compare_keterangan(nama: NamaTempat, riwayat: RiwayatBaris, awal: str | None) -> list[str]:
    """The monev notes that differ from their last entry, are there or gone against it, or
    were written since ``awal`` without one."""
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

    tersimpan: dict[Any, Baris] = {}
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
        tersimpan[(i, p)] = Baris(indikator[i][1], indikator[i][0], apa((i, p)), isi)
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
    tercatat: dict[Any, EntriTerakhir] = {}
    semua: set[tuple[int, str]] = set()
    for nomor, jabatan_id, ind, periode, lama, baru in query.tuples().iterator():
        semua.add((ind, periode))
        tahun = int(periode[:4])
        if indikator.get(ind, (0, 0))[1] != tahun or not (lama or baru or "").startswith("{"):
            # gone with its indicator (or one of another year took its number), or written
            # before the entries held the row
            continue
        baris = _json(baru)
        tercatat[(ind, periode)] = EntriTerakhir(
            nomor,
            jabatan_id,
            tahun,
            None if baris is None else {k: baris[k] for k in ("kendala", "tindak_lanjut")},
            ("indikator", ind),
        )
    masalah = compare_rows("keterangan", tersimpan, tercatat, riwayat, lambda key, _e: apa(key))
    masalah += [
        f"{tersimpan[key].nama} (diubah {diubah[key]}) tidak ada di log: ditulis di luar aplikasi."
        for key in tersimpan
        if key not in semua and awal is not None and diubah[key] >= awal
    ]
    return masalah
