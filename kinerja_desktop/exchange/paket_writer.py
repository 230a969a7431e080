"""The package a kecamatan sends to its kabupaten: one zip that proves what it contains.

``Kinerja-35.07.13-Kepanjen-2020Q1.zip`` holds, for people, the IKI decree and the capaian
report (each PDF and XLSX) under ``laporan/``; for machines, under ``data/``, the office and its
desa (``kantor.json``), the year's IKI (``iki.json``), every target of the year and every
realisasi of the period (``nilai.csv``, the columns of ``nilai ekspor`` plus ``status``) and the
kecamatan's own capaian of the period (``capaian.json``, exactly what ``capaian --json`` says),
the programs with anggaran and budget realised (``anggaran.json``), and ``manifest.json`` with
the versions, the office, year, period, time written and the SHA-256 and size of every other
member. The formats are described in ``docs/paket.md``; a reader
refuses a package whose ``versi_format`` it does not know.
"""

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import JOIN

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.db.backup import bound_database_path
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
from kinerja_desktop.db.queries import require_year, urut_pohon
from kinerja_desktop.db.schema import SCHEMA_VERSION
from kinerja_desktop.db.work_folders import PURPOSE_PAKET
from kinerja_desktop.domain.batas import tanpa_takhingga
from kinerja_desktop.domain.periode import Periode
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.sel_csv import baris_aman
from kinerja_desktop.fileio import atomic_write, make_folder, temporary_folder
from kinerja_desktop.paths import files_dir

FORMAT_PAKET = "kinerja-desktop-paket"
VERSI_FORMAT = 1
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class HasilPaket:
    """A package written by :func:`write_paket`."""

    path: Path
    jumlah_nilai: int
    jumlah_berkas: int  # members besides the manifest
    ukuran: int  # bytes of the zip


def paket_filename(kode_wilayah: str, kecamatan: str, periode: Periode) -> str:
    """``Kinerja-35.07.13-Kepanjen-2020Q1.zip``: the office and period in the name."""
    nama = "".join(ch for ch in kecamatan.title() if ch.isalnum()) or "Kecamatan"
    return f"Kinerja-{kode_wilayah}-{nama}-{periode.id}.zip"


def _kantor_json() -> dict[str, Any]:
    kantor = Kantor.select().dicts().first()
    if kantor is None:
        raise DataTidakValid("Data kantor belum diisi: paket tidak dapat dibuat.")
    # a retired desa says since when, so that its missing months are not read as late
    desa = list(
        Desa.select(Desa.kode, Desa.nama, Desa.jenis, Desa.nonaktif_sejak)
        .order_by(Desa.urutan, Desa.kode)
        .dicts()
    )
    return {
        "kode_wilayah": kantor["kode_wilayah"],
        "kecamatan": kantor["kecamatan"],
        "kabupaten": kantor["kabupaten"],
        "provinsi": kantor["provinsi"],
        "desa": desa,
    }


