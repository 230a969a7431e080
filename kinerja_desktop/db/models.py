"""The peewee models: one table each, bound at run time to the open database.

Every year (``Tahun``) carries its own copy of the jabatan tree and everything under it, so
that an old decree stays exactly as it was signed while the new year is edited. Codes of
jabatan and indicators are unique within a year and are what exports and the CLI use.

Long because every table of the application is declared here, one class each (the schema
check and the removal snapshots walk them in order), including users, approvals and the audit
log of schema 7.
"""

from typing import TYPE_CHECKING

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Binds every model to the database opened by :mod:`kinerja_desktop.db.connection`."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        id: AutoField[int]

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Kantor(BaseModel):
    """The office that runs the application (one row): a kecamatan and its area code."""

    kode_wilayah = CharField()
    kecamatan = CharField()
    kabupaten = CharField()  # the name without its kind: "Malang"
    provinsi = CharField(default="")
    # "kabupaten" or "kota" (schema 5); the SQL default fills the rows of an upgraded database
    jenis_kabupaten = CharField(default="kabupaten", constraints=[SQL("DEFAULT 'kabupaten'")])

    @property
    def nama_kabupaten(self) -> str:
        """``Kabupaten Malang`` or ``Kota Batu``: the name with its kind, as documents write it."""
        return f"{self.jenis_kabupaten.capitalize()} {self.kabupaten}"


class Desa(BaseModel):
    """A desa or kelurahan of the kecamatan; the Kemendagri code is the key, the name a label."""

    kode = CharField(unique=True)
    nama = CharField()
    jenis = CharField()  # "desa" or "kelurahan"
    urutan = IntegerField()
    # first month (DHIS2 id, "202607") the desa no longer reports; NULL: active (schema 4).
    # Its stored values stay and count in the periods they were entered for.
    nonaktif_sejak = CharField(null=True)


class Pangkat(BaseModel):
    """A civil-service rank: the grade code is stored, the rank name rendered."""

    golongan = CharField(primary_key=True)  # "IV/b"
    nama = CharField()  # "Pembina Tingkat I"
    urutan = IntegerField()


class Pegawai(BaseModel):
    """An employee; ``nip`` holds the 18 digits without spaces."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        golongan: str | None  # the key of ``pangkat``: peewee names it after the column

    nama = CharField()
    nip = CharField(null=True, unique=True)
    pangkat = ForeignKeyField(Pangkat, null=True, on_delete="SET NULL", column_name="golongan")


class Tahun(BaseModel):
    """A reporting year and its IKI decree (Keputusan Camat) with the signatory."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        penandatangan_id: int | None

    tahun = IntegerField(primary_key=True)
    nomor_keputusan = CharField(default="")
    tempat = CharField(default="")
    bulan = IntegerField(null=True)  # month the decree is dated, 1-12
    hari = IntegerField(null=True)  # day of month when known
    jabatan_penandatangan = CharField(default="")  # "CAMAT KEPANJEN"
    penandatangan = ForeignKeyField(Pegawai, null=True, on_delete="SET NULL")


class Jabatan(BaseModel):
    """A position in a year; ``atasan`` NULL means directly under the Camat."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        tahun_id: int
        atasan_id: int | None

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    kode = CharField()
    nama = CharField()
    atasan = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="bawahan")
    urutan = IntegerField()

    class Meta:
        indexes = ((("tahun", "kode"), True),)


class Tugas(BaseModel):
    """One duty of a jabatan, in order."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="tugas")
    urutan = IntegerField()
    teks = TextField()


class Fungsi(BaseModel):
    """One function of a jabatan, in order."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="fungsi")
    urutan = IntegerField()
    teks = TextField()


class Sasaran(BaseModel):
    """An objective (Sasaran/Kinerja Utama) of a jabatan, in order."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="sasaran")
    urutan = IntegerField()
    teks = TextField()


