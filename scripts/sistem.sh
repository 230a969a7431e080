# Paket sistem: python3-venv (membuat .venv), yang diperlukan Qt (libcups2: daftar printer
# jendela Cetak), pdftoppm/pdftotext
# serta LibreOffice Calc untuk uji laporan dan buku kerja, serta server PostgreSQL yang
# dijalankan sendiri oleh uji, di Debian/Ubuntu.
# Dipanggil oleh jalankan.sh dan uji.sh; di sistem lain langkah ini dilewati.
# Jendela Qt 6.5+ di X11 (plugin xcb) memerlukan libxcb-cursor0 dan pustaka xcb lain yang tidak
# selalu terpasang di desktop Debian/Ubuntu.
PAKET_SISTEM="python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 poppler-utils
  libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libcups2 libreoffice-calc postgresql"
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  if ! dpkg -s $PAKET_SISTEM >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" = "0" ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PAKET_SISTEM >/dev/null
  fi
fi
