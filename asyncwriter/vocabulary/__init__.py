"""The English words and phrases the checks know, kept as data files beside this module.

Ask phrases, hedges, zone and event words, document nouns: these are language, not logic.
As TOML files they can be read and reviewed (and one day translated) without reading the
code that uses them. Each file is read once per process, when a module first needs it. The
accessors note which keys were read, so the tests can check that every list in a file is
read by some code and none silently stopped mattering.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from asyncwriter import toml_text

#: The keys read through :func:`words` and :func:`table` so far, by file.
_READ: dict[str, set[str]] = {}


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Return the tables of vocabulary file ``name``.toml, parsed once.

    Raises:
        FileNotFoundError: there is no such file.
        toml_text.TomlError: the packaged file is broken (a bug in this package).
    """
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return toml_text.parse(text)


def words(name: str, key: str) -> tuple[str, ...]:
    """Return the list ``key`` of file ``name`` (a list of strings)."""
    value = _read(name, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{name}.toml: {key} must be a list of strings")
    return tuple(value)


def alternatives(name: str, key: str) -> str:
    """Return the list ``key`` of file ``name`` joined as regex alternatives (``a|b|c``)."""
    return "|".join(words(name, key))


def table(name: str, key: str) -> dict[str, Any]:
    """Return the table ``key`` of file ``name`` (a copy: the parsed file stays as read)."""
    value = _read(name, key)
    if not isinstance(value, dict):
        raise TypeError(f"{name}.toml: {key} must be a table")
    return dict(value)


def keys_read(name: str) -> frozenset[str]:
    """Return the keys of file ``name`` that code has read so far (for the tests)."""
    return frozenset(_READ.get(name, ()))


def _read(name: str, key: str) -> object:
    _READ.setdefault(name, set()).add(key)
    return load(name)[key]


def names() -> list[str]:
    """Return the names of every vocabulary file (for the tests)."""
    folder = resources.files(__package__)
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))
