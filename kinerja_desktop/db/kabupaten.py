"""The kabupaten workspace: set it up and read its received packages side by side.

Packages come in through :mod:`kinerja_desktop.exchange.paket_receive`. The capaian of a
kecamatan is stored exactly as that kecamatan computed it, so the rekap shows to the last digit
what the kecamatan's own ``capaian --json`` says; totals over kecamatan are only made for an
indicator they share (same name and kind), as Σ numerator / Σ denominator for ratios.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kinerja_desktop.db.kabupaten_models import (
    Kabupaten,
    KabupatenKecamatan,
    Paket,
    PaketCapaian,
    PaketDokumen,
    PaketIndikator,
)
from kinerja_desktop.db.location import DatabaseLocation
from kinerja_desktop.db.models import Kantor, database_proxy
from kinerja_desktop.domain.periode import Periode, parse_periode
from kinerja_desktop.errors import DataTidakValid

BATAS_HARI_KIRIM = 10  # a package is on time when written by the 10th after its period ends


@dataclass(frozen=True)
class InfoKabupaten:
    """The kabupaten of the workspace and its kecamatan (code, name) in order."""

    kode: str
    nama: str
    provinsi: str
    kecamatan: tuple[tuple[str, str], ...]


def workspace() -> InfoKabupaten | None:
    """The kabupaten of the open database, or None when it is a kecamatan database."""
    row = Kabupaten.select().first()
    if row is None:
        return None
    kec = (
        KabupatenKecamatan.select(KabupatenKecamatan.kode, KabupatenKecamatan.nama)
        .order_by(KabupatenKecamatan.urutan)
        .tuples()
    )
    return InfoKabupaten(row.kode, row.nama, row.provinsi, tuple(kec.iterator()))


def require_workspace() -> InfoKabupaten:
    """:func:`workspace`, refusing a kecamatan database in Indonesian."""
    info = workspace()
    if info is None:
        raise DataTidakValid(
            "Basis data ini milik sebuah kecamatan, bukan ruang kerja kabupaten. Buat ruang "
            "kerja dengan: kinerja-desktop --db BERKAS kabupaten baru --kode KODE_KABUPATEN"
        )
    return info


def create_workspace(
    kode: str, nama: str, provinsi: str, kecamatan: Sequence[tuple[str, str]]
) -> InfoKabupaten:
    """Make the open, empty database the workspace of kabupaten ``kode`` with ``kecamatan``."""
    if Kantor.select().exists() or Kabupaten.select().exists():
        raise DataTidakValid(
            "Basis data ini sudah berisi data kantor. Ruang kerja kabupaten dibuat pada "
            "berkas basis data baru: pilih nama berkas lain dengan --db."
        )
    with database_proxy.atomic():
        Kabupaten.create(kode=kode, nama=nama, provinsi=provinsi)
        KabupatenKecamatan.insert_many(
            [{"kode": k, "nama": n, "urutan": i} for i, (k, n) in enumerate(kecamatan)]
        ).execute()
    return require_workspace()


def make_workspace_database(path: DatabaseLocation, kode: str) -> Any:
    """Create a new kabupaten workspace at ``path`` for kabupaten/kota ``kode`` (``35.07``),
    its kecamatan from the national area list, and return the opened database.

    Refuses an unknown code, a code that is not a kabupaten/kota, and an existing database.
    """
    from kinerja_desktop.db.builtin import load_pangkat
    from kinerja_desktop.db.connection import has_content, open_database
    from kinerja_desktop.db.location import parse_location
    from kinerja_desktop.domain.daftar_wilayah import daftar_wilayah

    path = parse_location(path)
    nama, provinsi, kecamatan = daftar_wilayah().kabupaten_dari_kode(kode)
    if has_content(path):
        raise DataTidakValid(
            f"Basis data {path} sudah ada; ruang kerja kabupaten hanya dibuat pada basis data "
            "baru. Pilih nama berkas lain dengan --db (basis data yang ada tidak diubah)."
        )

    def populate() -> None:
        load_pangkat()
        create_workspace(kode.strip(), nama, provinsi, [(k.kode, k.nama) for k in kecamatan])

    return open_database(path, populate)


# -- reading -----------------------------------------------------------------------------------


def tenggat(periode: Periode) -> date:
    """The last day a package of ``periode`` counts as on time: the 10th after it ends."""
    akhir = max(periode.bulan)
    tahun, bulan = (periode.tahun + 1, 1) if akhir == 12 else (periode.tahun, akhir + 1)
    return date(tahun, bulan, BATAS_HARI_KIRIM)


@dataclass(frozen=True)
class BarisRekap:
    """One indicator of one kecamatan in the rekap: the kecamatan's own figures."""

    kode_jabatan: str
    nama_jabatan: str
    kode: str
    nama: str
    jenis: str
    satuan: str
    target: str | None
    realisasi: float | None
    pembilang: float | None
    penyebut: float | None
    capaian: float | None
    kategori: str | None
    jumlah_data: int


