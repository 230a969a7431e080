"""Reading the audit log for people: filtered, with names instead of ids and values as typed.

Used by Data › Riwayat Perubahan (whole log and per cell) and by ``kinerja-desktop audit``.
"""

import json
from dataclasses import asdict, dataclass
from typing import Any

from kinerja_desktop.db.audit import AKSI
from kinerja_desktop.db.audit_iki import JENIS_IKI
from kinerja_desktop.db.models import CatatanAudit, Desa, Indikator, Jabatan, database_proxy
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.value_text import (
    format_cell_komponen,
    format_cell_target,
    format_rupiah,
)

BATAS_BAWAAN = 5000  # newest entries shown at most (the export takes every entry)


@dataclass(frozen=True)
class SaringAudit:
    """Which entries to read; every field left empty means "all"."""

    tahun: int | None = None
    dari: str = ""  # first day, YYYY-MM-DD
    sampai: str = ""  # last day, YYYY-MM-DD (inclusive)
    jabatan_id: int | None = None
    indikator_id: int | None = None
    periode: str = ""
    desa_id: int | None = None
    satu_desa: bool = False  # desa_id None then means the kecamatan-level value only
    pengguna: str = ""


@dataclass(frozen=True)
class BarisAudit:
    """One entry as shown and exported."""

    nomor: int
    waktu: str
    pengguna: str
    aksi: str  # the Indonesian label
    jenis: str
    jabatan: str
    indikator: str
    periode: str
    desa: str
    lama: str
    baru: str
    catatan: str

    def as_dict(self) -> dict[str, Any]:
        """The entry as a JSON object."""
        return asdict(self)


KOLOM = (
    "nomor",
    "waktu",
    "pengguna",
    "aksi",
    "jenis",
    "jabatan",
    "indikator",
    "periode",
    "desa",
    "lama",
    "baru",
    "catatan",
)
JUDUL = (
    "No.",
    "Waktu",
    "Pengguna",
    "Aksi",
    "Jenis",
    "Jabatan",
    "Indikator",
    "Periode",
    "Desa",
    "Sebelum",
    "Sesudah",
    "Catatan",
)


def _teks_monev(jenis: str, teks: str) -> str:
    """A budget realised or a monev note as typed. Their entries hold the row as JSON since
    monev imports can be undone; older entries hold the text itself."""
    if not teks.startswith("{"):
        return teks
    isi = json.loads(teks)
    if jenis == "realisasi_anggaran":
        return format_rupiah(isi["nilai"])
    bagian = [f"Kendala: {isi['kendala']}"] if isi["kendala"] else []
    if isi["tindak_lanjut"]:
        bagian.append(f"Tindak lanjut: {isi['tindak_lanjut']}")
    return " / ".join(bagian)


_BAGIAN_NASKAH = {
    "pembuka": "Kalimat pembuka",
    "janji": "Isi perjanjian",
    "nama_kepala_daerah": "Nama Bupati/Wali Kota",
    "jabatan_kepala_daerah": "Sebutan Bupati/Wali Kota",
}


def _teks_naskah(teks: str) -> str:
    """The parts of the PK statement an entry holds (as JSON) in the editor's words."""
    if not teks.startswith("{"):
        return teks
    isi = json.loads(teks)
    return "; ".join(f"{_BAGIAN_NASKAH.get(k, k)}: {v or '(kosong)'}" for k, v in isi.items())


def _teks_nilai(jenis: str, teks: str | None, jenis_ind: Jenis | None) -> str:
    if teks is None:
        return "(kosong)" if jenis in ("target", "realisasi") else ""
    if jenis in ("realisasi_anggaran", "keterangan"):
        return _teks_monev(jenis, teks)
    if jenis == "pk":
        return _teks_naskah(teks)
    if jenis not in ("target", "realisasi"):
        return teks
    isi = json.loads(teks)
    if jenis == "target":
        return format_cell_target(Target(isi.get("nilai", 0.0), isi.get("nilai_atas")))
    komponen = Komponen(**{k: isi.get(k) for k in Komponen.__dataclass_fields__})
    return format_cell_komponen(jenis_ind or Jenis.JUMLAH, komponen)