class Indikator(BaseModel):
    """An individual performance indicator: the decree's text and its structured fields.

    ``tahun`` repeats the year of the jabatan so that the database itself keeps indicator
    codes unique within a year.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        sasaran_id: int
        tahun_id: int

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

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        indikator_id: int

    indikator = ForeignKeyField(Indikator, on_delete="CASCADE", backref="sub")
    urutan = IntegerField()
    teks = TextField()
    formula = TextField(default="")


class Pemangku(BaseModel):
    """A pegawai holding a jabatan (and so holding it in that jabatan's year)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int
        pegawai_id: int

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="pemangku")
    pegawai = ForeignKeyField(Pegawai, on_delete="CASCADE", backref="jabatan")

    class Meta:
        indexes = ((("jabatan", "pegawai"), True),)


# -- values (schema 2) ---------------------------------------------------------------------
# Targets and realisasi are stored per indicator and period (DHIS2-style id, see
# domain.periode). "No data" is the absence of a row, never a 0. Every value row says where it
# came from (``sumber``) and, for imports, from which batch, so that the grid can show state
# and a whole import can be undone. Approval is prepared by ``status`` on realisasi; locking
# and the audit log by ``Persetujuan`` and ``CatatanAudit`` (schema 6).

SUMBER_ENTRI = "entri"  # typed in the application
SUMBER_IMPOR_CSV = "impor_csv"  # `nilai impor` of a CSV file
SUMBER_IMPOR_DESA = "impor_desa"  # a desa workbook (issue 6)
SUMBER_IMPOR_TARGET = "impor_target"  # the targets workbook (exchange/buku_target.py)
SUMBER_SALIN = "salin_tahun"  # a target carried over by copying the year

STATUS_DRAF = "draf"  # the approval state lives in Persetujuan; a stored row says only draf


class ImporBatch(BaseModel):
    """One imported file: what, from whom, when, and the counts; undo removes it as a whole.

    ``berkas_simpan`` is the copy of the original file kept beside the database (relative to
    the data folder); ``dibatalkan`` is set when the batch was undone.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        desa_id: int | None

    nama_berkas = CharField()
    sha256 = CharField()
    jenis = CharField()  # "csv" or "desa"
    desa = ForeignKeyField(Desa, null=True, on_delete="SET NULL")
    tahun = IntegerField(null=True)
    periode = CharField(default="")  # the period the file is for ("" = several)
    waktu = CharField()  # ISO 8601 local time
    baru = IntegerField(default=0)
    diubah = IntegerField(default=0)
    sama = IntegerField(default=0)
    ditolak = IntegerField(default=0)
    berkas_simpan = CharField(default="")
    dibatalkan = CharField(null=True)

    class Meta:
        table_name = "impor_batch"


class NilaiTarget(BaseModel):
    """The target of an indicator for a period: annual (``2026``) or per triwulan (``2026Q1``).

    ``nilai_atas`` set makes it a range ``nilai``–``nilai_atas``. A percentage's target is
    the percent itself.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        indikator_id: int
        batch_id: int | None

    indikator = ForeignKeyField(Indikator, on_delete="CASCADE", backref="target")
    periode = CharField()
    nilai = FloatField()
    nilai_atas = FloatField(null=True)
    sumber = CharField(default=SUMBER_ENTRI)
    batch = ForeignKeyField(ImporBatch, null=True, on_delete="SET NULL")
    diubah = CharField()  # ISO 8601 time of the last change

    class Meta:
        table_name = "nilai_target"
        indexes = ((("indikator", "periode"), True),)


