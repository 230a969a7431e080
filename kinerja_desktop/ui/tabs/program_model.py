"""The item models of the Program tab: programs with their kegiatan, the Rencana Aksi with its
sub-actions, and the monev notes of one triwulan.

Each is built from the plain rows of ``db.queries_program``. An edit in a view never stores
anything itself: the model calls ``on_edit(kunci, value)`` (which pushes the undo step) and the
tab reloads from the database after the step ran, so what is shown is always what is stored.
"""

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from kinerja_desktop.db.queries_program import (
    BarisAksi,
    BarisKegiatan,
    BarisKeterangan,
    BarisProgram,
    BarisRealisasiAnggaran,
)
from kinerja_desktop.domain.periode import ROMAWI
from kinerja_desktop.domain.value_text import format_persen, format_rupiah
from kinerja_desktop.ui.tabs.common import Index

KUNCI = Qt.ItemDataRole.UserRole + 1
"""Where an item keeps its :class:`Kunci`."""

TEKS_EDIT = Qt.ItemDataRole.UserRole + 2
"""Where an item keeps the stored text its editor starts from when it is not the text shown
(a number without its "Rp")."""

TEKS_KETIK = Qt.ItemDataRole.UserRole + 3
"""Where an item keeps what was typed into it and not saved: its editor starts from that."""

_ABU = QBrush(QColor("#6b6b6b"))


class Kunci(NamedTuple):
    """What a cell shows: the kind of row (program, kegiatan, aksi, keterangan), its id, and
    the field (``nama``, ``kode``, ``anggaran``, ``tw1``…, ``penanggung_jawab``, ``kendala``)."""

    jenis: str
    id: int
    kolom: str


OnEdit = Callable[[Kunci, Any], None]

KOLOM_PROGRAM = ("Program / Kegiatan", "Kode", "Anggaran", "Realisasi setahun")
KOLOM_AKSI = ("Rencana aksi", "Penanggung jawab", *(f"TW {r}" for r in ROMAWI))
KOLOM_KETERANGAN = ("Kode", "Indikator", "Kendala", "Tindak lanjut")


def _item(
    teks: str,
    kunci: Kunci | None = None,
    kanan: bool = False,
    tip: str = "",
    edit: str | None = None,
) -> QStandardItem:
    item = QStandardItem(teks)
    item.setEditable(kunci is not None)
    if kunci is not None:
        item.setData(kunci, KUNCI)
    if edit is not None:  # the editor starts from this text instead of what is shown
        item.setData(edit, TEKS_EDIT)
    alignment = Qt.AlignmentFlag.AlignRight if kanan else Qt.AlignmentFlag.AlignLeft
    item.setData(int(alignment | Qt.AlignmentFlag.AlignVCenter), Qt.ItemDataRole.TextAlignmentRole)
    if tip:
        item.setToolTip(tip)
    return item


