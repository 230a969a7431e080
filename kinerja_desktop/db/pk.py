"""The Perjanjian Kinerja's stored parts: the statement text of a year (one for the whole
office, with the Bupati as entered) and the issued agreements frozen as JSON.

A year whose text was never kept borrows the latest earlier year's text, else the defaults
below (the usual wording of PermenPANRB 53/2014); the editor says which it borrows. Borrowing
never makes one year's edit change another year's agreement: Salin Tahun gives the new year its
own copy (:func:`copy_naskah`), and keeping a year's text first gives every later year that
borrowed what it would lose its own copy of what it printed until then. Issuing is
:func:`add_pk_terbit`; what an agreement holds is built by ``reports.pk_data``.
"""

import json
from dataclasses import dataclass
from itertools import takewhile
from typing import Any

from kinerja_desktop.db.audit import Entri, record_entries, sekarang
from kinerja_desktop.db.changes import Hasil, Perubahan
from kinerja_desktop.db.locks import KUNCI_TAHUN, take_lock
from kinerja_desktop.db.models import Kantor, NaskahPk, PkTerbit, Tahun, database_proxy
from kinerja_desktop.db.queries import require_year
from kinerja_desktop.db.sesi import pengguna_aktif
from kinerja_desktop.domain.teks import check_teks

PEMBUKA_BAWAAN = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
JANJI_BAWAAN = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
    "kinerja tersebut menjadi tanggung jawab kami.\n\n"
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam "
    "rangka pemberian penghargaan dan sanksi."
)
TEKS_NASKAH_MAKS = 4000
AKSI_TERBIT = "terbitkan_pk"
AKSI_NASKAH = "naskah_pk"


@dataclass(frozen=True)
class Naskah:
    """The statement text of a year as the PK prints it.

    ``dari_tahun`` is the year whose stored text this is (None: the defaults), so the editor
    can say "memakai naskah tahun 2025".
    """

    tahun: int
    pembuka: str
    janji: str
    nama_kepala_daerah: str
    jabatan_kepala_daerah: str
    dari_tahun: int | None

    @property
    def paragraf_janji(self) -> list[str]:
        """The promise paragraphs, split at blank lines."""
        return [p.strip() for p in self.janji.split("\n\n") if p.strip()]


def jabatan_kepala_daerah_bawaan() -> str:
    """``BUPATI MALANG`` or ``WALI KOTA BATU``, from the office's kabupaten/kota."""
    kantor = Kantor.get_or_none()
    if kantor is None:
        return "BUPATI"
    sebutan = "WALI KOTA" if kantor.jenis_kabupaten == "kota" else "BUPATI"
    return f"{sebutan} {kantor.kabupaten.upper()}"


def read_naskah(tahun: int) -> Naskah:
    """The statement text of ``tahun`` (its own, the latest earlier year's, or the defaults)."""
    require_year(tahun)
    row = NaskahPk.select().where(NaskahPk.tahun <= tahun).order_by(NaskahPk.tahun.desc()).first()
    if row is None:
        return Naskah(tahun, PEMBUKA_BAWAAN, JANJI_BAWAAN, "", jabatan_kepala_daerah_bawaan(), None)
    return Naskah(
        tahun,
        row.pembuka,
        row.janji,
        row.nama_kepala_daerah,
        row.jabatan_kepala_daerah or jabatan_kepala_daerah_bawaan(),
        row.tahun_id,
    )


