"""Any kecamatan: a new office from the national area list, and its desa kept afterwards."""

import json
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.domain.daftar_wilayah import (
    check_kode_desa,
    daftar_wilayah,
    kecamatan_nasional,
    tingkat_dari_kode,
)
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.resources import resource

REFERENCE = Path("/work/shared/reference/wilayah-indonesia.csv")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if database_proxy.obj is not None:
        database_proxy.obj.close()
        database_proxy.initialize(None)
    return code, out, err


def test_the_shipped_list_has_every_level_and_the_licence():
    daftar = daftar_wilayah()  # as the office set-up and the picker read it
    levels: dict[str | None, int] = {}
    for kode in daftar.nama:
        tingkat = tingkat_dari_kode(kode)
        levels[tingkat] = levels.get(tingkat, 0) + 1
    for kode in daftar.kecamatan:
        for desa in kecamatan_nasional(kode).desa:
            levels[desa.tingkat] = levels.get(desa.tingkat, 0) + 1
    assert sum(levels.values()) == 91599
    assert levels == {
        "provinsi": 38,
        "kabupaten/kota": 514,
        "kecamatan": 7285,
        "desa": 75252,
        "kelurahan": 8496,
        "desa adat": 14,
    }
    assert "Cahya DSN" in resource("data/wilayah-indonesia.LICENSE").read_text(encoding="utf-8")


def test_kepanjen_from_the_list_matches_the_built_in_desa():
    kepanjen = kecamatan_nasional("35.07.13")
    assert (kepanjen.nama, kepanjen.kabupaten, kepanjen.provinsi) == (
        "Kepanjen",
        "Kabupaten Malang",
        "Jawa Timur",
    )
    builtin = resource("data/desa-kepanjen.csv").read_text(encoding="utf-8").splitlines()[2:]
    assert [d.kode for d in kepanjen.desa] == [line.split(",")[0] for line in builtin]


@pytest.mark.parametrize(
    ("kode", "pesan"),
    [
        ("99.99.99", "tidak ada dalam daftar wilayah"),
        ("35.07", "adalah Kabupaten Malang, bukan kecamatan"),
        ("35", "adalah provinsi Jawa Timur, bukan kecamatan"),
        ("35.07.13.2001", "bukan kecamatan"),
    ],
)
def test_a_code_that_is_no_kecamatan_is_refused(capsys, tmp_path, kode, pesan):
    target = tmp_path / "baru.sqlite3"
    code, _, err = run(capsys, "--db", target, "kantor", "baru", "--kode", kode)
    assert code == 1 and pesan in err
    assert not target.exists()


def test_new_office_gets_its_desa_and_no_iki(capsys, tmp_path):
    target = tmp_path / "sumberpucung.sqlite3"
    code, out, _ = run(capsys, "--db", target, "kantor", "baru", "--kode", "35.07.12")
    assert code == 0 and "Kecamatan Sumberpucung (35.07.12), Kabupaten Malang" in out
    code, out, _ = run(capsys, "--db", target, "kantor", "--json")
    kantor = json.loads(out)
    assert kantor["kecamatan"] == "Sumberpucung"
    assert kantor["kabupaten"] == "Kabupaten Malang"
    assert kantor["provinsi"] == "Jawa Timur"
    assert [d["kode"] for d in kantor["desa"]][:2] == ["35.07.12.2001", "35.07.12.2002"]
    assert len(kantor["desa"]) == 7
    with sqlite3.connect(target) as raw:
        assert raw.execute("SELECT count(*) FROM tahun").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM pangkat").fetchone() == (17,)
    code, out, _ = run(capsys, "--db", target, "stats")
    assert "Tahun      : belum ada" in out


def test_a_kota_is_written_as_kota(capsys, tmp_path):
    target = tmp_path / "batu.sqlite3"
    run(capsys, "--db", target, "kantor", "baru", "--kode", "35.79.01")  # Batu, Kota Batu
    _, out, _ = run(capsys, "--db", target, "kantor")
    assert "Kota Batu, Jawa Timur" in out


def test_example_iki_keeps_jabatan_and_indicators_but_nothing_of_kepanjen(capsys, tmp_path):
    target = tmp_path / "contoh.sqlite3"
    code, out, _ = run(
        capsys, "--db", target, "kantor", "baru", "--kode", "35.07.12", "--contoh", "--tahun", 2026
    )
    assert code == 0 and "22 jabatan dan 84 indikator" in out
    with sqlite3.connect(target) as raw:
        assert raw.execute(
            "SELECT nomor_keputusan, tempat, jabatan_penandatangan, penandatangan_id FROM tahun"
        ).fetchall() == [("", "", "", None)]
        assert raw.execute("SELECT count(*) FROM pemangku").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM pegawai").fetchone() == (0,)
        assert (
            raw.execute("SELECT count(*) FROM desa WHERE kode LIKE '35.07.13%'").fetchone()[0] == 0
        )
        texts = [
            t
            for query in (
                "SELECT nama || formula || sumber_data FROM indikator",
                "SELECT teks || formula FROM sub_indikator",
                "SELECT teks FROM tugas UNION ALL SELECT teks FROM fungsi",
                "SELECT teks FROM sasaran",
            )
            for (t,) in raw.execute(query)
        ]
    assert not [t for t in texts if "kepanjen" in t.lower()]
    assert any("7 desa/kelurahan se-Kecamatan Sumberpucung" in t for t in texts)


def test_an_existing_database_is_never_replaced(capsys, db_path):
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", db_path, "kantor", "baru", "--kode", "35.07.12")
    assert code == 1 and "sudah ada" in err
    assert db_path.read_bytes() == before


