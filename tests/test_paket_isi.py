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
