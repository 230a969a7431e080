"""The targets workbook: out with the year's targets, filled in Excel/LibreOffice, back in."""

from pathlib import Path

import pytest
from nilai_bantuan import parse_cell_target
from openpyxl import load_workbook

from kinerja_desktop.db.models import ImporBatch, Indikator, NilaiTarget
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values, undo_batch
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.exchange.buku_target import (
    BARIS_DATA_AWAL,
    JUDUL_KOLOM,
    LEMBAR_TARGET,
    apply_buku_target,
    read_buku_target,
    write_buku_target,
)


def ind(kode):
    return Indikator.get(Indikator.kode == kode, Indikator.tahun == 2020)


def baris_kode(ws, kode):
    for r in range(BARIS_DATA_AWAL, ws.max_row + 1):
        if ws.cell(row=r, column=2).value == kode:
            return r
    raise AssertionError(kode)


@pytest.fixture
def buku(db, tmp_path):
    set_values(
        [NilaiMasuk(KunciNilai("target", ind("SEKCAM.02").id, "2020"), target=Target(90, 100))]
    )
    path = tmp_path / "Target IKI 2020.xlsx"
    assert write_buku_target(2020, path) == 84
    return path


def isi(path, nilai, ke=None):
    wb = load_workbook(path)
    ws = wb[LEMBAR_TARGET]
    for (kode, kolom), v in nilai.items():
        ws.cell(row=baris_kode(ws, kode), column=6 + kolom).value = v
    wb.save(ke or path)
    return ke or path


def test_the_workbook_holds_every_indicator_with_its_sub_items_and_typed_targets(buku):
    wb = load_workbook(buku)
    assert wb.sheetnames[:2] == ["Petunjuk", LEMBAR_TARGET]
    assert wb["_meta"].sheet_state == "veryHidden"
    ws = wb[LEMBAR_TARGET]
    assert [ws.cell(row=5, column=c).value for c in range(1, 11)] == list(JUDUL_KOLOM)
    r = baris_kode(ws, "SEKCAM.02")
    assert ws.cell(row=r, column=6).value == "90-100"  # the typed range, as typed
    assert ws.cell(row=r, column=7).value in (None, "")  # derived targets are not written
    assert ws.cell(row=r, column=6).protection.locked is False
    assert ws.cell(row=r, column=2).protection.locked is not False
    # the sub-items of an indicator are under its name, as in the decree
    baris = next(
        x
        for x in range(BARIS_DATA_AWAL, ws.max_row + 1)
        if "kependudukan, yaitu" in (ws.cell(row=x, column=4).value or "")
    )
    kependudukan = ws.cell(row=baris, column=4).value
    assert "\na. " in kependudukan
    # the row is tall enough for every line of its name
    assert ws.row_dimensions[baris].height >= 15 * (kependudukan.count("\n") + 1)


def test_filled_back_in_new_changed_removed_and_not_filled(buku, tmp_path):
    isi(
        buku,
        {
            ("KASUBAG-UMUM.02", 0): "8",
            ("KASUBAG-UMUM.02", 1): 2,  # a number typed over the text format
            ("SEKCAM.02", 0): "95",
            ("KASI-KESOS.01", 2): "12,5",
        },
    )
    p = read_buku_target(buku, 2020)
    assert not p.ditolak and p.has_changes
    r = p.rencana
    assert (len(r.baru), len(r.diubah), len(r.sama)) == (3, 1, 0)
    assert len(r.belum_diisi) == 84 * 5 - 4  # empty cells are not "sama"
    assert "3 target baru, 1 diubah" in p.ringkasan() and "416 sel belum diisi" in p.ringkasan()
    hasil = apply_buku_target(p)
    assert hasil.data.batch_id is not None
    assert parse_cell_target(ind("KASUBAG-UMUM.02").id, "2020") == Target(8)
    assert parse_cell_target(ind("KASUBAG-UMUM.02").id, "2020Q1") == Target(2)
    assert parse_cell_target(ind("SEKCAM.02").id, "2020") == Target(95)
    assert parse_cell_target(ind("KASI-KESOS.01").id, "2020Q2") == Target(12.5)
    batch = ImporBatch.get(ImporBatch.id == hasil.data.batch_id)
    assert batch.jenis == "target" and batch.tahun == 2020
    # the same file again changes nothing and says it was imported
    again = read_buku_target(buku, 2020)
    assert not again.has_changes and "sudah diimpor pada" in again.ringkasan()
    # emptying a cell removes that target
    isi(buku, {("SEKCAM.02", 0): None}, ke=tmp_path / "kosong.xlsx")
    p = read_buku_target(tmp_path / "kosong.xlsx", 2020)
    assert len(p.rencana.dihapus) == 1 and "termasuk 1 dihapus" in p.ringkasan(), p.ringkasan()
    # the import is undone whole
    undo_batch(hasil.data.batch_id)
    assert parse_cell_target(ind("SEKCAM.02").id, "2020") == Target(90, 100)
    assert parse_cell_target(ind("KASUBAG-UMUM.02").id, "2020") is None


