"""`audit periksa` compares the IKI rows, programs, kegiatan, budget realised and monev notes
with the last change the log records: a change made with another tool (SQL on the file or the
server) is reported in one Indonesian sentence, and untouched data passes.

Every change is made through the application's operations, then one row is changed directly
with SQL, and the command is run as an operator runs it."""

import json
import sqlite3
from dataclasses import dataclass

import pytest
from peewee import fn
from tahun_terisi import isi_tahun

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import CatatanAudit, Indikator, Jabatan, database_proxy
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    set_keterangan,
    set_realisasi_anggaran,
)
from kinerja_desktop.db.ops_indikator import (
    add_indikator,
    add_sasaran,
    add_sub,
    edit_sasaran,
    reinsert_sasaran,
    remove_indikator,
    remove_sasaran,
    update_indikator,
    update_sub,
)
from kinerja_desktop.db.ops_jabatan import (
    add_jabatan,
    reinsert_jabatan,
    remove_jabatan,
    rename_jabatan,
)
from kinerja_desktop.db.ops_program import (
    IsiKegiatan,
    IsiProgram,
    add_kegiatan,
    add_program,
    remove_butir,
    update_butir,
)
from kinerja_desktop.db.ops_uraian import edit_uraian, insert_uraian
from kinerja_desktop.db.years import copy_year


@dataclass(frozen=True)
class Dicatat:
    """The rows the operations below wrote, by id."""

    sekcam: int
    pengolah: int  # a jabatan added and renamed
    tugas: int
    fungsi: int
    indikator: int
    sasaran: int
    sub: int
    program: int
    kegiatan: int
    dihapus: int  # an indicator removed through the application


def periksa(capsys) -> tuple[int, str]:
    """``kinerja-desktop audit periksa`` against the test's database (KINERJA_DB)."""
    code = main(["audit", "periksa"])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    assert not err
    return code, out


def nomor_isi(jenis: str, row_id: int) -> int:
    """The number of the last entry of ``jenis`` that holds the row ``row_id``."""
    rows = CatatanAudit.select(CatatanAudit.id, CatatanAudit.isi).where(
        (CatatanAudit.jenis == jenis) & CatatanAudit.isi.is_null(False)
    )
    return max(n for n, isi in rows.tuples() if json.loads(isi)["id"] == row_id)


def nomor(jenis: str, **kolom: object) -> int:
    """The number of the last entry of ``jenis`` (matching ``kolom``)."""
    syarat = CatatanAudit.jenis == jenis
    for nama, nilai in kolom.items():
        syarat &= getattr(CatatanAudit, nama) == nilai
    return CatatanAudit.select(fn.MAX(CatatanAudit.id)).where(syarat).scalar()


