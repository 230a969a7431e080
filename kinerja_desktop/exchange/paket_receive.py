"""Taking a checked package into the kabupaten workspace, in one transaction.

The same package again changes nothing; a newer package (by the time its kecamatan wrote it)
for the same kecamatan and period replaces the one in force, which stays in the receipt log
with its hash and times; an older one is refused unless the operator insists (``paksa``).
:func:`check_packages` and :func:`receive_packages` are the inbox's two steps: check every
chosen file, then take in those that passed after one backup.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.kabupaten import InfoKabupaten, require_workspace
from kinerja_desktop.db.kabupaten_models import (
    KabupatenKecamatan,
    Paket,
    PaketCapaian,
    PaketDokumen,
    PaketIndikator,
    PaketNilai,
)
from kinerja_desktop.db.locks import KUNCI_PAKET, take_lock
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import KinerjaError
from kinerja_desktop.exchange.paket_reader import IsiPaket, PaketDitolak, read_paket

ALASAN_TERIMA = "sebelum-terima-paket"


@dataclass(frozen=True)
class HasilTerima:
    """What receiving one package did: ``keadaan`` is "baru", "ganti" or "sama"."""

    paket: IsiPaket
    nama_kecamatan: str
    keadaan: str
    diganti: str | None = None  # time the replaced package was written

    @property
    def kalimat(self) -> str:
        """One Indonesian line for the operator."""
        p = self.paket
        asal = f"Kecamatan {self.nama_kecamatan} {p.periode.label}"
        if self.keadaan == "sama":
            return (
                f"{p.path.name}: paket {asal} ini sudah diterima sebelumnya; "
                "tidak ada yang berubah."
            )
        if self.keadaan == "ganti":
            return (
                f"{p.path.name}: paket {asal} diterima dan menggantikan paket yang ditulis "
                f"{format_waktu(self.diganti or '')} (tetap tercatat di daftar penerimaan)."
            )
        return f"{p.path.name}: paket {asal} diterima ({len(p.nilai)} nilai)."


def _kecamatan_id(info: InfoKabupaten, isi: IsiPaket) -> tuple[int, str]:
    kode = isi.kode_wilayah
    nama = dict(info.kecamatan).get(kode)
    if nama is None:
        raise PaketDitolak(
            isi.path,
            f"paket ini dari wilayah {kode} ({isi.manifest.get('kecamatan', '')}), bukan dari "
            f"kecamatan di {info.nama} ({info.kode}).",
        )
    kid = KabupatenKecamatan.select(KabupatenKecamatan.id).where(KabupatenKecamatan.kode == kode)
    return int(kid.scalar()), nama


def _rows_indikator(paket_id: int, iki: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for j in iki.get("jabatan", []):
        for s in j.get("sasaran", []):
            for ind in s.get("indikator", []):
                rows.append(
                    {
                        "paket": paket_id,
                        "kode_jabatan": j.get("kode", ""),
                        "nama_jabatan": j.get("nama", ""),
                        "urutan": len(rows),
                        "kode": ind.get("kode", ""),
                        "nama": ind.get("nama", ""),
                        "satuan": ind.get("satuan", ""),
                        "jenis": ind.get("jenis", ""),
                        "polaritas": ind.get("polaritas", ""),
                        "dari_desa": bool(ind.get("dari_desa")),
                    }
                )
    return rows


def _angka(teks: str | None) -> float | None:
    teks = (teks or "").strip()
    return float(teks.replace(",", ".")) if teks else None


def _rows_nilai(paket_id: int, nilai: Iterable[dict[str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "paket": paket_id,
            "kode_indikator": r["kode_indikator"],
            "periode": r["periode"],
            "kode_desa": r.get("kode_desa") or "",
            "jenis": r["jenis"],
            "nilai": r.get("nilai") or "",
            "pembilang": _angka(r.get("pembilang")),
            "penyebut": _angka(r.get("penyebut")),
            "pegawai": _angka(r.get("pegawai")),
            "hari_kerja": _angka(r.get("hari_kerja")),
            "hari_tidak_masuk": _angka(r.get("hari_tidak_masuk")),
            "status": r.get("status") or "",
        }
        for r in nilai
    ]


def _rows_capaian(paket_id: int, capaian: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "paket": paket_id,
            "kode_indikator": c["kode_indikator"],
            "periode": c["periode"],
            "target": c.get("target"),
            "realisasi": c.get("realisasi"),
            "pembilang": c.get("pembilang"),
            "penyebut": c.get("penyebut"),
            "capaian": c.get("capaian"),
            "kategori": c.get("kategori"),
            "catatan": c.get("catatan"),
            "jumlah_data": int(c.get("jumlah_data") or 0),
        }
        for c in capaian
    ]


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with one prepared statement: building peewee's multi-row INSERT took
    85% of a kabupaten's merge (bench/bench_kabupaten.py)."""
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    marks = ", ".join([database_proxy.param] * len(names))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = database_proxy.cursor()
    cursor.executemany(sql, [tuple(r[n] for n in names) for r in rows])


