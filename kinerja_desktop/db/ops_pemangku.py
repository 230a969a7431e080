"""Who holds a jabatan (Pemangku) and the pegawai's own data: name, NIP, pangkat.

Every operation runs in one transaction and returns a :class:`Hasil`. A pegawai is shared
by all years, so editing one changes how every year shows them; removing a holder leaves the
pegawai in the database unless the pegawai was created for that holding and holds nothing else.
"""

from dataclasses import dataclass
from typing import Any

from kinerja_desktop.db.audit import as_step
from kinerja_desktop.db.audit_iki import fields_text, log_iki
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Pangkat, Pegawai, Pemangku, Skp, Tahun, database_proxy
from kinerja_desktop.db.queries import require_jabatan
from kinerja_desktop.domain.nip import format_nip, nip_problem, normalize_nip
from kinerja_desktop.domain.teks import check_teks, clean_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

NAMA_MAKS = 200
FIELDS = ("nama", "nip", "golongan")
"""The pegawai fields edited in the Pemangku tab, in the order of its columns."""


@dataclass(frozen=True)
class PemangkuData:
    """A holder of a jabatan as views show it."""

    id: int  # the Pemangku row
    pegawai_id: int
    nama: str
    nip: str  # 18 digits, or "" when not known
    golongan: str  # "IV/b", or "" when not known
    pangkat: str  # "Pembina Tingkat I", or ""

    def fields(self) -> dict[str, str]:
        """The editable fields (:data:`FIELDS`) as a dictionary."""
        return {"nama": self.nama, "nip": self.nip, "golongan": self.golongan}


@dataclass(frozen=True)
class PemangkuSnapshot:
    """A removed holding, and the pegawai row when it was removed with it."""

    row: dict[str, Any]
    pegawai: dict[str, Any] | None


@dataclass(frozen=True)
class PegawaiPilihan:
    """A pegawai offered in the "existing pegawai" drop-down."""

    id: int
    nama: str
    nip: str

    @property
    def label(self) -> str:
        """Name and printed NIP, as the drop-down shows them."""
        return f"{self.nama} — NIP {format_nip(self.nip)}" if self.nip else self.nama


def _pegawai(pegawai_id: int) -> Pegawai:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        raise TidakDitemukan("Pegawai ini sudah tidak ada di basis data.")
    return pegawai


def _perubahan(pesan: str, jabatan_ids: set[int], tahun: int | None) -> Perubahan:
    return Perubahan(pesan=pesan, tahun=tahun, jabatan=frozenset(jabatan_ids), pemangku=True)


def _label(pegawai: Pegawai | dict[str, Any]) -> str:
    """``Siti Aminah (NIP 19850312 201001 2 004)`` for the audit log."""
    row = pegawai if isinstance(pegawai, dict) else pegawai.__data__
    nip = row.get("nip")
    return f"{row['nama']} (NIP {format_nip(nip)})" if nip else str(row["nama"])


def _log_holding(aksi: str, jabatan: Any, pegawai: Pegawai, catatan: str | None = None) -> None:
    log_iki(
        aksi,
        "pemangku",
        tahun=jabatan.tahun_id,
        lama=_label(pegawai) if aksi == "hapus" else None,
        baru=None if aksi == "hapus" else _label(pegawai),
        jabatan_id=jabatan.id,
        catatan=catatan,
    )


def list_pemangku(jabatan_id: int) -> list[PemangkuData]:
    """The pegawai holding a jabatan, by name."""
    query = (
        Pemangku.select(Pemangku, Pegawai)
        .join(Pegawai)
        .where(Pemangku.jabatan == jabatan_id)
        .order_by(Pegawai.nama, Pemangku.id)
    )
    result = []
    pangkat = {p.golongan: p.nama for p in Pangkat.select()}
    for holding in query:
        golongan = holding.pegawai.__data__.get("pangkat") or ""
        result.append(
            PemangkuData(
                id=holding.id,
                pegawai_id=holding.pegawai.id,
                nama=holding.pegawai.nama,
                nip=holding.pegawai.nip or "",
                golongan=golongan,
                pangkat=pangkat.get(golongan, ""),
            )
        )
    return result


def pangkat_list() -> list[tuple[str, str]]:
    """All ranks as (golongan, nama), lowest first."""
    return [(p.golongan, p.nama) for p in Pangkat.select().order_by(Pangkat.urutan)]


def pegawai_tersedia(jabatan_id: int) -> list[PegawaiPilihan]:
    """The pegawai that do not hold this jabatan yet, by name."""
    holding = Pemangku.select(Pemangku.pegawai).where(Pemangku.jabatan == jabatan_id)
    query = Pegawai.select().where(Pegawai.id.not_in(holding)).order_by(Pegawai.nama)
    return [PegawaiPilihan(p.id, p.nama, p.nip or "") for p in query]


