"""Texts at the door (issue 18, item 4): control characters copied from Word are cleaned and a
lone surrogate is refused, the same way for every way a text comes in; and every export still
works when the database already holds such a text (an older version let them in)."""

import sqlite3
from collections.abc import Callable

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db import (
    ops_indikator,
    ops_indikator_paste,
    ops_jabatan,
    ops_pemangku,
    ops_pita,
    ops_uraian,
)
from kinerja_desktop.db.models import (
    Desa,
    Indikator,
    Jabatan,
    Pegawai,
    Sasaran,
    SubIndikator,
    Tugas,
    database_proxy,
)
from kinerja_desktop.domain.capaian import Pita
from kinerja_desktop.domain.kode import check_kode, masalah_kode
from kinerja_desktop.domain.teks import aman_untuk_sel, clean_teks
from kinerja_desktop.errors import DataTidakValid

WORD = "Menyusun\x07laporan\x0bbulanan\x01 \x00kecamatan\u202e"
"""A text as Word's clipboard gives it: end-of-cell mark, manual line break, stray controls and
a right-to-left override."""

SURROGAT = "Menyusun laporan \ud83d bulanan"


def jid(kode: str) -> int:
    return Jabatan.get(Jabatan.kode == kode, Jabatan.tahun == 2020).id


