"""Desa templates out: one workbook per desa, filled with the values already recorded.

The workbook is made to be filled in without the application: plain Indonesian instructions,
only the yellow input cells unlocked, Excel's own validation on them, and a page setup that
prints the table one page wide. An indicator reported per triwulan is open only in the month
that ends each triwulan; its other months are grey, locked and say where its figure goes.

Long because the workbook's instructions, styles, validation and page setup are written cell by
cell; the layout shared with the importer is in desa_layout.
"""

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.db.kantor import desa_aktif
from kinerja_desktop.db.models import (
    Desa,
    Indikator,
    Kantor,
    NilaiRealisasi,
    SubIndikator,
)
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.domain.batas import NILAI_MAKS
from kinerja_desktop.domain.indikator import Frekuensi, Jenis, huruf_butir
from kinerja_desktop.domain.periode import Periode, bulan, parse_periode, tahun_
from kinerja_desktop.domain.tanggal import nama_bulan
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan
from kinerja_desktop.exchange.desa_layout import (
    BARIS_DATA_AWAL,
    BARIS_JUDUL_KOLOM,
    KOLOM_BULAN_AWAL,
    KOLOM_KODE,
    KOLOM_RINCIAN,
    KOMPONEN_NILAI,
    KOMPONEN_PEMBILANG,
    KOMPONEN_PENYEBUT,
    LEMBAR_ISIAN,
    LEMBAR_META,
    LEMBAR_PETUNJUK,
    BarisIsian,
    StrukturTemplat,
    bulan_penutup,
    is_open,
    judul_kolom,
    tempat_triwulan,
)
from kinerja_desktop.exchange.xlsx_reader import angka_ke_kolom
from kinerja_desktop.fileio import atomic_write, make_folder
from kinerja_desktop.workbook import fit_to_page_width, sel_teks

KUNING = "FFF2CC"
ABU = "D9D9D9"
ABU_TUTUP = "EDEDED"  # a month a triwulan indicator is not filled in: lighter than the header


@dataclass(frozen=True)
class HasilTemplat:
    """One written workbook."""

    path: Path
    kode_desa: str
    nama_desa: str
    periode: str
    baris: int
    terisi: int  # input cells already holding a recorded value


def judul_desa(desa: Desa) -> str:
    """ "Desa Kemiri" or "Kelurahan Kepanjen"."""
    return nama_desa_lengkap(desa.jenis, desa.nama)


def periode_templat(tahun: int, periode: str | None) -> Periode:
    """The period a template covers: the whole year by default, else ``periode`` of ``tahun``."""
    if periode is None:
        return tahun_(tahun)
    p = parse_periode(periode)
    if p.tahun != tahun:
        raise DataTidakValid(f"Periode {p.id} bukan bagian dari tahun {tahun}.")
    return p


def nama_dengan_butir(ind: Indikator, butir: list[str]) -> str:
    """The indicator's name followed by its sub-items as the decree words them, one a line:
    "Jumlah Pelayanan pelayanan kependudukan, yaitu :" alone does not say what to count."""
    nama = " ".join(ind.nama.split())
    return "\n".join([nama, *(f"{huruf_butir(i)}. {t}" for i, t in enumerate(butir))])


def _baris_indikator(ind: Indikator, butir: list[str]) -> list[BarisIsian]:
    nama = nama_dengan_butir(ind, butir)
    tw = Frekuensi(ind.frekuensi) is Frekuensi.TRIWULANAN
    if ind.jenis == Jenis.PERSENTASE:
        # the long labels go beside the indicator's name, where the column is wide
        pembilang = f"{nama}\n— pembilang: {ind.pembilang or 'yang memenuhi'}"
        penyebut = f"{nama}\n— penyebut: {ind.penyebut or 'seluruhnya'}"
        if not butir:
            pembilang, penyebut = (x.replace("\n— ", " — ") for x in (pembilang, penyebut))
        return [
            BarisIsian(ind.kode, KOMPONEN_PEMBILANG, pembilang, "Pembilang", ind.satuan, tw),
            BarisIsian(ind.kode, KOMPONEN_PENYEBUT, penyebut, "Penyebut", ind.satuan, tw),
        ]
    if ind.jenis == Jenis.KEHADIRAN:
        return []  # attendance is the kecamatan's own staff, never a desa figure
    return [BarisIsian(ind.kode, KOMPONEN_NILAI, nama, "Jumlah", ind.satuan, tw)]


