"""A private Xvfb server for the tests that need a real X11 display (clipboard, focus)."""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def xvfb_server() -> Iterator[str]:
    """Start Xvfb on a free display number; yield ``:N``; stop it after."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten",
         "tcp"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 30)
        assert ready, "Xvfb did not start"
        number = os.read(read_fd, 16).decode().strip()
        yield f":{number}"
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(10)
