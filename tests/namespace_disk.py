"""Whether this machine lets a test mount its own small, full or read-only disk: a tmpfs
inside a Linux user namespace (``unshare -r -m``), which needs no root."""

import functools
import shutil
import subprocess
import sys


@functools.cache
def unshare_ok() -> bool:
    """True when ``unshare -r -m`` works here (asked once per test process)."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True).returncode == 0
