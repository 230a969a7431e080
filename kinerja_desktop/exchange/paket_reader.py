"""Checking a package from a kecamatan before the kabupaten takes anything from it.

Every check runs before anything is written: the file is a zip of ours (not a foreign or
damaged one), small enough, without links, absolute paths or ``..`` in its names, without a
member that expands beyond what its manifest says (zip bombs), of a format version this
application knows, every member's SHA-256 equal to its manifest, and data that agree with the
manifest (office, year, period). What passes comes back as plain data, :class:`IsiPaket`.
"""

import csv
import hashlib
import io
import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from kinerja_desktop.domain.periode import Periode, parse_periode
from kinerja_desktop.errors import DataTidakValid, KinerjaError
from kinerja_desktop.exchange.paket_isi import (
    masalah_anggaran,
    masalah_capaian,
    masalah_nilai,
    teks_bersih,
)
from kinerja_desktop.exchange.paket_writer import (
    FORMAT_PAKET,
    MANIFEST,
    VERSI_FORMAT,
    triwulan_sampai,
)
from kinerja_desktop.exchange.sel_csv import unescape_cell

# A year of a large kecamatan is about 1 MB of data and 1 MB of reports; the limits leave a
# wide margin while refusing anything that could exhaust an old PC's memory or disk.
UKURAN_PAKET_MAKS = 50 * 1024 * 1024
UKURAN_ANGGOTA_MAKS = 50 * 1024 * 1024
UKURAN_MANIFEST_MAKS = 1024 * 1024
ANGGOTA_MAKS = 50
RASIO_MAKS = 100
_BULAN = re.compile(r"\d{4}(0[1-9]|1[0-2])")  # a month as the package writes it: 202607
ANGGOTA_DATA = ("data/kantor.json", "data/iki.json", "data/nilai.csv", "data/capaian.json")
ANGGARAN = "data/anggaran.json"  # since schema 10; packages written before have none


class PaketDitolak(KinerjaError):
    """A package refused before anything was written; the message names the file."""

    def __init__(self, path: Path, alasan: str) -> None:
        super().__init__(f"Paket {Path(path).name} ditolak: {alasan} Tidak ada yang disimpan.")
        self.path = Path(path)
        self.alasan = alasan


def _json(data: bytes) -> Any:
    """JSON as the standard defines it: ``NaN`` and ``Infinity`` (which Python's reader takes)
    are refused like any other damage."""

    def refuse_constant(konstanta: str) -> None:
        raise ValueError(f"{konstanta} is not JSON")

    return json.loads(data, parse_constant=refuse_constant)


@dataclass(frozen=True)
class IsiPaket:
    """A checked package: its manifest, data and the hash of the whole file."""

    path: Path
    sha256: str
    manifest: dict[str, Any]
    kantor: dict[str, Any]
    iki: dict[str, Any]
    nilai: list[dict[str, str]]
    capaian: list[dict[str, Any]]
    anggaran: dict[str, Any] | None = None  # None: a package of an older version

    @property
    def kode_wilayah(self) -> str:
        """The kecamatan's area code, ``35.07.13``."""
        return str(self.manifest["kode_wilayah"])

    @property
    def periode(self) -> Periode:
        """The period the package reports."""
        return parse_periode(str(self.manifest["periode"]))


