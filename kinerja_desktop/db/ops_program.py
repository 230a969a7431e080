"""Editing a jabatan's plan: programs, their kegiatan with anggaran, and the Rencana Aksi with
sub-actions (schema 8).

Three kinds of rows (:data:`Jenis`), each an ordered list under its parent: programs under the
jabatan, kegiatan under a program, actions under the jabatan (main actions) or under a main
action (sub-actions). Every operation checks what it stores (texts through ``domain.teks``,
Rupiah through ``domain.batas``, links only to the same jabatan or year), runs in one
transaction with its audit entry, and returns a :class:`Hasil`; a removal's carries the rows
it took, which :func:`reinsert_butir` puts back with the same ids (undo).

The plan is locked with the jabatan's targets: once the year's targets are approved, its
programs, anggaran and actions are too; a kegiatan whose budget realised lies in an approved
period cannot be removed, nor its removal undone into a period approved since.

Long because the three kinds share one set of operations (add, edit, move, remove, put back)
and each kind's door (what it may hold and link to) sits beside them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.audit_isi import build_isi
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    Indikator,
    Jabatan,
    Kegiatan,
    Program,
    RencanaAksi,
    Sasaran,
    database_proxy,
)
from kinerja_desktop.db.persetujuan import refuse_locked_jabatan
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
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.batas import masalah_rupiah
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.domain.value_text import format_rupiah
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

Jenis = Literal["program", "kegiatan", "aksi"]
"""Which kind of row an operation acts on."""

_MODEL: dict[str, type[Program] | type[Kegiatan] | type[RencanaAksi]] = {
    "program": Program,
    "kegiatan": Kegiatan,
    "aksi": RencanaAksi,
}
_NAMA = {"program": "Program", "kegiatan": "Kegiatan", "aksi": "Rencana aksi"}
JENIS_AUDIT = {"program": "program", "kegiatan": "kegiatan", "aksi": "rencana_aksi"}
"""The ``jenis`` of each kind's entries in the audit log."""
TW_MAKS = 100  # what is planned in one triwulan: a mark or a few words
_FK = frozenset({"sasaran", "indikator", "kegiatan", "penanggung_jawab"})  # stored as ids


@dataclass(frozen=True)
class IsiProgram:
    """What a program holds besides its place: name, budget code, linked sasaran."""

    nama: str
    kode: str = ""
    sasaran_id: int | None = None


@dataclass(frozen=True)
class IsiKegiatan:
    """What a kegiatan holds: name, budget code, anggaran in whole Rupiah (None: not known
    yet), linked indicator."""

    nama: str
    kode: str = ""
    anggaran: int | None = None
    indikator_id: int | None = None


@dataclass(frozen=True)
class IsiAksi:
    """What an action holds: its text, links, the penanggung jawab (a jabatan of the year, or
    a text when it is someone else) and what is planned per triwulan."""

    teks: str
    indikator_id: int | None = None
    kegiatan_id: int | None = None
    penanggung_jawab_id: int | None = None
    penanggung_jawab_teks: str = ""
    tw1: str = ""
    tw2: str = ""
    tw3: str = ""
    tw4: str = ""


Isi = IsiProgram | IsiKegiatan | IsiAksi


@dataclass(frozen=True)
class CuplikanHapus:
    """Rows a removal took (the rows named and all under them), for :func:`reinsert_butir`."""

    jenis: Jenis
    baris: RemovedRows


# -- reading one row as its Isi -----------------------------------------------------------
def read_isi(jenis: Jenis, row_id: int) -> Isi:
    """The stored content of one row (what an edit replaces and its undo puts back)."""
    row = _row(jenis, row_id)
    kelas = {"program": IsiProgram, "kegiatan": IsiKegiatan, "aksi": IsiAksi}[jenis]
    return kelas(**{f.name: getattr(row, f.name) for f in fields(kelas)})


# -- helpers ------------------------------------------------------------------------------
def _row(jenis: str, row_id: int) -> Any:
    model = _MODEL[jenis]
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise TidakDitemukan(f"{_NAMA[jenis]} nomor {row_id} tidak ada lagi (sudah dihapus?).")
    return row


def _jabatan(jabatan_id: int) -> Jabatan:
    jabatan = Jabatan.get_or_none(Jabatan.id == jabatan_id)
    if jabatan is None:
        raise TidakDitemukan(f"Jabatan nomor {jabatan_id} tidak ada lagi (sudah dihapus?).")
    return jabatan


