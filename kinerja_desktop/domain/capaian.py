"""Capaian: realisasi against target, the roll-ups behind it, and its rating category.

The rules follow /work/shared/reference/capaian-rules.md (PermenPANRB 8/2021). Where no
regulation says what to do, the rule chosen here is written down in ``ATURAN`` so that the
application can show it to the operator:

* "No data" is the absence of a value, never 0: a roll-up over periods or desa uses only the
  values that exist, and says how many it used; with none, realisasi and capaian are None.
* Ratios (persentase, kehadiran) are Σ pembilang / Σ penyebut over desa and periods, never an
  average of percentages.

Long because the capaian rules with their roll-ups and rating bands are one set of rules that
refer to each other; the text forms of values are in value_text.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kinerja_desktop.domain.batas import (
    HARI_KERJA_MAKS,
    NILAI_MAKS,
    PEGAWAI_MAKS,
    TARGET_PERSEN_MAKS,
    masalah_batas,
)
from kinerja_desktop.domain.indikator import Agregasi, Jenis, Polaritas
from kinerja_desktop.domain.periode import Periode
from kinerja_desktop.errors import DataTidakValid

ATURAN = (
    "Capaian makin tinggi makin baik = realisasi ÷ target × 100%.",
    "Capaian makin rendah makin baik = (1 + (1 − realisasi ÷ target)) × 100%.",
    "Target rentang a–b: di dalam rentang 100%; di atas rentang dihitung terhadap b, di bawah "
    "rentang terhadap a. Untuk indikator rentang, melampaui b dihitung seperti makin rendah "
    "makin baik dan kurang dari a seperti makin tinggi makin baik.",
    "Target 0, makin tinggi makin baik: capaian 100% (realisasi berapa pun memenuhi target).",
    "Target 0, makin rendah makin baik: realisasi 0 berarti capaian 100%; realisasi di atas 0 "
    "berarti capaian 0%.",
    "Capaian tidak pernah di bawah 0%: hasil rumus yang negatif ditulis 0%.",
    "Belum ada data bukan 0: tanpa realisasi atau tanpa target, capaian tidak dihitung.",
    "Realisasi satu periode dijumlahkan, dirata-rata atau diambil nilai terakhirnya dari data "
    "yang ada (jumlah data yang dipakai selalu ditampilkan).",
    "Persentase dan kehadiran dihitung Σ pembilang ÷ Σ penyebut atas desa dan periode, bukan "
    "rata-rata persentase.",
    "Kehadiran: pembilang = pegawai × hari kerja efektif − hari tidak masuk (jumlah seluruh "
    "pegawai), penyebut = pegawai × hari kerja efektif.",
    "Target otomatis: target triwulan/bulan yang tidak diisi dihitung dari target yang "
    "diisi, ditandai «otomatis» (miring di layar). Indikator jumlah: dibagi rata (target tahun "
    "÷ 4 per triwulan, ÷ 12 per bulan); persentase: target tahunan berlaku sama.",
)
"""The documented rules, in the words the operator reads (Help and report footnotes)."""


@dataclass(frozen=True)
class Target:
    """A target: one value, or a range ``nilai``–``atas`` when ``atas`` is set."""

    nilai: float
    atas: float | None = None

    @property
    def rentang(self) -> bool:
        """Whether this target is a range a–b."""
        return self.atas is not None

    def skala(self, faktor: float) -> "Target":
        """The target for a part of the period (a count's annual target ÷ 4 for a triwulan)."""
        return Target(self.nilai * faktor, None if self.atas is None else self.atas * faktor)

    @property
    def teks(self) -> str:
        """As written in CSV files and cells: ``12`` or ``80-100``."""
        if self.atas is None:
            return angka(self.nilai)
        return f"{angka(self.nilai)}-{angka(self.atas)}"


def angka(x: float) -> str:
    """A number without a needless ``.0`` (machine form, decimal point); "—" for infinity or
    NaN, which no door lets in but an older database may hold."""
    if not math.isfinite(x):
        return "—"
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6g}"