def test_desa_code_rules():
    assert check_kode_desa("35.07.13.2019", "35.07.13") == "desa"
    assert check_kode_desa("35.07.13.1019", "35.07.13") == "kelurahan"
    with pytest.raises(DataTidakValid, match="diawali 35.07.13"):
        check_kode_desa("35.07.12.2019", "35.07.13")
    with pytest.raises(DataTidakValid, match="tidak berbentuk kode wilayah"):
        check_kode_desa("35.07.13.5019", "35.07.13")
    with pytest.raises(DataTidakValid, match="tidak berbentuk kode wilayah"):
        check_kode_desa("3507132019", "35.07.13")


def test_add_rename_and_retire_a_desa(capsys, db_path, tmp_path):
    code, out, _ = run(capsys, "--db", db_path, "kantor", "desa", "tambah", "35.07.13.2099", "Baru")
    assert code == 0 and "Desa Baru (35.07.13.2099)" in out
    code, _, err = run(capsys, "--db", db_path, "kantor", "desa", "tambah", "35.07.13.2099", "X")
    assert code == 1 and "sudah dipakai Desa Baru; pakai kode lain" in err
    code, _, err = run(capsys, "--db", db_path, "kantor", "desa", "tambah", "35.07.12.2099", "X")
    assert code == 1 and "diawali 35.07.13" in err
    code, out, _ = run(
        capsys, "--db", db_path, "kantor", "desa", "ubah", "35.07.13.2001", "Kemiri Baru"
    )
    assert code == 0 and "Desa Kemiri Baru" in out
    code, out, _ = run(
        capsys, "--db", db_path, "kantor", "desa", "nonaktif", "35.07.13.2002", "--sejak", "2020-04"
    )
    assert code == 0 and "nonaktif sejak April 2020" in out
    code, _, err = run(
        capsys, "--db", db_path, "kantor", "desa", "nonaktif", "35.07.13.2002", "--sejak", "2020Q2"
    )
    assert code == 1 and "mis. 2026-07" in err
    _, out, _ = run(capsys, "--db", db_path, "kantor")
    assert "19 desa/kelurahan (18 aktif)" in out
    assert "(nonaktif sejak April 2020)" in out

    # the retired desa gets no template and no completeness row from April on
    folder = tmp_path / "templat"
    folder.mkdir()

    def desa_bertemplat(periode: str) -> set[str]:
        for p in folder.iterdir():
            p.unlink()
        args = ("templat", "desa", "--tahun", 2020, "--periode", periode, "--out", folder)
        assert run(capsys, "--db", db_path, *args)[0] == 0
        return {p.name.split(" - ")[1] for p in folder.iterdir()}

    maret, triwulan_2 = desa_bertemplat("202003"), desa_bertemplat("2020Q2")
    assert len(maret) == 19 and "Desa Kemiri Baru" in maret
    assert maret - triwulan_2 == {"Desa Sengguruh"}
    args = ("templat", "desa", "--tahun", 2020, "--periode", "2020Q2", "--desa", "35.07.13.2002")
    code, _, err = run(capsys, "--db", db_path, *args, "--out", folder)
    assert code == 1 and "Desa Sengguruh nonaktif sejak April 2020" in err

    _, out, _ = run(capsys, "--db", db_path, "kelengkapan", "--tahun", 2020, "--json")
    periode_sengguruh = [r["periode"] for r in json.loads(out) if r["kode_desa"] == "35.07.13.2002"]
    assert periode_sengguruh == ["202001", "202002", "202003"]
    _, out, _ = run(capsys, "--db", db_path, "kelengkapan", "--tahun", 2020, "--per", "triwulan")
    baris = {line.split("  ")[0]: line.split() for line in out.splitlines()}
    assert baris["Desa Sengguruh"][2:] == ["."]  # TW I only: no cells after it was retired
    assert ", kosong = desa nonaktif;" in out

    # its values: still for March, no longer from April; one stored before may be cleared
    csv = tmp_path / "nilai.csv"
    kepala = "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"

    def impor(*baris: str) -> tuple[int, str, str]:
        csv.write_text(kepala + "".join(f"{b}\n" for b in baris), encoding="utf-8")
        return run(capsys, "--db", db_path, "nilai", "impor", csv)

    code, out, err = impor("KASI-KESOS.01,202003,35.07.13.2002,realisasi,4,,")
    assert code == 0, err
    code, out, err = impor("KASI-KESOS.01,202004,35.07.13.2002,realisasi,5,,")
    assert code == 1
    assert "Desa Sengguruh nonaktif sejak April 2020; realisasi April 2020 tidak dicatat" in (
        out + err
    )
    with sqlite3.connect(db_path) as raw:
        sengguruh = raw.execute(
            "SELECT r.periode FROM nilai_realisasi r JOIN desa d ON d.id = r.desa_id "
            "WHERE d.kode = '35.07.13.2002' ORDER BY 1"
        ).fetchall()
    assert sengguruh == [("202003",)]


def test_completeness_of_a_year_not_yet_begun_is_not_late(capsys, db_path):
    assert run(capsys, "--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2099)[0] == 0
    _, out, _ = run(capsys, "--db", db_path, "kelengkapan", "--tahun", 2099, "--per", "triwulan")
    baris = {line.split("  ")[0]: line.split() for line in out.splitlines()}
    assert baris["Desa Kemiri"][2:] == ["-", "-", "-", "-"]  # as "–" in the window
    assert ". = belum ada (0), - = belum waktunya (72)" in out
