#!/usr/bin/env bash
# Memasang keperluan pengujian ke .venv lalu menjalankan pemeriksaan gaya, pemeriksaan tipe
# (mypy) dan semua uji.
# Uji berjalan di semua inti prosesor sekaligus (pytest-xdist, `-n auto`).
# Argumen tambahan diteruskan ke pytest, mis. `bash scripts/uji.sh -m "not build"`, atau
# `-n 0` agar semua uji berjalan dalam satu proses.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/sistem.sh
python3 -m venv .venv
.venv/bin/pip install -q -e ".[test]"
.venv/bin/ruff check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -n auto --dist worksteal "$@"
