"""The audit log: every change of stored data, recorded in the transaction that makes it.

Each operation calls :func:`record_entries` with its entries inside its own ``atomic()`` block, so a
change without its entry (or an entry without its change) cannot be committed. The log is
append-only through the application: nothing here updates or deletes an entry.

The entries are chained: ``h(n) = SHA-256(h(n-1) + entry n)`` over a canonical JSON of every
column but the id (``isi``, the row an IKI entry leaves behind, only when it is set, so that
entries written before it existed keep their hashes). The last entry of each operation stores
its ``h``, and the head row
(``audit_kepala``) keeps the last id and hash. :func:`check_log` walks the chain again and
compares the last logged value of every key with what is stored, so an entry edited, deleted or
inserted outside the application, an entry cut from the end, or a value changed with another
tool, are all reported. (Anyone with the file can recompute the chain; it is a tamper check
against edits with other tools, not a signature.)
"""

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import peewee

from kinerja_desktop.db.models import CatatanAudit, KepalaAudit, database_proxy

AKSI: dict[str, str] = {
    "isian": "Isian di tabel",
    "tempel": "Tempel",
    "kosongkan": "Kosongkan sel",
    "impor_csv": "Impor CSV",
    "impor_desa": "Impor isian desa",
    "impor_target": "Impor buku kerja target",
    "urung": "Urungkan",
    "ulang": "Ulangi",
    "batal_impor": "Batalkan impor",
    "pulih_cadangan": "Pemulihan cadangan",
    "salin_tahun": "Salin tahun",
    "ajukan": "Ajukan",
    "verifikasi": "Verifikasi",
    "setujui": "Setujui",
    "kembalikan": "Kembalikan",
    "buka-kunci": "Buka kunci",
    "pengguna": "Pengguna",
    "naskah_pk": "Naskah Perjanjian Kinerja",
    "terbitkan_pk": "Terbitkan Perjanjian Kinerja",
    "skp": "SKP pegawai",
    "skp_aturan": "Aturan SKP",
    "tambah": "Tambah",
    "ubah": "Ubah",
    "pindah": "Pindahkan",
    "hapus": "Hapus",
    "impor_iki": "Impor buku kerja IKI",
}
"""Every action the log names, with its Indonesian label (Riwayat Perubahan, export)."""

_KOLOM = (
    "waktu",
    "pengguna",
    "aksi",
    "jenis",
    "batch_id",
    "jabatan_id",
    "indikator_id",
    "periode",
    "desa_id",
    "lama",
    "baru",
    "catatan",
)


@dataclass(frozen=True)
class Entri:
    """One change to record; ``waktu`` and ``pengguna`` come from :func:`record_entries`."""

    aksi: str
    jenis: str
    lama: str | None = None
    baru: str | None = None
    indikator_id: int | None = None
    jabatan_id: int | None = None
    periode: str = ""
    desa_id: int | None = None
    batch_id: int | None = None
    catatan: str | None = None
    isi: str | None = None  # the row after the change, for audit periksa (db.audit_isi)


_aksi_langkah: ContextVar[str | None] = ContextVar("aksi_langkah", default=None)


@contextmanager
def as_step(aksi: str) -> Iterator[None]:
    """Log every entry written inside the block under the action ``aksi``: the runner's undo
    (``urung``) and redo (``ulang``) of a step, a paste (``tempel``) of several rows. The
    outermost block wins: the operations a paste's undo runs are all logged as its undo."""
    if _aksi_langkah.get() is not None:
        yield
        return
    token = _aksi_langkah.set(aksi)
    try:
        yield
    finally:
        _aksi_langkah.reset(token)


def sekarang() -> str:
    """The local time as stored in ``diubah`` and ``waktu`` columns."""
    return datetime.now().isoformat(timespec="seconds")


