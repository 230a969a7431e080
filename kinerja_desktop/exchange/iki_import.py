"""A whole year's IKI from the workbook that ``report iki --out X.xlsx`` writes.

Export, edit in Excel or LibreOffice, import: the everyday way to move an IKI between offices
and years. The printed columns give the texts people edit (jabatan, tugas, fungsi, sasaran,
indicator names with their sub-items, sumber data); the hidden columns described in
:mod:`~kinerja_desktop.reports.iki_struktur` give codes, the tree and the structured fields.

The workbook passes the same guard as a desa workbook before anything parses it. Every problem
is collected with its sheet and cell; one problem refuses the whole file. A year that already
has an IKI is only replaced when asked, and never when anything besides the IKI hangs on its
jabatan or indicators (values, SKP, programs, kegiatan, Rencana Aksi, monev notes, issued PK:
db.queries_iki_replace counts them all); the holders stay on the new jabatan of the same code.
The change runs in one transaction after a backup.

Long because reading every kind of row of the IKI workbook with a refusal naming its sheet and
cell, then applying the year in one transaction.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Jabatan, Pemangku, Tahun, database_proxy
from kinerja_desktop.db.queries_iki_replace import IsiTergantikan, kinds_refused, read_replaced
from kinerja_desktop.domain.indikator import Agregasi, Frekuensi, Jenis, Polaritas
from kinerja_desktop.domain.kode import KODE_JABATAN_MAKS, KODE_MAKS, masalah_kode
from kinerja_desktop.domain.teks import TEKS_MAKS, clean_teks, format_daftar
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.guard import check_berkas
from kinerja_desktop.exchange.refusal import BerkasDitolak
from kinerja_desktop.exchange.xlsx_reader import CellKind, Lembar, PembacaXlsx, nama_sel
from kinerja_desktop.reports.iki_struktur import (
    AWAL_PENANDA,
    BARIS_FUNGSI,
    BARIS_INDIKATOR,
    BARIS_JABATAN,
    BARIS_LANJUTAN,
    BARIS_SASARAN,
    BARIS_TUGAS,
    KOLOM_JENIS,
    KOLOM_TERAKHIR,
    MEDAN_INDIKATOR,
    TIDAK,
    VERSI,
    YA,
)

ALASAN_IMPOR_IKI = "sebelum-impor-iki"
_BUTIR = re.compile(r"^([a-z]{1,2})\. (.*)$")
_PREFIKS = ("❖ ", ": ", "❖", ":")
_KOLOM = {nama: KOLOM_JENIS + 1 + i for i, nama in enumerate(MEDAN_INDIKATOR)}
_PILIHAN = {
    "jenis": [j.value for j in Jenis],
    "polaritas": [p.value for p in Polaritas],
    "frekuensi": [f.value for f in Frekuensi],
    "agregasi": [a.value for a in Agregasi],
}


@dataclass(frozen=True)
class MasalahIKI:
    """One problem of the workbook: where it is and what is wrong."""

    lembar: str
    sel: str
    alasan: str

    @property
    def kalimat(self) -> str:
        """``lembar Camat, sel G12: …`` for lists of problems."""
        return f"lembar {self.lembar}, sel {self.sel}: {self.alasan}"


class IKIDitolak(BerkasDitolak):
    """An IKI workbook refused for one or more problems, each with its sheet and cell."""

    def __init__(self, berkas: Path, masalah: list[MasalahIKI]) -> None:
        self.masalah = masalah
        daftar = "; ".join(m.kalimat.rstrip(".") for m in masalah[:10])
        lagi = f"; dan {len(masalah) - 10} masalah lain" if len(masalah) > 10 else ""
        super().__init__(
            berkas,
            f"{daftar}{lagi}. Perbaiki di Excel atau LibreOffice lalu impor lagi; "
            "tidak ada yang diubah.",
        )


@dataclass
class JabatanMasuk:
    """One jabatan read from its sheet, in the decree dictionary format of db.builtin."""

    lembar: str
    baris: int
    kode: str
    nama: str
    atasan: str
    tugas: list[str] = field(default_factory=list)
    fungsi: list[str] = field(default_factory=list)
    sasaran: list[dict[str, Any]] = field(default_factory=list)

    def as_decree(self) -> dict[str, Any]:
        """The dictionary :func:`kinerja_desktop.db.builtin.load_jabatan` takes."""
        return {
            "kode": self.kode,
            "nama": self.nama,
            "atasan": self.atasan,
            "tugas": self.tugas,
            "fungsi": self.fungsi,
            "sasaran": self.sasaran,
        }


@dataclass
class PratinjauIKI:
    """What an import would create, and what it would replace."""

    path: Path
    sha256: str
    tahun: int
    jabatan: list[JabatanMasuk]
    ganti: bool  # the year already has an IKI that would be replaced
    lama: IsiTergantikan | None = None  # what the replaced IKI holds (when ``ganti``)

    @property
    def pemangku_tetap(self) -> int:
        """Holders put back on the new jabatan of their jabatan's code."""
        kode = {j.kode for j in self.jabatan}
        return sum(1 for k, _ in self.lama.pemangku if k in kode) if self.lama else 0

    @property
    def pemangku_lepas(self) -> int:
        """Holders of jabatan whose code the workbook no longer has: released (the pegawai
        stays recorded; the backup keeps the link)."""
        return len(self.lama.pemangku) - self.pemangku_tetap if self.lama else 0

    def kalimat_ganti(self) -> str:
        """What replacing the year's IKI does, one Indonesian sentence ("" when the year has
        no IKI); the preview window and ``iki impor`` print the same."""
        if self.lama is None:
            return ""
        pemangku = []
        if self.pemangku_tetap:
            pemangku.append(f"{self.pemangku_tetap} pemangku tetap pada jabatan berkode sama")
        if self.pemangku_lepas:
            pemangku.append(
                f"{self.pemangku_lepas} pemangku dilepas karena kode jabatannya tidak ada di "
                "buku kerja (pegawainya tetap tercatat)"
            )
        return (
            f"Tahun {self.tahun} sudah punya IKI ({self.lama.jabatan} jabatan, "
            f"{self.lama.indikator} indikator): seluruhnya diganti; "
            + "".join(f"{p}; " for p in pemangku)
            + "nomor keputusan dan penandatangan tetap. Tahun ini belum berisi "
            f"{kinds_refused()}, jadi tidak ada yang ikut terhapus."
        )

    @property
    def jumlah(self) -> dict[str, int]:
        """Counts of what will be created."""
        sasaran = [s for j in self.jabatan for s in j.sasaran]
        indikator = [i for s in sasaran for i in s["indikator"]]
        return {
            "jabatan": len(self.jabatan),
            "tugas": sum(len(j.tugas) for j in self.jabatan),
            "fungsi": sum(len(j.fungsi) for j in self.jabatan),
            "sasaran": len(sasaran),
            "indikator": len(indikator),
            "butir": sum(len(i["sub"]) for i in indikator),
        }

    def ringkasan(self) -> str:
        """One Indonesian sentence for the preview."""
        n = self.jumlah
        kata = "mengganti IKI" if self.ganti else "mengisi IKI"
        return (
            f"{self.path.name}: {kata} tahun {self.tahun} dengan {n['jabatan']} jabatan, "
            f"{n['tugas']} tugas, {n['fungsi']} fungsi, {n['sasaran']} sasaran, "
            f"{n['indikator']} indikator dan {n['butir']} butir."
        )

    def baris_jabatan(self) -> list[str]:
        """One line per jabatan: code, title, atasan, indicator count."""
        hasil = []
        for j in self.jabatan:
            n = sum(len(s["indikator"]) for s in j.sasaran)
            atasan = f"di bawah {j.atasan}" if j.atasan else "langsung di bawah Camat"
            hasil.append(f"{j.kode} — {j.nama} ({atasan}; {n} indikator)")
        return hasil


