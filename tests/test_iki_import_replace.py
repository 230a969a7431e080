"""Importing an IKI workbook over a year's IKI never takes what hangs on its jabatan.

A year holding programs, kegiatan, Rencana Aksi (or any other row on its jabatan and
indicators) is refused with every kind and count named, and nothing is changed; a year holding
only the IKI and its holders is replaced, the holders staying on the jabatan of the same code.
The workbook is the application's own export of the built-in 2020 IKI, imported back into 2020.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import (
    ALL_MODELS,
    BaseModel,
    Indikator,
    Jabatan,
    Keterangan,
    NilaiRealisasi,
    NilaiTarget,
    Pegawai,
    Pemangku,
    Persetujuan,
    PkTerbit,
    RealisasiAnggaran,
    Sasaran,
    Skp,
    database_proxy,
)
from kinerja_desktop.db.ops_lkjip import set_teks_lkjip
from kinerja_desktop.db.ops_pemangku import add_pegawai_baru
from kinerja_desktop.db.ops_program import (
    IsiAksi,
    IsiKegiatan,
    IsiProgram,
    add_aksi,
    add_kegiatan,
    add_program,
)
from kinerja_desktop.db.queries_iki_replace import IKI_SENDIRI, NAMA_BARIS
from kinerja_desktop.db.queries_jabatan import list_jabatan
from kinerja_desktop.db.queries_lkjip import teks_lkjip
from kinerja_desktop.db.queries_program import read_kegiatan, read_program, read_rencana_aksi
from kinerja_desktop.domain.lkjip import Asal, kunci_sasaran
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.iki_import import apply_iki, read_iki

RENCANA = (
    "Tahun 2020 sudah punya IKI dengan 1 program, 2 kegiatan (beserta anggarannya) dan "
    "2 rencana aksi tersimpan."
)


@pytest.fixture(scope="module")
def ekspor(tmp_path_factory: pytest.TempPathFactory, seeded_db_template: Path) -> Iterator[Path]:
    """The application's export of the built-in 2020 IKI, written once for the module."""
    from kinerja_desktop.reports.iki import export_iki

    folder = tmp_path_factory.mktemp("ekspor")
    shutil.copy(seeded_db_template, folder / "kinerja.sqlite3")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DATA_DIR", str(folder / "data"))
        mp.setenv("HOME", str(folder))
        database = open_database(folder / "kinerja.sqlite3")
        try:
            yield export_iki(2020, folder / "IKI-2020.xlsx")
        finally:
            database.close()
            database_proxy.initialize(None)


def _jabatan(kode: str) -> int:
    return Jabatan.get((Jabatan.tahun == 2020) & (Jabatan.kode == kode)).id


def _add_plan() -> None:
    """A program linked to a sasaran, two kegiatan (one with anggaran, one linked to an
    indicator), a main action with a sub-action whose penanggung jawab is another jabatan."""
    sekcam = _jabatan("SEKCAM")
    sasaran = Sasaran.select().where(Sasaran.jabatan == sekcam).first()
    indikator = Indikator.select().where(Indikator.sasaran == sasaran).first()
    program = add_program(
        sekcam, IsiProgram("Program Penunjang Urusan Pemerintahan", "7.01.01", sasaran.id)
    ).data
    add_kegiatan(program, IsiKegiatan("Perencanaan dan Evaluasi Kinerja", anggaran=12_500_000))
    kegiatan = add_kegiatan(
        program, IsiKegiatan("Administrasi Keuangan", indikator_id=indikator.id)
    ).data
    aksi = add_aksi(sekcam, IsiAksi("Menyusun laporan kinerja", indikator_id=indikator.id)).data
    add_aksi(
        sekcam,
        IsiAksi("Rapat evaluasi", kegiatan_id=kegiatan, penanggung_jawab_id=_jabatan("KASI-PEM")),
        induk_id=aksi,
    )


def _plan() -> tuple[list, list, list]:
    """The year's programs, kegiatan and actions as the application reads them."""
    return read_program(2020), read_kegiatan(2020), read_rencana_aksi(2020)


def test_a_year_holding_programs_kegiatan_and_aksi_is_refused_and_keeps_them(db, ekspor):
    dilihat = read_iki(ekspor, 2020)  # a preview made before the plan was entered …
    assert dilihat.ganti and "tidak ada yang ikut terhapus" in dilihat.kalimat_ganti()
    _add_plan()
    sebelum, jabatan = _plan(), list_jabatan(2020)
    assert [len(rows) for rows in sebelum] == [1, 2, 2]
    with pytest.raises(DataTidakValid) as ditolak:
        read_iki(ekspor, 2020)
    pesan = ditolak.value.pesan
    assert pesan.startswith(RENCANA), pesan
    assert "tidak ada yang diubah" in pesan and "Impor ke tahun lain" in pesan
    with pytest.raises(DataTidakValid) as lagi:  # … cannot take it either
        apply_iki(dilihat, ganti=True)
    assert lagi.value.pesan == pesan
    assert _plan() == sebelum and list_jabatan(2020) == jabatan
    program = sebelum[0][0]
    assert (program.nama, program.kode, program.anggaran) == (
        "Program Penunjang Urusan Pemerintahan",
        "7.01.01",
        None,  # one kegiatan has no anggaran yet
    )
    assert program.anggaran_terisi == 12_500_000


