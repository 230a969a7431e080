"""The targets workbook: a year's targets out to Excel, filled in there, and back in.

One row per indicator of the year (the name with its sub-items, as the decree words them),
one yellow column for the year's target and one per triwulan, already holding the targets
typed so far. Coming back, the file goes through the same doors as a desa workbook: the guard
(size, zip bomb, macros, links), recognition (our workbook, this year), the shape (rows and
columns as written) and every cell (a number or a range a-b, no "%", no formula), then a
preview that says what is new, changed, the same or not filled in. An emptied cell removes the
target it held. One file is written in one transaction, with a backup before and a copy of the
file kept, and it is in the import log so that it can be undone whole.

Long because both directions live here: the writer and the reader share one layout (sheets,
header row, columns, the hidden sheet's checksum), and splitting them would let one change
without the other.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.db.backup import ALASAN_IMPOR, backup_before
from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.models import (
    SUMBER_IMPOR_TARGET,
    ImporBatch,
    Indikator,
    Jabatan,
    Kantor,
    NilaiTarget,
    Sasaran,
)
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    KunciNilai,
    Lokasi,
    NilaiMasuk,
    NilaiTertulis,
    Penolakan,
    Rencana,
    apply_plan,
    plan_values,
)
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.periode import tahun_, triwulan
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.value_text import format_cell_target, parse_cell_target
from kinerja_desktop.errors import DataTidakValid
from kinerja_desktop.exchange.desa_template import butir_indikator, nama_dengan_butir
from kinerja_desktop.exchange.guard import check_berkas
from kinerja_desktop.exchange.import_copies import dengan_salinan
from kinerja_desktop.exchange.refusal import BerkasDitolak
from kinerja_desktop.exchange.xlsx_reader import CellKind, PembacaXlsx, WorkbookCell, nama_sel
from kinerja_desktop.fileio import atomic_write

JENIS_BERKAS = "kinerja-desktop/target"
VERSI = 1
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_TARGET = "Target"
LEMBAR_META = "_meta"
LEMBAR_ANGGARAN = "Anggaran"  # read-only: the programs the targets are planned with
BARIS_JUDUL_KOLOM = 5
BARIS_DATA_AWAL = 6
JUDUL_KOLOM = (
    "No",
    "Kode",
    "Jabatan",
    "Indikator",
    "Satuan",
    "Target Tahun",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
)
KOLOM_KODE = 2
KOLOM_TARGET_AWAL = 6  # Target Tahun, then TW I-IV
_BUAT_BARU = "Buat buku kerja target yang baru (Data › Buat Buku Kerja Target…) lalu isi lagi"


def _periode_kolom(tahun: int) -> list[str]:
    return [tahun_(tahun).id] + [triwulan(tahun, q).id for q in range(1, 5)]


@dataclass(frozen=True)
class BarisTarget:
    """One indicator's row of the workbook."""

    indikator_id: int
    kode: str
    jabatan: str
    nama: str
    satuan: str
    jenis: Jenis


def _baris(tahun: int) -> list[BarisTarget]:
    urut = (Jabatan.urutan, Sasaran.urutan, Indikator.urutan)
    jabatan = dict(
        Indikator.select(Indikator.id, Jabatan.nama)
        .join(Sasaran)
        .join(Jabatan)
        .where(Indikator.tahun == tahun)
        .tuples()
        .iterator()
    )
    indikator = list(
        Indikator.select()
        .join(Sasaran)
        .join(Jabatan)
        .where(Indikator.tahun == tahun)
        .order_by(*urut)
    )
    butir = butir_indikator(indikator)
    return [
        BarisTarget(
            i.id,
            i.kode,
            jabatan[i.id],
            nama_dengan_butir(i, butir[i.id]),
            i.satuan,
            Jenis(i.jenis),
        )
        for i in indikator
    ]


def _checksum(kode: list[str]) -> str:
    return hashlib.sha256("\n".join(kode).encode("utf-8")).hexdigest()[:16]


