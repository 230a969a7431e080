"""Helpers shared by the command modules."""

import argparse
import json
from typing import Any

from kinerja_desktop.domain.batas import tanpa_takhingga


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (valid JSON: infinity or NaN becomes null)."""
    print(json.dumps(tanpa_takhingga(data), ensure_ascii=False, indent=2, allow_nan=False))


def open_db(args: argparse.Namespace) -> None:
    """Open the database chosen by ``--db``/``KINERJA_DB`` and bind the models to it."""
    from kinerja_desktop.db.connection import open_database

    open_database(args.db)
