"""How long listing templates takes with 200 template files present (target: under 50 ms).

Usage: ``python benchmarks/template_listing.py [--files N] [--runs N]``

Copies of the built-in templates (with new ids) are written to a temporary team folder, so
the files are as long and as varied as real ones. Three figures:

- ``load``: reading and parsing every file in process (``load_catalog``), cold for the first
  run and warm (files in the page cache) for the median. This is what the template picker
  pays when it opens, and the figure the target is about.
- ``cli``: the whole ``asyncwriter templates`` command as a subprocess, wall clock, next to
  ``python -c pass`` so the interpreter's own start-up can be told apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from asyncwriter import paths
from asyncwriter.templates import load_catalog


def make_templates(folder: Path, count: int) -> None:
    """Write ``count`` template files built from the built-in ones."""
    sources = sorted(paths.builtin_templates_dir().glob("*.md"))
    for i in range(count):
        source = sources[i % len(sources)].read_text(encoding="utf-8")
        template_id = f'id = "{sources[i % len(sources)].stem}"'
        text = source.replace(template_id, f'id = "team-{i:03d}"', 1)
        sub = folder / f"group-{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"template-{i:03d}.md").write_text(text, encoding="utf-8")


def time_load(folder: Path, runs: int) -> tuple[float, float, int]:
    times = []
    loaded = 0
    for _ in range(runs):
        start = time.perf_counter()
        catalog = load_catalog([folder])
        times.append(time.perf_counter() - start)
        loaded = len(catalog.templates)
        assert not catalog.problems, catalog.problems
    return times[0] * 1000, statistics.median(times) * 1000, loaded


def time_command(args: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        team = Path(tmp) / "team"
        team.mkdir()
        make_templates(team, args.files)
        config = Path(tmp) / "config" / "asyncwriter"
        config.mkdir(parents=True)
        (config / "settings.toml").write_text(f'[templates]\nfolders = ["{team}"]\n')
        cold, warm, loaded = time_load(team, args.runs)
        print(f"{args.files} team template files + built-ins: {loaded} templates loaded")
        print(f"  load (in process)   first run {cold:6.1f} ms   median {warm:6.1f} ms")
        env = dict(os.environ, XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   XDG_DATA_HOME=str(Path(tmp) / "data"))  # fmt: skip
        runs = max(3, args.runs // 5)
        cli = time_command([sys.executable, "-m", "asyncwriter", "templates"], env, runs)
        bare = time_command([sys.executable, "-c", "pass"], env, runs)
        print(f"  asyncwriter templates (subprocess)  median {cli:6.1f} ms")
        print(f"  python -c pass (interpreter start)  median {bare:6.1f} ms")


if __name__ == "__main__":
    main()