class _Pembaca:
    """Reads one jabatan sheet into a :class:`JabatanMasuk`, noting every problem."""

    def __init__(self, lembar: Lembar, masalah: list[MasalahIKI]) -> None:
        self.lembar = lembar
        self.masalah = masalah
        # indicator row -> the continuation rows below it (iki_struktur.BARIS_LANJUTAN)
        self.lanjutan: dict[int, list[int]] = {}

    def _mentah(self, baris: int, kolom: int) -> str:
        sel = self.lembar.sel.get((baris, kolom))
        if sel is None or sel.nilai is None:
            return ""
        if sel.jenis is CellKind.ANGKA and isinstance(sel.nilai, float) and sel.nilai.is_integer():
            return str(int(sel.nilai))
        return str(sel.nilai)

    def teks(self, baris: int, kolom: int, satu_baris: bool = False) -> str:
        """The cell's text cleaned as every door cleans it (domain.teks); "" when empty.
        A printed cell of an indicator row reads on in its continuation rows."""
        mentah = self._mentah(baris, kolom)
        if kolom < KOLOM_JENIS and baris in self.lanjutan:
            bagian = [mentah, *(self._mentah(b, kolom) for b in self.lanjutan[baris])]
            mentah = "\n".join(t for t in bagian if t.strip())
        if not mentah:
            return ""
        try:
            bersih = clean_teks(mentah, "Isi sel", satu_baris)
        except DataTidakValid as exc:
            self.note_problem(baris, kolom, exc.pesan)
            return ""
        if len(bersih) > TEKS_MAKS:
            self.note_problem(
                baris,
                kolom,
                f"teks terlalu panjang ({len(bersih)} huruf; paling banyak {TEKS_MAKS}).",
            )
            return ""
        return bersih

    def kode(self, baris: int, kolom: int, apa: str, maks: int) -> str:
        """A code in its stored form; a code that breaks domain.kode is noted with its cell."""
        kode = self.teks(baris, kolom, satu_baris=True).upper()
        masalah = masalah_kode(kode, apa, maks)
        if masalah is not None:
            self.note_problem(baris, kolom, f"{masalah} (kolom tersembunyi {nama_kolom(kolom)})")
        return kode

    def note_problem(self, baris: int, kolom: int, alasan: str) -> None:
        self.masalah.append(MasalahIKI(self.lembar.nama, nama_sel(baris, kolom), alasan))

    def read_jabatan(self) -> JabatanMasuk | None:
        baris_semua = sorted({b for b, _ in self.lembar.sel})
        jenis_baris = {b: self.teks(b, KOLOM_JENIS) for b in baris_semua}
        self._link_continuations(jenis_baris)
        jabatan: JabatanMasuk | None = None
        kelompok: dict[int, dict[str, Any]] = {}
        for b in baris_semua:
            jenis = jenis_baris[b]
            if jenis == BARIS_JABATAN:
                if jabatan is not None:
                    self.note_problem(
                        b, KOLOM_JENIS, "baris jabatan kedua; satu lembar untuk satu jabatan."
                    )
                    continue
                jabatan = self._jabatan(b)
            elif jenis in (BARIS_TUGAS, BARIS_FUNGSI, BARIS_INDIKATOR, BARIS_SASARAN):
                if jabatan is None:
                    self.note_problem(b, KOLOM_JENIS, "baris ini ada sebelum baris 1. Jabatan.")
                    continue
                if jenis == BARIS_TUGAS:
                    self._butir_uraian(b, jabatan.tugas)
                elif jenis == BARIS_FUNGSI:
                    self._butir_uraian(b, jabatan.fungsi)
                else:
                    self._baris_tabel(b, jenis, jabatan, kelompok)
        return jabatan

    def _link_continuations(self, jenis_baris: dict[int, str]) -> None:
        """Note which continuation rows read on each indicator row; one that follows no
        indicator row is a problem of its cell."""
        indikator: int | None = None
        for b, jenis in jenis_baris.items():
            if jenis == BARIS_LANJUTAN:
                if indikator is None:
                    self.note_problem(
                        b,
                        KOLOM_JENIS,
                        "baris lanjutan tidak berada tepat di bawah baris indikator.",
                    )
                else:
                    self.lanjutan.setdefault(indikator, []).append(b)
            elif jenis:
                indikator = b if jenis == BARIS_INDIKATOR else None

    def _jabatan(self, b: int) -> JabatanMasuk | None:
        nama = _tanpa_prefiks(self.teks(b, 2, satu_baris=True))
        if not nama and not self.teks(b, KOLOM_JENIS + 1):
            return JabatanMasuk(self.lembar.nama, b, "", "", "")  # a blank template sheet
        kode = self.kode(b, KOLOM_JENIS + 1, "Kode jabatan", KODE_JABATAN_MAKS)  # column F
        atasan = self.teks(b, KOLOM_JENIS + 2, satu_baris=True).upper()  # column G
        if not nama:
            self.note_problem(b, 2, "nama jabatan kosong.")
        return JabatanMasuk(self.lembar.nama, b, kode, nama, atasan)

    def _butir_uraian(self, b: int, daftar: list[str]) -> None:
        teks = _tanpa_prefiks(self.teks(b, 2))
        if teks not in ("", "-"):  # "2. Tugas : -" is a jabatan without tugas
            daftar.append(teks)

    def _baris_tabel(
        self, b: int, jenis: str, jabatan: JabatanMasuk, kelompok: dict[int, dict[str, Any]]
    ) -> None:
        if not any(self.teks(b, k) for k in range(1, KOLOM_TERAKHIR + 1) if k != KOLOM_JENIS):
            return  # an empty row of the blank template
        ke_teks = self.teks(b, _KOLOM["sasaran_ke"])
        if not ke_teks.isdigit() or int(ke_teks) < 1:
            self.note_problem(
                b, _KOLOM["sasaran_ke"], f"nomor sasaran {ke_teks!r} bukan angka 1, 2, …"
            )
            return
        ke = int(ke_teks)
        if ke not in kelompok:
            teks = self.teks(b, 1)
            if not teks:
                self.note_problem(b, 1, "teks sasaran kosong.")
            kelompok[ke] = {"teks": teks, "indikator": []}
            jabatan.sasaran.append(kelompok[ke])
        elif jabatan.sasaran[-1] is not kelompok[ke]:
            self.note_problem(
                b,
                _KOLOM["sasaran_ke"],
                f"baris sasaran {ke} terpisah dari baris sasaran {ke} lain.",
            )
        if jenis == BARIS_INDIKATOR:
            indikator = self._indikator(b)
            if indikator is not None:
                kelompok[ke]["indikator"].append(indikator)

    def _pilihan(self, b: int, medan: str, bawaan: str) -> str:
        nilai = self.teks(b, _KOLOM[medan]).lower() or bawaan
        if nilai not in _PILIHAN[medan]:
            self.note_problem(
                b,
                _KOLOM[medan],
                f"{medan} {nilai!r} tidak dikenal; pilih {', '.join(_PILIHAN[medan])}.",
            )
        return nilai

    def _indikator(self, b: int) -> dict[str, Any] | None:
        kode = self.kode(b, _KOLOM["kode"], "Kode indikator", KODE_MAKS)
        nama, butir = _split_butir(self.teks(b, 2))
        if not nama:
            self.note_problem(b, 2, "nama indikator kosong.")
        jenis = self._pilihan(b, "jenis", Jenis.JUMLAH.value)
        dari_desa = self.teks(b, _KOLOM["dari_desa"]).lower() or TIDAK
        if dari_desa not in (YA, TIDAK):
            self.note_problem(
                b, _KOLOM["dari_desa"], f"isi {YA} atau {TIDAK}, bukan {dari_desa!r}."
            )
        pembilang = self.teks(b, _KOLOM["pembilang"])
        penyebut = self.teks(b, _KOLOM["penyebut"])
        if jenis == Jenis.PERSENTASE and not penyebut:
            self.note_problem(
                b,
                _KOLOM["penyebut"],
                "indikator persentase tanpa keterangan penyebut; tulis apa yang dibagi "
                "(mis. jumlah permohonan yang masuk).",
            )
        hari_teks = self.teks(b, _KOLOM["hari_kerja_efektif"])
        hari: int | None = None
        if hari_teks:
            if hari_teks.isdigit() and 0 < int(hari_teks) <= 366:
                hari = int(hari_teks)
            else:
                self.note_problem(
                    b,
                    _KOLOM["hari_kerja_efektif"],
                    f"hari kerja efektif {hari_teks!r} bukan 1-366.",
                )
        rumus_butir = self._rumus_butir(b, len(butir))
        formula = self.teks(b, _KOLOM["formula"])
        formula, rumus_butir = self._rumus_tampil(
            b, jenis, pembilang, penyebut, formula, butir, rumus_butir
        )
        return {
            "kode": kode,
            "nama": nama,
            "formula": formula,
            "sumber_data": "" if self.teks(b, 4) == "-" else self.teks(b, 4),
            "satuan": self.teks(b, _KOLOM["satuan"]),
            "jenis": jenis,
            "polaritas": self._pilihan(b, "polaritas", Polaritas.POSITIF.value),
            "dari_desa": dari_desa == YA,
            "frekuensi": self._pilihan(b, "frekuensi", Frekuensi.BULANAN.value),
            "agregasi": self._pilihan(b, "agregasi", Agregasi.JUMLAH.value),
            "pembilang": pembilang,
            "penyebut": penyebut,
            "hari_kerja_efektif": hari,
            "sub": [{"teks": t, "formula": f} for t, f in zip(butir, rumus_butir, strict=True)],
            "_sel": (self.lembar.nama, nama_sel(b, _KOLOM["kode"])),
        }

    def _rumus_tampil(
        self,
        b: int,
        jenis: str,
        pembilang: str,
        penyebut: str,
        formula: str,
        butir: list[str],
        rumus_butir: list[str],
    ) -> tuple[str, list[str]]:
        """The formula and sub-item formulas, taking an edit of the printed column C.

        Column C is printed from the hidden formula (and, for a ratio, from the numerator and
        denominator). When it no longer reads as printed, the operator edited it there: that
        edit wins, never silently lost. A ratio's printed formula is made from its numerator
        and denominator, so an edit of it is refused with where to make it instead.
        """
        from kinerja_desktop.reports.iki_data import IndikatorIKI, SubButir, huruf_butir
        from kinerja_desktop.reports.iki_xlsx import teks_indikator

        tampil = self.teks(b, 3)
        ind = IndikatorIKI(
            kode="",
            nama="",
            formula=formula,
            sumber_data="",
            jenis=jenis,
            pembilang=pembilang,
            penyebut=penyebut,
            sub=tuple(
                SubButir(huruf_butir(i), t, f)
                for i, (t, f) in enumerate(zip(butir, rumus_butir, strict=True))
            ),
        )
        if not tampil or tampil == clean_teks(teks_indikator(ind)[1]):
            return formula, rumus_butir  # as printed, or left empty (a blank template)
        if ind.pecahan:
            self.note_problem(
                b,
                3,
                "rumus indikator persentase/kehadiran dicetak dari pembilang dan penyebut; "
                "ubah pembilang dan penyebutnya di kolom tersembunyi N dan O, bukan di kolom ini.",
            )
            return formula, rumus_butir
        if tampil == "-":  # the printed mark of no formula
            return "", [""] * len(butir)
        kepala, butir_tampil = _split_butir(tampil)
        if len(butir_tampil) != len(butir):
            self.note_problem(
                b,
                3,
                f"kolom rumus memuat {len(butir_tampil)} butir (a., b., …) sedangkan nama "
                f"indikator memuat {len(butir)} butir; samakan jumlahnya.",
            )
            return formula, rumus_butir
        # a sub-item printed with its own text has no formula of its own
        return kepala, ["" if f == t else f for f, t in zip(butir_tampil, butir, strict=True)]

    def _rumus_butir(self, b: int, jumlah: int) -> list[str]:
        teks = self.teks(b, _KOLOM["formula_butir"])
        if not teks:
            return [""] * jumlah
        try:
            rumus = json.loads(teks)
        except ValueError:
            rumus = None
        if not isinstance(rumus, list) or not all(isinstance(r, str) for r in rumus):
            self.note_problem(
                b, _KOLOM["formula_butir"], 'rumus butir harus daftar JSON, mis. ["", "…"].'
            )
            return [""] * jumlah
        if len(rumus) != jumlah:
            self.note_problem(
                b,
                _KOLOM["formula_butir"],
                f"ada {len(rumus)} rumus butir untuk {jumlah} butir (a., b., …) pada nama "
                "indikator; samakan jumlahnya.",
            )
            return [""] * jumlah
        return rumus


