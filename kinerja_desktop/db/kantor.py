"""The office and its desa: setting up a new kecamatan from the national list, and keeping
its desa list (add, rename, retire) afterwards.

Everything that used to assume Kecamatan Kepanjen reads the office from here.
"""

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peewee import Database, fn

from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.location import DatabaseLocation
from kinerja_desktop.db.models import Desa, Kantor, database_proxy
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.daftar_wilayah import (
    Kecamatan,
    check_kode_desa,
    kecamatan_nasional,
    split_kabupaten,
)
from kinerja_desktop.domain.periode import JenisPeriode, Periode, bulan, parse_periode
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


@dataclass(frozen=True)
class DesaKantor:
    """A desa/kelurahan of the office as people see it."""

    kode: str
    nama: str
    jenis: str
    nonaktif_sejak: str | None  # first month it no longer reports ("202607"), None: active

    @property
    def nama_lengkap(self) -> str:
        """``Desa Kemiri`` or ``Kelurahan Kepanjen``."""
        return nama_desa_lengkap(self.jenis, self.nama)

    @property
    def label_nonaktif(self) -> str:
        """``Juli 2026`` for a retired desa, "" for an active one."""
        return parse_periode(self.nonaktif_sejak).label if self.nonaktif_sejak else ""


@dataclass(frozen=True)
class InfoKantor:
    """The office: its area code, the names above it, and its desa in their usual order."""

    kode_wilayah: str
    kecamatan: str
    kabupaten: str  # with its kind: "Kabupaten Malang"
    provinsi: str
    desa: tuple[DesaKantor, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``kantor --json``."""
        return asdict(self)


def info_kantor() -> InfoKantor:
    """Read the office and every desa (retired ones too) from the open database."""
    kantor = Kantor.get_or_none()
    if kantor is None:
        raise TidakDitemukan(
            "Basis data ini belum punya data kantor. Buat basis data baru dengan: "
            "kinerja-desktop --db BERKAS kantor baru --kode KODE-KECAMATAN"
        )
    desa = tuple(
        DesaKantor(kode, nama, jenis, sejak)
        for kode, nama, jenis, sejak in Desa.select(
            Desa.kode, Desa.nama, Desa.jenis, Desa.nonaktif_sejak
        )
        .order_by(Desa.urutan, Desa.kode)
        .tuples()
        .iterator()
    )
    return InfoKantor(
        kantor.kode_wilayah, kantor.kecamatan, kantor.nama_kabupaten, kantor.provinsi, desa
    )


def desa_aktif(periode: Periode) -> list[Desa]:
    """The desa that report for ``periode``: those not retired by the period's first month."""
    awal = bulan(periode.tahun, periode.awal).id
    return list(
        Desa.select()
        .where(Desa.nonaktif_sejak.is_null() | (Desa.nonaktif_sejak > awal))
        .order_by(Desa.urutan, Desa.kode)
    )


def _kode_kantor() -> str:
    kantor = Kantor.get_or_none()
    if kantor is None:
        raise TidakDitemukan("Basis data ini belum punya data kantor.")
    return str(kantor.kode_wilayah)


def _desa(kode: str) -> Desa:
    desa = Desa.get_or_none(Desa.kode == kode.strip())
    if desa is None:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        raise TidakDitemukan(
            f"Desa dengan kode {kode} tidak ada. Lihat kode desa dengan: "
            f"{command(bound_location(), 'kantor')}"
        )
    return desa


def _nama_bersih(nama: str) -> str:
    return check_teks(nama, "Nama desa", satu_baris=True, maks=200)


def add_desa(kode: str, nama: str) -> DesaKantor:
    """Add a desa/kelurahan; its kind follows from the code (1xxx kelurahan, 2xxx desa)."""
    kode = kode.strip()
    jenis = check_kode_desa(kode, _kode_kantor())
    nama = _nama_bersih(nama)
    ada = Desa.get_or_none(Desa.kode == kode)
    if ada is not None:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        raise DataTidakValid(
            f"Kode desa {kode} sudah dipakai {nama_desa_lengkap(ada.jenis, ada.nama)}; "
            "pakai kode lain, atau ganti namanya dengan: "
            f"{command(bound_location(), 'kantor', 'desa', 'ubah', kode, 'NAMA')}"
        )
    pengguna_aktif()  # asked before the transaction, not while it holds the database
    with database_proxy.atomic():
        urutan = (Desa.select(fn.MAX(Desa.urutan)).scalar() or 0) + 1
        Desa.create(kode=kode, nama=nama, jenis=jenis, urutan=urutan)
        log_iki("tambah", "desa", baru=f"{nama_desa_lengkap(jenis, nama)} ({kode})")
    return DesaKantor(kode, nama, jenis, None)


def rename_desa(kode: str, nama: str) -> DesaKantor:
    """Rename a desa; the code stays, so every stored value stays with it."""
    desa = _desa(kode)
    lama = f"{nama_desa_lengkap(desa.jenis, desa.nama)} ({desa.kode})"
    desa.nama = _nama_bersih(nama)
    pengguna_aktif()
    with database_proxy.atomic():
        desa.save()
        baru = f"{nama_desa_lengkap(desa.jenis, desa.nama)} ({desa.kode})"
        log_iki("ubah", "desa", lama=lama, baru=baru)
    return DesaKantor(desa.kode, desa.nama, desa.jenis, desa.nonaktif_sejak)


def retire_desa(kode: str, sejak: str | None = None) -> DesaKantor:
    """Retire a desa from month ``sejak`` (``2026-07`` or ``202607``; default this month).

    Its stored values stay and count in the periods they were entered for; it gets no
    template and no completeness row from that month on.
    """
    desa = _desa(kode)
    lama = f"nonaktif sejak {desa.nonaktif_sejak}" if desa.nonaktif_sejak else "aktif"
    desa.nonaktif_sejak = _bulan_id(sejak)
    pengguna_aktif()
    with database_proxy.atomic():
        desa.save()
        catatan = f"{nama_desa_lengkap(desa.jenis, desa.nama)} ({desa.kode})"
        baru = f"nonaktif sejak {desa.nonaktif_sejak}"
        log_iki("ubah", "desa", lama=lama, baru=baru, catatan=catatan)
    return DesaKantor(desa.kode, desa.nama, desa.jenis, desa.nonaktif_sejak)


def _bulan_id(teks: str | None) -> str:
    if teks is None:
        hari_ini = date.today()
        return bulan(hari_ini.year, hari_ini.month).id
    try:
        periode = parse_periode(teks.strip().replace("-", ""))
    except DataTidakValid:
        periode = None
    if periode is None or periode.jenis is not JenisPeriode.BULAN:
        raise DataTidakValid(f"Bulan {teks!r} tidak dikenal: tulis tahun dan bulan, mis. 2026-07.")
    return periode.id


# -- a new office -------------------------------------------------------------------------


def insert_kantor(kecamatan: Kecamatan) -> None:
    """Insert the office and every desa/kelurahan of ``kecamatan`` (caller's transaction)."""
    jenis, kabupaten = split_kabupaten(kecamatan.kabupaten)
    Kantor.create(
        kode_wilayah=kecamatan.kode,
        kecamatan=kecamatan.nama,
        kabupaten=kabupaten,
        jenis_kabupaten=jenis,
        provinsi=kecamatan.provinsi,
    )
    Desa.insert_many(
        [
            {"kode": d.kode, "nama": d.nama, "jenis": d.tingkat, "urutan": i}
            for i, d in enumerate(kecamatan.desa)
        ]
    ).execute()


def contoh_iki(kecamatan: Kecamatan, tahun: int) -> dict[str, Any]:
    """The built-in Kepanjen decree as a starting point for ``kecamatan`` in ``tahun``.

    Its jabatan, tasks and indicators stay; Kepanjen's desa, holders, signatory and decree
    number do not, and texts naming Kepanjen or its 18 desa name the new kecamatan instead.
    """
    from kinerja_desktop.db.builtin import read_builtin_decree

    data = read_builtin_decree()
    jumlah = len(kecamatan.desa)

    def localise(teks: str) -> str:
        teks = re.sub(r"\b18 desa/kel", f"{jumlah} desa/kel", teks)
        teks = re.sub(r"Pemerintah Desa Kepanjen", "Pemerintah Desa/Kelurahan", teks)
        return re.sub(r"(?i)kecamatan kepanjen", f"Kecamatan {kecamatan.nama}", teks)

    def localise_tree(nilai: Any) -> Any:
        if isinstance(nilai, str):
            return localise(nilai)
        if isinstance(nilai, list):
            return [localise_tree(x) for x in nilai]
        if isinstance(nilai, dict):
            return {k: localise_tree(v) for k, v in nilai.items() if k != "pemangku"}
        return nilai

    return {
        "keputusan": {"tahun": tahun},
        "jabatan": localise_tree(data["jabatan"]),
    }


def make_kantor_database(
    path: DatabaseLocation, kode: str, contoh: bool = False, tahun: int | None = None
) -> Database:
    """Create a new database at ``path`` for kecamatan ``kode``; return it opened.

    With ``contoh`` the year ``tahun`` (default: this year) gets the Kepanjen IKI to edit.
    Refuses an unknown code, a code that is not a kecamatan, and an existing database.
    """
    from kinerja_desktop.db.builtin import load_decree, load_pangkat
    from kinerja_desktop.db.connection import has_content, open_database
    from kinerja_desktop.db.location import parse_location

    path = parse_location(path)
    kecamatan = kecamatan_nasional(kode)  # refuses before any file is made
    if has_content(path):
        raise DataTidakValid(
            f"Basis data {path} sudah ada; kantor baru hanya dibuat pada basis data baru. Pilih "
            "nama berkas lain dengan --db (basis data yang ada tidak diubah)."
        )
    tahun_contoh = tahun or date.today().year

    def populate() -> None:
        load_pangkat()
        insert_kantor(kecamatan)
        if contoh:
            load_decree(contoh_iki(kecamatan, tahun_contoh))

    return open_database(path, populate)


def make_first_database(location: DatabaseLocation, kode: str | None, contoh: bool) -> Database:
    """The first start: create the database at ``location`` for Kepanjen (the built-in data,
    ``kode`` None) or for kecamatan ``kode``; return it opened."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.location import parse_location

    location = parse_location(location)
    if kode is None:
        return open_database(location)
    if isinstance(location, Path):
        location.unlink(missing_ok=True)  # an empty file left by an interrupted first start
    return make_kantor_database(location, kode, contoh)


def make_other_database(target: Path, kode: str, contoh: bool) -> Path:
    """Create a database for kecamatan ``kode`` at ``target`` beside the open one, which the
    models stay bound to whatever happens; returns ``target``."""
    lama = database_proxy.obj
    try:
        make_kantor_database(target, kode, contoh).close()
    finally:
        database_proxy.initialize(lama)
    return target
