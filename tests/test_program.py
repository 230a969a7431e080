"""Programs, kegiatan, anggaran and the Rencana Aksi of a jabatan (db.ops_program), and what the
monev stores beside realisasi (db.ops_anggaran): checked at the door, undoable, locked by
approval, logged, and read back in bulk (db.queries_program) on both engines."""

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import Indikator, Jabatan, Sasaran
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    set_keterangan,
    set_realisasi_anggaran,
)
from kinerja_desktop.db.ops_program import (
    IsiAksi,
    IsiKegiatan,
    IsiProgram,
    add_aksi,
    add_kegiatan,
    add_program,
    move_butir,
    read_isi,
    reinsert_butir,
    remove_butir,
    update_butir,
)
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.queries_program import (
    read_kegiatan,
    read_keterangan,
    read_program,
    read_realisasi_anggaran,
    read_rencana_aksi,
)
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.errors import DataTidakValid, Terkunci


def _jabatan(kode: str) -> Jabatan:
    return Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == kode)


def _setujui(jabatan_id: int, jenis: str, periode: str) -> None:
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, jabatan_id, jenis, periode)


@pytest.fixture
def rencana(db):
    """The Sekretaris Camat with one program of two kegiatan and an action with a sub-action."""
    sekcam = _jabatan("SEKCAM")
    sasaran = Sasaran.select().where(Sasaran.jabatan == sekcam).first()
    program = add_program(sekcam.id, IsiProgram("Program Penunjang", "7.01.01", sasaran.id)).data
    besar = add_kegiatan(program, IsiKegiatan("Administrasi Keuangan", anggaran=3_000_000_000))
    kecil = add_kegiatan(program, IsiKegiatan("Administrasi Umum", anggaran=250_000_000))
    aksi = add_aksi(sekcam.id, IsiAksi("Menyusun laporan", penanggung_jawab_id=_jabatan(
        "BENDAHARA").id, tw1="✓")).data  # fmt: skip
    add_aksi(sekcam.id, IsiAksi("Rekonsiliasi", penanggung_jawab_teks="BPKAD"), induk_id=aksi)
    return sekcam, program, besar.data, kecil.data, aksi


def test_the_plan_is_stored_read_back_in_order_edited_and_undone(rencana):
    sekcam, program, besar, kecil, aksi = rencana
    [p] = read_program(2020, [sekcam.id])
    assert (p.nama, p.kode, p.anggaran, p.lengkap) == ("Program Penunjang", "7.01.01",
                                                      3_250_000_000, True)  # fmt: skip
    assert [(a.teks, a.penanggung_jawab) for a in read_rencana_aksi(2020)] == [
        ("Menyusun laporan", "Bendahara"),
        ("Rekonsiliasi", "BPKAD"),
    ]
    # an edit and its undo (writing the old content back)
    lama = read_isi("kegiatan", kecil)
    update_butir("kegiatan", kecil, IsiKegiatan("Administrasi Umum", anggaran=None))
    assert read_program(2020)[0].lengkap is False
    update_butir("kegiatan", kecil, lama)
    move_butir("kegiatan", kecil, -1)
    assert [k.nama for k in read_kegiatan(2020)] == ["Administrasi Umum", "Administrasi Keuangan"]
    # removing a program takes its kegiatan and their budget realised; undo puts all back
    set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q1", 1_000_000_000)])
    cuplikan = remove_butir("program", [program]).data
    assert read_kegiatan(2020) == [] and read_realisasi_anggaran(2020) == []
    assert all(a.kegiatan_id is None for a in read_rencana_aksi(2020))
    reinsert_butir(cuplikan)
    assert [k.id for k in read_kegiatan(2020)] == [kecil, besar]
    assert read_realisasi_anggaran(2020)[0].nilai == 1_000_000_000
    # removing a main action takes its sub-action
    cuplikan = remove_butir("aksi", [aksi]).data
    assert read_rencana_aksi(2020) == []
    reinsert_butir(cuplikan)
    assert len(read_rencana_aksi(2020)) == 2
    assert check_log().is_intact
    jenis = {b.jenis for b in read_audit(SaringAudit(tahun=2020))}
    assert {"Program", "Kegiatan", "Rencana aksi", "Realisasi anggaran"} <= jenis


