"""Kelengkapan Data Desa: what is due, what is missing, and the list of it to print or send."""

import json
from datetime import date

import openpyxl
from desa_bantuan import KEMIRI, SENGGURUH, isi, templat
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Indikator
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.reports.beranda import build_beranda
from kinerja_desktop.reports.kekurangan import daftar_kekurangan, export_kekurangan
from kinerja_desktop.reports.kelengkapan import indikator_desa, kelengkapan


def test_only_ended_periods_are_due_and_each_cell_names_what_is_missing(db, tmp_path):
    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 1})])
    _, sel = kelengkapan(2020, "bulan", date(2020, 3, 15))
    kemiri = {s.periode: s for s in sel if s.kode_desa == KEMIRI}
    assert kemiri["202001"].jatuh_tempo and kemiri["202002"].jatuh_tempo
    assert not kemiri["202003"].jatuh_tempo  # March is still running on 15 March
    kode = list(indikator_desa(2020))
    assert kemiri["202001"].kurang == tuple(kode[1:])  # the first indicator was sent
    assert kemiri["202002"].kurang == tuple(kode)
    assert kemiri["202001"].nama_desa == "Desa Kemiri"


def test_missing_list_as_pdf_and_excel(db, tmp_path):
    import_berkas_desa([isi(templat(tmp_path / "a"), {(0, 0): 1})])
    hari = date(2020, 3, 15)
    daftar = daftar_kekurangan(2020, "bulan", hari)
    assert len(daftar.baris) == 18 * 2  # January and February, every desa; not March
    kemiri = next(
        b for b in daftar.baris if b.desa == "Desa Kemiri" and b.periode == "Januari 2020"
    )
    assert len(kemiri.missing_text.split("\n")) == len(indikator_desa(2020)) - 1
    assert "Belum mengirim data (42 indikator)." in [b.missing_text for b in daftar.baris]

    pdf = export_kekurangan(2020, "bulan", tmp_path / "k.pdf", "a4", hari_ini=hari)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "DATA DESA/KELURAHAN YANG BELUM LENGKAP" in text
    assert "KEADAAN 15 MARET 2020" in text and "Maret 2020" not in text.replace("MARET", "")

    xlsx = export_kekurangan(2020, "bulan", tmp_path / "k.xlsx", "a4", hari_ini=hari)
    ws = openpyxl.load_workbook(xlsx)["Kekurangan"]
    assert [c.value for c in ws[4]] == [
        "No", "Desa/Kelurahan", "Periode", "Kode", "Indikator yang belum ada",
    ]  # fmt: skip
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    kemiri_jan = [r for r in rows if r[1] == "Desa Kemiri" and r[2] == "Januari 2020"]
    assert len(kemiri_jan) == len(indikator_desa(2020)) - 1  # one row per missing indicator
    assert len(rows) == 35 + len(kemiri_jan)  # the other 35 desa-months sent nothing
    assert ("Desa Sengguruh", "Februari 2020", None, "Belum mengirim data (42 indikator).") in [
        r[1:] for r in rows
    ]
    assert ws.auto_filter.ref.startswith("A4:E")


# --- an indicator reported per triwulan ---------------------------------------------------


def _triwulanan(tmp_path):
    """The first desa indicator reported per triwulan. Kemiri sends Q1 with that indicator's
    figure typed in March only; Sengguruh sends every month of every other indicator but not
    that one. Returns its code and the number of indicators counted."""
    kode = list(indikator_desa(2020))
    Indikator.update(frekuensi="triwulanan").where(
        Indikator.kode == kode[0], Indikator.tahun == 2020
    ).execute()
    semua = {(i, j): 1 for i in range(len(kode)) for j in range(3)}
    kemiri = {**semua, (0, 0): None, (0, 1): None}
    sengguruh = {**semua, (0, 0): None, (0, 1): None, (0, 2): None}
    import_berkas_desa(
        [
            isi(templat(tmp_path / "a"), kemiri),
            isi(templat(tmp_path / "b", desa=SENGGURUH), sengguruh),
        ]
    )
    return kode[0], len(kode)


