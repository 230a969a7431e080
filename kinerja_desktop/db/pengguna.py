"""Users of the office PC: add, change, log in, and the way out of a forgotten password.

Passwords are kept only as ``scrypt$n$r$p$salt$hash`` (``hashlib.scrypt``, a random 16-byte
salt, 16 MiB of memory per try), compared in constant time. Three wrong passwords in a row make
the next try wait (5 s, then doubling up to 5 minutes), recorded in the database so that a new
window or command does not start the count again.

The first user must be an administrator, and the last active administrator can be neither
removed nor demoted, so an office never ends up without one. A forgotten password of the only
administrator is reset from the PC itself: :func:`request_sandi_reset` names a file that the
person must create in the data folder, which only someone logged in to that computer can do,
and :func:`reset_sandi` then sets the new password (see README, "Lupa sandi
administrator"). Every change is logged in the audit log.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Pengguna, database_proxy
from kinerja_desktop.db.sesi import Sesi, log_in_as, pengguna_aktif, require_administrator
from kinerja_desktop.domain.persetujuan import Peran
from kinerja_desktop.errors import DataTidakValid, TidakBerwenang, TidakDitemukan

_N, _R, _P = 2**14, 8, 1
PANJANG_MIN = 6
BATAS_GAGAL = 3  # wrong passwords in a row before the next try must wait


def hash_sandi(sandi: str) -> str:
    """The stored form of ``sandi``: scrypt with a fresh random salt."""
    garam = secrets.token_bytes(16)
    kunci = hashlib.scrypt(sandi.encode("utf-8"), salt=garam, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${garam.hex()}${kunci.hex()}"


def verify_sandi(sandi: str, tersimpan: str) -> bool:
    """Whether ``sandi`` is the password whose stored form is ``tersimpan``."""
    try:
        nama, n, r, p, garam, kunci = tersimpan.split("$")
        if nama != "scrypt":
            return False
        hitung = hashlib.scrypt(
            sandi.encode("utf-8"),
            salt=bytes.fromhex(garam),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(kunci) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(hitung.hex(), kunci)


def jeda_detik(gagal: int) -> int:
    """How long the next try must wait after ``gagal`` wrong passwords in a row."""
    if gagal < BATAS_GAGAL:
        return 0
    return min(5 * 2 ** (gagal - BATAS_GAGAL), 300)


@dataclass(frozen=True)
class InfoPengguna:
    """A user as listed (never the password hash)."""

    nama: str
    nama_lengkap: str
    peran: Peran
    aktif: bool


def daftar_pengguna() -> list[InfoPengguna]:
    """Every user, active first, by name."""
    query = Pengguna.select().order_by(Pengguna.aktif.desc(), Pengguna.nama)
    return [InfoPengguna(p.nama, p.nama_lengkap, Peran(p.peran), p.aktif) for p in query]


def _nama_sah(nama: str) -> str:
    nama = nama.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,31}", nama):
        raise DataTidakValid(
            f"Nama pengguna {nama!r} tidak dapat dipakai: 2-32 huruf kecil, angka, titik, "
            "garis bawah atau tanda hubung, tanpa spasi (misalnya siti atau budi.s)."
        )
    return nama


def _sandi_sah(sandi: str) -> str:
    if len(sandi) < PANJANG_MIN:
        raise DataTidakValid(f"Sandi terlalu pendek: paling sedikit {PANJANG_MIN} karakter.")
    return sandi


def _record(oleh: str, lama: str | None, baru: str | None, catatan: str) -> None:
    entri = Entri(aksi="pengguna", jenis="pengguna", lama=lama, baru=baru, catatan=catatan)
    record_entries([entri], sekarang(), oleh)


def _summary(p: Pengguna) -> str:
    # the log names who and which role, never the password hash
    status = "" if p.aktif else ", nonaktif"
    return f"{p.nama} ({p.peran}{status})"


def _admin_aktif(selain: int | None = None) -> int:
    query = Pengguna.select().where(
        (Pengguna.peran == Peran.ADMINISTRATOR.value) & (Pengguna.aktif == True)  # noqa: E712
    )
    if selain is not None:
        query = query.where(Pengguna.id != selain)
    return query.count()


def add_pengguna(nama: str, peran: Peran, sandi: str, nama_lengkap: str = "") -> Hasil[None]:
    """Add a user (administrator only; the first user must be an administrator)."""
    nama = _nama_sah(nama)
    _sandi_sah(sandi)
    sesi = require_administrator("Menambah pengguna")
    with database_proxy.atomic():
        if not Pengguna.select().exists() and peran is not Peran.ADMINISTRATOR:
            raise DataTidakValid(
                "Pengguna pertama harus administrator (yang menyetujui dan mengelola "
                "pengguna); tambahkan dulu administrator, lalu operator dan verifikator."
            )
        if Pengguna.get_or_none(Pengguna.nama == nama) is not None:
            raise DataTidakValid(f"Nama pengguna {nama} sudah ada; pilih nama lain.")
        baru = Pengguna.create(
            nama=nama, nama_lengkap=nama_lengkap.strip(), peran=peran.value, sandi=hash_sandi(sandi)
        )
        _record(sesi.nama, None, _summary(baru), "pengguna ditambahkan")
    return Hasil(Perubahan(pesan=f"Pengguna {nama} ({peran.label}) ditambahkan."), None)


def _find(nama: str) -> Pengguna:
    row = Pengguna.get_or_none(Pengguna.nama == nama.strip().lower())
    if row is None:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        raise TidakDitemukan(
            f"Pengguna {nama} tidak ada. Lihat daftar dengan: "
            f"{command(bound_location(), 'pengguna', 'daftar')}."
        )
    return row


def update_pengguna(
    nama: str,
    peran: Peran | None = None,
    aktif: bool | None = None,
    nama_lengkap: str | None = None,
) -> Hasil[None]:
    """Change a user's role, active state or full name (administrator only)."""
    sesi = require_administrator("Mengubah pengguna")
    with database_proxy.atomic():
        row = _find(nama)
        sebelum = _summary(row)
        if peran is not None:
            row.peran = peran.value
        if aktif is not None:
            row.aktif = aktif
        if nama_lengkap is not None:
            row.nama_lengkap = nama_lengkap.strip()
        tetap_admin = row.peran == Peran.ADMINISTRATOR.value and row.aktif
        if not tetap_admin and not _admin_aktif(selain=row.id):
            raise DataTidakValid(
                f"{row.nama} adalah administrator aktif terakhir; tambahkan atau aktifkan "
                "administrator lain dulu."
            )
        row.save()
        _record(sesi.nama, sebelum, _summary(row), "pengguna diubah")
    return Hasil(Perubahan(pesan=f"Pengguna {row.nama} diubah."), None)


