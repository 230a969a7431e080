"""`nilai ekspor-monev` and `nilai impor-monev`: budget realised and kendala out to CSV and back,
checked by the window's doors, all or nothing, refused in an approved period."""

import csv

import pytest
from mesin import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.models import Indikator, Jabatan, database_proxy
from kinerja_desktop.db.ops_anggaran import AnggaranMasuk, set_realisasi_anggaran
from kinerja_desktop.db.ops_program import IsiKegiatan, IsiProgram, add_kegiatan, add_program
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.exchange.monev_csv import KOLOM, read_monev_csv


def run(capsys, db_url, *args):
    code = main(["--db", str(db_url), *args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out + err


def test_monev_round_trip_through_csv(db, db_url, capsys, tmp_path):
    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang")).data
    kegiatan = add_kegiatan(program, IsiKegiatan("Administrasi Umum", "", 5_000_000_000)).data
    set_realisasi_anggaran([AnggaranMasuk(kegiatan, "2020Q1", 750_000_000)])
    database_proxy.obj.close()
    berkas = tmp_path / "monev.csv"

    ekspor = ["nilai", "ekspor-monev", "--tahun", "2020", "--out", str(berkas)]
    code, out = run(capsys, db_url, *ekspor)
    assert code == 0 and "4 baris monev" in out
    with open(berkas, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["realisasi_anggaran", "SEKCAM", "Program Penunjang", "Administrasi Umum",
                       "", "2020Q1", "750000000", "", ""]  # fmt: skip
    rows[2][6] = "Rp 1.250.000.000"  # TW II typed the Indonesian way
    rows.append(["keterangan", "SEKCAM", "", "", "SEKCAM.01", "2020Q2", "", "Hujan", "Ulang"])
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    code, out = run(capsys, db_url, "nilai", "impor-monev", str(berkas), "--coba")
    assert code == 0 and "2 baru, 0 diubah, 1 sama, 0 ditolak, 2 belum diisi" in out
    assert select(str(db_url), "SELECT count(*) FROM keterangan") == [(0,)]
    code, out = run(capsys, db_url, "nilai", "impor-monev", str(berkas))
    assert code == 0 and "1 realisasi anggaran dan 1 keterangan disimpan" in out
    assert select(str(db_url), "SELECT nilai FROM realisasi_anggaran WHERE periode = '2020Q2'") == [
        (1_250_000_000,)
    ]

    # a refused line refuses the whole file: the good line beside it is not stored either
    rows[3][6] = "1.500.000"
    rows.append(["realisasi_anggaran", "SEKCAM", "Program Penunjang", "Tidak Ada", "", "2020Q4",
                 "5", "", ""])  # fmt: skip
    rows.append(["realisasi_anggaran", "SEKCAM", "Program Penunjang", "Administrasi Umum", "",
                 "202004", "5", "", ""])  # fmt: skip
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, out = run(capsys, db_url, "nilai", "impor-monev", str(berkas))
    assert code == 1 and "baris 7: Kegiatan 'Tidak Ada'" in out and "per triwulan" in out
    assert select(str(db_url), "SELECT count(*) FROM realisasi_anggaran") == [(2,)]

    # an approved quarter refuses the file
    rows = rows[:-2]
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    from kinerja_desktop.db.connection import open_database

    open_database(db_url)
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, sekcam, "realisasi", "2020")
    assert Indikator.select().count()
    database_proxy.obj.close()
    code, out = run(capsys, db_url, "nilai", "impor-monev", str(berkas))
    assert code != 0 and "sudah disetujui" in out
    assert select(str(db_url), "SELECT count(*) FROM realisasi_anggaran") == [(2,)]


@pytest.fixture
def kegiatan_sekcam(db_path):
    """The built-in database open (SQLite only) with SEKCAM's "Program Penunjang" and its
    kegiatan "Administrasi Umum", as the round trip above makes them."""
    open_database(db_path)
    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang")).data
    add_kegiatan(program, IsiKegiatan("Administrasi Umum", "", 5_000_000_000))
    yield
    database_proxy.obj.close()
    database_proxy.initialize(None)


def test_a_line_given_twice_is_refused_naming_the_first(kegiatan_sekcam, tmp_path):
    berkas = tmp_path / "monev.csv"
    anggaran = ["realisasi_anggaran", "SEKCAM", "Program Penunjang", "Administrasi Umum", ""]
    catatan = ["keterangan", "SEKCAM", "", "", "SEKCAM.01"]
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                KOLOM,
                [*anggaran, "2020Q1", "1000000", "", ""],
                [*anggaran, "2020Q1", "2000000", "", ""],
                [*catatan, "2020Q2", "", "Hujan", "Ulang"],
                [*catatan, "2020q2", "", "Banjir", "Tunda"],
                [*anggaran, "2020Q2", "3000000", "", ""],
            ]
        )
    isi = read_monev_csv(berkas)
    assert [p.kalimat for p in isi.ditolak] == [
        "baris 3: Realisasi anggaran kegiatan ini Triwulan I 2020 sudah diisi pada baris 2; "
        "isi sekali saja.",
        "baris 5: Keterangan indikator ini Triwulan II 2020 sudah diisi pada baris 4; "
        "isi sekali saja.",
    ]
    assert isi.ringkasan() == "3 baru, 0 diubah, 0 sama, 2 ditolak"


def test_codes_typed_in_small_letters_find_their_jabatan_and_indicator(kegiatan_sekcam, tmp_path):
    """A code comes in through domain.kode as from every other door: "kasi-pem.01 " is
    KASI-PEM.01, in the monev CSV and in the values CSV alike."""
    from kinerja_desktop.exchange.nilai_csv import KOLOM_WAJIB, read_csv

    monev = tmp_path / "monev.csv"
    with open(monev, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                KOLOM,
                ["realisasi_anggaran", "sekcam", "Program Penunjang", "Administrasi Umum", "",
                 "2020Q1", "1000000", "", ""],
                ["keterangan", "", "", "", "sekcam.01 ", "2020Q1", "", "Hujan", "Ulang"],
            ]  # fmt: skip
        )
    nilai = tmp_path / "nilai.csv"
    with open(nilai, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [KOLOM_WAJIB, ["kasi-pem.01", "202001", "", "realisasi", "3", "", ""]]
        )
    isi_monev = read_monev_csv(monev)
    isi_nilai = read_csv(nilai)
    kasi_pem_01 = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASI-PEM.01").id
    assert isi_monev.ditolak == []
    assert isi_monev.ringkasan() == "2 baru, 0 diubah, 0 sama, 0 ditolak"
    assert isi_nilai.ditolak == [] and isi_nilai.nilai[0].kunci.indikator_id == kasi_pem_01
