"""A restore may not change an approved period: the check before a backup replaces the data,
and the audit entry after it.

A backup made before a period was approved holds other values for it (or none), so restoring
it would change locked values unseen. :func:`refuse_locked_restore` compares the approved
periods of the live database with the backup's and refuses unless the backup holds the same
approval (the same step at the same time: then its values are the locked ones). The
administrator unlocks the period first when the older data is really wanted.
"""

import contextlib
import sqlite3
from pathlib import Path

from kinerja_desktop.command_line import command
from kinerja_desktop.db.location import DatabaseLocation
from kinerja_desktop.domain.periode import parse_periode
from kinerja_desktop.domain.tanggal import format_waktu
from kinerja_desktop.errors import Terkunci

_SQL = (
    'SELECT p."jabatan_id", j."nama", p."jenis", p."periode", p."oleh", p."waktu" '
    'FROM "persetujuan" p JOIN "jabatan" j ON j."id" = p."jabatan_id" '
    "WHERE p.\"status\" = 'disetujui'"
)


def _read_approved(path: Path) -> dict[tuple[int, str, str], tuple[str, str, str]] | None:
    """(jabatan id, kind, period) -> (jabatan name, by, when) of the approved periods in the
    database file at ``path``; None when it cannot be read (a damaged live database)."""
    try:
        raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        with contextlib.closing(raw):
            ada = raw.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'persetujuan'"
            ).fetchone()[0]
            if not ada:
                return {}  # a backup from before schema 7: nothing was approved then
            return {(r[0], r[2], r[3]): (r[1], r[4], r[5]) for r in raw.execute(_SQL)}
    except sqlite3.Error:
        return None


def _unlock_command(
    db: DatabaseLocation, kini: Path, jabatan_id: int, jenis: str, periode: str
) -> str:
    """The ``persetujuan buka-kunci`` command unlocking that period of ``db`` (whose data the
    file ``kini`` holds), or its general form when the jabatan cannot be read."""
    try:
        raw = sqlite3.connect(f"{kini.resolve().as_uri()}?mode=ro", uri=True)
        with contextlib.closing(raw):
            row = raw.execute(
                'SELECT "kode", "tahun" FROM "jabatan" WHERE "id" = ?', (jabatan_id,)
            ).fetchone()
    except sqlite3.Error:
        row = None
    kode, tahun = row if row is not None else ("KODE", "TAHUN")
    target = ["--target"] if jenis == "target" else []
    return command(
        db, "persetujuan", "buka-kunci", "--tahun", str(tahun), "--periode", periode,
        "--jabatan", str(kode), *target, "--catatan", "ALASAN",
    )  # fmt: skip


def refuse_locked_restore(kini: Path, cadangan: Path, db: DatabaseLocation) -> None:
    """Raise :class:`Terkunci` when restoring the database file ``cadangan`` over ``kini``
    (the data of the database ``db``, named in the unlocking command the refusal shows)
    would change a period approved in ``kini``."""
    if not Path(kini).exists():
        return
    sekarang = _read_approved(Path(kini))
    if not sekarang:
        return  # nothing approved, or the live file is damaged (the restore is the way out)
    lama = _read_approved(Path(cadangan)) or {}
    beda = sorted(
        (kunci, info)
        for kunci, info in sekarang.items()
        if lama.get(kunci, ("", "", ""))[1:] != info[1:]
    )
    if not beda:
        return
    (jabatan_id, jenis, periode), (nama, oleh, waktu) = beda[0]
    apa = "Target" if jenis == "target" else "Realisasi"
    lagi = f" (dan {len(beda) - 1} periode terkunci lainnya)" if len(beda) > 1 else ""
    raise Terkunci(
        f"Cadangan ini dibuat sebelum {apa.lower()} {parse_periode(periode).label} jabatan "
        f"{nama} disetujui oleh {oleh} pada {format_waktu(waktu)}{lagi}; memulihkannya akan "
        f"mengubah periode yang terkunci. {apa} itu tetap seperti sekarang dan tidak ada yang "
        "diubah. Bila data lama memang diperlukan, administrator membuka kuncinya dulu: "
        f"{_unlock_command(db, Path(kini), jabatan_id, jenis, periode)}."
    )


def log_restore(sumber: Path, sebelumnya: Path | None) -> None:
    """Log a restore in the restored database (opened and upgraded by the caller): the log
    then says which backup the data came from and where the replaced state was kept."""
    from kinerja_desktop.db.audit import Entri, record_entries, sekarang
    from kinerja_desktop.db.models import database_proxy
    from kinerja_desktop.db.sesi import pengguna_aktif

    simpan = f"; keadaan sebelumnya di {sebelumnya.name}" if sebelumnya is not None else ""
    entri = Entri(
        aksi="pulih_cadangan", jenis="basis_data", catatan=f"dari {Path(sumber).name}{simpan}"
    )
    with database_proxy.atomic():
        record_entries([entri], sekarang(), pengguna_aktif().nama)
