"""The house rules: which part may import which, no import cycles, Qt only in the UI.

Imports are read from the source with ``ast``, so an import inside a function or under
``TYPE_CHECKING`` counts like any other: a cycle that only shows up at run time, or only for
the type checker, is still a cycle a reader has to untangle. ARCHITECTURE.md draws the same
layers.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "asyncwriter"

#: Layers from the bottom up: a module may import its own layer and the ones below it. The
#: check engine (``asyncwriter.checks.*``) sits right above the base; its public face,
#: ``asyncwriter.checks`` itself, resolves templates and so sits above them.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", (
        "asyncwriter", "asyncwriter.paths", "asyncwriter.textfiles", "asyncwriter.formats",
        "asyncwriter.draft_text", "asyncwriter.markdown", "asyncwriter.rule_settings",
        "asyncwriter.sections", "asyncwriter.vocabulary", "asyncwriter.times.",
        "asyncwriter.times", "asyncwriter.storage_schema",
    )),
    ("engine", ("asyncwriter.checks.",)),
    ("services", ("asyncwriter.settings", "asyncwriter.project_config", "asyncwriter.storage",
                  "asyncwriter.languagetool")),
    ("templates", ("asyncwriter.templates", "asyncwriter.draft_files")),
    ("lint and export", ("asyncwriter.checks", "asyncwriter.export")),
    ("front ends", ("asyncwriter.ui", "asyncwriter.cli", "asyncwriter.command_line",
                    "asyncwriter.__main__", "asyncwriter.lsp", "asyncwriter.window_args")),
)  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str) -> set[str]:
    """Return the project modules ``name`` imports, anywhere in the file."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> int:
    """Return the index of the layer ``name`` belongs to (the most specific match wins)."""
    best, best_len = -1, -1
    for index, (_title, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            hit = (
                name.startswith(prefix)
                if prefix.endswith(".")
                else (name == prefix or name.startswith(prefix + "."))
            )
            if hit and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    assert best >= 0, f"{name} is in no layer: add it to LAYERS and ARCHITECTURE.md"
    return best


def test_every_module_has_a_layer():
    assert len(MODULES) > 40
    for name in MODULES:
        _layer(name)


def test_no_module_imports_a_layer_above_it():
    upward = [
        f"{name} ({LAYERS[_layer(name)][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
        for name, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if _layer(target) > _layer(name)
    ]
    assert upward == []


def test_the_engine_reads_no_settings_templates_paths_storage_export_or_ui():
    forbidden = ("asyncwriter.settings", "asyncwriter.templates", "asyncwriter.paths",
                 "asyncwriter.storage", "asyncwriter.export", "asyncwriter.ui",
                 "asyncwriter.languagetool", "asyncwriter.cli")  # fmt: skip
    engine = [n for n in MODULES if n.startswith("asyncwriter.checks.")]
    assert len(engine) > 10
    bad = [(n, t) for n in engine for t in GRAPH[n] if t.startswith(forbidden)]
    assert bad == []


def test_no_import_cycles():
    """Tarjan's strongly connected components over the whole package: none larger than one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_cycle_finder_finds_a_cycle(monkeypatch):
    monkeypatch.setitem(GRAPH, "asyncwriter.paths", {"asyncwriter.settings"})
    with pytest.raises(AssertionError):
        test_no_import_cycles()


def test_only_the_app_takes_the_whole_window():
    takers = sorted(n for n, targets in GRAPH.items() if "asyncwriter.ui.main_window" in targets)
    assert takers == ["asyncwriter.ui.app"]


def test_no_qt_outside_ui():
    offenders = []
    for name, path in MODULES.items():
        if name.startswith("asyncwriter.ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )  # fmt: skip
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(name)
    assert offenders == []


def test_reading_settings_loads_neither_spacy_nor_the_engine():
    code = (
        "import sys, asyncwriter.settings as s; s.load(); "
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith("
        "('spacy.', 'asyncwriter.checks', 'asyncwriter.templates', 'PySide6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.strip() == "[]"
