"""A monev CSV import is one batch of the import log (Riwayat Impor), like a values CSV or a
desa workbook: the file is kept, and undoing the batch puts every budget realised and kendala
back exactly as it was (source and time included), with its audit entries; refused when a
value was changed again since or its period was approved since."""

import csv
import re

import pytest

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.backup import bound_local_path
from kinerja_desktop.db.models import (
    CatatanAudit,
    ImporBatch,
    Indikator,
    Jabatan,
    Keterangan,
    RealisasiAnggaran,
)
from kinerja_desktop.db.ops_anggaran import (
    AnggaranMasuk,
    KeteranganMasuk,
    set_keterangan,
    set_realisasi_anggaran,
)
from kinerja_desktop.db.ops_nilai import undo_batch
from kinerja_desktop.db.ops_program import IsiKegiatan, IsiProgram, add_kegiatan, add_program
from kinerja_desktop.db.persetujuan import take_step
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.queries_impor import read_riwayat_impor
from kinerja_desktop.domain.persetujuan import Langkah
from kinerja_desktop.errors import DataTidakValid, Terkunci
from kinerja_desktop.exchange.monev_csv import KOLOM, apply_monev, read_monev_csv
from kinerja_desktop.paths import files_dir


def semua() -> dict[str, list[tuple]]:
    """Every budget realised and note, every column (source and time of change included)."""
    return {
        m.__name__: list(m.select().order_by(m.id).tuples())
        for m in (RealisasiAnggaran, Keterangan)
    }


@pytest.fixture
def monev(db, tmp_path):
    """SEKCAM's kegiatan with 2020Q1 budget realised and a note for SEKCAM.01 typed in the
    window, and a monev CSV that changes both and adds a Q2 budget and a Q2 note."""
    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang")).data
    kegiatan = add_kegiatan(program, IsiKegiatan("Administrasi Umum", "", 5_000_000_000)).data
    ind = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "SEKCAM.01").id
    set_realisasi_anggaran([AnggaranMasuk(kegiatan, "2020Q1", 750_000_000)])
    set_keterangan([KeteranganMasuk(ind, "2020Q1", "Hujan", "Dijadwal ulang")])
    berkas = tmp_path / "monev-sekcam.csv"
    anggaran = ["realisasi_anggaran", "SEKCAM", "Program Penunjang", "Administrasi Umum", ""]
    with open(berkas, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                KOLOM,
                [*anggaran, "2020Q1", "800.000.000", "", ""],
                [*anggaran, "2020Q2", "Rp 1.250.000.000", "", ""],
                ["keterangan", "SEKCAM", "", "", "SEKCAM.01", "2020Q1", "", "Banjir", "Ditunda"],
                ["keterangan", "SEKCAM", "", "", "SEKCAM.01", "2020Q2", "", "", "Rapat ulang"],
            ]
        )
    return sekcam, kegiatan, ind, berkas


def test_a_monev_import_is_listed_and_undone_as_one_batch(monev):
    sekcam, kegiatan, ind, berkas = monev
    before = semua()
    hasil = apply_monev(read_monev_csv(berkas))
    assert "2 realisasi anggaran dan 2 keterangan disimpan" in hasil.perubahan.pesan
    [impor] = read_riwayat_impor(2020)
    assert (impor.nomor, impor.jenis_label, impor.nama_berkas) == (
        hasil.data,
        "CSV monev",
        "monev-sekcam.csv",
    )
    assert (impor.baru, impor.diubah, impor.sama, impor.tahun) == (2, 2, 0, 2020)
    assert impor.periode == ""  # lines of 2020Q1 and 2020Q2
    assert (files_dir(bound_local_path()) / impor.berkas_simpan).read_bytes() == berkas.read_bytes()
    assert semua() != before
    # the Riwayat Perubahan still shows Rupiah and the note's words, not the stored JSON
    riwayat = read_audit(SaringAudit(tahun=2020))
    assert ("Rp 750.000.000", "Rp 800.000.000") in [(b.lama, b.baru) for b in riwayat]
    assert "Kendala: Hujan / Tindak lanjut: Dijadwal ulang" in [b.lama for b in riwayat]

    batal = undo_batch(impor.nomor)
    assert semua() == before  # the typed values, their source and time, exactly as they were
    assert batal.perubahan.program and sekcam in batal.perubahan.jabatan
    assert ImporBatch.get_by_id(impor.nomor).dibatalkan
    assert read_riwayat_impor(2020)[0].dibatalkan
    entri = CatatanAudit.select().where(
        (CatatanAudit.aksi == "batal_impor") & (CatatanAudit.batch_id == impor.nomor)
    )
    assert (
        sorted(e.jenis for e in entri) == ["keterangan", "keterangan"] + ["realisasi_anggaran"] * 2
    )
    assert check_log().is_intact
    with pytest.raises(DataTidakValid, match="sudah dibatalkan pada") as ditolak:
        undo_batch(impor.nomor)
    assert not re.search(r"\d{4}-\d\d-\d\dT", ditolak.value.pesan)  # a date people read


def test_undo_refuses_a_value_changed_again_since(monev):
    _, kegiatan, _, berkas = monev
    nomor = apply_monev(read_monev_csv(berkas)).data
    set_realisasi_anggaran([AnggaranMasuk(kegiatan, "2020Q2", 1_300_000_000)])  # typed later
    sesudah = semua()
    with pytest.raises(DataTidakValid, match="sudah diubah lagi sesudah impor"):
        undo_batch(nomor)
    assert semua() == sesudah and not ImporBatch.get_by_id(nomor).dibatalkan


def test_undo_refuses_an_approved_period(monev):
    sekcam, _, _, berkas = monev
    nomor = apply_monev(read_monev_csv(berkas)).data
    for langkah in (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.SETUJUI):
        take_step(langkah, sekcam, "realisasi", "2020Q2")
    sesudah = semua()
    with pytest.raises(Terkunci):
        undo_batch(nomor)
    assert semua() == sesudah and not ImporBatch.get_by_id(nomor).dibatalkan