@dataclass(frozen=True)
class RekapKecamatan:
    """A kecamatan in the rekap: its package (if any arrived) and its indicators."""

    kode: str
    nama: str
    waktu_tulis: str | None
    waktu_terima: str | None
    sha256: str | None
    tepat_waktu: bool | None
    indikator: tuple[BarisRekap, ...] = ()

    @property
    def capaian_rata(self) -> tuple[float | None, int, int]:
        """The mean capaian over indicators with data, with n of total (as a jabatan's)."""
        from kinerja_desktop.domain.capaian import rata_rata_capaian

        return rata_rata_capaian(b.capaian for b in self.indikator)


@dataclass(frozen=True)
class Gabungan:
    """A kabupaten total of an indicator that several kecamatan share (same name and kind)."""

    nama: str
    jenis: str
    satuan: str
    kecamatan: int
    realisasi: float | None  # Σ for jumlah; Σ pembilang / Σ penyebut × 100 for ratios
    pembilang: float | None
    penyebut: float | None


@dataclass(frozen=True)
class Rekap:
    """The kabupaten's view of one period."""

    kabupaten: InfoKabupaten
    tahun: int
    periode: Periode
    tenggat: date
    kecamatan: tuple[RekapKecamatan, ...]
    gabungan: tuple[Gabungan, ...] = field(default=())

    @property
    def diterima(self) -> int:
        """How many kecamatan have a package in force for the period."""
        return sum(1 for k in self.kecamatan if k.sha256 is not None)


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.lower().split())


def _gabungan(kecamatan: Sequence[RekapKecamatan]) -> tuple[Gabungan, ...]:
    per: dict[tuple[str, str], list[BarisRekap]] = {}
    for k in kecamatan:
        seen: set[tuple[str, str]] = set()
        for b in k.indikator:
            key = (_kunci_nama(b.nama), b.jenis)
            if key in seen:
                continue  # an indicator twice in one decree counts once for its kecamatan
            seen.add(key)
            per.setdefault(key, []).append(b)
    hasil = []
    for (_, jenis), baris in per.items():
        if len(baris) < 2:
            continue  # not shared: no total is invented
        if jenis == "jumlah":
            ada = [b.realisasi for b in baris if b.realisasi is not None]
            total = sum(ada) if ada else None
            hasil.append(
                Gabungan(
                    baris[0].nama,
                    jenis,
                    baris[0].satuan,
                    len(baris),
                    total,
                    None,
                    None,
                )
            )
            continue
        pasangan = [(b.pembilang, b.penyebut) for b in baris if b.penyebut]
        pb = sum(p or 0.0 for p, _ in pasangan) if pasangan else None
        py = sum(q or 0.0 for _, q in pasangan) if pasangan else None
        nilai = pb / py * 100 if pb is not None and py else None
        hasil.append(
            Gabungan(
                baris[0].nama,
                jenis,
                baris[0].satuan,
                len(baris),
                nilai,
                pb,
                py,
            )
        )
    return tuple(sorted(hasil, key=lambda g: g.nama.lower()))


