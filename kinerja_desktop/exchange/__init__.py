"""Exchanging data with files: desa templates out, checked desa workbooks in.

The flow for a workbook coming back from a desa is guard -> read -> identify -> validate ->
preview -> apply -> batch log; every refusal is a :class:`~.refusal.BerkasDitolak` naming the
file and what the operator can do about it.
"""