def _tanpa_prefiks(teks: str) -> str:
    for prefiks in _PREFIKS:
        if teks.startswith(prefiks):
            return teks[len(prefiks) :].strip()
    return teks.strip()


def _split_butir(teks: str) -> tuple[str, list[str]]:
    """The indicator name and its sub-items from the printed cell (``a. …`` lines)."""
    from kinerja_desktop.domain.indikator import huruf_butir

    baris = teks.split("\n")
    mulai = next((i for i, isi in enumerate(baris) if isi.startswith("a. ")), None)
    if mulai is None:
        return teks.strip(), []
    butir: list[str] = []
    for isi in baris[mulai:]:
        cocok = _BUTIR.match(isi)
        if cocok and cocok.group(1) == huruf_butir(len(butir)):
            butir.append(cocok.group(2).strip())
        elif butir:
            butir[-1] = f"{butir[-1]}\n{isi}"
    return "\n".join(baris[:mulai]).strip(), butir


def _check_pohon(jabatan: list[JabatanMasuk], masalah: list[MasalahIKI]) -> None:
    kolom_kode, kolom_atasan = nama_kolom(KOLOM_JENIS + 1), nama_kolom(KOLOM_JENIS + 2)
    pertama: dict[str, JabatanMasuk] = {}
    for j in jabatan:
        if j.kode in pertama:
            masalah.append(
                MasalahIKI(
                    j.lembar,
                    f"{kolom_kode}{j.baris}",
                    f"kode jabatan {j.kode} sudah dipakai di lembar {pertama[j.kode].lembar}.",
                )
            )
        elif j.kode:
            pertama[j.kode] = j
    for j in jabatan:
        if j.atasan and j.atasan not in pertama:
            masalah.append(
                MasalahIKI(
                    j.lembar,
                    f"{kolom_atasan}{j.baris}",
                    f"atasan {j.atasan} tidak ada di buku kerja ini; tulis kode jabatan atasan "
                    "yang ada, atau kosongkan bila langsung di bawah Camat.",
                )
            )
    dilaporkan: set[str] = set()
    for j in jabatan:
        jalur = [j.kode]
        atasan = j.atasan
        while atasan in pertama and atasan not in jalur:
            jalur.append(atasan)
            atasan = pertama[atasan].atasan
        if atasan and atasan in jalur and not dilaporkan & set(jalur):
            lingkar = jalur[jalur.index(atasan) :] + [atasan]
            dilaporkan |= set(lingkar)
            masalah.append(
                MasalahIKI(
                    j.lembar,
                    f"{kolom_atasan}{j.baris}",
                    f"susunan atasan berputar ({' → '.join(lingkar)}); setiap jabatan harus "
                    "berujung pada Camat.",
                )
            )
    kode_indikator: dict[str, tuple[str, str]] = {}
    for j in jabatan:
        for s in j.sasaran:
            for ind in s["indikator"]:
                lembar, sel = ind.pop("_sel")
                if ind["kode"] in kode_indikator:
                    asal = kode_indikator[ind["kode"]]
                    masalah.append(
                        MasalahIKI(
                            lembar,
                            sel,
                            f"kode indikator {ind['kode']} sudah dipakai di lembar {asal[0]} "
                            f"sel {asal[1]}.",
                        )
                    )
                elif ind["kode"]:
                    kode_indikator[ind["kode"]] = (lembar, sel)