def _jabatan_of(jenis: str, row: Any) -> Jabatan:
    if jenis == "kegiatan":
        return _jabatan(Program.get_by_id(row.program_id).jabatan_id)
    return _jabatan(row.jabatan_id)


def _refuse_locked_plan(jabatan: Jabatan) -> None:
    # the plan is signed with the targets: approved targets of the year lock it
    refuse_locked_jabatan([("target", jabatan.id, str(jabatan.tahun_id))], "Rencana jabatan")


def _indikator_jabatan(indikator_id: int | None, jabatan: Jabatan) -> int | None:
    if indikator_id is None:
        return None
    ok = (
        Indikator.select()
        .join(Sasaran)
        .where((Indikator.id == indikator_id) & (Sasaran.jabatan == jabatan.id))
        .exists()
    )
    if not ok:
        raise DataTidakValid(
            f"Indikator yang dipilih bukan indikator jabatan {jabatan.nama}; pilih indikator "
            "jabatan ini atau kosongkan."
        )
    return indikator_id


def _bersih_program(isi: IsiProgram, jabatan: Jabatan) -> dict[str, Any]:
    if isi.sasaran_id is not None and not (
        Sasaran.select()
        .where((Sasaran.id == isi.sasaran_id) & (Sasaran.jabatan == jabatan.id))
        .exists()
    ):
        raise DataTidakValid(
            f"Sasaran yang dipilih bukan sasaran jabatan {jabatan.nama}; pilih sasaran jabatan "
            "ini atau kosongkan."
        )
    return {
        "nama": check_teks(isi.nama, "Nama program", satu_baris=True, maks=1000),
        "kode": check_teks(isi.kode, "Kode program", wajib=False, satu_baris=True, maks=50),
        "sasaran": isi.sasaran_id,
    }


def _bersih_kegiatan(isi: IsiKegiatan, jabatan: Jabatan) -> dict[str, Any]:
    if isi.anggaran is not None and (masalah := masalah_rupiah(isi.anggaran, "Anggaran")):
        raise DataTidakValid(masalah)
    return {
        "nama": check_teks(isi.nama, "Nama kegiatan", satu_baris=True, maks=1000),
        "kode": check_teks(isi.kode, "Kode kegiatan", wajib=False, satu_baris=True, maks=50),
        "anggaran": isi.anggaran,
        "indikator": _indikator_jabatan(isi.indikator_id, jabatan),
    }


def _bersih_aksi(isi: IsiAksi, jabatan: Jabatan) -> dict[str, Any]:
    if isi.kegiatan_id is not None and not (
        Kegiatan.select()
        .join(Program)
        .where((Kegiatan.id == isi.kegiatan_id) & (Program.jabatan == jabatan.id))
        .exists()
    ):
        raise DataTidakValid(
            f"Kegiatan yang dipilih bukan kegiatan jabatan {jabatan.nama}; pilih kegiatan "
            "jabatan ini atau kosongkan."
        )
    pj = isi.penanggung_jawab_id
    if pj is not None and not (
        Jabatan.select().where((Jabatan.id == pj) & (Jabatan.tahun == jabatan.tahun_id)).exists()
    ):
        raise DataTidakValid(
            f"Penanggung jawab harus jabatan tahun {jabatan.tahun_id}; pilih dari daftar atau "
            "tulis namanya."
        )
    teks_pj = check_teks(
        isi.penanggung_jawab_teks, "Penanggung jawab", wajib=False, satu_baris=True, maks=300
    )
    return {
        "teks": check_teks(isi.teks, "Rencana aksi", satu_baris=True, maks=2000),
        "indikator": _indikator_jabatan(isi.indikator_id, jabatan),
        "kegiatan": isi.kegiatan_id,
        "penanggung_jawab": pj,
        # a jabatan named as penanggung jawab replaces a typed name (one is printed)
        "penanggung_jawab_teks": "" if pj is not None else teks_pj,
        **{
            f"tw{i}": check_teks(
                getattr(isi, f"tw{i}"),
                f"Rencana TW {i}",
                wajib=False,
                satu_baris=True,
                maks=TW_MAKS,
            )  # fmt: skip
            for i in range(1, 5)
        },
    }