def plan_receive(isi: IsiPaket, paksa: bool = False) -> HasilTerima:
    """What :func:`receive` would do with ``isi``, without writing; refusals raise."""
    info = require_workspace()
    kid, nama = _kecamatan_id(info, isi)
    if Paket.select().where(Paket.sha256 == isi.sha256, Paket.kecamatan == kid).exists():
        return HasilTerima(isi, nama, "sama")
    berlaku = (
        Paket.select(Paket.waktu_tulis)
        .where(
            Paket.kecamatan == kid,
            Paket.tahun == isi.manifest["tahun"],
            Paket.periode == isi.periode.id,
            Paket.berlaku == True,  # noqa: E712 (peewee expression)
        )
        .scalar()
    )
    if berlaku is None:
        return HasilTerima(isi, nama, "baru")
    if str(isi.manifest["waktu"]) < berlaku and not paksa:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        paksa_terima = command(bound_location(), "kabupaten", "terima", isi.path, "--paksa")
        raise PaketDitolak(
            isi.path,
            f"paket ini ditulis {format_waktu(str(isi.manifest['waktu']))}, lebih lama dari paket "
            f"Kecamatan {nama} {isi.periode.label} yang sudah diterima (ditulis "
            f"{format_waktu(berlaku)}). Bila paket lama ini memang yang benar, terima di "
            f"Command Prompt dengan pilihan --paksa: {paksa_terima}.",
        )
    return HasilTerima(isi, nama, "ganti", diganti=berlaku)


def receive(isi: IsiPaket, paksa: bool = False, now: datetime | None = None) -> HasilTerima:
    """Merge the checked package ``isi`` in one transaction (see the module's rules)."""
    now = now or datetime.now()
    with database_proxy.atomic():
        # two PCs receiving packages into one server workspace: one after the other, each
        # planning against what the other committed
        take_lock(KUNCI_PAKET)
        rencana = plan_receive(isi, paksa)
        if rencana.keadaan == "sama":
            return rencana
        kid, _ = _kecamatan_id(require_workspace(), isi)
        waktu = now.isoformat(timespec="seconds")
        lama = Paket.select(Paket.id).where(
            Paket.kecamatan == kid,
            Paket.tahun == isi.manifest["tahun"],
            Paket.periode == isi.periode.id,
            Paket.berlaku == True,  # noqa: E712
        )
        lama_ids = [pid for (pid,) in lama.tuples().iterator()]
        if lama_ids:
            # the replaced package stays in the receipt log; its values make room for the new
            for model in (PaketNilai, PaketCapaian, PaketIndikator, PaketDokumen):
                model.delete().where(model.paket.in_(lama_ids)).execute()
            Paket.update(berlaku=False, diganti=waktu).where(Paket.id.in_(lama_ids)).execute()
        m = isi.manifest
        paket = Paket.create(
            kecamatan=kid,
            tahun=m["tahun"],
            periode=isi.periode.id,
            nama_berkas=isi.path.name,
            sha256=isi.sha256,
            waktu_tulis=str(m["waktu"]),
            waktu_terima=waktu,
            versi_aplikasi=str(m.get("versi_aplikasi", "")),
            versi_format=int(m["versi_format"]),
        )
        _insert(PaketIndikator, _rows_indikator(paket.id, isi.iki))
        _insert(PaketNilai, _rows_nilai(paket.id, isi.nilai))
        _insert(PaketCapaian, _rows_capaian(paket.id, isi.capaian))
        _insert(
            PaketDokumen,
            [
                {"paket": paket.id, "nama": nama, "isi": json.dumps(data, ensure_ascii=False)}
                for nama, data in (
                    ("data/iki.json", isi.iki),
                    ("data/kantor.json", isi.kantor),
                    ("data/anggaran.json", isi.anggaran),
                )
                if data is not None  # a package of an older version has no anggaran
            ],
        )
    return rencana