def set_naskah(
    tahun: int,
    pembuka: str,
    janji: str,
    nama_kepala_daerah: str,
    jabatan_kepala_daerah: str,
) -> Hasil[None]:
    """Keep the statement text and the Bupati of ``tahun`` (other years keep theirs).

    An empty opening or promise is refused; an empty Bupati name prints a marked blank. The
    audit entry keeps the parts replaced and their new text; nothing is written when nothing
    changed.
    """
    require_year(tahun)
    pembuka = check_teks(pembuka, "Kalimat pembuka", maks=TEKS_NASKAH_MAKS)
    janji = check_teks(janji, "Isi perjanjian", maks=TEKS_NASKAH_MAKS)
    nama = check_teks(
        nama_kepala_daerah, "Nama Bupati/Wali Kota", wajib=False, satu_baris=True, maks=200
    )
    jabatan = check_teks(
        jabatan_kepala_daerah, "Sebutan Bupati/Wali Kota", wajib=False, satu_baris=True, maks=200
    )
    sesi = pengguna_aktif()
    isi = {
        "pembuka": pembuka,
        "janji": janji,
        "nama_kepala_daerah": nama,
        "jabatan_kepala_daerah": jabatan,
    }
    with database_proxy.atomic():
        take_lock(KUNCI_TAHUN)
        row = NaskahPk.get_or_none(NaskahPk.tahun == tahun)
        lama = None if row is None else {k: getattr(row, k) for k in isi}
        if lama == isi:
            return Hasil(Perubahan("Tidak ada yang berubah.", tahun=tahun), None)
        # the log keeps what the edit replaced (only the parts that changed)
        beda = [k for k in isi if lama is None or lama[k] != isi[k]]
        entri = Entri(
            AKSI_NASKAH,
            "pk",
            None if lama is None else _json({k: lama[k] for k in beda}),
            _json({k: isi[k] for k in beda}),
            periode=str(tahun),
            catatan="Naskah PK disimpan.",
        )
        tetap = _insert_naskah(tahun, isi, entri, sesi.nama)
    pesan = f"Naskah Perjanjian Kinerja tahun {tahun} disimpan."
    if tetap:
        daftar = ", ".join(str(t) for t in tetap[:-1]) + (" dan " if len(tetap) > 1 else "")
        pesan += f" Tahun {daftar}{tetap[-1]} tetap memakai naskah yang sudah dipakainya."
    return Hasil(Perubahan(pesan, tahun=tahun), None)


def copy_naskah(dari: int, ke: int) -> None:
    """Give the new year ``ke`` its own copy of the statement ``dari`` prints (Salin Tahun),
    in the caller's transaction, which holds the year lock. A ``dari`` on the defaults gives
    ``ke`` a copy only when ``ke`` would otherwise borrow another year's text."""
    naskah = read_naskah(dari)
    if naskah.dari_tahun is None and read_naskah(ke).dari_tahun is None:
        return
    row = NaskahPk.get_or_none(NaskahPk.tahun == naskah.dari_tahun)
    isi = _naskah_fields(row) if row is not None else _ISI_BAWAAN
    catatan = f"Naskah PK disalin dari tahun {dari}."
    entri = Entri(AKSI_NASKAH, "pk", None, _json(isi), periode=str(ke), catatan=catatan)
    _insert_naskah(ke, isi, entri, pengguna_aktif().nama)


_ISI_BAWAAN = {
    "pembuka": PEMBUKA_BAWAAN,
    "janji": JANJI_BAWAAN,
    "nama_kepala_daerah": "",
    "jabatan_kepala_daerah": "",
}


def _naskah_fields(row: NaskahPk) -> dict[str, Any]:
    return {k: getattr(row, k) for k in _ISI_BAWAAN}


def _insert_naskah(tahun: int, isi: dict[str, Any], entri_tahun: Entri, oleh: str) -> list[int]:
    """Keep ``isi`` as the text of ``tahun`` with its audit entry ``entri_tahun``, after giving
    every later year that borrows the text ``tahun`` prints now its own copy of it (logged
    too); returns those years."""
    later = Tahun.select(Tahun.tahun).where(Tahun.tahun > tahun).order_by(Tahun.tahun)
    own = NaskahPk.select(NaskahPk.tahun).where(NaskahPk.tahun > tahun)
    sendiri = {t for (t,) in own.tuples().iterator()}
    # later years borrow what ``tahun`` prints up to the first later year with its own text
    tetap = list(takewhile(lambda t: t not in sendiri, (t for (t,) in later.tuples().iterator())))
    entri = []
    if tetap:
        query = NaskahPk.select().where(NaskahPk.tahun <= tahun)
        sumber = query.order_by(NaskahPk.tahun.desc()).first()
        dipakai = _naskah_fields(sumber) if sumber is not None else _ISI_BAWAAN
        asal = f"naskah tahun {sumber.tahun_id}" if sumber is not None else "naskah bawaan"
        NaskahPk.insert_many([{"tahun": t, **dipakai} for t in tetap]).execute()
        entri = [
            Entri(
                AKSI_NASKAH,
                "pk",
                None,
                _json(dipakai),
                periode=str(t),
                catatan=f"Naskah PK tahun {t} kini tersimpan sendiri: {asal} yang dipakainya, "
                f"sebelum naskah tahun {tahun} diubah.",
            )
            for t in tetap
        ]
    if not NaskahPk.update(**isi).where(NaskahPk.tahun == tahun).execute():
        NaskahPk.create(tahun=tahun, **isi)
    entri.append(entri_tahun)
    record_entries(entri, sekarang(), oleh)
    return tetap


