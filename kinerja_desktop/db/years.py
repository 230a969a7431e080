"""Operations on whole years: copying last year's IKI into a new year."""

import re
from collections import defaultdict
from dataclasses import dataclass

from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.audit_isi import read_baris_tahun
from kinerja_desktop.db.backup import ALASAN_SALIN_TAHUN, backup_before
from kinerja_desktop.db.changes import Hasil, everything_changed
from kinerja_desktop.db.locks import KUNCI_NILAI, KUNCI_TAHUN, take_lock
from kinerja_desktop.db.models import (
    SUMBER_SALIN,
    Fungsi,
    ImporBatch,
    Indikator,
    Jabatan,
    Kegiatan,
    Keterangan,
    NilaiRealisasi,
    NilaiTarget,
    Pemangku,
    Program,
    RealisasiAnggaran,
    RencanaAksi,
    Sasaran,
    SubIndikator,
    Tahun,
    Tugas,
    database_proxy,
)
from kinerja_desktop.db.ops_nilai import (
    KunciNilai,
    NilaiMasuk,
    apply_plan,
    plan_values,
    refuse_locked,
)
from kinerja_desktop.db.pk import copy_naskah
from kinerja_desktop.domain.capaian import Target
from kinerja_desktop.domain.periode import TAHUN_MAX, TAHUN_MIN
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


@dataclass(frozen=True)
class SalinanTahun:
    """What a year copy created (carried by its :class:`Hasil`)."""

    dari: int
    ke: int
    jabatan: int
    indikator: int
    target: int = 0  # targets carried over (realisasi never are)
    program: int = 0  # programs carried over with their kegiatan and anggaran
    rencana_aksi: int = 0  # actions and sub-actions carried over


@dataclass(frozen=True)
class IsiTahun:
    """What a year holds, counted: what Salin Tahun copies and what it leaves behind."""

    jabatan: int
    tugas_fungsi: int
    sasaran: int
    indikator: int
    sub_indikator: int
    pemangku: int
    target: int
    realisasi: int
    impor: int
    program: int = 0
    kegiatan: int = 0
    rencana_aksi: int = 0
    realisasi_anggaran: int = 0
    keterangan: int = 0


def read_isi_tahun(tahun: int) -> IsiTahun:
    """Count what ``tahun`` holds (one aggregate query per table)."""
    jabatan = Jabatan.select(Jabatan.id).where(Jabatan.tahun == tahun)
    indikator = Indikator.select(Indikator.id).where(Indikator.tahun == tahun)
    return IsiTahun(
        jabatan=jabatan.count(),
        tugas_fungsi=Tugas.select().where(Tugas.jabatan.in_(jabatan)).count()
        + Fungsi.select().where(Fungsi.jabatan.in_(jabatan)).count(),
        sasaran=Sasaran.select().where(Sasaran.jabatan.in_(jabatan)).count(),
        indikator=indikator.count(),
        sub_indikator=SubIndikator.select().where(SubIndikator.indikator.in_(indikator)).count(),
        pemangku=Pemangku.select().where(Pemangku.jabatan.in_(jabatan)).count(),
        target=NilaiTarget.select().where(NilaiTarget.indikator.in_(indikator)).count(),
        realisasi=NilaiRealisasi.select().where(NilaiRealisasi.indikator.in_(indikator)).count(),
        impor=ImporBatch.select().where(ImporBatch.tahun == tahun).count(),
        program=Program.select().where(Program.jabatan.in_(jabatan)).count(),
        kegiatan=Kegiatan.select().join(Program).where(Program.jabatan.in_(jabatan)).count(),
        rencana_aksi=RencanaAksi.select().where(RencanaAksi.jabatan.in_(jabatan)).count(),
        realisasi_anggaran=RealisasiAnggaran.select()
        .join(Kegiatan)
        .join(Program)
        .where(Program.jabatan.in_(jabatan))
        .count(),
        keterangan=Keterangan.select().where(Keterangan.indikator.in_(indikator)).count(),
    )


def copy_targets(indikator_map: dict[int, int], dari: int, ke: int) -> int:
    """Copy the targets of the indicators in ``indikator_map`` (old id -> new id) from year
    ``dari`` to ``ke`` (``2020Q1`` becomes ``2021Q1``) through the value writer, so that they
    are checked, refused in an approved year and logged; runs in the caller's transaction."""
    masuk = [
        NilaiMasuk(
            KunciNilai("target", indikator_map[t.indikator_id], str(ke) + t.periode[4:]),
            target=Target(t.nilai, t.nilai_atas),
        )
        for t in NilaiTarget.select().where(NilaiTarget.indikator.in_(list(indikator_map)))
        if t.periode.startswith(str(dari))
    ]
    rencana = plan_values(masuk)
    if rencana.dilewati:
        refuse_locked(m.kunci for m in masuk)
    apply_plan(rencana, SUMBER_SALIN)
    return len(masuk)