def butir_indikator(indikator: list[Indikator]) -> dict[int, list[str]]:
    """The sub-items of ``indikator`` in order, read in one query."""
    butir: dict[int, list[str]] = {i.id: [] for i in indikator}
    query = (
        SubIndikator.select(SubIndikator.indikator, SubIndikator.teks)
        .where(SubIndikator.indikator.in_(list(butir)))
        .order_by(SubIndikator.indikator, SubIndikator.urutan)
        .tuples()
    )
    for indikator_id, teks in query.iterator():
        butir[indikator_id].append(" ".join(teks.split()))
    return butir


def baris_templat(tahun: int) -> tuple[BarisIsian, ...]:
    """The input rows of every desa workbook of ``tahun`` (the same for every desa)."""
    indikator = desa_indicators(tahun)
    butir = butir_indikator(indikator)
    return tuple(b for ind in indikator for b in _baris_indikator(ind, butir[ind.id]))


def struktur_desa(
    tahun: int, periode: Periode, desa: Desa, baris: tuple[BarisIsian, ...] | None = None
) -> StrukturTemplat:
    """The layout of the workbook for ``desa`` covering ``periode`` of ``tahun``; ``baris``
    when the caller has read them already (:func:`baris_templat`)."""
    if baris is None:
        baris = baris_templat(tahun)
    kolom = tuple(bulan(tahun, m).id for m in periode.bulan)
    return StrukturTemplat(desa.kode, desa.nama, tahun, periode.id, kolom, baris)


def nilai_tercatat(
    desa_id: int, tahun: int, kode: set[str], kolom: Sequence[str]
) -> dict[tuple[str, str], float]:
    """Values recorded for a desa, the indicators ``kode`` of ``tahun`` and the months
    ``kolom``, read in one query: (row key "KODE:komponen", month) -> value."""
    query = (
        NilaiRealisasi.select(
            Indikator.kode,
            NilaiRealisasi.periode,
            NilaiRealisasi.nilai,
            NilaiRealisasi.pembilang,
            NilaiRealisasi.penyebut,
        )
        .join(Indikator)
        .where(
            (Indikator.tahun == tahun)
            & (Indikator.kode.in_(kode))
            & (NilaiRealisasi.desa == desa_id)
            & (NilaiRealisasi.periode.in_(list(kolom)))
        )
        .tuples()
    )
    hasil: dict[tuple[str, str], float] = {}
    for k, periode, *komponen in query.iterator():
        for nama, v in zip(
            (KOMPONEN_NILAI, KOMPONEN_PEMBILANG, KOMPONEN_PENYEBUT), komponen, strict=True
        ):
            if v is not None:
                hasil[(f"{k}:{nama}", periode)] = v
    return hasil


def nama_berkas(struktur: StrukturTemplat, jenis_desa: str) -> str:
    """ "Isian IKI - Desa Kemiri - Tahun 2026.xlsx": the desa and the period, readable."""
    p = parse_periode(struktur.periode)
    desa = nama_desa_lengkap(jenis_desa, struktur.nama_desa)
    # Windows refuses these characters, and control characters, in a file name
    nama = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "-", f"Isian IKI - {desa} - {p.label}")
    return f"{nama}.xlsx"


LEBAR_INDIKATOR = 46


LEBAR_RINCIAN = 12
LEBAR_RINCIAN_TRIWULAN = 17  # room for "satu angka per triwulan, di bulan ..."


