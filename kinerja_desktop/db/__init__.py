"""Storage: peewee models, the connection, schema versions, built-in data and operations."""
