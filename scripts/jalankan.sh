#!/usr/bin/env bash
# Memasang Kinerja Desktop ke .venv lalu membuka aplikasi (pertama kali: pilih kecamatan).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/sistem.sh
python3 -m venv .venv
.venv/bin/pip install -q .
exec .venv/bin/kinerja-desktop "$@"