def check_tahun(tahun: int) -> int:
    """Return ``tahun`` when it is a plausible reporting year, else raise DataTidakValid."""
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise DataTidakValid(f"Tahun {tahun} tidak masuk akal; isi tahun {TAHUN_MIN}-{TAHUN_MAX}.")
    return tahun


def _renumber_decree(nomor: str, dari: int, ke: int) -> str:
    # Decree numbers end with their year ("188.45/ /35.07.13/2020"); the new year's decree
    # gets the same pattern with the new year.
    return re.sub(rf"{dari}$", str(ke), nomor)


def _refuse_existing(ke: int) -> None:
    if Tahun.get_or_none(Tahun.tahun == ke) is not None:
        raise DataTidakValid(
            f"Tahun {ke} sudah ada. Penyalinan tidak menimpa tahun yang sudah ada; "
            "pilih tahun tujuan lain."
        )


def copy_year(dari: int, ke: int) -> Hasil[SalinanTahun]:
    """Copy the whole IKI of year ``dari`` (jabatan tree, tugas, fungsi, sasaran, indicators
    with sub-items, the holders, and the targets) into the new year ``ke``, in one transaction,
    with the programs, kegiatan, anggaran, Rencana Aksi and the Perjanjian Kinerja statement.
    Realisasi, budget realised and monev notes are never copied: they belong to the year they
    were achieved in.

    Refuses when ``dari`` does not exist or ``ke`` exists already.
    """
    check_tahun(ke)
    source = Tahun.get_or_none(Tahun.tahun == dari)
    if source is None:
        raise TidakDitemukan(f"Tahun {dari} tidak ada di basis data; tidak ada yang disalin.")
    _refuse_existing(ke)
    # a safety copy first (issue 7); refuses the copy when the backup cannot be written
    backup_before(ALASAN_SALIN_TAHUN)
    with database_proxy.atomic():
        # on a server another PC may copy into the same year (or write targets) right now:
        # wait for it, then look again
        take_lock(KUNCI_TAHUN)
        take_lock(KUNCI_NILAI)
        _refuse_existing(ke)
        target = Tahun.create(
            tahun=ke,
            nomor_keputusan=_renumber_decree(source.nomor_keputusan, dari, ke),
            tempat=source.tempat,
            bulan=source.bulan,
            hari=None,
            jabatan_penandatangan=source.jabatan_penandatangan,
            penandatangan=source.penandatangan_id,
        )
        jabatan_map: dict[int, Jabatan] = {}
        old_jabatan = list(Jabatan.select().where(Jabatan.tahun == dari).order_by(Jabatan.urutan))
        for old in old_jabatan:
            jabatan_map[old.id] = Jabatan.create(
                tahun=target, kode=old.kode, nama=old.nama, urutan=old.urutan
            )
        for old in old_jabatan:
            if old.atasan_id is not None:
                new = jabatan_map[old.id]
                new.atasan = jabatan_map[old.atasan_id]
                new.save()
        old_ids = list(jabatan_map)
        for model in (Tugas, Fungsi):
            rows = model.select().where(model.jabatan.in_(old_ids))
            model.insert_many(
                [
                    {"jabatan": jabatan_map[r.jabatan_id], "urutan": r.urutan, "teks": r.teks}
                    for r in rows
                ]
            ).execute()
        Pemangku.insert_many(
            [
                {"jabatan": jabatan_map[p.jabatan_id], "pegawai": p.pegawai_id}
                for p in Pemangku.select().where(Pemangku.jabatan.in_(old_ids))
            ]
        ).execute()
        indikator_count = 0
        indikator_map: dict[int, int] = {}
        # every sasaran, indicator and sub-item of the year read once, not once per parent
        old_sasaran = list(
            Sasaran.select().where(Sasaran.jabatan.in_(old_ids)).order_by(Sasaran.id)
        )
        old_indikator: dict[int, list[Indikator]] = defaultdict(list)
        for ind in Indikator.select().where(Indikator.tahun == dari).order_by(Indikator.id):
            old_indikator[ind.sasaran_id].append(ind)
        old_sub: dict[int, list[SubIndikator]] = defaultdict(list)
        for sub in (
            SubIndikator.select()
            .join(Indikator)
            .where(Indikator.tahun == dari)
            .order_by(SubIndikator.id)
        ):
            old_sub[sub.indikator_id].append(sub)
        sub_rows = []
        sasaran_map: dict[int, int] = {}
        for old_sas in old_sasaran:
            new_sas = Sasaran.create(
                jabatan=jabatan_map[old_sas.jabatan_id], urutan=old_sas.urutan, teks=old_sas.teks
            )
            sasaran_map[old_sas.id] = new_sas.id
            for old_ind in old_indikator[old_sas.id]:
                fields = {
                    name: getattr(old_ind, name)
                    for name in Indikator._meta.fields
                    if name not in ("id", "sasaran", "tahun")
                }
                new_ind = Indikator.create(sasaran=new_sas, tahun=target, **fields)
                indikator_count += 1
                indikator_map[old_ind.id] = new_ind.id
                sub_rows += [
                    {
                        "indikator": new_ind.id,
                        "urutan": s.urutan,
                        "teks": s.teks,
                        "formula": s.formula,
                    }
                    for s in old_sub[old_ind.id]
                ]
        for i in range(0, len(sub_rows), 200):
            SubIndikator.insert_many(sub_rows[i : i + 200]).execute()
        # The new year starts from last year's targets (marked as copied, shown so in the grid)
        # so the operator adjusts them instead of typing all again; realisasi stay behind.
        target_count = copy_targets(indikator_map, dari, ke)
        jabatan_ids = {old: new.id for old, new in jabatan_map.items()}
        program_count, aksi_count = copy_rencana(jabatan_ids, sasaran_map, indikator_map)
        # the new year's agreements keep the statement they start with, whatever dari's becomes
        copy_naskah(dari, ke)
        log_iki(
            "salin_tahun",
            "tahun",
            tahun=ke,
            isi=read_baris_tahun(ke),
            baru=f"IKI tahun {ke}",
            catatan=(
                f"disalin dari tahun {dari}: {len(old_jabatan)} jabatan, {indikator_count} "
                f"indikator, {target_count} target, {program_count} program, {aksi_count} "
                "rencana aksi"
            ),
        )
    salinan = SalinanTahun(
        dari=dari,
        ke=ke,
        jabatan=len(old_jabatan),
        indikator=indikator_count,
        target=target_count,
        program=program_count,
        rencana_aksi=aksi_count,
    )
    pesan = (
        f"IKI tahun {dari} disalin ke tahun {ke}: {salinan.jabatan} jabatan, "
        f"{salinan.indikator} indikator, {salinan.target} target; realisasi tidak disalin."
    )
    return Hasil(everything_changed(pesan, ke), salinan)


