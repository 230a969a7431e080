"""Schema versions: ``PRAGMA user_version`` says which one a database file has; on a
PostgreSQL server the one-row table ``kinerja_skema`` says it.

A new database gets the current tables at once. An older one is upgraded step by step, all
steps in one transaction, so it is either fully upgraded or untouched. A database written by a
newer version of the application is refused rather than damaged. There is one list of versions
for both engines: a step whose SQL must differ on PostgreSQL gives both forms (:class:`PerMesin`).

Long because every version's upgrade SQL stays here exactly as it was written (old steps never
change), beside the version bookkeeping of both engines.
"""

import sqlite3
from collections.abc import Callable, Iterable
from typing import NamedTuple

import peewee
from peewee import Database, PostgresqlDatabase

from kinerja_desktop.db.kabupaten_models import KABUPATEN_MODELS
from kinerja_desktop.db.models import ALL_MODELS
from kinerja_desktop.errors import BasisDataBermasalah

SCHEMA_VERSION = 12
# every table of a database of the current schema (db/schema_check.py compares against them)
SCHEMA_MODELS = ALL_MODELS + KABUPATEN_MODELS
APPLICATION_ID = 0x4B4E4A44  # "KNJD": marks a SQLite file as a Kinerja Desktop database
# The first version a server database can have: servers came with it, so older steps run on
# SQLite files only and need no PostgreSQL form. Every later step must run on both engines.
FIRST_SERVER_VERSION = 5
SERVER_VERSION_TABLE = "kinerja_skema"

# UPGRADES[n] turns a version-n database into version n+1. Each step writes its own SQL
# rather than calling create_tables, so that later model changes cannot alter old steps.
UPGRADES: dict[int, Callable[[Database], None]] = {}


class PerMesin(NamedTuple):
    """One upgrade statement that must differ between the engines, e.g. an id column:
    ``"id" INTEGER NOT NULL PRIMARY KEY`` on SQLite, ``"id" SERIAL NOT NULL PRIMARY KEY``
    on PostgreSQL, or ``REAL`` (8 bytes on SQLite) and ``DOUBLE PRECISION``."""

    sqlite: str
    postgresql: str


def run_statements(db: Database, statements: Iterable[str | PerMesin]) -> None:
    """Run an upgrade step's statements, each in the form for ``db``'s engine."""
    server = isinstance(db, PostgresqlDatabase)
    for statement in statements:
        if isinstance(statement, PerMesin):
            statement = statement.postgresql if server else statement.sqlite
        db.execute_sql(statement)


_V2_SQL = (
    # the import log (issue 6 fills it for desa workbooks; `nilai impor` for CSV files)
    'CREATE TABLE "impor_batch" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"nama_berkas" VARCHAR(255) NOT NULL, "sha256" VARCHAR(255) NOT NULL, '
    '"jenis" VARCHAR(255) NOT NULL, "desa_id" INTEGER, "tahun" INTEGER, '
    '"periode" VARCHAR(255) NOT NULL, "waktu" VARCHAR(255) NOT NULL, '
    '"baru" INTEGER NOT NULL, "diubah" INTEGER NOT NULL, "sama" INTEGER NOT NULL, '
    '"ditolak" INTEGER NOT NULL, "berkas_simpan" VARCHAR(255) NOT NULL, '
    '"dibatalkan" VARCHAR(255), '
    'FOREIGN KEY ("desa_id") REFERENCES "desa" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "impor_batch_desa_id" ON "impor_batch" ("desa_id")',
    # targets and realisasi
    'CREATE TABLE "nilai_target" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"indikator_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, '
    '"nilai" REAL NOT NULL, "nilai_atas" REAL, "sumber" VARCHAR(255) NOT NULL, '
    '"batch_id" INTEGER, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("batch_id") REFERENCES "impor_batch" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "nilai_target_indikator_id" ON "nilai_target" ("indikator_id")',
    'CREATE INDEX "nilai_target_batch_id" ON "nilai_target" ("batch_id")',
    'CREATE UNIQUE INDEX "nilai_target_indikator_id_periode" '
    'ON "nilai_target" ("indikator_id", "periode")',
    'CREATE TABLE "nilai_realisasi" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"indikator_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, "desa_id" INTEGER, '
    '"nilai" REAL, "pembilang" REAL, "penyebut" REAL, "pegawai" REAL, "hari_kerja" REAL, '
    '"hari_tidak_masuk" REAL, "sumber" VARCHAR(255) NOT NULL, '
    '"status" VARCHAR(255) NOT NULL, "batch_id" INTEGER, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("desa_id") REFERENCES "desa" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("batch_id") REFERENCES "impor_batch" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "nilai_realisasi_indikator_id" ON "nilai_realisasi" ("indikator_id")',
    'CREATE INDEX "nilai_realisasi_desa_id" ON "nilai_realisasi" ("desa_id")',
    'CREATE INDEX "nilai_realisasi_batch_id" ON "nilai_realisasi" ("batch_id")',
    'CREATE UNIQUE INDEX "nilai_realisasi_kunci" '
    'ON "nilai_realisasi" ("indikator_id", "periode", IFNULL("desa_id", 0))',
    # the history of value changes: batch undo now, the audit log later
    'CREATE TABLE "riwayat_nilai" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"waktu" VARCHAR(255) NOT NULL, "batch_id" INTEGER, "jenis" VARCHAR(255) NOT NULL, '
    '"indikator_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, "desa_id" INTEGER, '
    '"lama" TEXT, "baru" TEXT, '
    'FOREIGN KEY ("batch_id") REFERENCES "impor_batch" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("desa_id") REFERENCES "desa" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "riwayat_nilai_batch_id" ON "riwayat_nilai" ("batch_id")',
    'CREATE INDEX "riwayat_nilai_indikator_id" ON "riwayat_nilai" ("indikator_id")',
    'CREATE INDEX "riwayat_nilai_desa_id" ON "riwayat_nilai" ("desa_id")',
    # rating bands, editable; defaults of capaian-rules.md
    'CREATE TABLE "pita_capaian" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"batas_bawah" REAL NOT NULL, "nama" VARCHAR(255) NOT NULL, '
    '"warna" VARCHAR(255) NOT NULL, "urutan" INTEGER NOT NULL)',
    'INSERT INTO "pita_capaian" ("batas_bawah", "nama", "warna", "urutan") VALUES '
    "(91.0, 'Sangat Tinggi', '#a8d5a2', 0), (76.0, 'Tinggi', '#d4ecc4', 1), "
    "(66.0, 'Sedang', '#fff2b3', 2), (51.0, 'Rendah', '#fcd5b0', 3), "
    "(0.0, 'Sangat Rendah', '#f4b6b0', 4)",
)


