"""The SKP (Sasaran Kinerja Pegawai) of PermenPANRB 6/2022: the words, the predikat matrix,
the proposed hasil-kerja rating and the distribution check (kurva distribusi).

Ratings and predikat are stored as the words the regulation uses, so that a database read with
another tool says what it means. The matrix and the distribution rules are data the operator can
edit (``skp_matriks_predikat``, ``skp_kurva_distribusi``); this module holds their defaults and
the arithmetic, nothing that reads the database.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.domain.batas import PEGAWAI_MAKS, masalah_batas
from kinerja_desktop.errors import DataTidakValid


class Bagian(StrEnum):
    """The two sections of the rencana hasil kerja."""

    UTAMA = "utama"
    TAMBAHAN = "tambahan"

    @property
    def label(self) -> str:
        """ "A. Utama" / "B. Tambahan" as the SKP form heads them."""
        return "A. Utama" if self is Bagian.UTAMA else "B. Tambahan"


class Aspek(StrEnum):
    """What an indicator of a rencana hasil kerja measures."""

    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"

    @property
    def label(self) -> str:
        """ "Kuantitas", "Kualitas", …"""
        return self.value.capitalize()


class Rating(StrEnum):
    """A rating of hasil kerja or of perilaku against the atasan's expectation."""

    DIATAS = "diatas"
    SESUAI = "sesuai"
    DIBAWAH = "dibawah"

    @property
    def label(self) -> str:
        """ "Diatas Ekspektasi", "Sesuai Ekspektasi", "Dibawah Ekspektasi"."""
        return f"{self.value.capitalize()} Ekspektasi"


SANGAT_BAIK = "Sangat Baik"
BAIK = "Baik"
BUTUH_PERBAIKAN = "Butuh Perbaikan"
KURANG = "Kurang/Misconduct"
SANGAT_KURANG = "Sangat Kurang"
PREDIKAT: tuple[str, ...] = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
"""The predikat kinerja pegawai, best first."""

PREDIKAT_ORGANISASI: tuple[str, ...] = (
    "Istimewa",
    "Baik",
    "Butuh Perbaikan",
    "Kurang",
    "Sangat Kurang",
)
"""The predikat kinerja organisasi a kecamatan receives for a year, best first."""

MATRIKS_BAWAAN: dict[tuple[Rating, Rating], str] = {
    (Rating.DIATAS, Rating.DIBAWAH): KURANG,
    (Rating.DIATAS, Rating.SESUAI): BAIK,
    (Rating.DIATAS, Rating.DIATAS): SANGAT_BAIK,
    (Rating.SESUAI, Rating.DIBAWAH): KURANG,
    (Rating.SESUAI, Rating.SESUAI): BAIK,
    (Rating.SESUAI, Rating.DIATAS): BAIK,
    (Rating.DIBAWAH, Rating.DIBAWAH): SANGAT_KURANG,
    (Rating.DIBAWAH, Rating.SESUAI): BUTUH_PERBAIKAN,
    (Rating.DIBAWAH, Rating.DIATAS): BUTUH_PERBAIKAN,
}
"""(rating hasil kerja, rating perilaku) → predikat: the matrix of PermenPANRB 6/2022."""


@dataclass(frozen=True)
class Perilaku:
    """One core value of BerAKHLAK, with the guidance (panduan perilaku) shown beside it."""

    kode: str
    nama: str
    panduan: str


