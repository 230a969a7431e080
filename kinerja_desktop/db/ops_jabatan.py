"""Operations on the jabatan tree of a year: add, rename, move, remove and reinsert (reading
the tree is :mod:`~kinerja_desktop.db.queries_jabatan`).

Each operation that changes data runs in one transaction and returns a
:class:`~kinerja_desktop.db.changes.Hasil` whose change record has an Indonesian line for the
status bar. Removing a jabatan removes its whole subtree; the removal's result carries a
:class:`JabatanSnapshot` (every row that went, with its id) so that undo can put everything
back exactly as it was.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.audit_isi import build_isi
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    NilaiRealisasi,
    NilaiTarget,
    Pemangku,
    Tugas,
    database_proxy,
)
from kinerja_desktop.db.queries import require_jabatan, require_year
from kinerja_desktop.db.queries_jabatan import subtree_ids
from kinerja_desktop.db.removal_locks import refuse_locked_rows
from kinerja_desktop.db.removed_rows import (
    RemovedRows,
    Tautan,
    capture_rows,
    is_any_in_use,
    reinsert_rows,
    tautan_sentence,
    tautan_text,
)
from kinerja_desktop.domain.kode import KODE_JABATAN_MAKS, check_kode
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid

NAMA_MAX = 200


@dataclass(frozen=True)
class Letak:
    """Where a jabatan sits: its atasan (None = directly under the Camat) and its order."""

    atasan_id: int | None
    urutan: int


@dataclass(frozen=True)
class JabatanSnapshot:
    """Every row removed with a jabatan subtree, ids included, in insertion order."""

    tahun: int
    root_id: int
    nama: str
    isi: RemovedRows = field(repr=False)


def _label(jab: Jabatan) -> str:
    return f"{jab.nama} ({jab.kode})"


def _di_bawah(atasan: Jabatan | None) -> str:
    return f"«{atasan.nama}»" if atasan is not None else "Camat"


def _beserta(isi: RemovedRows, tautan: Sequence[Tautan], arah: str) -> str | None:
    """``beserta 2 jabatan bawahan, 5 indikator, 12 nilai target/realisasi; tautan dilepas:
    1 rencana aksi``: what went or came back with a jabatan and the links to it cleared
    (``arah`` "dilepas") or put back ("dipulihkan"), for its audit entry (None: the jabatan
    alone)."""
    bagian = [
        f"{n} {kata}"
        for n, kata in (
            (len(isi.akar) - 1, "jabatan bawahan"),
            (isi.jumlah(Tugas) + isi.jumlah(Fungsi), "tugas/fungsi"),
            (isi.jumlah(Indikator), "indikator"),
            (isi.jumlah(Pemangku), "pemangku"),
            (isi.jumlah(NilaiTarget) + isi.jumlah(NilaiRealisasi), "nilai target/realisasi"),
        )
        if n
    ]
    catatan = ["beserta " + ", ".join(bagian)] if bagian else []
    if tautan:
        catatan.append(f"tautan {arah}: {tautan_text(tautan)}")
    return "; ".join(catatan) or None


def _clean_nama(nama: str) -> str:
    return check_teks(nama, "Nama jabatan", satu_baris=True, maks=NAMA_MAX)


def _clean_kode(kode: str, tahun: int, kecuali_id: int | None = None) -> str:
    kode = check_kode(kode, "Kode jabatan", KODE_JABATAN_MAKS)
    query = Jabatan.select().where((Jabatan.tahun == tahun) & (Jabatan.kode == kode))
    if kecuali_id is not None:
        query = query.where(Jabatan.id != kecuali_id)
    other = query.first()
    if other is not None:
        raise DataTidakValid(
            f"Kode {kode} sudah dipakai jabatan «{other.nama}» di tahun {tahun}; pilih kode lain."
        )
    return kode


def suggest_kode(tahun: int, nama: str) -> str:
    """A free code for a new jabatan named ``nama``: its words in capitals, made unique."""
    words = re.findall(r"[A-Za-z0-9]+", nama.upper())
    base = "-".join(words)[:30].strip("-") or "JABATAN"
    query = Jabatan.select(Jabatan.kode).where(Jabatan.tahun == tahun)
    taken = {k for (k,) in query.tuples().iterator()}
    kode, n = base, 2
    while kode in taken:
        kode, n = f"{base}-{n}", n + 1
    return kode


def _next_urutan(tahun: int) -> int:
    last = Jabatan.select(peewee.fn.MAX(Jabatan.urutan)).where(Jabatan.tahun == tahun).scalar()
    return 0 if last is None else last + 1


def _check_atasan(tahun: int, atasan_id: int | None) -> Jabatan | None:
    if atasan_id is None:
        return None
    atasan = require_jabatan(atasan_id)
    if atasan.tahun_id != tahun:
        raise DataTidakValid("Atasan harus jabatan pada tahun yang sama.")
    return atasan


def add_jabatan(tahun: int, nama: str, atasan_id: int | None, kode: str = "") -> Hasil[int]:
    """Add a jabatan under ``atasan_id`` (None: directly under the Camat), last in order;
    the result carries the new id. An empty ``kode`` gets a suggested one."""
    require_year(tahun)
    nama = _clean_nama(nama)
    with database_proxy.atomic():
        atasan = _check_atasan(tahun, atasan_id)
        kode = _clean_kode(kode, tahun) if kode.strip() else suggest_kode(tahun, nama)
        new = Jabatan.create(
            tahun=tahun, kode=kode, nama=nama, atasan=atasan_id, urutan=_next_urutan(tahun)
        )
        log_iki(
            "tambah",
            "jabatan",
            tahun=tahun,
            baru=_label(new),
            jabatan_id=new.id,
            catatan=f"di bawah {_di_bawah(atasan)}",
            isi=build_isi("jabatan", new.id, new.__data__),
        )
    perubahan = Perubahan(
        pesan=f"Jabatan «{nama}» ({kode}) ditambahkan.",
        tahun=tahun,
        jabatan_tree=True,
        jabatan=frozenset({new.id}),
    )
    return Hasil(perubahan, new.id)


def rename_jabatan(jabatan_id: int, nama: str, kode: str | None = None) -> Hasil[None]:
    """Give a jabatan a new name (and, when ``kode`` is given, a new code)."""
    nama = _clean_nama(nama)
    with database_proxy.atomic():
        jab = require_jabatan(jabatan_id)
        lama, sebelum = jab.nama, _label(jab)
        if kode is not None:
            jab.kode = _clean_kode(kode, jab.tahun_id, kecuali_id=jab.id)
        jab.nama = nama
        jab.save()
        log_iki(
            "ubah",
            "jabatan",
            tahun=jab.tahun_id,
            lama=sebelum,
            baru=_label(jab),
            jabatan_id=jab.id,
            isi=build_isi("jabatan", jab.id, jab.__data__),
        )
    pesan = (
        f"Nama jabatan «{lama}» diubah menjadi «{nama}»."
        if lama != nama
        else f"Jabatan «{nama}» disimpan dengan kode {jab.kode}."
    )
    perubahan = Perubahan(
        pesan=pesan, tahun=jab.tahun_id, jabatan_tree=True, jabatan=frozenset({jab.id})
    )
    return Hasil(perubahan, None)


def letak_jabatan(jabatan_id: int) -> Letak:
    """Where a jabatan sits now (kept by the window to undo a move)."""
    jab = require_jabatan(jabatan_id)
    return Letak(atasan_id=jab.atasan_id, urutan=jab.urutan)


def move_jabatan(jabatan_id: int, atasan_id: int | None, urutan: int | None = None) -> Hasil[Letak]:
    """Put a jabatan (with its subtree) under ``atasan_id``; None puts it under the Camat.

    Without ``urutan`` it becomes the last one in order. The result carries where it was
    (undo moves it back there). Refuses a move under itself or under one of its own bawahan.
    """
    with database_proxy.atomic():
        jab = require_jabatan(jabatan_id)
        atasan = _check_atasan(jab.tahun_id, atasan_id)
        if atasan is not None and atasan.id in subtree_ids(jab):
            if atasan.id == jab.id:
                raise DataTidakValid(f"Jabatan «{jab.nama}» tidak dapat menjadi atasannya sendiri.")
            raise DataTidakValid(
                f"Jabatan «{jab.nama}» tidak dapat dipindahkan ke bawah «{atasan.nama}», "
                "karena «" + atasan.nama + "» adalah bawahannya sendiri."
            )
        lama = Letak(atasan_id=jab.atasan_id, urutan=jab.urutan)
        atasan_lama = Jabatan.get_or_none(Jabatan.id == jab.atasan_id) if jab.atasan_id else None
        jab.atasan = atasan_id
        jab.urutan = _next_urutan(jab.tahun_id) if urutan is None else urutan
        jab.save()
        log_iki(
            "pindah",
            "jabatan",
            tahun=jab.tahun_id,
            lama=f"di bawah {_di_bawah(atasan_lama)}",
            baru=f"di bawah {_di_bawah(atasan)}",
            jabatan_id=jab.id,
            catatan=_label(jab),
        )
    tujuan = _di_bawah(atasan)
    perubahan = Perubahan(
        pesan=f"Jabatan «{jab.nama}» dipindahkan ke bawah {tujuan}.",
        tahun=jab.tahun_id,
        jabatan_tree=True,
        jabatan=frozenset({jab.id}),
    )
    return Hasil(perubahan, lama)


def _capture(root: Jabatan) -> JabatanSnapshot:
    """Every row that goes with ``root``: the subtree, then every row that cascades from it
    (tugas, fungsi, sasaran, indicators, sub-items, pemangku, targets, realisasi, riwayat)."""
    ids = subtree_ids(root)
    jabatan_rows = list(Jabatan.select().where(Jabatan.id.in_(ids)).dicts().iterator())
    depth = {root.id: 0}
    by_id = {r["id"]: r for r in jabatan_rows}

    def level(jid: int) -> int:
        if jid not in depth:
            depth[jid] = level(by_id[jid]["atasan"]) + 1
        return depth[jid]

    # parents first, so that the atasan of each restored row exists when it is inserted
    jabatan_rows.sort(key=lambda r: level(r["id"]))
    return JabatanSnapshot(
        tahun=root.tahun_id,
        root_id=root.id,
        nama=root.nama,
        isi=capture_rows(Jabatan, jabatan_rows),
    )


def _perubahan_subtree(
    pesan: str, tahun: int, ids: list[int], tautan: Sequence[Tautan]
) -> Perubahan:
    # a whole subtree went or came back: its tugas, indicators, holders, values and plan
    # with it, and the penanggung jawab of other jabatan's actions
    lain = {t.jabatan_id for t in tautan if t.jabatan_id is not None}
    return Perubahan(
        pesan=pesan,
        tahun=tahun,
        jabatan_tree=True,
        jabatan=frozenset({*ids, *lain}),
        uraian=True,
        indikator=True,
        pemangku=True,
        nilai=True,
        program=True,
    )


def remove_jabatan(jabatan_id: int) -> Hasil[JabatanSnapshot]:
    """Remove a jabatan with its whole subtree and everything in it, in one transaction.

    The result carries the removed rows, which :func:`reinsert_jabatan` puts back.
    """
    with database_proxy.atomic():
        jab = require_jabatan(jabatan_id)
        cuplikan = _capture(jab)
        refuse_locked_rows(cuplikan.isi)
        ids = [r["id"] for r in cuplikan.isi.akar]
        # the whole subtree in one statement: atasan is ON DELETE SET NULL, and deleting the
        # root alone would lift its bawahan to the top instead of removing them
        Jabatan.delete().where(Jabatan.id.in_(ids)).execute()
        log_iki(
            "hapus",
            "jabatan",
            tahun=jab.tahun_id,
            lama=_label(jab),
            jabatan_id=jab.id,
            catatan=_beserta(cuplikan.isi, cuplikan.isi.tautan, "dilepas"),
            isi=build_isi("jabatan", jab.id, None, ikut=[i for i in ids if i != jab.id]),
        )
    jumlah = len(ids) - 1
    tambahan = f" beserta {jumlah} jabatan bawahan" if jumlah else ""
    tautan = tautan_sentence(cuplikan.isi.tautan, "dilepas")
    pesan = f"Jabatan «{jab.nama}»{tambahan} dihapus.{tautan}"
    return Hasil(_perubahan_subtree(pesan, jab.tahun_id, ids, cuplikan.isi.tautan), cuplikan)


def reinsert_jabatan(cuplikan: JabatanSnapshot) -> Hasil[None]:
    """Put back a removed subtree with the same ids (undo of :func:`remove_jabatan`).

    When the former atasan is gone meanwhile, the jabatan goes directly under the Camat.
    """
    jabatan_rows = [dict(r) for r in cuplikan.isi.akar]
    with database_proxy.atomic():
        require_year(cuplikan.tahun)
        kodes = [r["kode"] for r in jabatan_rows]
        clash = (
            Jabatan.select()
            .where((Jabatan.tahun == cuplikan.tahun) & Jabatan.kode.in_(kodes))
            .first()
        )
        if clash is not None:
            raise DataTidakValid(
                f"Jabatan «{cuplikan.nama}» tidak dapat dipulihkan: kode {clash.kode} kini "
                f"dipakai jabatan «{clash.nama}». Ubah kode itu dahulu."
            )
        ids = [r["id"] for r in jabatan_rows]
        if is_any_in_use(cuplikan.isi):
            # SQLite reuses the highest freed id; the undo stack normally undoes later
            # additions first, so this only happens when data changed outside the stack
            raise DataTidakValid(
                f"Jabatan «{cuplikan.nama}» tidak dapat dipulihkan karena data jabatan "
                "sudah berubah sejak dihapus."
            )
        root = jabatan_rows[0]
        if root["atasan"] is not None and Jabatan.get_or_none(id=root["atasan"]) is None:
            root["atasan"] = None
        try:
            tautan = reinsert_rows(cuplikan.isi, jabatan_rows)
        except peewee.IntegrityError as exc:
            raise DataTidakValid(
                f"Jabatan «{cuplikan.nama}» tidak dapat dipulihkan karena data terkait "
                "sudah berubah."
            ) from exc
        log_iki(
            "tambah",
            "jabatan",
            tahun=cuplikan.tahun,
            baru=f"{root['nama']} ({root['kode']})",
            jabatan_id=root["id"],
            catatan=_beserta(cuplikan.isi, tautan, "dipulihkan"),
            isi=build_isi("jabatan", root["id"], root),
        )
    pesan = f"Jabatan «{cuplikan.nama}» dipulihkan.{tautan_sentence(tautan, 'dipulihkan')}"
    return Hasil(_perubahan_subtree(pesan, cuplikan.tahun, ids, tautan), None)
