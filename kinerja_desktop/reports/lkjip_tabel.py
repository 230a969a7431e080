"""The tables of the Laporan Kinerja as blocks (:mod:`lkjip_blok`): tugas and fungsi, staff,
the IKU and PK tables, the rating intervals, BAB III's capaian with n/a where there is no data,
the comparisons with the year before and with the Renstra, and 3.2's budget. The outline
(:mod:`lkjip_susun`) places them."""

from collections.abc import Callable

from kinerja_desktop.domain.value_text import format_angka, format_capaian, format_rupiah
from kinerja_desktop.reports.capaian_data import rentang_pita
from kinerja_desktop.reports.lkjip_angka import NA, IndikatorLkjip, SasaranLkjip
from kinerja_desktop.reports.lkjip_blok import Blok, Paragraf, Sel, Tabel
from kinerja_desktop.reports.lkjip_data import LaporanKinerja
from kinerja_desktop.reports.lkjip_draf import kalimat_anggaran


def _capaian(x: float | None) -> str:
    return NA if x is None else format_capaian(x)


def _sel_kategori(nama: str, warna: str | None) -> Sel:
    return Sel(nama, tengah=True, warna=warna)


def _baris_sasaran(
    sasaran: tuple[SasaranLkjip, ...], sel_indikator: Callable[[IndikatorLkjip], tuple[Sel, ...]]
) -> tuple[list[tuple[Sel, ...]], list[tuple[int, int, int]]]:
    """Rows grouped by sasaran (its cell spanning its indicators) and the spans."""
    baris: list[tuple[Sel, ...]] = []
    gabung = []
    no = 0
    for s in sasaran:
        awal = len(baris)
        for i, ind in enumerate(s.indikator):
            no += 1
            baris.append((Sel(str(no), tengah=True), Sel(s.teks if i == 0 else ""),
                          *sel_indikator(ind)))  # fmt: skip
        if len(baris) - awal > 1:
            gabung.append((1, awal, len(baris) - 1))
    return baris, gabung


def tabel_tugas_fungsi(laporan: LaporanKinerja) -> Tabel:
    baris = []
    for no, u in enumerate((u for u in laporan.angka.unit if u.kedalaman == 0), start=1):
        tugas = "\n".join(f"- {t}" for t in u.tugas) or "-"
        fungsi = "\n".join(f"- {f}" for f in u.fungsi if f.strip() != "-") or "-"
        baris.append((Sel(str(no), tengah=True), Sel(u.nama, tebal=True), Sel(tugas), Sel(fungsi)))
    return Tabel(
        "Tabel 1.1 Tugas dan fungsi jabatan di bawah Camat",
        ("No", "Jabatan", "Tugas", "Fungsi"),
        tuple(baris),
        (0.06, 0.2, 0.44, 0.30),
        catatan="Uraian tugas seluruh jabatan tercantum dalam Keputusan Camat tentang Indikator "
        f"Kinerja Individu tahun {laporan.tahun}.",
    )


def tabel_pegawai(laporan: LaporanKinerja) -> Tabel:
    a = laporan.angka
    baris = [
        (
            Sel(str(i), tengah=True),
            Sel("belum dicatat" if g == "-" else g),
            Sel(str(n), tengah=True),
        )
        for i, (g, n) in enumerate(a.golongan, start=1)
    ]
    jumlah = sum(n for _, n in a.golongan)
    baris.append((Sel(""), Sel("Jumlah pegawai", tebal=True), Sel(str(jumlah), True, True)))
    baris.append(
        (Sel(""), Sel("Jabatan tanpa pemangku"), Sel(str(len(a.jabatan_kosong)), tengah=True))
    )
    return Tabel(
        f"Tabel 1.2 Pemangku jabatan tahun {a.tahun} menurut golongan",
        ("No", "Golongan", "Jumlah"),
        tuple(baris),
        (0.1, 0.6, 0.3),
    )


def tabel_iku(laporan: LaporanKinerja) -> Tabel:
    def sel(i: IndikatorLkjip) -> tuple[Sel, ...]:
        akhir = f"{i.renstra_target} ({i.renstra_tahun})" if i.renstra_target else "-"
        return Sel(i.nama), Sel(i.satuan, tengah=True), Sel(akhir, tengah=True)

    baris, gabung = _baris_sasaran(laporan.angka.sasaran, sel)
    return Tabel(
        "Tabel 2.1 Indikator Kinerja Utama",
        ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target akhir Renstra (tahun)"),
        tuple(baris),
        (0.05, 0.3, 0.37, 0.12, 0.16),
        tuple(gabung),
    )


