"""The signatory block of a decree or report: place, date and signer, each with a sensible
default that the operator can change (in the report dialog, or on the command line).

Defaults: the place and signer of the year's decree (the Camat); the date of the decree for the
IKI document, the last day of the period for a capaian report ("Kepanjen, 31 Maret 2020" for
Triwulan I, not "Januari 2020").
"""

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.db.models import Kantor, Pangkat, Pegawai, Tahun
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.tanggal import format_tanggal, tanggal_surat
from kinerja_desktop.errors import TidakDitemukan

KOSONG = "…………………………"
"""A part of a decree or report not recorded yet, printed to be filled in by hand."""


@dataclass(frozen=True)
class Penandatangan:
    """What is printed under a document: place and date, office, name, rank, NIP.

    Empty strings stand for parts not recorded yet; renderers leave room to write them by hand.
    """

    tempat_tanggal: str  # "Kepanjen, 31 Maret 2020"
    jabatan: str  # "CAMAT KEPANJEN"
    nama: str  # "ABAI SALEH, S.Sos., MM"
    pangkat: str  # "Pembina Tingkat I"
    nip: str  # "NIP. 19690505 199009 1 002" or ""


@dataclass(frozen=True)
class PilihanTtd:
    """What the operator chose for the signature block; None keeps the default."""

    tempat: str | None = None
    tanggal: date | None = None
    pegawai_id: int | None = None
    jabatan: str | None = None


@dataclass(frozen=True)
class BawaanTtd:
    """The defaults a dialog shows before the operator changes anything."""

    tempat: str
    tanggal: date | None  # None: the decree's own date (month only, or not recorded)
    pegawai_id: int | None
    jabatan: str


def bawaan_ttd(tahun: Tahun, tanggal: date | None = None) -> BawaanTtd:
    """The default place, date, signer and office line of a document of ``tahun``."""
    kantor = Kantor.get_or_none()
    tempat = tahun.tempat or (kantor.kecamatan if kantor else "")
    jabatan = tahun.jabatan_penandatangan or (
        f"CAMAT {kantor.kecamatan.upper()}" if kantor else "CAMAT"
    )
    return BawaanTtd(tempat, tanggal, tahun.penandatangan_id, jabatan)


def pegawai_dari_nip(nip: str) -> int:
    """The id of the pegawai with ``nip`` (spaces allowed); refused in Indonesian if none."""
    bersih = "".join(nip.split())
    pegawai = Pegawai.get_or_none(Pegawai.nip == bersih)
    if pegawai is None:
        raise TidakDitemukan(
            f"Tidak ada pegawai dengan NIP {nip}. Periksa NIP penandatangan (18 angka), atau "
            "catat pegawainya dulu di tab Pemangku."
        )
    return int(pegawai.id)


def penandatangan_tahun(
    tahun: Tahun, tanggal: date | None = None, pilihan: PilihanTtd | None = None
) -> Penandatangan:
    """Build the signatory block of a document of ``tahun``.

    ``tanggal`` is the document's default date (None: the decree's recorded date); every
    part the operator chose in ``pilihan`` replaces its default.
    """
    bawaan = bawaan_ttd(tahun, tanggal)
    pilihan = pilihan or PilihanTtd()
    tempat = pilihan.tempat.strip() if pilihan.tempat is not None else bawaan.tempat
    jabatan = pilihan.jabatan.strip() if pilihan.jabatan is not None else bawaan.jabatan
    hari = pilihan.tanggal or bawaan.tanggal
    if hari is not None:
        tempat_tanggal = f"{tempat}, {format_tanggal(hari)}"
    elif tahun.bulan is None:
        tempat_tanggal = f"{tempat}, {KOSONG} {tahun.tahun}"  # the date is written by hand
    else:
        tempat_tanggal = tanggal_surat(tempat, tahun.tahun, tahun.bulan, tahun.hari)
    pegawai_id = pilihan.pegawai_id if pilihan.pegawai_id is not None else bawaan.pegawai_id
    nama = pangkat = nip = ""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is not None:
        nama = pegawai.nama
        if pegawai.nip:
            nip = f"NIP. {format_nip(pegawai.nip)}"
        # ``pangkat`` is stored as the grade code (column "golongan"); print the rank name.
        rank = Pangkat.get_or_none(Pangkat.golongan == pegawai.golongan)
        if rank is not None:
            pangkat = rank.nama
    if pegawai is None:
        # no signatory recorded: marked blanks, never someone else's name
        nama, nip = KOSONG, f"NIP. {KOSONG}"
    return Penandatangan(
        tempat_tanggal=tempat_tanggal, jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip
    )