def _upgrade_1_to_2(db: Database) -> None:
    """Schema 2: targets, realisasi, the import log, the value history and rating bands."""
    run_statements(db, _V2_SQL)


UPGRADES[1] = _upgrade_1_to_2


def _upgrade_2_to_3(db: Database) -> None:
    """Schema 3: the capaian ceiling beside the rating bands (no row: no ceiling)."""
    db.execute_sql(
        'CREATE TABLE "aturan_capaian" ("id" INTEGER NOT NULL PRIMARY KEY, "batas_atas" REAL)'
    )


UPGRADES[2] = _upgrade_2_to_3


_V4_SQL = (
    # the kabupaten workspace: its kecamatan, the receipt log and what each package holds
    'CREATE TABLE "kabupaten" ("id" INTEGER NOT NULL PRIMARY KEY, "kode" VARCHAR(255) NOT NULL, '
    '"nama" VARCHAR(255) NOT NULL, "provinsi" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "kabupaten_kecamatan" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"kode" VARCHAR(255) NOT NULL, "nama" VARCHAR(255) NOT NULL, "urutan" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "kabupaten_kecamatan_kode" ON "kabupaten_kecamatan" ("kode")',
    'CREATE TABLE "paket" ("id" INTEGER NOT NULL PRIMARY KEY, "kecamatan_id" INTEGER NOT NULL, '
    '"tahun" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, '
    '"nama_berkas" VARCHAR(255) NOT NULL, "sha256" VARCHAR(255) NOT NULL, '
    '"waktu_tulis" VARCHAR(255) NOT NULL, "waktu_terima" VARCHAR(255) NOT NULL, '
    '"versi_aplikasi" VARCHAR(255) NOT NULL, "versi_format" INTEGER NOT NULL, '
    '"berlaku" INTEGER NOT NULL, "diganti" VARCHAR(255), FOREIGN KEY ("kecamatan_id") '
    'REFERENCES "kabupaten_kecamatan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "paket_kecamatan_id" ON "paket" ("kecamatan_id")',
    'CREATE TABLE "paket_capaian" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"paket_id" INTEGER NOT NULL, "kode_indikator" VARCHAR(255) NOT NULL, '
    '"periode" VARCHAR(255) NOT NULL, "target" VARCHAR(255), "realisasi" REAL, '
    '"pembilang" REAL, "penyebut" REAL, "capaian" REAL, "kategori" VARCHAR(255), '
    '"catatan" TEXT, "jumlah_data" INTEGER NOT NULL, '
    'FOREIGN KEY ("paket_id") REFERENCES "paket" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "paket_capaian_paket_id" ON "paket_capaian" ("paket_id")',
    'CREATE TABLE "paket_indikator" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"paket_id" INTEGER NOT NULL, "kode_jabatan" VARCHAR(255) NOT NULL, '
    '"nama_jabatan" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "kode" VARCHAR(255) NOT NULL, '
    '"nama" TEXT NOT NULL, "satuan" VARCHAR(255) NOT NULL, "jenis" VARCHAR(255) NOT NULL, '
    '"polaritas" VARCHAR(255) NOT NULL, "dari_desa" INTEGER NOT NULL, '
    'FOREIGN KEY ("paket_id") REFERENCES "paket" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "paket_indikator_paket_id" ON "paket_indikator" ("paket_id")',
    'CREATE TABLE "paket_nilai" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"paket_id" INTEGER NOT NULL, "kode_indikator" VARCHAR(255) NOT NULL, '
    '"periode" VARCHAR(255) NOT NULL, "kode_desa" VARCHAR(255) NOT NULL, '
    '"jenis" VARCHAR(255) NOT NULL, "nilai" VARCHAR(255) NOT NULL, "pembilang" REAL, '
    '"penyebut" REAL, "pegawai" REAL, "hari_kerja" REAL, "hari_tidak_masuk" REAL, '
    '"status" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("paket_id") REFERENCES "paket" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "paket_nilai_paket_id" ON "paket_nilai" ("paket_id")',
)


