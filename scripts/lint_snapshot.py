"""Write the lint JSON of every message under some folders to one file, to compare versions.

Usage: ``python scripts/lint_snapshot.py OUT.txt [FOLDER ...]`` (default: ``tests`` and, when
present, ``../shared/corpus/real``). A restructuring that must not change behaviour is
checked by writing a snapshot before and after and comparing them byte for byte
(``cmp before.txt after.txt``). Each message is linted as ``asyncwriter lint --format json
--now 2026-11-21T12:00:00+00:00 --tz UTC`` would, in one process. The output holds the
messages' text (findings quote it), so keep it out of the repository.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

from asyncwriter.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".md", ".txt", ".eml")
SKIP = ("README.md", "RUBRIC.md")


def messages(folders: list[Path]) -> list[Path]:
    """Return every message file under ``folders``, sorted."""
    found = [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in SUFFIXES and path.name not in SKIP and path.is_file()
    ]
    return sorted(found)


def main(argv: list[str]) -> int:
    """Write the snapshot; return the process exit status."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    folders = [Path(a) for a in argv[1:]] or [
        p for p in (ROOT / "tests", ROOT.parent / "shared" / "corpus" / "real") if p.is_dir()
    ]
    parts: list[str] = []
    for path in messages(folders):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            status = cli(["lint", "--format", "json", "--now", "2026-11-21T12:00:00+00:00",
                          "--tz", "UTC", str(path)])  # fmt: skip
        parts.append(f"=== {path} exit={status}\n{buffer.getvalue()}")
    out.write_text("".join(parts), encoding="utf-8")
    print(f"{len(parts)} messages -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
