"""One running app per user: a draft opened while the app runs (a double-click on a ``.moud`` file,
which Windows' file association turns into ``"MoU Drafter.exe" "C:\\...\\draft.moud"``) opens in the
running app's window instead of a second app.

The first app listens on a local socket (QLocalServer: a named pipe on Windows, a socket file on
Linux) whose name is derived from the user's data folder, so each user (and each
``MOU_DRAFTER_HOME``) has its own. A later start with draft paths connects, sends the absolute paths
as one JSON line, waits for the running app's "ok" and exits. A start without paths opens its own
window as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

#: How long a second start waits for the running app (ms) before opening its own window.
TIMEOUT_MS = 3000


def server_name() -> str:
    from ..folders import data_home

    digest = hashlib.sha256(str(data_home()).encode("utf-8")).hexdigest()[:16]
    return f"mou-drafter-{digest}"


def hand_over(paths: list[Path], name: str | None = None) -> bool:
    """Send ``paths`` to the running app; True when it took them (this process may then exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    if sys.platform == "win32":
        # Let the running app bring its window to the front: Windows gives the foreground to the
        # process the user just started (this one), which may pass it on.
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
    message = json.dumps({"open": [str(p.resolve()) for p in paths]}, ensure_ascii=False) + "\n"
    socket.write(message.encode("utf-8"))
    socket.flush()
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


log = logging.getLogger(__name__)


class InstanceServer(QObject):
    """Listens for later starts and passes each draft path they send to ``open_path``."""

    def __init__(
        self, open_path: Callable[[Path], object], parent: QObject | None = None, name: str | None = None
    ) -> None:
        super().__init__(parent)
        self.open_path = open_path
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False if another app already listens (it then keeps the drafts)."""
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError and os.name != "nt":
            # A socket file left by an app that crashed: nobody answered hand_over, so remove it.
            probe = QLocalSocket()
            probe.connectToServer(self.name)
            if probe.waitForConnected(200):
                probe.disconnectFromServer()
                return False
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if not data.endswith(b"\n"):
            return
        try:
            paths = [Path(p) for p in json.loads(data.decode("utf-8")).get("open", [])]
        except (ValueError, AttributeError) as exc:  # not from MoU Drafter: nothing to open
            log.warning("a message to the running app was not understood: %s", exc)
            paths = []
        socket.write(b"ok\n")
        socket.flush()
        for path in paths:
            self.open_path(path)
