"""Qt lives only in ``asyncwriter/ui/``: the core and the checks must run headless."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "asyncwriter"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(str(path))
    assert offenders == []
    assert len(list(PACKAGE.rglob("*.py"))) > 5