def parse_target(teks: str) -> Target:
    """Read ``12``, ``12,5`` or a range ``80-100``; raise DataTidakValid otherwise."""
    bersih = teks.strip().replace("–", "-").replace(" ", "")
    bagian = bersih.split("-") if "-" in bersih[1:] else [bersih]
    if len(bagian) == 2 and bagian[0]:
        a, b = parse_angka(bagian[0], "target"), parse_angka(bagian[1], "target")
        if a < 0 or b < 0:
            raise DataTidakValid("Target tidak boleh negatif.")
        if a > b:
            raise DataTidakValid(f"Target rentang {teks}: batas bawah lebih besar dari batas atas.")
        return Target(a, b)
    if len(bagian) != 1:
        raise DataTidakValid(
            f"Target {teks!r} tidak dapat dibaca; tulis angka atau rentang 80-100."
        )
    nilai = parse_angka(bagian[0], "target")
    if nilai < 0:
        raise DataTidakValid("Target tidak boleh negatif.")
    return Target(nilai)


def parse_angka(teks: str, apa: str = "nilai") -> float:
    """Read one number typed by a person (decimal comma or point); DataTidakValid otherwise."""
    bersih = teks.strip()
    if not bersih.isascii() or "_" in bersih:
        # float() also reads "1_000" and digits of other scripts ("١٢"): not what was typed
        raise DataTidakValid(f"Isian {apa} {teks!r} bukan angka.")
    if bersih.count(",") == 1 and "." not in bersih:
        bersih = bersih.replace(",", ".")  # Indonesian decimal comma
    try:
        nilai = float(bersih)
    except ValueError:
        raise DataTidakValid(f"Isian {apa} {teks!r} bukan angka.") from None
    if nilai != nilai or nilai in (float("inf"), float("-inf")):
        raise DataTidakValid(f"Isian {apa} {teks!r} bukan angka.")
    return nilai


@dataclass(frozen=True)
class Komponen:
    """A realisasi as stored: a count in ``nilai``; a percentage as ``pembilang``/``penyebut``;
    attendance as ``pegawai``, ``hari_kerja`` (effective working days of the period) and
    ``hari_tidak_masuk`` (days absent, added over all pegawai)."""

    nilai: float | None = None
    pembilang: float | None = None
    penyebut: float | None = None
    pegawai: float | None = None
    hari_kerja: float | None = None
    hari_tidak_masuk: float | None = None

    def rasio(self, jenis: Jenis) -> tuple[float, float]:
        """Numerator and denominator of a ratio kind (persentase, kehadiran)."""
        if jenis is Jenis.KEHADIRAN:
            wajib = (self.pegawai or 0) * (self.hari_kerja or 0)
            return wajib - (self.hari_tidak_masuk or 0), wajib
        return self.pembilang or 0, self.penyebut or 0

    def nilai_tampil(self, jenis: Jenis) -> float | None:
        """The value a cell shows: the count, or the percentage of a ratio kind."""
        if jenis is Jenis.JUMLAH:
            return self.nilai
        atas, bawah = self.rasio(jenis)
        return atas / bawah * 100 if bawah else None


def _round2(x: float | None, apa: str, maks: float = NILAI_MAKS) -> None:
    if x is None:
        raise DataTidakValid(f"{apa} wajib diisi.")
    if x < 0:
        raise DataTidakValid(f"{apa} tidak boleh negatif.")
    masalah = masalah_batas(x, maks, apa)
    if masalah is not None:
        raise DataTidakValid(masalah)
    if not float(x).is_integer():
        raise DataTidakValid(f"{apa} harus bilangan bulat (tanpa pecahan).")


def check_komponen(jenis: Jenis, k: Komponen) -> None:
    """Refuse a realisasi that breaks the rules of its kind, with the reason in Indonesian."""
    if jenis is Jenis.JUMLAH:
        if k.pembilang is not None or k.penyebut is not None:
            raise DataTidakValid("Indikator jumlah diisi satu nilai, bukan pembilang dan penyebut.")
        _round2(k.nilai, "Nilai jumlah")
        return
    if jenis is Jenis.PERSENTASE:
        if k.nilai is not None and (k.pembilang is None or k.penyebut is None):
            raise DataTidakValid(
                "Indikator persentase diisi pembilang dan penyebut, bukan persentasenya."
            )
        _round2(k.pembilang, "Pembilang")
        _round2(k.penyebut, "Penyebut")
        assert k.pembilang is not None and k.penyebut is not None
        if k.penyebut == 0:
            raise DataTidakValid("Penyebut tidak boleh 0.")
        if k.pembilang > k.penyebut:
            raise DataTidakValid(
                f"Pembilang ({angka(k.pembilang)}) lebih besar dari penyebut ({angka(k.penyebut)})."
            )
        return
    _round2(k.pegawai, "Jumlah pegawai", PEGAWAI_MAKS)
    _round2(k.hari_kerja, "Hari kerja efektif", HARI_KERJA_MAKS)
    _round2(k.hari_tidak_masuk, "Hari tidak masuk", PEGAWAI_MAKS * HARI_KERJA_MAKS)
    assert k.pegawai is not None and k.hari_kerja is not None and k.hari_tidak_masuk is not None
    if k.pegawai == 0 or k.hari_kerja == 0:
        raise DataTidakValid("Jumlah pegawai dan hari kerja efektif harus lebih dari 0.")
    if k.hari_tidak_masuk > k.pegawai * k.hari_kerja:
        raise DataTidakValid(
            "Hari tidak masuk lebih banyak dari pegawai × hari kerja efektif "
            f"({angka(k.pegawai * k.hari_kerja)})."
        )


