"""The budget of the Laporan Kinerja's 3.2 Realisasi Anggaran: every program of the year with
its kegiatan, their anggaran and the budget realised over the four triwulan, read in bulk
(db.queries_program).

A program's anggaran and the total are the figures the Perjanjian Kinerja prints (the same
:func:`~kinerja_desktop.db.queries_program.read_program` row and
:func:`~kinerja_desktop.domain.anggaran.sum_anggaran`): not known while a kegiatan has no
anggaran, never the sum of the entered ones."""

from dataclasses import dataclass

from kinerja_desktop.db.queries_program import (
    kegiatan_per_program,
    read_kegiatan,
    read_program,
    read_realisasi_anggaran,
)
from kinerja_desktop.domain.anggaran import sum_anggaran


@dataclass(frozen=True)
class BarisAnggaran:
    """A program (its kegiatan follow it) or a kegiatan, with anggaran and what was realised."""

    nama: str
    program: bool
    anggaran: int | None  # None: not known (for a program: a kegiatan without one, or none)
    realisasi: int | None  # None: nothing reported in any triwulan

    @property
    def persen(self) -> float | None:
        """Realised as a share of the anggaran (None when either is missing or 0)."""
        if not self.anggaran or self.realisasi is None:
            return None
        return self.realisasi * 100 / self.anggaran


@dataclass(frozen=True)
class AnggaranLkjip:
    """The year's programs and kegiatan, and the whole budget realised per triwulan."""

    baris: tuple[BarisAnggaran, ...]
    per_triwulan: tuple[int | None, int | None, int | None, int | None]
    tanpa_anggaran: tuple[str, ...]  # kegiatan whose anggaran is not entered
    tanpa_kegiatan: tuple[str, ...]  # programs without a kegiatan (so without anggaran)

    @property
    def program(self) -> list[BarisAnggaran]:
        """The program rows."""
        return [b for b in self.baris if b.program]

    @property
    def jumlah(self) -> BarisAnggaran:
        """The total over every program."""
        realisasi = [t for t in self.per_triwulan if t is not None]
        return BarisAnggaran(
            "Jumlah",
            True,
            sum_anggaran(p.anggaran for p in self.program),
            sum(realisasi) if realisasi else None,
        )

    @property
    def kurang(self) -> str:
        """Why the total is not known, as a reader is told: ``anggaran 1 kegiatan belum
        diisi`` / ``program X belum punya kegiatan``; "" when it is known or nothing exists."""
        bagian = []
        if self.tanpa_anggaran:
            bagian.append(f"anggaran {len(self.tanpa_anggaran)} kegiatan belum diisi")
        if self.tanpa_kegiatan:
            bagian.append(f"{len(self.tanpa_kegiatan)} program belum punya kegiatan")
        return " dan ".join(bagian)


def _nama(kode: str, nama: str) -> str:
    return f"{kode} {nama}".strip()


def build_lkjip_anggaran(tahun: int) -> AnggaranLkjip:
    """Read the programs, kegiatan and realised budget of ``tahun`` (three queries)."""
    kegiatan = read_kegiatan(tahun)
    per_kegiatan: dict[int, int] = {}
    triwulan: list[int | None] = [None, None, None, None]
    for r in read_realisasi_anggaran(tahun):
        per_kegiatan[r.kegiatan_id] = per_kegiatan.get(r.kegiatan_id, 0) + r.nilai
        ke = int(r.periode[-1]) - 1
        triwulan[ke] = (triwulan[ke] or 0) + r.nilai
    baris: list[BarisAnggaran] = []
    per_program = kegiatan_per_program(kegiatan)
    program = read_program(tahun)
    for p in program:
        anak = per_program.get(p.id, [])
        real = [per_kegiatan[k.id] for k in anak if k.id in per_kegiatan]
        baris.append(
            BarisAnggaran(_nama(p.kode, p.nama), True, p.anggaran, sum(real) if real else None)
        )
        baris += [
            BarisAnggaran(_nama(k.kode, k.nama), False, k.anggaran, per_kegiatan.get(k.id))
            for k in anak
        ]
    tanpa = tuple(_nama(k.kode, k.nama) for k in kegiatan if k.anggaran is None)
    kosong = tuple(_nama(p.kode, p.nama) for p in program if not p.jumlah_kegiatan)
    return AnggaranLkjip(
        tuple(baris), (triwulan[0], triwulan[1], triwulan[2], triwulan[3]), tanpa, kosong
    )
