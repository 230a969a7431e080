"""Approval steps per jabatan and period, and the lock an approved period puts on its values.

Realisasi are approved per jabatan and period (a month, triwulan, semester or the year);
targets per jabatan and year. Approving a period locks every value of the jabatan's
indicators whose period lies inside it (approving 2026Q1 locks January to March and the
triwulan itself). :func:`check_locks` is what every writer of values asks before writing.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.audit_nilai import JENIS_PERSETUJUAN
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Indikator, Jabatan, Persetujuan, Sasaran, database_proxy
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.periode import JenisPeriode, Periode, parse_periode
from kinerja_desktop.domain.persetujuan import ATURAN, Langkah, Status, alasan_tolak
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import DataTidakValid, Terkunci, TidakBerwenang, TidakDitemukan


@dataclass(frozen=True)
class InfoPersetujuan:
    """The approval state of one jabatan, kind and period, with who took the last step."""

    jabatan_id: int
    jenis: str  # "realisasi" or "target"
    periode: str
    status: Status
    oleh: str = ""
    waktu: str = ""
    catatan: str = ""

    @property
    def terkunci(self) -> bool:
        """Whether the period is approved, so its values cannot change."""
        return self.status is Status.DISETUJUI

    @property
    def kalimat(self) -> str:
        """``Disetujui oleh admin, 29 November 2026 03.04`` or ``Draf (belum diajukan)``; the
        approved period is named when it is wider than the one asked about."""
        if self.status is Status.DRAF and not self.oleh:
            return "Draf (belum diajukan)"
        return f"{self.status.label} oleh {self.oleh}, {format_waktu(self.waktu)}"

    def kalimat_kunci(self, nama_jabatan: str) -> str:
        """Why a value is locked: the period, who approved it and when (Indonesian)."""
        apa = "Target" if self.jenis == "target" else "Realisasi"
        return (
            f"{apa} {parse_periode(self.periode).label} jabatan {nama_jabatan} sudah disetujui "
            f"oleh {self.oleh} pada {format_waktu(self.waktu)} dan dikunci. "
            "Minta administrator membuka kuncinya bila perlu diubah."
        )


def _info(row: Persetujuan) -> InfoPersetujuan:
    return InfoPersetujuan(
        row.jabatan_id,
        row.jenis,
        row.periode,
        Status(row.status),
        row.oleh,
        row.waktu,
        row.catatan,
    )


def status_persetujuan(jabatan_id: int, jenis: str, periode: str) -> InfoPersetujuan:
    """The state of one jabatan, kind and period (draf when never touched)."""
    row = Persetujuan.get_or_none(
        (Persetujuan.jabatan == jabatan_id)
        & (Persetujuan.jenis == jenis)
        & (Persetujuan.periode == periode)
    )
    return (
        _info(row) if row is not None else InfoPersetujuan(jabatan_id, jenis, periode, Status.DRAF)
    )


def persetujuan_tahun(tahun: int) -> list[InfoPersetujuan]:
    """Every approval state recorded for the jabatan of ``tahun`` (draf ones included)."""
    query = (
        Persetujuan.select()
        .join(Jabatan)
        .where(Jabatan.tahun == tahun)
        .order_by(Jabatan.urutan, Persetujuan.jenis, Persetujuan.periode)
    )
    return [_info(r) for r in query]


def _periode_sah(jabatan: Jabatan, jenis: str, periode: str) -> Periode:
    if jenis not in ("realisasi", "target"):
        raise DataTidakValid(f"Jenis {jenis!r} tidak dikenal; pilih realisasi atau target.")
    p = parse_periode(periode)
    if p.tahun != jabatan.tahun_id:
        raise DataTidakValid(
            f"Periode {p.id} bukan tahun {jabatan.tahun_id}, tahun jabatan {jabatan.nama}."
        )
    if jenis == "target" and p.jenis is not JenisPeriode.TAHUN:
        raise DataTidakValid(f"Target disetujui per tahun: tulis periode {p.tahun}, bukan {p.id}.")
    return p


def take_step(
    langkah: Langkah, jabatan_id: int, jenis: str, periode: str, catatan: str = ""
) -> Hasil[None]:
    """Take an approval step as the user at work, logged in the same transaction.

    Raises :class:`TidakBerwenang` when the role may not take it, :class:`DataTidakValid`
    when the state does not allow it or a required note is missing.
    """
    jabatan = Jabatan.get_or_none(Jabatan.id == jabatan_id)
    if jabatan is None:
        raise TidakDitemukan(f"Jabatan nomor {jabatan_id} tidak ada.")
    p = _periode_sah(jabatan, jenis, periode)
    sesi = pengguna_aktif()
    with database_proxy.atomic():
        sekarang_ = status_persetujuan(jabatan_id, jenis, p.id)
        alasan = alasan_tolak(langkah, sekarang_.status, sesi.peran, catatan)
        if alasan is not None:
            apa = f"{'Target' if jenis == 'target' else 'Realisasi'} {p.label} {jabatan.nama}"
            galat = TidakBerwenang if "hanya boleh" in alasan else DataTidakValid
            raise galat(f"{apa}: {alasan}")
        waktu = sekarang()
        ke = ATURAN[langkah].ke
        Persetujuan.insert(
            jabatan=jabatan_id,
            jenis=jenis,
            periode=p.id,
            status=ke.value,
            oleh=sesi.nama,
            waktu=waktu,
            catatan=catatan.strip(),
        ).on_conflict(
            conflict_target=[Persetujuan.jabatan, Persetujuan.jenis, Persetujuan.periode],
            update={
                Persetujuan.status: ke.value,
                Persetujuan.oleh: sesi.nama,
                Persetujuan.waktu: waktu,
                Persetujuan.catatan: catatan.strip(),
            },
        ).execute()
        record_entries(
            [
                Entri(
                    aksi=langkah.value,
                    jenis=JENIS_PERSETUJUAN[jenis],
                    jabatan_id=jabatan_id,
                    periode=p.id,
                    lama=sekarang_.status.value,
                    baru=ke.value,
                    catatan=catatan.strip() or None,
                )
            ],
            waktu,
            sesi.nama,
        )
    apa = "target" if jenis == "target" else "realisasi"
    return Hasil(
        Perubahan(
            pesan=f"{langkah.label}: {apa} {p.label} {jabatan.nama} sekarang {ke.label.lower()}.",
            tahun=jabatan.tahun_id,
            jabatan=frozenset({jabatan_id}),
            nilai=True,
        ),
        None,
    )


@dataclass(frozen=True)
class Kuncian:
    """A value locked by an approval: which approval and the jabatan's name."""

    info: InfoPersetujuan
    nama_jabatan: str

    @property
    def kalimat(self) -> str:
        """The Indonesian reason naming the period, who approved it and when."""
        return self.info.kalimat_kunci(self.nama_jabatan)


