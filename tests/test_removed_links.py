"""A removal clears the links other rows had to what it took (ON DELETE SET NULL): a
kegiatan's or an action's indicator, a program's sasaran, an action's kegiatan or penanggung
jawab, an SKP row's IKI. Its undo puts every one of those links back, in the same transaction,
and says so in the audit log; a link the operator set again meanwhile stays as they set it."""

import pytest
from skp_bantuan import isi_kantor

from kinerja_desktop.db import ops_indikator, ops_jabatan
from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import (
    CatatanAudit,
    Indikator,
    Jabatan,
    Kegiatan,
    Program,
    RencanaAksi,
    SkpHasilKerja,
)
from kinerja_desktop.db.ops_program import (
    IsiAksi,
    IsiKegiatan,
    IsiProgram,
    add_aksi,
    add_kegiatan,
    add_program,
    reinsert_butir,
    remove_butir,
    update_butir,
)

TAUTAN = (Program, Kegiatan, RencanaAksi, SkpHasilKerja)


def _jabatan(kode: str) -> Jabatan:
    return Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == kode)


def semua() -> dict[str, list[tuple]]:
    """Every row, ids and links included, of the tables that link to a removable row."""
    return {m.__name__: list(m.select().order_by(m.id).tuples()) for m in TAUTAN}


@pytest.fixture
def tertaut(db):
    """OD-KESOS (SKP of Ani drawn from its IKI) with a program linked to its first sasaran, a
    kegiatan and an action linked to OD-KESOS.01, the action's kegiatan and penanggung jawab
    BENDAHARA; and an action of KASI-KESOS whose penanggung jawab is OD-KESOS."""
    kantor = isi_kantor()
    od = _jabatan("OD-KESOS")
    ind = Indikator.get_by_id(kantor.od_kesos_01)
    program = add_program(od.id, IsiProgram("Program Sosial", sasaran_id=ind.sasaran_id)).data
    kegiatan = add_kegiatan(program, IsiKegiatan("Pendataan PMKS", indikator_id=ind.id)).data
    bendahara = _jabatan("BENDAHARA").id
    aksi = add_aksi(
        od.id, IsiAksi("Mendata PMKS", ind.id, kegiatan, penanggung_jawab_id=bendahara)
    ).data
    kesos = _jabatan("KASI-KESOS")
    aksi_kesos = add_aksi(kesos.id, IsiAksi("Rapat koordinasi", penanggung_jawab_id=od.id)).data
    iki = SkpHasilKerja.select().where(SkpHasilKerja.iki == ind.id).count()
    assert iki == 1  # Ani's SKP row drawn from OD-KESOS.01
    return ind, program, kegiatan, aksi, aksi_kesos


def _catatan_terakhir() -> str:
    return CatatanAudit.select().order_by(CatatanAudit.id.desc()).get().catatan or ""


def test_undoing_an_indicator_removal_puts_its_links_back(tertaut):
    ind, _, kegiatan, aksi, _ = tertaut
    before = semua()
    hapus_ = ops_indikator.remove_indikator(ind.id)
    snap = hapus_.data
    # the status bar says so: the operator knows what the undo will put back
    assert "Tautan 1 kegiatan, 1 rencana aksi, 1 rencana hasil kerja SKP dilepas." in (
        hapus_.perubahan.pesan
    )
    assert Kegiatan.get_by_id(kegiatan).indikator_id is None
    assert RencanaAksi.get_by_id(aksi).indikator_id is None
    assert "1 kegiatan" in _catatan_terakhir()  # the removal says which links it cleared
    hasil = ops_indikator.reinsert_indikator(snap)
    assert semua() == before
    catatan = _catatan_terakhir()
    assert "tautan dipulihkan" in catatan
    assert (
        "1 kegiatan" in catatan
        and "1 rencana aksi" in catatan
        and "1 rencana hasil kerja SKP" in catatan
    )
    # the Rencana tab of the jabatan refreshes
    assert hasil.perubahan.program and _jabatan("OD-KESOS").id in hasil.perubahan.jabatan
    assert check_log().is_intact


