"""Reading a filled desa workbook: is it our template (for which desa, year, period and
version), is its shape untouched, and every input cell as a value to store or a refusal naming
its sheet, cell and reason. Nothing here compares with the database; the import
(:mod:`kinerja_desktop.exchange.desa_import`) plans and applies what is read.

A row of an indicator reported per triwulan (listed under ``triwulanan`` in ``_meta``) is read
in the month that ends each triwulan only, as the desa saw it open. Its grey months are no
input: a figure there, or a recorded one changed there, refuses the file naming the cell and
where the triwulan's figure goes, rather than being taken as a part of the triwulan to add or
as its whole (the workbook asked for one figure, in one place; which of the two the desa meant
would decide the capaian and cannot be told from the file).

Long because every way a desa can fill a cell wrongly (text, a formula, a date, a fraction, a
pair out of order, a figure in a grey triwulan month) has its own refusal naming the cell and
what to do, beside the checks of the template's identity and shape.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.db.models import (
    Desa,
    Indikator,
    Kantor,
)
from kinerja_desktop.db.ops_nilai import (
    KunciNilai,
    Lokasi,
    NilaiMasuk,
)
from kinerja_desktop.domain.capaian import Komponen, angka
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.desa_layout import (
    BARIS_DATA_AWAL,
    BARIS_JUDUL_KOLOM,
    JENIS_BERKAS,
    KOLOM_BULAN_AWAL,
    KOLOM_KODE,
    KOLOM_RINCIAN,
    KOMPONEN_NILAI,
    KOMPONEN_PEMBILANG,
    KOMPONEN_PENYEBUT,
    LEMBAR_ISIAN,
    LEMBAR_META,
    URUTAN_LEMBAR,
    VERSI_TEMPLAT,
    checksum_struktur,
    is_open,
    judul_kolom,
    tempat_triwulan,
)
from kinerja_desktop.exchange.refusal import BerkasDitolak
from kinerja_desktop.exchange.xlsx_reader import (
    CellKind,
    Lembar,
    PembacaXlsx,
    WorkbookCell,
    nama_sel,
)

_TEMPLAT_BARU = (
    "Buat templat baru (menu Data › Buat Templat Desa…) dan minta desa mengisinya, tanpa "
    "mengubah bentuknya"
)


@dataclass(frozen=True)
class MasalahSel:
    """An invalid input cell: where it is and why, in Indonesian."""

    lembar: str
    sel: str
    alasan: str

    @property
    def kalimat(self) -> str:
        """``Lembar Isian, sel G9: berisi teks "dua"; ketik angkanya saja.``"""
        return f"Lembar {self.lembar}, sel {self.sel}: {self.alasan}"


def _teks(sel: WorkbookCell | None) -> str:
    if sel is None or sel.nilai is None:
        return ""
    if sel.jenis is CellKind.ANGKA and isinstance(sel.nilai, float):
        return angka(sel.nilai)
    return str(sel.nilai).strip()


def _meta(lembar: Lembar) -> dict[str, str]:
    hasil = {}
    for (r, c), sel in lembar.sel.items():
        if c == 1:
            hasil[_teks(sel)] = _teks(lembar.sel.get((r, 2)))
    return hasil


@dataclass(frozen=True)
class Identitas:
    desa: Desa
    tahun: int
    periode: str
    kolom: tuple[str, ...]
    baris: tuple[tuple[str, str], ...]  # (kode, komponen)
    indikator: dict[str, Indikator]
    triwulanan: frozenset[str] = frozenset()  # keys "KODE:komponen" of rows open once a triwulan

    def is_open(self, kunci: str, periode: str) -> bool:
        """Did the desa see the cell of row ``kunci`` for month ``periode`` open for input?"""
        return is_open(kunci in self.triwulanan, periode)


def identify(
    path: Path, baca: PembacaXlsx, tahun_harap: int | None, desa_harap: str | None
) -> Identitas:
    """Is it our template, for which desa, year, period and version? Raise when it is not."""
    if LEMBAR_META not in baca.nama_lembar:
        raise BerkasDitolak(
            path,
            "ini bukan templat desa dari Kinerja Desktop (lembar data templat tidak ada). "
            "Desa harus mengisi templat yang dibuat kecamatan, bukan berkas buatan sendiri. "
            f"{_TEMPLAT_BARU}.",
        )
    meta_lembar = baca.lembar(LEMBAR_META)
    assert meta_lembar is not None
    meta = _meta(meta_lembar)
    if meta.get("jenis_berkas") != JENIS_BERKAS:
        raise BerkasDitolak(path, f"ini bukan templat desa dari Kinerja Desktop. {_TEMPLAT_BARU}.")
    versi = meta.get("versi_templat", "")
    if versi != str(VERSI_TEMPLAT):
        raise BerkasDitolak(
            path,
            f"templat versi {versi or '(tidak diketahui)'}, sedangkan aplikasi ini membaca "
            f"templat versi {VERSI_TEMPLAT}. {_TEMPLAT_BARU}.",
        )
    try:
        tahun = int(meta.get("tahun", ""))
        kolom = tuple(k for k in meta.get("kolom", "").split(",") if k)
        baris = tuple(tuple(k.rsplit(":", 1)) for k in meta.get("baris", "").split(";") if k)
        triwulanan = tuple(k for k in meta.get("triwulanan", "").split(";") if k)
        checksum = checksum_struktur(
            VERSI_TEMPLAT,
            meta.get("kode_desa", ""),
            tahun,
            meta.get("periode", ""),
            kolom,
            tuple(":".join(b) for b in baris),
            triwulanan,
        )
    except ValueError:
        checksum = ""
    if (
        not checksum
        or checksum != meta.get("checksum")
        or any(len(b) != 2 for b in baris)
        or not set(triwulanan) <= {":".join(b) for b in baris}
    ):
        raise BerkasDitolak(
            path,
            f"data pengenal templat (lembar tersembunyi {LEMBAR_META}) telah diubah. "
            f"{_TEMPLAT_BARU}.",
        )
    if baca.nama_lembar != list(URUTAN_LEMBAR):
        raise BerkasDitolak(
            path,
            "lembar kerja telah diganti nama, dipindah, dihapus atau ditambah (seharusnya "
            f"{', '.join(URUTAN_LEMBAR[:2])} dan satu lembar tersembunyi; ada: "
            f"{', '.join(baca.nama_lembar)}). {_TEMPLAT_BARU}.",
        )
    kode_desa = meta.get("kode_desa", "")
    desa = Desa.get_or_none(Desa.kode == kode_desa)
    kantor = Kantor.get_or_none()
    nama_kec = f"Kecamatan {kantor.kecamatan}" if kantor else "kecamatan ini"
    if desa is None:
        raise BerkasDitolak(
            path,
            f"templat ini untuk desa berkode {kode_desa} ({meta.get('nama_desa', '')}), yang "
            f"bukan desa/kelurahan {nama_kec}. Periksa apakah berkas ini salah kirim.",
        )
    if desa_harap is not None and desa.kode != desa_harap:
        raise BerkasDitolak(
            path,
            f"templat ini untuk {nama_desa_lengkap(desa.jenis, desa.nama)} ({desa.kode}), bukan "
            f"untuk desa {desa_harap} yang "
            "sedang diimpor. Periksa apakah desa mengirim berkas yang benar.",
        )
    if tahun_harap is not None and tahun != tahun_harap:
        raise BerkasDitolak(
            path,
            f"templat ini untuk tahun {tahun}, bukan tahun {tahun_harap} yang sedang diimpor. "
            "Periksa apakah desa mengisi templat tahun yang benar.",
        )
    periode = meta.get("periode", "")
    try:
        p = parse_periode(periode)
    except DataTidakValid as exc:
        raise BerkasDitolak(path, f"periode templat tidak dikenal. {_TEMPLAT_BARU}.") from exc
    bulan_p = tuple(f"{tahun}{m:02d}" for m in p.bulan)
    if p.tahun != tahun or kolom != bulan_p:
        raise BerkasDitolak(path, f"periode templat tidak cocok dengan kolomnya. {_TEMPLAT_BARU}.")
    indikator = {
        i.kode: i
        for i in Indikator.select(
            Indikator.id, Indikator.kode, Indikator.nama, Indikator.jenis, Indikator.dari_desa
        ).where((Indikator.tahun == tahun) & Indikator.kode.in_({k for k, _ in baris}))
    }
    if not indikator and baris:
        raise BerkasDitolak(
            path,
            f"tahun {tahun} tidak ada di basis data atau tidak punya indikator templat ini. "
            "Periksa apakah desa mengisi templat tahun yang benar.",
        )
    usang = []
    for kode, komponen in baris:
        ind = indikator.get(kode)
        harap = {Jenis.JUMLAH: KOMPONEN_NILAI}.get(Jenis(ind.jenis)) if ind else None
        cocok = (
            ind is not None
            and ind.dari_desa
            and (
                komponen == harap
                if harap
                else ind.jenis == Jenis.PERSENTASE
                and komponen in (KOMPONEN_PEMBILANG, KOMPONEN_PENYEBUT)
            )
        )
        if not cocok:
            usang.append(kode)
    if usang:
        raise BerkasDitolak(
            path,
            f"templat sudah usang: indikator {', '.join(sorted(set(usang)))} sudah dihapus atau "
            f"diubah di kecamatan sejak templat dibuat. {_TEMPLAT_BARU}.",
        )
    return Identitas(
        desa,
        tahun,
        p.id,
        kolom,
        baris,  # type: ignore[arg-type]
        indikator,
        frozenset(triwulanan),
    )


def check_shape(path: Path, isian: Lembar, ident: Identitas) -> None:
    """Refuse an input sheet whose rows or columns were moved, added or deleted."""
    harap_kolom = judul_kolom(ident.kolom)
    for c, label in enumerate(harap_kolom, start=1):
        ada = _teks(isian.sel.get((BARIS_JUDUL_KOLOM, c)))
        if ada != label:
            raise BerkasDitolak(
                path,
                f"kolom lembar {LEMBAR_ISIAN} telah diubah: sel {nama_sel(BARIS_JUDUL_KOLOM, c)} "
                f"berisi {ada or '(kosong)'!r}, seharusnya {label!r} (kolom ditambah, dihapus "
                f"atau dipindah). {_TEMPLAT_BARU}.",
            )
    lebih = _teks(isian.sel.get((BARIS_JUDUL_KOLOM, len(harap_kolom) + 1)))
    if lebih:
        raise BerkasDitolak(
            path,
            f"ada kolom tambahan {lebih!r} di lembar {LEMBAR_ISIAN}. {_TEMPLAT_BARU}.",
        )
    for i, (kode, komponen) in enumerate(ident.baris):
        r = BARIS_DATA_AWAL + i
        ada = _teks(isian.sel.get((r, KOLOM_KODE)))
        rincian = _teks(isian.sel.get((r, KOLOM_RINCIAN))).lower()
        salah_komponen = komponen != KOMPONEN_NILAI and not rincian.startswith(komponen)
        if ada != kode or salah_komponen:
            raise BerkasDitolak(
                path,
                f"baris lembar {LEMBAR_ISIAN} telah diubah: sel {nama_sel(r, KOLOM_KODE)} berisi "
                f"{ada or '(kosong)'!r}, seharusnya {kode!r} (baris ditambah, dihapus atau "
                f"dipindah). {_TEMPLAT_BARU}.",
            )
    r = BARIS_DATA_AWAL + len(ident.baris)
    if any(rr >= r and c == KOLOM_KODE for rr, c in isian.sel):
        raise BerkasDitolak(
            path,
            f"ada baris tambahan di bawah tabel lembar {LEMBAR_ISIAN}. {_TEMPLAT_BARU}.",
        )


def _pendek(teks: str, batas: int = 40) -> str:
    """A cell's text cut to fit in one line of a message."""
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"


