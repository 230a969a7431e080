"""A server that cannot be used says why, in Indonesian, and loses nothing already saved:
refused connection, wrong password, missing database, a connection dropped in the middle of an
import, a server full of connections."""

import socket
import threading
import time

import psycopg
import pytest
from conftest import drop_server_database, new_server_database
from mesin import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy

GOOD = (
    "kode_indikator,periode,kode_desa,jenis,nilai,pembilang,penyebut\n"
    "KASUBAG-UMUM.02,2020,,target,8,,\n"
    "KASUBAG-UMUM.02,202001,,realisasi,3,,\n"
)


def _run(capsys, *args):
    code = main([str(a) for a in args])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    return code, out, err


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_server_that_does_not_answer(capsys):
    url = f"postgresql://kinerja:sandi@127.0.0.1:{_unused_port()}/kinerja"
    code, _, err = _run(capsys, "--db", url, "stats")
    assert code == 1
    assert "Server basis data 127.0.0.1 (port" in err and "tidak dapat dihubungi" in err
    assert "Traceback" not in err and "sandi" not in err.replace("sandinya", "")


def test_a_wrong_password_and_a_missing_database(pg_server, capsys):
    code, _, err = _run(capsys, "--db", pg_server.url("postgres", password="salah"), "stats")
    assert code == 1 and "nama pengguna atau sandinya salah" in err and "salah@" not in err
    code, _, err = _run(capsys, "--db", pg_server.url("belum_dibuat"), "stats")
    assert code == 1 and "Basis data \u201cbelum_dibuat\u201d belum ada di server" in err


def test_a_server_full_of_connections(pg_server, capsys):
    name = new_server_database(pg_server)
    with pg_server.admin() as admin:
        admin.execute("CREATE ROLE operator_uji LOGIN PASSWORD 'rahasia' CONNECTION LIMIT 1")
        admin.execute(f'ALTER DATABASE "{name}" OWNER TO operator_uji')
    url = pg_server.url(name, user="operator_uji", password="rahasia")
    try:
        with psycopg.connect(url):  # the only connection this user may have
            code, _, err = _run(capsys, "--db", url, "stats")
        assert code == 1 and "sedang penuh" in err and "Tutup Kinerja Desktop" in err
    finally:
        drop_server_database(pg_server, name)
        with pg_server.admin() as admin:
            admin.execute("DROP ROLE operator_uji")


@pytest.mark.hanya_server
def test_connection_dropped_in_the_middle_of_an_import(db, db_url, engine, tmp_path, capsys):
    first = tmp_path / "pertama.csv"
    first.write_text(GOOD, encoding="utf-8")
    assert _run(capsys, "nilai", "impor", first)[0] == 0
    saved = select(db_url, "SELECT count(*) FROM nilai_realisasi")

    # the second import is slow on purpose (a server-side pause per value), and the server
    # ends its connection while it writes
    with psycopg.connect(db_url, autocommit=True) as raw:
        raw.execute(
            "CREATE FUNCTION pelan() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$"
        )
        raw.execute(
            'CREATE TRIGGER pelan BEFORE INSERT ON "nilai_realisasi" '
            "FOR EACH ROW EXECUTE FUNCTION pelan()"
        )
    second = tmp_path / "kedua.csv"
    second.write_text(
        GOOD.splitlines()[0]
        + "\n"
        + "".join(f"KASUBAG-UMUM.02,2020{m:02d},,realisasi,{m},,\n" for m in range(2, 13)),
        encoding="utf-8",
    )

    def cut() -> None:
        with psycopg.connect(db_url, autocommit=True) as admin:
            for _ in range(200):
                ended = admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event = 'PgSleep'"
                ).fetchall()
                if ended:
                    return
                time.sleep(0.05)

    cutter = threading.Thread(target=cut)
    cutter.start()
    code, _, err = _run(capsys, "nilai", "impor", second)
    cutter.join(20)
    assert code == 1
    assert "Sambungan ke server basis data 127.0.0.1 terputus" in err
    assert "tidak disimpan sama sekali" in err and "tidak hilang" in err
    # the first import is all there; of the second, nothing, not even its log entry
    assert select(db_url, "SELECT count(*) FROM nilai_realisasi") == saved
    assert select(db_url, "SELECT count(*) FROM impor_batch") == [(1,)]


@pytest.mark.hanya_server
def test_the_window_goes_on_after_the_connection_came_back(db, db_url, engine):
    """The window's edits after a dropped connection: explained, then the next one works."""
    from kinerja_desktop.db.connection import explain_bound_failure
    from kinerja_desktop.db.models import Indikator
    from kinerja_desktop.db.ops_nilai import KunciNilai, NilaiMasuk, read_row, set_values
    from kinerja_desktop.domain.capaian import Target

    ind = Indikator.get(Indikator.tahun == 2020, Indikator.kode == "KASUBAG-UMUM.02").id
    [(pid,)] = database_proxy.execute_sql("SELECT pg_backend_pid()").fetchall()
    with psycopg.connect(db_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(Exception) as dropped:
        set_values([NilaiMasuk(KunciNilai("target", ind, "2020"), target=Target(8))])
    explained = explain_bound_failure(dropped.value)
    assert explained is not None and "terputus" in explained.pesan
    set_values([NilaiMasuk(KunciNilai("target", ind, "2020"), target=Target(8))])
    assert read_row(KunciNilai("target", ind, "2020"))["nilai"] == 8
