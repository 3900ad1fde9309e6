"""``asyncwriter lint`` for CI: SARIF, GitHub annotations, the summary line, colour, filters."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from asyncwriter.checks.model import Finding
from asyncwriter.command_line import github, text_output
from asyncwriter.command_line.located import Located, locate
from asyncwriter.rule_settings import Severity
from tests.core.test_cli import NOW, run

#: A message with an error (a deadline with no zone) and warnings.
BAD = "Hi team,\n\nplease review the doc by Friday 5pm.\n"
GOOD = (
    "TL;DR: please approve option B by Thu 26 Nov, 17:00 UTC.\n\n"
    "Details: https://docs.example.com/options\n"
)


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.md"
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _item(severity: Severity, path: str = "a.md") -> Located:
    finding = Finding("ask.vague", severity, 0, 1, "m")
    return Located(path, finding, 1, 1, 1, 2, 1, 2)


# -- the summary line ---------------------------------------------------------------------


def test_summary_counts_each_severity_and_the_files():
    results = [
        ("a.md", [_item(Severity.ERROR), *[_item(Severity.WARNING)] * 3]),
        ("b.md", [_item(Severity.WARNING, "b.md")] * 2),
    ]
    assert text_output.summary(results) == "6 problems: 1 error, 5 warnings in 2 files"


def test_summary_says_singular_and_leaves_out_severities_not_found():
    assert text_output.summary([("a.md", [_item(Severity.INFO)])]) == (
        "1 problem: 1 info in 1 file"
    )


def test_summary_never_says_infos():
    results = [("a.md", [_item(Severity.WARNING), _item(Severity.INFO), _item(Severity.INFO)])]
    assert text_output.summary(results) == "3 problems: 1 warning, 2 info in 1 file"


def test_summary_of_clean_files():
    assert text_output.summary([("a.md", []), ("b.md", [])]) == "No problems in 2 files."


def test_summary_says_what_min_severity_left_out_and_when_nothing_was_read():
    hidden = {Severity.WARNING: 1, Severity.INFO: 2}
    assert text_output.summary([("a.md", [])], hidden=hidden, minimum=Severity.ERROR) == (
        "No errors in 1 file (1 warning, 2 info below --min-severity error not shown)."
    )
    results = [("a.md", [_item(Severity.ERROR)])]
    assert text_output.summary(results, hidden={Severity.INFO: 1}, minimum=Severity.WARNING) == (
        "1 problem: 1 error in 1 file (1 info below --min-severity warning not shown)"
    )
    assert text_output.summary([]) == "Nothing was checked: no input could be read."


def test_lint_of_only_unreadable_inputs_does_not_say_no_problems(tmp_path):
    result = run("lint", str(tmp_path))  # a directory
    assert result.returncode == 2
    assert "No problems" not in result.stdout.decode()
    assert result.stdout.decode() == "Nothing was checked: no input could be read.\n"


def test_text_output_ends_with_the_summary(bad, good):
    result = run("lint", *NOW, str(good), str(bad))
    *findings, summary = result.stdout.decode().splitlines()
    errors = sum(" error " in line for line in findings)
    warnings = sum(" warning " in line for line in findings)
    assert errors == 1 and warnings >= 1
    expected = f"{len(findings)} problems: 1 error, {warnings} warning"
    assert summary.startswith(expected) and summary.endswith(" in 2 files")


def test_quiet_prints_the_findings_without_the_summary(bad):
    loud = run("lint", *NOW, str(bad)).stdout.decode().splitlines()
    quiet = run("lint", "--quiet", *NOW, str(bad))
    assert quiet.returncode == 1
    assert quiet.stdout.decode().splitlines() == loud[:-1]


def test_min_severity_hides_lower_findings_but_errors_still_fail(bad):
    result = run("lint", "--min-severity", "error", "--format", "json", *NOW, str(bad))
    assert result.returncode == 1
    [report] = json.loads(result.stdout)
    assert {f["severity"] for f in report["findings"]} == {"error"}
    text = run("lint", "--min-severity", "error", *NOW, str(bad)).stdout.decode()
    *lines, last = text.splitlines()
    assert not any(" warning " in line for line in lines)
    assert last.startswith("1 problem: 1 error in 1 file (") and "not shown)" in last


# -- colour ---------------------------------------------------------------------------------


def test_colour_follows_color_option_then_no_color_then_force_color():
    assert text_output.use_colour("auto", True, {}) is True
    assert text_output.use_colour("auto", False, {}) is False
    assert text_output.use_colour("auto", True, {"NO_COLOR": "1"}) is False
    assert text_output.use_colour("auto", False, {"FORCE_COLOR": "1"}) is True
    assert text_output.use_colour("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}) is False
    assert text_output.use_colour("always", False, {"NO_COLOR": "1"}) is True
    assert text_output.use_colour("never", True, {"FORCE_COLOR": "1"}) is False


def test_no_color_wins_over_force_color_end_to_end(bad, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run("lint", *NOW, str(bad)).stdout.decode()
    assert "\x1b[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run("lint", *NOW, str(bad)).stdout.decode()
    assert "\x1b[" not in plain
    assert plain.splitlines()[0].startswith(f"{bad}:")


# -- GitHub annotations -------------------------------------------------------------------


def test_github_escapes_message_and_properties():
    finding = Finding("deadline.vague", Severity.WARNING, 0, 4, "100% sure:\r\nnot, really")
    item = Located("dir, with: odd%name.md", finding, 2, 3, 2, 7, 3, 7)
    assert github.annotation(item) == (
        "::warning file=dir%2C with%3A odd%25name.md,line=2,col=3,endLine=2,endColumn=7,"
        "title=deadline.vague::100% sure:%0D%0Anot, really".replace("100% ", "100%25 ")
    )


def test_github_leaves_end_column_out_of_multi_line_annotations():
    finding = Finding("ask.vague", Severity.ERROR, 0, 30, "m")
    item = Located("a.md", finding, 1, 5, 3, 2, 5, 2)
    assert github.annotation(item) == "::error file=a.md,line=1,col=5,endLine=3,title=ask.vague::m"


def test_github_format_end_to_end(bad):
    result = run("lint", "--format", "github", *NOW, str(bad))
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1 and lines
    assert f"::error file={bad},line=3,col=26," in "\n".join(lines)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert all(",title=" in line for line in lines)


# -- SARIF ----------------------------------------------------------------------------------


def _sarif(*args: str) -> dict:
    result = run("lint", "--format", "sarif", *NOW, *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_sarif_has_rules_results_and_utf16_regions(tmp_path):
    # An emoji before the deadline: 1 code point, 2 UTF-16 code units.
    path = tmp_path / "emoji.md"
    path.write_text("Hi 😀 please review the doc by Friday 5pm.\n", encoding="utf-8")
    log = _sarif(str(path))
    assert log["version"] == "2.1.0"
    [sarif_run] = log["runs"]
    assert sarif_run["columnKind"] == "utf16CodeUnits"
    rules = sarif_run["tool"]["driver"]["rules"]
    result = next(r for r in sarif_run["results"] if r["ruleId"] == "deadline.no-timezone")
    assert rules[result["ruleIndex"]]["id"] == "deadline.no-timezone"
    assert rules[result["ruleIndex"]]["shortDescription"]["text"]
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("emoji.md")
    text = path.read_text(encoding="utf-8")
    start = text.index("Friday")
    assert location["region"]["startLine"] == 1
    assert location["region"]["startColumn"] == start + 2  # 1-based, +1 for the emoji
    [plain] = [
        f
        for f in json.loads(run("lint", "--format", "json", *NOW, str(path)).stdout)[0]["findings"]
        if f["rule"] == "deadline.no-timezone"
    ]
    assert plain["column"] == start + 1  # the JSON contract counts code points


def test_sarif_levels_map_info_to_note():
    report_finding = Finding("style.hedge", Severity.INFO, 0, 1, "m")
    from asyncwriter.command_line import sarif

    log = sarif.sarif_log([("a.md", [Located("a.md", report_finding, 1, 1, 1, 2, 1, 2)])], set())
    [result] = log["runs"][0]["results"]
    assert result["level"] == "note" and "locations" not in result


def test_sarif_validates_against_the_sarif_2_1_0_schema(bad, good):
    """Needs the official schema: ASYNCWRITER_SARIF_SCHEMA names the file (not vendored;
    .ci/run takes it from the wheel pinned in requirements/sarif-schema.txt)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = os.environ.get("ASYNCWRITER_SARIF_SCHEMA")
    if not schema_path or not Path(schema_path).is_file():
        pytest.skip("set ASYNCWRITER_SARIF_SCHEMA to the SARIF 2.1.0 schema (see .ci/run)")
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    log = _sarif(str(good), str(bad))
    assert log["runs"][0]["results"]
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)


def test_located_columns_count_utf16_units_and_code_points():
    from asyncwriter.checks.model import Facts, Report

    text = "a\n😀😀x"
    finding = Finding("ask.vague", Severity.WARNING, 4, 5, "m")
    [item] = locate("a.md", Report(text, [finding], Facts()), Severity.INFO)
    assert (item.line, item.column, item.end_column) == (2, 3, 4)
    assert (item.column16, item.end_column16) == (5, 6)
