"""First drafts of the Laporan Kinerja's narrative parts, written from the figures.

A draft is a proposal for the operator to edit, never a final text: it is computed afresh from
today's figures each time (never stored), and the report prints it marked as a draft until the
operator accepts or edits it (``db.ops_lkjip``). Numbers are written the Indonesian way
(``87,5%``) through :mod:`kinerja_desktop.domain.value_text`. A part nothing in the data can
say (the office's facilities) gets a bracketed line asking for the text.
"""

from collections.abc import Callable

from kinerja_desktop.domain.lkjip import (
    DASAR_HUKUM,
    GAMBARAN_UMUM,
    IKHTISAR,
    ISU_STRATEGIS,
    KATA_PENGANTAR,
    PENUTUP,
    RENSTRA,
    SUMBER_DAYA,
    kunci_sasaran,
)
from kinerja_desktop.domain.value_text import format_angka, format_persen, format_rupiah
from kinerja_desktop.reports.lkjip_angka import NA, AngkaLkjip, IndikatorLkjip, SasaranLkjip


def banding(sekarang: float | None, lalu: float | None, tahun_lalu: int) -> str:
    """``naik 4,1 poin dibanding tahun 2025 (98,1%)``, or "" when either is missing."""
    if sekarang is None or lalu is None:
        return ""
    beda = sekarang - lalu
    if abs(beda) < 0.05:
        return f"sama dengan tahun {tahun_lalu} ({format_persen(lalu)})"
    arah = "naik" if beda > 0 else "turun"
    beda_teks = format_angka(abs(beda), 1)
    return f"{arah} {beda_teks} poin dibanding tahun {tahun_lalu} ({format_persen(lalu)})"


def _dengan_satuan(teks: str, satuan: str) -> str:
    # "90%" already carries its unit; "12" reads "12 dokumen"
    if teks.endswith("%") or not satuan or satuan == "%":
        return teks
    return f"{teks} {satuan}"


def kalimat_indikator(ind: IndikatorLkjip, tahun_lalu: int) -> str:
    """One sentence on one indicator: target, realisasi, capaian, and the year before."""
    nama = ind.nama.rstrip(" :")  # "… yaitu :" introduces sub-items the sentence leaves out
    if ind.ini.target == NA:
        realisasi = ind.ini.realisasi
        ada = "" if realisasi == NA else f" (realisasi {_dengan_satuan(realisasi, ind.satuan)})"
        return f"Indikator {nama} belum memiliki target tahun ini{ada}."
    target = _dengan_satuan(ind.ini.target, ind.satuan)
    if ind.ini.capaian is None:
        return f"Indikator {nama} (target {target}) belum dapat diukur: belum ada data realisasi."
    kalimat = (
        f"Target indikator {nama} sebesar {target} tercapai sebesar "
        f"{format_persen(ind.ini.capaian)} "
        f"(realisasi {_dengan_satuan(ind.ini.realisasi, ind.satuan)})"
    )
    lalu = banding(ind.ini.capaian, None if ind.lalu is None else ind.lalu.capaian, tahun_lalu)
    return f"{kalimat}, {lalu}." if lalu else f"{kalimat}."


def draf_sasaran(s: SasaranLkjip, angka: AngkaLkjip) -> str:
    """The analysis of one sasaran: its mean capaian, then a sentence per indicator."""
    if s.capaian is None:
        awal = (
            f"Sasaran \u201c{s.teks}\u201d ({s.jabatan}) diukur dengan {s.total} indikator; "
            "belum ada indikator yang dapat dihitung capaiannya."
        )
    else:
        awal = (
            f"Sasaran \u201c{s.teks}\u201d ({s.jabatan}) diukur dengan {s.total} indikator, "
            f"dengan rata-rata capaian {format_persen(s.capaian)} (kategori {s.kategori})."
        )
    kalimat = [kalimat_indikator(i, angka.tahun_lalu) for i in s.indikator]
    belum = [i for i in s.indikator if i.ini.capaian is not None and i.ini.capaian < 100]
    akhir = (
        "Faktor pendukung dan penghambat pencapaian serta langkah perbaikannya: [tuliskan di sini]."
        if belum
        else "Faktor pendukung keberhasilan: [tuliskan di sini]."
    )
    return "\n".join([awal, *kalimat, akhir])