def check_target(jenis: Jenis, t: Target) -> None:
    """Refuse a target that is no number (NaN, infinite), negative, or past the plausible
    bound of its kind (a count, or a percent), with the reason in Indonesian. Every door
    (grid, CSV, workbook, Renstra) checks here, whatever parsed the value first."""
    maks = NILAI_MAKS if jenis is Jenis.JUMLAH else TARGET_PERSEN_MAKS
    for x in (t.nilai, t.atas):
        if x is None:
            continue
        if not math.isfinite(x):  # NaN or infinite: what no cell or text can mean
            raise DataTidakValid("Target bukan angka; isi angka 0 atau lebih.")
        if x < 0:
            raise DataTidakValid(f"Target tidak boleh negatif ({angka(x)}); isi 0 atau lebih.")
        masalah = masalah_batas(x, maks, "Target")
        if masalah is not None:
            raise DataTidakValid(masalah)


def hari_kerja_periode(hari_kerja_setahun: int, periode: Periode) -> int:
    """Default effective working days of a period: the year's days shared by month (240 → 20)."""
    return round(hari_kerja_setahun * len(periode.bulan) / 12)


# -- roll-up -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gabungan:
    """A realisasi rolled up over periods (and desa): ``nilai`` is the count or the percent."""

    nilai: float | None
    pembilang: float | None = None
    penyebut: float | None = None
    jumlah_data: int = 0  # stored values used

    @property
    def has_value(self) -> bool:
        """Whether any value was reported."""
        return self.nilai is not None


KOSONG = Gabungan(None)


def choose_covering(
    nilai: Iterable[tuple[Periode, Komponen]], periode: Periode
) -> list[tuple[Periode, Komponen]]:
    """The stored values that make up ``periode``, finest first, without counting a month twice.

    A month value wins over a triwulan value covering the same month (so a triwulan entered
    as a total and later broken down is not added twice); a coarser value is used only for
    months no finer value covers.
    """
    di_dalam = [x for x in nilai if periode.contains(x[0])]
    if all(p.awal == p.akhir for p, _ in di_dalam):
        # the usual case, months only: nothing can overlap
        return sorted(di_dalam, key=lambda x: x[0].awal)
    di_dalam.sort(key=lambda x: (x[0].akhir - x[0].awal, x[0].awal))
    tertutup = 0  # bit m set: month m is covered
    pilihan = []
    for p, k in di_dalam:
        bits = ((1 << (p.akhir - p.awal + 1)) - 1) << p.awal
        if not tertutup & bits:
            pilihan.append((p, k))
            tertutup |= bits
    return sorted(pilihan, key=lambda x: x[0].awal)


def merge_periode(
    jenis: Jenis, agregasi: Agregasi, nilai: Sequence[tuple[Periode, Komponen]]
) -> Gabungan:
    """Roll values of consecutive periods (already chosen by :func:`choose_covering`) into one.

    Counts sum, average or take the last value (``agregasi``); ratio kinds always Σ/Σ.
    """
    if not nilai:
        return KOSONG
    if jenis is Jenis.JUMLAH:
        angka_ = [k.nilai for _, k in nilai if k.nilai is not None]
        if not angka_:
            return KOSONG
        if agregasi is Agregasi.RATA_RATA:
            hasil = sum(angka_) / len(angka_)
        elif agregasi is Agregasi.TERAKHIR:
            hasil = angka_[-1]
        else:
            hasil = sum(angka_)
        return Gabungan(hasil, jumlah_data=len(angka_))
    atas = bawah = 0.0
    for _, k in nilai:
        a, b = k.rasio(jenis)
        atas += a
        bawah += b
    return Gabungan(atas / bawah * 100 if bawah else None, atas, bawah, len(nilai))