def _safe_name(info: zipfile.ZipInfo) -> bool:
    path = PurePosixPath(info.filename)
    is_link = stat.S_ISLNK(info.external_attr >> 16)
    return (
        not is_link
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in info.filename
        and ":" not in info.filename
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    """Read one member, never past ``limit`` bytes whatever its header claims."""
    out = bytearray()
    try:
        with zf.open(info) as src:
            for block in iter(lambda: src.read(1 << 16), b""):
                out += block
                if len(out) > limit:
                    raise PaketDitolak(path, f"isi {info.filename} jauh lebih besar dari wajar.")
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise PaketDitolak(path, "berkas zip rusak atau terkunci sandi.") from exc
    return bytes(out)


def _check_manifest(path: Path, manifest: Any) -> dict[str, Any]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_PAKET:
        raise PaketDitolak(path, "bukan paket kiriman Kinerja Desktop.")
    versi = manifest.get("versi_format")
    if not isinstance(versi, int):
        raise PaketDitolak(path, "manifest paket tidak lengkap.")
    if versi > VERSI_FORMAT:
        raise PaketDitolak(
            path,
            f"dibuat oleh Kinerja Desktop versi yang lebih baru (format paket {versi}, aplikasi "
            f"ini mengenal sampai format {VERSI_FORMAT}). Pasang versi aplikasi yang lebih baru.",
        )
    for key in ("kode_wilayah", "tahun", "periode", "waktu", "berkas"):
        if key not in manifest:
            raise PaketDitolak(path, f"manifest paket tidak memuat '{key}'.")
    if not isinstance(manifest["berkas"], dict):
        raise PaketDitolak(path, "manifest paket tidak lengkap.")
    try:
        periode = parse_periode(str(manifest["periode"]))
    except DataTidakValid as exc:
        raise PaketDitolak(path, f"periode di manifest tidak dikenal: {exc.pesan}") from exc
    if periode.tahun != manifest["tahun"]:
        raise PaketDitolak(path, "periode dan tahun di manifest tidak sesuai.")
    return manifest


def _periode_di_luar(teks: str, jenis: str, tahun: int, periode: Periode) -> str | None:
    """Why a value's period does not belong in the package, or None when it does."""
    if jenis not in ("target", "realisasi"):
        return f"jenis nilai '{jenis}' tidak dikenal (target atau realisasi)."
    try:
        p = parse_periode(teks)
    except DataTidakValid:
        return f"periode '{teks}' tidak dikenal."
    if p.tahun != tahun or (jenis == "realisasi" and not periode.contains(p)):
        return f"periode {p.id} di luar {periode.id}."
    return None


def _contradicts(manifest: dict[str, Any], kantor: Any, iki: Any, nilai: list, capaian: Any) -> str:
    """Why the data contradict their manifest, or "" when they agree."""
    tahun, periode = manifest["tahun"], parse_periode(str(manifest["periode"]))
    if not isinstance(kantor, dict) or kantor.get("kode_wilayah") != manifest["kode_wilayah"]:
        return "data kantor tidak sama dengan kode wilayah di manifest."
    for desa in kantor.get("desa") or []:
        # (a package written before desa could be retired has no nonaktif_sejak: all active)
        sejak = desa.get("nonaktif_sejak") if isinstance(desa, dict) else None
        if sejak is not None and not (isinstance(sejak, str) and _BULAN.fullmatch(sejak)):
            return f"data/kantor.json: nonaktif_sejak desa {desa.get('kode')} bukan bulan (YYYYMM)."
    if not isinstance(iki, dict) or iki.get("tahun") != tahun:
        return "data IKI bukan untuk tahun di manifest."
    kode = {
        ind.get("kode")
        for j in iki.get("jabatan", [])
        for s in j.get("sasaran", [])
        for ind in s.get("indikator", [])
    }
    # a year of a kecamatan is thousands of rows over a few dozen periods: judge each once
    di_luar: dict[tuple[str, str], str | None] = {}
    for n, row in enumerate(nilai, start=2):
        kunci = (row.get("periode") or "", row.get("jenis") or "")
        if kunci not in di_luar:
            di_luar[kunci] = _periode_di_luar(kunci[0], kunci[1], tahun, periode)
        alasan = di_luar[kunci]
        if alasan:
            return f"data/nilai.csv baris {n}: {alasan}"
        if row.get("kode_indikator") not in kode:
            kode_salah = row.get("kode_indikator")
            return f"data/nilai.csv baris {n}: indikator '{kode_salah}' tidak ada di IKI."
    if not isinstance(capaian, list):
        return "data/capaian.json bukan daftar capaian."
    for item in capaian:
        if not isinstance(item, dict) or item.get("periode") != periode.id:
            return "data/capaian.json memuat periode lain dari manifest."
        if item.get("kode_indikator") not in kode:
            return f"data/capaian.json: indikator '{item.get('kode_indikator')}' tidak ada di IKI."
    return ""


def read_paket(path: Path) -> IsiPaket:
    """Check the package at ``path`` completely; return its content or raise
    :class:`PaketDitolak` (or a disk error) with an Indonesian message."""
    path = Path(path)
    try:
        ukuran = path.stat().st_size
        if path.is_dir():
            raise PaketDitolak(path, "ini sebuah folder. Pilih berkas .zip di dalamnya.")
        if ukuran > UKURAN_PAKET_MAKS:
            raise PaketDitolak(path, "berkas terlalu besar untuk sebuah paket kiriman.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PaketDitolak(path, "berkas tidak ditemukan. Periksa flashdisk.") from exc
    except OSError as exc:
        raise PaketDitolak(path, "berkas tidak dapat dibaca. Periksa flashdisk.") from exc
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise PaketDitolak(path, "bukan berkas zip, atau zip yang rusak.") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > ANGGOTA_MAKS:
            raise PaketDitolak(path, "berisi terlalu banyak berkas untuk sebuah paket kiriman.")
        if not all(_safe_name(i) for i in infos):
            raise PaketDitolak(path, "memuat tautan atau nama berkas yang menunjuk ke luar paket.")
        by_name = {i.filename: i for i in infos}
        if len(by_name) != len(infos):
            raise PaketDitolak(path, "memuat nama berkas ganda.")
        for info in infos:
            if info.compress_size and info.file_size / info.compress_size > RASIO_MAKS:
                raise PaketDitolak(path, f"isi {info.filename} dimampatkan secara tidak wajar.")
        if MANIFEST not in by_name:
            raise PaketDitolak(path, "bukan paket kiriman Kinerja Desktop (tanpa manifest).")
        try:
            manifest = json.loads(
                _read_member(zf, by_name[MANIFEST], UKURAN_MANIFEST_MAKS, path).decode("utf-8")
            )
        except (UnicodeDecodeError, ValueError) as exc:
            raise PaketDitolak(path, "manifest paket rusak.") from exc
        manifest = _check_manifest(path, manifest)
        berkas = manifest["berkas"]
        if set(berkas) != set(by_name) - {MANIFEST} or not set(ANGGOTA_DATA) <= set(berkas):
            raise PaketDitolak(path, "isinya tidak sesuai dengan daftar di manifest.")
        isi: dict[str, bytes] = {}
        for name, meta in berkas.items():
            declared = meta.get("ukuran") if isinstance(meta, dict) else None
            if not isinstance(declared, int) or declared > UKURAN_ANGGOTA_MAKS:
                raise PaketDitolak(path, "daftar isi di manifest tidak lengkap.")
            member = _read_member(zf, by_name[name], declared, path)
            if len(member) != declared or hashlib.sha256(member).hexdigest() != meta.get("sha256"):
                raise PaketDitolak(
                    path,
                    f"isi {name} tidak sama dengan sidik SHA-256 di manifest: paket telah diubah "
                    "atau rusak. Minta kecamatan mengirim ulang.",
                )
            isi[name] = member
    try:
        kantor = _json(isi["data/kantor.json"])
        iki = _json(isi["data/iki.json"])
        capaian = _json(isi["data/capaian.json"])
        baca = csv.DictReader(io.StringIO(isi["data/nilai.csv"].decode("utf-8")))
        nilai = [
            {k: unescape_cell(v) if isinstance(v, str) else v for k, v in b.items()} for b in baca
        ]
        anggaran = _json(isi[ANGGARAN]) if ANGGARAN in isi else None
    except (UnicodeDecodeError, ValueError, csv.Error) as exc:
        raise PaketDitolak(path, "data di dalam paket tidak dapat dibaca.") from exc
    kantor, iki, nilai, capaian, anggaran = teks_bersih([kantor, iki, nilai, capaian, anggaran])
    alasan = _contradicts(manifest, kantor, iki, nilai, capaian)
    if alasan:
        raise PaketDitolak(path, f"datanya bertentangan dengan manifestnya: {alasan}")
    alasan = masalah_nilai(nilai) or masalah_capaian(capaian)
    if not alasan and anggaran is not None:
        kode_jabatan = {
            j["kode"]
            for j in iki.get("jabatan", [])
            if isinstance(j, dict) and isinstance(j.get("kode"), str)
        }
        triwulan = set(triwulan_sampai(parse_periode(str(manifest["periode"]))))
        alasan = masalah_anggaran(anggaran, kode_jabatan, triwulan)
    if alasan:
        raise PaketDitolak(path, f"berisi angka yang tidak wajar: {alasan}")
    return IsiPaket(
        path, hashlib.sha256(data).hexdigest(), manifest, kantor, iki, nilai, capaian, anggaran
    )
