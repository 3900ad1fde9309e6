"""One AsyncWriter per user: a second ``asyncwriter`` hands its files to the running one.

The first instance listens on a Qt local socket (a Unix socket, a named pipe on Windows)
named for the user and the config folder, so two users, or two test runs with their own
folders, never meet. A later ``asyncwriter FILE`` connects, sends one JSON line (the files,
absolute, and the problems it found reading them), waits for ``ok``, and exits 0; the
running window comes forward and opens the files as drafts. ``--new-window`` skips all of
this.

A crashed instance leaves its socket file behind; connecting to it is refused, so the next
start removes it (``QLocalServer.removeServer``) and listens in its place. A running
instance that accepts but never answers (stopped in a debugger) is not replaced: the new
one opens its own window without listening. (Qt binds a socket with access options under a
temporary name and renames it into place, which would silently take the name from a live
instance: hence the probe before listening.) Probe, clean-up and listen happen under a lock
file next to the socket: two instances started in the same moment both found no one
listening, and the second's clean-up removed the first's fresh socket, so both opened a
window; now the second waits, finds the first and hands over.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from asyncwriter import paths
from asyncwriter.window_args import WindowRequest

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

#: How long a second instance waits to connect, and then for the answer, in ms.
CONNECT_MS, ANSWER_MS = 1000, 5000
#: A request is one short JSON line; anything longer is not one of ours.
MAX_REQUEST_BYTES = 1 << 20
#: Unix socket paths are limited to about 108 bytes; past this the name goes to /tmp.
_MAX_PATH = 100
#: How long an instance waits for another's probe-and-listen (milliseconds; it takes a few),
#: and after how long a lock whose holder is gone counts as stale.
LOCK_WAIT_MS, LOCK_STALE_MS = 3000, 10_000


def server_name(config_dir: Path, environ: Mapping[str, str] | None = None) -> str:
    """Return the socket's name for this user and config folder.

    In ``$XDG_RUNTIME_DIR`` (private to the user) when there is one, else a name Qt puts in
    the temporary folder, with the user id in it.
    """
    env = os.environ if environ is None else environ
    key = hashlib.sha256(str(config_dir).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime) and os.name == "posix":
        path = os.path.join(runtime, f"asyncwriter-{key}.sock")
        if len(path.encode()) <= _MAX_PATH:
            return path
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"asyncwriter-{user}-{key}"


def lock_path(name: str) -> str:
    """Return the lock file that guards probing and listening on socket ``name``."""
    if os.path.isabs(name):
        return name + ".lock"
    return os.path.join(tempfile.gettempdir(), name + ".lock")


def handed_over(request: WindowRequest) -> bool:
    """Give the request to this user's running AsyncWriter; return whether it took it.

    Never for ``--new-window``. Called before the window's modules are even imported, so a
    second ``asyncwriter`` returns in a fraction of a second.
    """
    if request.new_window:
        return False
    return hand_over(server_name(paths.config_dir()), request)


def encode(request: WindowRequest) -> bytes:
    """Return the request as the one JSON line the socket carries."""
    body = {"files": list(request.files), "problems": list(request.problems)}
    return json.dumps(body).encode("utf-8") + b"\n"


def decode(line: bytes) -> WindowRequest | None:
    """Return the request a line carries, or None if it is not one."""
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(body, dict):
        return None
    files, problems = body.get("files", []), body.get("problems", [])
    if not isinstance(files, list) or not isinstance(problems, list):
        return None
    if not all(isinstance(item, str) for item in [*files, *problems]):
        return None
    return WindowRequest(tuple(files), tuple(problems))


def hand_over(name: str, request: WindowRequest) -> bool:
    """Send ``request`` to a running instance; return whether it took it.

    Blocking (it runs before this process has a window or an event loop), and bounded by
    :data:`CONNECT_MS` and :data:`ANSWER_MS`.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(encode(request))
    if not socket.waitForBytesWritten(ANSWER_MS):
        socket.abort()
        return False
    answer = b""
    while b"\n" not in answer:
        if not socket.waitForReadyRead(ANSWER_MS):
            socket.abort()
            return False
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.startswith(b"ok\n")


class InstanceServer(QObject):
    """Listens for later instances and emits what each asks for.

    Signals:
        requested: a :class:`WindowRequest` from a second ``asyncwriter``.
    """

    requested = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file's permissions on Unix).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, unless a live instance holds the name (then False).

        A crashed instance's socket file refuses connections: it is removed
        (``QLocalServer.removeServer``) and this one listens in its place. A live one is
        never replaced, even when it does not answer: its window keeps its files coming.
        """
        lock = QLockFile(lock_path(self.name))
        lock.setStaleLockTime(LOCK_STALE_MS)
        # Without the lock (an unwritable folder, or a holder that hangs) this still works
        # as it did before there was one; only the start-in-the-same-moment race is back.
        locked = lock.tryLock(LOCK_WAIT_MS)
        try:
            probe = QLocalSocket()
            probe.connectToServer(self.name)
            if probe.waitForConnected(CONNECT_MS):
                probe.abort()
                return False
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        finally:
            if locked:
                lock.unlock()

    def close(self) -> None:
        """Stop listening (the socket file goes with it)."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # A slot that asks for its sender, not a lambda holding the socket: PySide
            # crashes when a lambda outlives the socket that deleteLater removed.
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_REQUEST_BYTES:
                socket.abort()
            return
        request = decode(bytes(socket.readLine().data()))
        socket.write(b"ok\n" if request is not None else b"error\n")
        socket.flush()
        socket.disconnectFromServer()
        if request is not None:
            self.requested.emit(request)


def bring_forward(window: QWidget) -> None:
    """Show ``window`` on top and give it the keyboard (un-minimized, if it was).

    Window managers may refuse focus to a window that did not ask through user input
    (Wayland always does); the window is still raised and shown.
    """
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def deliver(
    request: WindowRequest, open_file: Callable[[str], None], say: Callable[[str], None]
) -> None:
    """Open the request's files as drafts and say what could not be opened."""
    for path in request.files:
        open_file(path)
    if request.problems:
        say("Not opened: " + "; ".join(request.problems))