def test_word_controls_become_spaces_and_line_breaks_and_nothing_visible_is_lost():
    assert clean_teks(WORD) == "Menyusun laporan\nbulanan kecamatan"
    assert clean_teks(WORD, satu_baris=True) == "Menyusun laporan bulanan kecamatan"
    assert clean_teks("a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"
    assert clean_teks("Cafe\u0301") == "Café"  # one form for the same letters (NFC)
    with pytest.raises(DataTidakValid, match="karakter yang rusak.*huruf ke-18"):
        clean_teks(SURROGAT, "Tugas")


def test_codes_are_letters_digits_dot_dash_underscore():
    assert check_kode(" kasi-pem.01 ") == "KASI-PEM.01"
    for buruk in ("+cmd|'/Ccalc'!A0", "=1+1", "-5", "@SUM", "KASI PEM", "KASI/PEM", "", "A" * 41):
        with pytest.raises(DataTidakValid):
            check_kode(buruk)
    assert masalah_kode("SEKCAM.02") is None


def _doors(db: object) -> dict[str, Callable[[str], object]]:
    """Every operation that stores a text typed in a dialog, a tab or pasted rows."""
    j = jid("BENDAHARA")
    sasaran = Sasaran.select().where(Sasaran.jabatan == j).first()
    ind = Indikator.select().where(Indikator.sasaran == sasaran).first()
    sub = ops_indikator.add_sub(ind.id).data
    return {
        "jabatan baru": lambda t: ops_jabatan.add_jabatan(2020, t, j).data,
        "ganti nama jabatan": lambda t: ops_jabatan.rename_jabatan(j, t),
        "tugas": lambda t: ops_uraian.insert_uraian(j, "tugas", [t]).data,
        "fungsi tempel": lambda t: ops_uraian.insert_uraian(j, "fungsi", [t, "lain"]).data,
        "sasaran": lambda t: ops_indikator.edit_sasaran(sasaran.id, t),
        "nama indikator": lambda t: ops_indikator.update_indikator(ind.id, {"nama": t}),
        "formulasi": lambda t: ops_indikator.update_indikator(ind.id, {"formula": t}),
        "tempel indikator": lambda t: ops_indikator_paste.paste_indikator(
            j, sasaran.id, [{"kode": "", "nama": t, "satuan": t}]
        ),
        "sub-butir": lambda t: ops_indikator.update_sub(sub, teks=t, formula=t),
        "pegawai baru": lambda t: ops_pemangku.add_pegawai_baru(j, t),
        "tempel pemangku": lambda t: ops_pemangku.paste_pemangku(j, [{"nama": t}]),
        "kategori capaian": lambda t: ops_pita.set_pita([Pita(0, t, "#ffffff")]),
    }


def _stored_texts(db_path: object) -> list[str]:
    with sqlite3.connect(str(db_path)) as raw:
        found = []
        for table, cols in (
            ("jabatan", ("nama",)),
            ("tugas", ("teks",)),
            ("fungsi", ("teks",)),
            ("sasaran", ("teks",)),
            ("indikator", ("nama", "formula", "satuan")),
            ("sub_indikator", ("teks", "formula")),
            ("pegawai", ("nama",)),
            ("pita_capaian", ("nama",)),
        ):
            for col in cols:
                found += [v for (v,) in raw.execute(f"SELECT {col} FROM {table}") if v]
    return found


def test_every_door_cleans_control_characters(db, db_path):
    for nama, door in _doors(db).items():
        door(WORD)
        stored = _stored_texts(db_path)
        assert not [t for t in stored if clean_teks(t) != t], nama
        assert any("Menyusun laporan" in t for t in stored), nama


def test_every_door_refuses_a_lone_surrogate_and_stores_nothing(db, db_path):
    doors = _doors(db)
    before = _stored_texts(db_path)
    for nama, door in doors.items():
        with pytest.raises(DataTidakValid, match="karakter yang rusak"):
            door(SURROGAT)
        assert _stored_texts(db_path) == before, nama


def test_a_code_with_a_formula_start_is_refused_in_the_tab_and_the_tree(db):
    j = jid("BENDAHARA")
    ind = Indikator.select().join(Sasaran).where(Sasaran.jabatan == j).first()
    with pytest.raises(DataTidakValid, match="tidak valid"):
        ops_indikator.update_indikator(ind.id, {"kode": "+cmd|'/Ccalc'!A0"})
    with pytest.raises(DataTidakValid, match="tidak valid"):
        ops_jabatan.add_jabatan(2020, "Jabatan baru", j, kode="=HYPERLINK(1)")
    ops_indikator.update_indikator(ind.id, {"kode": " bendahara.77 "})
    assert Indikator.get_by_id(ind.id).kode == "BENDAHARA.77"


@pytest.fixture
def kotor(db, engine):
    """The built-in data with control characters already stored, as a database from an older
    version may hold them (NUL only in a file: PostgreSQL's text cannot hold it at all)."""
    j = Jabatan.get(Jabatan.kode == "PRAMU", Jabatan.tahun == 2020)
    j.nama = "Pramu\x07 Kantor\x01"
    j.save()
    nul = "\x00" if engine == "sqlite" else ""
    Tugas.update(teks=f"Tugas\x0b dari Word{nul}").where(Tugas.jabatan == j).execute()
    Indikator.update(nama="Indikator\x07\x1b[31m", satuan="\x02dokumen").where(
        Indikator.kode == "KASI-KESOS.01"
    ).execute()
    SubIndikator.update(teks="Butir\x0c").execute()
    Pegawai.update(nama="Nama\x07 Pegawai").execute()
    Desa.update(nama=f"Kemiri\x07{nul}").where(Desa.kode == "35.07.13.2001").execute()
    return db


def test_every_export_writes_a_database_holding_control_characters(kotor, engine, tmp_path):
    from kinerja_desktop.exchange.desa_template import make_desa_templates
    from kinerja_desktop.reports.capaian import export_capaian
    from kinerja_desktop.reports.iki import export_iki

    iki = export_iki(2020, tmp_path / "iki.xlsx")
    wb = load_workbook(iki)
    teks = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert any("Tugas\n dari Word" in str(t) for t in teks)
    assert not [t for t in teks if isinstance(t, str) and aman_untuk_sel(t) != t]
    assert "Tugas" in PdfReader(export_iki(2020, tmp_path / "iki.pdf")).pages[0].extract_text()
    export_capaian(2020, "2020Q1", tmp_path / "capaian.xlsx")
    export_capaian(2020, "2020Q1", tmp_path / "capaian.pdf")
    (tmp_path / "templat").mkdir()
    templat = make_desa_templates(2020, tmp_path / "templat", "2020Q1", "35.07.13.2001")
    assert load_workbook(templat[0].path)["Isian"]
    # one "-" for each control character of the name (the NUL only in a file, see kotor)
    kendali = "--" if engine == "sqlite" else "-"
    assert templat[0].path.name == f"Isian IKI - Desa Kemiri{kendali} - Triwulan I 2020.xlsx"


def test_cli_lists_and_exports_a_database_holding_control_characters(kotor, db_path, capsys):
    database_proxy.initialize(None)
    kotor.close()
    for args in (["indikator", "--tahun", "2020"], ["indikator", "--tahun", "2020", "--json"]):
        assert main(["--db", str(db_path), *args]) == 0
        database_proxy.initialize(None)
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out


def test_rating_bands_are_bounded(db):
    for batas in (1e308, -1, 5000):
        with pytest.raises(DataTidakValid, match="antara 0% dan 1000%"):
            ops_pita.set_pita([Pita(batas, "Tinggi", "#ffffff"), Pita(0, "Rendah", "#ffffff")])


def test_desa_names_are_cleaned_too(db):
    from kinerja_desktop.db.kantor import rename_desa

    assert rename_desa("35.07.13.2001", "Kemiri\x07\x0b Baru").nama == "Kemiri Baru"
    with pytest.raises(DataTidakValid, match="karakter yang rusak"):
        rename_desa("35.07.13.2001", SURROGAT)