def tabel_pk(laporan: LaporanKinerja) -> Tabel:
    def sel(i: IndikatorLkjip) -> tuple[Sel, ...]:
        return Sel(i.nama), Sel(i.ini.target, tengah=True), Sel(i.satuan, tengah=True)

    baris, gabung = _baris_sasaran(laporan.angka.sasaran, sel)
    return Tabel(
        f"Tabel 2.2 Perjanjian Kinerja tahun {laporan.tahun}",
        ("No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Satuan"),
        tuple(baris),
        (0.05, 0.3, 0.41, 0.12, 0.12),
        tuple(gabung),
        nomor_kolom=True,
    )


def tabel_pita(laporan: LaporanKinerja) -> Tabel:
    baris = tuple(
        (Sel(rentang, tengah=True), _sel_kategori(nama, warna))
        for rentang, nama, warna in rentang_pita(laporan.angka.penilaian.pita)
    )
    return Tabel(
        "Tabel 3.1 Interval nilai capaian dan kategorinya",
        ("Capaian", "Kategori"),
        baris,
        (0.4, 0.6),
    )


def tabel_capaian(laporan: LaporanKinerja) -> Tabel:
    def sel(i: IndikatorLkjip) -> tuple[Sel, ...]:
        return (
            Sel(i.nama),
            Sel(i.satuan, tengah=True),
            Sel(i.ini.target, tengah=True),
            Sel(i.ini.realisasi, tengah=True),
            Sel(_capaian(i.ini.capaian), tengah=True, warna=i.ini.warna),
            _sel_kategori(i.ini.kategori, i.ini.warna),
        )

    baris, gabung = _baris_sasaran(laporan.angka.sasaran, sel)
    a = laporan.angka
    ringkas = (
        f"Rata-rata capaian: {_capaian(a.capaian)}% ({a.kategori}), dari {a.ada} indikator "
        f"yang memiliki data (seluruhnya {a.total})"
        if a.capaian is not None
        else f"Belum ada indikator yang memiliki data capaian ({a.total} indikator)"
    )
    return Tabel(
        f"Tabel 3.2 Capaian kinerja organisasi tahun {a.tahun}",
        (
            "No",
            "Sasaran",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Kategori",
        ),  # fmt: skip
        tuple(baris),
        (0.045, 0.18, 0.245, 0.1, 0.085, 0.11, 0.1, 0.135),
        tuple(gabung),
        catatan=f"{ringkas}. n/a: belum ada data (target atau realisasi belum diisi).",
    )


def banding_tahun_lalu(laporan: LaporanKinerja) -> Tabel | Paragraf:
    a = laporan.angka
    if not a.ada_tahun_lalu:
        return Paragraf(
            f"Tahun {a.tahun_lalu} tidak ada dalam basis data, sehingga capaian belum dapat "
            "dibandingkan dengan tahun sebelumnya."
        )
    baris = []
    for no, i in enumerate(a.indikator, start=1):
        lalu_real = NA if i.lalu is None else i.lalu.realisasi
        lalu_cap = None if i.lalu is None else i.lalu.capaian
        beda = i.selisih
        baris.append(
            (
                Sel(str(no), tengah=True),
                Sel(i.nama),
                Sel(lalu_real, tengah=True),
                Sel(_capaian(lalu_cap), tengah=True),
                Sel(i.ini.realisasi, tengah=True),
                Sel(_capaian(i.ini.capaian), tengah=True),
                Sel(
                    NA if beda is None else f"{'+' if beda > 0 else ''}{format_angka(beda, 1)}",
                    tengah=True,
                ),  # fmt: skip
            )
        )
    rata = ""
    if a.capaian is not None and a.capaian_lalu is not None:
        rata = (
            f"Rata-rata capaian {format_capaian(a.capaian_lalu)}% pada tahun {a.tahun_lalu} "
            f"dan {format_capaian(a.capaian)}% pada tahun {a.tahun}. "
        )
    return Tabel(
        f"Tabel 3.3 Perbandingan capaian tahun {a.tahun} dengan tahun {a.tahun_lalu}",
        (
            "No",
            "Indikator Kinerja",
            f"Realisasi {a.tahun_lalu}",
            f"Capaian {a.tahun_lalu} (%)",
            f"Realisasi {a.tahun}",
            f"Capaian {a.tahun} (%)",
            "Perubahan (poin)",
        ),  # fmt: skip
        tuple(baris),
        (0.05, 0.35, 0.11, 0.11, 0.11, 0.11, 0.16),
        catatan=f"{rata}n/a: tidak ada data pada tahun itu.",
    )


