"""Score lint against labelled messages the way ``../shared/tools/score_corpus.py`` does.

The project keeps its own copy of the scoring so that its labelled sets (``reader_a``,
``reader_b``) are scored in every test run, also where the shared tools are absent; a test
checks that both give the same figures when they are present.

A labelled folder holds ``NNN.md`` messages and ``labels.jsonl`` (one object per message:
``id``, ``split``, and the properties ``summary``, ``ask``, ``deadline``, ``deadline_tz``,
``links``, each true, false or null). "Missing" is the positive class, as a linter flags it.
"""

from __future__ import annotations

import json
import math
import os
import pathlib
import subprocess
import sys

CHECKS = ("summary", "ask", "deadline", "deadline_tz", "links")
#: The moment the shared scorer lints at.
NOW = "2026-11-21T12:00:00+00:00"


def predict(report: dict) -> dict[str, bool]:
    """Return which properties lint's JSON report says the message has."""
    facts = report.get("facts") or {}
    rules = {f.get("rule") for f in report.get("findings", [])}
    asks = [a for a in facts.get("asks") or [] if not (isinstance(a, dict) and a.get("vague"))]
    return {
        "summary": bool(facts.get("summary")),
        "ask": bool(asks),
        "deadline": bool(facts.get("deadlines")),
        "deadline_tz": "deadline.no-timezone" not in rules,
        "links": bool(facts.get("links")),
    }


def mcc(tp: int, fp: int, fn: int, tn: int) -> float:
    """Return the Matthews correlation of a confusion matrix (0 when undefined)."""
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / den if den else 0.0


def score(folder: pathlib.Path, split: str = "all", pipeline: str = "blank") -> dict[str, float]:
    """Return the MCC per property and their mean (``"macro"``) for one labelled folder.

    ``pipeline`` is the spaCy pipeline the lint runs with (``ASYNCWRITER_SPACY_MODEL``).
    """
    lines = (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    labels = [json.loads(x) for x in lines if x.strip()]
    if split != "all":
        labels = [x for x in labels if x.get("split") == split]
    files = [str(folder / f"{x['id']}.md") for x in labels]
    cmd = [sys.executable, "-m", "asyncwriter", "lint", "--format", "json", "--now", NOW]
    env = {**os.environ, "ASYNCWRITER_SPACY_MODEL": pipeline}
    out = subprocess.run([*cmd, "--tz", "UTC", *files], capture_output=True, text=True, env=env)
    if out.returncode not in (0, 1):
        # The status says what stderr may not (a signal is negative: the lint was killed).
        raise RuntimeError(f"lint exited with {out.returncode}: {out.stderr[-2000:]}")
    reports = {pathlib.Path(r["path"]).stem: r for r in json.loads(out.stdout)}
    counts = {c: [0, 0, 0, 0] for c in CHECKS}  # tp fp fn tn
    for lab in labels:
        got = predict(reports[lab["id"]])
        for c in CHECKS:
            truth = lab.get(c)
            if truth is None:
                continue
            flag_true, flag_got = not truth, not got[c]
            counts[c][
                0 if flag_true and flag_got else 1 if flag_got else 2 if flag_true else 3
            ] += 1
    figures = {c: mcc(*counts[c]) for c in CHECKS}
    figures["macro"] = sum(figures[c] for c in CHECKS) / len(CHECKS)
    return figures