def _pegawai(ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = (
        Pegawai.select(Pegawai.id, Pegawai.nama, Pegawai.nip, Pangkat.golongan, Pangkat.nama)
        .join(Pangkat, join_type=JOIN.LEFT_OUTER, on=(Pegawai.pangkat == Pangkat.golongan))
        .where(Pegawai.id.in_(sorted(ids)))
        .tuples()
        .iterator()
    )
    return {
        pid: {"nama": nama, "nip": nip, "golongan": gol, "pangkat": pangkat}
        for pid, nama, nip, gol, pangkat in rows
    }


def _iki_json(tahun: int) -> dict[str, Any]:
    """The year's IKI as plain data: decree header, then jabatan in tree order."""
    th = require_year(tahun)
    jabatan = list(
        Jabatan.select(
            Jabatan.id, Jabatan.kode, Jabatan.nama, Jabatan.atasan, Jabatan.urutan
        ).where(Jabatan.tahun == tahun)
    )
    kode_jabatan = {j.id: j.kode for j in jabatan}
    ids = list(kode_jabatan)

    def teks_per_jabatan(model: type[Tugas] | type[Fungsi]) -> dict[int, list[str]]:
        hasil: dict[int, list[str]] = {}
        rows = (
            model.select(model.jabatan, model.teks)
            .where(model.jabatan.in_(ids))
            .order_by(model.jabatan, model.urutan)
            .tuples()
            .iterator()
        )
        for jid, teks in rows:
            hasil.setdefault(jid, []).append(teks)
        return hasil

    tugas = teks_per_jabatan(Tugas)
    fungsi = teks_per_jabatan(Fungsi)
    pemangku_rows = list(
        Pemangku.select(Pemangku.jabatan, Pemangku.pegawai)
        .where(Pemangku.jabatan.in_(ids))
        .order_by(Pemangku.id)
        .tuples()
        .iterator()
    )
    penandatangan_id = Tahun.select(Tahun.penandatangan).where(Tahun.tahun == tahun).scalar()
    pegawai = _pegawai(
        {p for _, p in pemangku_rows} | ({penandatangan_id} if penandatangan_id else set())
    )
    pemangku: dict[int, list[dict[str, Any]]] = {}
    for jid, pid in pemangku_rows:
        pemangku.setdefault(jid, []).append(pegawai[pid])

    sub: dict[int, list[dict[str, str]]] = {}
    for iid, teks, formula in (
        SubIndikator.select(SubIndikator.indikator, SubIndikator.teks, SubIndikator.formula)
        .join(Indikator)
        .where(Indikator.tahun == tahun)
        .order_by(SubIndikator.indikator, SubIndikator.urutan)
        .tuples()
        .iterator()
    ):
        sub.setdefault(iid, []).append({"teks": teks, "formula": formula})
    indikator: dict[int, list[dict[str, Any]]] = {}
    for row in (
        Indikator.select()
        .where(Indikator.tahun == tahun)
        .order_by(Indikator.urutan)
        .dicts()
        .iterator()
    ):
        sid = row.pop("sasaran")
        iid = row.pop("id")
        row.pop("tahun")
        row.pop("urutan")
        row["sub"] = sub.get(iid, [])
        indikator.setdefault(sid, []).append(row)
    sasaran: dict[int, list[dict[str, Any]]] = {}
    for sid, jid, teks in (
        Sasaran.select(Sasaran.id, Sasaran.jabatan, Sasaran.teks)
        .where(Sasaran.jabatan.in_(ids))
        .order_by(Sasaran.jabatan, Sasaran.urutan)
        .tuples()
        .iterator()
    ):
        sasaran.setdefault(jid, []).append({"teks": teks, "indikator": indikator.get(sid, [])})

    return {
        "tahun": tahun,
        "nomor_keputusan": th.nomor_keputusan,
        "tempat": th.tempat,
        "bulan": th.bulan,
        "hari": th.hari,
        "jabatan_penandatangan": th.jabatan_penandatangan,
        "penandatangan": pegawai.get(penandatangan_id) if penandatangan_id else None,
        "jabatan": [
            {
                "kode": j.kode,
                "nama": j.nama,
                "atasan": kode_jabatan.get(j.atasan_id) if j.atasan_id else None,
                "tugas": tugas.get(j.id, []),
                "fungsi": fungsi.get(j.id, []),
                "pemangku": pemangku.get(j.id, []),
                "sasaran": sasaran.get(j.id, []),
            }
            for j, _ in urut_pohon(jabatan)
        ],
    }


def triwulan_sampai(periode: Periode) -> list[str]:
    """The triwulan of ``periode``'s year that have ended by its end (``2026Q2`` for May: Q1)."""
    return [f"{periode.tahun}Q{q}" for q in range(1, 5) if q * 3 <= periode.akhir]


def _anggaran_json(tahun: int, periode: Periode) -> dict[str, Any]:
    """The year's programs with their kegiatan, anggaran and the budget realised in every
    triwulan ended by the end of ``periode``, per jabatan in decree order."""
    from kinerja_desktop.db.queries_program import (
        kegiatan_per_program,
        read_kegiatan,
        read_program,
        read_realisasi_anggaran,
    )

    selesai = set(triwulan_sampai(periode))
    kode_jabatan = dict(
        Jabatan.select(Jabatan.id, Jabatan.kode).where(Jabatan.tahun == tahun).tuples().iterator()
    )
    kode_indikator = dict(
        Indikator.select(Indikator.id, Indikator.kode)
        .where(Indikator.tahun == tahun)
        .tuples()
        .iterator()
    )
    sasaran = dict(
        Sasaran.select(Sasaran.id, Sasaran.teks)
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .tuples()
        .iterator()
    )
    realisasi: dict[int, dict[str, int]] = {}
    for r in read_realisasi_anggaran(tahun):
        if r.periode in selesai:
            realisasi.setdefault(r.kegiatan_id, {})[r.periode] = r.nilai
    kegiatan = kegiatan_per_program(read_kegiatan(tahun))
    jabatan: dict[int, list[dict[str, Any]]] = {}
    for p in read_program(tahun):
        jabatan.setdefault(p.jabatan_id, []).append(
            {
                "kode": p.kode,
                "nama": p.nama,
                "sasaran": sasaran.get(p.sasaran_id) if p.sasaran_id else None,
                "kegiatan": [
                    {
                        "kode": k.kode,
                        "nama": k.nama,
                        "anggaran": k.anggaran,
                        "kode_indikator": kode_indikator.get(k.indikator_id)
                        if k.indikator_id
                        else None,
                        "realisasi": realisasi.get(k.id, {}),
                    }
                    for k in kegiatan.get(p.id, [])
                ],
            }
        )
    return {
        "tahun": tahun,
        "periode": periode.id,
        "jabatan": [{"kode": kode_jabatan[j], "program": p} for j, p in jabatan.items()],
    }


def _csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(baris_aman(rows))
    return out.getvalue().encode("utf-8")


def _json_bytes(data: Any) -> bytes:
    data = tanpa_takhingga(data)  # a sum over values an older version let in may overflow
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False).encode("utf-8")