PERILAKU: tuple[Perilaku, ...] = (
    Perilaku(
        "pelayanan",
        "Berorientasi Pelayanan",
        "Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif dan dapat "
        "diandalkan; melakukan perbaikan tiada henti.",
    ),
    Perilaku(
        "akuntabel",
        "Akuntabel",
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas "
        "tinggi; menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif "
        "dan efisien; tidak menyalahgunakan kewenangan jabatan.",
    ),
    Perilaku(
        "kompeten",
        "Kompeten",
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; membantu "
        "orang lain belajar; melaksanakan tugas dengan kualitas terbaik.",
    ),
    Perilaku(
        "harmonis",
        "Harmonis",
        "Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; "
        "membangun lingkungan kerja yang kondusif.",
    ),
    Perilaku(
        "loyal",
        "Loyal",
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan "
        "yang sah; menjaga nama baik sesama ASN, pimpinan, instansi dan negara; menjaga rahasia "
        "jabatan dan negara.",
    ),
    Perilaku(
        "adaptif",
        "Adaptif",
        "Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan "
        "kreativitas; bertindak proaktif.",
    ),
    Perilaku(
        "kolaboratif",
        "Kolaboratif",
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka bekerja sama "
        "untuk menghasilkan nilai tambah; menggerakkan pemanfaatan berbagai sumber daya untuk "
        "tujuan bersama.",
    ),
)
"""The seven BerAKHLAK core values in the order of the SKP form."""

PERILAKU_KODE = {p.kode: p for p in PERILAKU}


def parse_rating(teks: str) -> Rating:
    """``diatas``, ``Sesuai Ekspektasi``, ``dibawah`` … as a :class:`Rating`; refused otherwise."""
    kata = teks.strip().lower().replace("ekspektasi", "").replace(" ", "")
    for rating in Rating:
        if kata == rating.value:
            return rating
    raise DataTidakValid(
        f"Rating {teks!r} tidak dikenal; tulis diatas, sesuai atau dibawah (ekspektasi)."
    )


def parse_predikat(teks: str, pilihan: Sequence[str] = PREDIKAT) -> str:
    """One of ``pilihan`` written in any case ("kurang" finds "Kurang/Misconduct")."""
    kata = " ".join(teks.split()).lower()
    for p in pilihan:
        if kata in (p.lower(), p.split("/")[0].lower()):
            return p
    raise DataTidakValid(
        f"Predikat {teks!r} tidak dikenal; pilih salah satu: {', '.join(pilihan)}."
    )


# -- the proposed rating of hasil kerja ----------------------------------------------------

BATAS_DIATAS = 110.0
"""Mean capaian from which hasil kerja is proposed "Diatas Ekspektasi" (percent)."""


def aturan_usulan(batas_sesuai: float) -> str:
    """The rule behind the proposed hasil-kerja rating, in the operator's words."""
    return (
        "Usulan rating hasil kerja: rata-rata capaian rencana hasil kerja yang terhubung ke "
        "indikator IKI (dihitung seperti Laporan Capaian, dengan batas atas yang berlaku) "
        f"≥ {_persen(BATAS_DIATAS)} = Diatas Ekspektasi; ≥ {_persen(batas_sesuai)} (batas "
        "bawah kategori capaian tertinggi) = Sesuai Ekspektasi; di bawahnya = Dibawah "
        "Ekspektasi. Tanpa capaian satu pun tidak ada usulan. Atasan menetapkan rating; "
        "usulan dan keputusan keduanya disimpan."
    )


def _persen(x: float) -> str:
    return f"{x:.1f}".replace(".", ",").removesuffix(",0") + "%"


@dataclass(frozen=True)
class Usulan:
    """The proposed hasil-kerja rating (None: no capaian to propose from) and why."""

    rating: Rating | None
    alasan: str


def suggest_rating_hasil(capaian: Iterable[float | None], batas_sesuai: float) -> Usulan:
    """Propose a hasil-kerja rating from the capaian of the linked rencana hasil kerja.

    ``batas_sesuai`` is the lower bound of the highest rating band (91% by default).
    """
    semua = list(capaian)
    ada = [x for x in semua if x is not None]
    if not ada:
        return Usulan(None, f"Belum ada capaian (0 dari {len(semua)} indikator): tidak ada usulan.")
    rata = sum(ada) / len(ada)
    if rata >= BATAS_DIATAS:
        rating = Rating.DIATAS
    elif rata >= batas_sesuai:
        rating = Rating.SESUAI
    else:
        rating = Rating.DIBAWAH
    return Usulan(
        rating,
        f"Rata-rata capaian {_persen(rata)} dari {len(ada)} dari {len(semua)} indikator "
        f"→ {rating.label}.",
    )


