"""Desa workbooks in: guard, identify, validate every input cell, preview, apply, log.

:func:`import_berkas_desa` checks every file first, and with ``coba`` writes nothing: each file
gets a :class:`PratinjauBerkas` saying what it would change (new, changed old -> new, removed,
unchanged) or why it is refused (the whole file, or each invalid cell with its sheet, cell and
reason). :func:`apply_berkas` writes one
checked file in one transaction through :mod:`kinerja_desktop.db.ops_nilai`, logging it as an
import batch and keeping a copy of the original in the database's own import folder.

Long because previewing (one file, several files of one desa, a file after an earlier one of
the same run) and applying belong to one import; reading the workbook is in desa_workbook, the
file guard in guard, the cell reader in xlsx_reader.
"""

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kinerja_desktop.db.archive import stored_file
from kinerja_desktop.db.backup import ALASAN_IMPOR, backup_before, bound_local_path
from kinerja_desktop.db.changes import Hasil, Perubahan, combined
from kinerja_desktop.db.connection import explain_bound_failure
from kinerja_desktop.db.models import (
    SUMBER_IMPOR_DESA,
    Desa,
    ImporBatch,
)
from kinerja_desktop.db.ops_nilai import (
    BatchInfo,
    NilaiMasuk,
    NilaiTertulis,
    Rencana,
    apply_plan,
    komponen_baris,
    plan_values,
)
from kinerja_desktop.domain.capaian import Komponen, angka
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.domain.wilayah import nama_desa_lengkap
from kinerja_desktop.errors import DataTidakValid, KinerjaError
from kinerja_desktop.exchange.desa_layout import LEMBAR_ISIAN, is_open
from kinerja_desktop.exchange.desa_template import nilai_tercatat
from kinerja_desktop.exchange.desa_workbook import (
    Identitas,
    MasalahSel,
    check_shape,
    identify,
    read_values,
)
from kinerja_desktop.exchange.guard import BukuKerjaMentah, check_berkas
from kinerja_desktop.exchange.import_copies import dengan_salinan
from kinerja_desktop.exchange.refusal import BerkasDitolak
from kinerja_desktop.exchange.xlsx_reader import (
    PembacaXlsx,
)
from kinerja_desktop.fileio import explain_os_error


@dataclass(frozen=True)
class PerubahanNilai:
    """One value the file would change, for the preview."""

    kode: str
    periode: str
    lama: str | None  # None: no data before
    baru: str | None  # None: the value is removed
    nama: str = ""  # the indicator's name, so that a line reads without the code list

    def kalimat(self) -> str:
        """ "+ KASI-KESOS.01 Jumlah kegiatan … — Januari 2020: 5" or
        "~ … — Maret 2020: 3 → kosong (dihapus)"."""
        label = parse_periode(self.periode).label
        apa = f"{self.kode} {self.nama} — {label}" if self.nama else f"{self.kode} {label}"
        if self.lama is None:
            return f"+ {apa}: {self.baru}"
        return f"~ {apa}: {self.lama} → {self.baru or 'kosong (dihapus)'}"