def _capaian_json(tahun: int, periode: Periode) -> list[dict[str, Any]]:
    from kinerja_desktop.db.queries_nilai import capaian_tahun

    return [b.as_dict() for b in capaian_tahun(tahun, periode)]


def _laporan(tahun: int, periode: Periode, work: Path, kertas: str | None) -> dict[str, Path]:
    """Write the four reports into ``work``; return their names inside the package."""
    from kinerja_desktop.reports.capaian import export_capaian
    from kinerja_desktop.reports.iki import export_iki

    hasil: dict[str, Path] = {}
    for suffix in (".pdf", ".xlsx"):
        iki = work / f"IKI-{tahun}{suffix}"
        hasil[f"laporan/{iki.name}"] = export_iki(tahun, iki, kertas=kertas)
        capaian = work / f"Capaian-{periode.id}{suffix}"
        hasil[f"laporan/{capaian.name}"] = export_capaian(tahun, periode.id, capaian, kertas)
    return hasil


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_paket(
    tahun: int,
    periode: Periode,
    folder: Path,
    kertas: str | None = None,
    now: datetime | None = None,
) -> HasilPaket:
    """Write the kabupaten package of ``tahun`` and ``periode`` into ``folder``.

    The folder is made when it does not exist yet. The zip is written atomically: a full,
    read-only or removed stick raises a :class:`~kinerja_desktop.errors.KinerjaError` in
    Indonesian and leaves no half file. An existing package of the same name is replaced.
    """
    if periode.tahun != tahun:
        raise DataTidakValid(f"Periode {periode.id} bukan bagian dari tahun {tahun}.")
    now = now or datetime.now()
    kantor = _kantor_json()
    iki = _iki_json(tahun)
    from kinerja_desktop.exchange.nilai_csv import baris_ekspor

    nilai = baris_ekspor(tahun, dalam=periode, dengan_status=True)
    anggota: dict[str, bytes] = {
        "data/kantor.json": _json_bytes(kantor),
        "data/iki.json": _json_bytes(iki),
        "data/nilai.csv": _csv_bytes(nilai),
        "data/capaian.json": _json_bytes(_capaian_json(tahun, periode)),
        "data/anggaran.json": _json_bytes(_anggaran_json(tahun, periode)),
    }
    folder = Path(folder)
    target = folder / paket_filename(kantor["kode_wilayah"], kantor["kecamatan"], periode)
    make_folder(folder)
    # the reports are made in the database's own folder (a killed run's leftovers are
    # recognised and removed at a later start), not in the system's temporary folder
    with temporary_folder(files_dir(bound_database_path()), PURPOSE_PAKET) as work:
        for name, path in _laporan(tahun, periode, Path(work), kertas).items():
            anggota[name] = path.read_bytes()
    manifest = {
        "format": FORMAT_PAKET,
        "versi_format": VERSI_FORMAT,
        "aplikasi": APP_NAME,
        "versi_aplikasi": __version__,
        "versi_skema": SCHEMA_VERSION,
        "kode_wilayah": kantor["kode_wilayah"],
        "kecamatan": kantor["kecamatan"],
        "kabupaten": kantor["kabupaten"],
        "tahun": tahun,
        "periode": periode.id,
        "waktu": now.isoformat(timespec="seconds"),
        "berkas": {
            name: {"sha256": _sha256(data), "ukuran": len(data)}
            for name, data in sorted(anggota.items())
        },
    }

    def write(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, _json_bytes(manifest))
            for name, data in sorted(anggota.items()):
                zf.writestr(name, data)

    atomic_write(target, write)
    return HasilPaket(target, len(nilai) - 1, len(anggota), target.stat().st_size)
