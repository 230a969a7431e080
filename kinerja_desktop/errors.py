"""Errors that reach a user: each carries a plain Indonesian message.

Anything that is not a :class:`KinerjaError` is a bug and is shown as one.
"""


class KinerjaError(Exception):
    """A refusal or environment problem the user can act on; ``pesan`` is Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class DataTidakValid(KinerjaError):
    """Input that breaks a rule (a bad NIP, an unknown code, a duplicate year)."""


class TidakDitemukan(KinerjaError):
    """A year, jabatan or indicator that does not exist."""


class BasisDataBermasalah(KinerjaError):
    """The database file cannot be used: damaged, newer version, locked, not ours."""


class LingkunganBermasalah(KinerjaError):
    """The disk or folder refuses: full, read-only, file open elsewhere."""


class DiskPenuh(LingkunganBermasalah):
    """The disk is full; the message says where, how much is left and what to do."""


class BasisDataSibuk(LingkunganBermasalah):
    """Another program or process is using the database (a window, a command, a lock)."""


class BasisDataRusak(BasisDataBermasalah):
    """A check found the database file damaged; restoring a backup is the way out."""


class TidakBerwenang(KinerjaError):
    """A step the current user's role may not take, a wrong password, or no user chosen."""


class Terkunci(KinerjaError):
    """A change to a period that is approved and so locked."""
