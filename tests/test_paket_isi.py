"""A kecamatan's package is a door too (issue 18, items 4 and 5): numbers that are not plain,
finite and within bounds are refused, texts are cleaned, and nothing is written."""

import json
import zipfile

import pytest
from test_cli_nilai import run
from test_kabupaten import _dump, _rewrite
from test_kabupaten import kab as kab  # noqa: F401 - fixture
from test_kabupaten import paket as paket  # noqa: F401 - fixture


@pytest.fixture
def src(paket):  # noqa: F811
    return paket[0] / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"


def _pembilang(src, teks: str) -> dict[str, bytes]:
    """The package's nilai.csv with the pembilang of its first ratio realisasi set to ``teks``."""
    baris = zipfile.ZipFile(src).read("data/nilai.csv").decode("utf-8").split("\r\n")
    i = next(i for i, b in enumerate(baris) if ",realisasi," in b and b.split(",")[5])
    sel = baris[i].split(",")
    sel[5] = teks
    baris[i] = ",".join(sel)
    return {"data/nilai.csv": "\r\n".join(baris).encode("utf-8")}


def _capaian(src, **ubah) -> dict[str, bytes]:
    capaian = json.loads(zipfile.ZipFile(src).read("data/capaian.json"))
    capaian[0].update(ubah)
    return {"data/capaian.json": json.dumps(capaian).encode("utf-8")}


def test_packages_with_unreasonable_numbers_are_refused(capsys, kab, src, tmp_path):  # noqa: F811
    kasus = {
        "nan": (_pembilang(src, "nan"), "bukan angka"),
        "1e308": (_pembilang(src, "1e308"), "terlalu besar"),
        "teks": (_pembilang(src, "empat"), "bukan angka"),
        "target": (_capaian(src, target="1e308"), "terlalu besar"),
        "capaian NaN": (_capaian(src, capaian=float("nan")), "tidak dapat dibaca"),
        "capaian teks": (_capaian(src, capaian="100"), "di luar batas wajar"),
        "jumlah teks": (_capaian(src, jumlah_data="x"), "bukan bilangan"),
    }
    before = _dump(kab)
    for label, (ganti, pesan) in kasus.items():
        path = _rewrite(src, tmp_path / f"{label}.zip", ganti)
        code, out, err = run(capsys, kab, "kabupaten", "terima", str(path))
        assert code == 1 and pesan in out and "Traceback" not in err, (label, out, err)
        assert _dump(kab) == before, label


def test_texts_of_a_package_are_cleaned(capsys, kab, src, tmp_path):  # noqa: F811
    iki = json.loads(zipfile.ZipFile(src).read("data/iki.json"))
    ind = iki["jabatan"][0]["sasaran"][0]["indikator"][0]
    ind["nama"] = "Nama\x07 dengan \ud83d kendali\x1b[2J"
    path = _rewrite(src, tmp_path / "teks.zip", {"data/iki.json": json.dumps(iki).encode()})
    code, out, err = run(capsys, kab, "kabupaten", "terima", str(path))
    assert code == 0, out + err
    assert any("Nama  dengan \ufffd kendali[2J" in baris for baris in _dump(kab))


def test_a_page_long_indicator_name_from_a_package_fits_the_kabupaten_report(
    capsys, kab, src, tmp_path
):  # noqa: F811
    iki = json.loads(zipfile.ZipFile(src).read("data/iki.json"))
    for j in iki["jabatan"]:
        for s in j["sasaran"]:
            for ind in s["indikator"]:
                # about 8,000 characters: legal at the door (10,000), taller than a page
                ind["nama"] = " ".join(f"nama{i:04d}" for i in range(900))
    path = _rewrite(src, tmp_path / "panjang.zip", {"data/iki.json": json.dumps(iki).encode()})
    assert run(capsys, kab, "kabupaten", "terima", str(path))[0] == 0
    for akhiran in ("pdf", "xlsx"):
        out = tmp_path / f"rekap.{akhiran}"
        code, _, err = run(
            capsys,
            kab,
            "report",
            "kabupaten",
            "--tahun",
            "2020",
            "--periode",
            "2020Q1",
            "--out",
            str(out),
        )
        assert code == 0 and out.exists(), err


def _anggaran(src, ubah) -> dict[str, bytes]:
    """The package's anggaran.json with ``ubah`` applied to its first kegiatan."""
    anggaran = json.loads(zipfile.ZipFile(src).read("data/anggaran.json"))
    ubah(anggaran, anggaran["jabatan"][0]["program"][0]["kegiatan"][0])
    return {"data/anggaran.json": json.dumps(anggaran).encode("utf-8")}


def test_programs_and_budget_realised_travel_to_the_kabupaten(capsys, kab, src):  # noqa: F811
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.kabupaten_models import Paket, PaketDokumen
    from kinerja_desktop.db.models import database_proxy

    dikirim = json.loads(zipfile.ZipFile(src).read("data/anggaran.json"))
    [jabatan] = dikirim["jabatan"]
    [program] = jabatan["program"]
    assert (jabatan["kode"], program["kode"], program["nama"]) == (
        "SEKCAM", "7.01.01", "Program Penunjang"
    )  # fmt: skip
    # TW II had not ended when TW I was reported: its budget stays out of this package
    assert program["kegiatan"][0]["realisasi"] == {"2020Q1": 1_250_000_000}
    assert program["kegiatan"][0]["anggaran"] == 5_250_000_000
    code, out, err = run(capsys, kab, "kabupaten", "terima", str(src))
    assert code == 0, out + err
    open_database(kab)
    try:
        # kept whole in the kabupaten's database, beside the package in force for 2020Q1
        [(periode, isi)] = (
            PaketDokumen.select(Paket.periode, PaketDokumen.isi)
            .join(Paket)
            .where(PaketDokumen.nama == "data/anggaran.json", Paket.berlaku == True)  # noqa: E712
            .tuples()
        )
        assert periode == "2020Q1" and json.loads(isi) == dikirim
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)


def test_packages_with_unreasonable_budgets_are_refused(capsys, kab, src, tmp_path):  # noqa: F811
    def setel(kunci, nilai):
        return lambda _a, k: k.__setitem__(kunci, nilai)

    def jabatan_lain(a, _k):
        a["jabatan"][0]["kode"] = "BUPATI"

    kasus = {
        "negatif": (setel("anggaran", -5), "tidak boleh negatif"),
        "pecahan": (setel("anggaran", 1250.5), "bukan jumlah Rupiah utuh"),
        "teks": (setel("anggaran", "Rp 1.250.000"), "bukan jumlah Rupiah utuh"),
        "bool": (setel("anggaran", True), "bukan jumlah Rupiah utuh"),
        "raksasa": (setel("anggaran", 10**18), "terlalu besar"),
        "triwulan lain": (setel("realisasi", {"2020Q3": 5}), "bukan triwulan paket ini"),
        "tanpa nama": (setel("nama", ""), "kegiatan tanpa nama"),
        "jabatan asing": (jabatan_lain, "jabatan 'BUPATI' tidak ada di IKI"),
    }
    before = _dump(kab)
    for label, (ubah, pesan) in kasus.items():
        path = _rewrite(src, tmp_path / f"{label}.zip", _anggaran(src, ubah))
        code, out, err = run(capsys, kab, "kabupaten", "terima", str(path))
        assert code == 1 and pesan in out and "Traceback" not in err, (label, out, err)
        assert _dump(kab) == before, label
