"""Desa workbooks: templates out, filled as a desa would, imported back, checked and undone."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from desa_bantuan import KEMIRI, SENGGURUH, isi, templat
from namespace_disk import unshare_ok

from kinerja_desktop.cli import main
from kinerja_desktop.db.backup import bound_local_path
from kinerja_desktop.db.models import (
    SUMBER_IMPOR_DESA,
    Desa,
    ImporBatch,
    Indikator,
    NilaiRealisasi,
)
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.exchange.desa_layout import BARIS_DATA_AWAL, KOLOM_BULAN_AWAL
from kinerja_desktop.exchange.desa_template import make_desa_templates
from kinerja_desktop.paths import data_dir, files_dir
from kinerja_desktop.reports.kelengkapan import indikator_desa

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
from make_desa_libreoffice_fixture import nilai_contoh  # noqa: E402


def preview(path):
    """What importing ``path`` would change, as the wizard's check shows it; nothing written."""
    [pratinjau], _ = import_berkas_desa([path], coba=True)
    return pratinjau


def run(capsys, *args):
    code = main(list(args))  # the test's database: KINERJA_DB (conftest.db_target)
    out, err = capsys.readouterr()
    return code, out, err


def tersimpan(kode_desa):
    """{(indicator code, period): value} stored for a desa."""
    desa = Desa.get(Desa.kode == kode_desa)
    return {
        (n.indikator.kode, n.periode): n.nilai
        for n in NilaiRealisasi.select(NilaiRealisasi, Indikator)
        .join(Indikator)
        .where(NilaiRealisasi.desa == desa)
    }


def pola(i, j, geser=0):
    return (i * 7 + j * 3 + geser) % 13


def isi_penuh(path, baris, bulan, geser=0):
    return isi(path, {(i, j): pola(i, j, geser) for i in range(baris) for j in range(bulan)})


def harapan(baris_kode, bulan_id, geser=0):
    return {
        (kode, p): float(pola(i, j, geser))
        for i, kode in enumerate(baris_kode)
        for j, p in enumerate(bulan_id)
    }


def kode_baris():
    return [i.kode for i in desa_indicators(2020)]


BULAN_2020 = [f"2020{m:02d}" for m in range(1, 13)]
Q1 = ["202001", "202002", "202003"]


def test_full_round_trip_of_two_desa_for_a_whole_year(db, tmp_path, capsys):
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    for kode in (KEMIRI, SENGGURUH):
        make_desa_templates(2020, folder, None, kode)
    berkas = sorted(folder.glob("*.xlsx"))
    assert [b.name for b in berkas] == [
        "Isian IKI - Desa Kemiri - Tahun 2020.xlsx",
        "Isian IKI - Desa Sengguruh - Tahun 2020.xlsx",
    ]
    kode = kode_baris()
    isi_penuh(berkas[0], len(kode), 12)
    isi_penuh(berkas[1], len(kode), 12, geser=5)

    code, out, _ = run(capsys, "impor", "desa", str(folder))
    assert code == 0, out
    assert "Desa Kemiri (35.07.13.2001), Tahun 2020: 504 baru, 0 diubah, 0 sama." in out
    assert tersimpan(KEMIRI) == harapan(kode, BULAN_2020)
    assert tersimpan(SENGGURUH) == harapan(kode, BULAN_2020, geser=5)
    assert {n.sumber for n in NilaiRealisasi.select()} == {SUMBER_IMPOR_DESA}

    batch = list(ImporBatch.select().order_by(ImporBatch.id))
    assert [(b.desa.kode, b.tahun, b.periode, b.baru) for b in batch] == [
        (KEMIRI, 2020, "2020", 504),
        (SENGGURUH, 2020, "2020", 504),
    ]
    # the original bytes are kept in the database's own folder under their SHA-256 (a
    # server's is the folder named for it on this PC)
    simpan = files_dir(bound_local_path()) / batch[0].berkas_simpan
    assert simpan.read_bytes() == berkas[0].read_bytes()
    import hashlib

    assert hashlib.sha256(simpan.read_bytes()).hexdigest() == batch[0].sha256


