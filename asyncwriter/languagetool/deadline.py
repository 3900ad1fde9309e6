"""A wall-clock limit on an HTTP request, and a way to cut requests off from another thread.

requests' timeouts apply to each read from the socket, not to the request: a server that
sends one byte every few seconds never trips them and holds the request (and the thread
that waits on it, and a quitting window) as long as it likes. So every connection a request
uses is noted while the request runs (:class:`WatchedAdapter` puts that into urllib3's
connections), and when the request's time is up, or its server is closed because the app
quits, the sockets are shut down from another thread: that wakes a read blocked on them at
once, and the request fails with an error the caller turns into a message.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import TYPE_CHECKING, Any

import requests.adapters
import urllib3.connection

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Which request the current thread is making (set by :meth:`Requests.limit`).
_current = threading.local()


class Cutoff:
    """One request's connections, and whether they were cut (its time ran out, or closed)."""

    def __init__(self, deadline: float) -> None:
        #: ``time.monotonic()`` by which the request must be over.
        self.deadline = deadline
        #: Why it was cut (``"time"`` or ``"closed"``); None while it may go on.
        self.reason: str | None = None
        self._lock = threading.Lock()
        self._connections: list[Any] = []
        #: Duplicates of the sockets the request opened: a TLS handshake runs on a socket
        #: that is nowhere to be found until it is over, but shutting down a duplicate
        #: stops it too. Closed when the request ends (see :meth:`release`).
        self._spares: list[socket.socket] = []
        self._released = False

    def watch(self, connection: Any) -> None:
        """Note a connection the request uses; shut it at once if the request was cut."""
        with self._lock:
            if not any(c is connection for c in self._connections):
                self._connections.append(connection)
            cut = self.reason is not None
        if cut:
            _shut(getattr(connection, "sock", None))

    def watch_socket(self, sock: socket.socket) -> None:
        """Note a socket the request opened (it may yet be wrapped in TLS)."""
        with contextlib.suppress(OSError):
            spare = sock.dup()
            with self._lock:
                if self._released:
                    spare.close()
                    return
                self._spares.append(spare)
                cut = self.reason is not None
            if cut:
                _shut(spare)

    def cut(self, reason: str) -> None:
        """Shut every connection of the request (safe from any thread, never blocks)."""
        with self._lock:
            if self.reason is None:
                self.reason = reason
            connections = list(self._connections)
            for spare in self._spares:  # under the lock: release() may close them
                _shut(spare)
        for connection in connections:
            _shut(getattr(connection, "sock", None))

    def release(self) -> None:
        """Close the duplicate sockets: the request is over (its connection may live on)."""
        with self._lock:
            self._released = True
            spares, self._spares = self._spares, []
        for spare in spares:
            spare.close()

    def remaining(self) -> float:
        """Return the seconds left before the deadline (negative once it passed)."""
        return self.deadline - time.monotonic()


class Requests:
    """The requests under way to one server: each ends by its deadline, all on :meth:`close`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active: list[Cutoff] = []
        self.closed = False

    @contextlib.contextmanager
    def limit(self, seconds: float) -> Iterator[Cutoff]:
        """Run the body as one request that is cut off after ``seconds`` (or on close)."""
        cutoff = Cutoff(time.monotonic() + seconds)
        with self._lock:
            if self.closed:
                cutoff.reason = "closed"
            self._active.append(cutoff)
        timer = threading.Timer(seconds, cutoff.cut, args=("time",))
        timer.daemon = True  # a pending deadline never keeps the process alive
        timer.start()
        previous = getattr(_current, "cutoff", None)
        _current.cutoff = cutoff
        try:
            yield cutoff
        finally:
            _current.cutoff = previous
            timer.cancel()
            cutoff.release()
            with self._lock:
                self._active.remove(cutoff)

    def close(self) -> None:
        """Cut off every request under way, and refuse new ones (from any thread)."""
        with self._lock:
            self.closed = True
            active = list(self._active)
        for cutoff in active:
            cutoff.cut("closed")


def _note(connection: Any) -> None:
    cutoff: Cutoff | None = getattr(_current, "cutoff", None)
    if cutoff is not None:
        cutoff.watch(connection)


def _note_socket(sock: socket.socket) -> None:
    cutoff: Cutoff | None = getattr(_current, "cutoff", None)
    if cutoff is not None:
        cutoff.watch_socket(sock)


def _shut(sock: socket.socket | None) -> None:
    """Shut a socket down, waking any read or handshake blocked on it (or a duplicate)."""
    if sock is None:
        return
    with contextlib.suppress(OSError):
        # The plain socket's shutdown, also for TLS: SSLSocket.shutdown would first drop
        # its TLS state under the feet of the thread reading from it.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """Notes a connection with the request that connects or uses it (mixed into urllib3's)."""

    def connect(self) -> None:
        _note(self)
        super().connect()  # type: ignore[misc]
        _note(self)  # cut while connecting: shut the socket now there is one

    def request(self, *args: Any, **kwargs: Any) -> None:
        _note(self)
        super().request(*args, **kwargs)  # type: ignore[misc]

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        _note_socket(sock)
        return sock


class _WatchedHTTPConnection(_Watched, urllib3.connection.HTTPConnection):
    """urllib3's connection, watched."""


class _WatchedHTTPSConnection(_Watched, urllib3.connection.HTTPSConnection):
    """urllib3's TLS connection, watched."""


_WATCHED: dict[type, type] = {
    urllib3.connection.HTTPConnection: _WatchedHTTPConnection,
    urllib3.connection.HTTPSConnection: _WatchedHTTPSConnection,
}


class WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections the request under way can cut off.

    Only urllib3's own connection classes are swapped (a SOCKS proxy's are left alone: its
    requests still end by the deadline once the answer's body is read, as
    :func:`read_body` checks the time between chunks).
    """

    def get_connection_with_tls_context(self, *args: Any, **kwargs: Any) -> Any:
        """Return the pool for a request, making the connections it opens watched ones."""
        pool = super().get_connection_with_tls_context(*args, **kwargs)
        watched = _WATCHED.get(pool.ConnectionCls)
        if watched is not None:
            pool.ConnectionCls = watched
        return pool


class AnswerTooLarge(Exception):
    """The answer's body is larger than the caller is willing to read."""


def read_body(
    response: requests.Response, cutoff: Cutoff, limit: int, *, cut_short: bool = False
) -> bytes:
    """Read a streamed answer's body in chunks, at most ``limit`` bytes, by the deadline.

    Args:
        response: an answer asked for with ``stream=True``.
        cutoff: the request's deadline, checked between chunks.
        limit: the most bytes read.
        cut_short: return the first ``limit`` bytes of a longer body (an error page to
            quote) rather than raise.

    Raises:
        AnswerTooLarge: the body goes on past ``limit`` bytes (unless ``cut_short``).
        requests.RequestException: the connection failed, or was cut off.
    """
    parts: list[bytes] = []
    size = 0
    for part in response.iter_content(64 * 1024):
        size += len(part)
        if size > limit:
            if not cut_short:
                raise AnswerTooLarge(size)
            parts.append(part[: limit - size])
            break
        if cutoff.reason is not None or cutoff.remaining() < 0:
            cutoff.cut("time")
            raise requests.ConnectionError("the request was cut off")
        parts.append(part)
    return b"".join(parts)
