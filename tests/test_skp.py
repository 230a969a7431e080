"""SKP per pegawai (PermenPANRB 6/2022): the plan drawn from the IKI, both parties, the
evaluation with realisasi from stored values, the proposal beside the atasan's decision, the
predikat matrix cell by cell and the distribution check (kurva distribusi)."""

import pytest
from skp_bantuan import isi_kantor

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import (
    CatatanAudit,
    Jabatan,
    Pegawai,
    Pemangku,
    Sasaran,
    SkpEvaluasi,
    database_proxy,
)
from kinerja_desktop.db.ops_pemangku import remove_pemangku
from kinerja_desktop.db.ops_skp import (
    add_hasil_kerja,
    update_ekspektasi,
    update_hasil_kerja,
)
from kinerja_desktop.db.ops_skp_evaluasi import (
    set_evaluasi,
    set_realisasi_skp,
    set_umpan_perilaku,
)
from kinerja_desktop.db.queries_skp import evaluasi_skp, read_skp
from kinerja_desktop.db.queries_skp_tahun import check_kurva_tahun, daftar_skp, kekurangan_skp
from kinerja_desktop.db.skp_aturan import (
    read_kurva,
    read_matriks,
    set_kurva,
    set_matriks,
    set_predikat_organisasi,
)
from kinerja_desktop.db.skp_removal import remove_hasil_kerja
from kinerja_desktop.domain.skp import (
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG,
    KURVA_BAWAAN,
    MATRIKS_BAWAAN,
    SANGAT_BAIK,
    SANGAT_KURANG,
    AturanKurva,
    Bagian,
    Rating,
    check_kurva_distribusi,
    suggest_rating_hasil,
)
from kinerja_desktop.errors import DataTidakValid

D, S, A = Rating.DIBAWAH, Rating.SESUAI, Rating.DIATAS

# The matrix as PermenPANRB 6/2022 prints it (reference/dokumen-kinerja.md): rows hasil kerja,
# columns perilaku Dibawah | Sesuai | Diatas.
MATRIKS_PERATURAN = {
    A: (KURANG, BAIK, SANGAT_BAIK),
    S: (KURANG, BAIK, BAIK),
    D: (SANGAT_KURANG, BUTUH_PERBAIKAN, BUTUH_PERBAIKAN),
}
SEL = [(h, p, MATRIKS_PERATURAN[h][i]) for h in (A, S, D) for i, p in enumerate((D, S, A))]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), SEL)
def test_the_default_matrix_is_the_regulation_cell_by_cell(hasil, perilaku, predikat):
    assert MATRIKS_BAWAAN[(hasil, perilaku)] == predikat


def test_all_nine_cells_give_their_predikat_through_the_stored_matrix(db):
    kantor = isi_kantor()
    skp = kantor.skp["BENDAHARA"]
    assert read_matriks() == MATRIKS_BAWAAN
    for hasil, perilaku, predikat in SEL:
        set_evaluasi(skp, "2020Q4", hasil, perilaku)
        row = SkpEvaluasi.get(SkpEvaluasi.skp == skp, SkpEvaluasi.periode == "2020Q4")
        assert (row.rating_hasil, row.rating_perilaku, row.predikat) == (
            hasil.value,
            perilaku.value,
            predikat,
        )
    # the matrix is data: a kabupaten that reads a cell differently changes it
    set_matriks(A, D, "butuh perbaikan")
    set_evaluasi(skp, "2020Q4", A, D)
    assert SkpEvaluasi.get(SkpEvaluasi.skp == skp).predikat == BUTUH_PERBAIKAN
    with pytest.raises(DataTidakValid, match="Predikat 'Luar Biasa' tidak dikenal"):
        set_matriks(A, D, "Luar Biasa")