# -- kurva distribusi ----------------------------------------------------------------------

SUMBER_KURVA = (
    "PermenPANRB 6/2022, Lampiran: pola distribusi predikat kinerja pegawai menurut predikat "
    "kinerja organisasi"
)


@dataclass(frozen=True)
class AturanKurva:
    """One rule of the distribution: for an organisation of ``organisasi``, the share of staff
    whose predikat is one of ``predikat`` lies between ``paling_sedikit`` and ``paling_banyak``
    percent (None: no bound) and counts at least ``minimal_orang`` pegawai."""

    organisasi: str
    predikat: tuple[str, ...]
    paling_sedikit: float | None = None
    paling_banyak: float | None = None
    minimal_orang: int = 0

    @property
    def teks(self) -> str:
        """The rule as a sentence: "Baik paling banyak 70%"."""
        siapa = " dan/atau ".join(self.predikat)
        bagian = []
        if self.paling_sedikit is not None:
            bagian.append(f"paling sedikit {_persen(self.paling_sedikit)}")
        if self.paling_banyak is not None:
            bagian.append(
                "tidak ada"
                if self.paling_banyak == 0
                else f"paling banyak {_persen(self.paling_banyak)}"
            )
        if self.minimal_orang:
            bagian.append(
                "harus ada"
                if self.minimal_orang == 1
                else f"paling sedikit {self.minimal_orang} orang"
            )
        return f"{siapa}: {', '.join(bagian)}"


def check_aturan_kurva(a: AturanKurva) -> AturanKurva:
    """``a`` with its predikat words as the lists spell them ("kurang" becomes
    "Kurang/Misconduct"); refused when a word is unknown, a bound lies outside 0–100%, the
    lower bound exceeds the upper, or the rule bounds nothing."""
    organisasi = parse_predikat(a.organisasi, PREDIKAT_ORGANISASI)
    predikat = tuple(parse_predikat(p) for p in a.predikat)
    if not predikat:
        raise DataTidakValid("Aturan kurva tanpa predikat pegawai.")
    for batas in (a.paling_sedikit, a.paling_banyak):
        if batas is not None and not 0 <= batas <= 100:
            raise DataTidakValid(f"Batas {batas:g}% di luar 0–100%.")
    if (
        a.paling_sedikit is not None
        and a.paling_banyak is not None
        and a.paling_sedikit > a.paling_banyak
    ):
        raise DataTidakValid("Batas paling sedikit lebih besar dari batas paling banyak.")
    if a.minimal_orang < 0:
        raise DataTidakValid("Jumlah orang paling sedikit tidak boleh negatif.")
    if masalah := masalah_batas(a.minimal_orang, PEGAWAI_MAKS, "Jumlah orang paling sedikit"):
        raise DataTidakValid(masalah)
    if a.paling_sedikit is None and a.paling_banyak is None and not a.minimal_orang:
        raise DataTidakValid(f"Aturan untuk {', '.join(predikat)} tidak berisi batas apa pun.")
    return AturanKurva(organisasi, predikat, a.paling_sedikit, a.paling_banyak, a.minimal_orang)


KURVA_BAWAAN: tuple[AturanKurva, ...] = (
    AturanKurva("Istimewa", (SANGAT_BAIK,), paling_banyak=70),
    AturanKurva("Baik", (BAIK,), paling_banyak=70),
    AturanKurva("Baik", (BUTUH_PERBAIKAN, KURANG), minimal_orang=1),
    AturanKurva("Butuh Perbaikan", (BUTUH_PERBAIKAN,), paling_sedikit=60),
    AturanKurva("Butuh Perbaikan", (SANGAT_BAIK,), paling_banyak=10),
    AturanKurva("Kurang", (KURANG,), paling_sedikit=60),
    AturanKurva("Kurang", (BUTUH_PERBAIKAN,), paling_sedikit=10),
    AturanKurva("Kurang", (SANGAT_BAIK,), paling_banyak=10),
    AturanKurva("Sangat Kurang", (SANGAT_KURANG,), paling_sedikit=60),
    AturanKurva("Sangat Kurang", (KURANG, BUTUH_PERBAIKAN), paling_sedikit=10),
    AturanKurva("Sangat Kurang", (SANGAT_BAIK,), paling_banyak=0),
)
"""The pola distribusi of PermenPANRB 6/2022 (``SUMBER_KURVA``)."""