def test_the_door_refuses_what_does_not_fit(rencana):
    sekcam, program, besar, _, aksi = rencana
    camat_lain = _jabatan("KASI-KESOS")
    ind_lain = Indikator.select().join(Sasaran).where(Sasaran.jabatan == camat_lain).first()
    cases = [
        (lambda: add_kegiatan(program, IsiKegiatan("X", anggaran=-5)), "tidak boleh negatif"),
        (lambda: add_kegiatan(program, IsiKegiatan("  ")), "tidak boleh kosong"),
        (lambda: add_kegiatan(program, IsiKegiatan("X", indikator_id=ind_lain.id)),
         "bukan indikator jabatan"),
        (lambda: add_aksi(sekcam.id, IsiAksi("X"), induk_id=read_rencana_aksi(2020)[1].id),
         "tidak dapat punya sub-aksi"),
        (lambda: set_realisasi_anggaran([AnggaranMasuk(besar, "202001", 5)]), "per triwulan"),
        (lambda: set_realisasi_anggaran([AnggaranMasuk(besar, "2021Q1", 5)]), "per triwulan"),
        (lambda: set_keterangan([KeteranganMasuk(ind_lain.id, "2021Q1", "x")]), "bukan tahun"),
    ]  # fmt: skip
    for aksi_, pesan in cases:
        with pytest.raises(DataTidakValid, match=pesan):
            aksi_()
    assert len(read_kegiatan(2020)) == 2 and read_realisasi_anggaran(2020) == []


def test_budget_realised_and_notes_lock_with_the_approved_period(rencana):
    sekcam, program, besar, kecil, _ = rencana
    ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == sekcam).first().id
    hasil = set_realisasi_anggaran(
        [AnggaranMasuk(besar, "2020Q1", 750_000_000), AnggaranMasuk(kecil, "2020Q2", 50_000_000)]
    )
    assert [m.nilai for m in hasil.data] == [None, None]
    catatan = set_keterangan([KeteranganMasuk(ind, "2020Q1", "Hujan deras", "Dijadwal ulang")])
    assert read_keterangan(2020, "2020Q1")[(ind, "2020Q1")].kendala == "Hujan deras"
    assert sum(p.anggaran or 0 for p in read_program(2020)) == 3_250_000_000
    assert [(r.periode, r.nilai) for r in read_realisasi_anggaran(2020)] == [
        ("2020Q1", 750_000_000),
        ("2020Q2", 50_000_000),
    ]
    _setujui(sekcam.id, "realisasi", "2020S1")
    with pytest.raises(Terkunci, match="Semester I 2020"):
        set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q1", 1)])
    with pytest.raises(Terkunci, match="Semester I 2020"):
        set_keterangan(catatan.data)
    with pytest.raises(Terkunci):
        remove_butir("kegiatan", [besar])
    set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q3", 5)])  # outside the approved half
    _setujui(sekcam.id, "target", "2020")
    with pytest.raises(Terkunci, match="Target Tahun 2020"):
        update_butir("program", program, IsiProgram("Program lain"))
    assert read_program(2020)[0].nama == "Program Penunjang"
    assert check_log().is_intact


def test_year_copy_carries_the_plan_but_not_what_was_realised(rencana):
    from kinerja_desktop.db.years import copy_year, read_isi_tahun

    sekcam, program, besar, _, aksi = rencana
    ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == sekcam).first()
    update_butir("kegiatan", besar, IsiKegiatan("Administrasi Keuangan", "", 3_000_000_000, ind.id))
    update_butir("aksi", aksi, IsiAksi("Menyusun laporan", ind.id, besar, _jabatan("BENDAHARA").id))
    set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q1", 5)])
    set_keterangan([KeteranganMasuk(ind.id, "2020Q1", "Hujan")])
    isi = read_isi_tahun(2020)
    assert (isi.program, isi.kegiatan, isi.rencana_aksi) == (1, 2, 2)
    assert (isi.realisasi_anggaran, isi.keterangan) == (1, 1)
    hasil = copy_year(2020, 2021).data
    assert (hasil.program, hasil.rencana_aksi) == (1, 2)

    def tampak(tahun: int) -> list[tuple]:
        kode_ind = {i.id: i.kode for i in Indikator.select()}
        kode_jab = {j.id: j.kode for j in Jabatan.select()}
        nama_keg = {k.id: k.nama for k in read_kegiatan(tahun)}
        return (
            [(kode_jab[p.jabatan_id], p.nama, p.kode, p.anggaran) for p in read_program(tahun)]
            + [(k.nama, k.anggaran, kode_ind.get(k.indikator_id)) for k in read_kegiatan(tahun)]
            + [
                (a.teks, a.induk_id is None, a.penanggung_jawab, a.tw,
                 kode_ind.get(a.indikator_id), nama_keg.get(a.kegiatan_id))
                for a in read_rencana_aksi(tahun)
            ]
        )  # fmt: skip

    assert tampak(2021) == tampak(2020)
    assert read_realisasi_anggaran(2021) == [] and read_keterangan(2021) == {}
    baru = read_kegiatan(2021)[0]
    assert Indikator.get_by_id(baru.indikator_id).tahun_id == 2021


