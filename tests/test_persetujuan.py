"""Approval per jabatan and period: each role takes only its steps, and an approved period is
locked on every way a value can change until an administrator unlocks it with a reason."""

import pytest
from desa_bantuan import KEMIRI, isi, templat
from nilai_bantuan import baca_realisasi, parse_cell_target

from kinerja_desktop.db.models import Indikator, Jabatan, NilaiRealisasi
from kinerja_desktop.db.ops_nilai import (
    KunciNilai,
    NilaiMasuk,
    plan_values,
    revert_values,
    set_values,
    undo_batch,
)
from kinerja_desktop.db.pengguna import add_pengguna, log_in
from kinerja_desktop.db.persetujuan import persetujuan_tahun, status_persetujuan, take_step
from kinerja_desktop.db.sesi import log_in_as
from kinerja_desktop.domain.capaian import Komponen, Target
from kinerja_desktop.domain.persetujuan import Langkah, Peran, Status
from kinerja_desktop.errors import DataTidakValid, Terkunci, TidakBerwenang
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.exchange.desa_template import desa_indicators
from kinerja_desktop.exchange.nilai_csv import apply_csv, read_csv

SANDI = {"admin": "sandi-admin", "siti": "sandi-siti", "budi": "sandi-budi"}


@pytest.fixture
def kantor(db):
    """An office with an administrator, an operator (siti) and a verifikator (budi)."""
    add_pengguna("admin", Peran.ADMINISTRATOR, SANDI["admin"], "Kepala Subbag")
    log_in_as(log_in("admin", SANDI["admin"]))
    add_pengguna("siti", Peran.OPERATOR, SANDI["siti"], "Siti Aminah")
    add_pengguna("budi", Peran.VERIFIKATOR, SANDI["budi"], "Budi Santoso")
    return db


def sebagai(nama: str) -> None:
    log_in_as(log_in(nama, SANDI[nama]))


def ind(kode: str) -> Indikator:
    return Indikator.get(Indikator.tahun == 2020, Indikator.kode == kode)


def jabatan_of(kode: str) -> int:
    return ind(kode).sasaran.jabatan_id


def real(kode: str, periode: str, nilai: float) -> NilaiMasuk:
    return NilaiMasuk(KunciNilai("realisasi", ind(kode).id, periode), komponen=Komponen(nilai))


def setujui(jabatan_id: int, periode: str, jenis: str = "realisasi") -> None:
    """Take a period through every step up to disetujui, each by its own role."""
    sebagai("siti")
    take_step(Langkah.AJUKAN, jabatan_id, jenis, periode)
    sebagai("budi")
    take_step(Langkah.VERIFIKASI, jabatan_id, jenis, periode)
    sebagai("admin")
    take_step(Langkah.SETUJUI, jabatan_id, jenis, periode)


def test_each_role_takes_only_its_own_steps(kantor):
    jab = jabatan_of("KASUBAG-UMUM.02")
    sebagai("budi")
    with pytest.raises(TidakBerwenang, match="hanya boleh dilakukan oleh Operator atau Admin"):
        take_step(Langkah.AJUKAN, jab, "realisasi", "2020Q1")
    sebagai("siti")
    take_step(Langkah.AJUKAN, jab, "realisasi", "2020Q1")
    for langkah in (Langkah.VERIFIKASI, Langkah.SETUJUI, Langkah.KEMBALIKAN):
        with pytest.raises(TidakBerwenang):
            take_step(langkah, jab, "realisasi", "2020Q1", "catatan")
    sebagai("budi")
    take_step(Langkah.VERIFIKASI, jab, "realisasi", "2020Q1")
    with pytest.raises(TidakBerwenang, match="hanya boleh dilakukan oleh Administrator"):
        take_step(Langkah.SETUJUI, jab, "realisasi", "2020Q1")
    sebagai("admin")
    take_step(Langkah.SETUJUI, jab, "realisasi", "2020Q1")
    info = status_persetujuan(jab, "realisasi", "2020Q1")
    assert (info.status, info.oleh) == (Status.DISETUJUI, "admin")
    sebagai("budi")
    with pytest.raises(TidakBerwenang, match="Administrator"):
        take_step(Langkah.BUKA_KUNCI, jab, "realisasi", "2020Q1", "salah ketik")