def _summarize(angka: AngkaLkjip) -> str:
    """The organisation's capaian in one sentence (shared by several parts)."""
    if angka.capaian is None:
        return (
            f"Dari {angka.total} indikator kinerja, belum ada yang dapat dihitung capaiannya "
            "karena data realisasi atau target belum tersedia."
        )
    kalimat = (
        f"Dari {angka.total} indikator kinerja, {angka.ada} indikator memiliki data capaian "
        f"dengan rata-rata capaian {format_persen(angka.capaian)} (kategori {angka.kategori})"
    )
    lalu = banding(angka.capaian, angka.capaian_lalu, angka.tahun_lalu)
    return f"{kalimat}, {lalu}." if lalu else f"{kalimat}."


def _count_capaian(angka: AngkaLkjip) -> tuple[int, int, int]:
    """Indicators that met the target, fell short, and have no capaian."""
    semua = angka.indikator
    capai = sum(1 for i in semua if i.ini.capaian is not None and i.ini.capaian >= 100)
    kurang = sum(1 for i in semua if i.ini.capaian is not None and i.ini.capaian < 100)
    return capai, kurang, len(semua) - capai - kurang


def _kata_pengantar(a: AngkaLkjip) -> str:
    return (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan "
        f"Kinerja Instansi Pemerintah (LKjIP) Kecamatan {a.kecamatan} Tahun {a.tahun}. Laporan "
        "ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi "
        f"Kecamatan {a.kecamatan} {a.kabupaten} selama tahun {a.tahun}, sesuai Peraturan "
        "Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
        "dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.\n"
        f"Laporan ini memuat capaian {a.total} indikator kinerja dari {len(a.sasaran)} sasaran "
        "yang ditetapkan dalam Perjanjian Kinerja, beserta analisis dan langkah perbaikannya. "
        "Kami menyadari laporan ini masih memiliki kekurangan; saran dan masukan kami harapkan "
        "untuk perbaikan pada tahun berikutnya."
    )


def kalimat_anggaran(a: AngkaLkjip) -> str:
    """``Realisasi anggaran tahun 2026 sebesar Rp 1.250.000 dari anggaran Rp 2.000.000
    (62,5%).``; while the total is not known (a kegiatan without anggaran), the realisasi and
    why there is no percentage; "" when neither anggaran nor realisasi is entered."""
    jumlah = a.anggaran.jumlah
    if jumlah.anggaran is None:
        if jumlah.realisasi is None or not a.anggaran.kurang:
            return ""
        return (
            f"Realisasi anggaran tahun {a.tahun} sebesar {format_rupiah(jumlah.realisasi)}; "
            f"{a.anggaran.kurang}, sehingga jumlah anggaran dan persentase realisasinya belum "
            "dapat dihitung."
        )
    realisasi = format_rupiah(jumlah.realisasi or 0)
    persen = "" if jumlah.persen is None else f" ({format_persen(jumlah.persen)})"
    return (
        f"Realisasi anggaran tahun {a.tahun} sebesar {realisasi} dari anggaran "
        f"{format_rupiah(jumlah.anggaran)}{persen}."
    )


def _ikhtisar(a: AngkaLkjip) -> str:
    capai, kurang, tanpa = _count_capaian(a)
    anggaran = kalimat_anggaran(a)
    return (
        f"Pada tahun {a.tahun}, Kecamatan {a.kecamatan} menetapkan {len(a.sasaran)} sasaran "
        f"dengan {a.total} indikator kinerja. {_summarize(a)}\n"
        f"Sebanyak {capai} indikator mencapai atau melampaui target, {kurang} indikator belum "
        f"mencapai target, dan {tanpa} indikator belum memiliki data capaian."
        + (f"\n{anggaran}" if anggaran else "")
    )


def _gambaran_umum(a: AngkaLkjip) -> str:
    unit = [u.nama for u in a.unit if u.kedalaman == 0]
    daftar = " dan ".join([", ".join(unit[:-1]), unit[-1]]) if len(unit) > 1 else "".join(unit)
    return (
        f"Kecamatan {a.kecamatan} adalah perangkat daerah {a.kabupaten} yang dipimpin oleh "
        "seorang Camat, yang berada di bawah dan bertanggung jawab kepada Bupati melalui "
        "Sekretaris Daerah. "
        f"Camat dibantu oleh {daftar}, dengan {len(a.unit)} jabatan seluruhnya "
        "sebagaimana bagan struktur organisasi berikut."
    )


