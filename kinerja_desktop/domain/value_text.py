"""Values as people type and read them: Indonesian numbers, and the text of a grid cell.

A count is typed as a number (``12``); a percentage as ``pembilang/penyebut`` (``45/50``);
attendance as ``pegawai/hari kerja/hari tidak masuk`` (``12/20/5``) or, with the period's
default effective days, ``pegawai/hari tidak masuk`` (``12/5``); a target as a number or a
range ``80-100``. An empty cell means "no data". Decimal comma and point are both accepted.
"""

import math
import re

from kinerja_desktop.domain.batas import masalah_rupiah
from kinerja_desktop.domain.capaian import Komponen, Target, parse_angka, parse_target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.errors import DataTidakValid

CONTOH = {
    Jenis.JUMLAH: "Isi bilangan bulat, misalnya 12.",
    Jenis.PERSENTASE: "Isi pembilang/penyebut, misalnya 45/50.",
    Jenis.KEHADIRAN: (
        "Isi pegawai/hari kerja efektif/hari tidak masuk, misalnya 12/20/5 "
        "(atau pegawai/hari tidak masuk, misalnya 12/5, dengan hari kerja bawaan)."
    ),
}


def format_angka(x: float, desimal: int | None = None) -> str:
    """``1234.5`` as ``1.234,5``; whole numbers without decimals unless ``desimal`` is set.

    Infinity or NaN (a sum over values an older version let in) is shown as "—", never as
    ``inf`` in a report."""
    if not math.isfinite(x):
        return "—"
    if desimal is None:
        desimal = 0 if float(x).is_integer() else 2
    teks = f"{x:,.{desimal}f}"
    teks = teks.replace(",", "_").replace(".", ",").replace("_", ".")
    if desimal and "," in teks:
        teks = teks.rstrip("0").rstrip(",") if desimal > 1 else teks
    return teks


def format_capaian(x: float | None) -> str:
    """A capaian as a table cell shows it: ``87,5`` (one decimal, no sign), ``-`` for none."""
    return "-" if x is None else format_angka(x, 1)


def format_rupiah(x: int | None) -> str:
    """Whole Rupiah the Indonesian way: ``Rp 1.250.000``, ``Rp 0``, ``-Rp 250.000``; None (not
    entered) as an empty string, for the caller to mark as it wants."""
    if x is None:
        return ""
    teks = f"Rp {abs(x):,}".replace(",", ".")
    return f"-{teks}" if x < 0 else teks


# "Rp", "Rp.", "IDR" before the number; ",-" or ",00" (no sen) after it
_AWALAN_RP = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_AKHIRAN_NOL = re.compile(r"(?:,-|[.,]0{1,2})$")
_RIBUAN = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")  # 1.250.000 or 1,250,000


def parse_rupiah(teks: str, apa: str = "Anggaran") -> int | None:
    """Whole Rupiah from what a person typed: ``Rp 1.250.000``, ``1250000``, ``1.250.000``,
    ``1,250,000``, ``Rp 1.250.000,-`` or ``1.250.000,00``. Empty means not entered (None).

    Raises :class:`DataTidakValid` naming ``apa`` for anything else: sen (``1.250,50``), a
    negative amount, one past :data:`~kinerja_desktop.domain.batas.RUPIAH_MAKS`, or grouping
    that is not in threes (``1.25``, ambiguous)."""
    bersih = teks.strip()
    if not bersih:
        return None
    angka = _AWALAN_RP.sub("", bersih).replace(" ", "")
    negatif = angka.startswith("-")
    angka = angka.lstrip("-")
    if _RIBUAN.match(angka) is None and not angka.isdigit():
        angka = _AKHIRAN_NOL.sub("", angka)
    if _RIBUAN.match(angka):
        angka = angka.replace(".", "").replace(",", "")
    if not (angka.isascii() and angka.isdigit()):
        raise DataTidakValid(
            f"{apa} {teks.strip()!r} bukan jumlah Rupiah. Tulis Rupiah utuh tanpa sen, misalnya "
            "1250000, 1.250.000 atau Rp 1.250.000."
        )
    nilai = -int(angka) if negatif else int(angka)
    if masalah := masalah_rupiah(nilai, apa):
        raise DataTidakValid(masalah)
    return nilai


