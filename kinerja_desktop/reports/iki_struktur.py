"""What the IKI workbook carries besides its printed look, so that it can be imported again.

The printed columns A-D hold the decree as people read it. Hidden columns from E on say what
each row is (``jabatan``, ``tugas``, ``fungsi``, ``indikator``, ``sasaran``) and hold what
the print does not show: codes, the atasan, and every structured field of an indicator. The
table header row carries, in its hidden column E, the mark that says the workbook is ours and
its format version. Hidden columns are not printed, so the workbook prints exactly as before.
"""

import json

from kinerja_desktop.reports.iki_data import IndikatorIKI, JabatanIKI

VERSI = 2
"""The newest format this application reads (and writes when a sheet needs it)."""
AWAL_PENANDA = "Kinerja Desktop IKI v"
PENANDA = f"{AWAL_PENANDA}1"
"""Written in column E of every jabatan sheet's table header: an IKI workbook of ours."""
PENANDA_LANJUTAN = f"{AWAL_PENANDA}2"
"""The mark of a sheet with continuation rows (:data:`BARIS_LANJUTAN`, format 2): an older
application, which would drop their text, refuses the workbook instead; a sheet without them
keeps the format-1 mark, so that older applications still read it."""

KOLOM_JENIS = 5  # column E: the kind of the row
BARIS_JABATAN = "jabatan"
BARIS_TUGAS = "tugas"
BARIS_FUNGSI = "fungsi"
BARIS_INDIKATOR = "indikator"
BARIS_SASARAN = "sasaran"  # a sasaran without indicators
# An indicator taller than a spreadsheet row may be (409 pt) goes on over the rows below it,
# marked so; its printed cells are the indicator row's, read on: the import joins them again
BARIS_LANJUTAN = "lanjutan"

MEDAN_INDIKATOR = (
    "sasaran_ke",
    "kode",
    "satuan",
    "jenis",
    "polaritas",
    "dari_desa",
    "frekuensi",
    "agregasi",
    "pembilang",
    "penyebut",
    "hari_kerja_efektif",
    "formula",
    "formula_butir",
)
"""The hidden fields of an indicator row, from column F on, in this order."""

JUDUL_MEDAN = {
    "sasaran_ke": "sasaran ke",
    "kode": "kode",
    "satuan": "satuan",
    "jenis": "jenis (jumlah/persentase/kehadiran)",
    "polaritas": "polaritas (positif/negatif/rentang)",
    "dari_desa": "dari desa (ya/tidak)",
    "frekuensi": "frekuensi (bulanan/triwulanan)",
    "agregasi": "agregasi (jumlah/rata_rata/terakhir)",
    "pembilang": "pembilang",
    "penyebut": "penyebut",
    "hari_kerja_efektif": "hari kerja efektif",
    "formula": "rumus",
    "formula_butir": "rumus butir (daftar JSON)",
}
"""Labels of the hidden columns, written above them for whoever unhides them."""

KOLOM_TERAKHIR = KOLOM_JENIS + len(MEDAN_INDIKATOR)

YA, TIDAK = "ya", "tidak"


def medan_jabatan(jabatan: JabatanIKI) -> list[str]:
    """The hidden fields of a jabatan row: its code and its atasan's code."""
    return [jabatan.kode, jabatan.atasan]


def medan_indikator(ind: IndikatorIKI, sasaran_ke: int) -> list[str]:
    """The hidden fields of an indicator row, as text, in :data:`MEDAN_INDIKATOR` order."""
    return [
        str(sasaran_ke),
        ind.kode,
        ind.satuan,
        ind.jenis,
        ind.polaritas,
        YA if ind.dari_desa else TIDAK,
        ind.frekuensi,
        ind.agregasi,
        ind.pembilang,
        ind.penyebut,
        "" if ind.hari_kerja_efektif is None else str(ind.hari_kerja_efektif),
        ind.formula,
        json.dumps([s.formula for s in ind.sub], ensure_ascii=False) if ind.sub else "",
    ]