def test_a_triwulan_indicator_is_owed_once_per_triwulan_in_the_month_that_ends_it(db, tmp_path):
    kode, n = _triwulanan(tmp_path)
    _, sel = kelengkapan(2020, "bulan", date(2020, 4, 5))
    bulan = {(s.kode_desa, s.periode): s for s in sel}
    for desa in (KEMIRI, SENGGURUH):
        for p in ("202001", "202002"):  # not owed before March: both complete
            s = bulan[(desa, p)]
            assert (s.status, s.terisi, s.diharapkan, s.kurang) == ("diterima", n - 1, n - 1, ())
    maret = bulan[(KEMIRI, "202003")]  # the quarter's figure, typed in March, counts once
    assert (maret.status, maret.terisi, maret.diharapkan, maret.triwulanan) == (
        "diterima", n, n, 1,
    )  # fmt: skip
    assert maret.kalimat == (
        f"Desa Kemiri, Maret 2020: {n} dari {n} nilai ada (1 di antaranya nilai Triwulan I 2020 "
        "indikator triwulanan)."
    )
    maret = bulan[(SENGGURUH, "202003")]
    assert (maret.status, maret.terisi, maret.kurang) == ("sebagian", n - 1, (kode,))
    assert bulan[(KEMIRI, "202004")].diharapkan == n - 1

    _, sel = kelengkapan(2020, "triwulan", date(2020, 4, 5))
    tw = {(s.kode_desa, s.periode): s for s in sel}
    assert (tw[(KEMIRI, "2020Q1")].terisi, tw[(KEMIRI, "2020Q1")].diharapkan) == (
        3 * (n - 1) + 1, 3 * (n - 1) + 1,
    )  # fmt: skip
    assert tw[(KEMIRI, "2020Q1")].status == "diterima"
    assert (tw[(SENGGURUH, "2020Q1")].status, tw[(SENGGURUH, "2020Q1")].kurang) == (
        "sebagian", (kode,),
    )  # fmt: skip

    # the list of what is missing: Sengguruh in March only, for that one indicator
    daftar = daftar_kekurangan(2020, "bulan", date(2020, 4, 5))
    sengguruh = [b for b in daftar.baris if b.desa == "Desa Sengguruh"]
    assert [(b.periode, [k for k, _ in b.kurang]) for b in sengguruh] == [("Maret 2020", [kode])]


def test_the_beranda_and_the_command_count_a_triwulan_indicator_the_same_way(
    db, tmp_path, capsys
):
    kode, n = _triwulanan(tmp_path)
    # 5 March: February is the last closed month; the quarter is not over, nobody is late
    data = build_beranda(2020, date(2020, 3, 5))
    teks = [p.teks for p in data.pekerjaan]
    assert not any("sebagian data Februari 2020" in t for t in teks)
    assert "16 desa/kelurahan belum mengirim data Februari 2020" in " ".join(teks)
    # 5 April: March closed, the triwulan value is owed; Sengguruh has not sent it
    data = build_beranda(2020, date(2020, 4, 5))
    teks = [p.teks for p in data.pekerjaan]
    assert "1 desa/kelurahan baru mengirim sebagian data Maret 2020: Desa Sengguruh." in " ".join(
        teks
    )

    assert main(["kelengkapan", "--tahun", "2020", "--json"]) == 0
    perintah = {(s["kode_desa"], s["periode"]): s for s in json.loads(capsys.readouterr().out)}
    for s in data.per_bulan.sel.values():
        c = perintah[(s.kode_desa, s.periode)]
        assert (c["status"], c["terisi"], c["diharapkan"], c["kurang"], c["triwulanan"]) == (
            s.status.value, s.terisi, s.diharapkan, list(s.kurang), s.triwulanan,
        )  # fmt: skip
    assert perintah[(SENGGURUH, "202003")]["kurang"] == [kode]
    assert main(["kelengkapan", "--tahun", "2020", "--per", "triwulan", "--json"]) == 0
    perintah = {(s["kode_desa"], s["periode"]): s for s in json.loads(capsys.readouterr().out)}
    for s in data.per_triwulan.sel.values():
        c = perintah[(s.kode_desa, s.periode)]
        assert (c["status"], c["terisi"], c["diharapkan"]) == (
            s.status.value, s.terisi, s.diharapkan,
        )  # fmt: skip
    assert perintah[(KEMIRI, "2020Q1")]["diharapkan"] == 3 * (n - 1) + 1


def test_a_month_that_owes_nothing_is_complete(db):
    # every desa indicator reported per triwulan: January and February owe nothing
    Indikator.update(frekuensi="triwulanan").where(
        Indikator.dari_desa == True, Indikator.tahun == 2020  # noqa: E712
    ).execute()
    _, sel = kelengkapan(2020, "bulan", date(2020, 4, 5))
    januari = next(s for s in sel if s.kode_desa == KEMIRI and s.periode == "202001")
    assert (januari.status, januari.diharapkan, januari.bagian_terisi) == ("diterima", 0, 1.0)
    assert januari.kalimat == (
        "Desa Kemiri, Januari 2020: tidak ada nilai yang diminta untuk periode ini."
    )
    maret = next(s for s in sel if s.kode_desa == KEMIRI and s.periode == "202003")
    assert (maret.status, maret.diharapkan) == ("belum", len(indikator_desa(2020)))
