"""The built-in dataset against the seed decree it was cleaned from."""

import re
from pathlib import Path

import pytest

from kinerja_desktop.db.models import (
    Desa,
    Indikator,
    Jabatan,
    Kantor,
    Pangkat,
    Sasaran,
    SubIndikator,
    Tahun,
)
from kinerja_desktop.domain.nip import format_nip

# A copy of the decree as scanned (shared/seed/000_8fb5a25dcf8eaf7b.txt), kept with the tests so
# that a clean checkout (CI) checks the built-in data against it too.
SEED = Path(__file__).parent / "fixtures" / "seed_000_8fb5a25dcf8eaf7b.txt"
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED.name[5:]

# (kode, nama, atasan, tugas, fungsi, indikator) in the decree's order.
EXPECTED = [
    ("SEKCAM", "Sekretaris Kecamatan", None, 2, 7, 3),
    ("KASI-PEM", "Kasi Pemerintahan", None, 8, 0, 3),
    ("KASI-KESOS", "Kasi Kesejahteraan Sosial dan Kepemudaan", None, 7, 0, 11),
    ("KASI-TRANTIB", "Kasi Ketentraman dan Ketertiban Umum", None, 9, 0, 3),
    ("KASI-PPM", "Kasi Pembangunan dan Pemberdayaan Masyarakat", None, 6, 0, 4),
    ("KASI-PP", "Kasi Pelayanan Publik", None, 4, 0, 3),
    ("KASUBAG-UMUM", "Kasubag Umum, Kepegawaian, Keuangan dan Aset", "SEKCAM", 10, 0, 5),
    ("KASUBAG-PEP", "Kasubag Perencanaan, Evaluasi dan Pelaporan", "SEKCAM", 12, 0, 3),
    (
        "PD-SEKSI-PPM",
        "Pengelola Data Seksi Pembangunan dan Pemberdayaan Masyarakat",
        "KASI-PPM",
        1,
        0,
        1,
    ),
    ("PD-PPM", "Pengelola Data Pembangunan dan Pemberdayaan Masyarakat", "KASI-PPM", 1, 0, 6),
    ("OD-PEM", "Pengolah Data Seksi Pemerintahan", "KASI-PEM", 1, 0, 6),
    ("ADM-SEKDES", "Pengadministrasi Pemerintahan (Sekretaris Desa)", "KASI-PEM", 1, 0, 4),
    ("OD-KESOS", "Pengolah Data Kesejahteraan Sosial dan Kepemudaan", "KASI-KESOS", 8, 0, 4),
    ("ADM-KESOS", "Pengadministrasi Kesejahteraan Sosial dan Kepemudaan", "KASI-KESOS", 7, 0, 3),
    ("PGL-KEPEG", "Pengelola Kepegawaian", "KASUBAG-UMUM", 1, 0, 9),
    ("BENDAHARA", "Bendahara", "KASUBAG-UMUM", 1, 0, 6),
    ("ADM-PEM-1", "Pengadministrasi Pemerintahan", "KASI-PEM", 8, 0, 4),
    ("PGL-ADUAN", "Pengelola Pengaduan Publik", "KASI-PP", 1, 0, 1),
    ("ADM-ADUAN", "Pengadministrasi Pengaduan Publik", "KASI-PP", 1, 0, 2),
    ("ADM-PEM-2", "Pengadministrasi Pemerintahan", "KASI-PEM", 1, 0, 1),
    ("PENGEMUDI", "Pengemudi", "KASUBAG-UMUM", 6, 0, 1),
    ("PRAMU", "Pramu Kebersihan Kantor", "KASUBAG-UMUM", 5, 0, 1),
]


def _jabatan_2020() -> list[Jabatan]:
    return list(Jabatan.select().where(Jabatan.tahun == 2020).order_by(Jabatan.urutan))


def test_office_and_its_18_desa(db):
    kantor = Kantor.get()
    assert (kantor.kode_wilayah, kantor.kecamatan, kantor.kabupaten) == (
        "35.07.13",
        "Kepanjen",
        "Malang",
    )
    desa = {d.kode: (d.nama, d.jenis) for d in Desa.select()}
    assert len(desa) == 18
    assert desa["35.07.13.1007"] == ("Penarukan", "kelurahan")
    assert desa["35.07.13.2018"] == ("Mojosari", "desa")
    assert sum(1 for _, jenis in desa.values() if jenis == "kelurahan") == 4


def test_pangkat_table(db):
    assert Pangkat.select().count() == 17
    assert Pangkat.get_by_id("IV/b").nama == "Pembina Tingkat I"


def test_decree_header_and_signatory(db):
    tahun = Tahun.get_by_id(2020)
    assert tahun.nomor_keputusan.startswith("188.45/")
    assert tahun.nomor_keputusan.endswith("/35.07.13/2020")
    assert (tahun.tempat, tahun.bulan, tahun.jabatan_penandatangan) == (
        "Kepanjen",
        1,
        "CAMAT KEPANJEN",
    )
    camat = tahun.penandatangan
    assert camat.nama == "ABAI SALEH, S.Sos., MM"
    assert format_nip(camat.nip) == "19690505 199009 1 002"
    assert camat.pangkat.nama == "Pembina Tingkat I"


def test_every_jabatan_in_order_with_tree_and_counts(db):
    found = []
    for jab in _jabatan_2020():
        indikator = Indikator.select().join(Sasaran).where(Sasaran.jabatan == jab).count()
        found.append(
            (
                jab.kode,
                jab.nama,
                jab.atasan.kode if jab.atasan else None,
                jab.tugas.count(),
                jab.fungsi.count(),
                indikator,
            )
        )
    assert found == EXPECTED


