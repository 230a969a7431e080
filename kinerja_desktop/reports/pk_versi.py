"""Issued Perjanjian Kinerja: what changed between two issues, the agreements of a stored
version, and the PK of a year as printed (per jabatan the latest issued version, or the current
data where none was issued)."""

import json
from dataclasses import replace

from kinerja_desktop.db.pk import PkTersimpan, read_pk_terbit
from kinerja_desktop.db.queries_nilai import kode_indikator_ke_id
from kinerja_desktop.domain.periode import tahun_
from kinerja_desktop.reports.asal_angka import AsalJabatan, read_asal_jabatan
from kinerja_desktop.reports.penandatangan import PilihanTtd
from kinerja_desktop.reports.pk_data import (
    BarisPerubahan,
    BarisPk,
    DokumenPk,
    LaporanPk,
    build_dokumen,
    dokumen_dari_json,
    teks_rupiah,
    teks_waktu,
)


def _target_satuan(b: BarisPk) -> str:
    return f"{b.target} {b.satuan}".strip()


def compare_dokumen(semula: DokumenPk, menjadi: DokumenPk) -> tuple[BarisPerubahan, ...]:
    """What changed from ``semula`` to ``menjadi``: parties, indicators (by code), targets,
    programs and their anggaran, the total."""
    hasil: list[BarisPerubahan] = []
    for apa, nama_lama, nama_baru in (
        ("Pihak pertama", semula.pihak_pertama.nama, menjadi.pihak_pertama.nama),
        ("Pihak kedua", semula.pihak_kedua.nama, menjadi.pihak_kedua.nama),
    ):
        if nama_lama != nama_baru:
            hasil.append(BarisPerubahan(apa, nama_lama, nama_baru))
    lama = {b.kode: b for b in semula.indikator}
    baru = {b.kode: b for b in menjadi.indikator}
    for kode, b in lama.items():
        if kode not in baru:
            hasil.append(BarisPerubahan(f"Indikator {b.indikator}", _target_satuan(b), "dihapus"))
    for kode, b in baru.items():
        a = lama.get(kode)
        if a is None:
            hasil.append(BarisPerubahan(f"Indikator {b.indikator}", "belum ada", _target_satuan(b)))
            continue
        if a.indikator != b.indikator:
            hasil.append(BarisPerubahan(f"Rumusan indikator {kode}", a.indikator, b.indikator))
        if _target_satuan(a) != _target_satuan(b):
            hasil.append(
                BarisPerubahan(f"Target {b.indikator}", _target_satuan(a), _target_satuan(b))
            )
    prog_lama = {(p.kode, p.nama): p for p in semula.program}
    prog_baru = {(p.kode, p.nama): p for p in menjadi.program}
    for kunci, p in prog_lama.items():
        if kunci not in prog_baru:
            hasil.append(BarisPerubahan(f"Program {p.nama}", teks_rupiah(p.anggaran), "dihapus"))
    for kunci, p in prog_baru.items():
        q = prog_lama.get(kunci)
        if q is None:
            hasil.append(BarisPerubahan(f"Program {p.nama}", "belum ada", teks_rupiah(p.anggaran)))
        elif q.anggaran != p.anggaran:
            hasil.append(
                BarisPerubahan(
                    f"Anggaran {p.nama}", teks_rupiah(q.anggaran), teks_rupiah(p.anggaran)
                )
            )
    if semula.total_anggaran != menjadi.total_anggaran:
        hasil.append(
            BarisPerubahan(
                "Jumlah anggaran",
                teks_rupiah(semula.total_anggaran),
                teks_rupiah(menjadi.total_anggaran),
            )
        )
    return tuple(hasil)


def _same_isi(a: DokumenPk, b: DokumenPk) -> bool:
    # the place and date follow the dialog's choice, not the agreement
    return replace(a, tempat_tanggal="").to_json() == replace(b, tempat_tanggal="").to_json()