def _bersih(jenis: str, isi: Isi, jabatan: Jabatan) -> dict[str, Any]:
    if isinstance(isi, IsiProgram) and jenis == "program":
        return _bersih_program(isi, jabatan)
    if isinstance(isi, IsiKegiatan) and jenis == "kegiatan":
        return _bersih_kegiatan(isi, jabatan)
    if isinstance(isi, IsiAksi) and jenis == "aksi":
        return _bersih_aksi(isi, jabatan)
    raise TypeError(f"{type(isi).__name__} is not the content of a {jenis}")


def _summarize(jenis: str, kolom: dict[str, Any]) -> str:
    """One line for the audit log: the name, and a kegiatan's anggaran."""
    nama = kolom.get("nama") or kolom.get("teks") or ""
    if jenis == "kegiatan":
        anggaran = kolom.get("anggaran")
        return f"{nama} ({format_rupiah(anggaran) if anggaran is not None else 'anggaran kosong'})"
    return str(nama)


def _log(
    jenis: str,
    jabatan: Jabatan,
    aksi: str,
    perubahan: Sequence[tuple[str | None, str | None]],
    catatan: str | None = None,
    isi: Sequence[str | None] = (),
) -> None:
    """One audit entry per (old, new) text of ``perubahan``, all in one append; ``catatan``
    goes on the last (the links a removal cleared or its undo put back); ``isi`` holds each
    entry's row after the change (:func:`_build_isi`), when it changed what periksa compares."""
    n = len(perubahan)
    isi = list(isi) or [None] * n
    record_entries(
        [
            Entri(
                aksi=aksi,
                jenis=JENIS_AUDIT[jenis],
                jabatan_id=jabatan.id,
                periode=str(jabatan.tahun_id),
                lama=lama,
                baru=baru,
                catatan=catatan if k == n else None,
                isi=isi[k - 1],
            )
            for k, (lama, baru) in enumerate(perubahan, start=1)
        ],
        sekarang(),
        pengguna_aktif().nama,
    )


def _build_isi(
    jenis: str, row_id: int, kolom: dict[str, Any] | None, program_id: int | None = None
) -> str | None:
    """The row a program's or kegiatan's entry leaves behind (None: removed), with a
    kegiatan's ``program_id``; an action has none (``audit periksa`` does not compare the
    Rencana Aksi)."""
    if jenis == "aksi":
        return None
    return build_isi(jenis, row_id, kolom, induk=program_id if jenis == "kegiatan" else None)


def _perubahan(jabatan: Jabatan, pesan: str) -> Perubahan:
    return Perubahan(
        pesan=pesan, tahun=jabatan.tahun_id, jabatan=frozenset({jabatan.id}), program=True
    )


def _saudara(jenis: str, row: Any) -> Any:
    """The condition selecting ``row``'s siblings (its own list)."""
    if jenis == "program":
        return Program.jabatan == row.jabatan_id
    if jenis == "kegiatan":
        return Kegiatan.program == row.program_id
    induk = (
        RencanaAksi.induk.is_null() if row.induk_id is None else RencanaAksi.induk == row.induk_id
    )
    return (RencanaAksi.jabatan == row.jabatan_id) & induk


def _renumber(model: Any, syarat: Any) -> list[int]:
    """Make ``urutan`` dense (0..n-1) in one list; return its ids in order."""
    rows: list[tuple[int, int]] = list(
        model.select(model.id, model.urutan).where(syarat).order_by(model.urutan, model.id).tuples()
    )
    for index, (row_id, urutan) in enumerate(rows):
        if urutan != index:
            model.update(urutan=index).where(model.id == row_id).execute()
    return [r[0] for r in rows]


# -- operations ---------------------------------------------------------------------------
def _add(
    jenis: Jenis, jabatan: Jabatan, induk: dict[str, Any], isi: Isi, posisi: int | None, aksi: str
) -> Hasil[int]:
    model = _MODEL[jenis]
    with database_proxy.atomic():
        _refuse_locked_plan(jabatan)
        kolom = _bersih(jenis, isi, jabatan)
        contoh = model(**induk)
        syarat = _saudara(jenis, contoh)
        ids = _renumber(model, syarat)
        mulai = len(ids) if posisi is None else max(0, min(posisi, len(ids)))
        model.update(urutan=model.urutan + 1).where(syarat & (model.urutan >= mulai)).execute()
        baru = model.create(**induk, urutan=mulai, **kolom)
        tertulis = [_build_isi(jenis, baru.id, kolom, induk.get("program"))]
        _log(jenis, jabatan, aksi, [(None, _summarize(jenis, kolom))], isi=tertulis)
    return Hasil(_perubahan(jabatan, f"{_NAMA[jenis]} ditambahkan pada {jabatan.nama}."), baru.id)