def _jumlah_baris_teks(b: BarisIsian, rincian: str, lebar_rincian: int) -> int:
    """Lines the wrapped labels of a row need (about one character per width unit)."""
    # a word wrap a little narrower than the column: a row too tall wastes a line, a row too
    # short hides words when printed
    nama = sum(max(1, len(textwrap.wrap(x, LEBAR_INDIKATOR - 1))) for x in b.nama.split("\n"))
    teks_rincian = len(textwrap.wrap(rincian, lebar_rincian - 1))
    return max(nama, teks_rincian, len(textwrap.wrap(b.satuan, 8)), 1)


def bulan_isi_triwulan(kolom: tuple[str, ...]) -> str:
    """The months a triwulan row of a workbook covering ``kolom`` is filled in, as the desa
    reads them: "Maret, Juni, September dan Desember" for a year, "Juni" for Triwulan II (words
    apart, so that the narrow "Yang diisi" column wraps between them)."""
    nama = [nama_bulan(parse_periode(k).ke) for k in sorted({bulan_penutup(k) for k in kolom})]
    return " dan ".join([", ".join(nama[:-1]), nama[-1]]) if len(nama) > 1 else nama[0]


def teks_rincian(b: BarisIsian, kolom: tuple[str, ...]) -> str:
    """What the "Yang diisi" cell of row ``b`` says: "Jumlah", or for an indicator reported
    per triwulan "Jumlah: satu angka per triwulan, di bulan Maret, Juni, September dan
    Desember"."""
    if not b.triwulanan:
        return b.rincian
    teks = f"{b.rincian}: satu angka per triwulan, di bulan {bulan_isi_triwulan(kolom)}"
    if not any(is_open(True, k) for k in kolom):
        teks += " (tidak di templat ini)"
    return teks


def _catatan_tutup(b: BarisIsian, r: int, periode_bulan: str, kolom: tuple[str, ...]) -> str:
    """The note of a month a triwulan row is not filled in: why, and where its figure goes."""
    tw, tempat = tempat_triwulan(r, periode_bulan, kolom)
    return (
        f"Tidak diisi. Indikator {b.kode} dilaporkan per triwulan: ketik satu angka untuk "
        f"{tw} di {tempat}."
    )


_MAKS_TAMPIL = f"{NILAI_MAKS:,}".replace(",", ".")


def _kantor() -> str:
    k = Kantor.get_or_none()
    return f"Kecamatan {k.kecamatan}, {k.nama_kabupaten}" if k else "Kecamatan"


def _petunjuk(struktur: StrukturTemplat, judul: str, kantor: str) -> list[str]:
    p = parse_periode(struktur.periode)
    bulan_awal = nama_bulan(parse_periode(struktur.kolom[0]).ke)
    bulan_akhir = nama_bulan(parse_periode(struktur.kolom[-1]).ke)
    rentang = bulan_awal if len(struktur.kolom) == 1 else f"{bulan_awal} sampai {bulan_akhir}"
    butir = [
        ['Buka lembar "Isian" (tab di bawah layar).'],
        ["Isi hanya sel berwarna kuning. Sel lain terkunci dan tidak perlu diubah."],
        [
            "Setiap baris adalah satu indikator, setiap kolom adalah satu bulan.",
            "Ketik jumlahnya pada bulan kegiatan itu terjadi, berupa angka bulat 0 atau lebih.",
        ],
        [
            "Bila pada bulan itu tidak ada kegiatan, ketik 0.",
            "Bila datanya belum ada, biarkan sel kosong. Kosong berarti belum lapor, bukan 0.",
        ],
        [
            "Untuk indikator persentase ada dua baris: pembilang dan penyebut.",
            "Isi keduanya; pembilang tidak boleh lebih besar dari penyebut.",
        ],
    ]
    if struktur.kunci_triwulanan:
        butir.append(
            [
                'Indikator triwulanan (kolom "Yang diisi" menyebut "satu angka per triwulan")',
                "cukup diisi satu angka untuk setiap triwulan: angka seluruh triwulan itu, diketik",
                f"di kolom bulan terakhir triwulannya ({bulan_isi_triwulan(struktur.kolom)}).",
                "Sel bulan lainnya berwarna abu-abu, terkunci dan tidak diisi.",
            ]
        )
    butir += [
        [
            "Ketik angkanya saja: tanpa rumus (=...), tanpa titik ribuan, tanpa huruf,",
            "tanpa tanda minus, tanpa tanda petik.",
        ],
        ["Jangan menambah, menghapus, memindah atau mengganti nama baris, kolom atau lembar."],
        [
            "Angka yang sudah tercatat di kecamatan sudah terisi. Perbaiki bila salah;",
            "sel yang dikosongkan berarti datanya dihapus.",
        ],
        [
            "Simpan dengan Ctrl+S dalam format Excel (.xlsx). Jangan simpan sebagai .xls, .csv",
            "atau .ods, dan jangan beri kata sandi.",
        ],
        ["Kirim kembali berkas ini ke kecamatan (flashdisk atau surel)."],
    ]
    baris = [
        "PETUNJUK PENGISIAN",
        "",
        f"Berkas ini untuk {judul}, {kantor}.",
        f"Periode: {p.label} ({rentang} {struktur.tahun}).",
        "",
    ]
    for n, kalimat in enumerate(butir, start=1):
        baris += [f"{n}. {kalimat[0]}", *(f"   {k}" for k in kalimat[1:])]
    return [
        *baris,
        "",
        'Kolom "Jumlah" dihitung sendiri oleh Excel sebagai pemeriksaan; tidak perlu diisi.',
        "Bila ada pertanyaan, hubungi petugas kecamatan yang mengirim berkas ini.",
    ]


