"""The peewee models: one table each, bound at run time to the open database.

Every year (``Tahun``) carries its own copy of the jabatan tree and everything under it, so
that an old decree stays exactly as it was signed while the new year is edited. Codes of
jabatan and indicators are unique within a year and are what exports and the CLI use.
"""

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Binds every model to the database opened by :mod:`kinerja_desktop.db.connection`."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Kantor(BaseModel):
    """The office that runs the application (one row): a kecamatan and its area code."""

    kode_wilayah = CharField()
    kecamatan = CharField()
    kabupaten = CharField()
    provinsi = CharField(default="")


class Desa(BaseModel):
    """A desa or kelurahan of the kecamatan; the Kemendagri code is the key, the name a label."""

    kode = CharField(unique=True)
    nama = CharField()
    jenis = CharField()  # "desa" or "kelurahan"
    urutan = IntegerField()


class Pangkat(BaseModel):
    """A civil-service rank: the grade code is stored, the rank name rendered."""

    golongan = CharField(primary_key=True)  # "IV/b"
    nama = CharField()  # "Pembina Tingkat I"
    urutan = IntegerField()


class Pegawai(BaseModel):
    """An employee; ``nip`` holds the 18 digits without spaces."""

    nama = CharField()
    nip = CharField(null=True, unique=True)
    pangkat = ForeignKeyField(Pangkat, null=True, on_delete="SET NULL", column_name="golongan")


class Tahun(BaseModel):
    """A reporting year and its IKI decree (Keputusan Camat) with the signatory."""

    tahun = IntegerField(primary_key=True)
    nomor_keputusan = CharField(default="")
    tempat = CharField(default="")
    bulan = IntegerField(null=True)  # month the decree is dated, 1-12
    hari = IntegerField(null=True)  # day of month when known
    jabatan_penandatangan = CharField(default="")  # "CAMAT KEPANJEN"
    penandatangan = ForeignKeyField(Pegawai, null=True, on_delete="SET NULL")


class Jabatan(BaseModel):
    """A position in a year; ``atasan`` NULL means directly under the Camat."""

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    kode = CharField()
    nama = CharField()
    atasan = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="bawahan")
    urutan = IntegerField()

    class Meta:
        indexes = ((("tahun", "kode"), True),)


class Tugas(BaseModel):
    """One duty of a jabatan, in order."""

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="tugas")
    urutan = IntegerField()
    teks = TextField()


class Fungsi(BaseModel):
    """One function of a jabatan, in order."""

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="fungsi")
    urutan = IntegerField()
    teks = TextField()


class Sasaran(BaseModel):
    """An objective (Sasaran/Kinerja Utama) of a jabatan, in order."""

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="sasaran")
    urutan = IntegerField()
    teks = TextField()


class Indikator(BaseModel):
    """An individual performance indicator: the decree's text and its structured fields.

    ``tahun`` repeats the year of the jabatan so that the database itself keeps indicator
    codes unique within a year.
    """

    sasaran = ForeignKeyField(Sasaran, on_delete="CASCADE", backref="indikator")
    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    kode = CharField()
    urutan = IntegerField()
    nama = TextField()
    formula = TextField(default="")
    sumber_data = TextField(default="")
    satuan = CharField(default="")
    jenis = CharField(default="jumlah")  # domain.indikator.Jenis
    polaritas = CharField(default="positif")  # domain.indikator.Polaritas
    dari_desa = BooleanField(default=False)
    frekuensi = CharField(default="bulanan")  # domain.indikator.Frekuensi
    agregasi = CharField(default="jumlah")  # domain.indikator.Agregasi
    pembilang = TextField(default="")  # label of the numerator (persentase, kehadiran)
    penyebut = TextField(default="")  # label of the denominator
    hari_kerja_efektif = IntegerField(null=True)  # kehadiran only

    class Meta:
        indexes = ((("tahun", "kode"), True),)


class SubIndikator(BaseModel):
    """A sub-item (a., b., …) of an indicator, with its line in the formula column."""

    indikator = ForeignKeyField(Indikator, on_delete="CASCADE", backref="sub")
    urutan = IntegerField()
    teks = TextField()
    formula = TextField(default="")


class Pemangku(BaseModel):
    """A pegawai holding a jabatan (and so holding it in that jabatan's year)."""

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="pemangku")
    pegawai = ForeignKeyField(Pegawai, on_delete="CASCADE", backref="jabatan")

    class Meta:
        indexes = ((("jabatan", "pegawai"), True),)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Kantor,
    Desa,
    Pangkat,
    Pegawai,
    Tahun,
    Jabatan,
    Tugas,
    Fungsi,
    Sasaran,
    Indikator,
    SubIndikator,
    Pemangku,
)
