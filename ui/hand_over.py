"""A walk kit or notes file opened while walkapp is already open goes to that walkapp.

A double-click on `Spring walk.walkkit` runs `walkapp FILE`. With walkapp already open on
the same data folder, a second one may not start (one writer per data folder): instead it
hands the file names to the open one, which opens them as if they were dropped on its
window, and quits. Nothing else travels this way, and only between the user's own
processes (a local socket only its owner may use, named after the data folder).

`FileReceiver` is the open walkapp's end; `hand_over` the second one's. When no walkapp
listens (none open, or one that is stuck), `hand_over` says so and the usual start goes on,
which then explains that walkapp is already open.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# Only these files are taken (walkapp.bundles' extensions; that package is not needed here).
FILE_SUFFIXES = (".walkkit", ".walknotes")
MAX_MESSAGE = 64 * 1024
OK = b"ok\n"
HAND_OVER_MS = 3000


def server_name(data_dir: Path) -> str:
    """The local socket's name for `data_dir` (and this user): short, with no path in it."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\0{Path(data_dir).resolve()}".encode()
    return "walkapp-" + hashlib.sha256(key).hexdigest()[:24]


def parse_message(data: bytes) -> list[str]:
    """The file names in a hand-over message; [] for anything else (never an error)."""
    if len(data) > MAX_MESSAGE:
        return []
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list):
        return []
    return [f for f in files if isinstance(f, str) and "\x00" not in f
            and os.path.isabs(f) and f.lower().endswith(FILE_SUFFIXES)]


class FileReceiver(QObject):
    """Listens while the window is open; `files_received(list[str])` for each hand-over."""

    files_received = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self, data_dir: Path) -> bool:
        """Start listening (the caller holds the data folder's lock: a socket left by a
        walkapp that crashed is removed first). False if that cannot be; nothing else
        depends on it."""
        name = server_name(data_dir)
        QLocalServer.removeServer(name)
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        if not buffer.endswith(b"\n"):
            return  # more to come
        files = parse_message(bytes(buffer))
        socket.write(OK if files else b"no\n")
        socket.flush()
        socket.disconnectFromServer()
        if files:
            self.files_received.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def hand_over(data_dir: Path, files: Sequence[str], timeout_ms: int = HAND_OVER_MS) -> bool:
    """Give `files` to the walkapp open on `data_dir`; True once it has taken them."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    payload = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode() + b"\n"
    socket.write(payload)
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.abort()
    return answer == OK
