"""Removing an SKP, or one rencana hasil kerja of it, and putting it back (undo and redo).

A removal takes more than the row it names: ON DELETE CASCADE takes an SKP's plan, its core
values with their expectations, the realisasi and feedback of every period and the
evaluations with it, and a row's realisasi and feedback with the row.
:func:`~kinerja_desktop.db.removed_rows.capture_rows` reads all of them first; a removal's
result carries that snapshot, which the matching ``reinsert_*`` puts back with the same ids,
order (``urutan``) and IKI links. The confirmation asked before a removal names what goes from
the same reading (:func:`skp_removal_summary`, :func:`hasil_kerja_removal_summary`).

No approval locks an SKP (approvals lock a jabatan's IKI targets and realisasi, which an SKP
only reads), so an undo is refused only when what it would put back clashes with what the
database holds now: an SKP of the same pegawai and year made again, a removed id taken, or the
pegawai, jabatan, year or (for a row) the SKP gone. An IKI indicator removed meanwhile leaves
its rows' link empty, as its removal would have done had the rows been there.
"""

from dataclasses import dataclass
from typing import Any

import peewee

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    Indikator,
    Jabatan,
    Pegawai,
    Skp,
    SkpEvaluasi,
    SkpHasilKerja,
    SkpPerilaku,
    SkpRealisasi,
    SkpUmpanPerilaku,
    Tahun,
    database_proxy,
)
from kinerja_desktop.db.ops_skp import KOLOM_HASIL_KERJA, log_skp, require_skp
from kinerja_desktop.db.removed_rows import RemovedRows, capture_rows, is_any_in_use, reinsert_rows
from kinerja_desktop.domain.periode import JenisPeriode, parse_periode
from kinerja_desktop.domain.skp import Bagian
from kinerja_desktop.domain.teks import format_daftar
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


@dataclass(frozen=True)
class SkpSnapshot:
    """A removed SKP with everything that went with it; the names are kept for the messages
    of an undo after the pegawai or the jabatan went too."""

    isi: RemovedRows
    nama: str  # the pegawai's name
    jabatan: str  # the name of the jabatan the SKP was drawn for

    @property
    def row(self) -> dict[str, Any]:
        """The removed SKP row itself."""
        return self.isi.akar[0]


@dataclass(frozen=True)
class HasilKerjaSnapshot:
    """A removed rencana hasil kerja with its realisasi and feedback."""

    isi: RemovedRows
    nama: str  # the name of the pegawai whose SKP holds the row

    @property
    def row(self) -> dict[str, Any]:
        """The removed row itself."""
        return self.isi.akar[0]


def _label_periode(periode: str) -> str:
    """``Tahunan 2026`` or ``Triwulan II 2026``, as the SKP editor names its periods."""
    p = parse_periode(periode)
    return f"Tahunan {p.tahun}" if p.jenis is JenisPeriode.TAHUN else p.label


def _parts(isi: RemovedRows) -> list[str]:
    """What goes with the rows ``isi`` names: ``["5 rencana hasil kerja", "1 evaluasi
    (Tahunan 2026)"]``; core values and feedback only where something was written."""
    bagian: list[str] = []
    if isi.kelompok[0][0] is not SkpHasilKerja and isi.jumlah(SkpHasilKerja):
        bagian.append(f"{isi.jumlah(SkpHasilKerja)} rencana hasil kerja")
    ekspektasi = sum(1 for r in isi.baris(SkpPerilaku) if r["ekspektasi"])
    if ekspektasi:
        bagian.append(f"{ekspektasi} ekspektasi perilaku")
    if isi.jumlah(SkpRealisasi):
        bagian.append(f"{isi.jumlah(SkpRealisasi)} realisasi/umpan balik hasil kerja")
    umpan = sum(1 for r in isi.baris(SkpUmpanPerilaku) if r["umpan_balik"])
    if umpan:
        bagian.append(f"{umpan} umpan balik perilaku")
    evaluasi = isi.baris(SkpEvaluasi)
    if evaluasi:
        periode = ", ".join(_label_periode(r["periode"]) for r in evaluasi)
        bagian.append(f"{len(evaluasi)} evaluasi ({periode})")
    return bagian


def _beserta(isi: RemovedRows) -> str:
    """`` beserta 5 rencana hasil kerja dan 1 evaluasi (Tahunan 2026)`` ("" when nothing)."""
    bagian = _parts(isi)
    return f" beserta {format_daftar(bagian)}" if bagian else ""