def test_reimport_changes_nothing_and_says_so(db, tmp_path, capsys):
    path = isi_penuh(templat(tmp_path / "t"), len(kode_baris()), 3)
    assert run(capsys, "impor", "desa", str(path))[0] == 0
    sebelum = [(n.id, n.nilai, n.diubah, n.batch_id) for n in NilaiRealisasi.select()]
    code, out, _ = run(capsys, "impor", "desa", str(path))
    assert code == 0
    assert "tidak ada perubahan: berkas ini sudah diimpor pada " in out
    assert "(126 nilai sudah sama)" in out
    assert "Berkas yang sama sudah diimpor (impor nomor 1 pada " in out
    batch = ImporBatch.get()
    assert format_waktu(batch.waktu) in out  # "29 November 2026 01.38", not ISO
    assert batch.waktu not in out
    assert [(n.id, n.nilai, n.diubah, n.batch_id) for n in NilaiRealisasi.select()] == sebelum
    assert ImporBatch.select().count() == 1  # nothing to undo, nothing logged
    assert len(list((files_dir(bound_local_path()) / "impor").iterdir())) == 1


def test_corrected_file_replaces_only_its_own_desa_and_periods(db, tmp_path, capsys):
    kode = kode_baris()
    kemiri = isi_penuh(templat(tmp_path / "a"), len(kode), 3)
    sengguruh = isi_penuh(templat(tmp_path / "b", desa=SENGGURUH), len(kode), 3, geser=1)
    april = isi(templat(tmp_path / "c", periode="202004"), {(0, 0): 4})
    assert run(capsys, "impor", "desa", str(kemiri), str(sengguruh), str(april))[0] == 0
    sengguruh_sebelum = tersimpan(SENGGURUH)

    # the desa corrects one figure and clears another in its Q1 file
    isi(kemiri, {(0, 0): 99, (1, 2): None})
    pratinjau = preview(kemiri)
    assert [(p.kode, p.periode, p.lama, p.baru) for p in pratinjau.diubah] == [
        (kode[0], "202001", str(pola(0, 0)), "99"),
        (kode[1], "202003", str(pola(1, 2)), None),
    ]
    assert pratinjau.sama == 124 and not pratinjau.baru
    assert "0 baru, 2 diubah (termasuk 1 dihapus), 124 sama" in pratinjau.ringkasan()

    code, out, _ = run(capsys, "impor", "desa", str(kemiri))
    assert code == 0
    assert f"~ KASI-KESOS.01 {pratinjau.diubah[0].nama} — Januari 2020: 0 → 99" in out
    baru = tersimpan(KEMIRI)
    assert baru[(kode[0], "202001")] == 99 and (kode[1], "202003") not in baru
    assert baru[(kode[0], "202004")] == 4  # April is not a period of the Q1 file
    assert tersimpan(SENGGURUH) == sengguruh_sebelum


def test_template_carries_values_already_recorded(db, tmp_path, capsys):
    kode = kode_baris()
    path = isi(templat(tmp_path / "a"), {(0, 0): 7, (2, 1): 0})
    assert run(capsys, "impor", "desa", str(path))[0] == 0
    code, out, _ = run(
        capsys,
        "templat",
        "desa",
        "--tahun",
        "2020",
        "--periode",
        "2020Q1",
        "--desa",
        KEMIRI,
        "--out",
        str(tmp_path),
    )
    assert code == 0 and "2 nilai sudah terisi" in out
    ws = openpyxl.load_workbook(tmp_path / "Isian IKI - Desa Kemiri - Triwulan I 2020.xlsx")[
        "Isian"
    ]
    assert ws.cell(BARIS_DATA_AWAL, KOLOM_BULAN_AWAL).value == 7
    assert ws.cell(BARIS_DATA_AWAL + 2, KOLOM_BULAN_AWAL + 1).value == 0  # 0 stays 0
    assert ws.cell(BARIS_DATA_AWAL + 1, KOLOM_BULAN_AWAL).value is None  # no data stays empty
    assert ws.cell(BARIS_DATA_AWAL, 2).value == kode[0]


