"""Writing a pegawai's SKP plan: drawing it from the jabatan's IKI, editing its rencana hasil
kerja, and the atasan's expectation of each core value.

The evaluation of a period is in :mod:`ops_skp_evaluasi`, removing an SKP or a row of its plan
(and the undo of that) in :mod:`skp_removal`. Every operation runs in one transaction
with its audit entries (``jenis`` "skp", the jabatan and the period named) and returns a
:class:`Perubahan`.
"""

import json
from typing import Any

from peewee import JOIN

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    Indikator,
    Jabatan,
    NilaiTarget,
    Pegawai,
    Pemangku,
    Sasaran,
    Skp,
    SkpHasilKerja,
    SkpPerilaku,
    database_proxy,
)
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.db.skp_aturan import JENIS_AUDIT
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import JenisPeriode, Periode, parse_periode
from kinerja_desktop.domain.skp import PERILAKU, PERILAKU_KODE, Aspek, Bagian
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.domain.value_text import format_angka
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

AKSI_SKP = "skp"

KOLOM_HASIL_KERJA = ("rhk_atasan", "rhk", "aspek", "indikator", "target", "satuan")
"""The editable texts of a rencana hasil kerja row, in the order of the SKP form."""

_LABEL_KOLOM = {
    "rhk_atasan": "Rencana hasil kerja atasan yang diintervensi",
    "rhk": "Rencana hasil kerja",
    "aspek": "Aspek",
    "indikator": "Indikator kinerja individu",
    "target": "Target",
    "satuan": "Satuan",
}


def require_skp(skp_id: int) -> Skp:
    """The SKP with ``skp_id``; refused in Indonesian when it is gone."""
    skp = Skp.get_or_none(Skp.id == skp_id)
    if skp is None:
        raise TidakDitemukan("SKP ini sudah tidak ada (mungkin dihapus di jendela lain).")
    return skp


def log_skp(
    skp: Skp,
    catatan: str,
    lama: Any = None,
    baru: Any = None,
    periode: str = "",
    aksi: str = AKSI_SKP,
) -> None:
    """Log a change of ``skp`` (in the caller's transaction): what, old → new (text or JSON),
    the period (default: the year); ``aksi`` "hapus" and "tambah" for a removal and the
    putting back of one, as every removal is logged."""

    def teks(x: Any) -> str | None:
        if x is None or isinstance(x, str):
            return x
        return json.dumps(x, ensure_ascii=False, sort_keys=True)

    record_entries(
        [
            Entri(
                aksi,
                JENIS_AUDIT,
                teks(lama),
                teks(baru),
                jabatan_id=skp.jabatan_id,
                periode=periode or str(skp.tahun_id),
                catatan=f"SKP {skp.pegawai.nama}: {catatan}",
            )
        ],
        sekarang(),
        pengguna_aktif().nama,
    )


def perubahan_skp(pesan: str, skp: Skp) -> Perubahan:
    """The change record of an SKP operation."""
    return Perubahan(pesan=pesan, tahun=skp.tahun_id)


def periode_skp(skp: Skp, periode: str) -> Periode:
    """``periode`` checked as a period of the SKP's evaluation: a triwulan of its year, or the
    year itself."""
    p = parse_periode(periode)
    if p.tahun != skp.tahun_id or p.jenis not in (JenisPeriode.TAHUN, JenisPeriode.TRIWULAN):
        raise DataTidakValid(
            f"Periode evaluasi SKP tahun {skp.tahun_id} adalah triwulan ({skp.tahun_id}Q1 … "
            f"{skp.tahun_id}Q4) atau tahunan ({skp.tahun_id}), bukan {periode}."
        )
    return p


# -- drawing the plan from the IKI ---------------------------------------------------------


def aspek_bawaan(jenis: Jenis) -> Aspek:
    """The aspek an IKI indicator measures by default: a count its quantity, a percentage or
    attendance its quality (the operator changes it where the form says otherwise)."""
    return Aspek.KUANTITAS if jenis is Jenis.JUMLAH else Aspek.KUALITAS


def _teks_target(target: Target | None) -> str:
    if target is None:
        return ""
    nilai = format_angka(target.nilai)
    if target.atas is not None:
        nilai = f"{nilai}–{format_angka(target.atas)}"
    return nilai


