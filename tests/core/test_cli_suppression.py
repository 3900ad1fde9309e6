"""Suppression comments through the command line: ``lint`` honours them, ``export`` drops them.

Run as ``python -m asyncwriter`` in a subprocess, as a CI job or a pre-commit hook would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOW = ["--now", "2026-11-23T09:00:00+00:00", "--tz", "UTC"]
MESSAGE = (
    "Hi team,\n\n"
    "<!-- asyncwriter-disable-next-line deadline.relative, links -->\n"
    "please review the doc by Friday 5pm.\n\n"
    "<!-- asyncwriter-disable-next-line deadline.relativ -->\n"
    "And the plan by tomorrow 3pm.\n"
)


def asyncwriter(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "asyncwriter", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False, timeout=300)  # fmt: skip


def test_lint_honours_the_comments_and_reports_a_bad_id(tmp_path):
    path = tmp_path / "msg.md"
    path.write_text(MESSAGE, encoding="utf-8")
    done = asyncwriter("lint", "--format", "json", "--no-spelling", *NOW, str(path))
    assert done.returncode == 1, done.stderr  # deadline.no-timezone is an error
    findings = json.loads(done.stdout)[0]["findings"]
    found = {(f["rule"], f["line"]) for f in findings}
    assert ("deadline.no-timezone", 4) in found
    assert ("deadline.relative", 4) not in found
    assert ("links.unlinked-reference", 4) not in found
    assert ("suppression.unknown-rule", 6) in found
    assert ("deadline.relative", 7) in found  # the mistyped id silenced nothing
    bad = next(f for f in findings if f["rule"] == "suppression.unknown-rule")
    assert bad["suggestions"][0] == "deadline.relative"


def test_export_leaves_the_comments_out(tmp_path):
    path = tmp_path / "msg.md"
    path.write_text(MESSAGE, encoding="utf-8")
    for fmt in ("slack", "markdown"):
        done = asyncwriter("export", "--format", fmt, str(path))
        assert done.returncode == 0, done.stderr
        assert "asyncwriter-" not in done.stdout
        assert "please review the doc by Friday 5pm." in done.stdout
