"""Desa workbooks in: guard, identify, validate every input cell, preview, apply, log.

:func:`check_berkas_desa` never writes: it returns a :class:`PratinjauBerkas` saying what the
file would change (new, changed old -> new, removed, unchanged) or why it is refused (the whole
file, or each invalid cell with its sheet, cell and reason). :func:`apply_berkas` writes one
checked file in one transaction through :mod:`kinerja_desktop.db.ops_nilai`, logging it as an
import batch and keeping a copy of the original in the database's own import folder.

Long because identifying a workbook, reading every input cell with a refusal naming its cell,
previewing and applying belong to one import; the file guard and the cell reader are in guard
and xlsx_reader.
"""

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kinerja_desktop.db.archive import stored_file
from kinerja_desktop.db.backup import ALASAN_IMPOR, backup_before, bound_local_path
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.connection import explain_bound_failure
from kinerja_desktop.db.models import (
    SUMBER_IMPOR_DESA,
    Desa,
    ImporBatch,
    Indikator,
    Kantor,
)
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    KunciNilai,
    Lokasi,
    NilaiMasuk,
    NilaiTertulis,
    Rencana,
    apply_plan,
    komponen_baris,
    plan_values,
)
from kinerja_desktop.domain.capaian import Komponen, angka
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid, KinerjaError
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
    judul_kolom,
)
from kinerja_desktop.exchange.guard import BukuKerjaMentah, check_berkas
from kinerja_desktop.exchange.import_copies import dengan_salinan
from kinerja_desktop.exchange.refusal import BerkasDitolak
from kinerja_desktop.exchange.xlsx_reader import (
    CellKind,
    Lembar,
    PembacaXlsx,
    WorkbookCell,
    nama_sel,
)
from kinerja_desktop.fileio import explain_os_error

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


@dataclass(frozen=True)
class PerubahanNilai:
    """One value the file would change, for the preview."""

    kode: str
    periode: str
    lama: str | None  # None: no data before
    baru: str | None  # None: the value is removed
    nama: str = ""  # the indicator's name, so that a line reads without the code list

    def kalimat(self) -> str:
        """ "+ KASI-KESOS.01 Jumlah kegiatan … — Januari 2020: 5" or
        "~ … — Maret 2020: 3 → kosong (dihapus)"."""
        label = parse_periode(self.periode).label
        apa = f"{self.kode} {self.nama} — {label}" if self.nama else f"{self.kode} {label}"
        if self.lama is None:
            return f"+ {apa}: {self.baru}"
        return f"~ {apa}: {self.lama} → {self.baru or 'kosong (dihapus)'}"


