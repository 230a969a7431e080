"""The Perjanjian Kinerja as plain data: one agreement per jabatan and holder, read in bulk and
rendered by :mod:`pk_pdf` and :mod:`pk_xlsx`.

An agreement holds the statement (the office's text of the year, pihak pertama = the holder,
pihak kedua = the atasan's holder, the Camat, or for the Camat the Bupati as entered) and the
attachment (sasaran, indicator, target, satuan; program and anggaran with a total). The Camat's
own agreement carries the indicators of the jabatan directly under him and every program of the
year: what the kecamatan as a whole promises.

Issued agreements are frozen as JSON (db.pk); an agreement issued again after a change is a
"PK Perubahan" and lists what changed against the one issued before it. Every text is final
Indonesian text; renderers only lay it out.
"""

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from kinerja_desktop.db.pk import Naskah, read_naskah
from kinerja_desktop.db.queries_nilai import NilaiIndikator, nilai_tahun
from kinerja_desktop.db.queries_program import read_program
from kinerja_desktop.domain.anggaran import sum_anggaran
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import tahun_
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.domain.value_text import format_angka, format_rupiah
from kinerja_desktop.reports.asal_angka import AsalJabatan
from kinerja_desktop.reports.dokumen_data import (
    JabatanDokumen,
    Pihak,
    StrukturTahun,
    atasan_dari,
    pihak_kosong,
    read_struktur,
    sebutan_jabatan,
)
from kinerja_desktop.reports.penandatangan import KOSONG, PilihanTtd, penandatangan_tahun

KOSONG_SEL = "………"
"""A marked blank in a narrow table cell (a target not entered yet)."""

KOLOM_INDIKATOR = ("No", "Sasaran", "Indikator Kinerja", "Target", "Satuan")
KOLOM_PROGRAM = ("No", "Program", "Anggaran (Rp)")
KOLOM_PERUBAHAN = ("No", "Bagian", "Semula", "Menjadi")


@dataclass(frozen=True)
class BarisPk:
    """One indicator of the attachment."""

    kode: str
    indikator: str
    target: str  # "90", "80–100", or KOSONG_SEL
    satuan: str


@dataclass(frozen=True)
class SasaranPk:
    """A sasaran with its indicators (the first column spans them)."""

    teks: str
    indikator: tuple[BarisPk, ...]


@dataclass(frozen=True)
class ProgramPk:
    """A program of the attachment with its anggaran in whole Rupiah (None: not known)."""

    kode: str
    nama: str
    anggaran: int | None


@dataclass(frozen=True)
class BarisPerubahan:
    """One change against the agreement issued before: what part, was, is now."""

    bagian: str
    semula: str
    menjadi: str


@dataclass(frozen=True)
class DokumenPk:
    """One agreement between two parties, as printed.

    ``ke`` is None for an agreement not issued (the current data), 0 for the issued PK and
    1, 2, … for each PK Perubahan; ``perubahan`` lists what changed against the one before.
    """

    tahun: int
    kode_jabatan: str
    nama_jabatan: str
    kecamatan: str
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    sebutan_pihak_kedua: str  # "atasan langsung pihak pertama"
    pembuka: str
    janji: tuple[str, ...]
    tempat_tanggal: str
    sasaran: tuple[SasaranPk, ...]
    program: tuple[ProgramPk, ...]
    ke: int | None = None
    waktu_terbit: str = ""  # ISO 8601
    alasan: str = ""
    perubahan: tuple[BarisPerubahan, ...] = ()
    waktu_semula: str = ""  # when the agreement it changes was issued

    @property
    def judul(self) -> str:
        """``PERJANJIAN KINERJA TAHUN 2026``, ``… PERUBAHAN TAHUN 2026``, ``… PERUBAHAN KE-2``."""
        if not self.ke:
            return f"PERJANJIAN KINERJA TAHUN {self.tahun}"
        nomor = "" if self.ke == 1 else f" KE-{self.ke}"
        return f"PERJANJIAN KINERJA PERUBAHAN{nomor} TAHUN {self.tahun}"

    @property
    def indikator(self) -> list[BarisPk]:
        """Every indicator of the attachment in order."""
        return [b for s in self.sasaran for b in s.indikator]

    @property
    def total_anggaran(self) -> int | None:
        """The sum of the programs' anggaran; None when one is not known (or none exists)."""
        return sum_anggaran(p.anggaran for p in self.program)

    @property
    def kurang(self) -> list[str]:
        """What this agreement prints as marked blanks, in the operator's words."""
        hasil = [f"pihak pertama: {k}" for k in self.pihak_pertama.kurang]
        hasil += [f"pihak kedua ({self.pihak_kedua.jabatan}): {k}" for k in self.pihak_kedua.kurang]
        tanpa = [b.kode for b in self.indikator if b.target == KOSONG_SEL]
        if tanpa:
            hasil.append(f"target tahunan {', '.join(tanpa)}")
        if not self.program:
            hasil.append("program dan anggaran")
        tanpa_anggaran = [p.nama for p in self.program if p.anggaran is None]
        if tanpa_anggaran:
            hasil.append(f"anggaran {'; '.join(tanpa_anggaran)}")
        return hasil

    def to_json(self) -> str:
        """The agreement as stored when issued (db.pk), without its issue details."""
        isi = asdict(
            replace(self, ke=None, waktu_terbit="", alasan="", perubahan=(), waktu_semula="")
        )
        return json.dumps(isi, ensure_ascii=False, sort_keys=True)