class ModelEdit(QStandardItemModel):
    """A model whose edits go to ``on_edit`` instead of into the items."""

    def __init__(self, kolom: Sequence[str]) -> None:
        super().__init__()
        self.kolom = tuple(kolom)
        self.setHorizontalHeaderLabels(list(kolom))
        self.on_edit: OnEdit | None = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            diketik = super().data(index, TEKS_KETIK)
            return diketik if diketik is not None else self.stored_text(index)
        return super().data(index, role)

    def stored_text(self, index: Index) -> Any:
        """The stored value of a cell as its editor shows it."""
        edit = super().data(index, TEKS_EDIT)
        return edit if edit is not None else super().data(index, Qt.ItemDataRole.EditRole)

    def setData(  # noqa: N802 - Qt's name
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return super().setData(index, value, role)
        kunci = index.data(KUNCI)
        if kunci is None:
            return False
        if value == self.stored_text(index):
            return True
        if self.on_edit is not None:
            # after the editor has closed: the step reloads the model, which must not
            # remove the rows under an editor that is still committing
            on_edit = self.on_edit
            QTimer.singleShot(0, lambda: on_edit(kunci, value))
        return True

    def kunci(self, index: Index) -> Kunci | None:
        """The row kind and id of the row of ``index`` (from its first cell)."""
        pertama = index.sibling(index.row(), 0)
        value = pertama.data(KUNCI) if pertama.isValid() else None
        return value if isinstance(value, Kunci) else None

    def reset(self) -> None:
        """Remove every row, keeping the column titles."""
        self.removeRows(0, self.rowCount())


def _rupiah(x: int | None, kosong: str = "") -> str:
    return format_rupiah(x) if x is not None else kosong


def _item_anggaran(p: BarisProgram) -> QStandardItem:
    """A program's anggaran as the documents print it: not known while a kegiatan has none
    (said so here, with the sum entered so far in the tooltip), never that sum as a total."""
    if p.anggaran is not None:
        return _item(format_rupiah(p.anggaran), kanan=True, tip="Jumlah anggaran kegiatannya")
    if p.anggaran_terisi is None:
        return _item("-", kanan=True, tip="Belum ada kegiatan dengan anggaran.")
    return _item(
        "belum lengkap",
        kanan=True,
        tip=(
            f"Terisi {format_rupiah(p.anggaran_terisi)} dari kegiatan yang sudah punya anggaran. "
            "Jumlahnya baru dihitung (dan dicetak di PK, Rencana Aksi, monev dan LKjIP) setelah "
            "semua kegiatan diisi anggarannya."
        ),
    )


def _tebal(baris: list[QStandardItem]) -> list[QStandardItem]:
    font = QFont()
    font.setBold(True)
    for item in baris:
        item.setFont(font)
    return baris


def fill_program(
    model: ModelEdit,
    program: Sequence[BarisProgram],
    kegiatan: dict[int, list[BarisKegiatan]],
    realisasi: Sequence[BarisRealisasiAnggaran],
) -> None:
    """Fill ``model`` with the programs (anggaran: the sum of their kegiatan, once each has
    one), each with its kegiatan as children; the last column says what was realised in the
    year so far."""
    total: dict[int, int] = {}
    for r in realisasi:
        total[r.kegiatan_id] = total.get(r.kegiatan_id, 0) + r.nilai
    model.reset()
    for p in program:
        anak = [k for k in kegiatan.get(p.id, [])]
        realisasi_p = [total[k.id] for k in anak if k.id in total]
        induk = _tebal(
            [
                _item(p.nama, Kunci("program", p.id, "nama"), tip=p.nama),
                _item(p.kode, Kunci("program", p.id, "kode")),
                _item_anggaran(p),
                _item(_jumlah(sum(realisasi_p) if realisasi_p else None, p.anggaran), kanan=True),
            ]
        )
        for k in anak:
            induk[0].appendRow(
                [
                    _item(k.nama, Kunci("kegiatan", k.id, "nama"), tip=k.nama),
                    _item(k.kode, Kunci("kegiatan", k.id, "kode")),
                    _item(
                        _rupiah(k.anggaran, "(belum diisi)"),
                        Kunci("kegiatan", k.id, "anggaran"),
                        kanan=True,
                        edit=_rupiah(k.anggaran),
                    ),
                    _item(_jumlah(total.get(k.id), k.anggaran), kanan=True),
                ]
            )
        model.appendRow(induk)


def kolom_realisasi(tw: int) -> list[str]:
    """The column titles of the realised-budget table for triwulan ``tw`` (1-4)."""
    return ["Program / Kegiatan", "Anggaran", f"Realisasi TW {ROMAWI[tw - 1]}",
            f"Sampai TW {ROMAWI[tw - 1]}"]  # fmt: skip


def fill_realisasi(
    model: ModelEdit,
    program: Sequence[BarisProgram],
    kegiatan: dict[int, list[BarisKegiatan]],
    realisasi: Sequence[BarisRealisasiAnggaran],
    tw: int,
    terkunci: bool,
) -> None:
    """Fill ``model`` with the budget realised in triwulan ``tw`` per kegiatan (editable
    unless the quarter is approved, ``terkunci``) and cumulated to it, under their programs."""
    model.setHorizontalHeaderLabels(kolom_realisasi(tw))
    kini: dict[int, int] = {}
    sampai: dict[int, int] = {}
    for r in realisasi:
        ke = int(r.periode[-1])
        if ke == tw:
            kini[r.kegiatan_id] = r.nilai
        if ke <= tw:
            sampai[r.kegiatan_id] = sampai.get(r.kegiatan_id, 0) + r.nilai
    tip = (
        "Triwulan ini sudah disetujui: realisasi anggarannya terkunci."
        if terkunci
        else ("Klik dua kali untuk mengisi, misalnya 1.250.000")
    )
    model.reset()
    for p in program:
        anak = kegiatan.get(p.id, [])
        kini_p = [kini[k.id] for k in anak if k.id in kini]
        sampai_p = [sampai[k.id] for k in anak if k.id in sampai]
        induk = _tebal(
            [
                _item(p.nama, tip=p.nama),
                _item_anggaran(p),
                _item(_rupiah(sum(kini_p)) if kini_p else "", kanan=True),
                _item(_jumlah(sum(sampai_p) if sampai_p else None, p.anggaran), kanan=True),
            ]
        )
        for k in anak:
            induk[0].appendRow(
                [
                    _item(k.nama, tip=k.nama),
                    _item(_rupiah(k.anggaran, "(belum diisi)"), kanan=True),
                    _item(
                        _rupiah(kini.get(k.id)),
                        None if terkunci else Kunci("realisasi", k.id, f"Q{tw}"),
                        kanan=True,
                        tip=tip,
                    ),
                    _item(_jumlah(sampai.get(k.id), k.anggaran), kanan=True),
                ]
            )
        model.appendRow(induk)


def _jumlah(total: int | None, anggaran: int | None) -> str:
    """``Rp 750.000.000 (23,1%)``: realised so far and its share of the anggaran."""
    if total is None:
        return ""
    if not anggaran:
        return format_rupiah(total)
    return f"{format_rupiah(total)} ({format_persen(total * 100 / anggaran)})"


def fill_aksi(model: ModelEdit, aksi: Sequence[BarisAksi]) -> None:
    """Fill ``model`` with the main actions, each with its sub-actions as children."""
    model.reset()
    induk: dict[int, QStandardItem] = {}
    for a in aksi:
        tip_pj = "Jabatan tahun ini" if a.penanggung_jawab_id is not None else ""
        baris = [
            _item(a.teks, Kunci("aksi", a.id, "teks"), tip=a.teks),
            _item(
                a.penanggung_jawab or "(belum diisi)",
                Kunci("aksi", a.id, "penanggung_jawab"),
                tip=tip_pj,
                edit=a.penanggung_jawab,
            ),
            *(_item(t, Kunci("aksi", a.id, f"tw{i + 1}")) for i, t in enumerate(a.tw)),
        ]
        if not a.penanggung_jawab:
            baris[1].setForeground(_ABU)
        if a.induk_id is None:
            model.appendRow(baris)
            induk[a.id] = baris[0]
        elif a.induk_id in induk:
            induk[a.induk_id].appendRow(baris)


def fill_keterangan(
    model: ModelEdit,
    indikator: Sequence[tuple[int, str, str]],
    catatan: dict[int, BarisKeterangan],
    terkunci: bool,
) -> None:
    """Fill ``model`` with one row per indicator (id, code, name) and its note; read-only
    when the period is approved (``terkunci``)."""
    model.reset()
    for ind_id, kode, nama in indikator:
        c = catatan.get(ind_id)
        model.appendRow(
            [
                _item(kode, None),
                _item(nama, None, tip=nama),
                _item(
                    c.kendala if c else "",
                    None if terkunci else Kunci("keterangan", ind_id, "kendala"),
                ),
                _item(
                    c.tindak_lanjut if c else "",
                    None if terkunci else Kunci("keterangan", ind_id, "tindak_lanjut"),
                ),
            ]
        )
