"""The Laporan Kinerja (LKjIP) as plain data: the figures, each narrative part (the office's
accepted text, or the generated draft marked as one), the signatory, and what is missing.

Built once and rendered by :mod:`~kinerja_desktop.reports.lkjip_pdf` and
:mod:`~kinerja_desktop.reports.lkjip_docx`; the report dialog and the command line read
:attr:`LaporanKinerja.kekurangan` to say what is missing before anything is written.
"""

import dataclasses
from dataclasses import dataclass

from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.queries_lkjip import teks_lkjip
from kinerja_desktop.domain.lkjip import BAGIAN_TETAP, Asal, kunci_sasaran
from kinerja_desktop.reports.lkjip_angka import NA, AngkaLkjip, build_lkjip_angka
from kinerja_desktop.reports.lkjip_draf import draf_semua
from kinerja_desktop.reports.penandatangan import (
    KOSONG,
    Penandatangan,
    PilihanTtd,
    bawaan_ttd,
    penandatangan_tahun,
)
from kinerja_desktop.reports.pk_data import LaporanPk
from kinerja_desktop.reports.pk_versi import build_pk_report

TANDA_DRAF = "[USULAN OTOMATIS — belum diperiksa operator]"
"""Printed above a part that is still the generated draft, so that nobody signs it unread."""


@dataclass(frozen=True)
class Narasi:
    """A narrative part as the report prints it."""

    kunci: str
    judul: str
    teks: str
    draf: bool  # still the generated draft: printed under TANDA_DRAF
    usulan: str  # today's generated draft
    asal: Asal | None  # where an accepted text came from (None: a draft)
    angka_berubah: bool  # accepted, but today's draft differs from the one accepted with it


@dataclass(frozen=True)
class LaporanKinerja:
    """Everything the Laporan Kinerja prints."""

    angka: AngkaLkjip
    narasi: dict[str, Narasi]
    penandatangan: Penandatangan
    camat: str  # the Camat's name for the organisation chart ("" not recorded)
    jabatan_camat: str  # "CAMAT KEPANJEN"
    pk: LaporanPk  # the Camat's own Perjanjian Kinerja: the kecamatan's, the appendix

    @property
    def tahun(self) -> int:
        """The report's year."""
        return self.angka.tahun

    @property
    def judul(self) -> str:
        """Document title for PDF properties and the Word file."""
        return f"Laporan Kinerja Kecamatan {self.angka.kecamatan} Tahun {self.tahun}"

    def bagian(self, kunci: str) -> Narasi:
        """The part with key ``kunci``."""
        return self.narasi[kunci]

    def analisis(self, sasaran_id: int) -> Narasi:
        """The analysis of one sasaran."""
        return self.narasi[kunci_sasaran(sasaran_id)]

    @property
    def narasi_draf(self) -> list[Narasi]:
        """Parts still printed as generated drafts."""
        return [n for n in self.narasi.values() if n.draf]

    @property
    def kekurangan(self) -> list[str]:
        """What is missing or unchecked, one line each, as the dialog lists it before writing."""
        a = self.angka
        baris: list[str] = []
        kosong = a.jabatan_kosong
        if kosong:
            nama = ", ".join(f"{u.nama} ({u.kode})" for u in kosong)
            baris.append(f"Jabatan tanpa pemangku ({len(kosong)}): {nama}.")
        for p in a.pegawai_kurang:
            apa = " dan ".join(
                x for x, ya in (("NIP", p.tanpa_nip), ("pangkat/golongan", p.tanpa_pangkat)) if ya
            )
            baris.append(f"Pegawai {p.nama} ({p.jabatan}) belum dicatat {apa}.")
        if self.penandatangan.nama == KOSONG:
            baris.append(
                "Penandatangan (Camat) belum dicatat: nama dan NIP dicetak kosong untuk diisi "
                "tangan."
            )
        tanpa = [i for i in a.indikator if not i.has_data]
        if tanpa:
            nama = "; ".join(
                f"{i.kode} (belum ada {'target' if i.ini.target == NA else 'realisasi'})"
                for i in tanpa
            )
            baris.append(f"Indikator tanpa data capaian ({len(tanpa)} dari {a.total}): {nama}.")
        draf = self.narasi_draf
        if draf:
            baris.append(
                f"Bagian yang masih usulan otomatis ({len(draf)}), dicetak bertanda usulan: "
                + ", ".join(n.judul for n in draf)
                + "."
            )
        if a.anggaran.tanpa_anggaran:
            baris.append(
                f"Kegiatan tanpa anggaran ({len(a.anggaran.tanpa_anggaran)}): "
                + "; ".join(a.anggaran.tanpa_anggaran)
                + "."
            )
        if a.anggaran.tanpa_kegiatan:
            baris.append(
                f"Program tanpa kegiatan ({len(a.anggaran.tanpa_kegiatan)}): "
                + "; ".join(a.anggaran.tanpa_kegiatan)
                + "."
            )
        for d in self.pk.dokumen:
            if d.kurang:
                baris.append(
                    f"Perjanjian Kinerja {d.nama_jabatan} (lampiran) dicetak dengan bagian "
                    f"kosong: {'; '.join(d.kurang)}."
                )
        baris += [f"Perjanjian Kinerja: {k}" for k in self.pk.keadaan]
        berubah = [n.judul for n in self.narasi.values() if n.angka_berubah]
        if berubah:
            baris.append(
                "Angka berubah sejak teks ini diterima; periksa lagi: " + ", ".join(berubah) + "."
            )
        return baris