def test_undo_of_a_whole_batch(db, tmp_path, capsys):
    kode = kode_baris()
    path = isi_penuh(templat(tmp_path / "a"), len(kode), 3)
    assert run(capsys, "impor", "desa", str(path))[0] == 0
    isi(path, {(0, 0): 50})
    assert run(capsys, "impor", "desa", str(path))[0] == 0
    assert tersimpan(KEMIRI)[(kode[0], "202001")] == 50

    code, out, _ = run(capsys, "impor", "batal", "2")
    assert code == 0 and "dibatalkan" in out
    assert tersimpan(KEMIRI) == harapan(kode, Q1)  # back to the first import
    code, out, _ = run(capsys, "impor", "batal", "1")
    assert code == 0 and tersimpan(KEMIRI) == {}
    code, _, err = run(capsys, "impor", "batal", "1")
    assert code == 1 and "sudah dibatalkan" in err
    code, out, _ = run(capsys, "impor", "daftar", "--json")
    daftar = json.loads(out)
    assert [b["dibatalkan"] is not None for b in daftar] == [True, True]
    assert [(b["nomor"], b["kode_desa"], b["jenis"]) for b in daftar] == [
        (1, KEMIRI, "desa"),
        (2, KEMIRI, "desa"),
    ]
    code, out, _ = run(capsys, "impor", "daftar")
    # people read the times in Indonesian; only the JSON keeps ISO 8601
    assert f"   1  {format_waktu(daftar[0]['waktu'])}  " in out
    assert f"[dibatalkan {format_waktu(daftar[0]['dibatalkan'])}]" in out
    assert daftar[0]["waktu"] not in out


def test_dry_run_writes_nothing(db, tmp_path, capsys):
    path = isi(templat(tmp_path / "a"), {(0, 0): 3})
    code, out, _ = run(capsys, "impor", "desa", "--coba", str(path))
    assert code == 0
    # the 125 empty cells are no values: "belum diisi", never "sama" (issue 21)
    assert "1 baru, 0 diubah, 0 sama, 125 sel belum diisi" in out
    assert "tidak ada yang disimpan" in out
    assert NilaiRealisasi.select().count() == 0 and ImporBatch.select().count() == 0
    assert not (files_dir(bound_local_path()) / "impor").exists()


def test_a_backup_is_taken_before_writing(db, db_path, tmp_path, capsys):
    # a file only: on a server, the server's own backups take the place of these copies
    path = isi(templat(tmp_path / "a"), {(0, 0): 3})
    assert run(capsys, "impor", "desa", str(path))[0] == 0
    assert list((data_dir() / "cadangan").glob("*sebelum-impor*"))


@pytest.mark.parametrize(
    ("nilai", "alasan"),
    [
        ("tiga", "Lembar Isian, sel F7: berisi teks 'tiga'; ketik angka saja"),
        ("12", "Lembar Isian, sel F7: berisi teks '12', bukan angka"),
        ("=2+3", "Lembar Isian, sel F7: berisi rumus =2+3; ketik angkanya saja"),
        (-2, "Lembar Isian, sel F7: berisi angka negatif (-2); isi 0 atau lebih."),
        (2.5, "Lembar Isian, sel F7: berisi pecahan (2.5); jumlah harus bilangan bulat."),
    ],
)
def test_invalid_cells_refuse_the_whole_file(db, tmp_path, capsys, nilai, alasan):
    path = isi(templat(tmp_path / "a"), {(0, 0): nilai, (0, 1): 4})
    if nilai == "12":  # typed as text (an apostrophe in Excel)
        wb = openpyxl.load_workbook(path)
        wb["Isian"].cell(BARIS_DATA_AWAL, KOLOM_BULAN_AWAL).data_type = "s"
        wb.save(path)
    baik = isi(templat(tmp_path / "b", desa=SENGGURUH), {(0, 0): 1})
    code, out, _ = run(capsys, "impor", "desa", str(path), str(baik))
    assert code == 1
    assert "DITOLAK, 1 sel tidak valid; tidak ada nilai yang disimpan" in out
    assert alasan in out
    assert tersimpan(KEMIRI) == {}  # not even the valid G7
    assert tersimpan(SENGGURUH) == {(kode_baris()[0], "202001"): 1}  # other files go on


def _jadikan_persentase(kode):
    Indikator.update(
        jenis="persentase", pembilang="desa yang melapor tepat waktu", penyebut="seluruh laporan"
    ).where((Indikator.tahun == 2020) & (Indikator.kode == kode)).execute()


