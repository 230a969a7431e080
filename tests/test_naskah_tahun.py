"""The Perjanjian Kinerja statement of a year stays as that year had it: Salin Tahun gives the
new year its own copy of the statement, and editing an earlier year's statement first gives
every later year that still borrowed it the text it printed until then (audited), so editing
2020 never changes what 2021 prints."""

import re

from pypdf import PdfReader

from kinerja_desktop.db.audit import check_log
from kinerja_desktop.db.models import CatatanAudit, NaskahPk
from kinerja_desktop.db.pk import AKSI_NASKAH, read_naskah, set_naskah
from kinerja_desktop.db.queries_audit import SaringAudit, read_audit
from kinerja_desktop.db.years import copy_year
from kinerja_desktop.reports.pk import export_pk

JANJI_2020 = "Kami berjanji mewujudkan target tahun 2020.\n\nPihak kedua mengawasi."
JANJI_BARU = "Naskah 2020 yang diperbaiki kemudian."


def printed(tahun: int, tmp_path) -> str:
    """The Camat's own PK of ``tahun`` as printed (PDF text, whitespace flattened)."""
    pdf = export_pk(tahun, tmp_path / f"pk-{tahun}.pdf", jabatan_kode="CAMAT")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))


def test_year_copy_gives_the_new_year_its_own_statement(db, tmp_path):
    set_naskah(2020, "Pembuka 2020.", JANJI_2020, "Drs. SANUSI", "")
    copy_year(2020, 2021)
    naskah = read_naskah(2021)
    assert naskah.dari_tahun == 2021  # its own, not borrowed from 2020
    assert (naskah.pembuka, naskah.janji, naskah.nama_kepala_daerah) == (
        "Pembuka 2020.",
        JANJI_2020,
        "Drs. SANUSI",
    )
    sebelum = printed(2021, tmp_path)
    assert "Kami berjanji mewujudkan target tahun 2020." in sebelum
    set_naskah(2020, "Pembuka lain.", JANJI_BARU, "Ir. BUPATI LAIN", "")
    assert printed(2021, tmp_path) == sebelum
    assert JANJI_BARU in printed(2020, tmp_path)


def test_editing_a_year_keeps_the_statement_later_years_borrowed(db, tmp_path):
    set_naskah(2020, "Pembuka 2020.", JANJI_2020, "Drs. SANUSI", "")
    copy_year(2020, 2021)
    copy_year(2021, 2022)
    # a database from before the copy carried the statement: 2021 and 2022 borrow 2020's
    NaskahPk.delete().where(NaskahPk.tahun > 2020).execute()
    assert read_naskah(2022).dari_tahun == 2020
    sebelum = {t: printed(t, tmp_path) for t in (2021, 2022)}
    hasil = set_naskah(2020, "Pembuka lain.", JANJI_BARU, "Ir. BUPATI LAIN", "")
    assert {t: printed(t, tmp_path) for t in (2021, 2022)} == sebelum
    assert [read_naskah(t).dari_tahun for t in (2020, 2021, 2022)] == [2020, 2021, 2022]
    assert "2021 dan 2022 tetap" in hasil.perubahan.pesan
    # each year that got its own copy is in the audit log, with the year it came from
    catatan = [
        (e.periode, e.catatan)
        for e in CatatanAudit.select().where(CatatanAudit.aksi == AKSI_NASKAH)
        if "kini tersimpan sendiri" in (e.catatan or "")
    ]
    assert [p for p, _ in catatan] == ["2021", "2022"]
    assert all("tahun 2020" in c for _, c in catatan)
    assert check_log().is_intact
    # Riwayat Perubahan names the parts in the editor's words, not the stored JSON
    [salinan] = [b for b in read_audit(SaringAudit(tahun=2022)) if "kini tersimpan" in b.catatan]
    assert salinan.baru.startswith("Kalimat pembuka: Pembuka 2020.; Isi perjanjian: Kami")
    assert "Nama Bupati/Wali Kota: Drs. SANUSI" in salinan.baru and "{" not in salinan.baru


def test_a_year_added_before_others_does_not_change_them(db, tmp_path):
    # 2022 copied from 2020 before any statement was kept prints the defaults; a statement
    # then kept for a year in between (2021) does not reach 2022
    copy_year(2020, 2022)
    sebelum = printed(2022, tmp_path)
    copy_year(2020, 2021)
    set_naskah(2021, "Pembuka 2021.", "Janji 2021.", "", "")
    assert printed(2022, tmp_path) == sebelum
    assert read_naskah(2022).dari_tahun == 2022