def dokumen_dari_json(teks: str) -> DokumenPk:
    """An agreement stored by :meth:`DokumenPk.to_json`."""
    d: dict[str, Any] = json.loads(teks)
    return DokumenPk(
        tahun=d["tahun"],
        kode_jabatan=d["kode_jabatan"],
        nama_jabatan=d["nama_jabatan"],
        kecamatan=d["kecamatan"],
        pihak_pertama=_pihak(d["pihak_pertama"]),
        pihak_kedua=_pihak(d["pihak_kedua"]),
        sebutan_pihak_kedua=d["sebutan_pihak_kedua"],
        pembuka=d["pembuka"],
        janji=tuple(d["janji"]),
        tempat_tanggal=d["tempat_tanggal"],
        sasaran=tuple(
            SasaranPk(s["teks"], tuple(BarisPk(**b) for b in s["indikator"])) for s in d["sasaran"]
        ),
        program=tuple(ProgramPk(**p) for p in d["program"]),
    )


def _pihak(d: dict[str, Any]) -> Pihak:
    return Pihak(d["nama"], d["jabatan"], d["pangkat"], d["nip"], tuple(d["kurang"]))


@dataclass(frozen=True)
class LaporanPk:
    """Every agreement of a year the document prints, the Camat's first, then tree order."""

    tahun: int
    kecamatan: str
    dokumen: tuple[DokumenPk, ...]
    keadaan: tuple[str, ...] = field(default=())  # issue state worth saying (changed since…)
    # the "asal angka" appendix: per agreement's jabatan, where each realisasi came from
    asal: AsalJabatan = field(default=())

    @property
    def judul(self) -> str:
        """Document title for PDF properties."""
        return f"Perjanjian Kinerja Kecamatan {self.kecamatan} Tahun {self.tahun}"

    @property
    def kurang(self) -> list[str]:
        """Every marked blank of every agreement, named by its jabatan."""
        hasil = []
        for d in self.dokumen:
            for k in d.kurang:
                baris = f"{d.nama_jabatan} ({d.kode_jabatan}): {k}"
                if baris not in hasil:  # a jabatan with two holders has the same gaps twice
                    hasil.append(baris)
        return hasil


# -- reading the current data ---------------------------------------------------------------


def teks_target_dokumen(t: Target | None) -> str:
    """A target as the planning documents print it: ``12``, ``80–100``; a blank to fill in by
    hand when there is none."""
    if t is None:
        return KOSONG_SEL
    if t.atas is None:
        return format_angka(t.nilai)
    return f"{format_angka(t.nilai)}–{format_angka(t.atas)}"


def _satuan(n: NilaiIndikator) -> str:
    if n.info.satuan:
        return n.info.satuan
    return "%" if n.info.jenis is not Jenis.JUMLAH else ""


