"""The Perjanjian Kinerja and the Laporan Kinerja print the same anggaran, read back from the
written PDF and Excel: a program with a kegiatan still without anggaran has no total in
either (a marked blank in the PK, n/a in the LKjIP, never the sum of the entered kegiatan),
and once every kegiatan has its anggaran both print the same Rupiah and the same total."""

import re
import subprocess
from pathlib import Path

from dokumen_bantuan import PROGRAM_PEM, PROGRAM_SEKCAM, isi_program
from openpyxl import load_workbook

from kinerja_desktop.db.models import Kegiatan
from kinerja_desktop.db.ops_program import IsiKegiatan, update_butir
from kinerja_desktop.reports.lkjip import export_lkjip
from kinerja_desktop.reports.lkjip_data import build_lkjip_report
from kinerja_desktop.reports.penandatangan import KOSONG
from kinerja_desktop.reports.pk import export_pk
from kinerja_desktop.reports.pk_versi import build_pk_report

SEKCAM_TERISI = 1_250_000_000  # the one kegiatan of PROGRAM_SEKCAM with an anggaran
PEM = 175_000_000  # PROGRAM_PEM: both its kegiatan have one


def _teks_pdf(path: Path) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                           text=True, check=True)  # fmt: skip
    return hasil.stdout


def _sel(teks: str, awal: str) -> str:
    """What follows ``awal`` on the first table line of ``teks`` that holds it, spaces made
    single: a long name wraps, so only its first words are on the line with the figures."""
    for baris in teks.splitlines():
        if awal in baris:
            return " ".join(baris.split(awal, 1)[1].split())
    raise AssertionError(f"no line {awal!r}")


def _tabel_program(pdf: Path) -> str:
    """The PK's program table, from its heading on."""
    teks = _teks_pdf(pdf)
    return teks[teks.index("Anggaran (Rp)") :]


def _datar(teks: str) -> str:
    return re.sub(r"\s+", " ", teks)


def _angka(laporan_lkjip) -> tuple[dict[str, int | None], int | None]:
    ang = laporan_lkjip.angka.anggaran
    return {b.nama: b.anggaran for b in ang.program}, ang.jumlah.anggaran


def _pk_camat():
    [camat] = [d for d in build_pk_report(2020).dokumen if d.kode_jabatan == "CAMAT"]
    return {f"{p.kode} {p.nama}".strip(): p.anggaran for p in camat.program}, camat.total_anggaran


def _xlsx_program(path: Path) -> dict[str, object]:
    """Column B (program) → column D (anggaran) of the Camat's sheet."""
    return {
        r[1]: r[3]
        for r in load_workbook(path)["CAMAT"].iter_rows(values_only=True)
        if r[1] in (f"7.01.02 {PROGRAM_PEM}", PROGRAM_SEKCAM, "Jumlah")
    }


def test_pk_and_lkjip_print_the_same_anggaran_and_total(db, tmp_path):
    isi_program()

    # a kegiatan of the Sekcam's program has no anggaran: its total is not known anywhere
    program_pk, total_pk = _pk_camat()
    program_lkjip, total_lkjip = _angka(build_lkjip_report(2020))
    assert program_pk == program_lkjip == {f"7.01.02 {PROGRAM_PEM}": PEM, PROGRAM_SEKCAM: None}
    assert total_pk is None and total_lkjip is None

    pk_pdf = _tabel_program(export_pk(2020, tmp_path / "pk.pdf", "f4", jabatan_kode="CAMAT"))
    assert _sel(pk_pdf, f"7.01.02 {PROGRAM_PEM}") == "Rp 175.000.000"
    assert _sel(pk_pdf, PROGRAM_SEKCAM) == KOSONG and _sel(pk_pdf, "Jumlah") == KOSONG
    assert _xlsx_program(export_pk(2020, tmp_path / "pk.xlsx", "f4", jabatan_kode="CAMAT")) == {
        f"7.01.02 {PROGRAM_PEM}": PEM,
        PROGRAM_SEKCAM: KOSONG,
        "Jumlah": KOSONG,
    }
    lkjip = _teks_pdf(export_lkjip(2020, tmp_path / "lkjip.pdf", "f4"))
    bab = lkjip[lkjip.index("Tabel 3.5") : lkjip.index("Tabel 3.6")]
    # No | Program / Kegiatan | Anggaran | Realisasi | Realisasi (%)
    assert _sel(bab, "1    Program Penunjang Urusan Pemerintahan") == "n/a n/a n/a"
    assert _sel(bab, "- Administrasi Keuangan") == "Rp 1.250.000.000 n/a n/a"
    assert _sel(bab, "7.01.02 Program Penyelenggaraan") == "Rp 175.000.000 Rp 65.000.000 37,1"
    assert _sel(bab, "Jumlah") == "n/a Rp 65.000.000 n/a"
    kalimat = (
        "Realisasi anggaran tahun 2020 sebesar Rp 65.000.000; anggaran 1 kegiatan belum diisi, "
        "sehingga jumlah anggaran dan persentase realisasinya belum dapat dihitung."
    )  # in 3.2 and in the Ikhtisar Eksekutif, never a percentage of a part
    assert _datar(lkjip).count(kalimat) == 2

    # the last kegiatan gets its anggaran: both print the same figures again
    umum = Kegiatan.get(Kegiatan.nama == "Administrasi Umum").id
    update_butir("kegiatan", umum, IsiKegiatan("Administrasi Umum", "", 250_000_000))
    program_pk, total_pk = _pk_camat()
    program_lkjip, total_lkjip = _angka(build_lkjip_report(2020))
    assert program_pk == program_lkjip == {
        f"7.01.02 {PROGRAM_PEM}": PEM,
        PROGRAM_SEKCAM: SEKCAM_TERISI + 250_000_000,
    }
    assert total_pk == total_lkjip == PEM + SEKCAM_TERISI + 250_000_000

    pk_pdf = _tabel_program(export_pk(2020, tmp_path / "pk.pdf", "f4", jabatan_kode="CAMAT"))
    assert _sel(pk_pdf, PROGRAM_SEKCAM) == "Rp 1.500.000.000"
    assert _sel(pk_pdf, "Jumlah") == "Rp 1.675.000.000"
    assert _xlsx_program(export_pk(2020, tmp_path / "pk.xlsx", "f4", jabatan_kode="CAMAT")) == {
        f"7.01.02 {PROGRAM_PEM}": PEM,
        PROGRAM_SEKCAM: 1_500_000_000,
        "Jumlah": 1_675_000_000,
    }
    lkjip = _teks_pdf(export_lkjip(2020, tmp_path / "lkjip.pdf", "f4"))
    bab = lkjip[lkjip.index("Tabel 3.5") : lkjip.index("Tabel 3.6")]
    assert _sel(bab, "1    Program Penunjang Urusan Pemerintahan") == "Rp 1.500.000.000 n/a n/a"
    assert _sel(bab, "Jumlah") == "Rp 1.675.000.000 Rp 65.000.000 3,9"
    assert "dari anggaran Rp 1.675.000.000 (3,9%)." in _datar(lkjip)