def parse_golongan(value: str) -> str | None:
    """The golongan of a rank given as "IV/b", "Pembina Tingkat I" or "Pembina Tingkat I (IV/b)";
    None for an empty value."""
    text = clean_teks(value, "Pangkat/golongan", satu_baris=True)
    if not text:
        return None
    for golongan, nama in pangkat_list():
        if text.lower() in (golongan.lower(), nama.lower(), f"{nama} ({golongan})".lower()):
            return golongan
    raise DataTidakValid(
        f"Pangkat/golongan “{text}” tidak dikenal; tulis golongannya, misalnya IV/b."
    )


def _check(changes: dict[str, str], pegawai_id: int | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "nama":
            clean["nama"] = check_teks(value, "Nama pegawai", satu_baris=True, maks=NAMA_MAKS)
        elif name == "nip":
            text = str(value or "").strip()
            if not text:
                clean["nip"] = None  # not every pegawai has a NIP (honorary staff)
                continue
            problem = nip_problem(text)
            if problem:
                raise DataTidakValid(f"NIP tidak valid: {problem}")
            nip = normalize_nip(text)
            other = Pegawai.get_or_none(Pegawai.nip == nip)
            if other is not None and other.id != pegawai_id:
                raise DataTidakValid(
                    f"NIP {format_nip(nip)} sudah terdaftar atas nama {other.nama}."
                )
            clean["nip"] = nip
        elif name == "golongan":
            clean["pangkat"] = parse_golongan(str(value or ""))
        else:
            raise ValueError(f"unknown pegawai field {name!r}")
    return clean


def add_pemangku(jabatan_id: int, pegawai_id: int) -> Hasil[int]:
    """Make an existing pegawai a holder of the jabatan; the result carries the new Pemangku
    id."""
    with database_proxy.atomic():
        jabatan = require_jabatan(jabatan_id)
        pegawai = _pegawai(pegawai_id)
        if Pemangku.get_or_none(jabatan=jabatan_id, pegawai=pegawai_id) is not None:
            raise DataTidakValid(f"{pegawai.nama} sudah memangku jabatan {jabatan.nama}.")
        holding = Pemangku.create(jabatan=jabatan_id, pegawai=pegawai_id)
        _log_holding("tambah", jabatan, pegawai)
    pesan = f"{pegawai.nama} ditambahkan sebagai pemangku {jabatan.nama}."
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), holding.id)


def add_pegawai_baru(jabatan_id: int, nama: str, nip: str = "", golongan: str = "") -> Hasil[int]:
    """Create a pegawai and make them a holder of the jabatan; the result carries the new
    Pemangku id."""
    with database_proxy.atomic():
        jabatan = require_jabatan(jabatan_id)
        values = _check({"nama": nama, "nip": nip, "golongan": golongan}, None)
        pegawai = Pegawai.create(**values)
        holding = Pemangku.create(jabatan=jabatan_id, pegawai=pegawai.id)
        _log_holding("tambah", jabatan, pegawai, "pegawai baru")
    pesan = f"Pegawai baru {pegawai.nama} ditambahkan sebagai pemangku {jabatan.nama}."
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), holding.id)


def remove_pemangku(pemangku_id: int, hapus_pegawai: bool = False) -> Hasil[PemangkuSnapshot]:
    """End a holding. With ``hapus_pegawai`` the pegawai is removed too, but only when they
    hold no other jabatan and sign no decree (undoing the creation of a new pegawai)."""
    with database_proxy.atomic():
        holding = Pemangku.get_or_none(Pemangku.id == pemangku_id)
        if holding is None:
            raise TidakDitemukan("Pemangku ini sudah tidak tercatat pada jabatan tersebut.")
        jabatan, pegawai = holding.jabatan, holding.pegawai
        row = dict(holding.__data__)
        holding.delete_instance()
        pegawai_row = None
        if (
            hapus_pegawai
            and not Pemangku.select().where(Pemangku.pegawai == pegawai.id).exists()
            and not Tahun.select().where(Tahun.penandatangan == pegawai.id).exists()
            and not Skp.select().where(Skp.pegawai == pegawai.id).exists()  # keep their SKP
        ):
            pegawai_row = dict(pegawai.__data__)
            pegawai.delete_instance()
        _log_holding("hapus", jabatan, pegawai, "pegawai dihapus juga" if pegawai_row else None)
    pesan = f"{pegawai.nama} tidak lagi tercatat sebagai pemangku {jabatan.nama}."
    snapshot = PemangkuSnapshot(row, pegawai_row)
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), snapshot)