_ANGKA_TEKS = re.compile(r"^-?[\d.,\s]+$")


def _angka_sel(sel: WorkbookCell | None, jumlah: bool) -> tuple[float | None, str | None]:
    """The number typed in an input cell, or the Indonesian reason it is refused."""
    if sel is None:
        return None, None
    if sel.jenis is CellKind.RUMUS:
        rumus = f" ={_pendek(sel.rumus)}" if sel.rumus else " (disalin dari sel lain)"
        return None, f"berisi rumus{rumus}; ketik angkanya saja, tanpa rumus."
    if sel.jenis is CellKind.GALAT:
        return None, f"berisi galat {sel.nilai}; ketik angkanya saja."
    if sel.jenis is CellKind.LOGIKA:
        return None, "berisi nilai benar/salah; ketik angkanya saja."
    if sel.jenis is CellKind.TANGGAL:
        return None, (
            f"berisi tanggal atau jam (tersimpan sebagai {angka(float(sel.nilai))}), bukan "  # type: ignore[arg-type]
            "angka: Excel mengubah isian seperti 6/1 atau 1-6 menjadi tanggal. Ubah format sel "
            "menjadi Umum/Angka lalu ketik angkanya saja."
        )
    if sel.jenis is CellKind.TEKS:
        teks = str(sel.nilai).strip()
        if not teks:
            return None, None
        if _ANGKA_TEKS.match(teks):
            return None, (
                f"berisi teks {_pendek(teks)!r}, bukan angka (mungkin diketik dengan tanda petik "
                "atau titik ribuan); ketik angkanya saja tanpa titik, koma atau spasi."
            )
        return None, (
            f"berisi teks {_pendek(teks)!r}; ketik angka saja (0 bila tidak ada kegiatan, "
            "kosongkan bila data belum ada)."
        )
    nilai = float(sel.nilai)  # type: ignore[arg-type]
    if nilai < 0:
        return None, f"berisi angka negatif ({angka(nilai)}); isi 0 atau lebih."
    if not nilai.is_integer():
        apa = "jumlah" if jumlah else "pembilang/penyebut"
        return None, f"berisi pecahan ({angka(nilai)}); {apa} harus bilangan bulat."
    return nilai, None