def _versi(versi: list[PkTersimpan], ke: int) -> list[PkTersimpan]:
    return [v for v in versi if v.ke == ke]


def dokumen_terbit(versi: list[PkTersimpan], ke: int) -> list[DokumenPk]:
    """The agreements issued as version ``ke`` of one jabatan (one per holder), each with what
    changed against the version before it."""
    semula = None
    waktu_semula = ""
    for v in _versi(versi, ke - 1):
        semula = dokumen_dari_json(json.dumps(json.loads(v.isi)[0]))
        waktu_semula = v.waktu
    hasil = []
    for v in _versi(versi, ke):
        for d in json.loads(v.isi):
            dok = dokumen_dari_json(json.dumps(d))
            hasil.append(
                replace(
                    dok,
                    ke=v.ke,
                    waktu_terbit=v.waktu,
                    alasan=v.alasan,
                    perubahan=compare_dokumen(semula, dok) if semula is not None else (),
                    waktu_semula=waktu_semula,
                )
            )
    return hasil


def terbit_json(dokumen: list[DokumenPk]) -> str:
    """The JSON stored when a jabatan's agreements (one per holder) are issued."""
    return json.dumps([json.loads(d.to_json()) for d in dokumen], ensure_ascii=False)


def is_as_issued(versi: list[PkTersimpan], sekarang: list[DokumenPk]) -> bool:
    """Whether the current agreements of a jabatan are what was last issued (the place and
    date aside, which the print dialog chooses)."""
    terakhir = dokumen_terbit(versi, max(v.ke for v in versi))
    return len(terakhir) == len(sekarang) and all(
        _same_isi(a, b) for a, b in zip(terakhir, sekarang, strict=True)
    )


def build_pk_report(
    tahun: int,
    jabatan_kode: str | None = None,
    ttd: PilihanTtd | None = None,
    awal: bool = False,
    asal_angka: bool = False,
) -> LaporanPk:
    """The Perjanjian Kinerja of ``tahun`` (all jabatan or ``jabatan_kode``; ``CAMAT`` for
    the Camat's own).

    Per jabatan: the latest issued version (``awal``: the first issued, the original), or the
    current data where none was issued. ``keadaan`` names the jabatan whose data changed since
    their last issue (a PK Perubahan is due). ``asal_angka`` adds the appendix saying where
    the year's realisasi of each agreement's indicators came from.
    """
    struktur, terkini = build_dokumen(tahun, jabatan_kode, ttd)
    terbit = read_pk_terbit(tahun)
    dokumen: list[DokumenPk] = []
    keadaan: list[str] = []
    for j, sekarang in terkini:
        versi = terbit.get(j.id, [])
        if not versi:
            dokumen += sekarang
            continue
        dokumen += dokumen_terbit(versi, 0 if awal else max(v.ke for v in versi))
        if not is_as_issued(versi, sekarang):
            keadaan.append(
                f"{j.label}: data berubah sejak PK diterbitkan "
                f"{teks_waktu(versi[-1].waktu)}; terbitkan PK Perubahan agar tercetak."
            )
    asal = _asal(tahun, dokumen) if asal_angka else ()
    return LaporanPk(tahun, struktur.kecamatan, tuple(dokumen), tuple(keadaan), asal)


def _asal(tahun: int, dokumen: list[DokumenPk]) -> AsalJabatan:
    """The "asal angka" of each agreement's indicators (once per jabatan), over the year."""
    ke_id = kode_indikator_ke_id(tahun)
    kelompok = []
    sudah = set()
    for d in dokumen:
        if d.kode_jabatan in sudah:
            continue
        sudah.add(d.kode_jabatan)
        indikator = [(ke_id[b.kode], b.kode, b.indikator) for b in d.indikator if b.kode in ke_id]
        kelompok.append((d.nama_jabatan, indikator))
    return read_asal_jabatan(kelompok, tahun_(tahun))