def test_setting_a_rule_to_what_it_already_is_changes_and_logs_nothing(db):
    isi_kantor()
    aturan = CatatanAudit.select().where(CatatanAudit.aksi == "skp_aturan")
    set_predikat_organisasi(2020, "baik")
    set_matriks(A, D, "butuh perbaikan")
    n = aturan.count()
    assert n == 2
    assert set_predikat_organisasi(2020, "Baik").perubahan.pesan == "Tidak ada yang berubah."
    assert set_matriks(A, D, BUTUH_PERBAIKAN).perubahan.pesan == "Tidak ada yang berubah."
    assert aturan.count() == n


def test_the_plan_is_drawn_from_the_iki_with_both_parties(db):
    kantor = isi_kantor()
    data = read_skp(kantor.skp["OD-KESOS"])
    assert data.pegawai.nama == "Ani Rahmawati" and data.pegawai.nip == ""
    assert data.penilai is not None and data.penilai.nama == "Budi Santoso, S.Sos"
    assert data.penilai.pangkat_golongan == "Penata Tingkat I (III/d)"
    assert data.penilai.jabatan == "Kasi Kesejahteraan Sosial dan Kepemudaan"
    assert data.atasan_penilai is not None and data.atasan_penilai.nama.startswith("ABAI SALEH")
    assert data.pegawai.unit_kerja == "Kecamatan Kepanjen Kabupaten Malang"

    od = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "OD-KESOS")
    kesos = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "KASI-KESOS")
    sasaran = {s.teks for s in Sasaran.select().where(Sasaran.jabatan == od.id)}
    atasan = [s.teks for s in Sasaran.select().where(Sasaran.jabatan == kesos.id)]
    utama = data.bagian(Bagian.UTAMA)
    assert len(utama) == 4 and data.bagian(Bagian.TAMBAHAN) == []
    assert {r.rhk for r in utama} <= sasaran
    assert all(r.rhk_atasan in atasan for r in utama)
    pertama = utama[0]
    assert pertama.iki_id == kantor.od_kesos_01
    assert (pertama.aspek.label, pertama.target_satuan) == ("Kuantitas", "12 dokumen")
    assert [r.target for r in utama[1:]] == ["", "", ""]  # no target stored: left to fill
    assert [p.nama for p in data.perilaku] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    # a jabatan directly under the Camat is assessed by the Camat, whose atasan is outside
    sekcam = read_skp(kantor.skp["SEKCAM"])
    assert sekcam.penilai is not None and sekcam.penilai.jabatan == "CAMAT KEPANJEN"
    assert sekcam.atasan_penilai is None
    bendahara = read_skp(kantor.skp["BENDAHARA"])
    assert bendahara.penilai is not None and bendahara.penilai.nama == "Eko Prasetyo, SE"
    assert bendahara.atasan_penilai is not None
    assert bendahara.atasan_penilai.nama == "Dewi Lestari, S.STP"
    assert [r.nama for r in daftar_skp(2020)] == [
        "Dewi Lestari, S.STP",
        "Eko Prasetyo, SE",
        "Fitri Handayani",
        "Budi Santoso, S.Sos",
        "Ani Rahmawati",
    ]