def copy_rencana(
    jabatan_map: dict[int, int], sasaran_map: dict[int, int], indikator_map: dict[int, int]
) -> tuple[int, int]:
    """Copy the programs with their kegiatan and anggaran, and the Rencana Aksi with its
    sub-actions, of the jabatan in ``jabatan_map`` (old id -> new id), links following the
    maps; runs in the caller's transaction. The budget realised and the monev notes stay with
    the year they belong to. Returns (programs, actions) copied."""
    old_ids = list(jabatan_map)
    program_map: dict[int, int] = {}
    for p in Program.select().where(Program.jabatan.in_(old_ids)).order_by(Program.id):
        program_map[p.id] = Program.create(
            jabatan=jabatan_map[p.jabatan_id],
            urutan=p.urutan,
            kode=p.kode,
            nama=p.nama,
            sasaran=sasaran_map.get(p.sasaran_id) if p.sasaran_id else None,
        ).id
    kegiatan_map: dict[int, int] = {}
    for k in Kegiatan.select().where(Kegiatan.program.in_(list(program_map))).order_by(Kegiatan.id):
        kegiatan_map[k.id] = Kegiatan.create(
            program=program_map[k.program_id],
            urutan=k.urutan,
            kode=k.kode,
            nama=k.nama,
            anggaran=k.anggaran,
            indikator=indikator_map.get(k.indikator_id) if k.indikator_id else None,
        ).id
    aksi_map: dict[int, int] = {}
    # main actions before their sub-actions, so that each sub-action finds its new parent
    query = (
        RencanaAksi.select()
        .where(RencanaAksi.jabatan.in_(old_ids))
        .order_by(RencanaAksi.induk.is_null(False), RencanaAksi.id)
    )
    for a in query:
        pj = a.penanggung_jawab_id
        aksi_map[a.id] = RencanaAksi.create(
            jabatan=jabatan_map[a.jabatan_id],
            induk=aksi_map[a.induk_id] if a.induk_id else None,
            urutan=a.urutan,
            teks=a.teks,
            indikator=indikator_map.get(a.indikator_id) if a.indikator_id else None,
            kegiatan=kegiatan_map.get(a.kegiatan_id) if a.kegiatan_id else None,
            penanggung_jawab=jabatan_map.get(pj) if pj else None,
            penanggung_jawab_teks=a.penanggung_jawab_teks,
            tw1=a.tw1,
            tw2=a.tw2,
            tw3=a.tw3,
            tw4=a.tw4,
        ).id
    return len(program_map), len(aksi_map)