def _sasaran(nilai: list[NilaiIndikator]) -> tuple[SasaranPk, ...]:
    """Indicators grouped by their sasaran, in document order."""
    hasil: list[tuple[str, list[BarisPk]]] = []
    tahun = tahun_(nilai[0].info.tahun) if nilai else None
    for n in nilai:
        target = n.target_periode(tahun)[0] if tahun else None
        baris = BarisPk(n.info.kode, n.info.nama, teks_target_dokumen(target), _satuan(n))
        if hasil and hasil[-1][0] == n.info.sasaran:
            hasil[-1][1].append(baris)
        else:
            hasil.append((n.info.sasaran, [baris]))
    return tuple(SasaranPk(teks, tuple(b)) for teks, b in hasil)


def _group_by_jabatan(
    struktur: StrukturTahun, nilai: list[NilaiIndikator]
) -> dict[int | None, list[NilaiIndikator]]:
    """The indicators of each agreement: a jabatan's own; the Camat's, those of the jabatan
    directly under him."""
    per_jabatan: dict[int | None, list[NilaiIndikator]] = {j.id: [] for j in struktur.jabatan}
    for n in nilai:
        per_jabatan.setdefault(n.info.jabatan_id, []).append(n)
    langsung = [j.id for j in struktur.jabatan if j.kedalaman == 0]
    per_jabatan[None] = [n for i in langsung for n in per_jabatan.get(i, [])]
    return per_jabatan


def build_dokumen(
    tahun: int, jabatan_kode: str | None = None, ttd: PilihanTtd | None = None
) -> tuple[StrukturTahun, list[tuple[JabatanDokumen, list[DokumenPk]]]]:
    """The agreements of ``tahun`` from the current data (all jabatan or one), one per holder
    (one with marked blanks for a jabatan nobody holds), grouped by jabatan."""
    struktur = read_struktur(tahun)
    pilihan = struktur.choose_jabatan(jabatan_kode)
    naskah: Naskah = read_naskah(tahun)
    from kinerja_desktop.db.queries import require_year

    tempat_tanggal = penandatangan_tahun(require_year(tahun), None, ttd).tempat_tanggal
    per_jabatan = _group_by_jabatan(struktur, nilai_tahun(tahun))
    program = _program(tahun)
    hasil = []
    for j in pilihan:
        kedua, sebutan_atasan = atasan_dari(
            struktur, j, (naskah.nama_kepala_daerah, naskah.jabatan_kepala_daerah)
        )
        sebutan_kedua = (
            "selaku atasan langsung pihak pertama"
            if j.id is not None
            else f"selaku {sebutan_atasan.title()}"
        )
        isi = dict(
            tahun=tahun,
            kode_jabatan=j.kode,
            nama_jabatan=j.label,
            kecamatan=struktur.kecamatan,
            pihak_kedua=kedua,
            sebutan_pihak_kedua=sebutan_kedua,
            pembuka=naskah.pembuka,
            janji=tuple(naskah.paragraf_janji),
            tempat_tanggal=tempat_tanggal,
            sasaran=_sasaran(per_jabatan.get(j.id, [])),
            program=tuple(program.get(j.id, [])),
        )
        pertama = j.pemangku or (pihak_kosong(sebutan_jabatan(j.nama, struktur.kecamatan)),)
        hasil.append((j, [DokumenPk(pihak_pertama=p, **isi) for p in pertama]))  # type: ignore[arg-type]
    return struktur, hasil


def _program(tahun: int) -> dict[int | None, list[ProgramPk]]:
    """Each jabatan's programs with their anggaran (None unless every kegiatan has one, as in
    the LKjIP); the Camat's agreement (None) carries every program of the year."""
    hasil: dict[int | None, list[ProgramPk]] = {None: []}
    for p in read_program(tahun):
        program = ProgramPk(p.kode, p.nama, p.anggaran)
        hasil.setdefault(p.jabatan_id, []).append(program)
        hasil[None].append(program)
    return hasil


def teks_rupiah(x: int | None) -> str:
    """``Rp 1.250.000``; a marked blank when not known."""
    return KOSONG if x is None else format_rupiah(x)


def teks_waktu(waktu: str) -> str:
    """The day of an ISO time as people write it: ``12 Januari 2026``."""
    return format_tanggal(date.fromisoformat(waktu[:10])) if waktu else ""
