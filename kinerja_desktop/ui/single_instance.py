"""Bringing the running window to the front when the operator starts the application again.

The lock (:mod:`kinerja_desktop.instance`) decides who runs; this only lets the second start
ask the first window, over a local socket named after the database, to show itself. When no
window answers (the lock belongs to a ``pulihkan`` command, or the window is busy), the second
start shows the lock's message instead.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

REQUEST = b"tampilkan\n"


def server_name(db_path: Path) -> str:
    """The local socket name of the window that has ``db_path`` open."""
    key = str(Path(db_path).resolve()).lower().encode("utf-8")
    return f"kinerja-desktop-{hashlib.sha256(key).hexdigest()[:16]}"


def listen_for_others(
    db_path: Path, on_request: Callable[[], None], parent: QWidget
) -> QLocalServer:
    """Call ``on_request`` (on the GUI thread) whenever a second start asks for the window."""
    server = QLocalServer(parent)
    # a socket file left by a crashed window would make listen() fail on Linux; we hold the
    # instance lock, so any existing server of this name is stale
    QLocalServer.removeServer(server_name(db_path))
    server.listen(server_name(db_path))

    def accept() -> None:
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            on_request()

    server.newConnection.connect(accept)
    return server


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised and on top."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


def ask_running_window(db_path: Path, timeout_ms: int = 1500) -> bool:
    """Ask the window that has ``db_path`` open to come to the front; True when it was asked."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(REQUEST)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