def merge_desa(jenis: Jenis, per_desa: Iterable[Gabungan]) -> Gabungan:
    """The kecamatan value from each desa's roll-up: counts add up; ratios Σ/Σ."""
    ada = [g for g in per_desa if g.has_value or (g.penyebut or 0) > 0]
    if not ada:
        return KOSONG
    n = sum(g.jumlah_data for g in ada)
    if jenis is Jenis.JUMLAH:
        return Gabungan(sum(g.nilai or 0 for g in ada), jumlah_data=n)
    atas = sum(g.pembilang or 0 for g in ada)
    bawah = sum(g.penyebut or 0 for g in ada)
    return Gabungan(atas / bawah * 100 if bawah else None, atas, bawah, n)


def target_periode(
    target: dict[Periode, Target], periode: Periode, jenis: Jenis, agregasi: Agregasi
) -> tuple[Target | None, bool]:
    """The target that applies to ``periode`` and whether it was derived (not typed).

    A typed target for the period wins. A count that adds up (jumlah, dijumlahkan) takes the
    sum of typed targets that exactly fill the period, else its share of the smallest typed
    period containing it (the annual target ÷ 4 for a triwulan). Any other kind keeps the
    level of the containing period's target, or the last typed target inside the period.
    """
    if periode in target:
        return target[periode], False
    dijumlah = jenis is Jenis.JUMLAH and agregasi is Agregasi.JUMLAH
    bagian = choose_covering(
        ((p, Komponen()) for p in target if p != periode and periode.contains(p)), periode
    )
    if dijumlah and sum(len(p.bulan) for p, _ in bagian) == len(periode.bulan):
        parts = [target[p] for p, _ in bagian]
        if all(t.atas is None for t in parts):
            return Target(sum(t.nilai for t in parts)), True
        return Target(
            sum(t.nilai for t in parts),
            sum(t.atas if t.atas is not None else t.nilai for t in parts),
        ), True
    wadah = sorted((p for p in target if p.contains(periode)), key=lambda p: len(p.bulan))
    if wadah:
        luar = wadah[0]
        if dijumlah:
            return target[luar].skala(len(periode.bulan) / len(luar.bulan)), True
        return target[luar], True
    if bagian and not dijumlah:
        return target[bagian[-1][0]], True
    return None, False


# -- capaian -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilCapaian:
    """Capaian in percent (None when it cannot be computed) and, if any, why it is special.

    ``sebelum_batas`` is the computed capaian when a ceiling lowered ``persen`` to it.
    """

    persen: float | None
    catatan: str = ""
    sebelum_batas: float | None = None


def _positif(realisasi: float, target: float) -> HasilCapaian:
    if target == 0:
        return HasilCapaian(100.0, "Target 0: realisasi berapa pun memenuhi target.")
    return HasilCapaian(realisasi / target * 100)


def _negatif(realisasi: float, target: float) -> HasilCapaian:
    if target == 0:
        if realisasi == 0:
            return HasilCapaian(100.0, "Target 0 tercapai.")
        return HasilCapaian(0.0, "Target 0 terlampaui: capaian 0%.")
    persen = (1 + (1 - realisasi / target)) * 100
    if persen < 0:
        return HasilCapaian(0.0, "Hasil rumus negatif: capaian ditulis 0%.")
    return HasilCapaian(persen)


def compute_capaian(
    polaritas: Polaritas, target: Target | None, realisasi: float | None
) -> HasilCapaian:
    """Capaian of one indicator in one period (see ``ATURAN``).

    A realisasi, target or result that is infinite or NaN (values past every bound, stored by
    an older version) gives no capaian, with a note, rather than "inf%" in a report."""
    hasil = _compute_capaian(polaritas, target, realisasi)
    angka_ = [realisasi, hasil.persen, *((target.nilai, target.atas) if target else ())]
    if any(x is not None and not math.isfinite(x) for x in angka_):
        return HasilCapaian(None, _DI_LUAR_BATAS)
    return hasil


_DI_LUAR_BATAS = (
    "Capaian tidak dihitung: target atau realisasi di luar batas wajar. Periksa dan perbaiki "
    "nilai yang tersimpan."
)


