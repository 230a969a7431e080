"""The IKI decree as plain data, read from the database once and then rendered by
:mod:`~kinerja_desktop.reports.iki_pdf` and :mod:`~kinerja_desktop.reports.iki_xlsx`.

Jabatan come in tree order: depth-first from the positions directly under the Camat, each
level ordered by ``urutan``, so a Kasubag's staff follow their Kasubag.
"""

from collections import defaultdict
from dataclasses import dataclass

from kinerja_desktop.db.models import (
    Fungsi,
    Indikator,
    Jabatan,
    Kantor,
    Sasaran,
    SubIndikator,
    Tahun,
    Tugas,
)
from kinerja_desktop.db.queries import require_year, urut_pohon
from kinerja_desktop.domain.indikator import Jenis, huruf_butir
from kinerja_desktop.errors import TidakDitemukan
from kinerja_desktop.reports.penandatangan import (
    KOSONG,
    Penandatangan,
    PilihanTtd,
    penandatangan_tahun,
)

KOLOM = (
    "SASARAN/KINERJA UTAMA",
    "INDIKATOR KINERJA INDIVIDU",
    "PENJELASAN/FORMULASI PENGHITUNGAN",
    "SUMBER DATA",
)
"""The four columns of a jabatan's IKI table, in the PDF and in the workbook."""


@dataclass(frozen=True)
class SubButir:
    """A sub-item (a., b., …) of an indicator and its line in the formula column."""

    huruf: str
    teks: str
    formula: str


@dataclass(frozen=True)
class IndikatorIKI:
    """One indicator row of the IKI table."""

    kode: str
    nama: str
    formula: str
    sumber_data: str
    jenis: str
    pembilang: str
    penyebut: str
    sub: tuple[SubButir, ...]
    # the structured fields the printed table does not show; the workbook carries them in
    # hidden columns so that it can be imported again exactly
    satuan: str = ""
    polaritas: str = "positif"
    dari_desa: bool = False
    frekuensi: str = "bulanan"
    agregasi: str = "jumlah"
    hari_kerja_efektif: int | None = None

    @property
    def pecahan(self) -> bool:
        """True when the formula is a ratio to draw as numerator over denominator × 100%."""
        return (
            self.jenis in (Jenis.PERSENTASE, Jenis.KEHADIRAN)
            and bool(self.pembilang.strip())
            and bool(self.penyebut.strip())
        )

    @property
    def formula_satu_baris(self) -> str:
        """The formula on one line, unambiguous: ``(Σ a) / (Σ b) × 100%`` for a ratio."""
        if not self.pecahan:
            return self.formula
        return f"({_tanpa_kurung(self.pembilang)}) / ({_tanpa_kurung(self.penyebut)}) × 100%"


def _tanpa_kurung(teks: str) -> str:
    # "(a × b)" stays "(a × b)" inside the outer brackets only once: drop one enclosing pair
    # when it encloses the whole text.
    teks = teks.strip()
    if teks.startswith("(") and teks.endswith(")"):
        depth = 0
        for i, ch in enumerate(teks):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0 and i < len(teks) - 1:
                return teks
        return teks[1:-1].strip()
    return teks


@dataclass(frozen=True)
class SasaranIKI:
    """A sasaran (first column) with the indicators it spans."""

    teks: str
    indikator: tuple[IndikatorIKI, ...]


@dataclass(frozen=True)
class JabatanIKI:
    """One jabatan's part of the decree: tugas, fungsi and its table."""

    kode: str
    nama: str
    kedalaman: int  # 0 = directly under the Camat
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]
    sasaran: tuple[SasaranIKI, ...]
    atasan: str = ""  # code of the superior jabatan; "" = directly under the Camat

    @property
    def indikator(self) -> list[IndikatorIKI]:
        """All indicators of the jabatan in table order."""
        return [ind for sas in self.sasaran for ind in sas.indikator]


@dataclass(frozen=True)
class KepalaKeputusan:
    """The heading of the decree's appendix."""

    lampiran: str  # "LAMPIRAN KEPUTUSAN CAMAT KEPANJEN"
    nomor: str  # "188.45/      /35.07.13/2020"
    tentang: str  # "INDIKATOR KINERJA INDIVIDU KECAMATAN KEPANJEN KABUPATEN MALANG"


@dataclass(frozen=True)
class LaporanIKI:
    """Everything the IKI decree prints, for one year (all jabatan or one)."""

    tahun: int
    kecamatan: str
    kepala: KepalaKeputusan
    jabatan: tuple[JabatanIKI, ...]
    penandatangan: Penandatangan

    @property
    def judul(self) -> str:
        """Document title for PDF properties and window titles."""
        return f"Indikator Kinerja Individu Kecamatan {self.kecamatan} Tahun {self.tahun}"


@dataclass(frozen=True)
class JabatanRingkas:
    """A jabatan in a pick list: code, title and depth in the tree."""

    kode: str
    nama: str
    kedalaman: int


def daftar_jabatan(tahun: int) -> list[JabatanRingkas]:
    """The jabatan of ``tahun`` in tree order, for choosing one in a dialog."""
    require_year(tahun)
    rows = Jabatan.select().where(Jabatan.tahun == tahun)
    return [JabatanRingkas(j.kode, j.nama, depth) for j, depth in urut_pohon(rows)]