def banding_renstra(laporan: LaporanKinerja) -> Tabel | Paragraf:
    a = laporan.angka
    ada = [i for i in a.indikator if i.renstra_target]
    if not ada:
        return Paragraf(
            "Belum ada target akhir Renstra (lima tahunan) yang dicatat, sehingga capaian "
            "belum dapat dibandingkan dengan target jangka menengah. Target itu diisi di menu "
            "Laporan › Laporan Kinerja…, tab Target Renstra."
        )
    baris = tuple(
        (
            Sel(str(no), tengah=True),
            Sel(i.nama),
            Sel(f"{i.renstra_target} ({i.renstra_tahun})", tengah=True),
            Sel(i.ini.realisasi, tengah=True),
            Sel(_capaian(i.renstra_capaian), tengah=True),
        )
        for no, i in enumerate(ada, start=1)
    )
    return Tabel(
        f"Tabel 3.4 Realisasi tahun {a.tahun} terhadap target akhir Renstra",
        (
            "No",
            "Indikator Kinerja",
            "Target akhir Renstra (tahun)",
            f"Realisasi {a.tahun}",
            "Capaian terhadap Renstra (%)",
        ),  # fmt: skip
        baris,
        (0.06, 0.46, 0.18, 0.14, 0.16),
    )


def _rupiah(x: int | None) -> str:
    return NA if x is None else format_rupiah(x)


def blok_anggaran(laporan: LaporanKinerja) -> list[Blok]:
    """3.2: a sentence, programs with their kegiatan, and the budget realised per triwulan."""
    a = laporan.angka
    ang = a.anggaran
    if not ang.baris:
        return [
            Paragraf(
                f"Program, kegiatan dan anggaran tahun {a.tahun} belum dicatat. Isi di tab "
                "Program & Aksi setiap jabatan, lalu buat laporan ini lagi."
            )
        ]
    baris = []
    no = 0
    jumlah = ang.jumlah
    for b in (*ang.baris, jumlah):
        akhir = b is jumlah
        if b.program and not akhir:
            no += 1
        persen = NA if b.persen is None else format_capaian(b.persen)
        baris.append(
            (
                Sel("" if akhir or not b.program else str(no), tengah=True),
                Sel(b.nama if b.program else f"- {b.nama}", tebal=b.program),
                Sel(_rupiah(b.anggaran), tebal=akhir),
                Sel(_rupiah(b.realisasi), tebal=akhir),
                Sel(persen, tengah=True, tebal=akhir),
            )
        )
    tw = ang.per_triwulan
    kumulatif: list[int | None] = []
    for t in tw:
        sebelum = kumulatif[-1] if kumulatif else None
        kumulatif.append(None if t is None and sebelum is None else (sebelum or 0) + (t or 0))
    # with programs, a total not known always has its reason (ang.kurang)
    kalimat = kalimat_anggaran(a) or (
        f"{ang.kurang[:1].upper()}{ang.kurang[1:]}, sehingga jumlah anggaran dan persentase "
        "realisasi belum dapat dihitung."
    )
    return [
        Paragraf(kalimat),
        Tabel(
            f"Tabel 3.5 Anggaran dan realisasi per program dan kegiatan tahun {a.tahun}",
            ("No", "Program / Kegiatan", "Anggaran", "Realisasi", "Realisasi (%)"),
            tuple(baris),
            (0.06, 0.46, 0.18, 0.18, 0.12),
            catatan="n/a: belum diisi atau belum dilaporkan.",
        ),
        Tabel(
            f"Tabel 3.6 Realisasi anggaran per triwulan tahun {a.tahun}",
            ("", "TW I", "TW II", "TW III", "TW IV"),
            (
                (Sel("Realisasi triwulan", tebal=True), *(Sel(_rupiah(t)) for t in tw)),
                (Sel("Kumulatif", tebal=True), *(Sel(_rupiah(t)) for t in kumulatif)),
            ),
            (0.2, 0.2, 0.2, 0.2, 0.2),
        ),
    ]
