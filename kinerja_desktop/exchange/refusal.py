"""The refusal of one file, with the file's name and an Indonesian reason."""

from pathlib import Path

from kinerja_desktop.errors import DataTidakValid


class BerkasDitolak(DataTidakValid):
    """A file that cannot be imported; ``pesan`` names the file and says what to do."""

    def __init__(self, berkas: Path | str, alasan: str) -> None:
        self.berkas = Path(berkas)
        self.alasan = alasan
        super().__init__(f"Berkas {self.berkas.name} ditolak: {alasan}")