def _syarat(saring: SaringAudit) -> Any:
    syarat = CatatanAudit.id > 0
    if saring.tahun is not None:
        # a year's values and IKI, and what every year shares (users, pegawai, bands, restores)
        syarat &= CatatanAudit.periode.startswith(str(saring.tahun)) | (CatatanAudit.periode == "")
    if saring.dari:
        syarat &= CatatanAudit.waktu >= saring.dari
    if saring.sampai:
        syarat &= CatatanAudit.waktu < saring.sampai + "T99"  # the whole last day
    if saring.jabatan_id is not None:
        syarat &= CatatanAudit.jabatan_id == saring.jabatan_id
    if saring.indikator_id is not None:
        syarat &= CatatanAudit.indikator_id == saring.indikator_id
    if saring.periode:
        syarat &= CatatanAudit.periode == saring.periode
    if saring.satu_desa:
        if saring.desa_id is None:
            syarat &= CatatanAudit.desa_id.is_null()
        else:
            syarat &= CatatanAudit.desa_id == saring.desa_id
    if saring.pengguna:
        syarat &= CatatanAudit.pengguna == saring.pengguna
    return syarat


def read_audit(saring: SaringAudit, batas: int | None = BATAS_BAWAAN) -> list[BarisAudit]:
    """The entries matching ``saring``, newest first (at most ``batas``; None: all)."""
    query = (
        CatatanAudit.select(
            CatatanAudit.id,
            CatatanAudit.waktu,
            CatatanAudit.pengguna,
            CatatanAudit.aksi,
            CatatanAudit.jenis,
            CatatanAudit.jabatan_id,
            CatatanAudit.indikator_id,
            CatatanAudit.periode,
            CatatanAudit.desa_id,
            CatatanAudit.lama,
            CatatanAudit.baru,
            CatatanAudit.catatan,
        )
        .where(_syarat(saring))
        .order_by(CatatanAudit.id.desc())
    )
    if batas is not None:
        query = query.limit(batas)
    rows = list(database_proxy.execute(query))
    jabatan: dict[int, str] = dict(
        Jabatan.select(Jabatan.id, Jabatan.nama)
        .where(Jabatan.id.in_({r[5] for r in rows if r[5]}))
        .tuples()
        .iterator()
    )
    indikator = {
        i: (kode, Jenis(jenis))
        for i, kode, jenis in Indikator.select(Indikator.id, Indikator.kode, Indikator.jenis)
        .where(Indikator.id.in_({r[6] for r in rows if r[6]}))
        .tuples()
        .iterator()
    }
    desa: dict[int, str] = dict(Desa.select(Desa.id, Desa.nama).tuples().iterator())
    hasil = []
    for _id, waktu, pengguna, aksi, jenis, jab, ind, periode, desa_id, lama, baru, cat in rows:
        kode, jenis_ind = indikator.get(ind, ("", None)) if ind else ("", None)
        if ind and not kode:
            kode = "(indikator dihapus)"
        hasil.append(
            BarisAudit(
                nomor=_id,
                waktu=waktu.replace("T", " "),
                pengguna=pengguna or "(sebelum ada log pengguna)",
                aksi=AKSI.get(aksi, aksi),
                jenis=_JENIS.get(jenis, jenis),
                jabatan=jabatan.get(jab, "(jabatan dihapus)") if jab else "",
                indikator=kode,
                periode=periode,
                desa=desa.get(desa_id, "") if desa_id else "",
                lama=_teks_nilai(jenis, lama, jenis_ind),
                baru=_teks_nilai(jenis, baru, jenis_ind),
                catatan=cat or "",
            )
        )
    return hasil


_JENIS = {
    "target": "Target",
    "realisasi": "Realisasi",
    "persetujuan": "Persetujuan realisasi",
    "persetujuan_target": "Persetujuan target",
    "pengguna": "Pengguna",
    "basis_data": "Basis data",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "rencana_aksi": "Rencana aksi",
    "realisasi_anggaran": "Realisasi anggaran",
    "keterangan": "Keterangan/kendala",
    "skp": "SKP",
    **JENIS_IKI,
}


def pengguna_di_log() -> list[str]:
    """Every user name that appears in the log (for the filter's list)."""
    query = (
        CatatanAudit.select(CatatanAudit.pengguna)
        .where(CatatanAudit.pengguna != "")
        .distinct()
        .order_by(CatatanAudit.pengguna)
    )
    return [p for (p,) in query.tuples().iterator()]
