"""Test helpers whose SQL must differ between the two engines (SQLite and PostgreSQL)."""

import peewee

from kinerja_desktop.db.models import database_proxy


def fail_inserts(table: str, when: str, message: str) -> None:
    """Make every INSERT into ``table`` whose new row matches ``when`` (SQL on ``NEW``) fail
    with ``message``: a failure in the middle of an operation, for all-or-nothing tests."""
    if isinstance(database_proxy.obj, peewee.PostgresqlDatabase):
        database_proxy.execute_sql(
            "CREATE FUNCTION gagal() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN IF {when} THEN RAISE EXCEPTION '{message}'; END IF; RETURN NEW; END $$"
        )
        database_proxy.execute_sql(
            f'CREATE TRIGGER gagal BEFORE INSERT ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION gagal()"
        )
        return
    database_proxy.execute_sql(
        f'CREATE TRIGGER gagal BEFORE INSERT ON "{table}" WHEN {when} '
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def select(db_url: str, sql: str) -> list[tuple]:
    """Rows of ``sql`` read straight from the database at ``db_url`` (a file or a server),
    on a connection of its own, as another program would see them."""
    if db_url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db_url) as raw:
            return [tuple(r) for r in raw.execute(sql).fetchall()]
    import sqlite3

    with sqlite3.connect(db_url) as raw:
        return raw.execute(sql).fetchall()
