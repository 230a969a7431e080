"""Audit entries of changes to the IKI itself and the office's settings.

Jabatan, tugas, fungsi, sasaran, indicators and sub-items, holders, pegawai, the decree header,
the rating bands and ceiling, and a year copied or imported: each operation that changes them
writes one entry per row it adds, changes, moves or removes, in its own transaction, through
:func:`log_iki`. ``lama`` and ``baru`` are the texts as the operator typed them (a name with its
code, a field and its value), so Riwayat Perubahan shows them as they are; ``periode`` is the
year the row belongs to (empty for what every year shares: pegawai, bands), so the log of a
year lists the changes to its IKI beside its values.
"""

from collections.abc import Mapping

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.sesi import pengguna_aktif

JENIS_IKI: dict[str, str] = {
    "jabatan": "Jabatan",
    "tugas": "Tugas",
    "fungsi": "Fungsi",
    "sasaran": "Sasaran",
    "indikator": "Indikator",
    "sub_indikator": "Sub-butir indikator",
    "pemangku": "Pemangku",
    "pegawai": "Pegawai",
    "keputusan": "Kepala keputusan",
    "penilaian": "Kategori capaian",
    "tahun": "Tahun",
    "desa": "Desa/kelurahan",
    "teks_lkjip": "Teks laporan kinerja",
    "target_renstra": "Target Renstra",
}
"""The ``jenis`` of an IKI entry with its Indonesian label (Riwayat Perubahan, export)."""


def log_iki(
    aksi: str,
    jenis: str,
    *,
    tahun: int | None = None,
    lama: str | None = None,
    baru: str | None = None,
    jabatan_id: int | None = None,
    indikator_id: int | None = None,
    catatan: str | None = None,
    isi: str | None = None,
) -> None:
    """Append one entry for a change to the IKI (``aksi``: tambah, ubah, pindah, hapus...;
    ``jenis`` a key of :data:`JENIS_IKI`) in the caller's transaction, for the user at work;
    ``isi`` is the row after the change (:func:`~kinerja_desktop.db.audit_isi.build_isi`)."""
    assert jenis in JENIS_IKI, jenis
    entri = Entri(
        aksi=aksi,
        jenis=jenis,
        lama=lama,
        baru=baru,
        jabatan_id=jabatan_id,
        indikator_id=indikator_id,
        periode="" if tahun is None else str(tahun),
        catatan=catatan,
        isi=isi,
    )
    record_entries([entri], sekarang(), pengguna_aktif().nama)


def fields_text(fields: Mapping[str, object], labels: Mapping[str, str]) -> str:
    """``Nama: Jumlah laporan; Satuan: dokumen`` for the fields an edit changed."""
    return "; ".join(f"{labels.get(k, k)}: {'' if v is None else v}" for k, v in fields.items())