def _json(isi: dict[str, str]) -> str:
    return json.dumps(isi, ensure_ascii=False)


@dataclass(frozen=True)
class PkTersimpan:
    """One issued agreement of a jabatan as stored."""

    id: int
    tahun: int
    jabatan_id: int | None
    ke: int  # 0: the PK issued first; 1, 2, …: PK Perubahan
    waktu: str
    oleh: str
    alasan: str
    isi: str  # JSON (reports.pk_data)


def _baris(r: tuple) -> PkTersimpan:
    return PkTersimpan(*r)


_KOLOM = (
    PkTerbit.id,
    PkTerbit.tahun,
    PkTerbit.jabatan,
    PkTerbit.ke,
    PkTerbit.waktu,
    PkTerbit.oleh,
    PkTerbit.alasan,
    PkTerbit.isi,
)


def read_pk_terbit(tahun: int) -> dict[int | None, list[PkTersimpan]]:
    """Every issued agreement of ``tahun`` by jabatan id (None: the Camat), oldest first."""
    hasil: dict[int | None, list[PkTersimpan]] = {}
    query = (
        PkTerbit.select(*_KOLOM)
        .where(PkTerbit.tahun == tahun)
        .order_by(PkTerbit.ke, PkTerbit.id)
        .tuples()
    )
    for r in query.iterator():
        hasil.setdefault(r[2], []).append(_baris(r))
    return hasil


def add_pk_terbit(
    tahun: int, terbit: list[tuple[int | None, str, str]], alasan: str
) -> Hasil[list[PkTersimpan]]:
    """Store issued agreements: ``(jabatan id or None, label, JSON)`` each, numbered after the
    ones already issued for that jabatan (0 for the first), in one transaction with their audit
    entries. Its ``data`` is what was stored."""
    require_year(tahun)
    alasan = check_teks(alasan, "Alasan perubahan", wajib=False, maks=TEKS_NASKAH_MAKS)
    sesi = pengguna_aktif()
    waktu = sekarang()
    hasil = []
    with database_proxy.atomic():
        take_lock(KUNCI_TAHUN)
        sudah = read_pk_terbit(tahun)
        entri = []
        for jabatan_id, label, isi in terbit:
            ke = len(sudah.get(jabatan_id, []))
            row = PkTerbit.create(
                tahun=tahun,
                jabatan=jabatan_id,
                ke=ke,
                waktu=waktu,
                oleh=sesi.nama,
                alasan=alasan,
                isi=isi,
            )
            jenis = "PK" if ke == 0 else f"PK Perubahan ke-{ke}"
            entri.append(
                Entri(
                    AKSI_TERBIT,
                    "pk",
                    jabatan_id=jabatan_id,
                    periode=str(tahun),
                    catatan=f"{jenis} {label} diterbitkan. {alasan}".strip(),
                )
            )
            hasil.append(PkTersimpan(row.id, tahun, jabatan_id, ke, waktu, sesi.nama, alasan, isi))
        record_entries(entri, waktu, sesi.nama)
    awal = sum(1 for t in hasil if t.ke == 0)
    bagian = [f"{awal} PK"] if awal else []
    if len(hasil) > awal:
        bagian.append(f"{len(hasil) - awal} PK Perubahan")
    pesan = "Tidak ada yang diterbitkan."
    if bagian:
        pesan = f"{' dan '.join(bagian)} tahun {tahun} diterbitkan."
    return Hasil(Perubahan(pesan=pesan, tahun=tahun), hasil)