def test_two_positions_share_a_title_but_stay_separate(db):
    same = [j for j in _jabatan_2020() if j.nama == "Pengadministrasi Pemerintahan"]
    assert len(same) == 2
    assert same[0].id != same[1].id
    assert same[0].tugas.first().teks != same[1].tugas.first().teks


def test_item_split_across_page_break_is_one_item(db):
    ind = Indikator.get(Indikator.kode == "ADM-SEKDES.01", Indikator.tahun == 2020)
    subs = [s.teks for s in ind.sub.order_by(SubIndikator.urutan)]
    assert len(subs) == 16
    assert subs[12].startswith("Jumlah verifikasi terhadap Dokumen Pelaksanaan Anggaran (DPA)")
    assert not any(s.endswith("verifik") or s.startswith("si ") for s in subs)


def test_formulas_are_readable_text_not_latex(db):
    for ind in Indikator.select():
        for text in (ind.formula, ind.pembilang, ind.penyebut):
            assert "\\" not in text and "$" not in text and "{" not in text
    hadir = Indikator.get(Indikator.kode == "SEKCAM.01", Indikator.tahun == 2020)
    assert hadir.jenis == "kehadiran" and hadir.hari_kerja_efektif == 240
    assert hadir.formula.startswith("(Σ Pegawai × (Σ Hari kerja efektif − Σ Hari tidak masuk")
    lancar = Indikator.get(Indikator.kode == "SEKCAM.02", Indikator.tahun == 2020)
    assert (lancar.jenis, lancar.satuan) == ("persentase", "%")
    assert lancar.pembilang == "Σ Pengajuan yang dicairkan"


def test_structured_fields(db):
    disiplin = Indikator.get(Indikator.nama == "Jumlah pelanggaran disiplin")
    assert disiplin.polaritas == "negatif"
    assert Indikator.select().where(Indikator.polaritas == "negatif").count() == 1
    pkh = Indikator.get(Indikator.kode == "KASI-KESOS.01")
    assert pkh.dari_desa and pkh.jenis == "jumlah" and pkh.satuan == "kegiatan"
    assert not Indikator.get(Indikator.kode == "BENDAHARA.01").dari_desa
    assert all(i.satuan for i in Indikator.select())


def _seed_blocks() -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.strip() == "INDIKATOR KINERJA INDIVIDU":
            blocks.append([])
        elif blocks:
            blocks[-1].append(line)
    return blocks


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().rstrip(";.").lower()


def test_every_tugas_of_the_seed_in_order(db):
    for block, jab in zip(_seed_blocks(), _jabatan_2020(), strict=True):
        seed_items = []
        for line in block:
            inline = re.match(r"^[-\s]*2\.\s*\**Tugas\**\s*:\s*(\w.*)$", line.strip())
            if inline:
                seed_items.append(inline.group(1))
            item = re.match(r"^[-\s]*(?:❖|[a-i]\.)\s+(.*)$", line.strip())
            if item and "\t" not in line:
                seed_items.append(item.group(1))
        tugas = [t.teks for t in jab.tugas.order_by(jab.tugas.model.urutan)]
        fungsi = [f.teks for f in jab.fungsi.order_by(jab.fungsi.model.urutan)]
        assert [_norm(t) for t in seed_items] == [_norm(t) for t in tugas + fungsi], jab.kode


def test_every_indicator_row_of_the_seed_is_present(db):
    names = {_norm(i.nama) for i in Indikator.select().where(Indikator.tahun == 2020)}
    subs = {_norm(s.teks) for s in SubIndikator.select()}
    missing = []
    for block in _seed_blocks():
        for line in block:
            cells = line.split("\t")
            if len(cells) < 4 or cells[0].startswith("SASARAN") or cells[1] == "--":
                continue
            text = re.sub(r"<[^>]+>", " ", cells[1])
            text = re.sub(r"^[-\s]*(\d\.\s+)?", "", text)
            # the first entry of the cell: up to the first sub-item marker or bullet
            head = re.split(r"\s+(?:[a-p]|\d)\.\s|\s-\s", text)[0]
            if re.match(r"^[a-p]\.\s", head):
                head = head[3:]  # a continuation row starting with a sub-item
                if _norm(head) in subs:
                    continue
            if _norm(head) not in names and _norm(head) not in subs:
                missing.append(head)
    assert missing == []


def test_every_sasaran_and_indicator_of_the_seed_in_order_per_jabatan(db):
    """Per jabatan: its sasaran are the seed's, in order; its indicators appear in its own
    table of the seed in the same order (several may share one bulleted cell)."""
    for block, jab in zip(_seed_blocks(), _jabatan_2020(), strict=True):
        rows = [
            line.split("\t")
            for line in block
            if line.count("\t") >= 2 and not line.startswith("SASARAN")
        ]
        rows = [r for r in rows if r[1].strip() != "--"]  # the page break's empty row
        seed_sasaran = [_norm(r[0]) for r in rows if r[0].strip()]
        sasaran = jab.sasaran.order_by(Sasaran.urutan)
        assert [_norm(s.teks) for s in sasaran] == seed_sasaran, jab.kode
        cells = [_norm(re.sub(r"<[^>]+>", " ", r[1])) for r in rows]
        indikator = (
            Indikator.select()
            .join(Sasaran)
            .where(Sasaran.jabatan == jab)
            .order_by(Sasaran.urutan, Indikator.urutan)
        )
        k = 0
        for ind in indikator:
            while k < len(cells) and _norm(ind.nama) not in cells[k]:
                k += 1
            assert k < len(cells), (jab.kode, ind.kode, ind.nama)


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="shared/seed is not beside the checkout")
def test_the_seed_copy_is_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()
