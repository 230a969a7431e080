"""The evaluation of an SKP in a period: realisasi typed for rows without an IKI link, the
atasan's feedback on results and behaviour, and the decision kept beside the application's
proposal. Each operation is one transaction with its audit entry.
"""

from kinerja_desktop.db.audit import sekarang
from kinerja_desktop.db.changes import Hasil
from kinerja_desktop.db.models import (
    SkpEvaluasi,
    SkpHasilKerja,
    SkpRealisasi,
    SkpUmpanPerilaku,
    database_proxy,
)
from kinerja_desktop.db.ops_skp import (
    baris_perilaku,
    log_skp,
    periode_skp,
    perubahan_skp,
    require_skp,
)
from kinerja_desktop.db.queries_skp import usulan_skp
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.db.skp_aturan import read_matriks
from kinerja_desktop.domain.skp import PERILAKU_KODE, Rating
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid, TidakDitemukan


def set_realisasi_skp(
    hasil_kerja_id: int,
    periode: str,
    realisasi: str | None = None,
    umpan_balik: str | None = None,
) -> Hasil[None]:
    """Store the typed realisasi and/or the atasan's feedback of a rencana hasil kerja in a
    period (None leaves a part as it is). A row linked to an IKI indicator takes its realisasi
    from the stored values: typing one there is refused."""
    with database_proxy.atomic():
        row = SkpHasilKerja.get_or_none(SkpHasilKerja.id == hasil_kerja_id)
        if row is None:
            raise TidakDitemukan("Rencana hasil kerja ini sudah tidak ada.")
        skp = row.skp
        p = periode_skp(skp, periode)
        if realisasi is not None and realisasi.strip() and row.iki_id is not None:
            raise DataTidakValid(
                "Realisasi indikator ini diambil dari nilai IKI yang tersimpan; isi "
                "realisasinya di tab Target & Realisasi, bukan di SKP."
            )
        baru: dict[str, str] = {}
        if realisasi is not None:
            baru["realisasi"] = check_teks(realisasi, "Realisasi", wajib=False, satu_baris=True)
        if umpan_balik is not None:
            baru["umpan_balik"] = check_teks(umpan_balik, "Umpan balik", wajib=False)
        ada = SkpRealisasi.get_or_none(
            (SkpRealisasi.hasil_kerja == hasil_kerja_id) & (SkpRealisasi.periode == p.id)
        )
        lama = {k: getattr(ada, k) if ada else "" for k in baru}
        if lama == baru:
            return Hasil(perubahan_skp("Tidak ada yang berubah.", skp), None)
        if ada is None:
            SkpRealisasi.create(hasil_kerja=hasil_kerja_id, periode=p.id, **baru)
        else:
            SkpRealisasi.update(**baru).where(SkpRealisasi.id == ada.id).execute()
        apa = f"realisasi/umpan balik: {row.indikator}"
        log_skp(skp, apa, lama=lama, baru=baru, periode=p.id)
    return Hasil(perubahan_skp(f"Realisasi dan umpan balik {p.label} disimpan.", skp), None)


def set_umpan_perilaku(skp_id: int, perilaku: str, periode: str, teks: str) -> Hasil[None]:
    """Store the atasan's feedback on one core value in a period."""
    bersih = check_teks(teks, "Umpan balik perilaku", wajib=False)
    with database_proxy.atomic():
        skp = require_skp(skp_id)
        p = periode_skp(skp, periode)
        row = baris_perilaku(skp_id, perilaku)
        ada = SkpUmpanPerilaku.get_or_none(
            (SkpUmpanPerilaku.perilaku == row.id) & (SkpUmpanPerilaku.periode == p.id)
        )
        lama = ada.umpan_balik if ada else ""
        if lama == bersih:
            return Hasil(perubahan_skp("Tidak ada yang berubah.", skp), None)
        if ada is None:
            SkpUmpanPerilaku.create(perilaku=row.id, periode=p.id, umpan_balik=bersih)
        else:
            ada.umpan_balik = bersih
            ada.save()
        nama = PERILAKU_KODE[perilaku].nama
        log_skp(skp, f"umpan balik {nama}", lama=lama, baru=bersih, periode=p.id)
    return Hasil(perubahan_skp(f"Umpan balik {nama} {p.label} disimpan.", skp), None)


def set_evaluasi(
    skp_id: int,
    periode: str,
    rating_hasil: Rating | None,
    rating_perilaku: Rating | None,
    catatan: str = "",
) -> Hasil[None]:
    """Keep the atasan's decision for a period beside the application's proposal of the
    moment (both stored and audited); the predikat follows from the matrix once both ratings
    are given. None leaves a rating undecided."""
    bersih = check_teks(catatan, "Catatan evaluasi", wajib=False)
    with database_proxy.atomic():
        skp = require_skp(skp_id)
        p = periode_skp(skp, periode)
        usulan = usulan_skp(skp_id, p.id)
        predikat = None
        if rating_hasil is not None and rating_perilaku is not None:
            predikat = read_matriks()[(rating_hasil, rating_perilaku)]
        baru = {
            "usulan_hasil": None if usulan.rating is None else usulan.rating.value,
            "alasan_usulan": usulan.alasan,
            "rating_hasil": None if rating_hasil is None else rating_hasil.value,
            "rating_perilaku": None if rating_perilaku is None else rating_perilaku.value,
            "predikat": predikat,
            "catatan": bersih,
        }
        ada = SkpEvaluasi.get_or_none((SkpEvaluasi.skp == skp_id) & (SkpEvaluasi.periode == p.id))
        lama = None if ada is None else {k: getattr(ada, k) for k in baru}
        if lama == baru:
            return Hasil(perubahan_skp("Tidak ada yang berubah.", skp), None)
        oleh = pengguna_aktif().nama
        if ada is None:
            SkpEvaluasi.create(skp=skp_id, periode=p.id, oleh=oleh, diubah=sekarang(), **baru)
        else:
            SkpEvaluasi.update(oleh=oleh, diubah=sekarang(), **baru).where(
                SkpEvaluasi.id == ada.id
            ).execute()
        log_skp(skp, "evaluasi (usulan aplikasi dan keputusan atasan)", lama, baru, p.id)
    hasil = f", predikat {predikat}" if predikat else ""
    return Hasil(perubahan_skp(f"Evaluasi {p.label} disimpan{hasil}.", skp), None)