@dataclass(frozen=True)
class PratinjauBerkas:
    """What importing one file would do, or why it is refused. Nothing is written.

    Immutable: each step (check, plan, refusal) returns a new preview, so the preview the
    operator was shown is exactly the one applied (:func:`apply_previews`).
    """

    path: Path
    sha256: str = ""
    kode_desa: str = ""
    nama_desa: str = ""
    tahun: int | None = None
    periode: str = ""
    penolakan: str | None = None  # the whole file is refused: the reason
    masalah: tuple[MasalahSel, ...] = ()
    rencana: Rencana | None = field(default=None, repr=False, compare=False)
    baru: tuple[PerubahanNilai, ...] = ()
    diubah: tuple[PerubahanNilai, ...] = ()  # removals included (baru None)
    sama: int = 0  # values equal to the stored ones
    belum_diisi: int = 0  # empty cells with nothing stored: no value, not "the same"
    dilewati: tuple[str, ...] = ()  # values of approved periods: why
    sudah_diimpor: str | None = None  # "impor nomor 3 pada 29 November 2026 01.38": seen before
    sudah_diimpor_pada: str | None = None  # "29 November 2026 01.38", for the window
    _buku: BukuKerjaMentah | None = field(default=None, repr=False, compare=False)
    _masuk: tuple[NilaiMasuk, ...] = field(default=(), repr=False)
    _desa_id: int | None = field(default=None, repr=False)
    _kode: Mapping[int, str] = field(default_factory=dict, repr=False, compare=False)
    _nama: Mapping[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def nama(self) -> str:
        """The file's name as the operator knows it."""
        return self.path.name

    @property
    def ditolak(self) -> bool:
        """Whether the file cannot be applied."""
        return self.penolakan is not None or bool(self.masalah)

    @property
    def has_changes(self) -> bool:
        """Whether applying would change any stored value."""
        return bool(self.baru or self.diubah)

    def ringkasan(self) -> str:
        """One Indonesian line: the desa and period with the counts, or the refusal."""
        if self.penolakan is not None:
            return f"{self.nama}: DITOLAK. {self.penolakan}"
        if self.masalah:
            return (
                f"{self.nama}: DITOLAK, {len(self.masalah)} sel tidak valid; tidak ada nilai "
                "yang disimpan dari berkas ini."
            )
        dihapus = sum(1 for p in self.diubah if p.baru is None)
        hapus = f" (termasuk {dihapus} dihapus)" if dihapus else ""
        kepala = f"{self.nama}: {self.judul()}: "
        lewat = self.rencana is not None and len(self.rencana.dilewati)
        terkunci = f", {lewat} dilewati karena periodenya sudah disetujui" if lewat else ""
        kosong = f", {self.belum_diisi} sel belum diisi" if self.belum_diisi else ""
        if not self.has_changes:
            if self.sudah_diimpor_pada:
                return kepala + (
                    f"tidak ada perubahan: berkas ini sudah diimpor pada "
                    f"{self.sudah_diimpor_pada} ({self.sama} nilai sudah sama{kosong}{terkunci})."
                )
            return kepala + f"tidak ada perubahan ({self.sama} nilai sudah sama{kosong}{terkunci})."
        return kepala + (
            f"{len(self.baru)} baru, {len(self.diubah)} diubah{hapus}, {self.sama} sama"
            f"{kosong}{terkunci}."
        )

    def judul(self) -> str:
        """ "Desa Kemiri (35.07.13.2001), Tahun 2026"."""
        label = parse_periode(self.periode).label if self.periode else ""
        return f"{self.nama_desa} ({self.kode_desa}), {label}"


@dataclass(frozen=True)
class ImporBerkas:
    """One applied file (carried by its :class:`Hasil`): its preview, its batch in the import
    log and the kept copy (both None when the file changed nothing)."""

    pratinjau: PratinjauBerkas
    batch_id: int | None
    berkas_simpan: Path | None


def _display(komponen: Komponen | None) -> str | None:
    if komponen is None:
        return None
    if komponen.pembilang is not None or komponen.penyebut is not None:
        return f"{angka(komponen.pembilang or 0)}/{angka(komponen.penyebut or 0)}"
    return angka(komponen.nilai) if komponen.nilai is not None else None


def _recorded_in_closed(ident: Identitas) -> dict[tuple[str, str], float]:
    """What is recorded in the grey cells of the file's triwulan rows, as its template showed:
    the one thing those cells may hold."""
    tutup = [p for p in ident.kolom if not is_open(True, p)]
    if not ident.triwulanan or not tutup:
        return {}
    kode = {k.rsplit(":", 1)[0] for k in ident.triwulanan}
    return nilai_tercatat(ident.desa.id, ident.tahun, kode, tutup)


def _check_isi(
    path: Path | str, tahun: int | None = None, kode_desa: str | None = None
) -> PratinjauBerkas:
    """Guard, identify and read every input cell of one file; the database is read for the
    file's desa and indicators and what its grey cells showed, not compared with yet."""
    path = Path(path)
    hasil = PratinjauBerkas(path)
    try:
        buku = check_berkas(path)
        hasil = replace(hasil, sha256=buku.sha256, _buku=buku)
        baca = PembacaXlsx(buku)
        ident = identify(path, baca, tahun, kode_desa)
        hasil = replace(
            hasil,
            kode_desa=ident.desa.kode,
            nama_desa=nama_desa_lengkap(ident.desa.jenis, ident.desa.nama),
            tahun=ident.tahun,
            periode=ident.periode,
        )
        isian = baca.lembar(LEMBAR_ISIAN)
        assert isian is not None
        check_shape(path, isian, ident)
    except BerkasDitolak as exc:
        return replace(hasil, penolakan=exc.alasan)
    masuk, masalah = read_values(isian, ident, _recorded_in_closed(ident))
    return replace(
        hasil,
        _masuk=tuple(masuk),
        masalah=tuple(masalah),
        _desa_id=ident.desa.id,
        _kode={i.id: k for k, i in ident.indikator.items()},
        _nama={i.id: " ".join(i.nama.split()) for i in ident.indikator.values()},
    )


def _with_plan(hasil: PratinjauBerkas, rencana: Rencana) -> PratinjauBerkas:
    """``hasil`` with the plan: what it would change, or the refused cells."""
    masalah = hasil.masalah + tuple(
        MasalahSel(LEMBAR_ISIAN, p.lokasi.sel or "-", p.alasan) for p in rencana.ditolak
    )
    if masalah:
        return replace(hasil, masalah=masalah)
    kode, nama = hasil._kode, hasil._nama
    baru = tuple(
        PerubahanNilai(
            kode[m.kunci.indikator_id],
            m.kunci.periode,
            None,
            _display(m.komponen),
            nama.get(m.kunci.indikator_id, ""),
        )
        for m in rencana.baru
    )
    diubah = tuple(
        PerubahanNilai(
            kode[m.kunci.indikator_id],
            m.kunci.periode,
            _display(komponen_baris(lama.baris)),
            _display(m.komponen),
            nama.get(m.kunci.indikator_id, ""),
        )
        for m, lama in rencana.diubah + rencana.dihapus
    )
    sebelumnya = (
        ImporBatch.select()
        .where(
            (ImporBatch.sha256 == hasil.sha256)
            & (ImporBatch.jenis == "desa")
            & ImporBatch.dibatalkan.is_null()
        )
        .order_by(ImporBatch.id.desc())
        .first()
    )
    sudah = pada = None
    if sebelumnya is not None:
        pada = format_waktu(sebelumnya.waktu)
        sudah = f"impor nomor {sebelumnya.id} pada {pada}"
    return replace(
        hasil,
        rencana=rencana,
        baru=baru,
        diubah=diubah,
        sama=len(rencana.sama),
        dilewati=tuple(rencana.alasan_dilewati()),
        belum_diisi=len(rencana.belum_diisi),
        sudah_diimpor=sudah,
        sudah_diimpor_pada=pada,
    )


def _split_by_desa(rencana: Rencana) -> dict[int | None, Rencana]:
    """A plan split by desa, in one pass."""
    hasil: dict[int | None, Rencana] = {}

    def bagian(m: NilaiMasuk) -> Rencana:
        return hasil.setdefault(m.kunci.desa_id, Rencana())

    for m in rencana.baru:
        bagian(m).baru.append(m)
    for m in rencana.sama:
        bagian(m).sama.append(m)
    for m in rencana.belum_diisi:
        bagian(m).belum_diisi.append(m)
    for m, c in rencana.diubah:
        bagian(m).diubah.append((m, c))
    for m, c in rencana.dihapus:
        bagian(m).dihapus.append((m, c))
    for m, alasan in rencana.dilewati:
        bagian(m).dilewati.append((m, alasan))
    return hasil


def _plan_all(semua: Sequence[PratinjauBerkas]) -> list[PratinjauBerkas]:
    """The previews compared with the database, in as few queries as possible.

    Files of different desa are planned together (one read of the stored values); two files of
    the same desa, or a plan with refusals the cell checks did not catch, are planned file by
    file so that every refusal lands on its own file.
    """
    kelompok: list[list[int]] = []  # indexes into semua
    for n, p in enumerate(semua):
        if p.ditolak:
            continue
        tempat = next(
            (k for k in kelompok if all(semua[q]._desa_id != p._desa_id for q in k)), None
        )
        if tempat is None:
            kelompok.append([n])
        else:
            tempat.append(n)
    hasil = list(semua)
    for k in kelompok:
        rencana = plan_values([m for n in k for m in semua[n]._masuk])
        if rencana.ditolak and len(k) > 1:
            for n in k:
                hasil[n] = _with_plan(semua[n], plan_values(semua[n]._masuk))
            continue
        per_desa = {semua[k[0]]._desa_id: rencana} if len(k) == 1 else _split_by_desa(rencana)
        for n in k:
            hasil[n] = _with_plan(semua[n], per_desa.get(semua[n]._desa_id, Rencana()))
    return hasil


def _refuse_overlaps(semua: Sequence[PratinjauBerkas]) -> list[PratinjauBerkas]:
    """Refuse every file of a run that shares a desa and a month with another file of it.

    Which one should win is not for the application to guess (the later name? the later
    save?): applied one after the other, the second would overwrite or delete the first's
    values. Both are refused, each naming the others, and the operator imports the right one
    alone. The dry run and the real run refuse the same files.
    """
    bulan: dict[tuple[int | None, str], list[PratinjauBerkas]] = {}
    for p in semua:
        if p.ditolak:
            continue
        for b in parse_periode(p.periode).bulan:
            bulan.setdefault((p._desa_id, f"{p.tahun}{b:02d}"), []).append(p)
    bentrok: dict[int, list[PratinjauBerkas]] = {}
    for kelompok in bulan.values():
        if len(kelompok) > 1:
            for p in kelompok:
                lain = bentrok.setdefault(id(p), [])
                lain += [q for q in kelompok if q is not p and q not in lain]
    hasil = []
    for p in semua:
        if id(p) not in bentrok:
            hasil.append(p)
            continue
        nama = [q.nama for q in sorted([p, *bentrok[id(p)]], key=lambda q: q.nama)]
        daftar = ", ".join(nama[:-1]) + " dan " + nama[-1]
        alasan = (
            f"{daftar} sama-sama berisi isian {p.nama_desa} ({p.kode_desa}) untuk bulan yang "
            "sama, sehingga tidak jelas isian mana yang berlaku. Tidak ada yang diimpor dari "
            "berkas-berkas itu: impor hanya berkas yang benar (mis. perbaikan terakhir dari "
            "desa), sendiri."
        )
        hasil.append(replace(p, penolakan=alasan))
    return hasil


def _replan(p: PratinjauBerkas) -> PratinjauBerkas:
    """``p`` compared again with what is stored now."""
    kosong = replace(
        p,
        rencana=None,
        baru=(),
        diubah=(),
        sama=0,
        belum_diisi=0,
        dilewati=(),
        sudah_diimpor=None,
        sudah_diimpor_pada=None,
    )
    return _plan_all([kosong])[0]


def apply_berkas(pratinjau: PratinjauBerkas) -> Hasil[ImporBerkas]:
    """Apply one checked file in one transaction and log it as an import batch, keeping a
    copy of the file in the database's import folder (:mod:`.import_copies`).

    A file that changes nothing writes nothing (``batch_id`` None).

    Raises :class:`DataTidakValid` for a refused file (nothing is written).
    """
    if pratinjau.ditolak or pratinjau.rencana is None:
        raise DataTidakValid(pratinjau.ringkasan())
    if not pratinjau.has_changes:
        # like db.ops_nilai.terapkan: a file that changes nothing leaves no batch and no copy, so
        # the log lists only imports that can be undone
        tetap = Perubahan(f"{pratinjau.nama}: tidak ada nilai yang berubah.")
        return Hasil(tetap, ImporBerkas(pratinjau, None, None))
    assert pratinjau._buku is not None
    rencana = pratinjau.rencana
    desa = Desa.get(Desa.kode == pratinjau.kode_desa)
    diterapkan: list[Hasil[NilaiTertulis]] = []

    def apply_with_copy(berkas_simpan: str) -> int | None:
        info = BatchInfo(
            nama_berkas=pratinjau.nama,
            sha256=pratinjau.sha256,
            jenis="desa",
            sumber=SUMBER_IMPOR_DESA,
            desa_id=desa.id,
            tahun=pratinjau.tahun,
            periode=pratinjau.periode,
            berkas_simpan=berkas_simpan,
        )
        diterapkan.append(apply_plan(rencana, SUMBER_IMPOR_DESA, info))
        return diterapkan[-1].data.batch_id

    batch_id = dengan_salinan(
        pratinjau.nama, pratinjau.sha256, pratinjau._buku.isi, apply_with_copy
    )
    batch = ImporBatch.get_by_id(batch_id) if batch_id is not None else None
    salinan = stored_file(bound_local_path(), batch.berkas_simpan) if batch is not None else None
    return Hasil(diterapkan[-1].perubahan, ImporBerkas(pratinjau, batch_id, salinan))


def import_berkas_desa(
    paths: Sequence[Path | str],
    coba: bool = False,
    tahun: int | None = None,
    kode_desa: str | None = None,
    kemajuan: Callable[[int, int, str], None] | None = None,
) -> tuple[list[PratinjauBerkas], list[Hasil[ImporBerkas]]]:
    """Check every file, then (unless ``coba``) apply each accepted one in its own transaction.

    A refused file never stops the others. A backup is taken once before the first write.
    Returns the previews and the applied results.
    """
    total = len(paths) * (1 if coba else 2)
    diperiksa = []
    for i, path in enumerate(paths):
        if kemajuan:
            kemajuan(i, total, f"Memeriksa {Path(path).name}")
        diperiksa.append(_check_isi(path, tahun, kode_desa))
    pratinjau = _plan_all(_refuse_overlaps(diperiksa))
    if coba:
        return pratinjau, []
    return _apply_all(pratinjau, kemajuan, len(paths), total)


@dataclass(frozen=True)
class ImporDesa:
    """What one import of several desa files did (carried by its :class:`Hasil`)."""

    pratinjau: list[PratinjauBerkas]  # every preview as applied, refusals added
    berkas: list[Hasil[ImporBerkas]]  # one result per file applied


def apply_previews(
    pratinjau: Sequence[PratinjauBerkas],
    kemajuan: Callable[[int, int, str], None] | None = None,
) -> Hasil[ImporDesa]:
    """Apply exactly what ``pratinjau`` showed the operator, without reading the files again.

    A file whose bytes on the stick are no longer the ones checked (saved again, replaced,
    removed), or whose desa's stored values changed since the check so that the shown changes
    are no longer what would happen, is refused with the reason and nothing of it is written;
    the operator checks it again. The change record joins those of the files that changed
    something, with the count of files imported, unchanged and refused as its message.
    """
    semua = [p if p.ditolak else _refuse_if_changed(p) for p in pratinjau]
    akhir, hasil = _apply_all(semua, kemajuan, 0, len(semua))
    berubah = [h for h in hasil if h.data.pratinjau.has_changes]
    ditolak = sum(1 for p in akhir if p.ditolak)
    pesan = (
        f"{len(berubah)} berkas diimpor dengan perubahan, "
        f"{len(hasil) - len(berubah)} tanpa perubahan, {ditolak} ditolak."
    )
    if berubah:
        pesan += " Setiap impor dapat dibatalkan lewat menu Data › Riwayat Impor."
    return Hasil(combined([h.perubahan for h in berubah], pesan), ImporDesa(akhir, hasil))


def _refuse_if_changed(p: PratinjauBerkas) -> PratinjauBerkas:
    """``p`` as it will be applied, or refused when the file or the stored values changed."""
    try:
        isi = p.path.read_bytes()
    except OSError as exc:
        return replace(p, penolakan=explain_os_error(exc, p.path).pesan)
    if hashlib.sha256(isi).hexdigest() != p.sha256:
        return replace(
            p,
            penolakan="berkas ini berubah sejak diperiksa (disimpan lagi atau diganti di "
            "flashdisk). Periksa lagi, lalu impor hasil pemeriksaan yang baru.",
        )
    sekarang = _replan(p)
    if not sekarang.ditolak and (sekarang.baru, sekarang.diubah, sekarang.sama) != (
        p.baru,
        p.diubah,
        p.sama,
    ):
        return replace(
            p,
            penolakan=f"nilai {p.nama_desa} yang tersimpan berubah sejak berkas ini diperiksa, "
            "jadi perubahan yang ditampilkan tidak lagi tepat. Periksa lagi, lalu impor.",
        )
    return sekarang


def _apply_all(
    pratinjau: list[PratinjauBerkas],
    kemajuan: Callable[[int, int, str], None] | None,
    sudah: int,
    total: int,
) -> tuple[list[PratinjauBerkas], list[Hasil[ImporBerkas]]]:
    """Apply every file not refused, each in its own transaction, after one backup; return the
    previews as applied (refusals added) and the results."""
    hasil: list[Hasil[ImporBerkas]] = []
    akhir = list(pratinjau)
    if any(p.has_changes for p in akhir if not p.ditolak):
        backup_before(ALASAN_IMPOR)
    desa_ditulis: set[int | None] = set()
    langkah = 0
    for n, p in enumerate(pratinjau):
        if p.ditolak:
            continue
        if kemajuan:
            kemajuan(sudah + langkah, total, f"Menyimpan {p.nama}")
        langkah += 1
        if p._desa_id in desa_ditulis:
            # an earlier file of this run changed the same desa: compare again with what is
            # stored now, so this file's preview and batch tell what it really changes
            p = akhir[n] = _replan(p)
            if p.ditolak:
                continue
        desa_ditulis.add(p._desa_id)
        try:
            hasil.append(apply_berkas(p))
        except KinerjaError as exc:
            akhir[n] = replace(p, penolakan=exc.pesan)
        except Exception as exc:
            # a full disk half-way: this file was rolled back and the files before it are
            # saved; say both rather than only the failure, and stop (the next file would
            # meet the same disk)
            explained = explain_bound_failure(exc)
            if explained is None:
                raise
            akhir[n] = replace(p, penolakan=f"{explained.pesan} Berkas ini tidak disimpan.")
            for m in range(n + 1, len(akhir)):
                if not akhir[m].ditolak:
                    berhenti = f"Belum diimpor karena impor berhenti pada {p.nama}."
                    akhir[m] = replace(akhir[m], penolakan=berhenti)
            break
    return akhir, hasil


def berkas_di_folder(folder: Path) -> list[Path]:
    """The .xlsx files of a folder (a USB stick), skipping Excel's ``~$`` lock files."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith(("~$", "."))
    )