def change_sandi(nama: str, sandi_baru: str, sandi_lama: str | None = None) -> Hasil[None]:
    """Set a new password: one's own with the old password, anyone's as administrator."""
    _sandi_sah(sandi_baru)
    sesi = pengguna_aktif()
    with database_proxy.atomic():
        row = _find(nama)
        if row.nama != sesi.nama:
            require_administrator("Mengganti sandi pengguna lain")
        elif sesi.peran is not Peran.ADMINISTRATOR and not (
            sandi_lama is not None and verify_sandi(sandi_lama, row.sandi)
        ):
            raise TidakBerwenang("Sandi lama salah; sandi tidak diganti.")
        row.sandi = hash_sandi(sandi_baru)
        row.gagal = 0
        row.save()
        _record(sesi.nama, None, None, f"sandi {row.nama} diganti")
    return Hasil(Perubahan(pesan=f"Sandi {row.nama} diganti."), None)


def log_in(nama: str, sandi: str, waktu: datetime | None = None) -> Sesi:
    """Check a login; return the session or raise :class:`TidakBerwenang`.

    After three wrong passwords in a row, a try before the waiting time is refused without
    checking the password (saying how long to wait); a wrong one makes the wait longer.
    """
    waktu = waktu or datetime.now()
    row = Pengguna.get_or_none(Pengguna.nama == nama.strip().lower())
    if row is None or not row.aktif:
        raise TidakBerwenang(f"Nama pengguna {nama} tidak dikenal atau tidak aktif.")
    tunggu = jeda_detik(row.gagal)
    if tunggu and row.gagal_terakhir:
        sisa = tunggu - (waktu - datetime.fromisoformat(row.gagal_terakhir)).total_seconds()
        if sisa > 0:
            raise TidakBerwenang(
                f"Sudah {row.gagal} kali sandi salah berturut-turut. "
                f"Coba lagi {int(sisa) + 1} detik lagi."
            )
    benar = verify_sandi(sandi, row.sandi)
    with database_proxy.atomic():
        if benar:
            Pengguna.update(gagal=0, gagal_terakhir=None).where(Pengguna.id == row.id).execute()
        else:
            Pengguna.update(
                gagal=Pengguna.gagal + 1, gagal_terakhir=waktu.isoformat(timespec="seconds")
            ).where(Pengguna.id == row.id).execute()
    if not benar:
        lagi = jeda_detik(row.gagal + 1)
        tambahan = f" Tunggu {lagi} detik sebelum mencoba lagi." if lagi else ""
        raise TidakBerwenang(f"Sandi salah untuk {row.nama}.{tambahan}")
    return Sesi(row.nama, Peran(row.peran), row.nama_lengkap)


