"""One vocabulary: functions are named with English verbs (docs/GLOSSARY.md, "Verbs"), while
domain nouns stay Indonesian. A function whose name starts with an Indonesian verb is refused."""

import ast
from pathlib import Path

import kinerja_desktop

PACKAGE = Path(kinerja_desktop.__file__).parent

# Indonesian verbs seen at the head of function names. Nouns that look alike stay allowed:
# pilihan (choice), isian (entry), kunci_* (a sort key), bagian (part), aturan (rule), rekap.
INDONESIAN_VERBS = frozenset(
    [
        "ambil",
        "atur",
        "bandingkan",
        "bangun",
        "baca",
        "bersihkan",
        "buat",
        "buka",
        "cari",
        "catat",
        "cek",
        "cetak",
        "ekspor",
        "gabung",
        "gambar",
        "ganti",
        "hapus",
        "hentikan",
        "hitung",
        "impor",
        "isi",
        "jalankan",
        "kembalikan",
        "kirim",
        "kosongkan",
        "lengkapi",
        "lihat",
        "muat",
        "mulai",
        "pasang",
        "perbarui",
        "periksa",
        "pilih",
        "pindah",
        "pulihkan",
        "salin",
        "segarkan",
        "setel",
        "siapkan",
        "simpan",
        "susun",
        "tambah",
        "tampil",
        "tampilkan",
        "tandai",
        "terapkan",
        "terbitkan",
        "terima",
        "tetapkan",
        "tolak",
        "tulis",
        "tutup",
        "ubah",
        "urutkan",
        "usulkan",
    ]
)

# Names still waiting for their English verb, by module. Remove a name here when you rename
# it; the list must end empty, and then this dict and its use go away.
NOT_YET_RENAMED: dict[str, set[str]] = {
    "domain/batas.py": {"_tampil"},
    "domain/capaian.py": {"_hitung_capaian", "gabung_desa", "pilih_penutup"},
    "domain/skp.py": {"baca_predikat", "baca_rating", "periksa_kurva"},
    "domain/teks.py": {"bersihkan"},
    "exchange/audit_ekspor.py": {"tulis", "tulis_audit"},
    "exchange/buku_target.py": {"_tulis", "_tulis_anggaran", "tulis"},
    "exchange/desa_import.py": {"tulis"},
    "exchange/desa_template.py": {"_tulis"},
    "exchange/guard.py": {"_baca_berkas"},
    "exchange/iki_import.py": {"_periksa_pohon", "_periksa_tahun", "baca"},
    "exchange/kurva_csv.py": {"baca_kurva_csv", "tulis_kurva_csv"},
    "exchange/monev_csv.py": {"_periksa"},
    "exchange/nilai_csv.py": {"_baca_baris", "baca_teks", "tulis"},
    "exchange/paket_reader.py": {"tolak"},
    "exchange/sel_csv.py": {"isi_sel"},
    "reports/beranda.py": {"_impor_terakhir", "hitung"},
    "reports/docx_bagian.py": {"isi_sel", "tulis_tabel"},
    "reports/dokumen_data.py": {"cari", "pilih"},
    "reports/lkjip_bagan.py": {"_isi_kotak"},
    "reports/lkjip_docx_pk.py": {"tulis_lampiran_pk"},
    "reports/lkjip_draf.py": {"_hitung"},
    "reports/lkjip_susun.py": {"susun_lkjip"},
    "reports/output.py": {"siapkan_keluaran"},
    "reports/pk_data.py": {"_isi_jabatan", "isi_json"},
    "reports/pk_versi.py": {"_isi_sama", "bandingkan", "isi_terbit"},
    "reports/skp.py": {"tulis_skp"},
    "reports/skp_data.py": {"_pilih_skp"},
    "ui/capaian_dialog.py": {"_isi_periode", "buka", "ubah_pita"},
    "ui/cetak_dialog.py": {"_cetak", "cetak_ke", "siapkan"},
    "ui/cetak_tampilan.py": {"_buka_dialog", "mulai", "tulis_capaian", "tulis_iki", "tutup"},
    "ui/dialog_laporan.py": {
        "_buka",
        "_buka_berkas",
        "_buka_folder",
        "_isi_ttd",
        "_perbarui_bawaan",
        "_perbarui_cetak",
        "_perbarui_tujuan",
        "_pilih_folder",
        "_simpan_bawaan",
        "buka_di_sistem",
        "cetak_berkas",
        "isi_berubah",
        "mulai",
        "mulai_cetak",
        "tambah_baris",
        "tampilkan_galat",
    },
    "ui/dokumen_dialogs.py": {"_isi_jabatan", "_isi_triwulan", "_terbitkan", "isi_berubah"},
    "ui/keterangan_dialog.py": {"ubah_keterangan"},
    "ui/kirim_dialog.py": {"buka"},
    "ui/lkjip_dialog.py": {"_tulis_dengan_usulan", "buka", "mulai", "periksa"},
    "ui/lkjip_editor.py": {
        "_ambil_tahun_lalu",
        "_ganti_bagian",
        "_ganti_tahun",
        "_jalankan",
        "_kembalikan",
        "_muat",
        "_simpan",
        "_simpan_renstra",
        "_tampilkan",
        "_terima",
        "baca",
    },
    "ui/lkjip_renstra.py": {"isi", "simpan_ke"},
    "ui/pdf_halaman.py": {"atur_kertas", "gambar"},
    "ui/pita_dialog.py": {"_hapus", "_isi", "_tambah", "simpan"},
    "ui/pk_dialogs.py": {"_isi_bawaan", "_perbarui"},
    "ui/report_dialog.py": {"_isi_jabatan"},
    "ui/skp_aturan_tab.py": {"_simpan_organisasi", "muat"},
    "ui/skp_dialog.py": {"_isi_pilihan", "_periksa"},
    "ui/skp_editor.py": {
        "_buat",
        "_cetak",
        "_hapus",
        "_hapus_baris",
        "_isi_pegawai",
        "_isi_rencana",
        "_tambah",
        "buka_cetak",
        "buka_editor",
        "muat",
        "tampil_galat",
    },
    "ui/skp_evaluasi_tab.py": {
        "_isi_keputusan",
        "_isi_tabel",
        "_pilih_rating",
        "_simpan",
        "muat",
        "segarkan",
    },
    "ui/skp_perilaku_tab.py": {"muat"},
    "ui/skp_tambah.py": {"isi"},
    "workbook.py": {"cetak_selebar_halaman"},
}


def _indonesian_verb_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if is_function and node.name.lstrip("_").split("_")[0] in INDONESIAN_VERBS:
                found.setdefault(str(path.relative_to(PACKAGE)), set()).add(node.name)
    return found


def test_function_names_use_english_verbs():
    found = _indonesian_verb_names()
    new = {
        module: sorted(names - NOT_YET_RENAMED.get(module, set()))
        for module, names in found.items()
        if names - NOT_YET_RENAMED.get(module, set())
    }
    assert new == {}


def test_the_list_of_names_not_yet_renamed_is_current():
    found = _indonesian_verb_names()
    renamed = {
        module: sorted(names - found.get(module, set()))
        for module, names in NOT_YET_RENAMED.items()
        if names - found.get(module, set())
    }
    assert renamed == {}, "remove these from NOT_YET_RENAMED"
