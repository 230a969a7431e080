"""The kabupaten workspace: packages of three kecamatan received, checked and reconciled
figure for figure against each kecamatan's own `capaian --json`; every refusal leaves the
workspace unchanged."""

import hashlib
import io
import json
import re
import shutil
import sqlite3
import zipfile
from contextlib import redirect_stdout
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import drop_server_database, new_server_database
from test_cli_nilai import HEADER, run
from test_command_messages import follow

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.kabupaten_models import KABUPATEN_MODELS
from kinerja_desktop.db.models import ALL_MODELS, database_proxy

KECAMATAN = [
    ("35.07.12", "Sumberpucung"),
    ("35.07.13", "Kepanjen"),
    ("35.07.19", "Pakisaji"),
    ("35.07.22", "Dau"),  # sends nothing
]
# per kecamatan: (SEKCAM.02 pembilang/penyebut of TW I, KASI-KESOS.01 count of a desa in January)
ISIAN = {
    "35.07.12": ("45", "50", "4"),
    "35.07.13": ("30", "40", "7"),
    "35.07.19": (None, None, "2"),
}


def _kecamatan_db(template: Path, folder: Path, kode: str, nama: str) -> Path:
    """Kepanjen as built in; any other kecamatan set up from the national area list with the
    Kepanjen 2020 IKI as its starting point (`kantor baru --contoh`)."""
    from kinerja_desktop.cli import main

    path = folder / f"{nama}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kode == "35.07.13":
        shutil.copyfile(template, path)
    else:
        argv = ["--db", str(path), "kantor", "baru", "--kode", kode, "--contoh", "--tahun", "2020"]
        assert main(argv) == 0
    return path


def _program_kepanjen(db: Path) -> None:
    """A program of the Sekretaris Camat with an anggaran past 2^31 Rupiah, budget realised in
    TW I (in the TW I package) and TW II (not in it)."""
    from kinerja_desktop.db.connection import open_database
    from kinerja_desktop.db.models import Jabatan
    from kinerja_desktop.db.ops_anggaran import AnggaranMasuk, set_realisasi_anggaran
    from kinerja_desktop.db.ops_program import (
        IsiKegiatan,
        IsiProgram,
        add_kegiatan,
        add_program,
    )

    open_database(db)
    sekcam = Jabatan.get(Jabatan.tahun == 2020, Jabatan.kode == "SEKCAM").id
    program = add_program(sekcam, IsiProgram("Program Penunjang", "7.01.01")).data
    kegiatan = add_kegiatan(program, IsiKegiatan("Administrasi Keuangan", "", 5_250_000_000))
    set_realisasi_anggaran(
        [
            AnggaranMasuk(kegiatan.data, "2020Q1", 1_250_000_000),
            AnggaranMasuk(kegiatan.data, "2020Q2", 9),
        ]
    )
    database_proxy.obj.close()
    database_proxy.initialize(None)


def _values_csv(kode: str, folder: Path) -> Path:
    pb, py, kesos = ISIAN[kode]
    rows = HEADER + "SEKCAM.02,2020,,target,90-100,,\nKASI-KESOS.01,2020,,target,36,,\n"
    if pb:
        rows += f"SEKCAM.02,202001,,realisasi,,{pb},{py}\n"
    rows += f"KASI-KESOS.01,202001,{kode}.2001,realisasi,{kesos},,\n"
    path = folder / f"nilai-{kode}.csv"
    path.write_text(rows, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def paket(seeded_db_template, tmp_path_factory):
    """One TW I 2020 package per sending kecamatan, and each kecamatan's own capaian JSON.

    Made once for the module (three reports each); tests copy what they change."""
    from kinerja_desktop.cli import main

    tmp = tmp_path_factory.mktemp("kecamatan")
    out = tmp / "flashdisk"
    own: dict[str, list] = {}
    with pytest.MonkeyPatch.context() as mp, redirect_stdout(io.StringIO()) as printed:
        mp.setenv("KINERJA_DATA_DIR", str(tmp / "data"))
        for kode, nama in KECAMATAN[:3]:
            db = _kecamatan_db(seeded_db_template, tmp / "kec", kode, nama)
            assert main(["--db", str(db), "nilai", "impor", str(_values_csv(kode, tmp))]) == 0
            if kode == "35.07.13":
                _program_kepanjen(db)
            argv = ["--db", str(db), "kirim", "--tahun", "2020", "--periode", "2020Q1"]
            assert main([*argv, "--out", str(out)]) == 0
            printed.truncate(0)
            printed.seek(0)
            argv = ["--db", str(db), "capaian", "--tahun", "2020", "--periode", "2020Q1"]
            assert main([*argv, "--json"]) == 0
            own[kode] = json.loads(printed.getvalue())
            printed.truncate(0)
            printed.seek(0)
    database_proxy.initialize(None)
    return out, own, tmp / "kec"


@pytest.fixture
def kab(tmp_path, engine, request):
    """A new workspace of Kabupaten Malang, its 33 kecamatan from the national area list: a
    file, or a new database on the test server (``engine``)."""
    from kinerja_desktop.cli import main

    target: Path | str = tmp_path / "kab" / "kab.sqlite3"
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        name = new_server_database(server)
        request.addfinalizer(lambda: drop_server_database(server, name))
        target = server.url(name)
    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(target), "kabupaten", "baru", "--kode", "35.07"]) == 0
    database_proxy.initialize(None)
    return target