@dataclass(frozen=True)
class PratinjauBerkas:
    """What importing one file would do, or why it is refused. Nothing is written.

    Immutable: each step (check, plan, refusal) returns a new preview, so the preview the
    operator was shown is exactly the one applied (:func:`apply_previews`).
    """

    path: Path
    sha256: str = ""
    kode_desa: str = ""
    nama_desa: str = ""
    tahun: int | None = None
    periode: str = ""
    penolakan: str | None = None  # the whole file is refused: the reason
    masalah: tuple[MasalahSel, ...] = ()
    rencana: Rencana | None = field(default=None, repr=False, compare=False)
    baru: tuple[PerubahanNilai, ...] = ()
    diubah: tuple[PerubahanNilai, ...] = ()  # removals included (baru None)
    sama: int = 0  # values equal to the stored ones
    belum_diisi: int = 0  # empty cells with nothing stored: no value, not "the same"
    dilewati: tuple[str, ...] = ()  # values of approved periods: why
    sudah_diimpor: str | None = None  # "impor nomor 3 pada 29 November 2026 01.38": seen before
    sudah_diimpor_pada: str | None = None  # "29 November 2026 01.38", for the window
    _buku: BukuKerjaMentah | None = field(default=None, repr=False, compare=False)
    _masuk: tuple[NilaiMasuk, ...] = field(default=(), repr=False)
    _desa_id: int | None = field(default=None, repr=False)
    _kode: Mapping[int, str] = field(default_factory=dict, repr=False, compare=False)
    _nama: Mapping[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def nama(self) -> str:
        """The file's name as the operator knows it."""
        return self.path.name

    @property
    def ditolak(self) -> bool:
        """Whether the file cannot be applied."""
        return self.penolakan is not None or bool(self.masalah)

    @property
    def ada_perubahan(self) -> bool:
        """Whether applying would change any stored value."""
        return bool(self.baru or self.diubah)

    def ringkasan(self) -> str:
        """One Indonesian line: the desa and period with the counts, or the refusal."""
        if self.penolakan is not None:
            return f"{self.nama}: DITOLAK. {self.penolakan}"
        if self.masalah:
            return (
                f"{self.nama}: DITOLAK, {len(self.masalah)} sel tidak valid; tidak ada nilai "
                "yang disimpan dari berkas ini."
            )
        dihapus = sum(1 for p in self.diubah if p.baru is None)
        hapus = f" (termasuk {dihapus} dihapus)" if dihapus else ""
        kepala = f"{self.nama}: {self.judul()}: "
        lewat = self.rencana is not None and len(self.rencana.dilewati)
        terkunci = f", {lewat} dilewati karena periodenya sudah disetujui" if lewat else ""
        kosong = f", {self.belum_diisi} sel belum diisi" if self.belum_diisi else ""
        if not self.ada_perubahan:
            if self.sudah_diimpor_pada:
                return kepala + (
                    f"tidak ada perubahan: berkas ini sudah diimpor pada "
                    f"{self.sudah_diimpor_pada} ({self.sama} nilai sudah sama{kosong}{terkunci})."
                )
            return kepala + f"tidak ada perubahan ({self.sama} nilai sudah sama{kosong}{terkunci})."
        return kepala + (
            f"{len(self.baru)} baru, {len(self.diubah)} diubah{hapus}, {self.sama} sama"
            f"{kosong}{terkunci}."
        )

    def judul(self) -> str:
        """ "Desa Kemiri (35.07.13.2001), Tahun 2026"."""
        label = parse_periode(self.periode).label if self.periode else ""
        return f"{self.nama_desa} ({self.kode_desa}), {label}"


@dataclass(frozen=True)
class ImporBerkas:
    """One applied file (carried by its :class:`Hasil`): its preview, its batch in the import
    log and the kept copy (both None when the file changed nothing)."""

    pratinjau: PratinjauBerkas
    batch_id: int | None
    berkas_simpan: Path | None


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
class _Identitas:
    desa: Desa
    tahun: int
    periode: str
    kolom: tuple[str, ...]
    baris: tuple[tuple[str, str], ...]  # (kode, komponen)
    indikator: dict[str, Indikator]


def _identifikasi(
    path: Path, baca: PembacaXlsx, tahun_harap: int | None, desa_harap: str | None
) -> _Identitas:
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
        checksum = checksum_struktur(
            VERSI_TEMPLAT,
            meta.get("kode_desa", ""),
            tahun,
            meta.get("periode", ""),
            kolom,
            tuple(":".join(b) for b in baris),
        )
    except ValueError:
        checksum = ""
    if not checksum or checksum != meta.get("checksum") or any(len(b) != 2 for b in baris):
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
    return _Identitas(desa, tahun, p.id, kolom, baris, indikator)  # type: ignore[arg-type]


def _check_bentuk(path: Path, isian: Lembar, ident: _Identitas) -> None:
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


def _read_values(isian: Lembar, ident: _Identitas) -> tuple[list[NilaiMasuk], list[MasalahSel]]:
    """Every input cell, checked: the values to plan and the invalid cells."""
    masuk: list[NilaiMasuk] = []
    masalah: list[MasalahSel] = []
    # percentage rows come in pairs; gather both before building the value
    pasangan: dict[tuple[str, str], dict[str, tuple[float | None, str]]] = {}
    for i, (kode, komponen) in enumerate(ident.baris):
        r = BARIS_DATA_AWAL + i
        ind = ident.indikator[kode]
        for j, periode in enumerate(ident.kolom):
            c = KOLOM_BULAN_AWAL + j
            ref = nama_sel(r, c)
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


def _display(komponen: Komponen | None) -> str | None:
    if komponen is None:
        return None
    if komponen.pembilang is not None or komponen.penyebut is not None:
        return f"{angka(komponen.pembilang or 0)}/{angka(komponen.penyebut or 0)}"
    return angka(komponen.nilai) if komponen.nilai is not None else None


def _check_isi(
    path: Path | str, tahun: int | None = None, kode_desa: str | None = None
) -> PratinjauBerkas:
    """Guard, identify and read every input cell of one file; no comparison with the database."""
    path = Path(path)
    hasil = PratinjauBerkas(path)
    try:
        buku = check_berkas(path)
        hasil = replace(hasil, sha256=buku.sha256, _buku=buku)
        baca = PembacaXlsx(buku)
        ident = _identifikasi(path, baca, tahun, kode_desa)
        hasil = replace(
            hasil,
            kode_desa=ident.desa.kode,
            nama_desa=nama_desa_lengkap(ident.desa.jenis, ident.desa.nama),
            tahun=ident.tahun,
            periode=ident.periode,
        )
        isian = baca.lembar(LEMBAR_ISIAN)
        assert isian is not None
        _check_bentuk(path, isian, ident)
    except BerkasDitolak as exc:
        return replace(hasil, penolakan=exc.alasan)
    masuk, masalah = _read_values(isian, ident)
    return replace(
        hasil,
        _masuk=tuple(masuk),
        masalah=tuple(masalah),
        _desa_id=ident.desa.id,
        _kode={i.id: k for k, i in ident.indikator.items()},
        _nama={i.id: " ".join(i.nama.split()) for i in ident.indikator.values()},
    )


def _with_plan(hasil: PratinjauBerkas, rencana: Rencana) -> PratinjauBerkas:
    """``hasil`` with the plan: what it would change, or the refused cells."""
    masalah = hasil.masalah + tuple(
        MasalahSel(LEMBAR_ISIAN, p.lokasi.sel or "-", p.alasan) for p in rencana.ditolak
    )
    if masalah:
        return replace(hasil, masalah=masalah)
    kode, nama = hasil._kode, hasil._nama
    baru = tuple(
        PerubahanNilai(
            kode[m.kunci.indikator_id],
            m.kunci.periode,
            None,
            _display(m.komponen),
            nama.get(m.kunci.indikator_id, ""),
        )
        for m in rencana.baru
    )
    diubah = tuple(
        PerubahanNilai(
            kode[m.kunci.indikator_id],
            m.kunci.periode,
            _display(komponen_baris(lama.baris)),
            _display(m.komponen),
            nama.get(m.kunci.indikator_id, ""),
        )
        for m, lama in rencana.diubah + rencana.dihapus
    )
    sebelumnya = (
        ImporBatch.select()
        .where(
            (ImporBatch.sha256 == hasil.sha256)
            & (ImporBatch.jenis == "desa")
            & ImporBatch.dibatalkan.is_null()
        )
        .order_by(ImporBatch.id.desc())
        .first()
    )
    sudah = pada = None
    if sebelumnya is not None:
        pada = format_waktu(sebelumnya.waktu)
        sudah = f"impor nomor {sebelumnya.id} pada {pada}"
    return replace(
        hasil,
        rencana=rencana,
        baru=baru,
        diubah=diubah,
        sama=len(rencana.sama),
        dilewati=tuple(rencana.alasan_dilewati()),
        belum_diisi=len(rencana.belum_diisi),
        sudah_diimpor=sudah,
        sudah_diimpor_pada=pada,
    )


def _split_by_desa(rencana: Rencana) -> dict[int | None, Rencana]:
    """A plan split by desa, in one pass."""
    hasil: dict[int | None, Rencana] = {}

    def bagian(m: NilaiMasuk) -> Rencana:
        return hasil.setdefault(m.kunci.desa_id, Rencana())

    for m in rencana.baru:
        bagian(m).baru.append(m)
    for m in rencana.sama:
        bagian(m).sama.append(m)
    for m in rencana.belum_diisi:
        bagian(m).belum_diisi.append(m)
    for m, c in rencana.diubah:
        bagian(m).diubah.append((m, c))
    for m, c in rencana.dihapus:
        bagian(m).dihapus.append((m, c))
    for m, alasan in rencana.dilewati:
        bagian(m).dilewati.append((m, alasan))
    return hasil


def _plan_all(semua: Sequence[PratinjauBerkas]) -> list[PratinjauBerkas]:
    """The previews compared with the database, in as few queries as possible.

    Files of different desa are planned together (one read of the stored values); two files of
    the same desa, or a plan with refusals the cell checks did not catch, are planned file by
    file so that every refusal lands on its own file.
    """
    kelompok: list[list[int]] = []  # indexes into semua
    for n, p in enumerate(semua):
        if p.ditolak:
            continue
        tempat = next(
            (k for k in kelompok if all(semua[q]._desa_id != p._desa_id for q in k)), None
        )
        if tempat is None:
            kelompok.append([n])
        else:
            tempat.append(n)
    hasil = list(semua)
    for k in kelompok:
        rencana = plan_values([m for n in k for m in semua[n]._masuk])
        if rencana.ditolak and len(k) > 1:
            for n in k:
                hasil[n] = _with_plan(semua[n], plan_values(semua[n]._masuk))
            continue
        per_desa = {semua[k[0]]._desa_id: rencana} if len(k) == 1 else _split_by_desa(rencana)
        for n in k:
            hasil[n] = _with_plan(semua[n], per_desa.get(semua[n]._desa_id, Rencana()))
    return hasil


def _refuse_overlaps(semua: Sequence[PratinjauBerkas]) -> list[PratinjauBerkas]:
    """Refuse every file of a run that shares a desa and a month with another file of it.

    Which one should win is not for the application to guess (the later name? the later
    save?): applied one after the other, the second would overwrite or delete the first's
    values. Both are refused, each naming the others, and the operator imports the right one
    alone. The dry run and the real run refuse the same files.
    """
    bulan: dict[tuple[int | None, str], list[PratinjauBerkas]] = {}
    for p in semua:
        if p.ditolak:
            continue
        for b in parse_periode(p.periode).bulan:
            bulan.setdefault((p._desa_id, f"{p.tahun}{b:02d}"), []).append(p)
    bentrok: dict[int, list[PratinjauBerkas]] = {}
    for kelompok in bulan.values():
        if len(kelompok) > 1:
            for p in kelompok:
                lain = bentrok.setdefault(id(p), [])
                lain += [q for q in kelompok if q is not p and q not in lain]
    hasil = []
    for p in semua:
        if id(p) not in bentrok:
            hasil.append(p)
            continue
        nama = [q.nama for q in sorted([p, *bentrok[id(p)]], key=lambda q: q.nama)]
        daftar = ", ".join(nama[:-1]) + " dan " + nama[-1]
        alasan = (
            f"{daftar} sama-sama berisi isian {p.nama_desa} ({p.kode_desa}) untuk bulan yang "
            "sama, sehingga tidak jelas isian mana yang berlaku. Tidak ada yang diimpor dari "
            "berkas-berkas itu: impor hanya berkas yang benar (mis. perbaikan terakhir dari "
            "desa), sendiri."
        )
        hasil.append(replace(p, penolakan=alasan))
    return hasil


def _replan(p: PratinjauBerkas) -> PratinjauBerkas:
    """``p`` compared again with what is stored now."""
    kosong = replace(
        p,
        rencana=None,
        baru=(),
        diubah=(),
        sama=0,
        belum_diisi=0,
        dilewati=(),
        sudah_diimpor=None,
        sudah_diimpor_pada=None,
    )
    return _plan_all([kosong])[0]


def check_berkas_desa(
    path: Path | str, tahun: int | None = None, kode_desa: str | None = None
) -> PratinjauBerkas:
    """Check one desa workbook and say what importing it would change; write nothing.

    ``tahun`` and ``kode_desa``, when given, are what the operator expects: a workbook for
    another year or desa is refused. Refusals are returned in the preview, never raised.
    """
    return _plan_all([_check_isi(path, tahun, kode_desa)])[0]


def apply_berkas(pratinjau: PratinjauBerkas) -> Hasil[ImporBerkas]:
    """Apply one checked file in one transaction and log it as an import batch, keeping a
    copy of the file in the database's import folder (:mod:`.import_copies`).

    A file that changes nothing writes nothing (``batch_id`` None).

    Raises :class:`DataTidakValid` for a refused file (nothing is written).
    """
    if pratinjau.ditolak or pratinjau.rencana is None:
        raise DataTidakValid(pratinjau.ringkasan())
    if not pratinjau.ada_perubahan:
        # like db.ops_nilai.terapkan: a file that changes nothing leaves no batch and no copy, so
        # the log lists only imports that can be undone
        tetap = Perubahan(f"{pratinjau.nama}: tidak ada nilai yang berubah.")
        return Hasil(tetap, ImporBerkas(pratinjau, None, None))
    assert pratinjau._buku is not None
    rencana = pratinjau.rencana
    desa = Desa.get(Desa.kode == pratinjau.kode_desa)
    diterapkan: list[Hasil[NilaiTertulis]] = []

    def tulis(berkas_simpan: str) -> int | None:
        info = BatchInfo(
            nama_berkas=pratinjau.nama,
            sha256=pratinjau.sha256,
            jenis="desa",
            sumber=SUMBER_IMPOR_DESA,
            desa_id=desa.id,
            tahun=pratinjau.tahun,
            periode=pratinjau.periode,
            berkas_simpan=berkas_simpan,
        )
        diterapkan.append(apply_plan(rencana, SUMBER_IMPOR_DESA, info))
        return diterapkan[-1].data.batch_id

    batch_id = dengan_salinan(pratinjau.nama, pratinjau.sha256, pratinjau._buku.isi, tulis)
    batch = ImporBatch.get_by_id(batch_id) if batch_id is not None else None
    salinan = stored_file(bound_local_path(), batch.berkas_simpan) if batch is not None else None
    return Hasil(diterapkan[-1].perubahan, ImporBerkas(pratinjau, batch_id, salinan))


def import_berkas_desa(
    paths: Sequence[Path | str],
    coba: bool = False,
    tahun: int | None = None,
    kode_desa: str | None = None,
    kemajuan: Callable[[int, int, str], None] | None = None,
) -> tuple[list[PratinjauBerkas], list[Hasil[ImporBerkas]]]:
    """Check every file, then (unless ``coba``) apply each accepted one in its own transaction.

    A refused file never stops the others. A backup is taken once before the first write.
    Returns the previews and the applied results.
    """
    total = len(paths) * (1 if coba else 2)
    diperiksa = []
    for i, path in enumerate(paths):
        if kemajuan:
            kemajuan(i, total, f"Memeriksa {Path(path).name}")
        diperiksa.append(_check_isi(path, tahun, kode_desa))
    pratinjau = _plan_all(_refuse_overlaps(diperiksa))
    if coba:
        return pratinjau, []
    return _apply_all(pratinjau, kemajuan, len(paths), total)


def apply_previews(
    pratinjau: Sequence[PratinjauBerkas],
    kemajuan: Callable[[int, int, str], None] | None = None,
) -> tuple[list[PratinjauBerkas], list[Hasil[ImporBerkas]]]:
    """Apply exactly what ``pratinjau`` showed the operator, without reading the files again.

    A file whose bytes on the stick are no longer the ones checked (saved again, replaced,
    removed), or whose desa's stored values changed since the check so that the shown changes
    are no longer what would happen, is refused with the reason and nothing of it is written;
    the operator checks it again. Returns the previews (refusals added) and the results.
    """
    semua = [p if p.ditolak else _refuse_if_changed(p) for p in pratinjau]
    return _apply_all(semua, kemajuan, 0, len(semua))


def _refuse_if_changed(p: PratinjauBerkas) -> PratinjauBerkas:
    """``p`` as it will be applied, or refused when the file or the stored values changed."""
    try:
        isi = p.path.read_bytes()
    except OSError as exc:
        return replace(p, penolakan=explain_os_error(exc, p.path).pesan)
    if hashlib.sha256(isi).hexdigest() != p.sha256:
        return replace(
            p,
            penolakan="berkas ini berubah sejak diperiksa (disimpan lagi atau diganti di "
            "flashdisk). Periksa lagi, lalu impor hasil pemeriksaan yang baru.",
        )
    sekarang = _replan(p)
    if not sekarang.ditolak and (sekarang.baru, sekarang.diubah, sekarang.sama) != (
        p.baru,
        p.diubah,
        p.sama,
    ):
        return replace(
            p,
            penolakan=f"nilai {p.nama_desa} yang tersimpan berubah sejak berkas ini diperiksa, "
            "jadi perubahan yang ditampilkan tidak lagi tepat. Periksa lagi, lalu impor.",
        )
    return sekarang


def _apply_all(
    pratinjau: list[PratinjauBerkas],
    kemajuan: Callable[[int, int, str], None] | None,
    sudah: int,
    total: int,
) -> tuple[list[PratinjauBerkas], list[Hasil[ImporBerkas]]]:
    """Apply every file not refused, each in its own transaction, after one backup; return the
    previews as applied (refusals added) and the results."""
    hasil: list[Hasil[ImporBerkas]] = []
    akhir = list(pratinjau)
    if any(p.ada_perubahan for p in akhir if not p.ditolak):
        backup_before(ALASAN_IMPOR)
    desa_ditulis: set[int | None] = set()
    langkah = 0
    for n, p in enumerate(pratinjau):
        if p.ditolak:
            continue
        if kemajuan:
            kemajuan(sudah + langkah, total, f"Menyimpan {p.nama}")
        langkah += 1
        if p._desa_id in desa_ditulis:
            # an earlier file of this run changed the same desa: compare again with what is
            # stored now, so this file's preview and batch tell what it really changes
            p = akhir[n] = _replan(p)
            if p.ditolak:
                continue
        desa_ditulis.add(p._desa_id)
        try:
            hasil.append(apply_berkas(p))
        except KinerjaError as exc:
            akhir[n] = replace(p, penolakan=exc.pesan)
        except Exception as exc:
            # a full disk half-way: this file was rolled back and the files before it are
            # saved; say both rather than only the failure, and stop (the next file would
            # meet the same disk)
            explained = explain_bound_failure(exc)
            if explained is None:
                raise
            akhir[n] = replace(p, penolakan=f"{explained.pesan} Berkas ini tidak disimpan.")
            for m in range(n + 1, len(akhir)):
                if not akhir[m].ditolak:
                    berhenti = f"Belum diimpor karena impor berhenti pada {p.nama}."
                    akhir[m] = replace(akhir[m], penolakan=berhenti)
            break
    return akhir, hasil


def berkas_di_folder(folder: Path) -> list[Path]:
    """The .xlsx files of a folder (a USB stick), skipping Excel's ``~$`` lock files."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith(("~$", "."))
    )
