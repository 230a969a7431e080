"""Data the planning-document tests share (PK, Rencana Aksi, monev), written into an open
database of the built-in 2020 decree: holders with and without NIP, targets typed per year and
per triwulan, realisasi typed and imported, the Bupati's name."""

import hashlib
from pathlib import Path

from kinerja_desktop.db.models import Indikator, Jabatan, Pegawai, Pemangku
from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, set_values
from kinerja_desktop.db.pk import JANJI_BAWAAN, PEMBUKA_BAWAAN, set_naskah
from kinerja_desktop.domain.capaian import Komponen, Target

BUPATI = "Drs. H. M. SANUSI, M.M."
PEMANGKU = {
    # jabatan code: (name, NIP or None, golongan or None)
    "SEKCAM": ("Drs. BUDI SANTOSO", "197001011990031005", "IV/a"),
    "KASI-PEM": ("SITI RAHAYU, S.Sos.", "198001012005012003", "III/d"),
    "OD-PEM": ("AGUS WIBOWO", None, None),
}


def jabatan_id(kode: str, tahun: int = 2020) -> int:
    return Jabatan.get(Jabatan.tahun == tahun, Jabatan.kode == kode).id


def indikator_id(kode: str, tahun: int = 2020) -> int:
    return Indikator.get(Indikator.tahun == tahun, Indikator.kode == kode).id


def isi_pemangku(tahun: int = 2020) -> None:
    """The holders of :data:`PEMANGKU`, plus two holders of ADM-PEM-1."""
    for kode, (nama, nip, gol) in PEMANGKU.items():
        p = Pegawai.create(nama=nama, nip=nip, pangkat=gol)
        Pemangku.create(jabatan=jabatan_id(kode, tahun), pegawai=p)
    for nama, nip in (
        ("DEWI LESTARI", "199001012015032001"),
        ("EKO PRASETYO", "199102022015031002"),
    ):
        p = Pegawai.create(nama=nama, nip=nip, pangkat="II/c")
        Pemangku.create(jabatan=jabatan_id("ADM-PEM-1", tahun), pegawai=p)


def isi_target(tahun: int = 2020) -> None:
    """KASI-PEM.01 24 a year; KASI-PEM.02 typed per triwulan only (2, 3, 3, 4); SEKCAM.01
    95%; SEKCAM.02 a range 90-100."""
    t = str(tahun)

    def target(kode: str, periode: str, nilai: Target) -> NilaiMasuk:
        return NilaiMasuk(KunciNilai("target", indikator_id(kode, tahun), periode), target=nilai)

    masuk = [
        target("KASI-PEM.01", t, Target(24)),
        target("SEKCAM.01", t, Target(95)),
        target("SEKCAM.02", t, Target(90, 100)),
    ]
    masuk += [
        target("KASI-PEM.02", f"{t}Q{q}", Target(n)) for q, n in enumerate((2, 3, 3, 4), start=1)
    ]
    set_values(masuk)


def isi_realisasi(tahun: int = 2020) -> None:
    """Typed realisasi: KASI-PEM.01 5 in each month of Triwulan I and II; SEKCAM.02 45/50 in
    April."""
    masuk = [
        NilaiMasuk(
            KunciNilai("realisasi", indikator_id("KASI-PEM.01", tahun), f"{tahun}{m:02d}"),
            komponen=Komponen(nilai=5),
        )
        for m in range(1, 7)
    ]
    masuk.append(
        NilaiMasuk(
            KunciNilai("realisasi", indikator_id("SEKCAM.02", tahun), f"{tahun}04"),
            komponen=Komponen(pembilang=45, penyebut=50),
        )
    )
    set_values(masuk)


CSV_REALISASI = (
    "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    "KASI-PEM.02,{t}01,,realisasi,1,,\n"
    "KASI-PEM.02,{t}05,,realisasi,2,,\n"
)


def impor_csv(folder: Path, tahun: int = 2020) -> tuple[str, str]:
    """Import two realisasi of KASI-PEM.02 (January, May) from a CSV file written into
    ``folder``; returns the file's name and SHA-256."""
    from kinerja_desktop.db.ops_nilai import plan_values
    from kinerja_desktop.exchange.nilai_csv import apply_csv, read_csv

    berkas = folder / "realisasi-pem.csv"
    berkas.write_text(CSV_REALISASI.format(t=tahun), encoding="utf-8")
    isi = read_csv(berkas)
    apply_csv(isi, plan_values(isi.nilai))
    return berkas.name, hashlib.sha256(berkas.read_bytes()).hexdigest()


