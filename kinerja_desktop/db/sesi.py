"""Who is working: the user every change is recorded for and whose role is checked.

The window (after its login dialog) and the command line (after ``--pengguna`` and the
password) call :func:`log_in_as`. An office with no user, or with a single one, is never
asked to log in: with no user the person at the PC is an administrator under the name of the
computer account, with one user it is that user. Only when several users exist must someone
log in before data can change (:func:`pengguna_aktif` refuses otherwise).
"""

import getpass
from collections.abc import Callable
from dataclasses import dataclass

from kinerja_desktop.db.models import Pengguna
from kinerja_desktop.domain.persetujuan import Peran
from kinerja_desktop.errors import TidakBerwenang


@dataclass(frozen=True)
class Sesi:
    """The user at work: the login name, the role and whether a login was needed."""

    nama: str
    peran: Peran
    nama_lengkap: str = ""

    @property
    def label(self) -> str:
        """``Siti (Operator)`` for the status bar and messages."""
        return f"{self.nama_lengkap or self.nama} ({self.peran.label})"


_aktif: Sesi | None = None
_penanya: Callable[[], Sesi] | None = None


def log_in_as(sesi: Sesi | None) -> None:
    """Set the user at work (None: nobody logged in)."""
    global _aktif
    _aktif = sesi


def ask_when_needed(penanya: Callable[[], Sesi] | None) -> None:
    """Let :func:`pengguna_aktif` log someone in when a change needs it: the command line asks
    for the password only then, so reading commands never ask."""
    global _penanya
    _penanya = penanya


def needs_login() -> bool:
    """Whether several active users exist, so someone must log in."""
    return Pengguna.select().where(Pengguna.aktif == True).count() > 1  # noqa: E712


def sesi_tanpa_masuk() -> Sesi | None:
    """The user at work when nobody must log in (no user, or a single one); None when
    several users exist."""
    aktif = list(Pengguna.select().where(Pengguna.aktif == True).limit(2))  # noqa: E712
    if len(aktif) == 1:
        p = aktif[0]
        return Sesi(p.nama, Peran(p.peran), p.nama_lengkap)
    if not aktif:
        return Sesi(_nama_akun(), Peran.ADMINISTRATOR)
    return None


def _nama_akun() -> str:
    # the computer account names the person in the log until users exist
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "pengguna"


def pengguna_aktif() -> Sesi:
    """The user at work; raises :class:`TidakBerwenang` when several users exist and nobody
    logged in (or the logged-in user was removed meanwhile)."""
    if _aktif is not None:
        row = Pengguna.get_or_none(Pengguna.nama == _aktif.nama)
        if row is not None and row.aktif:
            return Sesi(row.nama, Peran(row.peran), row.nama_lengkap)
        if row is None and not Pengguna.select().exists():
            return _aktif  # the implicit administrator of an office without users
    if _penanya is not None:
        ditanya = _penanya()
        log_in_as(ditanya)
        return ditanya
    sesi = sesi_tanpa_masuk()
    if sesi is None:
        raise TidakBerwenang(
            "Ada beberapa pengguna; masuk dulu dengan nama dan sandi "
            "(di jendela: menu Berkas › Ganti Pengguna; di baris perintah: --pengguna NAMA "
            "atau variabel KINERJA_PENGGUNA)."
        )
    return sesi


def require_administrator(apa: str) -> Sesi:
    """The user at work when an administrator; else :class:`TidakBerwenang` saying that
    ``apa`` ("Mengubah kategori capaian") is the administrator's."""
    sesi = pengguna_aktif()
    if sesi.peran is not Peran.ADMINISTRATOR:
        raise TidakBerwenang(f"{apa} hanya boleh dilakukan oleh Administrator.")
    return sesi
