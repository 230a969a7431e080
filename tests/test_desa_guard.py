"""The safety check refuses dangerous or wrong files before any parser sees them."""

import zipfile

import pytest
from desa_bantuan import templat, ubah_zip

from kinerja_desktop.exchange import guard
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.exchange.guard import check_berkas
from kinerja_desktop.exchange.refusal import BerkasDitolak


def preview(path):
    """What importing ``path`` would change, as the wizard's check shows it; nothing written."""
    [pratinjau], _ = import_berkas_desa([path], coba=True)
    return pratinjau


def tolak(path) -> str:
    with pytest.raises(BerkasDitolak) as info:
        check_berkas(path)
    assert info.value.pesan.startswith(f"Berkas {path.name} ditolak: ")
    return info.value.alasan


@pytest.fixture
def asli(db, tmp_path):
    return templat(tmp_path / "templat")


def test_our_template_passes_and_is_hashed(asli):
    buku = check_berkas(asli)
    assert len(buku.sha256) == 64 and "xl/workbook.xml" in buku.bagian


def test_empty_missing_and_folder(tmp_path):
    kosong = tmp_path / "kosong.xlsx"
    kosong.write_bytes(b"")
    assert "kosong (0 bita)" in tolak(kosong)
    assert "tidak ditemukan" in tolak(tmp_path / "tidak-ada.xlsx")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert "folder" in tolak(folder)


def test_truncated_file(asli, tmp_path):
    potong = tmp_path / "potong.xlsx"
    potong.write_bytes(asli.read_bytes()[:3000])
    assert "terpotong atau rusak" in tolak(potong)


def test_old_xls_and_encrypted_workbook(tmp_path):
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    xls = tmp_path / "lama.xls"
    xls.write_bytes(cfb + "Workbook".encode("utf-16-le"))
    assert "Excel 97-2003 (.xls)" in tolak(xls)
    sandi = tmp_path / "sandi.xlsx"
    sandi.write_bytes(cfb + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100)
    assert "kata sandi" in tolak(sandi)


def test_csv_and_web_page_renamed_to_xlsx(tmp_path):
    csv = tmp_path / "data.xlsx"
    csv.write_text("kode,jan,feb\nKASI-KESOS.01,3,4\n", encoding="utf-8")
    assert "berkas teks (misalnya CSV)" in tolak(csv)
    html = tmp_path / "laporan.xlsx"
    html.write_text("<html><body><table></table></body></html>", encoding="utf-8")
    assert "halaman web/XML" in tolak(html)


def test_word_document_and_ods_renamed_to_xlsx(tmp_path):
    docx = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    assert "bukan buku kerja Excel" in tolak(docx)
    ods = tmp_path / "isian.xlsx"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("content.xml", "<document/>")
    assert "OpenDocument (.ods)" in tolak(ods)


def test_zip_bomb(asli, tmp_path):
    bom = ubah_zip(asli, tmp_path / "bom.xlsx", tambah={"xl/media/isi.xml": b"0" * 30_000_000})
    assert bom.stat().st_size < 200_000
    alasan = tolak(bom)
    assert "bom zip" in alasan and "xl/media/isi.xml" in alasan


def test_too_many_entries(asli, tmp_path):
    banyak = {f"xl/media/gambar{i}.bin": b"x" for i in range(guard.JUMLAH_ENTRI_MAKS)}
    assert "bagian" in tolak(ubah_zip(asli, tmp_path / "banyak.xlsx", tambah=banyak))


def test_oversized_file(asli, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "UKURAN_BERKAS_MAKS", 5_000)
    assert "terlalu besar" in tolak(asli)


def test_xml_entity_declarations(asli, tmp_path):
    with zipfile.ZipFile(asli) as z:
        sheet = z.read("xl/worksheets/sheet2.xml")
    badan = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    tawa = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' + badan
    serang = ubah_zip(asli, tmp_path / "entitas.xlsx", ganti={"xl/worksheets/sheet2.xml": tawa})
    assert "DOCTYPE/ENTITY" in tolak(serang)


def test_macros_and_external_links(asli, tmp_path):
    makro = ubah_zip(asli, tmp_path / "makro.xlsx", tambah={"xl/vbaProject.bin": b"\x00" * 64})
    assert "makro" in tolak(makro)
    with zipfile.ZipFile(asli) as z:
        tipe = z.read("[Content_Types].xml")
    xlsm = tipe.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    assert xlsm != tipe
    assert "makro" in tolak(
        ubah_zip(asli, tmp_path / "m.xlsx", ganti={"[Content_Types].xml": xlsm})
    )
    tautan = ubah_zip(
        asli, tmp_path / "tautan.xlsx", tambah={"xl/externalLinks/externalLink1.xml": b"<x/>"}
    )
    assert "tautan ke berkas" in tolak(tautan)


def test_zip_level_encryption_flag(asli, tmp_path):
    data = bytearray(asli.read_bytes())
    # set the "encrypted" bit of the first local header and of every central directory entry
    data[6] |= 1
    start = 0
    while (i := data.find(b"PK\x01\x02", start)) != -1:
        data[i + 8] |= 1
        start = i + 4
    sandi = tmp_path / "zipsandi.xlsx"
    sandi.write_bytes(bytes(data))
    assert "kata sandi" in tolak(sandi)


def test_refusal_reaches_the_preview_without_raising(db, tmp_path):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"PK\x03\x04 bukan arsip yang utuh")
    pratinjau = preview(rusak)
    assert pratinjau.ditolak and "terpotong atau rusak" in pratinjau.ringkasan()


def test_damaged_xml_inside_a_sound_zip(db, asli, tmp_path):
    with zipfile.ZipFile(asli) as z:
        sheet = z.read("xl/worksheets/sheet2.xml")
    rusak = ubah_zip(
        asli, tmp_path / "xml.xlsx", ganti={"xl/worksheets/sheet2.xml": sheet[: len(sheet) // 2]}
    )
    assert "rusak dan tidak dapat dibaca" in preview(rusak).penolakan
    baris = sheet.replace(b'<row r="7"', b'<row r="tujuh"', 1)
    assert baris != sheet
    aneh = ubah_zip(asli, tmp_path / "baris.xlsx", ganti={"xl/worksheets/sheet2.xml": baris})
    assert "lembar Isian rusak" in preview(aneh).penolakan


def test_damaged_files_are_refusals_never_crashes(db, asli, tmp_path):
    # random damage to the bytes and to the XML parts, seeded: every outcome must be a
    # preview (accepted or refused with a reason), never an exception the user cannot read
    import io
    import random

    data = asli.read_bytes()
    with zipfile.ZipFile(asli) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    acak = random.Random(2026)
    target = tmp_path / "rusak.xlsx"
    for k in range(120):
        if k % 2 == 0:
            b = bytearray(data)
            for _ in range(acak.randint(1, 20)):
                b[acak.randrange(len(b))] = acak.randrange(256)
            target.write_bytes(bytes(b))
        else:
            nama = acak.choice(xml)
            x = bytearray(parts[nama])
            for _ in range(acak.randint(1, 5)):
                i = acak.randrange(len(x))
                x[i : i + acak.randint(0, 10)] = bytes(
                    acak.choice(b'<>"=/ abcr0123456789') for _ in range(acak.randint(0, 5))
                )
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for n, v in parts.items():
                    z.writestr(n, bytes(x) if n == nama else v)
            target.write_bytes(buf.getvalue())
        hasil = preview(target)
        assert hasil.penolakan is None or hasil.penolakan.endswith(".")