def _closed_refusal(
    sel: WorkbookCell | None,
    tercatat: float | None,
    kode: str,
    r: int,
    periode: str,
    kolom: tuple[str, ...],
) -> str | None:
    """Why the grey cell of a triwulan row for month ``periode`` refuses the file, None when
    it holds what it was given (nothing, or the value recorded there)."""
    ada: float | str | None = None  # what the cell holds, compared with what is recorded
    isi = ""  # the same as the message shows it
    if sel is not None and sel.jenis is CellKind.ANGKA:
        ada = float(sel.nilai)  # type: ignore[arg-type]
        isi = angka(ada)
    elif sel is not None and _teks(sel):
        ada = isi = _pendek(_teks(sel))
    if ada == tercatat:
        return None
    tw, tempat = tempat_triwulan(r, periode, kolom)
    aturan = f"indikator {kode} dilaporkan per triwulan, satu angka untuk {tw} di {tempat}"
    if tercatat is None:
        return (
            f"berisi {isi}, padahal sel abu-abu tidak diisi: {aturan}. Bila {isi} adalah angka "
            f"seluruh {tw}, pindahkan ke sana; lalu kosongkan sel ini dan kirim atau impor lagi."
        )
    return (
        f"angka yang tercatat di kecamatan ({angka(tercatat)}) diubah, padahal sel abu-abu "
        f"tidak diubah lewat berkas desa: {aturan}. Kembalikan sel ini menjadi "
        f"{angka(tercatat)} (perbaikan angka triwulan diketik di {tempat}), lalu kirim atau "
        "impor lagi."
    )


