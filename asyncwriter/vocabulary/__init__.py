"""The English words and phrases the checks know, kept as data files beside this module.

Ask phrases, hedges, zone and event words, document nouns: these are language, not logic.
As TOML files they can be read and reviewed (and one day translated) without reading the
code that uses them. Each file is read once per process, when a module first needs it; the
tests check that every file parses and every list is well formed.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Return the tables of vocabulary file ``name``.toml, parsed once.

    Raises:
        FileNotFoundError: there is no such file.
    """
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def words(name: str, key: str) -> tuple[str, ...]:
    """Return the list ``key`` of file ``name`` (a list of strings)."""
    value = load(name)[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{name}.toml: {key} must be a list of strings")
    return tuple(value)


def names() -> list[str]:
    """Return the names of every vocabulary file (for the tests)."""
    folder = resources.files(__package__)
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))