def nama_kolom(kolom: int) -> str:
    """Column letters of a 1-based column number."""
    from kinerja_desktop.exchange.xlsx_reader import angka_ke_kolom

    return angka_ke_kolom(kolom)


def read_iki(path: Path | str, tahun: int) -> PratinjauIKI:
    """Read and check the IKI workbook ``path`` for ``tahun``; nothing is written.

    Raises :class:`BerkasDitolak` (or :class:`IKIDitolak` with every problem) for a workbook
    that is unsafe, not an IKI workbook, or wrong anywhere.
    """
    buku = check_berkas(path)
    pembaca = PembacaXlsx(buku)
    lembar_jabatan = [
        lembar
        for nama, keadaan, _ in pembaca.lembar_info
        if keadaan == "visible" and (lembar := pembaca.lembar(nama)) is not None
    ]
    penanda = [
        str(sel.nilai)
        for lembar in lembar_jabatan
        for (_, kolom), sel in lembar.sel.items()
        if kolom == KOLOM_JENIS and str(sel.nilai).startswith(AWAL_PENANDA)
    ]
    if not penanda:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        db = bound_location()
        laporan = command(db, "report", "iki", "--tahun", "TAHUN", "--out", "BERKAS.xlsx")
        templat = command(db, "templat", "iki", "--tahun", str(tahun), "--out", "FOLDER")
        raise BerkasDitolak(
            buku.path,
            "ini bukan buku kerja IKI dari Kinerja Desktop (tanda di kolom tersembunyi E "
            f"pada baris judul tabel tidak ada). Pakai berkas dari {laporan}, atau templat "
            f"dari {templat}.",
        )
    versi = max(penanda)[len(AWAL_PENANDA) :]
    if not versi.isdigit() or int(versi) > VERSI:
        raise BerkasDitolak(
            buku.path,
            f"buku kerja IKI versi {versi or '?'} dibuat oleh Kinerja Desktop yang lebih baru; "
            "perbarui aplikasi ini untuk mengimpornya.",
        )
    masalah: list[MasalahIKI] = []
    jabatan: list[JabatanMasuk] = []
    for lembar in lembar_jabatan:
        j = _Pembaca(lembar, masalah).read_jabatan()
        if j is not None and (j.kode or j.nama or j.sasaran or j.tugas or j.fungsi):
            jabatan.append(j)
    if not jabatan and not masalah:
        raise BerkasDitolak(
            buku.path,
            "buku kerja ini belum berisi jabatan. Isi nama dan kode jabatan pada baris "
            "1. Jabatan (satu lembar untuk setiap jabatan) lalu impor lagi.",
        )
    _check_pohon(jabatan, masalah)
    if masalah:
        raise IKIDitolak(buku.path, masalah)
    pratinjau = PratinjauIKI(buku.path, buku.sha256, tahun, jabatan, ganti=False)
    _check_tahun(pratinjau)
    return pratinjau


