"""Every file of the attack corpus (tests/attack_corpus.py) is refused through its door with
the expected Indonesian words, never a traceback, and leaves the database byte-for-byte as it
was."""

import hashlib
from pathlib import Path

import pytest
from attack_corpus import ATTACKS, DOORS, Attack

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import database_proxy


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_is_refused_and_changes_nothing(attack: Attack, db, db_path, tmp_path, capsys):
    folder = tmp_path / "serangan"
    folder.mkdir()
    path = attack.build(folder)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    database_proxy.initialize(None)
    sebelum = _sidik(db_path)
    code = main(["--db", str(db_path), *DOORS[attack.door](path)])
    database_proxy.initialize(None)
    out, err = capsys.readouterr()
    keluaran = " ".join((out + err).split())
    assert code == 1, keluaran
    assert attack.refusal.lower() in keluaran.lower(), keluaran
    assert "Traceback" not in keluaran and "\x1b" not in keluaran
    assert _sidik(db_path) == sebelum
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
