"""Shared test set-up: no display, and no test ever touches the real user's directories."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The embedded pipeline keeps results identical on machines with and without a trained model.
os.environ.setdefault("ASYNCWRITER_SPACY_MODEL", "blank")
#: Where a real LanguageTool may be installed, before tests point LTP_PATH elsewhere.
REAL_LTP_PATH = os.environ.get("LTP_PATH")

# Property tests in CI draw the same examples on every run, so a red build is a real change
# and not a new random draw; a failure prints the blob that reproduces it. No deadline: the
# CI machines are shared and a slow example is not a wrong one. Locally they stay random.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Point config, data and cache directories at a temporary folder."""
    for var, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        path = tmp_path / name
        path.mkdir()
        monkeypatch.setenv(var, str(path))
    # LanguageTool downloads go to the (temporary) cache dir too, as in the app.
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "cache" / "asyncwriter" / "languagetool"))
    # Lints resolve template markers in a catalog kept per process; each test starts with
    # its own folders, so it starts with no catalog loaded.
    from asyncwriter import templates

    templates.use_catalog(None)


@pytest.fixture
def lt_server():
    """A stand-in LanguageTool server on loopback (see tests/lt_fake.py)."""
    from tests.lt_fake import FakeServer

    server = FakeServer()
    yield server
    server.close()
