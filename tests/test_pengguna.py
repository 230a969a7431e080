"""Users on the office PC: the single-user office is never asked to log in, passwords are kept
only as scrypt hashes, wrong passwords slow the next try, and a forgotten administrator
password is reset with a file only someone at the PC can create."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from kinerja_desktop.db.models import CatatanAudit, Indikator
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.pengguna import (
    add_pengguna,
    change_sandi,
    daftar_pengguna,
    log_in,
    request_sandi_reset,
    reset_sandi,
    update_pengguna,
)
from kinerja_desktop.db.sesi import log_in_as, needs_login, pengguna_aktif
from kinerja_desktop.domain.capaian import Komponen
from kinerja_desktop.domain.persetujuan import Peran
from kinerja_desktop.errors import DataTidakValid, TidakBerwenang


def isian(nilai: float) -> None:
    i = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASUBAG-UMUM.02")
    kunci = KunciNilai("realisasi", i.id, "202001")
    set_values([NilaiMasuk(kunci, komponen=Komponen(nilai))])


def test_an_office_with_one_user_is_never_asked_to_log_in(db):
    assert not needs_login()
    sesi = pengguna_aktif()  # nobody exists yet: the person at the PC administers
    assert sesi.peran is Peran.ADMINISTRATOR
    isian(1)
    assert CatatanAudit.select().order_by(CatatanAudit.id.desc()).first().pengguna == sesi.nama
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia1", "Kepala Subbag")
    assert not needs_login()
    assert pengguna_aktif().nama == "admin"  # the one user, without a password
    isian(2)
    assert CatatanAudit.select().order_by(CatatanAudit.id.desc()).first().pengguna == "admin"


def test_a_second_user_means_everyone_logs_in(db):
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia1")
    add_pengguna("siti", Peran.OPERATOR, "rahasia2")
    assert needs_login()
    with pytest.raises(TidakBerwenang, match="masuk dulu"):
        isian(1)
    log_in_as(log_in("siti", "rahasia2"))
    isian(1)
    assert CatatanAudit.select().order_by(CatatanAudit.id.desc()).first().pengguna == "siti"
    with pytest.raises(TidakBerwenang, match="hanya boleh dilakukan oleh Administrator"):
        add_pengguna("budi", Peran.VERIFIKATOR, "rahasia3")


def test_passwords_are_stored_only_as_salted_scrypt(db, db_path):
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia-kantor")
    log_in_as(log_in("admin", "rahasia-kantor"))
    add_pengguna("siti", Peran.OPERATOR, "rahasia-kantor")
    with sqlite3.connect(db_path) as raw:
        sandi = [r[0] for r in raw.execute("SELECT sandi FROM pengguna")]
        log = " ".join(str(r) for r in raw.execute("SELECT * FROM audit_log"))
    assert all(s.startswith("scrypt$16384$8$1$") for s in sandi)
    assert sandi[0] != sandi[1]  # the same password, another salt
    assert "rahasia" not in " ".join(sandi) + log


def test_three_wrong_passwords_slow_the_next_try(db):
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia1")
    mulai = datetime(2026, 3, 2, 8, 0, 0)
    for _ in range(2):
        with pytest.raises(TidakBerwenang, match="Sandi salah untuk admin.$"):
            log_in("admin", "salah", mulai)
    with pytest.raises(TidakBerwenang, match="Tunggu 5 detik"):
        log_in("admin", "salah", mulai)
    # even the right password must wait now
    with pytest.raises(TidakBerwenang, match="3 kali sandi salah berturut-turut. Coba lagi"):
        log_in("admin", "rahasia1", mulai + timedelta(seconds=2))
    with pytest.raises(TidakBerwenang, match="Tunggu 10 detik"):
        log_in("admin", "salah", mulai + timedelta(seconds=6))
    assert log_in("admin", "rahasia1", mulai + timedelta(seconds=17)).nama == "admin"
    for detik in (18, 19):  # the count started again: no wait after one or two
        with pytest.raises(TidakBerwenang, match="Sandi salah untuk admin.$"):
            log_in("admin", "salah", mulai + timedelta(seconds=detik))


def test_the_office_always_keeps_an_administrator(db):
    with pytest.raises(DataTidakValid, match="Pengguna pertama harus administrator"):
        add_pengguna("siti", Peran.OPERATOR, "rahasia2")
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia1")
    add_pengguna("siti", Peran.OPERATOR, "rahasia2")
    log_in_as(log_in("admin", "rahasia1"))
    with pytest.raises(DataTidakValid, match="administrator aktif terakhir"):
        update_pengguna("admin", peran=Peran.OPERATOR)
    with pytest.raises(DataTidakValid, match="sudah ada"):
        add_pengguna("Siti", Peran.OPERATOR, "rahasia2")
    with pytest.raises(DataTidakValid, match="terlalu pendek"):
        add_pengguna("budi", Peran.OPERATOR, "123")
    update_pengguna("siti", aktif=False)
    assert [(p.nama, p.aktif) for p in daftar_pengguna()] == [("admin", True), ("siti", False)]
    assert not needs_login()  # one active user left


def test_own_password_needs_the_old_one(db):
    add_pengguna("admin", Peran.ADMINISTRATOR, "rahasia1")
    add_pengguna("siti", Peran.OPERATOR, "rahasia2")
    log_in_as(log_in("siti", "rahasia2"))
    with pytest.raises(TidakBerwenang, match="Sandi lama salah"):
        change_sandi("siti", "baru-sekali", "keliru")
    with pytest.raises(TidakBerwenang):
        change_sandi("admin", "baru-sekali")
    change_sandi("siti", "baru-sekali", "rahasia2")
    assert log_in("siti", "baru-sekali").nama == "siti"


def test_forgotten_administrator_password_needs_a_file_on_the_pc(db, tmp_path):
    add_pengguna("admin", Peran.ADMINISTRATOR, "lupa-sandi")
    add_pengguna("siti", Peran.OPERATOR, "rahasia2")
    with pytest.raises(DataTidakValid, match="Belum ada permintaan pemulihan"):
        reset_sandi("admin", "sandi-baru", tmp_path)
    berkas = request_sandi_reset("admin", tmp_path)
    assert berkas.parent == tmp_path and berkas.name.startswith("pulihkan-sandi-")
    with pytest.raises(TidakBerwenang, match="belum ada. Buat berkas kosong"):
        reset_sandi("admin", "sandi-baru", tmp_path)
    berkas.write_text("")
    reset_sandi("admin", "sandi-baru", tmp_path)
    assert not berkas.exists()
    assert log_in("admin", "sandi-baru").nama == "admin"
    entri = CatatanAudit.select().order_by(CatatanAudit.id.desc()).first()
    assert (entri.pengguna, entri.aksi) == ("admin", "pengguna")
    assert "dipulihkan dengan berkas" in entri.catatan