def _read_approved(jabatan_ids: Iterable[int]) -> dict[int, list[tuple[Periode, InfoPersetujuan]]]:
    ids = sorted(set(jabatan_ids))
    hasil: dict[int, list[tuple[Periode, InfoPersetujuan]]] = defaultdict(list)
    if not ids:
        return hasil
    query = Persetujuan.select().where(
        (Persetujuan.status == Status.DISETUJUI.value) & Persetujuan.jabatan.in_(ids)
    )
    for row in query:
        hasil[row.jabatan_id].append((parse_periode(row.periode), _info(row)))
    return hasil


def check_locks(
    kunci: Iterable[tuple[str, int, str]],
) -> dict[tuple[str, int, str], Kuncian]:
    """Which of ``kunci`` (kind, indicator id, period) are locked, with the approval that
    locks each; two queries whatever the number of keys."""
    kunci = list(set(kunci))
    ind_ids = sorted({k[1] for k in kunci})
    jabatan_of: dict[int, tuple[int, str]] = {}
    for i in range(0, len(ind_ids), 500):
        query = (
            Indikator.select(Indikator.id, Jabatan.id, Jabatan.nama)
            .join(Sasaran)
            .join(Jabatan)
            .where(Indikator.id.in_(ind_ids[i : i + 500]))
            .tuples()
        )
        jabatan_of.update({r[0]: (r[1], r[2]) for r in query.iterator()})
    disetujui = _read_approved(j for j, _ in jabatan_of.values())
    if not disetujui:
        return {}
    hasil: dict[tuple[str, int, str], Kuncian] = {}
    for k in kunci:
        jenis, ind, periode = k
        if ind not in jabatan_of:
            continue
        jabatan_id, nama = jabatan_of[ind]
        try:
            p = parse_periode(periode)
        except DataTidakValid:
            continue  # refused elsewhere with its own reason
        for dalam, info in disetujui.get(jabatan_id, ()):
            if info.jenis == jenis and dalam.contains(p):
                hasil[k] = Kuncian(info, nama)
                break
    return hasil


def check_jabatan_locks(
    kunci: Iterable[tuple[str, int, str]],
) -> dict[tuple[str, int, str], Kuncian]:
    """Which of ``kunci`` (kind, jabatan id, period) an approval of the jabatan locks: what
    is stored per jabatan rather than per indicator (budget realised locks with the jabatan's
    realisasi, the programs and Rencana Aksi with its targets of the year); one query."""
    kunci = list(set(kunci))
    disetujui = _read_approved(j for _, j, _ in kunci)
    if not disetujui:
        return {}
    nama: dict[int, str] = dict(
        Jabatan.select(Jabatan.id, Jabatan.nama)
        .where(Jabatan.id.in_(list(disetujui)))
        .tuples()
        .iterator()
    )
    hasil: dict[tuple[str, int, str], Kuncian] = {}
    for k in kunci:
        jenis, jabatan_id, periode = k
        p = parse_periode(periode)
        for dalam, info in disetujui.get(jabatan_id, ()):
            if info.jenis == jenis and dalam.contains(p):
                hasil[k] = Kuncian(info, nama[jabatan_id])
                break
    return hasil


