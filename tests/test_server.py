"""A database on a PostgreSQL server: the address is read or refused, an empty database is set
up on first use exactly as a new file is, and the schema version works the same way."""

import pytest
from conftest import drop_server_database, new_server_database

from kinerja_desktop.db.connection import open_database
from kinerja_desktop.db.location import AlamatTidakDikenal, ServerAddress, parse_location
from kinerja_desktop.db.models import database_proxy
from kinerja_desktop.db.queries import statistics
from kinerja_desktop.db.schema import SCHEMA_VERSION, schema_version
from kinerja_desktop.errors import BasisDataBermasalah


def test_server_address_is_read_and_never_shows_the_password():
    address = parse_location("postgresql://kab:r%40hasia@10.0.0.5:5433/kabupaten_malang")
    assert isinstance(address, ServerAddress)
    assert (address.user, address.host, address.port, address.name) == (
        "kab",
        "10.0.0.5",
        5433,
        "kabupaten_malang",
    )
    assert str(address) == "postgresql://kab@10.0.0.5:5433/kabupaten_malang"
    assert "hasia" not in str(address)


@pytest.mark.parametrize(
    "value",
    ["kinerja.sqlite3", "C:\\Data\\kinerja.sqlite3", "C:/Data/kinerja.sqlite3", "./a:b.sqlite3"],
)
def test_file_names_stay_file_names(value):
    assert str(parse_location(value)) == str(__import__("pathlib").Path(value))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("postgresq://u@h/db", "Mungkin maksudnya postgresql://"),
        ("mysql://u@h/db", "bukan alamat basis data yang dikenal"),
        ("http://server/kinerja", "bukan alamat basis data yang dikenal"),
        ("postgresql://u@h", "tidak menyebut satu nama basis data"),
        ("postgresql://u@h:port/db", "tidak dapat dibaca"),
    ],
)
def test_an_address_that_cannot_be_opened_is_refused_never_a_file(
    value, expected, tmp_path, monkeypatch
):
    from kinerja_desktop.cli import main

    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    with pytest.raises(AlamatTidakDikenal, match=expected):
        parse_location(value)
    assert main(["--db", value, "stats"]) == 1
    monkeypatch.setenv("KINERJA_DB", value)
    assert main(["stats"]) == 1
    assert list(work.iterdir()) == [], "an address was taken as a file name"


def test_missing_driver_is_refused_with_the_way_to_install_it(monkeypatch, tmp_path):
    import kinerja_desktop.db.location as location

    monkeypatch.setattr(location, "_driver_installed", lambda: False)
    with pytest.raises(AlamatTidakDikenal, match='pip install "psycopg'):
        parse_location("postgresql://kab@server/kinerja")


def test_empty_server_database_is_set_up_like_a_new_file(pg_server, db_path):
    name = new_server_database(pg_server)
    try:
        server_db = open_database(pg_server.url(name))
        assert schema_version(server_db) == SCHEMA_VERSION
        on_server = statistics()
        server_db.close()
        open_database(pg_server.url(name)).close()  # the second start sets up nothing more
        file_db = open_database(db_path)
        assert statistics() == on_server
        file_db.close()
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, name)


def test_server_database_of_another_program_is_refused_untouched(pg_server):
    import psycopg

    name = new_server_database(pg_server)
    try:
        with psycopg.connect(pg_server.url(name), autocommit=True) as raw:
            raw.execute("CREATE TABLE catatan (x integer)")
            raw.execute("INSERT INTO catatan VALUES (1)")
        with pytest.raises(BasisDataBermasalah, match="bukan basis data Kinerja Desktop"):
            open_database(pg_server.url(name))
        with psycopg.connect(pg_server.url(name)) as raw:
            tables = raw.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public'"
            ).fetchall()
            assert tables == [("catatan",)]
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, name)


def test_server_database_from_a_newer_version_is_refused_untouched(pg_server):
    import psycopg

    name = new_server_database(pg_server)
    try:
        open_database(pg_server.url(name)).close()
        with psycopg.connect(pg_server.url(name), autocommit=True) as raw:
            raw.execute('UPDATE "kinerja_skema" SET "versi" = %s', (SCHEMA_VERSION + 1,))
        with pytest.raises(BasisDataBermasalah, match="versi yang lebih baru"):
            open_database(pg_server.url(name))
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, name)


@pytest.fixture
def server_db(pg_copy):
    """The built-in database on the test server, opened (set up before ``qtbot``, so that
    it stays open until the windows are gone)."""
    pg_copy.reset()
    database = open_database(pg_copy.url)
    yield pg_copy
    database.close()
    database_proxy.initialize(None)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own remark