def test_every_kind_of_row_on_the_jabatan_is_named_with_its_count(db, ekspor):
    _add_plan()
    sekcam = _jabatan("SEKCAM")
    indikator = Indikator.select().join(Sasaran).where(Sasaran.jabatan == sekcam).first()
    kegiatan = read_kegiatan(2020)[0]
    RealisasiAnggaran.create(kegiatan=kegiatan.id, periode="2020Q1", nilai=1_000, diubah="x")
    Keterangan.create(indikator=indikator, periode="2020Q1", kendala="Hujan", diubah="x")
    Persetujuan.create(
        jabatan=sekcam, jenis="target", periode="2020", status="diajukan", oleh="", waktu="x"
    )
    PkTerbit.create(tahun=2020, jabatan=sekcam, ke=0, waktu="x", isi="{}")
    NilaiTarget.create(indikator=indikator, periode="2020", nilai=5, diubah="x")
    NilaiRealisasi.create(indikator=indikator, periode="202001", nilai=2, diubah="x")
    NilaiRealisasi.create(indikator=indikator, periode="202002", nilai=3, diubah="x")
    set_teks_lkjip(2020, kunci_sasaran(indikator.sasaran_id), "Sasaran tercapai.", Asal.DIKETIK)
    pegawai = Pegawai.create(nama="Ani Rahmawati")
    Skp.create(pegawai=pegawai, jabatan=sekcam, tahun=2020, dibuat="x")
    with pytest.raises(DataTidakValid) as ditolak:
        read_iki(ekspor, 2020)
    pesan = " ".join(ditolak.value.pesan.split())
    for bagian in (
        "1 target",
        "2 realisasi",
        "1 status persetujuan",
        "1 Perjanjian Kinerja terbit",
        "1 program",
        "2 kegiatan (beserta anggarannya)",
        "1 realisasi anggaran triwulan",
        "2 rencana aksi",
        "1 catatan monev (kendala/tindak lanjut)",
        "1 SKP pegawai",
        "1 teks analisis sasaran Laporan Kinerja (LKjIP)",
    ):
        assert f"{bagian}," in pesan or f"{bagian} dan" in pesan or f"{bagian} tersimpan" in pesan
    assert Keterangan.select().count() == 1 and Skp.select().count() == 1
    assert teks_lkjip(2020)[kunci_sasaran(indikator.sasaran_id)].teks == "Sasaran tercapai."


def test_every_table_hanging_on_a_jabatan_has_an_indonesian_name():
    """A table added later that cascades from a jabatan is named in the refusal, never by its
    English table name nor left out."""
    sampai: set[type[BaseModel]] = {Jabatan}
    for model in ALL_MODELS:  # parents before children
        if any(fk.rel_model in sampai and fk.on_delete == "CASCADE" for fk in model._meta.refs):
            sampai.add(model)
    tanpa_nama = sampai - set(IKI_SENDIRI) - {Pemangku} - set(NAMA_BARIS)
    assert not tanpa_nama


def _without_sheet(ekspor: Path, kode: str, tujuan: Path) -> Path:
    """A copy of the export without the sheet of jabatan ``kode``."""
    from openpyxl import load_workbook

    from kinerja_desktop.reports.iki_struktur import KOLOM_JENIS

    buku = load_workbook(ekspor)
    for lembar in buku.worksheets:
        kolom = range(1, lembar.max_row + 1)
        if any(lembar.cell(baris, KOLOM_JENIS + 1).value == kode for baris in kolom):
            buku.remove(lembar)
            break
    else:
        raise AssertionError(kode)
    buku.save(tujuan)
    return tujuan


def test_holders_stay_on_the_jabatan_of_the_same_code(db, ekspor, tmp_path):
    add_pegawai_baru(_jabatan("SEKCAM"), "Budi Santoso")
    add_pegawai_baru(_jabatan("KASI-PEM"), "Citra Lestari")
    add_pegawai_baru(_jabatan("PENGEMUDI"), "Dedi Kurniawan")
    berkas = _without_sheet(ekspor, "PENGEMUDI", tmp_path / "IKI-tanpa-pengemudi.xlsx")
    pratinjau = read_iki(berkas, 2020)
    assert (pratinjau.pemangku_tetap, pratinjau.pemangku_lepas) == (2, 1)
    kalimat = pratinjau.kalimat_ganti()
    assert kalimat.startswith(
        "Tahun 2020 sudah punya IKI (22 jabatan, 84 indikator): seluruhnya diganti; 2 pemangku "
        "tetap pada jabatan berkode sama; 1 pemangku dilepas karena kode jabatannya tidak ada "
        "di buku kerja"
    ), kalimat
    apply_iki(pratinjau, ganti=True)
    jabatan = {j.kode: j for j in list_jabatan(2020)}
    assert len(jabatan) == 21 and "PENGEMUDI" not in jabatan
    assert jabatan["SEKCAM"].pemangku == ("Budi Santoso",)
    assert jabatan["KASI-PEM"].pemangku == ("Citra Lestari",)
    assert Pegawai.select().where(Pegawai.nama == "Dedi Kurniawan").exists()
    assert Pemangku.select().count() == 2


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if database_proxy.obj is not None:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    return code, " ".join(out.split()), " ".join(err.split())


def test_the_command_says_the_same(capsys, db_target, db_url, ekspor):
    database = open_database(db_target)
    add_pegawai_baru(_jabatan("SEKCAM"), "Budi Santoso")
    database.close()
    code, out, _ = run(capsys, "--db", db_url, "iki", "impor", ekspor, "--tahun", 2020, "--coba")
    assert code == 0
    assert "seluruhnya diganti; 1 pemangku tetap pada jabatan berkode sama;" in out
    database = open_database(db_target)
    _add_plan()
    database.close()
    for tambahan in (["--coba"], ["--ganti"]):
        code, out, err = run(
            capsys, "--db", db_url, "iki", "impor", ekspor, "--tahun", 2020, *tambahan
        )
        assert code == 1 and RENCANA in err, err
    database = open_database(db_target)
    try:
        assert [len(rows) for rows in _plan()] == [1, 2, 2]
    finally:
        database.close()
        database_proxy.initialize(None)
