"""The copy of an imported file kept in the database's own folder, under ``impor``.

Every import that changes values (a desa workbook, a values CSV) keeps the original bytes, so
the import log can name the very file a value came from and backups (db/archive.py) carry it.
A copy is named ``<time>_<first 12 hex of SHA-256>_<file name>``; the same bytes are kept once.
"""

import contextlib
import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from kinerja_desktop.db.backup import bound_local_path
from kinerja_desktop.db.models import ImporBatch
from kinerja_desktop.fileio import atomic_write, explain_os_error
from kinerja_desktop.paths import files_dir

FOLDER_IMPOR = "impor"

T = TypeVar("T")


def _folder_berkas() -> Path:
    """The own folder of the bound database (paths.files_dir); a server database's is the
    folder named for it in this PC's data folder, never the default database's."""
    return files_dir(bound_local_path())


def keep_copy(nama: str, sha256: str, isi: bytes) -> Path:
    """Keep ``isi`` (the file ``nama``) in the bound database's import folder; return the
    kept file."""
    folder = _folder_berkas() / FOLDER_IMPOR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain_os_error(exc, folder / nama) from exc
    for ada in sorted(folder.glob(f"*_{sha256[:12]}_*")):
        # never a hidden temporary file a killed import left (it may be empty or half
        # written): only a kept copy holding the very same bytes
        if not ada.name.startswith(".") and _has_sha256(ada, sha256):
            return ada
    waktu = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{waktu}_{sha256[:12]}_{nama}"
    return atomic_write(target, lambda tmp: tmp.write_bytes(isi))


def _has_sha256(path: Path, sha256: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def relatif(salinan: Path) -> str:
    """The kept file's path as ``ImporBatch.berkas_simpan`` stores it (relative, posix)."""
    return salinan.relative_to(_folder_berkas()).as_posix()


def dengan_salinan(nama: str, sha256: str, isi: bytes, tulis: Callable[[str], T]) -> T:
    """Keep a copy of the file, then run ``tulis(berkas_simpan)`` (the import's transaction).

    When ``tulis`` fails, a copy no batch refers to is removed again: the copy belongs to a
    batch that does not exist, and an orphan would only confuse whoever reads the folder.
    """
    salinan = keep_copy(nama, sha256, isi)
    simpan = relatif(salinan)
    try:
        return tulis(simpan)
    except BaseException:
        if not ImporBatch.select().where(ImporBatch.berkas_simpan == simpan).exists():
            with contextlib.suppress(OSError):
                salinan.unlink()
        raise
