"""Writing ``asyncwriter lint``'s results in the format asked for.

``--min-severity`` leaves out the findings below it in every format (the exit status still
counts every error). Text output closes with a summary line and, after ``--fix``, lists
what was fixed first (the other formats list the fixes on stderr); ``--quiet`` leaves out
both, as ruff's does (``--min-severity error`` is how to see errors only).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from typing import TYPE_CHECKING

from asyncwriter.checks.lines import LineIndex
from asyncwriter.command_line import github, sarif, text_output
from asyncwriter.command_line.located import locate
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from asyncwriter.command_line.inputs import Checked


def write(args: argparse.Namespace, results: list[Checked], out: TextIO, err: TextIO) -> None:
    """Write every input's findings (and, for text, the fixes and the summary) to ``out``.

    The other formats are for machines, so the list of fixes goes to ``err`` with them.
    """
    minimum = Severity.parse(args.min_severity)
    if args.format != "text" and not args.quiet:
        for c in results:
            for line in fix_lines(c):
                err.write(line + "\n")
    located = [(c.name, locate(c.name, c.report, minimum)) for c in results]
    files = {c.name for c in results if c.is_file}
    if args.format == "json":
        reports = []
        for c in results:
            kept = [f for f in c.report.findings if f.severity >= minimum]
            reports.append(dataclasses.replace(c.report, findings=kept).to_json(c.name))
        json.dump(reports, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "sarif":
        json.dump(sarif.sarif_log(located, files), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "github":
        for path, found in located:
            for item in found:
                out.write(github.annotation(item, with_file=path in files) + "\n")
    else:
        is_tty = hasattr(out, "isatty") and out.isatty()
        colour = text_output.use_colour(args.color, is_tty, os.environ)
        if not args.quiet:
            for c in results:
                for line in fix_lines(c):
                    out.write(line + "\n")
        for _path, found in located:
            for item in found:
                out.write(text_output.finding_line(item, colour) + "\n")
        if not args.quiet:
            hidden = Counter(
                f.severity for c in results for f in c.report.findings if f.severity < minimum
            )
            line = text_output.summary(located, colour, hidden=hidden, minimum=minimum)
            out.write(line + "\n")


def fix_lines(checked: Checked) -> list[str]:
    """Return one line per applied fix: ``path:line:col: fixed rule “old” → “new”``."""
    index = LineIndex(checked.before)
    lines = []
    for edit in checked.fixes:
        line, column = index.line_col(edit.start)
        old = " ".join(edit.old.split())
        lines.append(f"{checked.name}:{line}:{column}: fixed {edit.rule} “{old}” → “{edit.new}”")
    return lines