def _upgrade_3_to_4(db: Database) -> None:
    """Schema 4: the kabupaten workspace (empty in a kecamatan database)."""
    run_statements(db, _V4_SQL)


UPGRADES[3] = _upgrade_3_to_4


def _upgrade_4_to_5(db: Database) -> None:
    """Schema 5: any kecamatan: the kind of the kabupaten/kota and retired desa."""
    db.execute_sql(
        'ALTER TABLE "kantor" ADD COLUMN "jenis_kabupaten" VARCHAR(255) NOT NULL '
        "DEFAULT 'kabupaten'"
    )
    db.execute_sql('ALTER TABLE "desa" ADD COLUMN "nonaktif_sejak" VARCHAR(255)')


UPGRADES[4] = _upgrade_4_to_5


_V6_TABLE = (
    'CREATE TABLE "paket_dokumen" ("id" {id} NOT NULL PRIMARY KEY, '
    '"paket_id" INTEGER NOT NULL, "nama" VARCHAR(255) NOT NULL, "isi" TEXT NOT NULL, '
    'FOREIGN KEY ("paket_id") REFERENCES "paket" ("id") ON DELETE CASCADE)'
)


def _upgrade_5_to_6(db: Database) -> None:
    """Schema 6: a received package's IKI and office kept whole, to show them as sent."""
    run_statements(
        db,
        (
            # the id numbers itself: SQLite's INTEGER PRIMARY KEY, PostgreSQL's SERIAL
            PerMesin(_V6_TABLE.format(id="INTEGER"), _V6_TABLE.format(id="SERIAL")),
            'CREATE INDEX "paket_dokumen_paket_id" ON "paket_dokumen" ("paket_id")',
        ),
    )


UPGRADES[5] = _upgrade_5_to_6


# {id}: the id numbers itself (INTEGER on SQLite, SERIAL on PostgreSQL); {bool}: a flag
_V7_SQL = (
    # users and roles (db.pengguna), approval per jabatan and period (db.persetujuan)
    'CREATE TABLE "pengguna" ("id" {id} NOT NULL PRIMARY KEY, "nama" VARCHAR(255) NOT NULL, '
    '"nama_lengkap" VARCHAR(255) NOT NULL, "peran" VARCHAR(255) NOT NULL, '
    '"sandi" VARCHAR(255) NOT NULL, "aktif" {bool} NOT NULL, "gagal" INTEGER NOT NULL, '
    '"gagal_terakhir" VARCHAR(255), "pemulihan" VARCHAR(255))',
    'CREATE UNIQUE INDEX "pengguna_nama" ON "pengguna" ("nama")',
    'CREATE TABLE "persetujuan" ("id" {id} NOT NULL PRIMARY KEY, '
    '"jabatan_id" INTEGER NOT NULL, "jenis" VARCHAR(255) NOT NULL, '
    '"periode" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, '
    '"oleh" VARCHAR(255) NOT NULL, "waktu" VARCHAR(255) NOT NULL, "catatan" TEXT NOT NULL, '
    'FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "persetujuan_jabatan_id" ON "persetujuan" ("jabatan_id")',
    'CREATE UNIQUE INDEX "persetujuan_jabatan_id_jenis_periode" '
    'ON "persetujuan" ("jabatan_id", "jenis", "periode")',
    # the audit log replaces riwayat_nilai (its rows move over with their ids)
    'CREATE TABLE "audit_log" ("id" {id} NOT NULL PRIMARY KEY, '
    '"waktu" VARCHAR(255) NOT NULL, "pengguna" VARCHAR(255) NOT NULL, '
    '"aksi" VARCHAR(255) NOT NULL, "jenis" VARCHAR(255) NOT NULL, "batch_id" INTEGER, '
    '"jabatan_id" INTEGER, "indikator_id" INTEGER, "periode" VARCHAR(255) NOT NULL, '
    '"desa_id" INTEGER, "lama" TEXT, "baru" TEXT, "catatan" TEXT, "hash" VARCHAR(255))',
    'CREATE INDEX "audit_log_indikator_id" ON "audit_log" ("indikator_id")',
    'CREATE TABLE "audit_kepala" ("id" {id} NOT NULL PRIMARY KEY, '
    '"terakhir_id" INTEGER NOT NULL, "hash" VARCHAR(255) NOT NULL)',
)


