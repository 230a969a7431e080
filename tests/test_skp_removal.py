"""Removing an SKP or a row of its plan, and the undo of it: the confirmation names what goes,
undo puts back exactly what went (ids, order, IKI links, realisasi, feedback, evaluations),
redo removes it again, an undo that clashes with what is stored now is refused in plain
Indonesian, and the audit log records both ways."""

from typing import Any

import pytest
from skp_bantuan import isi_kantor

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import (
    CatatanAudit,
    Indikator,
    Jabatan,
    Skp,
    SkpEvaluasi,
    SkpHasilKerja,
    SkpPerilaku,
    SkpRealisasi,
    SkpUmpanPerilaku,
)
from kinerja_desktop.db.ops_indikator import remove_indikator
from kinerja_desktop.db.ops_jabatan import reinsert_jabatan, remove_jabatan
from kinerja_desktop.db.ops_skp import add_hasil_kerja, add_skp, update_ekspektasi
from kinerja_desktop.db.ops_skp_evaluasi import (
    set_evaluasi,
    set_realisasi_skp,
    set_umpan_perilaku,
)
from kinerja_desktop.db.queries_skp import evaluasi_skp, read_skp
from kinerja_desktop.db.queries_skp_tahun import daftar_skp
from kinerja_desktop.db.skp_removal import (
    hasil_kerja_removal_summary,
    reinsert_hasil_kerja,
    reinsert_skp,
    remove_hasil_kerja,
    remove_skp,
    skp_removal_summary,
)
from kinerja_desktop.domain.skp import Bagian, Rating
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

ANI = "Ani Rahmawati"
TABEL_SKP = (Skp, SkpHasilKerja, SkpPerilaku, SkpRealisasi, SkpUmpanPerilaku, SkpEvaluasi)


def _isi_ani() -> tuple[int, int, int]:
    """Ani's SKP written in every part: a typed Tambahan row with realisasi, feedback on an
    IKI row and on a core value, an expectation, and two evaluations. Returns the SKP id, the
    typed row and the second IKI row."""
    kantor = isi_kantor()
    skp = kantor.skp["OD-KESOS"]
    tambahan = add_hasil_kerja(
        skp, Bagian.TAMBAHAN, {"rhk": "Panitia Hari Jadi", "indikator": "Laporan kepanitiaan"}
    ).data
    set_realisasi_skp(tambahan, "2020Q1", "1 laporan", "Laporan rapi")
    kedua = read_skp(skp).bagian(Bagian.UTAMA)[1].id
    set_realisasi_skp(kedua, "2020Q1", umpan_balik="Perlu dokumentasi")
    set_realisasi_skp(kedua, "2020", umpan_balik="Sudah lebih rapi")
    update_ekspektasi(skp, "kolaboratif", "Membantu rekan saat pendataan DTKS")
    set_umpan_perilaku(skp, "kolaboratif", "2020Q1", "Aktif membantu seksi lain")
    set_evaluasi(skp, "2020Q1", Rating.DIATAS, Rating.SESUAI, "Pertahankan")
    set_evaluasi(skp, "2020", Rating.SESUAI, Rating.SESUAI)
    return skp, tambahan, kedua


def _stored() -> dict[str, list[dict[str, Any]]]:
    """Every stored SKP row of every SKP table, ids included, in id order."""
    return {
        m._meta.table_name: list(m.select().order_by(m.id).dicts().iterator()) for m in TABEL_SKP
    }


def _seen(skp: int) -> tuple[Any, ...]:
    """What the editor and the documents read of an SKP: its plan, core values and the
    evaluations of the first triwulan and of the year."""
    data = read_skp(skp)
    return data, evaluasi_skp(data, "2020Q1"), evaluasi_skp(data, "2020")


def _log(kata: str) -> list[CatatanAudit]:
    return list(
        CatatanAudit.select()
        .where((CatatanAudit.jenis == "skp") & CatatanAudit.catatan.contains(kata))
        .order_by(CatatanAudit.id)
    )


def test_an_skp_removed_comes_back_whole_and_goes_again(db):
    skp, _, _ = _isi_ani()
    sebelum, dilihat = _stored(), _seen(skp)

    assert skp_removal_summary(skp) == (
        f"SKP {ANI} tahun 2020 akan dihapus beserta 5 rencana hasil kerja, 1 ekspektasi "
        "perilaku, 3 realisasi/umpan balik hasil kerja, 1 umpan balik perilaku dan 2 evaluasi "
        "(Triwulan I 2020, Tahunan 2020)."
    )
    hasil = remove_skp(skp)
    assert hasil.perubahan.pesan.startswith(f"SKP {ANI} tahun 2020 dihapus beserta 5 rencana")
    with pytest.raises(TidakDitemukan):
        read_skp(skp)
    assert ANI not in [r.nama for r in daftar_skp(2020)]
    assert all(not any(r.get("skp") == skp for r in rows) for rows in _stored().values())

    kembali = reinsert_skp(hasil.data)
    assert kembali.perubahan.pesan.startswith(f"SKP {ANI} tahun 2020 dikembalikan beserta 5")
    assert _stored() == sebelum  # every row with its id, order, IKI link and texts
    assert _seen(skp) == dilihat
    assert ANI in [r.nama for r in daftar_skp(2020)]

    # redo: the same removal again, and its undo again
    lagi = remove_skp(skp)
    assert not Skp.select().where(Skp.id == skp).exists()
    reinsert_skp(lagi.data)
    assert _stored() == sebelum

    dihapus, dikembalikan = _log(f"SKP {ANI}: dihapus"), _log(f"SKP {ANI}: dikembalikan")
    assert len(dihapus) == len(dikembalikan) == 2
    assert [e.aksi for e in dihapus + dikembalikan] == ["hapus", "hapus", "tambah", "tambah"]
    assert "2 evaluasi (Triwulan I 2020, Tahunan 2020)" in dihapus[0].catatan
    assert "Laporan kepanitiaan" in dihapus[0].lama  # what the operator typed is kept
    assert "Membantu rekan saat pendataan DTKS" in dikembalikan[0].baru
    assert dihapus[0].periode == "2020"
    assert check_log().is_intact


