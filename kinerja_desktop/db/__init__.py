"""Storage: peewee models, the connection, schema versions, built-in data and operations."""

from kinerja_desktop.db.driver_server import import_peewee

import_peewee()  # before any module here imports peewee: see driver_server
