"""Changing what the office wrote for its Laporan Kinerja: the narrative parts of a year and
the five-year (Renstra) targets. Each call is one transaction, logged in the audit log, and
returns a ``Hasil``."""

from collections.abc import Sequence
from typing import NamedTuple

from kinerja_desktop.db.audit import sekarang
from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import Jabatan, Sasaran, TargetRenstra, TeksLkjip, database_proxy
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.capaian import Target, check_target
from kinerja_desktop.domain.indikator import Jenis
from kinerja_desktop.domain.kode import check_kode
from kinerja_desktop.domain.lkjip import Asal, check_kunci, sasaran_dari_kunci
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan

TAHUN_RENSTRA = range(2000, 2101)


def set_teks_lkjip(tahun: int, kunci: str, teks: str, asal: Asal, usulan: str = "") -> Hasil[None]:
    """Keep ``teks`` as the accepted text of part ``kunci`` of ``tahun``'s report.

    ``usulan`` is the generated draft the operator saw when accepting (kept to tell later
    that the figures moved since). An empty text is refused: removing the text is
    :func:`remove_teks_lkjip`, which brings the generated draft back.
    """
    require_year(tahun)
    kunci = check_kunci(kunci)
    bersih = check_teks(teks, "Teks laporan kinerja")
    sasaran_id = sasaran_dari_kunci(kunci)
    if (
        sasaran_id is not None
        and not (
            Sasaran.select().join(Jabatan).where(Sasaran.id == sasaran_id, Jabatan.tahun == tahun)
        ).exists()
    ):
        raise TidakDitemukan(
            f"Sasaran itu tidak ada (lagi) pada tahun {tahun}; tutup lalu buka lagi penyunting "
            "Laporan Kinerja."
        )
    oleh = pengguna_aktif().nama
    with database_proxy.atomic():
        lama = TeksLkjip.get_or_none(TeksLkjip.tahun == tahun, TeksLkjip.bagian == kunci)
        TeksLkjip.insert(
            tahun=tahun,
            bagian=kunci,
            teks=bersih,
            asal=asal.value,
            usulan=usulan,
            oleh=oleh,
            diubah=sekarang(),
        ).on_conflict(
            conflict_target=[TeksLkjip.tahun, TeksLkjip.bagian],
            update={
                TeksLkjip.teks: bersih,
                TeksLkjip.asal: asal.value,
                TeksLkjip.usulan: usulan,
                TeksLkjip.oleh: oleh,
                TeksLkjip.diubah: sekarang(),
            },
        ).execute()
        lama_teks = lama.teks if lama is not None else None
        if lama_teks != bersih:
            log_iki("ubah", "teks_lkjip", tahun=tahun, lama=lama_teks, baru=bersih, catatan=kunci)
    return Hasil(Perubahan(pesan=f"Teks laporan kinerja {tahun} disimpan.", tahun=tahun), None)


def remove_teks_lkjip(tahun: int, kunci: str) -> Hasil[None]:
    """Forget the accepted text of part ``kunci``: the report prints the generated draft again."""
    require_year(tahun)
    kunci = check_kunci(kunci)
    pengguna_aktif()  # asked before the transaction, not while it holds the database
    with database_proxy.atomic():
        lama = TeksLkjip.get_or_none(TeksLkjip.tahun == tahun, TeksLkjip.bagian == kunci)
        TeksLkjip.delete().where(TeksLkjip.tahun == tahun, TeksLkjip.bagian == kunci).execute()
        if lama is not None:
            log_iki("hapus", "teks_lkjip", tahun=tahun, lama=lama.teks, catatan=kunci)
    pesan = f"Teks laporan kinerja {tahun} kembali ke usulan otomatis."
    return Hasil(Perubahan(pesan=pesan, tahun=tahun), None)


class IsiTargetRenstra(NamedTuple):
    """One Renstra target to set: the indicator, the end year of its plan, the target (None
    removes it) and the indicator's jenis (which targets are possible)."""

    kode_indikator: str
    tahun_akhir: int
    target: Target | None
    jenis: Jenis


def _check_target_renstra(isi: IsiTargetRenstra) -> IsiTargetRenstra:
    """``isi`` with its code cleaned; the end year, code and target checked (DataTidakValid)."""
    if isi.tahun_akhir not in TAHUN_RENSTRA:
        raise DataTidakValid(
            f"Tahun akhir Renstra {isi.tahun_akhir} tidak masuk akal; tulis tahun seperti 2026."
        )
    kode_indikator = check_kode(isi.kode_indikator, "Kode indikator")
    if isi.target is not None:
        check_target(isi.jenis, isi.target)
    return isi._replace(kode_indikator=kode_indikator)


def _write_target_renstra(isi: IsiTargetRenstra) -> bool:
    """Store one checked target inside the caller's transaction, audited when it changed;
    True when it changed."""
    kode_indikator, tahun_akhir, target = isi.kode_indikator, isi.tahun_akhir, isi.target
    lama = TargetRenstra.get_or_none(
        TargetRenstra.kode_indikator == kode_indikator,
        TargetRenstra.tahun_akhir == tahun_akhir,
    )
    TargetRenstra.delete().where(
        TargetRenstra.kode_indikator == kode_indikator,
        TargetRenstra.tahun_akhir == tahun_akhir,
    ).execute()
    if target is not None:
        TargetRenstra.create(
            kode_indikator=kode_indikator,
            tahun_akhir=tahun_akhir,
            nilai=target.nilai,
            nilai_atas=target.atas,
            diubah=sekarang(),
        )
    lama_teks = None if lama is None else Target(lama.nilai, lama.nilai_atas).teks
    baru_teks = None if target is None else target.teks
    if lama_teks == baru_teks:
        return False
    log_iki(
        "ubah",
        "target_renstra",
        lama=lama_teks,
        baru=baru_teks,
        catatan=f"{kode_indikator}, Renstra sampai {tahun_akhir}",
    )
    return True


def set_targets_renstra(daftar: Sequence[IsiTargetRenstra]) -> Hasil[int]:
    """Set (or remove) several Renstra targets at once, all or none: every entry is checked
    before anything is written, then all are written in one transaction, each target that
    changed with its own entry in the IKI log. The result holds how many targets changed."""
    diperiksa = [_check_target_renstra(isi) for isi in daftar]
    pengguna_aktif()
    with database_proxy.atomic():
        berubah = sum(_write_target_renstra(isi) for isi in diperiksa)
    pesan = f"Target Renstra disimpan ({berubah} indikator berubah)."
    return Hasil(Perubahan(pesan=pesan), berubah)
