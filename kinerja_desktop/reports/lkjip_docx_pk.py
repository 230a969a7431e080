"""The Perjanjian Kinerja appendix of the Laporan Kinerja in Word: per agreement the statement
page and the attachment, worded and ordered as the PK's own PDF (reports/pk_pdf), so that the
office edits the same agreement it signs."""

from typing import Any

from kinerja_desktop.reports.docx_bagian import satu_halaman, write_tabel
from kinerja_desktop.reports.lkjip_blok import Sel, Tabel
from kinerja_desktop.reports.pk_data import (
    KOLOM_INDIKATOR,
    KOLOM_PERUBAHAN,
    KOLOM_PROGRAM,
    DokumenPk,
    LaporanPk,
    teks_rupiah,
    teks_waktu,
)

LEBAR_INDIKATOR = (0.06, 0.30, 0.40, 0.12, 0.12)
LEBAR_PROGRAM = (0.06, 0.64, 0.30)
LEBAR_PERUBAHAN = (0.06, 0.34, 0.30, 0.30)


def _kepala(doc: Any, d: DokumenPk) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for teks in (d.judul, f"KECAMATAN {d.kecamatan}".upper()):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(teks).bold = True


def _pihak(doc: Any, nama: str, jabatan: str) -> None:
    from docx.shared import Pt

    for label, isi in (("Nama", nama), ("Jabatan", jabatan)):
        p = doc.add_paragraph(f"{label}\t: {isi}")
        p.paragraph_format.left_indent = Pt(28)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.tab_stops.add_tab_stop(Pt(100))


def _paragraf(doc: Any, teks: str, tebal: str = "") -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if tebal and tebal in teks:
        awal, akhir = teks.split(tebal, 1)
        p.add_run(awal)
        p.add_run(tebal).bold = True
        p.add_run(akhir)
    else:
        p.add_run(teks)


def tanda_tangan_dua(doc: Any, d: DokumenPk, lebar: float) -> None:
    """Place and date at the right, then pihak kedua (left) and pihak pertama (right)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.add_paragraph().paragraph_format.keep_with_next = True
    tabel = doc.add_table(rows=2, cols=2)
    for c in range(2):
        tabel.columns[c].width = Pt(lebar / 2)
        tabel.cell(0, c).width = Pt(lebar / 2)
    tabel.cell(0, 1).paragraphs[0].add_run(d.tempat_tanggal)
    tabel.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for c, (judul, pihak) in enumerate(
        (("Pihak Kedua,", d.pihak_kedua), ("Pihak Pertama,", d.pihak_pertama))
    ):
        sel = tabel.cell(1, c)
        sel.width = Pt(lebar / 2)
        baris = [(judul, True, False), (pihak.jabatan, False, False), ("", False, False),
                 ("", False, False), ("", False, False), (pihak.nama, True, True),
                 (pihak.pangkat, False, False), (pihak.nip, False, False)]  # fmt: skip
        for i, (teks, tebal, garis) in enumerate(baris):
            p = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(teks)
            run.bold, run.underline = tebal, garis
    satu_halaman(tabel)


def _indikator(d: DokumenPk) -> Tabel:
    baris: list[tuple[Sel, ...]] = []
    gabung = []
    for nomor, s in enumerate(d.sasaran, start=1):
        awal = len(baris)
        for i, b in enumerate(s.indikator):
            baris.append((Sel(str(nomor) if i == 0 else "", tengah=True),
                          Sel(s.teks if i == 0 else ""), Sel(b.indikator),
                          Sel(b.target, tengah=True), Sel(b.satuan, tengah=True)))  # fmt: skip
        if len(baris) - awal > 1:
            gabung += [(0, awal, len(baris) - 1), (1, awal, len(baris) - 1)]
    if not d.sasaran:
        baris.append((Sel(""), Sel("Belum ada sasaran dan indikator untuk jabatan ini."),
                      Sel(""), Sel(""), Sel("")))  # fmt: skip
    return Tabel("", KOLOM_INDIKATOR, tuple(baris), LEBAR_INDIKATOR, tuple(gabung), True)


def _program(d: DokumenPk) -> Tabel:
    baris = [
        (Sel(str(i), tengah=True), Sel(f"{p.kode} {p.nama}".strip()), Sel(teks_rupiah(p.anggaran)))
        for i, p in enumerate(d.program, start=1)
    ]
    if not d.program:
        baris.append((Sel(""), Sel("Belum ada program dan anggaran untuk jabatan ini."), Sel("")))
    baris.append((Sel(""), Sel("Jumlah", tebal=True), Sel(teks_rupiah(d.total_anggaran))))
    return Tabel("", KOLOM_PROGRAM, tuple(baris), LEBAR_PROGRAM)


def _perubahan(doc: Any, d: DokumenPk, lebar: float) -> None:
    judul = "Perubahan terhadap Perjanjian Kinerja"
    if d.waktu_semula:
        judul += f" yang diterbitkan {teks_waktu(d.waktu_semula)}"
    doc.add_paragraph().add_run(judul).bold = True
    if d.alasan:
        doc.add_paragraph(f"Alasan perubahan: {d.alasan}")
    baris = [
        (Sel(str(i), tengah=True), Sel(b.bagian), Sel(b.semula), Sel(b.menjadi))
        for i, b in enumerate(d.perubahan, start=1)
    ] or [(Sel(""), Sel("Tidak ada perubahan isi (hanya diterbitkan ulang)."), Sel(""), Sel(""))]
    write_tabel(doc, Tabel("", KOLOM_PERUBAHAN, tuple(baris), LEBAR_PERUBAHAN), lebar, 2)


def write_lampiran_pk(doc: Any, pk: LaporanPk, lebar: float) -> None:
    """Every agreement of ``pk``: the statement, then (new page) the attachment."""
    from docx.enum.text import WD_BREAK

    if not pk.dokumen:
        doc.add_paragraph("Belum ada Perjanjian Kinerja untuk tahun ini.")
    for i, d in enumerate(pk.dokumen):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _kepala(doc, d)
        _paragraf(doc, d.pembuka)
        _pihak(doc, d.pihak_pertama.nama, d.pihak_pertama.jabatan)
        _paragraf(doc, "selanjutnya disebut pihak pertama.", "pihak pertama")
        _pihak(doc, d.pihak_kedua.nama, d.pihak_kedua.jabatan)
        _paragraf(doc, f"{d.sebutan_pihak_kedua}, selanjutnya disebut pihak kedua.", "pihak kedua")
        for janji in d.janji:
            _paragraf(doc, janji)
        tanda_tangan_dua(doc, d, lebar)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _kepala(doc, d)
        doc.add_paragraph(f"Jabatan: {d.pihak_pertama.jabatan}")
        write_tabel(doc, _indikator(d), lebar)
        # the signature never alone on a page: the last rows of the table above go with it
        write_tabel(doc, _program(d), lebar, ikat_akhir=0 if d.ke else 2)
        if d.ke:
            _perubahan(doc, d, lebar)
        tanda_tangan_dua(doc, d, lebar)
