"""The safety check every incoming workbook passes before anything parses it.

A desa workbook arrives on a USB stick from an unknown PC. Before any XML parser sees it, the
file is checked as bytes and as a zip archive: size, kind (an old .xls, a CSV, an encrypted
workbook, an OpenDocument file), entry count, declared and real uncompressed sizes, compression
ratio (zip bombs), macros, links to other files and XML entity declarations (entity attacks).
The XML parts that pass are kept in memory, so what was checked is exactly what is read later.
"""

import hashlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kinerja_desktop.exchange.refusal import BerkasDitolak

# Our templates are about 20-40 KB and expand to well under 1 MB; real workbooks stayed under an
# 18x compression ratio. The limits leave a wide margin for a workbook saved again by Excel or
# LibreOffice while refusing anything that could exhaust an old PC's memory.
UKURAN_BERKAS_MAKS = 10 * 1024 * 1024
JUMLAH_ENTRI_MAKS = 300
UKURAN_ENTRI_MAKS = 20 * 1024 * 1024
UKURAN_TOTAL_MAKS = 60 * 1024 * 1024
RASIO_MAKS = 100
RASIO_BERLAKU_DI_ATAS = 1024 * 1024  # tiny parts may compress well without being a danger

_ZIP = b"PK\x03\x04"
_ZIP_KOSONG = b"PK\x05\x06"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted .xlsx
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

_SIMPAN_XLSX = (
    "Buka berkas itu di Excel atau LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx)"
)
_TIDAK_TERBACA = (
    "berkas tidak dapat dibaca: mungkin sedang dibuka di Excel atau program lain, atau "
    "flashdisk bermasalah. Tutup berkas itu lalu coba lagi."
)
_MINTA_ULANG = "Minta desa mengirim ulang templat yang diisi, tanpa diubah bentuknya"


@dataclass
class BukuKerjaMentah:
    """A workbook that passed the guard: its bytes, their SHA-256 and its XML parts."""

    path: Path
    isi: bytes
    sha256: str
    bagian: dict[str, bytes] = field(default_factory=dict)  # zip entry name -> XML bytes


