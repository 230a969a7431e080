"""What the planning documents (Perjanjian Kinerja, Rencana Aksi, monev) share, read in bulk:
the jabatan of a year in tree order, who holds each (name, pangkat, NIP), who is each one's
atasan, and the marked blanks printed where something is not recorded yet.

The Camat is not a jabatan row (the tree's root, the decree's signatory): the documents treat
him as the pseudo-jabatan :data:`KODE_CAMAT`, held by the year's signatory, whose atasan is the
Bupati as entered with the PK's statement text (db.pk).
"""

from collections import defaultdict
from dataclasses import dataclass

from kinerja_desktop.db.models import Jabatan, Kantor, Pangkat, Pegawai, Pemangku, Tahun
from kinerja_desktop.db.queries import require_year, urut_pohon
from kinerja_desktop.domain.jabatan import label_jabatan
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.errors import TidakDitemukan
from kinerja_desktop.reports.penandatangan import KOSONG

KODE_CAMAT = "CAMAT"
"""The code the documents and the command line give the Camat's own agreement."""


@dataclass(frozen=True)
class Pihak:
    """A party of an agreement or a signatory: what its block prints.

    A part not recorded is :data:`KOSONG` (a marked blank written by hand); ``kurang`` names
    each such part in the operator's words.
    """

    nama: str
    jabatan: str
    pangkat: str
    nip: str  # "NIP. 19690505 199009 1 002", "NIP. …", or "" for an elected official
    kurang: tuple[str, ...] = ()


@dataclass(frozen=True)
class JabatanDokumen:
    """A jabatan (or the Camat) as the documents take it: tree place, holders, atasan."""

    id: int | None  # None: the Camat
    kode: str
    nama: str
    label: str  # the name, with the code when two jabatan share it
    kedalaman: int  # 0: directly under the Camat; -1: the Camat
    atasan_id: int | None
    pemangku: tuple[Pihak, ...]  # empty: nobody recorded


@dataclass(frozen=True)
class StrukturTahun:
    """The jabatan of a year for the documents, the Camat first, then the tree order."""

    tahun: int
    kecamatan: str
    kabupaten: str
    jabatan: tuple[JabatanDokumen, ...]

    def find_jabatan(self, jabatan_id: int | None) -> JabatanDokumen:
        """The jabatan with ``jabatan_id`` (None: the Camat)."""
        for j in self.jabatan:
            if j.id == jabatan_id:
                return j
        raise KeyError(jabatan_id)

    def choose_jabatan(self, kode: str | None) -> list[JabatanDokumen]:
        """All jabatan, or the one with ``kode`` (``CAMAT`` for the Camat); refused in
        Indonesian when the year has no such code."""
        if kode is None:
            return list(self.jabatan)
        kode = kode.strip().upper()
        found = [j for j in self.jabatan if j.kode == kode]
        if not found:
            from kinerja_desktop.command_line import command
            from kinerja_desktop.db.backup import bound_location

            raise TidakDitemukan(
                f"Jabatan dengan kode {kode} tidak ada pada tahun {self.tahun}. Kode Camat: "
                f"{KODE_CAMAT}; kode jabatan lain: "
                f"{command(bound_location(), 'indikator', '--tahun', str(self.tahun))}"
            )
        return found


def _pangkat() -> dict[str, str]:
    return {p.golongan: p.nama for p in Pangkat.select(Pangkat.golongan, Pangkat.nama)}


def pihak_pegawai(
    nama: str | None,
    nip: str | None,
    golongan: str | None,
    jabatan: str,
    pangkat: dict[str, str],
) -> Pihak:
    """The block of a pegawai holding ``jabatan``; missing parts are marked blanks."""
    kurang = []
    if not nama:
        kurang.append("pemangku")
        return Pihak(KOSONG, jabatan, KOSONG, f"NIP. {KOSONG}", ("pemangku",))
    if nip:
        teks_nip = f"NIP. {format_nip(nip)}"
    else:
        teks_nip = f"NIP. {KOSONG}"
        kurang.append("NIP")
    nama_pangkat = pangkat.get(golongan or "", "")
    if not nama_pangkat:
        kurang.append("pangkat")
    return Pihak(nama, jabatan, nama_pangkat or KOSONG, teks_nip, tuple(kurang))


