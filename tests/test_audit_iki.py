"""Changes to the IKI itself are in the audit log like values: jabatan, tugas, fungsi, sasaran,
indicators, sub-items, holders, pegawai, the decree header, the bands, desa; an undo and a redo
of the window are logged as such; an IKI entry edited with another tool breaks the chain."""

import sqlite3

import pytest
from PySide6.QtGui import QUndoStack

from kinerja_desktop.db import (
    ops_indikator,
    ops_indikator_paste,
    ops_jabatan,
    ops_pemangku,
    ops_uraian,
)
from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.kantor import rename_desa
from kinerja_desktop.db.keputusan import set_kepala
from kinerja_desktop.db.models import CatatanAudit, Desa, Indikator, Jabatan
from kinerja_desktop.db.ops_pita import set_batas_atas
from kinerja_desktop.db.pengguna import add_pengguna, log_in
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.sesi import log_in_as
from kinerja_desktop.domain.persetujuan import Peran
from kinerja_desktop.ui.operations import push_change


def jab(kode: str) -> int:
    return int(Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id)


def entri(n: int = 1) -> list[tuple[object, ...]]:
    """The last ``n`` entries, oldest first, as (aksi, jenis, lama, baru, catatan)."""
    rows = CatatanAudit.select().order_by(CatatanAudit.id.desc()).limit(n)
    return [(e.aksi, e.jenis, e.lama, e.baru, e.catatan) for e in rows][::-1]


@pytest.fixture
def admin(db):
    add_pengguna("admin", Peran.ADMINISTRATOR, "sandi-admin", "Kepala Subbag")
    log_in_as(log_in("admin", "sandi-admin"))
    return db


def test_every_change_to_the_iki_is_logged_with_who_and_old_new(admin):
    pem = jab("KASI-PEM")
    baru = ops_jabatan.add_jabatan(2020, "Pengolah Data", pem, "PENGOLAH").data
    assert entri() == [
        ("tambah", "jabatan", None, "Pengolah Data (PENGOLAH)", "di bawah «Kasi Pemerintahan»")
    ]
    ops_jabatan.rename_jabatan(baru, "Pengolah Data Kependudukan", "PENGOLAH-DUK")
    assert entri()[0][:4] == (
        "ubah",
        "jabatan",
        "Pengolah Data (PENGOLAH)",
        "Pengolah Data Kependudukan (PENGOLAH-DUK)",
    )
    ops_jabatan.move_jabatan(baru, None)
    assert entri()[0][:4] == (
        "pindah",
        "jabatan",
        "di bawah «Kasi Pemerintahan»",
        "di bawah Camat",
    )

    [tugas] = ops_uraian.insert_uraian(baru, "tugas", ["Menyusun data penduduk"]).data
    ops_uraian.edit_uraian("tugas", tugas, "Menyusun data kependudukan")
    assert entri(2) == [
        ("tambah", "tugas", None, "Menyusun data penduduk", "butir 1"),
        ("ubah", "tugas", "Menyusun data penduduk", "Menyusun data kependudukan", None),
    ]
    sasaran = ops_indikator.add_sasaran(baru, "Data penduduk mutakhir").data
    indikator = ops_indikator.add_indikator(sasaran, fields={"nama": "Jumlah data"}).data
    ops_indikator.update_indikator(indikator, {"nama": "Jumlah data diperbarui", "satuan": "data"})
    assert entri(3) == [
        ("tambah", "sasaran", None, "Data penduduk mutakhir", None),
        ("tambah", "indikator", None, "PENGOLAH-DUK.01 Jumlah data", None),
        (
            "ubah",
            "indikator",
            "Indikator: Jumlah data; Satuan: ",
            "Indikator: Jumlah data diperbarui; Satuan: data",
            None,
        ),
    ]
    e = CatatanAudit.select().order_by(CatatanAudit.id.desc()).first()
    assert (e.pengguna, e.jabatan_id, e.indikator_id) == ("admin", baru, indikator)
    assert e.periode == "2020"
    sub = ops_indikator.add_sub(indikator, teks="a. laki-laki").data
    ops_indikator.update_sub(sub, formula="Σ a")
    ops_indikator.remove_sub(sub)
    assert [x[:2] for x in entri(3)] == [("tambah", "sub_indikator")] + [
        ("ubah", "sub_indikator"),
        ("hapus", "sub_indikator"),
    ]

    holding = ops_pemangku.add_pegawai_baru(baru, "Siti Aminah", "19850312 201001 2 004").data
    pegawai = ops_pemangku.list_pemangku(baru)[0].pegawai_id
    ops_pemangku.update_pegawai(pegawai, {"golongan": "III/a"})
    ops_pemangku.remove_pemangku(holding)
    siti = "Siti Aminah (NIP 19850312 201001 2 004)"
    assert entri(3) == [
        ("tambah", "pemangku", None, siti, "pegawai baru"),
        ("ubah", "pegawai", "Golongan: ", "Golongan: III/a", siti),
        ("hapus", "pemangku", siti, None, None),
    ]

    removed = ops_jabatan.remove_jabatan(baru).data
    # the log names a removed jabatan by what it was, and says it is gone
    dihapus = read_audit(SaringAudit(jabatan_id=baru), batas=1)[0]
    assert (dihapus.jabatan, dihapus.lama) == (
        "(jabatan dihapus)",
        "Pengolah Data Kependudukan (PENGOLAH-DUK)",
    )
    assert entri()[0][:3] == ("hapus", "jabatan", "Pengolah Data Kependudukan (PENGOLAH-DUK)")
    assert "1 indikator" in str(entri()[0][4])
    ops_jabatan.reinsert_jabatan(removed)
    assert entri()[0][3] == "Pengolah Data Kependudukan (PENGOLAH-DUK)"
    assert entri()[0][:2] == ("tambah", "jabatan")

    set_kepala(2020, {"tempat": "Malang", "nomor": "188.45/12/35.07.13/2020"})
    assert entri()[0][:2] == ("ubah", "keputusan") and "Tempat: Malang" in str(entri()[0][3])
    set_batas_atas(120)
    assert entri()[0][:2] == ("ubah", "penilaian") and "batas atas 120%" in str(entri()[0][3])
    desa = Desa.select().order_by(Desa.urutan).first()
    rename_desa(desa.kode, "Kemiri Baru")
    assert entri()[0][:2] == ("ubah", "desa") and "Kemiri Baru" in str(entri()[0][3])

    assert check_log().is_intact
    # Riwayat Perubahan of the year lists them with Indonesian words, what every year shares too
    terlihat = {(b.aksi, b.jenis) for b in read_audit(SaringAudit(tahun=2020))}
    assert {("Pindahkan", "Jabatan"), ("Ubah", "Pegawai"), ("Ubah", "Kategori capaian")} <= terlihat
    assert ("Ubah", "Kepala keputusan") in terlihat and ("Hapus", "Sub-butir indikator") in terlihat


