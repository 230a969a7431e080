"""``audit periksa`` for the IKI rows and the plan: jabatan, tugas, fungsi, sasaran, indicators,
their sub-items, programs and kegiatan against the row their last audit entry holds (``isi``,
:mod:`~kinerja_desktop.db.audit_isi`). The log and every table are read once."""

from collections.abc import Callable
from typing import Any

from kinerja_desktop.db.audit_banding import (
    Baris,
    EntriTerakhir,
    NamaTempat,
    RiwayatBaris,
    compare_rows,
    shorten,
)
from kinerja_desktop.db.audit_isi import KOLOM_ISI
from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Kegiatan,
    Program,
    Sasaran,
    SubIndikator,
    Tugas,
)


def _rows(
    query: Any, kolom: tuple[str, ...], nama: Callable[[tuple[Any, ...]], str]
) -> dict[int, Baris]:
    """row id -> stored row, from ``query`` selecting the id, year, jabatan, what ``nama``
    reads, then the compared columns ``kolom`` last."""
    n = len(kolom)
    return {
        r[0]: Baris(r[1], r[2], nama(r), dict(zip(kolom, r[-n:], strict=True)))
        for r in query.tuples().iterator()
    }


def _stored_isi(nama: NamaTempat) -> dict[str, dict[int, Baris]]:
    """jenis -> row id -> the stored row, one query per table."""
    k = KOLOM_ISI
    jabatan = Jabatan.select(
        Jabatan.id, Jabatan.tahun, Jabatan.id, *[getattr(Jabatan, c) for c in k["jabatan"]]
    )
    tugas = Tugas.select(
        Tugas.id, Jabatan.tahun, Tugas.jabatan, *[getattr(Tugas, c) for c in k["tugas"]]
    ).join(Jabatan)
    fungsi = Fungsi.select(
        Fungsi.id, Jabatan.tahun, Fungsi.jabatan, *[getattr(Fungsi, c) for c in k["fungsi"]]
    ).join(Jabatan)
    sasaran = Sasaran.select(
        Sasaran.id, Jabatan.tahun, Sasaran.jabatan, *[getattr(Sasaran, c) for c in k["sasaran"]]
    ).join(Jabatan)
    indikator = Indikator.select(
        Indikator.id,
        Indikator.tahun,
        Sasaran.jabatan,
        *[getattr(Indikator, c) for c in k["indikator"]],
    ).join(Sasaran)
    sub = (
        SubIndikator.select(
            SubIndikator.id,
            Indikator.tahun,
            Sasaran.jabatan,
            Indikator.kode,
            *[getattr(SubIndikator, c) for c in k["sub_indikator"]],
        )
        .join(Indikator)
        .join(Sasaran)
    )
    program = Program.select(
        Program.id, Jabatan.tahun, Program.jabatan, *[getattr(Program, c) for c in k["program"]]
    ).join(Jabatan)
    kegiatan = (
        Kegiatan.select(
            Kegiatan.id,
            Jabatan.tahun,
            Program.jabatan,
            *[getattr(Kegiatan, c) for c in k["kegiatan"]],
        )
        .join(Program)
        .join(Jabatan)
    )

    def tempat(r: tuple[Any, ...]) -> str:
        return nama.tempat(r[2], r[1])

    return {
        "jabatan": _rows(
            jabatan,
            k["jabatan"],
            lambda r: f"Jabatan {r[3]} “{shorten(r[4])}”{nama.tempat(None, r[1])}",
        ),
        "tugas": _rows(tugas, k["tugas"], lambda r: f"Tugas “{shorten(r[3])}”{tempat(r)}"),
        "fungsi": _rows(fungsi, k["fungsi"], lambda r: f"Fungsi “{shorten(r[3])}”{tempat(r)}"),
        "sasaran": _rows(sasaran, k["sasaran"], lambda r: f"Sasaran “{shorten(r[3])}”{tempat(r)}"),
        "indikator": _rows(indikator, k["indikator"], lambda r: f"Indikator {r[3]}{tempat(r)}"),
        "sub_indikator": _rows(
            sub,
            k["sub_indikator"],
            lambda r: f"Sub-butir “{shorten(r[4])}” indikator {r[3]}{tempat(r)}",
        ),
        "program": _rows(program, k["program"], lambda r: f"Program “{shorten(r[4])}”{tempat(r)}"),
        "kegiatan": _rows(
            kegiatan, k["kegiatan"], lambda r: f"Kegiatan “{shorten(r[4])}”{tempat(r)}"
        ),
    }


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

        masalah += compare_rows(jenis, tersimpan[jenis], riwayat.terakhir[jenis], riwayat, hilang)
    return masalah
