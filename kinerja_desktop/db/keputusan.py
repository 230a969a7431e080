"""The decree header of a year: nomor keputusan, tempat, tanggal, the signatory's jabatan line
and the signatory (a pegawai with NIP and pangkat). Edited in the window and on the command
line; a year without them prints clearly marked blanks (reports.penandatangan)."""

import calendar
from dataclasses import asdict, dataclass
from typing import Any

from kinerja_desktop.db.audit_iki import fields_text, log_iki
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Pangkat, Pegawai, database_proxy
from kinerja_desktop.db.ops_pemangku import PegawaiPilihan, parse_golongan
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.nip import validate_nip
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

TEKS_KEPALA_MAKS = 200


@dataclass(frozen=True)
class KepalaKeputusanTahun:
    """The stored header of one year's decree; "" and None stand for "not filled in"."""

    tahun: int
    nomor: str
    tempat: str
    bulan: int | None
    hari: int | None
    jabatan_penandatangan: str
    penandatangan_id: int | None
    penandatangan: str  # name
    nip: str
    golongan: str
    pangkat: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``keputusan --json``."""
        return asdict(self)


def read_kepala(tahun: int) -> KepalaKeputusanTahun:
    """The header of ``tahun``'s decree; :class:`TidakDitemukan` for an unknown year."""
    row = require_year(tahun)
    nama = nip = golongan = pangkat = ""
    if row.penandatangan_id is not None:
        pegawai = Pegawai.get_or_none(Pegawai.id == row.penandatangan_id)
        if pegawai is not None:
            nama, nip, golongan = pegawai.nama, pegawai.nip or "", pegawai.golongan or ""
            rank = Pangkat.get_or_none(Pangkat.golongan == golongan) if golongan else None
            pangkat = rank.nama if rank is not None else ""
    return KepalaKeputusanTahun(
        tahun=tahun,
        nomor=row.nomor_keputusan,
        tempat=row.tempat,
        bulan=row.bulan,
        hari=row.hari,
        jabatan_penandatangan=row.jabatan_penandatangan,
        penandatangan_id=row.penandatangan_id,
        penandatangan=nama,
        nip=nip,
        golongan=golongan,
        pangkat=pangkat,
    )


def pegawai_penandatangan(nip: str, nama: str = "", golongan: str = "") -> int:
    """The pegawai with ``nip``, made (with ``nama`` and ``golongan``) when there is none yet.

    An existing pegawai keeps their stored name and rank unless new ones are given.
    """
    nip = validate_nip(nip)
    pegawai = Pegawai.get_or_none(Pegawai.nip == nip)
    nama = check_teks(nama, "Nama penandatangan", wajib=False, satu_baris=True, maks=200)
    gol = parse_golongan(golongan) if golongan else None
    if pegawai is None:
        if not nama:
            raise DataTidakValid(
                f"Belum ada pegawai dengan NIP {nip}; tulis juga namanya (--nama) agar dapat "
                "dicatat sebagai penandatangan."
            )
        pengguna_aktif()  # asked before the transaction, not while it holds the database
        with database_proxy.atomic():
            baru = Pegawai.create(nama=nama, nip=nip, pangkat=gol)
            log_iki("tambah", "pegawai", baru=f"{nama} (NIP {nip})", catatan="penandatangan")
        return int(baru.id)
    sebelum = {"nama": pegawai.nama, "pangkat": pegawai.__data__.get("pangkat")}
    if nama:
        pegawai.nama = nama
    if gol:
        pegawai.golongan = gol
    sesudah = {"nama": pegawai.nama, "pangkat": pegawai.__data__.get("pangkat")}
    beda = [k for k in sebelum if sebelum[k] != sesudah[k]]
    if beda:
        label = {"nama": "Nama", "pangkat": "Golongan"}
        pengguna_aktif()
        with database_proxy.atomic():
            pegawai.save()
            log_iki(
                "ubah",
                "pegawai",
                lama=fields_text({k: sebelum[k] for k in beda}, label),
                baru=fields_text({k: sesudah[k] for k in beda}, label),
                catatan=f"NIP {nip}",
            )
    return int(pegawai.id)