def read_values(
    isian: Lembar, ident: Identitas, tercatat_tutup: dict[tuple[str, str], float] | None = None
) -> tuple[list[NilaiMasuk], list[MasalahSel]]:
    """Every input cell, checked: the values to plan and the invalid cells.

    The grey cells of triwulan rows are no input; ``tercatat_tutup`` holds what is recorded in
    them ((row key, month) -> value, as the template showed it), the one thing they may hold."""
    tercatat_tutup = tercatat_tutup or {}
    masuk: list[NilaiMasuk] = []
    masalah: list[MasalahSel] = []
    # percentage rows come in pairs; gather both before building the value
    pasangan: dict[tuple[str, str], dict[str, tuple[float | None, str]]] = {}
    for i, (kode, komponen) in enumerate(ident.baris):
        r = BARIS_DATA_AWAL + i
        ind = ident.indikator[kode]
        kunci_baris = f"{kode}:{komponen}"
        for j, periode in enumerate(ident.kolom):
            c = KOLOM_BULAN_AWAL + j
            ref = nama_sel(r, c)
            if not ident.is_open(kunci_baris, periode):
                alasan_tutup = _closed_refusal(
                    isian.sel.get((r, c)),
                    tercatat_tutup.get((kunci_baris, periode)),
                    kode,
                    r,
                    periode,
                    ident.kolom,
                )
                if alasan_tutup is not None:
                    masalah.append(MasalahSel(LEMBAR_ISIAN, ref, alasan_tutup))
                continue
            nilai, alasan = _angka_sel(isian.sel.get((r, c)), komponen == KOMPONEN_NILAI)
            if alasan is not None:
                masalah.append(MasalahSel(LEMBAR_ISIAN, ref, alasan))
                continue
            kunci = KunciNilai("realisasi", ind.id, periode, ident.desa.id)
            if komponen == KOMPONEN_NILAI:
                masuk.append(
                    NilaiMasuk(
                        kunci,
                        komponen=None if nilai is None else Komponen(nilai=nilai),
                        lokasi=Lokasi.sel_buku(LEMBAR_ISIAN, ref),
                    )
                )
            else:
                pasangan.setdefault((kode, periode), {})[komponen] = (nilai, ref)
    for (kode, periode), isi in pasangan.items():
        pb, ref_pb = isi.get(KOMPONEN_PEMBILANG, (None, ""))
        py, ref_py = isi.get(KOMPONEN_PENYEBUT, (None, ""))
        if not ref_pb or not ref_py:
            continue  # one of the pair was already refused
        if (pb is None) != (py is None):
            kosong = ref_py if py is None else ref_pb
            masalah.append(
                MasalahSel(
                    LEMBAR_ISIAN,
                    kosong,
                    "kosong, padahal pasangannya diisi; isi pembilang dan penyebut keduanya, "
                    "atau kosongkan keduanya.",
                )
            )
            continue
        if pb is not None and py is not None and pb > py:
            masalah.append(
                MasalahSel(
                    LEMBAR_ISIAN,
                    ref_pb,
                    f"pembilang ({angka(pb)}) lebih besar dari penyebut ({angka(py)}) di sel "
                    f"{ref_py}.",
                )
            )
            continue
        kunci = KunciNilai("realisasi", ident.indikator[kode].id, periode, ident.desa.id)
        masuk.append(
            NilaiMasuk(
                kunci,
                komponen=None if pb is None else Komponen(pembilang=pb, penyebut=py),
                lokasi=Lokasi.sel_buku(LEMBAR_ISIAN, ref_pb),
            )
        )
    return masuk, masalah