def nama_berkas_target(tahun: int) -> str:
    """``Target IKI 2020.xlsx``."""
    return f"Target IKI {tahun}.xlsx"


def write_buku_target(tahun: int, target: Path) -> int:
    """Write the targets workbook of ``tahun`` to ``target`` atomically; return its rows."""
    require_year(tahun)
    baris = _baris(tahun)
    kolom = _periode_kolom(tahun)
    tersimpan: dict[tuple[int, str], Target] = {
        (ind, per): Target(nilai, atas)
        for ind, per, nilai, atas in NilaiTarget.select(
            NilaiTarget.indikator, NilaiTarget.periode, NilaiTarget.nilai, NilaiTarget.nilai_atas
        )
        .join(Indikator)
        .where(Indikator.tahun == tahun)
        .tuples()
        .iterator()
    }
    anggaran = _baris_anggaran(tahun)
    kantor = Kantor.get_or_none()
    meta = {
        "jenis": JENIS_BERKAS,
        "versi": str(VERSI),
        "tahun": str(tahun),
        "kode_kecamatan": kantor.kode_wilayah if kantor is not None else "",
        "jumlah_baris": str(len(baris)),
        "checksum": _checksum([b.kode for b in baris]),
    }
    judul = f"Kecamatan {kantor.kecamatan}" if kantor is not None else ""

    def write_workbook(tmp: Path) -> None:
        _write_workbook(tahun, baris, kolom, tersimpan, meta, judul, anggaran, tmp)

    atomic_write(Path(target), write_workbook)
    return len(baris)