def sebutan_jabatan(nama: str, kecamatan: str) -> str:
    """``Kasi Pemerintahan Kecamatan Kepanjen``: the jabatan as a signature block names it;
    a name that ends in "Kecamatan" takes the place name only (``Sekretaris Kecamatan
    Kepanjen``, never "Sekretaris Kecamatan Kecamatan Kepanjen")."""
    if not kecamatan:
        return nama
    if nama.rstrip().lower().endswith("kecamatan"):
        return f"{nama.rstrip()} {kecamatan}"
    return f"{nama} Kecamatan {kecamatan}".strip()


def read_struktur(tahun: int) -> StrukturTahun:
    """The jabatan of ``tahun`` with their holders, in three queries."""
    tahun_row: Tahun = require_year(tahun)
    kantor = Kantor.get_or_none()
    kecamatan = kantor.kecamatan if kantor else ""
    kabupaten = kantor.nama_kabupaten if kantor else ""
    pangkat = _pangkat()
    rows = Jabatan.select(
        Jabatan.id, Jabatan.kode, Jabatan.nama, Jabatan.atasan, Jabatan.urutan
    ).where(Jabatan.tahun == tahun)
    urut = urut_pohon(rows)
    ids = [j.id for j, _ in urut]
    pemangku: dict[int, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for jabatan_id, nama, nip, gol in (
        Pemangku.select(Pemangku.jabatan, Pegawai.nama, Pegawai.nip, Pegawai.pangkat)
        .join(Pegawai)
        .where(Pemangku.jabatan.in_(ids))
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    ):
        pemangku[jabatan_id].append((nama, nip, gol))
    label = label_jabatan((j.kode, j.nama) for j, _ in urut)
    camat_nama = f"Camat {kecamatan}".strip()
    camat = None
    if tahun_row.penandatangan_id is not None:
        camat = (
            Pegawai.select(Pegawai.nama, Pegawai.nip, Pegawai.pangkat)
            .where(Pegawai.id == tahun_row.penandatangan_id)
            .tuples()
            .first()
        )
    pemangku_camat = (
        (pihak_pegawai(camat[0], camat[1], camat[2], camat_nama, pangkat),) if camat else ()
    )
    hasil = [JabatanDokumen(None, KODE_CAMAT, camat_nama, camat_nama, -1, None, pemangku_camat)]
    for j, depth in urut:
        sebutan = sebutan_jabatan(j.nama, kecamatan)
        hasil.append(
            JabatanDokumen(
                j.id,
                j.kode,
                j.nama,
                label[j.kode],
                depth,
                j.atasan_id,
                tuple(
                    pihak_pegawai(nama, nip, gol, sebutan, pangkat)
                    for nama, nip, gol in pemangku[j.id]
                ),
            )
        )
    return StrukturTahun(tahun, kecamatan, kabupaten, tuple(hasil))


def pihak_kosong(jabatan: str) -> Pihak:
    """The block of a jabatan nobody holds yet: every part a marked blank."""
    return Pihak(KOSONG, jabatan, KOSONG, f"NIP. {KOSONG}", ("pemangku",))


def atasan_dari(
    struktur: StrukturTahun, jabatan: JabatanDokumen, kepala_daerah: tuple[str, str]
) -> tuple[Pihak, str]:
    """The atasan's block of ``jabatan`` and what it is called ("atasan langsung").

    A jabatan directly under the Camat has the Camat; the Camat has the Bupati/Wali Kota
    (``kepala_daerah``: name as entered, office line), an elected official without NIP or
    pangkat. Several holders of the atasan: the first by name.
    """
    if jabatan.id is None:
        nama, sebutan = kepala_daerah
        kurang = () if nama else ("nama Bupati/Wali Kota",)
        return Pihak(nama or KOSONG, sebutan, "", "", kurang), sebutan
    atasan = struktur.find_jabatan(jabatan.atasan_id)
    if atasan.pemangku:
        return atasan.pemangku[0], atasan.nama
    return pihak_kosong(sebutan_jabatan(atasan.nama, struktur.kecamatan)), atasan.nama
