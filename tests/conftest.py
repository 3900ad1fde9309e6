"""Shared test set-up: no display, and no test ever touches the real user's directories."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The embedded pipeline keeps results identical on machines with and without a trained model.
os.environ.setdefault("ASYNCWRITER_SPACY_MODEL", "blank")


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
