"""``audit periksa`` for the IKI rows and the plan: jabatan, tugas, fungsi, sasaran, indicators,
their sub-items, programs and kegiatan against the row their last audit entry holds (``isi``,
:mod:`~kinerja_desktop.db.audit_isi`). The log and every table are read once."""

from typing import Any

from kinerja_desktop.db.audit_banding import (
    Baris,
    EntriTerakhir,
    NamaTempat,
    RiwayatBaris,
    compare_rows,
    shorten,
)
from kinerja_desktop.db.audit_isi import KOLOM_ISI, query_isi


def _nama_baris(jenis: str, r: tuple[Any, ...], nama: NamaTempat) -> str:
    """How a report names a stored row (a tuple of :func:`query_isi`)."""
    tempat = nama.tempat(r[2], r[1])
    if jenis == "jabatan":
        return f"Jabatan {r[4]} “{shorten(r[5])}”{nama.tempat(None, r[1])}"
    if jenis == "indikator":
        return f"Indikator {r[4]}{tempat}"
    if jenis == "sub_indikator":
        return f"Sub-butir “{shorten(r[4])}” indikator {nama.kode.get(r[3], '')}{tempat}"
    label, kolom = _NAMA_JENIS[jenis]
    return f"{label} “{shorten(r[4 + KOLOM_ISI[jenis].index(kolom)])}”{tempat}"


def _stored_isi(nama: NamaTempat) -> dict[str, dict[int, Baris]]:
    """jenis -> row id -> the stored row, one query per table."""
    hasil: dict[str, dict[int, Baris]] = {}
    for jenis, kolom in KOLOM_ISI.items():
        hasil[jenis] = {
            r[0]: Baris(
                r[1], r[2], _nama_baris(jenis, r, nama), dict(zip(kolom, r[4:], strict=True))
            )
            for r in query_isi(jenis).tuples().iterator()
        }
    return hasil


_NAMA_JENIS = {
    "jabatan": ("Jabatan", "nama"),
    "tugas": ("Tugas", "teks"),
    "fungsi": ("Fungsi", "teks"),
    "sasaran": ("Sasaran", "teks"),
    "indikator": ("Indikator", "kode"),
    "sub_indikator": ("Sub-butir", "teks"),
    "program": ("Program", "nama"),
    "kegiatan": ("Kegiatan", "nama"),
}


def compare_iki(nama: NamaTempat, riwayat: RiwayatBaris) -> list[str]:
    """The jabatan, tugas, fungsi, sasaran, indicators, sub-items, programs and kegiatan that
    differ from the row their last entry holds, or are there or gone against it."""
    tersimpan = _stored_isi(nama)
    masalah: list[str] = []
    for jenis, (label, kolom) in _NAMA_JENIS.items():

        def hilang(_key: Any, entri: EntriTerakhir, label: str = label, kolom: str = kolom) -> str:
            baris = entri.baris or {}
            teks = str(baris.get(kolom, ""))
            teks = teks if kolom == "kode" else f"“{shorten(teks)}”"
            if label == "Jabatan":  # gone itself: its name is the one the log holds
                return f"{label} {baris.get('kode', '')} {teks}{nama.tempat(None, entri.tahun)}"
            return f"{label} {teks}{nama.tempat(entri.jabatan_id, entri.tahun)}"

        tercatat = riwayat.terakhir[jenis]
        masalah += compare_rows(jenis, tersimpan[jenis], tercatat, riwayat, hilang)
        # a year copied or imported since schema 12 has every row in the log
        masalah += [
            f"{baris.nama} ada di basis data tetapi tidak ada di log: ditulis di luar aplikasi."
            for key, baris in tersimpan[jenis].items()
            if key not in tercatat and baris.tahun in riwayat.dasar
        ]
    return masalah