@pytest.fixture
def dicatat(db) -> Dicatat:
    """The built-in data, 2020 copied to 2021, and in 2021 through the application: a jabatan
    added and renamed, one removed with its bawahan, one removed and put back, a tugas and a
    fungsi added and edited, an indicator edited, a sasaran and a sub-item added and edited, a
    sasaran removed and put back, a program with two kegiatan (one removed) and one removed
    with its budget realised, budget realised, kendala and tindak lanjut, an indicator added
    and removed."""
    copy_year(2020, 2021)
    sekcam = Jabatan.get(Jabatan.tahun == 2021, Jabatan.kode == "SEKCAM").id
    pengolah = add_jabatan(2021, "Pengolah Data", sekcam, "PENGOLAH").data
    rename_jabatan(pengolah, "Pengolah Data Kependudukan", "PENGOLAH-DUK")
    umum = add_jabatan(2021, "Pengadministrasi Umum", sekcam).data
    insert_uraian(umum, "tugas", ["Mengarsipkan surat"])
    insert_uraian(add_jabatan(2021, "Pengarsip", umum).data, "fungsi", ["Penataan arsip"])
    remove_jabatan(umum)  # with its bawahan and their tugas and fungsi
    arsip = add_jabatan(2021, "Arsiparis", sekcam).data
    insert_uraian(arsip, "tugas", ["Menata arsip"])
    reinsert_jabatan(remove_jabatan(arsip).data)  # removed, then undone
    [tugas] = insert_uraian(sekcam, "tugas", ["Menyusun rencana kerja"]).data
    edit_uraian("tugas", tugas, "Menyusun rencana kerja tahunan")
    [fungsi] = insert_uraian(sekcam, "fungsi", ["Pengoordinasian perencanaan"]).data
    ind = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "SEKCAM.02").id
    update_indikator(ind, {"satuan": "persen", "sumber_data": "Daftar hadir"})
    sasaran = add_sasaran(sekcam, "Pelayanan administrasi tertib").data
    edit_sasaran(sasaran, "Pelayanan administrasi kecamatan tertib")
    sub = add_sub(ind, teks="Apel pagi").data
    update_sub(sub, formula="hadir / wajib hadir")
    lepas = add_sasaran(sekcam, "Sasaran sementara").data
    add_indikator(lepas, fields={"nama": "Jumlah rapat"})
    reinsert_sasaran(remove_sasaran(lepas).data)  # removed with its indicator, then undone
    dihapus = add_indikator(sasaran, fields={"nama": "Jumlah surat"}).data
    remove_indikator(dihapus)
    program = add_program(sekcam, IsiProgram("Program Penunjang", "7.01.01")).data
    kegiatan = add_kegiatan(program, IsiKegiatan("Administrasi Keuangan", "1.02", 3_000_000)).data
    update_butir("kegiatan", kegiatan, IsiKegiatan("Administrasi Keuangan", "1.02", 3_500_000))
    lain = add_kegiatan(program, IsiKegiatan("Administrasi Umum", anggaran=250_000)).data
    set_realisasi_anggaran(
        [AnggaranMasuk(kegiatan, "2021Q1", 750_000), AnggaranMasuk(lain, "2021Q1", 50_000)]
    )
    set_realisasi_anggaran([AnggaranMasuk(kegiatan, "2021Q2", 800_000)])
    remove_butir("kegiatan", [lain])
    kedua = add_program(sekcam, IsiProgram("Program Kedua")).data
    realisasi = add_kegiatan(kedua, IsiKegiatan("Rapat Koordinasi", anggaran=100_000)).data
    set_realisasi_anggaran([AnggaranMasuk(realisasi, "2021Q1", 40_000)])
    remove_butir("program", [kedua])  # with its kegiatan and their budget realised
    set_keterangan([KeteranganMasuk(ind, "2021Q1", "Dua pegawai cuti", "Piket diatur ulang")])
    return Dicatat(sekcam, pengolah, tugas, fungsi, ind, sasaran, sub, program, kegiatan, dihapus)


def test_data_changed_only_through_the_application_passes(dicatat, capsys):
    code, out = periksa(capsys)
    assert code == 0
    assert out.startswith("Log utuh:")
    assert "IKI, program, kegiatan, realisasi anggaran dan keterangan" in out


def test_a_filled_year_passes(dicatat, capsys):
    isi_tahun(2021, 6)
    code, out = periksa(capsys)
    assert (code, out.startswith("Log utuh:")) == (0, True)


def test_the_built_in_data_passes(db, capsys):
    code, out = periksa(capsys)
    assert (code, out.startswith("Log utuh:")) == (0, True)


def _nama_2020(kode: str) -> str:
    return Indikator.get(Indikator.tahun == 2020, Indikator.kode == kode).nama


def _tempat() -> str:
    return "(jabatan Sekretaris Kecamatan, tahun 2021)"