def test_percentage_rows_numerator_not_above_denominator(db, tmp_path, capsys):
    kode = kode_baris()
    _jadikan_persentase(kode[0])
    path = templat(tmp_path / "a")
    ws = openpyxl.load_workbook(path)["Isian"]
    assert ws.cell(BARIS_DATA_AWAL, 3).value.endswith(" — pembilang: desa yang melapor tepat waktu")
    assert ws.cell(BARIS_DATA_AWAL + 1, 3).value.endswith(" — penyebut: seluruh laporan")
    assert [ws.cell(BARIS_DATA_AWAL + i, 4).value for i in (0, 1)] == ["Pembilang", "Penyebut"]
    isi(path, {(0, 0): 5, (1, 0): 4, (0, 1): 2})
    code, out, _ = run(capsys, "impor", "desa", str(path))
    assert code == 1
    assert "sel F7: pembilang (5) lebih besar dari penyebut (4) di sel F8." in out
    assert "sel G8: kosong, padahal pasangannya diisi" in out

    isi(path, {(0, 0): 3, (1, 0): 4, (0, 1): None})
    code, out, _ = run(capsys, "impor", "desa", str(path))
    assert code == 0, out
    n = NilaiRealisasi.get()
    assert (n.pembilang, n.penyebut, n.nilai, n.periode) == (3, 4, None, "202001")
    # the line names the indicator, not only its code
    nama = " ".join(
        Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASI-KESOS.01").nama.split()
    )
    assert f"+ KASI-KESOS.01 {nama} — Januari 2020: 3/4" in out


def _tolak(capsys, path, *opsi):
    code, out, _ = run(capsys, "impor", "desa", *opsi, str(path))
    assert code == 1
    assert ImporBatch.select().count() == 0 and NilaiRealisasi.select().count() == 0
    return out