def _write_template(
    struktur: StrukturTemplat, nilai: dict[tuple[str, str], float], judul: str, target: Path
) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    kantor = _kantor()
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = LEMBAR_PETUNJUK
    isian = wb.create_sheet(LEMBAR_ISIAN)
    meta = wb.create_sheet(LEMBAR_META)

    teks = sel_teks  # every label is text: never a formula, whatever it starts with

    # -- Petunjuk ------------------------------------------------------------------------
    for i, baris in enumerate(_petunjuk(struktur, judul, kantor), start=1):
        sel = teks(petunjuk, i, 1, baris)
        if i == 1:
            sel.font = Font(bold=True, size=14)
    petunjuk.column_dimensions["A"].width = 95
    petunjuk.protection.sheet = True
    fit_to_page_width(petunjuk, "f4")

    # -- Isian ---------------------------------------------------------------------------
    p = parse_periode(struktur.periode)
    teks(isian, 1, 1, "ISIAN REALISASI INDIKATOR KINERJA DARI DESA/KELURAHAN").font = Font(
        bold=True, size=13
    )
    teks(isian, 2, 1, f"{judul} — {kantor}").font = Font(bold=True)
    teks(isian, 3, 1, f"Periode: {p.label}")
    teks(
        isian,
        4,
        1,
        "Isi hanya sel kuning dengan angka bulat 0 atau lebih. Kosongkan bila data belum ada. "
        "Baca lembar Petunjuk.",
    ).font = Font(italic=True)
    if struktur.kunci_triwulanan:
        teks(
            isian,
            5,
            1,
            "Sel abu-abu tidak diisi: indikator triwulanan cukup satu angka per triwulan, di "
            f"bulan {bulan_isi_triwulan(struktur.kolom)}.",
        ).font = Font(italic=True)

    tipis = Side(style="thin", color="808080")
    garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    kepala_fill = PatternFill("solid", fgColor=ABU)
    isi_fill = PatternFill("solid", fgColor=KUNING)
    tutup_fill = PatternFill("solid", fgColor=ABU_TUTUP)
    tutup_font = Font(color="808080")
    lebar_rincian = LEBAR_RINCIAN_TRIWULAN if struktur.kunci_triwulanan else LEBAR_RINCIAN
    wrap_lines = Alignment(wrap_text=True, vertical="top")
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)

    n_bulan = len(struktur.kolom)
    kolom_jumlah = KOLOM_BULAN_AWAL + n_bulan
    for c, label in enumerate(judul_kolom(struktur.kolom), start=1):
        sel = teks(isian, BARIS_JUDUL_KOLOM, c, label)
        sel.font, sel.fill, sel.alignment, sel.border = Font(bold=True), kepala_fill, tengah, garis

    bulat = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2=str(NILAI_MAKS),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Isian tidak valid",
        error=(
            f"Isi dengan angka bulat 0 sampai {_MAKS_TAMPIL}, atau kosongkan bila data belum ada."
        ),
        showInputMessage=False,
    )
    isian.add_data_validation(bulat)
    nomor = 0
    kode_sebelum = None
    for i, b in enumerate(struktur.baris):
        r = BARIS_DATA_AWAL + i
        if b.kode != kode_sebelum:
            nomor += 1
            kode_sebelum = b.kode
        isian.cell(row=r, column=1, value=nomor).alignment = Alignment(vertical="top")
        teks(isian, r, KOLOM_KODE, b.kode).alignment = wrap_lines
        teks(isian, r, 3, b.nama).alignment = wrap_lines
        rincian = teks_rincian(b, struktur.kolom)
        teks(isian, r, KOLOM_RINCIAN, rincian).alignment = wrap_lines
        teks(isian, r, 5, b.satuan).alignment = wrap_lines
        for c in range(1, KOLOM_BULAN_AWAL):
            isian.cell(row=r, column=c).border = garis
        # spreadsheet programs do not grow a wrapped row by themselves when printing
        # Excel refuses a row taller than 409 points (a 1,500-character name needs more)
        isian.row_dimensions[r].height = min(
            15 * _jumlah_baris_teks(b, rincian, lebar_rincian), 409
        )
        awal, akhir = angka_ke_kolom(KOLOM_BULAN_AWAL), angka_ke_kolom(kolom_jumlah - 1)
        for j, periode_id in enumerate(struktur.kolom):
            sel = isian.cell(row=r, column=KOLOM_BULAN_AWAL + j)
            v = nilai.get((b.kunci, periode_id))
            if v is not None:
                # a value recorded in a closed month still shows: the row's total counts it
                sel.value = int(v) if float(v).is_integer() else v
            sel.border, sel.number_format = garis, "0"
            sel.alignment = Alignment(horizontal="center", vertical="top")
            if is_open(b.triwulanan, periode_id):
                sel.fill, sel.protection = isi_fill, Protection(locked=False)
            else:
                sel.fill, sel.font = tutup_fill, tutup_font
                catatan = Comment(_catatan_tutup(b, r, periode_id, struktur.kolom), "Kecamatan")
                catatan.width, catatan.height = 240, 90
                sel.comment = catatan
        jumlah = isian.cell(
            row=r,
            column=kolom_jumlah,
            value=f'=IF(COUNT({awal}{r}:{akhir}{r})=0,"",SUM({awal}{r}:{akhir}{r}))',
        )
        jumlah.border, jumlah.font = garis, Font(bold=True)
        jumlah.alignment = Alignment(horizontal="center", vertical="top")
        rentang = f"{awal}{r}:{akhir}{r}"
        if b.komponen == KOMPONEN_NILAI:
            bulat.add(rentang)
        else:
            # numerator and denominator: whole, not negative, numerator not above denominator
            atas = r if b.komponen == KOMPONEN_PEMBILANG else r - 1
            sendiri, pembilang, penyebut = f"{awal}{r}", f"{awal}{atas}", f"{awal}{atas + 1}"
            dv = DataValidation(
                type="custom",
                formula1=(
                    f"AND(ISNUMBER({sendiri}),INT({sendiri})={sendiri},{sendiri}>=0,"
                    f"{sendiri}<={NILAI_MAKS},"
                    f"OR(ISBLANK({pembilang}),ISBLANK({penyebut}),{pembilang}<={penyebut}))"
                ),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Isian tidak valid",
                error=(
                    f"Isi dengan angka bulat 0 sampai {_MAKS_TAMPIL}; pembilang tidak boleh "
                    "lebih besar dari penyebut."
                ),
            )
            isian.add_data_validation(dv)
            dv.add(rentang)

    lebar = {1: 4, 2: 16, 3: LEBAR_INDIKATOR, 4: lebar_rincian, 5: 9}
    for c, w in lebar.items():
        isian.column_dimensions[angka_ke_kolom(c)].width = w
    for c in range(KOLOM_BULAN_AWAL, kolom_jumlah):
        isian.column_dimensions[angka_ke_kolom(c)].width = 6
    isian.column_dimensions[angka_ke_kolom(kolom_jumlah)].width = 8
    isian.freeze_panes = isian.cell(row=BARIS_DATA_AWAL, column=KOLOM_BULAN_AWAL)
    fit_to_page_width(isian, "f4", "landscape", BARIS_JUDUL_KOLOM)
    isian.page_margins.left = isian.page_margins.right = 0.4
    isian.oddFooter.center.text = "Halaman &P dari &N"
    # desa may widen columns or rows to read better; everything else stays locked
    isian.protection.sheet = True
    isian.protection.formatColumns = False
    isian.protection.formatRows = False
    wb.active = 1

    # -- _meta ---------------------------------------------------------------------------
    for i, (kunci, nilai_meta) in enumerate(struktur.meta(), start=1):
        teks(meta, i, 1, kunci)
        teks(meta, i, 2, nilai_meta)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(target)


