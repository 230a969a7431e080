"""The SKP rules kept as data: the predikat matrix, the distribution curve (kurva distribusi)
and the kecamatan's own predikat of each year. Read, edit (audited) and seed.
"""

import json

from peewee import Database

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import (
    KurvaDistribusi,
    MatriksPredikat,
    PredikatOrganisasi,
    database_proxy,
)
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.sesi import pengguna_aktif, require_administrator
from kinerja_desktop.domain.skp import (
    KURVA_BAWAAN,
    MATRIKS_BAWAAN,
    PREDIKAT_ORGANISASI,
    SUMBER_KURVA,
    AturanKurva,
    Rating,
    check_aturan_kurva,
    parse_predikat,
)
from kinerja_desktop.domain.teks import check_teks

JENIS_AUDIT = "skp"
"""The ``jenis`` of every audit entry of the SKP (plans, evaluations and these rules)."""


def insert_skp_defaults(db: Database) -> None:
    """Put the regulation's matrix and curve into ``db`` at schema 11 (a new database, or the
    upgrade step, which may run on a copy the models are not bound to); plain SQL so that the
    step keeps working when the models change."""
    mark = db.param
    for (hasil, perilaku), predikat in MATRIKS_BAWAAN.items():
        db.execute_sql(
            'INSERT INTO "skp_matriks_predikat" ("rating_hasil", "rating_perilaku", "predikat") '
            f"VALUES ({mark}, {mark}, {mark})",
            (hasil.value, perilaku.value, predikat),
        )
    for urutan, a in enumerate(KURVA_BAWAAN):
        db.execute_sql(
            'INSERT INTO "skp_kurva_distribusi" ("organisasi", "predikat", "paling_sedikit", '
            '"paling_banyak", "minimal_orang", "urutan", "sumber") '
            f"VALUES ({', '.join([mark] * 7)})",
            (
                a.organisasi,
                "|".join(a.predikat),
                a.paling_sedikit,
                a.paling_banyak,
                a.minimal_orang,
                urutan,
                SUMBER_KURVA,
            ),
        )


def read_matriks() -> dict[tuple[Rating, Rating], str]:
    """The predikat matrix of this database: (rating hasil kerja, rating perilaku) → predikat."""
    matriks = dict(MATRIKS_BAWAAN)  # a cell removed with another tool falls back to the rule
    for r in MatriksPredikat.select():
        matriks[(Rating(r.rating_hasil), Rating(r.rating_perilaku))] = r.predikat
    return matriks


def set_matriks(hasil: Rating, perilaku: Rating, predikat: str) -> Hasil[None]:
    """Give one cell of the matrix another predikat (administrator only; audited, nothing
    written when it already holds it)."""
    predikat = parse_predikat(predikat)
    sesi = require_administrator("Mengubah matriks predikat")
    with database_proxy.atomic():
        lama = read_matriks()[(hasil, perilaku)]
        if lama == predikat:
            return Hasil(Perubahan(pesan="Tidak ada yang berubah."), None)
        ada = (
            MatriksPredikat.update(predikat=predikat)
            .where(
                (MatriksPredikat.rating_hasil == hasil.value)
                & (MatriksPredikat.rating_perilaku == perilaku.value)
            )
            .execute()
        )
        if not ada:
            MatriksPredikat.create(
                rating_hasil=hasil.value, rating_perilaku=perilaku.value, predikat=predikat
            )
        sel = f"hasil kerja {hasil.label}, perilaku {perilaku.label}"
        record_entries(
            [Entri("skp_aturan", JENIS_AUDIT, lama, predikat, catatan=f"matriks predikat: {sel}")],
            sekarang(),
            sesi.nama,
        )
    return Hasil(Perubahan(pesan=f"Matriks predikat ({sel}) sekarang {predikat}."), None)


def read_kurva() -> list[AturanKurva]:
    """The distribution rules of this database, in order."""
    return [
        AturanKurva(
            r.organisasi,
            tuple(r.predikat.split("|")),
            r.paling_sedikit,
            r.paling_banyak,
            r.minimal_orang,
        )
        for r in KurvaDistribusi.select().order_by(KurvaDistribusi.urutan, KurvaDistribusi.id)
    ]


def sumber_kurva() -> str:
    """Where the curve in force comes from (the seeded rows' source, or what was typed)."""
    row = KurvaDistribusi.select(KurvaDistribusi.sumber).order_by(KurvaDistribusi.urutan).first()
    return row.sumber if row is not None and row.sumber else SUMBER_KURVA


def set_kurva(aturan: list[AturanKurva], sumber: str) -> Hasil[None]:
    """Replace the whole curve (a kabupaten's own rules) with its source; administrator only."""
    bersih = [check_aturan_kurva(a) for a in aturan]
    sumber = check_teks(sumber, "Sumber aturan kurva (peraturan atau surat edaran)", maks=500)
    sesi = require_administrator("Mengubah kurva distribusi")
    with database_proxy.atomic():
        lama = [a.teks for a in read_kurva()]
        KurvaDistribusi.delete().execute()
        for urutan, a in enumerate(bersih):
            KurvaDistribusi.create(
                organisasi=a.organisasi,
                predikat="|".join(a.predikat),
                paling_sedikit=a.paling_sedikit,
                paling_banyak=a.paling_banyak,
                minimal_orang=a.minimal_orang,
                urutan=urutan,
                sumber=sumber,
            )
        record_entries(
            [
                Entri(
                    "skp_aturan",
                    JENIS_AUDIT,
                    json.dumps(lama, ensure_ascii=False),
                    json.dumps([a.teks for a in bersih], ensure_ascii=False),
                    catatan=f"kurva distribusi ({sumber})",
                )
            ],
            sekarang(),
            sesi.nama,
        )
    return Hasil(Perubahan(pesan=f"Kurva distribusi diganti: {len(bersih)} aturan."), None)


def predikat_organisasi(tahun: int) -> str | None:
    """The kecamatan's predikat of ``tahun`` (None: not entered yet)."""
    row = PredikatOrganisasi.get_or_none(PredikatOrganisasi.tahun == tahun)
    return None if row is None else row.predikat


def set_predikat_organisasi(tahun: int, predikat: str | None) -> Hasil[None]:
    """Enter (or with None clear) the kecamatan's predikat of ``tahun``; audited, nothing
    written when it is already so."""
    require_year(tahun)
    baru = None if predikat is None else parse_predikat(predikat, PREDIKAT_ORGANISASI)
    sesi = pengguna_aktif()
    with database_proxy.atomic():
        lama = predikat_organisasi(tahun)
        if lama == baru:
            return Hasil(Perubahan(pesan="Tidak ada yang berubah.", tahun=tahun), None)
        PredikatOrganisasi.delete().where(PredikatOrganisasi.tahun == tahun).execute()
        if baru is not None:
            PredikatOrganisasi.create(tahun=tahun, predikat=baru)
        record_entries(
            [
                Entri(
                    "skp_aturan",
                    JENIS_AUDIT,
                    lama,
                    baru,
                    periode=str(tahun),
                    catatan="predikat kinerja organisasi",
                )
            ],
            sekarang(),
            sesi.nama,
        )
    if baru is None:
        return Hasil(Perubahan(pesan=f"Predikat organisasi tahun {tahun} dikosongkan."), None)
    return Hasil(Perubahan(pesan=f"Predikat organisasi tahun {tahun}: {baru}."), None)