def _hash(sebelum: str, baris: Sequence[Any], isi: str | None = None) -> str:
    # isi joins the hashed columns only when set: entries from before schema 12 keep theirs
    kolom = list(baris) if isi is None else [*baris, isi]
    teks = json.dumps(kolom, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((sebelum + teks).encode("utf-8")).hexdigest()


def _kepala() -> KepalaAudit:
    # The UPDATE takes the head row's lock first (PostgreSQL serialises two writers here;
    # SQLite holds one writer anyway), then the row is read under it.
    if not KepalaAudit.update(hash=KepalaAudit.hash).execute():
        KepalaAudit.create(terakhir_id=0, hash="")
    return KepalaAudit.get()


def record_entries(entri: Sequence[Entri], waktu: str, pengguna: str) -> None:
    """Append ``entri`` to the log and the chain, in the caller's transaction.

    Raises AssertionError outside a transaction: an entry must commit with its change.
    """
    if not entri:
        return
    assert database_proxy.in_transaction(), "audit entries belong in the change's transaction"
    langkah = _aksi_langkah.get()
    if langkah is not None:
        entri = [replace(e, aksi=langkah) for e in entri]
    kepala = _kepala()
    h = kepala.hash
    rows = []
    for e in entri:
        baris = (
            waktu,
            pengguna,
            e.aksi,
            e.jenis,
            e.batch_id,
            e.jabatan_id,
            e.indikator_id,
            e.periode,
            e.desa_id,
            e.lama,
            e.baru,
            e.catatan,
        )
        h = _hash(h, baris, e.isi)
        rows.append((*baris, e.isi))
    _insert_rows([(*baris, None) for baris in rows[:-1]] + [(*rows[-1], h)])
    terakhir_id = CatatanAudit.select(peewee.fn.MAX(CatatanAudit.id)).scalar()
    KepalaAudit.update(terakhir_id=terakhir_id, hash=h).where(KepalaAudit.id == kepala.id).execute()


def _insert_rows(rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert log rows (``_KOLOM``, ``isi`` and the hash) with one statement run over all.

    peewee writes the statement of one row (its placeholders and quoting for the engine at
    hand); the driver's ``executemany`` runs it for every row. Building one multi-row INSERT
    through peewee instead cost most of a desa import's time: it renders every value.
    """
    kolom = [*(getattr(CatatanAudit, k) for k in _KOLOM), CatatanAudit.isi, CatatanAudit.hash]
    satu = CatatanAudit.insert_many([rows[0]], fields=kolom).returning()
    sql, _ = satu.sql()
    database_proxy.cursor().executemany(sql, list(rows))


def rantai_baru(rows: Sequence[Sequence[Any]]) -> list[str | None]:
    """The hashes to store for ``rows`` (in ``_KOLOM`` order) written as one operation from an
    empty chain: only the last one carries its hash (the schema upgrade uses it)."""
    h = ""
    hasil: list[str | None] = []
    for baris in rows:
        h = _hash(h, baris)
        hasil.append(None)
    if hasil:
        hasil[-1] = h
    return hasil


@dataclass(frozen=True)
class HasilPeriksa:
    """The result of :func:`check_log`: the number of entries read and what is wrong."""

    jumlah: int
    masalah: list[str]

    @property
    def is_intact(self) -> bool:
        """Whether nothing was found."""
        return not self.masalah


def _baris_urut() -> Iterator[tuple[Any, ...]]:
    query = CatatanAudit.select(
        CatatanAudit.id,
        *[getattr(CatatanAudit, k) for k in _KOLOM],
        CatatanAudit.isi,
        CatatanAudit.hash,
    ).order_by(CatatanAudit.id)
    yield from database_proxy.execute(query)


def check_log(maks_masalah: int = 20) -> HasilPeriksa:
    """Walk the chain and compare the log with the stored values and approvals.

    Reports (in Indonesian) an entry whose hash does not match (edited, removed or inserted
    before it), entries missing from the end, and stored values or approval states that differ
    from the last change the log records for them.
    """
    from kinerja_desktop.db.audit_nilai import compare_with_log

    masalah: list[str] = []
    h = ""
    jumlah = 0
    terakhir_id = 0
    terakhir_cocok = 0
    for row in _baris_urut():
        jumlah += 1
        terakhir_id = row[0]
        h = _hash(h, row[1:-2], row[-2])
        tersimpan = row[-1]
        if tersimpan is not None:
            if tersimpan != h:
                masalah.append(
                    f"Catatan nomor {terakhir_cocok + 1}-{row[0]} tidak cocok dengan rantai "
                    "hash: ada catatan yang diubah, dihapus atau disisipkan di luar aplikasi."
                )
                h = tersimpan  # go on from the stored hash so a later break is seen too
            terakhir_cocok = row[0]
    kepala = KepalaAudit.select().first()
    if kepala is not None and (kepala.terakhir_id, kepala.hash) != (terakhir_id, h):
        if kepala.terakhir_id > terakhir_id:
            masalah.append(
                f"Catatan sesudah nomor {terakhir_id} sampai nomor {kepala.terakhir_id} "
                "hilang dari akhir log."
            )
        else:
            masalah.append("Kepala rantai log tidak cocok dengan catatan terakhir.")
    elif kepala is None and jumlah:
        masalah.append("Kepala rantai log hilang.")
    masalah += compare_with_log()
    if len(masalah) > maks_masalah:
        masalah = masalah[:maks_masalah] + [f"… dan {len(masalah) - maks_masalah} lainnya."]
    return HasilPeriksa(jumlah, masalah)