def test_cells_are_checked_and_the_file_is_all_or_nothing(buku):
    isi(
        buku,
        {
            ("SEKCAM.02", 0): "90%",
            ("KASUBAG-UMUM.02", 0): "delapan",
            ("KASUBAG-UMUM.02", 1): "=1+1",
            ("KASI-KESOS.01", 0): "-3",
        },
    )
    p = read_buku_target(buku, 2020)
    assert p.ditolak and p.rencana is None
    teks = "\n".join(p.masalah)
    assert "(SEKCAM.02): Target '90%': tulis tanpa tanda %" in teks
    assert "(KASUBAG-UMUM.02): Isian target 'delapan' bukan angka" in teks
    assert "rumus" in teks and "tidak boleh negatif" in teks
    assert teks.count("Lembar Target, sel ") == 4
    with pytest.raises(Exception, match="sel tidak valid"):
        apply_buku_target(p)
    assert NilaiTarget.select().count() == 1


def test_another_year_another_file_or_moved_rows_are_refused(buku, tmp_path, db):
    from desa_bantuan import templat

    from kinerja_desktop.db.years import copy_year

    copy_year(2020, 2021)
    p = read_buku_target(buku, 2021)
    assert p.ditolak and "untuk tahun 2020, sedangkan yang dibuka tahun 2021" in p.penolakan
    desa = templat(tmp_path / "desa")
    p = read_buku_target(desa, 2020)
    assert "bukan buku kerja target Kinerja Desktop" in p.penolakan
    wb = load_workbook(buku)
    ws = wb[LEMBAR_TARGET]
    ws.cell(row=BARIS_DATA_AWAL, column=2).value = "SEKCAM.99"
    wb.save(tmp_path / "pindah.xlsx")
    p = read_buku_target(tmp_path / "pindah.xlsx", 2020)
    assert "baris indikator ditambah, dihapus atau dipindah" in p.penolakan
    assert "Data › Buat Buku Kerja Target" in p.penolakan
    (tmp_path / "bukan.xlsx").write_text("kode,nilai\n")
    assert read_buku_target(tmp_path / "bukan.xlsx", 2020).ditolak


def test_libreoffice_round_trip(buku, tmp_path, libreoffice):
    isi(buku, {("KASUBAG-UMUM.02", 0): "8", ("SEKCAM.02", 2): "90-100"})
    p = read_buku_target(libreoffice(Path(buku), "xlsx", tmp_path / "lo"), 2020)
    assert not p.ditolak, p.ringkasan()
    apply_buku_target(p)
    assert parse_cell_target(ind("KASUBAG-UMUM.02").id, "2020") == Target(8)
    assert parse_cell_target(ind("SEKCAM.02").id, "2020Q2") == Target(90, 100)


def test_the_workbook_shows_the_programs_and_anggaran_the_targets_are_planned_with(db, tmp_path):
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.ops_program import (
        IsiKegiatan,
        IsiProgram,
        add_kegiatan,
        add_program,
    )

    path = tmp_path / "kosong.xlsx"
    write_buku_target(2020, path)
    assert "Belum ada program" in load_workbook(path)["Anggaran"]["A3"].value
    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang", "7.01.01")).data
    add_kegiatan(program, IsiKegiatan("Administrasi Keuangan", "", 5_250_000_000))
    add_kegiatan(program, IsiKegiatan("Administrasi Umum"))
    write_buku_target(2020, path)
    ws = load_workbook(path)["Anggaran"]
    rows = [[ws.cell(row=r, column=c).value for c in range(1, 5)] for r in range(6, 9)]
    assert rows == [
        ["Sekretaris Kecamatan", "Program Penunjang", "7.01.01", "(belum lengkap)"],
        [None, "   Administrasi Keuangan", None, "Rp 5.250.000.000"],
        [None, "   Administrasi Umum", None, "(belum diisi)"],
    ]
    assert ws.protection.sheet
    assert read_buku_target(path, 2020).penolakan is None  # the extra sheet does not disturb import