def test_window_opens_on_a_server_database_without_the_one_window_lock(
    server_db, qtbot, tmp_path
):
    from kinerja_desktop.instance import LOCK_SUFFIX
    from kinerja_desktop.ui.about_dialog import AboutDialog
    from kinerja_desktop.ui.app import create_app
    from kinerja_desktop.ui.main_window import MainWindow

    create_app()
    window = MainWindow(server_db.url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.db_label.text() == f"Basis data: {server_db.name} di server 127.0.0.1"
    about = AboutDialog(window, window.db_path)
    qtbot.addWidget(about)
    shown = about.rows["Basis data"].text()
    assert shown.startswith("postgresql://kinerja_uji@127.0.0.1:") and "sandi" not in shown
    assert not list(tmp_path.rglob(f"*{LOCK_SUFFIX}"))
    window.tasks.wait()


def test_a_new_office_and_a_kabupaten_workspace_on_a_server(pg_server, capsys):
    from kinerja_desktop.cli import main

    kantor, kabupaten = new_server_database(pg_server), new_server_database(pg_server)
    try:
        kantor_url, kabupaten_url = pg_server.url(kantor), pg_server.url(kabupaten)
        assert main(["--db", kantor_url, "kantor", "baru", "--kode", "35.07.12"]) == 0
        database_proxy.initialize(None)
        assert main(["--db", kantor_url, "stats", "--json"]) == 0
        assert '"desa": ' in capsys.readouterr().out
        # the server database is not empty any more: never set up again over its data
        assert main(["--db", kantor_url, "kantor", "baru", "--kode", "35.07.13"]) == 1
        assert "sudah ada" in capsys.readouterr().err
        assert main(["--db", kabupaten_url, "kabupaten", "baru", "--kode", "35.07"]) == 0
        database_proxy.initialize(None)
        assert main(["--db", kabupaten_url, "kabupaten", "daftar"]) == 0
        assert "Kepanjen" in capsys.readouterr().out
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, kantor)
        drop_server_database(pg_server, kabupaten)


def _every_table(raw_rows) -> dict[str, list[tuple]]:
    from kinerja_desktop.db.kabupaten_models import KABUPATEN_MODELS
    from kinerja_desktop.db.models import ALL_MODELS

    tables = [m._meta.table_name for m in ALL_MODELS + KABUPATEN_MODELS]
    found = {t: raw_rows(f'SELECT * FROM "{t}" ORDER BY 1') for t in tables}
    # a restore writes its own entry in the audit log (and so moves the chain's head): the
    # data compared is everything else
    found["audit_log"] = [r for r in found["audit_log"] if r[3] != "pulih_cadangan"]
    found.pop("audit_kepala")
    return found


def test_data_moves_from_a_file_to_a_server_and_back_with_nothing_lost(
    pg_server, db_path, tmp_path, capsys
):
    import sqlite3

    import psycopg

    from kinerja_desktop.cli import main

    def cli(*args) -> int:
        code = main([str(a) for a in args])
        database_proxy.initialize(None)
        return code

    values = tmp_path / "nilai.csv"
    values.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,2020,,target,8,,\n"
        "SEKCAM.02,202001,,realisasi,,45,50\n"
        "KASI-KESOS.01,202001,35.07.13.2001,realisasi,4,,\n",
        encoding="utf-8",
    )
    assert cli("--db", db_path, "nilai", "impor", values) == 0
    assert cli("--db", db_path, "tahun", "salin", "--dari", 2020, "--ke", 2021) == 0
    assert cli("--db", db_path, "pita", "--batas-atas", "120") == 0
    ke_server, ke_berkas = tmp_path / "usb1", tmp_path / "usb2"
    ke_server.mkdir()
    ke_berkas.mkdir()
    assert cli("--db", db_path, "cadangan", "--out", ke_server) == 0
    [arsip] = ke_server.glob("*.zip")

    name = new_server_database(pg_server)
    url = pg_server.url(name)
    try:
        assert cli("--db", url, "pulihkan", arsip, "--ya") == 0
        out = capsys.readouterr().out
        assert "Data dipulihkan" in out and "sandi" not in out
        with sqlite3.connect(db_path) as raw:
            in_file = _every_table(lambda sql: raw.execute(sql).fetchall())
        with psycopg.connect(url) as raw:
            on_server = _every_table(lambda sql: [tuple(r) for r in raw.execute(sql)])
        assert sum(len(rows) for rows in in_file.values()) > 600
        assert on_server == in_file

        assert cli("--db", url, "cadangan", "--out", ke_berkas) == 0
        [arsip] = ke_berkas.glob("*.zip")
        back = tmp_path / "kembali" / "kinerja.sqlite3"
        assert cli("--db", back, "pulihkan", arsip, "--ya") == 0
        with sqlite3.connect(back) as raw:
            assert _every_table(lambda sql: raw.execute(sql).fetchall()) == in_file

        # the server goes on: new rows get new ids after the restored ones
        assert cli("--db", url, "tahun", "salin", "--dari", 2020, "--ke", 2022) == 0
    finally:
        database_proxy.initialize(None)
        drop_server_database(pg_server, name)