def test_a_workbook_that_is_not_our_template(db, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Laporan desa"
    wb.save(tmp_path / "buatan-sendiri.xlsx")
    out = _tolak(capsys, tmp_path / "buatan-sendiri.xlsx")
    assert "buatan-sendiri.xlsx: DITOLAK. ini bukan templat desa dari Kinerja Desktop" in out


def test_a_workbook_for_another_year_or_desa(db, tmp_path, capsys):
    path = isi(templat(tmp_path / "a"), {(0, 0): 1})
    assert "untuk tahun 2020, bukan tahun 2021" in _tolak(capsys, path, "--tahun", "2021")
    out = _tolak(capsys, path, "--desa", SENGGURUH)
    assert "untuk Desa Kemiri (35.07.13.2001), bukan untuk desa 35.07.13.2002" in out


def _ubah_meta(path, kunci, nilai):
    wb = openpyxl.load_workbook(path)
    ws = wb["_meta"]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == kunci:
            ws.cell(r, 2).value = nilai
    wb.save(path)


def test_another_template_version_and_edited_metadata(db, tmp_path, capsys):
    path = templat(tmp_path / "a")
    _ubah_meta(path, "versi_templat", "2")
    assert "templat versi 2, sedangkan aplikasi ini membaca templat versi 1" in _tolak(capsys, path)
    path = templat(tmp_path / "b")
    _ubah_meta(path, "kode_desa", SENGGURUH)
    assert "data pengenal templat (lembar tersembunyi _meta) telah diubah" in _tolak(capsys, path)


def test_a_template_from_another_kecamatan(db, tmp_path, capsys):
    path = templat(tmp_path / "a")
    Desa.update(kode="35.07.14.2001").where(Desa.kode == KEMIRI).execute()
    assert "bukan desa/kelurahan Kecamatan Kepanjen" in _tolak(capsys, path)


def _ubah(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb)
    wb.save(path)
    return path


def _tukar_baris(wb):
    ws = wb["Isian"]
    for c in range(1, 6):
        a, b = ws.cell(BARIS_DATA_AWAL, c), ws.cell(BARIS_DATA_AWAL + 1, c)
        a.value, b.value = b.value, a.value


@pytest.mark.parametrize(
    ("ubah", "alasan"),
    [
        (lambda wb: setattr(wb["Isian"], "title", "Isian Desa"), "lembar kerja telah diganti nama"),
        (lambda wb: wb.move_sheet("Isian", offset=-1), "lembar kerja telah diganti nama, dipindah"),
        (
            lambda wb: wb.remove(wb["Petunjuk"]),
            "lembar kerja telah diganti nama, dipindah, dihapus",
        ),
        (lambda wb: wb.create_sheet("Catatan"), "dihapus atau ditambah"),
        (lambda wb: wb["Isian"].delete_rows(BARIS_DATA_AWAL + 1), "sel B8 berisi 'KASI-KESOS.03'"),
        (lambda wb: wb["Isian"].insert_rows(BARIS_DATA_AWAL), "sel B7 berisi '(kosong)'"),
        (_tukar_baris, "sel B7 berisi 'KASI-KESOS.02', seharusnya 'KASI-KESOS.01'"),
        (lambda wb: wb["Isian"].insert_cols(KOLOM_BULAN_AWAL), "kolom lembar Isian telah diubah"),
        (
            lambda wb: wb["Isian"].delete_cols(KOLOM_BULAN_AWAL + 2),
            "kolom lembar Isian telah diubah",
        ),
    ],
)
def test_an_edited_structure_is_refused(db, tmp_path, capsys, ubah, alasan):
    path = _ubah(isi(templat(tmp_path / "a"), {(0, 0): 1}), ubah)
    out = _tolak(capsys, path)
    assert alasan in out
    assert "Buat templat baru (menu Data › Buat Templat Desa…)" in out


def test_a_workbook_saved_again_by_libreoffice_imports(db, capsys):
    fixture = FIXTURES / "desa_libreoffice_kemiri_2020Q1.xlsx"
    code, out, _ = run(capsys, "impor", "desa", str(fixture))
    assert code == 0, out
    kode = kode_baris()
    assert tersimpan(KEMIRI) == {
        (k, p): float(nilai_contoh(i, j)) for i, k in enumerate(kode) for j, p in enumerate(Q1)
    }


def test_libreoffice_round_trip_live(db, tmp_path, capsys, libreoffice):
    path = isi(templat(tmp_path / "a"), {(0, 0): 8, (3, 2): 0})
    code, out, _ = run(capsys, "impor", "desa", str(libreoffice(path, "xlsx", tmp_path / "lo")))
    assert code == 0, out
    kode = kode_baris()
    assert tersimpan(KEMIRI) == {(kode[0], "202001"): 8.0, (kode[3], "202003"): 0.0}


def test_completeness_counts_the_values_present(db, tmp_path, capsys):
    kode = kode_baris()
    isi_penuh(templat(tmp_path / "a"), len(kode), 3)  # Kemiri: all of Q1
    isi(templat(tmp_path / "b", desa=SENGGURUH), {(0, 0): 0})  # Sengguruh: one 0 in January
    assert run(capsys, "impor", "desa", str(tmp_path / "a"), str(tmp_path / "b"))[0] == 0
    code, out, _ = run(capsys, "kelengkapan", "--tahun", "2020", "--json")
    sel = {(s["kode_desa"], s["periode"]): s for s in json.loads(out)}
    assert len(sel) == 18 * 12
    assert sel[(KEMIRI, "202001")]["status"] == "diterima"
    assert sel[(KEMIRI, "202004")]["status"] == "belum"
    sengguruh = sel[(SENGGURUH, "202001")]
    assert {k: v for k, v in sengguruh.items() if k != "kurang"} == {
        "kode_desa": SENGGURUH,
        "nama_desa": "Desa Sengguruh",
        "periode": "202001",
        "status": "sebagian",
        "terisi": 1,
        "diharapkan": len(kode),
        "jatuh_tempo": True,
        "triwulanan": 0,
    }
    assert len(sengguruh["kurang"]) == len(kode) - 1  # which indicators are still missing
    code, out, _ = run(capsys, "kelengkapan", "--tahun", "2020", "--per", "triwulan")
    assert code == 0
    assert "Kemiri" in out and "D = diterima (1), S = sebagian (1), . = belum ada (70)" in out


def test_completeness_counts_a_value_stored_for_a_whole_triwulan(db, tmp_path, capsys):
    # An indicator reported per triwulan may get a desa value for a whole triwulan through the
    # values CSV. It owes one value per triwulan, in the month that ends it: the triwulan
    # value (or a month within it) gives it, once.
    kode = [i.kode for i in desa_indicators(2020) if i.jenis == "jumlah"][0]
    Indikator.update(frekuensi="triwulanan").where(
        Indikator.kode == kode, Indikator.tahun == 2020
    ).execute()
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        f"{kode},2020Q2,{KEMIRI},realisasi,7,,\n"
        f"{kode},202005,{KEMIRI},realisasi,2,,\n",  # a month beside it counts once
        encoding="utf-8",
    )
    assert run(capsys, "nilai", "impor", str(berkas))[0] == 0
    code, out, _ = run(capsys, "kelengkapan", "--tahun", "2020", "--json")
    sel = {(s["kode_desa"], s["periode"]): s for s in json.loads(out)}
    bulan = [sel[(KEMIRI, p)] for p in ("202003", "202004", "202005", "202006")]
    n = len(indikator_desa(2020))
    assert [(s["terisi"], s["diharapkan"]) for s in bulan] == [
        (0, n), (0, n - 1), (0, n - 1), (1, n),
    ]  # fmt: skip
    assert [s["status"] for s in bulan] == ["belum", "belum", "belum", "sebagian"]
    code, out, _ = run(capsys, "kelengkapan", "--tahun", "2020", "--per", "triwulan", "--json")
    tw2 = next(s for s in json.loads(out) if (s["kode_desa"], s["periode"]) == (KEMIRI, "2020Q2"))
    assert (tw2["terisi"], tw2["diharapkan"], tw2["triwulanan"]) == (1, 3 * (n - 1) + 1, 1)


