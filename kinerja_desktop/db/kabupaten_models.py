"""The tables of a kabupaten workspace: its kecamatan, the packages received from them, and
what each package holds, kept per package so that a replaced package stays on record.

A kabupaten workspace is a database whose ``kabupaten`` table has its one row; a kecamatan
database leaves these tables empty. Values are stored as the kecamatan sent them (codes and
texts, not ids of our own tables), because every kecamatan has its own jabatan and indicators.
"""

from typing import TYPE_CHECKING

from peewee import BooleanField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from kinerja_desktop.db.models import BaseModel


class Kabupaten(BaseModel):
    """The kabupaten this workspace belongs to (one row): ``35.07`` Kabupaten Malang."""

    kode = CharField()
    nama = CharField()
    provinsi = CharField(default="")


def is_workspace() -> bool:
    """Whether the open database is a kabupaten workspace (cheaper to ask at every start than
    :func:`kinerja_desktop.db.kabupaten.workspace`, whose module the window does not need)."""
    return bool(Kabupaten.select().exists())


class KabupatenKecamatan(BaseModel):
    """A kecamatan of the kabupaten, from the national area list."""

    kode = CharField(unique=True)  # "35.07.13"
    nama = CharField()
    urutan = IntegerField()

    class Meta:
        table_name = "kabupaten_kecamatan"


class Paket(BaseModel):
    """One received package (the receipt log): from whom, for which period, its hash and times.

    ``berlaku`` marks the package in force for its kecamatan and period; a newer package sets
    it to False on the older one and ``diganti`` to the time it was replaced.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        kecamatan_id: int

    kecamatan = ForeignKeyField(KabupatenKecamatan, on_delete="CASCADE", backref="paket")
    tahun = IntegerField()
    periode = CharField()
    nama_berkas = CharField()
    sha256 = CharField()
    waktu_tulis = CharField()  # when the kecamatan wrote it (its manifest)
    waktu_terima = CharField()  # when this workspace took it in
    versi_aplikasi = CharField()
    versi_format = IntegerField()
    berlaku = BooleanField(default=True)
    diganti = CharField(null=True)


class PaketIndikator(BaseModel):
    """An indicator of a kecamatan's IKI as its package states it."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        paket_id: int

    paket = ForeignKeyField(Paket, on_delete="CASCADE", backref="indikator")
    kode_jabatan = CharField()
    nama_jabatan = TextField()
    urutan = IntegerField()  # the order of the kecamatan's own decree
    kode = CharField()
    nama = TextField()
    satuan = CharField()
    jenis = CharField()
    polaritas = CharField()
    dari_desa = BooleanField()

    class Meta:
        table_name = "paket_indikator"


class PaketCapaian(BaseModel):
    """The capaian of one indicator for the package's period, exactly as the kecamatan
    computed it (its ``capaian --json``)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        paket_id: int

    paket = ForeignKeyField(Paket, on_delete="CASCADE", backref="capaian")
    kode_indikator = CharField()
    periode = CharField()
    target = CharField(null=True)
    realisasi = FloatField(null=True)
    pembilang = FloatField(null=True)
    penyebut = FloatField(null=True)
    capaian = FloatField(null=True)
    kategori = CharField(null=True)
    catatan = TextField(null=True)
    jumlah_data = IntegerField()

    class Meta:
        table_name = "paket_capaian"


class PaketNilai(BaseModel):
    """One target or realisasi of the package (per desa where it came from a desa)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        paket_id: int

    paket = ForeignKeyField(Paket, on_delete="CASCADE", backref="nilai")
    kode_indikator = CharField()
    periode = CharField()
    kode_desa = CharField()  # "" for kecamatan-level values
    jenis = CharField()  # "target" or "realisasi"
    nilai = CharField()  # as written: "8", "90-100", "12,5"
    pembilang = FloatField(null=True)
    penyebut = FloatField(null=True)
    pegawai = FloatField(null=True)
    hari_kerja = FloatField(null=True)
    hari_tidak_masuk = FloatField(null=True)
    status = CharField()

    class Meta:
        table_name = "paket_nilai"


class PaketDokumen(BaseModel):
    """A data document of the package kept whole (``data/iki.json``, ``data/kantor.json``), so
    the workspace can show a kecamatan's IKI as it was sent."""

    paket = ForeignKeyField(Paket, on_delete="CASCADE", backref="dokumen")
    nama = CharField()
    isi = TextField()

    class Meta:
        table_name = "paket_dokumen"


KABUPATEN_MODELS: tuple[type[BaseModel], ...] = (
    Kabupaten,
    KabupatenKecamatan,
    Paket,
    PaketIndikator,
    PaketCapaian,
    PaketNilai,
    PaketDokumen,
)
