"""The Laporan Kinerja's outline, block by block: cover, Kata Pengantar, Ikhtisar Eksekutif,
BAB I–IV and the appendix, every table and chart from the data and every narrative part the
office's text (or the draft, marked).

The outline follows PermenPANRB 53/2014's Laporan Kinerja as kecamatan write it
(../shared/reference/dokumen-kinerja.md): BAB III's capaian table has "n/a" wherever there is
no data, never 0.
"""

from kinerja_desktop.domain.lkjip import (
    DASAR_HUKUM,
    GAMBARAN_UMUM,
    IKHTISAR,
    ISU_STRATEGIS,
    KATA_PENGANTAR,
    PENUTUP,
    RENSTRA,
    SUMBER_DAYA,
)
from kinerja_desktop.domain.value_text import format_capaian
from kinerja_desktop.reports.capaian_data import rentang_pita
from kinerja_desktop.reports.lkjip_bagan import bagan_organisasi, grafik_sasaran
from kinerja_desktop.reports.lkjip_blok import (
    Blok,
    BlokGambar,
    Judul,
    LampiranPk,
    Paragraf,
    Sampul,
    TandaTangan,
)
from kinerja_desktop.reports.lkjip_data import LaporanKinerja
from kinerja_desktop.reports.lkjip_tabel import (
    banding_renstra,
    banding_tahun_lalu,
    blok_anggaran,
    tabel_capaian,
    tabel_iku,
    tabel_pegawai,
    tabel_pita,
    tabel_pk,
    tabel_tugas_fungsi,
)


def _narasi(laporan: LaporanKinerja, kunci: str) -> Paragraf:
    n = laporan.bagian(kunci)
    return Paragraf(n.teks, draf=n.draf)


def _analisis(laporan: LaporanKinerja) -> list[Blok]:
    blok: list[Blok] = []
    for no, s in enumerate(laporan.angka.sasaran, start=1):
        blok.append(Judul(f"Sasaran {no}: {s.teks}", 2))
        ringkas = (
            f"Rata-rata capaian {format_capaian(s.capaian)}% ({s.kategori}), {s.ada} dari "
            f"{s.total} indikator memiliki data."
            if s.capaian is not None
            else f"Belum ada data capaian ({s.total} indikator)."
        )
        blok.append(Paragraf(f"{s.jabatan}. {ringkas}"))
        n = laporan.analisis(s.id)
        blok.append(Paragraf(n.teks, draf=n.draf))
    return blok


def build_lkjip(laporan: LaporanKinerja, lebar: float) -> list[Blok]:
    """The whole report as blocks; ``lebar`` is the text width in points (for the pictures)."""
    a = laporan.angka
    warna = {nama: w for _, nama, w in rentang_pita(a.penilaian.pita)}
    judul = ("LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)", f"KECAMATAN {a.kecamatan.upper()}",
             f"TAHUN {a.tahun}")  # fmt: skip
    blok: list[Blok] = [
        Sampul(
            judul,
            (
                f"PEMERINTAH {a.kabupaten.upper()}",
                f"KECAMATAN {a.kecamatan.upper()}",
                str(a.tahun + 1),
            ),
        ),  # fmt: skip
        Judul("KATA PENGANTAR", 0),
        _narasi(laporan, KATA_PENGANTAR.kunci),
        TandaTangan(laporan.penandatangan),
        Judul("IKHTISAR EKSEKUTIF", 0),
        _narasi(laporan, IKHTISAR.kunci),
        BlokGambar(grafik_sasaran(a.sasaran, warna, lebar), "Gambar 1 Capaian per sasaran"),
        Judul("BAB I PENDAHULUAN", 0),
        Judul("1.1 Gambaran Umum", 1),
        _narasi(laporan, GAMBARAN_UMUM.kunci),
        BlokGambar(
            bagan_organisasi(a.unit, laporan.camat, laporan.jabatan_camat, lebar),
            f"Gambar 1.1 Struktur organisasi Kecamatan {a.kecamatan} tahun {a.tahun}",
        ),
        Judul("1.2 Tugas dan Fungsi", 1),
        tabel_tugas_fungsi(laporan),
        Judul("1.3 Sumber Daya Manusia dan Sarana", 1),
        _narasi(laporan, SUMBER_DAYA.kunci),
        tabel_pegawai(laporan),
        Judul("1.4 Permasalahan Utama (Isu Strategis)", 1),
        _narasi(laporan, ISU_STRATEGIS.kunci),
        Judul("1.5 Dasar Hukum", 1),
        _narasi(laporan, DASAR_HUKUM.kunci),
        Judul("BAB II PERENCANAAN KINERJA", 0),
        Judul("2.1 Rencana Strategis", 1),
        _narasi(laporan, RENSTRA.kunci),
        Judul("2.2 Indikator Kinerja Utama", 1),
        tabel_iku(laporan),
        Judul(f"2.3 Perjanjian Kinerja Tahun {a.tahun}", 1),
        Paragraf(
            f"Perjanjian Kinerja tahun {a.tahun} memuat sasaran, indikator dan target berikut; "
            "dokumen lengkapnya terlampir."
        ),
        tabel_pk(laporan),
        Judul("BAB III AKUNTABILITAS KINERJA", 0),
        Judul("3.1 Capaian Kinerja Organisasi", 1),
        Paragraf(
            "Capaian setiap indikator dihitung dari realisasi terhadap target tahunan; untuk "
            "indikator yang makin kecil makin baik perbandingannya dibalik. Kategori capaian "
            "mengikuti interval berikut."
        ),
        tabel_pita(laporan),
        Paragraf("\n".join(f"- {aturan}" for aturan in a.penilaian.aturan)),
        tabel_capaian(laporan),
        banding_tahun_lalu(laporan),
        banding_renstra(laporan),
        Judul("Analisis capaian per sasaran", 1),
        *_analisis(laporan),
        Judul("3.2 Realisasi Anggaran", 1),
        *blok_anggaran(laporan),
        Judul("BAB IV PENUTUP", 0),
        _narasi(laporan, PENUTUP.kunci),
        TandaTangan(laporan.penandatangan),
        Judul("LAMPIRAN: PERJANJIAN KINERJA", 0),
        LampiranPk(laporan.pk),
    ]
    return blok