def isi_naskah(tahun: int = 2020) -> None:
    """The default statement text with the Bupati's name entered."""
    set_naskah(tahun, PEMBUKA_BAWAAN, JANJI_BAWAAN, BUPATI, "")


KEGIATAN_PEM = ("Koordinasi Pemerintahan Desa", 125_000_000)
KEGIATAN_MUSDES = ("Fasilitasi Musyawarah Desa", 50_000_000)
PROGRAM_PEM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
PROGRAM_SEKCAM = "Program Penunjang Urusan Pemerintahan Daerah"


def isi_program(tahun: int = 2020) -> dict[str, int]:
    """Programs, kegiatan, Rencana Aksi, budget realised and a monev note:

    - KASI-PEM: PROGRAM_PEM (code 7.01.02) with KEGIATAN_PEM (Rp 125.000.000, serving
      KASI-PEM.01) and KEGIATAN_MUSDES (Rp 50.000.000); realised Rp 20.000.000 in TW I and
      Rp 35.000.000 in TW II on the first, Rp 10.000.000 in TW III; two actions, the first with
      two sub-actions; the note of KASI-PEM.01 in 2020Q2.
    - SEKCAM: PROGRAM_SEKCAM with one kegiatan of Rp 1.250.000.000 and one without anggaran.

    Returns the ids of the kegiatan by name."""
    from kinerja_desktop.db.ops_anggaran import (
        AnggaranMasuk,
        KeteranganMasuk,
        set_keterangan,
        set_realisasi_anggaran,
    )
    from kinerja_desktop.db.ops_program import (
        IsiAksi,
        IsiKegiatan,
        IsiProgram,
        add_aksi,
        add_kegiatan,
        add_program,
    )

    pem = jabatan_id("KASI-PEM", tahun)
    program = add_program(pem, IsiProgram(PROGRAM_PEM, "7.01.02")).data
    ind = indikator_id("KASI-PEM.01", tahun)
    keg = add_kegiatan(program, IsiKegiatan(KEGIATAN_PEM[0], "", KEGIATAN_PEM[1], ind)).data
    musdes = add_kegiatan(
        program, IsiKegiatan(*KEGIATAN_MUSDES[:1], "", KEGIATAN_MUSDES[1])
    ).data
    aksi = add_aksi(
        pem,
        IsiAksi(
            "Menyusun jadwal pembinaan perangkat desa", ind, keg, pem, "", "Jadwal", "", "", ""
        ),
    ).data
    add_aksi(pem, IsiAksi("Rapat koordinasi dengan desa", tw1="1 kali"), aksi)
    add_aksi(
        pem, IsiAksi("Menyusun undangan", penanggung_jawab_teks="Staf Seksi Pemerintahan"), aksi
    )
    add_aksi(pem, IsiAksi("Melaksanakan pembinaan", tw2="6 kali", tw3="6 kali", tw4="6 kali"))
    set_realisasi_anggaran(
        [
            AnggaranMasuk(keg, f"{tahun}Q1", 20_000_000),
            AnggaranMasuk(keg, f"{tahun}Q2", 35_000_000),
            AnggaranMasuk(keg, f"{tahun}Q3", 10_000_000),
        ]
    )
    set_keterangan(
        [
            KeteranganMasuk(
                ind, f"{tahun}Q2", "Jadwal desa bentrok dengan Musdes", "Jadwal digeser ke Juli"
            )
        ]
    )
    sekcam = add_program(jabatan_id("SEKCAM", tahun), IsiProgram(PROGRAM_SEKCAM)).data
    add_kegiatan(sekcam, IsiKegiatan("Administrasi Keuangan", "", 1_250_000_000))
    add_kegiatan(sekcam, IsiKegiatan("Administrasi Umum"))
    return {KEGIATAN_PEM[0]: keg, KEGIATAN_MUSDES[0]: musdes}


def isi_semua(tahun: int = 2020) -> None:
    """Everything above."""
    isi_pemangku(tahun)
    isi_target(tahun)
    isi_realisasi(tahun)
    isi_naskah(tahun)
    isi_program(tahun)