def rekap(tahun: int, periode: Periode) -> Rekap:
    """Per kecamatan: the package in force for ``periode`` and its figures, read in bulk."""
    info = require_workspace()
    if periode.tahun != tahun:
        raise DataTidakValid(f"Periode {periode.id} bukan bagian dari tahun {tahun}.")
    paket = {
        kode: (pid, tulis, terima, sha)
        for pid, kode, tulis, terima, sha in Paket.select(
            Paket.id, KabupatenKecamatan.kode, Paket.waktu_tulis, Paket.waktu_terima, Paket.sha256
        )
        .join(KabupatenKecamatan)
        .where(Paket.tahun == tahun, Paket.periode == periode.id, Paket.berlaku == True)  # noqa: E712
        .tuples()
        .iterator()
    }
    ids = [v[0] for v in paket.values()]
    baris: dict[int, list[BarisRekap]] = {}
    if ids:
        query = (
            PaketIndikator.select(
                PaketIndikator.paket,
                PaketIndikator.kode_jabatan,
                PaketIndikator.nama_jabatan,
                PaketIndikator.kode,
                PaketIndikator.nama,
                PaketIndikator.jenis,
                PaketIndikator.satuan,
                PaketCapaian.target,
                PaketCapaian.realisasi,
                PaketCapaian.pembilang,
                PaketCapaian.penyebut,
                PaketCapaian.capaian,
                PaketCapaian.kategori,
                PaketCapaian.jumlah_data,
            )
            .join(
                PaketCapaian,
                on=(
                    (PaketCapaian.paket == PaketIndikator.paket)
                    & (PaketCapaian.kode_indikator == PaketIndikator.kode)
                ),
            )
            .where(PaketIndikator.paket.in_(ids))
            .order_by(PaketIndikator.paket, PaketIndikator.urutan)
            .tuples()
            .iterator()
        )
        for pid, *kolom in query:
            baris.setdefault(pid, []).append(BarisRekap(*kolom))
    batas = tenggat(periode)
    kecamatan = []
    for kode, nama in info.kecamatan:
        if kode not in paket:
            kecamatan.append(RekapKecamatan(kode, nama, None, None, None, None))
            continue
        pid, tulis, terima, sha = paket[kode]
        kecamatan.append(
            RekapKecamatan(
                kode,
                nama,
                tulis,
                terima,
                sha,
                datetime.fromisoformat(tulis).date() <= batas,
                tuple(baris.get(pid, [])),
            )
        )
    return Rekap(info, tahun, periode, batas, tuple(kecamatan), _gabungan(kecamatan))


def receipts() -> list[dict[str, Any]]:
    """The receipt log, newest first: every package ever received, in force or replaced."""
    query = (
        Paket.select(
            KabupatenKecamatan.kode,
            KabupatenKecamatan.nama,
            Paket.tahun,
            Paket.periode,
            Paket.nama_berkas,
            Paket.sha256,
            Paket.waktu_tulis,
            Paket.waktu_terima,
            Paket.berlaku,
            Paket.diganti,
        )
        .join(KabupatenKecamatan)
        .order_by(Paket.waktu_terima.desc(), Paket.id.desc())
        .dicts()
    )
    return list(query.iterator())


def iki_diterima(kode_kecamatan: str, tahun: int, periode: Periode) -> dict[str, Any] | None:
    """The IKI a kecamatan sent with its package in force for ``periode`` (as ``iki.json``
    says it), or None when no package of that period arrived."""
    return _dokumen_diterima(kode_kecamatan, tahun, periode, "data/iki.json")


def _dokumen_diterima(
    kode_kecamatan: str, tahun: int, periode: Periode, nama: str
) -> dict[str, Any] | None:
    isi = (
        PaketDokumen.select(PaketDokumen.isi)
        .join(Paket)
        .join(KabupatenKecamatan)
        .where(
            KabupatenKecamatan.kode == kode_kecamatan,
            Paket.tahun == tahun,
            Paket.periode == periode.id,
            Paket.berlaku == True,  # noqa: E712
            PaketDokumen.nama == nama,
        )
        .scalar()
    )
    return None if isi is None else dict(json.loads(isi))


def kiriman_setahun(tahun: int) -> dict[str, dict[str, tuple[str, bool]]]:
    """Per kecamatan code, per period id: when its package in force was written and whether
    that was on time. The matrix kecamatan × period of what arrived."""
    hasil: dict[str, dict[str, tuple[str, bool]]] = {}
    query = (
        Paket.select(KabupatenKecamatan.kode, Paket.periode, Paket.waktu_tulis)
        .join(KabupatenKecamatan)
        .where(Paket.tahun == tahun, Paket.berlaku == True)  # noqa: E712
        .tuples()
    )
    for kode, periode_id, tulis in query.iterator():
        tepat = datetime.fromisoformat(tulis).date() <= tenggat(parse_periode(periode_id))
        hasil.setdefault(kode, {})[periode_id] = (tulis, tepat)
    return hasil


def tahun_paket() -> list[int]:
    """The years packages arrived for, oldest first."""
    query = Paket.select(Paket.tahun).distinct().tuples()
    return sorted(t for (t,) in query.iterator())
