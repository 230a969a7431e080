"""Roles and the approval workflow (the vocabulary DHIS2 and e-Kinerja users know).

A jabatan's realisasi of a period (and its targets of a year) go draf → diajukan →
diverifikasi → disetujui. A verifikator or administrator can return them to draf with a note
(dikembalikan); an approved period is locked until an administrator unlocks it with a reason,
which also puts it back to draf. Each step belongs to roles; the administrator may take every
step, so that an office with one user can still approve.
"""

from dataclasses import dataclass
from enum import StrEnum


class Peran(StrEnum):
    """What a user may do."""

    OPERATOR = "operator"  # enters and imports values, submits
    VERIFIKATOR = "verifikator"  # checks, returns or verifies
    ADMINISTRATOR = "administrator"  # approves, unlocks, manages users and settings

    @property
    def label(self) -> str:
        """The role as shown to a user."""
        return {"operator": "Operator", "verifikator": "Verifikator"}.get(
            self.value, "Administrator"
        )


class Status(StrEnum):
    """The approval state of a period."""

    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIVERIFIKASI = "diverifikasi"
    DISETUJUI = "disetujui"

    @property
    def label(self) -> str:
        """The state as shown to a user ("Disetujui")."""
        return self.value.capitalize()


class Langkah(StrEnum):
    """An approval step (the words of the ``persetujuan`` command)."""

    AJUKAN = "ajukan"
    VERIFIKASI = "verifikasi"
    SETUJUI = "setujui"
    KEMBALIKAN = "kembalikan"
    BUKA_KUNCI = "buka-kunci"

    @property
    def label(self) -> str:
        """The step as a verb for a button or a log line."""
        return {
            "ajukan": "Ajukan",
            "verifikasi": "Verifikasi",
            "setujui": "Setujui",
            "kembalikan": "Kembalikan",
            "buka-kunci": "Buka kunci",
        }[self.value]


@dataclass(frozen=True)
class Aturan:
    """From which states a step may be taken, by whom, into which state."""

    dari: frozenset[Status]
    peran: frozenset[Peran]
    ke: Status
    perlu_catatan: bool = False


_ADMIN = Peran.ADMINISTRATOR
ATURAN: dict[Langkah, Aturan] = {
    Langkah.AJUKAN: Aturan(
        frozenset({Status.DRAF}), frozenset({Peran.OPERATOR, _ADMIN}), Status.DIAJUKAN
    ),
    Langkah.VERIFIKASI: Aturan(
        frozenset({Status.DIAJUKAN}), frozenset({Peran.VERIFIKATOR, _ADMIN}), Status.DIVERIFIKASI
    ),
    Langkah.SETUJUI: Aturan(
        frozenset({Status.DIVERIFIKASI}), frozenset({_ADMIN}), Status.DISETUJUI
    ),
    Langkah.KEMBALIKAN: Aturan(
        frozenset({Status.DIAJUKAN, Status.DIVERIFIKASI}),
        frozenset({Peran.VERIFIKATOR, _ADMIN}),
        Status.DRAF,
        perlu_catatan=True,
    ),
    Langkah.BUKA_KUNCI: Aturan(
        frozenset({Status.DISETUJUI}), frozenset({_ADMIN}), Status.DRAF, perlu_catatan=True
    ),
}


def langkah_tersedia(status: Status, peran: Peran) -> list[Langkah]:
    """The steps ``peran`` may take from ``status``, in workflow order (for buttons)."""
    return [langkah for langkah, a in ATURAN.items() if status in a.dari and peran in a.peran]


def alasan_tolak(langkah: Langkah, status: Status, peran: Peran, catatan: str) -> str | None:
    """Why ``peran`` may not take ``langkah`` from ``status`` (Indonesian), or None."""
    aturan = ATURAN[langkah]
    if peran not in aturan.peran:
        boleh = " atau ".join(p.label for p in Peran if p in aturan.peran)
        return f"Langkah {langkah.label.lower()} hanya boleh dilakukan oleh {boleh}."
    if status not in aturan.dari:
        dari = " atau ".join(s.value for s in Status if s in aturan.dari)
        return (
            f"Langkah {langkah.label.lower()} hanya dari keadaan {dari}; "
            f"keadaan sekarang {status.value}."
        )
    if aturan.perlu_catatan and not catatan.strip():
        alasan = "alasan membuka kunci" if langkah is Langkah.BUKA_KUNCI else "catatan"
        return f"Isi {alasan} (--catatan): apa yang harus diperbaiki atau mengapa."
    return None