def test_removing_a_jabatan_or_indicator_takes_no_budget_or_note_of_an_approved_period(rencana):
    """An approved period locks what the monev stored beside its realisasi: removing the jabatan
    (with its programs and their budget realised) or the indicator (with its note) is refused,
    as it is for the values themselves, and nothing goes."""
    from kinerja_desktop.db.ops_indikator import remove_indikator
    from kinerja_desktop.db.ops_jabatan import remove_jabatan

    sekcam, _, besar, _, _ = rencana
    ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == sekcam).first().id
    set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q1", 750_000_000)])
    set_keterangan([KeteranganMasuk(ind, "2020Q1", "Hujan deras", "Dijadwal ulang")])
    _setujui(sekcam.id, "realisasi", "2020Q1")
    with pytest.raises(Terkunci, match="Triwulan I 2020"):
        remove_jabatan(sekcam.id)
    with pytest.raises(Terkunci, match="Triwulan I 2020"):
        remove_indikator(ind)
    assert read_realisasi_anggaran(2020)[0].nilai == 750_000_000
    assert read_keterangan(2020, "2020Q1")[(ind, "2020Q1")].kendala == "Hujan deras"
    assert Jabatan.get_or_none(Jabatan.id == sekcam.id) is not None


def test_a_move_is_logged_and_a_removal_of_several_rows_reads_them_in_bulk(rencana, monkeypatch):
    from kinerja_desktop.db.models import database_proxy

    _, _, besar, kecil, _ = rencana
    move_butir("kegiatan", kecil, -1)
    [pindah] = [b for b in read_audit(SaringAudit(tahun=2020)) if "urutan" in (b.lama or "")]
    assert (pindah.jenis, pindah.lama, pindah.baru) == (
        "Kegiatan", "Administrasi Umum (urutan 2)", "Administrasi Umum (urutan 1)"
    )  # fmt: skip
    database = database_proxy.obj
    dikirim: list[str] = []
    asli = database.execute_sql

    def catat(sql, *args, **kwargs):
        dikirim.append(sql)
        return asli(sql, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", catat)
    cuplikan = remove_butir("kegiatan", [besar]).data
    satu = len(dikirim)
    reinsert_butir(cuplikan)
    dikirim[:] = []
    remove_butir("kegiatan", [besar, kecil])
    assert len(dikirim) == satu  # not one read (and one log append) per row
    monkeypatch.undo()
    assert read_kegiatan(2020) == []
    dihapus = [b.lama for b in read_audit(SaringAudit(tahun=2020)) if not b.baru]
    keduanya = {"Administrasi Keuangan (Rp 3.000.000.000)", "Administrasi Umum (Rp 250.000.000)"}
    assert keduanya <= set(dihapus)


def test_undo_puts_nothing_back_into_a_period_approved_since_the_removal(rencana):
    """A removal made before an approval cannot be undone into the approved period: the rows
    would change what was approved (the budget realised of a kegiatan, an indicator's note)."""
    from kinerja_desktop.db.ops_indikator import reinsert_indikator, remove_indikator

    sekcam, _, besar, _, _ = rencana
    ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == sekcam).first().id
    set_realisasi_anggaran([AnggaranMasuk(besar, "2020Q1", 750_000_000)])
    set_keterangan([KeteranganMasuk(ind, "2020Q1", "Hujan deras")])
    kegiatan = remove_butir("kegiatan", [besar]).data
    indikator = remove_indikator(ind).data
    _setujui(sekcam.id, "realisasi", "2020Q1")
    with pytest.raises(Terkunci, match="Triwulan I 2020"):
        reinsert_butir(kegiatan)
    with pytest.raises(Terkunci, match="Triwulan I 2020"):
        reinsert_indikator(indikator)
    assert [k.nama for k in read_kegiatan(2020)] == ["Administrasi Umum"]
    assert read_realisasi_anggaran(2020) == [] and read_keterangan(2020) == {}
    assert Indikator.get_or_none(Indikator.id == ind) is None