def _dump(kab: Path | str) -> list[str]:
    if isinstance(kab, str):  # on the server: every row of every table, in order, as text
        import psycopg

        tables = [m._meta.table_name for m in ALL_MODELS + KABUPATEN_MODELS]
        with psycopg.connect(kab) as raw:  # one connection for all tables, not one each
            return [
                f"{t} {tuple(row)}"
                for t in tables
                for row in raw.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()
            ]
    with sqlite3.connect(kab) as raw:
        return list(raw.iterdump())


def test_three_kecamatan_reconcile_figure_for_figure(capsys, kab, paket):
    folder, own, _ = paket
    code, out, err = run(capsys, kab, "kabupaten", "terima", str(folder))
    assert code == 0, out + err
    assert out.count("diterima (") == 3
    code, out, _ = run(
        capsys, kab, "kabupaten", "rekap", "--tahun", "2020", "--periode", "2020Q1", "--json"
    )
    rekap = json.loads(out)
    per = {k["kode"]: k for k in rekap["kecamatan"]}
    assert per["35.07.22"]["paket"] is None and per["35.07.22"]["indikator"] == []
    for kode, mine in own.items():
        theirs = {b["kode_indikator"]: b for b in per[kode]["indikator"]}
        assert len(theirs) == len(mine) == 84
        for b in mine:
            a = theirs[b["kode_indikator"]]
            for key in ("target", "realisasi", "pembilang", "penyebut", "capaian", "kategori"):
                assert a[key] == b[key], (kode, a["kode_indikator"], key)
    assert per["35.07.13"]["paket"]["tepat_waktu"] is False  # written long after 10 April 2020

    total = {g["nama"]: g for g in rekap["gabungan"]}
    sekcam = total["Persentase Tingkat kelancaran administrasi perkantoran"]
    # Σ numerator / Σ denominator over the kecamatan with data, never a mean of percentages
    assert sekcam["pembilang"] == 75 and sekcam["penyebut"] == 90
    assert sekcam["realisasi"] == pytest.approx(75 / 90 * 100)
    kesos = next(g for g in rekap["gabungan"] if g["jenis"] == "jumlah" and g["realisasi"])
    assert kesos["realisasi"] == 4 + 7 + 2 and kesos["kecamatan"] == 3

    code, out, _ = run(capsys, kab, "kabupaten", "rekap", "--tahun", "2020", "--periode", "2020Q1")
    assert "3 dari 33 kecamatan mengirim paket" in out and "Dau (35.07.22): belum ada paket" in out
    # times and numbers as the operator reads them elsewhere, not as stored
    assert re.search(r"Kepanjen \(35\.07\.13\): paket ditulis \d+ \w+ \d{4} \d\d\.\d\d \(", out)
    assert "T0" not in out and "T1" not in out and "T2" not in out
    assert re.search(r"\(3 kecamatan\): 13$", out, re.MULTILINE)
    code, out, _ = run(capsys, kab, "kabupaten", "daftar")
    assert code == 0 and "Kepanjen Triwulan I 2020  Kinerja-35.07.13-Kepanjen-2020Q1.zip" in out


def test_same_package_again_changes_nothing(capsys, kab, paket):
    folder, _, kec = paket
    run(capsys, kab, "kabupaten", "terima", str(folder))
    before = _dump(kab)
    code, out, _ = run(capsys, kab, "kabupaten", "terima", str(folder))
    assert code == 0 and out.count("sudah diterima sebelumnya; tidak ada yang berubah") == 3
    assert _dump(kab) == before


