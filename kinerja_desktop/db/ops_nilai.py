"""Writing targets and realisasi: check, plan, apply in one transaction, undo.

Every writer goes through the same three steps, whether it is a cell typed in the grid, a paste,
a CSV file (``nilai impor``) or a desa workbook (issue 6):

1. describe each value as a :class:`NilaiMasuk` (a :class:`KunciNilai` plus the value; no
   value means "no data": the row is removed);
2. :func:`plan_values` checks each one against its indicator (kind, year, desa, rules of
   :func:`~kinerja_desktop.domain.capaian.check_komponen`) and compares it with what is
   stored: new, changed (with the old value), unchanged or refused (with the reason);
3. :func:`apply_plan` writes a plan without refusals in one transaction; its :class:`Hasil`
   carries the :class:`NilaiSnapshot` of the old rows, which :func:`revert_values` puts back
   exactly (undo). With a :class:`BatchInfo` the plan is
   logged as an import batch, with every old and new value in the audit log, so
   :func:`undo_batch` can undo it later.

Every write is recorded in the audit log (db.audit) in its own transaction, for the user at work
(db.sesi), and refused for a period that is approved (db.persetujuan): a grid edit or an undo as
a whole (:class:`Terkunci`), an import by skipping those values (``Rencana.dilewati``) after the
preview has said which and why.

Long because the one writer of values for every way in (grid, paste, CSV, desa workbook), with
its undo and the import log.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.audit_nilai import angka_baris, json_baris, json_nilai
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.locks import KUNCI_NILAI, take_lock
from kinerja_desktop.db.models import (
    STATUS_DRAF,
    SUMBER_ENTRI,
    SUMBER_IMPOR_CSV,
    SUMBER_IMPOR_DESA,
    SUMBER_IMPOR_TARGET,
    SUMBER_SALIN,
    CatatanAudit,
    Desa,
    ImporBatch,
    Indikator,
    NilaiRealisasi,
    NilaiTarget,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.persetujuan import Kuncian, check_locks, refuse_kuncian
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.batas import masalah_hari_kerja
from kinerja_desktop.domain.capaian import Komponen, Target, check_komponen, check_target
from kinerja_desktop.domain.indikator import Frekuensi, Jenis
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.value_slot import JenisNilai, SifatIndikator, slot_refusal
from kinerja_desktop.domain.value_text import format_cell_komponen, format_cell_target
from kinerja_desktop.domain.wilayah import is_active_in, nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

SEMUA_JENIS: tuple[JenisNilai, ...] = ("target", "realisasi")
KOMPONEN_KOLOM = ("nilai", "pembilang", "penyebut", "pegawai", "hari_kerja", "hari_tidak_masuk")
STATUS_TERKUNCI = frozenset({"disetujui"})  # the state (db.persetujuan) of a locked value


@dataclass(frozen=True)
class KunciNilai:
    """Which value: a target or realisasi of an indicator in a period (and desa)."""

    jenis: JenisNilai
    indikator_id: int
    periode: str
    desa_id: int | None = None


class _TidakDiperiksa:
    """``NilaiMasuk.terlihat`` of a writer that showed no value first (an import)."""

    def __repr__(self) -> str:
        return "TIDAK_DIPERIKSA"


TIDAK_DIPERIKSA = _TidakDiperiksa()


@dataclass(frozen=True)
class Lokasi:
    """Where a value came from, as the operator reads it (``teks``: "baris 5", "Lembar Isian,
    sel G9", "realisasi KASI-PEM.01 Januari 2020") and in parts for whoever needs one."""

    teks: str = ""
    baris: int | None = None  # a line of a CSV file
    lembar: str | None = None  # a sheet of a workbook ...
    sel: str | None = None  # ... and its cell ("G9")

    @classmethod
    def baris_csv(cls, nomor: int) -> "Lokasi":
        """Line ``nomor`` of a CSV file."""
        return cls(f"baris {nomor}", baris=nomor)

    @classmethod
    def sel_buku(cls, lembar: str, sel: str) -> "Lokasi":
        """Cell ``sel`` of sheet ``lembar``."""
        return cls(f"Lembar {lembar}, sel {sel}", lembar=lembar, sel=sel)

    def __str__(self) -> str:
        return self.teks


@dataclass(frozen=True)
class NilaiMasuk:
    """A value to store. ``target`` for a target, ``komponen`` for a realisasi; neither set
    means "remove: no data". ``lokasi`` says where it came from, for messages. ``terlihat`` is
    the value the operator saw in the cell before typing (None: empty); when another PC has
    changed it meanwhile, the edit is refused with :class:`NilaiBerubah` rather than silently
    overwriting the other change."""

    kunci: KunciNilai
    target: Target | None = None
    komponen: Komponen | None = None
    lokasi: Lokasi = Lokasi()
    terlihat: Target | Komponen | None | _TidakDiperiksa = TIDAK_DIPERIKSA

    @property
    def kosong(self) -> bool:
        """Whether this asks to remove the value."""
        return self.target is None and self.komponen is None


class NilaiBerubah(DataTidakValid):
    """A value changed on another PC since this one read it; nothing was written."""


@dataclass(frozen=True)
class NilaiSnapshot:
    """A stored row exactly as it was (``baris`` None: there was no row), for undo."""

    kunci: KunciNilai
    baris: dict[str, Any] | None


@dataclass(frozen=True)
class Penolakan:
    """A refused value: where it came from and why, in Indonesian."""

    lokasi: Lokasi
    alasan: str

    @property
    def kalimat(self) -> str:
        """One line for a report: ``baris 5: Pembilang … lebih besar dari penyebut``."""
        return f"{self.lokasi}: {self.alasan}" if self.lokasi.teks else self.alasan


@dataclass
class Rencana:
    """What applying a list of values would do; nothing is written while planning."""

    baru: list[NilaiMasuk] = field(default_factory=list)
    diubah: list[tuple[NilaiMasuk, NilaiSnapshot]] = field(default_factory=list)
    sama: list[NilaiMasuk] = field(default_factory=list)  # a value equal to the stored one
    ditolak: list[Penolakan] = field(default_factory=list)
    dihapus: list[tuple[NilaiMasuk, NilaiSnapshot]] = field(default_factory=list)
    dilewati: list[tuple[NilaiMasuk, str]] = field(default_factory=list)  # locked: why
    belum_diisi: list[NilaiMasuk] = field(default_factory=list)  # empty, and nothing stored

    @property
    def values_to_write(self) -> list[NilaiMasuk]:
        """The values that change something, in input order."""
        return self.baru + [m for m, _ in self.diubah] + [m for m, _ in self.dihapus]

    def ringkasan(self) -> str:
        """``2 baru, 1 diubah, 5 sama, 0 ditolak`` (removals count as changes), then
        ``, 84 belum diisi`` when empty cells were read (an empty cell is no value, so it is
        never counted as one that stayed the same), and ``, 3 dilewati (terkunci)`` when
        values of an approved period are skipped."""
        teks = (
            f"{len(self.baru)} baru, {len(self.diubah) + len(self.dihapus)} diubah, "
            f"{len(self.sama)} sama, {len(self.ditolak)} ditolak"
        )
        if self.belum_diisi:
            teks += f", {len(self.belum_diisi)} belum diisi"
        if self.dilewati:
            teks += f", {len(self.dilewati)} dilewati (terkunci)"
        return teks

    def alasan_dilewati(self) -> list[str]:
        """One line per approval that made values be skipped, with how many: what an import
        says before it applies the rest."""
        hitung: dict[str, int] = {}
        for _, alasan in self.dilewati:
            hitung[alasan] = hitung.get(alasan, 0) + 1
        return [f"{n} nilai dilewati: {alasan}" for alasan, n in hitung.items()]


@dataclass(frozen=True)
class BatchInfo:
    """What the import log records about a file."""

    nama_berkas: str
    sha256: str
    jenis: str  # "csv" or "desa"
    sumber: str  # the ``sumber`` written on each value (models.SUMBER_IMPOR_*)
    desa_id: int | None = None
    tahun: int | None = None
    periode: str = ""
    berkas_simpan: str = ""


@dataclass(frozen=True)
class NilaiTertulis:
    """What :func:`apply_plan` wrote: the rows it replaced (what :func:`revert_values` puts
    back) and the import batch it logged (None: not an import, or nothing changed)."""

    lama: list[NilaiSnapshot]
    batch_id: int | None = None


@dataclass(frozen=True)
class _Ind:
    id: int
    kode: str
    tahun: int
    jabatan_id: int
    jenis: Jenis
    sifat: SifatIndikator


def _indikator(ids: Iterable[int]) -> dict[int, _Ind]:
    query = (
        Indikator.select(
            Indikator.id,
            Indikator.kode,
            Indikator.tahun,
            Sasaran.jabatan,
            Indikator.jenis,
            Indikator.dari_desa,
            Indikator.frekuensi,
        )
        .join(Sasaran)
        .where(Indikator.id.in_(sorted(set(ids))))
        .tuples()
    )
    return {
        r[0]: _Ind(
            r[0], r[1], r[2], r[3], Jenis(r[4]), SifatIndikator(r[1], bool(r[5]), Frekuensi(r[6]))
        )
        for r in query.iterator()
    }


def _model(jenis: JenisNilai) -> type[NilaiTarget] | type[NilaiRealisasi]:
    return NilaiTarget if jenis == "target" else NilaiRealisasi


def _where(kunci: KunciNilai) -> Any:
    model = _model(kunci.jenis)
    cond = (model.indikator == kunci.indikator_id) & (model.periode == kunci.periode)
    if kunci.jenis == "realisasi":
        if kunci.desa_id is None:
            cond &= NilaiRealisasi.desa.is_null()
        else:
            cond &= NilaiRealisasi.desa == kunci.desa_id
    return cond


def read_row(kunci: KunciNilai) -> dict[str, Any] | None:
    """The stored row of a value as a dictionary of its columns (without id), or None."""
    model = _model(kunci.jenis)
    row = model.select().where(_where(kunci)).dicts().first()
    if row is None:
        return None
    return _tanpa_kunci(row)


def _tanpa_kunci(row: dict[str, Any]) -> dict[str, Any]:
    # The key columns are in KunciNilai; a snapshot holds only what the value is.
    return {k: v for k, v in row.items() if k not in ("id", "indikator", "periode", "desa")}


def komponen_baris(row: dict[str, Any] | None) -> Komponen | None:
    """The realisasi held by a stored row (as :func:`read_row` and a snapshot give it)."""
    return None if row is None else Komponen(**{k: row.get(k) for k in KOMPONEN_KOLOM})


def _nilai_baris(jenis: JenisNilai, row: dict[str, Any] | None) -> Target | Komponen | None:
    """The value a stored row holds, as a cell shows it."""
    if row is None:
        return None
    if jenis == "target":
        return Target(row["nilai"], row["nilai_atas"])
    return komponen_baris(row)


def _teks_nilai(nilai: Target | Komponen | None, jenis: Jenis) -> str:
    """A value as the operator types it (``12``, ``45/50``), or "kosong"."""
    if nilai is None:
        return "kosong"
    if isinstance(nilai, Target):
        return format_cell_target(nilai)
    return format_cell_komponen(jenis, nilai)


def _build_change(
    m: NilaiMasuk, sekarang_: Target | Komponen | None, ind: _Ind | None
) -> NilaiBerubah:
    jenis = ind.jenis if ind is not None else Jenis.JUMLAH
    tempat = f" ({m.lokasi})" if m.lokasi.teks else ""
    return NilaiBerubah(
        f"Nilai{tempat} sudah diubah dari komputer lain sejak ditampilkan di sini: sekarang "
        f"{_teks_nilai(sekarang_, jenis)}. Perubahan Anda tidak disimpan. Nilai terbaru kini "
        "ditampilkan; periksa, lalu isi lagi bila perlu."
    )


def _is_unchanged(masuk: NilaiMasuk, row: dict[str, Any]) -> bool:
    if masuk.kunci.jenis == "target":
        assert masuk.target is not None
        return row["nilai"] == masuk.target.nilai and row["nilai_atas"] == masuk.target.atas
    assert masuk.komponen is not None
    return all(row[k] == getattr(masuk.komponen, k) for k in KOMPONEN_KOLOM)


def _alasan(
    masuk: NilaiMasuk, ind: _Ind | None, desa: dict[int, tuple[str, str | None]]
) -> str | None:
    kunci = masuk.kunci
    if ind is None:
        return "Indikator tidak ditemukan."
    try:
        periode = parse_periode(kunci.periode)
    except DataTidakValid as exc:
        return exc.pesan
    if periode.id != kunci.periode:
        return f"Periode {kunci.periode!r} harus ditulis {periode.id}."
    if periode.tahun != ind.tahun:
        return (
            f"Periode {periode.id} bukan tahun {ind.tahun}, tahun indikator {ind.kode}. "
            "Nilai tahun lain dicatat pada indikator tahun itu."
        )
    tempat = slot_refusal(kunci.jenis, ind.sifat, periode, kunci.desa_id is not None)
    if tempat is not None:
        return tempat
    if kunci.jenis == "target":
        if masuk.komponen is not None:
            return "Target diisi pada kolom nilai, bukan pembilang/penyebut."
        if masuk.target is not None:
            try:
                check_target(ind.jenis, masuk.target)
            except DataTidakValid as exc:
                return exc.pesan
        return None
    if kunci.desa_id is not None and kunci.desa_id not in desa:
        return "Desa tidak ditemukan."
    if kunci.desa_id is not None and (masuk.komponen is not None or masuk.target is not None):
        nama, sejak = desa[kunci.desa_id]
        if not is_active_in(sejak, periode):
            # a value stored before it was retired may still be cleared
            return (
                f"{nama} nonaktif sejak {parse_periode(sejak or '').label}; realisasi "
                f"{periode.label} tidak dicatat untuknya."
            )
    if masuk.target is not None:
        return "Realisasi tidak dapat berupa rentang."
    if masuk.komponen is not None:
        try:
            check_komponen(ind.jenis, masuk.komponen)
        except DataTidakValid as exc:
            return exc.pesan
        return masalah_hari_kerja(masuk.komponen.hari_kerja, periode)
    return None


def _kuncian(kunci: Iterable[KunciNilai]) -> dict[KunciNilai, Kuncian]:
    """The keys among ``kunci`` that an approval locks."""
    semua = set(kunci)
    terkunci = check_locks((k.jenis, k.indikator_id, k.periode) for k in semua)
    return {
        k: terkunci[(k.jenis, k.indikator_id, k.periode)]
        for k in semua
        if (k.jenis, k.indikator_id, k.periode) in terkunci
    }


def refuse_locked(kunci: Iterable[KunciNilai]) -> None:
    """Raise :class:`Terkunci` naming the approval when any of ``kunci`` is locked."""
    refuse_kuncian(list(_kuncian(kunci).values()))


def plan_values(masuk: Sequence[NilaiMasuk]) -> Rencana:
    """Check ``masuk`` and compare with what is stored; write nothing.

    Raises :class:`NilaiBerubah` when a value's ``terlihat`` is no longer what is stored.
    """
    rencana = Rencana()
    indikator = _indikator(m.kunci.indikator_id for m in masuk)
    baris_desa = Desa.select(Desa.id, Desa.nama, Desa.jenis, Desa.nonaktif_sejak).tuples()
    desa: dict[int, tuple[str, str | None]] = {
        r[0]: (nama_desa_lengkap(r[2], r[1]), r[3]) for r in baris_desa.iterator()
    }
    stored = _stored_rows({m.kunci for m in masuk})
    kuncian = _kuncian(m.kunci for m in masuk)
    dilihat: dict[KunciNilai, Lokasi] = {}
    for m in masuk:
        alasan = _alasan(m, indikator.get(m.kunci.indikator_id), desa)
        if alasan is None and m.kunci in dilihat:
            sebelumnya = dilihat[m.kunci].teks or "isian sebelumnya"
            alasan = f"Nilai yang sama sudah diisi pada {sebelumnya}."
        row = stored.get(m.kunci)
        if alasan is not None:
            rencana.ditolak.append(Penolakan(m.lokasi, alasan))
            continue
        dilihat[m.kunci] = m.lokasi
        if not isinstance(m.terlihat, _TidakDiperiksa):
            sekarang_ = _nilai_baris(m.kunci.jenis, row)
            if sekarang_ != m.terlihat:
                raise _build_change(m, sekarang_, indikator.get(m.kunci.indikator_id))
        if m.kunci in kuncian:
            # the same value again changes nothing, so a locked period only skips changes
            tetap = row is None if m.kosong else row is not None and _is_unchanged(m, row)
            if tetap:
                rencana.sama.append(m)
            else:
                rencana.dilewati.append((m, kuncian[m.kunci].kalimat))
            continue
        if m.kosong:
            if row is None:
                rencana.belum_diisi.append(m)
            else:
                rencana.dihapus.append((m, NilaiSnapshot(m.kunci, row)))
        elif row is None:
            rencana.baru.append(m)
        elif _is_unchanged(m, row):
            rencana.sama.append(m)
        else:
            rencana.diubah.append((m, NilaiSnapshot(m.kunci, row)))
    return rencana


_KOLOM_SIMPAN = {
    "target": ("nilai", "nilai_atas", "sumber", "batch", "diubah"),
    "realisasi": (*KOMPONEN_KOLOM, "sumber", "status", "batch", "diubah"),
}
"""The stored columns of a value besides its key, as :func:`read_row` gives them."""


def _stored_rows(kunci: set[KunciNilai]) -> dict[KunciNilai, dict[str, Any]]:
    """The stored rows of ``kunci`` (as :func:`read_row` gives them), in few queries.

    One query per kind and 500 indicators, narrowed to the periods and desa asked for: a desa
    workbook of one desa and three months reads those rows, not every value the indicators
    hold (all desa, all months, 0.5 s for a year of 18 desa). The narrowing is a superset of
    the keys (indicators × periods × desa); each row read is matched against ``kunci``.
    """
    hasil: dict[KunciNilai, dict[str, Any]] = {}
    for jenis in SEMUA_JENIS:
        bagian = [k for k in kunci if k.jenis == jenis]
        if not bagian:
            continue
        model = _model(jenis)
        nama = _KOLOM_SIMPAN[jenis]
        kolom = [getattr(model, c) for c in nama]
        periode = sorted({k.periode for k in bagian})
        syarat = model.periode.in_(periode)
        if jenis == "realisasi":
            desa = sorted({k.desa_id for k in bagian if k.desa_id is not None})
            kec = any(k.desa_id is None for k in bagian)
            if desa and kec:
                syarat &= NilaiRealisasi.desa.in_(desa) | NilaiRealisasi.desa.is_null()
            elif desa:
                syarat &= NilaiRealisasi.desa.in_(desa)
            else:
                syarat &= NilaiRealisasi.desa.is_null()
            kunci_kolom = [model.indikator, model.periode, NilaiRealisasi.desa]
        else:
            kunci_kolom = [model.indikator, model.periode]
        ids = sorted({k.indikator_id for k in bagian})
        for i in range(0, len(ids), 500):
            query = model.select(*kunci_kolom, *kolom).where(
                syarat & model.indikator.in_(ids[i : i + 500])
            )
            n = len(kunci_kolom)
            # the raw cursor: SQLite already gives floats, text and integer ids, and peewee's
            # per-column conversion would double the time of a year's comparison
            for row in database_proxy.execute(query):
                k = KunciNilai(jenis, row[0], row[1], row[2] if n == 3 else None)
                if k in kunci:
                    hasil[k] = dict(zip(nama, row[n:], strict=True))
    return hasil


def _kolom(m: NilaiMasuk) -> dict[str, Any]:
    if m.kunci.jenis == "target":
        assert m.target is not None
        return {"nilai": m.target.nilai, "nilai_atas": m.target.atas}
    assert m.komponen is not None
    return {k: getattr(m.komponen, k) for k in KOMPONEN_KOLOM}


_BAWAAN_TULIS = {"sumber": SUMBER_ENTRI, "status": STATUS_DRAF, "batch": None, "diubah": ""}


def _write_rows(langkah: Sequence[tuple[KunciNilai, dict[str, Any] | None]]) -> None:
    """Write many values at once with plain executemany (peewee statements per value cost
    about 0.5 ms each: 9,000 desa values would take seconds). Runs in the caller's
    transaction; every key's old row goes first, then the new rows are inserted."""
    cursor = database_proxy.cursor()
    p = database_proxy.param  # "?" on SQLite, "%s" on PostgreSQL
    for jenis, tabel in (("target", "nilai_target"), ("realisasi", "nilai_realisasi")):
        bagian = [(k, b) for k, b in langkah if k.jenis == jenis]
        if not bagian:
            continue
        if jenis == "target":
            cursor.executemany(
                f'DELETE FROM "nilai_target" WHERE "indikator_id" = {p} AND "periode" = {p}',
                [(k.indikator_id, k.periode) for k, _ in bagian],
            )
        else:
            cursor.executemany(
                f'DELETE FROM "nilai_realisasi" WHERE "indikator_id" = {p} AND "periode" = {p} '
                f'AND COALESCE("desa_id", 0) = COALESCE({p}, 0)',
                [(k.indikator_id, k.periode, k.desa_id) for k, _ in bagian],
            )
        kolom = _KOLOM_SIMPAN[jenis]
        nama = ["indikator_id", "periode"] + (["desa_id"] if jenis == "realisasi" else [])
        nama += [f"{k}_id" if k == "batch" else k for k in kolom]
        sql = f'INSERT INTO "{tabel}" ({", ".join(nama)}) VALUES ({", ".join(p for _ in nama)})'
        baris = []
        for k, b in bagian:
            if b is None:
                continue
            kunci = [k.indikator_id, k.periode] + ([k.desa_id] if jenis == "realisasi" else [])
            baris.append(kunci + [b.get(c, _BAWAAN_TULIS.get(c)) for c in kolom])
        cursor.executemany(sql, baris)


def _perubahan(kunci: Iterable[KunciNilai], pesan: str) -> Perubahan:
    ids = {k.indikator_id for k in kunci}
    info = _indikator(ids)
    tahun = {i.tahun for i in info.values()}
    return Perubahan(
        pesan=pesan,
        tahun=next(iter(tahun)) if len(tahun) == 1 else None,
        jabatan=frozenset(i.jabatan_id for i in info.values()),
        nilai=True,
    )


AKSI_SUMBER = {
    SUMBER_ENTRI: "isian",
    SUMBER_IMPOR_CSV: "impor_csv",
    SUMBER_IMPOR_DESA: "impor_desa",
    SUMBER_IMPOR_TARGET: "impor_target",
    SUMBER_SALIN: "salin_tahun",
}
"""The audit action of a write, by the ``sumber`` it stores (grid callers name theirs)."""


def entri_nilai(
    langkah: Sequence[tuple[KunciNilai, dict[str, Any] | None, dict[str, Any] | None]],
    aksi: str,
    batch_id: int | None = None,
) -> list[Entri]:
    """Audit entries of value changes ``(key, old row, new row)``, with their jabatan."""
    info = _indikator(k.indikator_id for k, _, _ in langkah)
    return [
        Entri(
            aksi=aksi,
            jenis=k.jenis,
            indikator_id=k.indikator_id,
            jabatan_id=info[k.indikator_id].jabatan_id if k.indikator_id in info else None,
            periode=k.periode,
            desa_id=k.desa_id,
            lama=json_baris(lama),
            baru=json_nilai(baru),
            batch_id=batch_id,
        )
        for k, lama, baru in langkah
    ]


def _check_unchanged(rencana: Rencana, lama: dict[KunciNilai, NilaiSnapshot]) -> None:
    """Inside the writing transaction (its lock taken): is every value still what the plan
    read? Another PC may have written between planning (an import preview can stay open for
    minutes) and now; writing anyway would silently undo its change and spoil the undo."""
    perlu = rencana.values_to_write
    if not perlu:
        return
    stored = _stored_rows({m.kunci for m in perlu})
    for m in perlu:
        dibaca = lama[m.kunci].baris if m.kunci in lama else None
        if json_baris(stored.get(m.kunci)) != json_baris(dibaca):
            sekarang_ = _nilai_baris(m.kunci.jenis, stored.get(m.kunci))
            ind = _indikator([m.kunci.indikator_id]).get(m.kunci.indikator_id)
            raise _build_change(m, sekarang_, ind)


def apply_plan(
    rencana: Rencana,
    sumber: str = SUMBER_ENTRI,
    batch: BatchInfo | None = None,
    aksi: str | None = None,
) -> Hasil[NilaiTertulis]:
    """Write a plan in one transaction: all of it, or nothing when it has refusals.

    Raises :class:`DataTidakValid` listing the refusals, :class:`Terkunci` when a value to
    write was locked since the plan was made (values the plan skipped as locked stay as they
    are), :class:`NilaiBerubah` when a value was changed by another PC after the plan was made
    (nothing written). With ``batch`` the import is logged as a batch, unless nothing changes:
    a re-import of the same file leaves no trace (``batch_id`` None), so the log lists only
    imports that can be undone. ``aksi`` names the action in the audit log (default: by
    ``sumber``).
    """
    if rencana.ditolak:
        daftar = "; ".join(p.kalimat for p in rencana.ditolak[:5])
        lagi = len(rencana.ditolak) - 5
        tambahan = f" (dan {lagi} lainnya)" if lagi > 0 else ""
        raise DataTidakValid(
            f"{len(rencana.ditolak)} nilai ditolak, tidak ada yang disimpan: {daftar}{tambahan}."
        )
    sesi = pengguna_aktif()
    waktu = sekarang()
    lama = {m.kunci: c for m, c in rencana.diubah + rencana.dihapus}
    cuplikan: list[NilaiSnapshot] = []
    batch_id: int | None = None
    with database_proxy.atomic():
        take_lock(KUNCI_NILAI)
        _check_unchanged(rencana, lama)
        refuse_locked(m.kunci for m in rencana.values_to_write)
        if batch is not None and rencana.values_to_write:
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
        langkah: list[tuple[KunciNilai, dict[str, Any] | None]] = []
        log: list[tuple[KunciNilai, dict[str, Any] | None, dict[str, Any] | None]] = []
        for m in rencana.values_to_write:
            sebelum = lama.get(m.kunci, NilaiSnapshot(m.kunci, None))
            cuplikan.append(sebelum)
            baru: dict[str, Any] | None = None
            if not m.kosong:
                baru = _kolom(m) | {"sumber": sumber, "batch": batch_id, "diubah": waktu}
                if m.kunci.jenis == "realisasi":
                    baru["status"] = STATUS_DRAF
            langkah.append((m.kunci, baru))
            log.append((m.kunci, sebelum.baris, baru))
        _write_rows(langkah)
        entri = entri_nilai(log, aksi or AKSI_SUMBER.get(sumber, sumber), batch_id)
        record_entries(entri, waktu, sesi.nama)
    n = len(rencana.values_to_write)
    pesan = f"{n} nilai disimpan." if n else "Tidak ada nilai yang berubah."
    perubahan = _perubahan([m.kunci for m in rencana.values_to_write], pesan)
    return Hasil(perubahan, NilaiTertulis(cuplikan, batch_id))


def set_values(
    masuk: Sequence[NilaiMasuk], sumber: str = SUMBER_ENTRI, aksi: str = "isian"
) -> Hasil[NilaiTertulis]:
    """Check and store values typed or pasted in the grid, all or nothing.

    Raises :class:`DataTidakValid` with the first refusal's reason (the grid shows it in place)
    and :class:`Terkunci` when a value lies in an approved period.
    """
    rencana = plan_values(masuk)
    if rencana.ditolak:
        raise DataTidakValid(rencana.ditolak[0].kalimat)
    if rencana.dilewati:
        refuse_locked(m.kunci for m in masuk)
    return apply_plan(rencana, sumber, aksi=aksi)


def revert_values(cuplikan: Sequence[NilaiSnapshot], aksi: str = "urung") -> Hasil[None]:
    """Put rows back exactly as captured (undo of :func:`apply_plan`), in one transaction.

    Refuses with :class:`Terkunci` when one of them lies in an approved period.
    """
    sesi = pengguna_aktif()
    waktu = sekarang()
    with database_proxy.atomic():
        refuse_locked(c.kunci for c in cuplikan)
        sekarang_ = _stored_rows({c.kunci for c in cuplikan})
        _write_rows([(c.kunci, c.baris) for c in cuplikan])
        log = [(c.kunci, sekarang_.get(c.kunci), c.baris) for c in cuplikan]
        record_entries(entri_nilai(log, aksi), waktu, sesi.nama)
    pesan = f"{len(cuplikan)} nilai dikembalikan."
    return Hasil(_perubahan([c.kunci for c in cuplikan], pesan), None)


AKSI_IMPOR = ("impor_csv", "impor_desa", "impor_target")
"""The audit actions that wrote an import batch's values (what batch undo reads)."""


def _read_undoable_batch(batch_id: int) -> ImporBatch:
    """The import batch ``batch_id``, refused when it does not exist or was undone already
    (read under the value lock by the undo, so that two undos of one batch never both run)."""
    batch = ImporBatch.get_or_none(ImporBatch.id == batch_id)
    if batch is None:
        raise TidakDitemukan(f"Impor nomor {batch_id} tidak ada di catatan impor.")
    if batch.dibatalkan:
        raise DataTidakValid(
            f"Impor {batch.nama_berkas} sudah dibatalkan pada {format_waktu(batch.dibatalkan)}."
        )
    return batch


def undo_batch(batch_id: int) -> Hasil[None]:
    """Undo a whole import batch: every value it wrote returns to what it was before.

    Refuses when a value of the batch was changed again after the import (the newer change
    would be lost), lies in a period approved since (:class:`Terkunci`), or the batch was
    undone already. Everything is checked inside the transaction, under the value lock: on a
    server, another PC undoing the same batch or changing one of its values meanwhile is
    seen, not overwritten.
    """
    from kinerja_desktop.db.impor_monev import JENIS_MONEV, undo_monev_batch

    sesi = pengguna_aktif()
    waktu = sekarang()
    with database_proxy.atomic():
        take_lock(KUNCI_NILAI)
        batch = _read_undoable_batch(batch_id)
        if batch.jenis == JENIS_MONEV:  # budget realised and notes, not values
            return undo_monev_batch(batch)
        langkah = list(
            CatatanAudit.select()
            .where((CatatanAudit.batch_id == batch_id) & CatatanAudit.aksi.in_(AKSI_IMPOR))
            .order_by(CatatanAudit.id)
        )
        kunci_semua = [
            KunciNilai(cast(JenisNilai, r.jenis), cast(int, r.indikator_id), r.periode, r.desa_id)
            for r in langkah
        ]
        tersimpan = _stored_rows(set(kunci_semua))
        for kunci, r in zip(kunci_semua, langkah, strict=True):
            tercatat = None if r.baru is None else json.loads(r.baru)
            if angka_baris(tersimpan.get(kunci)) != angka_baris(tercatat):
                raise DataTidakValid(
                    f"Impor {batch.nama_berkas} tidak dapat dibatalkan: nilai periode "
                    f"{r.periode} sudah diubah lagi sesudah impor."
                )
        refuse_locked(kunci_semua)
        kembali = [
            (k, None if r.lama is None else json.loads(r.lama))
            for k, r in zip(kunci_semua, langkah, strict=True)
        ]
        _write_rows(kembali)
        log = [(k, tersimpan.get(k), baris) for k, baris in kembali]
        record_entries(entri_nilai(log, "batal_impor", batch_id), waktu, sesi.nama)
        batch.dibatalkan = waktu
        batch.save()
    return Hasil(_perubahan(kunci_semua, f"Impor {batch.nama_berkas} dibatalkan."), None)
