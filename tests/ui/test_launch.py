"""``asyncwriter`` with no command opens the window (and keeps running until closed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.mark.parametrize(
    "command", [["-m", "asyncwriter"], ["-c", "from asyncwriter.cli import main; main([])"]]
)
def test_no_command_starts_the_window(tmp_path, command):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, *command], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    try:
        time.sleep(3)
        assert proc.poll() is None, proc.stderr.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert b"Traceback" not in proc.stderr.read()