def test_steps_follow_the_order_and_a_return_needs_a_note(kantor):
    jab = jabatan_of("KASUBAG-UMUM.02")
    with pytest.raises(DataTidakValid, match="hanya dari keadaan diverifikasi; keadaan sekarang"):
        take_step(Langkah.SETUJUI, jab, "realisasi", "202001")
    sebagai("siti")
    take_step(Langkah.AJUKAN, jab, "realisasi", "202001")
    with pytest.raises(DataTidakValid, match="keadaan sekarang diajukan"):
        take_step(Langkah.AJUKAN, jab, "realisasi", "202001")
    sebagai("budi")
    with pytest.raises(DataTidakValid, match="Isi catatan"):
        take_step(Langkah.KEMBALIKAN, jab, "realisasi", "202001", "  ")
    take_step(Langkah.KEMBALIKAN, jab, "realisasi", "202001", "Angka Januari belum lengkap")
    info = status_persetujuan(jab, "realisasi", "202001")
    assert (info.status, info.catatan, info.oleh) == (
        Status.DRAF,
        "Angka Januari belum lengkap",
        "budi",
    )
    assert [(i.periode, i.status) for i in persetujuan_tahun(2020)] == [("202001", Status.DRAF)]


def test_targets_are_approved_per_year_and_lock_every_target_of_it(kantor):
    jab = jabatan_of("KASUBAG-UMUM.02")
    i = ind("KASUBAG-UMUM.02").id
    set_values([NilaiMasuk(KunciNilai("target", i, "2020Q1"), target=Target(2))])
    with pytest.raises(DataTidakValid, match="Target disetujui per tahun: tulis periode 2020"):
        take_step(Langkah.AJUKAN, jab, "target", "2020Q1")
    setujui(jab, "2020", "target")
    with pytest.raises(Terkunci, match="Target Tahun 2020 jabatan .* sudah disetujui oleh admin"):
        set_values([NilaiMasuk(KunciNilai("target", i, "2020Q1"), target=Target(3))])
    assert parse_cell_target(i, "2020Q1") == Target(2)
    set_values([real("KASUBAG-UMUM.02", "202001", 4)])  # realisasi are approved separately


def test_an_approved_period_refuses_grid_paste_undo_and_redo(kantor):
    jab = jabatan_of("KASUBAG-UMUM.02")
    sebagai("siti")
    hasil = set_values([real("KASUBAG-UMUM.02", "202002", 5)])
    setujui(jab, "2020Q1")
    sebagai("siti")
    with pytest.raises(Terkunci) as exc:
        set_values([real("KASUBAG-UMUM.02", "202004", 1), real("KASUBAG-UMUM.02", "202002", 6)])
    assert "Realisasi Triwulan I 2020 jabatan" in exc.value.pesan
    assert "disetujui oleh admin pada" in exc.value.pesan
    assert "Tidak ada yang diubah" in exc.value.pesan
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202004") is None  # all or nothing
    with pytest.raises(Terkunci):  # undo of the edit made before the approval
        revert_values(hasil.data.lama)
    with pytest.raises(Terkunci):  # emptying a cell is a change too
        set_values([NilaiMasuk(KunciNilai("realisasi", ind("KASUBAG-UMUM.02").id, "202002"))])
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202002") == Komponen(5)
    # another period and another jabatan stay open
    set_values([real("KASUBAG-UMUM.02", "202004", 1), real("KASI-PEM.01", "202002", 1)])
    # a whole year approved locks its months too
    setujui(jab, "2020")
    sebagai("siti")
    with pytest.raises(Terkunci, match="Realisasi (Tahun|Triwulan I) 2020"):
        set_values([real("KASUBAG-UMUM.02", "202012", 1)])


def test_unlock_only_by_an_administrator_with_a_reason_back_to_draf(kantor):
    jab = jabatan_of("KASUBAG-UMUM.02")
    setujui(jab, "202001")
    sebagai("admin")
    with pytest.raises(DataTidakValid, match="Isi alasan membuka kunci"):
        take_step(Langkah.BUKA_KUNCI, jab, "realisasi", "202001")
    take_step(Langkah.BUKA_KUNCI, jab, "realisasi", "202001", "Salah ketik jumlah surat")
    info = status_persetujuan(jab, "realisasi", "202001")
    assert (info.status, info.catatan) == (Status.DRAF, "Salah ketik jumlah surat")
    sebagai("siti")
    set_values([real("KASUBAG-UMUM.02", "202001", 9)])