def begin_session(nama: str, sandi: str, waktu: datetime | None = None) -> Hasil[Sesi]:
    """Log in (as :func:`log_in` checks) and make that user the one at work.

    The change record says values changed: what each view lets the operator do (approve,
    unlock, edit) depends on who is working. Raises :class:`TidakBerwenang`.
    """
    sesi = log_in(nama, sandi, waktu)
    log_in_as(sesi)
    return Hasil(Perubahan(f"Sekarang bekerja sebagai {sesi.label}.", nilai=True), sesi)


NAMA_BERKAS_PEMULIHAN = "pulihkan-sandi-{kode}.txt"


def request_sandi_reset(nama: str, folder: Path) -> Path:
    """Start the reset of a forgotten administrator password: return the file (in ``folder``,
    the data folder) whose existence proves the person sits at this PC."""
    row = _find(nama)
    if row.peran != Peran.ADMINISTRATOR.value:
        raise DataTidakValid(
            f"{row.nama} bukan administrator; sandinya diganti oleh administrator "
            "(pengguna sandi NAMA)."
        )
    kode = secrets.token_hex(4)
    Pengguna.update(pemulihan=kode).where(Pengguna.id == row.id).execute()
    return folder / NAMA_BERKAS_PEMULIHAN.format(kode=kode)


def reset_sandi(nama: str, sandi_baru: str, folder: Path) -> Hasil[None]:
    """Finish the reset begun by :func:`request_sandi_reset` once its file exists in ``folder``;
    the file is removed and the reset is logged."""
    _sandi_sah(sandi_baru)
    row = _find(nama)
    if not row.pemulihan:
        from kinerja_desktop.command_line import command
        from kinerja_desktop.db.backup import bound_location

        raise DataTidakValid(
            f"Belum ada permintaan pemulihan untuk {row.nama}; jalankan dulu "
            f"{command(bound_location(), 'pengguna', 'pulihkan', row.nama)}."
        )
    berkas = folder / NAMA_BERKAS_PEMULIHAN.format(kode=row.pemulihan)
    if not berkas.exists():
        raise TidakBerwenang(
            f"Berkas {berkas} belum ada. Buat berkas kosong dengan nama itu di folder data "
            "komputer ini, lalu ulangi perintah."
        )
    with database_proxy.atomic():
        Pengguna.update(
            sandi=hash_sandi(sandi_baru), pemulihan=None, gagal=0, gagal_terakhir=None
        ).where(Pengguna.id == row.id).execute()
        _record(row.nama, None, None, "sandi dipulihkan dengan berkas di komputer ini")
    berkas.unlink(missing_ok=True)
    return Hasil(Perubahan(pesan=f"Sandi {row.nama} diganti. Berkas pemulihan dihapus."), None)