def test_evaluation_takes_realisasi_from_stored_values_and_keeps_proposal_and_decision(db):
    kantor = isi_kantor()
    skp = kantor.skp["OD-KESOS"]
    tambahan = add_hasil_kerja(
        skp,
        Bagian.TAMBAHAN,
        {"rhk": "Panitia Hari Jadi Kabupaten", "indikator": "Laporan kepanitiaan", "target": "1"},
    ).data
    set_realisasi_skp(tambahan, "2020Q1", "1 laporan", "Laporan rapi")
    data = read_skp(skp)
    iki = data.bagian(Bagian.UTAMA)[0]
    set_realisasi_skp(iki.id, "2020Q1", umpan_balik="Lampaui target, pertahankan")
    with pytest.raises(DataTidakValid, match="diambil dari nilai IKI"):
        set_realisasi_skp(iki.id, "2020Q1", "99")
    with pytest.raises(DataTidakValid, match="triwulan"):
        set_realisasi_skp(iki.id, "202001", umpan_balik="x")
    set_umpan_perilaku(skp, "kolaboratif", "2020Q1", "Aktif membantu seksi lain")
    update_ekspektasi(skp, "kolaboratif", "Membantu rekan saat pendataan DTKS")

    evaluasi = evaluasi_skp(read_skp(skp), "2020Q1")
    pertama = evaluasi.realisasi[0]
    assert (pertama.realisasi, pertama.capaian, pertama.dari_iki) == ("6", 200.0, True)
    assert pertama.umpan_balik == "Lampaui target, pertahankan"
    assert [r.realisasi for r in evaluasi.realisasi[1:4]] == ["", "", ""]
    ketik = evaluasi.realisasi[-1]
    assert (ketik.realisasi, ketik.umpan_balik, ketik.dari_iki) == (
        "1 laporan",
        "Laporan rapi",
        False,
    )
    assert evaluasi.umpan_perilaku == {"kolaboratif": "Aktif membantu seksi lain"}
    # proposed from capaian, and the rule is said
    assert evaluasi.usulan.rating is Rating.DIATAS
    assert "200%" in evaluasi.usulan.alasan and "1 dari 4 indikator" in evaluasi.usulan.alasan
    assert "≥ 110% = Diatas Ekspektasi" in evaluasi.aturan_usulan
    assert "≥ 91%" in evaluasi.aturan_usulan
    tahun = evaluasi_skp(read_skp(skp), "2020")
    assert (tahun.realisasi[0].realisasi, round(tahun.realisasi[0].capaian or 0, 1)) == (
        "14",
        116.7,
    )

    # the atasan decides otherwise: both are kept
    set_evaluasi(skp, "2020Q1", Rating.SESUAI, Rating.DIATAS, "Dokumentasi perlu rapi")
    keputusan = evaluasi_skp(read_skp(skp), "2020Q1").keputusan
    assert keputusan is not None
    assert keputusan.usulan_hasil is Rating.DIATAS and "200%" in keputusan.alasan_usulan
    assert (keputusan.rating_hasil, keputusan.rating_perilaku) == (Rating.SESUAI, Rating.DIATAS)
    assert (keputusan.predikat, keputusan.catatan) == (BAIK, "Dokumentasi perlu rapi")
    entri = list(CatatanAudit.select().where(CatatanAudit.jenis == "skp"))
    keputusan_log = [e for e in entri if "evaluasi" in (e.catatan or "")]
    assert len(keputusan_log) == 1 and keputusan_log[0].periode == "2020Q1"
    assert '"usulan_hasil": "diatas"' in keputusan_log[0].baru
    assert '"rating_hasil": "sesuai"' in keputusan_log[0].baru
    assert check_log().is_intact

    # editing the plan is logged as well, and a typed row can go again
    update_hasil_kerja(tambahan, {"target": "2", "aspek": "waktu"})
    remove_hasil_kerja(tambahan)
    assert len(read_skp(skp).hasil_kerja) == 4
    assert CatatanAudit.select().where(CatatanAudit.jenis == "skp").count() == len(entri) + 2


def test_without_capaian_there_is_no_proposal():
    usulan = suggest_rating_hasil([None, None], 91)
    assert usulan.rating is None and "tidak ada usulan" in usulan.alasan
    assert suggest_rating_hasil([95, None], 91).rating is Rating.SESUAI
    assert suggest_rating_hasil([80, 100], 91).rating is Rating.DIBAWAH
    assert suggest_rating_hasil([110, 110], 91).rating is Rating.DIATAS


def test_what_is_missing_is_listed_before_writing(db):
    kantor = isi_kantor()
    masalah = kekurangan_skp(2020)
    assert any("Ani Rahmawati (pegawai" in m and "NIP dan pangkat" in m for m in masalah)
    kosong = [m for m in masalah if "belum memiliki pemangku (tanpa SKP)" in m]
    assert len(kosong) == 1 and kosong[0].startswith("17 jabatan tahun 2020")
    assert "Kasi Pemerintahan" in kosong[0]
    # the penilai's jabatan loses its holder: the SKP below it has no penilai
    budi = Pemangku.get(Pemangku.pegawai == kantor.pegawai["KASI-KESOS"])
    remove_pemangku(budi.id)
    masalah = kekurangan_skp(2020, [kantor.skp["OD-KESOS"]])
    assert any("jabatan atasan (Kasi Kesejahteraan" in m for m in masalah)


