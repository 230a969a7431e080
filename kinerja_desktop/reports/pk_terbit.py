"""Issuing the Perjanjian Kinerja: the agreements as they are now are frozen (db.pk), the
first time as the PK, afterwards, when something changed, as a "PK Perubahan" that keeps the
original and lists what changed."""

from dataclasses import dataclass, replace
from datetime import date

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.pk import add_pk_terbit, read_pk_terbit
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.reports.pk_data import build_dokumen, teks_waktu
from kinerja_desktop.reports.pk_versi import is_as_issued, terbit_json


@dataclass(frozen=True)
class HasilTerbit:
    """What an issue did, by jabatan label."""

    awal: tuple[str, ...]  # issued for the first time
    perubahan: tuple[str, ...]  # issued again as PK Perubahan
    tetap: tuple[str, ...]  # unchanged since their last issue: nothing issued

    @property
    def pesan(self) -> str:
        """The Indonesian summary for the status line and the command line."""
        bagian = []
        if self.awal:
            bagian.append(f"{len(self.awal)} PK diterbitkan")
        if self.perubahan:
            bagian.append(f"{len(self.perubahan)} PK Perubahan diterbitkan")
        if self.tetap:
            bagian.append(f"{len(self.tetap)} tidak berubah sejak diterbitkan")
        if not bagian:
            return "Tidak ada jabatan yang diterbitkan."
        kalimat = ", ".join(bagian)
        return kalimat[0].upper() + kalimat[1:] + "."


def issue_pk(
    tahun: int, jabatan_kode: str | None = None, alasan: str = "", ttd: PilihanTtd | None = None
) -> Hasil[HasilTerbit]:
    """Issue the agreements of ``tahun`` (all jabatan or one) as they are now; ``data`` says
    which were issued, as PK or PK Perubahan, and which were left as they were.

    A jabatan issued before and changed since gets a PK Perubahan, which needs ``alasan`` (why:
    "APBD Perubahan", "mutasi pejabat"); one unchanged since is left as it is. The place and
    date signed are ``ttd``'s; without a date a PK Perubahan is dated the day it is issued (the
    first PK keeps the IKI decree's date).
    """
    _, terkini = build_dokumen(tahun, jabatan_kode, ttd)
    terbit = read_pk_terbit(tahun)
    awal: list[str] = []
    perubahan: list[str] = []
    tetap: list[str] = []
    simpan: list[tuple[int | None, str, str]] = []
    for j, dokumen in terkini:
        versi = terbit.get(j.id, [])
        if versi and is_as_issued(versi, dokumen):
            tetap.append(j.label)
            continue
        (perubahan if versi else awal).append(j.label)
        if versi and (ttd is None or ttd.tanggal is None):
            hari_ini = PilihanTtd(ttd.tempat if ttd else None, date.today())
            _, [(_, dokumen)] = build_dokumen(tahun, j.kode, hari_ini)
        simpan.append((j.id, j.label, terbit_json(dokumen)))
    if perubahan and not alasan.strip():
        raise DataTidakValid(
            f"Perjanjian Kinerja {', '.join(perubahan)} sudah pernah diterbitkan dan datanya "
            'berubah: tulis alasan PK Perubahan (misalnya "APBD Perubahan" atau '
            '"pergantian pejabat").'
        )
    hasil = HasilTerbit(tuple(awal), tuple(perubahan), tuple(tetap))
    if not simpan:
        return Hasil(Perubahan(hasil.pesan, tahun=tahun), hasil)
    disimpan = add_pk_terbit(tahun, simpan, alasan if perubahan else "")
    return Hasil(replace(disimpan.perubahan, pesan=hasil.pesan), hasil)


@dataclass(frozen=True)
class KeadaanPk:
    """Where a jabatan's agreement stands: issued how often, when last, changed since."""

    kode: str
    label: str
    terbit: int  # versions issued (0: never)
    waktu: str  # ISO time of the last issue ("" when never)
    berubah: bool  # the data differ from the last issue

    @property
    def kalimat(self) -> str:
        """``PK Perubahan ke-1 diterbitkan 3 Juli 2026; data berubah sejak itu``."""
        if not self.terbit:
            return f"{self.label}: belum diterbitkan"
        jenis = "PK" if self.terbit == 1 else f"PK Perubahan ke-{self.terbit - 1}"
        kalimat = f"{self.label}: {jenis} diterbitkan {teks_waktu(self.waktu)}"
        if self.berubah:
            kalimat += "; data berubah sejak itu (terbitkan PK Perubahan)"
        return kalimat

    def as_dict(self) -> dict[str, object]:
        """The JSON form of ``pk daftar --json``."""
        return {
            "kode_jabatan": self.kode,
            "jabatan": self.label,
            "jumlah_terbit": self.terbit,
            "terakhir_terbit": self.waktu or None,
            "berubah_sejak_terbit": self.berubah,
        }


def keadaan_terbit(tahun: int, jabatan_kode: str | None = None) -> list[KeadaanPk]:
    """The issue state of every agreement of ``tahun`` (or one), the Camat first."""
    _, terkini = build_dokumen(tahun, jabatan_kode)
    terbit = read_pk_terbit(tahun)
    hasil = []
    for j, dokumen in terkini:
        versi = terbit.get(j.id, [])
        jumlah = len({v.ke for v in versi})
        hasil.append(
            KeadaanPk(
                j.kode,
                j.label,
                jumlah,
                versi[-1].waktu if versi else "",
                bool(versi) and not is_as_issued(versi, dokumen),
            )
        )
    return hasil