def _upgrade_6_to_7(db: Database) -> None:
    """Schema 7: users, approval states and the hash-chained audit log.

    The import history of ``riwayat_nilai`` becomes the first entries of the log (same ids,
    no user, the action of its batch), chained as one operation; then the old table goes.
    """
    run_statements(
        db,
        (
            PerMesin(q.format(id="INTEGER", bool="INTEGER"), q.format(id="SERIAL", bool="BOOLEAN"))
            for q in _V7_SQL
        ),
    )
    from kinerja_desktop.db.audit import rantai_baru

    mark = db.param  # "?" on SQLite, "%s" on PostgreSQL
    lama = db.execute_sql(
        'SELECT r."id", r."waktu", r."batch_id", r."jenis", r."indikator_id", r."periode", '
        'r."desa_id", r."lama", r."baru", b."jenis", s."jabatan_id" FROM "riwayat_nilai" r '
        'LEFT JOIN "impor_batch" b ON b."id" = r."batch_id" '
        'LEFT JOIN "indikator" i ON i."id" = r."indikator_id" '
        'LEFT JOIN "sasaran" s ON s."id" = i."sasaran_id" ORDER BY r."id"'
    ).fetchall()
    baris = [
        (w, "", "impor_desa" if bj == "desa" else "impor_csv", j, b, jab, ind, p, d, la, ba, None)
        for (_id, w, b, j, ind, p, d, la, ba, bj, jab) in lama
    ]
    for (id_, *_), isi, h in zip(lama, baris, rantai_baru(baris), strict=True):
        db.execute_sql(
            'INSERT INTO "audit_log" ("id", "waktu", "pengguna", "aksi", "jenis", "batch_id", '
            '"jabatan_id", "indikator_id", "periode", "desa_id", "lama", "baru", "catatan", '
            f'"hash") VALUES ({", ".join([mark] * 14)})',
            (id_, *isi, h),
        )
    if lama:
        db.execute_sql(
            f'INSERT INTO "audit_kepala" ("terakhir_id", "hash") VALUES ({mark}, {mark})',
            (lama[-1][0], rantai_baru(baris)[-1]),
        )
        if isinstance(db, PostgresqlDatabase):
            # the rows came with their ids: the next entry gets the one after the last
            db.execute_sql(
                "SELECT setval(pg_get_serial_sequence('\"audit_log\"', 'id'), "
                'MAX("id")) FROM "audit_log"'
            )
    db.execute_sql('DROP TABLE "riwayat_nilai"')


UPGRADES[6] = _upgrade_6_to_7


# {id}: the id numbers itself (INTEGER on SQLite, SERIAL on PostgreSQL)
_V8_SQL = (
    # the narrative parts of the Laporan Kinerja the operator accepted, per year
    'CREATE TABLE "lkjip_teks" ("id" {id} NOT NULL PRIMARY KEY, "tahun" INTEGER NOT NULL, '
    '"bagian" VARCHAR(255) NOT NULL, "teks" TEXT NOT NULL, "asal" VARCHAR(255) NOT NULL, '
    '"usulan" TEXT NOT NULL, "oleh" VARCHAR(255) NOT NULL, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("tahun") REFERENCES "tahun" ("tahun") ON DELETE CASCADE)',
    'CREATE INDEX "lkjip_teks_tahun" ON "lkjip_teks" ("tahun")',
    'CREATE UNIQUE INDEX "lkjip_teks_tahun_bagian" ON "lkjip_teks" ("tahun", "bagian")',
    # the five-year (Renstra) targets, by indicator code
    'CREATE TABLE "target_renstra" ("id" {id} NOT NULL PRIMARY KEY, '
    '"kode_indikator" VARCHAR(255) NOT NULL, "tahun_akhir" INTEGER NOT NULL, '
    '"nilai" REAL NOT NULL, "nilai_atas" REAL, "diubah" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "target_renstra_kode_indikator_tahun_akhir" '
    'ON "target_renstra" ("kode_indikator", "tahun_akhir")',
)


