"""``--format sarif``: SARIF 2.1.0, the format GitHub code scanning uploads.

One run, the tool's rules in ``tool.driver.rules`` (every registered rule, and any grammar
or spelling rule id a result uses), one result per finding with its rule index, level and
region. Columns are UTF-16 code units, said explicitly in ``columnKind`` (it is SARIF's
default, and GitHub's); ``endColumn`` is the column after the last character, as SARIF
defines it. Inputs that are not files (stdin, a pull request description) get results
without a location.
"""

from __future__ import annotations

import urllib.parse
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from asyncwriter import __version__
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from asyncwriter.command_line.located import Located

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + urllib.parse.quote(pure.as_posix())
    return urllib.parse.quote(pure.as_posix())


def _rule(rule_id: str, description: str | None, severity: Severity | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": rule_id}
    if description:
        entry["shortDescription"] = {"text": description}
    if severity is not None:
        entry["defaultConfiguration"] = {"level": _LEVEL[severity]}
    return entry


def sarif_log(results: list[tuple[str, list[Located]]], files: set[str]) -> dict[str, Any]:
    """Return the SARIF log for the located findings; ``files`` are the inputs that are files."""
    from asyncwriter.checks import RULES

    rules = [_rule(r.id, r.rationale, r.severity) for r in RULES.values()]
    index = {r.id: i for i, r in enumerate(RULES.values())}
    sarif_results = []
    for path, found in results:
        for item in found:
            f = item.finding
            if f.rule not in index:  # grammar.*, spelling.*: named by the checker
                index[f.rule] = len(rules)
                rules.append(_rule(f.rule, None, None))
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
            }
            if path in files:
                result["locations"] = [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
                            "region": {
                                "startLine": item.line,
                                "startColumn": item.column16,
                                "endLine": item.end_line,
                                "endColumn": item.end_column16,
                            },
                        }
                    }
                ]
            if f.suggestions:
                result["properties"] = {"suggestions": list(f.suggestions)}
            sarif_results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "AsyncWriter",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": sarif_results,
            }
        ],
    }
