"""The SKP of a whole year: the list in tree order, the holders still without one, what is
missing before documents are written, and the distribution check (kurva distribusi)."""

from collections.abc import Iterable
from dataclasses import dataclass

from kinerja_desktop.db.models import Jabatan, Pegawai, Pemangku, Skp, SkpEvaluasi
from kinerja_desktop.db.ops_skp import require_skp
from kinerja_desktop.db.queries import require_year, urutan_jabatan
from kinerja_desktop.db.queries_skp import PihakTahun
from kinerja_desktop.db.skp_aturan import predikat_organisasi, read_kurva
from kinerja_desktop.domain.skp import HasilKurva, check_kurva_distribusi


@dataclass(frozen=True)
class RingkasSkp:
    """One SKP in a year's list."""

    id: int
    pegawai_id: int
    nama: str
    nip: str
    jabatan: str
    predikat_tahunan: str | None


def daftar_skp(tahun: int) -> list[RingkasSkp]:
    """Every SKP of ``tahun`` in the order of the jabatan tree, with its yearly predikat."""
    urut = urutan_jabatan(tahun)
    predikat = dict(
        SkpEvaluasi.select(SkpEvaluasi.skp, SkpEvaluasi.predikat)
        .join(Skp)
        .where((Skp.tahun == tahun) & (SkpEvaluasi.periode == str(tahun)))
        .tuples()
        .iterator()
    )
    rows = (
        Skp.select(Skp.id, Skp.pegawai, Pegawai.nama, Pegawai.nip, Jabatan.id, Jabatan.nama)
        .join(Pegawai)
        .switch(Skp)
        .join(Jabatan)
        .where(Skp.tahun == tahun)
        .tuples()
        .iterator()
    )
    hasil = [
        (urut.get(jid, 0), RingkasSkp(i, pid, nama, nip or "", jnama, predikat.get(i)))
        for i, pid, nama, nip, jid, jnama in rows
    ]
    return [r for _, r in sorted(hasil, key=lambda x: (x[0], x[1].nama))]


@dataclass(frozen=True)
class CalonSkp:
    """A holder of a jabatan in the year without an SKP yet."""

    pegawai_id: int
    nama: str
    jabatan_id: int
    jabatan: str


def calon_skp(tahun: int) -> list[CalonSkp]:
    """Holders of the year's jabatan who have no SKP of ``tahun`` yet, in tree order."""
    urut = urutan_jabatan(tahun)
    punya = {p for (p,) in Skp.select(Skp.pegawai).where(Skp.tahun == tahun).tuples().iterator()}
    rows = (
        Pemangku.select(Pegawai.id, Pegawai.nama, Jabatan.id, Jabatan.nama)
        .join(Pegawai)
        .switch(Pemangku)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .tuples()
        .iterator()
    )
    calon = [CalonSkp(*r) for r in rows if r[0] not in punya]
    return sorted(calon, key=lambda c: (urut.get(c.jabatan_id, 0), c.nama))


def kekurangan_skp(tahun: int, skp_ids: Iterable[int] | None = None) -> list[str]:
    """What is missing before SKP documents of ``tahun`` are written, one line each: a party
    without NIP or pangkat, a jabatan without a holder (so no penilai), no Camat recorded.

    ``skp_ids`` limits the check to the parties of those SKP (default: every SKP of the year);
    jabatan without a holder are always listed, since their staff get no SKP."""
    tahun_row = require_year(tahun)
    ids = [r.id for r in daftar_skp(tahun)] if skp_ids is None else list(skp_ids)
    pihak = PihakTahun.read(tahun)
    skp_of: dict[int, tuple[int, int]] = {
        r[0]: (r[1], r[2])
        for r in Skp.select(Skp.id, Skp.pegawai, Skp.jabatan)
        .where(Skp.id.in_(ids))
        .tuples()
        .iterator()
    }
    masalah: list[str] = []
    dilihat: set[int | None] = set()
    camat_ditulis = False
    for skp_id in ids:
        if skp_id not in skp_of:
            require_skp(skp_id)  # gone meanwhile: refused as reading it would be
        pegawai_id, jabatan_id = skp_of[skp_id]
        atasan_id = pihak.atasan_id(jabatan_id)
        pegawai = pihak.pihak(pegawai_id, pihak.jabatan.get(jabatan_id, ("", None))[0])
        for peran, orang in (("pegawai", pegawai), ("pejabat penilai", pihak.atasan(atasan_id))):
            if orang is None:
                if atasan_id is None:
                    if not camat_ditulis:
                        masalah.append(
                            f"Camat (penandatangan tahun {tahun}) belum dicatat: isi di Data › "
                            "Kepala Keputusan."
                        )
                        camat_ditulis = True
                else:
                    masalah.append(
                        f"SKP {pegawai.nama}: jabatan atasan "
                        f"({pihak.jabatan[atasan_id][0]}) belum memiliki pemangku, "
                        "jadi pejabat penilai tidak diketahui."
                    )
                continue
            if orang.pegawai_id in dilihat:
                continue
            dilihat.add(orang.pegawai_id)
            kurang = [
                apa for apa, isi in (("NIP", orang.nip), ("pangkat", orang.golongan)) if not isi
            ]
            if kurang:
                masalah.append(
                    f"{orang.nama} ({peran}, {orang.jabatan}) belum memiliki "
                    f"{' dan '.join(kurang)}: lengkapi di tab Pemangku."
                )
    kosong = (
        Jabatan.select(Jabatan.nama)
        .where((Jabatan.tahun == tahun) & ~Jabatan.id.in_(Pemangku.select(Pemangku.jabatan)))
        .order_by(Jabatan.urutan)
        .tuples()
        .iterator()
    )
    tanpa = [n for (n,) in kosong]
    if tanpa:
        masalah.append(
            f"{len(tanpa)} jabatan tahun {tahun_row.tahun} belum memiliki pemangku (tanpa SKP): "
            + "; ".join(tanpa)
            + "."
        )
    return masalah


def check_kurva_tahun(tahun: int) -> HasilKurva:
    """The distribution check of ``tahun``: the yearly predikat of every SKP against the
    curve for the kecamatan's own predikat (if entered)."""
    require_year(tahun)
    semua = [r.predikat_tahunan for r in daftar_skp(tahun)]
    return check_kurva_distribusi(predikat_organisasi(tahun), semua, read_kurva())
