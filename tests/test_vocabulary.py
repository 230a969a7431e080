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
        "baca",
        "bandingkan",
        "bangun",
        "batalkan",
        "bersihkan",
        "bisa",
        "buat",
        "buka",
        "cari",
        "catat",
        "cek",
        "cetak",
        "ekspor",
        "gabung",
        "gagal",
        "gambar",
        "ganti",
        "hapus",
        "hentikan",
        "hitung",
        "impor",
        "ingat",
        "isi",
        "jalankan",
        "kembali",
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
        "rusak",
        "salin",
        "saring",
        "sedang",
        "segarkan",
        "selesai",
        "sesuaikan",
        "setel",
        "siapkan",
        "simpan",
        "sunting",
        "susun",
        "tambah",
        "tampil",
        "tampilkan",
        "tandai",
        "tanya",
        "terapkan",
        "terbitkan",
        "terima",
        "tetapkan",
        "tolak",
        "tulis",
        "tunjuk",
        "tutup",
        "ubah",
        "urutkan",
        "usulkan",
    ]
)


def _indonesian_verb_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if is_function and node.name.lstrip("_").split("_")[0] in INDONESIAN_VERBS:
                found.setdefault(str(path.relative_to(PACKAGE)), set()).add(node.name)
    return found


def test_function_names_use_english_verbs():
    assert _indonesian_verb_names() == {}