class NilaiRealisasi(BaseModel):
    """The realisasi of an indicator for a period, per desa for desa-based indicators.

    ``desa`` NULL is a kecamatan-level value. A count uses ``nilai``; a percentage
    ``pembilang``/``penyebut``; attendance ``pegawai``, ``hari_kerja``, ``hari_tidak_masuk``.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        indikator_id: int
        desa_id: int | None
        batch_id: int | None

    indikator = ForeignKeyField(Indikator, on_delete="CASCADE", backref="realisasi")
    periode = CharField()
    desa = ForeignKeyField(Desa, null=True, on_delete="RESTRICT")
    nilai = FloatField(null=True)
    pembilang = FloatField(null=True)
    penyebut = FloatField(null=True)
    pegawai = FloatField(null=True)
    hari_kerja = FloatField(null=True)
    hari_tidak_masuk = FloatField(null=True)
    sumber = CharField(default=SUMBER_ENTRI)
    status = CharField(default=STATUS_DRAF)
    batch = ForeignKeyField(ImporBatch, null=True, on_delete="SET NULL")
    diubah = CharField()

    class Meta:
        table_name = "nilai_realisasi"


# One value per indicator, period and desa; NULL (kecamatan level) counts as one desa too.
# COALESCE rather than IFNULL: PostgreSQL knows only the first (schema 2 files have IFNULL,
# which SQLite treats the same).
NilaiRealisasi.add_index(
    NilaiRealisasi.index(
        NilaiRealisasi.indikator,
        NilaiRealisasi.periode,
        fn.COALESCE(NilaiRealisasi.desa, 0),
        unique=True,
        name="nilai_realisasi_kunci",
    )
)


class PitaCapaian(BaseModel):
    """A rating band the operator can edit: capaian ≥ ``batas_bawah`` gets ``nama``."""

    batas_bawah = FloatField()
    nama = CharField()
    warna = CharField()  # "#rrggbb"
    urutan = IntegerField()

    class Meta:
        table_name = "pita_capaian"


class AturanCapaian(BaseModel):
    """Capaian rules beside the bands (schema 3); no row means the defaults.

    ``batas_atas`` is the ceiling in percent (PermenPANRB 8/2021 scores capaian above it as
    the ceiling; kabupaten differ); NULL means no ceiling.
    """

    batas_atas = FloatField(null=True)

    class Meta:
        table_name = "aturan_capaian"


# -- users, approval and the audit log (schema 6) ------------------------------------------


class Pengguna(BaseModel):
    """A named user of the office PC with a role (domain words: operator, verifikator,
    administrator). ``sandi`` is a salted scrypt hash (db.pengguna), never the password.

    ``gagal`` counts wrong passwords in a row and ``gagal_terakhir`` says when the last one
    was, so that the next try can be slowed down; ``pemulihan`` holds the name of the file a
    forgotten-password reset waits for (see db.pengguna.request_sandi_reset).
    """

    nama = CharField(unique=True)  # the login name, lower case
    nama_lengkap = CharField(default="")
    peran = CharField()
    sandi = CharField()
    aktif = BooleanField(default=True)
    gagal = IntegerField(default=0)
    gagal_terakhir = CharField(null=True)
    pemulihan = CharField(null=True)


class Persetujuan(BaseModel):
    """The approval state of a jabatan's realisasi for a period, or of its targets for a year.

    No row means draf. ``oleh`` and ``waktu`` say who took the last step and when; ``catatan``
    is the note of a return (dikembalikan) or unlock.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE")
    jenis = CharField()  # "realisasi" or "target"
    periode = CharField()  # any period of realisasi; the year ("2026") for targets
    status = CharField()  # domain.persetujuan.Status
    oleh = CharField()
    waktu = CharField()
    catatan = TextField(default="")

    class Meta:
        table_name = "persetujuan"
        indexes = ((("jabatan", "jenis", "periode"), True),)


