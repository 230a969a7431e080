"""What the Beranda shows for a year on a given day: what needs doing, completeness, capaian.

Everything is counted from the stored values with the same functions the reports use
(:func:`~kinerja_desktop.reports.kelengkapan.kelengkapan`,
:func:`~kinerja_desktop.reports.capaian_data.capaian_jabatan`), so the Beranda never tells a
different story than the Kelengkapan table or the capaian report. Each to-do line carries
where it is done (:class:`Tujuan`); the window only takes the operator there.

"Closed" means ended before today, as for completeness: on 5 November the last closed month
is October and the last closed triwulan is Triwulan III.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kinerja_desktop.db.models import Indikator, Jabatan, NilaiRealisasi, NilaiTarget
from kinerja_desktop.db.queries_impor import read_riwayat_impor
from kinerja_desktop.db.queries_nilai import nilai_tahun, penilaian
from kinerja_desktop.domain.periode import (
    Periode,
    bulan_setahun,
    periode_terakhir_selesai,
    triwulan_setahun,
)
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.reports.capaian_data import capaian_jabatan, rentang_pita
from kinerja_desktop.reports.grafik import GrafikCapaian, grafik_capaian
from kinerja_desktop.reports.kelengkapan import SelKelengkapan, StatusKelengkapan, kelengkapan
from kinerja_desktop.reports.pekerjaan import (
    Pekerjaan,
    Tempat,
    Tujuan,
    cadangan_flashdisk,
    daftar_nama,
    langkah_awal,
    pekerjaan_persetujuan,
    pekerjaan_realisasi,
    pekerjaan_target,
)

TERAKHIR = 5  # how many imports and backups the Beranda lists


@dataclass(frozen=True)
class Kejadian:
    """One recent import or backup."""

    waktu: str  # as people read it
    teks: str


@dataclass(frozen=True)
class Kelengkapan:
    """The completeness grid: desa (rows) × periods (columns), one cell each."""

    periode: tuple[Periode, ...]
    desa: tuple[str, ...]
    sel: dict[tuple[int, int], SelKelengkapan]  # (row, column) → cell; absent: retired

    def count_by_status(self) -> dict[str, int]:
        """Cells of ended periods by status, and cells not yet due."""
        hasil = {"diterima": 0, "sebagian": 0, "belum": 0, "belum_waktunya": 0}
        for s in self.sel.values():
            if s.jatuh_tempo or s.status is StatusKelengkapan.DITERIMA:
                hasil[s.status.value] += 1
            else:
                hasil["belum_waktunya"] += 1
        return hasil


@dataclass
class DataBeranda:
    """Everything the Beranda shows for one year on one day."""

    tahun: int
    hari_ini: date
    kosong: bool  # no value stored in the year: a new office, shown the first steps
    periode_capaian: Periode
    bulan_selesai: Periode | None  # the last month of the year that has ended
    per_bulan: Kelengkapan
    per_triwulan: Kelengkapan
    grafik: GrafikCapaian
    jabatan_id: dict[str, int]  # the chart names jabatan by code; clicking one opens it
    pekerjaan: list[Pekerjaan] = field(default_factory=list)
    langkah_awal: list[Pekerjaan] = field(default_factory=list)
    impor: list[Kejadian] = field(default_factory=list)
    cadangan: list[Kejadian] = field(default_factory=list)


def _grid(tahun: int, per: str, hari_ini: date) -> Kelengkapan:
    periode, sel = kelengkapan(tahun, per, hari_ini)
    desa: list[str] = []
    for s in sel:
        if s.nama_desa not in desa:
            desa.append(s.nama_desa)
    kolom = {p.id: i for i, p in enumerate(periode)}
    cells = {(desa.index(s.nama_desa), kolom[s.periode]): s for s in sel}
    return Kelengkapan(tuple(periode), tuple(desa), cells)


def _last_finished(periode: Sequence[Periode], hari_ini: date) -> Periode | None:
    ended = [p for p in periode if p.tanggal_akhir < hari_ini]
    return ended[-1] if ended else None


def _pekerjaan_desa(grid: Kelengkapan, bulan: Periode | None) -> list[Pekerjaan]:
    if bulan is None:
        return []
    col = grid.periode.index(bulan)
    belum = [grid.desa[r] for (r, c), s in sorted(grid.sel.items()) if c == col
             and s.status is StatusKelengkapan.BELUM]  # fmt: skip
    sebagian = [grid.desa[r] for (r, c), s in sorted(grid.sel.items()) if c == col
                and s.status is StatusKelengkapan.SEBAGIAN]  # fmt: skip
    hasil = []
    if belum:
        hasil.append(
            Pekerjaan(
                f"{len(belum)} desa/kelurahan belum mengirim data {bulan.label}: "
                f"{daftar_nama(belum)}. Impor isian desa yang sudah masuk.",
                Tujuan(Tempat.IMPOR_DESA),
                "\n".join(belum),
            )
        )
    if sebagian:
        hasil.append(
            Pekerjaan(
                f"{len(sebagian)} desa/kelurahan baru mengirim sebagian data {bulan.label}: "
                f"{daftar_nama(sebagian)}. Lihat indikator yang kurang.",
                Tujuan(Tempat.KELENGKAPAN),
                "\n".join(sebagian),
            )
        )
    if not belum and not sebagian and grid.sel:
        hasil.append(
            Pekerjaan(
                f"Semua desa/kelurahan sudah mengirim data {bulan.label} dengan lengkap.",
                Tujuan(Tempat.KELENGKAPAN),
                penting=False,
            )
        )
    return hasil


def _read_latest_imports(tahun: int) -> list[Kejadian]:
    hasil = []
    for c in read_riwayat_impor(tahun)[:TERAKHIR]:
        asal = f"{c.jenis_label}"
        if c.nama_desa:
            asal += f" {c.nama_desa}"
        batal = " (dibatalkan)" if c.dibatalkan else ""
        hasil.append(
            Kejadian(
                format_waktu(c.waktu),
                f"{asal}: {c.nama_berkas}, {c.baru} nilai baru, {c.diubah} diubah{batal}",
            )  # fmt: skip
        )
    return hasil


def _cadangan_terakhir(db_path: Path | None) -> list[Kejadian]:
    from kinerja_desktop import settings
    from kinerja_desktop.db.backup import list_backups

    kejadian: list[tuple[datetime, str]] = []
    if db_path is not None:
        for c in list_backups(db_path)[-TERAKHIR:]:
            kejadian.append((c.waktu, f"Cadangan otomatis ({c.alasan.replace('-', ' ')})"))
    try:
        luar = datetime.fromisoformat(settings.get("cadangan_luar_waktu"))
    except ValueError:
        pass
    else:
        kejadian.append((luar, f"Cadangan ke {settings.get('cadangan_luar_berkas')}"))
    kejadian.sort(reverse=True)
    return [Kejadian(format_waktu(w), t) for w, t in kejadian[:TERAKHIR]]


def has_nilai(tahun: int) -> bool:
    """Whether any target or realisasi is stored for ``tahun``."""
    for model in (NilaiTarget, NilaiRealisasi):
        ada = (
            model.select(model.id).join(Indikator).where(Indikator.tahun == tahun).limit(1).exists()
        )
        if ada:
            return True
    return False


def build_beranda(
    tahun: int, hari_ini: date | None = None, db_path: Path | None = None
) -> DataBeranda:
    """The Beranda of ``tahun`` on ``hari_ini`` (default: today). ``db_path`` is the database
    file whose automatic backups are listed (None: a server, which keeps none)."""
    hari_ini = hari_ini or date.today()
    per_bulan = _grid(tahun, "bulan", hari_ini)
    per_triwulan = _grid(tahun, "triwulan", hari_ini)
    bulan = _last_finished(bulan_setahun(tahun), hari_ini)
    triwulan = _last_finished(triwulan_setahun(tahun), hari_ini)
    periode = periode_terakhir_selesai(tahun, hari_ini)
    aturan = penilaian()
    nilai = nilai_tahun(tahun)
    grafik = grafik_capaian(
        capaian_jabatan(tahun, periode, nilai),
        rentang_pita(aturan.pita),
        f"Capaian per jabatan, {periode.label}",
    )
    data = DataBeranda(
        tahun=tahun,
        hari_ini=hari_ini,
        kosong=not has_nilai(tahun),
        periode_capaian=periode,
        bulan_selesai=bulan,
        per_bulan=per_bulan,
        per_triwulan=per_triwulan,
        grafik=grafik,
        jabatan_id={
            kode: i
            for kode, i in Jabatan.select(Jabatan.kode, Jabatan.id)
            .where(Jabatan.tahun == tahun)
            .tuples()
            .iterator()
        },
        impor=_read_latest_imports(tahun),
        cadangan=_cadangan_terakhir(db_path),
    )
    if data.kosong:
        data.langkah_awal = langkah_awal(tahun)
        data.pekerjaan = [cadangan_flashdisk(hari_ini)]
        return data
    data.pekerjaan = [
        *_pekerjaan_desa(per_bulan, bulan),
        *pekerjaan_persetujuan(tahun),
        *pekerjaan_realisasi(nilai, bulan, triwulan),
        *pekerjaan_target(nilai, tahun),
        cadangan_flashdisk(hari_ini),
    ]
    return data
