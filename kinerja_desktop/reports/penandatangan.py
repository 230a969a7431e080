"""The signatory block of a decree or report, read from a year's ``Tahun`` row.

Shared by every report that the Camat signs (the IKI decree, the capaian report).
"""

from dataclasses import dataclass

from kinerja_desktop.db.models import Kantor, Pangkat, Pegawai, Tahun
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.tanggal import tanggal_surat


@dataclass(frozen=True)
class Penandatangan:
    """What is printed under a document: place and date, office, name, rank, NIP.

    Empty strings stand for parts not recorded yet; renderers leave room to write them by hand.
    """

    tempat_tanggal: str  # "Kepanjen, Januari 2020"
    jabatan: str  # "CAMAT KEPANJEN"
    nama: str  # "ABAI SALEH, S.Sos., MM"
    pangkat: str  # "Pembina Tingkat I"
    nip: str  # "NIP. 19690505 199009 1 002" or ""


def penandatangan_tahun(tahun: Tahun) -> Penandatangan:
    """Build the signatory block of the decree of ``tahun``."""
    kantor = Kantor.get_or_none()
    tempat = tahun.tempat or (kantor.kecamatan if kantor else "")
    jabatan = tahun.jabatan_penandatangan or (
        f"CAMAT {kantor.kecamatan.upper()}" if kantor else "CAMAT"
    )
    nama = pangkat = nip = ""
    pegawai = Pegawai.get_or_none(Pegawai.id == tahun.penandatangan_id)
    if pegawai is not None:
        nama = pegawai.nama
        if pegawai.nip:
            nip = f"NIP. {format_nip(pegawai.nip)}"
        # ``pangkat`` is stored as the grade code (column "golongan"); print the rank name.
        rank = Pangkat.get_or_none(Pangkat.golongan == pegawai.golongan)
        if rank is not None:
            pangkat = rank.nama
    return Penandatangan(
        tempat_tanggal=tanggal_surat(tempat, tahun.tahun, tahun.bulan, tahun.hari),
        jabatan=jabatan,
        nama=nama,
        pangkat=pangkat,
        nip=nip,
    )