def _read_berkas(path: Path) -> bytes:
    try:
        ukuran = path.stat().st_size
    except FileNotFoundError as exc:
        raise BerkasDitolak(
            path, "berkas tidak ditemukan. Periksa apakah flashdisk masih terpasang."
        ) from exc
    except OSError as exc:
        raise BerkasDitolak(path, _TIDAK_TERBACA) from exc
    if path.is_dir():
        raise BerkasDitolak(
            path, "ini sebuah folder, bukan berkas. Pilih berkas .xlsx di dalamnya."
        )
    if ukuran == 0:
        raise BerkasDitolak(
            path,
            "berkas kosong (0 bita), mungkin penyalinan ke flashdisk belum selesai. "
            "Salin ulang berkas dari komputer desa.",
        )
    if ukuran > UKURAN_BERKAS_MAKS:
        raise BerkasDitolak(
            path,
            f"berkas terlalu besar ({ukuran / 1024 / 1024:.1f} MB; templat desa biasanya di bawah "
            f"100 KB, batas {UKURAN_BERKAS_MAKS // 1024 // 1024} MB). {_MINTA_ULANG}.",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BerkasDitolak(path, _TIDAK_TERBACA) from exc


def _jenis_bukan_zip(isi: bytes) -> str:
    """Explain, for a file that is not a zip archive, what it probably is."""
    if isi.startswith(_CFB):
        if _ENCRYPTION_INFO in isi:
            return (
                "buku kerja dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat "
                "dibaca. Minta desa membuka berkas, menghapus kata sandinya (File › Info › "
                "Protect Workbook / Simpan dengan kata sandi kosong), lalu mengirim ulang."
            )
        return (
            "berkas berformat Excel 97-2003 (.xls), bukan .xlsx. "
            f"{_SIMPAN_XLSX}, atau lebih baik isi templat .xlsx yang dikirim kecamatan."
        )
    kepala = isi[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    if kepala[:1] == b"<":
        return (
            "berkas ini halaman web/XML (mungkin diberi akhiran .xlsx atau .xls), "
            f"bukan buku kerja Excel. {_SIMPAN_XLSX}."
        )
    teks = kepala.decode("utf-8", errors="replace")
    # a slice may cut one multi-byte character; more replacement characters mean binary
    if teks.count("\ufffd") <= 1 and all(c.isprintable() or c in "\r\n\t" for c in teks):
        return (
            "berkas teks (misalnya CSV), bukan buku kerja Excel. "
            "Isi templat .xlsx yang dikirim kecamatan, bukan berkas CSV."
        )
    if isi.startswith(_ZIP[:2]):
        return (
            "berkas terpotong atau rusak (arsip tidak lengkap), mungkin penyalinan belum "
            "selesai. Salin ulang berkas dari komputer desa."
        )
    return f"berkas ini bukan buku kerja Excel (.xlsx). {_SIMPAN_XLSX}."


def _check_entri(path: Path, arsip: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    entri = arsip.infolist()
    if len(entri) > JUMLAH_ENTRI_MAKS:
        raise BerkasDitolak(
            path,
            f"arsip berisi {len(entri)} bagian (batas {JUMLAH_ENTRI_MAKS}); ini bukan templat "
            f"desa dan bisa membahayakan komputer. {_MINTA_ULANG}.",
        )
    total = 0
    for info in entri:
        if info.flag_bits & 0x1:
            raise BerkasDitolak(
                path,
                "buku kerja dilindungi kata sandi (terenkripsi). Minta desa menghapus kata "
                "sandinya lalu mengirim ulang.",
            )
        total += info.file_size
        rasio = info.file_size / max(info.compress_size, 1)
        besar = info.file_size > RASIO_BERLAKU_DI_ATAS
        if (
            info.file_size > UKURAN_ENTRI_MAKS
            or total > UKURAN_TOTAL_MAKS
            or (besar and rasio > RASIO_MAKS)
        ):
            raise BerkasDitolak(
                path,
                f"isi arsip mengembang terlalu besar ({info.filename}: "
                f"{info.file_size / 1024 / 1024:.0f} MB, {rasio:.0f} kali ukuran terkompresi). "
                'Berkas seperti ini ("bom zip") bisa menghabiskan memori komputer. '
                f"{_MINTA_ULANG}.",
            )
    return entri


def _check_isi_berbahaya(path: Path, nama: set[str], tipe_isi: bytes) -> None:
    rendah = {n.lower() for n in nama}
    if "mimetype" in rendah and "xl/workbook.xml" not in rendah:
        raise BerkasDitolak(
            path,
            "berkas OpenDocument (.ods), bukan .xlsx. Di LibreOffice pilih Berkas › Simpan "
            "Sebagai › Buku Kerja Excel 2007-365 (.xlsx).",
        )
    if any(n.endswith("vbaproject.bin") for n in rendah) or b"macroEnabled" in tipe_isi:
        raise BerkasDitolak(
            path,
            "buku kerja berisi makro (.xlsm atau kode VBA). Makro bisa berbahaya dan tidak "
            "dibaca. Minta desa menyimpan ulang sebagai Buku Kerja Excel (.xlsx) tanpa makro.",
        )
    if any(n.startswith("xl/externallinks/") for n in rendah) or "xl/connections.xml" in rendah:
        raise BerkasDitolak(
            path,
            "buku kerja berisi tautan ke berkas atau sumber data lain. Minta desa menghapus "
            "tautan itu (Data › Edit Links › Break Link) atau mengisi templat asli tanpa "
            "menyalin dari berkas lain, lalu mengirim ulang.",
        )


_DEKLARASI = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _has_entity_declaration(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    return _DEKLARASI.search(data) is not None


def check_berkas(path: Path | str) -> BukuKerjaMentah:
    """Check ``path`` as bytes and as a zip archive; return its XML parts when it is safe.

    Raises :class:`BerkasDitolak` with an Indonesian reason for a file that is empty, too big,
    not an .xlsx (an .xls, a CSV, an .ods, a renamed or truncated file), encrypted, a zip bomb,
    or that holds macros, links to other files or XML entity declarations.
    """
    path = Path(path)
    isi = _read_berkas(path)
    if not isi.startswith(_ZIP):
        if isi.startswith(_ZIP_KOSONG):
            raise BerkasDitolak(path, f"arsip kosong, bukan buku kerja Excel. {_MINTA_ULANG}.")
        raise BerkasDitolak(path, _jenis_bukan_zip(isi))
    try:
        arsip = zipfile.ZipFile(io.BytesIO(isi))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,
    ) as exc:
        raise BerkasDitolak(
            path,
            "berkas terpotong atau rusak (arsip tidak lengkap), mungkin penyalinan ke flashdisk "
            "belum selesai. Salin ulang berkas dari komputer desa.",
        ) from exc
    with arsip:
        entri = _check_entri(path, arsip)
        nama = {info.filename for info in entri}
        if "[Content_Types].xml" not in nama:
            raise BerkasDitolak(path, f"berkas ini bukan buku kerja Excel (.xlsx). {_SIMPAN_XLSX}.")
        bagian: dict[str, bytes] = {}
        try:
            for info in entri:
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                # zipfile never returns more than the declared (already bounded) size
                data = arsip.read(info)
                if _has_entity_declaration(data):
                    raise BerkasDitolak(
                        path,
                        f"bagian {info.filename} berisi deklarasi DOCTYPE/ENTITY. Excel dan "
                        "LibreOffice tidak pernah menulisnya; berkas ini dibuat untuk menyerang "
                        f"komputer dan tidak dibaca. {_MINTA_ULANG}.",
                    )
                bagian[info.filename] = data
        # a damaged archive fails in many ways inside zipfile and zlib; all mean "damaged"
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
        ) as exc:
            raise BerkasDitolak(
                path,
                "berkas terpotong atau rusak (isi arsip tidak dapat dibuka). "
                "Salin ulang berkas dari komputer desa.",
            ) from exc
    _check_isi_berbahaya(path, nama, bagian.get("[Content_Types].xml", b""))
    if "xl/workbook.xml" not in {n.lower() for n in nama}:
        raise BerkasDitolak(
            path,
            "arsip ini bukan buku kerja Excel (mungkin dokumen Word atau berkas lain yang "
            f"diganti akhirannya). {_SIMPAN_XLSX}.",
        )
    return BukuKerjaMentah(
        path=path, isi=isi, sha256=hashlib.sha256(isi).hexdigest(), bagian=bagian
    )