def _tanggal(tahun: int, bulan: int | None, hari: int | None) -> tuple[int | None, int | None]:
    if bulan is None:
        if hari is not None:
            raise DataTidakValid("Tanggal tanpa bulan: pilih bulannya juga, atau kosongkan hari.")
        return None, None
    if not 1 <= bulan <= 12:
        raise DataTidakValid(f"Bulan {bulan} tidak ada; isi 1 sampai 12.")
    if hari is not None:
        akhir = calendar.monthrange(tahun, bulan)[1]
        if not 1 <= hari <= akhir:
            raise DataTidakValid(f"Tanggal {hari} tidak ada pada bulan itu (1 sampai {akhir}).")
    return bulan, hari


@dataclass(frozen=True)
class PenandatanganBaru:
    """A signatory given by NIP (as :func:`pegawai_penandatangan` takes it), not chosen from
    the pegawai already stored."""

    nip: str
    nama: str = ""
    golongan: str = ""


def set_kepala(
    tahun: int, perubahan: dict[str, Any], penandatangan: PenandatanganBaru | None = None
) -> Hasil[None]:
    """Change the header fields in ``perubahan`` (keys of :class:`KepalaKeputusanTahun`:
    nomor, tempat, bulan, hari, jabatan_penandatangan, penandatangan_id); the rest stay.

    With ``penandatangan`` that pegawai (made when new) signs, in the same transaction: a
    refusal of any field stores nothing, not even the new pegawai."""
    pengguna_aktif()  # who is working is asked (on the command line) before the transaction
    with database_proxy.atomic():
        if penandatangan is not None:
            perubahan = perubahan | {
                "penandatangan_id": pegawai_penandatangan(
                    penandatangan.nip, penandatangan.nama, penandatangan.golongan
                )
            }
        _set_kepala(tahun, perubahan)
    return Hasil(Perubahan(f"Kepala keputusan tahun {tahun} disimpan.", tahun=tahun), None)


_LABEL_KEPALA = {
    "nomor": "Nomor",
    "tempat": "Tempat",
    "bulan": "Bulan",
    "hari": "Tanggal",
    "jabatan_penandatangan": "Jabatan penandatangan",
    "penandatangan": "Penandatangan",
}


def _set_kepala(tahun: int, perubahan: dict[str, Any]) -> None:
    row = require_year(tahun)
    sebelum = asdict(read_kepala(tahun))
    for medan, apa in (
        ("nomor", "Nomor keputusan"),
        ("tempat", "Tempat"),
        ("jabatan_penandatangan", "Jabatan penandatangan"),
    ):
        if medan in perubahan:
            nilai = check_teks(
                perubahan[medan] or "", apa, wajib=False, satu_baris=True, maks=TEKS_KEPALA_MAKS
            )
            setattr(row, "nomor_keputusan" if medan == "nomor" else medan, nilai)
    if "bulan" in perubahan or "hari" in perubahan:
        row.bulan, row.hari = _tanggal(
            tahun, perubahan.get("bulan", row.bulan), perubahan.get("hari", row.hari)
        )
    if "penandatangan_id" in perubahan:
        pegawai_id = perubahan["penandatangan_id"]
        if pegawai_id is not None and Pegawai.get_or_none(Pegawai.id == pegawai_id) is None:
            raise TidakDitemukan("Pegawai penandatangan itu sudah tidak ada; pilih pegawai lain.")
        row.penandatangan = pegawai_id
    row.save()
    sesudah = asdict(read_kepala(tahun))
    beda = [k for k in _LABEL_KEPALA if sebelum[k] != sesudah[k]]
    if beda:
        log_iki(
            "ubah",
            "keputusan",
            tahun=tahun,
            lama=fields_text({k: sebelum[k] for k in beda}, _LABEL_KEPALA),
            baru=fields_text({k: sesudah[k] for k in beda}, _LABEL_KEPALA),
        )


def daftar_pegawai() -> list[PegawaiPilihan]:
    """Every pegawai by name, to choose the signatory from."""
    return [
        PegawaiPilihan(i, nama, nip or "")
        for i, nama, nip in Pegawai.select(Pegawai.id, Pegawai.nama, Pegawai.nip)
        .order_by(Pegawai.nama)
        .tuples()
        .iterator()
    ]