def test_template_command_refusals(db, tmp_path, capsys):
    code, _, err = run(capsys, "templat", "desa", "--tahun", "2020", "--desa", "35.07.13.9999",
                       "--out", str(tmp_path))  # fmt: skip
    assert code == 1 and "Desa dengan kode 35.07.13.9999 tidak ada" in err
    code, _, err = run(capsys, "templat", "desa", "--tahun", "2020", "--periode", "2021Q1",
                       "--out", str(tmp_path))  # fmt: skip
    assert code == 1 and "Periode 2021Q1 bukan bagian dari tahun 2020" in err
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_folder_is_read_without_excel_lock_files(db, tmp_path, capsys):
    folder = tmp_path / "flashdisk"
    path = isi(templat(folder), {(0, 0): 2})
    (folder / f"~${path.name}").write_bytes(b"\x00" * 165)  # Excel's lock file of an open book
    (folder / "catatan.txt").write_text("bukan isian", encoding="utf-8")
    code, out, _ = run(capsys, "impor", "desa", str(folder))
    assert code == 0 and "1 berkas diimpor dengan perubahan" in out
    code, _, err = run(capsys, "impor", "desa", str(tmp_path / "home"))
    assert code == 1 and "Tidak ada berkas .xlsx" in err




@pytest.mark.skipif(not unshare_ok(), reason="needs Linux user namespaces to mount a small disk")
def test_a_disk_filling_mid_import_reports_the_files_already_saved(db, db_path, tmp_path):
    """Eighteen full-year workbooks onto a database disk that fills after a few: the files
    saved before are reported as saved (with their import numbers), the one that met the full
    disk and those after it as not imported, and the database stays intact."""
    from kinerja_desktop.db.models import Desa

    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    baris = len(kode_baris())
    for n, desa in enumerate(Desa.select().order_by(Desa.urutan)):
        asli = templat(tmp_path / f"t{n}", periode="2020", desa=desa.kode)
        isi_penuh(asli, baris, 12, geser=n)
        asli.rename(kiriman / f"{n:02d}-{asli.name}")
    disk = tmp_path / "disk"
    disk.mkdir()
    db_file = disk / "kinerja.sqlite3"
    # room for the day's backup and the one before the import (beside the database) and for
    # a few files' pages
    size_kb = 3 * (db_path.stat().st_size // 1024) + 700
    script = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs '{disk}' && cp '{db_path}' '{db_file}' && "
        f"'{sys.executable}' -m kinerja_desktop --db '{db_file}' impor desa '{kiriman}'; "
        f"echo kode=$?; '{sys.executable}' -c \"import sqlite3; r = sqlite3.connect('{db_file}');"
        " print(r.execute('PRAGMA integrity_check').fetchone()[0],"
        " r.execute('SELECT count(*) FROM impor_batch').fetchone()[0])\""
    )
    done = subprocess.run(
        ["unshare", "-r", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    out = done.stdout
    assert "kode=1" in out and "Traceback" not in done.stderr, out + done.stderr
    saved = int(out.split("\nok ")[1].split()[0])
    assert 0 < saved < 18, out
    nomor = ", ".join(str(n) for n in range(1, saved + 1))
    assert f"\n{saved} berkas diimpor dengan perubahan (nomor impor: {nomor})," in out
    assert out.count("penuh (tersisa") == 1 and "Berkas ini tidak disimpan." in out
    assert out.count("Belum diimpor karena impor berhenti pada ") == 18 - saved - 1