def _plan_texts(rows: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """The typed texts of plan rows, for the audit log (which keeps what a removal took)."""
    return [{"bagian": r["bagian"], **{k: r[k] for k in KOLOM_HASIL_KERJA}} for r in rows]


def _skp_texts(isi: RemovedRows) -> dict[str, Any]:
    """What the operator wrote in a removed SKP, for the audit log."""
    return {
        "rencana_hasil_kerja": _plan_texts(isi.baris(SkpHasilKerja)),
        "ekspektasi": {r["perilaku"]: r["ekspektasi"] for r in isi.baris(SkpPerilaku)},
        "evaluasi": [r["periode"] for r in isi.baris(SkpEvaluasi)],
    }


def _without_missing_iki(isi: RemovedRows) -> tuple[RemovedRows, int]:
    """``isi`` with the IKI link emptied on rows whose indicator is gone (what its removal
    does to the rows it finds), and how many rows lost their link."""
    rows = isi.baris(SkpHasilKerja)
    iki = sorted({r["iki"] for r in rows if r["iki"] is not None})
    ada: set[int] = set()
    for part in peewee.chunked(iki, 500):
        query = Indikator.select(Indikator.id).where(Indikator.id.in_(list(part)))
        ada.update(i for (i,) in query.tuples().iterator())
    hilang = set(iki) - ada
    if not hilang:
        return isi, 0
    baru = tuple({**r, "iki": None} if r["iki"] in hilang else r for r in rows)
    kelompok = tuple((m, baru if m is SkpHasilKerja else g) for m, g in isi.kelompok)
    return RemovedRows(kelompok, isi.tautan), sum(1 for r in rows if r["iki"] in hilang)


def _iki_note(lepas: int) -> str:
    """``; tautan IKI 2 baris dikosongkan …`` for the audit log ("" when none)."""
    return f"; tautan IKI {lepas} baris dikosongkan (indikatornya sudah dihapus)" if lepas else ""


def _iki_sentence(lepas: int) -> str:
    """`` Tautan IKI 2 baris dikosongkan …`` for the status line ("" when none)."""
    return (
        f" Tautan IKI {lepas} baris dikosongkan karena indikatornya sudah dihapus." if lepas else ""
    )


def _reinsert(isi: RemovedRows, apa: str) -> int:
    """Insert the rows of ``isi`` again with their ids (IKI links of removed indicators
    emptied); returns how many links were emptied."""
    if is_any_in_use(isi):
        # SQLite gives the highest freed id to the next new row: one made since the removal
        raise DataTidakValid(
            f"{apa} tidak dapat dikembalikan karena data SKP sudah berubah sejak dihapus. "
            "Isinya tercatat di Riwayat Perubahan."
        )
    bersih, lepas = _without_missing_iki(isi)
    try:
        reinsert_rows(bersih)
    except peewee.IntegrityError as exc:
        raise DataTidakValid(
            f"{apa} tidak dapat dikembalikan karena data terkait sudah berubah sejak dihapus. "
            "Isinya tercatat di Riwayat Perubahan."
        ) from exc
    return lepas


# -- a whole SKP ----------------------------------------------------------------------------


def skp_removal_summary(skp_id: int) -> str:
    """The confirmation text before removing an SKP: what goes with it, read as the removal
    reads it."""
    skp = require_skp(skp_id)
    isi = capture_rows(Skp, [dict(skp.__data__)])
    return f"SKP {skp.pegawai.nama} tahun {skp.tahun_id} akan dihapus{_beserta(isi)}."


def remove_skp(skp_id: int) -> Hasil[SkpSnapshot]:
    """Remove an SKP with its plan, core values, realisasi, feedback and evaluations (logged
    with what it held); the result carries them for :func:`reinsert_skp`."""
    with database_proxy.atomic():
        skp = require_skp(skp_id)
        snapshot = SkpSnapshot(
            capture_rows(Skp, [dict(skp.__data__)]), skp.pegawai.nama, skp.jabatan.nama
        )
        beserta = _beserta(snapshot.isi)
        log_skp(skp, f"dihapus{beserta}", lama=_skp_texts(snapshot.isi), aksi="hapus")
        # ON DELETE CASCADE removes exactly what capture_rows() read
        Skp.delete().where(Skp.id == skp_id).execute()
    pesan = f"SKP {snapshot.nama} tahun {skp.tahun_id} dihapus{beserta}."
    return Hasil(Perubahan(pesan=pesan, tahun=skp.tahun_id), snapshot)


def reinsert_skp(snapshot: SkpSnapshot) -> Hasil[None]:
    """Put a removed SKP back with its ids, rows, order and links (undo of
    :func:`remove_skp`); refused when it clashes with what is stored now."""
    row = snapshot.row
    tahun, nama = row["tahun"], snapshot.nama
    apa = f"SKP {nama} tahun {tahun}"
    with database_proxy.atomic():
        if Tahun.get_or_none(Tahun.tahun == tahun) is None:
            raise DataTidakValid(f"{apa} tidak dapat dikembalikan: tahun {tahun} sudah dihapus.")
        if Pegawai.get_or_none(Pegawai.id == row["pegawai"]) is None:
            raise DataTidakValid(
                f"{apa} tidak dapat dikembalikan: pegawai {nama} sudah tidak tercatat."
            )
        if Jabatan.get_or_none(Jabatan.id == row["jabatan"]) is None:
            raise DataTidakValid(
                f"{apa} tidak dapat dikembalikan: jabatan «{snapshot.jabatan}» tempat SKP itu "
                "dibuat sudah dihapus."
            )
        lagi = Skp.select().where((Skp.pegawai == row["pegawai"]) & (Skp.tahun == tahun))
        if lagi.exists():
            raise DataTidakValid(
                f"{apa} tidak dapat dikembalikan: SKP {nama} tahun {tahun} sudah dibuat lagi "
                "sesudah penghapusan. Isi SKP yang dihapus tercatat di Riwayat Perubahan."
            )
        lepas = _reinsert(snapshot.isi, apa)
        beserta = _beserta(snapshot.isi)
        catatan = f"dikembalikan{beserta}{_iki_note(lepas)}"
        log_skp(require_skp(row["id"]), catatan, baru=_skp_texts(snapshot.isi), aksi="tambah")
    pesan = f"{apa} dikembalikan{beserta}.{_iki_sentence(lepas)}"
    return Hasil(Perubahan(pesan=pesan, tahun=tahun), None)


# -- one row of the plan --------------------------------------------------------------------


def _hasil_kerja(hasil_kerja_id: int) -> SkpHasilKerja:
    row = SkpHasilKerja.get_or_none(SkpHasilKerja.id == hasil_kerja_id)
    if row is None:
        raise TidakDitemukan("Rencana hasil kerja ini sudah tidak ada.")
    return row


def hasil_kerja_removal_summary(hasil_kerja_id: int) -> str:
    """The confirmation text before removing a rencana hasil kerja: what goes with it."""
    row = _hasil_kerja(hasil_kerja_id)
    isi = capture_rows(SkpHasilKerja, [dict(row.__data__)])
    bagian = Bagian(row.bagian).label
    return f"Rencana hasil kerja «{row.indikator}» ({bagian}) akan dihapus{_beserta(isi)}."


def remove_hasil_kerja(hasil_kerja_id: int) -> Hasil[HasilKerjaSnapshot]:
    """Remove a rencana hasil kerja with its realisasi and feedback (logged with its texts);
    the result carries them for :func:`reinsert_hasil_kerja`."""
    with database_proxy.atomic():
        row = _hasil_kerja(hasil_kerja_id)
        skp = row.skp
        snapshot = HasilKerjaSnapshot(
            capture_rows(SkpHasilKerja, [dict(row.__data__)]), skp.pegawai.nama
        )
        beserta = _beserta(snapshot.isi)
        lama = _plan_texts(snapshot.isi.akar)[0]
        log_skp(skp, f"rencana hasil kerja dihapus{beserta}", lama=lama, aksi="hapus")
        SkpHasilKerja.delete().where(SkpHasilKerja.id == hasil_kerja_id).execute()
    pesan = f"Rencana hasil kerja «{row.indikator}» dihapus dari SKP {snapshot.nama}{beserta}."
    return Hasil(Perubahan(pesan=pesan, tahun=skp.tahun_id), snapshot)


def reinsert_hasil_kerja(snapshot: HasilKerjaSnapshot) -> Hasil[None]:
    """Put a removed rencana hasil kerja back in its place with its id, realisasi and feedback
    (undo of :func:`remove_hasil_kerja`)."""
    row = snapshot.row
    apa = f"Rencana hasil kerja «{row['indikator']}»"
    with database_proxy.atomic():
        skp = Skp.get_or_none(Skp.id == row["skp"])
        if skp is None:
            raise DataTidakValid(
                f"{apa} tidak dapat dikembalikan: SKP {snapshot.nama} sudah dihapus."
            )
        lepas = _reinsert(snapshot.isi, apa)
        beserta = _beserta(snapshot.isi)
        catatan = f"rencana hasil kerja dikembalikan{beserta}{_iki_note(lepas)}"
        log_skp(skp, catatan, baru=_plan_texts(snapshot.isi.akar)[0], aksi="tambah")
    pesan = f"{apa} dikembalikan ke SKP {snapshot.nama}{beserta}.{_iki_sentence(lepas)}"
    return Hasil(Perubahan(pesan=pesan, tahun=skp.tahun_id), None)
