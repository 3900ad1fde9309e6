"""A real clipboard round trip on X11: the window copies, ``xclip`` reads it back.

The test starts its own Xvfb server, runs a real window on it (the xcb platform, not
offscreen) that copies a draft with its Copy action, and reads ``text/html`` and
``text/plain`` back with ``xclip`` while that window keeps serving the selection. CI
installs xvfb and xclip; elsewhere the test is skipped when they are missing.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from asyncwriter.export import render
from tests.ui.xvfb import xvfb_server

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        not (shutil.which("Xvfb") and shutil.which("xclip")),
        reason="needs Xvfb and xclip (CI installs them)",
    ),  # fmt: skip
]

ROOT = Path(__file__).resolve().parent.parent.parent
DRAFT = (
    "Subject: Beta ships Tue 8 Dec\n\n"
    "TL;DR: **beta** ships as planned; R&D <notes> below.\n\n"
    "## Changes\n- faster search, see [the PR](https://github.com/acme/shop/pull/9)\n"
    "  - nested: café 🎉 שלום\n\n"
    "| Area | State |\n|---|---|\n| search | done |\n\nNo action needed, FYI.\n"
)


@pytest.fixture
def display():
    """Start Xvfb on a free display number; yield ``:N``."""
    with xvfb_server() as name:
        yield name


def xclip(display: str, target: str) -> str:
    result = subprocess.run(
        ["xclip", "-selection", "clipboard", "-o", "-t", target],
        env={**os.environ, "DISPLAY": display}, capture_output=True, timeout=20, check=True,
    )  # fmt: skip
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["slack", "email"])
def test_copy_reaches_the_x11_clipboard(display, tmp_path, fmt):
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        path = tmp_path / var.lower()
        path.mkdir(mode=0o700)
        env[var] = str(path)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.x11_copy_child", fmt], cwd=ROOT, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(DRAFT.encode("utf-8"))
        child.stdin.close()
        deadline = time.monotonic() + 60
        line = b""
        while time.monotonic() < deadline and not line:
            ready, _, _ = select.select([child.stdout], [], [], 1)
            if ready:
                line = child.stdout.readline()
            elif child.poll() is not None:
                break
        assert line == b"copied\n", child.stderr.read().decode() if child.poll() is not None else ""
        expected = render(DRAFT, fmt)
        targets = xclip(display, "TARGETS").split()
        assert "text/html" in targets
        assert xclip(display, "text/html") == expected.html
        assert xclip(display, "text/plain") == expected.plain
        assert xclip(display, "UTF8_STRING") == expected.plain
    finally:
        child.terminate()
        child.wait(10)