def _sumber_daya(a: AngkaLkjip) -> str:
    jumlah = sum(n for _, n in a.golongan)
    kosong = len(a.jabatan_kosong)
    gol = ", ".join(f"{g}: {n}" for g, n in a.golongan if g != "-")
    kalimat = (
        f"Pada tahun {a.tahun} tugas Kecamatan {a.kecamatan} dilaksanakan oleh {jumlah} pegawai "
        f"yang memangku {len(a.unit) - kosong} dari {len(a.unit)} jabatan"
    )
    kalimat += f" (menurut golongan: {gol})." if gol else "."
    if kosong:
        kalimat += f" Sebanyak {kosong} jabatan belum memiliki pemangku."
    return kalimat + "\nSarana dan prasarana kantor: [uraikan di sini]."


def _isu(a: AngkaLkjip) -> str:
    kurang = [i for i in a.indikator if i.ini.capaian is not None and i.ini.capaian < 100]
    tanpa = [i for i in a.indikator if i.ini.capaian is None]
    baris = [f"Permasalahan utama pada tahun {a.tahun} tampak dari indikator berikut:"]
    baris += [f"- {i.nama}: capaian {format_persen(i.ini.capaian or 0)}" for i in kurang]
    if not kurang:
        baris = [f"Pada tahun {a.tahun} tidak ada indikator dengan capaian di bawah target."]
    if tanpa:
        baris.append(
            f"Selain itu {len(tanpa)} indikator belum memiliki data capaian, sehingga "
            "pencatatan target dan realisasi perlu diperbaiki."
        )
    return "\n".join(baris)


def _dasar_hukum(a: AngkaLkjip) -> str:
    return "\n".join(
        (
            "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
            "3. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
            "Instansi Pemerintah;",
            "4. Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian "
            "Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi "
            "Pemerintah;",
            "5. Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas "
            "Kinerja Instansi Pemerintah;",
            f"6. Keputusan Camat {a.kecamatan} tentang Indikator Kinerja Individu Tahun {a.tahun}.",
        )
    )


def _renstra(a: AngkaLkjip) -> str:
    ada = sum(1 for i in a.indikator if i.renstra_target)
    kalimat = (
        f"Rencana Strategis (Renstra) Kecamatan {a.kecamatan} menjadi acuan penetapan sasaran "
        f"dan indikator kinerja tahunan. Pada tahun {a.tahun} ditetapkan {len(a.sasaran)} "
        f"sasaran dengan {a.total} indikator kinerja utama sebagaimana tabel berikut"
    )
    if ada:
        return f"{kalimat}; {ada} indikator memiliki target akhir Renstra."
    return f"{kalimat}."


def _penutup(a: AngkaLkjip) -> str:
    return (
        f"Laporan Kinerja Kecamatan {a.kecamatan} Tahun {a.tahun} menggambarkan pencapaian "
        f"kinerja selama satu tahun. {_summarize(a)}\n"
        "Indikator yang belum mencapai target menjadi perhatian pada tahun "
        f"{a.tahun + 1} melalui perbaikan perencanaan, pencatatan data dan pelaksanaan "
        "kegiatan. Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja "
        f"Kecamatan {a.kecamatan}."
    )


_DRAF: dict[str, Callable[[AngkaLkjip], str]] = {
    KATA_PENGANTAR.kunci: _kata_pengantar,
    IKHTISAR.kunci: _ikhtisar,
    GAMBARAN_UMUM.kunci: _gambaran_umum,
    SUMBER_DAYA.kunci: _sumber_daya,
    ISU_STRATEGIS.kunci: _isu,
    DASAR_HUKUM.kunci: _dasar_hukum,
    RENSTRA.kunci: _renstra,
    PENUTUP.kunci: _penutup,
}


def draf_semua(angka: AngkaLkjip) -> dict[str, str]:
    """The draft of every part of the report, by part key (sasaran analyses included)."""
    draf = {kunci: tulis(angka) for kunci, tulis in _DRAF.items()}
    for s in angka.sasaran:
        draf[kunci_sasaran(s.id)] = draf_sasaran(s, angka)
    return draf
