"""Shared test set-up: no display, and no test ever touches the real user's directories."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The embedded pipeline keeps results identical on machines with and without a trained model.
os.environ.setdefault("ASYNCWRITER_SPACY_MODEL", "blank")
#: Where a real LanguageTool may be installed, before tests point LTP_PATH elsewhere.
REAL_LTP_PATH = os.environ.get("LTP_PATH")


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


@pytest.fixture
def lt_server():
    """A stand-in LanguageTool server on loopback (see tests/lt_fake.py)."""
    from tests.lt_fake import FakeServer

    server = FakeServer()
    yield server
    server.close()
