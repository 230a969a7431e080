"""What an operation did: every operation that edits data returns one :class:`Hasil`.

A ``Hasil`` carries the :class:`Perubahan` (what changed: the window hands it to every view,
and each view decides whether to refresh, after Anki's ``OpChanges``; ``pesan`` is the
Indonesian line for the status bar) and ``data``, whatever the operation that takes it back
needs: the new row's id, the rows a removal took, the values an edit replaced.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

D = TypeVar("D")


@dataclass(frozen=True)
class Perubahan:
    """A record of what one operation changed."""

    pesan: str
    tahun: int | None = None
    jabatan_tree: bool = False  # jabatan added, removed, renamed or moved
    jabatan: frozenset[int] = field(default_factory=frozenset)  # jabatan whose content changed
    uraian: bool = False  # tugas or fungsi
    indikator: bool = False  # sasaran, indicators or sub-items
    pemangku: bool = False  # holders of a jabatan, pegawai
    nilai: bool = False  # targets or realisasi
    program: bool = False  # programs, kegiatan, anggaran, Rencana Aksi, budget realised, notes
    paket: bool = False  # kecamatan packages received into a kabupaten workspace


@dataclass(frozen=True)
class Hasil(Generic[D]):
    """The one result shape of every operation that changes data.

    ``perubahan`` is the change record for the views; ``data`` is what the undo of this
    operation needs, and what its caller may want to show (None when nothing): the id of a
    new row (``add_*``), the snapshot of removed rows (``remove_*``, which ``reinsert_*``
    takes back), the record of a paste (``paste_*``, which ``revert_paste`` takes), the rows
    written values replaced (``set_values``, which ``revert_values`` takes).
    """

    perubahan: Perubahan
    data: D


def everything_changed(pesan: str, tahun: int | None = None) -> Perubahan:
    """The change record of an operation that replaced the whole database (a restore)."""
    return Perubahan(
        pesan=pesan,
        tahun=tahun,
        jabatan_tree=True,
        uraian=True,
        indikator=True,
        pemangku=True,
        nilai=True,
        program=True,
        paket=True,
    )


def combined(semua: Sequence[Perubahan], pesan: str) -> Perubahan:
    """One record for several operations the operator started as one step (an import of
    several files): everything any of them changed, in the year they share (None if not)."""
    tahun = {p.tahun for p in semua}
    return Perubahan(
        pesan=pesan,
        tahun=tahun.pop() if len(tahun) == 1 else None,
        jabatan_tree=any(p.jabatan_tree for p in semua),
        jabatan=frozenset().union(*(p.jabatan for p in semua)),
        uraian=any(p.uraian for p in semua),
        indikator=any(p.indikator for p in semua),
        pemangku=any(p.pemangku for p in semua),
        nilai=any(p.nilai for p in semua),
        program=any(p.program for p in semua),
        paket=any(p.paket for p in semua),
    )