def test_newer_package_replaces_and_older_is_refused_unless_insisted(capsys, kab, paket, tmp_path):
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.exchange.paket_writer import write_paket

    folder, _, kec = paket
    kepanjen = folder / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"
    run(capsys, kab, "kabupaten", "terima", str(kepanjen))
    db = open_database(kec / "Kepanjen.sqlite3")
    for name, when in (("baru", datetime(2099, 1, 1)), ("lama", datetime(2000, 1, 1))):
        write_paket(2020, parse_periode("2020Q1"), tmp_path / name, now=when)
    db.close()
    database_proxy.initialize(None)

    code, out, _ = run(capsys, kab, "kabupaten", "terima", str(tmp_path / "baru"))
    assert code == 0 and "menggantikan paket yang ditulis" in out
    assert re.search(r"ditulis \d+ \w+ \d{4} \d\d\.\d\d \(tetap tercatat", out), out
    code, out, _ = run(capsys, kab, "kabupaten", "daftar", "--json")
    log = json.loads(out)
    assert [r["berlaku"] for r in log] == [True, False]  # the replaced one stays listed
    assert log[1]["sha256"] == hashlib.sha256(kepanjen.read_bytes()).hexdigest()

    before = _dump(kab)
    code, out, _ = run(capsys, kab, "kabupaten", "terima", str(tmp_path / "lama"))
    assert code == 1 and "lebih lama dari paket Kecamatan Kepanjen" in out and "--paksa" in out
    assert "ditulis 1 Januari 2000 00.00, lebih lama" in out
    assert "(ditulis 1 Januari 2099 00.00)" in out
    # also shown in the window, which has no such option: it names where to give it
    assert "terima di Command Prompt dengan pilihan --paksa" in out
    assert _dump(kab) == before
    if isinstance(kab, str):  # on the server: named without its password
        password = urlsplit(kab).password
        assert password not in out and ":SANDI@127.0.0.1" in out
        out = out.replace(":SANDI@", f":{password}@")
    done = follow(out)  # the command the refusal names, typed as shown
    assert done.returncode == 0, done.stderr
    assert "menggantikan" in done.stdout


def _rewrite(src: Path, dst: Path, change=None, manifest=None, extra=None, fix_hash=True) -> Path:
    """A copy of the package ``src`` with members replaced, the manifest edited, or extra
    members added; ``fix_hash`` keeps the manifest's hashes true to the changed members."""
    with zipfile.ZipFile(src) as zf:
        isi = {n: zf.read(n) for n in zf.namelist()}
    man = json.loads(isi.pop("manifest.json"))
    for name, data in (change or {}).items():
        isi[name] = data
        if fix_hash:
            man["berkas"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": len(data)}
    man.update(manifest or {})
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(man))
        for name, data in {**isi, **(extra or {})}.items():
            zf.writestr(name, data)
    return dst


def _refusals(src: Path, tmp: Path) -> dict[str, tuple[Path, str]]:
    kantor = json.loads(zipfile.ZipFile(src).read("data/kantor.json"))
    lain = json.dumps({**kantor, "kode_wilayah": "35.07.19"}).encode()
    kab_lain = {"kode_wilayah": "35.08.01", "kecamatan": "Tempursari"}
    desa = [{**d, "nonaktif_sejak": "2026-07"} if d["kode"] == "35.07.13.2001" else d
            for d in kantor["desa"]]  # fmt: skip
    bulan_salah = json.dumps({**kantor, "desa": desa}).encode()
    kosong = tmp / "kosong.zip"
    kosong.write_bytes(src.read_bytes()[:1000])
    asing = tmp / "asing.zip"
    with zipfile.ZipFile(asing, "w") as zf:
        zf.writestr("foto.jpg", b"bukan paket")
    return {
        "ubah": (
            _rewrite(src, tmp / "ubah.zip", {"data/nilai.csv": b"dipalsukan"}, fix_hash=False),
            "tidak sama dengan sidik SHA-256",
        ),
        "kabupaten lain": (
            _rewrite(
                src,
                tmp / "lain.zip",
                manifest=kab_lain,
                change={
                    "data/kantor.json": json.dumps({**kantor, "kode_wilayah": "35.08.01"}).encode()
                },
            ),
            "bukan dari kecamatan di Kabupaten Malang",
        ),
        "asing": (asing, "bukan paket kiriman Kinerja Desktop"),
        "rusak": (kosong, "bukan berkas zip"),
        "jalan": (
            _rewrite(src, tmp / "jalan.zip", extra={"../../evil.txt": b"x"}),
            "menunjuk ke luar paket",
        ),
        "bom": (
            _rewrite(src, tmp / "bom.zip", extra={"data/bom.bin": bytes(50 * 1024 * 1024)}),
            "dimampatkan secara tidak wajar",
        ),
        "versi baru": (
            _rewrite(src, tmp / "baru.zip", manifest={"versi_format": 2}),
            "versi yang lebih baru",
        ),
        "bertentangan": (
            _rewrite(src, tmp / "tentang.zip", {"data/kantor.json": lain}),
            "bertentangan dengan manifestnya",
        ),
        "bulan nonaktif": (
            _rewrite(src, tmp / "nonaktif.zip", {"data/kantor.json": bulan_salah}),
            "nonaktif_sejak desa 35.07.13.2001 bukan bulan (YYYYMM)",
        ),
    }


def test_every_bad_package_is_refused_and_nothing_is_written(capsys, kab, paket, tmp_path):
    folder, _, kec = paket
    src = folder / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"
    before = _dump(kab)
    for label, (path, pesan) in _refusals(src, tmp_path).items():
        code, out, err = run(capsys, kab, "kabupaten", "terima", str(path))
        assert code == 1, label
        assert pesan in out and "Tidak ada yang disimpan" in out, (label, out)
        assert "Traceback" not in err
        assert _dump(kab) == before, label