def write_template(
    struktur: StrukturTemplat, nilai: dict[tuple[str, str], float], judul: str, target: Path
) -> Path:
    """Write one desa workbook to ``target`` atomically."""
    return atomic_write(Path(target), lambda tmp: _write_template(struktur, nilai, judul, tmp))


def _desa_tanpa_templat(kode_desa: str, p: Periode) -> TidakDitemukan:
    desa = Desa.get_or_none(Desa.kode == kode_desa)
    if desa is None:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        return TidakDitemukan(
            f"Desa dengan kode {kode_desa} tidak ada. Lihat kode desa kecamatan ini dengan: "
            f"{command(bound_location(), 'kantor')}"
        )
    sejak = parse_periode(desa.nonaktif_sejak).label
    return TidakDitemukan(
        f"{nama_desa_lengkap(desa.jenis, desa.nama)} nonaktif sejak {sejak}, jadi tidak "
        f"mendapat templat untuk {p.label}."
    )


def make_desa_templates(
    tahun: int,
    folder: Path,
    periode: str | None = None,
    kode_desa: str | Sequence[str] | None = None,
) -> list[HasilTemplat]:
    """Write one workbook per desa (or only ``kode_desa``, one code or several) for
    ``periode`` of ``tahun``.

    Raises :class:`TidakDitemukan` for an unknown year or desa, :class:`DataTidakValid` for a
    year without desa-based indicators or a period outside the year.
    """
    p = periode_templat(tahun, periode)
    semua_desa = desa_aktif(p)  # a retired desa gets no template for later periods
    if kode_desa is not None:
        diminta = [kode_desa] if isinstance(kode_desa, str) else list(kode_desa)
        ada = {d.kode: d for d in semua_desa}
        for kode in diminta:
            if kode.strip() not in ada:
                raise _desa_tanpa_templat(kode.strip(), p)
        semua_desa = [ada[k.strip()] for k in diminta]
    folder = make_folder(Path(folder))
    baris = baris_templat(tahun)  # the same rows for every desa: read once
    if not baris:
        raise DataTidakValid(
            f"Tahun {tahun} belum punya indikator yang datanya dari desa; tandai dulu "
            "indikator yang sumber datanya desa/kelurahan."
        )
    hasil = []
    for desa in semua_desa:
        struktur = struktur_desa(tahun, p, desa, baris)
        nilai = nilai_tercatat(desa.id, tahun, {b.kode for b in baris}, struktur.kolom)
        target = folder / nama_berkas(struktur, desa.jenis)
        write_template(struktur, nilai, judul_desa(desa), target)
        hasil.append(
            HasilTemplat(target, desa.kode, desa.nama, p.id, len(struktur.baris), len(nilai))
        )
    return hasil