def test_an_skp_made_again_or_whose_jabatan_went_is_not_put_back(db):
    skp, _, _ = _isi_ani()
    pegawai = Skp.get_by_id(skp).pegawai_id
    hasil = remove_skp(skp)
    baru = add_skp(pegawai, 2020).data
    sebelum = _stored()
    with pytest.raises(DataTidakValid) as e:
        reinsert_skp(hasil.data)
    assert e.value.pesan == (
        f"SKP {ANI} tahun 2020 tidak dapat dikembalikan: SKP {ANI} tahun 2020 sudah dibuat lagi "
        "sesudah penghapusan. Isi SKP yang dihapus tercatat di Riwayat Perubahan."
    )
    assert _stored() == sebelum  # the SKP made again is untouched
    assert not _log("dikembalikan")

    remove_skp(baru)
    jabatan = Jabatan.get_by_id(hasil.data.row["jabatan"])
    remove_jabatan(jabatan.id)
    with pytest.raises(DataTidakValid, match=f"jabatan «{jabatan.nama}» tempat SKP itu"):
        reinsert_skp(hasil.data)


def test_a_row_removed_comes_back_in_its_place_with_its_feedback(db):
    skp, _, kedua = _isi_ani()
    sebelum, dilihat = _stored(), _seen(skp)
    urutan = [r.id for r in read_skp(skp).hasil_kerja]

    row = SkpHasilKerja.get_by_id(kedua)
    assert hasil_kerja_removal_summary(kedua) == (
        f"Rencana hasil kerja «{row.indikator}» (A. Utama) akan dihapus beserta 2 "
        "realisasi/umpan balik hasil kerja."
    )
    hasil = remove_hasil_kerja(kedua)
    assert [r.id for r in read_skp(skp).hasil_kerja] == [i for i in urutan if i != kedua]
    assert f"dihapus dari SKP {ANI} beserta 2 realisasi" in hasil.perubahan.pesan

    reinsert_hasil_kerja(hasil.data)
    assert [r.id for r in read_skp(skp).hasil_kerja] == urutan
    assert _stored() == sebelum
    assert _seen(skp) == dilihat
    assert [e.catatan for e in _log("rencana hasil kerja dikembalikan")] == [
        f"SKP {ANI}: rencana hasil kerja dikembalikan beserta 2 realisasi/umpan balik hasil kerja"
    ]
    assert check_log().is_intact


def test_a_row_whose_indicator_went_comes_back_unlinked_and_without_its_skp_not_at_all(db):
    skp, _, kedua = _isi_ani()
    iki = SkpHasilKerja.get_by_id(kedua).iki_id
    assert iki is not None
    hasil = remove_hasil_kerja(kedua)
    remove_indikator(iki)
    kembali = reinsert_hasil_kerja(hasil.data)
    assert kembali.perubahan.pesan.endswith(
        "Tautan IKI 1 baris dikosongkan karena indikatornya sudah dihapus."
    )
    row = next(r for r in read_skp(skp).hasil_kerja if r.id == kedua)
    assert (row.iki_id, row.indikator) == (None, hasil.data.row["indikator"])
    assert not Indikator.select().where(Indikator.id == iki).exists()

    lagi = remove_hasil_kerja(kedua)
    remove_skp(skp)
    with pytest.raises(DataTidakValid) as e:
        reinsert_hasil_kerja(lagi.data)
    assert e.value.pesan == (
        f"Rencana hasil kerja «{lagi.data.row['indikator']}» tidak dapat dikembalikan: "
        f"SKP {ANI} sudah dihapus."
    )


def test_an_skp_taken_by_its_jabatan_comes_back_with_the_jabatan(db):
    skp, _, _ = _isi_ani()
    sebelum, dilihat = _stored(), _seen(skp)
    jabatan = Skp.get_by_id(skp).jabatan_id
    hasil = remove_jabatan(jabatan)
    assert ANI not in [r.nama for r in daftar_skp(2020)]
    reinsert_jabatan(hasil.data)
    assert _stored() == sebelum
    assert _seen(skp) == dilihat