def add_program(
    jabatan_id: int, isi: IsiProgram, posisi: int | None = None, aksi: str = "isian"
) -> Hasil[int]:
    """Add a program to a jabatan at ``posisi`` (the end when None)."""
    return _add("program", _jabatan(jabatan_id), {"jabatan": jabatan_id}, isi, posisi, aksi)


def add_kegiatan(
    program_id: int, isi: IsiKegiatan, posisi: int | None = None, aksi: str = "isian"
) -> Hasil[int]:
    """Add a kegiatan to a program at ``posisi`` (the end when None)."""
    program = _row("program", program_id)
    return _add(
        "kegiatan", _jabatan(program.jabatan_id), {"program": program_id}, isi, posisi, aksi
    )


def add_aksi(
    jabatan_id: int,
    isi: IsiAksi,
    induk_id: int | None = None,
    posisi: int | None = None,
    aksi: str = "isian",
) -> Hasil[int]:
    """Add an action to a jabatan's Rencana Aksi, or a sub-action under the main action
    ``induk_id``, at ``posisi`` (the end when None)."""
    jabatan = _jabatan(jabatan_id)
    if induk_id is not None:
        induk = _row("aksi", induk_id)
        if induk.jabatan_id != jabatan_id:
            raise DataTidakValid("Sub-aksi harus berada di bawah aksi jabatan yang sama.")
        if induk.induk_id is not None:
            raise DataTidakValid(
                "Sub-aksi tidak dapat punya sub-aksi lagi; tambahkan di bawah aksi utamanya."
            )
    return _add("aksi", jabatan, {"jabatan": jabatan_id, "induk": induk_id}, isi, posisi, aksi)


def update_butir(jenis: Jenis, row_id: int, isi: Isi, aksi: str = "isian") -> Hasil[None]:
    """Replace what a program, kegiatan or action holds by ``isi`` (its place stays)."""
    with database_proxy.atomic():
        row = _row(jenis, row_id)
        jabatan = _jabatan_of(jenis, row)
        _refuse_locked_plan(jabatan)
        kolom = _bersih(jenis, isi, jabatan)
        lama = {k: getattr(row, k if k not in _FK else f"{k}_id") for k in kolom}
        if lama == kolom:
            return Hasil(_perubahan(jabatan, "Tidak ada yang berubah."), None)
        model = _MODEL[jenis]
        model.update(**kolom).where(model.id == row_id).execute()
        teks = [(_summarize(jenis, lama), _summarize(jenis, kolom))]
        tertulis = [_build_isi(jenis, row_id, kolom, getattr(row, "program_id", None))]
        _log(jenis, jabatan, aksi, teks, isi=tertulis)
    return Hasil(_perubahan(jabatan, f"{_NAMA[jenis]} pada {jabatan.nama} diubah."), None)


def move_butir(jenis: Jenis, row_id: int, langkah: int, aksi: str = "isian") -> Hasil[None]:
    """Move a row up (-1) or down (+1) in its own list (logged with both places)."""
    model = _MODEL[jenis]
    with database_proxy.atomic():
        row = _row(jenis, row_id)
        jabatan = _jabatan_of(jenis, row)
        _refuse_locked_plan(jabatan)
        ids = _renumber(model, _saudara(jenis, row))
        lama = ids.index(row_id)
        baru = lama + langkah
        if not 0 <= baru < len(ids):
            return Hasil(_perubahan(jabatan, "Tidak ada yang berubah."), None)
        model.update(urutan=lama).where(model.id == ids[baru]).execute()
        model.update(urutan=baru).where(model.id == row_id).execute()
        nama = getattr(row, "nama", None) or getattr(row, "teks", "")
        _log(jenis, jabatan, aksi, [(f"{nama} (urutan {lama + 1})", f"{nama} (urutan {baru + 1})")])
    return Hasil(_perubahan(jabatan, f"{_NAMA[jenis]} dipindahkan."), None)


