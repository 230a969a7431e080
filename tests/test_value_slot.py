"""One rule decides which (indicator, period, desa) may hold a target or a realisasi
(domain/value_slot.py): the grid, the values CSV and the desa workbook refuse the same cell
with the same reason, and none of them stores it."""

from desa_bantuan import KEMIRI, isi, templat

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Desa, Indikator, NilaiRealisasi
from kinerja_desktop.db.queries import desa_indicators
from kinerja_desktop.db.queries_nilai import daftar_desa, nilai_jabatan
from kinerja_desktop.domain.capaian import Penilaian
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.exchange.desa_import import import_berkas_desa
from kinerja_desktop.paths import data_dir
from kinerja_desktop.ui.tabs.desa_model import DesaModel
from kinerja_desktop.ui.tabs.target_model import NilaiModel

ALASAN = "diisi untuk kecamatan, bukan per desa"


def _cli(capsys, *args):
    code = main(["--db", str(data_dir() / "kinerja.sqlite3"), *args])
    out, err = capsys.readouterr()
    return code, out + err


def _stored(indikator_id: int) -> int:
    return NilaiRealisasi.select().where(NilaiRealisasi.indikator == indikator_id).count()


def test_a_desa_value_of_a_kecamatan_indicator_is_refused_by_every_way_in(
    qtbot, db, tmp_path, capsys
):
    # the desa's workbook was made while the indicator still came from the desa; since then
    # the kecamatan records it itself
    ind = desa_indicators(2020)[0]
    buku = isi(templat(tmp_path / "flashdisk", periode="2020Q1"), {(0, 0): 4})
    Indikator.update(dari_desa=False).where(Indikator.id == ind.id).execute()
    kemiri = Desa.get(Desa.kode == KEMIRI)

    # the grid: the desa panel cell of January for Kemiri takes no value
    (n,) = [x for x in nilai_jabatan(ind.sasaran.jabatan_id) if x.info.id == ind.id]
    edits: list = []
    panel = DesaModel(edits.append)
    panel.set_content(n, daftar_desa(), [parse_periode("202001")])
    baris = next(i for i, d in enumerate(daftar_desa()) if d.id == kemiri.id)
    kolom = next(c for c in range(panel.columnCount()) if panel.periode_kolom(c) is not None)
    assert not panel.is_editable(baris, kolom)
    assert not panel.setData(panel.index(baris, kolom), "4") and edits == []

    # the values CSV
    csv = tmp_path / "nilai.csv"
    csv.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        f"{ind.kode},202001,{KEMIRI},realisasi,4,,\n",
        encoding="utf-8",
    )
    code, out = _cli(capsys, "nilai", "impor", str(csv))
    assert code == 1 and ALASAN in out

    # the desa workbook: refused whole, as made for rows the kecamatan no longer asks of desa
    (pratinjau,), hasil = import_berkas_desa([buku], coba=False, tahun=2020)
    assert pratinjau.ditolak and hasil == []
    assert f"templat sudah usang: indikator {ind.kode}" in pratinjau.ringkasan()

    assert _stored(ind.id) == 0


def test_a_triwulan_realisasi_of_a_monthly_indicator_is_refused_by_grid_and_csv(
    qtbot, db, tmp_path, capsys
):
    ind = Indikator.get(Indikator.kode == "KASUBAG-UMUM.02", Indikator.tahun == 2020)
    (n,) = [x for x in nilai_jabatan(ind.sasaran.jabatan_id) if x.info.id == ind.id]
    grid = NilaiModel(lambda masuk: None)
    grid.set_content([n], [parse_periode("2020Q1"), parse_periode("202001")], Penilaian())
    kolom = {p.id: c for c in range(grid.columnCount()) if (p := grid.periode_kolom(c))}
    assert grid.is_editable(1, kolom["202001"])  # row 1: realisasi
    assert not grid.is_editable(1, kolom["2020Q1"])

    csv = tmp_path / "nilai.csv"
    csv.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,2020Q1,,realisasi,4,,\n",
        encoding="utf-8",
    )
    code, out = _cli(capsys, "nilai", "impor", str(csv))
    assert code == 1 and "dilaporkan bulanan: isi bulan-bulannya" in out
    assert _stored(ind.id) == 0


def test_what_each_kind_of_indicator_owes_for_completeness():
    from kinerja_desktop.domain.indikator import Frekuensi
    from kinerja_desktop.domain.value_slot import choose_expected

    def owes(frekuensi: Frekuensi, periode: str) -> tuple[tuple[int, ...], ...]:
        return choose_expected(frekuensi, parse_periode(periode))

    assert owes(Frekuensi.BULANAN, "202002") == ((2,),)
    assert owes(Frekuensi.BULANAN, "2020Q1") == ((1,), (2,), (3,))
    # per triwulan: nothing in the first two months, the whole triwulan in the month ending it
    assert owes(Frekuensi.TRIWULANAN, "202001") == owes(Frekuensi.TRIWULANAN, "202002") == ()
    assert owes(Frekuensi.TRIWULANAN, "202003") == owes(Frekuensi.TRIWULANAN, "2020Q1") == (
        (1, 2, 3),
    )
    assert owes(Frekuensi.TRIWULANAN, "202012") == ((10, 11, 12),)
    assert len(owes(Frekuensi.TRIWULANAN, "2020")) == 4
    assert len(owes(Frekuensi.BULANAN, "2020")) == 12