KASUS = {
    "jabatan": (
        "UPDATE jabatan SET nama = 'Pengolah Data' WHERE id = {pengolah}",
        lambda d: (
            "Jabatan PENGOLAH-DUK “Pengolah Data” (tahun 2021): nama tersimpan “Pengolah "
            f"Data”, menurut log (catatan nomor {nomor('jabatan', jabatan_id=d.pengolah)}) "
            "“Pengolah Data Kependudukan”."
        ),
    ),
    "jabatan dihapus": (
        "DELETE FROM jabatan WHERE id = {pengolah}",
        lambda d: (
            "Jabatan PENGOLAH-DUK “Pengolah Data Kependudukan” (tahun 2021) tidak ada di basis "
            f"data, padahal menurut log (catatan nomor {nomor('jabatan', jabatan_id=d.pengolah)}"
            ") masih ada: dihapus di luar aplikasi."
        ),
    ),
    "tugas": (
        "UPDATE tugas SET teks = 'Menyusun rencana' WHERE id = {tugas}",
        lambda d: (
            f"Tugas “Menyusun rencana” {_tempat()}: teks tersimpan “Menyusun rencana”, menurut "
            f"log (catatan nomor {nomor_isi('tugas', d.tugas)}) “Menyusun rencana kerja tahunan”."
        ),
    ),
    "fungsi dihapus": (
        "DELETE FROM fungsi WHERE id = {fungsi}",
        lambda d: (
            f"Fungsi “Pengoordinasian perencanaan” {_tempat()} tidak ada di basis data, padahal "
            f"menurut log (catatan nomor {nomor_isi('fungsi', d.fungsi)}) masih ada: dihapus "
            "di luar aplikasi."
        ),
    ),
    "indikator": (
        "UPDATE indikator SET satuan = 'orang' WHERE id = {indikator}",
        lambda d: (
            f"Indikator SEKCAM.02 {_tempat()}: satuan tersimpan “orang”, menurut log (catatan "
            f"nomor {nomor('indikator', indikator_id=d.indikator)}) “persen”."
        ),
    ),
    "indikator tak tersentuh sejak salin tahun": (
        "UPDATE indikator SET nama = 'Jumlah apa saja' WHERE tahun = 2021 AND kode = 'SEKCAM.01'",
        lambda d: (
            f"Indikator SEKCAM.01 {_tempat()}: nama tersimpan “Jumlah apa saja”, menurut log "
            f"(catatan nomor {nomor('tahun', periode='2021')}) “{_nama_2020('SEKCAM.01')}”."
        ),
    ),
    "tugas disisipkan": (
        "INSERT INTO tugas (jabatan_id, urutan, teks) VALUES ({sekcam}, 99, 'Tugas gelap')",
        lambda d: (
            f"Tugas “Tugas gelap” {_tempat()} ada di basis data tetapi tidak ada di log: "
            "ditulis di luar aplikasi."
        ),
    ),
    "sasaran": (
        "UPDATE sasaran SET teks = 'Pelayanan cepat' WHERE id = {sasaran}",
        lambda d: (
            f"Sasaran “Pelayanan cepat” {_tempat()}: teks tersimpan “Pelayanan cepat”, menurut "
            f"log (catatan nomor {nomor_isi('sasaran', d.sasaran)}) “Pelayanan "
            "administrasi kecamatan tertib”."
        ),
    ),
    "sub_indikator": (
        "UPDATE sub_indikator SET formula = 'hadir' WHERE id = {sub}",
        lambda d: (
            f"Sub-butir “Apel pagi” indikator SEKCAM.02 {_tempat()}: formulasi tersimpan "
            f"“hadir”, menurut log (catatan nomor {nomor_isi('sub_indikator', d.sub)}) “hadir / "
            "wajib hadir”."
        ),
    ),
    "program": (
        "UPDATE program SET kode = '7.01.02' WHERE id = {program}",
        lambda d: (
            f"Program “Program Penunjang” {_tempat()}: kode tersimpan “7.01.02”, menurut log "
            f"(catatan nomor {nomor_isi('program', d.program)}) “7.01.01”."
        ),
    ),
    "kegiatan": (
        "UPDATE kegiatan SET anggaran = 9500000 WHERE id = {kegiatan}",
        lambda d: (
            f"Kegiatan “Administrasi Keuangan” {_tempat()}: anggaran tersimpan Rp 9.500.000, "
            f"menurut log (catatan nomor {nomor_isi('kegiatan', d.kegiatan)}) Rp 3.500.000."
        ),
    ),
    "kegiatan dihapus": (
        "DELETE FROM kegiatan WHERE id = {kegiatan}",
        lambda d: (
            f"Kegiatan “Administrasi Keuangan” {_tempat()} tidak ada di basis data, padahal "
            f"menurut log (catatan nomor {nomor_isi('kegiatan', d.kegiatan)}) masih ada: "
            "dihapus di luar aplikasi."
        ),
    ),
    "indikator dihapus kembali": (
        "INSERT INTO indikator (id, sasaran_id, tahun, kode, urutan, nama, formula, sumber_data, "
        "satuan, jenis, polaritas, dari_desa, frekuensi, agregasi, pembilang, penyebut) "
        "VALUES ({dihapus}, {sasaran}, 2021, 'SEKCAM.99', 0, 'Jumlah surat', '', '', '', "
        "'jumlah', 'positif', {salah}, 'bulanan', 'jumlah', '', '')",
        lambda d: (
            f"Indikator SEKCAM.99 {_tempat()} ada di basis data, padahal menurut log (catatan "
            f"nomor {nomor('indikator', indikator_id=d.dihapus)}) sudah dihapus: ditulis di "
            "luar aplikasi."
        ),
    ),
    "realisasi anggaran": (
        "UPDATE realisasi_anggaran SET nilai = 950000 WHERE kegiatan_id = {kegiatan} "
        "AND periode = '2021Q2'",
        lambda d: (
            "Realisasi anggaran kegiatan “Administrasi Keuangan” (jabatan Sekretaris "
            "Kecamatan) Triwulan II 2021: realisasi tersimpan Rp 950.000, menurut log (catatan "
            f"nomor {nomor('realisasi_anggaran', periode='2021Q2')}) Rp 800.000."
        ),
    ),
    "realisasi anggaran disisipkan": (
        "INSERT INTO realisasi_anggaran (kegiatan_id, periode, nilai, sumber, diubah) "
        "VALUES ({kegiatan}, '2021Q3', 100000, 'entri', '2099-01-01T00:00:00')",
        lambda d: (
            "Realisasi anggaran kegiatan “Administrasi Keuangan” (jabatan Sekretaris "
            "Kecamatan) Triwulan III 2021 (diubah 2099-01-01T00:00:00) tidak ada di log: "
            "ditulis di luar aplikasi."
        ),
    ),
    "keterangan": (
        "UPDATE keterangan SET tindak_lanjut = 'Tidak ada' WHERE indikator_id = {indikator}",
        lambda d: (
            "Keterangan indikator SEKCAM.02 (jabatan Sekretaris Kecamatan) Triwulan I 2021: "
            "tindak lanjut tersimpan “Tidak ada”, menurut log (catatan nomor "
            f"{nomor('keterangan', indikator_id=d.indikator)}) “Piket diatur ulang”."
        ),
    ),
    "keterangan dihapus": (
        "DELETE FROM keterangan WHERE indikator_id = {indikator}",
        lambda d: (
            "Keterangan indikator SEKCAM.02 (jabatan Sekretaris Kecamatan) Triwulan I 2021 "
            "tidak ada di basis data, padahal menurut log (catatan nomor "
            f"{nomor('keterangan', indikator_id=d.indikator)}) masih ada: dihapus di luar "
            "aplikasi."
        ),
    ),
}