def _upgrade_7_to_8(db: Database) -> None:
    """Schema 8: the Laporan Kinerja's narrative texts per year and the Renstra targets."""
    run_statements(
        db,
        (PerMesin(q.format(id="INTEGER"), q.format(id="SERIAL")) for q in _V8_SQL),
    )


UPGRADES[7] = _upgrade_7_to_8


# {id}: the id numbers itself (INTEGER on SQLite, SERIAL on PostgreSQL)
_V9_SQL = (
    # the Perjanjian Kinerja's statement text per year, with the Bupati as entered (db.pk)
    'CREATE TABLE "naskah_pk" ("id" {id} NOT NULL PRIMARY KEY, "tahun" INTEGER NOT NULL, '
    '"pembuka" TEXT NOT NULL, "janji" TEXT NOT NULL, '
    '"nama_kepala_daerah" VARCHAR(255) NOT NULL, "jabatan_kepala_daerah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("tahun") REFERENCES "tahun" ("tahun") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "naskah_pk_tahun" ON "naskah_pk" ("tahun")',
    # every issued PK, frozen as JSON: a PK Perubahan keeps the original
    'CREATE TABLE "pk_terbit" ("id" {id} NOT NULL PRIMARY KEY, "tahun" INTEGER NOT NULL, '
    '"jabatan_id" INTEGER, "ke" INTEGER NOT NULL, "waktu" VARCHAR(255) NOT NULL, '
    '"oleh" VARCHAR(255) NOT NULL, "alasan" TEXT NOT NULL, "isi" TEXT NOT NULL, '
    'FOREIGN KEY ("tahun") REFERENCES "tahun" ("tahun") ON DELETE CASCADE, '
    'FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "pk_terbit_tahun" ON "pk_terbit" ("tahun")',
    'CREATE INDEX "pk_terbit_jabatan_id" ON "pk_terbit" ("jabatan_id")',
)


def _upgrade_8_to_9(db: Database) -> None:
    """Schema 9: the Perjanjian Kinerja's statement text per year and the issued PKs (empty)."""
    run_statements(db, (PerMesin(q.format(id="INTEGER"), q.format(id="SERIAL")) for q in _V9_SQL))


UPGRADES[8] = _upgrade_8_to_9


# {id}: the id numbers itself (INTEGER on SQLite, SERIAL on PostgreSQL); {rp}: whole Rupiah,
# 64 bits on both (SQLite's INTEGER is; PostgreSQL's INTEGER is not)
_V10_SQL = (
    'CREATE TABLE "program" ("id" {id} NOT NULL PRIMARY KEY, "jabatan_id" INTEGER NOT NULL, '
    '"urutan" INTEGER NOT NULL, "kode" VARCHAR(255) NOT NULL, "nama" TEXT NOT NULL, '
    '"sasaran_id" INTEGER, '
    'FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("sasaran_id") REFERENCES "sasaran" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "program_jabatan_id" ON "program" ("jabatan_id")',
    'CREATE INDEX "program_sasaran_id" ON "program" ("sasaran_id")',
    'CREATE TABLE "kegiatan" ("id" {id} NOT NULL PRIMARY KEY, "program_id" INTEGER NOT NULL, '
    '"urutan" INTEGER NOT NULL, "kode" VARCHAR(255) NOT NULL, "nama" TEXT NOT NULL, '
    '"anggaran" {rp}, "indikator_id" INTEGER, '
    'FOREIGN KEY ("program_id") REFERENCES "program" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "kegiatan_program_id" ON "kegiatan" ("program_id")',
    'CREATE INDEX "kegiatan_indikator_id" ON "kegiatan" ("indikator_id")',
    'CREATE TABLE "realisasi_anggaran" ("id" {id} NOT NULL PRIMARY KEY, '
    '"kegiatan_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, "nilai" {rp} NOT NULL, '
    '"sumber" VARCHAR(255) NOT NULL, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("kegiatan_id") REFERENCES "kegiatan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "realisasi_anggaran_kegiatan_id" ON "realisasi_anggaran" ("kegiatan_id")',
    'CREATE UNIQUE INDEX "realisasi_anggaran_kegiatan_id_periode" '
    'ON "realisasi_anggaran" ("kegiatan_id", "periode")',
    'CREATE TABLE "rencana_aksi" ("id" {id} NOT NULL PRIMARY KEY, '
    '"jabatan_id" INTEGER NOT NULL, "induk_id" INTEGER, "urutan" INTEGER NOT NULL, '
    '"teks" TEXT NOT NULL, "indikator_id" INTEGER, "kegiatan_id" INTEGER, '
    '"penanggung_jawab_id" INTEGER, "penanggung_jawab_teks" TEXT NOT NULL, '
    '"tw1" VARCHAR(255) NOT NULL, "tw2" VARCHAR(255) NOT NULL, "tw3" VARCHAR(255) NOT NULL, '
    '"tw4" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("induk_id") REFERENCES "rencana_aksi" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("kegiatan_id") REFERENCES "kegiatan" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("penanggung_jawab_id") REFERENCES "jabatan" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "rencana_aksi_jabatan_id" ON "rencana_aksi" ("jabatan_id")',
    'CREATE INDEX "rencana_aksi_induk_id" ON "rencana_aksi" ("induk_id")',
    'CREATE INDEX "rencana_aksi_indikator_id" ON "rencana_aksi" ("indikator_id")',
    'CREATE INDEX "rencana_aksi_kegiatan_id" ON "rencana_aksi" ("kegiatan_id")',
    'CREATE INDEX "rencana_aksi_penanggung_jawab_id" ON "rencana_aksi" ("penanggung_jawab_id")',
    'CREATE TABLE "keterangan" ("id" {id} NOT NULL PRIMARY KEY, '
    '"indikator_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, '
    '"kendala" TEXT NOT NULL, "tindak_lanjut" TEXT NOT NULL, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("indikator_id") REFERENCES "indikator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "keterangan_indikator_id" ON "keterangan" ("indikator_id")',
    'CREATE UNIQUE INDEX "keterangan_indikator_id_periode" '
    'ON "keterangan" ("indikator_id", "periode")',
)