@dataclass(frozen=True)
class Pemeriksaan:
    """One chosen file after its check: the package (None when refused) and what to say."""

    path: Path
    isi: IsiPaket | None
    keadaan: str  # "baru", "ganti", "sama", "ditolak", or "gagal" (the disk or database failed)
    kalimat: str

    @property
    def siap(self) -> bool:
        """Whether receiving it changes something."""
        return self.isi is not None and self.keadaan != "sama"


def check_packages(paths: Iterable[Path], paksa: bool = False) -> list[Pemeriksaan]:
    """Check every chosen package completely (read, then :func:`plan_receive`); nothing is
    written. A refused file is a line saying why, not an exception. ``paksa``: an older
    package is accepted (the CLI's ``--paksa``)."""
    hasil = []
    for path in paths:
        try:
            isi = read_paket(path)
            rencana = plan_receive(isi, paksa)
        except KinerjaError as exc:
            hasil.append(Pemeriksaan(path, None, "ditolak", exc.pesan))
            continue
        hasil.append(Pemeriksaan(path, isi, rencana.keadaan, rencana.kalimat))
    return hasil


def receive_packages(
    daftar: Sequence[Pemeriksaan], paksa: bool = False
) -> Hasil[list[Pemeriksaan]]:
    """Take in every checked package that changes something, after one backup of the
    workspace; ``data`` holds what became of each (its ``kalimat`` the Indonesian line),
    ``perubahan.pesan`` all the lines. ``paksa`` as for :func:`check_packages`.

    A package refused now (changed since its check) is "ditolak" and the others go on. When
    the disk or the database fails, that package is "gagal" with the explained message and is
    the last one: the packages received before it stay received and reported. A failed backup
    receives nothing and raises its :class:`KinerjaError`; a bug raises.
    """
    from kinerja_desktop.db.backup import backup_before
    from kinerja_desktop.db.connection import explain_bound_failure

    siap = [(p.path, p.isi) for p in daftar if p.siap and p.isi is not None]
    if siap:
        backup_before(ALASAN_TERIMA)
    hasil: list[Pemeriksaan] = []
    for path, isi in siap:
        try:
            diterima = receive(isi, paksa)
        except KinerjaError as exc:
            hasil.append(Pemeriksaan(path, None, "ditolak", exc.pesan))
            continue
        except Exception as exc:  # noqa: BLE001 - the disk or database failing, or a bug
            explained = explain_bound_failure(exc)
            if explained is None:
                raise
            hasil.append(Pemeriksaan(path, None, "gagal", explained.pesan))
            break  # the disk or the database fails the next packages too: say so once
        hasil.append(Pemeriksaan(path, isi, diterima.keadaan, diterima.kalimat))
    pesan = "\n".join(p.kalimat for p in hasil)
    berubah = any(p.keadaan in ("baru", "ganti") for p in hasil)
    return Hasil(Perubahan(pesan=pesan, paket=berubah), hasil)