class CatatanAudit(BaseModel):
    """One change of stored data: who, when, by which action, what and old → new.

    Append-only: no foreign keys (removing an indicator must not remove its history), ids of
    jabatan, indicator and desa as plain numbers. ``lama``/``baru`` hold a value row as
    compact JSON (NULL = no row). The entries are chained by SHA-256 (db.audit): ``hash`` is
    set on the last entry of each operation and covers every entry before it. Import batches
    are undone from their entries (``batch_id``).
    """

    waktu = CharField()
    pengguna = CharField(default="")
    aksi = CharField()  # db.audit.AKSI
    jenis = CharField()  # "target", "realisasi", "persetujuan", "pengguna"
    batch_id = IntegerField(null=True)  # read only to undo a batch: no index
    jabatan_id = IntegerField(null=True)
    indikator_id = IntegerField(null=True, index=True)
    periode = CharField(default="")
    desa_id = IntegerField(null=True)
    lama = TextField(null=True)
    baru = TextField(null=True)
    catatan = TextField(null=True)
    hash = CharField(null=True)
    # the row as stored after the change (IKI rows, programs, kegiatan; db.audit_isi), NULL
    # when the entry names no such row: what `audit periksa` compares the stored row with
    isi = TextField(null=True)

    class Meta:
        table_name = "audit_log"


class KepalaAudit(BaseModel):
    """The head of the audit chain (one row): the last entry and its hash.

    Updated in the same transaction as the entries; it serialises writers on PostgreSQL (the
    row lock) and lets the check see entries removed from the end of the log.
    """

    terakhir_id = IntegerField(default=0)
    hash = CharField(default="")

    class Meta:
        table_name = "audit_kepala"


# -- the Laporan Kinerja (schema 8) ---------------------------------------------------------


class TeksLkjip(BaseModel):
    """A narrative part of a year's Laporan Kinerja (LKjIP) as the operator accepted it.

    No row means the part is still the draft generated from the figures
    (reports/lkjip_draf): a draft is never stored, so it always follows today's figures and is
    printed marked as a draft. ``bagian`` names the part (``kata_pengantar``, ``ikhtisar``,
    ``sasaran:<id>`` …); ``asal`` says where the accepted text came from (``diketik``,
    ``usulan`` accepted as generated, ``tahun_lalu`` taken from the year before by the
    operator); ``usulan`` keeps the draft as it was when the text was accepted, so that the
    window can say when the figures moved since.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        tahun_id: int

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    bagian = CharField()
    teks = TextField()
    asal = CharField()
    usulan = TextField(default="")
    oleh = CharField(default="")
    diubah = CharField()  # ISO 8601 local time

    class Meta:
        table_name = "lkjip_teks"
        indexes = ((("tahun", "bagian"), True),)


class TargetRenstra(BaseModel):
    """The five-year (Renstra) target of an indicator, by indicator code (codes stay the same
    from year to year), for the plan that ends in ``tahun_akhir``."""

    kode_indikator = CharField()
    tahun_akhir = IntegerField()
    nilai = FloatField()
    nilai_atas = FloatField(null=True)
    diubah = CharField()

    class Meta:
        table_name = "target_renstra"
        indexes = ((("kode_indikator", "tahun_akhir"), True),)


# -- Perjanjian Kinerja (schema 9) ---------------------------------------------------------
# The statement text of the office's Perjanjian Kinerja, kept per year, and every PK issued:
# the data of an issued agreement is frozen as JSON, so that a "PK Perubahan" issued mid-year
# keeps the original and can show what changed (reports.pk_data, db.pk).


class NaskahPk(BaseModel):
    """The statement text of the Perjanjian Kinerja of a year, one for the whole office.

    ``pembuka`` opens the statement page; ``janji`` holds the promise paragraphs (separated by
    blank lines). ``nama_kepala_daerah`` and ``jabatan_kepala_daerah`` are the Bupati (or Wali
    Kota) as entered: the pihak kedua of the Camat's own agreement. A year without a row uses
    the latest earlier year's text, else the defaults (db.pk).
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        tahun_id: int

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun", unique=True)
    pembuka = TextField()
    janji = TextField()
    nama_kepala_daerah = CharField(default="")
    jabatan_kepala_daerah = CharField(default="")

    class Meta:
        table_name = "naskah_pk"