def test_a_kecamatan_database_is_not_a_workspace(capsys, db_path, paket):
    folder, _, kec = paket
    code, out, _ = run(capsys, db_path, "kabupaten", "terima", str(folder))
    assert code == 1 and "bukan ruang kerja kabupaten" in out


def test_kabupaten_report_as_pdf_and_workbook(capsys, kab, paket, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    folder, own, _ = paket
    run(capsys, kab, "kabupaten", "terima", str(folder))
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"rekap{suffix}"
        code, text, err = run(capsys, kab, "report", "kabupaten", "--tahun", "2020",
                              "--periode", "2020Q1", "--out", str(out))  # fmt: skip
        assert code == 0, err
    reader = PdfReader(tmp_path / "rekap.pdf")
    pdf = "\n".join(p.extract_text() for p in reader.pages)
    assert "Kabupaten Malang — Triwulan I 2020" in pdf
    fonts = {
        f.get_object()["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()
    }
    assert all("DejaVuSans" in f for f in fonts), fonts  # only the embedded font, no Helvetica
    assert "3 dari 33" in pdf and "Dau (35.07.22)" in pdf and "belum ada paket" in pdf
    assert "Kecamatan Sumberpucung (35.07.12)" in pdf and "INDIKATOR BERSAMA" in pdf
    wb = load_workbook(tmp_path / "rekap.xlsx")
    assert wb.sheetnames == ["Rekap", "Indikator Bersama", "Rincian"]
    rekap_rows = {r[2]: r for r in wb["Rekap"].iter_rows(min_row=5, values_only=True)}
    assert rekap_rows["Dau"][3] == "belum ada paket"
    rincian = [r for r in wb["Rincian"].iter_rows(min_row=4, values_only=True)]
    assert len(rincian) == 3 * 84
    sekcam = {r[0]: r for r in rincian if r[2] == "SEKCAM.02"}
    mine = {b["kode_indikator"]: b for b in own["35.07.12"]}["SEKCAM.02"]
    assert (
        sekcam["Sumberpucung"][6] == mine["capaian"]
        and sekcam["Sumberpucung"][7] == mine["kategori"]
    )


def test_workspace_window_shows_what_arrived_and_takes_in_a_stick(qtbot, kab, paket, tmp_path):
    from PySide6.QtCore import Qt

    from kinerja_desktop.ui.kabupaten_inbox import TerimaDialog
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    folder, own, _ = paket
    db = open_database(kab)
    try:
        window = KabupatenWindow(kab)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        assert window.windowTitle() == "Kinerja Desktop — Ruang Kerja Kabupaten Malang"
        assert window.kecamatan.count() == 33
        assert "0 dari 33 kecamatan" in window.ringkasan_label.text()

        # the inbox: a whole stick, one foreign file among the packages
        (folder / "foto-kegiatan.zip").write_bytes(b"bukan zip")
        dialog = TerimaDialog(window)
        qtbot.addWidget(dialog)
        dialog.received.connect(window.apply_change)
        dialog.check(sorted(folder.glob("*.zip")))
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=20000)
        hasil = [dialog.table.item(i, 1).text() for i in range(4)]
        assert sum("ditolak" in h for h in hasil) == 1
        assert sum("diterima (" in h for h in hasil) == 3
        assert dialog.terima.isEnabled()
        with qtbot.waitSignal(dialog.received, timeout=20000):
            dialog.apply()
        dialog.close()
        (folder / "foto-kegiatan.zip").unlink()

        assert window.periode_combo.currentData() == "2020Q1"
        assert "3 dari 33 kecamatan" in window.ringkasan_label.text()
        names = [window.kecamatan.item(i).text() for i in range(33)]
        assert "✓  Kepanjen" in names and "–  Dau" in names
        window.kecamatan.setCurrentRow(names.index("✓  Sumberpucung"))
        mine = {b["kode_indikator"]: b for b in own["35.07.12"]}["SEKCAM.02"]
        rows = {window.capaian.item(i, 1).text(): i for i in range(window.capaian.rowCount())}
        row = rows["Persentase Tingkat kelancaran administrasi perkantoran"]
        assert window.capaian.item(row, 5).text() == mine["kategori"]
        assert window.iki_tree.topLevelItemCount() >= 1
        assert "Tugas" in window.iki_text.toHtml()
        # the matrix kecamatan × period: TW I ticked for the three senders only
        kolom = [window.kiriman.horizontalHeaderItem(j).text() for j in range(19)]
        tw1 = kolom.index("TW I")
        ticked = [window.kiriman.item(i, tw1).text() for i in range(33)]
        assert ticked.count("✓") == 3
        assert window.penerimaan.rowCount() == 3
        assert window.penerimaan.item(0, 2).text() == "Triwulan I 2020"
        # the summary sorts by a click on a header: the senders first by capaian, the 30
        # without a package last; back by name, "Dau" before "Kepanjen"
        window.ringkasan.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        dikirim = [window.ringkasan.item(i, 1).text() for i in range(33)]
        assert dikirim[3:] == ["belum ada paket"] * 30
        window.ringkasan.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        kecamatan = [window.ringkasan.item(i, 0).text() for i in range(33)]
        assert kecamatan.index("Dau (35.07.22)") < kecamatan.index("Kepanjen (35.07.13)")
        window.ringkasan.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        assert [window.ringkasan.item(i, 1).text() for i in range(33)][3:] == [
            "belum ada paket"
        ] * 30
        for size in ((1366, 768), (1024, 768)):
            window.resize(*size)
            window.tabs.setCurrentIndex(0)
            window.grab().save(str(tmp_path / f"kabupaten-{size[0]}.png"))

        # Laporan Kabupaten: the dialog every report shares, written in the background
        from kinerja_desktop import settings
        from kinerja_desktop.ui.kabupaten_inbox import LaporanKabupatenDialog

        laporan = LaporanKabupatenDialog(window, [2020], 2020, "2020Q1")
        qtbot.addWidget(laporan)
        assert laporan.periode.currentText() == "Triwulan I 2020"
        assert laporan.nama.text().endswith("2020Q1")
        keluar = tmp_path / "keluar"
        keluar.mkdir()
        laporan.folder.setText(str(keluar))
        assert laporan.tujuan.text() == str(keluar / f"{laporan.nama.text()}.pdf")
        qtbot.mouseClick(laporan.buat, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: laporan.hasil is not None, timeout=20000)
        assert laporan.hasil.read_bytes().startswith(b"%PDF")
        assert laporan.buka_folder.isEnabled() and settings.get("folder_kabupaten") == str(keluar)
        laporan.runner.wait()
    finally:
        db.close()
        database_proxy.initialize(None)


def test_a_package_from_before_desa_could_be_retired_is_received(capsys, kab, paket, tmp_path):
    """Packages written before kantor.json said when a desa was retired have no
    nonaktif_sejak: their desa are all active, and the package is received as before."""
    folder, _, _ = paket
    src = folder / "Kinerja-35.07.13-Kepanjen-2020Q1.zip"
    kantor = json.loads(zipfile.ZipFile(src).read("data/kantor.json"))
    assert all("nonaktif_sejak" in d for d in kantor["desa"])
    lama = {**kantor, "desa": [{k: v for k, v in d.items() if k != "nonaktif_sejak"}
                               for d in kantor["desa"]]}  # fmt: skip
    path = _rewrite(src, tmp_path / "lama.zip", {"data/kantor.json": json.dumps(lama).encode()})
    code, out, _ = run(capsys, kab, "kabupaten", "terima", str(path))
    assert code == 0, out


@pytest.fixture
def kab_file(tmp_path):
    """A new workspace of Kabupaten Malang in a file (its damage and locks are a file's)."""
    from kinerja_desktop.cli import main

    path = tmp_path / "kab" / "kab.sqlite3"
    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(path), "kabupaten", "baru", "--kode", "35.07"]) == 0
    database_proxy.initialize(None)
    return path