def format_persen(x: float) -> str:
    """``87.54`` as ``87,5%``; infinity or NaN as "—"."""
    return f"{format_angka(x, 1)}%" if math.isfinite(x) else "—"


def _isian_angka(x: float | None) -> str:
    if x is None:
        return ""
    return format_angka(x).replace(".", "") if float(x).is_integer() else str(x).replace(".", ",")


def teks_target(t: Target, jenis: Jenis) -> str:
    """A target as shown: ``12``, ``90%``, ``80–100%``."""
    tanda = "" if jenis is Jenis.JUMLAH else "%"
    if t.atas is None:
        return format_angka(t.nilai) + tanda
    return f"{format_angka(t.nilai)}–{format_angka(t.atas)}{tanda}"


def format_cell_target(t: Target | None) -> str:
    """A target as typed in its cell editor: ``12``, ``80-100``."""
    if t is None:
        return ""
    if t.atas is None:
        return _isian_angka(t.nilai)
    return f"{_isian_angka(t.nilai)}-{_isian_angka(t.atas)}"


def parse_cell_target(teks: str) -> Target | None:
    """A target from its cell text; empty means "no target"."""
    if not teks.strip():
        return None
    if teks.strip().endswith("%"):
        angka_ = teks.strip().rstrip("%").strip()
        raise DataTidakValid(
            f"Target {teks.strip()!r}: tulis tanpa tanda %, misalnya {angka_} "
            "(satuan % sudah melekat pada indikator persentase)."
        )
    return parse_target(teks)


def teks_realisasi(jenis: Jenis, nilai: float | None) -> str:
    """A (rolled-up) realisasi as shown: ``12`` or ``90,0%``; no data as an empty string."""
    if nilai is None:
        return ""
    return format_angka(nilai) if jenis is Jenis.JUMLAH else format_persen(nilai)


def format_cell_komponen(jenis: Jenis, k: Komponen | None) -> str:
    """A stored realisasi as typed in its cell editor."""
    if k is None:
        return ""
    if jenis is Jenis.JUMLAH:
        return _isian_angka(k.nilai)
    if jenis is Jenis.PERSENTASE:
        return f"{_isian_angka(k.pembilang)}/{_isian_angka(k.penyebut)}"
    return (
        f"{_isian_angka(k.pegawai)}/{_isian_angka(k.hari_kerja)}/{_isian_angka(k.hari_tidak_masuk)}"
    )


def parse_cell_komponen(jenis: Jenis, teks: str, hari_kerja_bawaan: int) -> Komponen | None:
    """A realisasi from its cell text (None: empty, "no data"); DataTidakValid with an example
    of the expected form otherwise. The rules of the kind are checked by the caller."""
    bersih = teks.strip()
    if not bersih:
        return None
    bagian = [b.strip() for b in bersih.split("/")]
    try:
        angka = [parse_angka(b) for b in bagian]
    except DataTidakValid as exc:
        raise DataTidakValid(f"{exc.pesan} {CONTOH[jenis]}") from None
    if jenis is Jenis.JUMLAH and len(angka) == 1:
        return Komponen(nilai=angka[0])
    if jenis is Jenis.PERSENTASE and len(angka) == 2:
        return Komponen(pembilang=angka[0], penyebut=angka[1])
    if jenis is Jenis.KEHADIRAN and len(angka) == 3:
        return Komponen(pegawai=angka[0], hari_kerja=angka[1], hari_tidak_masuk=angka[2])
    if jenis is Jenis.KEHADIRAN and len(angka) == 2:
        return Komponen(pegawai=angka[0], hari_kerja=hari_kerja_bawaan, hari_tidak_masuk=angka[1])
    raise DataTidakValid(f"Isian {teks!r} tidak sesuai. {CONTOH[jenis]}")