class PkTerbit(BaseModel):
    """One issued Perjanjian Kinerja of a jabatan (NULL: the Camat's own), frozen as JSON.

    ``ke`` 0 is the PK issued first; 1, 2, … each "PK Perubahan". ``isi`` is the agreement as
    issued (reports.pk_data.DokumenPk as JSON): targets, programs, anggaran, both parties and
    the statement text, so that later edits never change what was signed.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        tahun_id: int
        jabatan_id: int | None

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    jabatan = ForeignKeyField(Jabatan, null=True, on_delete="CASCADE")
    ke = IntegerField()
    waktu = CharField()  # ISO 8601 local time of issue
    oleh = CharField(default="")  # the user who issued it ("" without users)
    alasan = TextField(default="")  # why a PK Perubahan was issued
    isi = TextField()

    class Meta:
        table_name = "pk_terbit"


# -- programs, budgets, Rencana Aksi and monev notes (schema 10) ----------------------------
# What the Perjanjian Kinerja, the Rencana Aksi and the quarterly monev print beside the IKI
# (issue 17). Rupiah are whole numbers (BIGINT: a kecamatan's budget passes 2^31 Rupiah),
# never floats. Read them through db.queries_program, in bulk.


class Program(BaseModel):
    """A program (Permendagri 90/2019 naming) a jabatan carries in its year, in order.

    ``kode`` is the budget code when the office uses one ("7.01.01"), else empty. ``sasaran``
    links the program to the sasaran it serves (NULL: not linked). Its anggaran is the sum of
    its kegiatan's.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int
        sasaran_id: int | None

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="program")
    urutan = IntegerField()
    kode = CharField(default="")
    nama = TextField()
    sasaran = ForeignKeyField(Sasaran, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "program"


class Kegiatan(BaseModel):
    """An activity (kegiatan) of a program, in order, with its anggaran in whole Rupiah.

    ``anggaran`` NULL means not yet known (documents print a marked blank), 0 a kegiatan
    without money. ``indikator`` links it to the indicator it serves (NULL: not linked).
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        program_id: int
        indikator_id: int | None

    program = ForeignKeyField(Program, on_delete="CASCADE", backref="kegiatan")
    urutan = IntegerField()
    kode = CharField(default="")
    nama = TextField()
    anggaran = BigIntegerField(null=True)
    indikator = ForeignKeyField(Indikator, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "kegiatan"


class RealisasiAnggaran(BaseModel):
    """The budget realised by a kegiatan in one triwulan (``2026Q2``), in whole Rupiah.

    The quarter's own spending, not cumulative: the monev adds the quarters up. No row means
    not reported yet. Locked like realisasi when the jabatan's period is approved.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        kegiatan_id: int

    kegiatan = ForeignKeyField(Kegiatan, on_delete="CASCADE", backref="realisasi")
    periode = CharField()
    nilai = BigIntegerField()
    sumber = CharField(default=SUMBER_ENTRI)
    diubah = CharField()  # ISO 8601 time of the last change

    class Meta:
        table_name = "realisasi_anggaran"
        indexes = ((("kegiatan", "periode"), True),)


class RencanaAksi(BaseModel):
    """An action of a jabatan's Rencana Aksi, in order; ``induk`` set makes it a sub-action
    (one level: a sub-action has no sub-actions).

    The penanggung jawab is a jabatan of the same year (``penanggung_jawab``) or, when it is
    someone else, a text (``penanggung_jawab_teks``); both empty: not named. ``tw1``–``tw4``
    say what is planned in each triwulan ("✓", "1 dokumen", "25%"; empty: nothing).
    ``indikator`` and ``kegiatan`` link the action to what it serves (NULL: not linked).
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        jabatan_id: int
        induk_id: int | None
        indikator_id: int | None
        kegiatan_id: int | None
        penanggung_jawab_id: int | None

    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE", backref="rencana_aksi")
    induk = ForeignKeyField("self", null=True, on_delete="CASCADE", backref="sub")
    urutan = IntegerField()
    teks = TextField()
    indikator = ForeignKeyField(Indikator, null=True, on_delete="SET NULL")
    kegiatan = ForeignKeyField(Kegiatan, null=True, on_delete="SET NULL")
    penanggung_jawab = ForeignKeyField(
        Jabatan, null=True, on_delete="SET NULL", backref="aksi_dipertanggungjawabkan"
    )
    penanggung_jawab_teks = TextField(default="")
    tw1 = CharField(default="")
    tw2 = CharField(default="")
    tw3 = CharField(default="")
    tw4 = CharField(default="")

    class Meta:
        table_name = "rencana_aksi"


class Keterangan(BaseModel):
    """The monev note of an indicator for a period: the obstacle (kendala) and the follow-up
    (tindak lanjut). No row means no note. Locked like realisasi when the period is approved.
    """

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        indikator_id: int

    indikator = ForeignKeyField(Indikator, on_delete="CASCADE", backref="keterangan")
    periode = CharField()
    kendala = TextField(default="")
    tindak_lanjut = TextField(default="")
    diubah = CharField()  # ISO 8601 time of the last change

    class Meta:
        table_name = "keterangan"
        indexes = ((("indikator", "periode"), True),)


# -- SKP per pegawai, PermenPANRB 6/2022 (schema 11) ---------------------------------------
# A pegawai's plan for a year (drawn from the jabatan's IKI), the seven BerAKHLAK behaviours
# with the atasan's expectation, and the periodic and yearly evaluation. Ratings are stored as
# domain.skp.Rating values, predikat as the words of the matrix. The matrix and the
# distribution curve are editable data seeded with the regulation's values.


class Skp(BaseModel):
    """The SKP of a pegawai in a year, for the jabatan held then (one per pegawai and year)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        pegawai_id: int
        jabatan_id: int
        tahun_id: int

    pegawai = ForeignKeyField(Pegawai, on_delete="CASCADE")
    jabatan = ForeignKeyField(Jabatan, on_delete="CASCADE")
    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun")
    dibuat = CharField()  # ISO 8601 time the plan was drawn

    class Meta:
        table_name = "skp"
        indexes = ((("pegawai", "tahun"), True),)


class SkpHasilKerja(BaseModel):
    """One row of the rencana hasil kerja: the atasan's intervened result, the result, the
    aspek, the indicator and its target; ``iki`` links the IKI indicator it came from, whose
    stored values then give the realisasi (NULL: typed by hand, or the indicator removed)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        skp_id: int
        iki_id: int | None

    skp = ForeignKeyField(Skp, on_delete="CASCADE", backref="hasil_kerja")
    bagian = CharField()  # domain.skp.Bagian
    urutan = IntegerField()
    rhk_atasan = TextField(default="")
    rhk = TextField()
    aspek = CharField()  # domain.skp.Aspek
    indikator = TextField()
    target = CharField(default="")
    satuan = CharField(default="")
    iki = ForeignKeyField(Indikator, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "skp_hasil_kerja"


class SkpRealisasi(BaseModel):
    """Realisasi typed for a rencana hasil kerja in a period (rows without an IKI link) and
    the atasan's feedback on it."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        hasil_kerja_id: int

    hasil_kerja = ForeignKeyField(SkpHasilKerja, on_delete="CASCADE")
    periode = CharField()  # "2026Q2" or the year "2026"
    realisasi = TextField(default="")
    umpan_balik = TextField(default="")

    class Meta:
        table_name = "skp_realisasi"
        indexes = ((("hasil_kerja", "periode"), True),)


class SkpPerilaku(BaseModel):
    """One BerAKHLAK core value in a pegawai's SKP with the atasan's expectation of it."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        skp_id: int

    skp = ForeignKeyField(Skp, on_delete="CASCADE", backref="perilaku")
    perilaku = CharField()  # domain.skp.Perilaku.kode
    ekspektasi = TextField(default="")

    class Meta:
        table_name = "skp_perilaku"
        indexes = ((("skp", "perilaku"), True),)


class SkpUmpanPerilaku(BaseModel):
    """The atasan's feedback on one core value in a period."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        perilaku_id: int

    perilaku = ForeignKeyField(SkpPerilaku, on_delete="CASCADE")
    periode = CharField()
    umpan_balik = TextField(default="")

    class Meta:
        table_name = "skp_umpan_perilaku"
        indexes = ((("perilaku", "periode"), True),)


class SkpEvaluasi(BaseModel):
    """The evaluation of an SKP in a period: the application's proposed hasil-kerja rating and
    why, the atasan's ratings of hasil kerja and perilaku, the predikat from the matrix at the
    time of the decision, and the notes of the Dokumen Evaluasi Kinerja Pegawai."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        skp_id: int

    skp = ForeignKeyField(Skp, on_delete="CASCADE", backref="evaluasi")
    periode = CharField()
    usulan_hasil = CharField(null=True)  # domain.skp.Rating; NULL: no capaian to propose from
    alasan_usulan = TextField(default="")
    rating_hasil = CharField(null=True)  # the atasan's decision
    rating_perilaku = CharField(null=True)
    predikat = CharField(null=True)
    catatan = TextField(default="")
    oleh = CharField(default="")
    diubah = CharField()

    class Meta:
        table_name = "skp_evaluasi"
        indexes = ((("skp", "periode"), True),)


class MatriksPredikat(BaseModel):
    """One cell of the predikat matrix: a rating of hasil kerja and of perilaku → predikat."""

    rating_hasil = CharField()
    rating_perilaku = CharField()
    predikat = CharField()

    class Meta:
        table_name = "skp_matriks_predikat"
        indexes = ((("rating_hasil", "rating_perilaku"), True),)


class KurvaDistribusi(BaseModel):
    """One rule of the distribution curve (domain.skp.AturanKurva); ``predikat`` holds one or
    more predikat joined by "|"; the bounds are percent (NULL: none)."""

    organisasi = CharField()
    predikat = CharField()
    paling_sedikit = FloatField(null=True)
    paling_banyak = FloatField(null=True)
    minimal_orang = IntegerField(default=0)
    urutan = IntegerField()
    sumber = TextField(default="")

    class Meta:
        table_name = "skp_kurva_distribusi"


class PredikatOrganisasi(BaseModel):
    """The kecamatan's own predikat kinerja organisasi of a year (one of
    domain.skp.PREDIKAT_ORGANISASI)."""

    if TYPE_CHECKING:  # set by peewee's metaclass; declared for mypy
        tahun_id: int

    tahun = ForeignKeyField(Tahun, on_delete="CASCADE", column_name="tahun", unique=True)
    predikat = CharField()
    catatan = TextField(default="")

    class Meta:
        table_name = "skp_predikat_organisasi"


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
    ImporBatch,
    NilaiTarget,
    NilaiRealisasi,
    PitaCapaian,
    AturanCapaian,
    Pengguna,
    Persetujuan,
    CatatanAudit,
    KepalaAudit,
    TeksLkjip,
    TargetRenstra,
    NaskahPk,
    PkTerbit,
    Program,
    Kegiatan,
    RealisasiAnggaran,
    RencanaAksi,
    Keterangan,
    Skp,
    SkpHasilKerja,
    SkpRealisasi,
    SkpPerilaku,
    SkpUmpanPerilaku,
    SkpEvaluasi,
    MatriksPredikat,
    KurvaDistribusi,
    PredikatOrganisasi,
)