def test_csv_import_skips_locked_periods_after_saying_which(kantor, tmp_path):
    setujui(jabatan_of("KASUBAG-UMUM.02"), "202001")
    sebagai("siti")
    berkas = tmp_path / "nilai.csv"
    berkas.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
        "KASUBAG-UMUM.02,202002,,realisasi,6,,\n",
        encoding="utf-8",
    )
    isi_csv = read_csv(berkas)
    rencana = plan_values(isi_csv.nilai)
    assert rencana.ringkasan() == "1 baru, 0 diubah, 0 sama, 0 ditolak, 1 dilewati (terkunci)"
    [alasan] = rencana.alasan_dilewati()
    assert alasan.startswith("1 nilai dilewati: Realisasi Januari 2020 jabatan")
    assert "disetujui oleh admin" in alasan
    hasil = apply_csv(isi_csv, rencana)
    i = ind("KASUBAG-UMUM.02").id
    assert baca_realisasi(i, "202001") is None and baca_realisasi(i, "202002") == Komponen(6)
    # the batch undo is refused once its period is approved
    setujui(jabatan_of("KASUBAG-UMUM.02"), "2020Q1")
    with pytest.raises(Terkunci, match="Triwulan I 2020"):
        undo_batch(hasil.data.batch_id)
    assert baca_realisasi(i, "202002") == Komponen(6)


def test_desa_import_skips_locked_periods_and_applies_the_rest(kantor, tmp_path):
    pertama = desa_indicators(2020)[0]
    setujui(pertama.sasaran.jabatan_id, "202001")
    sebagai("siti")
    berkas = isi(templat(tmp_path / "usb"), {(0, 0): 4, (0, 1): 5})
    [pratinjau], [hasil] = import_berkas_desa([berkas])
    assert (
        "1 baru, 0 diubah, 10 sama, 114 sel belum diisi, 1 dilewati karena periodenya sudah "
        "disetujui." in (pratinjau.ringkasan())
    )
    assert pratinjau.dilewati[0].startswith("1 nilai dilewati: Realisasi Januari 2020")
    assert hasil.data.batch_id is not None
    desa = {
        (r.periode, r.nilai)
        for r in NilaiRealisasi.select().where(NilaiRealisasi.indikator == pertama.id)
    }
    assert desa == {("202002", 5.0)}
    assert KEMIRI in pratinjau.kode_desa
    from kinerja_desktop.db.models import CatatanAudit, Desa

    [entri] = CatatanAudit.select().where(CatatanAudit.batch_id == hasil.data.batch_id)
    assert (entri.aksi, entri.pengguna, entri.periode, entri.desa_id) == (
        "impor_desa",
        "siti",
        "202002",
        Desa.get(Desa.kode == KEMIRI).id,
    )


def test_a_jabatan_of_another_year_or_an_unknown_kind_is_refused(kantor):
    jab = Jabatan.get(Jabatan.tahun == 2020).id
    with pytest.raises(DataTidakValid, match="bukan tahun 2020"):
        take_step(Langkah.AJUKAN, jab, "realisasi", "202101")
    with pytest.raises(DataTidakValid, match="Jenis"):
        take_step(Langkah.AJUKAN, jab, "capaian", "2020")


def test_restoring_a_backup_from_before_an_approval_is_refused_until_unlocked(
    kantor, db_path, tmp_path
):
    from kinerja_desktop.db.archive import export_backup
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.models import CatatanAudit, database_proxy
    from kinerja_desktop.db.restore import restore_from_file
    from kinerja_desktop.db.restore_locks import log_restore

    jab = jabatan_of("KASUBAG-UMUM.02")
    sebagai("siti")
    set_values([real("KASUBAG-UMUM.02", "202001", 3)])
    (tmp_path / "usb").mkdir()
    lama = export_backup(db_path, tmp_path / "usb").path
    set_values([real("KASUBAG-UMUM.02", "202001", 4)])
    setujui(jab, "2020Q1")
    database_proxy.obj.close()
    with pytest.raises(Terkunci) as exc:
        restore_from_file(lama, db_path)
    assert "Cadangan ini dibuat sebelum realisasi Triwulan I 2020 jabatan" in exc.value.pesan
    assert "disetujui oleh admin pada" in exc.value.pesan
    open_database(db_path)
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202001") == Komponen(4)
    # a backup made after the approval holds the same approval: it may be restored
    sesudah = export_backup(db_path, tmp_path).path
    database_proxy.obj.close()
    restore_from_file(sesudah, db_path)
    open_database(db_path)
    sebagai("admin")
    take_step(Langkah.BUKA_KUNCI, jab, "realisasi", "2020Q1", "Data Januari dari cadangan")
    database_proxy.obj.close()
    hasil = restore_from_file(lama, db_path)
    open_database(db_path)
    log_restore(hasil.sumber, hasil.cadangan_sebelumnya)
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202001") == Komponen(3)
    entri = CatatanAudit.select().order_by(CatatanAudit.id.desc()).first()
    assert (entri.aksi, entri.pengguna) == ("pulih_cadangan", "admin")
    assert entri.catatan.startswith(f"dari {lama.name}; keadaan sebelumnya di ")