def refuse_kuncian(kuncian: Collection[Kuncian]) -> None:
    """Raise :class:`Terkunci` naming the earliest of ``kuncian`` and how many other approved
    periods lock what was to change; nothing when it is empty."""
    if kuncian:
        pertama = sorted(kuncian, key=lambda k: k.info.periode)[0]
        lagi = len({(k.info.jabatan_id, k.info.periode) for k in kuncian}) - 1
        tambahan = f" (dan {lagi} periode terkunci lainnya)" if lagi > 0 else ""
        raise Terkunci(f"{pertama.kalimat}{tambahan} Tidak ada yang diubah.")


def refuse_locked_jabatan(kunci: Iterable[tuple[str, int, str]], apa: str) -> None:
    """Raise :class:`Terkunci` when an approval locks any of ``kunci`` (kind, jabatan id,
    period); ``apa`` ("Realisasi anggaran") says what could not be changed."""
    kuncian = check_jabatan_locks(kunci)
    if kuncian:
        pertama = sorted(kuncian.values(), key=lambda k: k.info.periode)[0]
        raise Terkunci(f"{apa} tidak diubah: {pertama.kalimat}")


def status_nilai(
    indikator_ids: Iterable[int],
) -> dict[tuple[int, str], list[tuple[Periode, Status]]]:
    """The recorded realisasi states of the jabatan of ``indikator_ids``, per indicator:
    ``(indicator, "realisasi"|"target") -> [(period, state)]`` (for the grid and reports)."""
    ids = sorted(set(indikator_ids))
    hasil: dict[tuple[int, str], list[tuple[Periode, Status]]] = defaultdict(list)
    for i in range(0, len(ids), 500):
        query = (
            Indikator.select(
                Indikator.id, Persetujuan.jenis, Persetujuan.periode, Persetujuan.status
            )
            .join(Sasaran)
            .join(Persetujuan, on=(Persetujuan.jabatan == Sasaran.jabatan))
            .where(Indikator.id.in_(ids[i : i + 500]))
            .tuples()
        )
        for ind, jenis, periode, status in query.iterator():
            hasil[(ind, jenis)].append((parse_periode(periode), Status(status)))
    return hasil


def status_dari(daftar: list[tuple[Periode, Status]], periode: Periode) -> Status:
    """The state of a value of ``periode`` under the recorded states ``daftar``: its own
    period's state, but approved when any approved period contains it."""
    sendiri = Status.DRAF
    for p, status in daftar:
        if status is Status.DISETUJUI and p.contains(periode):
            return Status.DISETUJUI
        if p == periode:
            sendiri = status
    return sendiri


def keadaan_periode(jabatan_ids: Iterable[int], periode: Periode) -> dict[int, InfoPersetujuan]:
    """The approval of each jabatan's realisasi for ``periode`` as a report states it: an
    approved period containing it (the year approves its triwulan), else the period's own
    state (draf when never touched)."""
    ids = sorted(set(jabatan_ids))
    hasil = {j: InfoPersetujuan(j, "realisasi", periode.id, Status.DRAF) for j in ids}
    if not ids:
        return hasil
    query = Persetujuan.select().where(
        (Persetujuan.jenis == "realisasi") & Persetujuan.jabatan.in_(ids)
    )
    for row in query:
        info, p = _info(row), parse_periode(row.periode)
        if (
            info.terkunci
            and p.contains(periode)
            or p == periode
            and not hasil[row.jabatan_id].terkunci
        ):
            hasil[row.jabatan_id] = info
    return hasil


def refuse_locked_year(tahun: int, apa: str) -> None:
    """Raise :class:`Terkunci` when a period of ``tahun`` is approved: ``apa`` ("Mengganti IKI
    tahun 2026") would remove approved jabatan with their locked values."""
    row = (
        Persetujuan.select(Persetujuan, Jabatan)
        .join(Jabatan)
        .where((Jabatan.tahun == tahun) & (Persetujuan.status == Status.DISETUJUI.value))
        .order_by(Persetujuan.periode)
        .first()
    )
    if row is not None:
        kunci = _info(row).kalimat_kunci(row.jabatan.nama)
        raise Terkunci(f"{apa} akan menghapus jabatan yang periodenya sudah disetujui. {kunci}")