@pytest.mark.parametrize("apa", list(KASUS))
def test_a_change_made_with_another_tool_is_reported_once(dicatat, db, capsys, apa):
    sql, pesan = KASUS[apa]
    benar_salah = "FALSE" if db.__class__.__name__.startswith("Postgres") else "0"
    db.execute_sql(sql.format(**vars(dicatat), salah=benar_salah))
    harapan = pesan(dicatat)
    code, out = periksa(capsys)
    assert code == 1
    baris = out.splitlines()
    assert baris[0].startswith("PERINGATAN: 1 masalah ditemukan")
    assert baris[1] == f"  - {harapan}"
    assert "diubah di luar aplikasi" in baris[2]


def test_a_year_imported_from_an_iki_workbook_is_compared_row_by_row(db_path, tmp_path, capsys):
    buku = tmp_path / "IKI-2020.xlsx"
    for perintah in (
        ["report", "iki", "--tahun", "2020", "--out", str(buku)],
        ["iki", "impor", str(buku), "--tahun", "2022"],
        ["iki", "impor", str(buku), "--tahun", "2022", "--ganti"],  # replaced: new rows
    ):
        assert main(["--db", str(db_path), *perintah]) == 0
        database_proxy.initialize(None)
    capsys.readouterr()
    code, out = periksa(capsys)
    assert (code, out.startswith("Log utuh:")) == (0, True)
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE sub_indikator SET teks = 'Apa saja' WHERE id = (SELECT min(s.id) "
                    "FROM sub_indikator s JOIN indikator i ON i.id = s.indikator_id "
                    "WHERE i.tahun = 2022)")  # fmt: skip
    code, out = periksa(capsys)
    assert code == 1
    [masalah] = [b for b in out.splitlines() if b.startswith("  - ")]
    assert masalah.startswith("  - Sub-butir “Apa saja” indikator ")
    assert "tahun 2022): teks tersimpan “Apa saja”, menurut log (catatan nomor " in masalah