def _rencana_dari_iki(jabatan: Jabatan) -> list[dict[str, Any]]:
    """The Utama rows of a new SKP: one per IKI indicator of ``jabatan``, its sasaran as the
    result, the atasan's sasaran in the same place (else its first) as the intervened one."""
    sasaran_atasan: list[str] = []
    if jabatan.atasan_id is not None:
        sasaran_atasan = [
            t
            for (t,) in Sasaran.select(Sasaran.teks)
            .where(Sasaran.jabatan == jabatan.atasan_id)
            .order_by(Sasaran.urutan)
            .tuples()
            .iterator()
        ]
    query = (
        Indikator.select(
            Indikator.id,
            Indikator.nama,
            Indikator.satuan,
            Indikator.jenis,
            Sasaran.teks,
            Sasaran.urutan,
            NilaiTarget.nilai,
            NilaiTarget.nilai_atas,
        )
        .join(Sasaran)
        .switch(Indikator)
        .join(
            NilaiTarget,
            on=(
                (NilaiTarget.indikator == Indikator.id)
                & (NilaiTarget.periode == str(jabatan.tahun_id))
            ),
            join_type=JOIN.LEFT_OUTER,
        )
        .where(Sasaran.jabatan == jabatan.id)
        .order_by(Sasaran.urutan, Indikator.urutan)
        .tuples()
        .iterator()
    )
    rows: list[dict[str, Any]] = []
    posisi: dict[str, int] = {}
    for ind, nama, satuan, jenis, sasaran, _, nilai, atas in query:
        ke = posisi.setdefault(sasaran, len(posisi))
        atasan = ""
        if sasaran_atasan:
            atasan = sasaran_atasan[ke] if ke < len(sasaran_atasan) else sasaran_atasan[0]
        target = None if nilai is None else Target(nilai, atas)
        rows.append(
            {
                "bagian": Bagian.UTAMA.value,
                "urutan": len(rows),
                "rhk_atasan": atasan,
                "rhk": sasaran,
                "aspek": aspek_bawaan(Jenis(jenis)).value,
                "indikator": nama,
                "target": _teks_target(target),
                "satuan": satuan,
                "iki": ind,
            }
        )
    return rows


def add_skp(pegawai_id: int, tahun: int, jabatan_id: int | None = None) -> Hasil[int]:
    """Draw the SKP of a pegawai for ``tahun`` from the IKI of the jabatan held (``jabatan_id``
    when several are held), with the seven core values, each with no expectation yet."""
    require_year(tahun)
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        raise TidakDitemukan("Pegawai ini sudah tidak tercatat.")
    held = list(
        Jabatan.select()
        .join(Pemangku)
        .where((Pemangku.pegawai == pegawai_id) & (Jabatan.tahun == tahun))
        .order_by(Jabatan.urutan)
    )
    if jabatan_id is not None:
        held = [j for j in held if j.id == jabatan_id]
    if not held:
        raise DataTidakValid(
            f"{pegawai.nama} tidak tercatat sebagai pemangku jabatan mana pun tahun {tahun}. "
            "Catat dulu di tab Pemangku jabatannya."
        )
    if len(held) > 1:
        raise DataTidakValid(
            f"{pegawai.nama} memangku {len(held)} jabatan tahun {tahun} "
            f"({', '.join(j.nama for j in held)}); pilih jabatan untuk SKP-nya."
        )
    jabatan = held[0]
    with database_proxy.atomic():
        if Skp.select().where((Skp.pegawai == pegawai_id) & (Skp.tahun == tahun)).exists():
            raise DataTidakValid(f"SKP {pegawai.nama} tahun {tahun} sudah ada.")
        skp = Skp.create(pegawai=pegawai_id, jabatan=jabatan.id, tahun=tahun, dibuat=sekarang())
        rows = _rencana_dari_iki(jabatan)
        for row in rows:
            SkpHasilKerja.create(skp=skp.id, **row)
        SkpPerilaku.insert_many(
            [{"skp": skp.id, "perilaku": p.kode, "ekspektasi": ""} for p in PERILAKU]
        ).execute()
        log_skp(skp, f"dibuat dari IKI {jabatan.nama} ({len(rows)} rencana hasil kerja)")
    pesan = f"SKP {pegawai.nama} tahun {tahun} dibuat dari IKI {jabatan.nama}."
    return Hasil(perubahan_skp(pesan, skp), skp.id)


# -- the plan ------------------------------------------------------------------------------