def _upgrade_9_to_10(db: Database) -> None:
    """Schema 10: programs and kegiatan with their anggaran, the budget realised per triwulan,
    the Rencana Aksi and the monev notes (kendala, tindak lanjut) of issue 17; all empty."""
    run_statements(
        db,
        (
            PerMesin(q.format(id="INTEGER", rp="INTEGER"), q.format(id="SERIAL", rp="BIGINT"))
            for q in _V10_SQL
        ),
    )


UPGRADES[9] = _upgrade_9_to_10


# {id}: the id numbers itself (INTEGER on SQLite, SERIAL on PostgreSQL)
_V11_SQL = (
    # the SKP per pegawai and year (PermenPANRB 6/2022) and what hangs from it
    'CREATE TABLE "skp" ("id" {id} NOT NULL PRIMARY KEY, "pegawai_id" INTEGER NOT NULL, '
    '"jabatan_id" INTEGER NOT NULL, "tahun" INTEGER NOT NULL, "dibuat" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("tahun") REFERENCES "tahun" ("tahun") ON DELETE CASCADE)',
    'CREATE INDEX "skp_pegawai_id" ON "skp" ("pegawai_id")',
    'CREATE INDEX "skp_jabatan_id" ON "skp" ("jabatan_id")',
    'CREATE INDEX "skp_tahun" ON "skp" ("tahun")',
    'CREATE UNIQUE INDEX "skp_pegawai_id_tahun" ON "skp" ("pegawai_id", "tahun")',
    'CREATE TABLE "skp_hasil_kerja" ("id" {id} NOT NULL PRIMARY KEY, '
    '"skp_id" INTEGER NOT NULL, "bagian" VARCHAR(255) NOT NULL, "urutan" INTEGER NOT NULL, '
    '"rhk_atasan" TEXT NOT NULL, "rhk" TEXT NOT NULL, "aspek" VARCHAR(255) NOT NULL, '
    '"indikator" TEXT NOT NULL, "target" VARCHAR(255) NOT NULL, '
    '"satuan" VARCHAR(255) NOT NULL, "iki_id" INTEGER, '
    'FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("iki_id") REFERENCES "indikator" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "skp_hasil_kerja_skp_id" ON "skp_hasil_kerja" ("skp_id")',
    'CREATE INDEX "skp_hasil_kerja_iki_id" ON "skp_hasil_kerja" ("iki_id")',
    'CREATE TABLE "skp_realisasi" ("id" {id} NOT NULL PRIMARY KEY, '
    '"hasil_kerja_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, '
    '"realisasi" TEXT NOT NULL, "umpan_balik" TEXT NOT NULL, FOREIGN KEY ("hasil_kerja_id") '
    'REFERENCES "skp_hasil_kerja" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "skp_realisasi_hasil_kerja_id" ON "skp_realisasi" ("hasil_kerja_id")',
    'CREATE UNIQUE INDEX "skp_realisasi_hasil_kerja_id_periode" '
    'ON "skp_realisasi" ("hasil_kerja_id", "periode")',
    'CREATE TABLE "skp_perilaku" ("id" {id} NOT NULL PRIMARY KEY, "skp_id" INTEGER NOT NULL, '
    '"perilaku" VARCHAR(255) NOT NULL, "ekspektasi" TEXT NOT NULL, '
    'FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "skp_perilaku_skp_id" ON "skp_perilaku" ("skp_id")',
    'CREATE UNIQUE INDEX "skp_perilaku_skp_id_perilaku" ON "skp_perilaku" ("skp_id", "perilaku")',
    'CREATE TABLE "skp_umpan_perilaku" ("id" {id} NOT NULL PRIMARY KEY, '
    '"perilaku_id" INTEGER NOT NULL, "periode" VARCHAR(255) NOT NULL, '
    '"umpan_balik" TEXT NOT NULL, '
    'FOREIGN KEY ("perilaku_id") REFERENCES "skp_perilaku" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "skp_umpan_perilaku_perilaku_id" ON "skp_umpan_perilaku" ("perilaku_id")',
    'CREATE UNIQUE INDEX "skp_umpan_perilaku_perilaku_id_periode" '
    'ON "skp_umpan_perilaku" ("perilaku_id", "periode")',
    'CREATE TABLE "skp_evaluasi" ("id" {id} NOT NULL PRIMARY KEY, "skp_id" INTEGER NOT NULL, '
    '"periode" VARCHAR(255) NOT NULL, "usulan_hasil" VARCHAR(255), '
    '"alasan_usulan" TEXT NOT NULL, "rating_hasil" VARCHAR(255), '
    '"rating_perilaku" VARCHAR(255), "predikat" VARCHAR(255), "catatan" TEXT NOT NULL, '
    '"oleh" VARCHAR(255) NOT NULL, "diubah" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "skp_evaluasi_skp_id" ON "skp_evaluasi" ("skp_id")',
    'CREATE UNIQUE INDEX "skp_evaluasi_skp_id_periode" ON "skp_evaluasi" ("skp_id", "periode")',
    # the predikat matrix and the distribution curve, editable, seeded below
    'CREATE TABLE "skp_matriks_predikat" ("id" {id} NOT NULL PRIMARY KEY, '
    '"rating_hasil" VARCHAR(255) NOT NULL, "rating_perilaku" VARCHAR(255) NOT NULL, '
    '"predikat" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "skp_matriks_predikat_rating_hasil_rating_perilaku" '
    'ON "skp_matriks_predikat" ("rating_hasil", "rating_perilaku")',
    'CREATE TABLE "skp_kurva_distribusi" ("id" {id} NOT NULL PRIMARY KEY, '
    '"organisasi" VARCHAR(255) NOT NULL, "predikat" VARCHAR(255) NOT NULL, '
    '"paling_sedikit" REAL, "paling_banyak" REAL, "minimal_orang" INTEGER NOT NULL, '
    '"urutan" INTEGER NOT NULL, "sumber" TEXT NOT NULL)',
    'CREATE TABLE "skp_predikat_organisasi" ("id" {id} NOT NULL PRIMARY KEY, '
    '"tahun" INTEGER NOT NULL, "predikat" VARCHAR(255) NOT NULL, "catatan" TEXT NOT NULL, '
    'FOREIGN KEY ("tahun") REFERENCES "tahun" ("tahun") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "skp_predikat_organisasi_tahun" ON "skp_predikat_organisasi" ("tahun")',
)


