"""The wheel carries every package and every resource folder (pyproject lists them by hand)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _listed() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_python_package_is_listed():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "asyncwriter").rglob("__init__.py")
    }
    assert found <= _listed()


def test_every_resource_folder_is_listed():
    resources = ROOT / "resources"
    found = {"asyncwriter.resources"} | {
        "asyncwriter.resources." + ".".join(d.relative_to(resources).parts)
        for d in resources.rglob("*")
        if d.is_dir()
    }
    assert found == {p for p in _listed() if p.startswith("asyncwriter.resources")}