def _write_elsewhere(path: Path) -> None:
    """A write by another program, checkpointed into the file: the window's SQLite then reads
    the file again instead of the pages it holds."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("UPDATE kabupaten_kecamatan SET nama = nama")
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()


def _menu_items(window) -> list[str]:
    """The Berkas menu of ``window`` as the operator reads it."""
    return [a.text().replace("&", "") for a in window.menu_berkas.actions() if a.text()]


def _damage(path: Path) -> bytes:
    """Overwrite every page after the first, as a failing stick does; returns the good bytes."""
    _write_elsewhere(path)
    good = path.read_bytes()
    path.write_bytes(good[:4096] + b"\xff" * (len(good) - 4096))
    return good


def test_window_says_a_damaged_database_and_reads_again_once_repaired(
    qtbot, kab_file, paket, tmp_path
):
    from kinerja_desktop.cli import main
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(kab_file), "kabupaten", "terima", str(paket[0])]) == 0
    database_proxy.initialize(None)
    db = open_database(kab_file)
    try:
        window = KabupatenWindow(kab_file)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        assert "3 dari 33 kecamatan" in window.ringkasan_label.text()
        assert window.galat.isHidden()

        good = _damage(kab_file)
        window.periode_combo.setCurrentIndex(window.periode_combo.findData("2020Q2"))
        assert not window.galat.isHidden()
        assert f"Berkas {kab_file} rusak atau bukan basis data" in window.galat.text()
        assert "Pulihkan cadangan terakhir" in window.galat.text()
        # the ways out it names are this window's own, and a workspace's
        assert "menu Berkas › Pulihkan cadangan…" in window.galat.text()
        assert _menu_items(window) == ["Cadangkan ke…", "Pulihkan cadangan…", "Keluar"]
        assert f'kinerja-desktop --db "{kab_file}" pulihkan "' in window.galat.text()
        assert "terima lagi, dengan Terima Paket…, paket yang datang" in window.galat.text()
        # no figures of another period stay on screen, no kecamatan keeps a ✓
        assert window.ringkasan.rowCount() == window.capaian.rowCount() == 0
        assert window.penerimaan.rowCount() == window.kiriman.rowCount() == 0
        names = [window.kecamatan.item(i).text() for i in range(window.kecamatan.count())]
        assert len(names) == 33 and not any("✓" in n for n in names)
        window.kecamatan.setCurrentRow(names.index("    Kepanjen"))  # still answers
        assert window.capaian.rowCount() == 0
        window.grab().save(str(tmp_path / "kabupaten-rusak-1024.png"))

        kab_file.write_bytes(good)  # the operator put the good copy back
        _write_elsewhere(kab_file)
        window.periode_combo.setCurrentIndex(window.periode_combo.findData("2020Q1"))
        assert window.galat.isHidden()
        assert "3 dari 33 kecamatan" in window.ringkasan_label.text()
        names = [window.kecamatan.item(i).text() for i in range(33)]
        window.kecamatan.setCurrentRow(names.index("✓  Kepanjen"))
        assert window.capaian.rowCount() > 0 and window.iki_tree.topLevelItemCount() >= 1
    finally:
        db.close()
        database_proxy.initialize(None)


def test_receiving_goes_on_past_a_package_refused_since_its_check(kab_file, paket, tmp_path):
    from kinerja_desktop.db.kabupaten import receipts
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.exchange.paket_reader import read_paket
    from kinerja_desktop.exchange.paket_receive import check_packages, receive, receive_packages
    from kinerja_desktop.exchange.paket_writer import write_paket

    folder, _, kec = paket
    db = open_database(kec / "Kepanjen.sqlite3")
    write_paket(2020, parse_periode("2020Q1"), tmp_path / "baru", now=datetime(2099, 1, 1))
    db.close()
    db = open_database(kab_file)
    try:
        checked = check_packages(sorted(folder.glob("*.zip")))
        assert [p.keadaan for p in checked] == ["baru"] * 3
        # meanwhile a newer Kepanjen package arrived: the checked one is older now
        receive(read_paket(next((tmp_path / "baru").glob("*.zip"))))
        hasil = receive_packages(checked)
        baris = [p.kalimat for p in hasil.data]
        assert len(baris) == 3 and hasil.perubahan.pesan == "\n".join(baris)
        assert [p.keadaan for p in hasil.data] == ["baru", "ditolak", "baru"]
        assert "Sumberpucung" in baris[0] and "diterima (" in baris[0]
        assert "lebih lama dari paket Kecamatan Kepanjen" in baris[1]
        assert "Pakisaji" in baris[2] and "diterima (" in baris[2]
        assert hasil.perubahan.paket
        assert len(receipts()) == 3
    finally:
        db.close()
        database_proxy.initialize(None)


def test_receiving_into_a_locked_database_says_so_once(kab_file, paket):
    from kinerja_desktop.db.kabupaten import receipts
    from kinerja_desktop.exchange.paket_receive import check_packages, receive_packages

    db = open_database(kab_file)
    other = sqlite3.connect(kab_file, isolation_level=None)
    try:
        checked = check_packages(sorted(paket[0].glob("*.zip")))
        other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
        hasil = receive_packages(checked)
        # the first package waits for the lock and fails; the others are not tried
        assert [p.keadaan for p in hasil.data] == ["gagal"]
        assert f"Basis data {kab_file} sedang dipakai program lain" in hasil.data[0].kalimat
        assert not hasil.perubahan.paket
        other.execute("ROLLBACK")
        assert receipts() == []
    finally:
        other.close()
        db.close()
        database_proxy.initialize(None)


def test_command_line_and_window_receive_alike(capsys, qtbot, kab_file, paket, tmp_path):
    """`kabupaten terima` and the window's Terima Paket take the same path: the same lines,
    the same receipts, the same figures stored."""
    from kinerja_desktop.cli import main
    from kinerja_desktop.db.kabupaten import receipts, rekap
    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.ui.kabupaten_inbox import TerimaDialog
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    folder = paket[0]
    lewat_jendela = tmp_path / "jendela" / "kab.sqlite3"
    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(lewat_jendela), "kabupaten", "baru", "--kode", "35.07"]) == 0
    database_proxy.initialize(None)

    def stored() -> tuple[list[dict], list]:
        tanpa_waktu = [{k: v for k, v in r.items() if k != "waktu_terima"} for r in receipts()]
        r = rekap(2020, parse_periode("2020Q1"))
        angka = [(k.kode, k.sha256, [(b.kode, b.capaian, b.kategori) for b in k.indikator])
                 for k in r.kecamatan]  # fmt: skip
        return tanpa_waktu, angka

    code, out, _ = run(capsys, kab_file, "kabupaten", "terima", "--coba", str(folder))
    assert code == 0 and out.count("diterima (") == out.count("(coba: tidak disimpan)") == 3
    code, out, _ = run(capsys, kab_file, "kabupaten", "daftar")
    assert out.strip() == "Belum ada paket yang diterima."
    code, out, _ = run(capsys, kab_file, "kabupaten", "terima", str(folder))
    assert code == 0
    db = open_database(kab_file)
    try:
        lewat_cli = stored()
    finally:
        db.close()
        database_proxy.initialize(None)

    db = open_database(lewat_jendela)
    try:
        window = KabupatenWindow(lewat_jendela)
        qtbot.addWidget(window)
        dialog = TerimaDialog(window)
        qtbot.addWidget(dialog)
        dialog.check(sorted(folder.glob("*.zip")))
        qtbot.waitUntil(lambda: dialog.terima.isEnabled(), timeout=20000)
        with qtbot.waitSignal(dialog.received, timeout=20000):
            dialog.apply()
        assert dialog.keterangan.text().splitlines() == out.splitlines()
        assert len(lewat_cli[0]) == 3 and stored() == lewat_cli
        dialog.close()
    finally:
        db.close()
        database_proxy.initialize(None)


def test_window_opened_on_a_damaged_workspace_says_so(qtbot, kab_file, tmp_path):
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    db = open_database(kab_file)
    try:
        good = _damage(kab_file)
        window = KabupatenWindow(kab_file)  # no traceback: the Indonesian message
        qtbot.addWidget(window)
        window.resize(1024, 768)
        assert not window.galat.isHidden()
        assert f"Berkas {kab_file} rusak atau bukan basis data" in window.galat.text()
        assert "menu Berkas › Pulihkan cadangan…" in window.galat.text()
        assert f'kinerja-desktop --db "{kab_file}" pulihkan "' in window.galat.text()
        assert window.kecamatan.count() == window.ringkasan.rowCount() == 0
        window.grab().save(str(tmp_path / "kabupaten-rusak-dibuka-1024.png"))

        kab_file.write_bytes(good)  # the operator put the good copy back
        _write_elsewhere(kab_file)
        window.periode_combo.setCurrentIndex(1)  # choosing again reads again
        assert window.galat.isHidden()
        assert window.windowTitle() == "Kinerja Desktop — Ruang Kerja Kabupaten Malang"
        assert window.kecamatan.count() == 33
        assert "0 dari 33 kecamatan" in window.ringkasan_label.text()
    finally:
        db.close()
        database_proxy.initialize(None)


def test_cli_on_a_damaged_workspace_names_the_window_s_restore_and_the_exact_command(
    capsys, kab_file
):
    from kinerja_desktop.db.backup import latest_backup

    assert run(capsys, kab_file, "kabupaten", "daftar")[0] == 0  # the day's backup
    latest = latest_backup(kab_file)
    _damage(kab_file)
    code, _, err = run(capsys, kab_file, "kabupaten", "daftar")
    assert code == 1 and f"Berkas {kab_file} rusak atau bukan basis data" in err
    # the kabupaten window has that item too, and the command names this workspace
    assert "menu Berkas › Pulihkan cadangan…" in err
    assert f'kinerja-desktop --db "{kab_file}" pulihkan "{latest.path}"' in err
    assert "terima lagi, dengan Terima Paket…, paket yang datang sesudah cadangan itu" in err


def _answer_modals(handle) -> None:
    """Hand every modal dialog that opens to ``handle(dialog)``, as an operator reads and
    clicks, until it returns True (the last one)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and handle(dialog):
            return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own note
