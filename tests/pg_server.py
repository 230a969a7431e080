"""A throw-away PostgreSQL server for the tests and benchmarks: initdb and pg_ctl in a
temporary folder, on a free local port, gone when stopped. No pre-existing server, password
or port is assumed; the binaries come from Debian's ``postgresql`` package
(``scripts/sistem.sh`` installs it).

Host connections need the password (so a wrong one can be tested); the server runs without
fsync, as nothing of it outlives the run.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "kinerja_uji"
PASSWORD = "sandi-uji"
INSTALL_HINT = (
    "Server PostgreSQL tidak terpasang, jadi uji PostgreSQL dilewati. Pasang dengan: "
    "sudo apt-get install postgresql (atau jalankan bash scripts/sistem.sh)."
)


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl (newest Debian version first), or None."""
    override = os.environ.get("KINERJA_PG_BIN")
    candidates = [override] if override else []
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ThrowawayServer:
    """One PostgreSQL server in its own temporary folder; :meth:`stop` removes everything."""

    def __init__(self, bin_dir: Path, small_disk_mb: int | None = None) -> None:
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
        self.data = self.folder / "data"
        # small_disk_mb: the server sees a tmpfs of that size at ``small_disk`` (mounted in
        # a mount namespace of its own, so only the server and nsenter see it), for a
        # tablespace that fills up; needs root
        self.small_disk_mb = small_disk_mb
        self.small_disk = self.folder / "disk-kecil"
        self.port = _free_port()
        # initdb and the server refuse to run as root: then they run as Debian's postgres user
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user is not None:
            entry = pwd.getpwnam(self._user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            user=self._user,
            cwd=self.folder,
        )

    def start(self) -> None:
        """initdb, then start the server and wait until it accepts connections."""
        pwfile = self.folder / "sandi"
        pwfile.write_text(PASSWORD + "\n")
        if self._user is not None:
            entry = pwd.getpwnam(self._user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        # the port was free when chosen, but another server (another pytest-xdist worker, or
        # someone else's run on this machine) may take it first: then choose again
        for attempt in range(3):
            try:
                self._start_server()
                return
            except subprocess.CalledProcessError:
                log = self.folder / "log"
                taken = log.is_file() and "could not bind" in log.read_text(errors="replace")
                if not taken or attempt == 2:
                    raise
                self.port = _free_port()

    def _start_server(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        start = [
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.folder / "log"), "-w", "start",
        ]
        if self.small_disk_mb is None:
            self._run("pg_ctl", *start[1:])
            return
        self.small_disk.mkdir(exist_ok=True)
        script = (
            f"mount -t tmpfs -o size={self.small_disk_mb}m tmpfs '{self.small_disk}' && "
            f"chown {self._user}: '{self.small_disk}' && "
            f"exec runuser -u {self._user} -- {' '.join(repr(a) for a in start)}"
        )
        subprocess.run(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )

    def on_small_disk(self, script: str) -> subprocess.CompletedProcess:
        """Run the shell ``script`` where the server's small disk is mounted (as root)."""
        pid = (self.data / "postmaster.pid").read_text().split()[0]
        return subprocess.run(
            ["nsenter", "-t", pid, "-m", "sh", "-c", script],
            check=False,
            capture_output=True,
            text=True,
        )

    def url(self, name: str, user: str = SUPERUSER, password: str = PASSWORD) -> str:
        """The ``postgresql://`` address of database ``name`` on this server."""
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{name}"

    def admin(self) -> "object":
        """A psycopg connection to the ``postgres`` database, in autocommit (for CREATE
        DATABASE and the like)."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            password=PASSWORD,
            dbname="postgres",
            autocommit=True,
        )

    def stop(self) -> None:
        """Stop the server at once and delete its folder."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