def _check_kolom(kolom: str, nilai: str) -> str:
    if kolom not in KOLOM_HASIL_KERJA:
        raise DataTidakValid(f"Kolom {kolom} tidak dikenal.")
    if kolom == "aspek":
        try:
            return Aspek(nilai.strip().lower()).value
        except ValueError:
            raise DataTidakValid(
                f"Aspek {nilai!r} tidak dikenal; pilih kuantitas, kualitas, waktu atau biaya."
            ) from None
    wajib = kolom in ("rhk", "indikator")
    satu_baris = kolom in ("target", "satuan")
    return check_teks(nilai, _LABEL_KOLOM[kolom], wajib=wajib, satu_baris=satu_baris)


def add_hasil_kerja(skp_id: int, bagian: Bagian, isi: dict[str, str]) -> Hasil[int]:
    """Add a rencana hasil kerja typed by hand (no IKI link) at the end of ``bagian``."""
    bersih = {k: _check_kolom(k, v) for k, v in isi.items()}
    for wajib in ("rhk", "indikator"):
        if not bersih.get(wajib):
            raise DataTidakValid(f"{_LABEL_KOLOM[wajib]} tidak boleh kosong.")
    bersih.setdefault("aspek", Aspek.KUANTITAS.value)
    with database_proxy.atomic():
        skp = require_skp(skp_id)
        urutan = (
            SkpHasilKerja.select(SkpHasilKerja.urutan)
            .where(SkpHasilKerja.skp == skp_id)
            .order_by(SkpHasilKerja.urutan.desc())
            .scalar()
        )
        row = SkpHasilKerja.create(
            skp=skp_id, bagian=bagian.value, urutan=(urutan or 0) + 1, **bersih
        )
        log_skp(skp, f"rencana hasil kerja ditambahkan ({bagian.label})", baru=bersih)
    return Hasil(perubahan_skp(f"Rencana hasil kerja ditambahkan ke {bagian.label}.", skp), row.id)


def update_hasil_kerja(hasil_kerja_id: int, perubahan: dict[str, str]) -> Hasil[None]:
    """Change texts of a rencana hasil kerja (any of :data:`KOLOM_HASIL_KERJA`)."""
    bersih = {k: _check_kolom(k, v) for k, v in perubahan.items()}
    with database_proxy.atomic():
        row = SkpHasilKerja.get_or_none(SkpHasilKerja.id == hasil_kerja_id)
        if row is None:
            raise TidakDitemukan("Rencana hasil kerja ini sudah tidak ada.")
        lama = {k: getattr(row, k) for k in bersih}
        if lama == bersih:
            return Hasil(perubahan_skp("Tidak ada yang berubah.", row.skp), None)
        SkpHasilKerja.update(**bersih).where(SkpHasilKerja.id == hasil_kerja_id).execute()
        log_skp(row.skp, "rencana hasil kerja diubah", lama=lama, baru=bersih)
    return Hasil(perubahan_skp("Rencana hasil kerja diubah.", row.skp), None)


def baris_perilaku(skp_id: int, kode: str) -> SkpPerilaku:
    """The stored row of core value ``kode`` in an SKP (made again if removed by other tools)."""
    if kode not in PERILAKU_KODE:
        raise DataTidakValid(f"Perilaku {kode!r} tidak dikenal.")
    row = SkpPerilaku.get_or_none((SkpPerilaku.skp == skp_id) & (SkpPerilaku.perilaku == kode))
    if row is None:  # a row removed with another tool: the core value is still part of the SKP
        row = SkpPerilaku.create(skp=skp_id, perilaku=kode, ekspektasi="")
    return row


def update_ekspektasi(skp_id: int, perilaku: str, teks: str) -> Hasil[None]:
    """Set the atasan's expectation (ekspektasi khusus) of one core value."""
    bersih = check_teks(teks, "Ekspektasi khusus pimpinan", wajib=False)
    with database_proxy.atomic():
        skp = require_skp(skp_id)
        row = baris_perilaku(skp_id, perilaku)
        if row.ekspektasi == bersih:
            return Hasil(perubahan_skp("Tidak ada yang berubah.", skp), None)
        lama = row.ekspektasi
        row.ekspektasi = bersih
        row.save()
        log_skp(skp, f"ekspektasi {PERILAKU_KODE[perilaku].nama}", lama=lama, baru=bersih)
    return Hasil(perubahan_skp(f"Ekspektasi {PERILAKU_KODE[perilaku].nama} disimpan.", skp), None)