def test_undoing_a_sasaran_removal_puts_the_program_link_back(tertaut):
    ind, program, *_ = tertaut
    before = semua()
    snap = ops_indikator.remove_sasaran(ind.sasaran_id).data
    assert Program.get_by_id(program).sasaran_id is None
    ops_indikator.reinsert_sasaran(snap)
    assert semua() == before


def test_undoing_a_jabatan_removal_puts_back_the_penanggung_jawab_of_other_jabatan(tertaut):
    *_, aksi_kesos = tertaut
    before = semua()
    od = _jabatan("OD-KESOS")
    cuplikan = ops_jabatan.remove_jabatan(od.id).data
    assert RencanaAksi.get_by_id(aksi_kesos).penanggung_jawab_id is None
    hasil = ops_jabatan.reinsert_jabatan(cuplikan)
    assert semua() == before
    # the other jabatan's Rencana tab shows its penanggung jawab again
    assert _jabatan("KASI-KESOS").id in hasil.perubahan.jabatan and hasil.perubahan.program
    # BENDAHARA, penanggung jawab of OD-KESOS's own action: removed and put back too
    cuplikan = ops_jabatan.remove_jabatan(_jabatan("BENDAHARA").id).data
    ops_jabatan.reinsert_jabatan(cuplikan)
    assert semua() == before


def test_undoing_a_kegiatan_removal_puts_the_action_link_back(tertaut):
    _, program, kegiatan, aksi, _ = tertaut
    before = semua()
    cuplikan = remove_butir("kegiatan", [kegiatan]).data
    assert RencanaAksi.get_by_id(aksi).kegiatan_id is None
    assert "Tautan 1 rencana aksi dipulihkan." in reinsert_butir(cuplikan).perubahan.pesan
    assert semua() == before
    cuplikan = remove_butir("program", [program]).data
    reinsert_butir(cuplikan)
    assert semua() == before


def test_a_link_set_again_meanwhile_stays_as_the_operator_set_it(tertaut):
    ind, _, kegiatan, aksi, aksi_kesos = tertaut
    snap = ops_indikator.remove_indikator(ind.id).data
    lain = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "OD-KESOS.02")
    update_butir("kegiatan", kegiatan, IsiKegiatan("Pendataan PMKS", indikator_id=lain.id))
    ops_indikator.reinsert_indikator(snap)
    assert Kegiatan.get_by_id(kegiatan).indikator_id == lain.id  # the operator's later choice
    assert RencanaAksi.get_by_id(aksi).indikator_id == ind.id  # still empty: put back
    # a penanggung jawab typed by name meanwhile is not replaced by the jabatan put back
    cuplikan = ops_jabatan.remove_jabatan(_jabatan("OD-KESOS").id).data
    update_butir(
        "aksi", aksi_kesos, IsiAksi("Rapat koordinasi", penanggung_jawab_teks="Dinas Sosial")
    )
    ops_jabatan.reinsert_jabatan(cuplikan)
    row = RencanaAksi.get_by_id(aksi_kesos)
    assert (row.penanggung_jawab_id, row.penanggung_jawab_teks) == (None, "Dinas Sosial")


def test_the_jabatan_removal_confirmation_names_the_links_it_will_clear(tertaut):
    """Asked before removing OD-KESOS, the operator reads that KASI-KESOS's action loses its
    penanggung jawab (its own program, kegiatan, action and Ani's SKP go with the jabatan);
    the removal then clears exactly that link."""
    from kinerja_desktop.db.queries_jabatan import removal_summary

    _, _, _, _, aksi_kesos = tertaut
    od = _jabatan("OD-KESOS").id
    kalimat = removal_summary(od).kalimat
    assert kalimat.endswith(
        " Tautan yang ikut dikosongkan (barisnya sendiri tetap ada): "
        "penanggung jawab pada 1 rencana aksi."
    )
    hasil = ops_jabatan.remove_jabatan(od)
    assert "Tautan 1 rencana aksi dilepas." in hasil.perubahan.pesan
    assert RencanaAksi.get_by_id(aksi_kesos).penanggung_jawab_id is None
