"""Editing the rating bands (kategori capaian) and the capaian ceiling: the kabupaten decides
them, not the code."""

from collections.abc import Sequence

from kinerja_desktop.db.audit_iki import log_iki
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.models import AturanCapaian, PitaCapaian, database_proxy
from kinerja_desktop.db.sesi import require_administrator
from kinerja_desktop.domain.batas import CAPAIAN_MAKS
from kinerja_desktop.domain.capaian import PITA_BAWAAN, Pita
from kinerja_desktop.domain.teks import check_teks
from kinerja_desktop.errors import DataTidakValid

# Colours given to bands typed without one, from the best band down: the default bands'
# colours, then two more for a kabupaten that uses more bands.
WARNA_URUT = (*(p.warna for p in PITA_BAWAAN), "#e6b8d8", "#d0d0d0")


def check_pita(pita: Sequence[Pita]) -> list[Pita]:
    """Return ``pita`` sorted from the highest bound, or refuse with the reason."""
    if not pita:
        raise DataTidakValid("Isi sekurang-kurangnya satu kategori capaian.")
    urut = sorted(pita, key=lambda p: p.batas_bawah, reverse=True)
    batas = [p.batas_bawah for p in urut]
    if len(set(batas)) != len(batas):
        raise DataTidakValid("Dua kategori memiliki batas bawah yang sama.")
    if any(not 0 <= b <= CAPAIAN_MAKS for b in batas):
        raise DataTidakValid(
            f"Batas bawah kategori harus antara 0% dan {CAPAIAN_MAKS}% (capaian di atasnya "
            "tetap masuk kategori tertinggi)."
        )
    nama = [check_teks(p.nama, "Nama kategori", satu_baris=True, maks=60) for p in urut]
    if len({n.lower() for n in nama}) != len(nama):
        raise DataTidakValid("Nama kategori tidak boleh kembar.")
    if min(batas) > 0:
        raise DataTidakValid(
            "Kategori terendah harus berbatas bawah 0% agar setiap capaian masuk kategori."
        )
    return [Pita(p.batas_bawah, n, p.warna) for p, n in zip(urut, nama, strict=True)]


def insert_pita(urut: Sequence[Pita]) -> None:
    """Insert bands already checked and sorted (:func:`check_pita`); the caller holds the
    transaction (also the schema's first fill with the defaults)."""
    PitaCapaian.insert_many(
        [
            {"batas_bawah": p.batas_bawah, "nama": p.nama, "warna": p.warna, "urutan": i}
            for i, p in enumerate(urut)
        ]
    ).execute()


def _penilaian_teks() -> str:
    """``≥ 90% Sangat Baik; ≥ 75% Baik; …; batas atas 120%``: the stored bands and ceiling as
    the audit log keeps them."""
    pita = PitaCapaian.select().order_by(PitaCapaian.batas_bawah.desc())
    teks = "; ".join(f"≥ {p.batas_bawah:g}% {p.nama}" for p in pita)
    aturan = AturanCapaian.select().first()
    batas = aturan.batas_atas if aturan is not None else None
    return teks + ("; tanpa batas atas" if batas is None else f"; batas atas {batas:g}%")


def _log_penilaian(lama: str) -> None:
    baru = _penilaian_teks()
    if baru != lama:
        log_iki("ubah", "penilaian", lama=lama, baru=baru)


def set_pita(pita: Sequence[Pita]) -> Hasil[None]:
    """Replace the rating bands in one transaction (every capaian category may change)."""
    urut = check_pita(pita)
    require_administrator("Mengubah kategori capaian")
    with database_proxy.atomic():
        lama = _penilaian_teks()
        PitaCapaian.delete().execute()
        insert_pita(urut)
        _log_penilaian(lama)
    return Hasil(
        Perubahan(pesan=f"Kategori capaian diganti ({len(urut)} kategori).", nilai=True), None
    )


def pita_bawaan() -> Hasil[None]:
    """Put back the default bands of capaian-rules.md."""
    return set_pita(PITA_BAWAAN)


BATAS_ATAS_TERTINGGI = 1000.0  # a ceiling above this is a typing error, not a rule


def check_batas_atas(batas_atas: float | None) -> float | None:
    """Return the ceiling, or refuse one below 100% (it would lower met targets) or absurd."""
    if batas_atas is None:
        return None
    if batas_atas < 100:
        raise DataTidakValid(
            f"Batas atas capaian {batas_atas:g}% terlalu rendah: isi 100% atau lebih "
            "(mis. 120), atau pilih tanpa batas atas."
        )
    if batas_atas > BATAS_ATAS_TERTINGGI:
        raise DataTidakValid(
            f"Batas atas capaian {batas_atas:g}% terlalu tinggi: isi paling banyak "
            f"{BATAS_ATAS_TERTINGGI:g}%, atau pilih tanpa batas atas."
        )
    return float(batas_atas)


def insert_batas_atas(batas_atas: float | None) -> None:
    """Store the ceiling already checked; the caller holds the transaction."""
    AturanCapaian.delete().execute()
    if batas_atas is not None:
        AturanCapaian.create(batas_atas=batas_atas)


def set_penilaian(pita: Sequence[Pita], batas_atas: float | None) -> Hasil[None]:
    """Replace the rating bands and the ceiling together, in one transaction."""
    urut = check_pita(pita)
    batas = check_batas_atas(batas_atas)
    require_administrator("Mengubah kategori capaian")
    with database_proxy.atomic():
        lama = _penilaian_teks()
        PitaCapaian.delete().execute()
        insert_pita(urut)
        insert_batas_atas(batas)
        _log_penilaian(lama)
    atas = "tanpa batas atas" if batas is None else f"batas atas {batas:g}%"
    return Hasil(
        Perubahan(pesan=f"Kategori capaian diganti ({len(urut)} kategori, {atas}).", nilai=True),
        None,
    )


def set_batas_atas(batas_atas: float | None) -> Hasil[None]:
    """Set (or, with None, remove) the capaian ceiling; the bands stay."""
    batas = check_batas_atas(batas_atas)
    require_administrator("Mengubah batas atas capaian")
    with database_proxy.atomic():
        lama = _penilaian_teks()
        insert_batas_atas(batas)
        _log_penilaian(lama)
    if batas is None:
        return Hasil(Perubahan(pesan="Capaian tidak lagi dibatasi ke atas.", nilai=True), None)
    return Hasil(Perubahan(pesan=f"Batas atas capaian sekarang {batas:g}%.", nilai=True), None)
