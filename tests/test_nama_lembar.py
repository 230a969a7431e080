"""Sheet names of the per-jabatan workbooks (PK, Rencana Aksi, monev): Excel allows 31
characters, so two long jabatan codes cut short must still give two sheets of their own."""

from kinerja_desktop.reports.tabel_xlsx import nama_lembar


def test_two_long_codes_that_meet_when_cut_get_sheets_of_their_own():
    sudah: set[str] = {"Keterangan"}
    panjang = "PENGADMINISTRASI-PEMERINTAHAN-DESA"  # 34 characters
    nama = [nama_lembar(k, sudah, "Jabatan") for k in (f"{panjang}-1", f"{panjang}-2", "")]
    assert nama == [panjang[:28], f"{panjang[:28]}-2", "Jabatan"]
    assert all(len(n) <= 31 for n in nama)
    assert nama_lembar("Keterangan", sudah, "Jabatan") == "Keterangan-2"