def test_undo_and_redo_in_the_window_are_logged_as_such(qtbot, admin):
    stack = QUndoStack()
    pem = jab("KASI-PEM")
    refused: list[str] = []

    def step(teks, do, undo):
        return push_change(
            stack,
            teks,
            do,
            undo,
            on_done=lambda _p: None,
            on_refused=lambda _j, exc: refused.append(exc.pesan),
            parent=None,
        )

    step(
        "Ganti nama",
        lambda: ops_jabatan.rename_jabatan(pem, "Kepala Seksi Pemerintahan"),
        lambda: ops_jabatan.rename_jabatan(pem, "Kasi Pemerintahan"),
    )
    stack.undo()
    stack.redo()
    assert [(a, j) for a, j, *_ in entri(3)] == [
        ("ubah", "jabatan"),
        ("urung", "jabatan"),
        ("ulang", "jabatan"),
    ]
    assert entri(2)[0][3] == "Kasi Pemerintahan (KASI-PEM)"  # the undo put the name back

    # a paste of indicators is logged as a paste, every row of it; its undo as an undo
    sebelum = CatatanAudit.select().count()
    tempel: list[ops_indikator_paste.TempelIndikator] = []

    def paste():
        hasil = ops_indikator_paste.paste_indikator(pem, None, [{"nama": "Satu"}, {"nama": "Dua"}])
        tempel.append(hasil.data)
        return hasil

    step("Tempel", paste, lambda: ops_indikator_paste.revert_paste(tempel[0]))
    assert [(a, j) for a, j, *_ in entri(2)] == [("tempel", "indikator")] * 2
    stack.undo()
    assert [(a, j) for a, j, *_ in entri(2)] == [("urung", "indikator")] * 2
    assert CatatanAudit.select().count() == sebelum + 4
    assert not Indikator.select().where(Indikator.nama == "Satu").exists()
    assert refused == [] and check_log().is_intact


def test_an_iki_entry_edited_with_another_tool_is_caught(admin, db_path):
    ops_jabatan.rename_jabatan(jab("BENDAHARA"), "Bendahara Pengeluaran")
    ops_jabatan.rename_jabatan(jab("PRAMU"), "Pramu Kantor")
    assert check_log().is_intact
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE audit_log SET baru = 'Bendahara Umum' WHERE baru LIKE 'Bendahara%'")
    assert "tidak cocok dengan rantai hash" in check_log().masalah[0]
