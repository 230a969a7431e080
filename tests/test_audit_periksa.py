"""`audit periksa` compares the IKI rows, programs, kegiatan, budget realised and monev notes
with the last change the log records: a change made with another tool (SQL on the file or the
server) is reported in one Indonesian sentence, and untouched data passes.

Every change is made through the application's operations, then one row is changed directly
with SQL, and the command is run as an operator runs it."""

from dataclasses import dataclass

import pytest
from peewee import fn

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
    remove_indikator,
    update_indikator,
    update_sub,
)
from kinerja_desktop.db.ops_program import (
    IsiKegiatan,
    IsiProgram,
    add_kegiatan,
    add_program,
    remove_butir,
    update_butir,
)
from kinerja_desktop.db.years import copy_year


@dataclass(frozen=True)
class Dicatat:
    """The rows the operations below wrote, by id."""

    sekcam: int
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


def nomor(jenis: str, **kolom: int) -> int:
    """The number of the last entry of ``jenis`` (matching ``kolom``)."""
    syarat = CatatanAudit.jenis == jenis
    for nama, nilai in kolom.items():
        syarat &= getattr(CatatanAudit, nama) == nilai
    return CatatanAudit.select(fn.MAX(CatatanAudit.id)).where(syarat).scalar()


@pytest.fixture
def dicatat(db) -> Dicatat:
    """The built-in data, 2020 copied to 2021, and in 2021 through the application: an
    indicator edited, a sasaran and a sub-item added and edited, a program with two kegiatan
    (one removed), budget realised, kendala and tindak lanjut, an indicator added and removed."""
    copy_year(2020, 2021)
    sekcam = Jabatan.get(Jabatan.tahun == 2021, Jabatan.kode == "SEKCAM").id
    ind = Indikator.get(Indikator.tahun == 2021, Indikator.kode == "SEKCAM.02").id
    update_indikator(ind, {"satuan": "persen", "sumber_data": "Daftar hadir"})
    sasaran = add_sasaran(sekcam, "Pelayanan administrasi tertib").data
    edit_sasaran(sasaran, "Pelayanan administrasi kecamatan tertib")
    sub = add_sub(ind, teks="Apel pagi").data
    update_sub(sub, formula="hadir / wajib hadir")
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
    set_keterangan([KeteranganMasuk(ind, "2021Q1", "Dua pegawai cuti", "Piket diatur ulang")])
    return Dicatat(sekcam, ind, sasaran, sub, program, kegiatan, dihapus)


def test_data_changed_only_through_the_application_passes(dicatat, capsys):
    code, out = periksa(capsys)
    assert code == 0
    assert out.startswith("Log utuh:")
    assert "IKI, program, kegiatan, realisasi anggaran dan keterangan" in out


def test_the_built_in_data_passes(db, capsys):
    code, out = periksa(capsys)
    assert (code, out.startswith("Log utuh:")) == (0, True)


def _tempat() -> str:
    return "(jabatan Sekretaris Kecamatan, tahun 2021)"


KASUS = {
    "indikator": (
        "UPDATE indikator SET satuan = 'orang' WHERE id = {indikator}",
        lambda d: (
            f"Indikator SEKCAM.02 {_tempat()}: satuan tersimpan “orang”, menurut log (catatan "
            f"nomor {nomor('indikator', indikator_id=d.indikator)}) “persen”."
        ),
    ),
    "sasaran": (
        "UPDATE sasaran SET teks = 'Pelayanan cepat' WHERE id = {sasaran}",
        lambda d: (
            f"Sasaran “Pelayanan cepat” {_tempat()}: teks tersimpan “Pelayanan cepat”, menurut "
            f"log (catatan nomor {nomor('sasaran', jabatan_id=d.sekcam)}) “Pelayanan "
            "administrasi kecamatan tertib”."
        ),
    ),
    "sub_indikator": (
        "UPDATE sub_indikator SET formula = 'hadir' WHERE id = {sub}",
        lambda d: (
            f"Sub-butir “Apel pagi” indikator SEKCAM.02 {_tempat()}: formulasi tersimpan "
            f"“hadir”, menurut log (catatan nomor {nomor('sub_indikator')}) “hadir / wajib "
            "hadir”."
        ),
    ),
    "program": (
        "UPDATE program SET kode = '7.01.02' WHERE id = {program}",
        lambda d: (
            f"Program “Program Penunjang” {_tempat()}: kode tersimpan “7.01.02”, menurut log "
            f"(catatan nomor {nomor('program')}) “7.01.01”."
        ),
    ),
    "kegiatan": (
        "UPDATE kegiatan SET anggaran = 9500000 WHERE id = {kegiatan}",
        lambda d: (
            f"Kegiatan “Administrasi Keuangan” {_tempat()}: anggaran tersimpan Rp 9.500.000, "
            f"menurut log (catatan nomor {_nomor_kegiatan(d)}) Rp 3.500.000."
        ),
    ),
    "kegiatan dihapus": (
        "DELETE FROM kegiatan WHERE id = {kegiatan}",
        lambda d: (
            f"Kegiatan “Administrasi Keuangan” {_tempat()} tidak ada di basis data, padahal "
            f"menurut log (catatan nomor {_nomor_kegiatan(d)}) masih ada: dihapus di luar "
            "aplikasi."
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
            "Kecamatan) Triwulan II 2021: nilai tersimpan Rp 950.000, menurut log (catatan "
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


def _nomor_kegiatan(d: Dicatat) -> int:
    # the kegiatan's edit: the last kegiatan entry before the other kegiatan was added
    return (
        CatatanAudit.select(fn.MAX(CatatanAudit.id))
        .where((CatatanAudit.jenis == "kegiatan") & (CatatanAudit.lama.is_null(False)))
        .where(CatatanAudit.baru.is_null(False))
        .scalar()
    )


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