def test_both_engines_give_the_same_outputs(pg_copy, db_path, tmp_path, capsys):
    """The same inputs into a file and into a server database: every output is the same
    (counts, indicator list, capaian, completeness, the values CSV, both reports' data)."""
    from desa_bantuan import KEMIRI, isi, templat
    from openpyxl import load_workbook

    from kinerja_desktop.cli import main

    pg_copy.reset()
    values = tmp_path / "nilai.csv"
    values.write_text(
        "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
        "KASUBAG-UMUM.02,2020,,target,8,,\n"
        "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
        "SEKCAM.02,2020,,target,90-100,,\n"
        "SEKCAM.02,202001,,realisasi,,45,50\n"
        "KASI-KESOS.01,2020,,target,36,,\n"
        "KASI-KESOS.01,202002,35.07.13.2002,realisasi,5,,\n",
        encoding="utf-8",
    )
    database_proxy.initialize(None)
    open_database(db_path)
    workbook = isi(templat(tmp_path / "desa", desa=KEMIRI), {(0, 0): 3, (1, 1): 2})
    database_proxy.obj.close()
    database_proxy.initialize(None)

    def outputs(target: str, folder) -> dict[str, object]:
        folder.mkdir()

        def run(*args) -> str:
            code = main(["--db", target, *map(str, args)])
            out, err = capsys.readouterr()
            assert code == 0, err
            return out

        run("nilai", "impor", values)
        run("impor", "desa", workbook)
        run("tahun", "salin", "--dari", 2020, "--ke", 2021)
        hasil: dict[str, object] = {
            "stats": run("stats", "--json"),
            "indikator": run("indikator", "--tahun", 2021, "--json"),
            "capaian": run("capaian", "--tahun", 2020, "--periode", "2020Q1", "--json"),
            "kelengkapan": run("kelengkapan", "--tahun", 2020, "--json"),
        }
        run("nilai", "ekspor", "--tahun", 2020, "--out", folder / "nilai.csv")
        hasil["ekspor"] = (folder / "nilai.csv").read_text(encoding="utf-8")
        run("report", "iki", "--tahun", 2021, "--out", folder / "iki.xlsx")
        args = ("--tahun", 2020, "--periode", "2020Q1", "--out", folder / "capaian.xlsx")
        run("report", "capaian", *args)
        for laporan in ("iki.xlsx", "capaian.xlsx"):
            wb = load_workbook(folder / laporan)
            hasil[laporan] = [[c.value for c in row] for ws in wb for row in ws.iter_rows()]
        run("impor", "batal", 2)  # the desa import undone on both
        hasil["setelah batal"] = run("capaian", "--tahun", 2020, "--periode", "2020Q1", "--json")
        database_proxy.initialize(None)
        return hasil

    in_file = outputs(str(db_path), tmp_path / "berkas")
    on_server = outputs(pg_copy.url, tmp_path / "server")
    for key, value in in_file.items():
        assert on_server[key] == value, key


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_window_backup_and_restore_on_a_server(server_db, qtbot, tmp_path):
    """Berkas › Cadangkan ke… and Pulihkan cadangan… with the window on a server database."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kinerja_desktop.db.queries import years
    from kinerja_desktop.db.years import copy_year
    from kinerja_desktop.ui.backup_dialogs import backup_to_folder, restore_from_file
    from kinerja_desktop.ui.tasks import TaskRunner

    said: list[str] = []

    def read_and_close() -> None:  # the operator reads "Cadangan ditulis" and clicks OK
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            said.append(box.text())
            box.accept()

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    address = parse_location(server_db.url)
    usb = tmp_path / "usb"
    usb.mkdir()
    runner = TaskRunner()
    finished: list = []
    assert backup_to_folder(None, address, runner, folder=usb, on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    [zip_path] = usb.iterdir()
    assert finished == [zip_path]
    timer.stop()
    assert said and said[0].startswith("Cadangan ditulis ke:")

    copy_year(2020, 2021)
    perubahan = restore_from_file(None, address, runner, source=zip_path, confirm=lambda a: True)
    assert perubahan is not None and f"Data dipulihkan dari {zip_path.name}" in perubahan.pesan
    assert years() == [2020] and statistics().jabatan == 22