def _check_tahun(pratinjau: PratinjauIKI) -> None:
    """Note whether the year has an IKI and what it holds; refuse a year where replacing the
    jabatan would take anything besides the IKI itself (the workbook cannot bring it back)."""
    from kinerja_desktop.db.persetujuan import refuse_locked_year

    lama = read_replaced(pratinjau.tahun)
    if lama is not None:  # an approved period says first how to unlock it
        refuse_locked_year(pratinjau.tahun, f"Mengganti IKI tahun {pratinjau.tahun}")
    if lama is not None and lama.lain:
        raise DataTidakValid(
            f"Tahun {pratinjau.tahun} sudah punya IKI dengan {format_daftar(list(lama.lain))} "
            "tersimpan. Mengganti IKI itu akan ikut menghapus semuanya, jadi IKI tahun yang "
            "sudah berisi data seperti itu tidak pernah diganti lewat impor; tidak ada yang "
            "diubah. Impor ke tahun lain yang belum punya IKI, atau hapus dahulu data itu di "
            "jendela aplikasi bila memang tidak diperlukan lagi, atau ubah IKI tahun ini "
            "langsung di jendela aplikasi."
        )
    pratinjau.ganti = lama is not None
    pratinjau.lama = lama


def apply_iki(pratinjau: PratinjauIKI, ganti: bool = False) -> Hasil[Path | None]:
    """Write the previewed IKI into its year, all or nothing, after a backup.

    A year that already has an IKI is refused unless ``ganti``; then its jabatan tree is
    replaced, holders stay on the jabatan of the same code, the decree header stays. A year
    where anything else hangs on the jabatan, or that changed since the preview, is refused.
    The result carries the backup made first.
    """
    from kinerja_desktop.db.audit_iki import log_iki
    from kinerja_desktop.db.audit_isi import read_baris_tahun
    from kinerja_desktop.db.backup import backup_before
    from kinerja_desktop.db.builtin import load_jabatan

    dilihat = pratinjau.lama  # what the preview said the replacement takes
    _check_tahun(pratinjau)  # before the backup: a refused import leaves no backup behind
    if pratinjau.ganti and not ganti:
        raise DataTidakValid(
            f"Tahun {pratinjau.tahun} sudah punya IKI. Untuk menggantinya seluruhnya dengan isi "
            "buku kerja, ulangi dengan --ganti (di jendela: pilih Ganti); atau impor ke tahun "
            "lain."
        )
    cadangan = backup_before(ALASAN_IMPOR_IKI)
    with database_proxy.atomic():
        # again in the transaction: rows added or periods approved since are never taken
        _check_tahun(pratinjau)
        if pratinjau.lama != dilihat:
            raise DataTidakValid(
                f"IKI tahun {pratinjau.tahun} berubah sejak pratinjau dibuat; tidak ada yang "
                "diubah. Buka impor lagi untuk melihat apa yang akan diganti."
            )
        tahun_row = Tahun.get_or_none(Tahun.tahun == pratinjau.tahun)
        if tahun_row is None:
            tahun_row = Tahun.create(tahun=pratinjau.tahun)
        else:
            Jabatan.delete().where(Jabatan.tahun == pratinjau.tahun).execute()
        load_jabatan(tahun_row, [j.as_decree() for j in pratinjau.jabatan])
        _put_back_pemangku(pratinjau)
        jumlah = pratinjau.jumlah
        log_iki(
            "impor_iki",
            "tahun",
            tahun=pratinjau.tahun,
            isi=read_baris_tahun(pratinjau.tahun),
            lama=f"IKI tahun {pratinjau.tahun}" if pratinjau.ganti else None,
            baru=f"IKI dari {pratinjau.path.name}",
            catatan=(
                f"{jumlah['jabatan']} jabatan, {jumlah['indikator']} indikator"
                + (
                    f", menggantikan IKI sebelumnya ({pratinjau.pemangku_tetap} pemangku "
                    f"tetap, {pratinjau.pemangku_lepas} dilepas)"
                    if pratinjau.ganti
                    else ""
                )
            ),
        )
    simpan = (
        f" IKI sebelumnya tersimpan di cadangan {cadangan.name} (Berkas › Pulihkan cadangan…)."
        if pratinjau.ganti and cadangan is not None
        else ""
    )
    perubahan = Perubahan(
        f"IKI tahun {pratinjau.tahun} diimpor dari {pratinjau.path.name}: {jumlah['jabatan']} "
        f"jabatan, {jumlah['indikator']} indikator.{simpan}",
        tahun=pratinjau.tahun,
        jabatan_tree=True,
        uraian=True,
        indikator=True,
        pemangku=True,
    )
    return Hasil(perubahan, cadangan)


def _put_back_pemangku(pratinjau: PratinjauIKI) -> None:
    """Hold the new jabatan of the replaced IKI's codes by the pegawai who held the old ones
    (in the caller's transaction); a code the workbook dropped releases its holders."""
    if pratinjau.lama is None:
        return
    baru = dict(
        Jabatan.select(Jabatan.kode, Jabatan.id)
        .where(Jabatan.tahun == pratinjau.tahun)
        .tuples()
        .iterator()
    )
    rows = [
        {"jabatan": baru[kode], "pegawai": pegawai}
        for kode, pegawai in pratinjau.lama.pemangku
        if kode in baru
    ]
    if rows:
        Pemangku.insert_many(rows).execute()