def laporan_kosong(tahun: int) -> LaporanIKI:
    """A decree with one blank jabatan and no rows: the IKI workbook to fill from scratch."""
    kecamatan, kepala = _kepala(Tahun(tahun=tahun))
    kosong = JabatanIKI(kode="", nama="", kedalaman=0, tugas=(), fungsi=(), sasaran=())
    ttd = Penandatangan(tempat_tanggal="", jabatan="", nama="", pangkat="", nip="")
    return LaporanIKI(tahun, kecamatan, kepala, (kosong,), ttd)


def _kepala(tahun: Tahun) -> tuple[str, KepalaKeputusan]:
    kantor = Kantor.get_or_none()
    kecamatan = kantor.kecamatan if kantor else ""
    kabupaten = kantor.nama_kabupaten if kantor else ""
    return kecamatan, KepalaKeputusan(
        lampiran=f"LAMPIRAN KEPUTUSAN CAMAT {kecamatan}".upper().strip(),
        nomor=tahun.nomor_keputusan or KOSONG,
        tentang=(f"INDIKATOR KINERJA INDIVIDU KECAMATAN {kecamatan} {kabupaten}".upper()),
    )


def build_iki_report(
    tahun: int, jabatan_kode: str | None = None, ttd: PilihanTtd | None = None
) -> LaporanIKI:
    """Read the IKI decree of ``tahun`` (or only jabatan ``jabatan_kode``) from the database.

    Signed as the decree records it unless ``ttd`` changes the place, date or signer.
    Raises :class:`TidakDitemukan` for an unknown year or jabatan code.
    """
    tahun_row = require_year(tahun)
    ordered = urut_pohon(Jabatan.select().where(Jabatan.tahun == tahun))
    if jabatan_kode is not None:
        ordered = [(j, d) for j, d in ordered if j.kode == jabatan_kode]
        if not ordered:
            from kinerja_desktop.command_line import command
            from kinerja_desktop.db.backup import bound_location

            raise TidakDitemukan(
                f"Jabatan dengan kode {jabatan_kode} tidak ada pada tahun {tahun}. "
                "Lihat kode jabatan dengan perintah: "
                f"{command(bound_location(), 'indikator', '--tahun', str(tahun))}"
            )
    ids = [j.id for j, _ in ordered]
    kode_jabatan = {
        i: kode
        for i, kode in Jabatan.select(Jabatan.id, Jabatan.kode)
        .where(Jabatan.tahun == tahun)
        .tuples()
        .iterator()
    }

    tugas: dict[int, list[str]] = defaultdict(list)
    for t in Tugas.select().where(Tugas.jabatan.in_(ids)).order_by(Tugas.urutan, Tugas.id):
        tugas[t.jabatan_id].append(t.teks)
    fungsi: dict[int, list[str]] = defaultdict(list)
    for f in Fungsi.select().where(Fungsi.jabatan.in_(ids)).order_by(Fungsi.urutan, Fungsi.id):
        fungsi[f.jabatan_id].append(f.teks)
    sasaran_rows = list(
        Sasaran.select().where(Sasaran.jabatan.in_(ids)).order_by(Sasaran.urutan, Sasaran.id)
    )
    sasaran_ids = [s.id for s in sasaran_rows]
    indikator_rows = list(
        Indikator.select()
        .where(Indikator.sasaran.in_(sasaran_ids))
        .order_by(Indikator.urutan, Indikator.id)
    )
    sub: dict[int, list[SubIndikator]] = defaultdict(list)
    for butir in (
        SubIndikator.select()
        .where(SubIndikator.indikator.in_([i.id for i in indikator_rows]))
        .order_by(SubIndikator.urutan, SubIndikator.id)
    ):
        sub[butir.indikator_id].append(butir)

    indikator: dict[int, list[IndikatorIKI]] = defaultdict(list)
    for ind in indikator_rows:
        indikator[ind.sasaran_id].append(
            IndikatorIKI(
                kode=ind.kode,
                nama=ind.nama,
                formula=ind.formula,
                sumber_data=ind.sumber_data,
                jenis=ind.jenis,
                pembilang=ind.pembilang,
                penyebut=ind.penyebut,
                sub=tuple(
                    SubButir(huruf_butir(i), s.teks, s.formula) for i, s in enumerate(sub[ind.id])
                ),
                satuan=ind.satuan,
                polaritas=ind.polaritas,
                dari_desa=bool(ind.dari_desa),
                frekuensi=ind.frekuensi,
                agregasi=ind.agregasi,
                hari_kerja_efektif=ind.hari_kerja_efektif,
            )
        )
    sasaran: dict[int, list[SasaranIKI]] = defaultdict(list)
    for s in sasaran_rows:
        sasaran[s.jabatan_id].append(SasaranIKI(s.teks, tuple(indikator[s.id])))

    kecamatan, kepala = _kepala(tahun_row)
    return LaporanIKI(
        tahun=tahun,
        kecamatan=kecamatan,
        kepala=kepala,
        jabatan=tuple(
            JabatanIKI(
                kode=j.kode,
                nama=j.nama,
                kedalaman=depth,
                tugas=tuple(tugas[j.id]),
                fungsi=tuple(fungsi[j.id]),
                sasaran=tuple(sasaran[j.id]),
                atasan=kode_jabatan.get(j.atasan_id, ""),
            )
            for j, depth in ordered
        ),
        penandatangan=penandatangan_tahun(tahun_row, None, ttd),
    )