def test_window_restores_a_damaged_workspace_from_its_berkas_menu(
    qtbot, kab_file, paket, tmp_path
):
    """The operator sees the red line, opens Berkas › Pulihkan cadangan…, picks the backup
    taken after the packages came, confirms, and the window shows them again."""
    from PySide6.QtWidgets import QMessageBox

    from kinerja_desktop.cli import main
    from kinerja_desktop.db.backup import backup_dir, make_backup
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow
    from kinerja_desktop.ui.pilih_cadangan import PilihCadanganDialog

    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(kab_file), "kabupaten", "terima", str(paket[0])]) == 0
    database_proxy.initialize(None)
    cadangan = make_backup(kab_file, "sebelum-impor")  # the three packages are in it
    open_database(kab_file)
    try:
        window = KabupatenWindow(kab_file)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        assert "3 dari 33 kecamatan" in window.ringkasan_label.text()
        _damage(kab_file)
        rusak = kab_file.read_bytes()
        window.periode_combo.setCurrentIndex(window.periode_combo.findData("2020Q2"))
        assert "menu Berkas › Pulihkan cadangan…" in window.galat.text()
        window.menu_berkas.grab().save(str(tmp_path / "kabupaten-menu-berkas.png"))

        seen: dict[str, object] = {}

        def handle(dialog) -> bool:
            if isinstance(dialog, PilihCadanganDialog):
                dialog.grab().save(str(tmp_path / "kabupaten-pilih-cadangan.png"))
                tabel = dialog.tabel
                paths = [tabel.item(r, 0).toolTip() for r in range(tabel.rowCount())]
                seen["pilihan"] = [tabel.item(r, 2).text() for r in range(tabel.rowCount())]
                tabel.selectRow(paths.index(str(cadangan)))
                dialog.tombol_lanjut.click()
                return False
            if isinstance(dialog, QMessageBox):
                dialog.grab().save(str(tmp_path / "kabupaten-pulihkan-tanya.png"))
                seen["tanya"] = dialog.informativeText()
                (ya,) = [b for b in dialog.buttons() if b.text() == "Pulihkan"]
                ya.click()
                return True
            return False

        _answer_modals(handle)
        (pulihkan,) = [a for a in window.menu_berkas.actions() if "Pulihkan" in a.text()]
        pulihkan.trigger()
        assert set(seen["pilihan"]) == {"kab.sqlite3"}  # this workspace's backups only
        assert f"Berkas: {cadangan.name}" in str(seen["tanya"])
        assert "akan hilang dari basis data kab.sqlite3" in str(seen["tanya"])
        assert window.galat.isHidden()
        assert window.windowTitle() == "Kinerja Desktop — Ruang Kerja Kabupaten Malang"
        assert "3 dari 33 kecamatan" in window.ringkasan_label.text()
        assert window.periode_combo.currentData() == "2020Q1"
        assert window.penerimaan.rowCount() == 3
        assert f"Data dipulihkan dari {cadangan.name}" in window.statusBar().currentMessage()
        qtbot.wait(50)  # the layout follows the red line gone, as on the operator's screen
        window.grab().save(str(tmp_path / "kabupaten-sesudah-pulihkan-1024.png"))
        (kept,) = backup_dir(kab_file).glob("*.rusak")
        assert kept.read_bytes() == rusak  # the damaged file is kept as it was
        window.close()
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own note
def test_window_backs_the_workspace_up_to_a_folder_on_its_runner(qtbot, kab_file, tmp_path):
    """Berkas › Cadangkan ke… of the kabupaten window (the folder given, as chosen): the zip
    holds the workspace, and the window's runner wrote it."""
    from kinerja_desktop.ui.backup_dialogs import backup_to_folder
    from kinerja_desktop.ui.kabupaten_window import KabupatenWindow

    open_database(kab_file)
    try:
        window = KabupatenWindow(kab_file)
        qtbot.addWidget(window)
        assert _menu_items(window)[0] == "Cadangkan ke…"
        seen: dict[str, str] = {}

        def handle(dialog) -> bool:
            seen["pesan"] = dialog.text()
            dialog.accept()
            return True

        _answer_modals(handle)
        selesai: list = []
        usb = tmp_path / "flashdisk"
        assert backup_to_folder(window, window.db_path, window.tasks, usb, selesai.append)
        qtbot.waitUntil(lambda: bool(selesai), timeout=20000)
        (arsip,) = usb.glob("*.zip")
        assert selesai == [arsip] and str(arsip) in seen["pesan"]
        with zipfile.ZipFile(arsip) as zf, zf.open("kinerja.sqlite3") as isi:
            (tmp_path / "isi.sqlite3").write_bytes(isi.read())
        with sqlite3.connect(tmp_path / "isi.sqlite3") as raw:
            assert raw.execute("SELECT count(*) FROM kabupaten_kecamatan").fetchone() == (33,)
        window.close()
    finally:
        database_proxy.obj.close()
        database_proxy.initialize(None)