def _write_workbook(
    tahun: int,
    baris: list[BarisTarget],
    kolom: list[str],
    tersimpan: dict[tuple[int, str], Target],
    meta: dict[str, str],
    kantor: str,
    anggaran: list[tuple[str, str, str, str, bool]],
    target: Path,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.workbook.protection import WorkbookProtection

    from kinerja_desktop.exchange.xlsx_reader import angka_ke_kolom
    from kinerja_desktop.workbook import (
        fit_row_heights,
        fit_to_page_width,
        sel_teks,
    )

    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = LEMBAR_PETUNJUK
    lembar = wb.create_sheet(LEMBAR_TARGET)
    _write_anggaran_sheet(wb.create_sheet(LEMBAR_ANGGARAN), tahun, kantor, anggaran)
    lembar_meta = wb.create_sheet(LEMBAR_META)

    for i, teks in enumerate(
        (
            f"TARGET INDIKATOR KINERJA INDIVIDU TAHUN {tahun}",
            kantor,
            "",
            "Cara mengisi:",
            "1. Isi hanya sel kuning pada lembar Target: target setahun di kolom Target Tahun,",
            "   dan bila target dibagi per triwulan, di kolom TW I sampai TW IV.",
            "2. Tulis angka (8 atau 12,5) atau rentang dengan tanda minus (90-100). Jangan",
            "   menulis tanda % : satuan persen sudah melekat pada indikator persentase.",
            "3. Kosongkan sel bila belum ada target. Sel yang dikosongkan menghapus target yang",
            "   sudah tercatat di aplikasi.",
            "4. Target triwulan yang tidak diisi dihitung otomatis oleh aplikasi dari target",
            "   tahun (indikator jumlah dibagi rata; persentase memakai target yang sama).",
            "5. Jangan menambah, menghapus atau memindahkan baris dan kolom.",
            "6. Simpan sebagai Buku Kerja Excel (.xlsx), lalu impor lewat menu",
            "   Data › Impor Buku Kerja Target… di Kinerja Desktop.",
        ),
        start=1,
    ):
        sel = sel_teks(petunjuk, i, 1, teks)
        if i == 1:
            sel.font = Font(bold=True, size=14)
    petunjuk.column_dimensions["A"].width = 95
    petunjuk.protection.sheet = True

    sel_teks(lembar, 1, 1, f"TARGET INDIKATOR KINERJA INDIVIDU TAHUN {tahun}").font = Font(
        bold=True, size=13
    )
    sel_teks(lembar, 2, 1, kantor).font = Font(bold=True)
    sel_teks(
        lembar,
        3,
        1,
        "Isi hanya sel kuning: angka (8) atau rentang (90-100), tanpa tanda %. Kosongkan bila "
        "belum ada target. Baca lembar Petunjuk.",
    ).font = Font(italic=True)
    tipis = Side(style="thin", color="808080")
    garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    kepala = PatternFill("solid", fgColor="D9D9D9")
    kuning = PatternFill("solid", fgColor="FFF2CC")
    wrap_lines = Alignment(wrap_text=True, vertical="top")
    for c, label in enumerate(JUDUL_KOLOM, start=1):
        sel = sel_teks(lembar, BARIS_JUDUL_KOLOM, c, label)
        sel.font, sel.fill, sel.border = Font(bold=True), kepala, garis
        sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, b in enumerate(baris):
        r = BARIS_DATA_AWAL + i
        lembar.cell(row=r, column=1, value=i + 1).alignment = Alignment(vertical="top")
        for c, teks in ((2, b.kode), (3, b.jabatan), (4, b.nama), (5, b.satuan)):
            sel_teks(lembar, r, c, teks).alignment = wrap_lines
        for c in range(1, KOLOM_TARGET_AWAL):
            lembar.cell(row=r, column=c).border = garis
        for j, periode_id in enumerate(kolom):
            t = tersimpan.get((b.indikator_id, periode_id))
            sel = sel_teks(lembar, r, KOLOM_TARGET_AWAL + j, format_cell_target(t))
            # text, so that Excel keeps "1-4" as a range instead of making it a date
            sel.number_format = "@"
            sel.fill, sel.border = kuning, garis
            sel.protection = Protection(locked=False)
            sel.alignment = Alignment(horizontal="center", vertical="top")
    lebar = {1: 4, 2: 16, 3: 22, 4: 52, 5: 10}
    for c, w in lebar.items():
        lembar.column_dimensions[angka_ke_kolom(c)].width = w
    for c in range(KOLOM_TARGET_AWAL, KOLOM_TARGET_AWAL + len(kolom)):
        lembar.column_dimensions[angka_ke_kolom(c)].width = 10
    fit_row_heights(lembar, 15, 1.1)
    lembar.freeze_panes = lembar.cell(row=BARIS_DATA_AWAL, column=KOLOM_TARGET_AWAL)
    fit_to_page_width(lembar, "f4", "landscape", BARIS_JUDUL_KOLOM)
    lembar.oddFooter.center.text = "Halaman &P dari &N"
    lembar.protection.sheet = True
    lembar.protection.formatColumns = False
    lembar.protection.formatRows = False
    wb.active = 1

    for i, (kunci, nilai) in enumerate(meta.items(), start=1):
        sel_teks(lembar_meta, i, 1, kunci)
        sel_teks(lembar_meta, i, 2, nilai)
    lembar_meta.sheet_state = "veryHidden"
    lembar_meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(target)


def _baris_anggaran(tahun: int) -> list[tuple[str, str, str, str, bool]]:
    """The rows of the Anggaran sheet: (jabatan, program or kegiatan, code, Rupiah, whether
    it is a program row), programs before their kegiatan, in decree order."""
    from kinerja_desktop.db.queries_program import (
        kegiatan_per_program,
        read_kegiatan,
        read_program,
    )
    from kinerja_desktop.domain.value_text import format_rupiah

    nama_jabatan = dict(
        Jabatan.select(Jabatan.id, Jabatan.nama).where(Jabatan.tahun == tahun).tuples().iterator()
    )
    kegiatan = kegiatan_per_program(read_kegiatan(tahun))
    hasil: list[tuple[str, str, str, str, bool]] = []
    for p in read_program(tahun):
        if p.anggaran is not None:
            jumlah = format_rupiah(p.anggaran)
        else:  # as every document: no total while a kegiatan has no anggaran
            jumlah = "(belum diisi)" if p.anggaran_terisi is None else "(belum lengkap)"
        hasil.append((nama_jabatan[p.jabatan_id], p.nama, p.kode, jumlah, True))
        for k in kegiatan.get(p.id, []):
            teks = format_rupiah(k.anggaran) if k.anggaran is not None else "(belum diisi)"
            hasil.append(("", k.nama, k.kode, teks, False))
    return hasil


def _write_anggaran_sheet(
    lembar: Any, tahun: int, kantor: str, baris: list[tuple[str, str, str, str, bool]]
) -> None:
    """The read-only Anggaran sheet: what each jabatan's targets are planned with."""
    from openpyxl.styles import Alignment, Font

    from kinerja_desktop.workbook import fit_row_heights, fit_to_page_width, sel_teks

    sel_teks(lembar, 1, 1, f"PROGRAM DAN ANGGARAN TAHUN {tahun}").font = Font(bold=True, size=13)
    sel_teks(lembar, 2, 1, kantor).font = Font(bold=True)
    sel_teks(
        lembar,
        3,
        1,
        "Untuk dibaca saja: program, kegiatan dan anggaran diubah di tab Program & Aksi "
        "jabatannya di Kinerja Desktop."
        if baris
        else "Belum ada program dan anggaran tahun ini; isi di tab Program & Aksi jabatannya.",
    ).font = Font(italic=True)
    for c, label in enumerate(("Jabatan", "Program / Kegiatan", "Kode", "Anggaran"), start=1):
        sel_teks(lembar, BARIS_JUDUL_KOLOM, c, label).font = Font(bold=True)
    for i, (jabatan, nama, kode, rupiah, program) in enumerate(baris):
        r = BARIS_DATA_AWAL + i
        for c, teks in enumerate((jabatan, nama if program else f"   {nama}", kode), start=1):
            sel = sel_teks(lembar, r, c, teks)
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            sel.font = Font(bold=program)
        sel = sel_teks(lembar, r, 4, rupiah)
        sel.alignment = Alignment(horizontal="right", vertical="top")
        sel.font = Font(bold=program)
    for kolom, lebar in zip("ABCD", (28, 60, 16, 22), strict=True):
        lembar.column_dimensions[kolom].width = lebar
    fit_row_heights(lembar, 15, 1.1)
    fit_to_page_width(lembar, "f4", "portrait", BARIS_JUDUL_KOLOM)
    lembar.protection.sheet = True


# -- back in ---------------------------------------------------------------------------------


@dataclass
class PratinjauTarget:
    """What importing a targets workbook would do, or why it is refused. Nothing is written."""

    path: Path
    sha256: str = ""
    tahun: int | None = None
    penolakan: str | None = None  # the whole file is refused: the reason
    masalah: list[str] = field(default_factory=list)  # "Lembar Target, sel F7: …"
    rencana: Rencana | None = None
    sudah_diimpor_pada: str | None = None
    _isi: bytes = field(default=b"", repr=False)

    @property
    def nama(self) -> str:
        """The file's name."""
        return self.path.name

    @property
    def ditolak(self) -> bool:
        """Whether the file cannot be imported."""
        return self.penolakan is not None or bool(self.masalah)

    @property
    def has_changes(self) -> bool:
        """Whether importing would change any stored target."""
        return self.rencana is not None and bool(self.rencana.values_to_write)

    def ringkasan(self) -> str:
        """One line: the counts, the refusal, or that the same file was imported before."""
        if self.penolakan is not None:
            return f"{self.nama} ditolak: {self.penolakan}"
        if self.masalah:
            return (
                f"{self.nama} ditolak: {len(self.masalah)} sel tidak valid; tidak ada target "
                "yang disimpan dari berkas ini."
            )
        assert self.rencana is not None
        r = self.rencana
        hapus = f" (termasuk {len(r.dihapus)} dihapus)" if r.dihapus else ""
        teks = (
            f"{self.nama}: {len(r.baru)} target baru, {len(r.diubah) + len(r.dihapus)} "
            f"diubah{hapus}, {len(r.sama)} sama, {len(r.belum_diisi)} sel belum diisi."
        )
        if not self.has_changes and self.sudah_diimpor_pada:
            teks += f" Berkas ini sudah diimpor pada {self.sudah_diimpor_pada}."
        return teks


def _meta(baca: PembacaXlsx) -> dict[str, str]:
    lembar = baca.lembar(LEMBAR_META)
    if lembar is None:
        return {}
    hasil = {}
    for (r, c), sel in lembar.sel.items():
        if c == 1 and isinstance(sel.nilai, str):
            isi = lembar.sel.get((r, 2))
            hasil[sel.nilai] = "" if isi is None else str(isi.nilai)
    return hasil


def _teks_sel(sel: WorkbookCell | None) -> str:
    """The text of an input cell; DataTidakValid for what no target can be."""
    if sel is None:
        return ""
    if sel.jenis is CellKind.RUMUS:  # before the value: a formula may have none saved
        raise DataTidakValid("Berisi rumus; tulis angkanya saja.")
    if sel.nilai is None:
        return ""
    if sel.jenis is CellKind.TANGGAL:
        raise DataTidakValid(
            "Berisi tanggal (Excel mengubah isian seperti 1-4 menjadi tanggal); tulis ulang "
            "sebagai rentang, mis. 90-100."
        )
    if sel.jenis is CellKind.ANGKA and isinstance(sel.nilai, float):
        return f"{sel.nilai:g}"
    if sel.jenis in (CellKind.LOGIKA, CellKind.GALAT):
        raise DataTidakValid(f"Berisi {sel.nilai!r}, bukan angka.")
    return str(sel.nilai).strip()


def read_buku_target(path: Path | str, tahun: int) -> PratinjauTarget:
    """Check a targets workbook for ``tahun`` and compare it with the stored targets."""
    path = Path(path)
    hasil = PratinjauTarget(path)
    try:
        buku = check_berkas(path)
        hasil.sha256, hasil._isi = buku.sha256, buku.isi
        baca = PembacaXlsx(buku)
        meta = _meta(baca)
        if meta.get("jenis") != JENIS_BERKAS:
            raise BerkasDitolak(
                path,
                "bukan buku kerja target Kinerja Desktop (mungkin templat desa atau berkas "
                f"lain). {_BUAT_BARU}.",
            )
        if meta.get("tahun") != str(tahun):
            raise BerkasDitolak(
                path,
                f"buku kerja ini untuk tahun {meta.get('tahun')}, sedangkan yang dibuka tahun "
                f"{tahun}. Pilih tahun {meta.get('tahun')} di kotak Tahun, lalu impor lagi.",
            )
        hasil.tahun = tahun
        lembar = baca.lembar(LEMBAR_TARGET)
        if lembar is None:
            raise BerkasDitolak(path, f"lembar {LEMBAR_TARGET} tidak ada. {_BUAT_BARU}.")
        for c, label in enumerate(JUDUL_KOLOM, start=1):
            ada = lembar.sel.get((BARIS_JUDUL_KOLOM, c))
            if ada is None or str(ada.nilai).strip() != label:
                raise BerkasDitolak(
                    path,
                    f"sel {nama_sel(BARIS_JUDUL_KOLOM, c)} seharusnya {label!r}: kolom "
                    f"ditambah, dihapus atau dipindah. {_BUAT_BARU}.",
                )
        jumlah = int(meta.get("jumlah_baris", "0") or 0)
        kode = []
        for i in range(jumlah):
            sel = lembar.sel.get((BARIS_DATA_AWAL + i, KOLOM_KODE))
            kode.append("" if sel is None else str(sel.nilai).strip())
        if _checksum(kode) != meta.get("checksum"):
            raise BerkasDitolak(
                path, f"baris indikator ditambah, dihapus atau dipindah. {_BUAT_BARU}."
            )
        indikator = {
            k: i
            for k, i in Indikator.select(Indikator.kode, Indikator.id)
            .where(Indikator.tahun == tahun)
            .tuples()
            .iterator()
        }
        hilang = [k for k in kode if k not in indikator]
        if hilang:
            raise BerkasDitolak(
                path,
                f"indikator {', '.join(hilang[:5])} tidak ada lagi pada tahun {tahun} "
                f"(diubah kodenya atau dihapus sesudah buku kerja dibuat). {_BUAT_BARU}.",
            )
    except BerkasDitolak as exc:
        hasil.penolakan = exc.alasan
        return hasil
    masuk: list[NilaiMasuk] = []
    kolom = _periode_kolom(tahun)
    for i, k in enumerate(kode):
        r = BARIS_DATA_AWAL + i
        for j, periode_id in enumerate(kolom):
            ref = nama_sel(r, KOLOM_TARGET_AWAL + j)
            try:
                target = parse_cell_target(_teks_sel(lembar.sel.get((r, KOLOM_TARGET_AWAL + j))))
            except DataTidakValid as exc:
                hasil.masalah.append(f"Lembar {LEMBAR_TARGET}, sel {ref} ({k}): {exc.pesan}")
                continue
            lokasi = Lokasi(
                f"Lembar {LEMBAR_TARGET}, sel {ref} ({k})", lembar=LEMBAR_TARGET, sel=ref
            )
            masuk.append(
                NilaiMasuk(
                    KunciNilai("target", indikator[k], periode_id), target=target, lokasi=lokasi
                )
            )
    if hasil.masalah:
        return hasil
    rencana = plan_values(masuk)
    hasil.masalah = [_kalimat(p) for p in rencana.ditolak]
    if not hasil.masalah:
        hasil.rencana = rencana
    sebelumnya = (
        ImporBatch.select(ImporBatch.waktu)
        .where(
            (ImporBatch.sha256 == hasil.sha256)
            & (ImporBatch.jenis == "target")
            & ImporBatch.dibatalkan.is_null()
        )
        .order_by(ImporBatch.id.desc())
        .first()
    )
    if sebelumnya is not None:
        hasil.sudah_diimpor_pada = format_waktu(sebelumnya.waktu)
    return hasil


def _kalimat(p: Penolakan) -> str:
    return f"{p.lokasi}: {p.alasan}"


def apply_buku_target(pratinjau: PratinjauTarget) -> Hasil[NilaiTertulis]:
    """Write a checked targets workbook as one import batch (backup first, copy kept).

    Raises :class:`DataTidakValid` for a refused file; a file that changes nothing writes
    nothing (``batch_id`` None).
    """
    if pratinjau.ditolak or pratinjau.rencana is None:
        raise DataTidakValid(pratinjau.ringkasan())
    rencana = pratinjau.rencana
    if not rencana.values_to_write:
        return apply_plan(rencana, SUMBER_IMPOR_TARGET)
    backup_before(ALASAN_IMPOR)

    def apply_with_copy(berkas_simpan: str) -> Hasil[NilaiTertulis]:
        info = BatchInfo(
            pratinjau.nama,
            pratinjau.sha256,
            "target",
            SUMBER_IMPOR_TARGET,
            tahun=pratinjau.tahun,
            periode=str(pratinjau.tahun),
            berkas_simpan=berkas_simpan,
        )
        return apply_plan(rencana, SUMBER_IMPOR_TARGET, info)

    return dengan_salinan(pratinjau.nama, pratinjau.sha256, pratinjau._isi, apply_with_copy)