def _ttd(tahun: int, pilihan: PilihanTtd | None) -> Penandatangan:
    """The Camat's signature; without a chosen date the day and month are left to be written
    by hand in the year after the report's (a Laporan Kinerja is signed early next year)."""
    tahun_row = require_year(tahun)
    ttd = penandatangan_tahun(tahun_row, None, pilihan)
    if pilihan is not None and pilihan.tanggal is not None:
        return ttd
    tempat = pilihan.tempat.strip() if pilihan and pilihan.tempat is not None else None
    tempat = tempat if tempat is not None else bawaan_ttd(tahun_row).tempat
    return dataclasses.replace(ttd, tempat_tanggal=f"{tempat}, {KOSONG} {tahun + 1}")


def build_lkjip_report(tahun: int, ttd: PilihanTtd | None = None) -> LaporanKinerja:
    """Read the figures and texts of ``tahun``'s Laporan Kinerja; ``ttd`` changes the
    signature's place, date or signer (default: the Camat of the year's decree)."""
    tahun_row = require_year(tahun)
    angka = build_lkjip_angka(tahun)
    draf = draf_semua(angka)
    tersimpan = teks_lkjip(tahun)
    judul = {b.kunci: b.judul for b in BAGIAN_TETAP}
    for i, s in enumerate(angka.sasaran, start=1):
        judul[kunci_sasaran(s.id)] = f"Analisis Sasaran {i}"
    narasi = {}
    for kunci, usulan in draf.items():
        t = tersimpan.get(kunci)
        narasi[kunci] = Narasi(
            kunci=kunci,
            judul=judul[kunci],
            teks=usulan if t is None else t.teks,
            draf=t is None,
            usulan=usulan,
            asal=None if t is None else t.asal,
            angka_berubah=t is not None and bool(t.usulan) and t.usulan != usulan,
        )
    ttd_row = penandatangan_tahun(tahun_row)
    camat = "" if ttd_row.nama == KOSONG else ttd_row.nama
    return LaporanKinerja(
        angka=angka,
        narasi=narasi,
        penandatangan=_ttd(tahun, ttd),
        camat=camat,
        jabatan_camat=ttd_row.jabatan,
        pk=build_pk_report(tahun, "CAMAT"),
    )