@dataclass(frozen=True)
class HasilKurva:
    """The distribution check of a year: how many staff have each predikat, and what breaks
    the rules of the organisation's predikat (empty: within the curve)."""

    organisasi: str | None
    jumlah: dict[str, int]
    belum_dinilai: int
    aturan: tuple[AturanKurva, ...]
    pelanggaran: tuple[str, ...]

    @property
    def total(self) -> int:
        """Staff with a predikat."""
        return sum(self.jumlah.values())

    @property
    def is_within_curve(self) -> bool:
        """Whether the spread is within the curve (an organisation predikat is needed)."""
        return self.organisasi is not None and not self.pelanggaran

    def ringkasan(self) -> list[str]:
        """The check in lines for a dialog, the command line or a report."""
        if self.organisasi is None:
            return [
                "Predikat kinerja organisasi (kecamatan) tahun ini belum diisi: sebaran predikat "
                "pegawai tidak dapat diperiksa. Isi dulu predikat organisasi."
            ]
        n = self.total
        bagian = [(p, self.jumlah.get(p, 0)) for p in PREDIKAT]
        sebaran = ", ".join(f"{p} {k} ({_persen(k * 100 / n) if n else '0%'})" for p, k in bagian)
        baris = [
            f"Predikat organisasi: {self.organisasi}. Predikat pegawai ({n} orang): {sebaran}."
        ]
        if self.belum_dinilai:
            baris.append(f"{self.belum_dinilai} pegawai belum mendapat predikat tahunan.")
        if self.pelanggaran:
            baris += [f"PERINGATAN: {p}" for p in self.pelanggaran]
        else:
            baris.append("Sebaran predikat sesuai kurva distribusi.")
        return baris


def check_kurva_distribusi(
    organisasi: str | None,
    predikat_pegawai: Iterable[str | None],
    aturan: Sequence[AturanKurva],
) -> HasilKurva:
    """Check the staff predikat of a year (None: not rated yet) against the rules for
    ``organisasi`` (None: not entered, nothing to check)."""
    semua = list(predikat_pegawai)
    jumlah = Counter(p for p in semua if p is not None)
    belum = sum(1 for p in semua if p is None)
    berlaku = tuple(a for a in aturan if a.organisasi == organisasi)
    n = sum(jumlah.values())
    pelanggaran: list[str] = []
    if organisasi is not None and n:
        for a in berlaku:
            ada = sum(jumlah.get(p, 0) for p in a.predikat)
            persen = ada * 100 / n
            siapa = " dan/atau ".join(a.predikat)
            if a.paling_banyak is not None and ada * 100 > a.paling_banyak * n + 1e-9:
                boleh = math.floor(a.paling_banyak * n / 100 + 1e-9)
                pelanggaran.append(
                    f"{siapa} {ada} dari {n} pegawai ({_persen(persen)}); organisasi "
                    f"{organisasi} membolehkan paling banyak {_persen(a.paling_banyak)} "
                    f"({boleh} orang)."
                )
            if a.paling_sedikit is not None and ada * 100 < a.paling_sedikit * n - 1e-9:
                perlu = math.ceil(a.paling_sedikit * n / 100 - 1e-9)
                pelanggaran.append(
                    f"{siapa} {ada} dari {n} pegawai ({_persen(persen)}); organisasi "
                    f"{organisasi} mensyaratkan paling sedikit {_persen(a.paling_sedikit)} "
                    f"({perlu} orang)."
                )
            if ada < a.minimal_orang:
                pelanggaran.append(
                    f"{siapa} {ada} pegawai; organisasi {organisasi} mensyaratkan paling "
                    f"sedikit {a.minimal_orang} orang."
                )
    return HasilKurva(organisasi, dict(jumlah), belum, berlaku, tuple(pelanggaran))
