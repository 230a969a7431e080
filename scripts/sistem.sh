# Paket sistem yang diperlukan Qt (dan pdftoppm/pdftotext untuk uji laporan) di Debian/Ubuntu.
# Dipanggil oleh jalankan.sh dan uji.sh; di sistem lain langkah ini dilewati.
PAKET_SISTEM="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 poppler-utils"
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
