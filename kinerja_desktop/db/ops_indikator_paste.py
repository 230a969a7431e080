"""Pasting rows of indicators copied from Excel or LibreOffice into a jabatan, as one step
that can be undone and done again with the same ids (the Indikator tab's Tempel)."""

from dataclasses import dataclass

from kinerja_desktop.db.audit import as_step
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Indikator, Jabatan, Sasaran, database_proxy
from kinerja_desktop.db.ops_indikator import (
    IndikatorSnapshot,
    SasaranSnapshot,
    add_indikator,
    add_sasaran,
    reinsert_indikator,
    reinsert_sasaran,
    remove_indikator,
    remove_sasaran,
    update_indikator,
)
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.db.queries_indikator import FIELDS, indikator_fields, kode_problem
from kinerja_desktop.domain.kode import bentuk_kode
from kinerja_desktop.errors import DataTidakValid


@dataclass(frozen=True)
class TempelIndikator:
    """What :func:`paste_indikator` did, enough to revert and re-apply it."""

    jabatan_id: int
    dibuat: tuple[int, ...]
    diubah: tuple[tuple[int, dict[str, str], dict[str, str]], ...]  # id, before, after
    sasaran_baru: int | None = None
    pesan: str = ""


def _perubahan(jabatan: Jabatan, pesan: str) -> Perubahan:
    return Perubahan(
        pesan=pesan, tahun=jabatan.tahun_id, jabatan=frozenset({jabatan.id}), indikator=True
    )


def paste_indikator(
    jabatan_id: int, sasaran_id: int | None, rows: list[dict[str, str]]
) -> Hasil[TempelIndikator]:
    """Add or update indicators from pasted rows (fields of :data:`FIELDS`), all or nothing.

    A row whose code belongs to an indicator of this jabatan updates it; any other row becomes
    a new indicator under ``sasaran_id`` (the jabatan's last sasaran when None, a new one when
    it has none), keeping its code when the year has it free and getting a new code otherwise.
    """
    if not rows:
        raise DataTidakValid("Tidak ada baris indikator untuk ditempel.")
    with database_proxy.atomic(), as_step("tempel"):
        jabatan = require_jabatan(jabatan_id)
        own = {
            i.kode: i for i in Indikator.select().join(Sasaran).where(Sasaran.jabatan == jabatan_id)
        }
        sasaran_baru = None
        if sasaran_id is None:
            last = (
                Sasaran.select()
                .where(Sasaran.jabatan == jabatan_id)
                .order_by(Sasaran.urutan.desc())
                .first()
            )
            if last is None:
                sasaran_id = sasaran_baru = add_sasaran(jabatan_id).data
            else:
                sasaran_id = last.id
        dibuat: list[int] = []
        diubah: list[tuple[int, dict[str, str], dict[str, str]]] = []
        for number, row in enumerate(rows, start=1):
            values = {k: v for k, v in row.items() if k in FIELDS}
            try:
                kode = bentuk_kode(values.get("kode", ""), "Kode indikator")
                if kode in own:
                    ind = own[kode]
                    before = indikator_fields(ind.id)
                    update_indikator(ind.id, values)
                    diubah.append((ind.id, before, indikator_fields(ind.id)))
                else:
                    if not kode or kode_problem(jabatan.tahun_id, kode) is not None:
                        values.pop("kode", None)
                    values = {k: v for k, v in values.items() if k == "nama" or v.strip()}
                    dibuat.append(add_indikator(sasaran_id, None, values).data)
            except DataTidakValid as exc:
                raise DataTidakValid(
                    f"Baris {number} tidak dapat ditempel: {exc.pesan} Tidak ada yang diubah."
                ) from exc
    bagian = []
    if dibuat:
        bagian.append(f"{len(dibuat)} indikator ditambahkan")
    if diubah:
        bagian.append(f"{len(diubah)} indikator diperbarui")
    pesan = " dan ".join(bagian).capitalize() + f" pada {jabatan.nama}."
    tempel = TempelIndikator(jabatan_id, tuple(dibuat), tuple(diubah), sasaran_baru, pesan)
    return Hasil(_perubahan(jabatan, pesan), tempel)


@dataclass(frozen=True)
class PasteSnapshot:
    """What :func:`revert_paste` removed, for :func:`reapply_paste`."""

    indikator: list[IndikatorSnapshot]
    sasaran: SasaranSnapshot | None


def revert_paste(tempel: TempelIndikator) -> Hasil[PasteSnapshot]:
    """Undo :func:`paste_indikator`: remove what it added, restore what it changed."""
    with database_proxy.atomic():
        jabatan = require_jabatan(tempel.jabatan_id)
        sasaran = None
        snapshots: list[IndikatorSnapshot] = []
        if tempel.sasaran_baru is not None:
            # Everything added went into the new sasaran: removing it removes them too.
            sasaran = remove_sasaran(tempel.sasaran_baru).data
        else:
            snapshots = [remove_indikator(i).data for i in reversed(tempel.dibuat)]
        for indikator_id, before, _ in tempel.diubah:
            update_indikator(indikator_id, before)
    pesan = f"Tempel indikator pada {jabatan.nama} dibatalkan."
    return Hasil(_perubahan(jabatan, pesan), PasteSnapshot(snapshots, sasaran))


def reapply_paste(tempel: TempelIndikator, snapshot: PasteSnapshot) -> Hasil[None]:
    """Redo :func:`paste_indikator` after :func:`revert_paste`, with the same ids."""
    with database_proxy.atomic():
        jabatan = require_jabatan(tempel.jabatan_id)
        if snapshot.sasaran is not None:
            reinsert_sasaran(snapshot.sasaran)
        for ind in reversed(snapshot.indikator):
            reinsert_indikator(ind)
        for indikator_id, _, after in tempel.diubah:
            update_indikator(indikator_id, after)
    return Hasil(_perubahan(jabatan, tempel.pesan), None)