def _compute_capaian(
    polaritas: Polaritas, target: Target | None, realisasi: float | None
) -> HasilCapaian:
    if realisasi is None:
        return HasilCapaian(None, "Belum ada data realisasi.")
    if target is None:
        return HasilCapaian(None, "Belum ada target.")
    bawah = target.nilai
    atas = target.atas if target.atas is not None else target.nilai
    if polaritas is Polaritas.RENTANG or target.rentang:
        if bawah <= realisasi <= atas:
            return HasilCapaian(100.0)
        if realisasi > atas:
            if polaritas is Polaritas.POSITIF:
                return _positif(realisasi, atas)
            return _negatif(realisasi, atas)
        if polaritas is Polaritas.NEGATIF:
            return _negatif(realisasi, bawah)
        return _positif(realisasi, bawah)
    if polaritas is Polaritas.NEGATIF:
        return _negatif(realisasi, bawah)
    return _positif(realisasi, bawah)


# -- rating bands --------------------------------------------------------------------------


@dataclass(frozen=True)
class Pita:
    """A rating band: capaian from ``batas_bawah`` up to the next band's lower bound."""

    batas_bawah: float
    nama: str
    warna: str  # background colour for screens and reports, "#rrggbb"


PITA_BAWAAN: tuple[Pita, ...] = (
    Pita(91, "Sangat Tinggi", "#a8d5a2"),
    Pita(76, "Tinggi", "#d4ecc4"),
    Pita(66, "Sedang", "#fff2b3"),
    Pita(51, "Rendah", "#fcd5b0"),
    Pita(0, "Sangat Rendah", "#f4b6b0"),
)
"""Permendagri 86/2017 practice (capaian-rules.md): ≥91, 76-90, 66-75, 51-65, ≤50 percent.
A value between two written bounds (90,5%) belongs to the lower band."""


def kategori(persen: float | None, pita: Sequence[Pita] = PITA_BAWAAN) -> Pita | None:
    """The band of ``persen``; None without capaian; below every bound, the lowest band."""
    if persen is None or not pita:
        return None
    urut = sorted(pita, key=lambda p: p.batas_bawah, reverse=True)
    for p in urut:
        if persen >= p.batas_bawah:
            return p
    return urut[-1]


CAPAIAN_WAJAR = 200.0
"""Above this a capaian is flagged in reports as worth checking (1600% is usually a typo in
the target or the realisasi); it is still computed and shown."""


def _persen_teks(x: float) -> str:
    # "120%", "150,5%": the domain's own short form (domain.value_text formats from this module)
    return f"{x:.1f}".replace(".", ",").removesuffix(",0") + "%"


def aturan_batas_atas(batas_atas: float | None) -> str:
    """The ceiling rule in the operator's words, for the rules section of every report."""
    if batas_atas is None:
        return "Capaian tidak dibatasi ke atas: capaian di atas 100% ditulis apa adanya."
    return (
        f"Batas atas capaian {_persen_teks(batas_atas)}: capaian yang dihitung lebih tinggi "
        f"ditulis {_persen_teks(batas_atas)} (PermenPANRB 8/2021), dan angka hitungannya "
        "disebut di keterangan."
    )


@dataclass(frozen=True)
class Penilaian:
    """How capaian is scored and rated: the ceiling (None: none) and the rating bands.

    One object for the grid, every report, the CSV/JSON outputs and, later, the kabupaten
    figures, so that all of them cap and rate the same way.
    """

    pita: tuple[Pita, ...] = PITA_BAWAAN
    batas_atas: float | None = None

    def cap(self, hasil: HasilCapaian) -> HasilCapaian:
        """``hasil`` with its capaian lowered to the ceiling when above it (noted why)."""
        if self.batas_atas is None or hasil.persen is None or hasil.persen <= self.batas_atas:
            return hasil
        catatan = (
            f"Dihitung {_persen_teks(hasil.persen)}, ditulis batas atas "
            f"{_persen_teks(self.batas_atas)}."
        )
        if hasil.catatan:
            catatan = f"{hasil.catatan} {catatan}"
        return HasilCapaian(self.batas_atas, catatan, hasil.persen)

    def kategori(self, persen: float | None) -> Pita | None:
        """The rating band of ``persen`` (see :func:`kategori`)."""
        return kategori(persen, self.pita)

    @property
    def aturan(self) -> tuple[str, ...]:
        """Every documented rule, the ceiling included."""
        return (*ATURAN, aturan_batas_atas(self.batas_atas))


def rata_rata_capaian(nilai: Iterable[float | None]) -> tuple[float | None, int, int]:
    """A jabatan's capaian: the mean over indicators with capaian, with how many had it."""
    semua = list(nilai)
    ada = [x for x in semua if x is not None]
    return (sum(ada) / len(ada) if ada else None), len(ada), len(semua)
