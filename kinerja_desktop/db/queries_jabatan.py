"""Reading the jabatan tree of a year as the window shows it: the jabatan with their holders
and indicators, one jabatan, the tree's root (the Camat), a subtree, and what removing a
jabatan would take with it."""

from dataclasses import dataclass

from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Kantor,
    NilaiRealisasi,
    NilaiTarget,
    Pegawai,
    Pemangku,
    Sasaran,
    Skp,
    Tahun,
    Tugas,
)
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.db.removed_rows import capture_rows, tautan_parts
from kinerja_desktop.domain.teks import format_daftar


@dataclass(frozen=True)
class JabatanInfo:
    """One jabatan as the tree shows it."""

    id: int
    kode: str
    nama: str
    atasan_id: int | None
    urutan: int
    pemangku: tuple[str, ...] = ()  # names of the pegawai holding it
    indikator: tuple[tuple[int, str, str], ...] = ()  # (id, kode, nama): found by the search


@dataclass(frozen=True)
class RingkasanHapus:
    """What goes when a jabatan is removed; ``kalimat`` is the confirmation text."""

    nama: str
    kode: str
    bawahan: int
    tugas: int
    fungsi: int
    sasaran: int
    indikator: int
    pemangku: tuple[str, ...]
    nilai: int = 0  # targets and realisasi of those indicators
    skp: int = 0  # SKP of the holders for these jabatan, with their evaluations
    tautan: tuple[str, ...] = ()  # links of rows that stay, cleared (removed_rows.tautan_parts)

    @property
    def kalimat(self) -> str:
        """The Indonesian sentence for the confirmation dialog."""
        bagian = []
        for jumlah, kata in (
            (self.bawahan, "jabatan bawahan (beserta seluruh isinya)"),
            (self.tugas, "tugas"),
            (self.fungsi, "fungsi"),
            (self.sasaran, "sasaran"),
            (self.indikator, "indikator"),
            (self.nilai, "nilai target/realisasi"),
            (self.skp, "SKP pegawai (beserta evaluasinya)"),
        ):
            if jumlah:
                bagian.append(f"{jumlah} {kata}")
        if self.pemangku:
            bagian.append(f"{len(self.pemangku)} pemangku ({', '.join(self.pemangku)})")
        judul = f"Jabatan «{self.nama}» ({self.kode}) akan dihapus"
        if bagian:
            kalimat = f"{judul} beserta {format_daftar(bagian)}."
        else:
            kalimat = f"{judul}. Jabatan ini belum berisi data apa pun."
        if self.tautan:
            kalimat += (
                f" Tautan yang ikut dikosongkan (barisnya sendiri tetap ada): "
                f"{format_daftar(list(self.tautan))}."
            )
        return kalimat


def list_jabatan(tahun: int) -> list[JabatanInfo]:
    """The jabatan of ``tahun`` in document order, with the names of their holders."""
    holders: dict[int, list[str]] = {}
    query = (
        Pemangku.select(Pemangku.jabatan, Pegawai.nama)
        .join(Pegawai)
        .switch(Pemangku)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    )
    for jabatan_id, nama in query:
        holders.setdefault(jabatan_id, []).append(nama)
    indikator = indikator_jabatan(tahun)
    rows = (
        Jabatan.select(Jabatan.id, Jabatan.kode, Jabatan.nama, Jabatan.atasan, Jabatan.urutan)
        .where(Jabatan.tahun == tahun)
        .order_by(Jabatan.urutan, Jabatan.id)
        .tuples()
        .iterator()
    )
    return [
        JabatanInfo(
            id=i,
            kode=k,
            nama=n,
            atasan_id=a,
            urutan=u,
            pemangku=tuple(holders.get(i, ())),
            indikator=indikator.get(i, ()),
        )
        for i, k, n, a, u in rows
    ]


def indikator_jabatan(tahun: int) -> dict[int, tuple[tuple[int, str, str], ...]]:
    """The indicators (id, kode, nama) of every jabatan of ``tahun``, in one query."""
    hasil: dict[int, list[tuple[int, str, str]]] = {}
    for jabatan_id, ind_id, kode, nama in (
        Indikator.select(Sasaran.jabatan, Indikator.id, Indikator.kode, Indikator.nama)
        .join(Sasaran)
        .where(Indikator.tahun == tahun)
        .order_by(Sasaran.urutan, Indikator.urutan)
        .tuples()
        .iterator()
    ):
        hasil.setdefault(jabatan_id, []).append((ind_id, kode, nama))
    return {k: tuple(v) for k, v in hasil.items()}


def jabatan_info(jabatan_id: int) -> JabatanInfo:
    """One jabatan as :func:`list_jabatan` gives it; raises TidakDitemukan when it is gone."""
    jab = require_jabatan(jabatan_id)
    holders = (
        Pegawai.select(Pegawai.nama)
        .join(Pemangku)
        .where(Pemangku.jabatan == jab.id)
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    )
    return JabatanInfo(
        id=jab.id,
        kode=jab.kode,
        nama=jab.nama,
        atasan_id=jab.atasan_id,
        urutan=jab.urutan,
        pemangku=tuple(n for (n,) in holders),
    )


def kepala_kantor(tahun: int) -> tuple[str, str | None]:
    """The root of the tree: "Camat <kecamatan>" and the name of the year's signatory."""
    kantor = Kantor.get_or_none()
    title = f"Camat {kantor.kecamatan}" if kantor is not None else "Camat"
    year = Tahun.get_or_none(Tahun.tahun == tahun)
    pegawai = year.penandatangan if year is not None and year.penandatangan_id else None
    return title, pegawai.nama if pegawai is not None else None


def subtree_ids(root: Jabatan) -> list[int]:
    """The ids of ``root`` and every jabatan under it, at any depth."""
    children: dict[int | None, list[int]] = {}
    query = Jabatan.select(Jabatan.id, Jabatan.atasan).where(Jabatan.tahun == root.tahun_id)
    for jid, atasan in query.tuples().iterator():
        children.setdefault(atasan, []).append(jid)
    found, todo = [], [root.id]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def removal_summary(jabatan_id: int) -> RingkasanHapus:
    """What removing the jabatan would take with it, for the confirmation dialog."""
    jab = require_jabatan(jabatan_id)
    ids = subtree_ids(jab)
    # the removal's own reading of what goes, so the links named are those it will clear
    rows = list(Jabatan.select().where(Jabatan.id.in_(ids)).dicts().iterator())
    sasaran = Sasaran.select(Sasaran.id).where(Sasaran.jabatan.in_(ids))
    indikator = Indikator.select(Indikator.id).where(Indikator.sasaran.in_(sasaran))
    pemangku = (
        Pegawai.select(Pegawai.nama)
        .join(Pemangku)
        .where(Pemangku.jabatan.in_(ids))
        .distinct()
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    )
    return RingkasanHapus(
        nama=jab.nama,
        kode=jab.kode,
        bawahan=len(ids) - 1,
        tugas=Tugas.select().where(Tugas.jabatan.in_(ids)).count(),
        fungsi=Fungsi.select().where(Fungsi.jabatan.in_(ids)).count(),
        sasaran=sasaran.count(),
        indikator=Indikator.select().where(Indikator.sasaran.in_(sasaran)).count(),
        pemangku=tuple(n for (n,) in pemangku),
        nilai=sum(
            model.select().where(model.indikator.in_(indikator)).count()
            for model in (NilaiTarget, NilaiRealisasi)
        ),
        skp=Skp.select().where(Skp.jabatan.in_(ids)).count(),
        tautan=tuple(tautan_parts(capture_rows(Jabatan, list(rows)).tautan)),
    )