def test_the_check_before_writing_reads_in_bulk_whatever_the_number_of_skp(db, monkeypatch):
    """Not one read of each party per SKP: the statements sent for five SKP are those for one
    (a server database over the office network pays for every round trip)."""
    kantor = isi_kantor()
    database = database_proxy.obj
    dikirim: list[str] = []
    asli = database.execute_sql

    def catat(sql, *args, **kwargs):
        dikirim.append(sql)
        return asli(sql, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", catat)
    satu = kekurangan_skp(2020, [kantor.skp["OD-KESOS"]])
    n_satu, dikirim[:] = len(dikirim), []
    semua = kekurangan_skp(2020, list(kantor.skp.values()))
    assert len(dikirim) == n_satu
    assert satu == semua and any("Ani Rahmawati (pegawai" in m for m in semua)


def test_removing_a_new_pegawai_with_an_skp_keeps_the_pegawai(db):
    kantor = isi_kantor()
    ani = Pemangku.get(Pemangku.pegawai == kantor.pegawai["OD-KESOS"])
    remove_pemangku(ani.id, hapus_pegawai=True)
    assert Pegawai.get_or_none(Pegawai.id == kantor.pegawai["OD-KESOS"]) is not None
    assert read_skp(kantor.skp["OD-KESOS"]).pegawai.nama == "Ani Rahmawati"


def _predikat(**jumlah: int) -> list[str | None]:
    nama = {
        "sb": SANGAT_BAIK,
        "b": BAIK,
        "bp": BUTUH_PERBAIKAN,
        "k": KURANG,
        "sk": SANGAT_KURANG,
        "belum": None,
    }
    return [nama[k] for k, n in jumlah.items() for _ in range(n)]


KURVA_LULUS = [
    ("Istimewa", _predikat(sb=7, b=3)),
    ("Baik", _predikat(b=7, sb=2, bp=1)),
    ("Baik", _predikat(b=5, k=1, sk=1, sb=3)),
    ("Butuh Perbaikan", _predikat(bp=6, sb=1, b=3)),
    ("Kurang", _predikat(k=6, bp=1, sb=1, b=2)),
    ("Sangat Kurang", _predikat(sk=6, k=1, b=3)),
]
KURVA_GAGAL = [  # organisation, staff predikat, how many warnings, what they say
    ("Istimewa", _predikat(sb=8, b=2), 1, ["Sangat Baik 8 dari 10 pegawai (80%)"]),
    (
        "Baik",
        _predikat(b=8, sb=2),
        2,
        ["Baik 8 dari 10 pegawai (80%)", "Butuh Perbaikan dan/atau Kurang/Misconduct 0"],
    ),
    ("Butuh Perbaikan", _predikat(bp=5, b=5), 1, ["paling sedikit 60% (6 orang)"]),
    ("Butuh Perbaikan", _predikat(bp=6, sb=2, b=2), 1, ["Sangat Baik 2 dari 10 pegawai (20%)"]),
    ("Kurang", _predikat(k=7, b=3), 1, ["Butuh Perbaikan 0 dari 10 pegawai (0%)"]),
    ("Sangat Kurang", _predikat(sk=6, sb=1, k=3), 1, ["Sangat Baik 1 dari 10", "paling banyak 0%"]),
]


@pytest.mark.parametrize(("organisasi", "pegawai"), KURVA_LULUS)
def test_a_spread_within_the_curve_passes(organisasi, pegawai):
    hasil = check_kurva_distribusi(organisasi, [*pegawai, None], KURVA_BAWAAN)
    assert hasil.is_within_curve, hasil.pelanggaran
    assert hasil.belum_dinilai == 1
    assert "Sebaran predikat sesuai kurva distribusi." in hasil.ringkasan()


@pytest.mark.parametrize(("organisasi", "pegawai", "jumlah", "pesan"), KURVA_GAGAL)
def test_a_spread_outside_the_curve_is_warned_about(organisasi, pegawai, jumlah, pesan):
    hasil = check_kurva_distribusi(organisasi, pegawai, KURVA_BAWAAN)
    assert not hasil.is_within_curve
    teks = " ".join(hasil.ringkasan())
    assert teks.count("PERINGATAN") == jumlah
    for bagian in pesan:
        assert bagian in teks


def test_without_the_organisation_predikat_nothing_can_be_checked():
    hasil = check_kurva_distribusi(None, _predikat(b=3), KURVA_BAWAAN)
    assert not hasil.is_within_curve and "belum diisi" in hasil.ringkasan()[0]


def test_the_stored_curve_checks_the_years_yearly_predikat(db):
    kantor = isi_kantor()
    assert read_kurva() == list(KURVA_BAWAAN)
    assert "belum diisi" in check_kurva_tahun(2020).ringkasan()[0]
    set_predikat_organisasi(2020, "baik")
    for kode in ("SEKCAM", "KASUBAG-UMUM", "BENDAHARA", "KASI-KESOS"):
        set_evaluasi(kantor.skp[kode], "2020", Rating.SESUAI, Rating.SESUAI)
    hasil = check_kurva_tahun(2020)
    assert (hasil.organisasi, hasil.jumlah, hasil.belum_dinilai) == ("Baik", {BAIK: 4}, 1)
    assert len(hasil.pelanggaran) == 2
    set_evaluasi(kantor.skp["OD-KESOS"], "2020", Rating.DIBAWAH, Rating.SESUAI)
    set_evaluasi(kantor.skp["SEKCAM"], "2020", Rating.DIATAS, Rating.DIATAS)
    hasil = check_kurva_tahun(2020)
    assert hasil.is_within_curve, hasil.pelanggaran  # 3 Baik of 5 = 60%, one Butuh Perbaikan
    # a kabupaten's own curve replaces the regulation's, with its source
    set_kurva([AturanKurva("Baik", (BAIK,), paling_banyak=50)], "SE Bupati Malang 2026")
    assert not check_kurva_tahun(2020).is_within_curve
    with pytest.raises(DataTidakValid, match="tidak berisi batas"):
        set_kurva([AturanKurva("Baik", (BAIK,))], "SE Bupati")
    with pytest.raises(DataTidakValid, match="terlalu besar"):  # not a raw overflow
        set_kurva([AturanKurva("Baik", (BAIK,), minimal_orang=10**20)], "SE Bupati")
    assert "paling banyak 50%" in " ".join(a.teks for a in read_kurva())  # kept as it was
    with pytest.raises(DataTidakValid, match="Predikat 'Luar Biasa' tidak dikenal"):
        set_predikat_organisasi(2020, "Luar Biasa")


def test_removing_a_jabatan_names_its_skp_and_undo_brings_them_back(db):
    from kinerja_desktop.db.models import Skp
    from kinerja_desktop.db.ops_jabatan import reinsert_jabatan, remove_jabatan
    from kinerja_desktop.db.queries_jabatan import removal_summary

    kantor = isi_kantor()
    set_evaluasi(kantor.skp["OD-KESOS"], "2020", Rating.SESUAI, Rating.SESUAI)
    kesos = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "KASI-KESOS").id
    assert "2 SKP pegawai (beserta evaluasinya)" in removal_summary(kesos).kalimat
    cuplikan = remove_jabatan(kesos).data
    assert not Skp.select().where(Skp.id == kantor.skp["OD-KESOS"]).exists()
    reinsert_jabatan(cuplikan)
    data = read_skp(kantor.skp["OD-KESOS"])
    assert len(data.hasil_kerja) == 4
    assert evaluasi_skp(data, "2020").keputusan is not None
