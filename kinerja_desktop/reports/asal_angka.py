"""Where every realisasi of a document came from ("asal angka"): typed in the application (by
whom, when, from the audit log), a CSV file or a desa workbook (which file, its SHA-256 and
when, from the import log). Read in bulk: one query for the values, one for their import
batches, one for the audit entries of the typed ones.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import JOIN

from kinerja_desktop.db.models import (
    SUMBER_ENTRI,
    SUMBER_IMPOR_CSV,
    SUMBER_IMPOR_DESA,
    CatatanAudit,
    Desa,
    ImporBatch,
    NilaiRealisasi,
)
from kinerja_desktop.domain.periode import Periode, parse_periode
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.wilayah import nama_desa_lengkap

JENIS_SUMBER = {
    SUMBER_ENTRI: "Diketik di aplikasi",
    SUMBER_IMPOR_CSV: "Impor CSV",
    SUMBER_IMPOR_DESA: "Isian desa",
}
"""The origin of a value in the operator's words; any other origin is shown as stored."""

KOLOM = ("No", "Indikator", "Asal", "Berkas / oleh", "SHA-256", "Waktu", "Jumlah nilai")


@dataclass(frozen=True)
class AsalNilai:
    """One origin of some of an indicator's values: a file imported once, or typing."""

    jenis: str  # "Impor CSV", "Isian desa: Desa Kemiri", "Diketik di aplikasi"
    berkas: str  # the file name, or who typed ("siti"; several: "siti, admin")
    sha256: str  # of the file; "" for typed values
    waktu: str  # "3 April 2026 09.00" (the import, or the last typing)
    jumlah: int  # stored values from this origin


@dataclass(frozen=True)
class AsalIndikator:
    """Every origin of one indicator's values in the document's periods."""

    kode: str
    nama: str
    asal: tuple[AsalNilai, ...]  # empty: no realisasi yet

    @property
    def jumlah(self) -> int:
        """How many stored values in all."""
        return sum(a.jumlah for a in self.asal)


def read_asal_angka(
    indikator: Sequence[tuple[int, str, str]], sampai: Periode
) -> list[AsalIndikator]:
    """Where the realisasi of ``indikator`` (id, code, name; in document order) came from, for
    every stored value of ``sampai``'s year up to its end."""
    ids = [i for i, _, _ in indikator]
    nilai: dict[int, list[tuple[str, int | None, str, int | None]]] = defaultdict(list)
    batch_ids: set[int] = set()
    for i in range(0, len(ids), 500):
        query = NilaiRealisasi.select(
            NilaiRealisasi.indikator,
            NilaiRealisasi.periode,
            NilaiRealisasi.desa,
            NilaiRealisasi.sumber,
            NilaiRealisasi.batch,
        ).where(NilaiRealisasi.indikator.in_(ids[i : i + 500]))
        for ind, per, desa, sumber, batch in query.tuples().iterator():
            p = parse_periode(per)
            if p.tahun != sampai.tahun or p.akhir > sampai.akhir:
                continue
            nilai[ind].append((per, desa, sumber, batch))
            if batch is not None:
                batch_ids.add(batch)
    batch = _batch(batch_ids)
    diketik = _pengetik([i for i in ids if any(s == SUMBER_ENTRI for _, _, s, _ in nilai[i])])
    hasil = []
    for ind, kode, nama in indikator:
        per_asal: dict[tuple[str, int | None], list[tuple[str, int | None]]] = defaultdict(list)
        for per, desa, sumber, b in nilai[ind]:
            per_asal[(sumber, b)].append((per, desa))
        asal = []
        for (sumber, b), isi in sorted(per_asal.items(), key=lambda x: (x[0][1] or 0, x[0][0])):
            if b is not None and b in batch:
                jenis, berkas, sha, waktu = batch[b]
                asal.append(AsalNilai(jenis, berkas, sha, waktu, len(isi)))
                continue
            if sumber == SUMBER_ENTRI:
                siapa, kapan = set(), ""
                for per, desa in isi:
                    entri = diketik.get((ind, per, desa))
                    if entri is not None:
                        siapa.add(entri[0] or "tanpa nama")
                        kapan = max(kapan, entri[1])
                oleh = ", ".join(sorted(siapa)) or "tidak tercatat"
                waktu = format_waktu(kapan) if kapan else ""
                asal.append(AsalNilai(JENIS_SUMBER[sumber], oleh, "", waktu, len(isi)))
                continue
            label = JENIS_SUMBER.get(sumber, sumber)
            asal.append(AsalNilai(label, "catatan impor tidak ada lagi", "", "", len(isi)))
        hasil.append(AsalIndikator(kode, nama, tuple(asal)))
    return hasil


AsalJabatan = tuple[tuple[str, tuple[AsalIndikator, ...]], ...]
"""The appendix of a document: per jabatan (its label), the origins of its indicators."""


def read_asal_jabatan(
    kelompok: Sequence[tuple[str, Sequence[tuple[int, str, str]]]], sampai: Periode
) -> AsalJabatan:
    """:func:`read_asal_angka` for every jabatan of a document at once (label, indicators),
    in the same few queries whatever the number of jabatan; an indicator listed under two
    jabatan (the Camat's PK carries those of the jabatan under him) is read once."""
    unik = list({i: (i, kode, nama) for _, daftar in kelompok for i, kode, nama in daftar}.values())
    asal = dict(zip((i for i, _, _ in unik), read_asal_angka(unik, sampai), strict=True))
    return tuple((label, tuple(asal[i] for i, _, _ in daftar)) for label, daftar in kelompok)


def _batch(ids: set[int]) -> dict[int, tuple[str, str, str, str]]:
    """Import batches by id: (kind and desa, file name, SHA-256, time as people read it)."""
    if not ids:
        return {}
    query = (
        ImporBatch.select(
            ImporBatch.id,
            ImporBatch.jenis,
            ImporBatch.nama_berkas,
            ImporBatch.sha256,
            ImporBatch.waktu,
            Desa.jenis,
            Desa.nama,
        )
        .join(Desa, JOIN.LEFT_OUTER, on=(ImporBatch.desa == Desa.id))
        .where(ImporBatch.id.in_(sorted(ids)))
    )
    hasil = {}
    for i, jenis, berkas, sha, waktu, jenis_desa, nama_desa in query.tuples().iterator():
        if jenis == "desa":
            label = JENIS_SUMBER[SUMBER_IMPOR_DESA]
            if nama_desa:
                label += f": {nama_desa_lengkap(jenis_desa, nama_desa)}"
        else:
            label = JENIS_SUMBER[SUMBER_IMPOR_CSV]
        hasil[i] = (label, berkas, sha, format_waktu(waktu))
    return hasil


def _pengetik(ids: list[int]) -> dict[tuple[int, str, int | None], tuple[str, str]]:
    """Who last typed each value of ``ids`` and when: (indicator, period, desa) → (user,
    ISO time), from the audit log."""
    hasil: dict[tuple[int, str, int | None], tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        query = (
            CatatanAudit.select(
                CatatanAudit.indikator_id,
                CatatanAudit.periode,
                CatatanAudit.desa_id,
                CatatanAudit.pengguna,
                CatatanAudit.waktu,
            )
            .where(
                (CatatanAudit.jenis == "realisasi")
                & CatatanAudit.indikator_id.in_(ids[i : i + 500])
                & CatatanAudit.baru.is_null(False)
            )
            .order_by(CatatanAudit.id)
        )
        for ind, per, desa, siapa, waktu in query.tuples().iterator():
            hasil[(ind, per, desa)] = (siapa, waktu)  # the last entry wins
    return hasil