def remove_butir(jenis: Jenis, ids: list[int], aksi: str = "isian") -> Hasil[CuplikanHapus]:
    """Remove rows of one kind of one jabatan with everything under them (a program's
    kegiatan and their budget realised, an action's sub-actions); the result carries what
    went, for :func:`reinsert_butir`. Refused when the plan or a removed budget realised is
    locked. The rows are read in bulk, whatever their number."""
    if not ids:
        raise DataTidakValid("Tidak ada yang dipilih untuk dihapus.")
    model = _MODEL[jenis]
    with database_proxy.atomic():
        dipilih: list[dict[str, Any]] = list(
            model.select().where(model.id.in_(ids)).order_by(model.id).dicts()  # type: ignore[arg-type]
        )
        hilang = sorted(set(ids) - {r["id"] for r in dipilih})
        if hilang:
            _row(jenis, hilang[0])  # refused: gone meanwhile
        if jenis == "kegiatan":
            program = Program.select(Program.jabatan).where(
                Program.id.in_(sorted({r["program"] for r in dipilih}))
            )
            jabatan_ids: set[int] = {r[0] for r in program.tuples().iterator()}
        else:
            jabatan_ids = {r["jabatan"] for r in dipilih}
        if len(jabatan_ids) != 1:
            raise DataTidakValid("Hapus butir dari satu jabatan sekaligus.")
        jab = _jabatan(jabatan_ids.pop())
        _refuse_locked_plan(jab)
        akar = list(dipilih)
        if jenis == "aksi":  # sub-actions first go with their main action (same table)
            induk = [r["id"] for r in akar]
            akar += list(
                RencanaAksi.select()  # type: ignore[arg-type]
                .where(RencanaAksi.induk.in_(induk) & RencanaAksi.id.not_in(induk))
                .order_by(RencanaAksi.id)
                .dicts()
            )
        cuplikan = capture_rows(model, akar)
        refuse_locked_rows(cuplikan)  # a budget realised in an approved period
        model.delete().where(model.id.in_([r["id"] for r in akar])).execute()
        catatan = _catatan_tautan(cuplikan.tautan, "dilepas")
        teks = [(_summarize(jenis, r), None) for r in dipilih]
        _log(jenis, jab, aksi, teks, catatan, [_build_isi(jenis, r["id"], None) for r in dipilih])
    n = len(dipilih)
    apa = _NAMA[jenis] if n == 1 else f"{n} {_NAMA[jenis].lower()}"
    pesan = f"{apa} dihapus dari {jab.nama}.{tautan_sentence(cuplikan.tautan, 'dilepas')}"
    return Hasil(_perubahan(jab, pesan), CuplikanHapus(jenis, cuplikan))


def _catatan_tautan(tautan: Sequence[Tautan], arah: str) -> str | None:
    """``tautan dilepas: 2 rencana aksi`` (``arah`` "dilepas" or "dipulihkan"; None: none)."""
    return f"tautan {arah}: {tautan_text(tautan)}" if tautan else None


def reinsert_butir(cuplikan: CuplikanHapus, aksi: str = "urung") -> Hasil[None]:
    """Put removed rows back with their ids and places (undo of :func:`remove_butir`)."""
    model = _MODEL[cuplikan.jenis]
    akar = cuplikan.baris.akar
    with database_proxy.atomic():
        if is_any_in_use(cuplikan.baris):
            raise DataTidakValid(
                "Butir yang dihapus tidak dapat dikembalikan: datanya sudah berubah."
            )
        pertama = model(**{k: v for k, v in akar[0].items()})
        jabatan = _jabatan_of(cuplikan.jenis, pertama)
        _refuse_locked_plan(jabatan)
        tautan = reinsert_rows(cuplikan.baris)
        refuse_locked_rows(cuplikan.baris)  # approved since the removal: rolled back
        dikembalikan = {a["id"] for a in akar}
        # a sub-action back with its main action is not named again
        dinamai = [r for r in akar if cuplikan.jenis != "aksi" or r["induk"] not in dikembalikan]
        _log(
            cuplikan.jenis,
            jabatan,
            aksi,
            [(None, _summarize(cuplikan.jenis, r)) for r in dinamai],
            _catatan_tautan(tautan, "dipulihkan"),
            [_build_isi(cuplikan.jenis, r["id"], r, r.get("program")) for r in dinamai],
        )
    pesan = (
        f"{_NAMA[cuplikan.jenis]} dikembalikan pada {jabatan.nama}."
        f"{tautan_sentence(tautan, 'dipulihkan')}"
    )
    return Hasil(_perubahan(jabatan, pesan), None)