def _upgrade_10_to_11(db: Database) -> None:
    """Schema 11: the SKP per pegawai (PermenPANRB 6/2022), the predikat matrix and the
    distribution curve with the regulation's values."""
    run_statements(
        db,
        (PerMesin(q.format(id="INTEGER"), q.format(id="SERIAL")) for q in _V11_SQL),
    )
    from kinerja_desktop.db.skp_aturan import insert_skp_defaults

    insert_skp_defaults(db)


UPGRADES[10] = _upgrade_10_to_11


def _upgrade_11_to_12(db: Database) -> None:
    """Schema 12: an audit entry of an IKI row, a program or a kegiatan also holds the row as
    stored after the change (``isi``, JSON), so ``audit periksa`` can compare it; older
    entries keep NULL and their hashes (the chain covers ``isi`` only when it is set)."""
    db.execute_sql('ALTER TABLE "audit_log" ADD COLUMN "isi" TEXT')


UPGRADES[11] = _upgrade_11_to_12


def insert_default_bands() -> None:
    """Put the default rating bands (capaian-rules.md) into a new database."""
    from kinerja_desktop.db.ops_pita import insert_pita
    from kinerja_desktop.domain.capaian import PITA_BAWAAN

    insert_pita(PITA_BAWAAN)


def _on_server(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def _server_has_table(db: Database, name: str) -> bool:
    row = db.execute_sql(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_name = %s",
        (name,),
    ).fetchone()
    return bool(row[0])


def schema_version(db: Database) -> int:
    """Return the schema version stored in the open database (0 for a new, empty one)."""
    if _on_server(db):
        if not _server_has_table(db, SERVER_VERSION_TABLE):
            return 0
        row = db.execute_sql(f'SELECT "versi" FROM "{SERVER_VERSION_TABLE}"').fetchone()
        return int(row[0]) if row else 0
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _set_schema_version(db: Database, version: int) -> None:
    if _on_server(db):
        db.execute_sql(f'UPDATE "{SERVER_VERSION_TABLE}" SET "versi" = %s', (version,))
    else:
        db.execute_sql(f"PRAGMA user_version = {version}")


def _mark_new(db: Database) -> None:
    """Mark a database just set up as ours, at the current version."""
    if _on_server(db):
        db.execute_sql(
            f'CREATE TABLE "{SERVER_VERSION_TABLE}" '
            '("aplikasi" INTEGER NOT NULL, "versi" INTEGER NOT NULL)'
        )
        db.execute_sql(
            f'INSERT INTO "{SERVER_VERSION_TABLE}" ("aplikasi", "versi") VALUES (%s, %s)',
            (APPLICATION_ID, SCHEMA_VERSION),
        )
        return
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _application_id(db: Database) -> int:
    if _on_server(db):
        if not _server_has_table(db, SERVER_VERSION_TABLE):
            return 0
        row = db.execute_sql(f'SELECT "aplikasi" FROM "{SERVER_VERSION_TABLE}"').fetchone()
        return int(row[0]) if row else 0
    return int(db.execute_sql("PRAGMA application_id").fetchone()[0])


def _has_tables(db: Database) -> bool:
    if _on_server(db):
        row = db.execute_sql(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()
    else:
        row = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def prepare_schema(db: Database, label: str) -> bool:
    """Create or upgrade the schema of ``db``; return True when the database was new.

    ``label`` names the file (or server database) in messages. Raises
    :class:`BasisDataBermasalah` for a database that is not ours or comes from a newer
    version. The caller holds the transaction.
    """
    version = schema_version(db)
    if version == 0 and not _has_tables(db):
        # what only a new or upgraded database needs is imported here, not at every start
        from kinerja_desktop.db.skp_aturan import insert_skp_defaults

        db.create_tables(SCHEMA_MODELS)
        insert_default_bands()
        insert_skp_defaults(db)
        _mark_new(db)
        return True
    if _application_id(db) != APPLICATION_ID:
        raise BasisDataBermasalah(
            f"Basis data {label} bukan basis data Kinerja Desktop (sudah berisi tabel lain). "
            "Pilih basis data yang dibuat oleh aplikasi ini, atau basis data kosong."
        )
    if version > SCHEMA_VERSION:
        raise BasisDataBermasalah(
            f"Basis data {label} dibuat oleh Kinerja Desktop versi yang lebih baru "
            f"(skema {version}, aplikasi ini mengenal sampai skema {SCHEMA_VERSION}). "
            "Pasang versi aplikasi yang lebih baru untuk membukanya; berkas tidak diubah."
        )
    upgrade_schema(db, label)
    return False


# what SQLite says when an upgrade step meets tables other than those of the stored version
_SHAPE_ERRORS = ("already exists", "no such table", "no such column", "duplicate column")


class SkemaTidakSesuai(BasisDataBermasalah):
    """The file says it has schema n, but its tables are not those of schema n."""


def upgrade_schema(db: Database, label: str) -> None:
    """Run the upgrade steps from the stored version to :data:`SCHEMA_VERSION`.

    The caller holds the transaction. A step that fails because the tables are not those of
    the stored version (a newer version's tables under an older number, a missing table or
    column) raises :class:`SkemaTidakSesuai`; anything else (a full disk) is raised as it is,
    for the caller to explain.
    """
    version = schema_version(db)
    for step in range(version, SCHEMA_VERSION):
        try:
            UPGRADES[step](db)
        except (sqlite3.Error, peewee.DatabaseError) as exc:
            if not any(sign in str(exc).lower() for sign in _SHAPE_ERRORS):
                raise
            raise SkemaTidakSesuai(
                f"Basis data {label} tidak dapat diperbarui ke skema {SCHEMA_VERSION}: isinya "
                f"tidak sesuai dengan skema {version} yang tertulis di dalamnya. Berkas tidak "
                "diubah."
            ) from exc
    if version != SCHEMA_VERSION:
        _set_schema_version(db, SCHEMA_VERSION)


def open_schema_version() -> int | None:
    """The schema version of the database the application has open (None: none is open)."""
    from kinerja_desktop.db.models import database_proxy

    return None if database_proxy.obj is None else schema_version(database_proxy.obj)
