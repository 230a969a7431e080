"""One vocabulary: functions are named with English verbs (docs/GLOSSARY.md, "Verbs"), while
domain nouns stay Indonesian. A function whose name starts with an Indonesian verb is refused."""

import ast
from pathlib import Path

import kinerja_desktop

PACKAGE = Path(kinerja_desktop.__file__).parent
# the application, and the project's own scripts and benchmarks
ROOTS = (PACKAGE, PACKAGE.parent / "scripts", PACKAGE.parent / "bench")

# Indonesian verbs and predicates seen at the head of function names (predicates become
# is_/has_/can_/needs_*, callbacks _on_done/_on_failed/_on_crashed). Nouns that look alike stay
# allowed: pilihan (choice), isian (entry), kunci_* (a sort key: kunci_urut), bagian (part),
# aturan (rule), rekap, masukan (input), ulangan, sambungan, potongan, tunggakan; and so do
# adjectives naming a value, not a test: kosong, kurang, bersih, lengkap.
INDONESIAN_VERBS = frozenset(
    [
        "ada",
        "ambil",
        "atur",
        "baca",
        "bandingkan",
        "bangun",
        "batalkan",
        "batasi",
        "beda",
        "belum",
        "bersihkan",
        "berubah",
        "bisa",
        "boleh",
        "buat",
        "buka",
        "bulat",
        "bungkus",
        "cari",
        "catat",
        "cek",
        "cetak",
        "coba",
        "cocok",
        "dapat",
        "disetujui",
        "ekspor",
        "gabung",
        "gagal",
        "gambar",
        "ganti",
        "gulung",
        "hapus",
        "hentikan",
        "hitung",
        "hubungkan",
        "ikut",
        "impor",
        "ingat",
        "isi",
        "jadikan",
        "jalankan",
        "keluar",
        "kembali",
        "kembalikan",
        "kirim",
        "kosongkan",
        "lengkapi",
        "lihat",
        "lompat",
        "masih",
        "masuk",
        "memuat",
        "minta",
        "muat",
        "mulai",
        "naik",
        "pasang",
        "perbarui",
        "periksa",
        "perlu",
        "pilih",
        "pindah",
        "pisah",
        "potong",
        "pulihkan",
        "punya",
        "ringkas",
        "rusak",
        "sahkan",
        "salah",
        "salin",
        "sama",
        "sambung",
        "saring",
        "sedang",
        "segarkan",
        "selesai",
        "sembunyikan",
        "sesuai",
        "sesuaikan",
        "setel",
        "setujui",
        "siapkan",
        "simpan",
        "sudah",
        "sunting",
        "susun",
        "tambah",
        "tampil",
        "tampilkan",
        "tandai",
        "tangkap",
        "tanya",
        "temukan",
        "terapkan",
        "terbitkan",
        "terima",
        "tetapkan",
        "tolak",
        "tulis",
        "tunggu",
        "tunjuk",
        "tunjukkan",
        "tutup",
        "ubah",
        "ulang",
        "ulangi",
        "urutkan",
        "usul",
        "usulkan",
        "utuh",
    ]
)


def _indonesian_verb_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(p for root in ROOTS for p in root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if is_function and node.name.lstrip("_").split("_")[0] in INDONESIAN_VERBS:
                found.setdefault(str(path.relative_to(PACKAGE.parent)), set()).add(node.name)
    return found


def test_function_names_use_english_verbs():
    assert _indonesian_verb_names() == {}
