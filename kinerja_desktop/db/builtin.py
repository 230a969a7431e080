"""The built-in dataset: the office, its desa, the pangkat table and the 2020 decree.

The data live as readable files under ``kinerja_desktop/resources/data``; this module turns
them into rows. It runs inside the caller's transaction.
"""

import csv
import io
import tomllib
from typing import Any

from kinerja_desktop.db.models import (
    Desa,
    Fungsi,
    Indikator,
    Jabatan,
    Kantor,
    Pangkat,
    Pegawai,
    Pemangku,
    Sasaran,
    SubIndikator,
    Tahun,
    Tugas,
)
from kinerja_desktop.domain.indikator import Agregasi, Frekuensi, Jenis, Polaritas
from kinerja_desktop.domain.nip import validate_nip
from kinerja_desktop.resources import resource

DECREE_FILE = "data/iki-kepanjen-2020.toml"
DESA_FILE = "data/desa-kepanjen.csv"
PANGKAT_FILE = "data/pangkat-golongan.csv"


def _csv_rows(relative: str) -> list[dict[str, str]]:
    text = resource(relative).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def read_builtin_decree() -> dict[str, Any]:
    """Return the built-in decree file as a dictionary."""
    return tomllib.loads(resource(DECREE_FILE).read_text(encoding="utf-8"))


def load_pangkat() -> None:
    """Insert the 17 civil-service ranks."""
    rows = _csv_rows(PANGKAT_FILE)
    Pangkat.insert_many(
        [{"golongan": r["golongan"], "nama": r["pangkat"], "urutan": i} for i, r in enumerate(rows)]
    ).execute()


def load_wilayah(kantor: dict[str, str]) -> None:
    """Insert the office and its desa/kelurahan (the first CSV row is the kecamatan itself)."""
    Kantor.create(
        kode_wilayah=kantor["kode_wilayah"],
        kecamatan=kantor["kecamatan"],
        kabupaten=kantor["kabupaten"],
        provinsi=kantor.get("provinsi", ""),
        jenis_kabupaten=kantor.get("jenis_kabupaten", "kabupaten"),
    )
    desa = [r for r in _csv_rows(DESA_FILE) if r["jenis"] in ("desa", "kelurahan")]
    Desa.insert_many(
        [
            {"kode": r["kode"], "nama": r["nama"], "jenis": r["jenis"], "urutan": i}
            for i, r in enumerate(desa)
        ]
    ).execute()


def _pegawai(data: dict[str, str]) -> Pegawai:
    nip = validate_nip(data["nip"])
    pegawai = Pegawai.get_or_none(Pegawai.nip == nip)
    if pegawai is None:
        pegawai = Pegawai.create(nama=data["nama"], nip=nip, pangkat=data.get("golongan"))
    return pegawai


def load_decree(data: dict[str, Any]) -> Tahun:
    """Create a year from a decree dictionary (the format of the built-in TOML file)."""
    kep = data["keputusan"]
    signer = kep.get("penandatangan")
    tahun = Tahun.create(
        tahun=kep["tahun"],
        nomor_keputusan=kep.get("nomor", ""),
        tempat=kep.get("tempat", ""),
        bulan=kep.get("bulan"),
        hari=kep.get("hari"),
        jabatan_penandatangan=kep.get("jabatan_penandatangan", ""),
        penandatangan=_pegawai(signer) if signer else None,
    )
    load_jabatan(tahun, data["jabatan"])
    return tahun


def load_jabatan(tahun: Tahun, daftar: list[dict[str, Any]]) -> None:
    """Create the jabatan tree of ``tahun`` with everything under it (the decree format)."""
    by_kode: dict[str, Jabatan] = {}
    for urutan, jab in enumerate(daftar):
        jabatan = Jabatan.create(tahun=tahun, kode=jab["kode"], nama=jab["nama"], urutan=urutan)
        by_kode[jab["kode"]] = jabatan
        Tugas.insert_many(
            [{"jabatan": jabatan, "urutan": i, "teks": t} for i, t in enumerate(jab["tugas"])]
        ).execute()
        Fungsi.insert_many(
            [{"jabatan": jabatan, "urutan": i, "teks": t} for i, t in enumerate(jab["fungsi"])]
        ).execute()
        for s_urutan, sas in enumerate(jab.get("sasaran", [])):
            sasaran = Sasaran.create(jabatan=jabatan, urutan=s_urutan, teks=sas["teks"])
            for i_urutan, ind in enumerate(sas.get("indikator", [])):
                _create_indikator(tahun, sasaran, i_urutan, ind)
        for holder in jab.get("pemangku", []):
            Pemangku.create(jabatan=jabatan, pegawai=_pegawai(holder))
    for jab in daftar:
        if jab.get("atasan"):
            by_kode[jab["kode"]].atasan = by_kode[jab["atasan"]]
            by_kode[jab["kode"]].save()


def _create_indikator(tahun: Tahun, sasaran: Sasaran, urutan: int, ind: dict[str, Any]) -> None:
    indikator = Indikator.create(
        sasaran=sasaran,
        tahun=tahun,
        kode=ind["kode"],
        urutan=urutan,
        nama=ind["nama"],
        formula=ind.get("formula", ""),
        sumber_data=ind.get("sumber_data", ""),
        satuan=ind.get("satuan", ""),
        jenis=Jenis(ind.get("jenis", Jenis.JUMLAH)).value,
        polaritas=Polaritas(ind.get("polaritas", Polaritas.POSITIF)).value,
        dari_desa=bool(ind.get("dari_desa", False)),
        frekuensi=Frekuensi(ind.get("frekuensi", Frekuensi.BULANAN)).value,
        agregasi=Agregasi(ind.get("agregasi", Agregasi.JUMLAH)).value,
        pembilang=ind.get("pembilang", ""),
        penyebut=ind.get("penyebut", ""),
        hari_kerja_efektif=ind.get("hari_kerja_efektif"),
    )
    SubIndikator.insert_many(
        [
            {
                "indikator": indikator,
                "urutan": i,
                "teks": sub["teks"],
                "formula": sub.get("formula", ""),
            }
            for i, sub in enumerate(ind.get("sub", []))
        ]
    ).execute()


def load_builtin_dataset() -> None:
    """Fill a new, empty database with the built-in data."""
    decree = read_builtin_decree()
    load_pangkat()
    load_wilayah(decree["kantor"])
    load_decree(decree)
