"""Printed and spreadsheet reports: data built once from the database, then rendered by plain
functions to PDF (reportlab) and XLSX (openpyxl). No Qt here.

Entry point for callers (CLI, dialogs): :func:`kinerja_desktop.reports.iki.export_iki`.
"""