def reinsert_pemangku(snapshot: PemangkuSnapshot) -> Hasil[None]:
    """Put a removed holding back (and its pegawai, when removed with it) with the same ids."""
    with database_proxy.atomic():
        if snapshot.pegawai is not None:
            nip = snapshot.pegawai.get("nip")
            if nip and Pegawai.select().where(Pegawai.nip == nip).exists():
                raise DataTidakValid(
                    f"Pegawai tidak dapat dikembalikan: NIP {format_nip(nip)} sudah dipakai."
                )
            Pegawai.insert(snapshot.pegawai).execute()
        Pemangku.insert(snapshot.row).execute()
        jabatan = require_jabatan(snapshot.row["jabatan"])
        pegawai = _pegawai(snapshot.row["pegawai"])
        _log_holding("tambah", jabatan, pegawai, "pegawai baru" if snapshot.pegawai else None)
    pesan = f"{pegawai.nama} kembali tercatat sebagai pemangku {jabatan.nama}."
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), None)


def update_pegawai(pegawai_id: int, changes: dict[str, str]) -> Hasil[None]:
    """Change a pegawai's name, NIP (validated, unique) or pangkat."""
    with database_proxy.atomic():
        pegawai = _pegawai(pegawai_id)
        clean = _check(changes, pegawai_id)
        # raw columns: pangkat is a foreign key whose stored value is the golongan
        lama = {
            k: pegawai.__data__.get(k) for k, v in clean.items() if pegawai.__data__.get(k) != v
        }
        sebelum = _label(pegawai)
        for name, value in clean.items():
            setattr(pegawai, name, value)
        pegawai.save()
        if lama:
            label = {"nama": "Nama", "nip": "NIP", "pangkat": "Golongan"}
            log_iki(
                "ubah",
                "pegawai",
                lama=fields_text(lama, label),
                baru=fields_text({k: pegawai.__data__.get(k) for k in lama}, label),
                catatan=sebelum,
            )
        held = {p.jabatan_id for p in Pemangku.select().where(Pemangku.pegawai == pegawai_id)}
    # A pegawai belongs to every year, so the record names no single year.
    return Hasil(_perubahan(f"Data pegawai {pegawai.nama} disimpan.", held, None), None)


@dataclass(frozen=True)
class TempelPemangku:
    """What :func:`paste_pemangku` did: the holdings made and which pegawai were new."""

    jabatan_id: int
    pemangku: tuple[int, ...]
    pegawai_baru: frozenset[int]


def paste_pemangku(jabatan_id: int, rows: list[dict[str, str]]) -> Hasil[TempelPemangku]:
    """Add holders from pasted rows (nama, nip, golongan), all or nothing.

    A row whose NIP is known adds that pegawai; any other row creates a new pegawai.
    """
    if not rows:
        raise DataTidakValid("Tidak ada baris pegawai untuk ditempel.")
    with database_proxy.atomic(), as_step("tempel"):
        jabatan = require_jabatan(jabatan_id)
        made: list[int] = []
        new: set[int] = set()
        for number, row in enumerate(rows, start=1):
            try:
                nip = normalize_nip(row.get("nip", ""))
                known = Pegawai.get_or_none(Pegawai.nip == nip) if nip else None
                if known is not None:
                    made.append(add_pemangku(jabatan_id, known.id).data)
                else:
                    hasil = add_pegawai_baru(
                        jabatan_id, row.get("nama", ""), row.get("nip", ""), row.get("golongan", "")
                    )
                    made.append(hasil.data)
                    new.add(Pemangku.get_by_id(hasil.data).pegawai_id)
            except DataTidakValid as exc:
                raise DataTidakValid(
                    f"Baris {number} tidak dapat ditempel: {exc.pesan} Tidak ada yang diubah."
                ) from exc
    pesan = f"{len(made)} pemangku ditambahkan pada {jabatan.nama}."
    tempel = TempelPemangku(jabatan_id, tuple(made), frozenset(new))
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), tempel)


def revert_paste(tempel: TempelPemangku) -> Hasil[list[PemangkuSnapshot]]:
    """Undo :func:`paste_pemangku`, removing the pegawai it created."""
    with database_proxy.atomic():
        jabatan = require_jabatan(tempel.jabatan_id)
        snapshots = []
        for pemangku_id in reversed(tempel.pemangku):
            pegawai_id = Pemangku.get_by_id(pemangku_id).pegawai_id
            hapus_pegawai = pegawai_id in tempel.pegawai_baru
            snapshots.append(remove_pemangku(pemangku_id, hapus_pegawai).data)
    pesan = f"Tempel {len(tempel.pemangku)} pemangku dibatalkan."
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), snapshots)


def reapply_paste(tempel: TempelPemangku, snapshots: list[PemangkuSnapshot]) -> Hasil[None]:
    """Redo :func:`paste_pemangku` after :func:`revert_paste`, with the same ids."""
    with database_proxy.atomic():
        jabatan = require_jabatan(tempel.jabatan_id)
        for snap in reversed(snapshots):
            reinsert_pemangku(snap)
    pesan = f"{len(tempel.pemangku)} pemangku ditambahkan pada {jabatan.nama}."
    return Hasil(_perubahan(pesan, {jabatan.id}, jabatan.tahun_id), None)