def test_the_capaian_report_states_each_jabatans_approval(kantor, tmp_path):
    import openpyxl
    from pypdf import PdfReader

    from kinerja_desktop.reports.capaian_data import build_capaian_report
    from kinerja_desktop.reports.capaian_pdf import render_capaian_pdf
    from kinerja_desktop.reports.capaian_xlsx import render_capaian_xlsx

    setujui(jabatan_of("KASUBAG-UMUM.02"), "2020Q1")
    sebagai("siti")
    take_step(Langkah.AJUKAN, jabatan_of("SEKCAM.02"), "realisasi", "2020Q1")
    laporan = build_capaian_report(2020, "2020Q1")
    keadaan = {j.kode: j.persetujuan for j in laporan.jabatan}
    assert keadaan["KASUBAG-UMUM"].startswith("Disetujui oleh admin, ")
    assert keadaan["SEKCAM"].startswith("Diajukan oleh siti, ")
    assert keadaan["KASI-PEM"] == "Draf (belum diajukan)"
    bulan = {j.kode: j.persetujuan for j in build_capaian_report(2020, "202002").jabatan}
    assert bulan["KASUBAG-UMUM"].endswith("(untuk Triwulan I 2020)")
    assert bulan["SEKCAM"] == "Draf (belum diajukan)"  # submitting Q1 is not its months

    pdf = render_capaian_pdf(laporan, tmp_path / "c.pdf", "a4")
    teks = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "· Persetujuan: Disetujui oleh admin," in teks
    assert "· Persetujuan: Draf (belum diajukan)" in teks
    xlsx = render_capaian_xlsx(laporan, tmp_path / "c.xlsx", "a4")
    ws = openpyxl.load_workbook(xlsx)["Per Jabatan"]
    kolom_a = [str(c.value) for c in ws["A"] if c.value]
    assert any(v.startswith("Persetujuan realisasi: Diajukan oleh siti") for v in kolom_a)


def test_the_package_values_carry_the_approval_state(kantor):
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.exchange.nilai_csv import baris_ekspor

    sebagai("siti")
    set_values([real("KASUBAG-UMUM.02", "202001", 3), real("KASI-PEM.01", "202001", 2)])
    setujui(jabatan_of("KASUBAG-UMUM.02"), "2020Q1")
    rows = baris_ekspor(2020, dalam=parse_periode("2020Q1"), dengan_status=True)
    status = {(r[0], r[1]): r[-1] for r in rows[1:] if r[3] == "realisasi"}
    assert status == {
        ("KASUBAG-UMUM.02", "202001"): "disetujui",
        ("KASI-PEM.01", "202001"): "draf",
    }


def test_removing_an_indicator_or_jabatan_with_locked_values_is_refused(kantor):
    from kinerja_desktop.db import ops_indikator, ops_jabatan

    sebagai("siti")
    set_values([real("KASUBAG-UMUM.02", "202001", 3)])
    jab = jabatan_of("KASUBAG-UMUM.02")
    setujui(jab, "2020Q1")
    with pytest.raises(Terkunci, match="Realisasi Triwulan I 2020"):
        ops_indikator.remove_indikator(ind("KASUBAG-UMUM.02").id)
    with pytest.raises(Terkunci):
        ops_jabatan.remove_jabatan(jab)
    assert baca_realisasi(ind("KASUBAG-UMUM.02").id, "202001") == Komponen(3)
    ops_indikator.remove_indikator(ind("KASUBAG-UMUM.03").id)  # no locked value: removed


def test_settings_are_the_administrators(kantor):
    from kinerja_desktop.db.ops_pita import set_batas_atas

    sebagai("budi")
    with pytest.raises(TidakBerwenang, match="batas atas capaian hanya boleh .* Administrator"):
        set_batas_atas(120)
    sebagai("admin")
    set_batas_atas(120)