def test_workspace_messages_name_commands_for_this_workspace(capsys, tmp_path, paket, db_path):
    """A workspace away from the default database, in folders with spaces: the command its
    creation prints and the one an older package's refusal names, typed as shown, act on it."""
    folder, _, kec = paket
    default_before = db_path.read_bytes()
    ruang = tmp_path / "Data Kabupaten" / "ruang kerja.sqlite3"
    code, out, err = run(capsys, ruang, "kabupaten", "baru", "--kode", "35.07")
    assert code == 0, err
    assert f'--db "{ruang}" kabupaten terima FOLDER' in out
    done = follow(out, ganti={"FOLDER": f'"{folder}"'})
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("diterima") >= 3

    from kinerja_desktop.domain.periode import parse_periode
    from kinerja_desktop.exchange.paket_writer import write_paket

    db = open_database(kec / "Kepanjen.sqlite3")
    lama = write_paket(2020, parse_periode("2020Q1"), tmp_path / "paket lama",
                       now=datetime(2000, 1, 1)).path  # fmt: skip
    db.close()
    database_proxy.initialize(None)
    code, out, _ = run(capsys, ruang, "kabupaten", "terima", str(lama))
    assert code == 1 and "lebih lama dari paket Kecamatan Kepanjen" in out
    assert f'--db "{ruang}" kabupaten terima "{lama}" --paksa.' in out
    done = follow(out)
    assert done.returncode == 0, done.stderr
    assert "menggantikan" in done.stdout
    with sqlite3.connect(ruang) as raw:
        assert raw.execute("SELECT count(*) FROM paket WHERE berlaku").fetchone() == (3,)
    assert db_path.read_bytes() == default_before
